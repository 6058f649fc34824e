"""Two co-authors named in the prose with both names misspelt, and the year.

MLA cites a whole work by naming its authors in the sentence: "Okonkwo and
Hale show in their 2016 study ...". When both names are written a little off
("Okonkow and Hael") no exact name finds the entry, and it looks uncited. A
pair "Name and Name" whose names are each a near miss of an uncited
two-author entry's authors (in order), in a sentence that also gives the
entry's year, cites that entry with the names as written; the linker then
reports the author mismatch. One near name alone proves nothing, and the year
must stand in the same sentence.

One pass over the pairs written in the prose, each compared with the few
uncited two-author entries.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from essaylint.analysis.citation_names import SENTENCE_BREAK, UPPER
from essaylint.analysis.matching_mla import NEAR_NAME
from essaylint.analysis.text import name_key
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Citation, Reference, Span

_PAIR = compile_lazily(
    rf"(?<![\w\-])([{UPPER}][a-z'’\-]{{2,}})\s+(?:and|&)\s+([{UPPER}][a-z'’\-]{{2,}})\b"
)
_REACH = 400  # characters looked at on each side of a pair for its sentence


def misspelt_pairs(
    text: str,
    regions: Sequence[Span],
    references: Sequence[Reference],
    citations: Sequence[Citation],
) -> list[Citation]:
    """Narrative citations of uncited two-author entries whose names are both misspelt."""
    cited = {name_key(a) for c in citations for a in c.authors[:1]}
    known = {name_key(p.family) for ref in references for p in ref.authors}
    pairs = [
        ref
        for ref in references
        if len(ref.authors) == 2 and ref.year and name_key(ref.authors[0].family) not in cited
    ]
    out: list[Citation] = []
    for region in regions if pairs else ():
        for m in _PAIR.finditer(text, region.start, region.end):
            first, second = m.group(1), m.group(2)
            if name_key(first) in known or name_key(second) in known:
                continue
            sentence = _sentence(text, m, region)
            for ref in pairs:
                if not _near(first, second, ref) or not re.search(
                    rf"(?<!\d){re.escape(ref.year or '')}(?!\d)", sentence
                ):
                    continue
                out.append(
                    Citation(
                        span=Span(start=m.start(), end=m.end()), text=m.group(0),
                        kind="author-date", authors=(first, second), year=None, narrative=True,
                    )
                )  # fmt: skip
                pairs.remove(ref)
                break
    return out


def _near(first: str, second: str, ref: Reference) -> bool:
    """Are both written names near misses of the entry's two authors, in order?"""
    return all(
        fuzz.ratio(name_key(written), name_key(person.family)) >= NEAR_NAME
        for written, person in zip((first, second), ref.authors, strict=True)
    )


def _sentence(text: str, pair: re.Match[str], region: Span) -> str:
    """The sentence around ``pair``, without the pair itself."""
    start = max(region.start, pair.start() - _REACH)
    breaks = [b.end() for b in SENTENCE_BREAK.finditer(text, start, pair.start())]
    start = breaks[-1] if breaks else start
    stop = min(region.end, pair.end() + _REACH)
    after = SENTENCE_BREAK.search(text, pair.end(), stop)
    return text[start : pair.start()] + " " + text[pair.end() : after.start() if after else stop]
