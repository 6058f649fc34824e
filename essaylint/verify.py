"""The verify pass: references checked against a bibliographic database and a .bib file.

Everything here is pure except :func:`run_verify`, which calls the backend it
is handed (a :class:`~essaylint.services.verify.VerifyBackend`, normally
Crossref) from a small thread pool and stops at the first service failure.

Deciding whether a search result *is* the cited work uses three signals:
title similarity (rapidfuzz, on normalised titles), first-author agreement and
year agreement. Crossref's relevance ``score`` is never used as a threshold:
it is only comparable within one response. The thresholds are the named
constants below.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Literal

from rapidfuzz import fuzz

from essaylint.analysis.patterns import DASHES
from essaylint.analysis.text import fold, name_key, year_digits
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Reference
from essaylint.services.verify import (
    FieldDiff,
    Verdict,
    VerifyBackend,
    VerifyError,
    VerifyReport,
    WorkRecord,
)

TITLE_CANDIDATE = 80.0
"""A search result can be the cited work only if its title is at least this
similar (rapidfuzz ``ratio``, 0-100, on normalised titles) to the entry's.
A typo or a dropped word in a 60-character title still scores above 90;
two different papers on the same topic ("Building ontologies" vs
"Adopting ontologies") score below 80."""

TITLE_ALONE = 95.0
"""A title this similar identifies the work by itself, when neither the
first author nor the year can be compared (anonymous or undated entries, or
a record without authors or date)."""

CONTAINER_SAME = 85.0
"""A journal name at least this similar to the record's full or abbreviated
journal title is the same journal ("PLoS ONE" vs "PLOS ONE", "&" vs "and")."""

SCHOLARLY_TYPES = frozenset({"article", "book", "chapter", "conference"})
"""Entry types a missing record is reported for (V501). Web pages, news, videos,
reports and theses are often not in Crossref, so their absence proves nothing."""

NOT_LOOKED_UP = frozenset({"web", "news", "video"})
"""Entry types never sent to the database, even with a DOI-looking string."""

DEFAULT_WORKERS = 3
"""Concurrent requests: Crossref's polite pool allowed 3 at once when the
fixtures were recorded (``x-concurrency-limit: 3``)."""

_NON_WORD = compile_lazily(r"[^\w]+")
_DOI_IN = compile_lazily(r"10\.\d{4,9}/\S+", re.I)


# -- normalising and comparing (pure) ------------------------------------------------


def normalise_title(title: str) -> str:
    """Lower case, no accents, markup or punctuation, "&" read as "and"."""
    text = re.sub(r"<[^>]{1,200}>", " ", title).replace("&", " and ")
    return " ".join(w for w in _NON_WORD.split(fold(text)) if w)


def title_similarity(entry_title: str, record: WorkRecord) -> float:
    """0-100: the entry's title against the record's title, with and without subtitle."""
    if not record.title:
        return 0.0
    ours = normalise_title(entry_title)
    forms = [normalise_title(record.title)]
    if record.subtitle:
        forms.append(normalise_title(f"{record.title} {record.subtitle}"))
    return max(fuzz.ratio(ours, form) for form in forms)


def same_title(entry_title: str, record: WorkRecord) -> bool:
    """Equal after normalisation, or the entry omits the record's subtitle."""
    if not record.title:
        return True
    ours = normalise_title(entry_title)
    main = normalise_title(record.title)
    full = normalise_title(f"{record.title} {record.subtitle or ''}")
    return ours in (main, full) or (bool(ours) and main.startswith(ours) and len(ours) > 20)


def record_title(record: WorkRecord) -> str:
    title = record.title or ""
    return f"{title}: {record.subtitle}" if record.subtitle else title


def _first_author_agrees(ref: Reference, record: WorkRecord) -> bool | None:
    if not ref.authors or not record.authors:
        return None
    return name_key(ref.authors[0].family) == name_key(record.authors[0])


def _year_agrees(ref: Reference, record: WorkRecord) -> bool | None:
    year = year_digits(ref.year)
    if not year or not record.years:
        return None
    return int(year) in record.years


def accept(ref: Reference, record: WorkRecord) -> float | None:
    """A match score for a search result, or None when it is not the cited work.

    The title must reach :data:`TITLE_CANDIDATE`; then the first author or the
    year must agree, unless the title reaches :data:`TITLE_ALONE` and neither
    can be compared. A disagreeing author *and* year rule the record out.
    """
    if not ref.title:
        return None
    title = title_similarity(ref.title, record)
    if title < TITLE_CANDIDATE:
        return None
    author = _first_author_agrees(ref, record)
    year = _year_agrees(ref, record)
    if author is False and year is False:
        return None
    if author is None and year is None and title < TITLE_ALONE:
        return None
    if not author and not year and title < TITLE_ALONE:
        return None
    return title + (10.0 if author else 0.0) + (5.0 if year else 0.0)


def best_match(ref: Reference, candidates: Sequence[WorkRecord]) -> WorkRecord | None:
    scored = [(score, i) for i, c in enumerate(candidates) if (score := accept(ref, c)) is not None]
    if not scored:
        return None
    return candidates[max(scored, key=lambda s: (s[0], -s[1]))[1]]


def _pages(value: str) -> tuple[str, str]:
    """First and last page, short ranges expanded: "1366-9" -> ("1366", "1369")."""
    parts = [p.strip().lower() for p in re.split(f"[{DASHES}]+", value.replace(" ", "")) if p]
    if not parts:
        return "", ""
    first = parts[0].removeprefix("pp.").removeprefix("p.")
    last = parts[-1] if len(parts) > 1 else first
    if last.isdigit() and first.isdigit() and len(last) < len(first):
        last = first[: len(first) - len(last)] + last
    return first, last


def _same_container(ours: str, record: WorkRecord) -> bool:
    mine = normalise_title(ours)
    names = [record.container or "", *record.short_containers]
    return any(
        n and (mine == normalise_title(n) or fuzz.ratio(mine, normalise_title(n)) >= CONTAINER_SAME)
        for n in names
    )


def compare(ref: Reference, record: WorkRecord) -> tuple[FieldDiff, ...]:
    """The fields where the entry and the record disagree (both present)."""
    diffs: list[FieldDiff] = []
    year = year_digits(ref.year)
    if year and record.years and int(year) not in record.years:
        diffs.append(FieldDiff(field="year", entry=ref.year or year, record=str(record.years[0])))
    if ref.title and record.title and not same_title(ref.title, record):
        diffs.append(FieldDiff(field="title", entry=ref.title, record=record_title(record)))
    if _first_author_agrees(ref, record) is False:
        diffs.append(
            FieldDiff(field="first author", entry=ref.authors[0].family, record=record.authors[0])
        )
    if (
        ref.type == "article"
        and ref.container
        and record.container
        and not _same_container(ref.container, record)
    ):
        diffs.append(FieldDiff(field="journal", entry=ref.container, record=record.container))
    for name, ours, theirs in (
        ("volume", ref.volume, record.volume),
        ("issue", ref.issue, record.issue),
    ):
        if ours and theirs and fold(ours).strip() != fold(theirs).strip():
            diffs.append(FieldDiff(field=name, entry=ours, record=theirs))  # type: ignore[arg-type]
    if ref.pages and record.pages:
        a, b = _pages(ref.pages), _pages(record.pages)
        if a[0] != b[0] or (a[1] != a[0] and b[1] != b[0] and a[1] != b[1]):
            diffs.append(FieldDiff(field="pages", entry=ref.pages, record=record.pages))
    return tuple(diffs)


def clean_doi(doi: str) -> str:
    """The bare DOI: resolver prefixes and trailing punctuation removed."""
    found = _DOI_IN.search(doi)
    return (found.group(0) if found else doi).rstrip(".,;)")


def wants_lookup(ref: Reference) -> bool:
    """Entries worth a request: a DOI, or a titled scholarly work."""
    if ref.type in NOT_LOOKED_UP:
        return False
    return bool(ref.doi) or (ref.type in SCHOLARLY_TYPES and bool(ref.title))


def verdict_for(ref: Reference, backend: VerifyBackend) -> Verdict | None:
    """Look one entry up and judge it. Raises VerifyError when the service fails."""
    if ref.doi:
        record = backend.lookup_doi(clean_doi(ref.doi))
        if record is not None:
            return _judged(ref, record, via="doi")
        suggestion = _search(ref, backend) if ref.title else None
        return Verdict(
            index=ref.index,
            status="invalid-doi",
            via="doi",
            record=suggestion,
            suggested_doi=suggestion.doi if suggestion else None,
        )
    if ref.type not in SCHOLARLY_TYPES or not ref.title:
        return None
    record = _search(ref, backend)
    if record is None:
        return Verdict(index=ref.index, status="not-found")
    return _judged(ref, record, via="search", suggested_doi=record.doi or None)


def _judged(
    ref: Reference,
    record: WorkRecord,
    *,
    via: Literal["doi", "search"],
    suggested_doi: str | None = None,
) -> Verdict:
    """Verified when the record agrees with the entry, else a mismatch listing the differences."""
    diffs = compare(ref, record)
    return Verdict(
        index=ref.index,
        status="mismatch" if diffs else "verified",
        record=record,
        differences=diffs,
        via=via,
        suggested_doi=suggested_doi,
    )


def _search(ref: Reference, backend: VerifyBackend) -> WorkRecord | None:
    candidates = backend.search(
        title=ref.title or "",
        author=ref.authors[0].family if ref.authors else None,
        year=year_digits(ref.year) or None,
        container=ref.container,
    )
    return best_match(ref, candidates)


def references_to_verify(references: Sequence[Reference]) -> list[Reference]:
    """The entries to look up: typed entries, or the .bib entries when there is no list."""
    typed = [r for r in references if r.source != "bib"]
    chosen = typed if typed else list(references)
    return [r for r in chosen if wants_lookup(r)]


def run_verify(
    references: Sequence[Reference],
    backend: VerifyBackend,
    *,
    workers: int = DEFAULT_WORKERS,
    error_reporter: str | None = None,
) -> VerifyReport:
    """Look every entry up with at most ``workers`` requests in flight
    (the backend's own ``workers`` attribute wins when it has one).

    The first :class:`VerifyError` stops the pass: lookups not yet started are
    skipped, and the report carries one error instead of a finding per entry.
    """
    todo = references_to_verify(references)
    workers = int(getattr(backend, "workers", workers) or workers)
    stop = threading.Event()
    errors: list[str] = []
    lock = threading.Lock()

    def work(ref: Reference) -> Verdict | None:
        if stop.is_set():
            return None
        try:
            return verdict_for(ref, backend)
        except VerifyError as exc:
            with lock:
                if not errors:
                    errors.append(str(exc))
            stop.set()
            return None

    verdicts: list[Verdict] = []
    if todo:
        with ThreadPoolExecutor(max_workers=max(1, min(workers, len(todo)))) as pool:
            verdicts = [v for v in pool.map(work, todo) if v is not None]
    return VerifyReport(
        backend=backend.name,
        verdicts=tuple(verdicts),
        looked_up=len(todo),
        error=errors[0] if errors else None,
        error_reporter=error_reporter,
    )


# -- the .bib cross-check (pure, no network) ------------------------------------------


def match_bib_entry(ref: Reference, bib: Sequence[Reference]) -> Reference | None:
    """The .bib entry a typed entry stands for: same first author and a similar title
    (or the same DOI)."""
    best: tuple[float, Reference] | None = None
    for entry in bib:
        if ref.doi and entry.doi and clean_doi(ref.doi).lower() == clean_doi(entry.doi).lower():
            return entry
        if not (ref.authors and entry.authors and ref.title and entry.title):
            continue
        if name_key(ref.authors[0].family) != name_key(entry.authors[0].family):
            continue
        score = fuzz.ratio(normalise_title(ref.title), normalise_title(entry.title))
        if score >= TITLE_CANDIDATE and (best is None or score > best[0]):
            best = (score, entry)
    return best[1] if best else None


def bib_differences(ref: Reference, entry: Reference) -> tuple[FieldDiff, ...]:
    """Year and title differences between a typed entry and its .bib entry."""
    diffs: list[FieldDiff] = []
    ours, theirs = year_digits(ref.year), year_digits(entry.year)
    if ours and theirs and ours != theirs:
        diffs.append(FieldDiff(field="year", entry=ref.year or ours, record=entry.year or theirs))
    if (
        ref.title
        and entry.title
        and normalise_title(ref.title) != normalise_title(entry.title)
        and not normalise_title(entry.title).startswith(normalise_title(ref.title))
    ):
        diffs.append(FieldDiff(field="title", entry=ref.title, record=entry.title))
    return tuple(diffs)
