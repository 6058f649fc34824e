"""The entry a mistyped citation key most likely meant.

A pandoc or LaTeX key with no entry ("@ipums-us", "\\cite{rstanarm}") is often a
slip for a key the bibliography has ("ipums_usa", "citerstanarm"): the same
letters and digits with other punctuation, the key inside a longer one (or the
reverse), or one or two letters apart. :func:`meant_key` finds that key when
exactly one fits, so the finding can say which entry the key was meant for.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rapidfuzz.distance import Levenshtein

_SHORTEST = 5  # squeezed keys shorter than this ("li", "ieee") are too common to guess from
_TYPOS = 2  # letters that may differ between a key of ten or more characters and its entry's
_SHORT_KEY = 10  # below this length a single letter may differ


def _squeezed(key: str) -> str:
    """A key's letters and digits, lower case: "IPUMS-USA" and "ipums_usa" agree."""
    return re.sub(r"[^0-9a-z]", "", key.casefold())


def meant_key(key: str, keys: Mapping[str, int]) -> int | None:
    """The index of the one key in ``keys`` that ``key`` is a slip for, or None.

    Tried in order, each only when exactly one key fits: the same letters and
    digits; one key inside the other; one letter apart (two for keys of ten or
    more characters).
    """
    cited = _squeezed(key)
    if len(cited) < _SHORTEST:
        return None
    squeezed = [(_squeezed(k), i) for k, i in keys.items()]
    typos = _TYPOS if len(cited) >= _SHORT_KEY else 1
    tests = (
        lambda other: other == cited,
        lambda other: len(other) >= _SHORTEST and (cited in other or other in cited),
        lambda other: Levenshtein.distance(cited, other, score_cutoff=typos) <= typos,
    )
    for fits in tests:
        found = {i for other, i in squeezed if fits(other)}
        if found:
            return found.pop() if len(found) == 1 else None
    return None


def one_letter_off(a: str, b: str) -> bool:
    """ "Uzum" for "Uzun": one letter added, dropped or changed after the first."""
    return a[:1] == b[:1] and Levenshtein.distance(a, b, score_cutoff=1) == 1


def letters_swapped(a: str, b: str) -> bool:
    """ "Karami" for "Kamari", "Torlavds" for "Torvalds": the same letters, the first in
    place, two of the rest swapped."""
    return (
        len(a) == len(b) >= 5
        and a[0] == b[0]
        and sorted(a) == sorted(b)
        and sum(x != y for x, y in zip(a, b, strict=True)) == 2
    )
