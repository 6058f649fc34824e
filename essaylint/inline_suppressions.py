"""The suppression pass: after the rules, before the reporters.

Inline ``essaylint:`` directives (see :mod:`essaylint.analysis.suppressions`)
drop the findings they name; when E001 unused-suppression is chosen, every
directive that suppressed nothing or cannot be read becomes one of its
findings. The pass runs beside the rules, not as one: it needs every other
rule's findings. Pure.
"""

from __future__ import annotations

from collections.abc import Sequence

from essaylint.models import Document, Finding
from essaylint.rules.base import Rule
from essaylint.rules.meta.unused_suppression import UnusedSuppression


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
