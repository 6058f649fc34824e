"""Parenthetical author-date citations: "(Smith, 2019, p. 4; see Jones & Lee, 2020)".

:class:`ParentheticalReader` splits a parenthesis at ";" into parts, each
into a prefix ("see", "e.g."), authors, years and a locator, and reads "as
cited in" and abbreviations defined in the text ("the Department for
Education (DfE)" ... "(DfE, 2019)"). A parenthesis that holds only a year goes
to the narrative reader it extends.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from essaylint.analysis.citation_names import (
    LOWER_WORD,
    dotted_initials,
    is_abbreviation,
    looks_like_names,
    split_author_names,
)
from essaylint.analysis.citations_clause import clause_citations
from essaylint.analysis.citations_narrative import NarrativeReader, author_date_citation
from essaylint.analysis.patterns import (
    DASHES,
    ET_AL,
    MONTH_NUMBERS,
    REPUBLISHED_YEAR,
    YEAR,
    YEAR_DIGITS,
    link_texts,
)
from essaylint.analysis.publication_facts import closes_source_line
from essaylint.analysis.text import (
    CORPORATE_SUFFIXES,
    initials,
    initials_keeping_acronyms,
    name_key,
    normalise_year,
)
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Citation, Span

# A year, "2019a", "n.d."; a decade, "1950s", is not a year ("s" after a 0 is no suffix).
ANY_YEAR = compile_lazily(rf"(?<![\w{DASHES}]){YEAR}(?![\w{DASHES}])", re.IGNORECASE)
_LOCATOR = compile_lazily(
    r"^(?:(?:pp?|paras?|pars?|ch|chap|chapters?|sec|sections?|secs?|fig|figs?|table|"
    r"slides?|mins?|lines?|vols?|no|nos|loc|location|part|art|§|¶)\.?\s*[\w:.\-–—]+"
    r"(?:\s*[-–—,&]\s*[\w:.]+)*|\d{1,2}:\d\d(?::\d\d)?|"
    # pages: "45", "45-47", "26 & 27", "26, 31 and 40" (not a second year: "12 and 2020")
    r"\d{1,4}(?:\s*(?:[-–—,&]|and)\s*(?!" + YEAR_DIGITS + r"\b)\d{1,4})*|"
    # an archive's folder, leaf or sheet: "F13", "F3-F7", "A4"
    r"(?-i:[A-Z]{1,2}\d{1,4}(?:\s*[-–—,&]\s*[A-Z]{0,2}\d{1,4})*)|"
    # any short word and a number, letter, numeral or document number: "Question 7",
    # "Appendix B", "Unit IV", "Report R10300", "Paper WP/21/45", "Report No. 12"; not a
    # joining word and another year: "Windows (2016 and 2019)", "(2019, since 2020)"
    r"(?!(?:and|or|to|in|since|until|from|by|between|before|after)\b)"
    r"(?-i:[A-Za-z][a-z]{1,19}(?:\.\s*|\s+)(?:(?:No|Nr|no)\.?\s*|#\s?)?(?!" + YEAR_DIGITS + r"\b)"
    r"(?:\d[\w.:]*|[A-Z]{1,4}[-/.]?\d[\w./]*|[A-Z]\b|[IVXLC]{1,6}\b))"
    r"(?:\s*[-–—,&]\s*[\w:.]+)*)"
    # a remark of the writer's after the locator: "42 (check)", "12 [emphasis added]"
    # (pandoc escapes the brackets: "\\[who says so\\]")
    r"(?:\s*\\?[(\[][^()\[\]]{1,60}\\?[)\]])?"
    r"(?:\s*,\s*.{0,40})?$",
    re.IGNORECASE,
)
# A remark of the writer's in place of a locator: "(Ruiz, 2001, emphasis added)",
# "(Lynch 1984, missing page number)", "(Okoro, 2003, my translation)", "(Lee, 2019,
# among others)".
_REMARK = compile_lazily(
    r"(?:(?:my|our|original|author['’]?s)\s+)?(?:emphasis|italics|bold|underlining|translation)"
    r"(?:\s+(?:added|mine|my\s+own|in\s+(?:the\s+)?original|original|omitted|removed))?"
    r"|(?:(?:no|missing|without)\s+)?page\s*(?:numbers?|nos?\.?)?"
    r"(?:\s+(?:missing|needed|unknown|n/?a|not\s+(?:available|given)|tbc|tbd))?"
    r"|n\.\s?p\.?|unpaginated|paraphrased?|adapted|abridged|citation\s+needed|(?:trans|tr)\.\s+mine"
    # the work's address pasted after its year: "(Uwe et al, 2017 https://arxiv.org/...)"
    r"|(?:https?://|www\.)\S+"
    # what the works are, or that there are more: "(e.g., Durst, 1990 and Juzwik et al.,
    # 2006 reviews of writing research)", "(Lee, 2019, among others)"
    r"|(?-i:(?:reviews?|studies|study|surveys?|papers|meta-analys[ie]s|experiments|trials)"
    r"(?:\s+[a-z][a-z-]*){0,5}"
    r"|among\s+others|and\s+(?:the\s+)?references\s+therein|for\s+(?:a|an)\s+(?:review|overview))"
    # the work's number in a numbered list as well: "Wang and Yu (2023 [1])"
    r"|\[\d{1,3}\]",
    re.IGNORECASE,
)
# A parenthesis on one paragraph, or going on over a paragraph break after a work's
# semicolon: a Word paragraph per typed line cuts "(Sadler, 1989; Black et al., 2004;" /
# "Black & Wiliam, 2009)" in two. A thesis groups a score of works in one parenthesis,
# over a thousand characters; the scan of an unclosed one stops at the next parenthesis.
# An inner pair holds words, or a short number of the locator's ("p.179 (2)", "Vol. 2
# (3)"); never a year, which is a narrative citation of its own ("Warner (2014)").
PAREN = compile_lazily(
    r"\(((?:[^()\n]|\n(?![ \t]*\r?\n)|(?<=;)\n[ \t]*\r?\n(?=[ \t]*[A-Z])"
    r"|\([^()\d\n]{1,40}\)|\(\d{1,3}\)){2,3000})\)"
)
# A parenthesis whose last work is a narrative citation: "(Jurgen, 2015, Warner (2014))".
# This reads its head, "(Jurgen, 2015"; the narrative reader reads "Warner (2014)".
NESTED_HEAD = compile_lazily(
    r"\(([^()\n]{1,120}?,\s*" + YEAR_DIGITS + r"[a-z]?)\s*[,;]\s*"
    r"(?=[A-Z][^()\n]{0,60}\(" + YEAR_DIGITS + r"[a-z]?\)\))"
)
_PREFIX = compile_lazily(
    r"^(?:(?:see\s+also|see|e\.\s?g\.|i\.\s?e\.|cf\.|for\s+example|for\s+instance|"
    r"for\s+a\s+review,?\s+see|as\s+reviewed\s+(?:in|by)|as\s+reported\s+(?:in|by)|"
    r"as\s+discussed\s+(?:in|by)|also|but\s+see|compare|quoted\s+in|citing|"
    # "in" of "(in press)", "(in prep)" is the work's date, no prefix
    r"reviewed\s+(?:in|by)|following|after|adapted\s+from|from|via|in(?!\s+pre(?:ss|p))|by)"
    r"[,:]?\s+)+",
    re.IGNORECASE,
)
# "et al." right after what reads as a prefix: the prefix is a first author's name.
_TEAM_AFTER = compile_lazily(ET_AL, re.IGNORECASE)
# Commentary of the writer's, all in lower case, before the authors of a work: "(for
# reviews of these methods see Banks, 2012)", "(i.e., without rerunning them, Lee, 2019)",
# "(the exceptions being: Banks, 2012)".
# Where the commentary ends: a comma, a colon, "see", "e.g." or "cf." before a capital.
_COMMENTARY_END = compile_lazily(r"(?:[,:]|\bsee(?:\s+also)?|\be\.\s?g\.,?|\bcf\.)\s+(?=[A-Z])")
_COMMENTARY_REACH = 200
# Where a credit's words end and the source's authors start: "(Developed by the team
# based on Williams, 2025)", "(Figure adapted from Lee, 2019)".
_CREDIT_END = compile_lazily(
    r"\b(?:based\s+on|adapted\s+from|derived\s+from|drawn\s+from|reproduced\s+from|"
    r"modified\s+from|courtesy\s+of)\s+(?=[A-Z])",
    re.IGNORECASE,
)
# A sentence closed just before a parenthesis: ". (", '." (', ".” (". A quoted term's
# gloss ("“Yamato Damashii” (Japanese Spirit)") closes no sentence.
# A line of at most this many words that a parenthesis ends is a heading or a label.
_HEADING_WORDS = 6
_AFTER_SENTENCE = compile_lazily(r"[.!?][\"”’*_]?\s{1,2}$")
# "Oxford English Dictionary", "Bank of England": two to six capitalised words, small
# joining words between them.
_SOURCE_NAME = compile_lazily(
    r"[A-Z][\w'’&-]*(?:\s+(?:(?:of|the|for|and|on|in)\s+)?[A-Z][\w'’&-]*){1,5}"
)
# Parentheses of the text's own furniture: "(See Figure Two)", "(Author's Translation)".
_NOT_A_SOURCE = compile_lazily(
    r"(?:See|Figure|Fig|Table|Appendix|Note|Source|Image|Photo|Emphasis|Author|Translation"
    r"|Applause|Laughter|Continued)\b"
)
# What a work is labelled by before its authors: a software version "(Version 4.1.2, R
# Core Team, 2021)", the address of a tool "(apps.example.io/tool/, Lee, 2021)", or the
# short name of a guideline "(PRISMA, Moher et al., 2009)".
_LABEL = compile_lazily(
    r"(?:(?P<version>(?:version|ver\.|v\.?)\s*\d[\w.\-]*)"
    r"|(?P<address>(?:https?://)?(?:[\w\-]+\.)+(?-i:[a-z]{2,6})(?:/[^\s,;]*)?)"
    r"|(?P<abbr>[A-Z][A-Za-z&]{1,9})),\s+(?=\S)",
    re.IGNORECASE,
)
# "Pressman:218, 2010": a name (no digits), a colon and a page, then the year.
_PAGE_ON_NAME = compile_lazily(
    rf"(?P<name>[^\d:;,()]{{2,80}}?):\s?(?P<page>\d{{1,4}}(?:[-–]\d{{1,4}})?),\s*(?P<rest>{YEAR}.*)",
    re.IGNORECASE | re.DOTALL,
)
_AS_CITED = compile_lazily(r",?\s*(?:as\s+)?(?:cited|quoted)\s+(?:in|by)\s+", re.IGNORECASE)

# "(DPA 2018)": an abbreviation and a year, nothing else.
_SHORT_NAME_YEAR = compile_lazily(rf"(?P<abbr>[A-Z][A-Za-z]*[A-Z])\s+(?P<year>{YEAR_DIGITS})")
_OWNER_REACH = 200  # characters looked back for the name an abbreviation stands for
_OWNER_CONNECTORS = frozenset({"of", "for", "the", "and", "at", "on", "in", "&"})
# The run of capitalised words (and connectors) just before a parenthesis.
# A comma may part its words: "the Department for Business, Innovation and Skills".
_OWNER_PHRASE = compile_lazily(
    r"((?:[A-Z][\w'’/\-]*|of|for|the|and|at|on|in|&)(?:,?\s+(?:[A-Z][\w'’/\-]*|of|for|the|and|at|on|in|&))*)\s*$"
)
# The office words an abbreviation may leave out: "Department for" in "BIS".
_OFFICE_OF = frozenset({"of", "for"})


_LOWER_CASE_WORD = compile_lazily(
    r"(?<![\w'’\-])(?!(?:and|et|al|van|von|de|der|den|la|le|du|da|di)\b)[a-z]{2,}"
)


def _comma_after(text: str, authors: str) -> bool:
    """Does a comma follow ``authors`` in ``text``? A user name cites "(oasisk, 2021)";
    a lower-case word before a bare year is prose: "(excludes 2020)"."""
    at = text.find(authors)
    return at >= 0 and text[at + len(authors) :].lstrip().startswith(",")


@dataclass(frozen=True)
class _Part:
    start: int
    end: int
    text: str


# "(Banfield 1958, Guiso 2004)", "(Carter et al., 2003 and Katyal, 2002)", "(Ng et al.
# 2010. Hoy, 1968)": works parted by a comma, "and" or a full stop after a year, not a
# semicolon; a locator after the year has none of its own ("(Excelsior OWL, n.d.,
# Question 7)").
_WORK_AFTER_YEAR = compile_lazily(
    r"(?:(?<=\d{4})|(?<=\d{4}[a-z])|(?<=n\.d\.))(?:,\s+(?:(?:and|&)\s+)?|\s+(?:and|&)\s+|\.\s+)"
    rf"(?=[A-Z][^;]{{0,80}}?(?:(?<!\d){YEAR_DIGITS}(?!\d)|n\.d\.))"
)
_PART_SEPARATOR = compile_lazily(rf";|{_WORK_AFTER_YEAR.pattern}")


def _split_parts(content: str, offset: int) -> list[_Part]:
    parts: list[_Part] = []
    pos = 0
    for separator in [*_PART_SEPARATOR.finditer(content), None]:
        end = separator.start() if separator else len(content)
        piece = content[pos:end]
        stripped = piece.strip()
        if stripped:
            start = offset + pos + len(piece) - len(piece.lstrip())
            parts.append(_Part(start, start + len(stripped), stripped))
        pos = separator.end() if separator else end
    return _names_with_their_years(parts)


_YEAR_ALONE = compile_lazily(rf"{YEAR}(?:,\s*.{{1,20}})?", re.IGNORECASE)


def _names_with_their_years(parts: list[_Part]) -> list[_Part]:
    """ "(Metcalf; 2024; WEF; 2025)": a semicolon typed for each comma; a part with no
    year and the year alone after it are one work."""
    joined: list[_Part] = []
    for part in parts:
        before = joined[-1] if joined else None
        if (
            before is not None
            and _YEAR_ALONE.fullmatch(part.text)
            and not ANY_YEAR.search(before.text)
            and before.text[:1].isupper()
        ):
            text = f"{before.text}, {part.text}"
            joined[-1] = _Part(before.start, part.end, text)
        else:
            joined.append(part)
    return joined


# "Wireshark (n.d.)" as the whole of a parenthesis' part; only an undated year stays
# nested in the parenthesis (PAREN takes no digits in an inner pair).
_NARRATIVE_INSIDE = compile_lazily(rf"(?P<names>[^()]+?)\s*\((?P<date>{YEAR})\)$", re.IGNORECASE)
_YEAR_THEN_REMARK = compile_lazily(rf"({YEAR}),\s*\S", re.IGNORECASE)
_IN_BEFORE_YEAR = compile_lazily(r"(?<=\S)\s+in$")
_ADDRESS_AFTER_NAME = compile_lazily(r"(?<=\S)\s+(?:https?://|www\.)\S+$")
_DATE_BEFORE_YEAR = compile_lazily(
    r",\s*(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
    r"(?:\s+\d{1,2})?$"
)

# One surname, a full stop typed for the comma, perhaps an initial: "Biesta.", "Heather. N".
_STOP_AFTER_SURNAME = compile_lazily(r"^([A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)\.(?:\s+[A-Z]\.?)?$")
_FISCAL_YEAR = compile_lazily(r"(?:FY|(?i:fiscal\s+year))")

# The end of a span of years after a cited year: "1910-1913", "1880–84".
_YEAR_SPAN_END = compile_lazily(r"\s?[-–]\s?(?:" + YEAR_DIGITS + r"|\d\d)(?![\w-])")
# The first year of a span: "(Behnke 1910-1913, 4)" cites a scrapbook of those years by
# its first, when no year stands alone ("(Ashton, The Industrial Revolution, 1760-1830,
# 1962)": a title's span).
_SPAN_YEAR = compile_lazily(rf"(?<![\w{DASHES}]){YEAR_DIGITS}(?={_YEAR_SPAN_END.pattern})")
# A span of years after a name: "(Behnke 1910-1913, 4)"; not a life, "(1842–1910)".
_NAMED_YEAR_SPAN = compile_lazily(rf"[^\W\d_][.,]?\s+{YEAR_DIGITS}(?={_YEAR_SPAN_END.pattern})")


# Between two years of one author: "2010, 2012"; with the name in the parenthesis also
# "Smith 2003 and 2005", "Smith, 2001, & 2004" (years alone, "Windows (2016 and 2019)",
# are versions or events more often than works).
_YEAR_COMMA = compile_lazily(r"\s*,\s*")
_YEAR_JOIN = compile_lazily(r"\s*(?:,\s*(?:(?:and|&)\s+)?|\s(?:and|&)\s+)")


def _split_author_years(
    part: str, *, last: bool = False
) -> tuple[str, list[str], str | None] | None:
    """ "Pan, Lu & Chau, 2019a, 2020, p. 71" -> ("Pan, Lu & Chau", ["2019a", "2020"], "p. 71").

    ``last``: the year is the last one, and the words before it keep their digits
    ("Chinese New Year in Singapore 2018, 2018": a title with a year).
    """
    matches = list(ANY_YEAR.finditer(part)) or list(_SPAN_YEAR.finditer(part))
    if not matches:
        return None
    if last:
        matches = matches[-1:]
    first = matches[0]
    authors = part[: first.start()].rstrip().rstrip(",").rstrip()
    # "(Biesta. 2010)", "(Heather. N, 2017)": a full stop typed for the comma, an initial
    # after it
    stop = _STOP_AFTER_SURNAME.match(authors)
    if stop and stop.group(1).casefold() not in CORPORATE_SUFFIXES:  # not "(Zentangle, Inc.)"
        authors = stop.group(1)
    # "(Wang et al., June 2025)", "(BBC, 3 March 2020)": the date's day and month are no author.
    authors = _DATE_BEFORE_YEAR.sub("", authors).rstrip().rstrip(",").rstrip()
    authors = _IN_BEFORE_YEAR.sub("", authors)  # "(by Lally and Wood in 2010)"
    # "(LexFusion https://www.lexfusion.com/post/..., 2024)": the page's address pasted
    # after the name
    authors = _ADDRESS_AFTER_NAME.sub("", authors)
    if _FISCAL_YEAR.fullmatch(authors):  # "HUD (FY 2024)": a fiscal year, no author
        authors = ""
    years = [first.group(0)]
    pos = first.end()
    republished = REPUBLISHED_YEAR.match(part, pos)
    if republished:  # "(Freud, 1900/1953)": first published in 1900, the edition read 1953
        years, pos = [republished.group(1)], republished.end()
    span_end = _YEAR_SPAN_END.match(part, pos)
    if span_end:  # "Behnke 1910-1913, 4": a work of several years is cited by its first
        if not authors:
            return None  # "William James (1842–1910)": a life, not a work
        pos = span_end.end()
    for m in matches[1:]:
        if m.start() < pos:
            continue
        if (_YEAR_JOIN if authors else _YEAR_COMMA).fullmatch(part, pos, m.start()):
            years.append(m.group(0))
            pos = m.end()
        else:
            break
    rest = part[pos:].strip().lstrip(",:").strip()
    if not rest or _REMARK.fullmatch(rest):
        return authors, years, None
    if not _LOCATOR.match(rest):
        return None
    return authors, years, rest


def _authors_and_year(text: str) -> str | None:
    """The authors, when ``text`` is authors and a year: "Lee & Kim, 2019, p. 4"."""
    parsed = _split_author_years(text)
    if parsed is None or not looks_like_names(parsed[0]):
        return None
    return parsed[0]


def _same_author_years(part: _Part, before: Citation) -> list[Citation]:
    """ "(Smith, 2020a; 2020b)": a part that is only a year (and a locator) after a ";"
    is another work of the author of the part before it, as in "(Smith, 2020a, 2020b)"."""
    parsed = _split_author_years(part.text)
    if parsed is None or parsed[0] or not before.authors or before.secondary:
        return []
    _, years, locator = parsed
    span = Span(start=part.start, end=part.end)
    return [
        author_date_citation(
            span, part.text, before.authors, before.et_al, year, locator=locator, alias=before.alias
        )
        for year in years
    ]


def _commentary_end(text: str) -> int:
    """Where the authors start after the writer's commentary (:data:`_COMMENTARY_END`);
    0 for none. The commentary has no capital, digit or year ("(van der Berg, Lee,
    2019)" names two authors), and authors and a year follow it. A caption's credit
    may open with a capital: "(Developed by the team based on Williams, 2025)"."""
    credit = _CREDIT_END.search(text, 0, _COMMENTARY_REACH)
    if credit is not None and not any(ch.isdigit() for ch in text[: credit.start()]):
        return credit.end() if _authors_and_year(text[credit.end() :]) else 0
    if not text[:1].islower():
        return 0
    end = _COMMENTARY_END.search(text, 0, _COMMENTARY_REACH)
    if end is None:
        return 0
    lead = text[: end.start()]
    if any(ch.isupper() or ch.isdigit() for ch in lead) or ANY_YEAR.search(lead):
        return 0  # "(n.d., Question 3)": a year and a locator
    return end.end() if _authors_and_year(text[end.end() :]) else 0


def _unquoted(title: str) -> str:
    """A cited title without its italics, quotation marks or link ("([Dashcam video of the
    harbour](https://...), 2017)" cites "Dashcam video of the harbour")."""
    return link_texts(title).strip("*_\"“”‘’'").strip()


# How an organisation's initials are read: "US Census Bureau" is "UCB" or "USCB".
_INITIALS = (initials, initials_keeping_acronyms)
_TITLE_YEAR = compile_lazily(rf"(?<!\d){YEAR_DIGITS}(?!\d)")
_MIN_TITLE_WORDS = 2
_AUTHOR_REACH = 80  # characters before a parenthesis searched for the author of its title
_TITLE_KEY_WORDS = 4  # an entry with no author is known by its title's first words


class ParentheticalReader(NarrativeReader):
    """Reads "(Smith, 2019, p. 4; see Jones & Lee, 2020)"; a parenthesis that holds only
    a year is handed to the narrative reader ("Smith (2019)")."""

    _undated: dict[str, tuple[str, str | None]] | None = None
    _lower_words: Counter[str] | None = None

    def abbreviation_owner(self, abbr: str, group_start: int) -> str | None:
        """ "The University of North Carolina at Chapel Hill (UNC, 2025)" -> the full name.

        The capitalised phrase just before the parenthesis owns the
        abbreviation when the abbreviation's capitals are, in order, among the
        phrase's initials and the first ones agree (an acronym in the phrase counts
        whole: "the US Census Bureau (USCB)"); words before the name ("As The
        University ...") are left out. An office's opening words may be left out of
        the abbreviation but not of the name: "the Department for Business,
        Innovation and Skills (BIS 2015)".
        """
        before = self.text[max(0, group_start - _OWNER_REACH) : group_start]
        m = _OWNER_PHRASE.search(before)
        if not m:
            return None
        wanted = [ch for ch in abbr if ch.isupper()]
        words = m.group(1).split()
        for start in range(len(words) - 1):
            if words[start] in _OWNER_CONNECTORS:
                continue
            phrase = " ".join(words[start:]).rstrip(",")
            named = " ".join(words[start + 1 :]) if words[start] == "The" else phrase
            readings = [named]
            if words[start + 1] in _OFFICE_OF and start + 2 < len(words):
                readings.append(" ".join(words[start + 2 :]))
            for reading in readings:
                if any(self._abbreviates(wanted, read(reading)) for read in _INITIALS):
                    return phrase
        return None

    @staticmethod
    def _abbreviates(wanted: list[str], letters: str) -> bool:
        """Are the abbreviation's capitals, in order, among ``letters``, the first agreeing?"""
        if not letters or not wanted or letters[0] != wanted[0]:
            return False
        it = iter(letters)
        return all(ch in it for ch in wanted)

    def _listed_month(self, name: str) -> bool:
        """A one-word name that is also a month ("May", "June"), when the list has it."""
        word = name.strip()
        return word.casefold() in MONTH_NUMBERS and word[:1].isupper() and self._listed_name(word)

    def _prose_word(self, word: str) -> bool:
        """Does the text write ``word`` in lower case elsewhere too, so that it is a word of
        the language ("(individual, 2025)" beside "individuals"), not a user name? The
        text's words are counted once, when the first such word is asked about."""
        word = word.strip()
        if not word[:1].islower():
            return False
        if self._lower_words is None:
            self._lower_words = Counter(m.group(0) for m in LOWER_WORD.finditer(self.text))
        return self._lower_words[word] + self._lower_words[word + "s"] > 1

    def _listed_name(self, name: str) -> bool:
        """Is ``name`` one the reference list knows, so no abbreviation to look up?

        Dotted initials ("G.C.") are always looked up: they match a corporate entry
        only by its initials, which the text has to introduce.
        """
        return name_key(name) in self.known and not dotted_initials(name)

    def defined_abbreviation(self, match: re.Match[str]) -> None:
        """Remember "the Department for Education (DfE)" for a later "(DfE, 2019)"."""
        abbr = match.group(1).strip()
        if not is_abbreviation(abbr) or self._listed_name(abbr):
            return
        owner = self.abbreviation_owner(abbr, match.start())
        if owner is not None:
            self.aliases.setdefault(name_key(abbr), owner)

    def _known_title(self, phrase: str) -> str | None:
        """The phrase as a title, when it opens the title of an entry with no author.

        APA and Chicago cite such a work by its title (or its first words), in
        quotation marks or italics or neither: "(“All models are wrong” 2022)".
        """
        title = _unquoted(phrase)
        words = title.split()
        quoted = phrase.strip()[:1] in "\"“‘'*_"  # a quoted title is no list of names
        if len(words) < _MIN_TITLE_WORDS:
            return None
        names = not quoted and looks_like_names(title)
        if name_key(title) in self.known and (not names or _LOWER_CASE_WORD.search(title)):
            # the whole head of an entry read as its maker's name, even where its commas
            # make it look like names: "(How, where & when sharks attack n.d.)"
            return title
        if names:
            return None
        return title if name_key(" ".join(words[:_TITLE_KEY_WORDS])) in self.known else None

    def _title_alone(self, phrase: str, group_start: int) -> bool:
        """Is ``phrase`` a listed work's own title, cited in its author's place? Not after
        the work's author: "Alesina and Giuliano (Family Ties, 2014)" names them."""
        works = self.titles().titled(phrase)
        before = self.text[max(0, group_start - _AUTHOR_REACH) : group_start]
        return bool(works) and not any(ref.authors[0].family.split()[-1] in before for ref in works)

    def _titled_years(self, text: str) -> tuple[str, list[str], str | None] | None:
        """ "(Russia 2018 LOC Talks About 2018 World Cup, 2018)": a work with no author
        cited by a title that holds a year. Its year is the last one; taken when the
        whole title, digits and all, heads an entry."""
        parsed = _split_author_years(text, last=True)
        if parsed is None or not _TITLE_YEAR.search(parsed[0]):
            return None
        title = _unquoted(parsed[0])
        if name_key(title) in self.known or self._known_title(title) == title:
            return parsed
        return None

    def _undated_names(self) -> dict[str, tuple[str, str | None]]:
        """The name keys of the entries with no date (MLA web pages print none, APA writes
        "n.d."), each with the name and the year as written: the first author's family
        name, or the whole title of a work with no author. A name with several undated
        works names none of them."""
        if self._undated is None:
            found: dict[str, list[tuple[str, str | None]]] = {}
            for ref in self.works:
                if ref.date or (ref.year and not normalise_year(ref.year).startswith("nd")):
                    continue
                name = ref.authors[0].family if ref.authors else ref.title
                if name and (ref.authors or len(name.split()) >= _MIN_TITLE_WORDS):
                    found.setdefault(name_key(name), []).append((name, ref.year))
            # a maker of several undated works is not cited by the name alone
            self._undated = {key: works[0] for key, works in found.items() if len(works) == 1}
        return self._undated

    def undated_work(self, match: re.Match[str]) -> Citation | None:
        """ "(Sharp)", "(Basic Concepts of Flexbox)": a work that has no date, cited by
        its author or its whole title and nothing else, as MLA cites a web page (and
        students carry over into APA). Only an entry with no date is cited so: a
        name in parentheses is otherwise no citation."""
        content = match.group(1).strip().rstrip(".").strip("*_\"“”‘’'").strip()
        work = self._undated_names().get(name_key(content)) if content else None
        if work is None:
            return None
        span = Span(start=match.start(), end=match.end())
        return Citation(
            span=span, text=match.group(0), kind="author-date", authors=(work[0],), year=work[1]
        )

    def undated_attribution(self, match: re.Match[str]) -> Citation | None:
        """ "... acquired information. (Oxford English Dictionary)": a source named in
        capitalised words, from two to six, in a parenthesis of its own after a sentence
        closes. It cites that source, listed or not (an abbreviation's
        expansion, "the OED (Oxford English Dictionary)", follows no sentence end)."""
        if not _AFTER_SENTENCE.search(self.text, max(0, match.start() - 3), match.start()):
            return None
        if self._ends_short_line(match):
            return None  # "Who Are We? (Problem Statement)": a heading and its gloss
        content = match.group(1).strip()
        if not _SOURCE_NAME.fullmatch(content) or _NOT_A_SOURCE.match(content):
            return None
        span = Span(start=match.start(), end=match.end())
        return Citation(
            span=span, text=match.group(0), kind="author-date", authors=(content,), year=None
        )

    def _listed_team_in_lower_case(self, authors: str) -> bool:
        """ "see et al.": a listed first author's family name typed in lower case, with
        "et al." after it, which no prefix or common word takes."""
        head, _, rest = authors.strip().partition(" ")
        return head[:1].islower() and bool(_TEAM_AFTER.match(rest)) and name_key(head) in self.known

    def _ends_short_line(self, match: re.Match[str]) -> bool:
        """Does the parenthesis end a line of a few words, a heading's or a label's?"""
        line_start = self.text.rfind("\n", 0, match.start()) + 1
        line_end = self.text.find("\n", match.end())
        rest = self.text[match.end() : len(self.text) if line_end < 0 else line_end]
        words = len(self.text[line_start : match.end()].split())
        return not rest.strip(" *_#:.") and words <= _HEADING_WORDS

    def names_a_dated_title(self, match: re.Match[str]) -> bool:
        """ "the Data Protection Act 2018 (DPA 2018)": the short name of the law, report
        or standard just named, its year and all; no citation."""
        short = _SHORT_NAME_YEAR.fullmatch(match.group(1).strip())
        if short is None:
            return False
        reach = max(0, match.start() - _OWNER_REACH)
        before = self.text[reach : match.start()].rstrip()
        if not before.endswith(short.group("year")):
            return False
        year_start = reach + len(before) - len(short.group("year"))
        return self.abbreviation_owner(short.group("abbr"), year_start) is not None

    def parenthetical(self, match: re.Match[str]) -> list[Citation]:
        content = match.group(1)
        if not ANY_YEAR.search(content) and not _NAMED_YEAR_SPAN.search(content):
            undated = (
                (self.undated_work(match) or self.undated_attribution(match))
                if self.works
                else None
            )
            if undated is not None:
                return [undated]
            self.defined_abbreviation(match)
            return []
        if self.names_a_dated_title(match) or closes_source_line(
            self.text, match.start(), match.end()
        ):
            return []
        group_start, close = match.start(), match.end()
        parts = _split_parts(content, match.start(1))
        out: list[Citation] = []
        previous: list[Citation] = []
        for index, part in enumerate(parts):
            found = self._part(part, index, len(parts), group_start, close)
            if not found and previous:
                found = _same_author_years(part, previous[-1])
            out.extend(found)
            previous = found
        return out

    def _label_end(self, text: str) -> int:
        """Where the authors start after a label of the work (:data:`_LABEL`); 0 for none.

        Taken only when authors and a year follow. A short name in capitals is a label
        when neither the list nor the text knows it and the author after it is known to
        the list or is no short name itself: "(WHO, UNICEF, 2020)", neither listed,
        cites both.
        """
        m = _LABEL.match(text)
        if m is None:
            return 0
        authors = _authors_and_year(text[m.end() :])
        if authors is None:
            return 0
        abbr = m.group("abbr")
        if abbr is None:
            return m.end()
        if (
            not abbr.isupper()
            or not is_abbreviation(abbr)
            or self._listed_name(abbr)
            or name_key(abbr) in self.aliases
        ):
            return 0
        names = split_author_names(authors)[0]
        if not names:
            return 0
        known = name_key(self._family(names[0], lenient=False)) in self.known
        return m.end() if known or not is_abbreviation(names[0]) else 0

    def _names_known_author(self, text: str) -> bool:
        """Does a capitalised lead-in word open a listed author's name? "(Via Transportation,
        Inc., 2023)" cites the company Via, not a work seen via another: a lead-in word
        is kept when the words from it to the year are an entry's author."""
        if not text[:1].isupper():
            return False
        parsed = _split_author_years(text)
        return parsed is not None and name_key(parsed[0]) in self.known

    def _part(
        self, part: _Part, index: int, count: int, group_start: int, close: int
    ) -> list[Citation]:
        text = part.text
        narrative = _NARRATIVE_INSIDE.match(text)
        if narrative:  # "(Wireshark (n.d.))": the narrative form, put in parentheses
            text = f"{narrative['names']}, {narrative['date']}"
        secondary_text: str | None = None
        cited = _AS_CITED.search(text)
        if cited:
            secondary_text = text[: cited.start()]
            text = text[cited.end() :]
        out: list[Citation] = []
        if secondary_text is not None:
            out.extend(
                self._author_part(secondary_text, part, index, count, group_start, close, True)
            )
        out.extend(self._author_part(text, part, index, count, group_start, close, False))
        return out

    def _author_part(
        self,
        text: str,
        part: _Part,
        index: int,
        count: int,
        group_start: int,
        close: int,
        secondary: bool,
    ) -> list[Citation]:
        text = text.strip()
        prefix = None
        pm = _PREFIX.match(text)
        if pm and _TEAM_AFTER.match(text, pm.end()):
            pm = None  # "(see et al., 2019)": the first author See, written in lower case
        if pm and pm.end() < len(text) and not self._names_known_author(text):
            prefix = text[: pm.end()].strip()
            text = text[pm.end() :]
        lead = _commentary_end(text) or self._label_end(text)
        if lead:
            prefix = " ".join(filter(None, (prefix, text[:lead].strip())))
            text = text[lead:]
        glued = _PAGE_ON_NAME.fullmatch(text)
        if glued:  # "Pressman:218, 2010": the page written on the name, not after the year
            text = f"{glued.group('name')}, {glued.group('rest')}"
        titled = self._titled_years(text)
        parsed = titled or _split_author_years(text)
        if parsed is not None and glued and parsed[2] is None:
            parsed = (parsed[0], parsed[1], glued.group("page"))
        if parsed is None:
            remark = _YEAR_THEN_REMARK.match(text)
            if remark and count == 1 and not secondary and prefix is None:
                # "Koerner & Reagle (2020, Wikipedia @ 20)": a known author's year, then a
                # remark (the book's title), not a locator.
                named = self.narrative(group_start, [remark.group(1)], None, close)
                if named and name_key(named[0].authors[0]) in self.known:
                    return named
            return []
        authors, years, locator = parsed
        if not authors:
            if index == 0 and not secondary and prefix is None:
                return self.narrative(group_start, years, locator, close) or clause_citations(
                    self.text, group_start, close, years, locator, self.works_of
                )
            return []
        names: tuple[str, ...]
        title = _unquoted(authors) if titled else self._known_title(authors)
        if title is None and self._title_alone(_unquoted(authors), group_start):
            title = _unquoted(authors)  # "(Friday the 13th, 1980)": a listed work's own title
        if title is not None:  # "(Girls as young as seven feel pressure, 2016)": no author
            names, et_al, alias = (title,), False, None
        elif not (
            looks_like_names(
                authors, handles=_comma_after(text, authors) and not self._prose_word(authors)
            )
            or self.lower_case_author(authors)  # "(tutor2u 2019)": as the list writes it
            or self._listed_team_in_lower_case(authors)  # "(see et al., 2019)" for See
            or self._listed_month(authors)  # "(May 2017)" when the list has May, 2017
        ):
            return []
        else:
            names, et_al, alias = split_author_names(authors)
            # "(Mary D. Ainsworth, 1978)": a person is cited by the family name too; two
            # or more plain "Given Family" names joined by "&" read as people.
            names = tuple(self._family(name, lenient=len(names) > 1) for name in names)
        if not names:
            return []
        if count == 1:
            span = Span(start=group_start, end=close)
            shown = self.text[group_start:close]
        else:
            span = Span(start=part.start, end=part.end)
            shown = part.text
        if alias is not None:
            self.aliases.setdefault(name_key(alias), names[0])  # "(... [WHO], 2020)"
        if len(names) == 1 and title is None and not self._listed_name(names[0]):
            abbr = names[0]
            owner = self.abbreviation_owner(abbr, group_start) if is_abbreviation(abbr) else None
            if owner is not None:  # "The University of ... Chapel Hill (UNC, 2025)"
                self.aliases.setdefault(name_key(abbr), owner)
                start = self.text.rfind(owner, max(0, group_start - 220), group_start)
                span = Span(start=start if start >= 0 else group_start, end=close)
                return [
                    author_date_citation(
                        span,
                        self.text[span.start : close],
                        (owner,),
                        False,
                        y,
                        locator=locator,
                        narrative=True,
                        alias=abbr,
                    )
                    for y in years
                ]
            if count == 1 and len(authors.split()) > 1:
                # "Alesina and Giuliano (Family Ties, 2014)": the title and year of the work
                # of the authors just named, when the list knows them.
                named = self.narrative(group_start, years, locator, close)
                if named and name_key(named[0].authors[0]) in self.known:
                    return named
            defined = self.aliases.get(name_key(abbr))
            if defined is not None:  # "(UNC, 2025)" once the text has defined UNC
                return [
                    author_date_citation(
                        span,
                        shown,
                        (defined,),
                        False,
                        y,
                        locator=locator,
                        prefix=prefix,
                        secondary=secondary,
                        alias=abbr,
                    )
                    for y in years
                ]
        return [
            author_date_citation(
                span,
                shown,
                names,
                et_al,
                y,
                locator=locator,
                prefix=prefix,
                secondary=secondary,
                alias=alias,
            )
            for y in years
        ]
