"""What grading one submission produces: the row of the class report.

A :class:`Graded` record is small and JSON-serialisable: workers send it back
to the main process, and the manifest stores it so an unchanged file is not
graded again.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from essaylint.grading.attention import Attention, Signals, assess, reasons_of, signals_of
from essaylint.grading.overlap import Match
from essaylint.grading.rubric import Deduction, Rubric, explain, score
from essaylint.grading.similarity import work_key
from essaylint.grading.walk import Submission
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import FileResult

#: Rule families, by the first letter of the code.
FAMILIES = ("C", "R", "S", "T", "V")
FAMILY_NAMES = {
    "C": "citations",
    "R": "reference list",
    "S": "citation style",
    "T": "text",
    "V": "verification",
}
_WORD = compile_lazily(r"\w+(?:['’-]\w+)*")


class Graded(BaseModel):
    model_config = ConfigDict(frozen=True)

    rel: str
    student: str
    student_id: str = ""  # the LMS's number for the student (Moodle participant, Canvas user)
    page: str | None = None
    sha256: str = ""
    words: int = 0
    citations: int = 0
    references: int = 0
    families: dict[str, int] = {}
    findings: int = 0
    by_rule: dict[str, int] = {}
    score: float | None = None
    explanation: str = ""
    deductions: tuple[Deduction, ...] = ()
    error: str | None = None
    entry: dict[str, Any] = {}  # this file's entry of the JSON report
    works: tuple[str, ...] = ()
    signals: Signals = Signals()
    attention: Attention = Attention()
    withheld: bool = False  # the score is not shown: the citations were not recognised
    body: str = ""  # the essay body (compared with the other submissions)
    similar: tuple[Match, ...] = ()  # other submissions sharing text with this one
    earlier: tuple[str, ...] = ()  # the student's earlier uploads, not graded
    feedback: str | None = None  # feedback/<page>.docx: the student's Word file with comments
    comments: int = 0  # comments placed in that copy
    feedback_note: str = ""  # why there is no Word feedback copy


def body_text(result: FileResult) -> str:
    if result.document is None:
        return ""
    text = result.document.text
    if result.essay is not None:
        text = text[result.essay.body.start : result.essay.body.end]
    return text


def count_words(result: FileResult) -> int:
    return len(_WORD.findall(body_text(result)))


def grade_result(
    result: FileResult, sub: Submission, rubric: Rubric, sha256: str, entry: dict[str, Any]
) -> Graded:
    """The record for one linted file (pure)."""
    if result.error is not None:
        return error_record(sub, result.error, sha256)
    families = dict.fromkeys(FAMILIES, 0)
    by_rule: dict[str, int] = {}
    for f in result.findings:
        families[f.code[:1]] = families.get(f.code[:1], 0) + 1
        by_rule[f.rule] = by_rule.get(f.rule, 0) + 1
    signals = signals_of(result)
    reasons = reasons_of(signals, rubric.attention)
    attention = assess(reasons, rubric.attention)
    counts = {"no_sources": 1, "not_found": signals.not_found}
    marks = score(
        ((f.rule, f.code, f.severity) for f in result.findings),
        rubric,
        ((name, counts.get(name, 1)) for name, _ in attention.reasons),
    )
    withheld = rubric.attention.withhold_unchecked and attention.fired("citations_not_recognised")
    works = tuple(
        sorted(
            {
                work_key(r.authors[0].family if r.authors else None, r.year, r.title, r.raw)
                for r in result.references
            }
        )
    )
    return Graded(
        rel=sub.rel,
        student=sub.student,
        student_id=sub.student_id,
        page=sub.page,
        sha256=sha256,
        words=count_words(result),
        citations=len(result.citations),
        references=len(result.references),
        families=families,
        findings=len(result.findings),
        by_rule=dict(sorted(by_rule.items())),
        score=None if withheld else marks.score,
        explanation=(
            "withheld: the in-text citations were not recognised, so they could not be checked "
            f"(it would be {explain(marks, rubric)})"
            if withheld
            else explain(marks, rubric)
        ),
        deductions=marks.deductions,
        entry=entry,
        works=works,
        signals=signals,
        attention=attention,
        body=body_text(result),
        withheld=withheld,
    )


def error_record(
    sub: Submission, error: str, sha256: str = "", entry: dict[str, Any] | None = None
) -> Graded:
    one_line = " ".join(error.replace(sub.path, sub.rel).split())
    return Graded(
        rel=sub.rel,
        student=sub.student,
        student_id=sub.student_id,
        sha256=sha256,
        error=one_line,
        attention=Attention(level=2, reasons=(("unreadable", f"could not be read: {one_line}"),)),
        entry=entry
        or {
            "path": sub.rel,
            "style": None,
            "citations": 0,
            "references": 0,
            "findings": [],
            "error": one_line,
        },
    )
