"""The one exception the loaders raise."""

from __future__ import annotations


class LoadError(Exception):
    """A file could not be turned into a Document.

    ``str(error)`` is one clear human line, e.g.
    ``cannot read essay.docx: not a valid .docx file (the zip container is damaged)``.
    """

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return self.message


def cannot_read(path: str, reason: str) -> LoadError:
    """``LoadError("cannot read <path>: <reason>")``."""
    return LoadError(f"cannot read {path}: {reason}", path=path)
