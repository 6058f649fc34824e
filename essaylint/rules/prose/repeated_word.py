"""T402 repeated-word."""

from __future__ import annotations

import re
from collections.abc import Iterator

from essaylint.lazy_pattern import compile_lazily
from essaylint.models import PARAGRAPH_LINE_FORMATS, Edit, Finding, Span
from essaylint.rules.base import Rule, RuleContext

# A word: letters, with inner apostrophes and hyphens ("don't", "well-known").
_WORD = compile_lazily(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# What may stand between the two copies: spaces, one line break, emphasis marks.
_GAP = compile_lazily(r"[ \t\u00a0*_~]*(?:\r?\n[ \t\u00a0*_~>]*)?")

# Doubles that are grammatical or are words in their own right.
ALLOWED = frozenset(
    {
        "had",  # "she had had enough"
        "that",  # "he said that that was wrong"
        "bye", "ha", "haha", "ho", "tut", "tsk", "hush", "boo", "blah", "bla",
        "yada", "knock", "chop", "tom", "mahi", "beri", "dum", "pom", "bon",
        "wagga", "night",
    }
)  # fmt: skip


def _ends_heading(text: str, end: int) -> bool:
    """Is the line that ends at ``end`` a heading (Markdown #, or short with no full stop)?"""
    start = text.rfind("\n", 0, end) + 1
    line = text[start:end].strip()
    if line.startswith("#"):
        return True
    after = text[end : text.find("\n", end) if "\n" in text[end:] else len(text)].strip()
    before = text[: max(0, start - 1)]
    previous_line = before[before.rfind("\n") + 1 :].strip()
    return (
        not after
        and line[:1].isupper()
        and not previous_line
        and len(line.split()) <= 12
        and not line.endswith((",", ";", ":"))
    )


class RepeatedWord(Rule):
    """The same word twice in a row: "in in", "the the".

    What it checks
        Two copies of a word next to each other in the essay's prose, ignoring
        case ("The the"), across a line break and across Markdown emphasis
        marks ("the *the*"). Any punctuation between the copies stops the
        check, so "it ended. Ended, it" and "no, no" are fine, and so is a
        paragraph break. Grammatical doubles are allowed: "had had" ("she had
        had enough") and "that that" ("he said that that was wrong"), as are
        words that are doubles by nature ("bye bye", "tom tom", "mahi mahi")
        and names written with two capitals ("Bora Bora", "Duran Duran").
        Numbers, code, URLs, citations, the reference list and text after it
        are not read.

    Why it matters
        A doubled word is almost always a slip made while editing a sentence,
        and a spell checker cannot see it because each word is spelt right.

    Example
        "... to support and maintain relationships in in the workplace ..."

    Fix
        Delete one of the two words. The finding carries a safe fix that
        removes the second copy and the space before it.
    """

    code = "T402"
    name = "repeated-word"
    default_severity = "warning"
    summary = 'the same word twice in a row ("in in")'
    requires = frozenset()

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        text = ctx.document.text
        spans = ctx.prose_spans
        if not spans:
            return
        masked = ctx.prose_text
        # In .docx, .odt and HTML every line of the text is a paragraph or heading of its own.
        paragraph_lines = ctx.document.format in PARAGRAPH_LINE_FORMATS | {"html"}
        previous: re.Match[str] | None = None
        for m in _WORD.finditer(masked, spans[0].start, spans[-1].end):
            first, previous = previous, m
            if first is None:
                continue
            one, two = first.group(0), m.group(0)
            if one.casefold() != two.casefold() or one.casefold() in ALLOWED:
                continue
            gap = text[first.end() : m.start()]
            if not _GAP.fullmatch(gap):
                continue
            if "\n" in gap and (paragraph_lines or _ends_heading(text, first.end())):
                continue  # a heading or paragraph ends between the two words
            if one[:1].isupper() and two[:1].isupper() and not one.isupper():
                continue  # "Bora Bora", "Duran Duran": a name
            fix = None
            if not gap.strip(" \t\u00a0\r\n"):
                fix = Edit(span=Span(start=first.end(), end=m.end()), replacement="")
            yield self.finding(
                ctx,
                Span(start=m.start(), end=m.end()),
                f"the word '{two.lower()}' is repeated: '{one} {two}'; delete one",
                word=two,
                suggestions=(one,),
                fix=fix,
            )
