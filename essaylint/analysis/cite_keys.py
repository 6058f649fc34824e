"""What a citation key says of its work.

Reference managers and Google Scholar make keys from the first author's family
name and the year: ``kant1993groundwork``, ``Masur2020``, ``duggan_gaming_2015``,
``dugganGaming2015``, ``smith:2011``. When a key names no entry, that is all
anyone knows of the work, and it is enough to tell two missing works apart.
"""

from __future__ import annotations

from essaylint.analysis.patterns import YEAR_DIGITS
from essaylint.lazy_pattern import compile_lazily

# The family name: letters up to a separator, a digit or the next capital.
_NAME = compile_lazily(r"[A-Z]{2,}(?=[_:.\-\d])|[A-Za-z][a-z'’]*(?:-[A-Za-z][a-z'’]*)?")
_YEAR = compile_lazily(r"(?<!\d)(" + YEAR_DIGITS + r")(?!\d)")
_NO_AUTHOR = frozenset({"noauthor", "anon", "anonymous", "unknown", "nd"})


def author_year_of_key(key: str) -> tuple[str | None, str] | None:
    """``("Kant", "1993")`` for ``kant1993groundwork``; ``None`` when the key has no year.

    The author is ``None`` when the key starts with no name ("noauthor_essential_2018",
    "2019report").
    """
    year = _YEAR.search(key)
    if year is None:
        return None
    name = _NAME.match(key)
    if name is None or name.end() > year.start() or name.group().casefold() in _NO_AUTHOR:
        return None, year.group(1)
    family = name.group()
    return family[0].upper() + family[1:], year.group(1)
