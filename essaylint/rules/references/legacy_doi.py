"""R207 legacy-doi."""

from __future__ import annotations

import re
from collections.abc import Iterator

from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Edit, Finding, Span
from essaylint.rules.base import Rule, RuleContext, describe_reference

DOI_PREFIX = "https://doi.org/"

# The part before "10.": "doi:", "DOI: ", "http://dx.doi.org/", "https://dx.doi.org/",
# "http://doi.org/". The DOI itself is never touched.
_LEGACY = compile_lazily(
    r"(?<![\w/])(?:doi:[ \t]*|https?://dx\.doi\.org/|http://doi\.org/)(?=10\.\d{4,9}/\S)",
    re.IGNORECASE,
)


class LegacyDoi(Rule):
    """A DOI written as "doi:10..." or "http://dx.doi.org/10..." in an APA list.

    What it checks
        In APA-style reference lists, every DOI written in an old form:
        "doi:10.1111/...", "DOI: 10.1111/...", "http://dx.doi.org/10.1111/...",
        "https://dx.doi.org/..." or "http://doi.org/...". Harvard and numeric
        lists are not checked (many of their guides still ask for "doi:"), nor
        are entries that come from a .bib file.

    Why it matters
        APA 7 writes every DOI as a link, "https://doi.org/10.1111/...", so a
        reader can follow it; the old prefixes are the most common slip in
        lists copied from older sources.

    Example
        "... Journal of Computer-Mediated Communication, 13(1), 210–230.
        doi:10.1111/j.1083-6101.2007.00393.x"

    Fix
        Write "https://doi.org/" before the DOI. The finding carries a safe
        fix that replaces the prefix only; the DOI itself is kept as written.
    """

    code = "R207"
    name = "legacy-doi"
    default_severity = "info"
    summary = 'a DOI written as "doi:10..." or "http://dx.doi.org/..." (APA wants https://doi.org/)'

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if ctx.essay.style != "apa":
            return
        text = ctx.document.text
        for ref in ctx.references:
            if ref.source != "text":
                continue
            for m in _LEGACY.finditer(text, ref.span.start, ref.span.end):
                span = Span(start=m.start(), end=m.end())
                written = m.group(0).strip()
                yield self.finding(
                    ctx,
                    span,
                    f"{describe_reference(ref)}: APA writes a DOI as a link; "
                    f"replace {written!r} with {DOI_PREFIX!r}",
                    reference=ref,
                    suggestions=(DOI_PREFIX,),
                    fix=Edit(span=span, replacement=DOI_PREFIX),
                )
