"""Parse reference-list entries into :class:`~essaylint.models.Reference` objects.

Two entry points:

* :func:`parse_reference` turns one entry (APA, Harvard, Chicago, MLA, IEEE,
  Vancouver, or something in between) into fields. It is tolerant and never
  raises: on an internal error it returns a Reference with only ``raw`` set.
* :func:`split_reference_list` splits the text of a reference-list section
  into entries and parses each, keeping document offsets in every span.

The parser works on the shape of an entry rather than on a fixed style: it
finds where the author list ends (a bracketed date, a bare year, a quoted
title, the first full stop that is not an initial, or the first comma-part
that is not a name), then the date, then the title (quoted, or up to the next
sentence end), then reads the journal, volume, issue and pages of what is left.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from essaylint.analysis.entry_shape import continues_entry, looks_like_entry
from essaylint.analysis.names import (
    is_initials,
    looks_corporate,
    looks_like_name_part,
    parse_authors,
)
from essaylint.analysis.text import EMPHASIS
from essaylint.models import Reference, ReferenceType, Span

__all__ = ["parse_reference", "revision_or_access_date", "split_reference_list"]

# --- regular expressions (all precompiled, all linear-time in practice) ------

_WS = re.compile(r"[\s\u200b\u200c\u200d\ufeff]+")
_MARKER = re.compile(
    r"^\s*(?:\[\^(?P<fkey>[^\]\s]{1,60})\]:\s*"
    r"|\[(?P<bnum>\d{1,4})\]\s*"
    r"|\((?P<pnum>\d{1,4})\)\s+"
    r"|(?P<dnum>\d{1,3})[.)]\s+"
    r"|(?P<snum>\d{1,3})\s+(?=[A-Z](?:['’][A-Z])?[^\W\d_]*[,.\s])"
    r"|\[(?P<key>[A-Za-z][\w:+-]{0,30})\]\s+"
    r"|[-*+•–]\s+)"
)
_HTML_ITALIC = re.compile(r"</?(?:i|em|italic|b|strong|u)>", re.IGNORECASE)
_MD_LINK = re.compile(r"\[([^\[\]]{0,500})\]\(\s*<?([^()\s<>]+(?:\([^()\s]*\)[^()\s<>]*)*)>?\s*\)")
_URL = re.compile(
    r"(?:\b(?:https?|ftp)\s?:\s?//|\bwww\.)[^\s<>\"\]]+"
    # a bare host with a path: "example.ac.uk/papers/a.pdf" (no scheme, no www.)
    r"|(?<![\w@/.:-])(?!(?:dx\.)?doi\.org/)(?-i:[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,4})"
    r"/[^\s<>\"\]]*[\w/]",
    re.IGNORECASE,
)
_FILE_EXT = r"\.(?:pdf|html?|aspx?|php|jsp|cfm|docx?|xlsx?|pptx?|txt|xml|csv|zip)$"
_FILE_NAME = re.compile(r"[^\s<>\"(]+" + _FILE_EXT, re.IGNORECASE)
_NEXT_CHUNK = re.compile(r" ([^\s<>\"]+)")
_URL_CONTINUATION = re.compile(r"\s(?:[/._~-][^\s<>\"]*|[^\s<>\"(]*[/_~][^\s<>\"]*)")
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)")
_DOI_PREFIX = re.compile(r"(?:\b(?:doi|DOI)\s*:?\s*|https?://(?:dx\.)?doi\.org/|\bdoi\.org/)\s*$")
_RETRIEVAL = re.compile(
    r"\b(?:Retrieved|retrieved|Available|available|Accessed|accessed|Viewed|viewed|"
    r"Last\s+(?:accessed|modified|updated))\b"
    r"(?:\s+(?:at|from|on|via|online))?",
)
_RETRIEVAL_CLAUSE = re.compile(
    r"\(?\s*\b(?:Retrieved|retrieved|Accessed|accessed|Viewed|viewed|Last\s+(?:accessed|modified|updated))\b"
    r"[^()]{0,60}?(?:\bfrom\b\s*(?:[\w .&-]{0,40}:)?|\d{4}\)?|$)"
    r"|\(?\s*\b(?:Available|available)\b\s*(?:at|from|online|via)?\s*(?:[\w .-]{0,30}\s)?:?"
    r"|\[\s*(?:Online|online|Internet)\s*\]"
    r"|\bURL\s*:?"
    r"|\bdoi\s*:\s*$"
)
_YEAR = r"(?:1[5-9]\d{2}|20\d{2})"
_PAREN_DATE = re.compile(
    r"[(\[]\s*(?P<body>(?:c\.\s*|ca\.\s*|(?P<pre>[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2})?,?\s+))?(?P<year>"
    + _YEAR
    + r")(?P<suffix>[a-z])?(?![\d])"
    r"(?:\s*[-–/]\s*\d{2,4}[a-z]?)?(?P<extra>[^()\[\]]{0,45})"
    r"|(?P<nd>n\.\s?d\.?|s\.\s?d\.?|nd|undated|no date|forthcoming|in press|in preparation"
    r"|under review|submitted)(?:[-–]?(?P<ndsuffix>[a-z]))?)\s*[)\]]",
    re.IGNORECASE,
)
_BARE_DATE = re.compile(
    r"(?:(?<=[\s,.;:])|^)(?P<year>" + _YEAR + r")(?P<suffix>[a-z])?(?![\d\w])(?!\s*[-–—]\s*\d)"
    r"(?=\s*[.,;:)]|\s*$)"
    r"|(?:(?<=[\s,.])|^)(?P<nd>n\.\s?d\.)"
)
_MODIFIED_YEAR = re.compile(
    r"\b(?:[Ll]ast\s+(?:modified|updated|revised|reviewed)|[Uu]pdated|[Pp]ublished|[Pp]osted)\b"
    r"(?:\s*on)?:?\s*(?P<day>[^()\d]{0,20}(?:\d{1,2}\D{1,3})?)(?P<year>" + _YEAR + r")\b"
)
_ACCESSED_YEAR = re.compile(
    r"\b(?:[Aa]ccessed|[Vv]iewed)\b(?:\s*on)?:?\s*(?P<day>[^()\d]{0,20}(?:\d{1,2}\D{1,3})?)"
    r"(?P<year>" + _YEAR + r")\b"
)
_YEAR_ANY = re.compile(r"(?<![\d/.\-–])(?P<year>" + _YEAR + r")(?P<suffix>[a-z])?(?![\d])")
_QUOTE_OPEN = re.compile(r"[\"“„«”]|''|``|(?<!\w)['‘](?=[A-Z0-9])")
_QUOTE_CLOSE = {
    '"': '"',
    "“": "”",
    "„": '“”"',
    "«": "»",
    "''": "''",
    "``": "''",
    "'": "'",
    "‘": "’",
    "”": "”",
}
_SENTENCE = re.compile(r"(?<=\S)(?:\.|\?|!)(?=[\s\"”’')\]]|$)|:(?=\s)")
_NAME_ABBREV = frozenset(
    {
        "al",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "st",
        "dr",
        "mr",
        "mrs",
        "ms",
        "hrsg",
        "th",
        "ch",
        "wm",
        "jnr",
        "snr",
    }
)
_TITLE_ABBREV = frozenset(
    {
        "vs", "v", "etc", "vol", "vols", "no", "nos", "ed", "eds", "st", "dr", "mr", "mrs", "ms",
        "jr", "inc", "ltd", "co", "corp", "fig", "al", "approx", "ca", "cf", "mt", "ft", "sr", "pt",
        "gen", "pp", "p",
    }
)  # fmt: skip
_CHUNK_SEP = re.compile(
    r"\s*(?:;|,|&|\b[Aa]nd\b|\bAND\b|\bund\b|\bet\b(?!\.?\s*al\b)|(?<=[.\w]\s)e(?=\s[A-Z]))\s*"
)
_LOOSE_YEAR = re.compile(
    r"(?<=[^\W\d_.,])\s(?P<year>" + _YEAR + r")(?P<suffix>[a-z])?\s+(?=[A-Z\"“‘'])"
)
_REPEATER_START = re.compile(r"^\s*(?:[-—–_―‒‐]\s?){2,}\.?[,.]?\s*")
_LEADING_YEAR = re.compile(r"^(?P<year>" + _YEAR + r")(?P<suffix>[a-z])?[.,]?\s+(?=\S)")
_COLON = re.compile(r":\s")
_DOUBLE_STOP = re.compile(r"(?<!\.)\.\s*\.(?!\.)")
_ROLE_AFTER_NAMES = re.compile(
    r"\((?:eds?|Eds?|EDS?|Hrsg|hrsg|dir|Dir|trans|Trans|comp|Comp|coord|Coord)\.?\)(?=\s+[A-Z\"“‘«])"
)
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;](?:\s|$))")
_DESCRIPTOR = re.compile(
    r"\s*[(\[](?=[^()\[\]]*(?:\bed\b|\beds?\.|\b[ée]dn?\.|\bsuppl\b|edition|dissertation|thesis|video|report|\bno\.|vol\.|pp\.|"
    r"format|film|podcast|audio|blog|tweet|online|motion picture|kindle|version|translat|trans\.|"
    r"master|unpublished|doctoral|ph\.?\s?d|working paper|technical|brochure|fact sheet|data set|"
    r"computer software|web page|webpage|photograph|lecture|press release|television|radio|"
    r"slides|infographic|map|poster|letter|editorial|review of|dvd|cd|blu-ray|software|e-book|"
    r"\d{4}|:))[^()\[\]]*[)\]]\s*$"
    r"",
    re.IGNORECASE,
)
_TRAIL_PUNCT = " \t.,;:–—-/"
_VOL_ISSUE_PAGES = re.compile(
    r"(?P<vol>\b\d{1,5}|(?<=[^\W\d_])\d{1,5})\s*\(\s*(?P<iss>[^()]{1,20}?)\s*\)"
    r"(?:\s*[,:.]?\s*(?:pp?\.?\s*)?(?P<pages>[A-Za-z]?\d+[a-z]?(?:\s*[-–—]+\s*[A-Za-z]?\d+)?))?"
)
_VOL_NO = re.compile(
    r"\b(?:[Vv]ol(?:ume)?s?\.?|[Vv]\.|Bd\.|Jg\.)\s*(?P<vol>\d+[A-Za-z]?)"
    r"(?:\s*[,(]?\s*(?:[Nn]o|[Nn]os|[Nn]um|[Nn]umber|[Ii]ssue|[Nn]r|[Nn]\.|Heft)\.?\s*(?P<iss>\d+[A-Za-z]?(?:[-–]\d+)?)\)?)?"
)
_CHICAGO_VOL = re.compile(
    r"(?P<vol>\b\d{1,5})\s*,\s*(?:no|issue|nr)\.?\s*(?P<iss>\d+(?:[-–]\d+)?)", re.IGNORECASE
)
_ISSUE_ONLY = re.compile(r"\b(?:[Nn]o|[Nn]um|[Ii]ssue|[Nn]r)\.?\s*(?P<iss>\d+[A-Za-z]?)")
_VOL_PAGES = re.compile(
    r"(?P<vol>\b\d{1,5}|(?<=[^\W\d_])\d{1,5})\s*[,:]\s*(?:pp?\.?\s*)?(?P<pages>[A-Za-z]?\d+[a-z]?(?:\s*[-–—]+\s*[A-Za-z]?\d+)?)(?![\d(])"
)
_PAGES = re.compile(
    r"(?:\bpp?\.|\bpages?\b|\bS\.)\s*(?P<pages>[A-Za-z]?\d+[a-z]?(?:\s*[-–—]+\s*[A-Za-z]?\d+)?)"
    r"|(?<![\d(])(?<!No\.\s)(?<!No\s)(?P<range>\d+\s*[-–—]+\s*\d+)(?![\d)])"
)
_PUBLISHER = re.compile(
    r"(?:^|[.,]\s+)(?P<city>[A-Z][\w .'’-]{1,40}?(?:,\s*[A-Z][\w .]{1,20}?)?)\s*:\s*"
    r"(?P<pub>[^:.;()]{2,80}?)(?:\s*,\s*(?:\d{4}|n\.d)|\.|;|$)"
)
_NEWS = re.compile(
    r"\b(?:Guardian|Times|Post|Herald|Tribune|Telegraph|Independent|BBC|CNN|Reuters|News|Journal\s+Sentinel|"
    r"Gazette|Chronicle|Daily|Observer|Economist|Atlantic|Forbes|Bloomberg|Wired|Vox|NPR|Newsweek|"
    r"Al\s+Jazeera|Associated\s+Press|Huffington|Slate|Vice|Mirror|Sun|Express|Magazine)\b"
)
_ONLINE_NEWS_HOST = re.compile(
    r"(?:nytimes|theguardian|bbc|cnn|washingtonpost|reuters|wsj|news)\.", re.IGNORECASE
)
_CONFERENCE = re.compile(
    r"\b(?:Proceedings|Proc\.|Conference|Conf\.|Symposium|Workshop|Congress|Meeting|Colloquium|"
    r"Paper presented)\b",
    re.IGNORECASE,
)
_THESIS = re.compile(r"\b(?:dissertation|thesis|Ph\.?\s?D\.?|Doctoral|Master'?s)\b", re.IGNORECASE)
_REPORT = re.compile(
    r"\b(?:Report|Tech(?:nical)?\.? Rep|Working Paper|White Paper|Publication No|Policy Brief|"
    r"Discussion Paper|TR-)\b",
    re.IGNORECASE,
)
_VIDEO = re.compile(
    r"\[(?:Video|Film|Motion picture|Video file|Television series)[^\]]*\]", re.IGNORECASE
)
_VIDEO_PLATFORM = re.compile(r"\b(?:YouTube|Vimeo)\b", re.IGNORECASE)
_JOURNALISH = re.compile(
    r"\b(?:Journal|J\.|Review|Quarterly|Bulletin|Annals|Letters|Transactions|Trans\.|Magazine|Research)\b"
)
_IN_PREFIX = re.compile(r"^(?:In|in|IN)\s*:?\s+")
_EDITORS = re.compile(
    r"^(?P<eds>.{0,300}?)\s*\((?:Eds?|eds?|Hrsg|Coord|Dir)\.?\)\s*[,.:]?\s*|^(?P<eds2>.{0,300}?),?\s+(?:eds?\.|Eds?\.|editors?)\s*[,.:]\s*"
)
_EDITED_BY = re.compile(r",?\s*\b(?:edited by|ed\. by|Ed\. by|eds?\.)\s.*$")
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ]
    )
    for m in names
}  # fmt: skip
_MONTH_DAY = re.compile(r"^\s*,?\s*(?P<a>[A-Za-z]+|\d{1,2})\.?\s*(?P<b>\d{1,2}|[A-Za-z]+)?\.?\s*$")
_HEADING = re.compile(
    r"^\s*(?:#{1,6}\s*)?[*_]*\s*(?:references?(?:\s+list)?|bibliography|works\s+cited|sources(?:\s+cited)?|"
    r"literature(?:\s+cited)?|citations|notes|endnotes|footnotes|reference\s+list|further\s+reading|"
    r"works\s+consulted|cited\s+works|literaturverzeichnis|bibliographie|références)\s*[*_]*\s*:?\s*[*_]*\s*$",
    re.IGNORECASE,
)
_NON_ENTRY = re.compile(r"^\s*(?:#{1,6}(?:\s.*)?|</?[A-Za-z][^>]*>\s*|[-=*_~`]{3,}\s*|\W*)$")
# "van Dijk, P. (2017)": a lower-case particle that starts a new entry's author.
_PARTICLE_NAME_START = re.compile(
    r"^(?:(?:van|von|de|der|den|del|della|di|da|du|dos|le|la|ten|ter)\s+)+[^\W\d_][\w'’-]*,"
)
# A line that is only a link: "https://...", "<https://...>", "[https://...](https://...)".
_LINK_ONLY = re.compile(
    r"^(?:<(?:https?://|www\.)[^\s<>]+>|\[[^\[\]\s]+\]\(\s*<?(?:https?://|www\.)[^\s()<>]+>?\s*\)"
    r"|(?:https?://|www\.)\S+)[.,;]?$"
)
# A brand or handle written in lower case as an author: "paiza. (n.d.).", "w3schools. (2023)."
_LOWER_BRAND_HEAD = re.compile(
    r"^[a-z][\w.@-]{0,40}?\.?\s+\((?:" + _YEAR + r"[a-z]?\b[^()]{0,30}|n\.\s?d\.?)\)"
)
_CONTINUATION_START = re.compile(
    r"^(?:[a-z]|https?:|www\.|doi|DOI|Retrieved|Available|Accessed|\(Accessed|\[Online|pp?\.\s|\d|[)\],.;:&])"
)


@dataclass
class _Fields:
    """Mutable scratch space while one entry is parsed."""

    number: int | None = None
    key: str | None = None
    footnote: bool = False
    authors_segment: str = ""
    year: str | None = None
    date: str | None = None
    title: str | None = None
    container: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    publisher: str | None = None
    doi: str | None = None
    url: str | None = None
    retrieved_from: bool = False
    italics: list[str] = field(default_factory=list)
    quoted_title: bool = False
    chapter: bool = False


# --- small text helpers -------------------------------------------------------


def _collapse(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _clean_value(value: str | None) -> str | None:
    """Trim punctuation, one layer of quotes and unbalanced brackets from a field value."""
    if value is None:
        return None
    text = value.strip()
    for _ in range(4):
        before = text
        text = text.strip(_TRAIL_PUNCT)
        if len(text) >= 2 and text[0] in "\"“„«'‘`" and text[-1] in "\"”“»'’":
            text = text[1:-1].strip()
        elif text[:1] in '"“„«' and not any(c in text[1:] for c in '"”“»'):
            text = text[1:].strip()
        elif text[-1:] in '"”»' and not any(c in text[:-1] for c in '"“„«'):
            text = text[:-1].strip()
        if text.endswith((")", "]")) and text.count(text[-1]) > text.count(
            "(" if text[-1] == ")" else "["
        ):
            text = text[:-1]
        if text.startswith(("(", "[")) and text.count(text[0]) > text.count(
            ")" if text[0] == "(" else "]"
        ):
            text = text[1:]
        if text == before:
            break
    return text or None


def _strip_markup(text: str, fields: _Fields) -> str:
    """Remove markdown/HTML emphasis, remembering what was emphasised."""
    text = _HTML_ITALIC.sub("", text)

    def keep(match: re.Match[str]) -> str:
        fields.italics.append(match.group(2))
        return match.group(2)

    return EMPHASIS.sub(keep, text)


def _strip_marker(text: str, fields: _Fields) -> str:
    match = _MARKER.match(text)
    if not match:
        return text
    if match.group("fkey"):
        fields.key = match.group("fkey")
        fields.footnote = True
    elif match.group("key"):
        fields.key = match.group("key")
    for name in ("bnum", "pnum", "dnum", "snum"):
        if match.group(name):
            fields.number = int(match.group(name))
    return text[match.end() :]


# --- links: URL, DOI, "Retrieved from" ---------------------------------------


def _trim_url(url: str) -> str:
    url = url.strip().rstrip(".,;:'\"”’>")
    while url.endswith((")", "]")) and url.count(url[-1]) > url.count(
        "(" if url[-1] == ")" else "["
    ):
        url = url[:-1].rstrip(".,;:")
    return url


def _extend_url(text: str, end: int) -> int:
    """Extend a URL over PDF line-break spaces ("http://www. boston.com/...")."""
    for _ in range(8):
        match = _URL_CONTINUATION.match(text, end)
        if not match:
            break
        chunk = match.group(0).strip()
        prev = text[end - 1] if end else ""
        if not (chunk[:1] in "/._~-" or prev in "/._~-"):
            break
        if chunk.startswith("(") or re.match(r"^[A-Z][a-z]+$", chunk):
            break
        end = match.end()
    return end


def _extend_url_path(text: str, start: int, end: int) -> int:
    """Extend a URL over a genuine space inside its path ("/impact/Final Brochure.pdf").

    The next chunk must itself look like the rest of a path: a file name with an
    extension, or a run of path segments ("development/assets/report.pdf").
    """
    url = text[start:end]
    if re.search(_FILE_EXT, url, re.IGNORECASE):
        return end
    if url.endswith((".", ",", ";", ")", "]")) or "/" not in url[url.find("//") + 2 :]:
        return end
    for _ in range(3):
        match = _NEXT_CHUNK.match(text, end)
        if not match:
            break
        chunk = match.group(1).rstrip(".,;")
        if not (
            _FILE_NAME.match(chunk)
            or (re.fullmatch(r"[\w.~%-]+(?:/[\w.~%-]+){1,}/?", chunk) and chunk.count("/") >= 2)
        ):
            break
        end = match.start(1) + len(chunk)
        if _FILE_NAME.match(chunk):
            break
    return end


def _extract_links(text: str, fields: _Fields) -> str:
    """Find URL, DOI and retrieval phrases; return the text without them."""
    if _RETRIEVAL.search(text):
        fields.retrieved_from = True
    cuts: list[tuple[int, int]] = []
    for match in _URL.finditer(text):
        end = _extend_url_path(text, match.start(), _extend_url(text, match.end()))
        url = _trim_url(_collapse(text[match.start() : end]).replace(" ", ""))
        url = re.sub(r"^(https?|ftp)\s?:\s?//", r"\1://", url, flags=re.IGNORECASE)
        if fields.url is None and len(url) > 7:
            fields.url = url
        doi_in_url = _DOI.search(url)
        if doi_in_url and fields.doi is None and "doi" in url.lower():
            fields.doi = _trim_url(doi_in_url.group(1))
        cuts.append((match.start(), end))
    for match in _DOI.finditer(text):
        if any(a <= match.start() < b for a, b in cuts):
            continue
        if fields.doi is None:
            fields.doi = _trim_url(match.group(1))
        start = match.start()
        prefix = _DOI_PREFIX.search(text, max(0, start - 25), start)
        cuts.append((prefix.start() if prefix else start, match.end()))
    if not cuts:
        return _remove_retrieval(text)
    pieces: list[str] = []
    last = 0
    for start, end in sorted(cuts):
        if start < last:
            continue
        pieces.append(text[last:start])
        last = end
    pieces.append(text[last:])
    return _remove_retrieval(" ".join(p for p in pieces))


def _remove_retrieval(text: str) -> str:
    text = _RETRIEVAL_CLAUSE.sub(" ", text)
    text = re.sub(r"<\s*>|\(\s*\)|\[\s*\]", " ", text)
    text = _DOUBLE_STOP.sub(".", _collapse(text))
    return text.strip(" ,;:")


# --- finding the end of the author list ---------------------------------------


def _word_before(text: str, pos: int) -> str:
    start = pos
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in '("“':
        start -= 1
    return text[start:pos]


def _is_name_stop(text: str, match: re.Match[str]) -> bool:
    """Is this full stop (or colon) the end of the author list?"""
    mark = match.group(0)
    word = _word_before(text, match.start())
    if text[match.end() : match.end() + 1] in ")]":
        return False
    if mark == ":":
        return bool(re.fullmatch(r"\(?[A-Z][a-z]?\.\)?|[A-Z]{1,3}", word))
    if mark != ".":
        return True
    if word.endswith((")", "]")):
        return True
    core = word.strip("([,;")
    if not core:
        return False
    if "." in core or core.lower() in _NAME_ABBREV:
        return False
    if len(core) == 1 and core.isalpha():
        return False  # an initial
    return not re.fullmatch(r"[A-Z]\.?-[A-Z]", core)


def _first_name_stop(text: str) -> int | None:
    for match in _SENTENCE.finditer(text):
        if _is_name_stop(text, match):
            return match.start()
    return None


def _first_quote(text: str) -> int | None:
    match = _QUOTE_OPEN.search(text)
    return match.start() if match else None


@dataclass
class _AuthorCut:
    end: int  # end of the author segment
    rest: int  # where the text after the author segment starts
    date: re.Match[str] | None = None
    comma_style: bool = False
    title_first: bool = False
    title_end: int = 0


_LOWER_CONTENT = re.compile(
    r"(?<![\w'’-])(?!(?:of|for|the|and|on|in|at|to|a|an|de|van|von|der|du|la|le|et|al)\b)[a-z]{3,}\b"
)


def _looks_like_title(region: str) -> bool:
    """A title standing in the author position ("The Blackwell dictionary of ... (1991).")."""
    return len(_LOWER_CONTENT.findall(region)) >= 1


# MLA entries without an author: "Title. Dir. Name." / "Title. Ed. Name." / "Title. Trans. Name."
_MLA_TITLE_FIRST = re.compile(
    r"^(?P<title>[^,.;:()\[\]\"“]{2,150}?)[.?!]\s+"
    r"(?=(?:Dir|Ed|Eds|Trans|Perf|Prod|Narr)\.,?\s+[A-Z]|(?:Edited|Directed|Translated|Produced)\s+by\s)"
)


def _chunks(region: str) -> list[tuple[int, int]]:
    """Offsets of the separator-delimited chunks of an author region."""
    spans: list[tuple[int, int]] = []
    last = 0
    for match in _CHUNK_SEP.finditer(region):
        spans.append((last, match.start()))
        last = match.end()
    spans.append((last, len(region)))
    return [(a, b) for a, b in spans if region[a:b].strip(" .")]


def _shape(chunk: str) -> str:
    words = chunk.split()
    if not words:
        return ""
    if is_initials(chunk):
        return "I"
    return "IW" if is_initials(words[0]) else "W"


def _name_prefix(chunk: str, pairs_mode: bool = False) -> int | None:
    """In "Smith J. Title of paper", the end of the name part "Smith J."."""
    for match in re.finditer(r"\.\s+", chunk[:80]):
        prefix = chunk[: match.start() + 1]
        if (
            looks_like_name_part(prefix)
            and len(prefix.split()) <= 4
            and not all(is_initials(w) for w in prefix.split())
        ) or (is_initials(prefix) and pairs_mode):
            following = chunk[match.end() :].split()
            if following and not is_initials(following[0]):
                return match.start() + 1
    return None


_ROLE_CHUNK = re.compile(
    r"^\(?(?:eds?|editors?|ed\. by|director|directors|producers?|writer|host|narrator|compilers?|"
    r"trans|translators?|hrsg|coords?|comps?)\.?\)?\.?$",
    re.IGNORECASE,
)
_ROLE_PAREN = re.compile(r"\s*\((?:[A-Za-z/]+\.?\s?){1,3}\)\s*$")


def _chunk_ok(chunk: str) -> bool | None:
    """True/False for a name chunk; None for filler (ellipsis, et al., role words)."""
    bare = chunk.strip(". ")
    if not bare or re.fullmatch(r"(?:\.\s*)+|…", bare):
        return None
    if re.fullmatch(r"et\.?\s*al\.?|others|al\.?", bare, re.IGNORECASE) or _ROLE_CHUNK.match(bare):
        return None
    chunk = _ROLE_PAREN.sub("", chunk)
    chunk = re.sub(r",?\s+(?:eds?|Eds?)\.?$|\s+(?:editors?|Editors?)$", "", chunk)
    if _count_name_words(chunk) > 4:
        return False
    return looks_like_name_part(chunk)


def _count_name_words(chunk: str) -> int:
    return sum(1 for w in chunk.split() if not is_initials(w) and w not in _PARTICLE_WORDS)


_PARTICLE_WORDS = frozenset(
    {"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "des", "la", "le"}
)


def _starts_with_initials(chunk: str) -> bool:
    words = chunk.split()
    return bool(words) and is_initials(words[0]) and len(words[0]) <= 3


def _scan_names(region: str) -> int:
    """Length of the leading part of ``region`` that reads as a list of names."""
    spans = _chunks(region)
    if not spans:
        return 0
    first_shape = ""
    accepted_end = 0
    pairs_mode = False
    name_index = 0
    prev_lone_after_comma = -1
    for index, (a, b) in enumerate(spans):
        chunk = _ROLE_PAREN.sub("", region[a:b]).strip()
        ok = _chunk_ok(chunk)
        if ok is None:
            accepted_end = b
            continue
        shape = _shape(chunk)
        sep_before = region[spans[index - 1][1] : a] if index else ""
        after_comma = "," in sep_before
        if ok and name_index == 0:
            first_shape = shape
        elif name_index == 1 and first_shape == "W" and after_comma and shape == "I":
            pairs_mode = True
        elif (
            name_index == 1
            and first_shape == "W"
            and after_comma
            and shape == "IW"
            and _count_name_words(region[spans[0][0] : spans[0][1]]) == 1
            and not (
                index + 1 < len(spans)
                and _starts_with_initials(region[spans[index + 1][0] : spans[index + 1][1]])
            )
        ):
            # "Felleisen, M. Programming languages...": the initials end the list
            cut = _name_prefix(chunk, pairs_mode=True)
            return a + cut if cut is not None else accepted_end
        elif pairs_mode and name_index % 2 == 0 and shape != "W":
            pairs_mode = False
        elif (
            ok
            and first_shape == "IW"
            and shape == "W"
            and after_comma
            and not re.search(r"\b[A-Z]\.", chunk)
        ):
            ok = False  # "G. Gauthier, Andrei Tarkovski": the format changes, a title starts
        if ok and pairs_mode and name_index % 2 == 1 and shape == "IW":
            cut = _name_prefix(chunk, pairs_mode=True)
            return a + cut if cut is not None else accepted_end
        if not ok:
            cut = _name_prefix(chunk, pairs_mode=pairs_mode and name_index % 2 == 1)
            if cut is not None:
                return a + cut
            if not after_comma and prev_lone_after_comma >= 0:
                # "Crammond, J., Scheduling and Variable Assignment...": "and" inside a title
                return prev_lone_after_comma
            return accepted_end if index else 0
        prev_lone_after_comma = (
            spans[index - 1][1] if after_comma and shape == "W" and len(chunk.split()) == 1 else -1
        )
        accepted_end = b
        name_index += 1
    return accepted_end


def _find_author_cut(text: str) -> _AuthorCut:
    """Where the author list ends, and how the entry continues."""
    mla = _MLA_TITLE_FIRST.match(text)
    if mla:
        return _AuthorCut(end=0, rest=0, title_first=True, title_end=mla.end("title"))
    candidates: list[tuple[int, str, re.Match[str] | None]] = []
    paren = _PAREN_DATE.search(text)
    if paren:
        candidates.append((paren.start(), "paren", paren))
    bare = _BARE_DATE.search(text)
    if bare and bare.start() > 0:
        candidates.append((bare.start(), "bare", bare))
    quote = _first_quote(text)
    if quote is not None:
        candidates.append((quote, "quote", None))
    loose = _LOOSE_YEAR.search(text, 0, 300)
    if loose and _scan_names(text[: loose.start()]) >= loose.start():
        candidates.append((loose.start(), "bare", loose))
    colon = _COLON.search(text, 0, 300)
    if (
        colon
        and colon.start() > 0
        and _scan_names(text[: colon.start()]) >= colon.start()
        and (
            re.search(r"(?:^|[\s,;&])[A-Z]{1,3}\.?$", text[: colon.start()])
            # "A. Berg, C. Dahl and E. Falk: Title" / "Irma Stoltz: 2011. Title"
            or re.search(
                r"\s(?:and|&|und)\s+[^\s,;&]+(?:,?\s+[^\s,;&]+){0,2}$|,?\s+et\.?\s?al\.?$",
                text[: colon.start()],
            )
            or re.match(r"\s*" + _YEAR + r"\b", text[colon.end() :])
        )
    ):
        candidates.append((colon.start(), "stop", None))
    stop = _first_name_stop(text)
    role = _ROLE_AFTER_NAMES.search(text, 0, 300)
    if role and (stop is None or role.end() < stop):
        stop = role.end()
    if stop is not None:
        candidates.append((stop, "stop", None))
    if paren and (stop is None or stop >= paren.start() - 2 or paren.start() < 200):
        region = text[: paren.start()].rstrip(" ,;.")
        inner_stop = stop is not None and stop < len(region)
        if (
            region
            and not inner_stop
            and (quote is None or quote > paren.start())
            and 2 <= len(region.split()) <= 20  # one word ("paiza.") is a brand or handle
            and _looks_like_title(region)
            and _scan_names(region) == 0
            and not looks_corporate(region)
        ):
            return _AuthorCut(end=0, rest=0, title_first=True, date=paren, title_end=len(region))
        if (
            region
            and (quote is None or quote > paren.start())
            and (
                _scan_names(region) >= len(region)
                or looks_corporate(region)
                or (not inner_stop and _region_is_author(region, "paren"))
            )
        ):
            return _AuthorCut(end=len(region), rest=paren.start(), date=paren)
    if not candidates:
        end, kind, date = len(text), "end", None
    else:
        end, kind, date = min(candidates, key=lambda c: c[0])
    region = text[:end]
    stripped = region.rstrip(" ,;.")
    if kind in {"paren", "bare"} and _region_is_author(stripped, kind):
        return _AuthorCut(
            end=len(stripped), rest=end, date=date, comma_style=region.rstrip().endswith(",")
        )
    scanned = _scan_names(region)
    if kind == "stop":
        title_comma = _corporate_then_title(stripped)
        if title_comma is not None:
            return _AuthorCut(end=title_comma, rest=title_comma, comma_style=True)
    if scanned >= len(stripped) and stripped:
        comma = region.rstrip().endswith(",") or (
            kind == "bare"
            and text[end : end + 12].find(",") != -1
            and bare is not None
            and text[bare.end() : bare.end() + 2].startswith(",")
        )
        return _AuthorCut(
            end=len(stripped),
            rest=end,
            date=date if kind in {"paren", "bare"} else None,
            comma_style=comma,
        )
    if scanned <= 0:
        if kind == "stop" and looks_corporate(stripped) and len(stripped) < 120:
            return _AuthorCut(end=len(stripped), rest=end)
        return _AuthorCut(end=0, rest=0)
    tail = region[scanned:]
    return _AuthorCut(
        end=scanned, rest=scanned, comma_style=tail.lstrip().startswith(",") or "," in tail[:3]
    )


def _corporate_then_title(region: str) -> int | None:
    """IEEE "United Nations Environment Programme, Food Waste Index Report": the comma after an
    organisation that ends the author list when what follows is a title, not another unit
    ("..., Office of the Surgeon General") or people ("ATLAS Collaboration, G. Aad")."""
    comma = region.find(", ")
    if comma <= 0:
        return None
    head, tail = region[:comma], region[comma + 2 :]
    tail_words = tail.split()
    if len(head.split()) < 2 or len(tail_words) < 2 or not looks_corporate(head):
        return None
    if looks_corporate(tail) or any(is_initials(w) for w in tail_words) or "," in tail:
        return None
    return comma


def _region_is_author(region: str, kind: str) -> bool:
    """Before a date: is this plausibly an author segment (people or an organisation)?"""
    if not region:
        return False
    if len(region) > 400:
        return False
    if _scan_names(region) >= len(region):
        return True
    if looks_corporate(region):
        return True
    # A short stretch before "(2019)." is an author (or a title standing in for one).
    return kind == "paren" and len(region.split()) <= 8 and not any(q in region for q in '"“”')


# --- dates -------------------------------------------------------------------


def _date_from_match(match: re.Match[str]) -> tuple[str | None, str | None]:
    """(year, date) from a _PAREN_DATE or _BARE_DATE match."""
    groups = match.groupdict()
    if groups.get("nd"):
        suffix = groups.get("ndsuffix") or ""
        nd = match.group("nd").lower().replace(" ", "")
        if (nd.startswith(("n", "s", "u")) and "." in nd) or nd in {"nd", "undated", "nodate"}:
            return "n.d." + (("-" + suffix) if suffix else ""), None
        return None, match.group("nd")
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


def _fallback_year(text: str) -> str | None:
    """The publication year of an entry whose date does not follow the authors."""
    strong: list[str] = []
    weak: list[str] = []
    for match in _YEAR_ANY.finditer(text):
        start, end = match.start(), match.end()
        after = text[end : end + 3]
        before = text[max(0, start - 6) : start]
        if re.search(r"\d\s*[-–—]\s*$", before):
            continue
        if re.search(r"(?:\bpp?\.|\bNo\.?|\bno\.|:|#|\bNumber)\s*$", before):
            continue
        year = match.group("year") + (match.group("suffix") or "")
        if re.match(r"\s*[-–—]\s*\d", after):
            weak.append(year)
            continue
        if (
            re.search(r"[(\[]\s*$", before)
            or re.match(r"\s*[;)\]]", after)
            or (
                re.search(r"(?:[A-Za-z]{3,}\.?|\d{1,2})\s*,?\s*$", before)
                and re.match(r"\s*(?:[.,]|$)", after)
            )
        ):
            strong.append(year)
        else:
            weak.append(year)
    if strong:
        return strong[0]
    return weak[0] if weak else None


# --- title -------------------------------------------------------------------


def _is_title_stop(text: str, match: re.Match[str]) -> bool:
    mark = match.group(0)
    if mark in "?!":
        return True
    if mark == ":":
        return False
    word = _word_before(text, match.start())
    if word.endswith((")", "]")):
        return True
    word = word.strip("([\"“'")
    if not word:
        return False
    if re.search(r"[^\W\d_]\.[^\W\d_]", word):
        return False
    if word.lower() in _TITLE_ABBREV:
        return False
    if len(word) == 1 and word.isupper():
        return False
    return not (text[match.end() : match.end() + 2].strip()[:1].islower() and len(word) <= 3)


def _title_stop(text: str) -> int | None:
    """Offset just after the sentence that ends the title."""
    depth = 0
    counted = 0
    for match in _SENTENCE.finditer(text):
        segment = text[counted : match.start()]
        depth += segment.count("(") - segment.count(")")
        counted = match.start()
        if depth > 0:
            continue
        if _is_title_stop(text, match):
            return match.end() if match.group(0) in "?!" else match.start()
    return None


_SOURCE_HINT = re.compile(
    r"\d|\bProc|\bJournal|\bJ\.|\bConf|\bTrans|\bPress|\b[Ii]n\s|\b[Vv]ol|\bpp|:|\bIEEE|\bACM|\bUniversity|\bSymp"
)
_COMMA_TITLE_END = re.compile(r",\s+(?=[A-Z0-9\"“]|[Ii]n:?\s)")


def _take_quoted(text: str) -> tuple[str, int] | None:
    """A title in quotes at the start of ``text``: (title, end offset)."""
    match = _QUOTE_OPEN.match(text)
    if not match:
        return None
    opener = match.group(0)
    closers = _QUOTE_CLOSE.get(opener, opener)
    start = match.end()
    best = -1
    for closer in [closers] if len(closers) == 2 and closers == "''" else list(closers):
        pos = text.find(closer, start)
        while pos != -1 and closer in "'’" and pos + 1 < len(text) and text[pos + 1].isalpha():
            pos = text.find(closer, pos + 1)  # an apostrophe inside a word
        if pos != -1 and (best == -1 or pos < best):
            best = pos
    if best == -1:
        return None
    close_len = 2 if closers == "''" else 1
    return text[start:best], best + close_len


_STRONG_SOURCE = re.compile(
    r",\s+(?=(?:[Ii]n:?\s|Proc\b|Proc\.|Proceedings|Journal\b|J\.\s|IEEE|ACM|SIAM|Trans\.|Transactions|"
    r"Comm\.|Communications of|Lecture Notes|LNCS|Springer|(?:The\s)?MIT Press|"
    r"[A-Z][\w&.-]*\s(?:University\s)?Press\b|"
    r"Ph\.?\s?D|PhD|Masters?'?s?\s[Tt]hesis|[Tt]hesis|[Dd]issertation|Technical\s[Rr]ep|Tech\.?\s[Rr]ep|"
    r"[Pp]reprint|to appear|[Ss]ubmitted|paper\s|[Ii]n press|[Uu]npublished|manuscript|pp\.|"
    r"[Pp]ages?\s\d|"
    r"[Vv]ol\.|\d+\s*(?:\(|,\s*\d|:|vols?\b)|(?:edited|translated)\sby|eds?\.\s|trans\.\s|tr\.\s|"
    r"[Rr]ev(?:ised)?\.?\s+ed|[Vv]olume\s\w+\.?$|"
    # "Title, Ann Lee (ed.)": an editor or translator named after the title
    r"[A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*){0,3}\s\((?:eds?|trans|tr)\.\)))"
)
_TRAILING_DATE = re.compile(
    r"(?:,\s*|\s+(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)))"
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?)?"
    + _YEAR
    + r"[a-z]?\s*$"
)
_PUBLISHER_SENTENCE = re.compile(
    r"^[A-Z][\w .,'’&-]{1,60}:\s*[A-Z][^.]*$|\b(?:Press|Publishers?|Publishing|Verlag|Books)\b"
)


_ABBREV_FOLLOW = re.compile(r"\.\s*(?:of\b|[A-Z][a-z]{0,5}\.|[A-Z][a-z]+,?\s*\d{1,3}\b(?!\d))")
_SECOND_SENTENCE_BAD = re.compile(
    r"^(?:In\b|Edited|Translated|Trans\b|Ed\b|Eds\b|Reprint|Revised|Rev\b|Introduction|Foreword|Compiled|"
    r"Comp\b|Selected|Vol|Volume|Book|Part|DVD|CD|Film|Directed|Dir\b|Perf\b|Editio|Paper|Poster|Unpublished|"
    r"Doctoral|Master|PhD|Ph\.D|Technical|Report|Retrieved|Available|Accessed)",
    re.IGNORECASE,
)


def _abbrev_tail_comma(title: str, following: str) -> int | None:
    """The comma before a short abbreviation that ends the title ("the Internet, Comm. of")."""
    comma = title.rfind(", ")
    if comma <= 0:
        return None
    tail = title[comma + 2 :].split()
    if not (
        1 <= len(tail) <= 2 and tail[-1][:1].isupper() and len(tail[-1]) <= 5 and tail[-1].isalpha()
    ):
        return None
    if _ABBREV_FOLLOW.match(following):
        return comma
    return None


def _merge_subtitle(text: str, end: int) -> int:
    """APA/Chicago book titles with a second sentence: "Title. Subtitle. City: Publisher."."""
    rest = text[end:]
    if not rest.startswith(". ") and (not rest.startswith(" ") or text[end - 1 : end] != "?"):
        return end
    second_start = end + (2 if rest.startswith(". ") else 1)
    second_stop = _title_stop(text[second_start:])
    if second_stop is None:
        return end
    second = text[second_start : second_start + second_stop]
    after = text[second_start + second_stop :].lstrip(" .")
    if not after or re.search(r"\d|:|\b(?:Retrieved|Available|Journal|Review)\b", second):
        return end
    if _PUBLISHER_SENTENCE.search(second) or not 2 <= len(second.split()) <= 25:
        return end
    if (
        _SECOND_SENTENCE_BAD.match(second)
        or _CONFERENCE.search(second)
        or _JOURNALISH.search(second)
    ):
        return end
    if re.match(r"(?:In:?\s|in:?\s)", after) or re.match(
        r"[A-Z][\w .,'’-]{1,40}(?:,\s*[A-Z]{2,})?:\s", after
    ):
        return second_start + second_stop
    if text[end - 1 : end] == "?" and re.match(
        r"[^.]{2,120}?(?:[^\W\d_]|\s)\d+\s*(?:\(|,\s*\d)", after
    ):
        return second_start + second_stop
    return end


_PUB_PAREN = re.compile(
    r"[\s,]+[(\[](?=[^()\[\]]*(?:\d{4}|:|\bpp\.|\bVol\.))[^()\[\]]*[)\]](?=\s*(?:[.,;:]|$|in\b|In\b))"
)


def _before_open_bracket(text: str, end: int) -> int:
    """Do not end a title inside a bracket: cut before an unclosed "(" or "["."""
    depth = 0
    opened = -1
    for pos in range(end):
        char = text[pos]
        if char in "([":
            if depth == 0:
                opened = pos
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
    if depth and opened > 0:
        return len(text[:opened].rstrip(" ,"))
    return end


def _take_title(
    text: str, comma_style: bool, dated: bool = False, italics: Sequence[str] = ()
) -> tuple[str | None, str, bool]:
    """Split the title off ``text``: (title, rest, quoted)."""
    text = text.lstrip(" .,;:")
    if not text:
        return None, "", False
    quoted = _take_quoted(text)
    if quoted:
        title, end = quoted
        return _clean_value(title), text[end:], True
    for italic in italics:
        # Harvard "(2006) *Title*, *Journal*, 8(11)" / "*Title*, HC 557, London: TSO":
        # an italic title followed by a comma ends there
        if len(italic) > 3 and text.startswith(italic) and text[len(italic) :].startswith(", "):
            return _clean_value(italic), text[len(italic) :], False
    period_end = _title_stop(text)
    end = period_end if period_end is not None else len(text)
    if period_end is not None:
        end = _merge_subtitle(text, end)
    strong = _STRONG_SOURCE.search(text)
    if comma_style:
        comma = _COMMA_TITLE_END.search(text, 0, end)
        if comma and _SOURCE_HINT.search(text[comma.start() : end]):
            end = comma.start()
    if strong and strong.start() < end:
        end = strong.start()
    if period_end is not None and end == period_end:
        tail_comma = _abbrev_tail_comma(text[:end], text[end:])
        if tail_comma is not None:
            end = tail_comma
    paren = _PUB_PAREN.search(text)
    if paren and 0 < paren.start() < end:
        end = paren.start()
    end = _before_open_bracket(text, end)
    title = text[:end]
    rest = text[end:]
    while True:
        match = _DESCRIPTOR.search(title)
        if not match or match.start() == 0:
            break
        rest = title[match.start() :] + rest
        title = title[: match.start()]
    title = title.rstrip(" .,;:")
    trailing = None if dated else _TRAILING_DATE.search(title)
    if trailing and trailing.start() > 0:
        rest = title[trailing.start() :] + rest
        title = title[: trailing.start()]
    return _clean_value(title), rest, False


# --- container, volume, issue, pages, publisher -------------------------------


def _first_sentence(text: str) -> str:
    stop = _title_stop(text)
    return text if stop is None else text[:stop]


def _parse_source(rest: str, fields: _Fields) -> None:
    """Read container, volume, issue, pages and publisher from what follows the title."""
    text = rest.strip(" .,;:")
    if not text:
        return
    text = _DESCRIPTOR.sub("", text, count=0) if text.startswith(("(", "[")) else text
    text = (
        re.sub(r"^\s*[(\[][^()\[\]]{0,80}[)\]]\s*[.,]?\s*", "", text)
        if re.match(r"^\s*[(\[]", text)
        else text
    )
    in_match = _IN_PREFIX.match(text)
    if in_match:
        fields.chapter = True
        text = text[in_match.end() :]
        eds = _EDITORS.match(text)
        if eds:
            text = text[eds.end() :]
    _parse_numbers(text, fields)
    container_end = _container_end(text)
    container = text[:container_end]
    container = _EDITED_BY.sub("", container)
    container = re.sub(r"\s*[(\[][^()\[\]]*$", "", container)
    if container.strip() and not _looks_like_publisher_only(container, text):
        fields.container = _clean_value(container)
    pub = _PUBLISHER.search(text, container_end if fields.container else 0)
    if pub:
        fields.publisher = _clean_value(pub.group("pub"))
    elif fields.container is None and not fields.volume and text:
        # MLA ends a book with "Publisher, 2019." (or a date): the year is not the publisher's.
        candidate = _MLA_PUBLISHER_DATE.sub("", _first_sentence(text))
        if 2 <= len(candidate) <= 80 and not re.search(r"\d", candidate):
            fields.publisher = _clean_value(candidate)


_MLA_PUBLISHER_DATE = re.compile(
    r",\s*(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+|[A-Z][a-z]{2,8}\.?\s+(?:\d{1,2},\s*)?)?"
    r"(?:1[5-9]\d\d|20\d\d)\.?$"
)


def _looks_like_publisher_only(container: str, text: str) -> bool:
    """ "Chicago: University of Chicago Press" is a publisher, not a container.

    The place before the colon is short and has no number; "Advances in Neural
    Information Processing Systems 33: Annual Conference ..." is a container.
    """
    colon = container.find(": ")
    if colon != -1:
        place = re.split(r"[.,;]\s", container[:colon])[-1].strip()
        if re.fullmatch(_YEAR, place):
            return True  # "1974: Springer-Verlag Berlin"
        return (
            len(place.split()) <= 4
            and not re.search(r"\d|\b(?:Part|Section|Series|Vol|Volume|Issue)\b", place)
            and not _CONFERENCE.search(place)
            and not _JOURNALISH.search(place)
        )
    return bool(
        re.search(
            r"\b(?:Press|Publishers?|Publishing|Verlag|Books|Wiley|Elsevier|Springer)\b", container
        )
    ) and not _JOURNALISH.search(container)


def _container_end(text: str) -> int:
    """End of the container name: before numbers, pages, a paren, or a sentence end."""
    ends = [len(text)]
    for pattern in (_VOL_ISSUE_PAGES, _VOL_NO, _CHICAGO_VOL, _VOL_PAGES, _ISSUE_ONLY):
        match = pattern.search(text)
        if match:
            ends.append(match.start())
    for pattern in (
        re.compile(r",?\s*\(?\b(?:pp?\.|pages?\b)"),
        re.compile(r"\s\((?=[^)]*(?:\d|Eds?\.|ed\.))"),
        re.compile(r",\s*(?:" + _YEAR + r")\b"),
        re.compile(r"\s(?:" + _YEAR + r")\s*[;,.]"),
        re.compile(r",\s*\d"),
        re.compile(r";"),
    ):
        match = pattern.search(text)
        if match:
            ends.append(match.start())
    stop = _title_stop(text)
    if stop is not None:
        ends.append(stop)
    return min(ends)


def _parse_numbers(text: str, fields: _Fields) -> None:
    vip = _VOL_ISSUE_PAGES.search(text)
    chicago = _CHICAGO_VOL.search(text)
    if chicago and (vip is None or chicago.start() <= vip.start()):
        vip = None
    if (
        vip
        and not re.fullmatch(_YEAR, vip.group("vol") or "")
        and not re.fullmatch(_YEAR, vip.group("iss").strip())
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
        if match and not re.fullmatch(_YEAR, match.group("vol")):
            fields.volume = match.group("vol")
            fields.pages = _norm_pages(match.group("pages"))
    if fields.issue is None:
        match = _ISSUE_ONLY.search(text)
        if match:
            fields.issue = match.group("iss")
    if fields.pages is None:
        match = _PAGES.search(text)
        if match:
            fields.pages = _norm_pages(match.group("pages") or match.group("range"))


def _norm_pages(pages: str) -> str:
    return re.sub(r"\s*[-–—]+\s*", "–", pages.strip())


# --- type --------------------------------------------------------------------


def _classify(text: str, fields: _Fields) -> ReferenceType:
    outside_title = text.replace(fields.title, " ") if fields.title else text
    if _VIDEO.search(text) or _VIDEO_PLATFORM.search(outside_title):
        return "video"
    if _THESIS.search(text):
        return "thesis"
    has_link = bool(fields.url or fields.retrieved_from)
    outlet = " ".join(x for x in (fields.container, fields.publisher, fields.authors_segment) if x)
    if (
        has_link
        and (_NEWS.search(outlet) or (fields.url and _ONLINE_NEWS_HOST.search(fields.url)))
        and not fields.volume
    ):
        return "news"
    if _CONFERENCE.search(fields.container or "") or (fields.chapter and _CONFERENCE.search(text)):
        return "conference"
    if fields.chapter:
        return "chapter"
    if _REPORT.search(text):
        return "report"
    if fields.container and (fields.volume or fields.issue or _JOURNALISH.search(fields.container)):
        return "article"
    if fields.container and _NEWS.search(fields.container) and not fields.pages:
        return "news"
    if fields.publisher and not fields.container:
        return "book"
    if fields.url and not fields.container:
        return "web"
    if fields.container and fields.pages:
        return "article"
    return "unknown"


# --- the entry point ---------------------------------------------------------


def parse_reference(
    raw: str,
    *,
    span: Span | None = None,
    index: int = 0,
    number: int | None = None,
    key: str | None = None,
) -> Reference:
    """Parse one reference-list entry. Never raises.

    >>> ref = parse_reference("Boyd, D. M., & Ellison, N. B. (2007). Social network sites. "
    ...                       "Journal of Computer-Mediated Communication, 13(1), 210-230.")
    >>> ref.authors[0].family, ref.year, ref.volume, ref.issue, ref.pages, ref.type
    ('Boyd', '2007', '13', '1', '210–230', 'article')
    """
    raw = raw if isinstance(raw, str) else str(raw)
    base_span = span if span is not None else Span(start=0, end=len(raw))
    return _build(raw, base_span, index, number, key, _parse_fields(raw))


def _build(
    raw: str, span: Span, index: int, number: int | None, key: str | None, fields: _Fields
) -> Reference:
    people, et_al = parse_authors(fields.authors_segment) if fields.authors_segment else ((), False)
    text_for_type = _collapse(raw)
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
        type=_classify(text_for_type, fields),
        source="footnote" if fields.footnote else "text",
    )


_MAX_PARSE = 3000  # no real entry is longer; keeps odd input (a whole pasted file) fast


def _parse_fields(raw: str) -> _Fields:
    fields = _Fields()
    text = _collapse(raw[: _MAX_PARSE * 2].replace("\u00a0", " "))[:_MAX_PARSE]
    text = _strip_marker(text, fields)
    text = _MD_LINK.sub(
        lambda m: f"{m.group(1)} {m.group(2)}" if m.group(1) != m.group(2) else m.group(2), text
    )
    text = _extract_links(text, fields)
    text = _strip_markup(text, fields)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", _collapse(text))
    if not text:
        return fields
    repeater = _REPEATER_START.match(text)
    leading_year = _LEADING_YEAR.match(text)
    if repeater:
        fields.authors_segment = repeater.group(0).strip()
        cut = _AuthorCut(end=0, rest=repeater.end())
    elif leading_year:
        cut = _AuthorCut(end=0, rest=0, date=leading_year)
    else:
        cut = _find_author_cut(text)
        fields.authors_segment = text[: cut.end].strip()
    rest = text[cut.rest :]
    if cut.title_first:
        fields.title = _clean_value(text[: cut.title_end])
        rest = text[cut.title_end :].lstrip(" .,")
    comma_style = cut.comma_style
    date = cut.date
    if date is None:
        lead = rest.lstrip(" .,;:")
        offset = len(rest) - len(lead)
        paren = _PAREN_DATE.match(lead)
        bare = _BARE_DATE.match(lead)
        date = paren or bare or _LEADING_YEAR.match(lead)
        if date is not None:
            rest = rest[offset:]
    elif not rest.startswith(date.group(0)):
        rest = rest.lstrip(" .,;:")
    if date is not None and rest.startswith(date.group(0)):
        fields.year, fields.date = _date_from_match(date)
        after = rest[len(date.group(0)) :]
        lead_after = after.lstrip(" ")
        if lead_after.startswith(",") and not lead_after.lstrip(" ,").startswith(('"', "“")):
            comma_style = True
        rest = after
    if fields.title is None:
        title, rest, quoted = _take_title(
            rest, comma_style, dated=fields.year is not None, italics=fields.italics
        )
        fields.title = title
        fields.quoted_title = quoted
    _parse_source(rest, fields)
    if fields.year is None:
        fields.year = _fallback_year(rest) or _fallback_year(title or "")
        if fields.year is None and re.search(r"\bn\.\s?d\b", text):
            fields.year = "n.d."
    if fields.title is None and fields.container:
        fields.title, fields.container = fields.container, None
    return fields


def revision_or_access_date(raw: str) -> str | None:
    """The date of a "Last modified March 1, 2024." or "Accessed May 2, 2023." clause.

    Chicago dates a web source that shows no publication date this way. It is
    not the year of publication (``Reference.year`` stays empty), but such an
    entry is dated as its style asks.

    >>> revision_or_access_date('WHO. "Obesity." Last modified March 1, 2024. https://who.int/o')
    '2024-03-01'
    """
    text = _collapse(raw[:_MAX_PARSE])
    stamp = _MODIFIED_YEAR.search(text) or _ACCESSED_YEAR.search(text)
    if stamp is None:
        return None
    return _month_date(stamp.group("year"), stamp.group("day")) or stamp.group("year")


# --- splitting a reference list ----------------------------------------------


@dataclass
class _Entry:
    start: int
    end: int
    indent: int
    has_year: bool
    last_line: str
    number: int | None = None


def _line_iter(text: str) -> list[tuple[int, int, str]]:
    """(start, end, content) for every line; ``end`` excludes the newline and a CR.

    A line that holds several bracket-numbered entries ("[1] ... 2018. [2] S. C.
    Watkins, ...", as PDF text and pasted lists run them together) is cut where
    each next number starts, so every entry begins a line of its own.
    """
    lines: list[tuple[int, int, str]] = []
    pos = 0
    length = len(text)
    expected: int | None = None
    while pos <= length:
        nl = text.find("\n", pos)
        end = length if nl == -1 else nl
        content_end = end - 1 if end > pos and text[end - 1] == "\r" else end
        pieces, expected = _numbered_pieces(text, pos, content_end, expected)
        lines.extend((start, stop, text[start:stop]) for start, stop in pieces)
        if nl == -1:
            break
        pos = nl + 1
    return lines


_BRACKET_NUMBER = re.compile(r"\[(\d{1,4})\]\s")
_LEADING_BRACKET = re.compile(r"^\s*\[(\d{1,4})\]\s")


def _numbered_pieces(
    text: str, start: int, end: int, expected: int | None
) -> tuple[list[tuple[int, int]], int | None]:
    """``[start, end)`` cut before each "[n] " that continues the list's numbering.

    ``expected`` is the number the list is waiting for (None before the first
    "[n]" at a line start); returns the pieces and the number expected next.
    """
    first = _LEADING_BRACKET.match(text, start, end)
    if first is not None:
        expected = int(first.group(1)) + 1
    if expected is None:
        return [(start, end)], None
    cuts = [start]
    for match in _BRACKET_NUMBER.finditer(text, first.end() if first else start, end):
        if int(match.group(1)) == expected and text[match.start() - 1].isspace():
            cuts.append(match.start())
            expected += 1
    bounds = [*cuts, end]
    return list(itertools.pairwise(bounds)), expected


# A line that is only a comment: an HTML comment (Markdown/HTML suppression
# directives) or a kept LaTeX "% essaylint:" directive. It belongs to no entry.
_COMMENT_LINE = re.compile(r"^(?:<!--.*?-->|%\s*essaylint:.*)$")


def _is_skippable(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return True
    if _COMMENT_LINE.match(stripped):
        return True
    if _HEADING.match(stripped):
        return True
    return bool(_NON_ENTRY.match(stripped)) and not _LINK_ONLY.match(stripped)  # "<https://...>"


def _has_year(text: str) -> bool:
    return bool(_YEAR_ANY.search(text) or re.search(r"\bn\.\s?d\.", text))


def _starts_entry(line: str, current: _Entry | None) -> bool:
    """Does this (non-blank, non-heading) line begin a new entry?"""
    stripped = line.strip()
    if current is None:
        return True
    if _LINK_ONLY.match(stripped):
        return False  # a URL after a Markdown hard line break ends the entry above
    if _LOWER_BRAND_HEAD.match(stripped):
        return True  # "paiza. (n.d.).", "w3schools. (2023)."
    if (_MARKER.match(stripped) and not re.match(r"^[-–]\s", stripped)) or stripped.startswith(
        ("- ", "* ", "+ ", "• ")
    ):
        return True
    if _CONTINUATION_START.match(stripped) and not _PARTICLE_NAME_START.match(stripped):
        return False
    indent = len(line) - len(line.lstrip())
    if indent > current.indent:
        return False
    previous = current.last_line.rstrip()
    if previous.endswith((".", ")", "]", ">")) or _URL.search(
        previous.split(" ")[-1] if previous else ""
    ):
        return True
    if not current.has_year:
        return False
    # The line before stopped mid-entry: only a real entry head starts a new one
    # ("Economics, 130(1), 45-60." on its own line carries on a wrapped title).
    return looks_like_entry(stripped)


def split_reference_list(text: str, start: int) -> list[Reference]:
    """Split a reference-list section into entries and parse each one.

    ``start`` is the section's offset in the document; every returned span is a
    document offset. Never raises on any input.
    """
    entries = _split_entries(text)
    references: list[Reference] = []
    for index, entry in enumerate(entries):
        raw = text[entry.start : entry.end]
        span = Span(start=start + entry.start, end=start + entry.end)
        references.append(parse_reference(raw, span=span, index=index))
    return references


def _split_entries(text: str) -> list[_Entry]:
    entries: list[_Entry] = []
    current: _Entry | None = None
    after_break = False
    for line_start, _line_end, line in _line_iter(text):
        if not line.strip():
            after_break = True
            continue
        if _is_skippable(line):
            current = None
            continue
        lead = len(line) - len(line.lstrip())
        content_start = line_start + lead
        content_end = line_start + len(line.rstrip())
        joined = False
        if after_break and current is not None:
            # A paragraph break ends the entry unless it was cut short there.
            joined = continues_entry(current.last_line, line)
            if not joined:
                current = None
        after_break = False
        if not joined and _starts_entry(line, current):
            current = _Entry(
                start=content_start,
                end=content_end,
                indent=lead,
                has_year=_has_year(line),
                last_line=line,
            )
            entries.append(current)
        else:
            assert current is not None
            current.end = content_end
            current.has_year = current.has_year or _has_year(line)
            current.last_line = line
    return entries
