"""Harper (harper-py): the default prose engine, offline, in process, no Java.

Building a ``harper.Linter`` loads the curated dictionary (about 0.6 s), and
a linter memoises the words it has looked up, so the first lint of a long
text costs far more than the next one. One linter per dialect is therefore
kept for the whole process and reused by every document.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from essaylint.lazy_pattern import compile_lazily
from essaylint.services.harper_rules import REPORTED_KINDS, HarperRuleSet, rule_config
from essaylint.services.prose import DialectName, ProseCategory, ProseMatch

if TYPE_CHECKING:
    from harper import Lint, Linter

# Harper's lint kinds, sorted into essaylint's categories.
_KIND_CATEGORY: dict[str, ProseCategory] = {"Spelling": "spelling", "Repetition": "repetition"}

# No word is this long. Harper's spell checker spends memory that grows with a
# token's length (a 50,000-character "word" asks for gigabytes and aborts the
# process), so longer runs of non-space characters are blanked before linting:
# URLs, base64 and glued-together PDF text have no spelling to check.
LONGEST_TOKEN = 64
_LONG_TOKEN = compile_lazily(rf"\S{{{LONGEST_TOKEN + 1},}}")


def blank_long_tokens(text: str) -> str:
    """``text`` with every over-long token replaced by as many spaces (offsets kept)."""
    return _LONG_TOKEN.sub(lambda m: " " * len(m.group(0)), text)


# Harper's time on one call grows with the square of a long stretch of text
# without sentence ends (220,000 characters: 6 s; 880,000: 50 s), so a long
# text is linted in pieces of at most this many characters. Each piece ends at
# a blank line when one is in its second half (Harper's lints stay inside a
# paragraph, so an essay's findings are the same), else at a line break, a
# sentence end or a space. An essay shorter than this goes in one call.
PIECE_CHARS = 20_000
_CUTS = ("\n\n", "\n", ". ", " ")


def pieces(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, str]]:
    """``text`` cut into pieces of at most ``limit`` characters, each with its offset."""
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start + limit // 2, start + limit)
        out.append((start, text[start:end]))
        start = end
    out.append((start, text[start:]))
    return out


def _cut(text: str, earliest: int, latest: int) -> int:
    """Where to end a piece: after the last good break between ``earliest`` and ``latest``."""
    for mark in _CUTS:
        at = text.rfind(mark, earliest, latest)
        if at >= 0:
            return at + len(mark)
    for at in range(latest - 1, max(earliest, latest - 2 * LONGEST_TOKEN), -1):
        if text[at].isspace():  # a tab or another space (tokens are at most LONGEST_TOKEN)
            return at + 1
    return latest


_LOCK = threading.Lock()
_LINTERS: dict[tuple[int, str, str], Linter] = {}


def _linter(dialect: DialectName, rules: HarperRuleSet = "essay") -> Linter:
    """This thread's linter for a dialect and rule set (a Linter is not thread-safe)."""
    from harper import Dialect, Linter

    key = (threading.get_ident(), dialect, rules)
    with _LOCK:
        linter = _LINTERS.get(key)
        if linter is None:
            linter = Linter(Dialect.BRITISH if dialect == "british" else Dialect.AMERICAN)
            linter.set_lint_config(rule_config(linter.get_default_lint_config(), rules))
            _LINTERS[key] = linter
    return linter


def _category(kind: str) -> ProseCategory:
    if kind in _KIND_CATEGORY:
        return _KIND_CATEGORY[kind]
    return "grammar" if kind in REPORTED_KINDS else "style"


def _to_match(lint: Lint, rule: str, offset: int = 0) -> ProseMatch:
    suggestions = tuple(
        s.replacement_text for s in lint.suggestions[:5] if s.replacement_text.strip()
    )
    return ProseMatch(
        start=offset + lint.span.start,
        end=offset + lint.span.end,
        category=_category(lint.lint_kind),
        message=lint.message,
        suggestions=suggestions,
        rule_id=rule,
        source="harper",
    )


class HarperBackend:
    """Spelling and grammar through Harper's Rust engine (harper-py)."""

    name = "harper"

    def __init__(self, rules: HarperRuleSet = "essay") -> None:
        self.rules = rules

    def check(self, text: str, *, dialect: DialectName = "american") -> list[ProseMatch]:
        text = blank_long_tokens(text)
        if not text.strip():
            return []
        linter = _linter(dialect, self.rules)
        matches: list[ProseMatch] = []
        for offset, piece in pieces(text):
            if not piece.strip():
                continue
            organised = linter.organized_lints(piece, language="plaintext")
            matches.extend(
                _to_match(lint, rule, offset) for rule, lints in organised.items() for lint in lints
            )
        return sorted(matches, key=lambda m: (m.start, m.end))

    def known_words(self, words: list[str], *, dialect: DialectName = "american") -> set[str]:
        unique = sorted({w for w in words if w.strip() and len(w) <= LONGEST_TOKEN})
        if not unique:
            return set()
        text = "\n\n".join(unique)
        flagged: set[str] = set()
        for lint in _linter(dialect, self.rules).lint(text, language="plaintext"):
            if lint.lint_kind == "Spelling":
                flagged.add(text[lint.span.start : lint.span.end])
        return {w for w in unique if w not in flagged}


def warm_up(dialect: DialectName = "american", rules: HarperRuleSet = "essay") -> None:
    """Build the linter ahead of time (the grading runner calls this once per worker)."""
    sample = "A short warm-up sentence, with a mispelled word."
    _linter(dialect, rules).lint(sample, language="plaintext")
