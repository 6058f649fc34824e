"""What a .docx says about each paragraph besides its text: styles and numbering.

A paragraph is a heading when its style is "Heading N" or "Title" (or sets an
outline level); a reference entry is often laid out with a hanging indent; a
list item carries Word numbering (``w:numPr``), whose number is not in the
paragraph's text but is what the reader sees ("1.", "[3]"), so a numbered
item's block starts with it, as in the printed page. Properties set on the
paragraph override those of its style, and a style inherits from the one it
is based on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from essaylint.lazy_pattern import compile_lazily
from essaylint.loaders.paragraphs import LoadedBlock
from essaylint.models import BlockKind, FieldCitation

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PPR = _W + "pPr"
_VAL = _W + "val"
_MAX_STYLE_DEPTH = 20
_NUMBERED_FORMATS = frozenset({"decimal", "decimalZero"})


def related_xml(part: Any, kinds: tuple[str, ...]) -> Iterator[tuple[str, Any]]:
    """(kind, root element) of each part of the document of these kinds ("styles", "footnotes")."""
    for rel in part.rels.values():
        if rel.is_external:
            continue
        kind = str(rel.reltype).rsplit("/", 1)[-1]
        if kind not in kinds:
            continue
        root = getattr(rel.target_part, "element", None)
        if root is None:  # python-docx keeps parts it has no class for as raw XML
            from docx.oxml.parser import parse_xml

            root = parse_xml(rel.target_part.blob)
        yield kind, root


@dataclass(frozen=True)
class _Format:
    """What a paragraph's properties (or its style's) say about its role."""

    style: str | None = None
    outline_level: int | None = None
    hanging: bool = False
    indented: bool = False
    shifted: bool = False  # the first line starts right of the margin (left or first-line indent)
    # Where, in twips from the margin, the first line and the lines after it start (None:
    # the paragraph and its style set no indent)
    first_at: int | None = None
    lines_at: int | None = None
    num_id: str | None = None
    num_level: int = 0


def _positive(twips: str | None) -> bool:
    """Is an indent, in twentieths of a point, right of the margin?"""
    return twips is not None and twips.isdigit() and int(twips) > 0


_TWIPS = compile_lazily(r"-?\d{1,6}(?:\.\d+)?")


def _twips(value: str | None) -> int:
    """An indent in twips ("720", "244.8" as some writers save it); 0 for none or another unit."""
    return round(float(value)) if value is not None and _TWIPS.fullmatch(value) else 0


def _read_properties(ppr: Any) -> _Format:
    if ppr is None:
        return _Format()
    outline = ppr.find(_W + "outlineLvl")
    level = outline.get(_VAL) if outline is not None else None
    indent = ppr.find(_W + "ind")
    hanging = indent is not None and (indent.get(_W + "hanging") or "0").strip("0") != ""
    shifted = (
        indent is not None
        and not hanging
        and any(_positive(indent.get(_W + side)) for side in ("left", "start", "firstLine"))
    )
    first_at = lines_at = None
    if indent is not None:
        lines_at = _twips(indent.get(_W + "left") or indent.get(_W + "start"))
        first_at = (
            lines_at - _twips(indent.get(_W + "hanging")) + _twips(indent.get(_W + "firstLine"))
        )
    num_pr = ppr.find(_W + "numPr")
    num_id = ilvl = None
    if num_pr is not None:
        num_el, ilvl_el = num_pr.find(_W + "numId"), num_pr.find(_W + "ilvl")
        num_id = num_el.get(_VAL) if num_el is not None else None
        ilvl = ilvl_el.get(_VAL) if ilvl_el is not None else None
    return _Format(
        outline_level=int(level) if level is not None and level.isdigit() else None,
        hanging=hanging,
        indented=indent is not None,
        shifted=shifted,
        first_at=first_at,
        lines_at=lines_at,
        num_id=num_id,
        num_level=int(ilvl) if ilvl is not None and ilvl.isdigit() else 0,
    )


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


@dataclass(frozen=True)
class _Level:
    numbered: bool  # a decimal number, not a bullet or a letter
    text: str  # "%1." or "[%1]"
    start: int


@dataclass
class WordStructure:
    """Styles and numbering of one document, and the running list counters."""

    styles: dict[str, Any] = field(default_factory=dict)
    levels: dict[tuple[str, int], _Level] = field(default_factory=dict)
    counters: dict[tuple[str, int], int] = field(default_factory=dict)
    _resolved: dict[str, _Format] = field(default_factory=dict)

    @classmethod
    def of(cls, part: Any) -> WordStructure:
        """Read the styles and numbering parts related to a python-docx document part."""
        structure = cls()
        for kind, root in related_xml(part, ("styles", "numbering")):
            if kind == "styles":
                structure._read_styles(root)
            else:
                structure._read_numbering(root)
        return structure

    def _read_styles(self, root: Any) -> None:
        for style in root.iter(_W + "style"):
            style_id = style.get(_W + "styleId")
            if style_id:
                self.styles[style_id] = style

    def _read_numbering(self, root: Any) -> None:
        abstract: dict[str, dict[int, _Level]] = {}
        for node in root.iter(_W + "abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in node.iter(_W + "lvl"):
                ilvl = str(lvl.get(_W + "ilvl") or "0")
                fmt = lvl.find(_W + "numFmt")
                text = lvl.find(_W + "lvlText")
                start = lvl.find(_W + "start")
                start_value = str(start.get(_VAL)) if start is not None else "1"
                levels[int(ilvl) if ilvl.isdigit() else 0] = _Level(
                    numbered=fmt is not None and fmt.get(_VAL) in _NUMBERED_FORMATS,
                    text=str(text.get(_VAL) or "") if text is not None else "",
                    start=int(start_value) if start_value.isdigit() else 1,
                )
            abstract[str(node.get(_W + "abstractNumId"))] = levels
        for num in root.iter(_W + "num"):
            ref = num.find(_W + "abstractNumId")
            levels = abstract.get(str(ref.get(_VAL)) if ref is not None else "", {})
            for depth, level in levels.items():
                self.levels[(str(num.get(_W + "numId")), depth)] = level

    def _resolve(self, style_id: str, depth: int = 0) -> _Format:
        if style_id in self._resolved:
            return self._resolved[style_id]
        style = self.styles.get(style_id)
        if style is None or depth > _MAX_STYLE_DEPTH:
            return _Format(style=style_id)
        name_el = style.find(_W + "name")
        own = _read_properties(style.find(_PPR))
        based = style.find(_W + "basedOn")
        parent = (
            self._resolve(str(based.get(_VAL)), depth + 1)
            if based is not None and based.get(_VAL)
            else _Format()
        )
        resolved = _Format(
            style=str(name_el.get(_VAL)) if name_el is not None else style_id,
            outline_level=parent.outline_level if own.outline_level is None else own.outline_level,
            hanging=own.hanging if own.indented else parent.hanging,
            indented=own.indented or parent.indented,
            shifted=own.shifted if own.indented else parent.shifted,
            first_at=own.first_at if own.indented else parent.first_at,
            lines_at=own.lines_at if own.indented else parent.lines_at,
            num_id=own.num_id or parent.num_id,
            num_level=own.num_level if own.num_id else parent.num_level,
        )
        self._resolved[style_id] = resolved
        return resolved

    def _label(self, num_id: str | None, ilvl: int) -> str | None:
        """The number Word shows before a list item ("3."), counting the list so far."""
        if not num_id or num_id == "0":
            return None
        level = self.levels.get((num_id, ilvl))
        if level is None or not level.numbered:
            return None
        key = (num_id, ilvl)
        value = self.counters.get(key, level.start - 1) + 1
        self.counters[key] = value
        for deeper in [k for k in self.counters if k[0] == num_id and k[1] > ilvl]:
            del self.counters[deeper]
        label = re.sub(r"%\d", str(value), level.text) if "%" in level.text else f"{value}."
        return label.strip() or None

    def block(
        self,
        p: Any,
        text: str,
        number: int,
        *,
        in_table: bool,
        links: tuple[tuple[str, str], ...] = (),
        fields: tuple[tuple[str, FieldCitation], ...] = (),
    ) -> LoadedBlock:
        """The block of paragraph ``p`` (the ``number``-th of the document)."""
        ppr = p.find(_PPR)
        own = _read_properties(ppr)
        style_el = ppr.find(_W + "pStyle") if ppr is not None else None
        style_id = style_el.get(_VAL) if style_el is not None else None
        inherited = self._resolve(str(style_id)) if style_id else _Format()
        outline = inherited.outline_level if own.outline_level is None else own.outline_level
        level = _heading_level(inherited.style, outline)
        num_id = own.num_id or inherited.num_id
        kind: BlockKind = "paragraph"
        if in_table:
            kind = "table-cell"
        elif level:
            kind = "heading"
        elif num_id and num_id != "0":
            kind = "list-item"
        label = None
        if kind == "list-item" and text.strip():
            label = self._label(num_id, own.num_level if own.num_id else inherited.num_level)
        return LoadedBlock(
            text=f"{label} {text.lstrip()}" if label else text,
            source=number,
            kind=kind,
            level=level if kind == "heading" else 0,
            style=inherited.style,
            # The paragraph's own indent overrides its style's.
            hanging_indent=own.hanging if own.indented else inherited.hanging,
            shifted=own.shifted if own.indented else inherited.shifted,
            first_at=own.first_at if own.indented else inherited.first_at,
            lines_at=own.lines_at if own.indented else inherited.lines_at,
            links=links,
            fields=fields,
        )
