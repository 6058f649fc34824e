"""Language server timing, measured from outside over stdio with a plain JSON-RPC client.

Prints numbers, asserts nothing. Run from the project root:

    python benchmarks/lsp_bench.py [ESSAY] [--edits 15]

(a) Cold: start ``essaylint server``, initialize, open ESSAY; the time from
    starting the process to the first diagnostics (the citation and reference
    findings, published before the spelling engine is loaded) and to the full
    diagnostics (every rule, the prose engine loaded).
(b) Re-lint: one-word edits (a word in the body replaced by another, sent as
    an incremental change), each timed from sending the change to receiving
    the diagnostics for that version, debounce included, every rule on.
    Bar: <= 0.3 s.

ESSAY is the 5,000-word seed essay (../shared/corpus/seeds) when present, else
fixtures/essays/sample-essay.md.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "server"))

from lsp_client import LspClient  # noqa: E402

SEED = ROOT.parent / "shared" / "corpus" / "seeds" / "timesup-social-networks.txt"
FALLBACK = ROOT / "fixtures" / "essays" / "sample-essay.md"
SWAPS = (("the", "a"), ("this", "that"), ("women", "people"), ("social", "online"), ("and", "or"))


def _edits(text: str, count: int) -> list[tuple[int, int, int, str]]:
    """(line, start column, end column, new word) for ``count`` one-word edits across the body."""
    lines = text.split("\n")
    body = [i for i, line in enumerate(lines) if len(line.split()) > 40] or [0]
    swap = dict(SWAPS)
    pattern = re.compile(rf"\b(?:{'|'.join(swap)})\b")
    out: list[tuple[int, int, int, str]] = []
    for n in range(count):
        line = body[n % len(body)]
        hits = list(pattern.finditer(lines[line]))
        if not hits:
            continue
        m = hits[(n * 7) % len(hits)]
        new = swap[m.group(0)]
        out.append((line, m.start(), m.end(), new))
        lines[line] = lines[line][: m.start()] + new + lines[line][m.end() :]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("essay", nargs="?", type=Path)
    parser.add_argument("--edits", type=int, default=15)
    args = parser.parse_args()
    essay = (args.essay or (SEED if SEED.is_file() else FALLBACK)).resolve()
    text = essay.read_text(encoding="utf-8")
    uri = essay.as_uri()
    language = "markdown" if essay.suffix == ".md" else "plaintext"
    print(f"essay: {essay} ({len(text.split()):,} words)")

    start = time.perf_counter()
    client = LspClient(cwd=ROOT)
    try:
        client.initialize(essay.parent)
        client.open(uri, text, language)
        first = client.diagnostics(uri, timeout=300)
        t_first = time.perf_counter() - start
        print(f"(a) cold: first diagnostics {t_first:.2f} s ({len(first)} findings)")
        client.wait_for_log("version 1:", "(all rules)", timeout=300)
        t_full = time.perf_counter() - start
        full = client.diagnostics(uri, timeout=5) if t_full > t_first else first
        print(f"    cold: all rules' diagnostics {t_full:.2f} s ({len(full)} findings)")

        times: list[float] = []
        version = 1
        for line, a, b, new in _edits(text, args.edits):
            version += 1
            rng = {"start": {"line": line, "character": a}, "end": {"line": line, "character": b}}
            sent = time.perf_counter()
            client.change(uri, version, [{"range": rng, "text": new}])
            client.diagnostics(uri, timeout=60, version=version)
            times.append(time.perf_counter() - sent)
            time.sleep(0.2)  # a typist's pause: each edit is linted on its own
        if times:
            print(
                f"(b) re-lint after a one-word edit ({len(times)} edits): median "
                f"{statistics.median(times):.3f} s, min {min(times):.3f} s, max {max(times):.3f} s "
                "(bar: <= 0.3 s)"
            )
    finally:
        client.close()


if __name__ == "__main__":
    main()
