"""``--verify`` in the server: Crossref answers arrive in the background and stay across edits.

Crossref is a stand-in on 127.0.0.1 that knows no DOI (404) and finds nothing.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from .lsp_client import LspClient

pytestmark = pytest.mark.slow

ESSAY = """Tide pools warm faster than open water (Ostrowski, 2017).

References

Ostrowski, K. (2017). Counting urchins by hand. *Marine Notes*, 8(2), 33-41. https://doi.org/10.5555/not-a-real-doi
"""


class _KnowsNothing(BaseHTTPRequestHandler):
    requests: list[str] = []  # noqa: RUF012 - shared log of the stand-in

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.requests.append(self.path)
        if self.path.startswith("/works/"):
            body, status, kind = b"Resource not found.", 404, "text/plain"
        else:
            answer = {"status": "ok", "message": {"items": [], "total-results": 0}}
            body, status, kind = json.dumps(answer).encode(), 200, "application/json"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def crossref() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _KnowsNothing)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_verify_findings_arrive_later_and_survive_edits(tmp_path: Path, crossref: str) -> None:
    path = tmp_path / "pools.md"
    path.write_text(ESSAY, encoding="utf-8")
    uri = path.as_uri()
    client = LspClient(cwd=tmp_path)
    try:
        client.initialize(
            tmp_path, {"settings": {"verify": True, "crossref-url": crossref, "cache": False}}
        )
        client.open(uri, ESSAY)
        first = client.settled(uri, 1)
        assert "V504" not in [d["code"] for d in first]  # typing never waits for Crossref
        deadline_diagnostics = client.diagnostics(uri, timeout=60, version=1)
        [invalid] = [d for d in deadline_diagnostics if d["code"] == "V504"]
        assert invalid["range"]["start"]["line"] == 4
        assert _KnowsNothing.requests

        asked = len(_KnowsNothing.requests)
        edited = ESSAY.replace("warm faster", "warm much faster")
        client.change_text(uri, 2, edited)
        again = client.settled(uri, 2)
        assert "V504" in [d["code"] for d in again]  # remembered for the unchanged entry
        assert len(_KnowsNothing.requests) == asked
    finally:
        assert client.close() == 0
