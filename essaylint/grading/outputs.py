"""The class-level output files: summary.csv, results.json and index.html (atomic writes)."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from essaylint import __version__
from essaylint.grading.files import atomic_write
from essaylint.grading.record import FAMILIES, Graded
from essaylint.grading.report_html import index_page
from essaylint.grading.rubric import Rubric
from essaylint.grading.similarity import SimilarGroup, find_similar

CSV_COLUMNS = (
    "student", "file", "words", "citations", "references", *FAMILIES, "findings", "score", "error",
)  # fmt: skip


def _cell(value: str) -> str:
    """Keep spreadsheets from reading a student's text as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def summary_csv(records: Sequence[Graded]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in records:
        writer.writerow(
            [
                _cell(r.student),
                _cell(r.rel),
                r.words,
                r.citations,
                r.references,
                *(r.families.get(k, 0) for k in FAMILIES),
                r.findings,
                "" if r.score is None else f"{r.score:g}",
                _cell(r.error or ""),
            ]
        )
    return buffer.getvalue()


def results_json(records: Sequence[Graded]) -> dict[str, Any]:
    """The JSON report (same shape as ``essaylint check --format json``) over every file."""
    files = [r.entry for r in records]
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


def write_class_reports(
    out: Path, records: Sequence[Graded], rubric: Rubric, *, status: str = ""
) -> list[SimilarGroup]:
    ordered = sorted(records, key=lambda r: r.rel)
    groups = find_similar({r.rel: r.works for r in ordered if r.error is None})
    atomic_write(out / "summary.csv", summary_csv(ordered))
    atomic_write(
        out / "results.json",
        json.dumps(results_json(ordered), ensure_ascii=False, indent=2) + "\n",
    )
    atomic_write(out / "index.html", index_page(ordered, groups, rubric, status=status))
    return groups
