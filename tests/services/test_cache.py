"""The verify cache shared by several essaylint processes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from essaylint.services.cache import ResponseCache


def test_a_cache_locked_by_another_process_is_waited_for_never_deleted(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    first = ResponseCache(path)
    first.put("kept", 200, "{}")
    first.close()
    other = sqlite3.connect(path)
    other.execute("BEGIN EXCLUSIVE")  # another essaylint in the middle of a write
    try:
        busy = ResponseCache(path, busy_timeout=0.2)
        assert busy.note is not None
        assert "not used this run" in busy.note
        assert busy.get("kept") is None
        busy.put("new", 200, "{}")  # a no-op, never an error
    finally:
        other.rollback()
        other.close()
    assert ResponseCache(path).get("kept") == (200, "{}")
