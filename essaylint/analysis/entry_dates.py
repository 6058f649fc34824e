"""The dates of a reference-list entry.

The date after the authors, "(2019, September 17)" or a bare "2019.", is found
by the patterns here (:data:`PAREN_DATE`, :data:`BARE_DATE`) and read by
:func:`date_from_match`; :func:`fallback_year` finds the year of an entry whose
date does not follow the authors (MLA, IEEE); :func:`revision_or_access_date`
reads the "Last modified" or "Accessed" date Chicago gives an undated web page.
"""

from __future__ import annotations

import re

from essaylint.analysis.entry_fields import MAX_PARSE, collapse
from essaylint.analysis.patterns import MONTH_NUMBERS, YEAR_DIGITS
from essaylint.analysis.text import year_digits
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Reference

PAREN_DATE = compile_lazily(
    r"[(\[]\s*(?P<body>(?:c\.\s*|ca\.\s*|(?P<pre>[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2})?,?\s+))?(?P<year>"
    + YEAR_DIGITS
    + r")(?P<suffix>[a-z])?(?![\d])"
    r"(?:\s*[-–/]\s*\d{2,4}[a-z]?)?(?P<extra>[^()\[\]]{0,45})"
    r"|(?P<nd>n\.\s?d\.?|s\.\s?d\.?|nd|undated|no date|forthcoming|in press|in prep(?:aration|\.)?"
    r"|under review|submitted)(?:[-–\s]?(?P<ndsuffix>[a-z]))?)\s*[)\]]",
    re.IGNORECASE,
)
BARE_DATE = compile_lazily(
    r"(?:(?<=[\s,.;:])|^)(?P<year>"
    + YEAR_DIGITS
    + r")(?P<suffix>[a-z])?(?![\d\w])(?!\s*[-–—]\s*\d)"
    r"(?=\s*[.,;:)]|\s*$)"
    r"|(?:(?<=[\s,.])|^)(?P<nd>n\.\s?d\.|nd(?=\.\s))"
)
_MODIFIED_YEAR = compile_lazily(
    r"\b(?:[Ll]ast\s+(?:modified|updated|revised|reviewed)|[Uu]pdated|[Pp]ublished|[Pp]osted)\b"
    r"(?:\s*on)?:?\s*(?P<day>[^()\d]{0,20}(?:\d{1,2}\D{1,3})?)(?P<year>" + YEAR_DIGITS + r")\b"
)
# "Accessed May 2, 2023.", MLA 7's "Web. 13 May 2012.": when the reader saw the page.
ACCESSED_YEAR = compile_lazily(
    r"(?:\b(?:[Aa]ccessed|[Vv]iewed)\b|\bWeb\.)(?:\s*on)?:?\s*"
    r"(?P<day>(?:\d{1,2}\s+)?[^()\d]{0,20}(?:\d{1,2}\D{1,3})?)"
    r"(?P<year>" + YEAR_DIGITS + r")\b"
)
YEAR_ANY = compile_lazily(r"(?<![\d/.\-–])(?P<year>" + YEAR_DIGITS + r")(?P<suffix>[a-z])?(?![\d])")

#: A month (and day) and year after the authors, no parentheses: "Wang, T., Aug 9, 2019.
#: Title.", "Lee, K. May 2019. Title."
MONTH_DAY_DATE = compile_lazily(
    r"(?P<pre>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?(?:\s+\d{1,2})?,?\s+)"
    r"(?P<year>" + YEAR_DIGITS + r")(?P<suffix>[a-z])?(?![\d\w])(?=\s*[.,;:]|\s*$)",
    re.IGNORECASE,
)
LEADING_YEAR = compile_lazily(r"^(?P<year>" + YEAR_DIGITS + r")(?P<suffix>[a-z])?[.,]?\s+(?=\S)")

_MONTHS = MONTH_NUMBERS  # name -> number
_MONTH_DAY = compile_lazily(
    r"^\s*,?\s*(?P<a>[A-Za-z]+|\d{1,2})\.?\s*(?P<b>\d{1,2}|[A-Za-z]+)?\.?\s*$"
)


def date_from_match(match: re.Match[str]) -> tuple[str | None, str | None]:
    """(year, date) from a PAREN_DATE, BARE_DATE or MONTH_DAY_DATE match."""
    groups = match.groupdict()
    if groups.get("nd"):
        suffix = groups.get("ndsuffix") or ""
        nd = match.group("nd").lower().replace(" ", "")
        if (nd.startswith(("n", "s", "u")) and "." in nd) or nd in {"nd", "undated", "nodate"}:
            return "n.d." + (("-" + suffix) if suffix else ""), None
        # "in press", "forthcoming": the year a citation gives such a work.
        return " ".join(match.group("nd").split()), None
    year = match.group("year") + (groups.get("suffix") or "")
    extra = groups.get("extra") or ""
    pre = groups.get("pre") or ""
    if pre and not extra.strip(" ,."):
        extra = pre
    return year, _month_date(match.group("year"), extra)


def _month_date(year: str, extra: str) -> str | None:
    """ "2019" + ", September 17" -> "2019-09-17"; other text is kept as written."""
    extra = extra.strip(" ,.")
    if not extra:
        return None
    match = _MONTH_DAY.match(extra)
    if match:
        a, b = match.group("a"), match.group("b")
        month_word, day = (a, b) if not a.isdigit() else (b, a)
        month = _MONTHS.get((month_word or "").lower().rstrip("."))
        if month and day and day.isdigit() and 1 <= int(day) <= 31:
            return f"{year}-{month:02d}-{int(day):02d}"
        if month and not day:
            return f"{year}-{month:02d}"
    return extra


# "(n.d.)", and MLA's bare "n.d." ("Mansfield Park. n.p. n.d. Project Gutenberg.").
_NO_DATE = compile_lazily(r"\(n\.\s?d\.?\)|(?<![\w.])n\.\s?d\.(?=\s|$)", re.IGNORECASE)


# A title in quotation marks: "“Working from Home Tripled between 2019 and 2021.”"
_QUOTED = compile_lazily(r"[“\"][^“”\"]{1,300}[”\"]")


# The place and publisher before a book's year: "Cham: Springer, " of "Cham: Springer, 2026."
_PUBLISHER_BEFORE = compile_lazily(r"[.,]\s+[A-Z][\w.\- ]{1,30}:\s*[A-Z][^:.;()\[\]]{1,60},\s*$")
_PUBLISHER_REACH = 100


def fallback_year(text: str) -> str | None:
    """The publication year of an entry whose date does not follow the authors.

    A year after the place and publisher ("Cham: Springer, 2026.") is the book's. A year
    inside a quoted title is the title's, not the entry's, and the year of an access
    date ("Web. 13 May 2012.") is the reader's: they count only when nothing else gives
    a year.
    """
    published: list[str] = []
    strong: list[str] = []
    weak: list[str] = []
    undated = _NO_DATE.search(text)
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    accessed = {m.start("year") for m in ACCESSED_YEAR.finditer(text)}
    for match in YEAR_ANY.finditer(text):
        if undated is not None and match.start() > undated.start():
            break  # "Title. (n.d.). Retrieved from ... (2019 figures)": n.d. comes first
        start, end = match.start(), match.end()
        after = text[end : end + 3]
        before = text[max(0, start - 6) : start]
        if re.search(r"\d\s*[-–—]\s*$", before):
            continue
        if re.search(r"(?:\bpp?\.|\bNo\.?|\bno\.|:|#|\bNumber)\s*$", before):
            continue
        year = match.group("year") + (match.group("suffix") or "")
        if (
            re.match(r"\s*[-–—]\s*\d", after)
            or any(a < start < b for a, b in quoted)
            or start in accessed  # the year the page was read, not published
        ):
            weak.append(year)
            continue
        if _PUBLISHER_BEFORE.search(text, max(0, start - _PUBLISHER_REACH), start):
            published.append(year)  # "Cham: Springer, 2026.", not the conference's 2025
        if (
            re.search(r"[(\[]\s*$", before)
            or re.match(r"\s*[;)\]]", after)
            or (
                # "Press, 2017.", "May 5, 2017.", "... Filmmuseum (1946-2000), 2017."
                re.search(r"(?:[A-Za-z]{3,}\.?|\d{1,2})\s*,?\s*$|\),\s*$", before)
                and re.match(r"\s*(?:[.,]|$)", after)
            )
        ):
            strong.append(year)
        else:
            weak.append(year)
    if published:
        return published[0]
    if strong:
        return strong[0]
    if undated is not None:
        return "n.d."
    return weak[0] if weak else None


def revision_or_access_date(raw: str) -> str | None:
    """The date of a "Last modified March 1, 2024." or "Accessed May 2, 2023." clause.

    Chicago dates a web source that shows no publication date this way. It is
    not the year of publication (``Reference.year`` stays empty), but such an
    entry is dated as its style asks.

    >>> revision_or_access_date('WHO. "Obesity." Last modified March 1, 2024. https://who.int/o')
    '2024-03-01'
    """
    text = collapse(raw[:MAX_PARSE])
    stamp = _MODIFIED_YEAR.search(text) or ACCESSED_YEAR.search(text)
    if stamp is None:
        return None
    return _month_date(stamp.group("year"), stamp.group("day")) or stamp.group("year")


_YEAR_SPAN = compile_lazily(r"(?<!\d)(\d{4})\s?[-–]\s?(\d{4})(?!\d)")


def spans_year(ref: Reference, year: str | None) -> bool:
    """Does the entry cover ``year`` with a span it is dated by? "(Behnke 1912, F3)" for
    "Behnke, Zoe. Record of All Suffragist Events. 1910-1913." (dated by its first year)."""
    cited = year_digits(year)
    if not cited or not ref.year:
        return False
    return any(
        m.group(1) == ref.year[:4] and m.group(1) <= cited <= m.group(2)
        for m in _YEAR_SPAN.finditer(ref.raw)
    )
