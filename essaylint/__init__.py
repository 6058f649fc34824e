"""essaylint: a citation-checked essay linter.

The small public API: :func:`lint_path`, :func:`lint_text`, :func:`parse_reference`
and :class:`Settings`. Heavy modules are imported on first use.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from essaylint.config import Settings
    from essaylint.models import FileResult, Reference
    from essaylint.services.prose import ProseBackend

__all__ = ["Settings", "__version__", "lint_path", "lint_text", "parse_reference"]


def parse_reference(raw: str) -> Reference:
    """Parse one reference-list entry into a :class:`~essaylint.models.Reference`."""
    from essaylint.analysis.references import parse_reference as _parse

    return _parse(raw)


def _default_prose(settings: Settings | None, prose: bool) -> ProseBackend | None:
    if not prose:
        return None
    from essaylint.services.backends import choose_prose_backend

    if settings is None:
        return choose_prose_backend(None)[0]
    return choose_prose_backend(settings.languagetool_url, settings.harper_rules)[0]


def lint_path(
    path: str | Path, settings: Settings | None = None, *, prose: bool = True
) -> FileResult:
    """Load and check one file; an unreadable file gives a result with ``error`` set.

    ``prose=False`` skips the spelling and grammar engine.
    """
    from essaylint.pipeline import lint_path as _lint_path

    return _lint_path(path, settings, prose=_default_prose(settings, prose))


def lint_text(
    text: str, settings: Settings | None = None, *, path: str = "<text>", prose: bool = True
) -> FileResult:
    """Check an essay given as a string (Markdown when ``path`` ends in .md)."""
    from essaylint.pipeline import lint_text as _lint_text

    return _lint_text(text, settings, path=path, prose=_default_prose(settings, prose))


def __getattr__(name: str) -> object:
    if name == "Settings":
        from essaylint.config import Settings

        return Settings
    raise AttributeError(name)
