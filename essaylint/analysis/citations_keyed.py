"""Citations that point by number or key: "[3]", "[1, 4-6]", "[^note]", "\\cite{key}", "[@key]".

Numbers in brackets are read as runs ("[15]–[17], [19]"); a Markdown image,
link label or link definition is no citation. Footnote marks, LaTeX cite
commands and pandoc citations carry the key of the note or entry they cite.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from essaylint.analysis.body_spans import footnote_definition_spans
from essaylint.analysis.citation_names import NAME_WORD
from essaylint.analysis.patterns import ET_AL, FRONT_MATTER, LATEX_CITE, footnote_references
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Citation, Span

if TYPE_CHECKING:
    from essaylint.analysis.latex_macros import CiteMacro

# One bracket of numbers, "[3]", "[1, 4-6]", or Markdown-escaped "\\[3\\]" (pandoc).
_NUMBER_SPEC = r"\d{1,3}(?:\s*[-–—]\s*\d{1,3})?(?:\s*[,;]\s*\d{1,3}(?:\s*[-–—]\s*\d{1,3})?)*"
# IEEE puts a locator after the number, inside the bracket: "[1, p. 4]", "[7, Ch. 3]",
# "[3, Sec. 2.1]", "[2, pp. 10-12]", "[5, Fig. 3]", "[4, Eq. (2)]".
_IN_BRACKET_LOCATOR = (
    r"(?:,\s*(?i:pp?|ch|chap|sec|secs|fig|figs|eq|eqs|para|thm|tab|table|app)\.?\s*"
    r"\(?[\w.]{1,8}\)?(?:\s*[-–]\s*[\w.]{1,8})?)?"
)
_NUMBER_BRACKET = compile_lazily(rf"\\?\[({_NUMBER_SPEC}){_IN_BRACKET_LOCATOR}\\?\]")
# A run of such brackets, "[15]–[17], [19]" or "[10][11]". Not an image "![3](x.png)", a
# link label "[text][3]" or a link definition "[3]: https://..." (at the start of its
# line); a link whose text is the number, "[13](#cite13)", and "COMPAS [9]: a tool", are.
_NUMERIC = compile_lazily(
    rf"(?<![!\]]){_NUMBER_BRACKET.pattern}(?:\s*(?:[-–—,;]\s*)?{_NUMBER_BRACKET.pattern})*"
)


def _link_definition(text: str, match: re.Match[str]) -> bool:
    """ "[3]: https://..." at the start of its line defines a Markdown link; it cites nothing."""
    if not text.startswith(":", match.end()):
        return False
    line_start = text.rfind("\n", 0, match.start()) + 1
    return not text[line_start : match.start()].strip()


_RANGE_DASH = compile_lazily(r"\s*[-–—]\s*")

# An inline footnote ("^[uses the dplyr package @citedplyr]") is a note, not a citation: the
# keys in it are read as narrative ones.
_PANDOC_GROUP = compile_lazily(r"(?<!\^)\[(?P<body>[^\[\]\n]*?-?@[\w][^\[\]\n]*)\]")
# "@smith2019 says", "(@smith2019)": pandoc's narrative form (an e-mail address has a word
# before its "@"; bookdown's "\\@ref(fig:x)" a backslash).
_PANDOC_NARRATIVE_KEY = compile_lazily(r"(?<![\w.@\\])@[A-Za-z_][\w:.#$%&\-+?<>~/]*\w")


_PANDOC_ITEM = compile_lazily(
    r"(?P<prefix>[^@;]*?)-?@(?P<key>[\w][\w:.#$%&\-+?<>~/]*[\w])(?P<rest>[^;]*)"
)
# pandoc-crossref labels: "[@fig:map]", "@tbl:results", "[-@sec:method]", "@Eq:loss", and
# Quarto's: "@fig-map", "@tbl-results", "@thm-main" point to a figure, table, section,
# equation, listing or theorem of the document, not to an entry.
_CROSSREF_KEY = compile_lazily(
    r"(?:fig|tbl|sec|eq|lst):|(?:fig|tbl|sec|eq|lst|thm|lem|cor|prp|cnj|def|exm|exr|sol|rem)-"
    r"(?=[a-z0-9])",
    re.IGNORECASE,
)


def _cites_entry(key: str, prefix: str = "") -> bool:
    """Is a pandoc ``@key`` a citation (not a pandoc-crossref label such as ``fig:map``, nor
    bookdown's escaped "\\@ref(tab:x)", whose prefix ends in the backslash)?"""
    return _CROSSREF_KEY.match(key) is None and not prefix.endswith("\\")


def _pandoc_entry_keys(text: str) -> Iterator[str]:
    """Each entry key a pandoc citation names, in text order; cross-references
    ("[@fig:map]") name no entry."""
    for pattern in (_PANDOC_GROUP, _PANDOC_NARRATIVE_KEY):
        for m in pattern.finditer(text):
            for item in _PANDOC_ITEM.finditer(m.group(0)):
                if _cites_entry(item.group("key"), item.group("prefix")):
                    yield item.group("key")


def cites_by_pandoc_key(text: str) -> bool:
    """Whether a Markdown text cites with pandoc keys ("[@smith2019]", "@smith2019 says")."""
    return next(_pandoc_entry_keys(text), None) is not None


def cited_pandoc_keys(text: str) -> frozenset[str]:
    """The entry keys a Markdown text cites with pandoc citations."""
    return frozenset(_pandoc_entry_keys(text))


def _expand_numbers(spec: str) -> list[int]:
    numbers: list[int] = []
    for piece in re.split(r"\s*[,;]\s*", spec):
        bounds = re.split(r"\s*[-–—]\s*", piece)
        if len(bounds) == 2 and bounds[0].isdigit() and bounds[1].isdigit():
            lo, hi = int(bounds[0]), int(bounds[1])
            if 0 < lo <= hi and hi - lo <= 50:
                numbers.extend(range(lo, hi + 1))
        elif piece.isdigit():
            numbers.append(int(piece))
    return numbers


# "Lee et al. [4]", "Lee, et al. [4]", "Lee and Park [4]",
# "by Lanctot, Winands, Pepels, and Sturtevant[4]": the first author of a team named
# right before its number.
_NAMED_BEFORE = compile_lazily(
    rf"(?<![\w.'’\-])({NAME_WORD})"
    rf"(?:,?\s+{ET_AL}|(?:,\s+{NAME_WORD})*,?\s+(?:and|&)\s+{NAME_WORD})\s*$"
)
_NAMED_REACH = 60


def _named_author(text: str, region: Span, start: int) -> str | None:
    """The first family name of "Name et al." or "Name, Name and Name" right before
    ``start``, in the same region."""
    m = _NAMED_BEFORE.search(text, max(region.start, start - _NAMED_REACH), start)
    return m.group(1) if m else None


# "a year *(1)*.", "underreported (2, 4)," : a number in parentheses that closes a clause,
# read only where the list numbers its entries "(1)" (not "(1) the first step").
_PAREN_NUMBER = compile_lazily(
    rf"(?<=[\w.,;:!?\"”’)*_])[ \t]*([*_]?)\(({_NUMBER_SPEC})\)\1(?=[ \t]*(?:[.,;:!?]|\r?\n|$))"
)


# "as the post “Why tides turn” (4) and others show": a number right after a quoted title
# cites that title, wherever the clause goes on.
_QUOTED_PAREN_NUMBER = compile_lazily(
    rf"(?<=[\"”])[ \t]?()\(({_NUMBER_SPEC})\)(?![ \t]*(?:[.,;:!?]|\r?\n|$))"
)
# "Narasimhan et al. (5) mapped ...": a number in parentheses right after a team's name.
_NAMED_PAREN_NUMBER = compile_lazily(rf"(?<=[\w.])[ \t]?(\(({_NUMBER_SPEC})\))")


def _parenthesised_specs(text: str, region: Span) -> list[tuple[int, int, str]]:
    """Start, end and numbers of each "(2, 3)" closing a clause, after a quoted title or
    after "Name et al.", in text order."""
    found: dict[int, tuple[int, int, str]] = {}
    for pattern in (_PAREN_NUMBER, _QUOTED_PAREN_NUMBER):
        for m in pattern.finditer(text, region.start, region.end):
            start = m.start(1) if m.group(1) else m.start(2) - 1
            found[m.start(2)] = (start, m.end(), m.group(2))
    for m in _NAMED_PAREN_NUMBER.finditer(text, region.start, region.end):
        if m.start(2) not in found and _named_author(text, region, m.start(1)):
            found[m.start(2)] = (m.start(1), m.end(1), m.group(2))
    return sorted(found.values())


def parenthesised_numbers(text: str, regions: list[Span]) -> Iterator[Citation]:
    """Numbers in parentheses closing a clause, after a quoted title or after
    "Name et al.", for a list numbered "(1)", "(2)"."""
    for region in regions:
        for start, end, spec in _parenthesised_specs(text, region):
            numbers = _expand_numbers(spec)
            if 0 in numbers:
                continue  # "(0, 1)": an interval, not entries
            span = Span(start=start, end=end)
            for n in numbers:
                yield Citation(span=span, text=text[start:end], kind="numeric", number=n)


# "the [1,5,10] weights": a bracket after an article or demonstrative is a value, not a source,
# unless a word for a source follows it: "This [9] paper", "the [4] survey".
_ARTICLE_BEFORE = compile_lazily(r"(?i:\b(?:the|a|an|this|that|these|those))\s+\Z")
_SOURCE_NOUN_AFTER = compile_lazily(
    r"\s+(?:paper|study|studies|work|article|survey|review|report|book|thesis|chapter|"
    r"authors?|researchers)\b",
    re.IGNORECASE,
)


# Code pasted into the text indexes arrays: "pwm_params[6]", "wind[1] = 0", "grid[2][3]".
# (an underscore inside a word: "_Title_[1]" closes emphasis, "params_[1]" is no index)
_IDENTIFIER_BEFORE = compile_lazily(r"(?<![\w.])[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\Z")
_ASSIGNED_AFTER = compile_lazily(r"\s*(?:=(?!=)|\[)")


def _array_index(text: str, match: re.Match[str]) -> bool:
    """Is the bracket glued to an identifier with an underscore, or followed by an
    assignment or another index? A citation glued to a word ("RAYBOT[1]") is neither."""
    glued = match.start() > 0 and (
        text[match.start() - 1].isalnum() or text[match.start() - 1] == "_"
    )
    if not glued:
        return False
    before = text[max(0, match.start() - 40) : match.start()]
    return bool(_IDENTIFIER_BEFORE.search(before) or _ASSIGNED_AFTER.match(text, match.end()))


def numeric_citations(text: str, regions: list[Span]) -> Iterator[Citation]:
    """Numbers in brackets; one named by its first author ("Lee et al. [4]") keeps it."""
    for region in regions:
        for m in _NUMERIC.finditer(text, region.start, region.end):
            if _link_definition(text, m) or _array_index(text, m):
                continue
            if _ARTICLE_BEFORE.search(
                text[max(region.start, m.start() - 8) : m.start()]
            ) and not _SOURCE_NOUN_AFTER.match(text, m.end()):
                continue
            named = _named_author(text, region, m.start())
            for start, end, found in _bracket_units(text, m.start(), m.end()):
                span = Span(start=start, end=end)
                who = (named,) if named and len(found) == 1 else ()
                for n in found:
                    yield Citation(
                        span=span, text=text[start:end], kind="numeric", number=n,
                        authors=who, et_al=bool(who), narrative=bool(who),
                    )  # fmt: skip
                named = None  # the name goes with the first bracket of a run


def _bracket_units(text: str, start: int, end: int) -> Iterator[tuple[int, int, list[int]]]:
    """The numbers of a run of brackets, one unit per bracket or bracketed range.

    "[15]–[17], [19]" gives ([15]–[17]: 15, 16, 17) and ([19]: 19).
    """
    unit: tuple[int, int, list[int]] | None = None
    for b in _NUMBER_BRACKET.finditer(text, start, end):
        found = _expand_numbers(b.group(1))
        if 0 in found:
            continue  # "[0, 1]", "[0]": an interval or an index; no list numbers from 0
        if len(set(found)) < len(found):
            continue  # "[1,1,5,10]": values; a citation names each entry once
        if unit is not None:
            u_start, u_end, u_found = unit
            dash = _RANGE_DASH.fullmatch(text, u_end, b.start()) is not None
            lo, hi = u_found[-1] if u_found else 0, found[0] if found else 0
            if dash and len(found) == 1 and 0 < lo < hi and hi - lo <= 50:
                unit = (u_start, b.end(), [*u_found, *range(lo + 1, hi + 1)])
                continue
            yield unit
        unit = (b.start(), b.end(), found)
    if unit is not None:
        yield unit


def footnote_citations(text: str, regions: list[Span]) -> Iterator[Citation]:
    for region in regions:
        for m in footnote_references(text, region.start, region.end):
            yield Citation(
                span=Span(start=m.start(), end=m.end()), text=m.group(0), kind="footnote",
                key=m.group(1),
            )  # fmt: skip


def latex_citations(
    text: str, regions: list[Span], macros: Sequence[CiteMacro] = ()
) -> Iterator[Citation]:
    """Every \\cite-like command's keys, and the uses of the writer's own citation
    commands (``macros``, :mod:`essaylint.analysis.latex_macros`)."""
    from essaylint.analysis.latex_macros import NARRATIVE_COMMANDS, macro_uses

    for region in regions:
        for m in LATEX_CITE.finditer(text, region.start, region.end):
            if m.group("cmd") == "nocite":
                continue
            opts = [o[1:-1] for o in (m.group("opt1"), m.group("opt2")) if o]
            locator = opts[-1].replace("~", " ") if opts and opts[-1] else None
            narrative = m.group("cmd") in NARRATIVE_COMMANDS
            span = Span(start=m.start(), end=m.end())
            for key in (k.strip() for k in m.group("keys").split(",")):
                if key and "#" not in key:  # "#1": the parameter of a command's definition
                    yield Citation(span=span, text=m.group(0), kind="key", key=key,
                                   locator=locator, narrative=narrative)  # fmt: skip
        for m, key, macro in macro_uses(text, macros, region.start, region.end):
            yield Citation(span=Span(start=m.start(), end=m.end()), text=m.group(0),
                           kind="key", key=key, narrative=macro.narrative)  # fmt: skip


def pandoc_citations(
    text: str, regions: list[Span], *, bare_keys: bool = False
) -> Iterator[Citation]:
    """Bracketed pandoc citations ("[@a, p. 4; see @b]"), and with ``bare_keys`` the
    narrative form outside brackets ("@a argues", "(@a)", "(@a, @b)"), which pandoc
    renders as "Author (Year)" wherever it stands."""
    group_ends: dict[int, int] = {}
    for citation in _bracketed_pandoc_citations(text, regions):
        group_ends[citation.span.start] = citation.span.end
        yield citation
    if not bare_keys:
        return
    starts = sorted(group_ends)
    yaml = FRONT_MATTER.match(text)  # its keys ("nocite: @key", a commented-out line) cite nothing
    body_start = yaml.end() if yaml else 0
    for region in regions:
        for m in _PANDOC_NARRATIVE_KEY.finditer(text, max(region.start, body_start), region.end):
            key = m.group(0)[1:]
            at = bisect_right(starts, m.start()) - 1
            if not _cites_entry(key) or (at >= 0 and m.start() < group_ends[starts[at]]):
                continue  # a cross-reference, or a key of a bracketed group
            yield Citation(span=Span(start=m.start(), end=m.end()), text=m.group(0),
                           kind="key", key=key, narrative=True)  # fmt: skip


def _bracketed_pandoc_citations(text: str, regions: list[Span]) -> Iterator[Citation]:
    for region in regions:
        for m in _PANDOC_GROUP.finditer(text, region.start, region.end):
            body = m.group("body")
            if "](" in text[m.end() - 1 : m.end() + 1] or re.search(r"\w@", body):
                continue  # a link or an e-mail address
            span = Span(start=m.start(), end=m.end())
            for item in _PANDOC_ITEM.finditer(body):
                if not _cites_entry(item.group("key"), item.group("prefix")):
                    continue  # "[@fig:map]", "\\@ref(fig:map)": a cross-reference to a figure
                rest = item.group("rest").strip().lstrip(",").strip()
                yield Citation(span=span, text=m.group(0), kind="key", key=item.group("key"),
                               locator=rest or None,
                               prefix=item.group("prefix").strip() or None)  # fmt: skip


def note_key_citations(text: str) -> list[Citation]:
    """pandoc citations inside Markdown footnote definitions ("[^3]: [@smith2019, p. 4].").

    citeproc resolves them against the bibliography as it does the body's: a
    bibliography entry cited only from a note is printed.
    """
    return list(pandoc_citations(text, [span for _key, span in footnote_definition_spans(text)]))
