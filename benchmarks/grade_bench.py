"""`essaylint grade` overhead over the spelling/grammar engine, and the speed-up of 2 processes.

Prints numbers, asserts nothing. Run from the project root:

    python benchmarks/grade_bench.py [--jobs 1 2]

The spelling and grammar engine (Harper) is most of the time of grading, and
its cost is not ours to cut; grading is judged by its overhead over it:

- **ratio** = throughput of ``grade`` ÷ throughput of the engine alone, on the
  same essays with the same number of processes (target ≥ 0.85);
- **speed-up** = ``grade`` wall time with 1 process ÷ with 2 (target ≥ 1.7).

The class is made of *distinct* essays, each file once (no copies, so no
worker has seen an essay's words before): every .md and .txt essay of the
shared corpus (essays, seeds, styles) and of fixtures/corpus and
fixtures/essays, one per student folder. Both runs are wall-clock from a cold
start as a teacher would see them: worker start-up and engine warm-up
included. "Engine alone" is a process pool of the same size, each worker
warmed once like a grading worker, calling the engine's ``check`` on each
essay, measured two ways: on the whole file's text (what running the engine
over the essays would cost), and on exactly the text grading hands it (the
prose with citations, reference entries and markup blanked: recorded
beforehand, untimed, by linting each essay with a recording engine). The
second is the strict one: the engine work grading cannot avoid.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from essaylint.config import Settings
from essaylint.grading.rubric import default_rubric
from essaylint.grading.runner import _context, grade_folder

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
_ENGINE: dict[str, Any] = {}


def essays() -> list[Path]:
    """Every distinct essay file (by content) the benchmark can find."""
    folders = [CORPUS / "essays", CORPUS / "seeds", CORPUS / "styles",
               ROOT / "fixtures" / "corpus", ROOT / "fixtures" / "essays"]  # fmt: skip
    seen: set[str] = set()
    found: list[Path] = []
    for folder in folders:
        for path in sorted(folder.glob("*")):
            if path.suffix not in (".md", ".txt"):
                continue
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if digest not in seen:
                seen.add(digest)
                found.append(path)
    return found


def make_class(folder: Path, files: list[Path]) -> int:
    words = 0
    for i, src in enumerate(files):
        student = folder / f"student-{i:04d}"
        student.mkdir(parents=True)
        shutil.copy(src, student / src.name)
        bib = src.with_suffix(".bib")  # an essay citing a .bib file needs it beside it
        if bib.is_file():
            shutil.copy(bib, student / bib.name)
        words += len(src.read_text(encoding="utf-8").split())
    return words


def grade_run(folder: Path, jobs: int) -> float:
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        outcome = grade_folder(
            folder, Path(out), rubric=default_rubric(), settings=Settings(), jobs=jobs, force=True
        )
        elapsed = time.perf_counter() - started
        failed = [r.rel for r in outcome.records if r.error]
        assert not failed, failed
    return elapsed


def _engine_init() -> None:
    from essaylint.services.backends import choose_prose_backend
    from essaylint.services.harper import warm_up

    settings = Settings()
    prose, _ = choose_prose_backend(settings.languagetool_url, settings.harper_rules)
    for dialect in ("american", "british"):
        warm_up(dialect, settings.harper_rules)
    _ENGINE["prose"] = prose


def _engine_one(text: str) -> int:
    return len(_ENGINE["prose"].check(text, dialect="american"))


class _Recorder:
    """A prose engine that only records the text it is handed."""

    name = "recorder"

    def __init__(self) -> None:
        self.texts: list[str] = []

    def check(self, text: str, *, dialect: str = "american") -> list[Any]:
        self.texts.append(text)
        return []

    def known_words(self, words: list[str], *, dialect: str = "american") -> set[str]:
        return set()


def prose_texts(folder: Path) -> list[str]:
    """The text grading hands the engine for each essay of the class (untimed)."""
    from essaylint.pipeline import lint_path

    recorder = _Recorder()
    for path in sorted(folder.glob("*/*")):
        if path.suffix in (".md", ".txt"):
            lint_path(path, Settings(), prose=recorder)  # type: ignore[arg-type]
    return recorder.texts


def engine_run(texts: list[str], jobs: int) -> float:
    started = time.perf_counter()
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=_context(), initializer=_engine_init
    ) as pool:
        list(pool.map(_engine_one, texts))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    files = essays()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "class"
        words = make_class(folder, files)
        n = len(files)
        print(f"{n} distinct essays, {words} words ({words // n} per essay), "
              f"{os.cpu_count()} cores")  # fmt: skip
        whole = [p.read_text(encoding="utf-8", errors="replace") for p in files]
        sent = prose_texts(folder)
        grade_times: dict[int, float] = {}
        for jobs in args.jobs:
            on_whole = engine_run(whole, jobs)
            on_sent = engine_run(sent, jobs)
            graded = grade_run(folder, jobs)
            grade_times[jobs] = graded
            print(
                f"--jobs {jobs}: grade {graded:6.1f} s ({n / graded:5.2f} essays/s) | "
                f"engine on the whole files {on_whole:6.1f} s, ratio {on_whole / graded:.2f} | "
                f"engine on the text grading sends it {on_sent:6.1f} s, "
                f"ratio {on_sent / graded:.2f} (target >= 0.85)"
            )
        if 1 in grade_times and 2 in grade_times:
            print(f"speed-up of grade, 2 processes over 1: {grade_times[1] / grade_times[2]:.2f}x "
                  "(target >= 1.7)")  # fmt: skip


if __name__ == "__main__":
    main()
