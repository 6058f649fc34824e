"""habanero's HTTP requests with limits: a byte cap per answer and a deadline per request.

habanero sends each request through its HTTP library's module-level ``get``
(httpx2) and reads the whole body; httpx2's timeouts apply to each read, so
a server that sends 200 MB, or one byte every second, holds a run for as long
as it likes. habanero takes no transport or session, so :func:`install` gives
its request modules a stand-in for the library whose ``get`` streams the
answer with the same library and stops at :data:`MAX_BODY_BYTES` (decoded) or
after :data:`REQUEST_DEADLINE` seconds, raising :class:`AnswerLimitError`.
Everything else (the URL and query habanero builds, its status and JSON
checks, its errors) is habanero's own code. The limits apply only inside
:func:`limited`, so another habanero user in the same process is unaffected.
"""

from __future__ import annotations

import contextvars
import importlib
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

MAX_BODY_BYTES = 4 * 2**20
"""The largest answer read: a work record is a few kilobytes, a five-row search
some tens; anything near this is not a bibliographic record."""

REQUEST_DEADLINE = 15.0
"""Seconds one request may take in all (connecting, waiting, reading the body).
A single read can still wait for the read timeout, so the worst case is this
plus that timeout; a server trickling bytes is stopped at the first read after it."""

_DROPPED_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})
"""Headers that describe the body as sent; the rebuilt response holds it decoded."""


@dataclass(frozen=True)
class Limits:
    max_bytes: int = MAX_BODY_BYTES
    deadline: float = REQUEST_DEADLINE


class AnswerLimitError(Exception):
    """An answer stopped at a limit; the message says which, in a reader's words."""


_LIMITS: contextvars.ContextVar[Limits | None] = contextvars.ContextVar(
    "essaylint_http_limits", default=None
)


@contextmanager
def limited(limits: Limits) -> Iterator[None]:
    """Requests habanero sends in this block (in this thread) obey ``limits``."""
    token = _LIMITS.set(limits)
    try:
        yield
    finally:
        _LIMITS.reset(token)


def http_library() -> Any:
    """The HTTP client habanero uses (httpx2 in habanero 2.9, httpx before)."""
    try:
        return importlib.import_module("httpx2")
    except ImportError:  # pragma: no cover - older habanero
        return importlib.import_module("httpx")


def _size(size: int) -> str:
    if size >= 2**20:
        return f"{size / 2**20:.0f} MB"
    return f"{size / 2**10:.0f} KB" if size >= 2**10 else f"{size:,} bytes"


def bounded_get(
    http: Any,
    url: Any,
    *,
    clock: Callable[[], float] = time.monotonic,
    **kwargs: Any,
) -> Any:
    """``http.get(url, **kwargs)`` within the current limits (none outside :func:`limited`)."""
    limits = _LIMITS.get()
    if limits is None:
        return http.get(url, **kwargs)
    started = clock()
    client_options = {k: kwargs.pop(k) for k in ("timeout", "verify", "trust_env") if k in kwargs}
    with (
        http.Client(**client_options) as client,
        client.stream("GET", url, **kwargs) as response,
    ):
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limits.max_bytes:
            raise AnswerLimitError(_too_large(limits, int(declared)))
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limits.max_bytes:
                raise AnswerLimitError(_too_large(limits))
            if clock() - started > limits.deadline:
                raise AnswerLimitError(
                    f"too slow: the answer from {response.url.host} was still arriving "
                    f"after {limits.deadline:g} s ({size:,} bytes so far)"
                )
            chunks.append(chunk)
        headers = [
            (name, value)
            for name, value in response.headers.multi_items()
            if name.lower() not in _DROPPED_HEADERS
        ]
        return http.Response(
            response.status_code,
            headers=headers,
            content=b"".join(chunks),
            request=response.request,
        )


def _too_large(limits: Limits, declared: int | None = None) -> str:
    size = f"of {_size(declared)}, " if declared is not None else ""
    return (
        f"Crossref sent an answer {size}over the {_size(limits.max_bytes)} limit "
        "(not read: a record is a few kilobytes)"
    )


class _BoundedLibrary:
    """The HTTP library as habanero sees it: the same, but ``get`` is :func:`bounded_get`."""

    def __init__(self, library: Any) -> None:
        self._library = library

    def __getattr__(self, name: str) -> Any:
        return getattr(self._library, name)

    def get(self, url: Any, **kwargs: Any) -> Any:
        return bounded_get(self._library, url, **kwargs)


HABANERO_MODULES = ("habanero.request", "habanero.request_class")
"""The habanero modules that send the requests essaylint makes (works by id, searches)."""


def install() -> None:
    """Give habanero's request modules the bounded library (once; later calls do nothing)."""
    library = http_library()
    name = str(library.__name__)
    for module_name in HABANERO_MODULES:
        module = importlib.import_module(module_name)
        if getattr(module, name, None) is library:
            setattr(module, name, _BoundedLibrary(library))
