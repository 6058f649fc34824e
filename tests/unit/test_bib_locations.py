"""Where findings are: a .bib entry's own line, a word-processor paragraph or footnote."""

from __future__ import annotations

from pathlib import Path

from essaylint.config import Settings
from essaylint.loaders.bibtex import parse_bib_text
from essaylint.loaders.pandoc import pandoc_project
from essaylint.models import Block, Document, FileResult, Finding, SourceLocation, Span
from essaylint.pipeline import lint_path, once_per_project
from essaylint.reporters.json import report_dict
from essaylint.reporters.location import BlockLocator
from essaylint.reporters.text import render as render_text

BIB = """% refs
@book{ward2010,
  author = {Ward, Nell}, title = {Tides}, publisher = {Quay}, year = {2010},
}

@book{ward2010again,
  author = {Ward, Nell}, title = {Tides}, publisher = {Quay}, year = {2010},
}
@book{ash2001,
  author = {Ash, Tom}, title = {Salt Marsh Birds}, publisher = {Fen}, year = {2001},
}
@book{ash2001copy,
  author = {Ash, Tom}, title = {Salt marsh birds}, publisher = {Fen}, year = {2001},
}
"""


def test_bib_entries_carry_the_line_of_their_head(tmp_path: Path) -> None:
    refs = parse_bib_text(BIB, path=str(tmp_path / "refs.bib"))
    assert [(r.key, r.origin.line if r.origin else None) for r in refs] == [
        ("ward2010", 2),
        ("ward2010again", 6),
        ("ash2001", 9),
        ("ash2001copy", 12),
    ]
    assert parse_bib_text(BIB)[0].origin is None  # text without a file: no place to point at


def _essay(tmp_path: Path, body: str, front: str = "") -> Path:
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    essay = tmp_path / "essay.md"
    essay.write_text(f"---\nbibliography: refs.bib\n{front}---\n\n{body}\n", encoding="utf-8")
    return essay


def test_duplicates_in_an_unprinted_database_are_not_the_essays_problem(tmp_path: Path) -> None:
    # Only ward2010 is cited: the Ash pair is never printed, the Ward copy neither.
    result = lint_path(_essay(tmp_path, "Tides turn [@ward2010]."), Settings(select=("R203",)))
    assert result.findings == ()


def test_a_duplicate_both_printed_is_reported_at_the_later_entry_in_the_bib(
    tmp_path: Path,
) -> None:
    essay = _essay(tmp_path, "Tides turn [@ward2010] and turn again [@ward2010again].")
    (finding,) = lint_path(essay, Settings(select=("R203",))).findings
    assert finding.origin == SourceLocation(path=str(tmp_path / "refs.bib"), line=6)
    assert "refs.bib line 2, key ward2010" in finding.message


def test_nocite_all_prints_every_entry_and_reports_them_at_their_lines(tmp_path: Path) -> None:
    essay = _essay(tmp_path, "Tides turn [@ward2010].", front='nocite: "@*"\n')
    result = lint_path(essay, Settings(select=("C104", "R203")))
    # nocite "@*" prints every entry: the two copies of the work never cited (ash2001)
    # and the printed duplicates are reported at their own lines of the .bib.
    placed = sorted((f.code, f.origin.line) for f in result.findings if f.origin)
    assert placed == [("C104", 9), ("C104", 12), ("R203", 6), ("R203", 12)]
    report = report_dict([result])["files"][0]["findings"]
    assert {f["file"] for f in report} == {str(tmp_path / "refs.bib")}
    assert sorted(f["line"] for f in report) == [6, 9, 12, 12]
    text = render_text([result])
    assert f"{tmp_path / 'refs.bib'}:12:1: R203 duplicate-reference" in text


def test_findings_in_a_shared_bib_are_kept_once_per_run() -> None:
    origin = SourceLocation(path="refs.bib", line=4)
    at_entry = Finding(
        code="R203", rule="duplicate-reference", severity="warning", message="m",
        span=Span(start=0, end=0), origin=origin,
    )  # fmt: skip
    own = at_entry.model_copy(update={"origin": None})
    results = [
        FileResult(path="ch1.md", findings=(at_entry, own)),
        FileResult(path="ch2.md", findings=(at_entry, own)),
    ]
    kept = once_per_project(results)
    assert [len(r.findings) for r in kept] == [2, 1]
    assert kept[1].findings == (own,)


def test_pandoc_book_from_a_defaults_file(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "ch").mkdir()
    one, two = tmp_path / "ch" / "one.md", tmp_path / "ch" / "two.md"
    one.write_text("# One\n\nTides [@ward2010].\n", encoding="utf-8")
    two.write_text("# Two\n\nBirds [@ash2001].\n", encoding="utf-8")
    (tmp_path / "defaults.yaml").write_text(
        "input-files: [ch/one.md, ch/two.md]\nbibliography: refs.bib\nmetadata:\n  nocite: '@*'\n",
        encoding="utf-8",
    )
    first = pandoc_project(one, one.read_text(encoding="utf-8"))
    second = pandoc_project(two, two.read_text(encoding="utf-8"))
    assert first.bib_files == (tmp_path / "refs.bib",)
    assert first.is_owner
    assert not second.is_owner
    assert "*" in first.nocite
    assert "*" in second.nocite
    assert first.cited_elsewhere == {"ash2001"}
    assert second.cited_elsewhere == {"ward2010"}


def test_a_lone_markdown_essay_is_its_own_book(tmp_path: Path) -> None:
    essay = tmp_path / "essay.md"
    essay.write_text("No bibliography here (Ward, 2010).\n", encoding="utf-8")
    project = pandoc_project(essay, essay.read_text(encoding="utf-8"))
    assert project.bib_files == ()
    assert project.is_owner


def _docx_like() -> Document:
    parts = [
        ("Results", "heading"),
        ("Social media has changed how students find sources (Ward, 2010).", "paragraph"),
        ("¹ Ward, Tides, 45.", "footnote"),
        ("A cell", "table-cell"),
    ]
    text = "\n\n".join(part for part, _ in parts)
    blocks, start = [], 0
    for part, kind in parts:
        blocks.append(Block(start=start, end=start + len(part), kind=kind))  # type: ignore[arg-type]
        start += len(part) + 2
    return Document.from_text(
        text, path="essay.docx", format="docx", blocks=tuple(blocks),
        source_lines=(1, 1, 4, 4, 4, 4, 9),
    )  # fmt: skip


def test_word_processor_findings_say_paragraph_footnote_or_cell() -> None:
    doc = _docx_like()
    text = doc.text
    locate = BlockLocator(doc)
    assert locate.at(3) == 'heading ("Results")'
    assert locate.at(60) == 'paragraph 4 ("Social media has changed how students…")'
    assert locate.at(text.index("Tides")) == 'footnote 1 ("Ward, Tides, 45.")'
    assert locate.at(text.index("A cell")) == 'table cell ("A cell")'
    markdown = Document.from_text("Text (Ward, 2010).\n", path="essay.md", format="markdown")
    assert BlockLocator(markdown).at(3) is None


def test_json_keeps_line_and_adds_the_location_for_docx() -> None:
    doc = _docx_like()
    finding = Finding(
        code="C101", rule="missing-reference", severity="error", message="m",
        span=Span(start=doc.text.index("(Ward"), end=doc.text.index("2010)") + 5),
    )  # fmt: skip
    result = FileResult(path="essay.docx", document=doc, findings=(finding,))
    (shown,) = report_dict([result])["files"][0]["findings"]
    assert shown["line"] == 4
    assert shown["location"] == 'paragraph 4 ("Social media has changed how students…")'
    assert 'essay.docx: paragraph 4 ("Social media' in render_text([result])


def test_csl_json_items_carry_the_line_of_their_id(tmp_path: Path) -> None:
    from essaylint.loaders.csljson import load_csl_json

    path = tmp_path / "refs.json"
    path.write_text(
        '[\n  {\n    "id": "ward2010",\n    "type": "book",\n    "title": "Tides"\n  },\n'
        '  {"id": "ash2001", "type": "book", "title": "Birds"}\n]\n',
        encoding="utf-8",
    )
    assert [(r.key, r.origin.line if r.origin else None) for r in load_csl_json(path)] == [
        ("ward2010", 3),
        ("ash2001", 7),
    ]
