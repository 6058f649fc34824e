"""LaTeX as a reader sees it: :func:`latex_to_text` decodes accents, escapes,
ligatures and ties and drops braces and commands, through pybtex's LaTeX reader
(loaded only for a text that has markup). A .bib field and a ``\\bibitem`` of
a ``thebibliography`` list are read by it alike.
"""

from __future__ import annotations

import functools
from typing import Any

from essaylint.lazy_pattern import compile_lazily

_LEFTOVER_COMMAND = compile_lazily(r"\\[A-Za-z]+\*?\s*")
_WHITESPACE = compile_lazily(r"\s+")


@functools.cache
def _plain_backend() -> Any:
    # render_as("text") looks the backend up through entry points on every call,
    # which is slow; one backend instance serves every field.
    from pybtex.backends.plaintext import Backend

    return Backend()


# What LaTeX decoding has to deal with: commands, groups, ties, escapes, ligatures, math.
_LATEX_MARKUP = compile_lazily(r"[\\{}~$%&#_^]|--|``|''")


def latex_to_text(value: str) -> str:
    """Plain text of a BibTeX field value: accents decoded, braces and markup dropped."""
    if not _LATEX_MARKUP.search(value):
        return _WHITESPACE.sub(" ", value).strip()  # nothing to decode (most fields): fast path
    from pybtex.richtext import Text

    try:
        text = str(Text.from_latex(value).render(_plain_backend()))
    except Exception:  # pybtex's LaTeX reader is strict about braces; fall back
        text = value.replace("{", "").replace("}", "")
    text = _LEFTOVER_COMMAND.sub("", text).replace("\\", "")
    return _WHITESPACE.sub(" ", text).strip()
