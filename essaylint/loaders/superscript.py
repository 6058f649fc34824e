"""Superscript numbers glued to a word: numeric citations as the page shows them.

Vancouver and AMA essays cite by superscript numbers ("death rate¹³",
"…cancer.¹,⁷,¹¹", "rectum²,⁵⁻⁶"). A structured format (Word's
``w:vertAlign``, HTML ``<sup>``, an ODT text style) marks them superscript,
but as plain text they fuse with the word ("rate13"). Every loader hands a
superscript run of numbers, commas and ranges that is glued to a word or to
punctuation to :func:`superscript_citation`, which writes it the way a
numeric citation is read everywhere else, in brackets ("rate[13]"); whether
the document is numeric at all is decided later, as for typed brackets.

Not citations, and left as they are: a superscript after a digit ("10³",
"1/16") unless the digits are a year ("first printed in 1538⁵"), after a
word of one or two letters ("x²", "cm²", "m³"), after a space, and anything
with letters ("1st", "16th").
"""

from __future__ import annotations

from essaylint.lazy_pattern import compile_lazily

_SPEC = compile_lazily(r"\d{1,3}(?:\s*[-–,]\s*\d{1,3})*")
_WORD_END = compile_lazily(r"[^\W\d_]+$")
_AFTER = frozenset(".,;:)]”\"’'%")  # "25%³": a share's source, never its power
# A year the superscript follows: "in 1538⁵" (no power is taken of a year).
_YEAR_END = compile_lazily(r"(?<![\d.,/])1[5-9]\d\d$|(?<![\d.,/])20\d\d$")


def superscript_citation(before: str, text: str) -> str | None:
    """``text`` (a superscript run) written as "[n]" when it is a citation after ``before``."""
    spec = text.strip().rstrip(",").strip()
    if not spec or not _SPEC.fullmatch(spec) or not before or before[-1].isspace():
        return None
    last = before[-1]
    if last.isalpha():
        word = _WORD_END.search(before)
        if word is None or len(word.group(0)) < 3:
            return None
    elif last not in _AFTER and _YEAR_END.search(before) is None:
        return None
    trailing = text[len(text.rstrip()) :]
    return f"[{spec}]{trailing}"
