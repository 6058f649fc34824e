"""Reporters on many findings: each output format's time, next to the JSON report's.

Run from the project root with the project's virtualenv active:

    python benchmarks/reporter_bench.py [--findings 10000 20000]

An essay with N citations of works missing from its list (one C101 finding
each, spread over lines of a few citations) is linted once; then every
reporter renders the result, best of three. Target (issue 13): every reporter
within 1.5x the JSON reporter's time, and time growing linearly with N.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from essaylint.config import Settings
from essaylint.models import FileResult
from essaylint.pipeline import lint_text
from essaylint.reporters import github, json, junit, sarif, text
from essaylint.rules.registry import all_rules


def name(i: int) -> str:
    """A distinct surname for every number: Baa, Bab, ... (letters only, as names are)."""
    letters = ""
    while True:
        i, r = divmod(i, 26)
        letters = chr(ord("a") + r) + letters
        if i == 0:
            return "B" + letters.rjust(3, "a")


def essay(findings: int) -> str:
    lines = []
    for i in range(0, findings, 4):
        lines.append(" ".join(f"Claim ({name(j)}, {1950 + j % 70})." for j in range(i, i + 4)))
    return "\n".join(lines) + "\n\nReferences\n\nNobody, A. (2000). Nothing. Press.\n"


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=int, nargs="*", default=[10_000, 20_000])
    args = parser.parse_args(argv)
    rules = all_rules()
    print(f"{'findings':>8} {'reporter':8} {'seconds':>8} {'x json':>7}")
    for n in args.findings:
        result: FileResult = lint_text(essay(n), Settings(select=("C101",)), path="essay.md")
        count = len(result.findings)
        results = [result]
        renderers: dict[str, Callable[[], object]] = {
            "json": lambda results=results: json.render(results),
            "text": lambda results=results: text.render(results),
            "sarif": lambda results=results: sarif.render(results, rules),
            "github": lambda results=results: github.render(results),
            "junit": lambda results=results: junit.render(results),
        }
        base = best_of(3, renderers["json"])
        for name, work in renderers.items():
            seconds = base if name == "json" else best_of(3, work)
            print(f"{count:8d} {name:8} {seconds:8.3f} {seconds / base:7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
