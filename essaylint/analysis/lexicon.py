"""The document's own vocabulary: words a spelling checker must not flag.

Names come from the reference list (authors, corporate authors) and from the
citations; the words of titles, journals and publishers are accepted in the
body (an essay may name "ASmallWorld" or "Instagram" because a title does).
Token shapes that are never English words to check: hashtags, @handles,
URLs, e-mail addresses, CamelCase and ALLCAPS tokens, tokens with digits,
initials ("N. K."), and locators ("p.", "pp.", "para.").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from essaylint.analysis.text import fold
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Citation, Reference

LOCATOR_WORDS = frozenset(
    {"p", "pp", "para", "paras", "ch", "chap", "vol", "vols", "no", "nos", "ed", "eds", "edn",
     "et", "al", "ibid", "op", "cit", "n.d", "nd", "fig", "figs", "sec", "cf", "eg", "ie", "etc"}
)  # fmt: skip
_WORD_SPLIT = compile_lazily(r"[^\w'’]+")
_CAMEL = compile_lazily(r"[a-z][A-Z]|[A-Z]{2}[a-z]")
_PREFIXES = (
    "inter", "intra", "multi", "non", "pre", "post", "re", "un", "co", "anti", "cyber", "micro",
    "macro", "hyper", "socio", "bio", "eco", "self", "over", "under", "sub", "super", "trans",
    "counter", "mis", "dis", "semi", "mid", "out", "pro", "neo", "meta", "para", "pseudo",
    "quasi", "ultra", "mega", "tele", "auto", "poly", "mono", "cross", "hypo", "infra", "extra",
)  # fmt: skip
_SUFFIXES = (
    ("isations", "ise"), ("izations", "ize"), ("isation", "ise"), ("ization", "ize"),
    ("ments", ""), ("ment", ""), ("nesses", ""), ("ness", ""), ("ists", ""), ("ist", ""),
    ("isms", ""), ("ism", ""), ("ities", ""), ("ity", ""), ("ally", "al"), ("ly", ""),
    ("ies", "y"), ("ers", "e"), ("ers", ""), ("er", "e"), ("er", ""), ("es", ""), ("s", ""),
    ("ed", ""), ("ing", ""), ("al", ""),
)  # fmt: skip


def words_of(text: str) -> list[str]:
    return [w.strip("'’") for w in _WORD_SPLIT.split(text) if w.strip("'’")]


def is_ignorable_token(token: str, before: str = "") -> bool:
    """Token shapes that are names, codes or markup rather than words to spell-check."""
    core = token.strip("'’.")
    if not core:
        return True
    if before in ("#", "@") or "@" in token or "/" in token:
        return True
    if any(ch.isdigit() for ch in core) or "_" in core:
        return True
    if len(core) >= 2 and core.isupper():
        return True
    if _CAMEL.search(core):
        return True
    if len(core) <= 2 and (token.endswith(".") or len(core) == 1):
        return True  # initials "N.", single letters
    if fold(core) in LOCATOR_WORDS:
        return True
    return "." in core  # domains, abbreviations such as "e.g"


def stem_candidates(word: str) -> list[str]:
    """Known-word candidates a derived form may come from: "intrapersonal" -> "personal"."""
    w = word.casefold()
    out: list[str] = []
    for prefix in _PREFIXES:
        rest = w[len(prefix) :].lstrip("-")
        if w.startswith(prefix) and len(rest) >= 4:
            out.append(rest)
    for suffix, replacement in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            out.append(w[: len(w) - len(suffix)] + replacement)
    return list(dict.fromkeys(out))


@dataclass(frozen=True)
class Lexicon:
    """Case-folded words the spelling rule accepts, by where they may appear."""

    names: frozenset[str]
    reference_words: frozenset[str]
    user_words: frozenset[str]

    def accepts(self, word: str, *, in_title: bool) -> bool:
        key = fold(word.strip("'’")).removesuffix("'s")
        if key in self.names or key in self.user_words:
            return True
        return not in_title and key in self.reference_words


def build_lexicon(
    references: Sequence[Reference],
    citations: Sequence[Citation],
    user_words: Iterable[str] = (),
) -> Lexicon:
    """Collect the names and reference words of one document."""
    names: set[str] = set()
    ref_words: set[str] = set()
    for ref in references:
        for person in ref.authors:
            for part in (person.family, person.given or "", person.raw):
                names.update(fold(w) for w in words_of(part))
        for value in (ref.title, ref.container, ref.publisher):
            if value:
                ref_words.update(fold(w) for w in words_of(value))
    for citation in citations:
        for author in citation.authors:
            names.update(fold(w) for w in words_of(author))
        if citation.alias:
            names.add(fold(citation.alias))
    return Lexicon(
        names=frozenset(names),
        reference_words=frozenset(ref_words),
        user_words=frozenset(fold(w) for w in user_words),
    )


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Damerau-Levenshtein distance (adjacent transpositions count once), capped at ``limit``."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return min(previous[-1], limit)


def is_compound_variant(word: str, suggestion: str) -> bool:
    """ "timeframe" for "time frame", "de-allocate" for "deallocate": a style choice, not a typo."""
    squeeze = str.maketrans("", "", " -")
    if word.casefold().translate(squeeze) != suggestion.casefold().translate(squeeze):
        return False
    if word.replace("-", "") == suggestion.replace("-", ""):
        return True  # only hyphens differ
    return all(len(p) >= 3 for p in suggestion.split())


# Four-letter unknowns are mostly abbreviations and symbols ("raes", "chia" in the corpus).
MIN_TYPO_LENGTH = 5


def term_family_count(text: str, word: str) -> int:
    """How often the word, its plural or its singular occurs (case-insensitive)."""
    w = re.escape(word.casefold().removesuffix("s"))
    return len(re.findall(rf"(?<![\w-]){w}s?(?![\w-])", text.casefold()))


def looks_like_typo(word: str, suggestion: str) -> bool:
    """A likely slip of the keyboard: one edit away, same first letter, not a compound."""
    w, s = word.casefold(), suggestion.casefold()
    if len(w) < MIN_TYPO_LENGTH or not s or w[0] != s[0] or is_compound_variant(word, suggestion):
        return False
    return edit_distance(w, s, limit=2) <= 1
