"""Hostile inputs (issue 13): each through a real, fresh essaylint process, measured.

Run from the project root with the project's virtualenv active:

    python benchmarks/hostile_inputs.py [--only NAME ...] [--timeout 120] [--out FILE.md]

Every input is made here, in a temporary folder, and removed after. Documents
go through ``essaylint check`` (hostile_documents.py), classes through
``essaylint grade`` (hostile_grade.py), Crossref answers through ``check
--verify`` against a server on 127.0.0.1 (hostile_verify.py; nothing else is
contacted). For each the table gives the exit code, the wall time, the peak
resident memory of the child process and its workers (read from /proc while it
runs: ``wait4``'s ``ru_maxrss``, like ``RUSAGE_CHILDREN``, would count the
memory of this script, which the child starts as a copy of) and a verdict:

- ``ok``: a clear answer: exit 0/1, or exit 2 with a one-line message (shown),
  with no traceback, no raw control character in the output, no flood of
  library messages on stderr, within the time limit, and whatever the case
  itself checks (nothing read outside the class, nothing written outside
  --out, no request to another host, ...);
- anything else names the failure: TRACEBACK, CRASH, TIMEOUT, NOISE,
  RAW CONTROL CHARACTER, NON-LINEAR, SLOW, MEMORY, or the case's own.

Inputs that have a size are also run at a quarter of it: when the processor
time above a bare start-up (the same command on a one-line file, so the same
engines load) grows more than 8-fold for 4 times the input, the verdict is
NON-LINEAR. Processor time, not wall time: the machine is shared, and a busy
neighbour must not make a linear run look quadratic. Nothing is asserted;
the table is for the closing note and for finding what to fix.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import hostile_documents as docs
import hostile_grade as grade
import hostile_verify as verify
from hostile_run import Row, essaylint, judged, run

Case = Callable[[Path, float], Row]
MEMORY_LIMIT_MB = 1024  # no essay needs more; a process above it did not bound its input
QUARTER = 0.25
GROWTH_LIMIT = 8.0  # time for 4x the input over time for 1x, start-up taken away
NET_FLOOR = 0.5  # seconds: below this a run's time over start-up is noise on a shared machine


def _check(maker: Callable[..., Path], *flags: str) -> Case:
    """A document checked by ``essaylint check --format json`` plus ``flags``."""

    def case(folder: Path, timeout: float) -> Row:
        target = maker(folder)
        outcome = run(essaylint("check", "--format", "json", *flags, target), folder, timeout)
        return judged("", outcome, _memory(outcome.peak_mb))

    return case


def _sized(maker: Callable[..., Path], select: str = "C,R") -> Case:
    """Like :func:`_check`, and also at a quarter of the size, to see how time grows."""

    def case(folder: Path, timeout: float) -> Row:
        small_dir, big_dir = folder / "quarter", folder / "whole"
        small_dir.mkdir()
        big_dir.mkdir()
        command = ("check", "--format", "json", "--select", select)
        small = run(essaylint(*command, maker(small_dir, QUARTER)), small_dir, timeout)
        big = run(essaylint(*command, maker(big_dir, 1.0)), big_dir, timeout)
        extra = _memory(big.peak_mb)
        start = _startup_seconds(command)
        growth = max(big.cpu_seconds - start, NET_FLOOR) / max(small.cpu_seconds - start, NET_FLOOR)
        if extra is None and big.code is not None and growth > GROWTH_LIMIT:
            extra = f"NON-LINEAR: {growth:.0f}x the time for 4x the input"
        row = judged("", big, extra)
        if row.ok and big.seconds > 1.0:
            row = Row(
                row.name, row.exit, row.seconds, row.peak_mb, f"{row.verdict} (x{growth:.1f})"
            )
        return row

    return case


def _memory(peak_mb: float) -> str | None:
    return f"MEMORY: {peak_mb:.0f} MB" if peak_mb > MEMORY_LIMIT_MB else None


_STARTUP: dict[tuple[str, ...], float] = {}


def _startup_seconds(command: tuple[str, ...]) -> float:
    """The processor time of ``command`` on a one-line file (measured once per command).

    The command matters: ``--select ALL`` loads the spelling engine (about a
    second), ``--select C,R`` does not; taking the one from the other made a
    linear run look 13-fold."""
    if command not in _STARTUP:
        folder = Path(tempfile.mkdtemp(prefix="essaylint-hostile-"))
        try:
            (folder / "one.txt").write_text("One line (Smith, 2019).\n")
            times = [run(essaylint(*command, "one.txt"), folder, 60).cpu_seconds for _ in range(3)]
            _STARTUP[command] = min(times)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return _STARTUP[command]


def _escapes(fmt: str) -> Case:
    def case(folder: Path, timeout: float) -> Row:
        target = docs.escapes_in_essay(folder)
        outcome = run(
            essaylint("check", "--format", fmt, "--select", "C,R,T402", target), folder, timeout
        )
        return judged("", outcome)

    return case


def _fix_read_only(folder: Path, timeout: float) -> Row:
    target = docs.read_only_file(folder)
    before = target.read_bytes()
    outcome = run(essaylint("check", "--fix", "--select", "S,T402", target), folder, timeout)
    extra = None
    if target.read_bytes() != before or target.stat().st_mode & 0o777 != 0o444:
        extra = "REPLACED a read-only file"
    return judged("", outcome, extra)


CASES: dict[str, Case] = {
    "docx zip bomb (1 GB inflated)": _check(docs.docx_zip_bomb, "--select", "C,R"),
    "docx billion laughs": _check(docs.docx_billion_laughs, "--select", "C,R"),
    "docx external entity": _check(docs.docx_external_entity, "--select", "C,R"),
    "docx 40 MB of XML (400,000 runs)": _sized(docs.docx_many_elements),
    "odt zip bomb (1 GB inflated)": _check(docs.odt_zip_bomb, "--select", "C,R"),
    "odt billion laughs": _check(docs.odt_billion_laughs, "--select", "C,R"),
    "odt external entity": _check(docs.odt_external_entity, "--select", "C,R"),
    "html 100,000 nested elements": _sized(docs.html_deep_nesting),
    "tex \\input loop": _check(docs.tex_input_loop, "--select", "C,R"),
    "tex \\input{/etc/passwd}": _check(docs.tex_input_outside, "--select", "C,R"),
    "bib @string doubling (39 in 1 KB)": _check(docs.bib_string_recursion, "--select", "C,R"),
    "bib 50 MB": _sized(docs.bib_50_mb),
    "5 MB single line": _sized(docs.one_long_line),
    "60,000-character word (spelling)": _check(docs.long_word, "--select", "ALL"),
    "100,000 citations": _sized(docs.many_citations),
    "20,000-entry reference list": _sized(docs.huge_list),
    "runs of ( and [": _sized(docs.bracket_runs, "ALL"),
    "RTL, zero-width, combining": _sized(docs.mixed_scripts, "ALL"),
    "escapes in the essay (text)": _escapes("text"),
    "escapes in the essay (github)": _escapes("github"),
    "config array nested 5,000 deep": _check(docs.nested_config),
    "--fix on a read-only file": _fix_read_only,
    "grade: PDF decompression bomb": grade.pdf_case(docs.pdf_decompression_bomb),
    "grade: PDF cyclic xref": grade.pdf_case(docs.pdf_cyclic_xref),
    "grade: 8 KB PDF of one long word": grade.pdf_case(docs.pdf_long_word),
    "grade: student folders named like ..": grade.dotted_student_folders,
    "grade: symlinks out of the class": grade.symlinks_out_of_class,
    "grade: --out inside the input": grade.out_inside_input,
    "grade: --out equal to the input": grade.out_is_input,
    "grade: --out naming a file": grade.out_is_a_file,
    "grade: two concurrent runs on one --out": grade.concurrent_runs,
    "grade: killed mid-way, then rerun": grade.killed_then_rerun,
    **verify.CASES,
}  # fmt: skip


def run_case(name: str, case: Case, timeout: float) -> Row:
    folder = Path(tempfile.mkdtemp(prefix="essaylint-hostile-"))
    try:
        row = case(folder, timeout)
        shown = row.verdict.replace(f"{folder}{os.sep}", "").replace(str(folder), ".")
        return dataclasses.replace(row, name=name, verdict=shown)
    finally:
        for path in folder.rglob("*"):  # a read-only file must not stop the clean-up
            if path.is_file() and not path.is_symlink():
                path.chmod(0o644)
        shutil.rmtree(folder, ignore_errors=True)


HEADER = "| input | exit | seconds | peak MB | verdict |\n|---|--:|--:|--:|---|\n"


def _line(row: Row) -> str:
    verdict = row.verdict.replace("|", "\\|")
    name = row.name.replace("|", "\\|")
    return f"| {name} | {row.exit} | {row.seconds:.2f} | {row.peak_mb:.0f} | {verdict} |\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--only", nargs="*", help="run the cases whose name contains one of these")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per process")
    parser.add_argument("--out", type=Path, help="also write the table (Markdown) to this file")
    args = parser.parse_args(argv)
    lines = [HEADER]
    print(HEADER, end="", flush=True)
    for name, case in CASES.items():
        if args.only and not any(part in name for part in args.only):
            continue
        line = _line(run_case(name, case, args.timeout))
        lines.append(line)
        print(line, end="", flush=True)
    if os.environ.get("CI"):
        print("(numbers from CI are not comparable: run locally)")
    if args.out:
        args.out.write_text("".join(lines), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
