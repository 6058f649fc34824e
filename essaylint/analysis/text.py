"""Small pure helpers for comparing names and words."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from essaylint.analysis.patterns import FIRM_LEGAL_FORM
from essaylint.lazy_pattern import compile_lazily

PARTICLES = frozenset(
    {
        "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "des",
        "dos", "das", "le", "la", "ten", "ter", "zu", "vom", "zum", "zur", "af", "d",
    }
)  # fmt: skip

CORPORATE_SUFFIXES = frozenset(
    {"inc", "ltd", "llc", "co", "corp", "plc", "gmbh", "ag", "llp", "sa"}
    # the people behind a project or site: "Wikipedia contributors", "Scikit Learn developers"
    | {"contributors", "developers"}
)
#: English articles, which a title or a name may open with and sorting and short forms drop.
ARTICLES = frozenset({"the", "a", "an"})
#: The small words a title-cased name or title leaves in lower case (and its initials
#: and short forms leave out): "University *o*f the People", "Reflectors' Toolkit *for*".
MINOR_WORDS = ARTICLES | frozenset({"of", "and", "for", "in", "on", "at", "to", "&"})
_NON_WORD = compile_lazily(r"[^\w]+")
_TITLE_NON_WORD = compile_lazily(r"[\W_]+")
_BRACKETED = compile_lazily(r"\([^()]*\)|\[[^\[\]]*\]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})


def fold(text: str) -> str:
    """Case-fold and strip diacritics: "Émile Coué" -> "emile coue"."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.translate(_APOSTROPHES).casefold()


def title_key(title: str | None) -> str:
    """A title to compare: folded, words only, without what it puts in brackets (an entry
    may drop "(MLAT)" from "Multilateration (MLAT) - FlightAware", or read "(July 2017)"
    as its date)."""
    return " ".join(_TITLE_NON_WORD.sub(" ", fold(_BRACKETED.sub(" ", title or ""))).split())


@lru_cache(maxsize=4096)
def name_key(name: str) -> str:
    """A comparison key for a family or corporate name.

    Case, diacritics, punctuation, a leading "The" and leading particles
    (van, de, von...) do not matter: "van Dijk", "Van Dijk" and "Dijk" share a key.
    """
    name = FIRM_LEGAL_FORM.sub("", name)  # "Signify Netherlands B.V.": stops would cut it up
    words = [w for w in _NON_WORD.split(fold(name).replace("'", "")) if w]
    while len(words) > 1 and words[-1] in CORPORATE_SUFFIXES:
        words = words[:-1]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[0] in PARTICLES:
        words = words[1:]
    return "".join(words)


def initials(name: str) -> str:
    """First letters of the capitalised words: "World Health Organization" -> "WHO"."""
    letters = [w[0] for w in re.findall(r"[^\W\d_][\w'’-]*", name) if w[0].isupper()]
    return "".join(letters)


def initials_keeping_acronyms(name: str) -> str:
    """Initials, an acronym in the name kept whole: "US Census Bureau" -> "USCB"."""
    words = re.findall(r"[^\W\d_][\w'’-]*", name)
    return "".join(w if w.isupper() and len(w) <= 4 else w[0] for w in words if w[0].isupper())


def year_digits(year: str | None) -> str:
    """The four digits of a year string ("2019a" -> "2019"); "" for n.d. or None."""
    if not year:
        return ""
    match = re.search(r"(?<!\d)(1\d{3}|20\d{2})(?!\d)", year)
    return match.group(1) if match else ""


#: A work accepted but not yet out, as its date is written ("in press", "forthcoming"),
#: in the squeezed form of :func:`normalise_year`; all of them mean one thing.
_NOT_YET_PUBLISHED = frozenset(
    {"inpress", "forthcoming", "inpreparation", "inprep", "underreview", "submitted"}
)


def normalise_year(year: str | None) -> str:
    """Comparable form of a year as written: "2019a", "n.d." -> "nd"."""
    if not year:
        return ""
    y = fold(year).replace(" ", "").replace(".", "")
    if y in {"nd", "sd", "undated", "nodate"}:
        return "nd"
    if y in _NOT_YET_PUBLISHED:
        return "inpress"
    if re.fullmatch(r"nd-?[a-z]", y):  # "n.d.-a", "n.d.a": two undated works of one author
        return "nd" + y[-1]
    return y


def replace_spans(text: str, replacements: Sequence[tuple[int, int, str]]) -> str:
    """``text`` with each ``(start, end, new)`` span, in text order and not overlapping,
    replaced by ``new``; readers pass a ``new`` of the span's own length so that the
    offsets of what they read stay the text's."""
    pieces: list[str] = []
    pos = 0
    for start, end, new in replacements:
        pieces += [text[pos:start], new]
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)
