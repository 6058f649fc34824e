"""Text shared between submissions: copied essays, with the passages that match.

Each essay body is cut into *shingles*, runs of ``K`` consecutive words
(folded to lower case, punctuation dropped). datasketch's MinHash sketches
each essay's shingle set and its MinHash LSH index proposes pairs whose sets
may overlap, without comparing every pair; each proposed pair is then
measured exactly. The percentage reported for a submission is the share of
its shingles found in the other one, so a student who copied half of their
essay from a classmate shows 50 % even when the classmate's essay is longer.

Essays on one topic share words and short phrases, rarely five words in a
row, so twenty distinct essays on one question stay far below the threshold;
a copy with a few words changed keeps most of its shingles (a changed word
breaks only the ``K`` shingles that contain it).

Only called at class level, after grading; datasketch (and numpy) are
imported there, never on the ``check`` path.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from pydantic import BaseModel, ConfigDict

from essaylint.analysis.text import fold
from essaylint.lazy_pattern import compile_lazily

K = 5  # words per shingle
NUM_PERM = 128
LSH_THRESHOLD = 0.1  # Jaccard at which LSH proposes a pair (then measured exactly)
MIN_PASSAGE_WORDS = 8

_WORD = compile_lazily(r"[^\W_]+(?:['’][^\W_]+)*")


class Passage(BaseModel):
    """A stretch of one essay's body found in the other essay."""

    model_config = ConfigDict(frozen=True)

    start: int  # character offsets in the body text
    end: int
    words: int


class Match(BaseModel):
    """One other submission that shares text with this one."""

    model_config = ConfigDict(frozen=True)

    other: str  # the other submission's key (rel)
    percent: float  # share of this essay's shingles found in the other, 0-100
    passages: tuple[Passage, ...] = ()


def _words(text: str) -> list[tuple[str, int, int]]:
    return [(fold(m.group()).lower(), m.start(), m.end()) for m in _WORD.finditer(text)]


def _shingles(words: Sequence[tuple[str, int, int]]) -> list[bytes]:
    return [
        " ".join(w for w, _, _ in words[i : i + K]).encode("utf-8")
        for i in range(len(words) - K + 1)
    ]


def _digest(shingle: bytes) -> bytes:
    return hashlib.blake2b(shingle, digest_size=8).digest()


def find_overlaps(bodies: Mapping[str, str], *, min_percent: float) -> dict[str, list[Match]]:
    """For each key of ``bodies``, the other submissions sharing at least ``min_percent`` %."""
    from datasketch import MinHash, MinHashLSH

    words = {key: _words(text) for key, text in bodies.items()}
    shingles = {key: _shingles(ws) for key, ws in words.items()}
    sets = {key: {_digest(s) for s in sh} for key, sh in shingles.items() if sh}
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    sketches: dict[str, MinHash] = {}
    for key in sorted(sets):
        sketch = MinHash(num_perm=NUM_PERM)
        sketch.update_batch(list(sets[key]))
        sketches[key] = sketch
        lsh.insert(key, sketch)
    found: dict[str, list[Match]] = {}
    for key in sorted(sets):
        for other in sorted(lsh.query(sketches[key])):
            if other == key:
                continue
            shared = sets[key] & sets[other]
            percent = round(100 * len(shared) / len(sets[key]), 1)
            if percent < min_percent:
                continue
            passages = _passages(words[key], shingles[key], shared)
            found.setdefault(key, []).append(Match(other=other, percent=percent, passages=passages))
    for matches in found.values():
        matches.sort(key=lambda m: (-m.percent, m.other))
    return found


def _passages(
    words: Sequence[tuple[str, int, int]],
    shingles: Sequence[bytes],
    shared: set[bytes],
) -> tuple[Passage, ...]:
    """Runs of shared shingles, as character spans of the body (the words they cover)."""
    out: list[Passage] = []
    run_start: int | None = None
    run_end = -1  # index of the last word covered by the run
    for i, shingle in enumerate([*shingles, b""]):
        inside = i < len(shingles) and _digest(shingle) in shared
        if inside and run_start is not None and i <= run_end + 1:
            run_end = i + K - 1
            continue
        if run_start is not None:
            n = run_end - run_start + 1
            if n >= MIN_PASSAGE_WORDS:
                out.append(Passage(start=words[run_start][1], end=words[run_end][2], words=n))
            run_start = None
        if inside:
            run_start, run_end = i, i + K - 1
    return tuple(out)
