"""Crossref answers that are too big or too slow stop at a limit, through habanero.

Each server here listens on 127.0.0.1 and answers every request its own bad
way; the real CrossrefBackend (habanero, httpx2) talks to it with small limits
so the tests are quick. Nothing leaves the machine.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from loopback import LoopbackServer

from essaylint.config import Settings
from essaylint.pipeline import lint_text
from essaylint.services.bounded_http import Limits
from essaylint.services.crossref import CrossrefBackend
from essaylint.services.verify import VerifyError

WORK_FILE = Path(__file__).resolve().parents[2] / "fixtures" / "crossref" / "boyd-ellison-2007.json"
DOI = json.loads(WORK_FILE.read_text(encoding="utf-8"))["message"]["DOI"]
ENTRY = (
    "Boyd, D. M., & Ellison, N. B. (2007). Social network sites. Journal of "
    f"Computer-Mediated Communication, 13(1), 210-230. https://doi.org/{DOI}"
)
ESSAY = f"Sites shape ties (Boyd & Ellison, 2007).\n\nReferences\n\n{ENTRY}\n"
Answer = Callable[[BaseHTTPRequestHandler, "BadServer"], None]


def record(title: str = "Social network sites") -> bytes:
    """The Crossref answer for the essay's entry (fixtures/crossref), with ``title``."""
    answer = json.loads(WORK_FILE.read_text(encoding="utf-8"))
    answer["message"]["title"] = [title]
    return json.dumps(answer).encode()


class BadServer(LoopbackServer):
    def __init__(self, answer: Answer) -> None:
        self._init_server()
        self.answer = answer
        self.requests = 0

    def handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                server.requests += 1
                # The client hanging up is what a limit looks like from here.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    server.answer(self, server)

            def log_message(self, format: str, *args: object) -> None:
                return

        return Handler

    @property
    def released(self) -> bool:
        return self._release.is_set()


def _head(handler: BaseHTTPRequestHandler, extra: dict[str, str]) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    for name, value in extra.items():
        handler.send_header(name, value)
    handler.send_header("Connection", "close")
    handler.end_headers()


def declared_huge(handler: BaseHTTPRequestHandler, server: BadServer) -> None:
    """A Content-Length far above the cap (the body is never sent in full)."""
    _head(handler, {"Content-Length": str(200 * 2**20)})
    handler.wfile.write(b'{"status": "ok", "message": {"title": ["' + b"a" * 4096)


def chunked_huge(handler: BaseHTTPRequestHandler, server: BadServer) -> None:
    """No Content-Length: a record whose title never ends, sent in chunks until told to stop."""
    _head(handler, {"Transfer-Encoding": "chunked"})
    head = record("@@").split(b"@@")[0]
    for piece in [head, *[b"a" * 16384] * 64]:
        if server.released:
            return
        handler.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
    handler.wfile.write(b"0\r\n\r\n")


def gzip_bomb(handler: BaseHTTPRequestHandler, server: BadServer) -> None:
    """A small gzip body that inflates to 8 MB: the cap counts what it inflates to."""
    head, tail = record("@@").split(b"@@")
    body = gzip.compress(head + b"a" * (8 * 2**20) + tail)
    _head(handler, {"Content-Encoding": "gzip", "Content-Length": str(len(body))})
    handler.wfile.write(body)


def drip(handler: BaseHTTPRequestHandler, server: BadServer) -> None:
    """A valid answer, one byte every 0.1 s: every read is quick, the whole is not."""
    body = record()
    _head(handler, {"Content-Length": str(len(body))})
    for i in range(len(body)):
        if server._release.wait(0.1):
            return
        handler.wfile.write(body[i : i + 1])
        handler.wfile.flush()


def long_title(handler: BaseHTTPRequestHandler, server: BadServer) -> None:
    """A record under the cap whose title is 20,000 characters long."""
    body = record("Social network sites " + "and more " * 2200)
    _head(handler, {"Content-Length": str(len(body))})
    handler.wfile.write(body)


@pytest.fixture
def serve() -> Iterator[Callable[[Answer], BadServer]]:
    started: list[BadServer] = []

    def start(answer: Answer) -> BadServer:
        started.append(BadServer(answer).start())
        return started[-1]

    yield start
    for server in started:
        server.stop()


SMALL = Limits(max_bytes=64 * 1024, deadline=1.0)


def backend(server: BadServer, limits: Limits = SMALL) -> CrossrefBackend:
    return CrossrefBackend(server.url, limits=limits, timeout=5.0, sleep=lambda s: None)


@pytest.mark.parametrize(
    ("answer", "said"),
    [(declared_huge, "an answer of 200 MB, over"), (chunked_huge, "an answer over"),
     (gzip_bomb, "an answer over")],
)  # fmt: skip
def test_an_answer_over_the_cap_is_not_read(
    serve: Callable[[Answer], BadServer], answer: Answer, said: str
) -> None:
    server = serve(answer)
    be = backend(server)
    with pytest.raises(VerifyError, match="the 64 KB limit") as caught:
        be.lookup_doi(DOI)
    assert f"Crossref sent {said} the 64 KB limit (not read" in str(caught.value)
    with pytest.raises(VerifyError):  # the service is down for the rest of the run
        be.lookup_doi(DOI)
    assert server.requests == 1


def test_a_trickling_answer_stops_at_the_deadline(serve: Callable[[Answer], BadServer]) -> None:
    server = serve(drip)
    started = time.monotonic()
    with pytest.raises(VerifyError, match=r"too slow: .* still arriving after 1 s"):
        backend(server).lookup_doi(DOI)
    # each byte came within the read timeout (5 s); the whole answer would take ~40 s
    assert time.monotonic() - started < 3.0


def test_the_run_says_it_could_not_verify_and_why(serve: Callable[[Answer], BadServer]) -> None:
    result = lint_text(ESSAY, Settings(select=("V",)), verify=backend(serve(declared_huge)))
    [finding] = result.findings
    assert (finding.code, finding.severity) == ("V501", "info")
    assert finding.message.startswith(
        "could not verify the references: Crossref sent an answer of 200 MB, over the 64 KB"
    )


def test_an_answer_within_the_limits_is_read_by_habanero(
    serve: Callable[[Answer], BadServer],
) -> None:
    found = backend(serve(long_title), Limits()).lookup_doi(DOI)
    assert found is not None
    assert found.title is not None
    assert found.title.startswith("Social network sites and more")


def test_a_long_record_title_is_cut_short_in_the_message(
    serve: Callable[[Answer], BadServer],
) -> None:
    be = backend(serve(long_title), Limits())
    [finding] = lint_text(ESSAY, Settings(select=("V502",)), verify=be).findings
    assert "title is 'Social network sites' here but 'Social network sites and more" in (
        finding.message
    )
    assert len(finding.message) < 600
    assert "(19,820 characters)" in finding.message
