"""Which parts of an essay are prose: the text the prose rules read.

:func:`prose_spans` starts from the essay body and takes away everything that
is not running prose a writer typed as sentences:

* the spans the section finder excluded (further-reading lists and the like)
  and the in-text citations;
* Markdown and HTML syntax: YAML front matter, fenced code blocks, inline code,
  HTML comments (so ``<!-- essaylint: ... -->`` directives) and tags, link
  targets ``](...)``, reference-style link
  definitions, footnote markers ``[^x]`` and footnote definitions (those are
  reference entries), the ``#`` marks of headings, HTML entities;
* URLs and e-mail addresses;
* LaTeX syntax: command names (``\\emph``), whole commands whose argument is
  not prose (``\\cite{...}``, ``\\label{...}``, ``\\begin{...}``...),
  ``% essaylint: ...`` suppression directives and, in a LaTeX document, math.

Nothing after the start of the reference list is prose here: not the list
(its titles are checked separately by the spelling rule) and not the trailing
text (reader comments, page chrome). Everything is pure string work.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from essaylint.analysis.patterns import (
    FOOTNOTE_DEFINITION,
    FOOTNOTE_MARK,
    FRONT_MATTER,
    HTML_ENTITY,
    INLINE_CODE,
)
from essaylint.lazy_pattern import LazyPattern, compile_lazily
from essaylint.models import Citation, Essay, Span

_FENCE = compile_lazily(
    r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.S | re.M
)
_HTML_COMMENT = compile_lazily(r"<!--.*?(?:-->|\Z)", re.S)
# A LaTeX suppression directive (the loader keeps these comments; others are blanked).
_LATEX_DIRECTIVE = compile_lazily(r"(?<!\\)%[ \t]*essaylint:[^\r\n]*")
_HTML_TAG = compile_lazily(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>")
_LINK_TARGET = compile_lazily(r"\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+[\"'][^\"'\n]*[\"'])?\)")
_LINK_DEFINITION = compile_lazily(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+[^\n]*$", re.M)
_FOOTNOTE_DEFINITION = compile_lazily(FOOTNOTE_DEFINITION.pattern + r"[^\n]*$", re.M)
_HEADING_MARKS = compile_lazily(r"^[ \t]{0,3}#{1,6}(?=[ \t]|$)|[ \t]+#+[ \t]*$", re.M)
_URL = compile_lazily(
    r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"“”]+|\bdoi:\s*10\.\d{4,9}/\S+", re.IGNORECASE
)
_EMAIL = compile_lazily(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_LATEX_ARG_COMMAND = compile_lazily(
    r"\\(?:[A-Za-z]*cite[A-Za-z]*|(?:eq|page|auto|c|C|name)?ref|label|url|href|path|begin|end"
    r"|includegraphics|input|include|bibliography|bibliographystyle|addbibresource"
    r"|usepackage|documentclass|newcommand|renewcommand|hypersetup|setlength)\*?"
    r"(?:\s*\[[^\]\n]*\])*(?:\s*\{[^{}\n]*\})+"
)
_LATEX_COMMAND = compile_lazily(r"\\[A-Za-z]+\*?|\\[\\,;:!@ ]")
_LATEX_MATH = compile_lazily(
    r"\$\$.*?\$\$|(?<![\\$])\$(?!\s)[^$\n]+?(?<![\s\\])\$|\\\[.*?\\\]|\\\(.*?\\\)"
    r"|\\begin\{(equation|align|gather|multline|eqnarray|displaymath|math)\*?\}.*?"
    r"\\end\{\1\*?\}",
    re.S,
)
_LATEX_SIGNS = compile_lazily(r"\\documentclass|\\begin\{document\}|\\section\*?\{|\\usepackage")

_BLANK = compile_lazily(r"[^\r\n]")

# Trailing punctuation that ends a sentence rather than a URL.
_URL_TAIL = ".,;:!?)]}'’"


def _url_spans(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    for m in _URL.finditer(text, start, end):
        stop = m.end()
        while stop > m.start() and text[stop - 1] in _URL_TAIL:
            if text[stop - 1] == ")" and text.count("(", m.start(), stop) >= text.count(
                ")", m.start(), stop
            ):
                break
            stop -= 1
        yield m.start(), stop


def is_latex(text: str) -> bool:
    """Whether ``text`` looks like a LaTeX source (math is then not prose)."""
    return bool(_LATEX_SIGNS.search(text))


def _removals(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """Ranges inside ``[start, end)`` that are markup, code or addresses."""
    latex = is_latex(text)
    patterns: list[LazyPattern] = [
        _FENCE,
        _HTML_COMMENT,
        _LATEX_DIRECTIVE,
        _HTML_TAG,
        HTML_ENTITY,
        _LINK_TARGET,
        _LINK_DEFINITION,
        _FOOTNOTE_DEFINITION,
        FOOTNOTE_MARK,
        _HEADING_MARKS,
        _EMAIL,
        _LATEX_ARG_COMMAND,
        _LATEX_COMMAND,
    ]
    if latex:
        patterns.append(_LATEX_MATH)
    else:
        # ``quotes'' in LaTeX would read as inline code spans.
        patterns.append(INLINE_CODE)
    if start == 0:
        m = FRONT_MATTER.match(text)
        if m:
            yield m.start(), m.end()
    for pattern in patterns:
        for m in pattern.finditer(text, start, end):
            yield m.start(), m.end()
    yield from _url_spans(text, start, end)


def subtract(regions: Sequence[Span], holes: Iterable[tuple[int, int]]) -> list[Span]:
    """``regions`` minus the ``holes`` (half-open ranges), as sorted, non-empty spans."""
    cuts = sorted((a, b) for a, b in holes if b > a)
    out: list[Span] = []
    for region in sorted(regions, key=lambda s: s.start):
        pos = region.start
        for a, b in cuts:
            if b <= pos:
                continue
            if a >= region.end:
                break
            if a > pos:
                out.append(Span(start=pos, end=a))
            pos = max(pos, b)
        if pos < region.end:
            out.append(Span(start=pos, end=region.end))
    return out


def prose_spans(text: str, essay: Essay, citations: Sequence[Citation]) -> list[Span]:
    """The parts of the essay body that are prose to check, in document order."""
    body_end = min(essay.body.end, len(text))
    if essay.trailing is not None:
        body_end = min(body_end, essay.trailing.start)
    start = max(0, essay.body.start)
    if body_end <= start:
        return []
    holes: list[tuple[int, int]] = [(ex.start, ex.end) for ex in essay.excluded]
    listed = essay.lists or ((essay.references,) if essay.references is not None else ())
    holes += [(span.start, span.end) for span in listed]
    holes += [(c.span.start, c.span.end) for c in citations]
    holes += list(_removals(text, start, body_end))
    return subtract([Span(start=start, end=body_end)], holes)


def mask(text: str, spans: Sequence[Span]) -> str:
    """``text`` with everything outside ``spans`` blanked: same length, newlines kept."""
    pieces: list[str] = []
    pos = 0
    for span in sorted(spans, key=lambda s: s.start):
        a, b = max(pos, span.start), min(len(text), span.end)
        if b <= a:
            continue
        pieces.append(_BLANK.sub(" ", text[pos:a]))
        pieces.append(text[a:b])
        pos = b
    pieces.append(_BLANK.sub(" ", text[pos:]))
    return "".join(pieces)


def inside(spans: Sequence[Span], start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies within one of ``spans``."""
    return any(s.start <= start and end <= s.end for s in spans)
