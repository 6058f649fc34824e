"""A persistent response cache: SQLite in the user cache directory.

Keys are request descriptions ("GET /works/10.1126/science.1256151", or the
search path with its sorted query); values are the HTTP status and the body
the service sent. Only answers are stored (200 and 404), never failures.

The directory is ``platformdirs.user_cache_dir("essaylint")``, or
``$ESSAYLINT_CACHE_DIR`` when that is set (tests point it at a temporary
directory). Several essaylint processes may share it: a writer waits for
another's lock (``BUSY_TIMEOUT``), and a cache still locked after that is left
alone and simply not used by this run. Only a file that is not a SQLite
database, or a damaged one, is deleted and rebuilt; if even that fails, the
cache turns itself off and essaylint runs without it. Nothing here ever raises
to the caller.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Mapping
from pathlib import Path

CACHE_ENV = "ESSAYLINT_CACHE_DIR"
CACHE_FILE = "crossref.sqlite3"

FOUND_TTL = 30 * 24 * 3600.0
"""Records are reused for 30 days: long enough that re-running an essay is
free, short enough that a retraction published since is seen within a month."""

NOT_FOUND_TTL = 7 * 24 * 3600.0
"""A 404 is reused for 7 days: a newly registered DOI appears soon after."""

BUSY_TIMEOUT = 30.0
"""Seconds to wait for another process's lock on the cache before going on without it."""

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS responses ("
    " key TEXT PRIMARY KEY, status INTEGER NOT NULL, body TEXT NOT NULL, stored REAL NOT NULL)"
)


def cache_dir(env: Mapping[str, str] | None = None) -> Path:
    """Where the cache lives: ``$ESSAYLINT_CACHE_DIR`` or the user cache directory."""
    env = os.environ if env is None else env
    if env.get(CACHE_ENV):
        return Path(env[CACHE_ENV])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("essaylint", appauthor=False))


class ResponseCache:
    """A thread-safe key -> (status, body) store with expiry."""

    def __init__(self, path: Path, *, busy_timeout: float = BUSY_TIMEOUT) -> None:
        self.path = path
        self.busy_timeout = busy_timeout
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self.note: str | None = None
        self._open()

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, check_same_thread=False, timeout=self.busy_timeout)
        db.execute(_SCHEMA)
        db.execute("SELECT count(*) FROM responses").fetchone()
        db.commit()
        return db

    def _open(self) -> None:
        try:
            self._db = self._connect()
        except sqlite3.OperationalError as exc:
            # Locked by another process past the wait, or not openable here: never
            # delete what another writer is using; this run goes without the cache.
            self._db = None
            self.note = f"the verify cache {self.path} is not used this run ({exc})"
        except (sqlite3.DatabaseError, OSError):
            # Not a database (or a damaged one): start again from an empty file.
            try:
                self.path.unlink(missing_ok=True)
                self._db = self._connect()
                self.note = f"the verify cache {self.path} was unreadable and has been rebuilt"
            except (sqlite3.Error, OSError) as exc:
                self._db = None
                self.note = f"the verify cache is off ({exc})"

    def get(self, key: str, *, now: float | None = None) -> tuple[int, str] | None:
        if self._db is None:
            return None
        now = time.time() if now is None else now
        try:
            with self._lock:
                row = self._db.execute(
                    "SELECT status, body, stored FROM responses WHERE key = ?", (key,)
                ).fetchone()
        except sqlite3.Error:
            return None
        if row is None:
            return None
        status, body, stored = int(row[0]), str(row[1]), float(row[2])
        ttl = FOUND_TTL if status == 200 else NOT_FOUND_TTL
        if now - stored > ttl:
            return None
        return status, body

    def put(self, key: str, status: int, body: str, *, now: float | None = None) -> None:
        if self._db is None:
            return
        now = time.time() if now is None else now
        try:
            with self._lock:
                self._db.execute(
                    "INSERT OR REPLACE INTO responses (key, status, body, stored) "
                    "VALUES (?, ?, ?, ?)",
                    (key, status, body, now),
                )
                self._db.commit()
        except sqlite3.Error:
            return

    def clear(self) -> int:
        """Delete every stored response; the number deleted."""
        if self._db is None:
            return 0
        try:
            with self._lock:
                count = int(self._db.execute("SELECT count(*) FROM responses").fetchone()[0])
                self._db.execute("DELETE FROM responses")
                self._db.commit()
                return count
        except sqlite3.Error:
            return 0

    def close(self) -> None:
        if self._db is not None:
            with self._lock:
                self._db.close()
            self._db = None


def clear_cache(env: Mapping[str, str] | None = None) -> tuple[Path, int]:
    """Empty the cache file (rebuilding it if damaged): its path and how many entries went."""
    path = cache_dir(env) / CACHE_FILE
    if not path.exists():
        return path, 0
    cache = ResponseCache(path)
    try:
        return path, cache.clear()
    finally:
        cache.close()
