"""Does a line of a reference list start an entry, or carry on the one before it?

Shapes, not positions: the section finder (:mod:`essaylint.analysis.sections`)
decides where a list is, the entry splitter (:mod:`essaylint.analysis.reference_split`)
where one entry ends, and the PDF reflow where a paragraph ends; all three ask
these questions. An entry starts with its authors and year ("Pan, Z. (2017).",
"Smith J 2019", "Association for Project Management (APM) (2019)"), a number
with the parts of an entry ("[1] L. Perry, “Songlines,” vol. 45, 2018."), a
footnote key, or a title and a link; lines that only look like that are not
entries: people with lifespans, sentences that cite, numbered points told in
prose, eras and labels, dates.
"""

from __future__ import annotations

import re

from essaylint.analysis.patterns import (
    BRACKETED_LEGAL_FORM,
    BULLET,
    ENTRY_NUMBER_MARK,
    FOOTNOTE_DEFINITION,
    HEADING_HASHES,
    INITIALS_AFTER_FAMILY,
    INVERTED_AUTHORS_YEAR,
    MONTH,
    REPEAT_MARK,
    WEB_ADDRESS_START,
    YEAR,
    YEAR_DIGITS,
    without_entry_label,
    without_tab_count,
)
from essaylint.lazy_pattern import compile_lazily

LIST_MARKER = compile_lazily(
    r"^\s*(?:" + BULLET + r"\s+|" + ENTRY_NUMBER_MARK + r"|\[\d{1,3}\]\.?\s*|\(\d{1,3}\)\s+)"
)
# "12. ", "[12] ", also after a bullet and with a colon: "* [1]: http://..."
_BULLETED = r"^\s*(?:" + BULLET + r"\s+)?"
_NUMBERED_MARKER = compile_lazily(_BULLETED + r"(?:" + ENTRY_NUMBER_MARK + r"|\[\d{1,3}\][.:]?\s*)")
# "(12) ": PubMed's and some journals' numbering, read as a number, not an entry's shape.
_ENTRY_NUMBER = compile_lazily(
    _BULLETED
    + r"(?:"
    + ENTRY_NUMBER_MARK
    + r"|\[(?P<bnum>\d{1,3})\]:?\s*|\((?P<pnum>\d{1,3})\)\s+)"
)


# "[1]", "1.", "(1)" alone on a line: a number whose entry is the next paragraph.
_NUMBER_ONLY = compile_lazily(r"\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,3}[.)])\s*")


def number_only(text: str) -> bool:
    """Is the line only an entry's number, its text in the next paragraph ("[1]", "1.")?"""
    return _NUMBER_ONLY.fullmatch(text) is not None


def entry_number(text: str) -> int | None:
    """The number a numbered entry opens with ("12. ...", "[12] ...", "(12) ..."), else None."""
    m = _ENTRY_NUMBER.match(text)
    return int(m.group("dnum") or m.group("bnum") or m.group("pnum")) if m else None


_EARLY_YEAR = compile_lazily(r"[(\s,.]" + YEAR + r"[).,:;\s]", re.IGNORECASE)
_ANY_YEAR = compile_lazily(r"(?<!\d)" + YEAR_DIGITS + r"(?!\d)|\bn\.\s?d\.", re.IGNORECASE)
_URL = compile_lazily(WEB_ADDRESS_START + r"|doi\.org/|\bdoi:\s*10\.", re.IGNORECASE)
_YEAR_WORD = compile_lazily(YEAR, re.IGNORECASE)
_HEAD_WINDOW = 300
# "———. 1996. Title." / "------, 2018." / "___. (2019)." / "…………  Title.": the same authors
# as the entry above; one em dash ("—. Title.") is how pandoc and word processors print
# MLA's "---.". The match ends where the entry's date or title begins.
REPEATED_AUTHORS = compile_lazily(
    rf"^[ \t]*(?:(?:[—―]|(?:{REPEAT_MARK} ?){{2,}})[ \t]*(?:[.,]+[ \t]*|(?=\(?{YEAR_DIGITS}))"
    rf"|(?:{REPEAT_MARK} ?){{3,}}[ \t]*(?<=[ \t])(?=[\"“*_A-Z]))"
)
# MLA and Chicago: an inverted name, then a quoted or italic title ("Okafor, Tunde.
# "Street-Level Exposure." *Urban Health*, vol. 8, no. 2, 2018"): the year comes late.
# Co-authors may follow in natural order: "Hu, Hui, Shuaizhou Xiong, Yi Chen, and Kun Qian.".
_INVERTED_NAMES = (
    r"^[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,3},\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
    r"(?:,\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,3}){0,12}"
    r"(?:,?\s+and[^.\n]{0,120}|,?\s+et\s+al)?\.\s+"
)
_INVERTED_NAME_TITLE = compile_lazily(_INVERTED_NAMES + r"[\"“*_]")
# The same with the title's italics lost (Word, HTML, plain text), when the entry ends as
# Chicago's and MLA's do: "Bayley, C.A. The birth of the modern world. Oxford:
# Blackwell, 2004." or "..., Yale Law Journal 89 (1980): 835-901."
_INVERTED_NAME_PLAIN_TITLE = compile_lazily(_INVERTED_NAMES + r"(?=[A-Z])")
_PLACE_PUBLISHER_YEAR = compile_lazily(
    r"[A-Z][\w .'’-]{1,40}:\s+[A-Z][^:;\n]{1,80},\s+" + YEAR_DIGITS + r"[a-z]?\.?\s*$"
    r"|\(" + YEAR_DIGITS + r"\)\s*:\s*\d+(?:\s*[-–]\s*\d+)?\.?\s*$"
)
# A season or month before a journal issue's year: "45, no. 1 (Fall 2005): 65-75" (Chicago).
_ISSUE_SEASON = (
    r"(?:(?:spring|summer|fall|autumn|winter|january|february|march|april|may|june|july|"
    r"august|september|october|november|december)\s+)?"
)
_AUTHOR_YEAR_START = compile_lazily(
    # A corporate author may carry its short or long name: "World Health Organization
    # (WHO) (2020)", "APM (Association for Project Management) (2019)".
    # A corporate author may open with a number: "1000 Genomes Project Consortium (2015)".
    # A company's legal form may be bracketed: "Takealot Online (Pty) Ltd (2024)".
    r"^(?P<names>(?:[^\W\d_]|\d{1,6}\s+(?-i:[A-Z]))[^()\n]{0,260}?" + BRACKETED_LEGAL_FORM + r"?"
    # A role after the names: "Carpenter, J. (Director). (1978)", "Lee, K. (Host). (2020)".
    r"(?:\s\([A-Z][^()\n\d]{1,80}\)[.,]?)?)[\s.,]\(?" + _ISSUE_SEASON + YEAR + r"\b",
    re.IGNORECASE,
)
# APA 7 lists up to twenty authors, then "…" and the last: "Neves Rebello Alves, L., Dummer
# Meira, D., … Drumond Louro, I. (2023)." Six inverted names with initials or more may run
# past the window a head's year is looked for in.
_INVERTED_AUTHOR = (
    r"(?:[a-z]{1,3}\s+)*[A-Z][\w'’\-]+(?:\s+(?:[a-z]{1,3}\s+)*[A-Z][\w'’\-]+){0,4},"
    r"\s+(?:[A-Z]\.\s?(?:-\s?[A-Z]\.\s?)?){1,3}"
)
_LONG_AUTHOR_LIST = compile_lazily(
    r"^(?:" + _INVERTED_AUTHOR + r",?\s+(?:&\s+|and\s+|…\s*|\.\.\.\s*)?){6,}\(?" + YEAR + r"\b"
)
# APA 7's long list with some names left in natural order (from a database's export):
# "Zbysław Sońdka, Nidhi Bindal Dhir, Carvalho-Silva, D., Jupe, S., Madhumita, ... (2023).".
_DATE_IN_BRACKETS = compile_lazily(r"\(\s*" + YEAR + r"[a-z]?\b")
_AUTHOR_LIST_SEPARATOR = compile_lazily(r",\s*(?:&\s*|and\s+)?|\s+(?:&|and)\s+")
_NAME_TOKEN = compile_lazily(r"[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3}")
_INITIALS_TOKEN = compile_lazily(r"(?:[A-Z]\.\s?(?:-\s?[A-Z]\.\s?)?){1,3}")
_MIXED_LIST_INVERTED = 6


def _mixed_long_author_list(body: str) -> bool:
    """Authors only, up to a year in brackets: names with initials after them ("Jupe, S.")
    six times at least, and full names in natural order between them."""
    date = _DATE_IN_BRACKETS.search(body)
    if date is None:
        return False
    tokens = [t.strip() for t in _AUTHOR_LIST_SEPARATOR.split(body[: date.start()])]
    tokens = [t for t in tokens if t and t not in ("…", "...")]
    inverted = 0
    for previous, token in zip([None, *tokens], tokens, strict=False):
        if _INITIALS_TOKEN.fullmatch(token):
            if previous is None or not _NAME_TOKEN.fullmatch(previous):
                return False
            inverted += 1
        elif not _NAME_TOKEN.fullmatch(token):
            return False
    return inverted >= _MIXED_LIST_INVERTED


# What follows the year of a line that only looks like an entry: a lifespan
# "(1942–)", "(1907-1990)", "(1942-present)", or a sentence "(1969) argued that".
_LIFESPAN_AFTER = compile_lazily(r"^\s*[-–—]\s*(?:" + YEAR_DIGITS + r"|present|now|today)?\s*\)")
# A sentence that cites: "(2016) found", "(Cleland and Ireland, 2016)", "Li & Liang (2021),".
_CITING = compile_lazily(
    r"\(" + YEAR_DIGITS + r"[a-z]?\)\s+(?!and\b|in\b|&)[a-z]{2,}"
    r"|\([A-Z][^()]{0,80}?,\s*(?:" + YEAR_DIGITS + r"[a-z]?|n\.\s?d\.)(?:,[^()]{0,20})?\)"
    r"|\b(?:et al\.|[A-Z][a-z]+) \(" + YEAR_DIGITS + r"[a-z]?\)[,;]"
)
# "A 2021 meta-analysis ... found that", "in 2020 revealed": a point made in prose.
_PROSE_POINT = compile_lazily(
    r"\b" + YEAR_DIGITS + r"\s+[a-z]{3,}|\b[a-z]{3,}ed that\b|\bfound that\b"
)
# "Define the business case:", "**Neural Mechanisms:**", "Middle Ages (500 CE - 1500 CE):".
_LABEL_START = compile_lazily(r"^[*_]*[A-Z][^.:;,\n]{0,60}?[*_]*:(?:[*_]*\s|$)")
# A Nature or ACS entry's end: volume (often bold), pages, year in parentheses:
# "*Clim. Change* **70**, 117–135 (2005).", "*Md. L. Rev.* 57, 1279 (1998)", "**13**, (2008)".
_VOLUME_PAGES_YEAR = (
    r"\d{1,4}\**,\s*(?:[A-Za-z]?\d{1,6}(?:\s?[-–]\s?[A-Za-z]?\d{1,6})?\s*)?\(" + YEAR_DIGITS + r"\)"
)
# The parts of an entry that a numbered point lacks.
_ENTRY_PARTS = compile_lazily(
    r"[“\"][^”\"]{3,}[,.]?[”\"]|\bvol\.|\bpp?\.\s*\d|\bno\.\s*\d|\d+\s*\(\d+\)\s*[:,]|"
    + _VOLUME_PAGES_YEAR
    + r"|"
    + WEB_ADDRESS_START
    + r"|\bdoi\b|\bPress\b|\bProc(?:eedings|\.)|\bJournal\b|\bIn:|\[Online\]|"
    r"\bRetrieved\b|\bAvailable\b|\bet al\.,",
    re.IGNORECASE,
)
# "L. Moretti and J. Castellano, ...", "Moretti L, Castellano J." (IEEE, Vancouver).
_INITIALS_NAME_START = compile_lazily(
    r"^(?:(?:[A-Z]\.\s?(?:-?[A-Z]\.\s?)*[A-Z][\w'’-]+|[A-Z][\w'’-]+\s[A-Z]{1,3}),"
    # "Kumar, L.; Sureka, A.": inverted names with initials, one after another (ACS, MDPI)
    r"|[A-Z][\w'’-]+,\s(?:[A-Z]\.\s?(?:-?[A-Z]\.\s?)*)[;,&])"
)
# "paiza. (n.d.).", "w3schools. (2023).", and Chicago's bare year: "tutor2u. 2019."
LOWER_BRAND_HEAD = compile_lazily(
    r"^[a-z][\w.@-]{1,30}(?: [a-z][\w.@-]{1,30})?"
    r"(?:\.?\s*\(" + YEAR + r"[),]|\.\s+" + YEAR_DIGITS + r"[a-z]?\.\s)",
    re.IGNORECASE,
)
_DAY_AND_MONTH = (
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
    + MONTH
    + r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?"
)
# "Monday 14 September, 2015", "August – October 2026": a date or span in a timetable
_DATE_ONLY = compile_lazily(
    rf"^{_DAY_AND_MONTH}(?:\s*[-–—]\s*{_DAY_AND_MONTH}|\s+(?:to|until)\s+{_DAY_AND_MONTH})?,?$",
    re.IGNORECASE,
)
_YEAR_AT_END = compile_lazily(r"[\s,(]*" + YEAR + r"$", re.IGNORECASE)
_NOT_NAMES = frozenset({"a", "an", "the", "in", "by", "from", "since", "until", "during", "on"})
_ERA_AFTER = compile_lazily(r"^\s*(?:CE|BCE|BC|AD|B\.C\.|A\.D\.)\b")
_BARE_SENTENCE_AFTER = compile_lazily(r"^\s+[a-z]{2,}")
_LABEL_LENGTH = 120
_LABEL_END = compile_lazily(r"\)\s*:\s*$")
_LABEL_AFTER = compile_lazily(r"^[a-z]?\)\s*:")
_DATE_AFTER = compile_lazily(r"^[-/.]\d{1,2}\b")
# "(2019) argued", and with a page: "(2015, pp. 29-32) states", or with the number of a
# numbered list: "(2021) [12] developed": a sentence that cites.
_SENTENCE_AFTER = compile_lazily(
    r"^[a-z]?(?:,\s*(?:pp?|paras?|ch)\.\s*[\d\-–—, ]{1,20})?\)"
    r"(?:\s*\[\d{1,3}(?:[,–-]\s*\d{1,3})*\])?\s+(?!and\b|in\b|&)[a-z]{2,}"
)
# A block that carries on the entry before it after a break: a link or a
# retrieval note always does; "from https://...", "and algorithm analysis.",
# "Economics, 130(1), 45-60." do when the entry before was cut short.
# The words that say where an entry was read: "Retrieved from", "Available at".
_RETRIEVED_AT = r"(?:Retrieved\s+from|Available\s+(?:at|from|online))"
_RETRIEVAL_END = compile_lazily(rf"\b{_RETRIEVED_AT}\s*:?$", re.I)
#: A retrieval note that opens a line: "Available at:", "[Accessed 10 March 2025]",
#: Harvard's "[online]".
RETRIEVAL_NOTE = r"(?:[(\[]?(?:Retrieved|Available|Accessed|Viewed|Online)\b|\[online\])"
_RETRIEVAL_START = compile_lazily("^" + RETRIEVAL_NOTE)
# "https://...", "<https://...>", a Markdown link that shows its address
# ("[https://...](https://...)"), "doi:", "Retrieved from".
_LINK_CONTINUATION = compile_lazily(
    r"^(?:\[?<?https?:|\[?<?" + WEB_ADDRESS_START + r"|doi\b|DOI\b|" + RETRIEVAL_NOTE + ")"
)
# The rest of a web address on a line of its own: one token of an address's characters,
# with a mark only addresses have ("%20", "=", "#", ":~:", "/"); not a new address.
_ADDRESS_PIECE = compile_lazily(
    r"(?!https?:|ftp:|www\.)(?=\S*[%=#/~])[\w%=#/~:.,&?+@!$'()*;-]+", re.IGNORECASE
)
# An entry cut off mid-phrase: "... Understanding and", "Beach,", "non-".
_DANGLING = compile_lazily(r"(?:[,;:&\-–]|\b(?:and|of|the|in|for|on|to|with|from|a|an))\s*$")
_MAX_CONTINUATION_WORDS = 60
# An entry's last page and its link, on a line of their own: "617. https://doi.org/...".
_PAGES_THEN_LINK = compile_lazily(
    r"\d{1,5}(?:\s*[-–]\s*\d{1,5})?\.\s+(?:https?://|doi:|www\.)", re.IGNORECASE
)
# An author list cut before its last name: "..., Choi-Kwon, S., &", "Lee, K. and".
_AUTHORS_JOINED = compile_lazily(r"(?:\s&|(?:[A-Z]\.|,)\s+and)$")
# "Stein, Richard. “Learning to Look.”" and nothing more: an MLA or Chicago entry cut
# after its article's title; the container ("*Approaches to Teaching ...*", "Journalist's
# Resource, Harvard Kennedy School, 6 Nov. 2019,") comes next.
_CUT_AFTER_TITLE = compile_lazily(_INVERTED_NAMES + r"[\"“][^\"”\n]{1,200}[.?!][\"”]$")
# "L. B. (2020)": the last author's initials, carried over from the line before.
_INITIALS = r"(?:[A-Z]\.\s?(?:-\s?)?){1,4}"
_INITIALS_ONLY = compile_lazily(_INITIALS + ",?")
# A line opening with initials and a comma: "R.-A., Fallon, C., ..." ends an author cut above.
_INITIALS_FIRST = compile_lazily(_INITIALS + r",\s")
_ENTRY_END = compile_lazily(
    r"(?:[.!?)\]>]|" + WEB_ADDRESS_START + r"\S*|\b10\.\d{4,9}/\S+)\s*$", re.IGNORECASE
)
# The rest of a title whose quotation marks opened on the line before: 'Survey,” available
# at: http://...', 'Wages on Employment," Journal ...': it closes a quotation first.
_QUOTE_TAIL = compile_lazily(r"^[^“”\"\n]*[^\s“”\"][”\"]")
# A plain lower-case word; "w3schools." and "paiza." are brands that may head an entry.
_LOWER_WORD_START = compile_lazily(r"^([a-z]+)[,;:]?\s")
_QUOTE_MARK = compile_lazily(r"[“”\"]")


def entry_fragment(text: str) -> bool:
    """Is the line a piece of an entry, not a heading: the rest of a quoted title, a link,
    or a retrieval note waiting for its link ("Places Industry in PA,” available at:") or
    showing the link's title ("Available at: Tech Colonialism Today")?"""
    return bool(
        _QUOTE_TAIL.match(text)
        or has_link(text)
        or _RETRIEVAL_END.search(text)
        or _RETRIEVAL_LEAD.match(text)
    )


# A line that opens with them, or with the date it was read: "Available at: Tech Colonialism
# Today", "[Accessed 03 June 2024]" (not "Online Learning", a heading).
_RETRIEVAL_LEAD = compile_lazily(
    rf"[(\[]?(?:{_RETRIEVED_AT}|Retrieved\s+on|Accessed|Viewed)\b", re.I
)


def _quote_left_open(previous: str, text: str) -> bool:
    """Did ``previous`` open a quoted title that ``text`` closes?"""
    return len(_QUOTE_MARK.findall(previous)) % 2 == 1 and bool(_QUOTE_TAIL.match(text))


_LOWER_OK = frozenset(
    {"and", "&", "et", "al", "al.", "van", "von", "de", "der", "den", "la", "le", "du", "da",
     "di", "del", "della", "dos", "of", "for", "the", "with", "on", "in", "at", "y", "e", "und"}
)  # fmt: skip
# Lower-case words that may start a family name ("van Dijk, P.", "de Souza, M.").
_PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "la", "le", "du", "da", "di", "del", "della", "dos",
     "ten", "ter", "al", "el", "bin", "ibn", "mac", "st."}
)  # fmt: skip
# An author list cut over two paragraphs: "..., Wang, X., & Beach," then "L. B. (2020). Title".
_NAMES_CUT = compile_lazily(r"^[A-Z][\w'’-]+,\s+[A-Z]\..*(?:,|&|\band)$")
# "Okonjo, T.R.", "Abdullah, D.": a capitalised family name (of one or two words) and
# its capital initials.
_FAMILY_THEN_INITIALS = r"[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?,\s+(?:[A-Z]\.\s?-?){1,3}"
# "Abdullah, D., Susilo, S., ... et al. Title. Journal (2021)": a family name and initials.
_FAMILY_INITIALS = compile_lazily("^" + _FAMILY_THEN_INITIALS + "[,&]")
_YEAR_EARLY_IN_NEXT = compile_lazily(r"^.{0,60}?\(" + YEAR + r"\)", re.IGNORECASE)
_MAX_LINK_ENTRY_WORDS = 45


def _names_shaped(names: str) -> bool:
    """Does the text before a year look like an author list (not a sentence)?"""
    words = [w for w in re.split(r"[\s,]+", names) if w]
    if not words or len(words) > 40:
        return False
    lower = [w for w in words if w[:1].islower() and w.casefold().strip(".") not in _LOWER_OK]
    return len(lower) <= max(1, len(words) // 5)


def has_link(text: str) -> bool:
    """A web address or DOI in ``text`` (a cheap test first: most prose lines have none)."""
    low = text.lower()
    return ("http" in low or "www." in low or "doi" in low or "/" in low) and bool(
        _URL.search(text)
    )


# The text of a link that opens a line, "[...](" ; and a year or "n.d." within it.
_LINK_LABEL = compile_lazily(r"\[([^\[\]\n]{1,600})\]\(")
_DATED = compile_lazily(rf"\b{YEAR_DIGITS}\b|\bn\.\s?d\.")


_TYPED_BULLET = compile_lazily(r"^[·•\uf0b7]\s+")


_HEADING_MARK = compile_lazily("^" + HEADING_HASHES)
# An entry's first author, inverted with initials: "Abara, U.", "Diaz-Uriarte, R."
_SURNAME_INITIALS_START = compile_lazily(r"[^\W\d_][\w'’\-]+" + INITIALS_AFTER_FAMILY)


def typed_entry(text: str) -> bool:
    """ "### Hao, L., & Zheng, L. (2025). Clinical ...": an entry typed as a Markdown heading."""
    mark = _HEADING_MARK.match(text.lstrip())
    if mark is None:
        return False
    body = text.lstrip()[mark.end() :]
    return bool(_SURNAME_INITIALS_START.match(body)) and has_entry_head(body)


def entry_body(text: str) -> str:
    """A line without its list marker and opening emphasis or quotes.

    An entry typed as a link's text ("[Sundet, J. M., ... (2004). Title.](https://...)")
    loses the bracket too: the link's text opens with a capital and holds a year. A
    linked address, a quoted caption ('["Window cards..."](...)') or a linked title in a
    list of resources ("[Making Online Learning Active](https://...)") keeps it.
    """
    body = LIST_MARKER.sub("", _HEADING_MARK.sub("", text.strip(), count=1), count=1)
    body = _TYPED_BULLET.sub("", body, count=1)  # "*   · Argelaguet"
    body = without_entry_label(without_tab_count(body)).lstrip("*_\"“'‘")
    if body[:1] == "[" and body[1:2].isupper():
        label = _LINK_LABEL.match(body)
        if label is not None and _DATED.search(label.group(1)):
            return body[1:]
    return body


def _author_year_head(body: str) -> bool | None:
    """Whether a line opens with an entry's names and year; None when it has no such head.

    False for heads that only look like one: a lower-case start (not a
    particle), the initials ending an author list cut over two lines ("L. B.
    (2020)"), a person with a lifespan, a sentence that cites.
    """
    m = _AUTHOR_YEAR_START.match(body)
    if not m or not _names_shaped(corporate_core(m.group("names"))):
        return None
    names = corporate_core(m.group("names"))
    before_year = _YEAR_AT_END.sub("", body[: m.end()]).strip()
    if _DATE_ONLY.match(names.strip()) or _DATE_ONLY.match(before_year):
        return False  # "Monday 14 September, 2015", "August – October 2026": a timetable
    if body[0].islower() and body.split(" ", 1)[0] not in _PARTICLES:
        # Only a lower-case brand or handle right before its date: "paiza. (n.d.).".
        return bool(LOWER_BRAND_HEAD.match(body))
    if _INITIALS_ONLY.fullmatch(names.strip()):
        return False
    after = body[m.end() :]
    if names.rstrip().endswith(":") or _DATE_AFTER.match(after):
        return False  # "Last updated: 2023-05-24"
    if names.strip().casefold() in _NOT_NAMES or _ERA_AFTER.match(after):
        return False  # "A 2019 study found", "Middle Ages (500 CE - 1500 CE):"
    if _LABEL_END.search(body) and len(body) < _LABEL_LENGTH:
        return False  # "Key Figures (2020):", a label that introduces the points below it
    if (_LIFESPAN_AFTER.match(after) or _LABEL_AFTER.match(after)) and "," not in names:
        return False  # "Martin Seligman (1942–) founded", "DALL-E (2021): Demonstrated"
    if body[m.start("names") + len(names)] != "(" and _BARE_SENTENCE_AFTER.match(after):
        return False  # "In 2019 researchers found"
    if INVERTED_AUTHORS_YEAR.match(body) and _ENTRY_PARTS.search(body):
        return True  # "Todorow, B. (2023) supporting disabilities, Bitbucket. Available at:"
    return not _SENTENCE_AFTER.match(after)


def _numbered_entry(body: str) -> bool:
    """A numbered line with no author-year head: an IEEE or Vancouver entry, or a point?

    Numbered points in the body ("1. Neural mechanisms: Cascio et al. (2016)
    found ...", "2. Middle Ages (500 CE - 1500 CE):", "1. Define the business
    case: ... (Cleland and Ireland, 2016).") cite or label; an entry has the
    parts of one: a quoted title, volume and pages, a DOI or link, a publisher.
    """
    if _CITING.search(body) or _LABEL_START.match(body) or _PROSE_POINT.search(body):
        return False
    return bool(_ENTRY_PARTS.search(body) or _INITIALS_NAME_START.match(body))


# A narrative citation alone on its line: surnames without initials, then the year in
# parentheses and nothing after it. An entry gives initials or a title after its year.
_SURNAME = r"[A-Z][\w'’\-]+"
_CITATION_LINE = compile_lazily(
    rf"{_SURNAME}(?:(?:,\s*|\s+(?:&|and)\s+){_SURNAME})*(?:,?\s+et\s+al\.?)?\s*\([^()]{{1,60}}\)$"
)
# A title-first (authorless) APA entry whose title opens with a number: "2019 Flood Report.
# (2020).", "2001.pdf. (2001).". No name starts with a digit, so the title stands first.
_DATE_IN_PARENTHESES = r"\((?:" + YEAR_DIGITS + r"[a-z]?(?:,[^()]{0,30})?|n\.\s?d\.)\)"
DIGIT_TITLE_HEAD = compile_lazily(r"\d[^()]{0,150}?\.\s+" + _DATE_IN_PARENTHESES)
# Any title-first APA entry: "Rethinking soil carbon: A primer. (n.d.). [Reading].": a
# sentence, its full stop, then only a date in parentheses and another full stop.
_TITLE_DATE_HEAD = compile_lazily(r"[A-Z][^()\n]{2,150}?[^\s.]\.\s+" + _DATE_IN_PARENTHESES + r"\.")
# The same with a title typed in lower case, as a web page's own title is: "example of
# marker-based AR | Download Scientific Diagram. (2019). Retrieved ... from https://...".
# A lower-case line carries an entry on, so only a dated title with a link opens one.
_LOWER_TITLE_DATE_HEAD = compile_lazily(
    r"[a-z][^()\n]{2,150}?[^\s.]\.\s+" + _DATE_IN_PARENTHESES + r"\.\s"
)


def lower_title_first_entry(text: str) -> bool:
    """A whole title-first web entry whose title is typed in lower case."""
    body = entry_body(text.strip())
    return bool(_LOWER_TITLE_DATE_HEAD.match(body)) and has_link(body)


# An authorless entry that opens with its year: "(2020). Title. [Online]. Available at:
# https://...", "2021. Title. Available at ...". A timeline line opens so too: only with a
# link is it an entry.
_YEAR_FIRST_HEAD = compile_lazily(
    r"(?:\(" + YEAR_DIGITS + r"[a-z]?\)|" + YEAR_DIGITS + r"[a-z]?)\.?\s+[\"“*_]?[A-Z]"
)
_LINK_FIRST = compile_lazily(
    r"<?" + WEB_ADDRESS_START + r"[^\s<>]*>?(?:\s*[-–—:|]\s*\S.*)?$", re.IGNORECASE
)


def looks_like_entry(text: str) -> bool:
    """A line that starts a reference entry (author-date, numbered, footnote, URL).

    People with lifespans ("Martin Seligman (1942–) founded ...") and sentences
    that cite ("Bowlby (1969) argued that ...") only look like entries.
    """
    s = text.strip()
    if not s:
        return False
    if FOOTNOTE_DEFINITION.match(s):
        return True
    if _CITATION_LINE.match(s):
        return False  # "Koerner & Reagle (2020)" alone on its line heads a note, cites
    if REPEATED_AUTHORS.match(s):
        return True  # "------. "Some Account of the Art." Newhall, 23-31.": dated or not
    body = entry_body(s)
    if _LONG_AUTHOR_LIST.match(body) or _mixed_long_author_list(body):
        return True
    window = len(s) if _NUMBERED_MARKER.match(s) else _HEAD_WINDOW
    if not _YEAR_WORD.search(s, 0, window) and not has_link(s):
        return (
            False  # every kind of entry start below needs a year (early, unless numbered) or a link
        )
    body = entry_body(s)
    if not body:
        return False
    if REPEATED_AUTHORS.match(body):
        return True  # a bulleted or numbered repeat
    if DIGIT_TITLE_HEAD.match(body) or _TITLE_DATE_HEAD.match(body):
        return True
    if _YEAR_FIRST_HEAD.match(body) and has_link(body):
        return True
    if _INVERTED_NAME_TITLE.match(body) and _ANY_YEAR.search(body):
        return True
    if _INVERTED_NAME_PLAIN_TITLE.match(body) and _PLACE_PUBLISHER_YEAR.search(body):
        return True
    head = _author_year_head(body)
    if head or (head is False and not _NUMBERED_MARKER.match(s)):
        return bool(head)
    if _NUMBERED_MARKER.match(s) and (_EARLY_YEAR.search(body) or has_link(body)):
        return _numbered_entry(body)
    # A web entry with neither author nor year: "Title. Site. https://...", not a paragraph;
    # or the link first: "https://docs.oracle.com/en/java/ - Java documentation".
    words = len(body.split())
    if _LINK_FIRST.match(body) and words <= _MAX_LINK_ENTRY_WORDS:
        return True
    return bool(
        body[0].isupper()
        and 3 <= words <= _MAX_LINK_ENTRY_WORDS
        and has_link(body)
        and not reads_as_sentences(body)
    )


# Words of a writer's sentences that a web page's title and site seldom hold.
_PROSE_WORDS = frozenset(
    "is are was were be been has have had can will we our i my these this it which".split()
)
_MIN_SENTENCE_WORDS = 20
_LOWER_SHARE = 0.6
_MIN_SENTENCE_MARKS = 2


def reads_as_sentences(body: str) -> bool:
    """Is the text before the link the writer's sentences ("When doing ... the classes are
    adapted from the project. These classes are based on the code found at: https://...")
    rather than a web page's title and site?"""
    link = _URL.search(body)
    words = body[: link.start() if link else len(body)].split()
    if len(words) < _MIN_SENTENCE_WORDS:
        return False
    lower = sum(1 for w in words if w[:1].islower())
    marks = sum(1 for w in words if w.strip(".,;:").casefold() in _PROSE_WORDS)
    return lower >= _LOWER_SHARE * len(words) and marks >= _MIN_SENTENCE_MARKS


def has_entry_head(text: str) -> bool:
    """Does the line open with an entry's own head: authors and a year, a title and its
    date ("Title. (n.d.)."), an inverted name and a quoted title, or repeat dashes?

    Unlike :func:`looks_like_entry`, a line that only holds a link or a year later on
    ("SC62 Doc 46.1. Accessed 2018: https://...") has none.
    """
    body = entry_body(text.strip())
    return bool(body) and bool(
        REPEATED_AUTHORS.match(body)
        or DIGIT_TITLE_HEAD.match(body)
        or _TITLE_DATE_HEAD.match(body)
        or _INVERTED_NAME_TITLE.match(body)
        or _author_year_head(body)
    )


_MAX_UNDATED_WORDS = 80


def undated_entry(text: str) -> bool:
    """Under a list's heading, an entry with no year and no link: "Brewer, Dylan.
    “Changes in Electricity Use.” National Bureau of Economic Research."

    An inverted name and a title in quotation marks or italics: an MLA or
    Chicago entry whose source shows no date. Prose does not open that way.
    """
    body = entry_body(text.strip())
    return (
        bool(body)
        and len(body.split()) <= _MAX_UNDATED_WORDS
        and _INVERTED_NAME_TITLE.match(body) is not None
    )


_DATED_HEAD = compile_lazily(r"^[^()\n]{1,100}\(\s*(?:\d{4}|n\.\s?d\.)")


def _opens_mla_entry(text: str) -> bool:
    """Does the block open an entry: a name and a quoted or italic title, a quoted title,
    or an author-date head ("Reyes, P. (2019)")? A publisher and date do not."""
    return bool(text[:1] in '"“' or _INVERTED_NAME_TITLE.match(text) or _DATED_HEAD.match(text))


# A paragraph that ends in a date in parentheses, and the names before it.
_ENDS_IN_DATE = compile_lazily(r"(?P<names>[^()]+)\(\d{4}[a-z]?\)\.?")
_NAME_PARTS = compile_lazily(r",|&|\band\b")
_MOST_WORDS_IN_A_NAME = 4


def names_and_date_only(line: str) -> bool:
    """Is ``line`` an entry's authors and date and nothing more ("Steward Jr., C, Lund, L.A. &
    Ames, B. (2012).")? No entry ends at its date: its title was typed on the next line. Each
    name is of capitalised words or initials; a sentence ("As Lund showed (2012).") is not."""
    ends = _ENDS_IN_DATE.fullmatch(line)
    if ends is None or "," not in ends.group("names"):
        return False
    parts = [p.split() for p in _NAME_PARTS.split(ends.group("names")) if p.strip()]
    return all(
        len(words) <= _MOST_WORDS_IN_A_NAME and all(w[:1].isupper() for w in words)
        for words in parts
    )


#: An entry's text searched for a quotation still open; a longer one is no entry.
MOST_QUOTED_ENTRY_CHARS = 1500


def continues_entry(previous: str, text: str, *, entry: str = "") -> bool:
    """Does ``text``, after a paragraph break, carry on the entry whose last line is ``previous``?

    ``entry`` is the entry's whole text so far, when it has more lines than ``previous``: a
    title quoted over several lines ("“Environmental Effects from a" / "Recycling Rate of
    Milk Packaging Using Life Cycle" / "Approach.” The International Journal ...") is
    still open at the last of them.

    Word users and PDF text cut entries into paragraphs: an entry that stops
    mid-phrase ("... Understanding and") or without its closing full stop goes
    on, and a link or a retrieval note ("https://...", "Retrieved from") joins
    the entry before it, unless the block starts an entry of its own. The rest
    of a quoted title the line before opened ("Survey,” available at: ...") and
    a block opening with a lower-case word ("as of June 5th, 2014.") go on even
    when they hold a year: neither has an author-year head of its own.
    """
    stripped = text.strip()
    if previous.rstrip().endswith(",") and _PAGES_THEN_LINK.match(stripped):
        return True  # "Religions, 10(11)," / "617. https://doi.org/...": the pages, not a number
    if not stripped or _NUMBERED_MARKER.match(stripped) or FOOTNOTE_DEFINITION.match(stripped):
        return False
    if len(stripped.split()) > _MAX_CONTINUATION_WORDS:
        return False
    before = previous.rstrip()
    last = before.split()[-1] if before.split() else ""
    if has_link(last) and _ADDRESS_PIECE.fullmatch(stripped):
        # "https://www.example.com/gdpr-compliance#" / ":~:text=User%20consent...": an
        # address Word or a browser broke over two lines
        return True
    if _RETRIEVAL_END.search(before):
        # "Retrieved from" with its link lost: only a link carries the entry on.
        return bool(_LINK_CONTINUATION.match(stripped))
    if _AUTHORS_JOINED.search(before):
        # "Han, K., ..., Choi-Kwon, S., &" / "Baek, H. (2021). Scheduled Naps ...": the
        # last author follows the "&", with the entry's year, never a new entry.
        return True
    if _quote_left_open(entry if 0 < len(entry) <= MOST_QUOTED_ENTRY_CHARS else before, stripped):
        # "..., “Current Population" / "Survey,” ..., 2014": the quotation closes before
        # anything else is quoted, so no entry of its own opens here
        return True
    if _DANGLING.search(before):
        # "..., Poulin-Rheault," / "R.-A., Fallon, C., ... (2021)": an author's initials
        # carry the list on; they never open an entry. Nor does the rest of an entry cut
        # before its date ("Jun Wen, ..., matter?," / "Energy Policy, Volume 160, 2022,").
        if not has_year(entry or before) and not _DATED_HEAD.match(stripped):
            return True
        return bool(_INITIALS_FIRST.match(stripped)) or not _author_year_head(entry_body(stripped))
    if _LINK_CONTINUATION.match(stripped):
        # "Available at: https://..." is never an entry of its own; a bare link is,
        # in a list of bare links or of links with their titles.
        last_word = before.split()[-1] if before.split() else ""
        body = entry_body(before.strip())
        if body and _LINK_FIRST.match(body):
            return bool(_RETRIEVAL_START.match(stripped))
        return bool(_RETRIEVAL_START.match(stripped)) or not has_link(last_word)
    if _CUT_AFTER_TITLE.match(before) and (stripped[:1] in "*_" or not _opens_mla_entry(stripped)):
        return True  # the container or publisher after the title, unless a new entry opens
    lower_word = _LOWER_WORD_START.match(stripped)
    ended = _ENTRY_END.search(before) is not None
    if ended and lower_word is not None and lower_title_first_entry(stripped):
        return False
    goes_on = (
        (lower_word is not None and lower_word.group(1) not in _PARTICLES)  # "as of June"
        # "Free, C., ... (2013). The Effectiveness of ... Health Care" / "Service Delivery
        # Processes: A Systematic Review. PLoS Medicine, ...": dated above, cut mid-title.
        or (not ended and bool(_author_year_head(entry_body(entry or before))))
    )
    if goes_on and not _author_year_head(entry_body(stripped)):
        return True  # none of these opens an entry of its own
    if looks_like_entry(stripped):
        return False
    return not ended


def starts_entry(text: str, following: str | None, *, hanging: bool = False) -> bool:
    """Does ``text`` start an entry, given the next non-blank line and its layout?

    Besides :func:`looks_like_entry`: a family name with initials
    ("Abdullah, D., Susilo, S., ... et al. Title."), an author list cut before
    its year ("..., & Beach," then "L. B. (2020)."), and a hanging-indent
    paragraph with a year or a link.
    """
    if looks_like_entry(text):
        return True
    if _FAMILY_INITIALS.match(entry_body(text)):
        return True
    if following is not None and _NAMES_CUT.match(text.strip()):
        return bool(_YEAR_EARLY_IN_NEXT.match(following.strip()))
    return hanging and has_year_or_link(text)


# "Okonjo, T.R. Field notes on ..." / "OKONJO, T.R.Field notes": a family name and initials.
_INITIALLED_NAME_HEAD = compile_lazily(_FAMILY_THEN_INITIALS)


def initialled_name_head(text: str) -> bool:
    """Does the text open with a family name and initials, as an entry's author does?"""
    return _INITIALLED_NAME_HEAD.match(entry_body(text.strip())) is not None


def has_year(text: str) -> bool:
    """Does the text hold a year (or "n.d.")?"""
    return _ANY_YEAR.search(text) is not None


def has_year_or_link(text: str) -> bool:
    """Does the text hold a year (or "n.d.") or a link, as every entry does?"""
    return has_year(text) or has_link(text)


# "Ember – with major processing by Our World in Data": a note on the data after a dash.
_DASH_NOTE = compile_lazily(r"\s+[–—-]\s+(?=[a-z])[^\n]*$")
# A German association's legal form: "Bundesverband Solarwirtschaft e.V.".
_LEGAL_FORM = compile_lazily(r"(?<=\w)\s+e\.\s?V\.?\s*[.,]?\s*$")


def corporate_core(segment: str) -> str:
    """The author block without what only describes an organisation.

    A note after a dash ("IRENA – processed by Our World in Data") and a legal
    form ("e.V.") are not part of the name a citation uses.
    """
    return _LEGAL_FORM.sub("", _DASH_NOTE.sub("", segment))
