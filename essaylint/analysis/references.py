"""Parse one reference-list entry into a :class:`~essaylint.models.Reference`.

:func:`parse_reference` turns one entry (APA, Harvard, Chicago, MLA, IEEE,
Vancouver, or something in between) into fields. It is tolerant: any text
gives a Reference, with only the fields it could read. Splitting a whole list
into entries is :mod:`essaylint.analysis.reference_split`'s work.

The parser works on the shape of an entry rather than on a fixed style: it
strips the list marker and the links (:mod:`~essaylint.analysis.entry_links`),
finds where the author list ends (:mod:`~essaylint.analysis.entry_authors`),
then the date (:mod:`~essaylint.analysis.entry_dates`), then the title (quoted,
or up to the next sentence end: :mod:`~essaylint.analysis.entry_title`), then
reads the journal, volume, issue and pages of what is left
(:mod:`~essaylint.analysis.entry_source`) and names the kind of work
(:mod:`~essaylint.analysis.entry_kind`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from essaylint.analysis.entry_authors import AuthorCut, find_author_cut
from essaylint.analysis.entry_dates import (
    BARE_DATE,
    LEADING_YEAR,
    MONTH_DAY_DATE,
    PAREN_DATE,
    YEAR_ANY,
    date_from_match,
    fallback_year,
)
from essaylint.analysis.entry_fields import MAX_PARSE, EntryFields, clean_value, collapse
from essaylint.analysis.entry_kind import classify
from essaylint.analysis.entry_links import extract_links
from essaylint.analysis.entry_shape import DIGIT_TITLE_HEAD, REPEATED_AUTHORS, corporate_core
from essaylint.analysis.entry_source import parse_source
from essaylint.analysis.entry_title import take_title
from essaylint.analysis.names import looks_corporate, looks_like_name_part, parse_authors
from essaylint.analysis.patterns import (
    BULLET,
    EMPHASIS,
    ENTRY_NUMBER_MARK,
    FOOTNOTE_LABEL,
    FOREIGN_MONTHS,
    HEADING_HASHES,
    INITIALS_AFTER_FAMILY,
    MARKDOWN_LINK,
    MONTH,
    YEAR_DIGITS,
    without_entry_label,
    without_tab_count,
)
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Reference, Span

__all__ = ["parse_reference"]

MARKER = compile_lazily(
    r"^\s*(?:\[\^(?P<fkey>" + FOOTNOTE_LABEL + r")\]:\s*"
    r"|\[(?P<bnum>\d{1,4})\][.:]?\s*"  # "[1] ", "[1]: ", "[1]. "
    r"|\((?P<pnum>\d{1,4})\)\s+"
    r"|" + ENTRY_NUMBER_MARK + r"|(?P<snum>\d{1,3})\s+(?=[A-Z](?:['’][A-Z])?[^\W\d_]*[,.\s])"
    # a key label "[Smith2019] "; not a medium or retrieval note ("[online] Available at:")
    r"|\[(?!(?i:online|accessed|available|internet|viewed|cited|electronic|web)\])"
    r"(?P<key>[A-Za-z][\w:+-]{0,30})\]\s+"
    r"|" + BULLET + r"\s+"
    r"|" + HEADING_HASHES + r")"
)
_HTML_ITALIC = compile_lazily(r"</?(?:i|em|italic|b|strong|u)>", re.IGNORECASE)


# "s.l." (no place) before the publisher, as Word's citation tool writes a report's:
# "Title, s.l.: CNBC."
_SINE_LOCO = compile_lazily(r",?\s*\[?s\.\s?l\.\]?\s*:\s*([^.]{1,80})\.?$", re.IGNORECASE)
_INITIAL_IN = compile_lazily(r"(?:^|[\s,])[A-Z]\.(?:\s|$|[A-Z,])")
_SPACE_BEFORE_PUNCT = compile_lazily(r"\s+([.,;](?:\s|$))")
# A bracketed legal form typed loosely: "Takealot Online (Pty)ltd (2024)" is "(Pty) Ltd".
_LOOSE_LEGAL_FORM = compile_lazily(r"\((Pty|Pvt|Pte)(\.?)\)\s?(ltd|limited)\b", re.IGNORECASE)


def _strip_markup(text: str, fields: EntryFields) -> str:
    """Remove markdown/HTML emphasis, remembering what was emphasised."""
    text = _HTML_ITALIC.sub("", text)

    def keep(match: re.Match[str]) -> str:
        fields.italics.append(match.group(2))
        return match.group(2)

    return EMPHASIS.sub(keep, text)


def _strip_marker(text: str, fields: EntryFields, *, spaced_number: bool = True) -> str:
    match = MARKER.match(text)
    if not match or (match.group("snum") and not spaced_number):
        return text  # "31 Inspirational Brand Colors. (2019).": a title, in an unnumbered list
    if re.fullmatch(BULLET, match.group(0).strip()):
        rest = text[match.end() :]
        numbered = MARKER.match(rest)  # "* [1]: http://...": a bullet, then the number
        if numbered and re.fullmatch(BULLET, numbered.group(0).strip()):
            return rest[numbered.end() :]  # "*   · Argelaguet, R.": a typed bullet after it
        if numbered:
            text, match = rest, numbered
    if match.group("fkey"):
        fields.key = match.group("fkey")
        fields.footnote = True
    elif match.group("key"):
        fields.key = match.group("key")
    for name in ("bnum", "pnum", "dnum", "snum"):
        if match.group(name):
            fields.number = int(match.group(name))
    return text[match.end() :]


def parse_reference(
    raw: str,
    *,
    span: Span | None = None,
    index: int = 0,
    number: int | None = None,
    key: str | None = None,
    spaced_number: bool = True,
) -> Reference:
    """Parse one reference-list entry. Never raises.

    ``spaced_number=False`` reads a number and a space at the start ("31 Inspirational
    Brand Colors. (2019).") as the entry's own words, where the list has no numbers.

    >>> ref = parse_reference("Boyd, D. M., & Ellison, N. B. (2007). Social network sites. "
    ...                       "Journal of Computer-Mediated Communication, 13(1), 210-230.")
    >>> ref.authors[0].family, ref.year, ref.volume, ref.issue, ref.pages, ref.type
    ('Boyd', '2007', '13', '1', '210–230', 'article')
    """
    raw = raw if isinstance(raw, str) else str(raw)
    base_span = span if span is not None else Span(start=0, end=len(raw))
    return _build(raw, base_span, index, number, key, _parse_fields(raw, spaced_number))


_NO_DATE_AS_AUTHOR = compile_lazily(r"\W*n\.?\s?d\.?\W*", re.IGNORECASE)


def _build(
    raw: str, span: Span, index: int, number: int | None, key: str | None, fields: EntryFields
) -> Reference:
    segment = corporate_core(fields.authors_segment) if fields.authors_segment else ""
    if _NO_DATE_AS_AUTHOR.fullmatch(segment):
        segment = ""  # "n.d. (2023). Open Food Facts API.": "no date" typed for no author
    people, et_al = parse_authors(segment) if segment else ((), False)
    # "Ceci, L., & 21, M. (2024, May 21).": a citation generator turned the date into a
    # co-author; no one's name is a number, and what follows it is the date's debris.
    number_at = next((i for i, p in enumerate(people) if p.family.isdigit()), None)
    if number_at:  # (a first "author" that is a number is left to the rules to report)
        people = people[:number_at]
    text_for_type = collapse(raw)
    return Reference(
        span=span,
        raw=raw,
        index=index,
        number=number if number is not None else fields.number,
        key=key if key is not None else fields.key,
        authors=people,
        et_al=et_al,
        year=fields.year,
        date=fields.date,
        title=fields.title,
        container=fields.container,
        volume=fields.volume,
        issue=fields.issue,
        pages=fields.pages,
        publisher=fields.publisher,
        doi=fields.doi,
        url=fields.url,
        retrieved_from=fields.retrieved_from,
        type=classify(text_for_type, fields),
        byline=fields.byline,
        source="footnote" if fields.footnote else "text",
    )


# "mahale, T., Chen, C., & sun, J. (2018)": surnames typed in lower case before initials.
_LOWER_SURNAME = compile_lazily(
    r"(?<![\w'’-])[a-z](?=[\w'’-]*" + INITIALS_AFTER_FAMILY + r"(?:,|\s*&|\s*\(|\s*$))"
)
_DATE_OPENS = compile_lazily(r"\(\s*(?:\d|n\.\s?d\.)")


def _capitalised_surnames(text: str) -> str:
    """The entry with the lower-case surnames of its authors capitalised, as they are meant."""
    date = _DATE_OPENS.search(text)
    head_end = date.start() if date else min(len(text), 200)
    head = _LOWER_SURNAME.sub(lambda m: m.group(0).upper(), text[:head_end])
    return head + text[head_end:]


# "Title of the page. (gov.uk n.d)", "Title. Publisher (Mbeki Thandi 2019)": the author and
# year last, in brackets, after the title.
_TRAILING_AUTHOR_DATE = compile_lazily(
    r"^(?P<title>[^()]{3,300}?)[\s.,]*\((?P<name>[^\W\d_][^()\d,:;]{0,58}?)(?P<comma>,?)\s+"
    r"(?P<date>" + YEAR_DIGITS + r"[a-z]?|n\.\s?d\.?)\)[\s.]*$"
)
_MONTH_FIRST = compile_lazily(
    r"(?:" + MONTH + "|" + "|".join(sorted(FOREIGN_MONTHS)) + r")\b", re.IGNORECASE
)
# Words of a bracket that dates or describes the work, not its author: "(Original work
# published 1890)", "(forthcoming 2015)", "(in press, 2024)".
_NOT_AUTHORS = compile_lazily(
    r"\b(?:published|edition|ed|eds|vol|accessed|retrieved|updated|forthcoming|in\s+press"
    r"|preprint|submitted|under\s+review|draft)\b",
    re.I,
)


def _author_date_first(text: str) -> str:
    """ "Title. (Author 2019)" written as "Author (2019). Title.", the order the reader knows.

    A comma before the year in an entry that opens with its author makes the
    bracket its publisher ("Perloff, Marjorie, The Poetics of Indeterminacy
    (Princeton University Press, 1981)"); a month makes it a date ("(July 1991)").
    """
    m = _TRAILING_AUTHOR_DATE.match(text)
    if not m or _NOT_AUTHORS.search(m.group("name")) or YEAR_ANY.search(m.group("title")):
        return text  # "(Original work published 1890)"; an entry dated before its end
    if _MONTH_FIRST.match(m.group("name")):
        return text  # "(July 1991)": a date
    if m.group("comma"):  # "(Princeton University Press, 1981)" after an author: the publisher
        cut = find_author_cut(text)
        if cut.end > 0 and not cut.title_first:
            return text
    return f"{m.group('name').strip()} ({m.group('date')}). {m.group('title').strip()}."


def _authors_before_emphasis(text: str, cut: AuthorCut, italics: Sequence[str]) -> AuthorCut:
    """The author list ends where an italic title starts: "Harriet Oduya, *Water and
    Coal: A History*" is one author, never "Harriet Oduya" and "Coal"."""
    if not italics or cut.title_first or not italics[0][:1].isalnum():
        return cut  # "Bao Q *, Zhao Y*": marks of co-first authors, not a title
    start = text.find(italics[0])
    if 0 < start < cut.end and text[:start].rstrip(" ,.:;"):
        return AuthorCut(end=start, rest=start)
    return cut


# A family name and its initial glued by a stop: "Javin.P. (2021)" is "Javin, P.".
_GLUED_INITIAL = compile_lazily(r"^([A-Z][a-z]{2,})\.([A-Z]\.)(?=\s)")


def _parse_fields(raw: str, spaced_number: bool = True) -> EntryFields:
    fields = EntryFields()
    text = collapse(raw[: MAX_PARSE * 2].replace("\u00a0", " "))[:MAX_PARSE]
    text = without_entry_label(
        without_tab_count(_strip_marker(text, fields, spaced_number=spaced_number))
    )
    text = MARKDOWN_LINK.sub(
        lambda m: f"{m.group(1)} {m.group(2)}" if m.group(1) != m.group(2) else m.group(2), text
    )
    text = extract_links(text, fields)
    opening = EMPHASIS.match(text.lstrip())
    # "*Bull Shark* n.d., National Geographic": an entry that opens in italics opens with its
    # title (authors are not italicised; a bold name, "**Lee, A.**", may be an author)
    opening_title = opening.group(2) if opening and len(opening.group(1)) == 1 else None
    if opening_title and _INITIAL_IN.search(opening_title):
        opening_title = None  # "*Lee, A.* (2020)": a name with its initials
    text = _strip_markup(text, fields)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", collapse(text))
    text = _LOOSE_LEGAL_FORM.sub(lambda m: f"({m[1]}{m[2]}) {m[3].capitalize()}", text)
    text = _GLUED_INITIAL.sub(r"\1, \2", text, count=1)
    if not text:
        return fields
    text = _capitalised_surnames(_author_date_first(text))
    repeater = REPEATED_AUTHORS.match(text)
    # "2019 Flood Report. (2020).": a title that opens with a number, not a leading year
    leading_year = None if DIGIT_TITLE_HEAD.match(text) else LEADING_YEAR.match(text)
    if repeater:
        fields.authors_segment = repeater.group(0).strip()
        cut = AuthorCut(end=0, rest=repeater.end())
    elif leading_year:
        cut = AuthorCut(end=0, rest=0, date=leading_year)
    else:
        cut = _authors_before_emphasis(text, find_author_cut(text), fields.italics)
        if opening_title and cut.end > 0 and text.startswith(opening_title):
            end = len(opening_title)
            date = cut.date if cut.date is not None and cut.date.start() >= end else None
            cut = AuthorCut(end=0, rest=0, date=date, title_first=True, title_end=end)
        fields.authors_segment = text[: cut.end].strip()
    rest = text[cut.rest :]
    site = None
    if cut.title_first:
        fields.title = clean_value(text[: cut.title_end])
        rest = text[cut.title_end :].lstrip(" .,")
        if cut.date is not None and cut.date.start() > cut.title_end:
            # "Overview. World Bank. (2020).": the site between the title and the date
            site = clean_value(text[cut.title_end : cut.date.start()])
            fields.byline = _as_byline(site)
            rest = text[cut.date.start() :]
    comma_style = cut.comma_style
    date = cut.date
    if date is None:
        lead = rest.lstrip(" .,;:")
        offset = len(rest) - len(lead)
        paren = PAREN_DATE.match(lead)
        bare = BARE_DATE.match(lead)
        date = paren or bare or LEADING_YEAR.match(lead) or MONTH_DAY_DATE.match(lead)
        if date is not None:
            rest = rest[offset:]
    elif not rest.startswith(date.group(0)):
        rest = rest.lstrip(" .,;:")
    if date is not None and rest.startswith(date.group(0)):
        fields.year, fields.date = date_from_match(date)
        after = rest[len(date.group(0)) :]
        lead_after = after.lstrip(" ")
        if lead_after.startswith(",") and not lead_after.lstrip(" ,").startswith(('"', "“")):
            comma_style = True
        rest = after
    if fields.title is None:
        title, rest, quoted = take_title(
            rest, comma_style, dated=fields.year is not None, italics=fields.italics
        )
        sine_loco = _SINE_LOCO.search(title or "")
        if title and sine_loco is not None:  # "Title, s.l.: CNBC.": no place, the publisher
            title, rest = title[: sine_loco.start()], f"{sine_loco.group(1)}. {rest}"
        fields.title = title
        fields.quoted_title = quoted
        if not fields.authors_segment and fields.year is None:  # the title opens the entry
            fields.byline = _byline_before_date(rest)
            # "‘Locality Plan Refreshed for 2025/2026’ (no date).": the date after a quoted
            # title, not a year inside it
            after_title = PAREN_DATE.match(rest.lstrip(" .,;:"))
            if after_title is not None:
                fields.year, fields.date = date_from_match(after_title)
    parse_source(rest, fields)
    if site and fields.publisher is None:
        fields.publisher = site
    if fields.year is None:
        fields.year = fallback_year(rest) or fallback_year(fields.title or "")
        if fields.year is None and re.search(r"\bn\.\s?d\b", text):
            fields.year = "n.d."
    if fields.title is None and fields.container:
        fields.title, fields.container = fields.container, None
    return fields


# A name, then the date, right after the title that opens an entry: '"Chapter." Coastal Science
# Board. 2004.' The name holds no full stop, comma, digit or bracket.
_NAME_THEN_DATE = compile_lazily(
    r"[\s.,\"”’']*(?P<name>[^\W\d_][^.,;:!?()\[\]\d\"“”]{1,80})[.,]\s*"
)


def _byline_before_date(rest: str) -> str | None:
    """The body named between the title that opens an entry and the entry's date, if any."""
    m = _NAME_THEN_DATE.match(rest)
    if not m:
        return None
    after = rest[m.end() :]
    if not (PAREN_DATE.match(after) or BARE_DATE.match(after)):
        return None
    return _as_byline(m.group("name"))


def _as_byline(text: str | None) -> str | None:
    """``text`` when it reads as an organisation or a person, else None."""
    name = (text or "").strip()
    if name and (looks_corporate(name) or looks_like_name_part(name)):
        return name
    return None
