"""Regressions: behaviour that was once wrong (found while writing the CLI tests)."""

from __future__ import annotations

from essaylint.pipeline import lint_text

REFS = (
    "\n\n## References\n\n"
    "Dunmore, J. (2020). Street food and the town centre. *Journal of Urban Leisure*, "
    "9(1), 12-30.\n\n"
    "Evening Courier. (2022, May 4). Night market returns. https://courier.example/night-market\n\n"
    "Öztürk, S. (2016). *After six: The evening economy of small towns*. Northgate Books.\n"
)


def test_narrative_citation_with_non_ascii_initial() -> None:
    result = lint_text(
        "Dunmore (2020) and Öztürk (2016) agree (Evening Courier, 2022)." + REFS, path="e.md"
    )
    assert [c.text for c in result.citations] == [
        "Dunmore (2020)",
        "Öztürk (2016)",
        "(Evening Courier, 2022)",
    ]
    assert [f.code for f in result.findings] == []


def test_corporate_author_entry_is_sorted_by_its_full_name() -> None:
    result = lint_text(
        "Dunmore (2020) and others agree (Evening Courier, 2022; Öztürk, 2016)." + REFS,
        path="e.md",
    )
    courier = result.references[1]
    assert courier.authors[0].family == "Evening Courier"
    assert [f.code for f in result.findings if f.code == "R204"] == []


def test_footnote_essay_style_is_numeric() -> None:
    text = (
        "Ferries carry post and medicine.[^1] Shops feel a cut within a week.[^2]\n\n"
        "[^1]: Morrow, C. (2018). *Lifelines: Ferry routes and island economies*. Harbour Press.\n"
        "[^2]: Sinclair, A. (2021). Supply shocks on small islands. *Island Studies Review*, "
        "16(2), 77-93.\n"
    )
    result = lint_text(text, path="f.md")
    assert len(result.citations) == 2
    assert len(result.references) == 2
    assert result.findings == ()
    assert result.style == "numeric"
