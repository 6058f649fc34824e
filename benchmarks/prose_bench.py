"""Prose pass timing: essaylint's spelling/grammar pass against bare harper-py.

Prints numbers, asserts nothing. Run from the project root:

    python benchmarks/prose_bench.py [ESSAY]

(a) In one fresh process: build a harper Linter, lint the essay text twice
    (first call = cold, second = warm); then run essaylint's prose pass on the
    same essay twice with the same process-wide linter. The ratio compares the
    warm prose pass with the warm bare lint of the same (unmasked) text.
(b) The whole `essaylint check ESSAY` as fresh processes (cold), median of 5.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "corpus" / "seeds" / "timesup-social-networks.txt"
FALLBACK = ROOT / "fixtures" / "essays" / "sample-essay.md"

IN_PROCESS = r"""
import sys, time, json
path = sys.argv[1]
t0 = time.perf_counter()
from harper import Linter
t1 = time.perf_counter()
linter = Linter()
t2 = time.perf_counter()
from essaylint.loaders import load_path
doc = load_path(path)
t3 = time.perf_counter(); linter.lint(doc.text, language="plaintext"); t4 = time.perf_counter()
linter.lint(doc.text, language="plaintext"); t5 = time.perf_counter()

from essaylint.analysis.citations import extract_citations
from essaylint.analysis.matching import known_name_keys
from essaylint.analysis.sections import find_sections
from essaylint.pipeline import read_references
from essaylint.prose import run_prose
from essaylint.services.harper import HarperBackend
essay = find_sections(doc.text)
refs = read_references(doc, essay)
cits = extract_citations(doc.text, essay, known_names=known_name_keys(refs))
backend = HarperBackend()
t6 = time.perf_counter(); r1 = run_prose(doc, essay, cits, refs, backend); t7 = time.perf_counter()
r2 = run_prose(doc, essay, cits, refs, backend); t8 = time.perf_counter()
print(json.dumps({
  "import_harper": t1 - t0, "build_linter": t2 - t1,
  "bare_cold": t4 - t3, "bare_warm": t5 - t4,
  "prose_cold": t7 - t6, "prose_warm": t8 - t7, "matches": len(r2.matches),
  "chars": len(doc.text),
}))
"""

PROSE_FIRST = r"""
import sys, time, json
path = sys.argv[1]
from essaylint.loaders import load_path
from essaylint.analysis.citations import extract_citations
from essaylint.analysis.matching import known_name_keys
from essaylint.analysis.sections import find_sections
from essaylint.pipeline import read_references
from essaylint.prose import run_prose
from essaylint.services.harper import HarperBackend
doc = load_path(path)
essay = find_sections(doc.text)
refs = read_references(doc, essay)
cits = extract_citations(doc.text, essay, known_names=known_name_keys(refs))
backend = HarperBackend()
t0 = time.perf_counter(); run_prose(doc, essay, cits, refs, backend); t1 = time.perf_counter()
run_prose(doc, essay, cits, refs, backend); t2 = time.perf_counter()
print(json.dumps({"prose_cold_incl_linter": t1 - t0, "prose_warm": t2 - t1}))
"""


def _json_run(code: str, essay: Path) -> dict[str, float]:
    import json

    out = subprocess.run(
        [sys.executable, "-c", code, str(essay)], capture_output=True, text=True, check=True
    )
    return dict(json.loads(out.stdout))


def main() -> None:
    essay = Path(sys.argv[1]) if len(sys.argv) > 1 else (SEED if SEED.exists() else FALLBACK)
    print(f"essay: {essay} ")
    runs = [_json_run(IN_PROCESS, essay) for _ in range(3)]
    best = {k: min(r[k] for r in runs) for k in runs[0]}
    print(f"  chars {int(best['chars'])}, prose matches {int(best['matches'])}")
    print(f"  import harper          {best['import_harper']:.3f} s")
    print(f"  build Linter           {best['build_linter']:.3f} s")
    print(f"  bare lint, first call  {best['bare_cold']:.3f} s")
    print(f"  bare lint, warm        {best['bare_warm']:.3f} s")
    print(f"  prose pass after bare  {best['prose_cold']:.3f} s (same linter: words already seen)")
    print(f"  prose pass, warm       {best['prose_warm']:.3f} s")
    ratio = best["prose_warm"] / best["bare_warm"] if best["bare_warm"] else float("nan")
    print(f"  ratio warm prose / warm bare = {ratio:.2f}  (target <= 1.3)")
    first = [_json_run(PROSE_FIRST, essay) for _ in range(3)]
    cold = min(r["prose_cold_incl_linter"] for r in first)
    warm = min(r["prose_warm"] for r in first)
    print(
        f"  prose pass as the first Harper use in a process: cold {cold:.3f} s, warm {warm:.3f} s"
    )
    times = []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run(["essaylint", "check", str(essay)], capture_output=True, check=False)
        times.append(time.perf_counter() - t)
    print(
        f"  essaylint check (all rules), cold process: median {statistics.median(times):.3f} s, "
        f"min {min(times):.3f} s"
    )


if __name__ == "__main__":
    main()
