"""Small pure helpers for comparing names and words."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: A year as citations and entries write it: "2019", "2019a", "n.d.", "in press",
#: "forthcoming"; a decade ("1950s") is no year.
YEAR = r"(?:(?:1[5-9]\d\d|20\d\d)(?!(?<=0)s)[a-z]?|n\.\s?d\.?|in\s+press|forthcoming)"
#: A LaTeX cite command (\\cite, \\parencite, \\citet, \\nocite, ...) with its keys.
LATEX_CITE = re.compile(
    r"\\(?P<cmd>[a-zA-Z]*cite[a-zA-Z]*)\*?(?P<opt1>\[[^\]]*\])?(?P<opt2>\[[^\]]*\])?\{(?P<keys>[^}]*)\}"
)

#: YAML front matter (pandoc, Jekyll, Hugo): "---" on the first line that is not blank,
#: closed by "---" or "..."; group 1 is the YAML. The one pattern for it everywhere.
FRONT_MATTER = re.compile(
    r"\A\ufeff?(?:[ \t]*\r?\n)*---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)

#: An HTML character reference: "&amp;", "&#8217;", "&#x2019;".
HTML_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

PARTICLES = frozenset(
    {
        "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "des",
        "dos", "das", "le", "la", "ten", "ter", "zu", "vom", "zum", "zur", "af", "d",
    }
)  # fmt: skip

CORPORATE_SUFFIXES = frozenset(
    {"inc", "ltd", "llc", "co", "corp", "plc", "gmbh", "ag", "llp", "sa"}
)
# Markdown emphasis around a run of text: *x*, **x**, ***x***, _x_, __x__ (group 2 is x).
EMPHASIS = re.compile(r"(?<![\w*\\])(\*{1,3}|_{1,2})(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")
_NON_WORD = re.compile(r"[^\w]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212-"  # hyphen last: safe inside [...]


def fold(text: str) -> str:
    """Case-fold and strip diacritics: "Émile Coué" -> "emile coue"."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.translate(_APOSTROPHES).casefold()


@lru_cache(maxsize=4096)
def name_key(name: str) -> str:
    """A comparison key for a family or corporate name.

    Case, diacritics, punctuation, a leading "The" and leading particles
    (van, de, von...) do not matter: "van Dijk", "Van Dijk" and "Dijk" share a key.
    """
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


def year_digits(year: str | None) -> str:
    """The four digits of a year string ("2019a" -> "2019"); "" for n.d. or None."""
    if not year:
        return ""
    match = re.search(r"(?<!\d)(1\d{3}|20\d{2})(?!\d)", year)
    return match.group(1) if match else ""


def normalise_year(year: str | None) -> str:
    """Comparable form of a year as written: "2019a", "n.d." -> "nd"."""
    if not year:
        return ""
    y = fold(year).replace(" ", "")
    if y.replace(".", "") in {"nd", "sd", "undated"}:
        return "nd"
    return y.replace(".", "")
