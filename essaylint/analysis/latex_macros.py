"""Citation commands a LaTeX writer defines for themselves.

A writer who cites the same way again and again defines a command for it:
``\\newcommand{\\site}[2]{\\citep[S. #2]{#1}}`` makes ``\\site{hemleben63}{78}`` a
citation of ``hemleben63``. The definition itself cites the parameter ``#1``,
no work; each use cites the key in that argument.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from essaylint.analysis.patterns import LATEX_CITE
from essaylint.lazy_pattern import compile_lazily

# "\newcommand{\site}[2]{", "\newcommand\site[2]{", "\renewcommand*{\cf}[1]{"
_DEFINITION = (
    r"\\(?:re)?(?:newcommand|providecommand)\*?\s*\{?\\(?P<name>[A-Za-z]+)\}?\s*"
    r"\[(?P<args>[1-9])\]\s*(?:\[[^\]]*\]\s*)?\{"
)
_PARAMETER = compile_lazily(r"^#([1-9])$")
_MOST_BODY = 400  # characters of a definition's body read for its cite command
# One braced argument of a use, without nested braces ("{hemleben63}").
_ARGUMENT = r"\s*\{([^{}]*)\}"
NARRATIVE_COMMANDS = frozenset({"citet", "textcite", "Textcite", "citeauthor"})


@dataclass(frozen=True)
class CiteMacro:
    """A command whose argument ``key_argument`` (1-based) is a cited key."""

    name: str
    arguments: int
    key_argument: int
    narrative: bool


def cite_macros(texts: Iterable[str]) -> tuple[CiteMacro, ...]:
    """The citation commands defined in ``texts`` (a project's files)."""
    found: dict[str, CiteMacro] = {}
    for text in texts:
        if "command" not in text:
            continue
        for m in re.finditer(_DEFINITION, text):
            body = text[m.end() : m.end() + _MOST_BODY]
            cite = LATEX_CITE.search(body[: _body_end(body)])
            parameter = _PARAMETER.match(cite.group("keys").strip()) if cite else None
            if cite is None or parameter is None:
                continue
            found[m.group("name")] = CiteMacro(
                name=m.group("name"),
                arguments=int(m.group("args")),
                key_argument=int(parameter.group(1)),
                narrative=cite.group("cmd") in NARRATIVE_COMMANDS,
            )
    return tuple(found.values())


def _body_end(body: str) -> int:
    """Where the definition's body closes (its braces balanced), or the text's end."""
    depth = 1
    for i, ch in enumerate(body):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i
    return len(body)


def macro_uses(
    text: str, macros: Sequence[CiteMacro], start: int = 0, end: int | None = None
) -> Iterator[tuple[re.Match[str], str, CiteMacro]]:
    """Each use of a citation command in ``text[start:end]``: the match and its key."""
    for macro in macros:
        for m in _use(macro).finditer(text, start, len(text) if end is None else end):
            key = m.group(macro.key_argument).strip()
            if key and "#" not in key:
                yield m, key, macro


@functools.lru_cache(maxsize=64)
def _use(macro: CiteMacro) -> re.Pattern[str]:
    return re.compile(rf"\\{macro.name}(?![A-Za-z])" + _ARGUMENT * macro.arguments)
