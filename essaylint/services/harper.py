"""Harper (harper-py): the default prose engine, offline, in process, no Java.

Building a ``harper.Linter`` loads the curated dictionary (about 0.6 s), and
a linter memoises the words it has looked up, so the first lint of a long
text costs far more than the next one. One linter per dialect is therefore
kept for the whole process and reused by every document.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from essaylint.services.prose import DialectName, ProseCategory, ProseMatch

if TYPE_CHECKING:
    from harper import Lint, Linter

# Harper's lint kinds, sorted into essaylint's categories.
_GRAMMAR_KINDS = frozenset(
    {
        "Grammar", "Agreement", "WordChoice", "Punctuation", "Capitalization", "Usage",
        "Eggcorn", "Malapropism", "Typo", "BoundaryError", "Nonstandard", "Miscellaneous",
    }
)  # fmt: skip
_KIND_CATEGORY: dict[str, ProseCategory] = {"Spelling": "spelling", "Repetition": "repetition"}

_LOCK = threading.Lock()
_LINTERS: dict[tuple[int, str], Linter] = {}


# Harper rules that misfire on essays (measured on the shared corpus): compound-word
# splitting of technical terms ("chia" -> "chi a"), capitalisation after citations,
# guesses about missing words. Repeated words are essaylint's own rule (T402).
DISABLED_RULES = {
    "SplitWords": False,
    "SentenceCapitalization": False,
    "PhrasalVerbAsCompoundNoun": False,
    "HowTo": False,
    "MergeWords": False,
    "WrongNegative": False,
    "MissingPreposition": False,
    "MissingTo": False,
    "OrthographicConsistency": False,
    "Damages": False,
    "CompoundNouns": False,
    "RepeatedWords": False,
    "MassNouns": False,
    "NounVerbConfusion": False,
}


def _linter(dialect: DialectName) -> Linter:
    """The process's (and thread's) linter for a dialect; a Linter is not thread-safe."""
    from harper import Dialect, Linter

    key = (threading.get_ident(), dialect)
    with _LOCK:
        linter = _LINTERS.get(key)
        if linter is None:
            linter = Linter(Dialect.BRITISH if dialect == "british" else Dialect.AMERICAN)
            config = linter.get_lint_config()
            config.update({k: v for k, v in DISABLED_RULES.items() if k in config})
            linter.set_lint_config(config)
            _LINTERS[key] = linter
    return linter


def _category(kind: str) -> ProseCategory:
    if kind in _KIND_CATEGORY:
        return _KIND_CATEGORY[kind]
    return "grammar" if kind in _GRAMMAR_KINDS else "style"


def _to_match(lint: Lint, rule: str) -> ProseMatch:
    suggestions = tuple(
        s.replacement_text for s in lint.suggestions[:5] if s.replacement_text.strip()
    )
    return ProseMatch(
        start=lint.span.start,
        end=lint.span.end,
        category=_category(lint.lint_kind),
        message=lint.message,
        suggestions=suggestions,
        rule_id=rule,
        source="harper",
    )


class HarperBackend:
    """Spelling and grammar through Harper's Rust engine (harper-py)."""

    name = "harper"

    def check(self, text: str, *, dialect: DialectName = "american") -> list[ProseMatch]:
        if not text.strip():
            return []
        organised = _linter(dialect).organized_lints(text, language="plaintext")
        matches = [_to_match(lint, rule) for rule, lints in organised.items() for lint in lints]
        return sorted(matches, key=lambda m: (m.start, m.end))

    def known_words(self, words: list[str], *, dialect: DialectName = "american") -> set[str]:
        unique = sorted({w for w in words if w.strip()})
        if not unique:
            return set()
        text = "\n\n".join(unique)
        flagged: set[str] = set()
        for lint in _linter(dialect).lint(text, language="plaintext"):
            if lint.lint_kind == "Spelling":
                flagged.add(text[lint.span.start : lint.span.end])
        return {w for w in unique if w not in flagged}


def warm_up(dialect: DialectName = "american") -> None:
    """Build the linter ahead of time (the grading runner calls this once per worker)."""
    _linter(dialect).lint("A short warm-up sentence, with a mispelled word.", language="plaintext")
