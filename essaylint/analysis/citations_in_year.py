"""Narrative citations that give the year after "in": "Kim and Viskanta in 1984 show ...",
after the authors' possessive: "Bratsberg and Rogeberg's landmark 2018 study", or
right after the names with no parentheses: "Duhigg 2012 popularised the loop".

Some writers name the authors and then the year of the work in the sentence,
without parentheses: "Han in 2016 studied ...", "Zhuang et al. in 2017 were
able to ...", "Wang, Yang, Zhang, and Pan in 2015". Such a phrase is a
citation only when its first author has an entry of that year; a year that no
entry of the author has is more likely an event ("Okafor in 2010 moved to ...")
and is left alone, as is a name no entry has. A team is no event: "Tang et al.
in 2009" cites a work whatever the list holds.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from essaylint.analysis.citation_names import NAME_WORD
from essaylint.analysis.patterns import ET_AL, YEAR_DIGITS
from essaylint.analysis.text import name_key, year_digits
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Citation, Reference, Span

_IN_YEAR = compile_lazily(
    rf"(?<![\w'’\-])(?P<names>{NAME_WORD}(?:(?:,\s+|,?\s+(?:and|&)\s+){NAME_WORD}){{0,6}})"
    rf"(?P<etal>\s+{ET_AL})?\s+in\s+(?P<year>{YEAR_DIGITS})\b"
)
# "Bratsberg and Rogeberg's landmark 2018 study": the authors' possessive, a word or two,
# the year and the work.
_POSSESSIVE_YEAR = compile_lazily(
    rf"(?<![\w'’\-])(?P<names>{NAME_WORD}(?:(?:,\s+|,?\s+(?:and|&)\s+){NAME_WORD}){{0,6}})"
    rf"(?P<etal>\s+{ET_AL})?['’]s?(?:\s+[a-z][\w-]*){{0,2}}\s+(?P<year>{YEAR_DIGITS})\s+"
    r"(?:study|studies|paper|article|book|report|review|survey|analysis|meta-analysis|"
    r"experiment|work|research|findings|trial)\b"
)
# "Duhigg 2012 popularised ...", "Gardner et al. 2012 agree": the year typed bare after
# the names and before the sentence's verb. Not "Herodotus 1920, Book 6", a note's
# short form, nor "Snodgrass 2006." closing one.
_BARE_YEAR = compile_lazily(
    rf"(?<![\w'’\-(])(?P<names>{NAME_WORD}(?:(?:,\s+|,?\s+(?:and|&)\s+){NAME_WORD}){{0,6}})"
    rf"(?P<etal>\s+{ET_AL})?\s+(?P<year>{YEAR_DIGITS})(?=\s+[a-z])"
)
_JOIN = compile_lazily(r",?\s+(?:and|&)\s+|,\s+")


def year_after_in(
    text: str, regions: Sequence[Span], works: Sequence[Reference], found: Sequence[Citation]
) -> Iterator[Citation]:
    """The "Name in YEAR", "Name's YEAR study" and "Name YEAR" citations of entries the
    text does not cite otherwise there, and every "Name et al. in YEAR"."""
    years: dict[str, set[str]] = {}
    for ref in works:
        if ref.authors and ref.year:
            years.setdefault(name_key(ref.authors[0].family), set()).add(
                year_digits(ref.year) or ""
            )
    if not years:
        return
    taken = [(c.span.start, c.span.end) for c in found]
    for region in regions:
        matches = [
            (m, pattern is _IN_YEAR and bool(m.group("etal")))
            for pattern in (_IN_YEAR, _POSSESSIVE_YEAR, _BARE_YEAR)
            for m in pattern.finditer(text, region.start, region.end)
        ]
        for m, team_in_year in matches:
            names = [n for n in _JOIN.split(m.group("names")) if n]
            if not team_in_year and m.group("year") not in years.get(name_key(names[0]), ()):
                continue
            if any(start < m.end() and m.start() < end for start, end in taken):
                continue
            yield Citation(
                span=Span(start=m.start(), end=m.end()), text=m.group(0), kind="author-date",
                authors=tuple(names), et_al=bool(m.group("etal")), year=m.group("year"),
                narrative=True,
            )  # fmt: skip
