"""A Document from a structured file's blocks (.docx, .odt, HTML).

Every loader of a structured format hands over the same thing: its blocks in
reading order, each with its text and what the format says about it (heading
level, style name, hanging indent, list item). The Document text puts a blank
line between blocks, so every later stage sees the paragraph breaks a Markdown
author would type, and ``Document.blocks`` keeps the structure. Section
finding, entry splitting and citation reading are the same code for every
format; only this module knows where blocks come from.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from essaylint.analysis.entry_shape import entry_number, has_entry_head, names_and_date_only
from essaylint.analysis.patterns import (
    HTML_ENTITY,
    INVERTED_AUTHORS_YEAR,
    PARTICLE_RUN,
    SPACED_DASH_END,
)
from essaylint.lazy_pattern import compile_lazily
from essaylint.loaders.errors import cannot_read
from essaylint.loaders.markdown import (
    BLOCK_ELEMENTS,
    COMMENT,
    ESCAPED,
    LAYOUT_TAG,
    read_emphasised_et_al,
)
from essaylint.models import Block, BlockKind, Document, FieldCitation, Hyperlink

# Block tags typed or pasted into a paragraph ("...</p><p>...", "<br>"): each run of
# them is a line break, as the page they came from showed it.
_TYPED_BLOCK_TAGS = compile_lazily(
    rf"(?:[ \t]*</?(?:{BLOCK_ELEMENTS})\b[^<>]{{0,500}}>)+[ \t]*", re.IGNORECASE
)


def _typed_lines(block: LoadedBlock) -> list[str]:
    """The block's text lines: its line breaks, and the block tags typed in its text."""
    if block.line_sources or block.anchors or "<" not in block.text:
        return block.text.split("\n")
    return _TYPED_BLOCK_TAGS.sub("\n", block.text).split("\n")


# Invisible characters editors leave beside citations and entries: zero-width space,
# non-joiner, joiner, word joiner and byte-order mark.
_ZERO_WIDTH = compile_lazily("[\u200b\u200c\u200d\u2060\ufeff]")


def _decode_references(text: str) -> str:
    """``text`` without zero-width characters, with the HTML character references left in
    it decoded ("Black, P. &amp; Wiliam, D.", pasted from a web page's source: no essay
    means the reference itself),
    layout tags and comments pasted with them removed ('<p style="text-align:left">[2]
    Cole, S.', "<!--[if !supportLists]-->") and
    Markdown's escapes and emphasis around "et al." read ("\\[1\\]" is "[1]", "_et al_."
    is "et al.")."""
    text = _ZERO_WIDTH.sub("", text)  # "\u200bSharma, S., 2019.": left by Word's citation tool
    if "\\" in text:  # left in text pasted from a Markdown export (Google Docs writes \[1\])
        text = ESCAPED.sub(r"\1", text)
    if "al" in text:
        text = read_emphasised_et_al(text)
    if "&" in text:
        text = HTML_ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    if "<" in text:  # and HTML comments pasted with them: "<!--[if !supportLists]-->"
        text = LAYOUT_TAG.sub("", COMMENT.sub("", text))
    return text


@dataclass(frozen=True)
class LoadedBlock:
    """One block as a loader read it.

    ``source`` is its paragraph or source line number; ``line_sources``, when
    given, the source line of each of its text lines (HTML ``<br>`` and ``<pre>``).
    """

    text: str
    source: int
    line_sources: tuple[int, ...] = ()
    kind: BlockKind = "paragraph"
    level: int = 0
    style: str | None = None
    hanging_indent: bool = False
    shifted: bool = False  # its first line starts right of the margin (a left or first-line indent)
    # Word: where its first line and its next lines start, in twips from the margin
    first_at: int | None = None
    lines_at: int | None = None
    links: tuple[tuple[str, str], ...] = ()  # (visible text, target) of each web link, in order
    # (visible text, the field with no place yet) of each citation-manager field, in order
    fields: tuple[tuple[str, FieldCitation], ...] = ()
    # (text line, column in it, source line, source column or 0) where a piece of text
    # starts in the source (HTML: a paragraph wrapped over several source lines)
    anchors: tuple[tuple[int, int, int, int], ...] = ()


def _locate_links(text: str, start: int, links: tuple[tuple[str, str], ...]) -> list[Hyperlink]:
    """Find each link's visible text in the block's final text, in order."""
    found: list[Hyperlink] = []
    pos = 0
    for anchor, target in links:
        anchor = " ".join(_decode_references(anchor).split())
        at = text.find(anchor, pos) if anchor else -1
        if at < 0:
            continue
        found.append(Hyperlink(start=start + at, end=start + at + len(anchor), target=target))
        pos = at + len(anchor)
    return found


def _locate_fields(
    text: str, start: int, fields: tuple[tuple[str, FieldCitation], ...]
) -> list[FieldCitation]:
    """Find each field's visible text in the block's final text, in order."""
    found: list[FieldCitation] = []
    pos = 0
    for visible, cited in fields:
        visible = _decode_references(visible)
        at = text.find(visible, pos)
        if at < 0:
            continue
        end = start + at + len(visible)
        found.append(cited.model_copy(update={"start": start + at, "end": end}))
        pos = at + len(visible)
    return found


# A paragraph stopped mid-sentence, and one that goes on with a lower-case word or a
# year, or closes a parenthesis it left open: one paragraph cut at each typed line
# ("... while Hew" / "and Cheung (2008) explored").
_STOPPED_MID_SENTENCE = compile_lazily(r"[\w,&\-–]$")
_GOES_ON = compile_lazily(r"[a-z]|\(\d{4}")
# An entry that ends in its link; a paragraph that is a link or opens an entry in lower
# case ("deSilver, D., & Lippert, J. (2023)", "van Dijk, T.", "bell hooks (1994)").
_ENDS_IN_LINK = compile_lazily(r"(?:https?://|www\.)\S*$")
_OWN_START = compile_lazily(
    r"https?://|www\."
    r"|(?:[a-z]+[A-Z][\w'’-]*|" + PARTICLE_RUN + r"[A-Z][\w'’-]*),|[a-z]+(?:\s[a-z]+)?\s\(\d{4}"
)


def _alike(previous: LoadedBlock, block: LoadedBlock) -> bool:
    """Are both plain paragraphs of one style (so one may carry the other on)?"""
    return previous.kind == block.kind == "paragraph" and previous.style == block.style


def _goes_on(previous: LoadedBlock, last_line: str, block: LoadedBlock, first_line: str) -> bool:
    """Is ``block`` the rest of the plain paragraph before it, cut where a line was typed?"""
    first = first_line.lstrip()
    mid_sentence = bool(_STOPPED_MID_SENTENCE.search(last_line)) and (
        bool(_GOES_ON.match(first)) or bool(SPACED_DASH_END.search(last_line))
    )
    return (
        _alike(previous, block)
        and previous.hanging_indent == block.hanging_indent
        and not _ENDS_IN_LINK.search(last_line)
        # "(Govender, I." / "2024).": a parenthesis left open goes on whatever ends the line
        and (mid_sentence or _closes_its_parenthesis(last_line, first_line))
        and not _OWN_START.match(first)
    ) or (_entry_head_only(previous, last_line, block) and not _opens_an_entry(first))


# An entry's head typed at the margin: "Jain, Anil K.,", "LeCun, Y.", "Van Dam, P.".
_NAME_HEAD = compile_lazily(r"\s*[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?,\s+[A-Z]")
_TYPED_HANG_HEADS = 3  # heads with indented lines after them, close together
_TYPED_HANG_REACH = 8  # blocks either side searched for the other heads
_TYPED_HANG_LINES = 3  # indented paragraphs one head carries at most


def _typed_hanging_lines(blocks: list[LoadedBlock]) -> set[int]:
    """The blocks that go on the entry above them in a hanging indent typed by hand.

    A writer without Word's hanging indent starts each entry at the margin and indents
    the paragraphs of its next lines ("Jain, Anil K., Jianchang Mao. “Artificial" /
    "    Neural Networks: A Tutorial” ..."). Such a head opens with a family name and a
    comma; its next one to three paragraphs, of its style, start indented. The pattern
    has to repeat, :data:`_TYPED_HANG_HEADS` heads within a few blocks: one indented
    paragraph after another is a quotation, not the rest of an entry.
    """

    def head(k: int) -> bool:
        here, after = blocks[k], blocks[k + 1]
        return (
            _alike(here, after)
            and not here.shifted
            and not here.hanging_indent
            and after.shifted
            and bool(_NAME_HEAD.match(here.text))
        )

    heads = [k for k in range(len(blocks) - 1) if head(k)]
    going_on: set[int] = set()
    for n, k in enumerate(heads):
        near = heads[max(0, n - _TYPED_HANG_HEADS) : n + _TYPED_HANG_HEADS]
        if sum(1 for h in near if abs(h - k) <= _TYPED_HANG_REACH) < _TYPED_HANG_HEADS:
            continue
        j = k + 1
        while j < len(blocks) and j - k <= _TYPED_HANG_LINES and blocks[j].shifted:
            if not _alike(blocks[k], blocks[j]):
                break
            going_on.add(j)
            j += 1
    return going_on


_HANG = 180  # twips (an eighth of an inch): less is no hanging indent a writer set
_SAME_PLACE = 72  # twips (a twentieth of an inch): where the eye sees one column


def _under_hanging_head(head: LoadedBlock | None, block: LoadedBlock) -> bool:
    """Does ``block`` start where the lines after the first of ``head``, a paragraph laid out
    with a hanging indent, start? An entry Word cut into paragraphs ("Bernards, R., ...
    (2018). Development ... technologies." / "Transactions on Sustainable Energy, 9(4).")
    keeps its next lines in the hanging column; a new entry starts at the head's margin
    (an entry that lost its hanging indent, "Hartley, R. (2004) ...", opens one anyway)."""
    return (
        head is not None
        and _alike(head, block)
        and head.first_at is not None
        and head.lines_at is not None
        and block.first_at is not None
        and head.lines_at - head.first_at >= _HANG
        and abs(block.first_at - head.lines_at) <= _SAME_PLACE
    )


def _hangs_on(head: LoadedBlock | None, block: LoadedBlock, first_line: str) -> bool:
    """Is ``block`` the rest of the entry ``head`` opened, in its hanging column, and no
    entry of its own ("Richtel, M. (2016, February 16). ..." that lost its indent)?"""
    return (
        _under_hanging_head(head, block)
        and not _opens_an_entry(first_line)
        and not has_entry_head(first_line)
    )


def _entry_head_only(previous: LoadedBlock, last_line: str, block: LoadedBlock) -> bool:
    """Is ``previous`` an entry's authors and date alone ("Lund, K. & Ames, B. (2012)."),
    cut from its title by a typed line? No entry ends at its date."""
    return (
        _alike(previous, block)
        and "\n" not in previous.text.strip()
        and names_and_date_only(last_line.strip())
    )


def _opens_an_entry(line: str) -> bool:
    """Does ``line`` start an entry of its own (authors and a date, or a number)?"""
    return bool(INVERTED_AUTHORS_YEAR.match(line)) or entry_number(line) is not None


# "[1]" alone: an entry's number, typed on a line of its own with Enter after each of the
# entry's lines ("[1]" / "CertNZ." / "Title" / "https://..." / "May 15, 2017").
_BRACKET_NUMBER_ONLY = compile_lazily(r"\[\d{1,4}\]")
_LABELLED_PARTS = 8  # at most this many paragraphs after the number make its entry
_LABELLED_PART_CHARS = 300  # a part of an entry, not a paragraph of prose


def _under_number(previous: LoadedBlock, parts: int, block: LoadedBlock, first_line: str) -> bool:
    """Is ``block`` the next typed line of an entry whose number stood alone ``parts``
    paragraphs ago, until the next number or anything that is no line of an entry?"""
    line = first_line.strip()
    return (
        0 < parts <= _LABELLED_PARTS
        and _alike(previous, block)
        and "\n" not in block.text.strip()
        and len(line) <= _LABELLED_PART_CHARS
        and entry_number(line) is None
    )


_UP_TO_CLOSE = compile_lazily(r"[^()]*\)")


def _closes_its_parenthesis(last_line: str, first_line: str) -> bool:
    """Does ``first_line`` close a parenthesis ``last_line`` left open ("(Smith et al. 2007;
    Harris" / "2010).")?"""
    return last_line.rfind("(") > last_line.rfind(")") and bool(_UP_TO_CLOSE.match(first_line))


def _place_anchors(
    block_anchors: tuple[tuple[int, int, int, int], ...],
    typed: list[str],
    shown: list[str],
    first: int,
    start: int,
) -> list[tuple[int, int, int]]:
    """A block's anchors as (text offset, source line, source column), for the lines
    shown from ``first`` on, where the loader typed the text shown."""
    line_offsets: dict[int, int] = {}
    at = start
    for index in range(first, len(shown)):
        line_offsets[index] = at
        at += len(shown[index]) + 1
    return [
        (line_offsets[index] + column, line, source_column)
        for index, column, line, source_column in block_anchors
        if index in line_offsets and typed[index] == shown[index] and column < len(shown[index])
    ]


def document_from_blocks(
    blocks: Iterable[LoadedBlock],
    path: str,
    fmt: str,
    *,
    encoding: str = "utf-8",
    notes: tuple[str, ...] = (),
    empty: str = "is empty (the document has no text)",
) -> Document:
    """Join non-empty blocks with a blank line between them.

    A line break inside a block (Shift+Enter in Word, ``<br>`` in HTML) starts
    a new text line of the same block. HTML character references left in the
    text ("&amp;" pasted from a page's source) are decoded. A plain paragraph
    that stopped mid-sentence and the next that goes on with a lower-case word
    or a year are one paragraph cut at each typed line: they are joined as two
    lines of one block. So are an entry's number alone ("[1]") and the short
    paragraphs typed under it, one to each of the entry's lines, up to the next
    number. A hanging indent typed by hand (the entry's head at the margin, its next
    paragraphs indented; :func:`_typed_hanging_lines`) makes one line of each entry. Each
    text line, and the blank line after it, reports
    its block's ``source`` number; a block's anchors become the Document's
    ``source_anchors`` (dropped on a line whose character references were decoded).
    """
    lines: list[str] = []
    source_lines: list[int] = []
    spans: list[Block] = []
    hyperlinks: list[Hyperlink] = []
    cited: list[FieldCitation] = []
    anchors: list[tuple[int, int, int]] = []
    offset = 0
    previous: LoadedBlock | None = None
    head: LoadedBlock | None = None  # the block the last span started with
    parts = 0  # paragraphs since an entry's number alone ("[1]"), 0 outside such an entry
    kept_blocks = [block for block in blocks if block.text.strip()]
    typed_hanging = _typed_hanging_lines(kept_blocks)
    for index, block in enumerate(kept_blocks):
        typed = _typed_lines(block)
        raw = [_decode_references(piece).replace("\r", "").rstrip() for piece in typed]
        sources = list(block.line_sources) + [block.source] * (len(raw) - len(block.line_sources))
        kept = [i for i, piece in enumerate(raw) if piece.strip()]
        if not kept:
            continue
        pieces = raw[kept[0] : kept[-1] + 1]
        sources = sources[kept[0] : kept[-1] + 1]
        hangs_on = _hangs_on(head, block, pieces[0])  # the rest of an entry, in its column
        joined = previous is not None and (
            index in typed_hanging
            or hangs_on
            or _goes_on(previous, lines[-1], block, pieces[0])
            or _under_number(previous, parts, block, pieces[0])
        )
        if len(pieces) == 1 and _BRACKET_NUMBER_ONLY.fullmatch(pieces[0].strip()):
            parts = 1
        elif joined and parts:
            parts += 1
        else:
            parts = 0
        if lines and not joined:
            lines.append("")
            source_lines.append(source_lines[-1])
            offset += 1
        start = offset
        anchors += _place_anchors(block.anchors, typed, raw, kept[0], start)
        # The next line of an entry typed with a hanging indent by hand goes on the entry's
        # line, a space for the line break: it is one entry, whatever its line starts with.
        glued = joined and (index in typed_hanging or hangs_on)
        for n, (piece, source) in enumerate(zip(pieces, sources, strict=True)):
            if glued and n == 0:
                lines[-1] += " " + piece
            else:
                lines.append(piece)
                source_lines.append(source)
            offset += len(piece) + 1
        hyperlinks += _locate_links("\n".join(pieces), start, block.links)
        if block.fields:
            cited += _locate_fields("\n".join(pieces), start, block.fields)
        previous = block
        if joined:
            spans[-1] = spans[-1].model_copy(update={"end": offset - 1})
            continue
        head = block
        spans.append(
            Block(
                start=start,
                end=offset - 1,
                kind=block.kind,
                level=block.level,
                style=block.style,
                hanging_indent=block.hanging_indent,
            )
        )
    if not lines:
        raise cannot_read(path, empty)
    return Document.from_text(
        "\n".join(lines),
        path=path,
        format=fmt,
        encoding=encoding,
        notes=notes,
        source_lines=tuple(source_lines),
        blocks=tuple(spans),
        hyperlinks=tuple(hyperlinks),
        field_citations=tuple(cited),
        source_anchors=tuple(anchors),
    )
