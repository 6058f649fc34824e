"""T403 grammar."""

from __future__ import annotations

from collections.abc import Iterator

from essaylint.models import Finding, Span
from essaylint.rules.base import Rule, RuleContext
from essaylint.services.prose import ProseReport


class Grammar(Rule):
    """Grammar and usage problems found by the prose engine.

    What it checks
        The grammar and word-usage findings of the spelling and grammar
        engine (Harper offline by default, LanguageTool when a server is
        configured): wrong articles ("a hour"), agreement ("they was"),
        confused words, missing or doubled punctuation. Style and
        readability hints are not reported, so Harper's rules that only give
        such hints are not run (``harper-rules = "all"`` runs them too). Only
        the essay body is checked, never citations, the reference list or
        text after the essay, and a match that takes in a masked citation is
        dropped.

    Why it matters
        Grammar slips distract the reader from the argument and cost marks.

    Example
        "It happened a hour ago."

    Fix
        Apply the suggestion shown, or rephrase the sentence.
    """

    code = "T403"
    name = "grammar"
    default_severity = "info"
    summary = "grammar and usage from the prose backend"
    requires = frozenset({"prose"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        report = ctx.services.get("prose")
        if not isinstance(report, ProseReport):
            return
        titles = report.title_spans
        for match in report.matches:
            if match.category != "grammar":
                continue
            if any(a <= match.start < b for a, b in titles):
                continue
            text = ctx.document.text[match.start : match.end]
            hint = f" (suggestion: {match.suggestions[0]!r})" if match.suggestions else ""
            yield self.finding(
                ctx,
                Span(start=match.start, end=max(match.end, match.start + 1)),
                f"{match.message.rstrip('.')}: {text!r}{hint}",
                word=text or None,
                suggestions=list(match.suggestions[:3]),
            )
