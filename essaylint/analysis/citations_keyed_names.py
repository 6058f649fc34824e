"""Authors typed in the prose of a key or number citation, spelt otherwise than in its entry.

"... both Huyberr and Philander agree that the cycles are still controlled by the
obliquity \\cite{huybers}\\cite{philander}": the writer names the cited authors, and
misspells one. A capitalised word of the prose a key citation closes (back to its
paragraph's start or the citation before it: "A paper by Barker and Garvin-Doxes from
2003 found ... students drop out \\cite{group2003}.") that is a near miss of one of the
cited entry's authors (and is no author of any entry, nor a word the text also writes
in lower case, as a word of the language would be) is that author misspelt. It becomes
an author-date citation of the entry's year (after the authors listed before it, when
it is a co-author), so linking reports the mismatch. A number citation is read the same
way: "Koschmann and Evans states that ... [5]" for entry 5 by Koschmann and Evens.
The prose after a paragraph's last citation is read against every entry the paragraph
cited: "... results from @clr. Mourife and Wan's approach is simple" for Mourifie.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from rapidfuzz import fuzz

from essaylint.analysis.citation_names import LOWER_WORD, NAME_WORD, PARAGRAPH_BREAK, POSSESSIVE
from essaylint.analysis.near_keys import letters_swapped, one_letter_off
from essaylint.analysis.text import name_key
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Citation, Reference, Span

_NAME = compile_lazily(rf"(?<![\w'’\-]){NAME_WORD}")
_REACH = 600  # characters before the key citation searched for the prose it closes
_NEAR = 80.0
_MIN_LETTERS = 4


def misspelt_cited_authors(
    text: str, keyed: Iterable[Citation], works: Sequence[Reference], regions: Sequence[Span]
) -> Iterator[Citation]:
    """An author-date citation for each author name, typed beside a key (or number)
    citation, that misspells an author of the entry the key (or number) points to: in
    the prose the citation closes, or after the paragraph's last citation, where the
    writer goes on about the works it cited ("... @CLR. Mourife and Wan's approach")."""
    by_key = {ref.key: ref for ref in works if ref.key}
    by_number = {ref.number: ref for ref in works if ref.number is not None}
    reader = _Reader(text, {name_key(p.family) for ref in works for p in ref.authors})
    previous_end = 0
    paragraph_end = -1
    cited_here: list[tuple[Citation, Reference]] = []  # this paragraph's cited entries
    for citation in sorted(keyed, key=lambda c: c.span.start):
        if citation.span.start >= paragraph_end and cited_here:
            yield from reader.tail(previous_end, paragraph_end, cited_here)
            cited_here = []
        if citation.number is not None:
            ref = by_number.get(citation.number)
        else:
            ref = by_key.get(citation.key or "")
        if ref is None or not ref.authors or ref.year is None:
            continue
        # the prose this citation closes: back to its paragraph's start or the citation before
        start = max(0, citation.span.start - _REACH, previous_end)
        previous_end = max(previous_end, citation.span.end)
        breaks = list(PARAGRAPH_BREAK.finditer(text, start, citation.span.start))
        if breaks:
            # a quotation set off after "Torvalds said:" is closed by the citation, and
            # the words that introduce it belong to it
            introduced = text[: breaks[-1].start()].rstrip().endswith(":")
            if not introduced:
                start = breaks[-1].end()
            elif len(breaks) > 1:
                start = breaks[-2].end()
        yield from reader.misspelt(start, citation.span.start, citation, ref)
        # the paragraph's end, within the essay's body (not into its reference list)
        region_end = next((r.end for r in regions if r.start <= citation.span.start < r.end), 0)
        after = PARAGRAPH_BREAK.search(text, citation.span.end, max(region_end, citation.span.end))
        paragraph_end = after.start() if after else region_end
        cited_here.append((citation, ref))
    if cited_here:
        yield from reader.tail(previous_end, paragraph_end, cited_here)


class _Reader:
    """Reads the capitalised words of a stretch of prose for authors of the entries cited."""

    def __init__(self, text: str, listed: set[str]) -> None:
        self.text = text
        self.listed = listed  # every entry's authors, by name key: no misspelling of another
        self.lower_words: set[str] | None = None
        self.seen: set[int] = set()

    def tail(
        self, start: int, end: int, cited: Sequence[tuple[Citation, Reference]]
    ) -> Iterator[Citation]:
        for citation, ref in cited:
            yield from self.misspelt(start, end, citation, ref)

    def misspelt(
        self, start: int, end: int, citation: Citation, ref: Reference
    ) -> Iterator[Citation]:
        text = self.text
        # "Harowgate et al. [2]": the name a number carries is compared when it is linked
        own = name_key(citation.authors[0]) if citation.authors else None
        for word in _NAME.finditer(text, start, end):
            key = name_key(POSSESSIVE.sub("", word.group(0)))  # "Lai's" is Lai
            if word.start() in self.seen or len(key) < _MIN_LETTERS or key in self.listed:
                continue
            if key == own or _ACCENT_COMMAND.match(text, word.end()):
                continue  # "Mekterovi{\'c}": the name goes on in an accent command
            authors = _misspelt(key, ref)
            if authors is None:
                continue
            if self.lower_words is None:
                self.lower_words = {m.group(0).casefold() for m in LOWER_WORD.finditer(text)}
            if word.group(0).casefold() in self.lower_words:
                continue  # a word of the language, capitalised here
            if _beside_a_written_name(text, word, ref):
                continue  # "Carol Dweck's work", "US Census Bureau": part of a longer name
            self.seen.add(word.start())
            span = Span(start=word.start(), end=word.end())
            names = (*(p.family for p in ref.authors[:authors]), POSSESSIVE.sub("", word.group(0)))
            # the key names the entry the misspelt author is meant for
            yield Citation(
                span=span, text=word.group(0), kind="author-date", authors=names,
                year=ref.year, narrative=True, key=ref.key if citation.kind == "key" else None,
            )  # fmt: skip


# A LaTeX accent command that goes on with the word: "Mekterovi{\\'c}", "Polan\\v{c}".
_ACCENT_COMMAND = compile_lazily(r"\{?\\[`'^\"~=.uvHtcdbrk]")


_WORD_BEFORE = compile_lazily(r"([A-Z][\w'’\-]+)\s+$")
_WORD_AFTER = compile_lazily(r"\s+([A-Z][\w'’\-]+)")
_NAME_WORD_IN_ENTRY = compile_lazily(r"[A-Z][\w'’\-]+")
_ENTRY_HEAD = 160  # characters of an entry where its authors are written


def _beside_a_written_name(text: str, word: re.Match[str], ref: Reference) -> bool:
    """Is the word next to a capitalised word that the entry itself writes among its authors?
    Then it is part of a longer name: the given name before the family name ("Carol Dweck"
    for Dweck), or a word of an organisation's name ("US Census Bureau")."""
    written = set(_NAME_WORD_IN_ENTRY.findall(ref.raw[:_ENTRY_HEAD]))
    before = _WORD_BEFORE.search(text, max(0, word.start() - 40), word.start())
    after = _WORD_AFTER.match(text, word.end())
    return any(m is not None and POSSESSIVE.sub("", m.group(1)) in written for m in (before, after))


def _misspelt(key: str, ref: Reference) -> int | None:
    """Which author of the entry (its index) the name key misspells, if any; a word of the
    name ("Edinburgh" of "University of Edinburgh") is no misspelling of it."""
    for i, person in enumerate(ref.authors):
        family = name_key(person.family)
        if family and key not in family and _near(key, family) and not _derived(key, family):
            return i
    return None


# What a name of a place or people becomes as an adjective or a people: "Canadian(s)",
# "Nigerian", "Korean", "Japanese", "British" ("Canada", "Nigeria", "Korea", "Japan").
_DERIVED_ENDINGS = ("ians", "ian", "ans", "an", "ns", "n", "ese", "ish")


def _derived(key: str, family: str) -> bool:
    """Is the word the family name made an adjective ("Canadians" of "Canada"), or its
    genitive with no apostrophe (German "Morettis Vorhaben", "Trilckes Modell")?"""
    if key == family + "s":
        return True
    stem = family[:-1] if family[-1:] in "aeiouy" else family
    return key.startswith(stem) and key[len(stem) :] in _DERIVED_ENDINGS


def _near(key: str, family: str) -> bool:
    """A near miss: alike enough, a short name with one letter changed after its first
    ("Uzum" for "Uzun"), which the ratio of a four-letter name cannot reach, or two letters
    swapped ("Torlavds" for "Torvalds")."""
    return (
        fuzz.ratio(key, family) >= _NEAR
        or one_letter_off(key, family)
        or letters_swapped(key, family)
    )
