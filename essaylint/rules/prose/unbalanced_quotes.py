"""T404 unbalanced-quotes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from essaylint.lazy_pattern import compile_lazily
from essaylint.models import PARAGRAPH_LINE_FORMATS, Finding, Span
from essaylint.rules.base import Rule, RuleContext

_BLANK_LINE = compile_lazily(r"\n[ \t\r\u00a0>]*\n")
# Opening context for a quotation mark: start, space, an opening bracket or quote, a dash.
_OPENERS = " \t\r\n\u00a0([{<“‘\"'—–-/*_>"
# Elisions that start with a turned comma: ‘90s, ‘em, ‘til, ‘n’.
_ELISION = compile_lazily(r"‘(?:\d|(?:em|til|tis|twas|cause|n|round|bout)\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Problem:
    offset: int
    mark: str
    kind: str  # "unclosed" | "unopened"


def _opens(text: str, i: int) -> bool:
    return i == 0 or text[i - 1] in _OPENERS


def _closes(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    return not (after.isalnum())


def _straight(text: str, marks: list[int]) -> list[Problem]:
    """Straight double quotes: pair them, using which side has a space."""
    if len(marks) % 2 == 0:
        return []
    stack: list[int] = []
    problems: list[Problem] = []
    for i in marks:
        before_space = _opens(text, i)
        after = text[i + 1] if i + 1 < len(text) else "\n"
        after_space = after.isspace() or after in ".,;:!?)]}"
        if stack and (after_space or not before_space):
            stack.pop()
        elif before_space and not after_space:
            stack.append(i)
        elif stack:
            stack.pop()
        else:
            problems.append(Problem(i, '"', "unopened"))
    problems += [Problem(i, '"', "unclosed") for i in stack]
    return problems


def paragraph_problems(text: str, start: int, end: int) -> tuple[list[Problem], bool]:
    """Unmatched quotation marks in ``text[start:end]``; and whether a “ was left open."""
    curly: list[int] = []
    single: list[int] = []
    straight: list[int] = []
    problems: list[Problem] = []
    german = "„" in text[start:end]
    for i in range(start, end):
        ch = text[i]
        if ch == '"':
            straight.append(i)
        elif ch == "“" and not german:
            curly.append(i)
        elif ch == "”" and not german:
            if curly:
                curly.pop()
            else:
                problems.append(Problem(i, ch, "unopened"))
        elif ch == "‘" and _opens(text, i) and not _ELISION.match(text, i):
            single.append(i)
        elif ch == "’" and single and _closes(text, i):
            single.pop()
    problems += [Problem(i, "“", "unclosed") for i in curly]
    problems += [Problem(i, "‘", "unclosed") for i in single]
    problems += _straight(text, straight)
    return problems, bool(curly)


def _paragraphs(text: str, spans: list[Span], per_line: bool) -> list[tuple[int, int]]:
    start, end = spans[0].start, spans[-1].end
    breaks = (
        [m.start() for m in re.finditer(r"\n", text[start:end])]
        if per_line
        else [m.start() for m in _BLANK_LINE.finditer(text[start:end])]
    )
    out: list[tuple[int, int]] = []
    pos = start
    for b in breaks:
        out.append((pos, start + b))
        pos = start + b + 1
    out.append((pos, end))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _starts_with_quote(text: str, a: int, b: int) -> bool:
    stripped = text[a:b].lstrip(" \t\r\n\u00a0>")
    return stripped[:1] in ("“", '"')


class UnbalancedQuotes(Rule):
    """A quotation mark that opens and never closes, or closes and never opened.

    What it checks
        Each paragraph of the essay's prose (paragraphs are separated by a
        blank line; in a Word document every paragraph is its own) is read
        for quotation marks. A curly “ must be closed by ” in the same
        paragraph, and a ” needs a “ before it. Straight double quotes must
        pair up; which one is wrong is told by the spaces around it. A single
        ‘ counts as an opening quote only where a quotation can start (at the
        start, after a space, an opening bracket or a “), and it needs a
        closing ’; a ’ inside or at the end of a word is an apostrophe (don’t,
        women’s, students’), so a ’ alone is never reported. Single quotes
        nested in double ones are fine.

        A quotation may run over several paragraphs only in the usual
        convention: every paragraph of it opens with “ and only the last one
        closes. So an unclosed “ is not reported when the next paragraph
        starts with a quotation mark. Paragraphs that use German quotes („…“)
        are not checked for curly double quotes. Code, URLs, HTML and the
        reference list are not read.

    Why it matters
        An unmatched quotation mark leaves the reader unsure where the quoted
        words end and your own begin, which is exactly what a marker checks
        when deciding whether a passage is quoted or paraphrased.

    Example
        "… because we’re just not represented in the news media,” says
        Caroline Criado-Perez. The ” closes a quotation that never opened.

    Fix
        Add the missing opening or closing mark, or delete the stray one.
    """

    code = "T404"
    name = "unbalanced-quotes"
    default_severity = "warning"
    summary = "a quotation that opens and never closes, or closes and never opened"
    requires = frozenset()

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        spans = ctx.prose_spans
        if not spans:
            return
        masked = ctx.prose_text
        per_line = ctx.document.format in PARAGRAPH_LINE_FORMATS
        paragraphs = _paragraphs(masked, spans, per_line=per_line)
        for n, (a, b) in enumerate(paragraphs):
            problems, left_open = paragraph_problems(masked, a, b)
            continued = (
                left_open
                and n + 1 < len(paragraphs)
                and _starts_with_quote(masked, *paragraphs[n + 1])
            )
            for p in sorted(problems, key=lambda p: p.offset):
                if continued and p.kind == "unclosed" and p.mark in '“"':
                    continue
                yield self._report(ctx, p)

    def _report(self, ctx: RuleContext, p: Problem) -> Finding:
        closer = {"“": "”", "‘": "’", '"': '"'}.get(p.mark, '"')
        opener = {"”": "“"}.get(p.mark, '"')
        if p.kind == "unclosed":
            message = (
                f"this {p.mark} opens a quotation that is never closed in its paragraph; "
                f"add the closing {closer} where the quotation ends"
            )
        else:
            message = (
                f"this {p.mark} closes a quotation that never opened; "
                f"add the opening {opener} where the quotation starts, or delete this one"
            )
        return self.finding(ctx, Span(start=p.offset, end=p.offset + 1), message, word=p.mark)
