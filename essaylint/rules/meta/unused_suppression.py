"""E001 unused-suppression (its findings are made by :mod:`essaylint.inline_suppressions`)."""

from __future__ import annotations

from collections.abc import Iterator

from essaylint.models import Finding
from essaylint.rules.base import Rule, RuleContext


class UnusedSuppression(Rule):
    """An ``essaylint:`` suppression comment that suppressed nothing, or cannot be read.

    What it checks
        Every inline directive (``<!-- essaylint: ignore[C104] -->`` in
        Markdown and HTML, ``% essaylint: ignore[T401]`` in LaTeX). A directive
        is reported when no finding was suppressed by it although every rule
        it names ran (an ``ignore[T401]`` is not reported in a run that did
        not check spelling), when it names a rule that does not exist, when
        the directive itself is misspelt (``ignroe``), and for an
        ``ignore-end`` with no ``ignore-start`` before it. These findings are
        made after every other rule has run, by the suppression pass, and
        cannot themselves be suppressed inline: turn the rule off with
        ``ignore = ["E001"]`` in the configuration.

    Why it matters
        A suppression left behind after the problem was fixed hides the next
        real problem on that line; a misspelt one silently suppresses nothing.

    Example
        "<!-- essaylint: ignore[T402] -->" above a line with no repeated word.

    Fix
        Delete the directive, or correct the rule code in it.
    """

    code = "E001"
    name = "unused-suppression"
    default_severity = "info"
    summary = "an inline suppression that suppressed nothing, or cannot be read"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        # The suppression pass (essaylint.inline_suppressions) makes the findings:
        # it sees every other rule's.
        yield from ()
