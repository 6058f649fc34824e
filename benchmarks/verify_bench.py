"""Verify-pass timing: 30 references against the Crossref replay with added latency.

    python benchmarks/verify_bench.py [--latency 0.2]

Prints three numbers: the cold run (empty cache; requests overlap in the
thread pool), the warm run (same essay again: every answer from the SQLite
cache, zero requests) and an offline run (--verify with nothing listening).
Targets (issue 4): cold <= 2.5 s, warm <= 0.2 s with 0 requests, offline < 3 s.
Everything stays on 127.0.0.1; the cache lives in a temporary directory. The
replay server runs in a child process, as a real server would be elsewhere: in
the same process its own work (sending the 430 KB recorded search answer) would
compete with essaylint's threads for the interpreter lock.
"""

from __future__ import annotations

import argparse
import multiprocessing
import socket
import sys
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "services"))

from crossref_replay import FIXTURES, CrossrefReplay

from essaylint.config import Settings
from essaylint.pipeline import lint_text
from essaylint.services.cache import ResponseCache
from essaylint.services.crossref import DEFAULT_WORKERS, CrossrefBackend

DOIS = sorted(
    p.name.removeprefix("works-").removesuffix(".json").replace("_", "/", 1)
    for p in FIXTURES.glob("works-10.*.json")
)


def essay(n: int = 30) -> str:
    """n entries: the recorded DOIs, then DOI-less articles that need a search."""
    entries = []
    for i in range(n):
        if i < len(DOIS):
            entries.append(
                f"Author{i:02d}, A. (2012). Work number {i}. Journal, 1(1), 1-2. "
                f"https://doi.org/{DOIS[i]}"
            )
        else:
            entries.append(
                f"Writer{i:02d}, B. (2019). A study of topic number {i} in depth. "
                f"Journal of Studies, {i}(2), 10-20."
            )
    cites = "; ".join(f"{e.split(',')[0]}, {e.split('(')[1][:4]}" for e in entries)
    return f"Many works ({cites}).\n\nReferences\n\n" + "\n".join(sorted(entries)) + "\n"


def _serve(latency: float, conn: Connection) -> None:
    """Run the replay server in its own process, so its work does not share our GIL."""
    with CrossrefReplay(latency=latency) as server:
        conn.send(server.url)
        while (message := conn.recv()) != "stop":
            if message == "count":
                conn.send(len(server.requests))


class _RemoteReplay:
    """The replay server in a child process: its URL and its request count."""

    def __init__(self, latency: float) -> None:
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(latency, child), daemon=True)

    def __enter__(self) -> _RemoteReplay:
        self._process.start()
        self.url: str = self._conn.recv()
        return self

    def count(self) -> int:
        self._conn.send("count")
        return int(self._conn.recv())

    def __exit__(self, *exc: object) -> None:
        self._conn.send("stop")
        self._process.join(timeout=5)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--workers", type=int, default=DEFAULT_WORKERS)
    args = parser.parse_args()
    text = essay()
    settings = Settings(select=("V", "R206"))
    with tempfile.TemporaryDirectory() as tmp, _RemoteReplay(args.latency) as server:
        cache_path = Path(tmp) / "crossref.sqlite3"
        start = time.perf_counter()
        cold = lint_text(
            text,
            settings,
            verify=CrossrefBackend(
                server.url, cache=ResponseCache(cache_path), workers=args.workers
            ),
        )
        cold_s = time.perf_counter() - start
        cold_requests = server.count()
        start = time.perf_counter()
        warm = lint_text(
            text,
            settings,
            verify=CrossrefBackend(
                server.url, cache=ResponseCache(cache_path), workers=args.workers
            ),
        )
        warm_s = time.perf_counter() - start
        warm_requests = server.count() - cold_requests
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    start = time.perf_counter()
    offline = lint_text(text, settings, verify=CrossrefBackend(f"http://127.0.0.1:{port}"))
    offline_s = time.perf_counter() - start
    print(
        f"references: 30 ({len(DOIS)} with DOI), latency {args.latency * 1000:.0f} ms/request, "
        f"{args.workers} workers"
    )
    print(
        f"cold:    {cold_s:.2f} s, {cold_requests} requests, {len(cold.findings)} findings "
        "(target <= 2.5 s)"
    )
    print(
        f"warm:    {warm_s:.3f} s, {warm_requests} requests, {len(warm.findings)} findings "
        "(target <= 0.2 s, 0 requests)"
    )
    print(f"offline: {offline_s:.3f} s, {len(offline.findings)} finding(s) (target < 3 s, 1 info)")


if __name__ == "__main__":
    main()
