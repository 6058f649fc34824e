"""Author-date citations typed as the label of a Markdown link.

A writer who links each source cites it in the link's text: "([Vipra and
Korinek, 2023](https://...))", "as [Keller and Smith 2024](https://...) show".
The label is read as the parenthesis "(Vipra and Korinek, 2023)" would be; the
address is only where the link goes, not an entry. A link's text is often a
title with a year ("[Annual Report 2023](...)"), so a label counts only when
one of its names is an author the reference list knows. "Et al." labels are
read as bare citations already (:mod:`essaylint.analysis.citations`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from essaylint.analysis.citation_names import UPPER
from essaylint.analysis.citations_parenthetical import ParentheticalReader
from essaylint.analysis.patterns import YEAR_DIGITS
from essaylint.analysis.text import name_key
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Citation, Span

# "[label](https://...)", "[label](<www.x.org>)"; the address has no spaces or parentheses.
_LINK = compile_lazily(
    r"\[([^\[\]\n]{2,150})\]\(\s*<?(?:https?://|www\.|doi:)[^()\s<>]{1,2000}>?\s*\)",
    re.IGNORECASE,
)
# Names, then the year closing the label: "Vipra and Korinek, 2023", "Keller & Smith 2024".
_NAMES_THEN_YEAR = compile_lazily(rf"[{UPPER}][^\[\]]{{0,140}}?,?\s(?<!\d){YEAR_DIGITS}[a-z]?")
_LABEL = compile_lazily(r"\[([^\[\]\n]{2,150})\]")


def linked_citations(
    text: str, regions: Sequence[Span], reader: ParentheticalReader
) -> Iterator[Citation]:
    """The citations typed as link labels in ``regions`` of ``text``."""
    for region in regions:
        for link in _LINK.finditer(text, region.start, region.end):
            label = link.group(1).strip()
            if not _NAMES_THEN_YEAR.fullmatch(label):
                continue
            brackets = _LABEL.match(text, link.start())
            if brackets is None:
                continue
            cited = [c for c in reader.parenthetical(brackets) if c.span.start >= link.start()]
            if any(name_key(name) in reader.known for c in cited for name in c.authors):
                yield from cited
