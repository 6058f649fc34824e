"""A LaTeX thesis and pandoc books of many files: each planted problem once, where it is.

fixtures/projects/thesis: main.tex (\\nocite{*}, \\bibliography{refs}) includes three
chapters; fixtures/projects/book: three chapters naming refs.bib in their front
matter (the first with ``nocite: "@*"``); fixtures/projects/book-defaults: the
same book with the bibliography, nocite and chapter list in a pandoc defaults file;
fixtures/projects/book-script: the same book built by a script that alone names the
bibliography (``--bibliography=refs.bib``, no nocite); fixtures/projects/thesis-macros: a
thesis whose class macro names its .bib and whose chapters cite with a command of its own;
fixtures/projects/thesis-header: a root that \\include-s its preamble (\\documentclass and
\\bibliography in header.tex) before \\begin{document}.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from essaylint.cli import app

ROOT = Path(__file__).resolve().parents[2]
PROJECTS = ROOT / "fixtures" / "projects"


def _check(*args: str) -> list[tuple[str, int, str, str]]:
    """(file, line, rule, key or author) of every C/R finding, in report order."""
    result = CliRunner().invoke(app, ["check", "--format", "json", "--select", "C,R", *args])
    assert result.exit_code == 1, result.output
    report = json.loads(result.output)
    found = []
    for entry in report["files"]:
        assert entry["error"] is None
        for f in entry["findings"]:
            where = Path(f.get("file", entry["path"])).relative_to(PROJECTS).as_posix()
            cited = (f["citation"] or {}).get("key")
            who = cited or ((f["reference"] or {}).get("authors") or [""])[0]
            found.append((where, f["line"], f["rule"], who))
    return found


THESIS = [
    ("thesis/refs.bib", 35, "uncited-reference", "Lindqvist"),
    ("thesis/refs.bib", 28, "missing-url", "Fieldhouse District Council"),
    ("thesis/refs.bib", 45, "duplicate-reference", "Tanaka"),
    ("thesis/chapters/method.tex", 8, "missing-reference", "okafor2021"),
    ("thesis/chapters/results.tex", 3, "year-mismatch", "Brennan"),
]


def test_thesis_folder_reports_each_planted_problem_once() -> None:
    assert sorted(_check(str(PROJECTS / "thesis"))) == sorted(THESIS)


def test_thesis_chapter_alone_reports_its_own_problems_and_the_printed_entries() -> None:
    # Chapter 2 alone: its missing key, and the problems of .bib entries the thesis
    # prints (\nocite{*} in the root); the uncited entry is the root's to report.
    found = _check(str(PROJECTS / "thesis" / "chapters" / "method.tex"))
    assert sorted(found) == sorted(
        [
            ("thesis/refs.bib", 28, "missing-url", "Fieldhouse District Council"),
            ("thesis/refs.bib", 45, "duplicate-reference", "Tanaka"),
            ("thesis/chapters/method.tex", 8, "missing-reference", "okafor2021"),
        ]
    )


def test_thesis_root_alone_checks_the_whole_thesis() -> None:
    # "essaylint check main.tex" checks the thesis: the root and the chapters it includes.
    assert sorted(_check(str(PROJECTS / "thesis" / "main.tex"))) == sorted(THESIS)


def test_thesis_root_and_its_chapters_given_together_are_each_checked_once() -> None:
    chapters = sorted(str(p) for p in (PROJECTS / "thesis" / "chapters").glob("*.tex"))
    found = _check(*chapters, str(PROJECTS / "thesis" / "main.tex"))
    assert sorted(found) == sorted(THESIS)


# fixtures/projects/thesis-macros: the root names its .bib with a class macro
# (\sources{keepers.bib}), defines its own page-citation command (\page{key}{page},
# used in the \input chapters), prints every entry (\nocite{*}) and has "(Stand 1989)".
THESIS_MACROS = [
    ("thesis-macros/keepers.bib", 25, "uncited-reference", "Calloway"),
    ("thesis-macros/chapters/stations.tex", 6, "missing-reference", "ashdown2014"),
]


def test_thesis_whose_bib_and_citation_command_are_its_own_reports_each_problem_once() -> None:
    root = PROJECTS / "thesis-macros" / "lighthouses.tex"
    assert sorted(_check(str(root))) == sorted(THESIS_MACROS)
    assert sorted(_check(str(PROJECTS / "thesis-macros"))) == sorted(THESIS_MACROS)


def test_the_bib_a_macro_names_is_found_by_its_keys_and_said_once() -> None:
    root = PROJECTS / "thesis-macros" / "lighthouses.tex"
    result = CliRunner().invoke(app, ["check", "--select", "C,R", str(root)])
    notes = [line for line in result.output.splitlines() if "no bibliography is named" in line]
    assert len(notes) == 1
    assert "checked against keepers.bib, which has 3 of the 4 keys" in notes[0]


def _book(folder: str, chapters: str) -> list[tuple[str, int, str, str]]:
    shift = 1 if chapters else 0  # the defaults variant's chapters have no bibliography line
    return [
        (f"{folder}/refs.bib", 37, "uncited-reference", "Pemberton"),
        (f"{folder}/refs.bib", 20, "missing-url", "North Coast Regional Authority"),
        (f"{folder}/refs.bib", 45, "duplicate-reference", "Castellanos"),
        (f"{folder}/{chapters}02-defences.md", 10 - shift, "missing-reference", "ortiz2020"),
        (f"{folder}/{chapters}03-choices.md", 8 - shift, "year-mismatch", "Halvorsen"),
    ]


@pytest.mark.parametrize(("folder", "chapters"), [("book", ""), ("book-defaults", "chapters/")])
def test_pandoc_book_reports_each_planted_problem_once(folder: str, chapters: str) -> None:
    assert sorted(_check(str(PROJECTS / folder))) == sorted(_book(folder, chapters))


@pytest.mark.parametrize(("folder", "chapters"), [("book", ""), ("book-defaults", "chapters/")])
def test_pandoc_chapters_given_one_by_one_report_the_same(folder: str, chapters: str) -> None:
    # The pre-commit hook passes files, not the folder: the same findings, once.
    files = sorted(str(p) for p in (PROJECTS / folder).rglob("*.md"))
    assert sorted(_check(*files)) == sorted(_book(folder, chapters))


def test_pandoc_middle_chapter_alone_does_not_report_uncited_entries() -> None:
    found = _check(str(PROJECTS / "book" / "02-defences.md"))
    assert "uncited-reference" not in {rule for _, _, rule, _ in found}
    assert ("book/02-defences.md", 10, "missing-reference", "ortiz2020") in found


def test_a_bibliography_named_only_by_the_build_script_is_used_with_a_note() -> None:
    # No chapter names refs.bib; build.sh passes it. Without nocite only cited entries
    # are printed, so the uncited one is no problem; the others are found once.
    expected = [f for f in _book("book-script", "chapters/") if f[2] != "uncited-reference"]
    assert sorted(_check(str(PROJECTS / "book-script"))) == sorted(expected)
    result = CliRunner().invoke(
        app,
        ["check", "--select", "C,R", str(PROJECTS / "book-script" / "chapters" / "03-choices.md")],
    )
    assert "checked against ../refs.bib, which ../build.sh passes with --bibliography" in (
        result.output
    )


def test_bib_findings_in_text_sarif_and_github_name_the_bib() -> None:
    folder = str(PROJECTS / "thesis")
    text = CliRunner().invoke(app, ["check", "--select", "C,R", folder]).output
    assert "thesis/refs.bib:35:1: C104 uncited-reference Lindqvist (2015)" in text
    github = CliRunner().invoke(app, ["check", "-f", "github", "--select", "C,R", folder]).output
    assert any("refs.bib,line=45" in line and "R203" in line for line in github.splitlines())
    sarif = json.loads(
        CliRunner().invoke(app, ["check", "-f", "sarif", "--select", "C,R", folder]).output
    )
    results = sarif["runs"][0]["results"]
    uncited = [r for r in results if r["ruleId"] == "C104"]
    assert len(uncited) == 1
    location = uncited[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("thesis/refs.bib")
    assert location["region"]["startLine"] == 35


THESIS_HEADER = [
    ("thesis-header/literatur/quellen.bib", 18, "duplicate-reference", "Hartley"),
    ("thesis-header/kapitel/methode.tex", 4, "missing-reference", "villanueva2017"),
]


def test_thesis_whose_preamble_is_an_included_header_reports_each_problem_once() -> None:
    root = PROJECTS / "thesis-header" / "main.tex"
    assert sorted(_check(str(root))) == sorted(THESIS_HEADER)
    assert sorted(_check(str(PROJECTS / "thesis-header"))) == sorted(THESIS_HEADER)
