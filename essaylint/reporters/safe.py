"""Text from essays and from Crossref made safe to print on a terminal.

An essay, a file name or a bibliographic record can hold control characters:
``ESC[2J`` clears a screen, a carriage return hides what came before it, a
bell rings. Nothing read from outside is printed raw: every control character
(C0 and C1, DEL, and the bidirectional overrides that reorder what is shown)
becomes U+FFFD, so what a person sees is what is there.
"""

from __future__ import annotations

from essaylint.lazy_pattern import compile_lazily

_UNSAFE = compile_lazily("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with every control character (tabs and newlines aside) shown as U+FFFD."""
    return _UNSAFE.sub("\ufffd", text)
