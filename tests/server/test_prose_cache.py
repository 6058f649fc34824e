"""The server's prose engine checks only changed paragraphs and finds what the whole text finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from essaylint.config import Settings
from essaylint.models import Document
from essaylint.pipeline import lint_document
from essaylint.server.prose_cache import ParagraphCache, paragraphs
from essaylint.services.prose import DialectName, ProseMatch

ESSAYS = Path(__file__).resolve().parents[2] / "fixtures" / "essays"


class Counting:
    """A fake engine: every "teh" is a spelling match; counts the texts it is asked about."""

    name = "counting"

    def __init__(self) -> None:
        self.texts: list[str] = []

    def check(self, text: str, *, dialect: DialectName = "american") -> list[ProseMatch]:
        self.texts.append(text)
        out, at = [], text.find("teh")
        while at != -1:
            out.append(ProseMatch(start=at, end=at + 3, category="spelling", message="typo"))
            at = text.find("teh", at + 1)
        return out

    def known_words(self, words: list[str], *, dialect: DialectName = "american") -> set[str]:
        self.texts.extend(words)
        return {w for w in words if w != "teh"}


def test_paragraphs_split_at_blank_lines_only() -> None:
    text = "one\ntwo\n\n   \n\nthree\n  \n"
    assert [text[a:b] for a, b in paragraphs(text)] == ["one\ntwo", "three"]


def test_only_changed_paragraphs_are_checked_and_offsets_follow() -> None:
    engine = Counting()
    cache = ParagraphCache(engine)
    text = "First teh one.\n\nSecond para.\n\nThird teh."
    first = cache.check(text)
    assert [text[m.start : m.end] for m in first] == ["teh", "teh"]
    assert len(engine.texts) == 3
    edited = "First teh one, longer now.\n\nSecond para.\n\nThird teh."
    again = cache.check(edited)
    assert len(engine.texts) == 4  # only the first paragraph again
    assert [edited[m.start : m.end] for m in again] == ["teh", "teh"]
    assert again[1].start == edited.rindex("teh")
    assert cache.check(edited, dialect="british")
    assert len(engine.texts) == 7  # remembered per dialect


def test_known_words_are_remembered() -> None:
    engine = Counting()
    cache = ParagraphCache(engine)
    assert cache.known_words(["kelp", "teh"]) == {"kelp"}
    assert cache.known_words(["teh", "kelp"]) == {"kelp"}
    assert engine.texts == ["kelp", "teh"]


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(p.name for p in ESSAYS.glob("*.md")))
def test_same_findings_as_the_whole_text_with_harper(name: str) -> None:
    from essaylint.services.harper import HarperBackend

    text = (ESSAYS / name).read_text(encoding="utf-8")
    doc = Document.from_text(text, path=name, format="markdown")
    whole = lint_document(doc, Settings(), prose=HarperBackend())
    cached = lint_document(doc, Settings(), prose=ParagraphCache(HarperBackend()))
    assert [(f.code, f.span, f.message) for f in cached.findings] == [
        (f.code, f.span, f.message) for f in whole.findings
    ]
