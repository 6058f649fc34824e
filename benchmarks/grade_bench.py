"""`essaylint grade` throughput: essays per second, and the speed-up of --jobs 2 over --jobs 1.

Prints numbers, asserts nothing. Run from the project root:

    python benchmarks/grade_bench.py [--count N]

A class of N essays (default 100) is made by copying the shared corpus essays
(or fixtures/essays when the corpus is absent) into per-student folders of a
temporary directory, then graded from scratch (``force``) with all offline
rules (Harper for spelling and grammar, its default "essay" rule set) at
--jobs 1 and --jobs 2. The time is wall-clock for the whole command: worker
start-up and Harper warm-up included, as a teacher would see it. For context
the same class is also graded with every Harper rule (--harper-rules all)
and with spelling and grammar (T401, T403: the Harper pass) switched off.

The copies repeat 13 essays, so from its second copy on a worker has seen an
essay's words before; a class of distinct essays costs more per essay.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from essaylint.config import Settings
from essaylint.grading.rubric import default_rubric
from essaylint.grading.runner import grade_folder

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "essays"


def make_class(folder: Path, count: int) -> int:
    essays = sorted(p for p in CORPUS.glob("*") if p.suffix in (".md", ".txt"))
    essays = essays or sorted((ROOT / "fixtures" / "essays").glob("*.md"))
    words = 0
    for i in range(count):
        src = essays[i % len(essays)]
        student = folder / f"student-{i:04d}"
        student.mkdir(parents=True)
        shutil.copy(src, student / src.name)
        words += len(src.read_text(encoding="utf-8").split())
    return words


def run(folder: Path, jobs: int, settings: Settings) -> float:
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        outcome = grade_folder(
            folder, Path(out), rubric=default_rubric(), settings=settings, jobs=jobs, force=True
        )
        elapsed = time.perf_counter() - started
        assert not any(r.error for r in outcome.records)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "class"
        words = make_class(folder, args.count)
        print(f"{args.count} essays, {words} words ({words // args.count} per essay), "
              f"{os.cpu_count()} cores")  # fmt: skip
        for label, settings in (
            ("all offline rules", Settings()),
            ("... with --harper-rules all", Settings(harper_rules="all")),
            ("without spelling/grammar", Settings(ignore=("T401", "T403"))),
        ):
            one = run(folder, 1, settings)
            two = run(folder, 2, settings)
            print(
                f"{label:<28} --jobs 1: {one:6.1f} s {args.count / one:5.2f} essays/s | "
                f"--jobs 2: {two:6.1f} s {args.count / two:5.2f} essays/s | "
                f"speed-up {one / two:.2f}x"
            )


if __name__ == "__main__":
    main()
