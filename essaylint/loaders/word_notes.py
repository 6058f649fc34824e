"""Word footnotes and endnotes (``word/footnotes.xml``, ``word/endnotes.xml``).

A note's text is not in the paragraph that marks it, yet a citation in a note
is a citation of the essay. Each note is read as a block of its own, kind
``"footnote"``, placed right after the paragraph that marks it (so it stays in
the body, before the reference list, and reports that paragraph's number),
and starts with its number as Word prints it. The mark in the paragraph is
that number in superscript, as the reader sees it ("… as shown.¹"). Word
numbers footnotes and endnotes separately, in the order their marks appear;
separator and continuation notes are not notes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from essaylint.loaders.paragraphs import LoadedBlock
from essaylint.loaders.word_structure import related_xml

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FOOTNOTE_REFERENCE = _W + "footnoteReference"
ENDNOTE_REFERENCE = _W + "endnoteReference"
_ID = _W + "id"
_TYPE = _W + "type"
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_PARTS = {
    "footnotes": (_W + "footnote", FOOTNOTE_REFERENCE),
    "endnotes": (_W + "endnote", ENDNOTE_REFERENCE),
}


def superscript(number: int) -> str:
    return str(number).translate(_SUPERSCRIPT)


@dataclass
class WordNotes:
    """The notes of one document by (mark tag, id), and the numbers given to them so far."""

    notes: dict[tuple[str, str], list[Any]] = field(default_factory=dict)
    numbers: dict[tuple[str, str], int] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, part: Any) -> WordNotes:
        """Read the footnotes and endnotes parts related to a python-docx document part."""
        found = cls()
        for kind, root in related_xml(part, tuple(_PARTS)):
            note_tag, mark_tag = _PARTS[kind]
            for note in root.iter(note_tag):
                if note.get(_TYPE) in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                found.notes[(mark_tag, str(note.get(_ID)))] = list(note.iter(_W + "p"))
        return found

    def mark(self, element: Any) -> str:
        """The superscript number of a note mark, numbering the note when first seen."""
        key = (element.tag, str(element.get(_ID)))
        if key not in self.notes:
            return ""
        if key not in self.numbers:
            self.counters[key[0]] = self.counters.get(key[0], 0) + 1
            self.numbers[key] = self.counters[key[0]]
        return superscript(self.numbers[key])

    def blocks_after(self, p: Any, number: int, text_of: Callable[[Any], str]) -> list[LoadedBlock]:
        """The notes marked in paragraph ``p``, as blocks that report its ``number``."""
        blocks: list[LoadedBlock] = []
        if not self.numbers:
            return blocks  # no note marked so far (most documents have none)
        for element in p.iter(FOOTNOTE_REFERENCE, ENDNOTE_REFERENCE):
            key = (element.tag, str(element.get(_ID)))
            paragraphs = self.notes.get(key)
            if not paragraphs or key not in self.numbers:
                continue
            text = "\n".join(t for t in (text_of(q).strip() for q in paragraphs) if t)
            if text:
                label = superscript(self.numbers[key])
                blocks.append(LoadedBlock(text=f"{label} {text}", source=number, kind="footnote"))
        return blocks
