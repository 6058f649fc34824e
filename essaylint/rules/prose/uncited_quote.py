"""T406 uncited-quote."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Finding, Span
from essaylint.rules.base import Rule, RuleContext

MIN_WORDS = 6

_QUOTE = compile_lazily(r"“([^“”\n]*)”|(?<![\w\"])\"([^\"\n]*)\"(?![\w\"])")
_BLOCK_LINE = compile_lazily(r"^[ \t]{0,3}>[^\n]*(?:\n|\Z)", re.M)
_HEADING_LINE = compile_lazily(r"^[ \t]{0,3}#{1,6}[ \t][^\n]*$", re.M)
_WORD = compile_lazily(r"[^\W_][\w'’-]*")
# The end of a sentence: . ! ? (maybe followed by a closing quote or bracket)
# then a space and a capital, a quote or a digit; or a blank line.
_SENTENCE_END = compile_lazily(
    r"(?<!\b[A-Z])(?<!\bal)(?<!\be\.g)(?<!\bi\.e)(?<!\bpp)(?<!\bp)(?<!\bvs)"
    r"[.!?][\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])|\n[ \t>]*\n"
)
# A quoted example rather than a quotation: "Example: "...", "e.g. "...", "such as "...".
_EXAMPLE_LEAD = compile_lazily(
    r"(?:\bexamples?|\be\.\s?g\.|\bfor instance|\bsuch as|\blike)"
    r"\s*[:,]?\s*[*_]*$",
    re.IGNORECASE,
)
_LIST_ITEM = compile_lazily(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+[*_]*$")
_ADMONITION = compile_lazily(r"[ \t]{0,3}>[ \t]*\[![A-Za-z]+\]")
_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of",
     "on", "or", "the", "to", "with", "vs", "via"}
)  # fmt: skip


def _sentence_bounds(text: str, start: int, end: int, limit: tuple[int, int]) -> list[int]:
    """Sentence boundaries around ``[start, end)``: [start of its sentence,
    end of its sentence, end of the next sentence]."""
    lo, hi = limit
    begin = lo
    for m in _SENTENCE_END.finditer(text, max(lo, start - 2000), start):
        begin = m.end()
    ends: list[int] = []
    for m in _SENTENCE_END.finditer(text, end, hi):
        ends.append(m.end())
        if len(ends) == 2:
            break
    while len(ends) < 2:
        ends.append(hi)
    return [begin, *ends]


def _title_like(words: Sequence[str]) -> bool:
    """ "The Power of Social Media in the Fight for Progress": a title, not a quotation."""
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(content) and sum(1 for w in content if w[:1].isupper()) >= 0.8 * len(content)


class UncitedQuote(Rule):
    """A direct quotation with no citation in its sentence or the next.

    What it checks
        Text of six words or more between double quotation marks (straight
        "…" or curly “…”) in the essay's prose, and Markdown block quotes
        (lines starting with ">"). Such a quotation needs a citation that
        starts in the same sentence or in the next one; for a block quote, in
        the block itself, in the sentence that introduces it, or in the
        sentence right after it. Quoted words shorter than six words (scare
        quotes, a quoted term) and quoted titles (most words capitalised) are
        not reported, and neither are quotations in headings.

    Why it matters
        Quoting someone's words without saying whose they are, and where they
        come from, is plagiarism in most academic codes even when the quote
        marks are there: the reader must be able to find the source.

    Example
        The campaign calls for "gender inequality and the imbalance of power"
        to be addressed. (No author, year or page.)

    Fix
        Add the citation, with a page or paragraph number for a direct quote:
        (Burke, 2018, p. 12); in MLA, author and page: (Burke 12). Or
        paraphrase and cite.
    """

    code = "T406"
    name = "uncited-quote"
    default_severity = "warning"
    summary = "a direct quotation with no citation in its sentence or the next"
    requires = frozenset()

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        spans = ctx.prose_spans
        if not spans:
            return
        masked = ctx.prose_text
        limit = (spans[0].start, spans[-1].end)
        starts = sorted(c.span.start for c in ctx.citations)
        headings = [(m.start(), m.end()) for m in _HEADING_LINE.finditer(masked, *limit)]
        blocks = self._blocks(masked, limit)
        found: list[Finding] = []
        for m in _QUOTE.finditer(masked, *limit):
            inner = m.group(1) if m.group(1) is not None else m.group(2)
            words = _WORD.findall(inner)
            if len(words) < MIN_WORDS or _title_like(words):
                continue
            if any(a <= m.start() < b for a, b in headings + blocks):
                continue
            if _example(masked, m.start(), m.end(), inner):
                continue
            begin, _, next_end = _sentence_bounds(masked, m.start(), m.end(), limit)
            if _cited(starts, begin, next_end):
                continue
            found.append(self._report(ctx, Span(start=m.start(), end=m.end()), len(words)))
        for a, b in blocks:
            words = _WORD.findall(masked[a:b].replace(">", " "))
            if len(words) < MIN_WORDS or _ADMONITION.match(masked, a):
                continue
            p = a
            while p > limit[0] and masked[p - 1].isspace():
                p -= 1
            first = _sentence_bounds(masked, p, p, limit)[0]  # the lead-in sentence
            after = _sentence_bounds(masked, b, b, limit)[1]
            if _cited(starts, first, after):
                continue
            end = a + len(masked[a:b].rstrip())
            found.append(self._report(ctx, Span(start=a, end=end), len(words), block=True))
        yield from sorted(found, key=lambda f: f.span.start)

    @staticmethod
    def _blocks(masked: str, limit: tuple[int, int]) -> list[tuple[int, int]]:
        """Runs of consecutive block-quote lines."""
        out: list[tuple[int, int]] = []
        for m in _BLOCK_LINE.finditer(masked, *limit):
            if out and out[-1][1] == m.start():
                out[-1] = (out[-1][0], m.end())
            else:
                out.append((m.start(), m.end()))
        return out

    def _report(self, ctx: RuleContext, span: Span, words: int, *, block: bool = False) -> Finding:
        what = "block quotation" if block else "quotation"
        return self.finding(
            ctx,
            span,
            f"this {what} ({words} words) has no citation in its sentence or the next; "
            "say whose words they are: "
            + (
                "add the author and page, e.g. (Smith 45)"
                if ctx.essay.style == "mla"
                else "add the author, year and page"
            ),
        )


def _example(text: str, start: int, end: int, inner: str) -> bool:
    """A quoted example phrase: after "Example:" or "such as", a whole list item, or
    trailing off with an ellipsis ("It sounds like you're concerned about...")."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if _EXAMPLE_LEAD.search(before) or _LIST_ITEM.match(before):
        return True
    return inner.rstrip().endswith(("...", "…"))


def _cited(starts: Sequence[int], lo: int, hi: int) -> bool:
    return any(lo <= s < hi for s in starts)
