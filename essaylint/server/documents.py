"""An editor's buffer as an essaylint :class:`~essaylint.models.Document`. Pure.

The format comes from the file's suffix when it has one essaylint knows, else
from the editor's language id: Markdown, LaTeX (comments blanked, same length,
as the .tex loader does), plain text, and reStructuredText (read as plain
text: its headings and reference lists are found the same way). The text is
the buffer itself, so every span is an offset into what the editor shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import unquote, urlparse

from essaylint.models import Document

#: Language ids (LSP's registry and common editor ones) -> essaylint format.
LANGUAGE_FORMATS = {
    "markdown": "markdown",
    "quarto": "markdown",
    "rmd": "markdown",
    "latex": "latex",
    "tex": "latex",
    "plaintex": "latex",
    "context": "latex",
    "plaintext": "text",
    "text": "text",
    "restructuredtext": "text",
    "rst": "text",
}
SUFFIX_FORMATS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".qmd": "markdown",
    ".rmd": "markdown",
    ".tex": "latex",
    ".txt": "text",
    ".text": "text",
    ".rst": "text",
}
#: The largest buffer checked live (characters). Longer ones get one message
#: instead of diagnostics: a whole lint of them takes seconds, not an edit's worth.
MAX_LIVE_CHARS = 2_000_000


@dataclass(frozen=True)
class Refusal:
    """Why a buffer is not checked (shown once to the user)."""

    reason: str


def uri_path(uri: str) -> str:
    """The file path of a ``file:`` URI; other schemes keep the URI as the name."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return uri
    path = unquote(parsed.path)
    if len(path) > 2 and path[0] == "/" and path[2] == ":":  # file:///C:/...
        path = path[1:]
    return path


def document_format(uri: str, language_id: str | None) -> str:
    """essaylint's format for a buffer: its suffix, else its language id, else text."""
    suffix = PurePosixPath(urlparse(uri).path).suffix.lower()
    if suffix in SUFFIX_FORMATS:
        return SUFFIX_FORMATS[suffix]
    return LANGUAGE_FORMATS.get((language_id or "").lower(), "text")


def looks_binary(text: str) -> bool:
    from essaylint.loaders.text import looks_binary as binary

    return binary(text)


def buffer_document(
    text: str, uri: str, language_id: str | None, *, max_chars: int = MAX_LIVE_CHARS
) -> Document | Refusal:
    """The Document essaylint checks for an open buffer, or why it is not checked."""
    name = uri_path(uri)
    if len(text) > max_chars:
        return Refusal(
            f"{name} is too long to check while typing ({len(text):,} characters; "
            f"the limit is {max_chars:,}); run 'essaylint check' on it"
        )
    if not text.strip():
        return Refusal("")
    if looks_binary(text):
        return Refusal(f"{name} does not look like text (binary data); not checked")
    fmt = document_format(uri, language_id)
    if fmt == "latex":
        from essaylint.loaders.latex import blank_latex_comments

        return Document.from_text(blank_latex_comments(text), path=name, format="latex")
    return Document.from_text(text, path=name, format=fmt)
