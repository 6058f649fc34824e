"""The hand-written essays in fixtures/essays: the clean ones stay clean, in every style."""

from __future__ import annotations

from pathlib import Path

import pytest

from essaylint.pipeline import lint_path

ESSAYS = Path(__file__).resolve().parents[2] / "fixtures" / "essays"

# file, style, citations, references
CLEAN = [
    ("clean-apa.md", "apa", 5, 4),
    ("clean-harvard.md", "harvard", 3, 3),
    ("numeric.md", "numeric", 5, 3),  # [2, 3] counts as two
    ("footnotes.md", None, 2, 2),  # style not asserted: notes with full entries, no list
]


@pytest.mark.parametrize(("name", "style", "citations", "references"), CLEAN)
def test_clean_essays_have_no_findings(
    name: str, style: str | None, citations: int, references: int
) -> None:
    result = lint_path(ESSAYS / name)
    assert result.error is None
    assert [f"{f.code} {f.message}" for f in result.findings] == []
    if style is not None:
        assert result.style == style
    assert len(result.citations) == citations
    assert len(result.references) == references
    assert all(link.reference is not None for link in result.links) or not result.links


def test_problem_essay_findings() -> None:
    result = lint_path(ESSAYS / "problems-apa.md")
    found = sorted((f.code, f.rule) for f in result.findings)
    assert found == [
        ("C101", "missing-reference"),  # Quillfeather 2017 is not listed
        ("C102", "year-mismatch"),  # Brennan cited as 2019, listed as 2016
        ("C104", "uncited-reference"),  # Yarrow 2018 is never cited
        ("R201", "missing-url"),  # Evening Courier: "Retrieved from" and nothing after
        ("R204", "reference-order"),  # Evening Courier listed after Halvorsen
    ]


def test_numeric_citation_ranges_and_lists_link_every_entry() -> None:
    result = lint_path(ESSAYS / "numeric.md")
    numbers = sorted({c.number for c in result.citations if c.number is not None})
    assert numbers == [1, 2, 3]
