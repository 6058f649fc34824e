"""Markdown: the text as written, with raw HTML layout tags blanked.

Citation managers and static-site generators put HTML into Markdown: a pasted
bibliography is ``<div class="csl-bib-body"><div class="csl-entry">Lal, R.
2015. …</div>…</div>``, often after a ``<style>`` block. Those tags only lay
the text out. They are replaced by as many spaces (and ``<style>``/``<script>``
elements whole), so every offset, line and column still points into the file,
and the entries read as the lines they are. Inline tags that carry meaning
stay: emphasis (``<i>``, ``<em>``, ``<b>``, ``<strong>``, ``<u>``: the
reference parser reads italic titles), links (``<a href>``: the address is an
entry's URL), ``<sub>``, ``<sup>`` (a raised note number is the numeric
citation "[1]" it stands for), and anything that is not an HTML element
(``<references>``, Markdown autolinks ``<https://…>``). Comments are blanked
too: they are never printed. So are the tags of a static-site generator's
template (Jekyll's Liquid ``{% include figure.html caption="..." %}``): their
arguments are file names, sizes and captions, not the essay's prose; only an
argument of paragraph length (a box's text) is kept, where it stands.

A link to a place in the same document keeps only its text: pandoc's
``link-citations`` write "([Gillings 2012](#ref-gillings2012))", which reads as
"( Gillings 2012 ... )". Links to addresses stay whole (an entry's URL).

A backslash escape reads as the character it escapes, the backslash's place
left blank on the outer side: converters write "\\[3\\]" for a bracketed
citation and "1\\." for a list number, which read as " [3] " and "1. "; before
punctuation the blank goes before any other character ("Research\\*," reads
"Research *,").
("\\@" stays: bookdown's "\\@ref(fig:x)" is a cross-reference, not a key.)

Emphasis around "et al." is removed, its place left blank before the words:
"(Mehta _et al_., 2020)" and "<i>et al</i>." read as plain "et al.".

HTML entities are read too: ``&amp;`` becomes ``&`` followed by four spaces,
``&#8217;`` a ``’`` and spaces, so "Brandt, M., &amp; Lemaire, S." has two
authors, not a third called "amp".
"""

from __future__ import annotations

import html
import re

from essaylint.analysis.patterns import FOOTNOTE_DEFINITION, HTML_ENTITY
from essaylint.lazy_pattern import compile_lazily
from essaylint.loaders.superscript import superscript_citation
from essaylint.loaders.table_cells import open_paragraph_cells
from essaylint.models import Document

# Block and layout elements: their tags are blanked, their text kept.
BLOCK_ELEMENTS = (
    "div|p|section|article|aside|header|footer|main|nav|figure|figcaption|"
    "br|hr|blockquote|ul|ol|li|dl|dt|dd|table|thead|tbody|tr|td|th"
)
INLINE_LAYOUT_ELEMENTS = "span|font|small|big|center"
# A tag may run over lines: pandoc wraps '<div id="ref-key"' and 'class="csl-entry">'.
LAYOUT_TAG = compile_lazily(
    rf"</?(?:{BLOCK_ELEMENTS}|{INLINE_LAYOUT_ELEMENTS})\b[^<>]{{0,500}}>", re.IGNORECASE
)
_NUMBERS = compile_lazily(r"\d{1,3}(?:\s*[-–,]\s*\d{1,3})*")  # not a year: "[2020](#ref-x)"
_IN_DOCUMENT_LINK = compile_lazily(r"\[([^\[\]]{1,300})\]\(#[^()\s]{0,300}\)")
#: Elements whose content is not text at all.
NON_TEXT = compile_lazily(r"<(style|script)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
#: A comment is never printed (a draft paragraph, a note to self); essaylint's own
#: directives ("<!-- essaylint: ignore[C104] -->") stay.
COMMENT = compile_lazily(r"<!--(?!\s*essaylint:).*?-->", re.DOTALL)
# A Liquid (Jekyll) tag, "{% include figure.html caption="..." %}", over lines too; bounded,
# so a "{%" never closed costs a fixed look-ahead.
_TEMPLATE_TAG = compile_lazily(r"\{%(?:[^%]|%(?!\})){0,2000}%\}")


#: Markdown's backslash escapes of ASCII punctuation, "@" aside.
ESCAPED = compile_lazily(r"\\([!-/:-?\[-`{-~])")
_OPENERS = "([{<"
_CLOSERS = ")]}>"
_PUNCTUATION_AFTER = frozenset(",.;:!?)]")


def _unescaped(match: re.Match[str]) -> str:
    char = match.group(1)
    before_mark = match.string[match.end() : match.end() + 1] in _PUNCTUATION_AFTER
    closer = char in _CLOSERS  # "\\[3\\]." still reads "[3] ."
    return f" {char}" if char in _OPENERS or (before_mark and not closer) else f"{char} "


def _decoded(match: re.Match[str]) -> str:
    """The character an entity stands for, padded with spaces to the entity's length."""
    entity = match.group(0)
    char = html.unescape(entity)
    if char.isspace():  # "&nbsp;", "&emsp;": a space, and a line of them is blank
        return " " * len(entity)
    if char == entity or len(char) > len(entity) or not char.isprintable():
        return entity
    return char.ljust(len(entity))


# A quoted argument of a template tag: caption="...", box-content="...".
_TAG_ARGUMENT = compile_lazily(r'=\s*"((?:[^"\\]|\\.)*)"')
_PARAGRAPH_WORDS = 25  # an argument this long is a paragraph of the essay, not a caption


def _template_prose(match: re.Match[str]) -> str:
    """A template tag blanked but for the paragraphs it prints: a scrolling box's text
    ("box-content=...") cites as the body does. A caption ("Tennant's The Herring Fleet
    (1911) was the first survey") names what the picture shows, and goes."""
    tag = match.group(0)
    kept = list(_blank(match))
    for argument in _TAG_ARGUMENT.finditer(tag):
        if len(argument.group(1).split()) >= _PARAGRAPH_WORDS:
            kept[argument.start(1) : argument.end(1)] = argument.group(1)
    return "".join(kept)


def _blank(match: re.Match[str]) -> str:
    """Spaces for the match, keeping its line breaks so lines stay where they were."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _link_text(match: re.Match[str]) -> str:
    """The link's text where its "[" was, then spaces to the end of the link.

    A number keeps its brackets: "[13](#cite13)" is the numeric citation "[13]".
    """
    text = match.group(1)
    if _NUMBERS.fullmatch(text.strip()):
        return f"[{text}]".ljust(len(match.group(0)))
    return " " + text.ljust(len(match.group(0)) - 1)


# "colony<sup>1</sup>.", "in 1795. <sup>1</sup> From": a note number the writer raised by hand
_SUPERSCRIPT = compile_lazily(r"<sup>\s*([^<>]{1,40}?)\s*</sup>", re.IGNORECASE)
_BEFORE_SUPERSCRIPT = 40


def _superscripts_as_brackets(text: str) -> str:
    """Superscript note numbers written as the numeric citations "[1]" they are, padded
    with spaces so offsets stay (see :mod:`essaylint.loaders.superscript`)."""

    def bracketed(match: re.Match[str]) -> str:
        # "in 1795. <sup>1</sup>", "a rush <sup>2</sup>": the tag says it is raised, so a
        # space before it is the writer's habit, not a gap between words
        before = text[max(0, match.start() - _BEFORE_SUPERSCRIPT) : match.start()].rstrip(" ")
        # "_Twilight of the Idols_<sup>1</sup>": the emphasis ends at the title's last word
        if before.rstrip("*_") != before and before.rstrip("*_")[-1:].isalnum():
            before = before.rstrip("*_")
        cited = superscript_citation(before, match.group(1))
        return match.group(0) if cited is None else cited.ljust(len(match.group(0)))

    return _SUPERSCRIPT.sub(bracketed, text)


# A list item inside a block quotation ("> - Diotte, D. (2022)."): the marks are layout.
_QUOTED_ITEM = compile_lazily(r"^(?:>[ \t]?)+(?=(?:[-*+]|\d{1,3}[.)])[ \t])", re.MULTILINE)


# "[^1] Peel, J. D. Y. (1995) ..." opening a paragraph: a definition, its colon forgotten.
_DEFINITION_NO_COLON = compile_lazily(r"(?:\A|(?<=\n\n)|(?<=\n\r\n))\[\^([^\[\]\s]+)\] (?=\S)")


def _colons_given(text: str) -> str:
    """``text`` with footnote definitions typed without their colon given one (in place
    of the space after the label), for labels no definition with a colon has."""
    defined = {m.group(1) for m in FOOTNOTE_DEFINITION.finditer(text)}

    def colon(m: re.Match[str]) -> str:
        return m.group(0) if m.group(1) in defined else m.group(0)[:-1] + ":"

    return _DEFINITION_NO_COLON.sub(colon, text)


# "et al." set in italics: "(Mehta _et al_., 2020)", "*et al.*", "<i>et al</i>.", and each
# word on its own: "(Supplitt __et__ __al__.,2021)", or with the comma: "_et al.,_ 2004".
_EMPHASIS_OPEN = r"(?:\*{1,2}|_{1,2}|<(?:i|em)>)"
_EMPHASIS_CLOSE = r"(?:\*{1,2}|_{1,2}|</(?:i|em)>)"
_EMPHASISED_ET_AL = compile_lazily(
    _EMPHASIS_OPEN
    + r"(?P<et>et\.?)(?P<gap>\s?|"
    + _EMPHASIS_CLOSE
    + r"\s"
    + _EMPHASIS_OPEN
    + r")(?P<al>al)(?P<dot>\.?)(?P<comma>,?)"
    + _EMPHASIS_CLOSE
    + r"(?P<dot_after>\.?)",
    re.IGNORECASE,
)


def _plain_et_al(match: re.Match[str]) -> str:
    gap = match.group("gap")
    et_al = match.group("et") + (gap if gap.isspace() or not gap else " ") + match.group("al")
    dot = "." if match.group("dot") or match.group("dot_after") else ""
    words = et_al + dot + match.group("comma")
    return words.rjust(len(match.group(0)))


# One mark left on one side only, as pasted into a word processor: "(Wishart _et al.,
# 2016)", "(Gao et al_., 2018)".
_MARK_BEFORE_ET_AL = compile_lazily(r"(?<![^\W_])[_*]{1,2}(?=et\.?\s?al\b)", re.IGNORECASE)
_MARK_AFTER_ET_AL = compile_lazily(r"(\bet\.?\s?al)([_*]{1,2})(\.?)", re.IGNORECASE)


def _mark_moved_out(match: re.Match[str]) -> str:
    return match.group(1) + match.group(3) + " " * len(match.group(2))


def read_emphasised_et_al(text: str) -> str:
    """``text`` with the emphasis around "et al." removed, its place left blank before the
    words, so "(Mehta _et al_., 2020)" reads "(Mehta   et al., 2020)" at the same offsets;
    a mark on one side only is blanked too ("et al_." reads "et al. ")."""
    text = _EMPHASISED_ET_AL.sub(_plain_et_al, text)
    if "_" in text or "*" in text:
        text = _MARK_BEFORE_ET_AL.sub(lambda m: " " * len(m.group(0)), text)
        text = _MARK_AFTER_ET_AL.sub(_mark_moved_out, text)
    return text


def blank_layout_html(text: str) -> str:
    """``text`` with layout tags, style/script elements, template tags, in-document
    link targets and the quotation marks before a quoted list item blanked, entities
    and backslash escapes read, emphasis around "et al." removed, and footnote
    definitions typed without their colon given one."""
    if "\\" in text:
        text = ESCAPED.sub(_unescaped, text)
    if "al" in text:
        text = read_emphasised_et_al(text)
    if "[^" in text:
        text = _colons_given(text)
    if ">" in text:
        text = _QUOTED_ITEM.sub(_blank, text)
    if "{%" in text:
        text = _TEMPLATE_TAG.sub(_template_prose, text)
    if "&" in text:
        text = HTML_ENTITY.sub(_decoded, text)
    if "](#" in text:
        text = _IN_DOCUMENT_LINK.sub(_link_text, text)
    if "<" not in text:
        return text
    if "<!--" in text:
        text = COMMENT.sub(_blank, text)
    if "<sup" in text or "<SUP" in text:
        text = _superscripts_as_brackets(text)
    return LAYOUT_TAG.sub(_blank, NON_TEXT.sub(_blank, text))


def read_markdown(
    text: str, *, path: str = "<text>", encoding: str = "utf-8", notes: tuple[str, ...] = ()
) -> Document:
    """The Document for Markdown ``text``: table cells that hold paragraphs opened into
    lines (see :mod:`essaylint.loaders.table_cells`), then layout HTML blanked."""
    opened = open_paragraph_cells(text)
    return Document.from_text(
        blank_layout_html(opened.text),
        path=path,
        format="markdown",
        encoding=encoding,
        notes=notes,
        source_lines=opened.source_lines,
        source_anchors=opened.source_anchors,
    )
