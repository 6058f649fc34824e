"""essaylint benchmarks: print numbers, assert nothing.

Run from the project root with the project's virtualenv active:

    python benchmarks/run_benchmarks.py [--runs 7] [--min-seconds 2]

(a) cold start: ``essaylint check SEED --select C,R`` as a fresh subprocess, next to
    ``python -c pass`` and ``python -c "import essaylint.cli"``, plus the ten slowest
    imports (cumulative) from ``python -X importtime``;
(b) warm throughput: ``lint_path`` over every essay of ../shared/corpus (or
    fixtures/essays when the corpus is absent), repeated for at least 2 s;
(c) reference parsing: ``parse_reference`` over every reference-list entry found.

Targets (benchmarks/README.md): cold start <= 0.4 s, >= 50 essays/s in-process.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
FIXTURES = ROOT / "fixtures" / "essays"
SEED = CORPUS / "seeds" / "timesup-social-networks.txt"
ESSAY_SUFFIXES = {".txt", ".md", ".markdown", ".docx", ".tex", ".html", ".htm"}

COLD_TARGET_S = 0.4
WARM_TARGET_PER_S = 50.0


def essaylint_command() -> list[str]:
    script = Path(sys.executable).with_name("essaylint")
    if script.exists():
        return [str(script)]
    found = shutil.which("essaylint")
    return [found] if found else [sys.executable, "-m", "essaylint"]


def essays() -> tuple[str, list[Path]]:
    if CORPUS.is_dir():
        found = sorted(
            p
            for p in CORPUS.rglob("*")
            if p.is_file()
            and p.suffix.lower() in ESSAY_SUFFIXES
            and not p.stem.startswith("README")
        )
        if found:
            return str(CORPUS), found
    found = sorted(p for p in FIXTURES.iterdir() if p.suffix.lower() in ESSAY_SUFFIXES)
    return str(FIXTURES), found


def seed() -> Path:
    if SEED.is_file():
        return SEED
    return essays()[1][0]


def time_command(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> list[float]:
    env = {**(env or os.environ), "NO_COLOR": "1"}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False
        )
        times.append(time.perf_counter() - start)
    return times


def show(label: str, times: list[float], target: float | None = None) -> None:
    median = statistics.median(times)
    verdict = ""
    if target is not None:
        verdict = f"   target <= {target:.2f} s: {'OK' if median <= target else 'OVER'}"
    print(f"  {label:<44} median {median:6.3f} s   min {min(times):6.3f} s{verdict}")


def import_times(
    module: str, top: int = 10, *, by_self: bool = False
) -> list[tuple[int, int, str]]:
    """(cumulative us, self us, module) of the slowest imports of ``module``."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        check=False,
    )
    rows = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        parts = line[len("import time:") :].split("|")
        if len(parts) != 3:
            continue
        self_us, cumulative_us, name = int(parts[0]), int(parts[1]), parts[2].rstrip()
        rows.append((cumulative_us, self_us, name))
    rows.sort(key=lambda r: r[1] if by_self else r[0], reverse=True)
    return rows[:top]


def cold(runs: int) -> None:
    target = seed()
    print(f"(a) cold start, {runs} fresh processes each; seed = {target}")
    show("python -c pass", time_command([sys.executable, "-c", "pass"], runs))
    show(
        'python -c "import essaylint.cli"',
        time_command([sys.executable, "-c", "import essaylint.cli"], runs),
    )
    show(
        "python -c 'import essaylint.pipeline'",
        time_command([sys.executable, "-c", "import essaylint.pipeline"], runs),
    )
    check = [*essaylint_command(), "check", str(target), "--select", "C,R"]
    show("essaylint check SEED --select C,R", time_command(check, runs), COLD_TARGET_S)
    # An installed package runs from bytecode (pip writes it at install); an editable
    # checkout under PYTHONDONTWRITEBYTECODE=1 compiles every module of the project on
    # every run. Time the first too, with the bytecode in a private cache so that the
    # tree is left as it is.
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        time_command(check, 1, env)  # writes the bytecode
        show("  the same, from cached bytecode", time_command(check, runs, env), COLD_TARGET_S)
    show(
        "essaylint rules",
        time_command([*essaylint_command(), "rules"], runs),
    )
    # what `check` imports: the CLI plus everything the command pulls in lazily
    probe = (
        "essaylint.cli, essaylint.pipeline, essaylint.loaders, essaylint.loaders.text, "
        "essaylint.reporters.text, essaylint.rules.registry"
    )
    for module, by_self in (("essaylint.cli", False), (probe, False), (probe, True)):
        order = "self" if by_self else "cumulative"
        print(f"  python -X importtime -c 'import {module}': top 10 by {order} time")
        print(f"    {'cumulative':>10}  {'self':>8}  module")
        for cumulative_us, self_us, name in import_times(module, by_self=by_self):
            print(f"    {cumulative_us / 1000:8.1f}ms  {self_us / 1000:6.1f}ms  {name}")


def warm(min_seconds: float) -> None:
    from essaylint.pipeline import lint_path
    from essaylint.rules.registry import all_rules

    where, paths = essays()
    all_rules()  # load rule plugins once, outside the timing
    for p in paths:  # and warm caches
        lint_path(p)
    print(f"(b) warm in-process throughput: lint_path over {len(paths)} essays in {where}")
    count = 0
    total_bytes = 0
    per_file: dict[Path, float] = {}
    start = time.perf_counter()
    while time.perf_counter() - start < min_seconds:
        for p in paths:
            t0 = time.perf_counter()
            lint_path(p)
            per_file[p] = min(per_file.get(p, float("inf")), time.perf_counter() - t0)
            count += 1
            total_bytes += p.stat().st_size
    elapsed = time.perf_counter() - start
    rate = count / elapsed
    verdict = "OK" if rate >= WARM_TARGET_PER_S else "UNDER"
    print(
        f"  {count} essays in {elapsed:.2f} s: {rate:.1f} essays/s "
        f"({total_bytes / elapsed / 1e6:.2f} MB/s)   target >= {WARM_TARGET_PER_S:.0f}: {verdict}"
    )
    slowest = sorted(per_file.items(), key=lambda kv: kv[1], reverse=True)[:5]
    print("  slowest essays (best of runs):")
    for p, t in slowest:
        print(f"    {t * 1000:8.1f} ms  {p.stat().st_size / 1000:7.1f} KB  {p.name}")


def reference_parsing(min_seconds: float) -> None:
    from essaylint.analysis.references import parse_reference
    from essaylint.pipeline import lint_path

    _, paths = essays()
    raws = [r.raw for p in paths for r in lint_path(p, rules=[]).references]
    print(f"(c) reference parsing: parse_reference over {len(raws)} entries")
    if not raws:
        print("  no entries found")
        return
    count = 0
    start = time.perf_counter()
    while time.perf_counter() - start < min_seconds:
        for raw in raws:
            parse_reference(raw)
        count += len(raws)
    elapsed = time.perf_counter() - start
    print(f"  {count} entries in {elapsed:.2f} s: {count / elapsed:,.0f} entries/s "
          f"({elapsed / count * 1e6:.0f} us per entry)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="fresh processes per cold timing")
    parser.add_argument("--min-seconds", type=float, default=2.0, help="warm loop length")
    parser.add_argument("--skip-cold", action="store_true")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]} on {sys.platform}; project {ROOT}")
    if not args.skip_cold:
        cold(args.runs)
    warm(args.min_seconds)
    reference_parsing(args.min_seconds)


if __name__ == "__main__":
    main()
