"""OpenDocument text files, .odt (odfpy, imported lazily).

As for .docx, the Document text has one line per paragraph or heading of the
document body, in document order (list items and table cells included), so a
finding's line is the paragraph number. A line break inside a paragraph
starts a new text line that keeps its paragraph's number.

ODF's own spacing rules apply: a run of white space in the XML is one space,
and ``<text:s text:c="3"/>`` is three. Footnotes and endnotes, comments,
tracked deletions, frames and text boxes are not running text and are
skipped; the reference list is expected in the body, as in .docx.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from essaylint.loaders.errors import LoadError, cannot_read
from essaylint.loaders.paragraphs import document_from_paragraphs
from essaylint.models import Document

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_PARAGRAPHS = frozenset({(_TEXT, "p"), (_TEXT, "h")})
# Elements whose text is not the running text of the essay.
_SKIP = frozenset(
    {
        (_TEXT, "note"),
        (_TEXT, "tracked-changes"),
        (_OFFICE, "annotation"),
        (_OFFICE, "annotation-end"),
        (_TEXT, "sequence-decls"),
        (_TEXT, "table-of-content"),
    }
)
_SPACES = re.compile(r"[ \t\r\n]+")
_MAIN_PART = "content.xml"
_MAX_XML_BYTES = 512 * 1024 * 1024
_ELEMENT, _TEXT_NODE = 1, 3
_MAX_SPACES = 200  # a text:s run longer than this is layout, not text


def _check_container(data: bytes, path: str) -> None:
    """Raise a precise LoadError when ``data`` is not a readable, unencrypted .odt."""
    if not data.startswith(b"PK"):
        raise cannot_read(path, "not a valid .odt file (it is not a zip container)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if _MAIN_PART not in names:
                raise cannot_read(path, "not a valid .odt file (the zip has no content.xml)")
            if archive.getinfo(_MAIN_PART).file_size > _MAX_XML_BYTES:
                raise cannot_read(path, "the document text is too large to read")
            if "META-INF/manifest.xml" in names:
                manifest = archive.read("META-INF/manifest.xml")
                if b"encryption-data" in manifest:
                    raise cannot_read(
                        path, "is password-protected; save a copy without the password"
                    )
            if archive.testzip() is not None:
                raise cannot_read(path, "not a valid .odt file (the zip container is damaged)")
    except LoadError:
        raise
    except Exception:  # BadZipFile, zlib.error, unknown compression, ...
        raise cannot_read(path, "not a valid .odt file (the zip container is damaged)") from None


def _paragraph_text(paragraph: Any) -> str:
    """The text of one ``text:p`` or ``text:h``, with ODF's white-space rules applied."""
    parts: list[str] = []
    stack: list[Iterator[Any]] = [iter(paragraph.childNodes)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            continue
        if node.nodeType == _TEXT_NODE:
            parts.append(_SPACES.sub(" ", node.data))
            continue
        if node.nodeType != _ELEMENT:
            continue
        name = node.qname
        if name in _SKIP or name[0] == _DRAW:
            continue
        if name == (_TEXT, "s"):
            count = str(node.getAttribute("c") or "1")
            parts.append(" " * (min(int(count), _MAX_SPACES) if count.isdigit() else 1))
        elif name == (_TEXT, "tab"):
            parts.append("\t")
        elif name == (_TEXT, "line-break"):
            parts.append("\n")
        elif name == (_TEXT, "soft-page-break"):
            continue
        else:  # spans, links, bookmarks, fields: their text is running text
            stack.append(iter(node.childNodes))
    return "".join(parts)


def _paragraphs(body: Any) -> Iterator[Any]:
    """Every paragraph and heading under the body, in document order."""
    stack: list[Iterator[Any]] = [iter(body.childNodes)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            continue
        if node.nodeType != _ELEMENT or node.qname in _SKIP or node.qname[0] == _DRAW:
            continue
        if node.qname in _PARAGRAPHS:
            yield node
        else:  # lists, list items, tables, rows, cells, sections: look inside
            stack.append(iter(node.childNodes))


def load_odt(data: bytes, path: str) -> Document:
    """Read an .odt file's paragraphs into a Document (format ``"odt"``)."""
    _check_container(data, path)
    try:
        from odf.opendocument import load

        document = load(io.BytesIO(data))
    except Exception as error:  # xml.sax errors, KeyError for missing parts, ...
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise cannot_read(path, f"not a valid .odt file ({reason})") from None
    mimetype = str(getattr(document, "mimetype", "") or "")
    if mimetype and "opendocument.text" not in mimetype:
        raise cannot_read(path, f"not an OpenDocument text file (it is {mimetype})")
    body = getattr(document, "text", None)
    if body is None:
        raise cannot_read(path, "not a valid .odt file (the document has no text body)")

    paragraphs = (_paragraph_text(p) for p in _paragraphs(body))
    return document_from_paragraphs(paragraphs, path, "odt")
