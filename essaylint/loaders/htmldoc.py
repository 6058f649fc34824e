"""HTML files (BeautifulSoup with the standard ``html.parser``, imported lazily).

The Document text is the essay's visible text only: ``<head>``, ``<script>``,
``<style>``, ``<template>``, ``<noscript>``, the site's ``<nav>`` menus and
``<footer>``, and elements with a ``hidden`` attribute are dropped, entities are
decoded and whitespace is collapsed as a browser would (non-breaking spaces are kept).
Every block element (``p``, ``li``, ``h1``-``h6``, ``div``, ``tr``, ``blockquote``
...) starts a new block,
with a blank line between blocks as for .docx (see
:mod:`essaylint.loaders.paragraphs`); ``<br>`` starts a new line of the same
block; table cells in a row are separated by a tab; ``<pre>`` keeps its lines, and
so does a paragraph typed as a list of entries, one to a source line (``_entry_cuts``).
Headings (with their level), list items, table rows and ``<pre>`` code are
recorded as such in ``Document.blocks``, and a ``<figcaption>`` with the style
"caption"; the items of an ordered list start with their number ("3. "), as a
browser shows them. A ``<sup>`` of numbers
glued to a word is a numeric citation, written "[13]" (see
:mod:`essaylint.loaders.superscript`). Web links are kept in
``Document.hyperlinks`` (a title linked to its DOI gives its entry a DOI).
A blank source line inside a paragraph starts a new block, as the writer typed
paragraphs (a list typed into one ``<p>``); single newlines only wrap. A ``<head>``
left open ends, as in a browser, at the first thing that cannot be in a head.
``source_lines`` maps each text line to the HTML source line where its text
starts, and ``source_anchors`` the line and column of each piece of text, so a
finding inside a paragraph wrapped over many source lines is placed where it is.

Suppression comments (``<!-- essaylint: ignore[C104] -->``) are kept in the
text, where they stood, in that same form; other comments are dropped.
"""

from __future__ import annotations

import itertools
import re
import warnings
from typing import Any

from essaylint.analysis.entry_shape import has_entry_head
from essaylint.lazy_pattern import compile_lazily
from essaylint.loaders.paragraphs import LoadedBlock, document_from_blocks
from essaylint.loaders.superscript import superscript_citation
from essaylint.models import BlockKind, Document

BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
        "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
        "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
    }
)  # fmt: skip
# What a browser does not show, and a site's menus and page footer ("Back to top", "©
# 2024 ..."), which are the page's, not the essay's.
SKIP_TAGS = frozenset(
    {"head", "script", "style", "template", "noscript", "iframe", "object", "svg", "math",
     "nav", "footer"}
)  # fmt: skip
CELL_TAGS = frozenset({"td", "th"})

_SPACE = compile_lazily(r"[ \t\n\r\f]+")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


_WEB_LINK = compile_lazily(r"^\s*https?://", re.IGNORECASE)
_LIST_TAGS = frozenset({"ol", "ul", "menu", "dir"})


def _int_attr(node: Any, name: str, default: int) -> int:
    value = str(node.get(name) or "").strip()
    return int(value) if value.lstrip("-").isdigit() and len(value) < 7 else default


def _list_counter(node: Any) -> int | None:
    """The number before an ordered list's first item (None for an unordered list)."""
    if (node.name or "").lower() != "ol":
        return None
    return _int_attr(node, "start", 1) - 1


def _kind_in(open_blocks: list[str]) -> tuple[BlockKind, int]:
    """The kind of text inside these open block elements: the innermost one that says."""
    for tag in reversed(open_blocks):
        kind, level = _kind_of(tag)
        if kind != "paragraph":
            return kind, level
    return "paragraph", 0


def _kind_of(tag: str) -> tuple[BlockKind, int]:
    """The block kind (and heading level) of a block element."""
    if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
        return "heading", int(tag[1])
    if tag in ("li", "dd", "dt"):
        return "list-item", 0
    if tag in ("tr", "table", "tbody", "thead", "tfoot", "caption"):
        return "table-cell", 0
    if tag == "pre":
        return "code", 0
    return "paragraph", 0


_MIN_ENTRY_LINES = 3


def _entry_cuts(text: str, anchors: list[tuple[int, int, int]]) -> list[int]:
    """Where a paragraph typed as a list of entries, one to a source line, breaks: at each
    source line that opens with an entry's head (:func:`has_entry_head`: "Jorgensen, R.
    F., 2001. ...", "WHO (2019) ..."), when three lines at least do so. A browser runs
    such a list together; its writer and its reader see a list. Other paragraphs stay
    whole, their source lines run together."""
    line_starts = [0]
    last_line: int | None = None
    for at, line, _column in anchors:
        if last_line is not None and line > last_line and at > 0:
            line_starts.append(at)
        last_line = line
    bounds = itertools.pairwise([*line_starts, len(text)])
    heads = [start for start, end in bounds if has_entry_head(text[start:end])]
    cuts = [start for start in heads if start > 0]
    return cuts if len(heads) >= _MIN_ENTRY_LINES else []


class _Blocks:
    """Collects blocks, their lines and where in the source each piece of text starts.

    Whitespace is collapsed as text arrives, so each piece's place in its line is
    known: an anchor ``(column in the line, source line, source column)`` is kept
    for every piece (source column 0 where the source does not tell it).
    """

    def __init__(self) -> None:
        self.blocks: list[LoadedBlock] = []
        self.lines: list[str] = []
        self.sources: list[int] = []
        self.anchors: list[tuple[int, int, int, int]] = []
        self.links: list[tuple[str, str]] = []
        self.pieces: list[str] = []
        self.length = 0
        self.line_anchors: list[tuple[int, int, int]] = []
        self.first: int | None = None
        self.verbatim = False
        self.gap = False  # a blank source line since the last text

    def add(self, text: str, line: int, *, column: int = 0, verbatim: bool = False) -> None:
        if not verbatim and text[:1] == " " and (not self.pieces or self.pieces[-1][-1] == " "):
            text = text[1:]  # collapsed with the space before it, or leading
        if not text:
            return
        if self.first is None and text.strip(" \t"):
            self.first = line
        self.verbatim = self.verbatim or verbatim
        if text.strip(" \t"):
            self.line_anchors.append((self.length, line, column))
        self.pieces.append(text)
        self.length += len(text)

    def recent(self) -> str:
        """The last characters of the current line (what a superscript is glued to)."""
        return "".join(self.pieces[-3:])[-8:]

    def cell_break(self) -> None:
        if self.first is not None:
            self.pieces.append("\t")
            self.length += 1

    def line_break(self, *, entries: bool = False) -> None:
        """End the current line; the block goes on (``<br>``, a line of ``<pre>``).

        ``entries``: the line ends a paragraph, which is cut where a source line opens an
        entry (:func:`_entry_cuts`)."""
        if self.first is not None:
            text = "".join(self.pieces)
            text = text.rstrip() if self.verbatim else text.rstrip(" \t")
            if text.strip():
                cuts = _entry_cuts(text, self.line_anchors) if entries else []
                for start, end in itertools.pairwise([0, *cuts, len(text)]):
                    self._add_line(text, start, end)
        self.pieces = []
        self.length = 0
        self.line_anchors = []
        self.first = None
        self.verbatim = False

    def _add_line(self, text: str, start: int, end: int) -> None:
        """Add ``text[start:end]`` as a line, with the anchors that fall in it."""
        piece = text[start:end].rstrip(" ")
        index = len(self.lines)
        inside = [(at, line, column) for at, line, column in self.line_anchors if start <= at < end]
        self.anchors += [(index, at - start, line, column) for at, line, column in inside]
        self.lines.append(piece)
        self.sources.append(inside[0][1] if inside and start else (self.first or 1))

    def end_block(self, open_blocks: list[str]) -> None:
        self.line_break(entries=_kind_in(open_blocks)[0] == "paragraph")
        self.gap = False
        if self.lines:
            kind, level = _kind_in(open_blocks)
            self.blocks.append(
                LoadedBlock(
                    text="\n".join(self.lines),
                    source=self.sources[0],
                    line_sources=tuple(self.sources),
                    kind=kind,
                    level=level,
                    # a figure's caption credits its image, as Word's Caption style does
                    style="caption" if "figcaption" in open_blocks else None,
                    links=tuple(self.links),
                    anchors=tuple(self.anchors),
                )
            )
        self.lines = []
        self.sources = []
        self.anchors = []
        self.links = []


HEAD_CONTENT_TAGS = frozenset(
    {"base", "basefont", "bgsound", "link", "meta", "title", "noscript", "noframes",
     "style", "script", "template"}
)  # fmt: skip


def _after_head_content(children: list[Any]) -> list[Any]:
    """What follows a ``<head>``'s own content among its children: a head whose end tag is
    missing holds the page too, from the first element or text that cannot be in a head."""
    from bs4.element import NavigableString, Tag

    for index, child in enumerate(children):
        if isinstance(child, Tag):
            if (child.name or "").lower() not in HEAD_CONTENT_TAGS:
                return children[index:]
        elif type(child) is NavigableString and str(child).strip():
            return children[index:]
    return []


class _StartTagEnds:
    """Where a start tag ends in the markup, read from the '<' bs4 located it by."""

    LONGEST = 4000  # a longer start tag is not looked for (its text's column stays unknown)

    def __init__(self, markup: str) -> None:
        self.markup = markup
        self.line_offsets = [0] + [m.end() for m in re.finditer("\n", markup)]

    def column_after(self, tag: Any, line: int) -> int:
        """The 1-based column just after ``tag``'s start tag, if it ends on ``line`` (else 0)."""
        if tag is None or tag.sourceline is None or tag.sourcepos is None:
            return 0
        start_line: int = tag.sourceline
        start_column: int = tag.sourcepos
        if not 0 < start_line <= len(self.line_offsets):
            return 0
        at = self.line_offsets[start_line - 1] + start_column
        quote = ""
        for index in range(at, min(len(self.markup), at + self.LONGEST)):
            char = self.markup[index]
            if quote:
                quote = "" if char == quote else quote
            elif char in "\"'" and self.markup[index - 1] in "= ":
                quote = char
            elif char == ">":
                ends_on = start_line + self.markup.count("\n", at, index)
                if ends_on != line:
                    return 0
                return index - self.line_offsets[ends_on - 1] + 2
        return 0


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def html_to_blocks(markup: str) -> list[LoadedBlock]:
    """The visible text of ``markup`` as blocks, each with the 1-based source line it starts on."""
    from bs4 import BeautifulSoup
    from bs4.element import (
        CData,
        Comment,
        Declaration,
        Doctype,
        NavigableString,
        ProcessingInstruction,
        Tag,
    )

    with warnings.catch_warnings():
        # bs4 warns about markup that looks like a file name or like XML; not our problem.
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(markup, "html.parser")
    out = _Blocks()
    open_blocks: list[str] = ["body"]
    lists: list[int | None] = []  # per open list: the last number of an <ol>, None for <ul>
    current = 1
    pre_depth = 0
    # Iterative walk: (node, False) enters a node, (tag, True) leaves a tag.
    stack: list[tuple[Any, bool]] = [(child, False) for child in reversed(soup.contents)]
    tags_end = _StartTagEnds(markup)
    opened: Any = None  # the tag just entered: text next starts where its start tag ends
    while stack:
        node, leaving = stack.pop()
        just_opened, opened = opened, None
        if isinstance(node, Tag):
            name = (node.name or "").lower()
            if leaving:
                if name in BLOCK_TAGS:
                    out.end_block(open_blocks)
                    open_blocks.pop()
                if name in _LIST_TAGS and lists:
                    lists.pop()
                if name == "pre":
                    pre_depth -= 1
                continue
            if node.sourceline is not None:
                current = node.sourceline
            if name == "head":
                # A head nobody closed ends where a browser ends it: at the first thing
                # that cannot be in a head (<body>, a <p>, visible text).
                page = _after_head_content(node.contents)
                for child in node.contents[: len(node.contents) - len(page)]:
                    if isinstance(child, Tag) and child.sourceline is not None:
                        current = child.sourceline
                    current += (child.get_text() if isinstance(child, Tag) else str(child)).count(
                        "\n"
                    )
                stack.extend((child, False) for child in reversed(page))
                continue
            if name in SKIP_TAGS or node.has_attr("hidden"):
                current += node.get_text().count("\n")
                continue
            if name == "br":
                out.line_break()
                opened = node
                continue
            if name == "sup" and not pre_depth:
                shown = _SPACE.sub(" ", node.get_text())
                cited = superscript_citation(out.recent(), shown)
                if cited is not None:  # "rate<sup>13</sup>": a numeric citation, "rate[13]"
                    out.add(cited, current)
                    current += node.get_text().count("\n")
                    continue
            if name in BLOCK_TAGS:
                out.end_block(open_blocks)
                open_blocks.append(name)
            if name in _LIST_TAGS:
                lists.append(_list_counter(node))
            elif name == "li" and lists and lists[-1] is not None:
                # An ordered list's numbers are visible text, as a browser shows them.
                lists[-1] = _int_attr(node, "value", lists[-1] + 1)
                out.add(f"{lists[-1]}. ", current)
            elif name in CELL_TAGS:
                out.cell_break()
            elif name == "a" and _WEB_LINK.match(str(node.get("href") or "")):
                out.links.append((node.get_text(), str(node.get("href")).strip()))
            if name == "pre":
                pre_depth += 1
            opened = node
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))
            continue
        if not isinstance(node, NavigableString):
            continue
        raw = str(node)
        if isinstance(node, Comment):
            if "essaylint:" in raw:
                out.add(f"<!--{raw}-->", current)
            current += raw.count("\n")
            continue
        if isinstance(node, (CData, Declaration, Doctype, ProcessingInstruction)):
            current += raw.count("\n")
            continue
        if pre_depth:
            for i, piece in enumerate(raw.split("\n")):
                if i:
                    out.line_break()
                    current += 1
                out.add(piece.rstrip("\r"), current, verbatim=True)
            continue
        segments = raw.split("\n")
        # Where the first segment starts: right after the start tag just read, if any.
        column = tags_end.column_after(just_opened, current)
        for index, segment in enumerate(segments):
            content = segment.lstrip(" \t\r\f")
            if index:
                current += 1
                column = 1
            if index or content != segment:
                out.add(" ", current)
            if not content.strip(" \t\r\f"):
                # A line with nothing on it between two others is a blank source line.
                out.gap = out.gap or 0 < index < len(segments) - 1
                out.add(_SPACE.sub(" ", segment), current)
                continue
            if out.gap and _kind_in(open_blocks)[0] == "paragraph":
                out.end_block(open_blocks)  # a blank source line: the writer's paragraph break
            out.gap = False
            shift = len(segment) - len(content)
            out.add(_SPACE.sub(" ", content), current, column=column + shift if column else 0)
    out.end_block(open_blocks)
    return out.blocks


def load_html(data: bytes, path: str) -> Document:
    """An HTML file's visible text as a Document (format ``"html"``)."""
    from essaylint.loaders.text import decode_bytes

    decoded = decode_bytes(data, path, declared=_declared_charset(data))
    return document_from_blocks(
        html_to_blocks(decoded.text),
        path,
        "html",
        encoding=decoded.encoding,
        notes=decoded.notes,
        empty="is empty (the page has no visible text)",
    )
