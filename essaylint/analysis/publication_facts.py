"""A Chicago-style source line's facts of publication: "(Academic Press, 2018)".

A note or bibliography entry in Chicago's note form names its authors, then its
title, then the publisher and year in parentheses: "Li Moss and Ann Vey, Signal
Decay (New York: Northgate Press, 2019), 12." Met outside a footnote or a list,
such a parenthesis is no author-date citation of "Northgate Press": it closes a
line that is itself a source.
"""

from __future__ import annotations

from essaylint.analysis.patterns import BULLET, PUBLISHER_WORD, YEAR
from essaylint.lazy_pattern import compile_lazily

# "(Academic Press, 2018)", "(New York: Academic Press, 2018)".
_FACTS = compile_lazily(
    r"(?:[^:()\n]{1,40}:\s*)?[A-Z][^()\n]{0,60}?\b" + PUBLISHER_WORD + r",?\s+" + YEAR + r"\s*"
)
# A source's head in note order: "Given Family[, Given Family | and Given Family], " then the title.
_PERSON = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}"
_NOTE_HEAD = compile_lazily(
    r"^\s*(?:"
    + BULLET
    + r"\s+|\d{1,3}[.)]\s+)?"
    + _PERSON
    + r"(?:(?:,\s+|,?\s+and\s+|\s+&\s+)"
    + _PERSON
    + r"){0,3},\s+\S"
)
# After the parenthesis, only the pages and the closing stop: ", 377-90." / ".".
_LINE_END = compile_lazily(r"\s*(?:,\s*\d{1,4}(?:\s*[-–]\s*\d{1,4})?)?\.?\s*$")


def closes_source_line(text: str, start: int, end: int) -> bool:
    """Is the parenthesis ``text[start:end]`` the publisher and year that end a source line?"""
    content = text[start + 1 : end - 1]
    if not _FACTS.fullmatch(content):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    after = text[end : line_end if line_end >= 0 else len(text)]
    return bool(_LINE_END.fullmatch(after)) and bool(_NOTE_HEAD.match(text[line_start:start]))
