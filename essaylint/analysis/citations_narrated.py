"""A key citation whose work the prose just before it names and dates.

"... as it was introduced by Dan North in 2006 [@north2006]": the writer tells the
reader who wrote the work and when, and the entry the key points to should agree.
When the name is the entry's first author and the year written is another (or the
entry has none), the name and year make an author-date citation of their own, linked
as any other, so the disagreement is reported where the year is written.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from essaylint.analysis.citation_names import NAME_WORD
from essaylint.analysis.matching import years_agree
from essaylint.analysis.patterns import YEAR_DIGITS
from essaylint.analysis.text import name_key
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Citation, Reference, Span

# "Dan North in 2006 ", "Okafor, in 2019, " right before the key citation.
_NAMED_AND_DATED = compile_lazily(
    rf"(?<![\w'’\-])(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?),?\s+(?:in|since)\s+"
    rf"(?P<year>{YEAR_DIGITS})[,;]?\s*$"
)
_REACH = 60  # characters before the key citation searched for the name and year


def narrated_years(
    text: str, keyed: Iterable[Citation], works: Sequence[Reference]
) -> Iterator[Citation]:
    """An author-date citation for each key citation dated otherwise by the prose before it."""
    by_key = {ref.key: ref for ref in works if ref.key}
    for citation in keyed:
        ref = by_key.get(citation.key or "")
        if ref is None or not ref.authors:
            continue
        m = _NAMED_AND_DATED.search(text, max(0, citation.span.start - _REACH), citation.span.start)
        family = m.group("name").split()[-1] if m else ""  # "Dan North": keyed on North
        if m is None or name_key(family) != name_key(ref.authors[0].family):
            continue
        if years_agree(m.group("year"), ref.year):
            continue
        span = Span(start=m.start("name"), end=m.end("year"))
        yield Citation(
            span=span, text=text[span.start : span.end], kind="author-date",
            authors=(family,), year=m.group("year"), narrative=True,
        )  # fmt: skip
