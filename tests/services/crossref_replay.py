"""A local Crossref stand-in for tests and benchmarks: replays recorded bodies.

The server listens on 127.0.0.1 on a free port, in a daemon thread, and never
opens a connection anywhere itself. Routes (see shared/fixtures/README.md,
"Replay notes"):

* ``GET /works/<doi>``: the recorded body for that DOI, byte for byte, with the
  recorded content-type; the DOI may come with ``/`` or ``%2F`` and in any case.
  An unknown DOI gets the recorded 404 (``Resource not found.``, text/plain).
* ``GET /works?query...``: the recorded search answer chosen by ``search``
  (the search terms are not matched; only the shape is real).

``script`` lists failures to serve, one per request, before normal answers:
``"429"``, ``"500"``, ``"hang"`` (no answer until the server stops) and
``"bad-json"``. No 429 or 5xx response was ever recorded (fixtures README,
"Looked for and not found"), so those two are status lines with a short
plain-text body, plus the rate-limit headers of the 2026 public-pool
recordings. ``latency`` adds a delay to every answer (for benchmarks).
Every request is logged with its path, query and User-Agent.
"""

from __future__ import annotations

import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from loopback import LoopbackServer

FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "crossref"

NOT_FOUND = "works-404-10.1371_notarealdoi.txt"
DEFAULT_SEARCH = "query-renear-ontologies.json"
# Content types as recorded (fixtures README table); the rest are application/json.
CONTENT_TYPES = {
    "works-404-10.1371_notarealdoi.txt": "text/plain",
    "works-404-blblbl.txt": "application/json;charset=utf-8",
    "works-400-field-query-on-doi-route.json": "application/json;charset=utf-8",
}
# The public-pool limits recorded in 2026 (fixtures README).
RATE_HEADERS = {"x-rate-limit-limit": "5", "x-rate-limit-interval": "1s"}


def doi_files(fixtures: Path = FIXTURES) -> dict[str, str]:
    """Lower-cased DOI -> recorded file name ("works-10.1371_journal...json")."""
    out: dict[str, str] = {}
    for path in sorted(fixtures.glob("works-10.*.json")):
        stem = path.name.removeprefix("works-").removesuffix(".json")
        prefix, _, rest = stem.partition("_")
        out[f"{prefix}/{rest}".lower()] = path.name
    return out


@dataclass(frozen=True)
class Request:
    path: str
    query: dict[str, str]
    user_agent: str


@dataclass
class CrossrefReplay(LoopbackServer):
    fixtures: Path = FIXTURES
    search: str = DEFAULT_SEARCH
    script: list[str] = field(default_factory=list)
    latency: float = 0.0
    retry_after: str | None = "0"
    hang_seconds: float = 10.0
    requests: list[Request] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._init_server()
        self.dois = doi_files(self.fixtures)

    def handler_class(self) -> type[BaseHTTPRequestHandler]:
        return _make_handler(self)

    def log(self, request: Request) -> str | None:
        """Record a request; the scripted failure to serve for it, if any."""
        with self._lock:
            self.requests.append(request)
            return self.script.pop(0) if self.script else None

    def park(self) -> None:
        self._release.wait(self.hang_seconds)

    def answer(self, path: str, query: dict[str, str]) -> tuple[int, bytes, str]:
        """Status, body and content-type for a GET."""
        if path.rstrip("/") == "/works" and any(k.startswith("query") for k in query):
            return self._file(200, self.search)
        if path.startswith("/works/"):
            doi = urllib.parse.unquote(path[len("/works/") :]).lower()
            name = self.dois.get(doi)
            if name is not None:
                return self._file(200, name)
        return self._file(404, NOT_FOUND)

    def _file(self, status: int, name: str) -> tuple[int, bytes, str]:
        body = (self.fixtures / name).read_bytes()
        return status, body, CONTENT_TYPES.get(name, "application/json")


def _make_handler(server: CrossrefReplay) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            return

        def _send(
            self, status: int, body: bytes, content_type: str, extra: dict[str, str] | None = None
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (extra or {}).items():
                self.send_header(name, value)
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)
            self.close_connection = True

        def do_GET(self) -> None:
            parts = urllib.parse.urlsplit(self.path)
            query = dict(urllib.parse.parse_qsl(parts.query, keep_blank_values=True))
            action = server.log(Request(parts.path, query, self.headers.get("User-Agent", "")))
            if server.latency:
                time.sleep(server.latency)
            if action == "hang":
                server.park()
                return
            if action == "429":
                extra = dict(RATE_HEADERS)
                if server.retry_after is not None:
                    extra["Retry-After"] = server.retry_after
                self._send(429, b"Too Many Requests", "text/plain", extra)
                return
            if action == "500":
                self._send(500, b"Internal Server Error", "text/plain")
                return
            if action == "bad-json":
                self._send(200, b"<html>proxy error</html>", "application/json")
                return
            status, body, content_type = server.answer(parts.path, query)
            self._send(status, body, content_type, RATE_HEADERS)

    return Handler
