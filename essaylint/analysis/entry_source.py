"""The source of a reference-list entry: container, volume, issue, pages and publisher.

:func:`parse_source` reads what follows the title: "In" and the editors of a
chapter, the journal or book the work is part of, its numbers ("13(1),
210-230", "vol. 4, no. 2", "pp. 5-9") and a publisher ("City: Publisher", or
MLA's "Publisher, 2019").
"""

from __future__ import annotations

import re

from essaylint.analysis.entry_fields import EntryFields, clean_value
from essaylint.analysis.entry_kind import CONFERENCE, JOURNALISH
from essaylint.analysis.entry_title import DESCRIPTOR, title_stop
from essaylint.analysis.patterns import MONTH, PUBLISHER_WORD, YEAR_DIGITS
from essaylint.lazy_pattern import compile_lazily

_VOL_ISSUE_PAGES = compile_lazily(
    r"(?P<vol>\b\d{1,5}|(?<=[^\W\d_])\d{1,5})\s*\(\s*(?P<iss>[^()]{1,20}?)\s*\)"
    r"(?:\s*[,:.]?\s*(?:pp?\.?\s*)?(?P<pages>[A-Za-z]?\d+[a-z]?(?:\s*[-–—]+\s*[A-Za-z]?\d+)?))?"
)
_VOL_NO = compile_lazily(
    r"\b(?:[Vv]ol(?:ume)?s?\.?|[Vv]\.|Bd\.|Jg\.)\s*(?P<vol>\d+[A-Za-z]?)"
    r"(?:\s*[,(]?\s*(?:[Nn]o|[Nn]os|[Nn]um|[Nn]umber|[Ii]ssue|[Nn]r|[Nn]\.|Heft)\.?\s*(?P<iss>\d+[A-Za-z]?(?:[-–]\d+)?)\)?)?"
)
_CHICAGO_VOL = compile_lazily(
    r"(?P<vol>\b\d{1,5})\s*,\s*(?:no|issue|nr)\.?\s*(?P<iss>\d+(?:[-–]\d+)?)", re.IGNORECASE
)
_ISSUE_ONLY = compile_lazily(r"\b(?:[Nn]o|[Nn]um|[Ii]ssue|[Nn]r)\.?\s*(?P<iss>\d+[A-Za-z]?)")
_VOL_PAGES = compile_lazily(
    r"(?P<vol>\b\d{1,5}|(?<=[^\W\d_])\d{1,5})\s*[,:]\s*(?:pp?\.?\s*)?(?P<pages>[A-Za-z]?\d+[a-z]?(?:\s*[-–—]+\s*[A-Za-z]?\d+)?)(?![\d(])"
)
_PAGES = compile_lazily(
    r"(?:\bpp?\.|\bpages?\b|\bS\.)\s*(?P<pages>[A-Za-z]?\d+[a-z]?(?:\s*[-–—]+\s*[A-Za-z]?\d+)?)"
    r"|(?<![\d(])(?<![Nn]o\.\s)(?<![Nn]o\s)(?P<range>\d+\s*[-–—]+\s*\d+)(?![\d)])"
)
_PUBLISHER = compile_lazily(
    r"(?:^|[.,]\s+)(?P<city>[A-Z][\w .'’-]{1,40}?(?:,\s*[A-Z][\w .]{1,20}?)?)\s*:\s*"
    r"(?P<pub>[^:.;()]{2,80}?)(?:\s*,\s*(?:\d{4}|n\.d)|\.|;|$)"
)

# A magazine's or newspaper's issue date after its name: "*TCS Daily*, November 15, 2004",
# "*Slate*, 20 Mar. 2008". A date, not a volume and pages.
_ISSUE_DATE = compile_lazily(
    r",\s*(?:" + MONTH + r"\s+\d{1,2},\s*|\d{1,2}\s+" + MONTH + r"\s+)" + YEAR_DIGITS + r"\b",
    re.IGNORECASE,
)
# "All models are wrong. 2022. *Wikipedia*.": a title-first entry's year before its source.
_LEADING_YEAR = compile_lazily(r"^" + YEAR_DIGITS + r"[a-z]?\.\s+")
_IN_PREFIX = compile_lazily(r"^(?:In|in|IN)\s*:?\s+")
_EDITORS = compile_lazily(
    r"^(?P<eds>.{0,300}?)\s*\((?:Eds?|eds?|Hrsg|Coord|Dir)\.?\)\s*[,.:]?\s*|^(?P<eds2>.{0,300}?),?\s+(?:eds?\.|Eds?\.|editors?)\s*[,.:]\s*"
)
_EDITED_BY = compile_lazily(r",?\s*\b(?:edited by|ed\. by|Ed\. by|eds?\.)\s.*$")


def _first_sentence(text: str) -> str:
    stop = title_stop(text)
    return text if stop is None else text[:stop]


def parse_source(rest: str, fields: EntryFields) -> None:
    """Read container, volume, issue, pages and publisher from what follows the title."""
    text = rest.strip(" .,;:")
    if not text:
        return
    text = DESCRIPTOR.sub("", text, count=0) if text.startswith(("(", "[")) else text
    text = (
        re.sub(r"^\s*[(\[][^()\[\]]{0,80}[)\]]\s*[.,]?\s*", "", text)
        if re.match(r"^\s*[(\[]", text)
        else text
    )
    text = _LEADING_YEAR.sub("", text)
    in_match = _IN_PREFIX.match(text)
    if in_match:
        fields.chapter = True
        text = text[in_match.end() :]
        eds = _EDITORS.match(text)
        if eds:
            text = text[eds.end() :]
    text = _ISSUE_DATE.sub("", text)
    _parse_numbers(text, fields)
    container_end = _container_end(text)
    container = text[:container_end]
    container = _EDITED_BY.sub("", container)
    container = re.sub(r"\s*[(\[][^()\[\]]*$", "", container)
    if container.strip() and not _looks_like_publisher_only(container, text):
        fields.container = clean_value(container)
    pub = _PUBLISHER.search(text, container_end if fields.container else 0)
    if pub:
        fields.publisher = clean_value(pub.group("pub"))
    elif fields.container is None and not fields.volume and text:
        # MLA ends a book with "Publisher, 2019." (or a date): the year is not the publisher's.
        candidate = _MLA_PUBLISHER_DATE.sub("", _first_sentence(text))
        if 2 <= len(candidate) <= 80 and not re.search(r"\d", candidate):
            fields.publisher = clean_value(candidate)


_MLA_PUBLISHER_DATE = compile_lazily(
    r",\s*(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+|[A-Z][a-z]{2,8}\.?\s+(?:\d{1,2},\s*)?)?"
    + YEAR_DIGITS
    + r"\.?$"
)


def _looks_like_publisher_only(container: str, text: str) -> bool:
    """ "Chicago: University of Chicago Press" is a publisher, not a container.

    The place before the colon is short and has no number; "Advances in Neural
    Information Processing Systems 33: Annual Conference ..." is a container.
    """
    colon = container.find(": ")
    if colon != -1:
        place = re.split(r"[.,;]\s", container[:colon])[-1].strip()
        if re.fullmatch(YEAR_DIGITS, place):
            return True  # "1974: Springer-Verlag Berlin"
        return (
            len(place.split()) <= 4
            and not re.search(r"\d|\b(?:Part|Section|Series|Vol|Volume|Issue)\b", place)
            and not CONFERENCE.search(place)
            and not JOURNALISH.search(place)
        )
    return bool(
        re.search(rf"\b(?:{PUBLISHER_WORD}|Wiley|Elsevier|Springer)\b", container)
    ) and not JOURNALISH.search(container)


def _container_end(text: str) -> int:
    """End of the container name: before numbers, pages, a paren, or a sentence end."""
    ends = [len(text)]
    for number_pattern in (_VOL_ISSUE_PAGES, _VOL_NO, _CHICAGO_VOL, _VOL_PAGES, _ISSUE_ONLY):
        match = number_pattern.search(text)
        if match:
            ends.append(match.start())
    for pattern in (
        re.compile(r",?\s*\(?\b(?:pp?\.|pages?\b)"),
        re.compile(r"\s\((?=[^)]*(?:\d|Eds?\.|ed\.))"),
        re.compile(r",\s*(?:" + YEAR_DIGITS + r")\b"),
        re.compile(r"\s(?:" + YEAR_DIGITS + r")\s*[;,.]"),
        re.compile(r",\s*\d"),
        re.compile(r";"),
    ):
        match = pattern.search(text)
        if match:
            ends.append(match.start())
    stop = title_stop(text)
    if stop is not None:
        ends.append(stop)
    return min(ends)


def _parse_numbers(text: str, fields: EntryFields) -> None:
    vip = _VOL_ISSUE_PAGES.search(text)
    chicago = _CHICAGO_VOL.search(text)
    if chicago and (vip is None or chicago.start() <= vip.start()):
        vip = None
    if (
        vip
        and not re.fullmatch(YEAR_DIGITS, vip.group("vol") or "")
        and not re.fullmatch(YEAR_DIGITS, vip.group("iss").strip())
    ):
        fields.volume = vip.group("vol")
        fields.issue = vip.group("iss").strip()
        if vip.group("pages"):
            fields.pages = _norm_pages(vip.group("pages"))
    if fields.volume is None:
        for pattern in (_VOL_NO, _CHICAGO_VOL):
            match = pattern.search(text)
            if match:
                fields.volume = match.group("vol")
                fields.issue = match.groupdict().get("iss") or fields.issue
                break
    if fields.volume is None:
        match = _VOL_PAGES.search(text)
        if match and not re.fullmatch(YEAR_DIGITS, match.group("vol")):
            fields.volume = match.group("vol")
            fields.pages = _norm_pages(match.group("pages"))
    if fields.issue is None:
        match = _ISSUE_ONLY.search(text)
        if match:
            fields.issue = match.group("iss")
    if fields.pages is None:
        # "vol. 26, no. 2–3, pp. 346–376": the pages the entry labels, before a bare range
        found = list(_PAGES.finditer(text))
        match = next((m for m in found if m.group("pages")), found[0] if found else None)
        if match:
            fields.pages = _norm_pages(match.group("pages") or match.group("range"))


def _norm_pages(pages: str) -> str:
    return re.sub(r"\s*[-–—]+\s*", "–", pages.strip())
