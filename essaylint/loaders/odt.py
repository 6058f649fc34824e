"""OpenDocument text files, .odt (odfpy, imported lazily).

As for .docx, every non-empty paragraph or heading of the document body is
one block, in document order (list items and table cells included), with a
blank line between blocks, and a finding's line is the paragraph number. A line
break inside a paragraph starts a new text line that keeps its paragraph's
number. Headings (``text:h`` with their outline level), list items and table
cells are recorded as such in ``Document.blocks``.

ODF's own spacing rules apply: a run of white space in the XML is one space,
and ``<text:s text:c="3"/>`` is three. Footnotes and endnotes, comments,
tracked deletions, frames and text boxes are not running text and are
skipped; the reference list is expected in the body, as in .docx. A raised
(superscript) span of numbers glued to a word is a numeric citation, written
"[13]" (see :mod:`essaylint.loaders.superscript`).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from essaylint.lazy_pattern import compile_lazily
from essaylint.loaders.errors import LoadError, cannot_read
from essaylint.loaders.paragraphs import LoadedBlock, document_from_blocks
from essaylint.loaders.superscript import superscript_citation
from essaylint.models import BlockKind, Document

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_RAISED = compile_lazily(r"[1-9]\d*(?:\.\d+)?%")  # a positive raise: "33%"
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
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_CONTAINER_KINDS: dict[tuple[str, str], BlockKind] = {
    (_TEXT, "list-item"): "list-item",
    (_TABLE, "table-cell"): "table-cell",
}
_SPACES = compile_lazily(r"[ \t\r\n]+")
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


def _superscript_styles(document: Any) -> frozenset[str]:
    """Names of the text styles that raise their text (``style:text-position="super …"``)."""
    names: set[str] = set()
    for holder in (getattr(document, "automaticstyles", None), getattr(document, "styles", None)):
        for style in getattr(holder, "childNodes", ()):
            if getattr(style, "qname", None) != (_STYLE, "style"):
                continue
            for props in style.childNodes:
                if getattr(props, "qname", None) != (_STYLE, "text-properties"):
                    continue
                position = str(props.getAttribute("textposition") or "").split()
                if position and (position[0] == "super" or _RAISED.fullmatch(position[0])):
                    names.add(str(style.getAttribute("name")))
    return frozenset(names)


def _all_text(node: Any) -> str:
    if node.nodeType == _TEXT_NODE:
        return str(node.data)
    return "".join(_all_text(child) for child in getattr(node, "childNodes", ()))


def _paragraph_text(paragraph: Any, raised: frozenset[str] = frozenset()) -> str:
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
        elif name == (_TEXT, "span") and str(node.getAttribute("stylename")) in raised:
            shown = _SPACES.sub(" ", _all_text(node))
            cited = superscript_citation("".join(parts[-3:])[-8:], shown)
            if cited is not None:  # "rate" + raised "13": a numeric citation, "rate[13]"
                parts.append(cited)
            else:
                stack.append(iter(node.childNodes))
        else:  # spans, links, bookmarks, fields: their text is running text
            stack.append(iter(node.childNodes))
    return "".join(parts)


def _paragraphs(body: Any) -> Iterator[tuple[Any, BlockKind]]:
    """Every paragraph and heading under the body, in document order, with its kind."""
    stack: list[tuple[Iterator[Any], BlockKind]] = [(iter(body.childNodes), "paragraph")]
    while stack:
        children, inside = stack[-1]
        node = next(children, None)
        if node is None:
            stack.pop()
            continue
        if node.nodeType != _ELEMENT or node.qname in _SKIP or node.qname[0] == _DRAW:
            continue
        if node.qname == (_TEXT, "h"):
            yield node, "heading"
        elif node.qname in _PARAGRAPHS:
            yield node, inside
        else:  # lists, list items, tables, rows, cells, sections: look inside
            kind = _CONTAINER_KINDS.get(node.qname, inside)
            stack.append((iter(node.childNodes), kind if inside == "paragraph" else inside))


def _block(node: Any, kind: BlockKind, number: int, raised: frozenset[str]) -> LoadedBlock:
    level = 0
    if kind == "heading":
        raw = str(node.getAttribute("outlinelevel") or "1")
        level = min(6, max(1, int(raw))) if raw.isdigit() else 1
    style = node.getAttribute("stylename")
    return LoadedBlock(
        text=_paragraph_text(node, raised),
        source=number,
        kind=kind,
        level=level,
        style=str(style) if style else None,
    )


def _text_body(document: Any) -> Any:
    """The ``office:text`` element. odfpy's ``document.text`` is an empty stand-in when the
    file puts white space between ``office:body`` and it, as pandoc writes it."""
    from odf.office import Text

    found = document.body.getElementsByType(Text) if document.body is not None else []
    return found[0] if found else getattr(document, "text", None)


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
    body = _text_body(document)
    if body is None:
        raise cannot_read(path, "not a valid .odt file (the document has no text body)")

    raised = _superscript_styles(document)
    blocks = (
        _block(node, kind, number, raised)
        for number, (node, kind) in enumerate(_paragraphs(body), start=1)
    )
    return document_from_blocks(blocks, path, "odt")
