"""``essaylint server``: a language server over stdio (pygls), for every editor.

Modules: :mod:`~essaylint.server.app` (LSP handlers and scheduling),
:mod:`~essaylint.server.engine` (warm engines, settings per file),
:mod:`~essaylint.server.documents` (a buffer as a Document),
:mod:`~essaylint.server.positions` (offsets <-> LSP positions),
:mod:`~essaylint.server.diagnostics`, :mod:`~essaylint.server.actions`,
:mod:`~essaylint.server.navigation` and :mod:`~essaylint.server.words`
(findings, fixes, citations and entries, "add to dictionary").

Only the ``server`` command imports this package, so ``essaylint check``
never loads pygls.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, BinaryIO


def serve(
    overrides: Mapping[str, Any] | None = None,
    stdin: BinaryIO | None = None,
    stdout: BinaryIO | None = None,
) -> None:
    """Run the server on stdin/stdout until the client says exit (or goes away)."""
    from essaylint.server.app import create_server

    server = create_server(overrides)
    try:
        server.start_io(stdin, stdout)
    finally:
        server.lint_pool.shutdown(wait=False, cancel_futures=True)
        server.verify_pool.shutdown(wait=False, cancel_futures=True)
