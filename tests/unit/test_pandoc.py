"""Pandoc Markdown: the front matter's bibliography (.bib and CSL JSON) and nocite."""

from __future__ import annotations

import json
from pathlib import Path

from essaylint.config import Settings
from essaylint.loaders.bibtex import parse_bib_text
from essaylint.loaders.pandoc import front_matter, pandoc_bib_paths, pandoc_nocite_keys
from essaylint.pipeline import lint_path

BIB = """
@book{harrow2018, author = {Harrow, Pia}, title = {The Resting Mind}, year = {2018},
  publisher = {Meridian Press}}
@book{unused2010, author = {Quill, Rhys}, title = {Old Ports}, year = {2010}, publisher = {North}}
@misc{qog_2018,
author= {Teorell, Jan, Stefan Dahlberg, Bo Rothstein},
date = {2018},
title = {The Quality of Government Dataset},
publisher={University of Gothenburg}}
"""
CSL = [
    {
        "id": "okafor2020",
        "type": "article-journal",
        "author": [{"family": "Okafor", "given": "Nneka"}],
        "issued": {"date-parts": [[2020, 5]]},
        "title": "Afternoon sleep",
        "container-title": "Learning Quarterly",
        "DOI": "10.5555/lq.2020.7",
    }
]


def _essay(tmp_path: Path, front: str, body: str) -> Path:
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "more.json").write_text(json.dumps(CSL), encoding="utf-8")
    path = tmp_path / "essay.md"
    path.write_text(f"---\n{front}\n---\n\n{body}\n", encoding="utf-8")
    return path


def test_front_matter_names_bibliographies_and_nocite(tmp_path: Path) -> None:
    text = "---\ntitle: x\nbibliography: [refs.bib, more.json]\nnocite: |\n  @a, @b\n---\nText\n"
    assert front_matter(text)["title"] == "x"
    assert pandoc_bib_paths(tmp_path / "e.md", text) == [
        tmp_path / "refs.bib",
        tmp_path / "more.json",
    ]
    assert pandoc_nocite_keys(text) == {"a", "b"}
    assert front_matter("---\n: : not yaml [\n---\n") == {}
    assert front_matter("No front matter.\n---\n") == {}


def test_pandoc_essay_links_bib_and_csl_json_entries(tmp_path: Path) -> None:
    path = _essay(
        tmp_path,
        "bibliography:\n  - refs.bib\n  - more.json",
        "Rest helps [@harrow2018; @okafor2020], as do datasets [@qog_2018] and [@ghost2021].",
    )
    result = lint_path(path, Settings(select=("C", "R")))
    assert result.error is None
    # ghost2021 is in neither file; the unused .bib entry is a database entry, not printed.
    assert [(f.code, f.citation.key if f.citation else None) for f in result.findings] == [
        ("C101", "ghost2021")
    ]
    okafor = next(r for r in result.references if r.key == "okafor2020")
    assert (okafor.authors[0].family, okafor.year, okafor.doi) == (
        "Okafor",
        "2020",
        "10.5555/lq.2020.7",
    )


def test_nocite_star_in_one_essay_prints_every_entry(tmp_path: Path) -> None:
    # A single essay's nocite "@*" prints the whole file, as \nocite{*} does: an entry
    # the text never cites stands in the printed list uncited.
    path = _essay(
        tmp_path,
        'bibliography: refs.bib\nnocite: "@*"',
        "Rest helps [@harrow2018] and datasets [@qog_2018].",
    )
    result = lint_path(path, Settings(select=("C104",)))
    assert result.error is None
    assert any(r.key == "unused2010" and r.listed for r in result.references)
    assert [(f.code, "Quill (2010)" in f.message) for f in result.findings] == [("C104", True)]


def test_an_entry_pybtex_cannot_read_is_kept_by_key() -> None:
    refs = parse_bib_text(BIB, strict=False, warnings=[])
    qog = next(r for r in refs if r.key == "qog_2018")
    assert (qog.year, qog.title, qog.publisher) == (
        "2018",
        "The Quality of Government Dataset",
        "University of Gothenburg",
    )


def test_front_matter_after_blank_lines_is_still_front_matter(tmp_path: Path) -> None:
    # Pandoc reads a metadata block that follows blank lines at the top of the file.
    (tmp_path / "refs.bib").write_text(
        "@book{okafor2018, author = {Okafor, N.}, title = {Night}, publisher = {P}, year = 2018}\n",
        encoding="utf-8",
    )
    essay = tmp_path / "essay.md"
    essay.write_text(
        '\n\n---\nbibliography: "refs.bib"\ncsl: "chicago.csl"\n---\n\n'
        "Night buses matter [@okafor2018]; so do trams [@absent2020].\n",
        encoding="utf-8",
    )
    assert front_matter(essay.read_text(encoding="utf-8"))["bibliography"] == "refs.bib"
    result = lint_path(essay, Settings())
    codes = sorted((f.code, f.citation.key if f.citation else None) for f in result.findings)
    assert codes == [("C101", "absent2020")]  # the YAML lines are neither prose nor citations


RENDERED_BODY = """\
Rest helps ([Harrow 2018](#ref-harrow2018)); a draft cited more.
<!-- Old draft: sleep helps too [@unused2010]. -->

# References

<div id="refs" class="references csl-bib-body hanging-indent">

<div id="ref-harrow2018" class="csl-entry">

Harrow, Pia. 2018. *The Resting Mind*. Meridian Press.

</div>

</div>"""


def test_a_rendered_essay_reads_its_printed_list_not_the_front_matter_bib(tmp_path: Path) -> None:
    # pandoc has run: citations and entries are printed, the .bib is what they came from.
    path = _essay(tmp_path, "bibliography: refs.bib", RENDERED_BODY)
    result = lint_path(path, Settings(select=("C",)))
    assert result.error is None
    assert [r.source for r in result.references] == ["text"]
    assert [f.code for f in result.findings] == []  # no "fits 2 entries" for Harrow (2018)
    assert any("bibliography its front matter names is not read" in n for n in result.notes)
    # An essay that still cites by key uses the .bib beside its printed entries.
    keyed = _essay(tmp_path, "bibliography: refs.bib", RENDERED_BODY + "\n\nAlso [@qog_2018].")
    assert any(r.key == "qog_2018" for r in lint_path(keyed, Settings()).references)


def test_a_bib_given_on_the_command_line_is_read_beside_a_printed_list(tmp_path: Path) -> None:
    path = _essay(tmp_path, "title: x", RENDERED_BODY)
    result = lint_path(path, Settings(select=("C",)), bib_path=tmp_path / "refs.bib")
    assert {r.source for r in result.references} == {"text", "bib"}


NOTED_BIB = """
@misc{tide_tables, title = {Tide Tables of the Severn}, year = {2021},
  journal = {Wikipedia}, urldate = {2021-03-02}}
@book{morrow1999, author = {Morrow, Elin}, title = {Estuaries}, year = {1999},
  publisher = {Slate Press}}
"""


def test_keys_cited_only_inside_footnotes_are_printed_so_checked(tmp_path: Path) -> None:
    """citeproc resolves a note's ``[@key]``: the .bib entry it cites is printed, so checked,
    whether or not every footnote mark has its definition."""
    (tmp_path / "refs.bib").write_text(NOTED_BIB, encoding="utf-8")
    path = tmp_path / "essay.md"
    path.write_text(
        "---\nbibliography: refs.bib\n---\n\n"
        "The bore runs twice a month.[^1] Its height varies.[^2] Fishing ceased.[^3]\n\n"
        "[^1]: [@tide_tables].\n[^2]: [@morrow1999, p. 40]\n",
        encoding="utf-8",
    )
    result = lint_path(path, Settings(select=("C", "R")))
    found = sorted((f.code, f.reference.title if f.reference else None) for f in result.findings)
    assert found == [("C101", None), ("R201", "Tide Tables of the Severn")]


def test_inline_references_are_read_from_the_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "essay.md"
    path.write_text(
        "---\ntitle: Estuaries\nreferences:\n- id: morrow1999\n  type: book\n"
        "  editor:\n  - family: Morrow\n    given: Elin\n  issued:\n    date-parts:\n"
        "    - - 1999\n  title: Estuaries\n  publisher: Slate Press\n...\n\n"
        "Mud flats move [@morrow1999, p. 3].\n",
        encoding="utf-8",
    )
    result = lint_path(path, Settings(select=("C", "R")))
    assert result.findings == ()
    entry = next(r for r in result.references if r.key == "morrow1999")
    assert (entry.authors[0].family, entry.year, entry.source) == ("Morrow", "1999", "bib")
    assert entry.origin is not None
    assert entry.origin.line == 4


def test_a_misspelt_bibliography_key_still_names_the_bib_with_a_note(tmp_path: Path) -> None:
    # "bibliograpy" is pandoc's key one letter short: the writer meant refs.bib.
    path = _essay(
        tmp_path,
        "title: Rest\nbibliograpy: refs.bib",
        "Rest helps [@harrow2018], as Harrow (2017) says of naps.",
    )
    result = lint_path(path, Settings(select=("C", "R")))
    assert result.error is None
    assert [f.code for f in result.findings] == ["C102"]
    assert any("'bibliograpy' is misspelt" in note for note in result.notes)


def test_a_bib_beside_holding_the_cited_keys_is_used_when_no_key_names_one(
    tmp_path: Path,
) -> None:
    # The front matter names no bibliography ("biography" is no key for it); the build
    # passes one on the command line. refs.bib beside the essay holds the cited key, so
    # it is the one meant, and a note says so (no misspelt-key note).
    path = _essay(tmp_path, "title: Rest\nbiography: refs.bib", "Rest helps [@harrow2018].")
    assert pandoc_bib_paths(path, path.read_text(encoding="utf-8")) == []
    result = lint_path(path, Settings(select=("C101",)))
    assert result.findings == ()
    assert any("checked against refs.bib, which has 1 of the 1 keys" in n for n in result.notes)
    assert not any("misspelt" in note for note in result.notes)


def test_no_bib_is_guessed_when_none_beside_holds_the_cited_keys(tmp_path: Path) -> None:
    path = _essay(tmp_path, "title: Rest", "Rest helps [@ghost2019] and [@phantom2020].")
    result = lint_path(path, Settings(select=("C101",)))
    # One finding for the bibliography that is missing, not one per key.
    assert [f.code for f in result.findings] == ["C101"]
    assert "2 keys are cited (@ghost2019, @phantom2020)" in result.findings[0].message
    assert not any("checked against" in note for note in result.notes)


def test_star_nocite_reports_uncited_entries() -> None:
    from essaylint.bibliography_files import database
    from essaylint.loaders.bibtex import parse_bib_text

    refs = parse_bib_text(
        "@book{cited2019, author={Hale, Ann}, title={Used}, publisher={P}, year={2019}}\n"
        "@book{spare2018, author={Rook, Ben}, title={Spare}, publisher={P}, year={2018}}\n"
        "@book{named2017, author={Ito, Cy}, title={Named}, publisher={P}, year={2017}}\n"
    )
    printed = frozenset({"*", "named2017"})
    consulted = {r.key: r.consulted for r in database(refs, printed)}
    # \nocite{*} and nocite "@*": every entry is printed; one the text never cites is no
    # work consulted, while one named by \nocite{key} or "@key" is meant to be there.
    assert consulted == {"cited2019": False, "spare2018": False, "named2017": True}
    assert all(r.listed for r in database(refs, printed))
    chapter = {r.key: r.consulted for r in database(refs, printed, is_root=False)}
    assert chapter == {"cited2019": True, "spare2018": True, "named2017": True}


def test_a_later_entry_under_a_used_key_is_a_duplicate_not_an_uncited_work(
    tmp_path: Path,
) -> None:
    # BibTeX keeps the first entry of a key: the later one is never printed, so it is the
    # key used twice (R203), not an entry the essay forgot to cite.
    (tmp_path / "refs.bib").write_text(
        "@book{tides, author = {Hale, Ann}, title = {Tides}, publisher = {P}, year = {2020}}\n"
        "@book{tides, author = {Hale, Ann}, title = {Old tides}, publisher = {P}, year = {2004}}\n"
        "@book{spare, author = {Rook, Ben}, title = {Spare}, publisher = {P}, year = {2018}}\n",
        encoding="utf-8",
    )
    path = tmp_path / "essay.md"
    path.write_text(
        '---\nbibliography: refs.bib\nnocite: "@*"\n---\n\nTides turn [@tides].\n',
        encoding="utf-8",
    )
    result = lint_path(path, Settings(select=("C104", "R203")))
    assert result.error is None
    found = sorted((f.code, f.origin.line if f.origin else None) for f in result.findings)
    assert found == [("C104", 3), ("R203", 2)]
