"""Chicago author-date citation forms that the APA reader does not take.

Chicago author-date writes no comma between the name and the year, "(Alvarez
and Bedolla 2003, 45)", which the author-date reader already reads. Two more
forms are Chicago's own:

- several works in one parenthesis separated by commas rather than
  semicolons: "(Alvarez and Bedolla 2003, de la Garza and Cortina 2007)";
- a bare name and year in the running text, "Garza 2004 argues that ...",
  taken only when the name is an author in the reference list and a
  reporting verb follows.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from essaylint.analysis.citation_names import UPPER, split_author_names
from essaylint.analysis.citations_narrative import REPORTING, author_date_citation
from essaylint.analysis.citations_parenthetical import ANY_YEAR, PAREN, ParentheticalReader
from essaylint.analysis.patterns import YEAR, YEAR_DIGITS
from essaylint.analysis.text import name_key, replace_spans
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Citation, Span

# ", " between a year (with its locator) and the next author: "2003, de la Garza".
_GROUP_COMMA = compile_lazily(
    rf"(?<=\d)(?:[a-z])?,(?=\s+(?:(?:de|van|von|da|di|du|le|la|del|der)\s+)*[{UPPER}][^,;()]{{0,80}}?\s{YEAR})"
)
_BARE = compile_lazily(
    rf"(?<![(\w\[])(?P<names>[{UPPER}][\w'’\-]+(?:\s+(?:and|&)\s+[{UPPER}][\w'’\-]+|\s+et\s+al\.)?)"
    rf"\s+(?P<year>{YEAR_DIGITS}[a-z]?)(?![\w)\-–])"
)


def chicago_citations(
    text: str, regions: Sequence[Span], known: frozenset[str], found: Iterable[Citation]
) -> list[Citation]:
    """``found`` (the author-date reader's citations) with Chicago's own forms read too.

    A parenthesis whose commas join works replaces what the author-date reader
    made of it (it takes "2018, 3, Kowalczyk and Reid 2016" for one locator).
    """
    groups: list[tuple[int, int, str]] = []  # parentheses whose commas join works
    out: list[Citation] = []
    for region in regions:
        for m in PAREN.finditer(text, region.start, region.end):
            if len(ANY_YEAR.findall(m.group(1))) < 2:
                continue
            joined = _GROUP_COMMA.sub(lambda c: c.group(0)[:-1] + ";", m.group(1))
            if joined != m.group(1):
                groups.append((m.start(1), m.end(1), joined))
        for m in _BARE.finditer(text, region.start, region.end):
            if REPORTING.match(text[m.end() : m.end() + 80]) is None:
                continue
            names, et_al, _alias = split_author_names(m.group("names"))
            if not names or name_key(names[0]) not in known:
                continue
            span = Span(start=m.start(), end=m.end())
            out.append(
                author_date_citation(
                    span, m.group(0), names, et_al, m.group("year"), narrative=True
                )
            )
    regrouped = _comma_groups(text, groups, known)
    kept = _outside_groups(found, groups) if regrouped else list(found)
    return sorted([*kept, *out, *regrouped], key=lambda c: (c.span.start, c.span.end))


def _outside_groups(
    found: Iterable[Citation], groups: Sequence[tuple[int, int, str]]
) -> list[Citation]:
    starts = [start for start, _end, _joined in groups]
    kept: list[Citation] = []
    for c in found:
        i = bisect.bisect_right(starts, c.span.start + 1) - 1
        if i >= 0 and starts[i] - 1 <= c.span.start <= groups[i][1]:
            continue
        kept.append(c)
    return kept


def _comma_groups(
    text: str, groups: Sequence[tuple[int, int, str]], known: frozenset[str]
) -> list[Citation]:
    """Read "(A 2003, B and C 2007)" as "(A 2003; B and C 2007)" (same offsets)."""
    if not groups:
        return []
    shadow = replace_spans(text, groups)
    extractor = ParentheticalReader(shadow, known)
    cited: list[Citation] = []
    for start, _end, _joined in groups:
        again = PAREN.match(shadow, start - 1)
        if again:
            cited.extend(extractor.parenthetical(again))
    return [c.model_copy(update={"text": text[c.span.start : c.span.end]}) for c in cited]
