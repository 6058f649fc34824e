"""Word .docx files (python-docx, imported lazily).

Every non-empty paragraph of the document body is one block, in document
order: body paragraphs, paragraphs inside tables (row by row, cell by cell)
and inside content controls (Word's generated bibliography lives in one).
The text has a blank line between blocks (see :mod:`essaylint.loaders.paragraphs`);
a finding reports the paragraph number (counting empty paragraphs too). A
manual line break inside a paragraph (Shift+Enter) starts a new text line
that still reports its paragraph's number.

Each block keeps what Word says about it: a heading (a "Heading N" or "Title"
style, or an outline level) and its level, the style name, a hanging indent
(the layout of a reference entry), a list item (Word numbering), a table cell.

Tracked insertions are read as text and tracked deletions are not; field
codes (``CITATION ...``, Zotero's ``ADDIN ZOTERO_ITEM ...``) are skipped while
their displayed results are kept. Text boxes, headers, footers and footnotes
are not read.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from essaylint.loaders.errors import LoadError, cannot_read
from essaylint.loaders.paragraphs import LoadedBlock, document_from_blocks
from essaylint.models import BlockKind, Document

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P = _W + "p"
_TBL = _W + "tbl"
_T = _W + "t"
_TAB = _W + "tab"
_BR = _W + "br"
_CR = _W + "cr"
_NO_BREAK_HYPHEN = _W + "noBreakHyphen"
_SOFT_HYPHEN = _W + "softHyphen"
_SECT_PR = _W + "sectPr"
_TC = _W + "tc"
_PPR = _W + "pPr"
_VAL = _W + "val"
# Subtrees whose text is not part of the paragraph's running text.
_SKIP = frozenset(
    {
        _W + "del",
        _W + "txbxContent",
        _W + "instrText",
        _W + "delInstrText",
        _W + "pPr",
        _W + "rPr",
        _MC + "Fallback",
    }
)

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAIN_PART = "word/document.xml"
# A document.xml bigger than this when unzipped is refused (zip bombs).
_MAX_XML_BYTES = 512 * 1024 * 1024


def is_docx_zip(data: bytes) -> bool:
    """True when ``data`` is a zip archive holding ``word/document.xml``."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _MAIN_PART in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _check_container(data: bytes, path: str) -> None:
    """Raise a precise LoadError when ``data`` is not a readable .docx zip."""
    if data.startswith(_OLE_MAGIC):
        raise cannot_read(
            path,
            "is encrypted or not a .docx (an old binary Word file?); "
            "remove the password or save it as .docx",
        )
    if not data.startswith(b"PK"):
        raise cannot_read(path, "not a valid .docx file (it is not a zip container)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            if _MAIN_PART not in names:
                raise cannot_read(path, "not a valid .docx file (the zip has no word/document.xml)")
            if archive.getinfo(_MAIN_PART).file_size > _MAX_XML_BYTES:
                raise cannot_read(path, "the document text is too large to read")
            if archive.testzip() is not None:
                raise cannot_read(path, "not a valid .docx file (the zip container is damaged)")
    except LoadError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise cannot_read(path, "not a valid .docx file (the zip container is damaged)") from None
    except Exception:  # zlib.error, NotImplementedError (unknown compression), ...
        raise cannot_read(path, "not a valid .docx file (the zip container is damaged)") from None


def _paragraph_text(p: Any) -> str:
    parts: list[str] = []
    stack: list[Any] = [iter(p)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _T:
            parts.append(child.text or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag in (_BR, _CR):
            parts.append("\n")
        elif tag == _NO_BREAK_HYPHEN:
            parts.append("-")
        elif tag == _SOFT_HYPHEN:
            parts.append("\u00ad")
        elif tag == _P:
            continue  # a paragraph nested in a paragraph (text box): not running text
        else:
            stack.append(iter(child))
    return "".join(parts)


def _block_paragraphs(container: Any) -> Iterator[tuple[Any, bool]]:
    """Every ``w:p`` under a body-like container in document order, and whether it is in a table."""
    stack: list[tuple[Iterator[Any], bool]] = [(iter(container), False)]
    while stack:
        children, in_table = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if not isinstance(tag, str) or tag == _SECT_PR or tag in _SKIP:
            continue
        if tag == _P:
            yield child, in_table
        else:  # tables, rows, cells, content controls, custom XML: look inside
            stack.append((iter(child), in_table or tag == _TC))


@dataclass(frozen=True)
class _ParagraphFormat:
    """What a paragraph's properties (or its style's) say about its role."""

    style: str | None = None
    outline_level: int | None = None
    hanging: bool = False
    indented: bool = False
    numbered: bool = False


def _read_properties(ppr: Any) -> _ParagraphFormat:
    if ppr is None:
        return _ParagraphFormat()
    outline = ppr.find(_W + "outlineLvl")
    level = outline.get(_VAL) if outline is not None else None
    indent = ppr.find(_W + "ind")
    hanging = indent is not None and (indent.get(_W + "hanging") or "0").strip("0") != ""
    return _ParagraphFormat(
        outline_level=int(level) if level is not None and level.isdigit() else None,
        hanging=hanging,
        indented=indent is not None,
        numbered=ppr.find(_W + "numPr") is not None,
    )


class _Styles:
    """Paragraph styles by id, with what each one (and those it is based on) sets."""

    def __init__(self, root: Any) -> None:
        self._styles: dict[str, Any] = {}
        if root is not None:
            for style in root.iter(_W + "style"):
                style_id = style.get(_W + "styleId")
                if style_id:
                    self._styles[style_id] = style
        self._cache: dict[str, _ParagraphFormat] = {}

    def resolve(self, style_id: str, depth: int = 0) -> _ParagraphFormat:
        if style_id in self._cache:
            return self._cache[style_id]
        style = self._styles.get(style_id)
        if style is None or depth > 20:
            return _ParagraphFormat(style=style_id)
        name_el = style.find(_W + "name")
        name = name_el.get(_VAL) if name_el is not None else style_id
        own = _read_properties(style.find(_PPR))
        based = style.find(_W + "basedOn")
        parent = (
            self.resolve(str(based.get(_VAL)), depth + 1)
            if based is not None and based.get(_VAL)
            else _ParagraphFormat()
        )
        resolved = _ParagraphFormat(
            style=name,
            outline_level=own.outline_level
            if own.outline_level is not None
            else parent.outline_level,
            hanging=own.hanging or parent.hanging,
            numbered=own.numbered or parent.numbered,
        )
        self._cache[style_id] = resolved
        return resolved


def _heading_level(style: str | None, outline_level: int | None) -> int:
    """1-6 for a heading paragraph, 0 for any other."""
    name = (style or "").strip().casefold()
    match = re.fullmatch(r"heading\s*(\d)", name)
    if match:
        return min(6, max(1, int(match.group(1))))
    if name in ("title", "subtitle"):
        return 1 if name == "title" else 2
    if outline_level is not None and 0 <= outline_level <= 5:
        return outline_level + 1
    return 0


def _block(p: Any, text: str, number: int, in_table: bool, styles: _Styles) -> LoadedBlock:
    ppr = p.find(_PPR)
    own = _read_properties(ppr)
    style_el = ppr.find(_W + "pStyle") if ppr is not None else None
    style_id = style_el.get(_VAL) if style_el is not None else None
    inherited = styles.resolve(str(style_id)) if style_id else _ParagraphFormat()
    outline = own.outline_level if own.outline_level is not None else inherited.outline_level
    level = _heading_level(inherited.style, outline)
    kind: BlockKind = "paragraph"
    if in_table:
        kind = "table-cell"
    elif level:
        kind = "heading"
    elif own.numbered or inherited.numbered:
        kind = "list-item"
    return LoadedBlock(
        text=text,
        source=number,
        kind=kind,
        level=level if kind == "heading" else 0,
        style=inherited.style,
        # The paragraph's own indent overrides its style's.
        hanging_indent=own.hanging if own.indented else inherited.hanging,
    )


def load_docx(data: bytes, path: str) -> Document:
    """Read a .docx file's paragraphs into a Document (format ``"docx"``)."""
    _check_container(data, path)
    try:
        from docx.opc.package import OpcPackage

        package = OpcPackage.open(io.BytesIO(data))
        part = package.main_document_part
        content_type = str(part.content_type)
        if "wordprocessingml" not in content_type:
            raise cannot_read(path, f"not a Word document (its main part is {content_type})")
        root = part.element
        styles = _Styles(_styles_root(part))
    except LoadError:
        raise
    except KeyError as error:
        raise cannot_read(
            path, f"not a valid .docx file (missing part {error.args[0] if error.args else ''})"
        ) from None
    except Exception as error:  # lxml XMLSyntaxError, PackageNotFoundError, ...
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise cannot_read(path, f"not a valid .docx file ({reason})") from None

    body = root.find(_W + "body")
    if body is None:
        raise cannot_read(path, "not a valid .docx file (the document has no body)")

    blocks = (
        _block(p, _paragraph_text(p), number, in_table, styles)
        for number, (p, in_table) in enumerate(_block_paragraphs(body), start=1)
    )
    return document_from_blocks(blocks, path, "docx")


def _styles_root(part: Any) -> Any:
    """The ``w:styles`` element of the document's styles part, or None when it has none."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    for rel in part.rels.values():
        if rel.reltype == RT.STYLES and not rel.is_external:
            return getattr(rel.target_part, "element", None)
    return None
