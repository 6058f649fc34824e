"""R205 malformed-reference."""

from __future__ import annotations

import re
from collections.abc import Iterator

from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Finding, Span
from essaylint.rules.base import Rule, RuleContext, describe_reference

# A journal name running straight into its volume: "Society11(4)", "Management47, 58".
_RUN_TOGETHER = compile_lazily(r"(?<=[a-z])(\d{1,4})(?=\s*\(\d{1,4}(?:[-–]\d{1,4})?\)|,\s*\d)")
_DOUBLED = compile_lazily(r"(?<![.\s])(\.\.|,,|\s,|\s\.)(?!\.)")


class MalformedReference(Rule):
    """Broken punctuation between the fields of an entry.

    What it checks
        Fields that run into each other ("New Media & Society11(4)": the
        journal name runs into the volume because the italics and the comma
        were lost) and doubled or stray punctuation (",,", " ,").

    Why it matters
        The entry is hard to read and tools (and markers) cannot tell the
        journal from the volume.

    Example
        "Boase, J. (2008). ... Information, Communication & Society11(4), 490-508."

    Fix
        Put a comma and a space between the journal name and the volume:
        "Information, Communication & Society, 11(4), 490-508."
    """

    code = "R205"
    name = "malformed-reference"
    default_severity = "warning"
    summary = "broken punctuation between fields"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for ref in ctx.references:
            text = ctx.document.text[ref.span.start : ref.span.end]
            m = _RUN_TOGETHER.search(text)
            if m:
                start = ref.span.start + m.start()
                before = re.findall(r"\S+$", text[: m.start()])
                yield self.finding(
                    ctx,
                    Span(start=start, end=start + len(m.group(1))),
                    f"{describe_reference(ref)}: the source name runs into the volume "
                    f'("{"".join(before)}{m.group(1)}"); put ", " between them',
                    reference=ref,
                    suggestions=[f"{''.join(before)}, {m.group(1)}"],
                )
                continue
            d = _DOUBLED.search(text)
            if d and "..." not in text[max(0, d.start() - 1) : d.end() + 1]:
                start = ref.span.start + d.start()
                yield self.finding(
                    ctx,
                    Span(start=start, end=start + len(d.group(1))),
                    f"{describe_reference(ref)}: stray punctuation {d.group(1).strip()!r}; "
                    "remove it",
                    reference=ref,
                )
