"""The language server's bibliography: the one ``check`` uses, read again when files change."""

from __future__ import annotations

from pathlib import Path

import pytest

from essaylint.config import Settings
from essaylint.loaders import load_path
from essaylint.models import Document, FileResult
from essaylint.pipeline import lint_path
from essaylint.server.engine import Engine

_CITATION_RULES = {"missing-reference", "year-mismatch", "uncited-reference", "author-mismatch"}

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


_PROJECTS = Path(__file__).parents[2] / "fixtures" / "projects"


@pytest.mark.parametrize(
    "chapter",
    [
        "thesis/chapters/method.tex",
        "thesis/chapters/results.tex",
        "thesis-macros/chapters/stations.tex",
    ],
)
def test_a_latex_chapter_gets_its_roots_bibliography_and_commands_as_check_does(
    chapter: str,
) -> None:
    path = _PROJECTS / chapter
    doc = load_path(path)
    served = Engine().lint(doc, str(path), Settings(), prose=False)
    checked = lint_path(path, Settings())

    def citation_findings(result: FileResult) -> list[tuple[str, str]]:
        return sorted((f.rule, f.message) for f in result.findings if f.rule in _CITATION_RULES)

    assert citation_findings(served) == citation_findings(checked)
    assert citation_findings(served)  # each chapter has a planted problem
    assert not any("no bibliography was found" in f.message for f in served.findings)
