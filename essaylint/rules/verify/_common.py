"""What the verify rules share: reading the verify report and the one "could not verify"."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from essaylint.models import Finding, Reference, Span
from essaylint.rules.base import Rule, RuleContext

if TYPE_CHECKING:  # imported when a run verifies: keeps `check` start-up light
    from essaylint.services.verify import FieldDiff, Verdict, VerifyReport


def verify_report(ctx: RuleContext) -> VerifyReport | None:
    report = ctx.services.get("verify")
    if report is None:
        return None
    from essaylint.services.verify import VerifyReport

    return report if isinstance(report, VerifyReport) else None


def references_by_index(ctx: RuleContext) -> dict[int, Reference]:
    return {ref.index: ref for ref in ctx.references}


def verified_entries(
    rule: Rule, ctx: RuleContext
) -> tuple[list[Finding], list[tuple[Verdict, Reference]]]:
    """The "could not verify" finding (when this rule is the one to give it), and
    every looked-up entry with its verdict. Both empty when the run did not verify."""
    report = verify_report(ctx)
    if report is None:
        return [], []
    refs = references_by_index(ctx)
    entries = [(v, refs[v.index]) for v in report.verdicts if v.index in refs]
    return list(unavailable(rule, ctx, report)), entries


def unavailable(rule: Rule, ctx: RuleContext, report: VerifyReport) -> Iterator[Finding]:
    """One info finding when the service failed, from the rule the pipeline chose."""
    if report.error_reporter is None:  # a report made without the pipeline's choice
        speaks = rule.reports_service_failure
    else:
        speaks = report.error_reporter == rule.code
    if not report.error or not speaks:
        return
    span = ctx.essay.references or (ctx.references[0].span if ctx.references else None)
    where = Span(start=span.start, end=span.start) if span else Span(start=0, end=0)
    reason = report.error.rstrip(".")
    yield rule.finding(
        ctx,
        where,
        f"could not verify the references: {reason}; "
        "the citations were still checked against the list (run again when online)",
        severity="info",
    )


SHOWN_VALUE = 200
"""The most characters of one value a message quotes (a record's title can be
anything a server sends; a real one is far shorter)."""


def shortened(value: str, limit: int = SHOWN_VALUE) -> str:
    """``value``, or its first ``limit`` characters and how long it is."""
    return value if len(value) <= limit else f"{value[:limit]}… ({len(value):,} characters)"


def describe_diffs(diffs: tuple[FieldDiff, ...], theirs: str) -> str:
    """Each differing field with both values (each cut short), joined with semicolons."""
    return "; ".join(
        f"{d.field} is {shortened(d.entry)!r} here but {shortened(d.record)!r} in {theirs}"
        for d in diffs
    )
