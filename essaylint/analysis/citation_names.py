"""How the authors of an in-text citation are written, shared by every citation reader.

Word lists (sentence words, months, connectors, words that name things rather
than authors: :data:`NOT_AUTHORS`), name-token patterns (initials, particles,
"et al.", company suffixes, an abbreviation in brackets), and the two questions
every reader asks of a run of words: does it read as names
(:func:`looks_like_names`), and which names are they (:func:`split_author_names`).
"""

from __future__ import annotations

import re

from essaylint.analysis.names import looks_corporate
from essaylint.analysis.patterns import (
    AUTHOR_AND,
    ET_AL,
    FOREIGN_MONTHS,
    GENERATION,
    MONTH_NUMBERS,
    PARTICLE_RUN,
    link_texts,
)
from essaylint.lazy_pattern import compile_lazily

UPPER = "A-Z" + "".join(ch for ch in map(chr, range(0xC0, 0x530)) if ch.isupper() and ch.isalpha())
#: One capitalised name word as the prose writes it: "Okafor", "O'Neill", "Smith-Jones".
NAME_WORD = rf"[{UPPER}][\w'’\-]+"

_ET_AL = compile_lazily(
    rf"\s*,?\s+{ET_AL}(?:\s*['’]s?)?\s*$|\s+and\s+(?:others|colleagues)\s*$", re.IGNORECASE
)
_NAME_SPLIT = compile_lazily(
    rf"\s*,\s*{AUTHOR_AND}\s+|\s+{AUTHOR_AND}\s+|\s*,\s*"
    # "(Toplin/Eudy, 9)", "(LaFraniere/Smith, 2016)": a slash between two family names
    # (not Reddit's "u/Yacben" or "r/AskHistorians")
    r"|(?<=[a-z][a-z])/(?=[A-Z][a-z])"
)
# Joins inside a narrative author phrase, kept by re.split (the group).
_LIST_JOIN = compile_lazily(rf"(\s*,\s*{AUTHOR_AND}\s+|\s+(?:{AUTHOR_AND}|with)\s+|\s*,\s*)")

_ABBR = compile_lazily(r"\s*[\[(]([A-Z][A-Za-z&.]{1,12})[\])]\s*$")
_ABBREVIATION = compile_lazily(r"[A-Z][A-Za-z&]{1,9}")

_CORP_SUFFIX = frozenset({"inc", "inc.", "ltd", "ltd.", "llc", "co", "co.", "corp", "corp.",
                          "plc", "gmbh", "s.a.", "ag", "llp"})  # fmt: skip
_MONTHS = (
    frozenset(MONTH_NUMBERS) | FOREIGN_MONTHS | {"spring", "summer", "autumn", "fall", "winter"}
)
# Months that end a date before its year; "May" is a surname too ("Smith and May 2019").
_DATE_MONTHS = frozenset(name for name in MONTH_NUMBERS if len(name) > 3) | FOREIGN_MONTHS
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
        # sentence adverbs that open a clause before a narrative citation
        "additionally",
        "consequently",
        "therefore",
        "specifically",
        "importantly",
        "interestingly",
        "likewise",
        "conversely",
        "nevertheless",
        "nonetheless",
        "overall",
        "ultimately",
        "alternatively",
        "accordingly",
        "subsequently",
        "meanwhile",
        "firstly",
        "secondly",
        "thirdly",
        "lastly",
        "initially",
        "instead",
        "again",
        "currently",
        "today",
        "historically",
        "traditionally",
        "crucially",
        "critically",
        "surprisingly",
        "whereas",
        "though",
        "besides",
        "otherwise",
        "nowadays",
    ]
)
# Capitalised words that name things, not authors: "Table (2010)", "Accords (1978)".
#: Words that end the name of a law, a code or an agreement: "the Dodd-Frank Act (2010)",
#: "the UK's Corporate Governance Code (2023)" date the instrument; no one is its author.
INSTRUMENTS = frozenset(
    """act accord accords agreement charter code convention declaration directive framework
    guideline guidelines principles protocol regulation regulations standards strategy
    treaty""".split()
)
NOT_AUTHORS = (
    _SENTENCE_WORDS
    | _MONTHS
    | INSTRUMENTS
    | frozenset(
        """report reports paper papers article chapter table figure fig section appendix
        summit war olympics games conference edition version volume issue pages phase
        example question answer exam unit week year monday tuesday wednesday thursday friday
        saturday sunday today yesterday""".split()
    )
)
INITIALS_ONLY = compile_lazily(r"(?:[A-Z]\.[\s-]?){1,3}")
# A generation after the family name: "Towne Jr.", "King, Sr.".
_GENERATION = compile_lazily(rf"(?<=\w)\s*,?\s+{GENERATION}$")
# "(Ilyas R.A et al., 2021)": initials written after the surname, with their stops;
# "(Rejani . R, 2015)": one with a stray stop before it (the entry's author cut drops it too).
_TRAILING_INITIALS = compile_lazily(r"(?<=\w)(?:\s+[A-Z]\.(?:\s?[A-Z]\.?){0,2}|\s+\.\s*[A-Z]\.?)$")
_BARE_INITIAL_AFTER = compile_lazily(rf"^([{UPPER}][\w'’\-]+)\s+[A-Z]$")
_LEADING_PARTICLES = compile_lazily(r"^" + PARTICLE_RUN)
#: A possessive ending of a name: "Lai's", "Jacobs'", "Gloger’s".
POSSESSIVE = compile_lazily(r"['’]s?$")
#: Where a sentence ends: its stop, closing quotes or brackets, and the space after.
#: A word written in lower case, as the language's words are ("individuals", "don't"); not
#: a piece of an address ("www.geeksforgeeks.org", "@oasisk").
LOWER_WORD = compile_lazily(r"(?<![\w'’@/.\-])[a-z][a-z'’\-]+")
SENTENCE_BREAK = compile_lazily(r"[.!?][\"”’)]*\s")
#: Where a paragraph ends: a blank line, or a Markdown heading's line.
PARAGRAPH_BREAK = compile_lazily(r"\n[ \t]*\r?\n|^[ \t]*#+ .*\n", re.MULTILINE)


def drop_trailing_initials(name: str) -> str:
    """ "Lindqvist-Arós M." -> "Lindqvist-Arós": initials after a family name are not part of it.

    So is one bare capital after a single family name: "(Okafor J & Lindgren 2011)".
    """
    name = _GENERATION.sub("", name)  # "Towne Jr." is cited for "Towne Jr., S. D."
    return _BARE_INITIAL_AFTER.sub(r"\1", _TRAILING_INITIALS.sub("", name))


# A sentence's first word run into the next word by a lost space: "AsEnsminger".
_GLUED_WORDS = compile_lazily(r"(?P<lead>[A-Z][a-z]{0,14})(?P<name>[A-Z][a-z][\w'’\-]+)")


def after_sentence_word(word: str) -> str | None:
    """The name in "AsEnsminger", "InSmith": a word that opens sentences (see
    :func:`trim_sentence_words`) run into it by a lost space; None for any other word."""
    glued = _GLUED_WORDS.fullmatch(word)
    if glued is None or glued.group("lead").casefold() not in _SENTENCE_WORDS:
        return None
    return glued.group("name")


def strip_markup(name: str) -> str:
    """A cited name without emphasis marks or its link ("[WHO](https://...)" is "WHO")."""
    return link_texts(name).strip().strip("_*").strip()


def dotted_initials(name: str) -> bool:
    """ "G.C.", "U. N.": two or more initials with full stops and nothing else."""
    return bool(INITIALS_ONLY.fullmatch(name.strip())) and name.count(".") >= 2


def is_abbreviation(name: str) -> bool:
    """ "UNC", "WHO", "DfE": two or more capitals, no more lower-case letters than capitals;
    or dotted initials, "G.C."."""
    if dotted_initials(name):
        return True
    if not _ABBREVIATION.fullmatch(name):
        return False
    upper = sum(ch.isupper() for ch in name)
    return upper >= 2 and sum(ch.islower() for ch in name) < upper


def _join_kind(join: str) -> str:
    """ "comma", "with" or "and" (also "&", ", and", ", &")."""
    if "with" in join:
        return "with"
    return "comma" if join.strip() == "," else "and"


def list_items(phrase: str) -> tuple[list[str], list[str]]:
    """Split a narrative author phrase into names and the kinds of join between them.

    Initials after a surname ("Baum, F., MacDougall, C. and Smith, D.") and
    company suffixes ("Zentangle, Inc") belong to the name before them.
    """
    pieces = _LIST_JOIN.split(phrase)
    items = [strip_markup(pieces[0])]
    joins: list[str] = []
    for join, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        item = strip_markup(piece)
        if items[-1] and join.strip() == "," and INITIALS_ONLY.fullmatch(item):
            continue
        if items[-1] and join.strip() == "," and item.casefold() in _CORP_SUFFIX:
            items[-1] = f"{items[-1]}, {item}"
            continue
        items.append(item)
        joins.append(_join_kind(join))
    return items, joins


def trim_sentence_words(item: str) -> str:
    """Drop capitalised sentence words before a name: "However Smith" -> "Smith", "Most of
    Harvey" -> "Harvey"."""
    words = item.split()
    trimmed = False
    while words and words[0].strip("_*").casefold() in _SENTENCE_WORDS:
        words = words[1:]
        trimmed = True
    if trimmed and len(words) > 1 and words[0] == "of":
        words = words[1:]  # what a sentence word leaves before a name: "Most of Harvey"
    return " ".join(words)


def strip_alias_et_al(text: str) -> tuple[str, str | None, bool]:
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


# "W3C", "HL7", "G20", and names of firms and sites with a digit inside ("W3techs",
# "W3Schools", "G4S", "Web3"); not a course code such as "ELEN4019".
_ACRONYM_WITH_DIGITS = compile_lazily(r"^[A-Z][A-Za-z]{0,5}\d{1,2}[A-Za-z]{0,10}[,.]?$")

# Full stops that are not sentence ends: "et. al", and an abbreviated word of an
# organisation's name before "of"/"and"/"for" ("U.S. Dept. of Health").
_ET_AL_WORDS = compile_lazily(ET_AL, re.IGNORECASE)
_ABBREVIATED_WORD = compile_lazily(r"\b([A-Z][a-z]{1,4})\.(?=\s+(?:of|and|for)\s+[A-Z])")
# An author's initial before the next author: "(Lind E. and Ruiz, 2002)", "(Smith, J. and Lee, K.)".
_INITIAL_BEFORE_AND = compile_lazily(r"(?<![^\W\d_])([A-Z])\.(?=\s+and\s+[A-Z])")


# A user name, or a site's domain written as its name ("legislation.gov.uk", "draw.io").
_HANDLE = compile_lazily(r"[a-z][a-z0-9_\-]{3,30}|[a-z][a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,6}")
# Lower-case words a parenthesis may hold before a year that are no user names.
_NOT_HANDLES = _SENTENCE_WORDS | frozenset(
    """ibid idem accessed retrieved updated published revised circa approx from since
    until born died trans translated edited reprinted ongoing about around version""".split()
)


def looks_like_names(authors: str, *, handles: bool = False) -> bool:
    """Could ``authors`` be the names of a citation's authors?

    ``handles``: a lone user name in lower case counts ("oasisk" in "(oasisk,
    2021)"); only where a year follows, never before a bare page number.
    """
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
    if handles and _HANDLE.fullmatch(authors) and authors.casefold() not in _NOT_HANDLES:
        return True  # a user name as its author: "(oasisk, 2021)", "(leowgriffin, 2020)"
    if not first or not first.isupper():
        return False
    words = [w for w in re.split(r"[\s,]+", authors) if w]
    if len(words) > 14:
        return False
    if words[0].casefold().strip(".") in _MONTHS and (len(words) == 1 or words[1][:1].isdigit()):
        return False  # "(August 2022)", "(March 3, 2021)"; not "(August et al., 2022)"
    if len(words) > 1 and words[-1].casefold().strip(".") in _DATE_MONTHS:
        return False  # "(Version January 2017)", "(Updated March 2020)": a date
    lower = [w for w in words if w[:1].islower() and w.casefold() not in _LOWER_CONNECTORS]
    if len(lower) > max(1, len(words) // 3):
        return False
    # Sentence punctuation inside means this is prose, not an author list ("et. al" aside).
    plain = _ABBREVIATED_WORD.sub(r"\1", _ET_AL_WORDS.sub("", authors))
    plain = _INITIAL_BEFORE_AND.sub(r"\1", plain)
    return not re.search(r"[!?:]|\.\s+[a-z]", plain)


_QUOTED_TITLE = compile_lazily(r"[\"“‘'][^\"“”]{2,120}[\"”’']")


def split_author_names(authors: str) -> tuple[tuple[str, ...], bool, str | None]:
    """ "Krause, Croft & James" -> (("Krause", "Croft", "James"), False, None)."""
    text, alias, et_al = strip_alias_et_al(strip_markup(authors))
    if looks_corporate(text) and "," not in text:
        return (text,), et_al, alias  # "Centers for Disease Control and Prevention"
    names: list[str] = []
    pieces = _NAME_SPLIT.split(text)
    # "(Koklu, N., & Sulak, S.A., 2024)": where one author's initials are written, "S.A."
    # is another's, not a firm's legal form
    with_initials = sum(1 for p in pieces if INITIALS_ONLY.fullmatch(strip_markup(p))) > 1
    for piece in pieces:
        piece = strip_markup(piece).rstrip(",")
        if not piece:
            continue
        if piece.casefold() in _CORP_SUFFIX and names and not with_initials:
            names[-1] = f"{names[-1]}, {piece}"
            continue
        if names and INITIALS_ONLY.fullmatch(piece):
            continue  # "(Smith, J., 2019)": the author's initials, not a co-author
        names.append(drop_trailing_initials(piece))
    if len(names) > 1 and _QUOTED_TITLE.fullmatch(names[0]):
        names = names[1:]  # '(see "The Eliza Effect", Hall, 2023)': the title, then its author
    return tuple(names), et_al, alias
