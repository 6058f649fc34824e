"""E001 unused-suppression, and the pipeline's inline-suppression pass."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from essaylint.models import Document, Finding
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
        # Findings come from apply_inline_suppressions, which sees every rule's findings.
        yield from ()


def apply_inline_suppressions(
    doc: Document,
    findings: Sequence[Finding],
    chosen: Sequence[type[Rule]],
    known: Sequence[type[Rule]] | None = None,
) -> list[Finding]:
    """Drop findings suppressed by directives; add E001 findings when that rule was chosen.

    ``known`` is every registered rule (read from the registry only when a
    directive needs it).
    """
    if "essaylint:" not in doc.text:
        return list(findings)
    from essaylint.analysis.suppressions import apply_suppressions  # only when needed

    report = UnusedSuppression in chosen
    if report and known is None:
        from essaylint.rules.registry import all_rules

        known = all_rules()
    kept, problems = apply_suppressions(
        doc.text,
        doc.format,
        findings,
        ran=[(r.code, r.name) for r in chosen],
        known=[(r.code, r.name) for r in known or ()] if report else (),
    )
    if not report:
        return kept
    rule = UnusedSuppression
    extra = [
        Finding(
            code=rule.code,
            rule=rule.name,
            severity="warning" if p.kind == "invalid" else rule.default_severity,
            message=p.message,
            span=p.span,
        )
        for p in problems
    ]
    return sorted([*kept, *extra], key=lambda f: (f.span.start, f.code))
