"""A headed list of citations, not of entries: "Key Sources: - Olmsted (2020) - McGraw
(2006), Viega & McGraw (2002) - GDPR (EU, 2018)".

Some writers sum up the works they used under a heading such as "Standards and
Academic References" in the middle of the essay, each item the author and the year
as the body cites them, and give the entries themselves in a list further on. Such
items end with their year in parentheses and hold nothing before it but names:
no title, no publisher, no lower-case words. A list whose dated items are mostly of
that shape cites the works; the list that follows holds them.
"""

from __future__ import annotations

from collections.abc import Sequence

from essaylint.analysis.entry_shape import entry_body
from essaylint.analysis.patterns import YEAR
from essaylint.lazy_pattern import compile_lazily

# A parenthesis that holds a year, with names or a page beside it: "(2020)", "(EU, 2018)".
_DATED_PARENTHESIS = compile_lazily(rf"\([^()]{{0,80}}?\b{YEAR}[^()]{{0,20}}\)")
_LAST_DATED = compile_lazily(rf"\([^()]{{0,80}}?\b{YEAR}[^()]{{0,20}}\)[\s*_.:;,]*$")
# Lower-case words that may stand among names: "and", "et al.", particles.
_NAME_WORDS = frozenset("and et al van von de der den du la le da di".split())
_MAX_NAME_WORDS = 10
_MIN_CITATIONS = 3
_MOST = 2 / 3


def _bare_citation(text: str) -> bool:
    """ "Olmsted (2020)", "**McGraw (2006), Viega & McGraw (2002)**", "GDPR (EU, 2018)"."""
    body = entry_body(text).strip()
    if not _LAST_DATED.search(body):
        return False
    names = _DATED_PARENTHESIS.sub(" ", body).replace("*", " ").replace("_", " ")
    words = [w.strip(".,;:&") for w in names.split()]
    words = [w for w in words if w]
    if not words or len(words) > _MAX_NAME_WORDS:
        return False
    return all(w[:1].isupper() or w.casefold() in _NAME_WORDS for w in words)


def lists_citations(items: Sequence[str]) -> bool:
    """Are most of a list's dated items bare citations, and at least three of them?"""
    dated = [text for text in items if _DATED_PARENTHESIS.search(text)]
    bare = sum(1 for text in dated if _bare_citation(text))
    return bare >= _MIN_CITATIONS and bare >= _MOST * len(dated)
