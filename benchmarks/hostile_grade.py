"""Hostile classes for ``essaylint grade``: each case makes a class folder, runs, and judges.

A case returns a table row. Beyond the general bar (hostile_run.problem) each
checks what its input threatens: no file read outside the class folder, none
written outside --out, no report of the reports, no stale or mixed pages, no
worker left running after the parent is killed.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

from hostile_run import Row, Running, descendants, essaylint, judged, run

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "grading"))

from classmaker import distinct_essay

Case = Callable[[Path, float], Row]
PASSWD_MARK = "root:x:0:0"


def make_class(folder: Path, students: int = 6) -> Path:
    root = folder / "class"
    for i in range(students):
        student = root / f"Student {i:02d}_{1000 + i}_assignsubmission_file_"
        student.mkdir(parents=True)
        (student / "essay.md").write_text(distinct_essay(i), encoding="utf-8")
    return root


def _grade(root: Path, out: Path, *more: str) -> list[str]:
    return essaylint("grade", root, "--out", out, "--no-progress", "--jobs", "2", *more)


def _graded(out: Path) -> list[str]:
    """The files results.json lists (empty when it is missing or unreadable)."""
    try:
        report = json.loads((out / "results.json").read_text("utf-8"))
    except (OSError, ValueError):
        return []
    files = report.get("files", report) if isinstance(report, dict) else report
    return [str(f.get("path", f.get("rel", ""))) for f in files if isinstance(f, dict)]


def _outside(folder: Path, before: set[Path], allowed: Path) -> list[Path]:
    """Files that appeared under ``folder`` but not under ``allowed`` (run output aside)."""
    now = {p for p in folder.rglob("*") if p.is_file()}
    return [
        p
        for p in now - before
        if allowed not in p.parents and p.suffix not in (".stdout", ".stderr")
    ]


def _mentions_passwd(out: Path) -> bool:
    return any(
        PASSWD_MARK in p.read_text("utf-8", "replace") for p in out.rglob("*") if p.is_file()
    )


def dotted_student_folders(folder: Path, timeout: float) -> Row:
    root = make_class(folder, 2)
    # A folder cannot be named "..": these are the names that look like it.
    for i, name in enumerate(("...", "..\\..\\escaped", ". .", "..%2F..%2Fup", "..._1_x_")):
        (root / name).mkdir()
        (root / name / "essay.md").write_text(distinct_essay(10 + i), encoding="utf-8")
    before = {p for p in folder.rglob("*") if p.is_file()}
    out = folder / "out"
    outcome = run(_grade(root, out), folder, timeout)
    stray = _outside(folder, before, out)
    return judged(
        "grade: student folders named '..', '...', '..\\..\\x'",
        outcome,
        f"WROTE OUTSIDE --out: {stray[0].relative_to(folder)}" if stray else None,
    )


def symlinks_out_of_class(folder: Path, timeout: float) -> Row:
    root = make_class(folder, 2)
    (root / "Mallory_9999_assignsubmission_file_").mkdir()
    (root / "Mallory_9999_assignsubmission_file_" / "essay.txt").symlink_to("/etc/passwd")
    (root / "Eve_9998_assignsubmission_file_").symlink_to("/etc")
    out = folder / "out"
    outcome = run(_grade(root, out), folder, timeout)
    leak = _mentions_passwd(out) or PASSWD_MARK in outcome.stdout + outcome.stderr
    return judged(
        "grade: symlinks out of the class folder",
        outcome,
        "READ OUTSIDE THE CLASS: /etc/passwd is in the report" if leak else None,
    )


def out_inside_input(folder: Path, timeout: float) -> Row:
    root = make_class(folder, 4)
    out = root / "report"
    first = run(_grade(root, out), folder, timeout, tag="first")
    second = run(_grade(root, out), folder, timeout, tag="second")
    graded = _graded(out)
    extra = None
    if any("report" in path.replace("\\", "/").split("/")[0] for path in graded):
        extra = f"GRADED ITS OWN PAGES: {len(graded)} files"
    outcome = second if judged("", first).ok else first
    return judged("grade: --out inside the input folder, twice", outcome, extra)


def out_is_input(folder: Path, timeout: float) -> Row:
    root = make_class(folder, 4)
    first = run(_grade(root, root), folder, timeout, tag="first")
    second = run(_grade(root, root), folder, timeout, tag="second")
    graded = _graded(root)
    extra = None
    if len(graded) > 4:
        extra = f"GRADED ITS OWN PAGES: {len(graded)} files for 4 essays"
    outcome = second if judged("", first).ok else first
    return judged("grade: --out equal to the input folder, twice", outcome, extra)


def out_is_a_file(folder: Path, timeout: float) -> Row:
    root = make_class(folder, 2)
    (folder / "report.txt").write_text("not a folder\n")
    outcome = run(_grade(root, folder / "report.txt"), folder, timeout)
    extra = None if outcome.code == 2 else f"exit {outcome.code} for an --out that is a file"
    return judged("grade: --out naming an existing file", outcome, extra)


def concurrent_runs(folder: Path, timeout: float) -> Row:
    root = make_class(folder, 8)
    out = folder / "out"
    a = Running(_grade(root, out, "--style", "apa"), folder, tag="apa")
    b = Running(_grade(root, out, "--style", "mla", "--force"), folder, tag="mla")
    first, second = a.wait(timeout), b.wait(timeout)
    worst = first if not judged("", first).ok else second
    graded = _graded(out)
    extra = None if len(graded) == 8 else f"MIXED OUTPUT: results.json lists {len(graded)} of 8"
    row = judged("grade: two concurrent runs on one --out", worst, extra)
    seconds = max(first.seconds, second.seconds)
    return Row(row.name, row.exit, seconds, max(first.peak_mb, second.peak_mb), row.verdict)


def killed_then_rerun(folder: Path, timeout: float) -> Row:
    root = make_class(folder, 40)
    out = folder / "out"
    started = Running(_grade(root, out), folder, tag="killed")
    workers: list[int] = []
    deadline = time.monotonic() + 20
    while not workers and time.monotonic() < deadline and started.proc.poll() is None:
        time.sleep(0.1)
        workers = descendants(started.proc.pid)
    time.sleep(0.5)
    started.kill()
    time.sleep(3.0)
    orphans = [pid for pid in workers if Path(f"/proc/{pid}").exists()]
    for pid in orphans:
        os.kill(pid, signal.SIGKILL)
    rerun = run(_grade(root, out), folder, timeout, tag="rerun")
    graded = _graded(out)
    extra = None
    if orphans:
        extra = f"ORPHANS: {len(orphans)} workers still running 3 s after SIGKILL"
    elif len(graded) != 40:
        extra = f"INCOMPLETE RERUN: results.json lists {len(graded)} of 40"
    return judged("grade: killed mid-way (SIGKILL), then rerun", rerun, extra)


def pdf_case(maker: Callable[[Path], Path]) -> Case:
    """A class of one PDF, graded (with every rule, the spelling engine too)."""

    def case(folder: Path, timeout: float) -> Row:
        root = maker(folder)
        out = folder / "out"
        outcome = run(_grade(root, out), folder, timeout)
        return judged("", outcome)

    return case
