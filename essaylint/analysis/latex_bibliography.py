"""A LaTeX ``thebibliography`` list: where it stands and its ``\\bibitem`` entries.

A hand-written LaTeX list is markup, not a shape to guess::

    \\begin{thebibliography}{9}
    \\bibitem{orwell} Orwell, G.: \\emph{Homage to Catalonia}. Secker \\& Warburg (1938)
    \\bibitem[Weil(1951)]{weil} Weil, S. 1951.
      \\newblock \\textit{Waiting for God}. Putnam.
    \\end{thebibliography}

Each ``\\bibitem[label]{key}`` starts an entry whose key is ``key``, so
``\\cite{key}`` links to it exactly; the entry runs to the next ``\\bibitem``
or the end of the environment, over as many lines as it takes. LaTeX prints
every item, so an item no ``\\cite`` names is uncited. An item without a label
is printed with its number ("[3]"), one with a label with the label.

The entry is read as plain text (:func:`entry_text`): italics (``\\emph``,
``\\textit``, ``{\\em ...}``) become ``*...*`` so the entry parser sees the title
as it sees Markdown emphasis, ``\\url{...}`` its address, and the rest is read
as a .bib field is (:func:`essaylint.analysis.latex_text.latex_to_text`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from essaylint.analysis.latex_text import latex_to_text
from essaylint.analysis.references import parse_reference
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Reference, Span

__all__ = [
    "BIBENT",
    "BIBITEM",
    "ITEM",
    "Environment",
    "bibent_references",
    "bibitem_references",
    "bibliography_environments",
    "item_references",
]

# LaTeX's own list, and the Works Cited of the MLA packages (mla.sty: entries after \bibent).
_BEGIN = compile_lazily(
    r"\\begin\s*\{(?P<name>thebibliography|workscited)\}[ \t]*(?:\{[^{}\n]*\})?"
)
#: ``\bibitem{key}`` or ``\bibitem[label]{key}``; a label may hold one level of braces
#: (``[{\em Anon.}(2019)]``), and a key spaces inside, as LaTeX allows (``\bibitem{state of
#: the art}``, cited ``\cite{state of the art}``).
BIBITEM = compile_lazily(
    r"\\bibitem\s*(?:\[(?P<label>(?:[^\[\]{}\n]|\{[^{}\n]*\})*)\])?\s*"
    r"\{\s*(?P<key>[^{}\s,](?:[^{},\n]*[^{}\s,])?)\s*\}"
)


@dataclass(frozen=True)
class Environment:
    """One ``thebibliography`` environment: ``start`` of ``\\begin``, its ``body``."""

    start: int
    body: Span


# A list of the document's own under a heading that names a reference list: "\section
# {References}" then "\begin{enumerate}" (LaTeX commands such as \raggedright between).
_HEADED_ITEMS = compile_lazily(
    r"\\(?:chapter|section|subsection)\*?\s*\{(?P<title>[^{}\n]{1,60})\}\s*"
    r"(?:\\[A-Za-z]+\s*)*(?P<list>\\begin\s*\{(?P<name>enumerate|itemize|description)\})"
)


def bibliography_environments(text: str) -> list[Environment]:
    """Every ``thebibliography`` environment of a LaTeX text (comments already blanked),
    and every item list right under a heading that names a reference list ("\\section
    {References}" then ``enumerate``), whose body keeps its ``\\begin``.

    One that is never closed runs to the end of the text.
    """
    found: list[Environment] = []
    pos = 0
    while (begin := _BEGIN.search(text, pos)) is not None:
        closing = f"\\end{{{begin.group('name')}}}"
        end = text.find(closing, begin.end())
        stop = len(text) if end == -1 else end
        found.append(Environment(start=begin.start(), body=Span(start=begin.end(), end=stop)))
        if end == -1:
            break
        pos = end + len(closing)
    if "\\item" in text:
        found += _headed_item_lists(text)
    return sorted(found, key=lambda env: env.start)


def _headed_item_lists(text: str) -> list[Environment]:
    from essaylint.analysis.layout import list_heading_kind, normalise_heading

    found: list[Environment] = []
    for head in _HEADED_ITEMS.finditer(text):
        if list_heading_kind(normalise_heading(head.group("title"))) not in (
            "primary",
            "consulted",
        ):
            continue
        closing = f"\\end{{{head.group('name')}}}"
        end = text.find(closing, head.end())
        stop = len(text) if end == -1 else end
        found.append(Environment(start=head.start(), body=Span(start=head.start("list"), end=stop)))
    return found


def _marked_pieces(
    marks: list[re.Match[str]], text: str
) -> Iterator[tuple[int, re.Match[str], str]]:
    """Each mark (``\\bibitem``, ``\\bibent``, ``\\item``) with its number and the text
    after it up to the next mark, trailing space dropped."""
    for i, mark in enumerate(marks):
        stop = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        yield i, mark, text[mark.end() : stop].rstrip()


#: ``\item`` or ``\item[label]`` of a LaTeX list.
ITEM = compile_lazily(r"\\item\b\s*(?:\[[^\]\n]*\])?")


def item_references(text: str, start: int) -> list[Reference]:
    """The entries of a reference list typed as a LaTeX item list, one per ``\\item``,
    numbered when the list is an ``enumerate`` (as LaTeX prints it)."""
    numbered = "\\begin{enumerate}" in text[:200].replace(" ", "")
    references: list[Reference] = []
    for i, item, source in _marked_pieces(list(ITEM.finditer(text)), text):
        span = Span(start=start + item.end(), end=start + item.end() + len(source))
        number = i + 1 if numbered else None
        references.append(parse_reference(entry_text(source), span=span, index=i, number=number))
    return references


def bibitem_references(text: str, start: int) -> list[Reference]:
    """The entries of a ``thebibliography`` body, one per ``\\bibitem``, keyed.

    ``start`` is the body's offset in the document; each span runs from its
    ``\\bibitem`` to the end of its text. Text before the first item is no entry.
    """
    references: list[Reference] = []
    number = 0
    for i, item, source in _marked_pieces(list(BIBITEM.finditer(text)), text):
        label = item.group("label")
        if label is None:
            number += 1
        span = Span(start=start + item.start(), end=start + item.end() + len(source))
        references.append(
            parse_reference(
                entry_text(source),
                span=span,
                index=i,
                number=number if label is None else None,
                key=item.group("key"),
            )
        )
    return references


#: mla.sty's ``\bibent``: a hanging-indent paragraph, one Works Cited entry, unkeyed.
BIBENT = compile_lazily(r"\\bibent\b\s*")


def bibent_references(text: str, start: int) -> list[Reference]:
    """The entries of a ``workscited`` body, one per ``\\bibent``, unnumbered and unkeyed
    as the package prints them (an alphabetical MLA list)."""
    references: list[Reference] = []
    for i, item, source in _marked_pieces(list(BIBENT.finditer(text)), text):
        # The entry is its text, which often starts on the line after its \bibent.
        span = Span(start=start + item.end(), end=start + item.end() + len(source))
        references.append(parse_reference(entry_text(source), span=span, index=i))
    return references


# --- the entry as plain text ---------------------------------------------------------

_URL = compile_lazily(r"\\(?:url|path)\s*\{([^{}]*)\}|\\href\s*\{([^{}]*)\}\s*\{([^{}]*)\}")
_GROUPED = r"((?:[^{}]|\{[^{}]*\})*)"  # text with braces at most one deep
_ITALIC = compile_lazily(
    r"\\(?:emph|textit|textsl)\s*\{" + _GROUPED + r"\}"
    r"|\{\\(?:em|it|itshape|sl)\s+" + _GROUPED + r"\}"
)


def _plain(piece: str) -> str:
    """A stretch of LaTeX with no address in it, as the reader sees it; italics kept
    as ``*...*`` for the entry parser."""
    piece = piece.replace("\\newblock", " ")
    piece = _ITALIC.sub(lambda m: f"*{_plain(m.group(1) or m.group(2)).strip()}*", piece)
    # The pieces around an address keep the spaces that part them from it.
    lead = " " if piece[:1].isspace() else ""
    trail = " " if piece[-1:].isspace() else ""
    return f"{lead}{latex_to_text(piece)}{trail}"


def entry_text(source: str) -> str:
    """The text of one ``\\bibitem`` as a reader sees it, on one line."""
    pieces: list[str] = []
    pos = 0
    for m in _URL.finditer(source):
        pieces.append(_plain(source[pos : m.start()]))
        address = m.group(1) if m.group(1) is not None else m.group(2)
        shown = "" if m.group(3) is None else _plain(m.group(3)).strip() + " "
        pieces.append(f"{shown}{address.strip()}")
        pos = m.end()
    pieces.append(_plain(source[pos:]))
    return " ".join("".join(pieces).split())
