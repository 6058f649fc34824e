"""The lines of a document and what its layout says about them.

:func:`split_lines` cuts the text into lines (offsets into the document);
:func:`read_structure` records what a structured format's loader said about the
line each block starts on (heading, list item, table cell, hanging indent,
footnote); :func:`heading_map` finds the headings, whether marked up (Markdown,
Word styles, HTML, a section tag) or only set apart (a short line between blank
lines, a bold line, a numbered "9.1 Key References"), and
:func:`list_heading_kind` says whether a heading names a reference list, a
list of works consulted or a reading list. The reference-list finder
(:mod:`essaylint.analysis.sections`) works on these lines.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from essaylint.analysis.entry_shape import (
    LIST_MARKER,
    entry_fragment,
    has_link,
    looks_like_entry,
    typed_entry,
)
from essaylint.analysis.patterns import (
    CITED_LIST_HEADINGS,
    CONSULTED_LIST_HEADINGS,
    FRONT_MATTER,
    OTHER_LANGUAGE_REFERENCES,
)
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Block

# A heading over the credits of the pictures an essay shows ("Image Credits", "Photo
# credits", "Figure sources", "Images"): its lines name pictures and their makers, not works the
# essay cites, so it ends a reference list and none of its lines is an entry.
CREDITS_TITLE = (
    r"^(?:images?|photos?|photographs?|photography|pictures?|figures?|illustrations?|"
    r"graphics?|visuals?|media|maps?|tables?)\s+(?:credits?|attributions?)\b|"
    r"^(?:images?|photos?|photographs?|pictures?|figures?|illustrations?)\s+sources\b|"
    r"^(?:credits|images|photos|photographs|pictures|illustrations)$"
)
CREDITS_WORDS = compile_lazily(CREDITS_TITLE)
READING_WORDS = compile_lazily(
    r"^(?:(?:further|recommended|suggested|additional|supplementary|supplemental|optional|"
    r"wider|background|useful|online|extra)\s+(?:reading|readings|resources|sources|"
    r"literature|links)\b|(?:explore\s+|see\s+)?(?:related|more)\s+(?:readings?|resources|"
    r"materials|links|articles)\b|reading list|readings?$|"
    # "Resources", "Resources and links", "Resources for teachers"; not a section's
    # topic that opens with the word ("Resources in language learning for LLMs")
    r"resources(?:\s+(?:and|&|for|to)\s+\S+(?:\s+\S+)?)?$|"
    # what a course sets: "Required reading", "Essential readings", "Key reading"
    r"(?:required|essential|core|key|assigned|prescribed|set|course|module|weekly)\s+"
    r"readings?\b|"
    r"see also$|external links$|glossary\b|appendix|appendices\b)|" + CREDITS_TITLE
)
# A reading-list heading that may only group a reference list's entries: "Additional Sources".
SOURCE_GROUP = compile_lazily(r"\bsources$")
# A heading that opens an appendix: tables, figures, a questionnaire the essay
# attaches after its reference list ("Appendix A: Survey", "Appendixes", "Tables").
APPENDIX_WORDS = compile_lazily(
    r"^(?!" + CREDITS_TITLE + r")"
    r"(?:appendix|appendices|appendixes|annex(?:es|ure)?|attachments?|exhibits?|tables?|"
    r"figures?|supplementa(?:ry|l)\s+(?:materials?|tables|figures|information|data))\b"
)
# A line of its own that titles an appendix even when nothing marks it as a heading
# ("Appendix A", "Appendix 2: Reflection", "APPENDICES"): it ends a reference list.
_APPENDIX_TITLE = compile_lazily(
    r"^(?:appendix|appendices|appendixes|annex(?:es)?)(?:\s+(?:[a-z]|\d{1,2}|[ivx]{1,4}))?"
    r"(?:\s*[:.\-–—]\s*\S.{0,80})?$"
)
_MOST_APPENDIX_TITLE_WORDS = 12


def is_appendix_title(text: str) -> bool:
    """Is ``text`` a short line that titles an appendix, marked up as a heading or not?"""
    stripped = text.strip().lstrip("#*_ ")
    return (
        0 < len(stripped.split()) <= _MOST_APPENDIX_TITLE_WORDS
        and stripped[:1].isupper()
        and bool(_APPENDIX_TITLE.match(normalise_heading(stripped)))
    )


# A heading that names a reference list somewhere in it ("9.1 key references",
# "references and further reading", "list of sources", "参考文献").
# A word joined to another by a hyphen ("reference-dependent") names no list.
_LIST_WORDS = compile_lazily(
    r"(?<!-)\b(?:references?|reference list|works cited|literature cited|sources cited|"
    r"cited works|bibliograph(?:y|ies)|bibliographie|bibliografía|bibliografia|"
    + "|".join(OTHER_LANGUAGE_REFERENCES)
    + r")\b(?!-)|"
    r"参考文献|"
    r"^(?:(?:key|main|selected|primary|secondary|list\s+of)\s+)?sources(?:\s+used)?$"
)
_CONSULTED_WORDS = compile_lazily(r"\b(?:consulted|bibliograph\w*|bibliograf\w*)\b")
_MAX_HEADING_WORDS = 8
TAG_LEVEL = 9
# White space plus zero-width space, non-joiner, joiner, word joiner and byte-order mark.
_INVISIBLE = " \t\r\n\f\v\u00a0\u200b\u200c\u200d\u2060\ufeff"
# Pandoc's inline bibliography (``references:``) makes a front matter hundreds of lines long.
_MAX_FRONT_MATTER_LINES = 5000
# A tag line that opens or closes a section, named by the tag: <references>,
# </bibliography>, <further_reading>, <overview> (LLM-written articles mark sections so).
SECTION_TAG = compile_lazily(r"^\s*<(/?)([A-Za-z][\w-]*)(?:\s[^<>]*)?/?>\s*$")

_MD_HEADING = compile_lazily(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
NUMBERING = compile_lazily(r"^(?:(?:\d+|[ivxlc]+|[a-z])[.)]?)(?:\.\d+)*\.?\s+", re.IGNORECASE)
RULE = compile_lazily(r"^\s{0,3}(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$")
TAG_ONLY = compile_lazily(r"^\s*</?[A-Za-z][\w-]*(?:\s[^<>]*)?>\s*$")
FENCE = compile_lazily(r"^\s{0,3}(```|~~~)")


@dataclass(frozen=True)
class Line:
    index: int
    start: int
    end: int  # exclusive, without the newline
    text: str

    @property
    def blank(self) -> bool:
        """Empty or only white space, including the zero-width characters editors leave."""
        return not self.text.strip() or not self.text.strip(_INVISIBLE)


@dataclass(frozen=True)
class Heading:
    line: Line
    title: str  # normalised: lower case, no markup or numbering
    level: int  # 1-6 Markdown or structural; 7 numbered or bold; 8 plain; 9 (TAG_LEVEL) a tag


@dataclass(frozen=True)
class Structure:
    """What the loader's blocks say about each line that starts one."""

    headings: dict[int, int]  # line index -> heading level
    hanging: frozenset[int]  # lines that start a hanging-indent paragraph
    # Lines of footnotes, endnotes and captions (Word's "Caption" style, HTML's
    # <figcaption>): never entries.
    not_entries: frozenset[int] = frozenset()
    # Lines that start an item of a word processor's list (Word numbering, <li>):
    # the items after an entry in one such list are entries too, whatever their shape.
    items: frozenset[int] = frozenset()
    # Lines that start a table cell: a table no heading names is data, not a list.
    cells: frozenset[int] = frozenset()
    # Whether each line starts an entry, worked out once: several scans ask.
    entries: dict[int, bool] = field(default_factory=dict)


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    start = 0
    for index, raw in enumerate(text.split("\n")):
        end = start + len(raw)
        content = raw[:-1] if raw.endswith("\r") else raw
        lines.append(Line(index, start, start + len(content), content))
        start = end + 1
    return lines


def normalise_heading(text: str) -> str:
    t = re.sub(r"<[^>]+>", " ", text)
    t = t.strip().strip("#").strip()
    t = t.replace("*", "").replace("_", " ").replace("`", "")
    t = NUMBERING.sub("", t.strip())
    return re.sub(r"\s+", " ", t).strip(" :.-–—").casefold()


def read_structure(lines: list[Line], blocks: Sequence[Block]) -> Structure:
    if not blocks:
        return Structure({}, frozenset())
    starts = [line.start for line in lines]
    headings: dict[int, int] = {}
    hanging: set[int] = set()
    not_entries: set[int] = set()
    items: set[int] = set()
    cells: set[int] = set()
    for block in blocks:
        index = bisect.bisect_right(starts, block.start) - 1
        if block.kind == "heading":
            headings[index] = block.level or 1
        if block.kind == "list-item":
            items.add(index)
        if block.kind == "table-cell":
            cells.add(index)
        if block.hanging_indent:
            hanging.add(index)
        if block.kind == "footnote" or (block.style or "").casefold() == "caption":
            last = bisect.bisect_right(starts, block.end) - 1
            not_entries.update(range(index, last + 1))
    return Structure(
        headings,
        frozenset(hanging),
        frozenset(not_entries),
        items=frozenset(items),
        cells=frozenset(cells),
    )


# A table of contents' line: "7. References………………15", "Bibliography ........ 22".
_CONTENTS_LINE = compile_lazily(r"(?:[.…·_]\s?){3,}\s*\d{1,4}\s*$|…\s*\d{1,4}\s*$|\t\s*\d{1,4}\s*$")


def read_heading(lines: list[Line], i: int, structure: Structure) -> Heading | None:
    line = lines[i]
    text = line.text
    if line.blank or len(text) > 120 or _CONTENTS_LINE.search(text) or typed_entry(text):
        return None
    if i in structure.headings:
        return Heading(line, normalise_heading(text), structure.headings[i])
    tag = SECTION_TAG.match(text)
    if tag and not tag.group(1):
        return Heading(line, re.sub(r"[_-]+", " ", tag.group(2)).casefold(), TAG_LEVEL)
    md = _MD_HEADING.match(text)
    if md:
        return Heading(line, normalise_heading(md.group(2)), len(md.group(1)))
    stripped = text.strip()
    bold = re.fullmatch(r"\*\*([^*]{1,100})\*\*:?|__([^_]{1,100})__:?", stripped)
    if bold:
        return Heading(line, normalise_heading(bold.group(1) or bold.group(2)), 7)
    title = normalise_heading(stripped)
    if (
        list_heading_kind(title) in ("primary", "consulted")
        and len(stripped.split()) <= 10
        and "](" not in stripped  # a table of contents links to the heading
        and not has_link(stripped)  # ".../politics/reference/safe-seats" ends an entry
    ):
        return Heading(line, title, 7 if NUMBERING.match(stripped) else 8)
    words = stripped.split()
    prev_blank = i == 0 or lines[i - 1].blank
    next_blank = i + 1 >= len(lines) or lines[i + 1].blank
    if (
        len(words) <= 10
        and prev_blank
        and next_blank
        and stripped[0].isupper()
        and stripped.rstrip("”\"’'*_")[-1:] not in ".,;"  # "... Learning to Look.”" ends a sentence
        and not LIST_MARKER.match(stripped)
        and not entry_fragment(stripped)  # 'Survey,” available at:' goes on an entry cut above
    ):
        return Heading(line, title, 7 if NUMBERING.match(stripped) else 8)
    return None


# A line that points to a list rather than heading one: "All in References", "see the
# Bibliography".
_POINTS_TO_LIST = compile_lazily(
    r"\b(?:in|see|under|from)\s+(?:the\s+)?(?:references?|bibliography|works\s+cited)\b"
)


def list_heading_kind(title: str) -> str | None:
    """ "primary", "consulted" or "reading" for a heading that names a list, else None."""
    if READING_WORDS.search(title):
        return "reading"
    if len(title.split()) > _MAX_HEADING_WORDS:
        return None
    if title in CITED_LIST_HEADINGS:
        return "primary"
    if title in CONSULTED_LIST_HEADINGS:
        return "consulted"
    if not _LIST_WORDS.search(title) or _POINTS_TO_LIST.search(title):
        return None
    if _CONSULTED_WORDS.search(title) and not re.search(r"\breferences?\b|\bcited\b", title):
        return "consulted"
    return "primary"


# A word of a line and the white space after it.
_WORD_AND_SPACE = compile_lazily(r"[ \t]*\S+[ \t]+")
_MOST_RUN_IN_WORDS = 3


def run_in_heading_end(text: str) -> int:
    """Where the first entry starts after a list's heading run in with it, 0 for none.

    "References Gethin, R. (1998). The foundations of Buddhism. Oxford University
    Press." is one paragraph in an essay whose headings are all run in: the
    heading's words ("References", "**Works Cited:**") are no part of the entry.
    """
    end = 0
    for _ in range(_MOST_RUN_IN_WORDS):
        word = _WORD_AND_SPACE.match(text, end)
        if word is None:
            return 0
        end = word.end()
        rest = text[end:]
        if (
            normalise_heading(text[:end]) in CITED_LIST_HEADINGS | CONSULTED_LIST_HEADINGS
            and rest[:1].isupper()
            and looks_like_entry(rest)
        ):
            return end
    return 0


def front_matter_end(lines: list[Line]) -> int:
    """The first line after a YAML front matter block ("---" ... "---"), 0 when there is none."""
    head = "\n".join(line.text for line in lines[:_MAX_FRONT_MATTER_LINES])
    match = FRONT_MATTER.match(head)
    if match is None:
        return 0
    block = match.group(0)  # every line it takes, the closing "---" included
    return block.count("\n") + (0 if block.endswith("\n") else 1)


def heading_map(lines: list[Line], structure: Structure) -> dict[int, Heading]:
    headings: dict[int, Heading] = {}
    in_fence = False
    for i in range(front_matter_end(lines), len(lines)):
        line = lines[i]
        if FENCE.match(line.text):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        h = read_heading(lines, i, structure)
        if h is not None:
            headings[i] = h
    return headings
