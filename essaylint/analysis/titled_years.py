"""A year right after a listed work's title: "Ruiz demonstrated in *Paper Memory* (2011)".

The parenthesis dates the work the title names, not the last word before it: read as
a name, "Memory (2011)" would cite an author called Memory. The words right before the
year are compared with the title of every entry that has authors (its whole title and
its short title, before a colon); the longest title that ends there names the work,
italics or not (Word and HTML text carry no asterisks), when the same sentence names
one of its authors before it ("Ruiz ... in", "Brennan's"). A title in the author's
place ("According to College Success (2015)") is left to the reader of names, which
reports it. A title of one word is left out ("Batman (1989)"): a single word is too
often a name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from essaylint.analysis.citation_names import SENTENCE_BREAK
from essaylint.analysis.text import name_key, title_key
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Reference

_MIN_TITLE_WORDS = 2
_REACH = 240  # characters before the year searched for a title
_SHORT_TITLE_END = compile_lazily(r"[:?!]")
_POSSESSIVE = compile_lazily(r"['’]s?(?!\w)")  # "Brennan's", "Jones'"


def _title_keys(title: str) -> set[str]:
    """The whole title and its short title, as keys with at least two words."""
    keys = {title_key(title), title_key(_SHORT_TITLE_END.split(title, maxsplit=1)[0])}
    return {key for key in keys if len(key.split()) >= _MIN_TITLE_WORDS}


class TitleIndex:
    """The entries with authors, by the last word of each of their titles' keys."""

    def __init__(self, works: Sequence[Reference]) -> None:
        self._by_last_word: dict[str, list[tuple[str, Reference]]] = {}
        for ref in works:
            if not ref.authors or not ref.title:
                continue
            for key in _title_keys(ref.title):
                self._by_last_word.setdefault(key.rsplit(" ", 1)[-1], []).append((key, ref))

    def titled(self, phrase: str) -> list[Reference]:
        """The entries with authors whose whole (or short) title ``phrase`` is."""
        key = title_key(phrase)
        return [ref for t, ref in self._by_last_word.get(key.rsplit(" ", 1)[-1], []) if t == key]

    def titled_before(self, before: str) -> tuple[int, Reference] | None:
        """The entry whose title ends ``before``, and the offset in ``before`` where the
        title starts; None when no title ends there, or two works share the longest."""
        if not self._by_last_word:
            return None
        tail_start = max(0, len(before) - _REACH)
        key = title_key(before[tail_start:])
        candidates = self._by_last_word.get(key.rsplit(" ", 1)[-1], []) if key else []
        ending = [(t, ref) for t, ref in candidates if key == t or key.endswith(" " + t)]
        if not ending:
            return None
        longest = max(len(t) for t, _ in ending)
        works = {id(ref): ref for t, ref in ending if len(t) == longest}
        if len(works) != 1:
            return None
        title = next(t for t, _ in ending if len(t) == longest)
        words = r"[\W_]+".join(re.escape(word) for word in title.split())
        at = re.search(words + r"[\W_]*$", before[tail_start:], re.IGNORECASE)
        if at is None:
            return None  # folded away (an accent, a bracket inside the title): no offset
        ref = next(iter(works.values()))
        lead = SENTENCE_BREAK.split(before[tail_start : tail_start + at.start()])[-1]
        lead_words = {name_key(word) for word in _POSSESSIVE.sub("", lead).split()}
        if not any(name_key(a.family.split()[-1]) in lead_words for a in ref.authors):
            return None  # the title stands where its author should
        return tail_start + at.start(), ref
