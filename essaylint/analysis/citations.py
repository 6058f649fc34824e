"""Find in-text citations in the body of an essay.

Handles parenthetical and narrative author-date citations (one, two, three or
more authors, "&"/"and"/"with", "et al.", corporate authors with an
abbreviation, "n.d.", year suffixes, locators, prefixes such as "see" and
"e.g.", possessives, "as cited in"; a person named with given names, "John
Bowlby (1969)", is keyed on the family name), numeric brackets ([1], [1, 3], [2-5]), Markdown
footnotes ([^key]), LaTeX \\cite{a,b} and pandoc [@key; @other, p. 4].

Parentheses with years that are not citations are left alone: lifespans
"(1942-present)", ranges "(2022-2024)", dates "(January 2024)", titles in
quotes, and named things ("Camp David Accords (1978)") that match no entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from essaylint.analysis.names import looks_corporate, natural_family
from essaylint.analysis.text import DASHES, LATEX_CITE, YEAR, initials, name_key
from essaylint.models import Citation, Essay, Reference, Span

UPPER = "A-Z" + "".join(ch for ch in map(chr, range(0xC0, 0x530)) if ch.isupper() and ch.isalpha())
# A year, "2019a", "n.d."; a decade, "1950s", is not a year ("s" after a 0 is no suffix).
NEAR_WHOLE = 80.0  # rapidfuzz ratio at which a whole cited name is a near miss of an entry
_YEAR_RE = re.compile(rf"^{YEAR}$", re.IGNORECASE)
_ANY_YEAR = re.compile(rf"(?<![\w{DASHES}]){YEAR}(?![\w{DASHES}])", re.IGNORECASE)
_LOCATOR = re.compile(
    r"^(?:(?:pp?|paras?|pars?|ch|chap|chapters?|sec|sections?|secs?|fig|figs?|table|"
    r"slides?|mins?|lines?|vols?|no|nos|loc|location|part|art|§|¶)\.?\s*[\w:.\-–—]+"
    r"(?:\s*[-–—,&]\s*[\w:.]+)*|\d{1,2}:\d\d(?::\d\d)?|\d{1,4}(?:\s*[-–—]\s*\d{1,4})?|"
    # any short word and a number, letter or numeral: "Question 7", "Appendix B", "Unit IV";
    # not a joining word and another year: "Windows (2016 and 2019)", "(2019, since 2020)"
    r"(?!(?:and|or|to|in|since|until|from|by|between|before|after)\b)"
    r"(?-i:[A-Za-z][a-z]{1,19}(?:\.\s*|\s+)(?!(?:1[5-9]|20)\d\d\b)"
    r"(?:\d[\w.:]*|[A-Z]\d{0,3}\b|[IVXLC]{1,6}\b))"
    r"(?:\s*[-–—,&]\s*[\w:.]+)*)"
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
_ET_AL = re.compile(
    r"\s*,?\s+et\.?\s*al\.?(?:\s*['’]s?)?\s*$|\s+and\s+(?:others|colleagues)\s*$", re.IGNORECASE
)
_NAME_SPLIT = re.compile(r"\s*,\s*(?:&|and)\s+|\s+(?:&|and)\s+|\s*,\s*")
# Joins inside a narrative author phrase, kept by re.split (the group).
_LIST_JOIN = re.compile(r"(\s*,\s*(?:&|and)\s+|\s+(?:&|and|with)\s+|\s*,\s*)")
# Capitalised words that start a sentence before "with" + author: not co-authors.
_WITH_LEADS = frozenset(
    """along agreeing combined compared comparing consistent contrasted dealing together
    starting beginning working line keeping accordance""".split()
)
_ABBR = re.compile(r"\s*[\[(]([A-Z][A-Za-z&.]{1,12})[\])]\s*$")
_ABBREVIATION = re.compile(r"[A-Z][A-Za-z&]{1,9}")
_OWNER_CONNECTORS = frozenset({"of", "for", "the", "and", "at", "on", "in", "&"})
# The run of capitalised words (and connectors) just before a parenthesis.
_OWNER_PHRASE = re.compile(
    r"((?:[A-Z][\w'’/\-]*|of|for|the|and|at|on|in|&)(?:\s+(?:[A-Z][\w'’/\-]*|of|for|the|and|at|on|in|&))*)\s*$"
)
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
    r"observ|put\s+forward|sugges|remark|caution|notic|recall|explor|studi|analy[sz])",
    re.IGNORECASE,
)
# A publication named after "published in", "in the journal": a container, not an author.
_PUBLISHED_IN = re.compile(
    r"(?:\b(?:published|appeared|appearing|printed|featured)\s+in\s+(?:the\s+)?"
    r"(?:(?:journal|magazine|newspaper|periodical)\s+)?|\bin\s+the\s+"
    r"(?:journal|magazine|newspaper|periodical)\s+)$",
    re.IGNORECASE,
)
# A field of study, not an author: "Research in Cyberpsychology", "research on Social Work".
_TOPIC = r"(?:research|stud(?:y|ies)|work|findings|evidence|advances|trends|progress|issues)"
_TOPIC_BEFORE = re.compile(rf"\b{_TOPIC}\s+(?:in|on|into|about)\s+(?:the\s+)?$", re.IGNORECASE)
_TOPIC_HEAD = re.compile(rf"^{_TOPIC}\s+(?:in|on|into|about)\s", re.IGNORECASE)
# A person's role just before the name: "the psychiatrist John Bowlby (1969)".
_ROLE_BEFORE = re.compile(
    r"\b(?:[a-z]+(?:ist|ian|pher)|researcher|author|writer|professor|scholar|expert|critic|"
    r"engineer|designer|educator|teacher|founder|doctor|surgeon|nurse)\s+$"
)
# One bracket of numbers, "[3]", "[1, 4-6]", or Markdown-escaped "\\[3\\]" (pandoc).
_NUMBER_SPEC = r"\d{1,3}(?:\s*[-–—]\s*\d{1,3})?(?:\s*[,;]\s*\d{1,3}(?:\s*[-–—]\s*\d{1,3})?)*"
_NUMBER_BRACKET = re.compile(rf"\\?\[({_NUMBER_SPEC})\\?\]")
# A run of such brackets, "[15]–[17], [19]" or "[10][11]". Not an image "![3](x.png)", a
# link label "[text][3]" or a link definition "[3]: https://..." (at the start of its
# line); a link whose text is the number, "[13](#cite13)", and "COMPAS [9]: a tool", are.
_NUMERIC = re.compile(
    rf"(?<![!\]]){_NUMBER_BRACKET.pattern}(?:\s*(?:[-–—,;]\s*)?{_NUMBER_BRACKET.pattern})*"
)


def _link_definition(text: str, match: re.Match[str]) -> bool:
    """ "[3]: https://..." at the start of its line defines a Markdown link; it cites nothing."""
    if not text.startswith(":", match.end()):
        return False
    line_start = text.rfind("\n", 0, match.start()) + 1
    return not text[line_start : match.start()].strip()


_RANGE_DASH = re.compile(r"\s*[-–—]\s*")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\r?\n|^[ \t]*#+ .*\n", re.MULTILINE)
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_PANDOC_GROUP = re.compile(r"\[(?P<body>[^\[\]\n]*?-?@[\w][^\[\]\n]*)\]")
_PANDOC_ITEM = re.compile(
    r"(?P<prefix>[^@;]*?)-?@(?P<key>[\w][\w:.#$%&\-+?<>~/]*[\w])(?P<rest>[^;]*)"
)
_NARRATIVE = re.compile(
    # The name starts a word: "while Smith" is not "le Smith", "made Smith" not "de Smith".
    r"(?P<names>(?<!\w)(?:(?:van|von|de|del|della|di|da|du|le|la|der|den|ten|ter)\s+)?"
    r"[_*]*(?:[A-Z]\.|[A-Z][\w\-]*(?:['’][A-Z][\w\-]*)?)[_*]*"
    r"(?:(?:\s+|,\s*|,?\s+(?:and|&)\s+)"
    r"(?:(?:van|von|de|der|den|la|le|du|da|di|of|for|the|at|on|in|with|ten|ter)\s+)*"
    r"[_*]*(?:[A-Z]\.|[A-Z][\w\-]*(?:['’][A-Z][\w\-]*)?)[_*]*){0,14})"
    r"(?P<etal>,?\s+et\.?\s*[Aa]l\.?|\s+and\s+(?:colleagues|others|co-?workers|associates))?"
    r"(?P<poss>['’]s?)?"
    r"(?P<gap>(?:\s+[a-z][\w\-]*){1,3})?"
    r",?\s*$".replace("[A-Z]", f"[{UPPER}]")  # "According to Mishra, (2024)": a stray comma
)

# "Maslow's Hierarchy of Needs (1943)": a possessor, then a title-cased concept before the year.
_POSSESSIVE_CONCEPT = re.compile(
    r"(?<![\w'’])(?P<owner>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?)['’]s?"
    r"(?P<concept>(?:\s+(?:[A-Z][\w\-]*|of|the|and|for|in|on|to|a|an|&)){1,8})\s*$".replace(
        "[A-Z]", f"[{UPPER}]"
    )
)
_CONCEPT_WORDS = 5  # at most this many words, possessor included, when no entry confirms it
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an|this|that|its|their|our|his|her)\s+$", re.IGNORECASE)
_COAUTHOR_BEFORE = re.compile(r"(?:[A-Z][\w\-]*|\bal\.?)\s*,?\s*(?:and|&)\s*$")
# A possessive inside an organisation's name: "the Children's Hospital", "St John's College".
_INSTITUTION_WORDS = frozenset(
    """foundation hospital institute university college society association council trust
    school centre center clinic museum library church company""".split()
)


@dataclass(frozen=True)
class _Part:
    start: int
    end: int
    text: str


def _strip_markup(name: str) -> str:
    return name.strip().strip("_*").strip()


def _is_abbreviation(name: str) -> bool:
    """ "UNC", "WHO", "DfE": two or more capitals, no more lower-case letters than capitals."""
    if not _ABBREVIATION.fullmatch(name):
        return False
    upper = sum(ch.isupper() for ch in name)
    return upper >= 2 and sum(ch.islower() for ch in name) < upper


def _join_kind(join: str) -> str:
    """ "comma", "with" or "and" (also "&", ", and", ", &")."""
    if "with" in join:
        return "with"
    return "comma" if join.strip() == "," else "and"


def _list_items(phrase: str) -> tuple[list[str], list[str]]:
    """Split a narrative author phrase into names and the kinds of join between them.

    Initials after a surname ("Baum, F., MacDougall, C. and Smith, D.") and
    company suffixes ("Zentangle, Inc") belong to the name before them.
    """
    pieces = _LIST_JOIN.split(phrase)
    items = [_strip_markup(pieces[0])]
    joins: list[str] = []
    for join, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        item = _strip_markup(piece)
        if items[-1] and join.strip() == "," and _INITIALS_ONLY.fullmatch(item):
            continue
        if items[-1] and join.strip() == "," and item.casefold() in _CORP_SUFFIX:
            items[-1] = f"{items[-1]}, {item}"
            continue
        items.append(item)
        joins.append(_join_kind(join))
    return items, joins


def _trim_sentence_words(item: str) -> str:
    """Drop capitalised sentence words before a name: "However Smith" -> "Smith"."""
    words = item.split()
    while words and words[0].strip("_*").casefold() in _SENTENCE_WORDS:
        words = words[1:]
    return " ".join(words)


def _strip_alias_et_al(text: str) -> tuple[str, str | None, bool]:
    """ "World Health Organization [WHO]" -> (name, "WHO", False); "Cohen et al." -> et al."""
    alias = None
    abbr = _ABBR.search(text)
    if abbr:
        alias = abbr.group(1).rstrip(".")
        text = text[: abbr.start()].strip()
    m = _ET_AL.search(text)
    if m:
        return text[: m.start()].strip(), alias, True
    return text, alias, False


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


# "W3C", "HL7", "G20"; not a course code such as "ELEN4019".
_ACRONYM_WITH_DIGITS = re.compile(r"^[A-Z]{1,6}\d{1,2}[A-Z]{0,4}[,.]?$")


# Full stops that are not sentence ends: "et. al", and an abbreviated word of an
# organisation's name before "of"/"and"/"for" ("U.S. Dept. of Health").
_ET_AL_WORDS = re.compile(r"\bet\.?\s*al\b\.?", re.IGNORECASE)
_ABBREVIATED_WORD = re.compile(r"\b([A-Z][a-z]{1,4})\.(?=\s+(?:of|and|for)\s+[A-Z])")


def _looks_like_names(authors: str) -> bool:
    if not authors or len(authors) > 160:
        return False
    if any(ch.isdigit() for ch in authors) and not all(
        _ACRONYM_WITH_DIGITS.match(word)
        for word in authors.split()
        if any(c.isdigit() for c in word)
    ):
        return False  # digits only inside an organisation's short name: "W3C", "HL7", "G20"
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
    # Sentence punctuation inside means this is prose, not an author list ("et. al" aside).
    plain = _ABBREVIATED_WORD.sub(r"\1", _ET_AL_WORDS.sub("", authors))
    return not re.search(r"[!?:]|\.\s+[a-z]", plain)


def split_author_names(authors: str) -> tuple[tuple[str, ...], bool, str | None]:
    """ "Krause, Croft & James" -> (("Krause", "Croft", "James"), False, None)."""
    text, alias, et_al = _strip_alias_et_al(_strip_markup(authors))
    if looks_corporate(text) and "," not in text:
        return (text,), et_al, alias  # "Centers for Disease Control and Prevention"
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


_DATE_BEFORE_YEAR = re.compile(
    r",\s*(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
    r"(?:\s+\d{1,2})?$"
)


def _split_author_years(part: str) -> tuple[str, list[str], str | None] | None:
    """ "Pan, Lu & Chau, 2019a, 2020, p. 71" -> ("Pan, Lu & Chau", ["2019a", "2020"], "p. 71")."""
    matches = list(_ANY_YEAR.finditer(part))
    if not matches:
        return None
    first = matches[0]
    authors = part[: first.start()].rstrip().rstrip(",").rstrip()
    # "(Wang et al., June 2025)", "(BBC, 3 March 2020)": the date's day and month are no author.
    authors = _DATE_BEFORE_YEAR.sub("", authors).rstrip().rstrip(",").rstrip()
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
        # Abbreviations the text defines, by name key: "unc" -> "The University of ...".
        self.aliases: dict[str, str] = {}

    # -- narrative -----------------------------------------------------------------
    def _family(self, item: str, *, lenient: bool) -> str:
        """The name to key a cited author on: the family name of a person.

        A tail of the phrase that the reference list knows wins ("Claude
        Steele" -> "Steele", "Charles De Gaulle" -> "De Gaulle"); otherwise a
        person's name in natural order gives its family name ("Mary D.
        Ainsworth" -> "Ainsworth") and anything else stays whole ("Open
        Learning", "MIT OpenCourseWare"). So does a name that, whole, is
        nearer an entry than its last word is ("Poly Technic" for the entry
        "Open Polytechnic"): it is a misspelt organisation, not a person.
        """
        words = item.split()
        for i in range(len(words)):
            tail = " ".join(words[i:])
            if not _INITIALS_ONLY.fullmatch(words[i]) and name_key(tail) in self.known:
                return tail
        family = natural_family(item, lenient=lenient)
        if family is None or self._nearer_whole(item, family):
            return item
        return family

    def _nearer_whole(self, item: str, family: str) -> bool:
        whole, last = name_key(item), name_key(family)
        return any(
            fuzz.ratio(whole, key) >= NEAR_WHOLE and fuzz.ratio(whole, key) > fuzz.ratio(last, key)
            for key in self.known
        )

    def _author_list(self, phrase: str, et_al: bool) -> tuple[str, list[str]] | None:
        """Where a narrative author list starts, and its authors as written.

        "and", "&" and "with" join co-authors ("Epton and Harris"); a bare
        comma joins a short name only inside a list that ends in "and", "&"
        or "et al." ("Epton, Harris and Lee", "Corbet, Meegan, et al.").
        Otherwise the comma ends a clause and the authors come after it
        ("Unlike Freud, Bowlby", "the Lucas Asset Pricing Model, Mehra and
        Prescott"). Sentence words are trimmed from
        the head ("However", "As"); a head that had some ("In Britain, Smith
        and Jones") is dropped when the reference list knows the next author
        but not it.
        """
        items, joins = _list_items(phrase)
        if looks_corporate(phrase) and "," not in phrase:
            items, joins = [phrase], []  # "Centers for Disease Control and Prevention"
        first = len(items) - 1
        while first > 0:
            join = joins[first - 1]
            if join == "comma" and not (
                ("and" in joins[first:] or et_al)
                and len(_trim_sentence_words(items[first - 1]).split()) <= 3
            ):
                break
            if join == "with" and _trim_sentence_words(items[first - 1]).casefold() in _WITH_LEADS:
                break
            first -= 1
        items = items[first:]
        head = _trim_sentence_words(items[0])
        if not head:
            items = items[1:]
        elif head != items[0] and len(items) > 1 and joins[first] == "comma":
            known_head = name_key(self._family(head, lenient=False)) in self.known
            if not known_head and name_key(self._family(items[1], lenient=False)) in self.known:
                items = items[1:]
            else:
                items[0] = head
        else:
            items[0] = head
        items = [i for i in items if i]
        if not items:
            return None
        return items[0], items

    def _possessive_concept(
        self, before: str, window_start: int, years: list[str], locator: str | None, close: int
    ) -> list[Citation] | None:
        """ "Maslow's Hierarchy of Needs (1943)" cites Maslow 1943.

        Taken when the reference list knows the possessor, or when the phrase
        is short and title-cased and no name in the concept is known; not after
        an article ("the UK's National Health Service (1948)") and not inside an
        organisation's name. None when it does not apply.
        """
        m = _POSSESSIVE_CONCEPT.search(before)
        if not m or _COAUTHOR_BEFORE.search(before[: m.start("owner")]):
            return None  # "Smith and Jones's Model (2019)" is read as a list of authors
        owner = _trim_sentence_words(m.group("owner"))
        concept = m.group("concept").split()
        if not owner or not concept[-1][0].isupper():
            return None
        family = self._family(owner, lenient=True)
        known = name_key(family) in self.known
        if not known:
            words = len(owner.split()) + len(concept)
            if (
                words > _CONCEPT_WORDS
                or _ARTICLE_BEFORE.search(before[: m.start("owner")])
                or family.split()[-1].casefold() in _NOT_AUTHORS
                or any(w.casefold() in _INSTITUTION_WORDS for w in concept)
                or any(name_key(w) in self.known for w in concept if w[0].isupper())
            ):
                return None
        kept = len(owner.split())  # the words left after sentence words are trimmed
        first = list(re.finditer(r"\S+", m.group("owner")))[-kept]
        start = window_start + m.start("owner") + first.start()
        span = Span(start=start, end=close)
        text = self.text[start:close]
        return [
            _make(span, text, (family,), False, y, locator=locator, narrative=True) for y in years
        ]

    def narrative(
        self, group_start: int, years: list[str], locator: str | None, close: int
    ) -> list[Citation]:
        window_start = max(0, group_start - 220)
        before = self.text[window_start:group_start]
        breaks = list(_PARAGRAPH_BREAK.finditer(before))
        if breaks:
            before = before[breaks[-1].end() :]
            window_start = group_start - len(before)
        concept = self._possessive_concept(before, window_start, years, locator, close)
        if concept is not None:
            return concept
        m = _NARRATIVE.search(before)
        if not m or not m.group("names"):
            return []
        if m.group("gap") and not m.group("poss"):
            return []
        name_start = window_start + m.start("names")
        preceding = self.text[max(0, name_start - 1) : name_start]
        if preceding and preceding in "\"“‘'":
            return []  # a quoted title followed by its year
        phrase, alias, et_al = _strip_alias_et_al(_strip_markup(m.group("names")))
        et_al = et_al or bool(m.group("etal"))
        listed = self._author_list(phrase, et_al)
        if listed is None:
            return []
        head, written = listed
        resolved = tuple(self._family(name, lenient=True) for name in written)
        known = name_key(resolved[0]) in self.known
        lead = before[: m.start("names")]
        if not known and (
            _PUBLISHED_IN.search(lead) or _TOPIC_BEFORE.search(lead) or _TOPIC_HEAD.match(phrase)
        ):
            return []  # "published in the Journal of ...", "Research in Cyberpsychology, ..."
        defined = self.aliases.get(name_key(resolved[0]))
        if len(resolved) == 1 and not known and defined is not None:
            resolved, alias = (defined,), resolved[0]  # "DfE (2019)" once DfE is defined
        if resolved[0].split()[-1].strip("_*.").casefold() in _NOT_AUTHORS:
            return []
        if any(ch.isdigit() for ch in resolved[0]):
            return []  # "COVID-19 (2020)", "Windows 11 (2021)"
        if not known and not self._plausible_unknown(
            head, len(resolved), et_al, bool(m.group("poss")), years, name_start, close
        ):
            return []
        # Anchor the span on the first author's name as written ("John Bowlby (1969)").
        first_pos = self.text.find(head.split()[0], name_start, group_start)
        start = first_pos if first_pos >= 0 else name_start
        span = Span(start=start, end=close)
        text = self.text[start:close]
        return [
            _make(span, text, resolved, et_al, y, locator=locator, narrative=True, alias=alias)
            for y in years
        ]

    def _plausible_unknown(
        self,
        head: str,
        count: int,
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
        authors, "et al.", a possessive, "n.d.", an initial ("Mary D.
        Ainsworth"), a lead-in ("according to", "by"), a person's role before
        the name ("the psychiatrist John Bowlby") or a reporting verb right
        after the parenthesis. A single surname ("Delanty (2002)") is taken as a
        citation.
        """
        first_words = head.split()
        if len(first_words) > 4:
            return False
        if count > 1 or et_al or possessive or len(first_words) == 1:
            return True
        if natural_family(head, lenient=False) is not None:
            return True
        if any(y.lower().startswith(("n", "in", "f")) for y in years):
            return True
        before = self.text[max(0, name_start - 40) : name_start]
        after = self.text[close : close + 60]
        if _ROLE_BEFORE.search(before) and natural_family(head) is not None:
            return True
        return bool(_LEAD_IN.search(before) or _REPORTING.match(after))

    # -- parenthetical ---------------------------------------------------------------
    def abbreviation_owner(self, abbr: str, group_start: int) -> str | None:
        """ "The University of North Carolina at Chapel Hill (UNC, 2025)" -> the full name.

        The capitalised phrase just before the parenthesis owns the
        abbreviation when the abbreviation's capitals are, in order, among the
        phrase's initials and the first ones agree; words before the name ("As
        The University ...") are left out.
        """
        before = self.text[max(0, group_start - 200) : group_start]
        m = _OWNER_PHRASE.search(before)
        if not m:
            return None
        wanted = [ch for ch in abbr if ch.isupper()]
        words = m.group(1).split()
        for start in range(len(words) - 1):
            if words[start] in _OWNER_CONNECTORS:
                continue
            phrase = " ".join(words[start:])
            letters = initials(" ".join(words[start + 1 :]) if words[start] == "The" else phrase)
            if not letters or not wanted or letters[0] != wanted[0]:
                continue
            it = iter(letters)
            if all(ch in it for ch in wanted):
                return phrase
        return None

    def defined_abbreviation(self, match: re.Match[str]) -> None:
        """Remember "the Department for Education (DfE)" for a later "(DfE, 2019)"."""
        abbr = match.group(1).strip()
        if not _is_abbreviation(abbr) or name_key(abbr) in self.known:
            return
        owner = self.abbreviation_owner(abbr, match.start())
        if owner is not None:
            self.aliases.setdefault(name_key(abbr), owner)

    def parenthetical(self, match: re.Match[str]) -> list[Citation]:
        content = match.group(1)
        if not _ANY_YEAR.search(content):
            self.defined_abbreviation(match)
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
        # "(Mary D. Ainsworth, 1978)": a person is cited by the family name too; two or
        # more plain "Given Family" names joined by "&" read as people.
        names = tuple(self._family(name, lenient=len(names) > 1) for name in names)
        if count == 1:
            span = Span(start=group_start, end=close)
            shown = self.text[group_start:close]
        else:
            span = Span(start=part.start, end=part.end)
            shown = part.text
        if alias is not None:
            self.aliases.setdefault(name_key(alias), names[0])  # "(... [WHO], 2020)"
        if len(names) == 1 and name_key(names[0]) not in self.known:
            abbr = names[0]
            owner = self.abbreviation_owner(abbr, group_start) if _is_abbreviation(abbr) else None
            if owner is not None:  # "The University of ... Chapel Hill (UNC, 2025)"
                self.aliases.setdefault(name_key(abbr), owner)
                start = self.text.rfind(owner, max(0, group_start - 220), group_start)
                span = Span(start=start if start >= 0 else group_start, end=close)
                return [
                    _make(span, self.text[span.start : close], (owner,), False, y,
                          locator=locator, narrative=True, alias=abbr)
                    for y in years
                ]  # fmt: skip
            defined = self.aliases.get(name_key(abbr))
            if defined is not None:  # "(UNC, 2025)" once the text has defined UNC
                return [
                    _make(span, shown, (defined,), False, y, locator=locator, prefix=prefix,
                          secondary=secondary, alias=abbr)
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
            if _link_definition(text, m):
                continue
            for start, end, found in _bracket_units(text, m.start(), m.end()):
                span = Span(start=start, end=end)
                for n in found:
                    yield Citation(span=span, text=text[start:end], kind="numeric", number=n)


def _bracket_units(text: str, start: int, end: int) -> Iterator[tuple[int, int, list[int]]]:
    """The numbers of a run of brackets, one unit per bracket or bracketed range.

    "[15]–[17], [19]" gives ([15]–[17]: 15, 16, 17) and ([19]: 19).
    """
    unit: tuple[int, int, list[int]] | None = None
    for b in _NUMBER_BRACKET.finditer(text, start, end):
        found = _expand_numbers(b.group(1))
        if unit is not None:
            u_start, u_end, u_found = unit
            dash = _RANGE_DASH.fullmatch(text, u_end, b.start()) is not None
            lo, hi = u_found[-1] if u_found else 0, found[0] if found else 0
            if dash and len(found) == 1 and 0 < lo < hi and hi - lo <= 50:
                unit = (u_start, b.end(), [*u_found, *range(lo + 1, hi + 1)])
                continue
            yield unit
        unit = (b.start(), b.end(), found)
    if unit is not None:
        yield unit


def _footnotes(text: str, regions: list[Span]) -> Iterator[Citation]:
    for region in regions:
        for m in _FOOTNOTE_REF.finditer(text, region.start, region.end):
            yield Citation(
                span=Span(start=m.start(), end=m.end()), text=m.group(0), kind="footnote",
                key=m.group(1),
            )  # fmt: skip


def _latex(text: str, regions: list[Span]) -> Iterator[Citation]:
    for region in regions:
        for m in LATEX_CITE.finditer(text, region.start, region.end):
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
    style: str | None = None,
    works: Sequence[Reference] = (),
) -> tuple[Citation, ...]:
    """Every citation in the essay body, in document order.

    ``known_names`` are name keys (see :func:`name_key`) of the reference list's
    authors and aliases; they decide where a narrative author phrase starts
    ("Research by Claude Steele (1988)" -> Steele). ``numeric`` forces numeric
    bracket citations on or off; by default they are read when the text has no
    author-date citations or looks numeric. ``style`` "mla" reads author–page
    parentheses first (:mod:`essaylint.analysis.citations_mla`); "chicago" also
    reads Chicago author-date forms (:mod:`essaylint.analysis.citations_chicago`).
    ``works`` (the entries) lets MLA read whole-work signal phrases.
    """
    regions = _regions(essay)
    known = frozenset(known_names)
    found: list[Citation] = list(_author_date(text, regions, known))
    if style == "mla":
        from essaylint.analysis.citations_mla import mla_citations, outside, signal_phrases

        pages, claimed = mla_citations(text, regions, known, works)
        found = [*outside(found, claimed), *pages]
        if found:  # names in prose supplement citations that were read, never replace them
            found.extend(signal_phrases(text, regions, works, found))
    elif style == "chicago":
        from essaylint.analysis.citations_chicago import chicago_citations

        found = chicago_citations(text, regions, known, found)
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
