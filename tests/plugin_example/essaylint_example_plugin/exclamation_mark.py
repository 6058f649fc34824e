"""X901 exclamation-mark: an example third-party rule."""

from __future__ import annotations

import re
from collections.abc import Iterator

from essaylint.models import Finding, Span
from essaylint.rules.base import Rule, RuleContext

# One or more "!" (and "?!" / "!?" runs), but not the "![" of a Markdown image.
_BANG = re.compile(r"[!?]*![!?]*(?!\[)")


class ExclamationMark(Rule):
    """An exclamation mark in the essay's prose.

    What it checks
        Every "!" in the essay's own prose: the body, not the citations, the
        reference list, quotations' sources or Markdown markup. A run such as
        "!!" or "?!" is one finding.

    Why it matters
        Academic writing persuades with evidence, not emphasis. Markers read
        an exclamation mark as informal, and it weakens the claim it ends.

    Example
        "Engagement rose by 40% in a single year!"

    Fix
        End the sentence with a full stop, and let the evidence carry the
        weight: "Engagement rose by 40% in a single year (Feld, 2014)."
    """

    code = "X901"
    name = "exclamation-mark"
    default_severity = "info"
    summary = "an exclamation mark in the essay's prose"
    # Optional: where the SARIF report links for this rule's documentation.
    help_uri = "https://example.org/essaylint-example-plugin/exclamation-mark"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.prose_text  # the document text with everything but prose blanked
        for m in _BANG.finditer(text):
            yield self.finding(
                ctx,
                Span(start=m.start(), end=m.end()),
                f"{m.group()!r} in academic prose reads as informal; end the sentence "
                "with a full stop and let the evidence make the point",
            )
