"""Grade files a learning platform imports: Moodle's grading worksheet, Canvas's gradebook CSV.

Moodle (assignment ▸ *Upload grading worksheet*, with "Offline grading
worksheet" enabled): the importer finds its columns by heading and needs
``Identifier`` ("Participant 12345": the number Moodle puts in the exported
folder and file names), ``Grade`` and ``Last modified (grade)``; a
``Feedback comments`` column is read into the feedback-comments plugin when
that plugin is on. We write the worksheet's full heading row (as Moodle's
*Download grading worksheet* does) so the file opens like the one teachers
know.

Canvas (Grades ▸ Import): ``Student``, ``ID`` (the Canvas user ID: the first
number in ``lastfirst_12345_67890_name.ext``), ``SIS User ID``, ``SIS Login
ID``, ``Section``, then one column per assignment; a second row ``Points
Possible`` as in Canvas's own export. The gradebook import has no column for
submission comments: the feedback goes in a ``Notes`` column (Canvas's
private notes column; see docs/grading.md for when Canvas reads it).

Only submissions whose export name gave an ID get a row: a row without one
cannot be matched by either platform. The teacher-facing attention and
similarity notes are never put in the feedback a student sees.
"""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Sequence

from essaylint.grading.record import Graded
from essaylint.grading.rubric import Rubric

MOODLE_COLUMNS = (
    "Identifier",
    "Full name",
    "Email address",
    "Status",
    "Grade",
    "Maximum Grade",
    "Grade can be changed",
    "Last modified (submission)",
    "Last modified (grade)",
    "Feedback comments",
)
CANVAS_COLUMNS = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
CANVAS_NOTES = "Notes"


def _cell(value: str) -> str:
    """Keep spreadsheets from reading a student's text as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _grade(r: Graded) -> str:
    return "" if r.score is None or r.error else f"{r.score:g}"


def feedback_text(r: Graded, rubric: Rubric) -> str:
    """The feedback a student may read: the score and what to fix, nothing about other students."""
    if r.error:
        return "Your file could not be read automatically; your teacher will look at it."
    if r.withheld:
        return (
            "Your citations could not be checked automatically (their style was not "
            "recognised); your teacher will check them by hand."
        )
    parts = [f"Citation score {_grade(r)} / {rubric.start:g}."]
    problems = sorted(r.by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
    if problems:
        listed = ", ".join(f"{rule} ×{n}" if n > 1 else rule for rule, n in problems[:6])
        more = f" and {len(problems) - 6} more kinds" if len(problems) > 6 else ""
        parts.append(f"Problems found: {listed}{more}.")
    else:
        parts.append("No citation or reference problems found.")
    if r.attention.fired("no_sources"):
        parts.append("Your essay quotes or gives figures without naming its sources.")
    if r.attention.fired("no_reference_list"):
        parts.append("Your essay has citations but no reference list.")
    parts.append("Each problem is marked in your document.")
    return " ".join(parts)


def moodle_csv(records: Sequence[Graded], rubric: Rubric, *, now: float | None = None) -> str:
    stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(now))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(MOODLE_COLUMNS)
    for r in sorted(records, key=lambda r: (r.student.casefold(), r.rel)):
        if not r.student_id:
            continue
        writer.writerow(
            [
                f"Participant {r.student_id}",
                _cell(r.student),
                "",
                "",
                _grade(r),
                f"{rubric.start:g}",
                "Yes",
                "",
                stamp,
                _cell(feedback_text(r, rubric)),
            ]
        )
    return buffer.getvalue()


def canvas_csv(records: Sequence[Graded], rubric: Rubric, *, assignment: str = "Essay") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*CANVAS_COLUMNS, assignment, CANVAS_NOTES])
    writer.writerow(["Points Possible", "", "", "", "", f"{rubric.start:g}", ""])
    for r in sorted(records, key=lambda r: (r.student.casefold(), r.rel)):
        if not r.student_id:
            continue
        writer.writerow(
            [
                _cell(r.student),
                r.student_id,
                "",
                "",
                "",
                _grade(r),
                _cell(feedback_text(r, rubric)),
            ]
        )
    return buffer.getvalue()
