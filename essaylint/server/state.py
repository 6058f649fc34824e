"""What the server remembers about one open buffer."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from essaylint.config import Settings
from essaylint.models import FileResult, Finding
from essaylint.server.positions import LineIndex


@dataclass
class BufferState:
    """One open document: its last result, and the lint and verify passes under way."""

    uri: str
    language_id: str | None
    #: The version the latest change brought (the text itself lives in pygls's workspace).
    version: int | None = None
    #: The last finished lint, the version and text it was made from, and their line index.
    result: FileResult | None = None
    result_version: int | None = None
    text: str = ""
    index: LineIndex | None = None
    settings: Settings | None = None
    #: Set when ``result`` is for the latest version (requests wait on it).
    ready: asyncio.Event = field(default_factory=asyncio.Event)
    pending: asyncio.Task[None] | None = None
    verify_pending: asyncio.Task[None] | None = None
    #: Verify findings by entry text (see engine.remembered).
    verified: dict[str, tuple[Finding, ...]] = field(default_factory=dict)
    #: The whole-file fix of a version: (version, fixed text).
    fix_all: tuple[int | None, str] | None = None
    #: Messages already shown for this buffer (refusals, config errors), not to repeat them.
    shown: set[str] = field(default_factory=set)
