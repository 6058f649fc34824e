"""A year where an MLA page would stand (essaylint.analysis.citations_mla_dated)."""

from __future__ import annotations

from essaylint.analysis.citations_mla_dated import (
    dated_works,
    year_for_page,
    years_before_pages,
)
from essaylint.models import Citation, Person, Reference, Span


def _entry(year: str, pages: str | None) -> Reference:
    return Reference(raw="x", authors=(Person(family="Lindqvist"),), year=year, pages=pages)


def test_a_year_near_the_entrys_is_a_year() -> None:
    assert year_for_page("Lindqvist", "2014", dated_works([_entry("2015", "100")])) == "2014"


def test_a_page_the_entry_runs_over_stays_a_page() -> None:
    assert year_for_page("Lindqvist", "2014", dated_works([_entry("2015", "2008-2020")])) is None


def test_a_number_far_from_the_entrys_year_stays_a_page() -> None:
    assert year_for_page("Lindqvist", "1990", dated_works([_entry("2015", None)])) is None
    assert year_for_page("Lindqvist", "45", dated_works([_entry("2015", None)])) is None
    assert year_for_page("Orr", "2015", dated_works([_entry("2015", None)])) is None


def _cited(locator: str) -> Citation:
    return Citation(
        span=Span(start=0, end=1), text="(Oduya 1911, 45)", kind="author-date",
        authors=("Oduya",), locator=locator,
    )  # fmt: skip


def test_a_year_then_a_lower_page_is_the_year_and_the_page() -> None:
    (cited,) = years_before_pages([_cited("1911, 45")])
    assert (cited.year, cited.locator) == ("1911", "45")


def test_pages_stay_pages() -> None:
    for locator in ("45, 47", "1911, 1912", "112"):
        (cited,) = years_before_pages([_cited(locator)])
        assert (cited.year, cited.locator) == (None, locator)
