"""A citation key's author and year, for a key that names no entry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from essaylint.analysis.cite_keys import author_year_of_key
from essaylint.pipeline import lint_path
from essaylint.reporters import json as json_reporter


@pytest.mark.parametrize(
    ("key", "read"),
    [
        ("kant1993groundwork", ("Kant", "1993")),  # Google Scholar
        ("Masur2020", ("Masur", "2020")),
        ("duggan_gaming_2015", ("Duggan", "2015")),  # Zotero
        ("dugganGaming2015", ("Duggan", "2015")),  # Better BibTeX
        ("smith:2011", ("Smith", "2011")),
        ("WHO2020", ("WHO", "2020")),
        ("noauthor_essential_2018", (None, "2018")),
        ("2019report", (None, "2019")),
        ("ethicsunwrapped", None),  # no year: the key says nothing reliable
    ],
)
def test_author_and_year_of_a_key(key: str, read: tuple[str | None, str] | None) -> None:
    assert author_year_of_key(key) == read


def test_two_missing_keys_in_one_citation_are_two_works(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(
        "@book{hale2019, author={Hale, Ann}, title={Used}, publisher={P}, year={2019}}\n",
        encoding="utf-8",
    )
    tex = tmp_path / "essay.tex"
    tex.write_text(
        "Trust matters \\citep{hale2019, Masur2020, Smith2011}.\n\\bibliography{refs}\n",
        encoding="utf-8",
    )
    report = json.loads(json_reporter.render([lint_path(tex)]))
    missing = [f["citation"] for f in report["files"][0]["findings"] if f["code"] == "C101"]
    assert [(c["key"], c["authors"], c["year"]) for c in missing] == [
        ("Masur2020", ["Masur"], "2020"),
        ("Smith2011", ["Smith"], "2011"),
    ]
