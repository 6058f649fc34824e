"""Behaviour essaylint gets wrong today, pinned as strict xfails so a fix is noticed."""

from __future__ import annotations

import pytest

from essaylint.pipeline import lint_text

REFS = (
    "\n\n## References\n\n"
    "Dunmore, J. (2020). Street food and the town centre. *Journal of Urban Leisure*, "
    "9(1), 12-30.\n\n"
    "Evening Courier. (2022, May 4). Night market returns. https://courier.example/night-market\n\n"
    "Öztürk, S. (2016). *After six: The evening economy of small towns*. Northgate Books.\n"
)


@pytest.mark.xfail(
    strict=True,
    reason="narrative citations whose author starts with a non-ASCII capital (Öztürk, Émile, "
    "Ångström) are not extracted: the narrative pattern uses [A-Z]; the entry is then "
    "reported as uncited (C104)",
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


@pytest.mark.xfail(
    strict=True,
    reason="a multi-word corporate author written without a comma ('Evening Courier.') is "
    "parsed as given='Evening' family='Courier', so R204 sorts it under C and messages "
    "call it 'Courier (2022)'",
)
def test_corporate_author_entry_is_sorted_by_its_full_name() -> None:
    result = lint_text(
        "Dunmore (2020) and others agree (Evening Courier, 2022; Öztürk, 2016)." + REFS,
        path="e.md",
    )
    courier = result.references[1]
    assert courier.authors[0].family == "Evening Courier"
    assert [f.code for f in result.findings if f.code == "R204"] == []


@pytest.mark.xfail(
    strict=True,
    reason="an essay cited only through Markdown footnotes is labelled 'apa'; the corpus gold "
    "(07-dietary-fats-guide) calls it 'numeric' - detect_style counts only kind == 'numeric'",
)
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
