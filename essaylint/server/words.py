""" "Add to dictionary": put a word into a config file's ``words`` list. Pure.

The file's text is edited in place (comments, order and layout kept): the word
goes at the end of an existing ``words = [...]`` array of the essaylint table
(``[tool.essaylint]`` in pyproject.toml, the top level of .essaylint.toml), or
a ``words = ["..."]`` line is added at the start of that table. The result is
parsed again; when the word did not land in the list (a layout this editor
does not understand), nothing is changed.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

from essaylint.lazy_pattern import compile_lazily

_HEADER = compile_lazily(r"^[ \t]*\[[^\n]*$", re.MULTILINE)
_TOOL_HEADER = compile_lazily(
    r"^[ \t]*\[[ \t]*tool[ \t]*\.[ \t]*essaylint[ \t]*\][ \t]*(?:#[^\n]*)?$", re.MULTILINE
)
_WORDS_KEY = compile_lazily(r"^[ \t]*words[ \t]*=[ \t]*\[", re.MULTILINE)


def _toml(text: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib.loads(text)


def _table_words(data: dict[str, Any], pyproject: bool) -> list[Any]:
    table: Any = data.get("tool", {}).get("essaylint", {}) if pyproject else data
    words = table.get("words", []) if isinstance(table, dict) else []
    return words if isinstance(words, list) else []


def _array_end(text: str, pos: int) -> tuple[int, int, bool] | None:
    """For an array opened just before ``pos``: (offset of its ``]``, end of its last
    value, whether a comma follows that value). Strings and comments are skipped."""
    last_end, comma = -1, False
    i, n = pos, len(text)
    while i < n:
        ch = text[i]
        if ch == "]":
            return i, last_end, comma
        if ch == "#":
            nl = text.find("\n", i)
            i = n if nl == -1 else nl
            continue
        if ch in "\"'":
            triple = text.startswith(ch * 3, i)
            quote = ch * 3 if triple else ch
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if ch == '"' and text[j] == "\\" else 1
            if j >= n:
                return None
            i = last_end = j + len(quote)
            comma = False
            continue
        if ch == ",":
            comma = True
        elif ch == "[":
            return None  # nested arrays are not a word list
        elif not ch.isspace():
            return None
        i += 1
    return None


def add_word(text: str, word: str, *, pyproject: bool) -> str | None:
    """``text`` with ``word`` in the essaylint ``words`` list, or None when that cannot be done."""
    try:
        before = _toml(text)
    except ValueError:
        return None
    if word in _table_words(before, pyproject):
        return text
    quoted = json.dumps(word, ensure_ascii=False)
    if pyproject:
        header = _TOOL_HEADER.search(text)
        if header is None:
            sep = (
                ""
                if not text or text.endswith("\n\n")
                else ("\n" if text.endswith("\n") else "\n\n")
            )
            new = f"{text}{sep}[tool.essaylint]\nwords = [{quoted}]\n"
            return _checked(new, word, pyproject)
        start = header.end() + 1 if header.end() < len(text) else len(text)
        nxt = _HEADER.search(text, start)
        end = nxt.start() if nxt else len(text)
    else:
        start = 0
        nxt = _HEADER.search(text)
        end = nxt.start() if nxt else len(text)
    key = _WORDS_KEY.search(text, start, end)
    if key is None:
        prefix = text[:start]
        if start == len(text) and prefix and not prefix.endswith("\n"):
            prefix += "\n"
        return _checked(f"{prefix}words = [{quoted}]\n{text[start:]}", word, pyproject)
    found = _array_end(text, key.end())
    if found is None:
        return None
    _close, last_end, comma = found
    if last_end == -1:
        new = text[: key.end()] + quoted + text[key.end() :]
    elif comma:
        at = text.index(",", last_end) + 1
        new = text[:at] + f" {quoted}," + text[at:]
    else:
        new = text[:last_end] + f", {quoted}" + text[last_end:]
    return _checked(new, word, pyproject)


def _checked(new: str, word: str, pyproject: bool) -> str | None:
    try:
        return new if word in _table_words(_toml(new), pyproject) else None
    except ValueError:
        return None
