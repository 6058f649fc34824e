"""A local LanguageTool stand-in for tests: replays recorded ``/v2/check`` bodies.

The server listens on 127.0.0.1 on a free port, in a daemon thread, and never
opens a connection anywhere itself. ``POST /v2/check`` answers with the bytes of
a recorded response from ``shared/fixtures/languagetool/`` (chosen by the
``language`` and ``text`` form fields), ``GET /v2/languages`` with the list
below. Every request is logged so tests can assert what the client sent.

Use it as a context manager::

    with LanguageToolReplay(FIXTURES) as server:
        backend = LanguageToolBackend(server.url)
        ...
        assert server.requests[0].path == "/v2/languages"
"""

from __future__ import annotations

import json
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Literal

from loopback import LoopbackServer

# The shape of GET /v2/languages is LanguageTool's HTTP API Swagger spec
# (https://languagetool.org/http-api/languagetool-swagger.json, operation
# "/languages": "Get a list of supported languages"): a JSON array of objects
# with three required strings, ``name`` ("a language name like 'French' or
# 'English (Australia)'"), ``code`` ("a language code like 'en'") and
# ``longCode`` ("a language code like 'en-US' or 'ca-ES-valencia'"). No recorded
# /v2/languages body with a traceable source exists (shared/fixtures/README.md),
# so this short list is written here; the names follow the ``language.name``
# values of the recorded /v2/check bodies ("English (US)", "English (GB)").
LANGUAGES: list[dict[str, str]] = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "English (Australian)", "code": "en", "longCode": "en-AU"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
]

# (language, text) -> recorded body. The texts are the ones each recording
# answered (see shared/fixtures/README.md, "LanguageTool").
DEFAULT_ROUTES: dict[tuple[str, str], str] = {
    ("en-US", "It happened a hour ago."): "check-en-US-a-hour-ago-lt3.4.json",
    ("en-US", "a simple test"): "check-en-US-a-simple-test-lt4.6.json",
    ("en-GB", "This is a testx. "): "check-en-GB-this-is-a-testx-lt4.7.json",
}
# Any other en-GB text: the recorded clean answer.
DEFAULT_BY_LANGUAGE: dict[str, str] = {"en-GB": "check-en-GB-no-matches-lt4.7.json"}

FailMode = Literal["none", "check-500", "check-close", "check-hang", "languages-500", "bad-json"]


@dataclass(frozen=True)
class Request:
    """One request the replay server received."""

    method: str
    path: str
    form: dict[str, str]


@dataclass
class LanguageToolReplay(LoopbackServer):
    """Replay server; ``fail`` switches on an error for the marked test."""

    fixtures: Path
    fail: FailMode = "none"
    hang_seconds: float = 5.0
    routes: dict[tuple[str, str], str] = field(default_factory=lambda: dict(DEFAULT_ROUTES))
    requests: list[Request] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._init_server()

    # -- lifecycle ---------------------------------------------------------

    def handler_class(self) -> type[BaseHTTPRequestHandler]:
        return _make_handler(self)

    # -- behaviour ---------------------------------------------------------

    def log(self, request: Request) -> None:
        with self._lock:
            self.requests.append(request)

    def body_for_check(self, form: dict[str, str]) -> bytes | None:
        """The recorded bytes that answer this /v2/check form, or None (404)."""
        language = form.get("language", "")
        name = self.routes.get((language, form.get("text", "")))
        if name is None:
            name = DEFAULT_BY_LANGUAGE.get(language)
        if name is None:
            return None
        return (self.fixtures / name).read_bytes()

    def park(self) -> None:
        """Hold a request without answering, until stop() or hang_seconds."""
        self._release.wait(self.hang_seconds)


def _make_handler(server: LanguageToolReplay) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            return  # keep test output quiet

        def _send(self, status: int, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)
            self.close_connection = True

        def _path(self) -> tuple[str, dict[str, str]]:
            parts = urllib.parse.urlsplit(self.path)
            query = dict(urllib.parse.parse_qsl(parts.query, keep_blank_values=True))
            return parts.path, query

        def do_GET(self) -> None:
            path, query = self._path()
            server.log(Request("GET", path, query))
            if path == "/v2/languages":
                if server.fail == "languages-500":
                    self._send(500, b"Internal Server Error", "text/plain")
                    return
                self._send(200, json.dumps(LANGUAGES).encode(), "application/json")
                return
            self._send(404, b"Not found", "text/plain")

        def do_POST(self) -> None:
            path, _ = self._path()
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode("utf-8")
            form = dict(urllib.parse.parse_qsl(raw, keep_blank_values=True))
            server.log(Request("POST", path, form))
            if path != "/v2/check":
                self._send(404, b"Not found", "text/plain")
                return
            if server.fail == "check-500":
                # A LanguageTool server reports internal errors as 500 with a
                # plain-text "Error: ..." body.
                self._send(500, b"Error: Internal Server Error\n", "text/plain")
                return
            if server.fail == "check-close":
                self.close_connection = True
                self.connection.close()  # drop the request without a response
                return
            if server.fail == "check-hang":
                server.park()
                return
            if server.fail == "bad-json":
                self._send(200, b"<html>proxy error</html>", "application/json")
                return
            body = server.body_for_check(form)
            if body is None:
                self._send(404, b"no recorded answer for this request", "text/plain")
                return
            self._send(200, body, "application/json")

    return Handler
