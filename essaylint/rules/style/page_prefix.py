"""S302 page-prefix."""

from __future__ import annotations

import re
from collections.abc import Iterator

from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Edit, Finding, Severity, Span
from essaylint.rules.base import Rule, RuleContext

# "p. 71", "pp. 9-10", "p.151", "pp 6 - 7", "p.~9--10" (LaTeX tie and en dash).
_LOCATOR = compile_lazily(
    r"(?<![A-Za-z])(?P<prefix>pp?)(?P<dot>\.?)(?P<space>[ \t\u00a0~]*)(?P<first>\d+)"
    r"(?:(?P<dash>[ \t]*(?:-{1,3}|[‐‑–—])[ \t]*)(?P<last>\d+))?"
)
# After the pages: a letter ("9ff", "12n"), another number or a list ("9, 12") -> leave alone.
_UNSAFE_AFTER = compile_lazily(r"[A-Za-z0-9]|\s*(?:,|and\b|&)\s*\d")


def expected_locator(m: re.Match[str], *, latex: bool) -> str:
    """How the matched locator should be written."""
    en_dash = "--" if latex else "–"
    space = m.group("space")
    if space not in (" ", "\u00a0", "~"):
        space = "~" if latex and "~" in space else " "
    if m.group("last"):
        dash = m.group("dash").strip(" \t")
        if not (dash == "–" or (latex and dash == "--")):
            dash = en_dash
        return f"pp.{space}{m.group('first')}{dash}{m.group('last')}"
    return f"p.{space}{m.group('first')}"


class PagePrefix(Rule):
    """A page locator written with the wrong prefix, spacing or dash.

    What it checks
        Page locators inside in-text citations: a page range takes "pp." and
        a single page "p." ("p. 9-10" should be "pp. 9–10"), the prefix ends
        with a full stop and a space ("p.151", "pp 6" should be "p. 151",
        "pp. 6"), and the pages of a range are joined by an en dash with no
        spaces ("9-10", "9 - 10" should be "9–10"; in LaTeX "9--10"). A
        non-breaking space or a LaTeX tie (``p.~151``) after the prefix is
        fine. Lists of pages ("pp. 9, 12"), "ff." and locators that are not
        pages ("para. 4", "ch. 2") are left alone, and so is the reference list.
        MLA essays, which write no "p." at all, are left to S304 mla-page-prefix.

    Why it matters
        APA, Harvard and numeric styles all write page locators this way; a
        marker circles "p. 9-10" as readily as a wrong year.

    Example
        "(Boyd & Ellison, 2007, p. 9-10)" and "(Boase, 2008, p.151)".

    Fix
        Write "pp. 9–10" and "p. 151". The finding carries a safe fix:
        ``essaylint check --fix`` rewrites the locator.
    """

    code = "S302"
    name = "page-prefix"
    default_severity = "warning"
    summary = '"p." for a page range, "p.151" spacing, hyphen instead of en dash'

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if ctx.essay.style == "mla":
            return  # MLA writes no "p." at all: S304 mla-page-prefix
        text = ctx.document.text
        latex = ctx.document.format == "latex"
        seen: set[int] = set()
        for citation in ctx.citations:
            if not citation.locator:
                continue
            span = citation.span
            for m in _LOCATOR.finditer(text, span.start, span.end):
                start = m.start()
                if start in seen or _UNSAFE_AFTER.match(text, m.end()):
                    continue
                seen.add(start)
                written = m.group(0)
                wanted = expected_locator(m, latex=latex)
                if wanted == written:
                    continue
                problems: list[str] = []
                severity: Severity = "info"
                if m.group("last") and m.group("prefix") == "p":
                    problems.append('a page range takes "pp."')
                    severity = "warning"
                elif not m.group("last") and m.group("prefix") == "pp":
                    problems.append('a single page takes "p."')
                    severity = "warning"
                if not m.group("dot"):
                    problems.append(f'"{m.group("prefix")}" needs a full stop')
                if m.group("space") not in (" ", "\u00a0", "~"):
                    problems.append("put one space after the full stop")
                if m.group("last") and m.group("dash") not in ("–", "--" if latex else "–"):
                    problems.append(
                        "join the pages with an en dash"
                        + (' ("--")' if latex else " (–)")
                        + " and no spaces"
                    )
                yield self.finding(
                    ctx,
                    Span(start=start, end=m.end()),
                    f"page locator {written!r}: {'; '.join(problems)}; write {wanted!r}",
                    citation=citation,
                    suggestions=(wanted,),
                    fix=Edit(span=Span(start=start, end=m.end()), replacement=wanted),
                    severity=severity,
                )
