"""The verify backend interface: a bibliographic database behind one Protocol.

A backend answers two questions: "what is the record of this DOI?" and "which
records look like this entry?". Rules never call a backend: the pipeline runs
the verify pass once (:func:`essaylint.verify.run_verify`) and hands the
verdicts to the rules (``RuleContext.services["verify"]``).

:func:`parse_work` turns a Crossref work object (the ``message`` of
``/works/{doi}`` or one of ``message.items`` of a search) into a
:class:`WorkRecord`; it is pure and tolerant (missing fields, ``[[null]]``
dates, markup in titles).
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any, Literal, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict

from essaylint.lazy_pattern import compile_lazily

# Crossref update types that mean the cited work should not be relied on.
# ``correction`` and ``new_version`` are ordinary updates, not retractions.
RETRACTION_TYPES = frozenset(
    {"retraction", "partial_retraction", "withdrawal", "removal", "expression_of_concern"}
)

_MARKUP = compile_lazily(r"<[^>]{1,200}>")
_SPACES = compile_lazily(r"\s+")


class VerifyError(Exception):
    """The service could not answer (offline, timeout, repeated 5xx, unreadable body)."""


class Update(BaseModel):
    """One entry of a record's ``updated-by``: a later notice about the work."""

    model_config = ConfigDict(frozen=True)

    type: str
    doi: str | None = None
    label: str | None = None
    source: str | None = None
    date: str | None = None


class WorkRecord(BaseModel):
    """The fields essaylint compares, read from one Crossref work."""

    model_config = ConfigDict(frozen=True)

    doi: str
    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = ()  # family names (or organisation names), in order
    years: tuple[int, ...] = ()  # issued first, then print/online years
    container: str | None = None
    short_containers: tuple[str, ...] = ()
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    type: str = ""
    updated_by: tuple[Update, ...] = ()

    @property
    def year(self) -> int | None:
        return self.years[0] if self.years else None

    @property
    def retractions(self) -> tuple[Update, ...]:
        """Notices in ``updated-by`` that retract, withdraw or raise concern."""
        return tuple(u for u in self.updated_by if u.type in RETRACTION_TYPES)


@runtime_checkable
class VerifyBackend(Protocol):
    """What essaylint needs from a bibliographic database (Crossref)."""

    name: str

    def lookup_doi(self, doi: str) -> WorkRecord | None:
        """The record of ``doi``; None when the DOI is unknown (404).

        Raises :class:`VerifyError` when the service cannot answer.
        """
        ...

    def search(
        self, *, title: str, author: str | None, year: str | None, container: str | None
    ) -> list[WorkRecord]:
        """A few candidate records for a bibliographic query, best first."""
        ...


FieldName = Literal["year", "title", "first author", "journal", "volume", "issue", "pages"]


class FieldDiff(BaseModel):
    """One field that differs: what the entry says and what the record says."""

    model_config = ConfigDict(frozen=True)

    field: FieldName
    entry: str
    record: str


VerdictStatus = Literal["verified", "mismatch", "not-found", "invalid-doi"]


class Verdict(BaseModel):
    """What the verify pass concluded about one reference (by ``Reference.index``)."""

    model_config = ConfigDict(frozen=True)

    index: int
    status: VerdictStatus
    source: Literal["crossref", "bib"] = "crossref"
    record: WorkRecord | None = None
    differences: tuple[FieldDiff, ...] = ()
    via: Literal["doi", "search"] = "search"
    # A DOI found by searching for an entry that has none (or whose DOI is invalid).
    suggested_doi: str | None = None


class VerifyReport(BaseModel):
    """What the pipeline hands the verify rules: one pass over one document."""

    model_config = ConfigDict(frozen=True)

    backend: str
    verdicts: tuple[Verdict, ...] = ()
    looked_up: int = 0
    # Set when the service failed; the pass stopped at the first failure.
    error: str | None = None
    # The code of the one rule that reports ``error`` (the lowest selected network rule).
    error_reporter: str | None = None

    def for_index(self, index: int) -> Verdict | None:
        for verdict in self.verdicts:
            if verdict.index == index:
                return verdict
        return None


# -- parsing Crossref JSON (pure) ---------------------------------------------------


def clean_text(value: str) -> str:
    """Markup removed, entities decoded, whitespace collapsed."""
    return _SPACES.sub(" ", html.unescape(_MARKUP.sub("", value))).strip()


def _first(value: Any) -> str | None:
    if isinstance(value, str):
        return clean_text(value) or None
    if isinstance(value, Sequence) and value and isinstance(value[0], str):
        return clean_text(value[0]) or None
    return None


def _year(value: Any) -> int | None:
    if not isinstance(value, Mapping):
        return None
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        year = parts[0][0]
        if isinstance(year, int):
            return year
        if isinstance(year, str) and year.isdigit():
            return int(year)
    return None


def _date(value: Any) -> str | None:
    if not isinstance(value, Mapping):
        return None
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list):
        bits = [p for p in parts[0] if isinstance(p, int)]
        return "-".join(f"{p:02d}" for p in bits) or None
    return None


def _text(value: Any) -> str | None:
    if isinstance(value, str | int):
        return str(value).strip() or None
    return None


def parse_work(message: Mapping[str, Any]) -> WorkRecord:
    """A :class:`WorkRecord` from one Crossref work object (tolerant of gaps)."""
    authors: list[str] = []
    for person in message.get("author") or []:
        if isinstance(person, Mapping):
            name = person.get("family") or person.get("name")
            if isinstance(name, str) and name.strip():
                authors.append(clean_text(name))
    years: list[int] = []
    for key in ("issued", "published-print", "published-online", "published"):
        year = _year(message.get(key))
        if year is not None and year not in years:
            years.append(year)
    updates: list[Update] = []
    for item in message.get("updated-by") or []:
        if isinstance(item, Mapping) and isinstance(item.get("type"), str):
            updates.append(
                Update(
                    type=str(item["type"]),
                    doi=_text(item.get("DOI")),
                    label=_text(item.get("label")),
                    source=_text(item.get("source")),
                    date=_date(item.get("updated")),
                )
            )
    shorts = message.get("short-container-title") or []
    return WorkRecord(
        doi=str(message.get("DOI") or "").strip(),
        title=_first(message.get("title")),
        subtitle=_first(message.get("subtitle")),
        authors=tuple(authors),
        years=tuple(years),
        container=_first(message.get("container-title")),
        short_containers=tuple(clean_text(s) for s in shorts if isinstance(s, str)),
        volume=_text(message.get("volume")),
        issue=_text(message.get("issue")),
        pages=_text(message.get("page")),
        type=str(message.get("type") or ""),
        updated_by=tuple(updates),
    )
