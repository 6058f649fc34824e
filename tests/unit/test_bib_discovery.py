"""The bibliography of a pandoc essay that no file of its project names."""

from __future__ import annotations

from pathlib import Path

import pytest

from essaylint.loaders.bib_discovery import unnamed_bibliography

_BIB = """@book{marlowe2013, author = {Marlowe, Eve}, title = {Ferries}, year = {2013}}
@article{dunmore2017, author = {Dunmore, Pat}, title = {Buses}, year = {2017}}
@string{press = "Harbour Press"}
@misc{quarry2022, author = {Quarry, Lin}, title = {Farms}, year = {2022}}
"""
_CITED = frozenset({"marlowe2013", "dunmore2017", "quarry2022"})


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_database_beside_the_essay_holding_its_keys_is_found(tmp_path: Path) -> None:
    bib = _write(tmp_path / "library.bib", _BIB)
    found = unnamed_bibliography(tmp_path / "essay.md", _CITED | {"elsewhere2020"})
    assert found is not None
    assert (found.path, found.keys_found, found.keys_cited, found.build_file) == (bib, 3, 4, None)


def test_a_database_holding_fewer_than_half_the_keys_is_not_taken(tmp_path: Path) -> None:
    _write(tmp_path / "library.bib", _BIB)
    cited = frozenset({"marlowe2013", "a2001", "b2002", "c2003"})
    assert unnamed_bibliography(tmp_path / "essay.md", cited) is None


def test_the_database_with_most_keys_wins_and_csl_json_ids_count(tmp_path: Path) -> None:
    _write(tmp_path / "other.bib", "@book{marlowe2013, title = {Ferries}}\n")
    csl = _write(
        tmp_path / "refs.json",
        '[{"id": "marlowe2013", "type": "book"}, {"id": "dunmore2017"}, {"id": "quarry2022"}]',
    )
    found = unnamed_bibliography(tmp_path / "essay.md", _CITED)
    assert found is not None
    assert found.path == csl


def test_a_build_script_two_folders_up_names_a_database_in_its_own_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bib = _write(tmp_path / "refs" / "thesis.bib", _BIB)
    script = _write(
        tmp_path / "build.sh",
        "pandoc thesis/chapters/*.md --citeproc \\\n  --bibliography refs/thesis.bib -o out.pdf\n",
    )
    chapter = _write(tmp_path / "thesis" / "chapters" / "two.md", "[@marlowe2013]\n")
    # Given as a path relative to the working folder, as a user in that folder types it.
    monkeypatch.chdir(chapter.parent)
    found = unnamed_bibliography(Path("two.md"), _CITED)
    assert found is not None
    assert (found.path.resolve(), found.build_file) == (bib.resolve(), script)


def test_a_build_variable_is_no_file_name(tmp_path: Path) -> None:
    _write(tmp_path / "Makefile", "BIB = refs.bib\nall:\n\tpandoc a.md --bibliography=$(BIB)\n")
    _write(tmp_path / "refs.bib", _BIB)
    found = unnamed_bibliography(tmp_path / "a.md", _CITED)
    # The .bib lying in the folder is still found by its keys, but not as the Makefile's.
    assert found is not None
    assert found.build_file is None


def test_no_keys_no_search(tmp_path: Path) -> None:
    _write(tmp_path / "refs.bib", _BIB)
    assert unnamed_bibliography(tmp_path / "essay.md", frozenset()) is None


def test_a_named_bibliography_that_is_not_there_is_skipped_with_a_note(tmp_path: Path) -> None:
    """LaTeX goes on without a .bib it cannot find, printing the list the file types; the
    check does the same, and says so, instead of refusing the essay."""
    from essaylint import Settings, lint_path

    essay = tmp_path / "paper.tex"
    essay.write_text(
        "\\documentclass{article}\n\\begin{document}\n"
        "Tides matter \\cite{marsh}.\n"
        "\\bibliographystyle{plain}\n\\bibliography{missing}\n"
        "\\begin{thebibliography}{9}\n"
        "\\bibitem{marsh} Marsh, A.: Tides. Harbour Press (2019)\n"
        "\\bibitem{vale} Vale, S.: Going further. Harbour Press (2013)\n"
        "\\end{thebibliography}\n\\end{document}\n"
    )
    result = lint_path(essay, Settings(select=("C",)), prose=False)
    assert result.error is None
    skipped = "missing.bib is named as the bibliography but is not there"
    assert any(skipped in note for note in result.notes)
    assert [f.rule for f in result.findings] == ["uncited-reference"]


def test_a_latex_chapter_no_root_includes_finds_the_database_beside_it(tmp_path: Path) -> None:
    """A chapter checked alone (no \\documentclass, no \\bibliography, no root including it)
    is checked against the database beside it that holds its keys, with a note."""
    from essaylint.config import Settings
    from essaylint.pipeline import lint_path

    _write(tmp_path / "refs.bib", _BIB)
    chapter = _write(
        tmp_path / "chapter.tex",
        "\\section{Ferries}\nFerries run late \\cite{marlowe2013}, buses too \\cite{dunmore2017}"
        " and trams \\cite{absent2020}.\n",
    )
    result = lint_path(chapter, Settings(select=("C",)), prose=False)
    assert result.error is None
    assert any("refs.bib" in note for note in result.notes)
    # the two keys it holds link; the one it lacks is reported as a key, not the whole list
    assert [(f.rule, "absent2020" in f.message) for f in result.findings] == [
        ("missing-reference", True)
    ]
