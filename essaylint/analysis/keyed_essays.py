"""Typed author-date readings in an essay that cites by key (LaTeX ``\\cite``, pandoc ``@key``).

Such an essay lists only what its keys cite, printed from the database, so an
author-date reading of a parenthesis counts as a citation only when an entry
names its author (or a near spelling of one), it has co-authors or "et al.",
or the writer discusses that author elsewhere in the text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rapidfuzz import fuzz

from essaylint.analysis.matching import NEAR_NAME, citation_name_keys, known_name_keys
from essaylint.analysis.patterns import YEAR_DIGITS
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Citation, Reference


def named_in_database(
    citations: Sequence[Citation], references: Sequence[Reference], text: str = ""
) -> tuple[Citation, ...]:
    """The citations of an essay that cites by key, less author-date readings no entry names.

    Its works are cited with ``\\cite{key}`` or ``[@key]`` and listed by BibTeX or
    citeproc from the database, so a parenthesis with one name and a year that no
    entry has, nor anything near it, is prose: "(Stand 2004)" ("as of 2004"),
    "(Version 2, 2021)". Co-authors ("Vipa and Korinek, 2023") make a citation, and
    so does a typed "(Hardin, 1968)" whose author the essay ``text`` names again
    (:func:`_typed_for_a_discussed_author`).
    """
    known = known_name_keys(references)

    def named(citation: Citation) -> bool:
        keys = citation_name_keys(citation)
        return any(key in known for key in keys) or any(
            fuzz.ratio(key, other) >= NEAR_NAME for key in keys for other in known
        )

    words: Counter[str] | None = None  # the text's letter runs, counted once if needed

    def discussed(citation: Citation) -> bool:
        nonlocal words
        if words is None:
            words = Counter(m.group(0) for m in _LETTER_RUN.finditer(text))
        return _typed_for_a_discussed_author(citation, words)

    return tuple(
        c
        for c in citations
        if c.kind != "author-date"
        or len(c.authors) > 1
        or c.et_al
        or c.key  # an author misspelt beside the key of their entry
        or named(c)
        or discussed(c)
    )


_LETTER_RUN = compile_lazily(r"[^\W\d_]+")
# "(Hardin, 1968)": one surname, a comma, the year, as an author-date citation is typed.
_TYPED_NAME_YEAR = compile_lazily(
    r"\(?(?P<name>[A-Z][a-z'’-]+),\s*(?:" + YEAR_DIGITS + r")[a-z]?(?:[,;:][^()]*)?\)?"
)


def _typed_for_a_discussed_author(citation: Citation, words: Counter[str]) -> bool:
    """A parenthesis typed as a citation, "(Hardin, 1968)", of an author the essay names
    elsewhere too ("Hardin argues ..."): a citation the writer typed beside the keyed
    ones, which the list must hold. Named once, in the parenthesis only, it may be prose.
    ``words`` counts the essay's runs of letters ("O'Day" is "O" and "Day")."""
    typed = _TYPED_NAME_YEAR.fullmatch(citation.text.strip())
    if citation.narrative or typed is None or typed.group("name") != citation.authors[0]:
        return False
    runs = _LETTER_RUN.findall(typed.group("name"))
    return bool(runs) and min(words[run] for run in runs) > 1
