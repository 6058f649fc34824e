"""Word .docx files (python-docx, imported lazily).

Every non-empty paragraph of the document body is one block, in document
order: body paragraphs, paragraphs inside tables (row by row, cell by cell)
and inside content controls (Word's generated bibliography lives in one).
The text has a blank line between blocks (see :mod:`essaylint.loaders.paragraphs`);
a finding reports the paragraph number (counting empty paragraphs too). A
manual line break inside a paragraph (Shift+Enter) starts a new text line
that still reports its paragraph's number.

Each block keeps what Word says about it (see
:mod:`essaylint.loaders.word_structure`): a heading and its level, the style
name, a hanging indent, a list item and its number, a table cell.

Tracked insertions are read as text and tracked deletions are not; field
codes (``CITATION ...``, Zotero's ``ADDIN ZOTERO_ITEM ...``) are not text while
their displayed results are; a citation manager's field also tells which works
it cites (see :mod:`essaylint.loaders.word_fields`). Superscript numbers glued
to a word are numeric citations, written "[13]" (see
:mod:`essaylint.loaders.superscript`). Text boxes, headers, footers and footnotes
are not read.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from essaylint.lazy_pattern import compile_lazily
from essaylint.loaders.errors import LoadError, cannot_read
from essaylint.loaders.paragraphs import LoadedBlock, document_from_blocks
from essaylint.loaders.superscript import superscript_citation
from essaylint.loaders.word_fields import (
    FLD_CHAR,
    FLD_SIMPLE,
    INSTR_TEXT,
    FieldReader,
    citation_sources,
)
from essaylint.loaders.word_notes import ENDNOTE_REFERENCE, FOOTNOTE_REFERENCE, WordNotes
from essaylint.loaders.word_structure import WordStructure
from essaylint.models import Document, FieldCitation

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P = _W + "p"
_R = _W + "r"
_RPR = _W + "rPr"
_VERT_ALIGN = _W + "vertAlign"
_T = _W + "t"
_TAB = _W + "tab"
_BR = _W + "br"
_CR = _W + "cr"
_NO_BREAK_HYPHEN = _W + "noBreakHyphen"
_SOFT_HYPHEN = _W + "softHyphen"
_SECT_PR = _W + "sectPr"
_TC = _W + "tc"
_HYPERLINK = _W + "hyperlink"
# Elements that hold paragraphs below the body (property elements hold none: not walked).
_CONTAINERS = frozenset(
    _W + name
    for name in ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "smartTag", "ins", "moveTo")
)
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_WEB_TARGET = compile_lazily(r"^\s*https?://", re.IGNORECASE)
# Subtrees whose text is not part of the paragraph's running text.
_SKIP = frozenset(
    {
        _W + "del",
        _W + "txbxContent",
        _W + "delInstrText",
        _W + "pPr",
        _W + "rPr",
        _MC + "Fallback",
    }
)

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAIN_PART = "word/document.xml"
_PACKAGE_RELS = "_rels/.rels"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_DOCUMENT = "/officeDocument"
# A package's relationships are a few lines; a bigger part is not read for them.
_MAX_RELS_BYTES = 1024 * 1024
# A document.xml bigger than this when unzipped is refused (zip bombs).
_MAX_XML_BYTES = 512 * 1024 * 1024


def _main_part(archive: zipfile.ZipFile) -> str | None:
    """The name of the archive's main document part, or None when it has none.

    Word names it ``word/document.xml``; Word for the web and other writers may
    name it otherwise (``word/document2.xml``): the package's relationships say
    which part is the office document.
    """
    names = set(archive.namelist())
    if _PACKAGE_RELS in names and archive.getinfo(_PACKAGE_RELS).file_size <= _MAX_RELS_BYTES:
        from lxml import etree  # type: ignore[import-untyped]

        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        try:
            root = etree.fromstring(archive.read(_PACKAGE_RELS), parser)
        except etree.XMLSyntaxError:
            root = None
        for rel in root.iter(_RELATIONSHIP) if root is not None else ():
            if str(rel.get("Type", "")).endswith(_OFFICE_DOCUMENT):
                target = str(rel.get("Target", "")).lstrip("/")
                if target in names:
                    return target
    return _MAIN_PART if _MAIN_PART in names else None


def is_docx_zip(data: bytes) -> bool:
    """True when ``data`` is a zip archive holding a Word main document part."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            part = _main_part(archive)
            return part is not None and part.startswith("word/")
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
            main = _main_part(archive)
            if main is None:
                raise cannot_read(path, "not a valid .docx file (the zip has no word/document.xml)")
            if archive.getinfo(main).file_size > _MAX_XML_BYTES:
                raise cannot_read(path, "the document text is too large to read")
            if archive.testzip() is not None:
                raise cannot_read(path, "not a valid .docx file (the zip container is damaged)")
    except LoadError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise cannot_read(path, "not a valid .docx file (the zip container is damaged)") from None
    except Exception:  # zlib.error, NotImplementedError (unknown compression), ...
        raise cannot_read(path, "not a valid .docx file (the zip container is damaged)") from None


@dataclass(frozen=True)
class _SimpleEnd:
    """Met after the children of a ``w:fldSimple``: its result ends here."""

    element: Any
    start: int


def _is_superscript(run: Any) -> bool:
    rpr = run.find(_RPR)
    align = rpr.find(_VERT_ALIGN) if rpr is not None else None
    return align is not None and align.get(_W + "val") == "superscript"


def _read_paragraph(
    p: Any, notes: WordNotes | None = None, fields: FieldReader | None = None
) -> tuple[str, tuple[tuple[str, FieldCitation], ...]]:
    """The visible text of paragraph ``p`` and the citation fields whose results it holds."""
    parts: list[str] = []
    raised: list[bool] = []  # each part is the text of a superscript run
    stack: list[tuple[Iterator[Any], bool]] = [(iter(p), False)]
    if fields is not None:
        fields.start_paragraph()
    while stack:
        children, superscript = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            continue
        if isinstance(child, _SimpleEnd):
            if fields is not None:
                fields.simple(child.element, child.start, len(parts))
            continue
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag == INSTR_TEXT:
            if fields is not None:
                fields.instruction(child.text or "")
            continue
        if tag in _SKIP:
            continue
        piece: str | None = None
        if tag == _T:
            piece = child.text or ""
        elif tag == FLD_CHAR:
            if fields is not None:
                fields.char(child, len(parts))
        elif tag == _TAB:
            piece = "\t"
        elif tag in (_BR, _CR):
            piece = "\n"
        elif tag == _NO_BREAK_HYPHEN:
            piece = "-"
        elif tag == _SOFT_HYPHEN:
            piece = "\u00ad"
        elif tag in (FOOTNOTE_REFERENCE, ENDNOTE_REFERENCE):
            parts.append(notes.mark(child) if notes is not None else "")
            raised.append(False)  # a note mark is not a superscript citation
        elif tag != _P:  # a paragraph nested in a paragraph (text box) is not running text
            if tag == FLD_SIMPLE:
                stack.append((iter([_SimpleEnd(child, len(parts))]), superscript))
            stack.append((iter(child), superscript or (tag == _R and _is_superscript(child))))
        if piece is not None:
            parts.append(piece)
            raised.append(superscript and tag == _T)
    text, offsets = _render(parts, raised)
    found: list[tuple[str, FieldCitation]] = []
    for read in fields.done if fields is not None else ():
        visible = text[offsets[read.start] : offsets[read.end]].strip()
        if visible:
            found.append(
                (visible, FieldCitation(start=0, end=0, manager=read.manager, works=read.works))
            )
    return text, tuple(found)


def _render(parts: list[str], raised: list[bool]) -> tuple[str, list[int]]:
    """The paragraph's text, superscript citations in brackets; where each part starts in it."""
    out: list[str] = []
    offsets: list[int] = []
    length = 0
    recent = ""  # the last characters written, to see what a superscript is glued to
    i = 0
    while i < len(parts):
        j = i + 1
        if raised[i]:
            while j < len(parts) and raised[j]:
                j += 1
        group = "".join(parts[i:j])
        rendered = superscript_citation(recent, group) if raised[i] else None
        if rendered is None:
            for piece in parts[i:j]:
                offsets.append(length)
                out.append(piece)
                length += len(piece)
        else:
            offsets += [length] * (j - i)
            out.append(rendered)
            length += len(rendered)
        recent = (recent + (rendered if rendered is not None else group))[-8:]
        i = j
    offsets.append(length)
    return "".join(out), offsets


def _paragraph_text(p: Any, notes: WordNotes | None = None) -> str:
    return _read_paragraph(p, notes)[0]


def _links(p: Any, targets: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """(visible text, web address) of each hyperlink in paragraph ``p``."""
    found = []
    for link in p.iter(_HYPERLINK):
        target = targets.get(link.get(_REL_ID) or "")
        if target:
            found.append(("".join(t.text or "" for t in link.iter(_T)), target))
    return tuple(found)


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
        elif tag in _CONTAINERS:  # tables, rows, cells, content controls, custom XML
            stack.append((iter(child), in_table or tag == _TC))


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
        structure = WordStructure.of(part)
        notes = WordNotes.of(part)
        sources = citation_sources(part)
        targets = {
            rel_id: str(rel.target_ref)
            for rel_id, rel in part.rels.items()
            if rel.is_external and _WEB_TARGET.match(str(rel.target_ref))
        }
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

    fields = FieldReader(sources)
    return document_from_blocks(_blocks(body, structure, notes, targets, fields), path, "docx")


def _blocks(
    body: Any,
    structure: WordStructure,
    notes: WordNotes,
    targets: dict[str, str],
    fields: FieldReader,
) -> Iterator[LoadedBlock]:
    """Every paragraph's block in document order, each followed by the notes it marks."""
    for number, (p, in_table) in enumerate(_block_paragraphs(body), start=1):
        text, cited = _read_paragraph(p, notes, fields)
        yield structure.block(
            p, text, number, in_table=in_table, links=_links(p, targets), fields=cited
        )
        yield from notes.blocks_after(p, number, _paragraph_text)
