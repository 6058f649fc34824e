"""Character offsets into a document <-> LSP positions (line, column in code units). Pure.

essaylint's spans count code points; an LSP client counts UTF-16 code units
unless it agreed to another encoding at initialisation ("utf-8", "utf-16",
"utf-32"). Lines end at ``\\n`` (a ``\\r`` before it stays part of the line, so
CRLF files map exactly); a lone ``\\r`` line ending is not treated as a break.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from essaylint.models import line_starts

UNIT_WIDTH = {"utf-8": 0, "utf-16": 2, "utf-32": 4}


def _units(chunk: str, encoding: str) -> int:
    """How many code units of ``encoding`` the characters of ``chunk`` take."""
    if encoding == "utf-32" or chunk.isascii():
        return len(chunk)
    if encoding == "utf-8":
        return len(chunk.encode("utf-8", "surrogatepass"))
    return len(chunk.encode("utf-16-le", "surrogatepass")) // 2


class LineIndex:
    """Positions in one text, for one client's position encoding."""

    def __init__(
        self, text: str, encoding: str = "utf-16", starts: Sequence[int] | None = None
    ) -> None:
        self.text = text
        self.encoding = encoding if encoding in UNIT_WIDTH else "utf-16"
        self.starts = tuple(starts) if starts else line_starts(text)

    def position(self, offset: int) -> tuple[int, int]:
        """0-based (line, column in code units) of a character offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return line, _units(self.text[start:offset], self.encoding)

    def offset(self, line: int, column: int) -> int:
        """The character offset of a 0-based (line, column); clamped to the text and line."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[line]
        end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)
        chunk = self.text[start:end]
        if self.encoding == "utf-32" or chunk.isascii():
            return start + max(0, min(column, len(chunk)))
        units = 0
        for i, char in enumerate(chunk):
            if units >= column:
                return start + i
            units += _units(char, self.encoding)
        return end
