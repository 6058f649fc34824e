"""Turn a Markdown, plain-text or HTML essay into .docx, .odt or .html for the format tests.

Pure Python, offline: python-docx, odfpy and the standard library's HTML parser.
The essay is first read into a list of :class:`Block` (heading, paragraph or list
item, each a tuple of styled :class:`Run`), and each writer renders the blocks
the way a student's word processor or a web page would hold them.

Reading a Markdown / plain-text essay (CRLF is read as LF):

* Paragraphs. When the prose is hard-wrapped (at least ten prose lines, most of
  them 40-100 characters long and most not ending a sentence), the lines of a
  blank-line block are joined into one paragraph; a block laid out with a
  hanging indent (first line flush, continuation lines indented) gets a new
  paragraph at every flush line. Otherwise every non-empty line is a paragraph,
  as in a document typed into Word. Either way a line that starts a heading, a
  list item, a numbered or bracketed entry, a footnote definition, a block
  quote or a table row starts a paragraph of its own.
* ``#`` headings, and a line underlined with ``===`` or ``---``, become headings.
* What a reader never sees is left out: code-fence markers (the lines inside
  the fence are kept), lines that hold only an HTML tag or comment
  (``<references>``, ``</references>``), horizontal rules, and the ``>`` of a
  block quote. Inline HTML tags are dropped, ``<https://...>`` keeps its URL.
* ``*italic*``, ``_italic_`` and ``**bold**`` become italic and bold runs (the
  markers vanish, as in Word); an asterisk or underscore inside a word or URL is
  left alone. ``[text](url)`` keeps the text, plus the URL when it is a web
  address that the text does not show and the paragraph has a year in
  parentheses (a reference entry). List markers ("1.", "-") stay in the text of
  a .docx/.odt paragraph; in .html they become ``<ol>``/``<ul>`` items.

Reading an HTML essay: ``h1``-``h6`` are headings, ``li`` are list items (an
``ol`` item is numbered from ``start``/``value``), ``p``, ``div``, ``td`` and
the other block elements are paragraphs, ``<br>`` ends a paragraph, ``i``/``em``,
``b``/``strong`` and ``sup`` are runs (a superscript run is Word's superscript,
an ODT raised span and ``<sup>`` again); ``head``, ``script`` and ``style`` are skipped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path
from typing import Literal

from essaylint.loaders.markdown import BLOCK_ELEMENTS, INLINE_LAYOUT_ELEMENTS, NON_TEXT

BlockKind = Literal["heading", "paragraph", "item"]


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    superscript: bool = False


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    runs: tuple[Run, ...]
    level: int = 0  # heading level, 1-6
    marker: str = ""  # a list item's marker as typed: "1.", "2)", "-", "*"

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    @property
    def ordered(self) -> bool:
        return bool(re.fullmatch(r"\d+[.)]", self.marker))

    @property
    def number(self) -> int | None:
        return int(self.marker[:-1]) if self.ordered else None


# --- Markdown / plain text ---------------------------------------------------

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^\s*([-*+•]|\d{1,3}[.)])\s+(.*)$")
_STARTS_OWN = re.compile(r"^\s*(#{1,6}\s|[-*+•]\s|\d{1,3}[.)]\s|\[\d{1,3}\]|\[\^[^\]]+\]:|\||>)")
# Lines that never continue onto the next line: headings and table rows.
_ONE_LINE = re.compile(r"^\s{0,3}#{1,6}\s|^\s*\|")
_FENCE = re.compile(r"^\s*(```|~~~)")
# A tag: a name and attributes of the form name, name=value or name="value".
_TAG = r"</?[A-Za-z][\w:-]*(?:\s+[\w:-]+(?:=(?:\"[^\"]*\"|'[^']*'|[^\s'\"<>]+))?)*\s*/?>"
_TAG_LINE = re.compile(rf"^\s*(?:<!--.*?-->|{_TAG})\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_UNDERLINE = re.compile(r"^\s*(=+|-+)\s*$")
_QUOTE = re.compile(r"^\s*>\s?")
_SENTENCE_END = (".", ":", "?", "!", '"', "”", ")")

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_INLINE_TAG = re.compile(_TAG)
_LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_YEAR_IN_PARENS = re.compile(r"\(\d{4}|\d{4}[a-z]?\)")
# **bold**, *italic*, _italic_: openers not glued to a word on the left, closers
# not glued to a word on the right, so "130*(1)" closes but "a_b_c" stays text.
_EMPHASIS = re.compile(
    r"(?<![\w*])\*\*(?=\S)(?P<bold>.+?)(?<=\S)\*\*(?![\w*])"
    r"|(?<![\w*])\*(?=[^\s*])(?P<star>.+?)(?<=[^\s*])\*(?!\*)"
    r"|(?<![\w_])_(?=[^\s_])(?P<under>.+?)(?<=[^\s_])_(?![\w_])"
)


def _is_prose(line: str) -> bool:
    return bool(line.strip()) and not _STARTS_OWN.match(line)


def is_hard_wrapped(lines: Sequence[str]) -> bool:
    """Most prose lines are 40-100 characters long and do not end a sentence."""
    prose = [line.rstrip() for line in lines if _is_prose(line)]
    if len(prose) < 10:
        return False
    mid_length = sum(1 for line in prose if 40 <= len(line) <= 100)
    open_ended = sum(1 for line in prose if not line.endswith(_SENTENCE_END))
    return mid_length / len(prose) > 0.6 and open_ended / len(prose) > 0.5


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _visible_lines(text: str) -> list[str]:
    """The essay's lines without what a reader never sees (blank lines kept)."""
    out: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if _FENCE.match(line) or _TAG_LINE.match(line):
            continue
        if _RULE.match(line) and not (_UNDERLINE.match(line) and out and out[-1].strip()):
            out.append("")
            continue
        out.append(_QUOTE.sub("", line, count=1) if _QUOTE.match(line) else line)
    return out


def _line_paragraphs(lines: Sequence[str], hard_wrapped: bool) -> list[str]:
    """Group lines into paragraphs; a setext underline is kept as its own line."""
    if not hard_wrapped:
        return [line.strip() for line in lines if line.strip()]
    paragraphs: list[str] = []
    current: list[str] = []
    first_indent = 0
    hanging = False

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    for line in lines:
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        indent = _indent(line)
        underline = bool(_UNDERLINE.match(line)) and bool(current)
        new_hanging_entry = hanging and indent <= first_indent
        if underline or _STARTS_OWN.match(line) or new_hanging_entry or not current:
            flush()
            current.append(stripped)
            first_indent, hanging = indent, False
            if underline or _ONE_LINE.match(line):
                flush()
            continue
        hanging = hanging or indent > first_indent
        current.append(stripped)
    flush()
    return paragraphs


def _clean_inline(text: str, whole_paragraph: str) -> str:
    text = _COMMENT.sub("", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _INLINE_TAG.sub("", text)

    def link(m: re.Match[str]) -> str:
        label, url = m.group(1), m.group(2)
        is_entry = bool(_YEAR_IN_PARENS.search(whole_paragraph))
        if url.startswith(("http://", "https://")) and url not in label and is_entry:
            return f"{label} {url}".strip()
        return label

    text = _LINK.sub(link, text)
    return html.unescape(text)


def runs_of(text: str) -> tuple[Run, ...]:
    """Markdown emphasis to runs; the text between the markers is kept as written."""
    runs: list[Run] = []
    pos = 0
    for m in _EMPHASIS.finditer(text):
        if m.start() > pos:
            runs.append(Run(text[pos : m.start()]))
        if m.group("bold") is not None:
            runs.extend(Run(r.text, bold=True, italic=r.italic) for r in runs_of(m.group("bold")))
        else:
            inner = m.group("star") if m.group("star") is not None else m.group("under")
            runs.extend(Run(r.text, bold=r.bold, italic=True) for r in runs_of(inner))
        pos = m.end()
    if pos < len(text):
        runs.append(Run(text[pos:]))
    return tuple(r for r in runs if r.text)


_RAW_BLOCK_TAG = re.compile(rf"</?(?:{BLOCK_ELEMENTS})\b[^<>\n]*>", re.IGNORECASE)
_RAW_INLINE_LAYOUT = re.compile(rf"</?(?:{INLINE_LAYOUT_ELEMENTS})\b[^<>\n]*>", re.IGNORECASE)


def _html_layout_to_paragraphs(text: str) -> str:
    text = NON_TEXT.sub("", text)
    text = _RAW_INLINE_LAYOUT.sub("", text)
    return _RAW_BLOCK_TAG.sub("\n\n", text)


def markdown_blocks(text: str) -> list[Block]:
    """Blocks of a Markdown or plain-text essay (see the module docstring)."""
    # Raw HTML layout (a pasted <div class="csl-entry"> bibliography, <style>) is
    # what a reader never sees: each block element is a paragraph of its own.
    lines = _visible_lines(_html_layout_to_paragraphs(text))
    paragraphs = _line_paragraphs(lines, is_hard_wrapped(lines))
    blocks: list[Block] = []
    for i, para in enumerate(paragraphs):
        if _UNDERLINE.match(para):
            continue
        underlined = i + 1 < len(paragraphs) and _UNDERLINE.match(paragraphs[i + 1])
        heading = _HEADING.match(para)
        item = _ITEM.match(para)
        if heading:
            body = _clean_inline(heading.group(2), para).strip("*_ ")
            blocks.append(Block("heading", runs_of(body), level=len(heading.group(1))))
        elif underlined:
            level = 1 if paragraphs[i + 1].strip().startswith("=") else 2
            blocks.append(Block("heading", runs_of(_clean_inline(para, para)), level=level))
        elif item:
            body = _clean_inline(item.group(2), para)
            blocks.append(Block("item", runs_of(body), marker=item.group(1)))
        else:
            body = _clean_inline(para, para)
            if body.strip():
                blocks.append(Block("paragraph", runs_of(body)))
    return blocks


# --- HTML ----------------------------------------------------------------------

_HTML_BLOCKS = frozenset(
    "p div li h1 h2 h3 h4 h5 h6 blockquote pre td th dd dt caption figcaption "
    "section article header footer main aside nav address".split()
)
_HTML_SKIP = frozenset("head script style template noscript title".split())
_HTML_LISTS = frozenset({"ol", "ul"})


class _HtmlBlocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.runs: list[Run] = []
        self.kind: BlockKind = "paragraph"
        self.level = 0
        self.marker = ""
        self.bold = 0
        self.italic = 0
        self.sup = 0
        self.skip = 0
        self.lists: list[list[int | str]] = []  # [tag, next number]

    def _pending(self) -> bool:
        return any(run.text.strip() for run in self.runs)

    def _flush(self) -> None:
        """Emit the pending text as one block and start a new paragraph."""
        merged: list[Run] = []
        for run in self.runs:
            piece = re.sub(r"\s+", " ", run.text)
            last = merged[-1] if merged else None
            if last and (last.bold, last.italic, last.superscript) == (
                run.bold,
                run.italic,
                run.superscript,
            ):
                merged[-1] = Run(last.text + piece, run.bold, run.italic, run.superscript)
            else:
                merged.append(Run(piece, run.bold, run.italic, run.superscript))
        while merged and not merged[0].text.strip():
            merged.pop(0)
        while merged and not merged[-1].text.strip():
            merged.pop()
        if merged:
            first, last = merged[0], merged[-1]
            merged[0] = Run(first.text.lstrip(), first.bold, first.italic, first.superscript)
            last = merged[-1]
            merged[-1] = Run(last.text.rstrip(), last.bold, last.italic, last.superscript)
            self.blocks.append(
                Block(self.kind, tuple(merged), level=self.level, marker=self.marker)
            )
        self.runs = []
        self.kind, self.level, self.marker = "paragraph", 0, ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag in _HTML_SKIP:
            self.skip += 1
        elif tag in _HTML_LISTS:
            self._flush()
            self.lists.append([tag, int(attr.get("start") or 1)])
        elif tag == "br":
            self._flush()
        elif tag in _HTML_BLOCKS:
            if tag[0] == "h" and tag[1:].isdigit():
                self._flush()
                self.kind, self.level = "heading", int(tag[1:])
            elif tag == "li":
                self._flush()
                self.kind, self.marker = "item", self._next_marker(attr.get("value"))
            elif self._pending():
                self._flush()
            # else: a <p> opening inside an <li> or heading keeps the enclosing block
        elif tag in ("b", "strong"):
            self.bold += 1
        elif tag in ("i", "em", "cite"):
            self.italic += 1
        elif tag == "sup":
            self.sup += 1

    def _next_marker(self, value: str | None) -> str:
        if not self.lists or self.lists[-1][0] == "ul":
            return "•"
        number = int(value) if value else int(self.lists[-1][1])
        self.lists[-1][1] = number + 1
        return f"{number}."

    def handle_endtag(self, tag: str) -> None:
        if tag in _HTML_SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _HTML_LISTS:
            self._flush()
            if self.lists:
                self.lists.pop()
        elif tag in _HTML_BLOCKS:
            self._flush()
        elif tag in ("b", "strong"):
            self.bold = max(0, self.bold - 1)
        elif tag in ("i", "em", "cite"):
            self.italic = max(0, self.italic - 1)
        elif tag == "sup":
            self.sup = max(0, self.sup - 1)

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.runs.append(
                Run(data, bold=self.bold > 0, italic=self.italic > 0, superscript=self.sup > 0)
            )

    def close(self) -> None:
        super().close()
        self._flush()


def html_blocks(text: str) -> list[Block]:
    parser = _HtmlBlocks()
    parser.feed(text)
    parser.close()
    return parser.blocks


def read_blocks(path: Path) -> list[Block]:
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix.lower() in (".html", ".htm"):
        return html_blocks(text)
    return markdown_blocks(text)


# --- writers -------------------------------------------------------------------


def _paragraph_runs(block: Block) -> tuple[Run, ...]:
    """A list item keeps its typed marker in a word processor's paragraph."""
    if block.kind == "item" and block.marker:
        return (Run(block.marker + " "), *block.runs)
    return block.runs


def write_docx(blocks: Iterable[Block], dst: Path) -> None:
    from docx import Document

    document = Document()
    for block in blocks:
        if block.kind == "heading":
            paragraph = document.add_heading("", level=min(max(block.level, 1), 9))
        else:
            paragraph = document.add_paragraph()
        for run in _paragraph_runs(block):
            added = paragraph.add_run(run.text)
            added.bold = run.bold or None
            added.italic = run.italic or None
            added.font.superscript = run.superscript or None
    document.save(str(dst))


def write_odt(blocks: Iterable[Block], dst: Path) -> None:
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.teletype import addTextToElement
    from odf.text import H, P, Span

    document = OpenDocumentText()
    styles: dict[tuple[bool, bool, bool], Style] = {}
    for bold in (False, True):
        for italic in (False, True):
            for raised in (False, True):
                if not (bold or italic or raised):
                    continue
                props = {}
                if bold:
                    props["fontweight"] = "bold"
                if italic:
                    props["fontstyle"] = "italic"
                if raised:
                    props["textposition"] = "super 58%"
                name = f"T{'B' if bold else ''}{'I' if italic else ''}{'S' if raised else ''}"
                style = Style(name=name, family="text")
                style.addElement(TextProperties(**props))
                document.automaticstyles.addElement(style)
                styles[(bold, italic, raised)] = style
    for block in blocks:
        heading = block.kind == "heading"
        element = H(outlinelevel=min(max(block.level, 1), 10)) if heading else P()
        for run in _paragraph_runs(block):
            if run.bold or run.italic or run.superscript:
                span = Span(stylename=styles[(run.bold, run.italic, run.superscript)])
                addTextToElement(span, run.text)
                element.addElement(span)
            else:
                addTextToElement(element, run.text)
        document.text.addElement(element)
    document.save(str(dst))


def _html_runs(runs: Iterable[Run]) -> str:
    out = []
    for run in runs:
        piece = html.escape(run.text, quote=False)
        if run.italic:
            piece = f"<em>{piece}</em>"
        if run.bold:
            piece = f"<strong>{piece}</strong>"
        if run.superscript:
            piece = f"<sup>{piece}</sup>"
        out.append(piece)
    return "".join(out)


def _html_list(items: Sequence[Block]) -> list[str]:
    ordered = items[0].ordered
    numbers = [item.number for item in items]
    consecutive = all(a is not None and b is not None and b == a + 1 for a, b in pairwise(numbers))
    start = numbers[0] if ordered else None
    tag = "ol" if ordered else "ul"
    opening = f'<{tag} start="{start}">' if ordered and start != 1 and consecutive else f"<{tag}>"
    lines = [opening]
    for item in items:
        value = f' value="{item.number}"' if ordered and not consecutive else ""
        lines.append(f"<li{value}>{_html_runs(item.runs)}</li>")
    lines.append(f"</{tag}>")
    return lines


def write_html(blocks: Sequence[Block], dst: Path) -> None:
    title = next((b.text for b in blocks if b.kind == "heading"), dst.stem)
    body: list[str] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind == "item":
            j = i
            while j < len(blocks) and blocks[j].kind == "item":
                if blocks[j].ordered != block.ordered:
                    break
                j += 1
            body.extend(_html_list(blocks[i:j]))
            i = j
            continue
        if block.kind == "heading":
            level = min(max(block.level, 1), 6)
            body.append(f"<h{level}>{_html_runs(block.runs)}</h{level}>")
        else:
            body.append(f"<p>{_html_runs(block.runs)}</p>")
        i += 1
    page = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        '<head><meta charset="utf-8">',
        f"<title>{html.escape(title, quote=False)}</title></head>",
        "<body>",
        *body,
        "</body>",
        "</html>",
    ]
    dst.write_text("\n".join(page) + "\n", encoding="utf-8")


WRITERS = {".docx": write_docx, ".odt": write_odt, ".html": write_html}


def convert(src: Path, dst: Path) -> Path:
    """Write ``src`` (Markdown, plain text or HTML) as ``dst``, whose suffix picks the format."""
    writer = WRITERS[dst.suffix.lower()]
    writer(read_blocks(src), dst)
    return dst
