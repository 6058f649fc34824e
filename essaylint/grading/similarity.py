"""Submissions whose reference lists look alike: a hint for the teacher, never a verdict.

Two patterns are reported:

- identical reference lists (at least ``min_entries`` entries, same works);
- an unusual set of shared references: works cited by few submissions in the
  class that two or more submissions nevertheless share.

Works are compared by a normalised key (first author's family name, year and
the first words of the title), so punctuation and formatting differences do
not matter.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from pydantic import BaseModel, ConfigDict

from essaylint.analysis.text import fold
from essaylint.lazy_pattern import compile_lazily

_WORD = compile_lazily(r"[a-z0-9]+")


class SimilarGroup(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: str  # "identical" | "shared-unusual"
    members: tuple[str, ...]  # submission keys
    shared: int  # number of shared works
    detail: str


def work_key(first_author: str | None, year: str | None, title: str | None, raw: str) -> str:
    """A formatting-independent key for one reference entry."""
    author = " ".join(_WORD.findall(fold(first_author or "")))
    words = _WORD.findall(fold(title or ""))[:6] or _WORD.findall(fold(raw))[:8]
    return f"{author}|{(year or '')[:4]}|{' '.join(words)}"


def find_similar(
    works: Mapping[str, Sequence[str]],
    *,
    min_entries: int = 3,
    min_shared: int = 3,
    rare_share: float = 0.1,
) -> list[SimilarGroup]:
    """Groups of submissions (keys of ``works``) with identical or unusually shared lists."""
    sets = {key: frozenset(ws) for key, ws in works.items() if ws}
    groups: list[SimilarGroup] = []
    by_list: dict[frozenset[str], list[str]] = {}
    for key, ws in sets.items():
        if len(ws) >= min_entries:
            by_list.setdefault(ws, []).append(key)
    identical_members: set[str] = set()
    for ws, members in by_list.items():
        if len(members) >= 2:
            identical_members.update(members)
            groups.append(
                SimilarGroup(
                    kind="identical",
                    members=tuple(sorted(members)),
                    shared=len(ws),
                    detail=f"the same {len(ws)} reference-list entries",
                )
            )
    frequency: Counter[str] = Counter(w for ws in sets.values() for w in ws)
    limit = max(2, int(rare_share * len(sets)))
    rare = {key: frozenset(w for w in ws if frequency[w] <= limit) for key, ws in sets.items()}
    keys = sorted(k for k in rare if len(rare[k]) >= min_shared and k not in identical_members)
    # Union-find over pairs that share enough rare works.
    parent = {k: k for k in keys}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    by_work: dict[str, list[str]] = {}
    for k in keys:
        for w in rare[k]:
            by_work.setdefault(w, []).append(k)
    pair_counts: Counter[tuple[str, str]] = Counter()
    for members in by_work.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                pair_counts[(a, b)] += 1
    for (a, b), n in pair_counts.items():
        if n >= min_shared:
            parent[find(a)] = find(b)
    clusters: dict[str, list[str]] = {}
    for k in keys:
        clusters.setdefault(find(k), []).append(k)
    for members in clusters.values():
        if len(members) < 2:
            continue
        common = frozenset.intersection(*(rare[m] for m in members))
        shared = len(common) if len(common) >= min_shared else min_shared
        groups.append(
            SimilarGroup(
                kind="shared-unusual",
                members=tuple(sorted(members)),
                shared=shared,
                detail=(
                    f"{len(common)} works in common that few other submissions cite"
                    if len(common) >= min_shared
                    else f"at least {min_shared} works that few other submissions cite, "
                    "shared pairwise"
                ),
            )
        )
    groups.sort(key=lambda g: (g.kind, g.members))
    return groups
