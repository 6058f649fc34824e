"""The language server's bibliography: the one ``check`` uses, read again when files change."""

from __future__ import annotations

from pathlib import Path

from essaylint.config import Settings
from essaylint.models import Document
from essaylint.server.engine import Engine

_BIB = "@book{harrow2018, author = {Harrow, Pia}, title = {{TITLE}}, year = {2018}}\n"


def test_an_unnamed_bib_found_by_its_keys_is_used_and_looked_for_again_after_a_change(
    tmp_path: Path,
) -> None:
    path = tmp_path / "essay.md"
    text = "Rest helps [@harrow2018].\n"
    path.write_text(text, encoding="utf-8")
    doc = Document.from_text(text, path=str(path), format="markdown")
    engine = Engine()
    assert engine.bibliography(doc, str(path), Settings()) == ()  # no .bib yet

    bib = tmp_path / "refs.bib"
    bib.write_text(_BIB.replace("TITLE", "Rest"), encoding="utf-8")
    engine.files_changed()  # the client reports the new file
    found = engine.bibliography(doc, str(path), Settings())
    assert [(r.key, r.title) for r in found] == [("harrow2018", "Rest")]

    bib.write_text(_BIB.replace("TITLE", "Sleep"), encoding="utf-8")
    assert engine.bibliography(doc, str(path), Settings()) == found  # kept until told
    engine.files_changed()
    again = engine.bibliography(doc, str(path), Settings())
    assert [(r.key, r.title) for r in again] == [("harrow2018", "Sleep")]
