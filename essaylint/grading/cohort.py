"""The class as a whole: resubmissions grouped, copied text found, attention settled, order.

Pure functions over the records of one run (:mod:`overlap` imports datasketch
when called).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath

from essaylint.grading.attention import Attention, assess
from essaylint.grading.overlap import find_overlaps
from essaylint.grading.record import Graded
from essaylint.grading.rubric import Rubric
from essaylint.grading.walk import Submission
from essaylint.lazy_pattern import compile_lazily

_CANVAS_SUBMISSION = compile_lazily(r"_(\d+)_(\d+)_")


def student_key(student: str, student_id: str) -> str:
    """Who a file belongs to: the platform ID when the export gives one, else the name."""
    return f"id:{student_id}" if student_id else f"name:{' '.join(student.casefold().split())}"


def _recency(sub: Submission) -> tuple[float, int, str]:
    canvas = _CANVAS_SUBMISSION.search(PurePosixPath(sub.rel).name) if sub.lms == "canvas" else None
    return (sub.modified, int(canvas.group(2)) if canvas else 0, sub.rel)


def latest_only(subs: Sequence[Submission]) -> tuple[list[Submission], dict[str, tuple[str, ...]]]:
    """One submission per student, the latest (file time, then Canvas's submission number);
    and for each kept file the student's earlier uploads, newest first."""
    by_student: dict[str, list[Submission]] = {}
    for sub in subs:
        by_student.setdefault(student_key(sub.student, sub.student_id), []).append(sub)
    kept: list[Submission] = []
    earlier: dict[str, tuple[str, ...]] = {}
    for group in by_student.values():
        group.sort(key=_recency, reverse=True)
        readable = [s for s in group if s.unreadable is None] or group
        latest = readable[0]
        kept.append(latest)
        others = tuple(s.rel for s in group if s is not latest)
        if others:
            earlier[latest.rel] = others
    kept.sort(key=lambda s: s.rel)
    return kept, earlier


def settle(records: Sequence[Graded], rubric: Rubric) -> list[Graded]:
    """Records with copied text found and their attention settled by the rubric."""
    rules = rubric.attention
    bodies = {r.rel: r.body for r in records if r.error is None and r.body}
    overlaps = find_overlaps(bodies, min_percent=rules.copied_percent) if len(bodies) > 1 else {}
    names = {r.rel: r.student for r in records}
    out: list[Graded] = []
    for r in records:
        matches = tuple(overlaps.get(r.rel, ()))
        reasons = [(n, t) for n, t in r.attention.reasons if n != "copied"]
        if matches:
            top = matches[0]
            reasons.append(
                (
                    "copied",
                    f"{top.percent:g} % of its text is also in {names.get(top.other, top.other)}'s"
                    + (f" (and {len(matches) - 1} more)" if len(matches) > 1 else ""),
                )
            )
        attention: Attention = assess(reasons, rules)
        out.append(r.model_copy(update={"similar": matches, "attention": attention}))
    return out


def by_attention(records: Sequence[Graded]) -> list[Graded]:
    """Highest attention first; then withheld or missing scores, lowest score, name."""
    return sorted(
        records,
        key=lambda r: (
            -r.attention.level,
            r.score is not None,
            r.score if r.score is not None else 0.0,
            r.student.casefold(),
            r.rel,
        ),
    )
