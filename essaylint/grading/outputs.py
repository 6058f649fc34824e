"""The class-level output files (atomic writes).

summary.csv, moodle-grades.csv, canvas-grades.csv, results.json and
index.html, all listing submissions by attention then score; and the
"text shared with other submissions" section of each student page, refilled
on every run.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from essaylint import __version__
from essaylint.grading.cohort import by_attention, settle
from essaylint.grading.files import atomic_write
from essaylint.grading.lms import canvas_csv, moodle_csv
from essaylint.grading.record import FAMILIES, Graded
from essaylint.grading.report_html import OVERLAP_END, OVERLAP_START
from essaylint.grading.report_index import index_page, overlap_section
from essaylint.grading.rubric import Rubric
from essaylint.grading.similarity import find_similar

CSV_COLUMNS = (
    "attention", "why", "student", "student_id", "file", "words", "citations", "references",
    *FAMILIES, "findings", "score", "shared_percent", "shared_with", "earlier_uploads", "error",
)  # fmt: skip


def _cell(value: str) -> str:
    """Keep spreadsheets from reading a student's text as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def summary_csv(records: Sequence[Graded]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in records:
        top = r.similar[0] if r.similar else None
        writer.writerow(
            [
                r.attention.label,
                _cell(r.attention.why),
                _cell(r.student),
                r.student_id,
                _cell(r.rel),
                r.words,
                r.citations,
                r.references,
                *(r.families.get(k, 0) for k in FAMILIES),
                r.findings,
                "" if r.score is None else f"{r.score:g}",
                f"{top.percent:g}" if top else "",
                _cell(top.other) if top else "",
                _cell(" | ".join(r.earlier)),
                _cell(r.error or ""),
            ]
        )
    return buffer.getvalue()


def results_json(records: Sequence[Graded]) -> dict[str, Any]:
    """The JSON report (same shape as ``essaylint check --format json``) over every file."""
    files = [{**r.entry, "grading": _grading(r)} for r in records]
    by_rule: Counter[str] = Counter()
    for entry in files:
        by_rule.update(f["rule"] for f in entry.get("findings", []))
    return {
        "version": __version__,
        "files": files,
        "summary": {
            "files": len(files),
            "findings": sum(by_rule.values()),
            "errors": sum(1 for entry in files if entry.get("error")),
            "by_rule": dict(sorted(by_rule.items())),
        },
    }


def _grading(r: Graded) -> dict[str, Any]:
    return {
        "student": r.student,
        "student_id": r.student_id or None,
        "score": r.score,
        "score_withheld": r.withheld,
        "attention": r.attention.label or None,
        "why": [{"signal": name, "reason": text} for name, text in r.attention.reasons],
        "similar": [
            {
                "file": m.other,
                "percent": m.percent,
                "passages": [
                    {"start": p.start, "end": p.end, "words": p.words} for p in m.passages
                ],
            }
            for m in r.similar
        ],
        "earlier_uploads": list(r.earlier),
    }


def _fill_overlap(out: Path, records: Sequence[Graded]) -> None:
    """Put (or refresh) the shared-text section into each student page."""
    by_rel = {r.rel: r for r in records}
    for r in records:
        if not r.page:
            continue
        path = out / r.page
        try:
            page = path.read_text(encoding="utf-8")
        except OSError:
            continue
        start, end = page.find(OVERLAP_START), page.find(OVERLAP_END)
        if start < 0 or end < start:
            continue
        section = overlap_section(r, r.body, by_rel)
        new = page[: start + len(OVERLAP_START)] + section + page[end:]
        if new != page:
            atomic_write(path, new)


def write_class_reports(
    out: Path,
    records: Sequence[Graded],
    rubric: Rubric,
    *,
    status: str = "",
    assignment: str = "Essay",
) -> list[Graded]:
    """Write every class-level file; the records, settled and in attention order."""
    ordered = by_attention(settle(sorted(records, key=lambda r: r.rel), rubric))
    groups = find_similar({r.rel: r.works for r in ordered if r.error is None})
    _fill_overlap(out, ordered)
    atomic_write(out / "summary.csv", summary_csv(ordered))
    atomic_write(out / "moodle-grades.csv", moodle_csv(ordered, rubric))
    atomic_write(out / "canvas-grades.csv", canvas_csv(ordered, rubric, assignment=assignment))
    atomic_write(
        out / "results.json",
        json.dumps(results_json(ordered), ensure_ascii=False, indent=2) + "\n",
    )
    atomic_write(out / "index.html", index_page(ordered, groups, rubric, status=status))
    return ordered
