"""Notes that name a Bibliography entry without the shape of a citation.

Students cite in notes as they find convenient, not always as Chicago asks:
by the title alone ("Traditions and Trajectories in the Historiography of
European Witch Hunting p. 78-79"), by the family name alone ("Unrau"), by a
shortened label ("NRHP - Fort Larned Inventory/Nomination Form, 6") or by the
link of a web page the Bibliography also lists. The note reader finds no
author-and-title citation in such a note and takes it for a comment; here a
note it read no work from is matched against the Bibliography instead:

- a web address the note gives that exactly one entry gives too;
- a single name that is exactly one entry's first author;
- otherwise the note's words: when most of them (:data:`_MIN_SHARE`, at least
  :data:`_MIN_SHARED` words, compared by their first letters so that a 1597
  spelling or a plural still agrees) stand in one entry and in no other as
  many, the note cites that entry; a note that fits several entries equally
  well cites them all, so that none of them is called uncited on a guess.

A comment that happens to share a few words with a title stays a comment: its
other words outweigh them. Only notes with no work are looked at, so a note
the reader understood is never reread.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from essaylint.analysis.entry_links import URL
from essaylint.analysis.notes import Note, NoteWork, locator_of, strip_markup
from essaylint.analysis.text import fold, name_key
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Reference

_WORD = compile_lazily(r"[^\W\d_]{2,}")
_STOP = frozenset(
    "a an and as at by for from in into of on or the to with its his her their our "
    "see also cf ed eds trans vol no pp pg p".split()
)
_STEM = 5  # letters compared: "Bookes" ~ "Books", "Diuided" stays apart from "Divided"
_MIN_SHARE = 0.6
_MIN_SHARED = 3
_MAX_WORDS = 25  # a longer note is prose, not a label of a work
_MAX_TIED = 3


def _stems(text: str) -> list[str]:
    words = (w for w in _WORD.findall(fold(URL.sub(" ", text))) if w not in _STOP)
    return list(dict.fromkeys(w[:_STEM] for w in words))


def _address(url: str) -> str:
    folded = fold(url).rstrip(".,;)")
    for prefix in ("https://", "http://"):
        folded = folded.removeprefix(prefix)
    return folded.removeprefix("www.").rstrip("/")


class _EntryIndex:
    """The Bibliography's addresses, first authors and word stems, built once."""

    def __init__(self, references: Sequence[Reference]) -> None:
        self.references = references
        self.by_address: dict[str, set[int]] = defaultdict(set)
        self.by_family: dict[str, set[int]] = defaultdict(set)
        self.by_stem: dict[str, set[int]] = defaultdict(set)
        for i, ref in enumerate(references):
            for m in URL.finditer(ref.raw):
                self.by_address[_address(m.group(0))].add(i)
            if ref.url:
                self.by_address[_address(ref.url)].add(i)
            if ref.authors:
                self.by_family[name_key(ref.authors[0].family)].add(i)
            for stem in _stems(ref.raw):
                self.by_stem[stem].add(i)

    def named(self, note: str) -> list[int]:
        """The entries a note's text names (none when it names no entry clearly)."""
        linked = {
            i for m in URL.finditer(note) for i in self.by_address.get(_address(m.group(0)), ())
        }
        if len(linked) == 1:
            return sorted(linked)
        body = strip_markup(note)
        stems = _stems(body)
        if len(stems) == 1:
            name = _one_name(body)
            return sorted(self.by_family.get(name_key(name), ())) if name else []
        if not stems or len(stems) > _MAX_WORDS:
            return []
        shared = Counter(i for stem in stems for i in self.by_stem.get(stem, ()))
        if not shared:
            return []
        best = max(shared.values())
        if best < _MIN_SHARED or best < _MIN_SHARE * len(stems):
            return []
        tied = sorted(i for i, n in shared.items() if n == best)
        return tied if len(tied) <= _MAX_TIED else []


def _one_name(body: str) -> str | None:
    """The name of a note that is a capitalised word and at most a page ("Unrau", "Pusey, 12")."""
    words = [w for w in _WORD.findall(URL.sub(" ", body)) if fold(w) not in _STOP]
    return words[0] if len(words) == 1 and words[0][:1].isupper() else None


def notes_naming_entries(
    text: str,
    read: Sequence[tuple[Note, tuple[NoteWork, ...]]],
    references: Sequence[Reference],
) -> list[tuple[Note, tuple[NoteWork, ...]]]:
    """``read`` with each note that cites no work as written, but names entries of
    ``references``, citing those entries (by their first author and title)."""
    if not references or all(works for _, works in read):
        return list(read)
    index = _EntryIndex(references)
    out: list[tuple[Note, tuple[NoteWork, ...]]] = []
    for note, works in read:
        if not works:
            body = text[note.body.start : note.body.end]
            works = tuple(_work_of(references[i], body) for i in index.named(body))
        out.append((note, works))
    return out


def _work_of(ref: Reference, body: str) -> NoteWork:
    family = ref.authors[0].family if ref.authors else ""
    return NoteWork(
        authors=(family,) if family else (), author_text=family, title=ref.title,
        locator=locator_of(strip_markup(body)), form="short", text=body.strip(),
    )  # fmt: skip
