"""Who needs the teacher first: an attention level per essay, with one line of why.

A score says how many slips essaylint found; it says nothing about what it
could not check. An essay with no sources at all has nothing to slip on, and
an essay whose citations were not recognised has nothing matched. Both would
score high. So each essay also gets an attention level from *signals*:

- ``no_sources``: no citations and no reference list, in a text that quotes
  or gives statistics ("Studies have shown…", "62 %");
- ``no_reference_list``: citations but no reference list;
- ``citations_not_recognised``: a reference list whose entries the in-text
  citations do not reach (a citation style essaylint does not read, or no
  citations at all): the score is withheld, the essay is to be checked by hand;
- ``not_found``: references that Crossref does not know (``--verify``):
  possibly fabricated;
- ``many_errors``: many error-severity findings;
- ``copied``: much of the text matches another submission (set later, at
  class level, by :mod:`essaylint.grading.overlap`);
- ``unreadable``: the file could not be read.

The rubric (``[attention]``) says which level each signal raises and how many
points it costs. Everything here is pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field

from essaylint.lazy_pattern import compile_lazily
from essaylint.models import FileResult

#: Attention levels, highest first, as shown to the teacher.
LEVELS = {3: "needs attention", 2: "check by hand", 1: "worth a look", 0: ""}
_LEVEL_BY_NAME = {name: level for level, name in LEVELS.items() if name} | {"ignore": 0}

# A quotation: within one paragraph (a line break may wrap it, a blank line may not).
_QUOTE = compile_lazily(
    r"“((?:[^“”\n]|\n(?![ \t]*\n)){3,600})”"
    r"|(?<![\w\"])\"((?:[^\"\n]|\n(?![ \t]*\n)){3,600})\"(?![\w\"])"
)
_WORD = compile_lazily(r"[^\W_][\w'’-]*")
_STATISTIC = compile_lazily(
    r"\b\d+(?:[.,]\d+)?\s?(?:%|per\s?cent\b|percent\b)"
    r"|\b\d+\s+(?:out\s+)?of\s+(?:every\s+)?\d+\b"
    r"|\b\d[\d,.]*\s+(?:million|billion|thousand)\b"
    r"|\b(?:studies|research|surveys?|statistics|experts|scientists|evidence|data)\s+"
    r"(?:have\s+|has\s+)?(?:shown|shows?|suggests?|found|finds|indicates?|proves?|proven)\b",
    re.IGNORECASE,
)
#: Rules whose findings say a reference may not exist (only when --verify ran).
NOT_FOUND_RULES = frozenset({"reference-not-found", "invalid-doi"})


class Signals(BaseModel):
    """What attention is worked out from: counts taken from one linted essay."""

    model_config = ConfigDict(frozen=True)

    quotes: int = 0  # quoted passages of at least 6 words in the body
    statistics: int = 0  # percentages, "3 out of 4", "studies have shown", ...
    citations: int = 0
    linked_citations: int = 0  # citations matched to a reference-list entry
    references: int = 0
    cited_references: int = 0  # entries reached by at least one citation
    not_found: int = 0  # references Crossref does not know (--verify)
    errors: int = 0  # error-severity findings


class AttentionRubric(BaseModel):
    """The ``[attention]`` table of a rubric."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    #: Level each signal raises: "needs attention", "check by hand", "worth a look" or "ignore".
    levels: dict[str, str] = Field(
        default_factory=lambda: {
            "no_sources": "needs attention",
            "no_reference_list": "needs attention",
            "citations_not_recognised": "check by hand",
            "not_found": "needs attention",
            "many_errors": "worth a look",
            "copied": "needs attention",
            "unreadable": "check by hand",
        }
    )
    #: Points a signal takes off the score (not_found: per reference, up to the rubric's cap).
    points: dict[str, float] = Field(default_factory=lambda: {"no_sources": 30.0, "not_found": 5.0})
    many_errors: int = Field(default=6, ge=1)  # error-severity findings that make "many"
    min_claims: int = Field(default=1, ge=1)  # quotes + statistics that need a source
    withhold_unchecked: bool = True  # no score when citations were not recognised
    copied_percent: float = Field(default=50.0, gt=0, le=100)  # overlap that is "copied"

    def level(self, signal: str) -> int:
        return _LEVEL_BY_NAME.get(self.levels.get(signal, "ignore").strip().lower(), 0)


class Attention(BaseModel):
    model_config = ConfigDict(frozen=True)

    level: int = 0
    reasons: tuple[tuple[str, str], ...] = ()  # (signal, one-line reason)

    @property
    def label(self) -> str:
        return LEVELS.get(self.level, "")

    @property
    def why(self) -> str:
        return "; ".join(text for _, text in self.reasons)

    def fired(self, signal: str) -> bool:
        return any(name == signal for name, _ in self.reasons)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def count_claims(body: str) -> tuple[int, int]:
    """Quoted passages (6+ words) and statistical claims in ``body``."""
    quotes = 0
    for match in _QUOTE.finditer(body):
        inner = match.group(1) or match.group(2) or ""
        if len(_WORD.findall(inner)) >= 6:
            quotes += 1
    return quotes, len(_STATISTIC.findall(body))


def signals_of(result: FileResult) -> Signals:
    """The signals of one linted file (pure)."""
    body = ""
    if result.document is not None:
        text = result.document.text
        body = text[result.essay.body.start : result.essay.body.end] if result.essay else text
    quotes, statistics = count_claims(body)
    linked = {link.citation for link in result.links if link.reference is not None}
    cited = {link.reference for link in result.links if link.reference is not None}
    return Signals(
        quotes=quotes,
        statistics=statistics,
        citations=len(result.citations),
        linked_citations=len(linked),
        references=len(result.references),
        cited_references=len(cited),
        not_found=sum(1 for f in result.findings if f.rule in NOT_FOUND_RULES),
        errors=sum(1 for f in result.findings if f.severity == "error"),
    )


def _claims(s: Signals) -> str:
    parts = []
    if s.quotes:
        parts.append(f"quotes {_plural(s.quotes, 'passage')}")
    if s.statistics:
        parts.append(f"makes {_plural(s.statistics, 'statistical claim')}")
    return " and ".join(parts)


def reasons_of(s: Signals, rubric: AttentionRubric) -> list[tuple[str, str]]:
    """Every signal that fires for ``s``, with its one-line reason."""
    out: list[tuple[str, str]] = []
    claims = s.quotes + s.statistics
    if s.references == 0 and s.citations == 0:
        if claims >= rubric.min_claims:
            out.append(("no_sources", f"no citations and no reference list, yet it {_claims(s)}"))
    elif s.references == 0:
        out.append(("no_reference_list", f"{_plural(s.citations, 'citation')}, no reference list"))
    elif s.citations == 0:
        out.append(
            (
                "citations_not_recognised",
                f"{s.references} reference-list {'entry' if s.references == 1 else 'entries'} "
                "but no in-text citation recognised: check the citations by hand",
            )
        )
    elif s.references >= 2 and (
        2 * s.cited_references < s.references and 2 * s.linked_citations < s.citations
    ):
        out.append(
            (
                "citations_not_recognised",
                f"only {s.linked_citations} of {s.citations} citations matched "
                f"the {s.references} reference-list entries: check the citations by hand",
            )
        )
    if s.not_found:
        out.append(
            (
                "not_found",
                f"{_plural(s.not_found, 'reference')} not found in Crossref (possibly invented)",
            )
        )
    if s.errors >= rubric.many_errors:
        out.append(("many_errors", f"{_plural(s.errors, 'error')}"))
    return out


def assess(reasons: Iterable[tuple[str, str]], rubric: AttentionRubric) -> Attention:
    """The attention level: the highest level any fired signal raises."""
    kept = tuple((name, text) for name, text in reasons if rubric.level(name) > 0)
    level = max((rubric.level(name) for name, _ in kept), default=0)
    ordered = tuple(sorted(kept, key=lambda r: -rubric.level(r[0])))
    return Attention(level=level, reasons=ordered)
