"""A Document from a word processor's paragraphs (.docx, .odt): one text line per paragraph."""

from __future__ import annotations

from collections.abc import Iterable

from essaylint.loaders.errors import cannot_read
from essaylint.models import Document


def document_from_paragraphs(paragraphs: Iterable[str], path: str, fmt: str) -> Document:
    """Line N of the text is paragraph N; a line break inside a paragraph starts a
    new text line that still reports its paragraph's number."""
    lines: list[str] = []
    source_lines: list[int] = []
    for number, paragraph in enumerate(paragraphs, start=1):
        for piece in paragraph.split("\n"):
            lines.append(piece.replace("\r", ""))
            source_lines.append(number)
    if not any(line.strip() for line in lines):
        raise cannot_read(path, "is empty (the document has no text)")
    return Document.from_text(
        "\n".join(lines),
        path=path,
        format=fmt,
        encoding="utf-8",
        source_lines=tuple(source_lines),
    )
