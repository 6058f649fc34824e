"""Author-date citations typed as the label of a Markdown link.

A writer who links each source cites it in the link's text: "([Vipra and
Korinek, 2023](https://...))", "as [Keller and Smith 2024](https://...) show".
The label is read as the parenthesis "(Vipra and Korinek, 2023)" would be; the
address is only where the link goes, not an entry. A link's text is often a
title with a year ("[Annual Report 2023](...)"), so a label counts only when
one of its names is an author the reference list knows. "Et al." labels are
read as bare citations already (:mod:`essaylint.analysis.citations`).

A linked name with the year after the link, "([LexFusion](https://...), 2024)",
is read as "(LexFusion, 2024)" would be, on the same terms.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from essaylint.analysis.citation_names import UPPER
from essaylint.analysis.citations_parenthetical import PAREN, ParentheticalReader
from essaylint.analysis.patterns import YEAR_DIGITS
from essaylint.analysis.text import name_key, replace_spans
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Citation, Span

# "[label](https://...)", "[label](<www.x.org>)"; the address has no spaces or parentheses.
_LINK_TEXT = r"\[([^\[\]\n]{2,150})\]\(\s*<?(?:https?://|www\.|doi:)[^()\s<>]{1,2000}>?\s*\)"
_LINK = compile_lazily(_LINK_TEXT, re.IGNORECASE)
# Names, then the year closing the label: "Vipra and Korinek, 2023", "Keller & Smith 2024".
_NAMES_THEN_YEAR = compile_lazily(rf"[{UPPER}][^\[\]]{{0,140}}?,?\s(?<!\d){YEAR_DIGITS}[a-z]?")
_LABEL = compile_lazily(r"\[([^\[\]\n]{2,150})\]")
# A parenthesis that opens with a link and closes on a year (and a locator) after it:
# "([LexFusion](https://...), 2024)", "([Going Concern](https://...) 2023, p. 2)".
_LINK_OPENS_PARENTHESIS = compile_lazily(
    r"\(\s*(?=\[)(?P<link>" + _LINK_TEXT + r")"
    r"(?=[^()\[\]\n]{0,80}\))",
    re.IGNORECASE,
)


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


def linked_name_citations(
    text: str, regions: Sequence[Span], reader: ParentheticalReader
) -> list[Citation]:
    """The citations of parentheses in ``regions`` that open with a linked name.

    Each such link is read as its label alone, written at the end of the link's
    place (so the offsets stay the text's), and the parenthesis is read again.
    """
    found: list[tuple[int, int, str]] = []
    opens: list[int] = []
    for region in regions:
        for m in _LINK_OPENS_PARENTHESIS.finditer(text, region.start, region.end):
            label = _LABEL.match(text, m.start("link"))
            if label is not None:
                name = label.group(1).strip()
                width = m.end("link") - m.start("link")
                found.append((m.start("link"), m.end("link"), name.rjust(width)))
                opens.append(m.start())
    if not found:
        return []
    shadow = ParentheticalReader(replace_spans(text, found), reader.known, reader.works)
    cited: list[Citation] = []
    for start in opens:
        again = PAREN.match(shadow.text, start)
        if again is None:
            continue
        read = shadow.parenthetical(again)
        if any(name_key(name) in reader.known for c in read for name in c.authors):
            cited += read
    return [c.model_copy(update={"text": text[c.span.start : c.span.end]}) for c in cited]
