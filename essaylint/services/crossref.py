"""Crossref through habanero: the verify backend used by ``essaylint check --verify``.

* The base URL comes from the caller (``--crossref-url``, the ``crossref-url``
  setting, or ``$ESSAYLINT_CROSSREF_URL``); habanero is configured with it, so
  a mirror or a local test server can stand in for https://api.crossref.org.
* ``mailto`` (``$ESSAYLINT_MAILTO``) puts requests in Crossref's polite pool;
  habanero adds it to the User-Agent, which also names essaylint and its version.
* Every request has a timeout per read, an overall deadline and a cap on the
  size of its answer (``bounded_http``: habanero still builds and checks
  each request). 429 and 5xx answers are retried with
  exponential backoff, waiting as long as ``Retry-After`` asks (up to
  :data:`MAX_WAIT`); once an answer carries ``x-rate-limit-limit`` /
  ``x-rate-limit-interval``, later requests are spaced to stay under that rate.
* The first failure (no connection, timeout, repeated 5xx, a body that is not
  JSON) marks the service as down: every later call fails at once with the
  same one-line reason, so an offline run ends quickly with one message.
* Answers (200 and 404) are stored in a :class:`~essaylint.services.cache.ResponseCache`
  so a second run of the same essay makes no request at all.
"""

from __future__ import annotations

import email.utils
import json
import os
import threading
import time
import urllib.parse
from collections.abc import Callable, Mapping
from typing import Any

from essaylint import __version__
from essaylint.services import bounded_http
from essaylint.services.cache import CACHE_FILE, ResponseCache, cache_dir
from essaylint.services.verify import VerifyError, WorkRecord, parse_work

DEFAULT_WORKERS = 3
"""Requests in flight at once: Crossref's polite pool answered with
``x-concurrency-limit: 3`` in the 2026 recordings (the public pool with 1)."""

DEFAULT_URL = "https://api.crossref.org"
URL_ENV = "ESSAYLINT_CROSSREF_URL"
MAILTO_ENV = "ESSAYLINT_MAILTO"

TIMEOUT = 8.0
"""Seconds to wait for an answer once connected (Crossref usually answers in
well under a second; searches can take a few)."""

CONNECT_TIMEOUT = 2.0
"""Seconds to wait for a connection: a machine without network fails fast."""

MAX_ATTEMPTS = 3
"""Tries per request when the answer is 429 or 5xx (one try and two retries)."""

BACKOFF = 0.5
"""First backoff in seconds after a 429/5xx without ``Retry-After``; doubled each retry."""

MAX_WAIT = 10.0
"""The longest ``Retry-After`` essaylint honours; a longer one ends the verify pass."""

SEARCH_ROWS = 5
"""Candidates asked for per bibliographic query: the right record is almost
always among the first few, and fewer rows keep answers small."""

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})

SELECT = (
    "DOI,title,subtitle,author,issued,published,published-print,published-online,"
    "container-title,short-container-title,volume,issue,page,type,updated-by"
)

USER_AGENT = f"essaylint/{__version__} (+https://pypi.org/project/essaylint/)"


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def _response_of(exc: BaseException) -> Any:
    for item in _chain(exc):
        response = getattr(item, "response", None)
        if response is not None and hasattr(response, "status_code"):
            return response
    return None


def _status_of(exc: BaseException) -> int | None:
    response = _response_of(exc)
    if response is not None:
        return int(response.status_code)
    for item in _chain(exc):
        code = getattr(item, "status_code", None)
        if isinstance(code, int):
            return code
    return None


def _kind(exc: BaseException) -> str:
    names = [type(item).__name__ for item in _chain(exc)]
    if any("Timeout" in n for n in names):
        return "timeout"
    if any(n in {"ConnectError", "NetworkError", "ProxyError"} for n in names) or any(
        isinstance(item, OSError) for item in _chain(exc)
    ):
        return "connect"
    if any(isinstance(item, ValueError) for item in _chain(exc)):
        return "json"
    if any(n in {"RemoteProtocolError", "ReadError", "TransportError"} for n in names):
        return "connect"
    return "other"


def retry_after(headers: Mapping[str, str], *, now: float | None = None) -> float | None:
    """Seconds asked for by a ``Retry-After`` header (seconds or an HTTP date)."""
    value = (headers.get("retry-after") or "").strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


def rate_spacing(headers: Mapping[str, str]) -> float | None:
    """Seconds between requests allowed by ``x-rate-limit-limit`` / ``-interval`` ("5", "1s")."""
    limit = (headers.get("x-rate-limit-limit") or "").strip()
    interval = (headers.get("x-rate-limit-interval") or "").strip().lower()
    if not limit.isdigit() or int(limit) <= 0 or not interval:
        return None
    unit = {"s": 1.0, "m": 60.0, "h": 3600.0}.get(interval[-1], 1.0)
    number = interval.rstrip("smh") or "1"
    try:
        return float(number) * unit / int(limit)
    except ValueError:
        return None


_TLS_LOCK = threading.Lock()


def _share_tls_context() -> None:
    """Build the default TLS context once per process, not once per request.

    habanero sends every request through a new httpx client, and each new
    client builds a TLS context by parsing the whole CA bundle: about 18 ms,
    holding the interpreter lock, so concurrent lookups queue behind it (it
    was a quarter of a cold ``--verify`` run). The context depends only on
    the environment (SSL_CERT_FILE, SSL_CERT_DIR), which is part of the key.
    """
    try:
        import httpcore2
    except ImportError:  # another habanero transport: nothing to share
        return
    original = httpcore2.default_ssl_context
    if getattr(original, "essaylint_shared", False):
        return
    contexts: dict[tuple[bool, str | None, str | None], Any] = {}

    def shared(*, _trust_env: bool = True) -> Any:
        key = (_trust_env, os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))
        with _TLS_LOCK:
            if key not in contexts:
                contexts[key] = original(_trust_env=_trust_env)
            return contexts[key]

    shared.essaylint_shared = True  # type: ignore[attr-defined]
    httpcore2.default_ssl_context = shared


class CrossrefBackend:
    """A :class:`~essaylint.services.verify.VerifyBackend` over habanero."""

    name = "crossref"

    def __init__(
        self,
        base_url: str = DEFAULT_URL,
        *,
        mailto: str | None = None,
        cache: ResponseCache | None = None,
        timeout: float = TIMEOUT,
        connect_timeout: float = CONNECT_TIMEOUT,
        max_attempts: int = MAX_ATTEMPTS,
        limits: bounded_http.Limits | None = None,
        workers: int = DEFAULT_WORKERS,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        from habanero import Crossref

        http = bounded_http.http_library()
        _share_tls_context()
        bounded_http.install()
        self.base_url = base_url.rstrip("/")
        self.mailto = mailto or None
        self.cache = cache
        self.timeout = timeout
        self.max_attempts = max(1, max_attempts)
        self.limits = limits or bounded_http.Limits()
        self.workers = max(1, workers)
        self._sleep = sleep
        self._clock = clock
        self._client = Crossref(
            base_url=self.base_url,
            mailto=self.mailto,
            ua_string=USER_AGENT,
            timeout=http.Timeout(timeout, connect=min(connect_timeout, timeout)),
        )
        self._lock = threading.Lock()
        self._down: str | None = None
        self._spacing = 0.0
        self._next_start = 0.0
        self.requests = 0  # HTTP requests actually sent (cache hits excluded)
        self.waits: list[float] = []  # every backoff / rate-limit pause, in seconds

    # -- the Protocol ---------------------------------------------------------

    def lookup_doi(self, doi: str) -> WorkRecord | None:
        doi = doi.strip()
        path = urllib.parse.quote(doi, safe="/:;()")
        key = f"GET /works/{doi.lower()}"
        status, body = self._get(key, lambda: self._client.works(ids=path))
        if status == 404 or not isinstance(body, Mapping):
            return None
        message = body.get("message")
        if not isinstance(message, Mapping):
            raise self._fail("Crossref sent an answer without a work record")
        return parse_work(message)

    def search(
        self, *, title: str, author: str | None, year: str | None, container: str | None
    ) -> list[WorkRecord]:
        bibliographic = " ".join(p for p in (title, container, year) if p)
        params: dict[str, str] = {"query_bibliographic": bibliographic}
        if author:
            params["query_author"] = author
        shown = sorted((k.replace("_", ".", 1), v) for k, v in params.items())
        key = "GET /works?" + urllib.parse.urlencode([*shown, ("rows", str(SEARCH_ROWS))])
        status, body = self._get(
            key, lambda: self._client.works(limit=SEARCH_ROWS, select=SELECT, **params)
        )
        if status != 200 or not isinstance(body, Mapping):
            return []
        message = body.get("message")
        items = message.get("items") if isinstance(message, Mapping) else None
        if not isinstance(items, list):
            raise self._fail("Crossref sent a search answer without items")
        return [parse_work(item) for item in items if isinstance(item, Mapping)]

    # -- requests, retries, cache --------------------------------------------

    @property
    def down(self) -> str | None:
        return self._down

    def _fail(self, reason: str) -> VerifyError:
        with self._lock:
            if self._down is None:
                self._down = reason
            return VerifyError(self._down)

    def _pace(self) -> None:
        """Wait so request starts are at least ``_spacing`` seconds apart."""
        with self._lock:
            now = self._clock()
            start = max(now, self._next_start)
            self._next_start = start + self._spacing
        if start > now:
            self._wait(start - now)

    def _wait(self, seconds: float) -> None:
        with self._lock:
            self.waits.append(seconds)
        self._sleep(seconds)

    def _get(self, key: str, call: Callable[[], Any]) -> tuple[int, Any]:
        if self._down is not None:
            raise VerifyError(self._down)
        if self.cache is not None:
            hit = self.cache.get(key)
            if hit is not None:
                status, text = hit
                try:
                    return status, json.loads(text) if status == 200 else None
                except ValueError:
                    pass  # a damaged row: ask again
        for attempt in range(1, self.max_attempts + 1):
            if self._down is not None:
                raise VerifyError(self._down)
            self._pace()
            with self._lock:
                self.requests += 1
            try:
                with bounded_http.limited(self.limits):
                    body = call()
            except bounded_http.AnswerLimitError as exc:
                raise self._fail(str(exc)) from exc
            except Exception as exc:  # habanero raises many kinds; sort them out
                if _status_of(exc) == 404:  # an answer, not a failure
                    if self.cache is not None:
                        self.cache.put(key, 404, "")
                    return 404, None
                delay = self._handle(exc, attempt)
                self._wait(delay)
                continue
            if isinstance(body, list):  # habanero returns a list for several ids
                body = body[0] if body else None
            if not isinstance(body, Mapping):
                raise self._fail("Crossref sent an answer that is not a JSON object")
            if self.cache is not None:
                self.cache.put(key, 200, json.dumps(body))
            return 200, body
        raise AssertionError("unreachable")  # pragma: no cover

    def _handle(self, exc: Exception, attempt: int) -> float:
        """The pause before the next try, or raise VerifyError."""
        status = _status_of(exc)
        if status in RETRY_STATUSES:
            response = _response_of(exc)
            headers = {k.lower(): v for k, v in (response.headers.items() if response else [])}
            spacing = rate_spacing(headers)
            if spacing is not None:
                with self._lock:
                    self._spacing = max(self._spacing, spacing)
            if attempt >= self.max_attempts:
                raise self._fail(f"Crossref answered HTTP {status} {attempt} times in a row")
            asked = retry_after(headers)
            if asked is not None and asked > MAX_WAIT:
                raise self._fail(
                    f"Crossref asked to wait {asked:.0f} s (HTTP {status}); try again later"
                )
            backoff = BACKOFF * 2 ** (attempt - 1)
            return max(asked if asked is not None else backoff, spacing or 0.0)
        if status is not None and status != 200:
            raise self._fail(f"Crossref answered HTTP {status}")
        kind = _kind(exc)
        if kind == "timeout":
            raise self._fail(
                f"offline or too slow: {self.base_url} did not answer within {self.timeout:g} s"
            )
        if kind == "connect":
            raise self._fail(f"offline: cannot connect to {self.base_url}")
        if kind == "json" or status == 200:
            raise self._fail("Crossref sent an answer that is not valid JSON")
        raise self._fail(f"Crossref request failed: {type(exc).__name__}")


def make_crossref_backend(
    *,
    url: str | None = None,
    mailto: str | None = None,
    use_cache: bool = True,
    env: Mapping[str, str] | None = None,
) -> CrossrefBackend:
    """The backend for a run: settings first, then the environment, then defaults."""
    env = os.environ if env is None else env
    base = url or env.get(URL_ENV) or DEFAULT_URL
    cache = ResponseCache(cache_dir(env) / CACHE_FILE) if use_cache else None
    return CrossrefBackend(base, mailto=mailto or env.get(MAILTO_ENV) or None, cache=cache)
