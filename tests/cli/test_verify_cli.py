"""`essaylint check --verify`, `--no-cache` and `essaylint cache clear` through the CLI.

Crossref is the local replay server (tests/services/crossref_replay.py) reached
through $ESSAYLINT_CROSSREF_URL; the cache lives in tmp_path through
$ESSAYLINT_CACHE_DIR. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import importlib.util
import json
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from typer.testing import CliRunner

from essaylint.cli import app


def _load_replay() -> ModuleType:
    services = str(Path(__file__).resolve().parents[1] / "services")
    if services not in sys.path:
        sys.path.insert(0, services)
    return importlib.import_module("crossref_replay")


replay_module = _load_replay()
pytestmark = pytest.mark.skipif(
    not replay_module.FIXTURES.is_dir(), reason="recorded Crossref answers not present"
)

ESSAY = "\n".join(
    [
        "Contact changed minds (LaCour & Green, 2014), reading is strategic",
        "(Renear & Palmer, 2009) and lawns have meaning (Hartley, 2021).",
        "",
        "References",
        "",
        "Hartley, J. (2021). Quantum gravel and the semiotics of lawns. Journal of Imaginary "
        "Results, 4(2), 1-9.",
        "LaCour, M. J., & Green, D. P. (2014). When contact changes minds: An experiment on "
        "transmission of support for gay equality. Science, 346(6215), 1366-1369. "
        "https://doi.org/10.1126/science.1256151",
        "Renear, A. H., & Palmer, C. L. (2009). Strategic reading, ontologies, and the future of "
        "scientific publishing. Science, 325(5942), 828-832.",
        "",
    ]
)


@pytest.fixture
def replay() -> Iterator[Any]:
    with replay_module.CrossrefReplay() as server:
        yield server


@pytest.fixture
def env(replay: Any, tmp_path: Path) -> dict[str, str]:
    return {
        "ESSAYLINT_CROSSREF_URL": replay.url,
        "ESSAYLINT_CACHE_DIR": str(tmp_path / "cache"),
        "ESSAYLINT_MAILTO": "tests@example.org",
    }


def run(args: list[str], env: dict[str, str]) -> tuple[int, Any]:
    result = CliRunner().invoke(app, args, env=env)
    payload = json.loads(result.stdout) if "--format" in args else result.stdout
    return result.exit_code, payload


def codes(payload: Any) -> list[str]:
    return sorted(
        f["code"]
        for f in payload["files"][0]["findings"]
        if f["code"][0] == "V" or f["code"] == "R206"
    )


def test_verify_finds_retracted_unknown_and_missing_doi(
    tmp_path: Path, env: dict[str, str], replay: Any
) -> None:
    path = tmp_path / "essay.md"
    path.write_text(ESSAY, encoding="utf-8")
    code, payload = run(["check", str(path), "--verify", "--format", "json"], env)
    assert code == 1
    assert codes(payload) == ["R206", "V501", "V503"]
    sent = len(replay.requests)
    assert sent == 3
    assert all("essaylint/" in r.user_agent for r in replay.requests)
    # Second run: everything from the cache.
    _, again = run(["check", str(path), "--verify", "--format", "json"], env)
    assert codes(again) == codes(payload)
    assert len(replay.requests) == sent
    # --no-cache asks again; cache clear empties the store.
    run(["check", str(path), "--verify", "--no-cache", "--format", "json"], env)
    assert len(replay.requests) == 2 * sent
    code, out = run(["cache", "clear"], env)
    assert code == 0
    assert "cleared 3 cached answers" in out
    run(["check", str(path), "--verify", "--format", "json"], env)
    assert len(replay.requests) == 3 * sent


def test_no_request_without_verify(tmp_path: Path, env: dict[str, str], replay: Any) -> None:
    path = tmp_path / "essay.md"
    path.write_text(ESSAY, encoding="utf-8")
    _, payload = run(["check", str(path), "--format", "json"], env)
    assert codes(payload) == []
    assert replay.requests == []


def test_offline_is_one_info_finding(tmp_path: Path, env: dict[str, str]) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    path = tmp_path / "essay.md"
    path.write_text(ESSAY, encoding="utf-8")
    args = ["check", str(path), "--verify", "--crossref-url", f"http://127.0.0.1:{port}"]
    code, payload = run([*args, "--format", "json"], env)
    findings = [f for f in payload["files"][0]["findings"] if f["code"] in ("V501", "R206", "V503")]
    assert [(f["code"], f["severity"]) for f in findings] == [("V501", "info")]
    assert "could not verify the references: offline" in findings[0]["message"]
    assert code == 0


def test_corrupt_cache_file_is_not_fatal(tmp_path: Path, env: dict[str, str], replay: Any) -> None:
    cache = Path(env["ESSAYLINT_CACHE_DIR"])
    cache.mkdir(parents=True)
    (cache / "crossref.sqlite3").write_bytes(b"\x00garbage" * 64)
    path = tmp_path / "essay.md"
    path.write_text(ESSAY, encoding="utf-8")
    _, payload = run(["check", str(path), "--verify", "--format", "json"], env)
    assert codes(payload) == ["R206", "V501", "V503"]


def test_offline_without_v501_is_said_once_by_another_verify_rule(
    tmp_path: Path, env: dict[str, str]
) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    path = tmp_path / "essay.md"
    path.write_text(ESSAY, encoding="utf-8")
    args = ["check", str(path), "--verify", "--crossref-url", f"http://127.0.0.1:{port}"]
    _, payload = run([*args, "--ignore", "V501", "--format", "json"], env)
    findings = payload["files"][0]["findings"]
    said = [f["code"] for f in findings if "could not verify" in f["message"]]
    assert said == ["R206"]
