"""Regular expressions compiled the first time they are used.

essaylint keeps several hundred module-level patterns, one per thing it
recognises (a year, an MLA title citation, a LaTeX macro, a note marker …).
Compiling them all at import cost about a fifth of a cold ``essaylint check``,
and a typical essay uses fewer than half of them: a plain-text APA essay never
touches the LaTeX, footnote or MLA patterns. :func:`compile_lazily` gives a
stand-in with the methods essaylint calls on a compiled pattern; it compiles
on the first of them and keeps the result, so each pattern is compiled at most
once per process, and only if some document needs it.

``pattern`` (the source text) needs no compiling, so patterns can still be
spliced into larger ones at import time. Every module-level pattern in the
package is made this way (``tests/unit/test_lazy_pattern.py`` checks it).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

#: What ``sub``/``subn`` accept as a replacement: a template or a function of the match.
Replacement = str | Callable[[re.Match[str]], str]


class LazyPattern:
    """A regular expression over ``str``, compiled on first use (see the module docstring)."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int | re.RegexFlag = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if this is its first use)."""
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._source, self._flags)
        return compiled

    @property
    def pattern(self) -> str:
        """The source text, available without compiling."""
        return self._source

    @property
    def flags(self) -> int:
        return self.compiled.flags

    @property
    def groupindex(self) -> Any:
        return self.compiled.groupindex

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self.compiled.fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled.findall(string, pos, endpos)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled.split(string, maxsplit)

    def sub(self, repl: Replacement, string: str, count: int = 0) -> str:
        return self.compiled.sub(repl, string, count)

    def subn(self, repl: Replacement, string: str, count: int = 0) -> tuple[str, int]:
        return self.compiled.subn(repl, string, count)

    def __repr__(self) -> str:
        return f"compile_lazily({self._source!r}, {self._flags!r})"


def compile_lazily(source: str, flags: int | re.RegexFlag = 0) -> LazyPattern:
    """A pattern for ``source`` that is compiled when first used (see the module docstring)."""
    return LazyPattern(source, flags)
