"""Citations and entries as places: definition, references, hover, symbols. Pure.

Every function reads one :class:`~essaylint.models.FileResult` (the links the
pipeline made between citations and entries) and answers in character spans;
the protocol layer turns spans into ranges.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Citation, FileResult, Link, Reference, Span
from essaylint.rules.base import describe_citation, describe_reference

_STATUS_WORDS = {
    "matched": "linked to",
    "year-mismatch": "author found, under another year:",
    "author-mismatch": "year found, with another author spelling:",
    "ambiguous": "could be any of",
    "missing": "no entry in the reference list fits this citation",
    "secondary": 'cited secondhand ("as cited in"): it needs no entry of its own',
}


def citation_at(result: FileResult, offset: int) -> int | None:
    """The index of the citation under ``offset`` (its end counts: the cursor after it)."""
    for i, c in enumerate(result.citations):
        if c.span.start <= offset <= c.span.end:
            return i
    return None


def entry_at(result: FileResult, offset: int) -> int | None:
    """The index of the reference-list entry (in this text) under ``offset``."""
    for ref in result.references:
        if ref.source != "bib" and ref.span.start <= offset <= ref.span.end:
            return ref.index
    return None


def link_of(result: FileResult, citation: int) -> Link | None:
    for link in result.links:
        if link.citation == citation:
            return link
    return None


def _entries_of(link: Link | None) -> list[int]:
    if link is None or link.status in ("missing", "secondary"):
        return []
    if link.reference is not None:
        return [link.reference]
    return list(link.candidates)


def definition(result: FileResult, offset: int) -> list[Span]:
    """Where the entries of the citation under ``offset`` are (none for a missing one)."""
    i = citation_at(result, offset)
    if i is None:
        return []
    return [result.references[r].span for r in _entries_of(link_of(result, i))]


def references(result: FileResult, offset: int, *, include_entry: bool) -> list[Span]:
    """Every citation of the entry under ``offset`` (or of the citation's entry)."""
    entry = entry_at(result, offset)
    if entry is None:
        i = citation_at(result, offset)
        entries = _entries_of(link_of(result, i)) if i is not None else []
        if len(entries) != 1:
            return []
        entry = entries[0]
    spans = [result.references[entry].span] if include_entry else []
    cited = {link.citation for link in result.links if link.reference == entry}
    spans += [c.span for i, c in enumerate(result.citations) if i in cited]
    return spans


def _entry_block(ref: Reference, line: int | None) -> str:
    where = (
        f"line {line}"
        if line is not None
        else (f"BibTeX entry {ref.key}" if ref.key else "the .bib file")
    )
    raw = " ".join(ref.raw.split())
    return f"> {raw}\n\n*{where}*"


def hover(result: FileResult, offset: int) -> tuple[str, Span] | None:
    """Markdown about the citation (its entry, or why it has none) or the entry under ``offset``."""
    doc = result.document
    i = citation_at(result, offset)
    if i is not None:
        citation: Citation = result.citations[i]
        link = link_of(result, i)
        status = link.status if link is not None else "missing"
        head = f"**{describe_citation(citation)}**: {_STATUS_WORDS.get(status, status)}"
        parts = [head]
        for r in _entries_of(link):
            ref = result.references[r]
            line = doc.position(ref.span.start).line if doc and ref.source != "bib" else None
            parts.append(_entry_block(ref, line))
        return "\n\n".join(parts), citation.span
    entry = entry_at(result, offset)
    if entry is None:
        return None
    ref = result.references[entry]
    count = sum(1 for link in result.links if link.reference == entry)
    cited = f"cited {count} time{'s' if count != 1 else ''}" if count else "never cited"
    return f"**{describe_reference(ref)}**: {cited}", ref.span


# -- document symbols ------------------------------------------------------------------


@dataclass
class Symbol:
    """A section or an entry: its name, where it is, and what it holds."""

    name: str
    kind: str  # "section" | "list" | "entry"
    span: Span
    children: list[Symbol] = field(default_factory=list)


_ATX = compile_lazily(r"^ {0,3}(#{1,6})[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_LATEX = compile_lazily(
    r"\\(part|chapter|section|subsection|subsubsection|paragraph)\*?\s*(?:\[[^\]\n]*\])?\{([^}\n]*)\}"
)
_LATEX_LEVEL = {
    "part": 0,
    "chapter": 1,
    "section": 2,
    "subsection": 3,
    "subsubsection": 4,
    "paragraph": 5,
}
# A title line underlined (and maybe overlined) by one punctuation character:
# reStructuredText, and Markdown's setext headings (=== and ---).
_UNDERLINED = compile_lazily(r"^([^\n]*\S[^\n]*)\n([=\-~^\"'`#*+.:_])\2{2,}[ \t]*$", re.MULTILINE)


def headings(text: str, fmt: str) -> list[tuple[int, str, Span]]:
    """(level, title, span of the heading line) of every heading, in text order."""
    found: list[tuple[int, str, Span]] = []
    if fmt == "latex":
        for m in _LATEX.finditer(text):
            found.append(
                (_LATEX_LEVEL[m.group(1)], m.group(2).strip(), Span(start=m.start(), end=m.end()))
            )
        return found
    if fmt == "markdown":
        for m in _ATX.finditer(text):
            found.append((len(m.group(1)), m.group(2).strip(), Span(start=m.start(), end=m.end())))
    underline_levels: dict[str, int] = {}
    for m in _UNDERLINED.finditer(text):
        title = m.group(1).strip()
        if not title or set(title) <= set("=-~^\"'`#*+.:_ "):
            continue
        level = underline_levels.setdefault(m.group(2), len(underline_levels) + 1)
        found.append((level, title, Span(start=m.start(), end=m.end())))
    return sorted(found, key=lambda h: h[2].start)


def symbols(result: FileResult) -> list[Symbol]:
    """Sections (nested by level) with the reference lists and their entries inside."""
    doc, essay = result.document, result.essay
    if doc is None or essay is None:
        return []
    items: list[tuple[int, Symbol]] = [
        (level, Symbol(title, "section", span))
        for level, title, span in headings(doc.text, doc.format)
    ]
    for n, lst in enumerate(essay.lists):
        entries = [
            Symbol(describe_reference(r), "entry", r.span)
            for r in result.references
            if r.source != "bib" and lst.covers(r.span)
        ]
        name = essay.heading.strip("#= \t") if n == 0 and essay.heading else ""
        name = name or "Reference list"
        items.append((99, Symbol(name, "list", lst, entries)))
    items.sort(key=lambda item: item[1].span.start)
    roots: list[Symbol] = []
    stack: list[tuple[int, Symbol]] = []
    for level, sym in items:
        while stack and stack[-1][0] >= level:
            stack.pop()
        (stack[-1][1].children if stack else roots).append(sym)
        if sym.kind == "section":
            stack.append((level, sym))
    _extend_sections(roots, len(doc.text))
    return roots


def _extend_sections(symbols_: list[Symbol], end: int) -> None:
    """A section runs until the next section beside it (or its parent's end)."""
    stop = end
    for sym in reversed(symbols_):
        if sym.kind != "section":
            continue
        sym.span = Span(start=sym.span.start, end=max(sym.span.end, stop))
        _extend_sections(sym.children, sym.span.end)
        stop = sym.span.start
