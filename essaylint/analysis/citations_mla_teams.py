"""A team named in the prose by its first author misspelt: "Ortis, Bell, and Nwosu".

MLA names a whole work's authors in the sentence, with no year: "as Ortiz,
Bell, and Nwosu show". When the first name is written a letter or two off
("Ortis, Bell, and Nwosu") and no entry has that name, the entry looks cited
only where the name is right, and the slip goes unseen. A team whose first
name is a near miss of an entry's first author (see
:func:`essaylint.analysis.matching.near_names`) and whose co-authors are that
entry's next authors, in order (an entry cut short by "et al." has three
or more), or "et al." for an entry of three or more, cites that entry with
the name as written; the MLA linker then reports the author mismatch. A lone
near name proves nothing (it may be another person), so a co-author or "et
al." must follow. One citation per entry, at its first misspelt mention.

One pass over the capitalised words of the prose; a team is read only from a word
that is a near miss of an entry's first author.
"""

from __future__ import annotations

from collections.abc import Sequence

from essaylint.analysis.citation_names import UPPER
from essaylint.analysis.matching import near_names
from essaylint.analysis.patterns import AUTHOR_AND, ET_AL
from essaylint.analysis.text import name_key
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Citation, Reference, Span

_NAME = rf"[{UPPER}][a-z'’\-]{{2,}}"
# "Ortis, Bell, and Nwosu", "Ortis and Bell", "Ortis et al.", "Ortis, Bell, et al."
_TEAM = compile_lazily(
    rf"(?P<first>{_NAME})"
    rf"(?P<others>(?:(?:\s*,\s*|\s*,?\s+{AUTHOR_AND}\s+){_NAME}(?![\w\-])){{0,4}})"
    rf"(?P<etal>,?\s+{ET_AL})?"
)
_WORD = compile_lazily(rf"(?<![\w\-]){_NAME}")


def misspelt_teams(
    text: str, regions: Sequence[Span], references: Sequence[Reference]
) -> list[Citation]:
    """Narrative citations of entries whose first author a named team misspells."""
    known = {name_key(p.family) for ref in references for p in ref.authors}
    teams = [ref for ref in references if len(ref.authors) >= 2 or (ref.authors and ref.et_al)]
    near_by_word: dict[str, list[Reference]] = {}  # each distinct word compared once
    out: list[Citation] = []
    for region in regions if teams else ():
        for word in _WORD.finditer(text, region.start, region.end):
            first = word.group()
            if first not in near_by_word:
                near_by_word[first] = (
                    [r for r in teams if near_names(first, r.authors[0].family)]
                    if name_key(first) not in known
                    else []
                )
            near = [r for r in near_by_word[first] if r in teams]
            if not near:
                continue
            m = _TEAM.match(text, word.start(), region.end)
            if m is None:
                continue
            others = _WORD.findall(m.group("others"))
            et_al = bool(m.group("etal"))
            ref = next((r for r in near if _misspells(others, et_al, r)), None)
            if ref is None:
                continue
            end = m.end("others") if others and not et_al else m.end()
            out.append(
                Citation(
                    span=Span(start=m.start(), end=end), text=text[m.start() : end],
                    kind="author-date", authors=(first, *others), year=None, et_al=et_al,
                    narrative=True,
                )
            )  # fmt: skip
            teams.remove(ref)
    return out


def _misspells(others: Sequence[str], et_al: bool, ref: Reference) -> bool:
    """Are the co-authors (or "et al.") ``ref``'s, after a near miss of its first author?"""
    listed = [name_key(p.family) for p in ref.authors]
    cited = [name_key(o) for o in others]
    if cited[: len(listed) - 1] != listed[1 : 1 + len(cited)]:
        return False
    if ref.et_al:  # "Ortis, Bell, and Nwosu" for "Ortiz, Ana, et al.": three or more
        return et_al or len(cited) >= 2
    if et_al:
        return len(listed) >= 3
    return len(cited) + 1 == len(listed)
