"""Find in-text citations in the body of an essay.

Handles parenthetical and narrative author-date citations (one, two, three or
more authors, "&"/"and", "et al.", corporate authors with an abbreviation,
"n.d.", year suffixes, locators, prefixes such as "see" and "e.g.",
possessives, "as cited in"), numeric brackets ([1], [1, 3], [2-5]), Markdown
footnotes ([^key]), LaTeX \\cite{a,b} and pandoc [@key; @other, p. 4].

Parentheses with years that are not citations are left alone: lifespans
"(1942-present)", ranges "(2022-2024)", dates "(January 2024)", titles in
quotes, and named things ("Camp David Accords (1978)") that match no entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from essaylint.analysis.text import DASHES, initials, name_key
from essaylint.models import Citation, Essay, Span

UPPER = "A-Z" + "".join(ch for ch in map(chr, range(0xC0, 0x530)) if ch.isupper() and ch.isalpha())
YEAR = r"(?:(?:1[5-9]\d\d|20\d\d)[a-z]?|n\.\s?d\.?|in\s+press|forthcoming)"
_YEAR_RE = re.compile(rf"^{YEAR}$", re.IGNORECASE)
_ANY_YEAR = re.compile(rf"(?<![\w{DASHES}]){YEAR}(?![\w{DASHES}])", re.IGNORECASE)
_LOCATOR = re.compile(
    r"^(?:(?:pp?|paras?|pars?|ch|chap|chapters?|sec|sections?|secs?|fig|figs?|table|"
    r"slides?|mins?|lines?|vols?|no|nos|loc|location|part|art|§|¶)\.?\s*[\w:.\-–—]+"
    r"(?:\s*[-–—,&]\s*[\w:.]+)*|\d{1,2}:\d\d(?::\d\d)?|\d{1,4}(?:\s*[-–—]\s*\d{1,4})?)"
    r"(?:\s*,\s*.{0,40})?$",
    re.IGNORECASE,
)
_PAREN = re.compile(r"\(((?:[^()\n]|\n(?![ \t]*\r?\n)){2,500})\)")
_PREFIX = re.compile(
    r"^(?:(?:see\s+also|see|e\.\s?g\.|i\.\s?e\.|cf\.|for\s+example|for\s+instance|"
    r"for\s+a\s+review,?\s+see|as\s+reviewed\s+(?:in|by)|as\s+reported\s+(?:in|by)|"
    r"as\s+discussed\s+(?:in|by)|also|but\s+see|compare|quoted\s+in|citing|"
    r"reviewed\s+(?:in|by)|following|after|adapted\s+from|from|via|in|by)[,:]?\s+)+",
    re.IGNORECASE,
)
_AS_CITED = re.compile(r",?\s*(?:as\s+)?(?:cited|quoted)\s+(?:in|by)\s+", re.IGNORECASE)
_ET_AL = re.compile(r"\s*,?\s+et\.?\s+al\.?(?:\s*['’]s?)?\s*$|\s+and\s+(?:others|colleagues)\s*$")
_NAME_SPLIT = re.compile(r"\s*,\s*(?:&|and)\s+|\s+(?:&|and)\s+|\s*,\s*")
_ABBR = re.compile(r"\s*[\[(]([A-Z][A-Za-z&.]{1,12})[\])]\s*$")
_CORP_SUFFIX = frozenset({"inc", "inc.", "ltd", "ltd.", "llc", "co", "co.", "corp", "corp.",
                          "plc", "gmbh", "s.a.", "ag", "llp"})  # fmt: skip
_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
    ]
)
_LOWER_CONNECTORS = frozenset(
    {"and", "&", "of", "for", "the", "at", "on", "in", "with", "van", "von", "de", "der", "den",
     "la", "le", "du", "da", "di", "del", "della", "dos", "das", "y", "e", "to", "et", "al", "al."}
)  # fmt: skip
# Capitalised words that start a sentence before the author's name: dropped.
_SENTENCE_WORDS = frozenset(
    [
        "a",
        "an",
        "in",
        "as",
        "however",
        "according",
        "while",
        "although",
        "also",
        "both",
        "then",
        "thus",
        "hence",
        "moreover",
        "furthermore",
        "similarly",
        "recently",
        "later",
        "earlier",
        "here",
        "finally",
        "first",
        "second",
        "third",
        "for",
        "when",
        "after",
        "before",
        "since",
        "because",
        "like",
        "unlike",
        "following",
        "per",
        "using",
        "see",
        "indeed",
        "notably",
        "only",
        "even",
        "yet",
        "but",
        "and",
        "or",
        "so",
        "many",
        "some",
        "most",
        "other",
        "others",
        "previous",
        "researchers",
        "scholars",
        "authors",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "their",
        "his",
        "her",
        "our",
        "we",
        "they",
        "he",
        "she",
        "i",
        "you",
        "research",
        "study",
        "studies",
    ]
)
# Capitalised words that name things, not authors: "Table (2010)", "Accords (1978)".
_NOT_AUTHORS = (
    _SENTENCE_WORDS
    | _MONTHS
    | frozenset(
        """report reports paper papers article chapter table figure fig section appendix act
        accords accord summit war agreement treaty olympics games conference edition version
        volume issue pages phase example question answer exam unit week year monday tuesday
        wednesday thursday friday saturday sunday today yesterday""".split()
    )
)
_INITIALS_ONLY = re.compile(r"(?:[A-Z]\.[\s-]?){1,3}")
_LEADING_PARTICLES = re.compile(
    r"^(?:(?:van|von|de|der|den|del|della|di|da|du|dos|le|la|ten|ter)\s+)+"
)
_ORG_WORDS = frozenset(
    [
        "organization",
        "organisation",
        "institute",
        "university",
        "association",
        "society",
        "council",
        "agency",
        "department",
        "ministry",
        "office",
        "foundation",
        "academy",
        "college",
        "school",
        "centre",
        "center",
        "company",
        "group",
        "bank",
        "committee",
        "commission",
        "board",
        "network",
        "news",
        "times",
        "press",
    ]
)
_LEAD_IN = re.compile(
    r"(?:\b(?:according\s+to|by|as|in|from|see|per|following|cited\s+in|and|&|work\s+of|"
    r"study\s+of|research\s+of|view\s+of))\s*$",
    re.IGNORECASE,
)
_REPORTING = re.compile(
    r"^\s*,?\s*(?:(?:also|further|similarly|however|first|later|again|then|rightly|"
    r"convincingly|famously)\s+)?(?:argue|note|state|found|find|suggest|show|report|explain|"
    r"claim|describe|define|propose|observe|write|wrote|say|said|emphasi[sz]e|point|"
    r"demonstrate|conclude|contend|assert|highlight|maintain|insist|recommend|identif|"
    r"discuss|examine|investigate|develop|introduce|believe|posit|indicate|reveal|stress|"
    r"add|acknowledge|mention|warn|reason|outline|summari[sz]e|list|call|refer|theori[sz]e|"
    r"coin|term|predict|estimate|agree|disagree|challenge|question|criticis|critici[sz]|"
    r"observ|put\s+forward|sugges|remark|caution)",
    re.IGNORECASE,
)
_NUMERIC = re.compile(
    r"(?<![!\]\w])\[(\d{1,3}(?:\s*[-–—]\s*\d{1,3})?(?:\s*[,;]\s*\d{1,3}(?:\s*[-–—]\s*\d{1,3})?)*)\]"
    r"(?![(:\[])"
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\r?\n|^[ \t]*#+ .*\n", re.MULTILINE)
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_LATEX_CITE = re.compile(
    r"\\(?P<cmd>[a-zA-Z]*cite[a-zA-Z]*)\*?(?P<opt1>\[[^\]]*\])?(?P<opt2>\[[^\]]*\])?\{(?P<keys>[^}]*)\}"
)
_PANDOC_GROUP = re.compile(r"\[(?P<body>[^\[\]\n]*?-?@[\w][^\[\]\n]*)\]")
_PANDOC_ITEM = re.compile(
    r"(?P<prefix>[^@;]*?)-?@(?P<key>[\w][\w:.#$%&\-+?<>~/]*[\w])(?P<rest>[^;]*)"
)
_NARRATIVE = re.compile(
    r"(?P<names>(?:(?:van|von|de|del|della|di|da|du|le|la|der|den|ten|ter)\s+)?"
    r"[_*]*(?:[A-Z]\.|[A-Z][\w\-]*(?:['’][A-Z][\w\-]*)?)[_*]*"
    r"(?:(?:\s+|,\s*|,?\s+(?:and|&)\s+)"
    r"(?:(?:van|von|de|der|den|la|le|du|da|di|of|for|the|at|on|in|with|ten|ter)\s+)*"
    r"[_*]*(?:[A-Z]\.|[A-Z][\w\-]*(?:['’][A-Z][\w\-]*)?)[_*]*){0,14})"
    r"(?P<etal>,?\s+et\.?\s+al\.?|\s+and\s+(?:colleagues|others|co-?workers|associates))?"
    r"(?P<poss>['’]s?)?"
    r"(?P<gap>(?:\s+[a-z][\w\-]*){1,3})?"
    r"\s*$".replace("[A-Z]", f"[{UPPER}]")
)


@dataclass(frozen=True)
class _Part:
    start: int
    end: int
    text: str


def _strip_markup(name: str) -> str:
    return name.strip().strip("_*").strip()


def _split_parts(content: str, offset: int) -> list[_Part]:
    parts: list[_Part] = []
    pos = 0
    for piece in content.split(";"):
        lead = len(piece) - len(piece.lstrip())
        stripped = piece.strip()
        if stripped:
            start = offset + pos + lead
            parts.append(_Part(start, start + len(stripped), stripped))
        pos += len(piece) + 1
    return parts


def _looks_like_names(authors: str) -> bool:
    if not authors or len(authors) > 160:
        return False
    if any(ch.isdigit() for ch in authors):
        return False
    lead = _LEADING_PARTICLES.sub("", authors.lstrip('_*"“'))
    first = lead[:1]
    if not first or not first.isupper():
        return False
    words = [w for w in re.split(r"[\s,]+", authors) if w]
    if len(words) > 14:
        return False
    if words[0].casefold().strip(".") in _MONTHS:
        return False
    lower = [w for w in words if w[:1].islower() and w.casefold() not in _LOWER_CONNECTORS]
    if len(lower) > max(1, len(words) // 3):
        return False
    # Sentence punctuation inside means this is prose, not an author list.
    return not re.search(r"[!?:]|\.\s+[a-z]", authors)


def split_author_names(authors: str) -> tuple[tuple[str, ...], bool, str | None]:
    """ "Krause, Croft & James" -> (("Krause", "Croft", "James"), False, None)."""
    text = _strip_markup(authors)
    alias = None
    abbr = _ABBR.search(text)
    if abbr:
        alias = abbr.group(1).rstrip(".")
        text = text[: abbr.start()].strip()
    et_al = False
    m = _ET_AL.search(text)
    if m:
        et_al = True
        text = text[: m.start()].strip()
    names: list[str] = []
    for piece in _NAME_SPLIT.split(text):
        piece = _strip_markup(piece).rstrip(",")
        if not piece:
            continue
        if piece.casefold() in _CORP_SUFFIX and names:
            names[-1] = f"{names[-1]}, {piece}"
            continue
        if names and _INITIALS_ONLY.fullmatch(piece):
            continue  # "(Smith, J., 2019)": the author's initials, not a co-author
        names.append(piece)
    return tuple(names), et_al, alias


def _split_author_years(part: str) -> tuple[str, list[str], str | None] | None:
    """ "Pan, Lu & Chau, 2019a, 2020, p. 71" -> ("Pan, Lu & Chau", ["2019a", "2020"], "p. 71")."""
    matches = list(_ANY_YEAR.finditer(part))
    if not matches:
        return None
    first = matches[0]
    authors = part[: first.start()].rstrip().rstrip(",").rstrip()
    years = [first.group(0)]
    pos = first.end()
    for m in matches[1:]:
        between = part[pos : m.start()]
        if re.fullmatch(r"\s*,\s*", between):
            years.append(m.group(0))
            pos = m.end()
        else:
            break
    rest = part[pos:].strip().lstrip(",:").strip()
    locator = None
    if rest:
        if not _LOCATOR.match(rest):
            return None
        locator = rest
    return authors, years, locator


def _make(
    span: Span,
    text: str,
    names: tuple[str, ...],
    et_al: bool,
    year: str,
    *,
    locator: str | None = None,
    narrative: bool = False,
    prefix: str | None = None,
    secondary: bool = False,
    alias: str | None = None,
) -> Citation:
    return Citation(
        span=span,
        text=text,
        kind="author-date",
        authors=names,
        et_al=et_al,
        year=re.sub(r"\s+", "", year) if year.lower().startswith("n") else year,
        locator=locator,
        narrative=narrative,
        prefix=prefix,
        secondary=secondary,
        alias=alias,
    )


class _Extractor:
    def __init__(self, text: str, known: frozenset[str]) -> None:
        self.text = text
        self.known = known

    # -- narrative -----------------------------------------------------------------
    def _resolve_names(self, names: tuple[str, ...]) -> tuple[str, ...] | None:
        """Trim sentence words and given names from a narrative author phrase."""
        items = list(names)
        while items:
            words = items[0].split()
            while len(words) > 1 and words[0].strip("_*").casefold() in _SENTENCE_WORDS:
                words = words[1:]
            if len(words) == 1 and words[0].strip("_*").casefold() in _SENTENCE_WORDS:
                items = items[1:]
                continue
            items[0] = " ".join(words)
            break
        if not items:
            return None
        # Prefer the longest tail of the list whose first name is in the reference list.
        for start in range(len(items)):
            candidate = self._known_form(items[start])
            if candidate is not None:
                return (candidate, *items[start + 1 :])
        return tuple(items)

    def _known_form(self, item: str) -> str | None:
        words = item.split()
        for i in range(len(words)):
            tail = " ".join(words[i:])
            if name_key(tail) in self.known:
                return tail
        return None

    def narrative(
        self, group_start: int, years: list[str], locator: str | None, close: int
    ) -> list[Citation]:
        window_start = max(0, group_start - 220)
        before = self.text[window_start:group_start]
        breaks = list(_PARAGRAPH_BREAK.finditer(before))
        if breaks:
            before = before[breaks[-1].end() :]
            window_start = group_start - len(before)
        m = _NARRATIVE.search(before)
        if not m or not m.group("names"):
            return []
        if m.group("gap") and not m.group("poss"):
            return []
        name_start = window_start + m.start("names")
        preceding = self.text[max(0, name_start - 1) : name_start]
        if preceding and preceding in "\"“‘'":
            return []  # a quoted title followed by its year
        raw_names, et_al, alias = split_author_names(m.group("names"))
        et_al = et_al or bool(m.group("etal"))
        resolved = self._resolve_names(raw_names)
        if not resolved:
            return []
        known = name_key(resolved[0]) in self.known
        first_words = resolved[0].split()
        if (
            not known
            and m.group("poss")
            and len(first_words) == 2
            and not _ORG_WORDS & {w.casefold() for w in first_words}
        ):
            # "Edgar Dale's cones of learning (1946)": a person, cited by family name.
            resolved = (first_words[1], *resolved[1:])
            first_words = first_words[1:]
        if first_words[-1].strip("_*.").casefold() in _NOT_AUTHORS:
            return []
        if any(ch.isdigit() for ch in resolved[0]):
            return []  # "COVID-19 (2020)", "Windows 11 (2021)"
        if not known and not self._plausible_unknown(
            resolved, et_al, bool(m.group("poss")), years, name_start, close
        ):
            return []
        # Re-anchor the span on the resolved first name.
        first_pos = self.text.find(resolved[0].split()[0], name_start, group_start)
        start = first_pos if first_pos >= 0 else name_start
        span = Span(start=start, end=close)
        text = self.text[start:close]
        return [
            _make(span, text, resolved, et_al, y, locator=locator, narrative=True, alias=alias)
            for y in years
        ]

    def _plausible_unknown(
        self,
        names: tuple[str, ...],
        et_al: bool,
        possessive: bool,
        years: list[str],
        name_start: int,
        close: int,
    ) -> bool:
        """Is an author missing from the list really being cited, or is it a named thing?

        "Harry Potter (2001) became a hit" names a film; "According to Poly
        Technic (n.d.)" and "Edgar Dale's cone (1946)" cite a work. Without an
        entry to confirm it, a name of several words needs a cue: several
        authors, "et al.", a possessive, "n.d.", a lead-in ("according to",
        "by") or a reporting verb right after the parenthesis. A single
        surname ("Delanty (2002)") is taken as a citation.
        """
        first_words = names[0].split()
        if len(first_words) > 4:
            return False
        if len(names) > 1 or et_al or possessive or len(first_words) == 1:
            return True
        if any(y.lower().startswith(("n", "in", "f")) for y in years):
            return True
        before = self.text[max(0, name_start - 40) : name_start]
        after = self.text[close : close + 60]
        return bool(_LEAD_IN.search(before) or _REPORTING.match(after))

    # -- parenthetical ---------------------------------------------------------------
    def abbreviation_owner(self, abbr: str, group_start: int) -> str | None:
        """ "The University of North Carolina at Chapel Hill (UNC, 2025)" -> the full name."""
        before = self.text[max(0, group_start - 200) : group_start]
        m = re.search(
            r"((?:[A-Z][\w'’\-]*|of|for|the|and|at|on|in|&)(?:\s+(?:[A-Z][\w'’\-]*|of|for|the|and|at|on|in|&))*)\s*$",
            before,
        )
        if not m:
            return None
        words = m.group(1).split()
        while words and words[0] in {"of", "for", "the", "and", "at", "on", "in", "&"}:
            words = words[1:]
        phrase = " ".join(words)
        letters = initials(" ".join(words[1:]) if words[:1] == ["The"] else phrase)
        if len(phrase.split()) < 2 or not letters or letters[0] != abbr[0]:
            return None
        it = iter(letters)
        if all(ch in it for ch in abbr.upper() if ch.isalpha()):
            return phrase
        return None

    def parenthetical(self, match: re.Match[str]) -> list[Citation]:
        content = match.group(1)
        if not _ANY_YEAR.search(content):
            return []
        group_start, close = match.start(), match.end()
        parts = _split_parts(content, match.start(1))
        out: list[Citation] = []
        for index, part in enumerate(parts):
            out.extend(self._part(part, index, len(parts), group_start, close))
        return out

    def _part(
        self, part: _Part, index: int, count: int, group_start: int, close: int
    ) -> list[Citation]:
        text = part.text
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
        if pm and pm.end() < len(text):
            prefix = text[: pm.end()].strip()
            text = text[pm.end() :]
        parsed = _split_author_years(text)
        if parsed is None:
            return []
        authors, years, locator = parsed
        if not authors:
            if index == 0 and not secondary and prefix is None:
                return self.narrative(group_start, years, locator, close)
            return []
        if not _looks_like_names(authors):
            return []
        names, et_al, alias = split_author_names(authors)
        if not names:
            return []
        if count == 1:
            span = Span(start=group_start, end=close)
            shown = self.text[group_start:close]
        else:
            span = Span(start=part.start, end=part.end)
            shown = part.text
        if (
            len(names) == 1
            and re.fullmatch(r"[A-Z][A-Za-z&]{1,9}", names[0])
            and names[0].isupper()
            and name_key(names[0]) not in self.known
        ):
            owner = self.abbreviation_owner(names[0], group_start)
            if owner is not None:
                start = self.text.rfind(owner, max(0, group_start - 220), group_start)
                span = Span(start=start if start >= 0 else group_start, end=close)
                return [
                    _make(span, self.text[span.start : close], (owner,), False, y,
                          locator=locator, narrative=True, alias=names[0])
                    for y in years
                ]  # fmt: skip
        return [
            _make(span, shown, names, et_al, y, locator=locator, prefix=prefix,
                  secondary=secondary, alias=alias)
            for y in years
        ]  # fmt: skip


def _regions(essay: Essay) -> list[Span]:
    """The body minus the excluded spans."""
    regions: list[Span] = []
    pos = essay.body.start
    for ex in essay.excluded:
        if ex.end <= pos or ex.start >= essay.body.end:
            continue
        if ex.start > pos:
            regions.append(Span(start=pos, end=min(ex.start, essay.body.end)))
        pos = max(pos, ex.end)
    if pos < essay.body.end:
        regions.append(Span(start=pos, end=essay.body.end))
    return regions


def _inside(regions: list[Span], start: int, end: int) -> bool:
    return any(r.start <= start and end <= r.end for r in regions)


def _expand_numbers(spec: str) -> list[int]:
    numbers: list[int] = []
    for piece in re.split(r"\s*[,;]\s*", spec):
        bounds = re.split(r"\s*[-–—]\s*", piece)
        if len(bounds) == 2 and bounds[0].isdigit() and bounds[1].isdigit():
            lo, hi = int(bounds[0]), int(bounds[1])
            if 0 < lo <= hi and hi - lo <= 50:
                numbers.extend(range(lo, hi + 1))
        elif piece.isdigit():
            numbers.append(int(piece))
    return numbers


def _author_date(text: str, regions: list[Span], known: frozenset[str]) -> Iterator[Citation]:
    extractor = _Extractor(text, known)
    for region in regions:
        for m in _PAREN.finditer(text, region.start, region.end):
            yield from extractor.parenthetical(m)


def _numeric(text: str, regions: list[Span]) -> Iterator[Citation]:
    for region in regions:
        for m in _NUMERIC.finditer(text, region.start, region.end):
            span = Span(start=m.start(), end=m.end())
            for n in _expand_numbers(m.group(1)):
                yield Citation(span=span, text=m.group(0), kind="numeric", number=n)


def _footnotes(text: str, regions: list[Span]) -> Iterator[Citation]:
    for region in regions:
        for m in _FOOTNOTE_REF.finditer(text, region.start, region.end):
            yield Citation(
                span=Span(start=m.start(), end=m.end()), text=m.group(0), kind="footnote",
                key=m.group(1),
            )  # fmt: skip


def _latex(text: str, regions: list[Span]) -> Iterator[Citation]:
    for region in regions:
        for m in _LATEX_CITE.finditer(text, region.start, region.end):
            if m.group("cmd") == "nocite":
                continue
            opts = [o[1:-1] for o in (m.group("opt1"), m.group("opt2")) if o]
            locator = opts[-1].replace("~", " ") if opts and opts[-1] else None
            narrative = m.group("cmd") in {"citet", "textcite", "Textcite", "citeauthor"}
            span = Span(start=m.start(), end=m.end())
            for key in (k.strip() for k in m.group("keys").split(",")):
                if key:
                    yield Citation(span=span, text=m.group(0), kind="key", key=key,
                                   locator=locator, narrative=narrative)  # fmt: skip


def _pandoc(text: str, regions: list[Span]) -> Iterator[Citation]:
    for region in regions:
        for m in _PANDOC_GROUP.finditer(text, region.start, region.end):
            body = m.group("body")
            if "](" in text[m.end() - 1 : m.end() + 1] or re.search(r"\w@", body):
                continue  # a link or an e-mail address
            span = Span(start=m.start(), end=m.end())
            for item in _PANDOC_ITEM.finditer(body):
                rest = item.group("rest").strip().lstrip(",").strip()
                yield Citation(span=span, text=m.group(0), kind="key", key=item.group("key"),
                               locator=rest or None,
                               prefix=item.group("prefix").strip() or None)  # fmt: skip


def extract_citations(
    text: str,
    essay: Essay,
    *,
    known_names: Iterable[str] = (),
    numeric: bool | None = None,
    latex: bool = False,
) -> tuple[Citation, ...]:
    """Every citation in the essay body, in document order.

    ``known_names`` are name keys (see :func:`name_key`) of the reference list's
    authors and aliases; they decide where a narrative author phrase starts
    ("Research by Claude Steele (1988)" -> Steele). ``numeric`` forces numeric
    bracket citations on or off; by default they are read when the text has no
    author-date citations or looks numeric.
    """
    regions = _regions(essay)
    known = frozenset(known_names)
    found: list[Citation] = list(_author_date(text, regions, known))
    found.extend(_footnotes(text, regions))
    if latex:
        found.extend(_latex(text, regions))
    found.extend(_pandoc(text, regions))
    numbers = list(_numeric(text, regions))
    use_numeric = (
        numeric if numeric is not None else (len(numbers) >= 2 and len(numbers) >= len(found))
    )
    if use_numeric:
        found.extend(numbers)
    found.sort(key=lambda c: (c.span.start, c.span.end))
    return tuple(_dedupe(found))


def _dedupe(citations: list[Citation]) -> Iterator[Citation]:
    seen: set[tuple[int, int, str, tuple[str, ...], str | None, int | None, str | None]] = set()
    for c in citations:
        key = (c.span.start, c.span.end, c.kind, c.authors, c.year, c.number, c.key)
        if key in seen:
            continue
        seen.add(key)
        yield c
