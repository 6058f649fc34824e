"""A LaTeX thesis of a root file, included chapters and one .bib, checked file by file."""

from __future__ import annotations

from pathlib import Path

import pytest

from essaylint.config import Settings
from essaylint.loaders.latex_project import latex_project
from essaylint.pipeline import lint_path

ROOT = r"""\documentclass{report}
\begin{document}
\include{chapters/intro}
\input{chapters/method.tex}
%\include{chapters/draft}
\nocite{*}
\bibliography{refs}
\end{document}
"""
BIB = """@book{harrow2018, author = {Harrow, Pia}, title = {Rest}, year = {2018}, publisher = {M}}
@article{okafor2020, author = {Okafor, N.}, title = {Naps}, journal = {L Q}, year = {2020}}
@book{unused2010, author = {Quill, Rhys}, title = {Old Ports}, year = {2010}, publisher = {N}}
"""


def _thesis(tmp_path: Path) -> Path:
    (tmp_path / "chapters").mkdir()
    (tmp_path / "thesis.tex").write_text(ROOT, encoding="utf-8")
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "chapters" / "intro.tex").write_text(
        "Sleep helps \\cite{harrow2018}; naps too \\parencite[p.~4]{okafor2020}.\n",
        encoding="utf-8",
    )
    (tmp_path / "chapters" / "method.tex").write_text(
        "We follow \\citet{harrow2018} and \\cite{ghost2021}.\n", encoding="utf-8"
    )
    (tmp_path / "chapters" / "draft.tex").write_text("Old \\cite{unused2010}.\n", encoding="utf-8")
    return tmp_path


def test_a_chapter_uses_the_root_bibliography_and_the_root_reports_uncited_entries_once(
    tmp_path: Path,
) -> None:
    root = _thesis(tmp_path)
    intro = latex_project(root / "chapters" / "intro.tex", "x \\cite{harrow2018}")
    assert intro.root == root / "thesis.tex"
    assert not intro.is_root
    assert intro.bib_files == (root / "refs.bib",)
    assert intro.cited_elsewhere >= {"harrow2018", "ghost2021"}
    # The commented-out draft chapter is not part of the thesis.
    assert "unused2010" not in intro.cited_elsewhere

    found = {
        path.relative_to(root).as_posix(): [(f.code, f.message) for f in result.findings]
        for path in (root / "thesis.tex", *sorted((root / "chapters").glob("*.tex")))
        for result in [lint_path(path, Settings(select=("C",)))]
    }
    assert [c for c, _ in found["chapters/method.tex"]] == ["C101"]
    assert "ghost2021" in found["chapters/method.tex"][0][1]
    assert found["chapters/intro.tex"] == []
    # \nocite{*} prints the whole .bib: the one entry no file cites is reported, by the root only.
    assert [c for c, _ in found["thesis.tex"]] == ["C104"]
    assert "Quill" in found["thesis.tex"][0][1]


def test_a_chapter_given_relative_to_its_own_folder_finds_the_root_above(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "essaylint check intro.tex" typed inside chapters/: the root is one folder up.
    root = _thesis(tmp_path)
    monkeypatch.chdir(root / "chapters")
    intro = latex_project(Path("intro.tex"), "x \\cite{harrow2018}")
    assert intro.root is not None
    assert intro.root.resolve() == (root / "thesis.tex").resolve()
    assert not intro.is_root
