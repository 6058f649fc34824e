"""Hostile Crossref answers for ``essaylint check --verify``, served from 127.0.0.1 only.

Each case starts a server on loopback that answers every request its own
bad way, points ``--crossref-url`` at it, and checks an essay whose one
entry has a DOI. Nothing leaves the machine: the redirect case sends the
client to a second server on 127.0.0.2 (another host, same machine) and
counts whether it was asked.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from hostile_run import ESC, Row, Running, essaylint, judged, run

Answer = Callable[[BaseHTTPRequestHandler, "Server"], None]
WORK_FILE = Path(__file__).resolve().parents[1] / "fixtures" / "crossref" / "boyd-ellison-2007.json"
DOI = json.loads(WORK_FILE.read_text(encoding="utf-8"))["message"]["DOI"]
ESSAY = (
    "Sites shape ties (Boyd & Ellison, 2007).\n\nReferences\n\n"
    "Boyd, D. M., & Ellison, N. B. (2007). Social network sites. Journal of "
    f"Computer-Mediated Communication, 13(1), 210-230. https://doi.org/{DOI}\n"
)


def record(title: str = "Social network sites") -> bytes:
    """The Crossref answer for the essay's entry (fixtures/crossref), with ``title``."""
    answer = json.loads(WORK_FILE.read_text(encoding="utf-8"))
    answer["message"]["title"] = [title]
    return json.dumps(answer).encode()


class Server:
    """A loopback HTTP server answering every request with ``answer``."""

    def __init__(self, answer: Answer, host: str = "127.0.0.1") -> None:
        self.answer = answer
        self.requests = 0
        self.stop = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests += 1
                # The client hanging up is what a bound on its side looks like.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    server.answer(self, server)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://{host}:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def _send(handler: BaseHTTPRequestHandler, body: bytes, status: int = 200) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def slow(handler: BaseHTTPRequestHandler, server: Server) -> None:
    server.stop.wait(10)
    _send(handler, record())


def huge(handler: BaseHTTPRequestHandler, server: Server) -> None:
    """A 200 MB body: one record whose title is 200 MB long."""
    head, tail = record("@@").split(b"@@")
    size = 200 * 1024 * 1024
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(head) + size + len(tail)))
    handler.end_headers()
    handler.wfile.write(head)
    chunk = b"a" * (1 << 20)
    for _ in range(size // len(chunk)):
        if server.stop.is_set():
            return
        handler.wfile.write(chunk)
    handler.wfile.write(tail)


def drip(handler: BaseHTTPRequestHandler, server: Server) -> None:
    """A valid answer, one byte every 1.5 s (each read is quick; the whole is not)."""
    body = record()
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    for i in range(len(body)):
        if server.stop.wait(1.5):
            return
        handler.wfile.write(body[i : i + 1])
        handler.wfile.flush()


def escapes(handler: BaseHTTPRequestHandler, server: Server) -> None:
    title = "Social \x1b[2J\x1b]0;pwned\x07network \x1b[31msites\x1b[0m and \x9b2J more"
    _send(handler, record(title))


def normal(handler: BaseHTTPRequestHandler, server: Server) -> None:
    time.sleep(0.3)
    _send(handler, record("Social network sites: definition, history, and scholarship"))


@contextmanager
def _essay(folder: Path) -> Iterator[Path]:
    path = folder / "essay.txt"
    path.write_text(ESSAY, encoding="utf-8")
    yield path


def _check(folder: Path, server: Server, *more: str) -> list[str]:
    return essaylint(
        "check", folder / "essay.txt", "--verify", "--crossref-url", server.url,
        "--select", "V", "--format", "text", *more,
    )  # fmt: skip


def _env(folder: Path) -> dict[str, str]:
    return {"ESSAYLINT_CACHE_DIR": str(folder / "cache"), "NO_COLOR": "1"}


def answered_by(answer: Answer, *, seconds: float, extra_mb: float = 0) -> Callable:
    """A case: the essay checked against a server answering with ``answer``."""

    def case(folder: Path, timeout: float) -> Row:
        with _essay(folder), Server(answer) as server:
            outcome = run(_check(folder, server, "--no-cache"), folder, timeout, _env(folder))
        extra = None
        if outcome.seconds > seconds:
            extra = f"SLOW: {outcome.seconds:.0f} s (no overall deadline)"
        elif extra_mb and outcome.peak_mb > extra_mb:
            extra = f"MEMORY: {outcome.peak_mb:.0f} MB (the body was read whole)"
        return judged("", outcome, extra)

    return case


def redirect_elsewhere(folder: Path, timeout: float) -> Row:
    with Server(normal, host="127.0.0.2") as other:

        def redirect(handler: BaseHTTPRequestHandler, server: Server) -> None:
            handler.send_response(302)
            handler.send_header("Location", other.url + handler.path)
            handler.send_header("Content-Length", "0")
            handler.end_headers()

        with _essay(folder), Server(redirect) as server:
            outcome = run(_check(folder, server, "--no-cache"), folder, timeout, _env(folder))
        extra = f"FOLLOWED to {other.url}" if other.requests else None
    return judged("verify: redirect to another host", outcome, extra)


def concurrent_cache(folder: Path, timeout: float) -> Row:
    with _essay(folder), Server(normal) as server:
        runs = [Running(_check(folder, server), folder, _env(folder), f"p{i}") for i in range(2)]
        outcomes = [r.wait(timeout) for r in runs]
    worst = next((o for o in outcomes if not judged("", o).ok), outcomes[0])
    differ = outcomes[0].stdout != outcomes[1].stdout
    row = judged(
        "verify: two processes on one cache",
        worst,
        "DIFFERENT ANSWERS from the two processes" if differ else None,
    )
    return Row(
        row.name,
        row.exit,
        max(o.seconds for o in outcomes),
        max(o.peak_mb for o in outcomes),
        row.verdict,
    )


CASES: dict[str, Callable] = {
    "verify: a 10 s response": answered_by(slow, seconds=12),
    "verify: a 200 MB body": answered_by(huge, seconds=30, extra_mb=400),
    "verify: one byte every 1.5 s": answered_by(drip, seconds=20),
    "verify: title with terminal escapes": answered_by(escapes, seconds=10),
    "verify: redirect to another host": redirect_elsewhere,
    "verify: two processes on one cache": concurrent_cache,
}

__all__ = ["CASES", "ESC"]
