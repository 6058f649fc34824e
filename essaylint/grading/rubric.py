"""The rubric: weights per rule and severity turned into a 0-100 citation score.

``score = max(0, start - sum over rules of min(cap, count x weight))`` where a
rule's weight comes from ``[rules]`` (by rule name or code) and otherwise from
``[severity]``. The default rubric ships as ``default_rubric.toml``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from essaylint.grading.attention import AttentionRubric

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FORMULA = "score = max(0, {start} − Σ over rules of min({cap}, findings × weight))"


class RubricError(Exception):
    """The rubric file cannot be used: one clear line."""


class Rubric(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = "custom"
    start: float = Field(default=100, gt=0, le=100)
    cap: float = Field(default=25, ge=0)
    severity: dict[str, float] = Field(
        default_factory=lambda: {"error": 5.0, "warning": 2.0, "info": 0.5}
    )
    rules: dict[str, float] = Field(default_factory=dict)
    attention: AttentionRubric = Field(default_factory=AttentionRubric)

    def weight(self, rule: str, code: str, severity: str) -> float:
        if rule in self.rules:
            return self.rules[rule]
        if code in self.rules:
            return self.rules[code]
        return self.severity.get(severity, 0.0)

    @property
    def formula(self) -> str:
        return FORMULA.format(start=_num(self.start), cap=_num(self.cap))


class Deduction(BaseModel):
    model_config = ConfigDict(frozen=True)

    rule: str
    code: str
    count: int
    weight: float
    points: float  # min(cap, count x weight)


class Score(BaseModel):
    model_config = ConfigDict(frozen=True)

    score: float
    deductions: tuple[Deduction, ...] = ()


def _num(x: float) -> str:
    return f"{x:g}"


def parse_rubric(text: str, *, source: str = "rubric") -> Rubric:
    """A rubric from TOML text; :class:`RubricError` when it is not valid."""
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RubricError(f"{source} is not valid TOML: {error}") from None
    try:
        return Rubric.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise RubricError(f"{source}: {where}: {first['msg']}") from None


def default_rubric() -> Rubric:
    text = resources.files("essaylint.grading").joinpath("default_rubric.toml").read_text("utf-8")
    return parse_rubric(text, source="default rubric")


def load_rubric(path: Path | None) -> Rubric:
    """The rubric at ``path``, or the default one."""
    if path is None:
        return default_rubric()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RubricError(f"cannot read the rubric {path}: {error}") from None
    return parse_rubric(text, source=str(path))


def score(
    findings: Iterable[tuple[str, str, str]],
    rubric: Rubric,
    signals: Iterable[tuple[str, int]] = (),
) -> Score:
    """Score one essay from its findings, given as (rule, code, severity) triples.

    ``signals`` are attention signals that fired, with a count: each costs
    ``count x [attention.points]`` (at most ``cap``), listed as code ``attention``.
    """
    counts: dict[tuple[str, str], int] = {}
    weights: dict[tuple[str, str], float] = {}
    for rule, code, severity in findings:
        key = (rule, code)
        counts[key] = counts.get(key, 0) + 1
        weights[key] = max(weights.get(key, 0.0), rubric.weight(rule, code, severity))
    deductions = tuple(
        Deduction(
            rule=rule,
            code=code,
            count=n,
            weight=weights[(rule, code)],
            points=min(rubric.cap, n * weights[(rule, code)]),
        )
        for (rule, code), n in sorted(counts.items(), key=lambda kv: kv[0][1])
    )
    for name, n in signals:
        weight = rubric.attention.points.get(name, 0.0)
        if weight > 0 and n > 0:
            deductions += (
                Deduction(
                    rule=name.replace("_", "-"),
                    code="attention",
                    count=n,
                    weight=weight,
                    points=min(rubric.cap, n * weight),
                ),
            )
    total = sum(d.points for d in deductions)
    return Score(score=round(max(0.0, rubric.start - total), 1), deductions=deductions)


def explain(result: Score, rubric: Rubric) -> str:
    """The arithmetic, e.g. ``100 − min(25, 2 × 6) − min(25, 1 × 4) = 84``."""
    terms = "".join(
        f" − min({_num(rubric.cap)}, {d.count} × {_num(d.weight)})" for d in result.deductions
    )
    return f"{_num(rubric.start)}{terms} = {_num(result.score)}"
