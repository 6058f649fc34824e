"""V503 retracted-work."""

from __future__ import annotations

from collections.abc import Iterator

from essaylint.models import Finding
from essaylint.rules.base import Rule, RuleContext, describe_reference
from essaylint.rules.verify._common import verified_entries

_WHAT = {
    "retraction": "has been retracted",
    "partial_retraction": "has been partly retracted",
    "withdrawal": "has been withdrawn",
    "removal": "has been removed by its publisher",
    "expression_of_concern": "carries an expression of concern",
}


class RetractedWork(Rule):
    """A cited work that has been retracted, withdrawn, or has an expression of concern.

    What it checks
        With ``--verify``, the Crossref record of each identified entry is read
        for later notices about the work (its ``updated-by`` list): a
        retraction, partial retraction, withdrawal, removal or expression of
        concern, from the publisher or from Retraction Watch. Corrections and
        new versions are ordinary updates and are not reported. Citing the
        retraction notice itself is not reported either.

    Why it matters
        A retracted study is not evidence. Citing it as support, without
        saying it was retracted, undermines the argument and the marker's
        trust in the reading behind it.

    Example
        "LaCour, M. J., & Green, D. P. (2014). When contact changes minds: An
        experiment on transmission of support for gay equality. Science,
        346(6215), 1366-1369." (retracted in 2015)

    Fix
        Remove the claim that rests on it, or say in the text that the study
        was retracted and cite the retraction notice as well.
    """

    code = "V503"
    name = "retracted-work"
    default_severity = "error"
    summary = "with --verify: the cited work has been retracted (or has a concern)"
    requires = frozenset({"network"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        unverified, entries = verified_entries(self, ctx)
        yield from unverified
        for verdict, ref in entries:
            record = verdict.record
            if record is None or verdict.status == "invalid-doi":
                continue
            notices = record.retractions
            if not notices:
                continue
            notice = notices[0]
            details = ", ".join(
                part
                for part in (
                    notice.label or notice.type,
                    notice.date,
                    f"notice https://doi.org/{notice.doi}" if notice.doi else None,
                    f"source: {notice.source}" if notice.source else None,
                )
                if part
            )
            concern = notice.type == "expression_of_concern"
            yield self.finding(
                ctx,
                ref.span,
                f"{describe_reference(ref)} {_WHAT.get(notice.type, 'has been retracted')} "
                f"({details}); do not rely on it, or say so in the text and cite the notice",
                reference=ref,
                suggestions=[notice.doi] if notice.doi else [],
                severity="warning" if concern else None,
            )
