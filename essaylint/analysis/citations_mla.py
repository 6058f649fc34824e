"""MLA 9 author–page citations.

MLA cites by author and page, never by year: "(Smith 45)", "(Smith and Jones
12–14)", "(Smith et al. 7)", "(Smith, *Short Title* 45)" when one author has
several works, "("Short Title" 3)" for a work with no author, section
locators "(Hume 1.3.6.3)", several works "(Smith 4; Jones 7)", and a
narrative citation that names the author in the sentence and gives only the
page, "Smith argues that ... (45)." A four-digit number is a page here, not
a year: these readers run only on documents whose style is MLA.

Every citation made here has ``year=None`` (the mark of an author–page
citation) and carries the page as its locator and any short title as
``title``. A parenthesis is taken only when it reads as a citation: a known
author, or one capitalised surname (or an organisation's name) followed by a
page; "(Figure 3)", "(Table 2)", "(March 2020)" and enumerations "(1)" are
left alone. A draft may cite by surname and given name with no page,
"(Walker, Mark)": read when the given name is the entry's, and, once the essay
cites that way, for a surname no entry has (a missing entry).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from essaylint.analysis.citation_names import (
    NOT_AUTHORS,
    POSSESSIVE,
    SENTENCE_BREAK,
    UPPER,
    looks_like_names,
    split_author_names,
)
from essaylint.analysis.citations_mla_dated import Dated, dated_works, year_for_page
from essaylint.analysis.citations_mla_speaker import (
    introduces_writer,
    lead_in,
    mask_quoted,
    reporting_subjects,
)
from essaylint.analysis.citations_mla_unlisted import lower_case_words, unlisted_authors
from essaylint.analysis.citations_parenthetical import PAREN
from essaylint.analysis.names import looks_corporate
from essaylint.analysis.patterns import YEAR_DIGITS
from essaylint.analysis.scripture import is_scripture_reference
from essaylint.analysis.text import name_key
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Citation, Reference, Span

# One page, section or line number: "45", "45a", "1.3.6.3", "xii", "2:14", "00:02:15".
_PAGE = r"(?:\d{1,4}[a-z]?(?:[.:]\d{1,4})*|[ivxlc]{1,7})"
_RANGE = rf"{_PAGE}(?:\s*[-–—]\s*{_PAGE})?"
# "p.", "pp.", "par.", "ch.", "sec.", "line(s)", "ll.", "vol." (MLA writes no "p.": S304).
_LABEL = r"(?:pp?|pars?|paras?|ch|chap|sec|secs|ll?|lines?|vol|col|fol|nn?|sc)\.?\s*"
_LOCATOR = compile_lazily(
    rf"(?:^|(?<=[\s,]))(?P<loc>(?:{_LABEL})?{_RANGE}(?:\s*,\s*(?:{_LABEL})?{_RANGE})*)\s*$"
)
_ONLY_LOCATOR = compile_lazily(rf"^\s*(?:{_LABEL})?{_RANGE}(?:\s*,\s*{_RANGE})*\s*$")
_PREFIX = compile_lazily(
    r"^(?:(?:see\s+also|see|cf\.|e\.\s?g\.,?|qtd\.\s+in|quoted\s+in|also|compare)\s+)+",
    re.IGNORECASE,
)
# A title written as a title: *Italic*, _italic_, "Quoted", “Quoted”.
_TITLE = compile_lazily(r"^(?:\*{1,2}(?P<a>[^*]+)\*{1,2}|_(?P<b>[^_]+)_|[\"“](?P<c>[^\"”]+)[\"”])$")
# A short title written as a title at the end of a parenthesis, after its author.
# A short title, then the periodical or book it appeared in, in capitalised words.
_LEADING_TITLE = compile_lazily(
    r"^(?P<title>\*{1,2}[^*]+\*{1,2}|_[^_]+_|[\"“][^\"”]+[\"”])"
    r"\s+(?:[A-Z][\w&'’-]*\s*){1,5}$"
)
_TRAILING_TITLE = compile_lazily(r"(?<=\s)(?:\*{1,2}[^*]+\*{1,2}|_[^_]+_|[\"“][^\"”]+[\"”])$")
_NOT_MLA_AUTHORS = NOT_AUTHORS | frozenset(
    """step level grade page room lesson module exhibit psalm scene act episode season
    session group sample trial wave round stage tier type class case model item""".split()
)
# After a narrative page: punctuation, the end of the text or of a paragraph.
_AFTER_NARRATIVE = compile_lazily(r"\s*(?:[.,;:!?]|$)|[ \t]*\n[ \t>]*\n")
# A quotation closing right before the parenthesis: its page, whatever follows.
_CLOSING_QUOTE = compile_lazily(r"[”\"]\s?$")
_SENTENCE_END = compile_lazily(r"(?<![A-Z])(?<!\bal)(?<!\bpp)(?<!\bed)[.!?][\"”’)]*\s+(?=[\"“A-Z])")
_CAPITALISED = compile_lazily(rf"[{UPPER}][\w'’\-]*")
# A co-author's name just before another: "Rockwell and Sinclair", "Ames, Bell, and Cho".
_NAME_BEFORE = compile_lazily(rf"([{UPPER}][\w'’\-]*)(?:\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+)$")
# "(Stowell, Myron R.)", "(Walker, Mark)": a surname, then a given name and an initial.
_SURNAME_GIVEN = compile_lazily(
    rf"(?P<family>[{UPPER}][\w'’\-]+),\s+(?P<given>[{UPPER}][a-z'’\-]+(?:\s+[{UPPER}]\.?)?)"
)
# "Drucker (2013) adds that ... (11)": an essay mixing styles dates the work after the name.
_YEAR_AFTER_NAME = compile_lazily(rf"\s*\(({YEAR_DIGITS}[a-z]?)\)")
# "... (2)": a page of one digit, shorter than any parenthesis PAREN takes.
_ONE_DIGIT_PAGE = compile_lazily(r"\((\d)\)")
# Distinct known authors an essay cites as "(Surname)" before an unknown one counts.
_AUTHOR_ONLY_FORM_MIN = 2
_ITALIC_TITLE = compile_lazily(
    r"(?<![\w*])\*([^*\n]{3,120})\*(?!\*)|(?<!\w)_([^_\n]{3,120})_(?!\w)"
)


# "(*Figure 1*)", "(Table 2)": a pointer to a part of the essay, not a work's title.
_FIGURE = compile_lazily(
    r"^(?:fig(?:ure)?s?|tables?|charts?|graphs?|images?|plates?|maps?|appendix|exhibit)\.?\s*"
    r"(?:\d+|[ivxlc]+|[A-Z])\b",
    re.IGNORECASE,
)


def _clean_title(raw: str) -> str | None:
    m = _TITLE.match(raw.strip())
    if not m:
        return None
    title = (m.group("a") or m.group("b") or m.group("c") or "").strip(" .,")
    if not title or _FIGURE.match(title):
        return None
    # A title's first word is capitalised in every style; '*chiaro* ("clear, bright")' glosses.
    first = next((ch for ch in title if ch.isalnum()), "")
    return title if first.isupper() or first.isdigit() else None


class MlaReader:
    """Reads the author–page citations of one document."""

    def __init__(
        self,
        text: str,
        known: frozenset[str],
        titles: dict[str, list[str]] | None = None,
        given: dict[str, set[str]] | None = None,
        dated: Dated | None = None,
    ) -> None:
        self.text = text
        self.known = known
        # Each author's entry years and pages: a year where a page would stand.
        self.dated = dated or {}
        # Short titles of each author's works (by name key), to find one named in a sentence.
        self.titles = titles or {}
        # The first given names of each author (by name key), folded: "(Walker, Mark)".
        self.given = given or {}
        # Whether the essay cites some entry as "(Surname, Given)": then an unknown
        # surname written that way is a citation too (see cites_by_given_name).
        self.given_form = False
        # Whether the essay cites known authors as "(Surname)", with no page: then an
        # unknown surname written that way is a citation too (see citations_mla_unlisted).
        self.author_only_form = False
        self._lower_words: frozenset[str] | None = None
        # Whether "Given Family" introduces a writer no entry lists, by (given, family).
        self._writers: dict[tuple[str, str], bool] = {}

    def cites_by_given_name(self, content: str) -> bool:
        """Is a parenthesis "(Walker, Mark)" an entry's surname and its own given name?"""
        m = _SURNAME_GIVEN.fullmatch(content.strip())
        return m is not None and self._entry_given(m.group("family"), m.group("given"))

    def _entry_given(self, family: str, given: str) -> bool:
        first = given.split()[0].strip(".").casefold()
        return any(
            first == other or (len(other) == 1 and first[:1] == other)
            for other in self.given.get(name_key(family), ())
        )

    def cited_author_only(self, content: str) -> str | None:
        """The name key of the known author a page-less "(Surname)" cites, if any."""
        authors = self._names(content.strip())
        if authors is None or authors[0][0].casefold() in _NOT_MLA_AUTHORS:
            return None
        key = name_key(authors[0][0])
        return key if key in self.known else None

    def _unlisted(self, match: re.Match[str], content: str) -> tuple[tuple[str, ...], bool] | None:
        """ "(North)" in an essay that cites "(Surname)": an author no entry lists."""
        if not self.author_only_form:
            return None
        if self._lower_words is None:
            self._lower_words = lower_case_words(self.text)
        return unlisted_authors(self.text, match.start(), match.end(), content, self._lower_words)

    def _given_named(self, text: str) -> str | None:
        """The surname of "(Walker, Mark)": an entry's author with their given name, or,
        in an essay that cites that way, a surname no entry has."""
        m = _SURNAME_GIVEN.fullmatch(text)
        if m is None:
            return None
        family = m.group("family")
        if family.casefold() in _NOT_MLA_AUTHORS or m.group("given").casefold() in NOT_AUTHORS:
            return None
        if self._entry_given(family, m.group("given")):
            return family
        return family if self.given_form and name_key(family) not in self.known else None

    def parenthetical(self, match: re.Match[str]) -> list[Citation]:
        """The citations in one parenthesis, or [] when it is not an MLA citation."""
        content = match.group(1)
        if "\n" in content.strip():
            return []
        if _ONLY_LOCATOR.match(content):
            found = self._narrative(match)
            return [found] if found is not None else []
        parts = content.split(";")
        out: list[Citation] = []
        pos = match.start(1)
        for piece in parts:
            citation = self._part(piece, pos, match, len(parts))
            pos += len(piece) + 1
            if citation is None:
                return out  # a failed first part: not a citation group
            out.append(citation)
        return out

    def _part(self, piece: str, pos: int, match: re.Match[str], count: int) -> Citation | None:
        text = piece.strip()
        if not text or is_scripture_reference(text):
            return None  # "(Gen. 15)": a book, chapter and verse, no author and page
        prefix = None
        pm = _PREFIX.match(text)
        if pm and pm.end() < len(text):
            prefix, text = text[: pm.end()].strip(), text[pm.end() :].strip()
        locator = None
        lm = _LOCATOR.search(text)
        if lm and lm.start() > 0:
            locator = lm.group("loc").strip()
            text = text[: lm.start()].rstrip().rstrip(",").rstrip()
        if not text:
            return None
        family = self._given_named(text)
        authors: tuple[tuple[str, ...], bool] | None = ((family,), False) if family else None
        title: str | None = None
        if family is None:
            authors, title = self._authors_and_title(text)
            if not authors and title is None:
                return None
            if authors and not self._plausible(authors, locator):
                unlisted = None
                if locator is None and title is None and prefix is None and count == 1:
                    unlisted = self._unlisted(match, text)
                if unlisted is None:
                    return None
                authors = unlisted
        if count == 1:
            span = Span(start=match.start(), end=match.end())
        else:
            lead = len(piece) - len(piece.lstrip())
            span = Span(start=pos + lead, end=pos + len(piece.rstrip()))
        names, et_al = authors or ((), False)
        return Citation(
            span=span,
            text=self.text[span.start : span.end],
            kind="author-date",
            authors=names,
            et_al=et_al,
            year=None,
            locator=locator,
            prefix=prefix,
            title=title,
        )

    def _authors_and_title(
        self, text: str
    ) -> tuple[tuple[tuple[str, ...], bool] | None, str | None]:
        """ "Smith, *Short Title*" -> ((("Smith",), False), "Short Title"); '"T"' -> (None, "T")."""
        whole = _clean_title(text)
        if whole is not None:
            return None, whole
        leading = _LEADING_TITLE.match(text)
        if leading is not None and _clean_title(leading.group("title")) is not None:
            # "(“Modified” Scientific American 87-88)": the short title, then where it appeared
            return None, _clean_title(leading.group("title"))
        if "," in text:
            head, tail = (s.strip() for s in text.split(",", 1))
            title = _clean_title(tail)
            if title is None and name_key(head) in self.known and not self._names_list(tail):
                # "(Smith, Short Title 45)": a plain short title after a known author.
                title = tail if tail[:1].isupper() and len(tail.split()) <= 8 else None
            if title is not None:
                return self._names(head), title
        trailing = _TRAILING_TITLE.search(text)
        if trailing is not None and name_key(text[: trailing.start()]) in self.known:
            # "(World Weather Council “Storms” 4)": a known author, no comma, a short title.
            title = _clean_title(trailing.group(0))
            if title is not None:
                return self._names(text[: trailing.start()].strip()), title
        return self._names(text), None

    def _names_list(self, tail: str) -> bool:
        """ "Jones, and Lee": more authors, not a title."""
        first = re.split(r",|\band\b|&", tail, maxsplit=1)[0].strip()
        return name_key(first) in self.known or bool(re.search(r"\band\b|&|et al", tail))

    @staticmethod
    def _names(text: str) -> tuple[tuple[str, ...], bool] | None:
        if not looks_like_names(text) or any(ch.isdigit() for ch in text):
            return None
        names, et_al, _alias = split_author_names(text)
        return (names, et_al) if names else None

    def _plausible(self, authors: tuple[tuple[str, ...], bool], locator: str | None) -> bool:
        """A known author; or an unknown surname or organisation before a page."""
        names, et_al = authors
        first = names[0]
        if first.split()[-1].strip("_*.").casefold() in _NOT_MLA_AUTHORS:
            return False
        if name_key(first) in self.known:
            return True
        if locator is None:
            return False  # "(Smith)" names a known whole work; an unknown word is no citation
        words = first.split()
        if len(names) > 1 or et_al:
            return all(len(n.split()) <= 3 for n in names)
        return len(words) == 1 or (len(words) <= 6 and looks_corporate(first))

    def _narrative(self, match: re.Match[str]) -> Citation | None:
        """ "Smith argues that ... (45)." -> Smith, page 45: the sentence's speaker.

        A page closing a block quotation is the writer's its lead-in names; in the
        sentence, the subject of a critic's verb comes first, then the last known
        author outside quotations and titles, then any known author.
        """
        if not (
            _AFTER_NARRATIVE.match(self.text, match.end())
            or _CLOSING_QUOTE.search(self.text, max(0, match.start() - 2), match.start())
        ):
            return None  # "(1) the input causes": an enumeration; "...” (45) and" is a page
        line_start = self.text.rfind("\n\n", 0, match.start()) + 1
        if self.text[line_start : match.start()].lstrip().startswith(">"):
            before = lead_in(self.text, line_start)
            found = self._speaker(match, *before) if before else None
            if found is not None:
                return found
        start = max(line_start, match.start() - 600)
        return self._speaker(match, self.text[start : match.start()], start)

    def _speaker(self, match: re.Match[str], window: str, start: int) -> Citation | None:
        ends = [m.end() for m in _SENTENCE_END.finditer(window)]
        if ends:
            window, start = window[ends[-1] :], start + ends[-1]
        masked = mask_quoted(window)
        for given, family, at in reversed(reporting_subjects(masked)):
            name = POSSESSIVE.sub("", family)
            if self._is_author(name):
                return self._narrative_citation(match, window, start, name, at)
            if self._writer(given, name):
                span = Span(start=match.start(), end=match.end())
                return Citation(
                    span=span, text=self.text[span.start : span.end], kind="author-date",
                    authors=(name,), year=None, locator=match.group(1).strip(), narrative=True,
                    given=given,
                )  # fmt: skip
        for scanned in (masked, window):
            for word in reversed(list(_CAPITALISED.finditer(scanned))):
                name = POSSESSIVE.sub("", word.group(0))
                if self._is_author(name):
                    return self._narrative_citation(match, window, start, name, word.start())
        return None

    def _is_author(self, name: str) -> bool:
        return name_key(name) in self.known and name.casefold() not in _NOT_MLA_AUTHORS

    def _writer(self, given: str | None, family: str) -> bool:
        """Is "Given Family" a writer no entry lists (see introduces_writer)?"""
        key = (given or "", family)
        if key not in self._writers:
            self._writers[key] = introduces_writer(self.text, given, family)
        return self._writers[key]

    def _narrative_citation(
        self, match: re.Match[str], window: str, start: int, name: str, at: int
    ) -> Citation:
        last = name
        names, at = self._group(window, name, at)
        name = names[0]
        span = Span(start=start + at, end=match.end())
        dated = _YEAR_AFTER_NAME.match(window, window.find(last, at) + len(last))
        locator: str | None = match.group(1).strip()
        year = dated.group(1) if dated else year_for_page(name, locator or "", self.dated)
        if year is not None and not dated:
            locator = None  # "Ames argues that "..." (2014)": the year, where MLA puts a page
        return Citation(
            span=span,
            text=self.text[span.start : span.end],
            kind="author-date",
            authors=names,
            year=year,
            locator=locator,
            narrative=True,
            title=self._title_named(name, window),
        )

    def _group(self, window: str, name: str, at: int) -> tuple[tuple[str, ...], int]:
        """The authors of "Rockwell and Sinclair", "Ames, Bell, and Cho" ending at ``name``,
        first author first, and where the first stands."""
        names = [name]
        while True:
            before = _NAME_BEFORE.search(window, 0, at)
            if before is None or name_key(before.group(1)) not in self.known:
                return tuple(reversed(names)), at
            names.append(before.group(1))
            at = before.start(1)

    def _title_named(self, name: str, window: str) -> str | None:
        """A title of the author's named in the sentence: "In *Calm Voices*, Trevelyan argues"."""
        italic = _ITALIC_TITLE.search(window)
        if italic:
            return italic.group(1) or italic.group(2)
        folded = window.casefold()  # "We Have Never Been Modern" for "We have never been modern"
        for title in self.titles.get(name_key(name), []):
            short = " ".join(re.split(r"[:.?!]", title, maxsplit=1)[0].split()[:4])
            if len(short) >= 6 and short.casefold() in folded:
                return short
        return None


def mla_citations(
    text: str, regions: Sequence[Span], known: frozenset[str], works: Sequence[Reference] = ()
) -> tuple[list[Citation], list[Span]]:
    """The author–page citations in ``regions`` and the parentheses they were read from."""
    titles: dict[str, list[str]] = {}
    given: dict[str, set[str]] = {}
    for ref in works:
        if ref.authors and ref.title:
            titles.setdefault(name_key(ref.authors[0].family), []).append(ref.title)
        for person in ref.authors:
            if person.given and not person.corporate:
                first = person.given.split()[0].strip(".").casefold()
                given.setdefault(name_key(person.family), set()).add(first)
    reader = MlaReader(text, known, titles, given, dated_works(works))
    parens = sorted(
        (
            m
            for region in regions
            for pattern in (PAREN, _ONE_DIGIT_PAGE)
            for m in pattern.finditer(text, region.start, region.end)
        ),
        key=lambda m: m.start(),
    )
    reader.given_form = any(reader.cites_by_given_name(m.group(1)) for m in parens)
    author_only = {reader.cited_author_only(m.group(1)) for m in parens} - {None}
    reader.author_only_form = len(author_only) >= _AUTHOR_ONLY_FORM_MIN
    found: list[Citation] = []
    claimed: list[Span] = []
    for m in parens:
        cited = reader.parenthetical(m)
        if cited:
            found.extend(cited)
            claimed.append(Span(start=m.start(), end=m.end()))
    return found, claimed


def outside(citations: Sequence[Citation], claimed: Sequence[Span]) -> Iterator[Citation]:
    """The citations that do not lie in a claimed parenthesis (claimed is in text order)."""
    starts = [s.start for s in claimed]
    for c in citations:
        i = bisect.bisect_right(starts, c.span.start) - 1
        if i >= 0 and claimed[i].start <= c.span.start < claimed[i].end:
            continue
        if i + 1 < len(claimed) and c.span.start <= claimed[i + 1].start < c.span.end:
            continue  # a narrative "Smith (2019)" whose parenthesis was read as a page
        yield c


def signal_phrases(
    text: str,
    regions: Sequence[Span],
    references: Sequence[Reference],
    citations: Sequence[Citation],
) -> list[Citation]:
    """Works named in the prose without a parenthesis: MLA's whole-work signal phrase.

    MLA lets a writer cite a whole work by naming its author in the sentence
    ("Hilary Putnam in his essay *The Nature of Mental States*"; a band named
    before its recording). An entry whose author no parenthesis cites, and
    whose author's name (a person's family name, an organisation's or a group's
    whole name) stands in the body, is cited there; when the author has several
    entries the title must be named too. One citation per entry, at the first
    mention. Only read when some citation was read: in a text whose citations
    could not be read at all, a name in the prose says nothing. Another work
    of an author a parenthesis cites is cited by a sentence that names the
    author, the work's year and its title ("In 1987, Candace West and Don
    Zimmerman wrote “Doing Gender”").
    """
    cited = {name_key(a) for c in citations for a in c.authors[:1]}
    by_author: dict[str, list[Reference]] = {}
    for ref in references:
        if ref.authors:
            by_author.setdefault(name_key(ref.authors[0].family), []).append(ref)
    body = [text[r.start : r.end] for r in regions]
    out: list[Citation] = []
    for key, works in by_author.items():
        if not key:
            continue
        name = works[0].authors[0].family
        if key in cited:
            out += _named_with_year_and_title(name, works, body, regions)
            continue
        mention = _first_mention(name, body, regions)
        if mention is None:
            continue
        for ref in works:
            title = ref.title if len(works) > 1 else None
            if title is not None and not _names_title(title, body):
                continue
            span = Span(start=mention, end=mention + len(name))
            out.append(
                Citation(
                    span=span, text=name, kind="author-date", authors=(name,), year=None,
                    narrative=True, title=title,
                )
            )  # fmt: skip
    return out


_SENTENCE_REACH = 400  # characters looked at on each side of a name for its sentence


def _named_with_year_and_title(
    name: str, works: Sequence[Reference], body: Sequence[str], regions: Sequence[Span]
) -> list[Citation]:
    """Works of ``name`` whose year and title stand in one sentence with the name."""
    pattern = re.compile(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])")
    out: list[Citation] = []
    for ref in works:
        title = title_pattern(ref.title) if ref.title and ref.year else None
        if title is None:
            continue
        year = re.compile(rf"(?<!\d){re.escape(ref.year or '')}(?!\d)")
        for chunk, region in zip(body, regions, strict=True):
            at = next(
                (m.start() for m in pattern.finditer(chunk)
                 if _in_one_sentence(chunk, m.start(), (year, title))),
                None,
            )  # fmt: skip
            if at is not None:
                span = Span(start=region.start + at, end=region.start + at + len(name))
                # The entry's own authors and title: "Doing Gender" is also the start of
                # "Doing Gender, Doing Difference" by West and another co-author.
                authors = (name, *(p.family for p in ref.authors[1:2]))
                out.append(
                    Citation(
                        span=span, text=name, kind="author-date", authors=authors, year=None,
                        et_al=ref.et_al or len(ref.authors) > 2, narrative=True, title=ref.title,
                    )
                )  # fmt: skip
                break
    return out


def _in_one_sentence(chunk: str, at: int, patterns: Sequence[re.Pattern[str]]) -> bool:
    """Do all ``patterns`` match in the sentence around position ``at`` of ``chunk``?"""
    start = max(0, at - _SENTENCE_REACH)
    before = [m.end() for m in SENTENCE_BREAK.finditer(chunk, start, at)]
    start = before[-1] if before else start
    end = min(len(chunk), at + _SENTENCE_REACH)
    after = SENTENCE_BREAK.search(chunk, at, end)
    sentence = chunk[start : after.start() if after else end]
    return all(p.search(sentence) for p in patterns)


def _first_mention(name: str, body: Sequence[str], regions: Sequence[Span]) -> int | None:
    pattern = re.compile(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])")
    for chunk, region in zip(body, regions, strict=True):
        m = pattern.search(chunk)
        if m:
            return region.start + m.start()
    return None


def title_pattern(title: str, *, min_words: int = 1) -> re.Pattern[str] | None:
    """The leading words of a title (up to four, before its subtitle), as written in prose;
    None for a title shorter than ``min_words`` words or four letters."""
    words = re.split(r"[:.?!]", title, maxsplit=1)[0].split()[:4]
    if len(words) < min_words or len(" ".join(words)) < 4:
        return None
    return re.compile(r"\W+".join(re.escape(w) for w in words), re.IGNORECASE)


def _names_title(title: str, body: Sequence[str]) -> bool:
    pattern = title_pattern(title)
    return pattern is not None and any(pattern.search(chunk) for chunk in body)
