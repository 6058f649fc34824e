"""T405 inconsistent-term."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from essaylint.analysis.dialect import (
    Dialect,
    counterpart,
    dialect_of,
    oxford_acceptable,
    spelling_evidence,
)
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Finding, Span
from essaylint.rules.base import Rule, RuleContext

# A term: letters (digits allowed after the first letter), inner hyphens and
# apostrophes; a leading "#" makes it a hashtag, which is read as the same term.
_TERM = compile_lazily(r"(?<![\w@/.-])[^\W\d_][\w]*(?:[-‐][\w]+)*")
_SHOUTING_LINE = compile_lazily(r"^[^a-z\n]*[A-Z]{2}[^a-z\n]*$", re.M)


def _shape(word: str) -> str:
    """How a word is written, ignoring capital first letters (sentence starts, title case).

    In a hyphenated compound each part may be capitalised: "Real-World" in a
    heading is the same as "real-world".
    """
    return re.sub(r"(?:^|(?<=[-‐]))\w", lambda m: m.group(0).lower(), word)


def _key(word: str) -> str:
    return word.replace("-", "").replace("‐", "").casefold()


def _distinctive(word: str) -> bool:
    """Worth comparing: no digits, not an all-capitals acronym, long enough."""
    letters = word.replace("-", "").replace("‐", "")
    return len(letters) >= 3 and letters.isalpha() and not letters.isupper()


def _different_words(shapes: Counter[str]) -> bool:
    """ "re-sign" and "resign", "re-cover" and "recover" are different words."""
    return any(s.startswith(("re-", "re‐")) for s in shapes) and any(
        "-" not in s and "‐" not in s for s in shapes
    )


def _listing(counts: Sequence[tuple[str, int]]) -> str:
    return ", ".join(f"'{w}' ({n}×)" for w, n in counts)


class InconsistentTerm(Rule):
    """One term written several ways, or British and American spelling mixed.

    What it checks
        Two kinds of inconsistency in the essay's prose. First, a term
        written in more than one way when case and hyphens are ignored:
        "TimesUp", "TimesUP" and "Timesup", or "e-mail" and "email". A capital
        first letter is not a difference (sentences start with one), and
        all-capitals words are left alone (acronyms like "US" are not the word
        "us"). The term is reported once, at the first spelling that is not
        the most common one, with every variant and its count. Second, British
        and American spelling mixed in one essay (colour and color, analyse
        and analyze): the words of the less used dialect are reported once
        each. When the configuration names a dialect, that dialect wins;
        otherwise the one most spellings use does, and a tie reports nothing.
        An essay that is British by majority may use -ize (Oxford spelling),
        so -ize words are not reported there. Capitalised names in mid-
        sentence ("World Health Organization") never count.

    Why it matters
        Writing a name or term the same way throughout is part of careful
        editing; readers notice "TimesUP" next to "TimesUp", and a mix of
        "behaviour" and "behavior" looks like text pasted from two sources.

    Example
        "... the TimesUp movement ... TimesUP activists ... the Timesup
        campaign ..."

    Fix
        Pick one spelling (the suggestion is the most common one in the essay)
        and use it everywhere.
    """

    code = "T405"
    name = "inconsistent-term"
    default_severity = "info"
    summary = "one term written several ways, or British and American spelling mixed"
    requires = frozenset()

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.document.text
        spans = ctx.prose_spans
        if not spans:
            return
        masked = ctx.prose_text
        yield from self._variants(ctx, masked, spans)
        yield from self._dialect(ctx, text, spans)

    def _variants(self, ctx: RuleContext, masked: str, spans: list[Span]) -> Iterator[Finding]:
        shouting = [(m.start(), m.end()) for m in _SHOUTING_LINE.finditer(masked)]
        by_key: dict[str, list[tuple[str, int, int]]] = {}
        for m in _TERM.finditer(masked, spans[0].start, spans[-1].end):
            by_key.setdefault(m.group(0).casefold(), []).append((m.group(0), m.start(), m.end()))
        # Only keys written in more than one way can be inconsistent: merge the
        # hyphen variants, then look closer at those few.
        merged: dict[str, list[tuple[str, int, int]]] = {}
        for hits in by_key.values():
            merged.setdefault(_key(hits[0][0]), []).extend(hits)
        found: list[Finding] = []
        for all_hits in merged.values():
            if len({w for w, _, _ in all_hits}) < 2:
                continue
            hits = [
                h
                for h in all_hits
                if _distinctive(h[0]) and not any(a <= h[1] < b for a, b in shouting)
            ]
            hits.sort(key=lambda h: h[1])
            shapes = Counter(_shape(w) for w, _, _ in hits)
            if len(shapes) < 2 or _different_words(shapes):
                continue
            order = {s: i for i, s in reversed(list(enumerate(_shape(w) for w, _, _ in hits)))}
            ranked = sorted(shapes.items(), key=lambda kv: (-kv[1], order[kv[0]]))
            major = ranked[0][0]
            shown = {_shape(w): w for w, _, _ in reversed(hits)}
            word, start, end = next(h for h in hits if _shape(h[0]) != major)
            majority = next(w for w, _, _ in hits if _shape(w) == major)
            counts = [(shown[s], n) for s, n in ranked]
            found.append(
                self.finding(
                    ctx,
                    Span(start=start, end=end),
                    f"'{word}' is written {len(shapes)} ways in the essay: {_listing(counts)}; "
                    f"use one spelling throughout, e.g. '{majority}'",
                    word=word,
                    suggestions=(majority,),
                )
            )
        yield from sorted(found, key=lambda f: f.span.start)

    def _dialect(self, ctx: RuleContext, text: str, spans: list[Span]) -> Iterator[Finding]:
        evidence = spelling_evidence(text, spans)
        if not evidence.british or not evidence.american:
            return
        configured = ctx.settings.dialect
        chosen: Dialect | None = (
            configured if configured in ("british", "american") else evidence.majority()
        )
        if chosen is None:
            return
        keep = evidence.british if chosen == "british" else evidence.american
        minority = evidence.american if chosen == "british" else evidence.british
        examples: list[str] = []
        for w, _, _ in keep:
            if w.lower() not in examples:
                examples.append(w.lower())
        seen: set[str] = set()
        for word, start, end in minority:
            folded = word.casefold()
            if folded in seen:
                continue
            seen.add(folded)
            if chosen == "british" and oxford_acceptable(word):
                continue
            other = counterpart(word)
            kind = dialect_of(word)
            fix = f"; write '{other}'" if other else ""
            yield self.finding(
                ctx,
                Span(start=start, end=end),
                f"'{word}' is {(kind or '').capitalize()} spelling; the essay mostly uses "
                f"{chosen.capitalize()} spelling ({', '.join(examples[:3])}){fix}",
                word=word,
                suggestions=(other,) if other else (),
            )
