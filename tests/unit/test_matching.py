"""Linking citations to entries: matches, wrong years, near-miss names, ambiguity."""

from __future__ import annotations

from essaylint.analysis.matching import cited_reference_indices, link_citations, years_agree
from essaylint.models import Citation, Person, Reference, Span

SPAN = Span(start=0, end=1)


def ref(*families: str, year: str, corporate: bool = False, et_al: bool = False) -> Reference:
    people = tuple(Person(family=f, corporate=corporate) for f in families)
    return Reference(raw=f"{families[0]} ({year})", authors=people, year=year, et_al=et_al)


def cite(*authors: str, year: str, et_al: bool = False, alias: str | None = None) -> Citation:
    return Citation(span=SPAN, text="x", authors=authors, year=year, et_al=et_al, alias=alias)


def test_exact_match_ignores_case_diacritics_particles_and_the() -> None:
    refs = [ref("van Dijk", year="1998"), ref("The Guardian", year="2016", corporate=True),
            ref("Coué", year="1920")]  # fmt: skip
    links = link_citations(
        [cite("Van Dijk", year="1998"), cite("Guardian", year="2016"), cite("Coue", year="1920")],
        refs,
    )
    assert [(link.status, link.reference) for link in links] == [
        ("matched", 0), ("matched", 1), ("matched", 2),
    ]  # fmt: skip


def test_wrong_year_is_a_year_mismatch_pointing_at_the_closest_entry() -> None:
    refs = [ref("Pan", "Lu", "Wang", "Chau", year="2017"), ref("Pan", year="2005")]
    (link,) = link_citations([cite("Pan", "Lu", "Wang", "Chau", year="2019")], refs)
    assert link.status == "year-mismatch"
    assert link.reference == 0
    assert set(link.candidates) == {0, 1}


def test_same_surname_two_works_are_told_apart_by_year() -> None:
    refs = [ref("Tuckman", year="1965"), ref("Tuckman", "Jensen", year="1977")]
    links = link_citations([cite("Tuckman", year="1965")], refs)
    assert links[0].status == "matched"
    assert links[0].reference == 0
    assert cited_reference_indices(links) == {0}


def test_misspelt_coauthor_is_an_author_mismatch() -> None:
    refs = [ref("O'Day", "Gross", year="2021")]
    (link,) = link_citations([cite("O'Day", "Heimberg", year="2021")], refs)
    assert link.status == "author-mismatch"
    assert (link.differing_author, link.expected_author) == ("Heimberg", "Gross")


def test_near_miss_corporate_name_is_an_author_mismatch() -> None:
    refs = [ref("Open Polytechnic", year="n.d.", corporate=True)]
    (link,) = link_citations([cite("Poly Technic", year="n.d.")], refs)
    assert link.status == "author-mismatch"
    assert link.expected_author == "Open Polytechnic"


def test_unknown_author_is_missing_with_closest_candidates() -> None:
    refs = [ref("Schulman", year="2017"), ref("Zhang", year="2023")]
    (link,) = link_citations([cite("Schuhmann", year="2022", et_al=True)], refs)
    assert link.status == "missing"
    assert link.candidates[:1] == (0,)


def test_abbreviation_of_a_corporate_author_matches() -> None:
    refs = [ref("World Health Organization", year="2020", corporate=True)]
    links = link_citations([cite("WHO", year="2020")], refs)
    assert links[0].status == "matched"


def test_same_author_and_year_without_suffix_is_ambiguous() -> None:
    refs = [
        ref("Smith", year="2019").model_copy(update={"title": "Moss and lichen"}),
        ref("Smith", year="2019").model_copy(update={"title": "Ferns of the valley"}),
    ]
    (link,) = link_citations([cite("Smith", year="2019")], refs)
    assert link.status == "ambiguous"
    assert set(link.candidates) == {0, 1}


def test_one_work_listed_in_each_part_links_to_the_list_after_the_citation() -> None:
    def copy(start: int, title: str) -> Reference:
        entry = ref("Smith", year="2019").model_copy(update={"title": title})
        return entry.model_copy(update={"span": Span(start=start, end=start + 40)})

    refs = [
        copy(100, "Moss and Lichen in Upland Bogs"),
        copy(300, "Moss and Lichen in Upland Bogs: A Field Guide"),
    ]
    first = Citation(span=Span(start=10, end=20), text="x", authors=("Smith",), year="2019")
    second = Citation(span=Span(start=200, end=210), text="y", authors=("Smith",), year="2019")
    links = link_citations([first, second], refs)
    assert [(link.status, link.reference) for link in links] == [("matched", 0), ("matched", 1)]


def test_suffixes_must_agree_when_both_sides_have_one() -> None:
    assert years_agree("2022a", "2022a")
    assert years_agree("2022", "2022a")
    assert not years_agree("2022a", "2022b")
    assert years_agree("n.d.", "n. d.")
    assert not years_agree("2019", "2017")


def test_numeric_and_key_citations() -> None:
    refs = [
        Reference(raw="a", number=1),
        Reference(raw="b", number=2),
        Reference(raw="c", key="rong2013"),
    ]
    cits = [
        Citation(span=SPAN, text="[2]", kind="numeric", number=2),
        Citation(span=SPAN, text="[41]", kind="numeric", number=41),
        Citation(span=SPAN, text="[^rong2013]", kind="footnote", key="rong2013"),
    ]
    assert [link.status for link in link_citations(cits, refs)] == ["matched", "missing", "matched"]


def test_secondary_citation_needs_no_entry() -> None:
    c = Citation(span=SPAN, text="x", authors=("Smith",), year="2010", secondary=True)
    (link,) = link_citations([c], [])
    assert link.status == "secondary"


def test_given_name_written_in_the_text_tells_same_surname_entries_apart() -> None:
    refs = [
        Reference(raw="k", authors=(Person(family="Smith", given="K."),), year="2019"),
        Reference(raw="j", authors=(Person(family="Smith", given="J."),), year="2019"),
    ]
    for text in ("John Smith (2019)", "J. Smith (2019)", "(J. Smith, 2019)"):
        c = Citation(span=SPAN, text=text, authors=("Smith",), year="2019", narrative=True)
        (link,) = link_citations([c], refs)
        assert (link.status, link.reference) == ("matched", 1), text


def entry(
    family: str,
    year: str,
    *,
    given: str | None = None,
    title: str | None = None,
    coauthors: tuple[str, ...] = (),
) -> Reference:
    first = Person(family=family, given=given, corporate=given is None)
    people = (first, *(Person(family=name, given="A.") for name in coauthors))
    return Reference(raw=f"{family} ({year})", authors=people, year=year, title=title)


def test_a_shortened_corporate_name_is_an_author_mismatch_of_the_unused_entry() -> None:
    refs = [entry("Doyle", "2022", given="A."), entry("VARK Learn Limited", "2022")]
    links = link_citations([cite("Doyle", year="2022"), cite("VARK", year="2022")], refs)
    assert links[1].status == "author-mismatch"
    assert (links[1].reference, links[1].differing_author, links[1].expected_author) == (
        1, "VARK", "VARK Learn Limited",
    )  # fmt: skip
    assert cited_reference_indices(links) == {0, 1}


def test_a_contraction_or_word_subset_of_the_corporate_name_links() -> None:
    for cited, name in (
        ("UoPeople", "University of the People"),
        ("UoP", "University of the People"),
        ("Georgetown Library", "Georgetown University Library"),
    ):
        (link,) = link_citations([cite(cited, year="n.d.")], [entry(name, "n.d.")])
        assert (link.status, link.reference, link.expected_author) == (
            "author-mismatch", 0, name,
        ), cited  # fmt: skip


def test_the_short_title_used_as_the_author_links_to_its_entry() -> None:
    refs = [
        entry("University of Minnesota", "2015", title="College Success"),
        entry("Greenfield", "2020", given="B.", title="Boundless: Upgrading your brain"),
    ]
    links = link_citations(
        [cite("College Success", year="2015"), cite("Boundless", year="2020")], refs
    )
    assert [(link.status, link.reference, link.expected_author) for link in links] == [
        ("author-mismatch", 0, "University of Minnesota"),
        ("author-mismatch", 1, "Greenfield"),
    ]


def test_the_first_authors_given_name_used_as_the_author_links() -> None:
    turner = entry("Turner", "2001", given="S. E.", coauthors=("Meserve", "Bowen"))
    (link,) = link_citations([cite("Sarah", "Meserve", "Bowen", year="2001")], [turner])
    assert (link.status, link.reference, link.expected_author) == ("author-mismatch", 0, "Turner")
    (link,) = link_citations(
        [cite("Sarah", year="2001")], [entry("Turner", "2001", given="Sarah E.")]
    )
    assert (link.status, link.expected_author) == ("author-mismatch", "Turner")
    (link,) = link_citations(
        [cite("Tzu-Ping", year="2010")], [entry("Lin", "2010", given="Tzu-Ping")]
    )
    assert (link.status, link.expected_author) == ("author-mismatch", "Lin")


def test_a_shared_initial_and_et_al_do_not_pair_an_unrelated_entry() -> None:
    # "Milne et al. (2016)" with no entry, the only uncited 2016 entry "Klabunde, M., ...":
    # the initial is a coincidence, so the citation is missing and the entry uncited.
    klabunde = entry("Klabunde", "2016", given="M.", coauthors=("Weems", "Raman"))
    (link,) = link_citations([cite("Milne", year="2016", et_al=True)], [klabunde])
    assert link.status == "missing"


def test_co_authors_cited_in_another_order_are_an_author_mismatch() -> None:
    mckee = entry("McKee", "1980", given="M.", coauthors=("West",))
    (link,) = link_citations([cite("West", "McKee", year="1980")], [mckee])
    assert (link.status, link.reference, link.expected_author) == ("author-mismatch", 0, "McKee")


def test_a_lone_matching_initial_is_not_enough_to_link() -> None:
    # "(Smith, 2001)" with no entry and an uncited "Turner, S. (2001)": another work.
    (link,) = link_citations([cite("Smith", year="2001")], [entry("Turner", "2001", given="S.")])
    assert link.status == "missing"


def test_the_fallback_pairing_is_conservative() -> None:
    # Two entries of one author would fit: the citation names the author, but which
    # work is ambiguous (C105), not missing with both entries uncited.
    refs = [entry("University of the People", "n.d.", title="Catalog"),
            entry("University of the People", "n.d.", title="Policies")]  # fmt: skip
    (link,) = link_citations([cite("UoPeople", year="n.d.")], refs)
    assert (link.status, link.candidates) == ("ambiguous", (0, 1))
    assert cited_reference_indices([link]) == {0, 1}
    # Two entries of different authors would fit: no pairing.
    refs = [entry("VARK Learn Limited", "2022"), entry("VARK Research Centre", "2022")]
    (link,) = link_citations([cite("VARK", year="2022")], refs)
    assert link.status == "missing"
    # A firm is cited by the name before its "Labs" or "Systems" (a key, not a pairing).
    refs = [entry("VARK Learn Limited", "2022"), entry("VARK Labs", "2022")]
    (link,) = link_citations([cite("VARK", year="2022")], refs)
    assert (link.status, link.candidates) == ("matched", (1,))
    # Another year: no pairing.
    (link,) = link_citations([cite("VARK", year="2021")], [entry("VARK Learn Limited", "2022")])
    assert link.status == "missing"
    # The entry is already cited under its own name: no pairing.
    refs = [entry("VARK Learn Limited", "2022")]
    links = link_citations(
        [cite("VARK Learn Limited", year="2022"), cite("VARK", year="2022")], refs
    )
    assert [link.status for link in links] == ["matched", "missing"]
    # An unrelated name of the same year: no pairing.
    (link,) = link_citations([cite("Varga", year="2022")], [entry("Learn Limited", "2022")])
    assert link.status == "missing"
    # A surname that only shares letters with the corporate name: no pairing.
    (link,) = link_citations(
        [cite("Upton", year="2015")], [entry("University of the People", "2015")]
    )
    assert link.status == "missing"


def numbered(number: int, start: int) -> Reference:
    return Reference(raw=f"[{number}]", number=number, span=Span(start=start, end=start + 5))


def numeric(number: int, at: int) -> Citation:
    return Citation(
        span=Span(start=at, end=at + 3), text=f"[{number}]", kind="numeric", number=number
    )


def test_numbered_lists_that_restart_link_to_the_nearest_list_after_the_citation() -> None:
    # Section one cites [1] [2] and lists them at 100-110; section two cites [1] [3]
    # and lists three entries at 300-320; a citation after the last list uses the last list.
    refs = [numbered(1, 100), numbered(2, 110), numbered(1, 300), numbered(2, 310),
            numbered(3, 320)]  # fmt: skip
    cits = [numeric(1, 10), numeric(2, 20), numeric(1, 200), numeric(3, 210), numeric(2, 400)]
    links = link_citations(cits, refs)
    assert [(link.status, link.reference) for link in links] == [
        ("matched", 0), ("matched", 1), ("matched", 2), ("matched", 4), ("matched", 3),
    ]  # fmt: skip
    assert cited_reference_indices(links) == {0, 1, 2, 3, 4}


def test_a_number_missing_from_its_sections_list_is_missing() -> None:
    refs = [numbered(1, 100), numbered(1, 300), numbered(2, 310)]
    links = link_citations([numeric(2, 10), numeric(1, 200)], refs)
    assert [(link.status, link.reference) for link in links] == [("missing", None), ("matched", 1)]


def test_one_numbered_list_resolves_globally_as_before() -> None:
    # A single list (even with a repeated number) keeps the first entry of a number,
    # wherever the citation stands.
    refs = [numbered(1, 100), numbered(2, 110), numbered(2, 120), numbered(3, 130)]
    cits = [numeric(2, 10), numeric(3, 500), numeric(1, 115)]
    links = link_citations(cits, refs)
    assert [(link.status, link.reference) for link in links] == [
        ("matched", 1), ("matched", 3), ("matched", 0),
    ]  # fmt: skip


def test_a_title_first_entry_cited_by_its_site_is_one_author_mismatch() -> None:
    site = Reference(
        raw="*Software deployment*. (n.d.). Sumo Logic. Retrieved from https://example.org/x",
        year="n.d.",
        title="Software deployment",
        container="Sumo Logic., from",
    )
    (link,) = link_citations([cite("Sumo Logic", year="n.d.")], [site])
    assert (link.status, link.reference) == ("author-mismatch", 0)
    # Another site of the same year is not that entry.
    (link,) = link_citations([cite("Red Hat", year="n.d.")], [site])
    assert link.status == "missing"


def test_note_numbers_that_start_again_point_into_their_parts_run() -> None:
    # Three parts number their notes from 1; the runs are printed together at the end.
    # The third part cites its first note again ("1, 2, 3, 1, 1"): still the third run.
    sizes = (6, 5, 4)
    numbers = [*range(1, 7), *range(1, 6), 1, 2, 3, 1, 1]
    citations = [
        Citation(span=Span(start=10 * i, end=10 * i + 3), text=f"[{n}]", kind="numeric", number=n)
        for i, n in enumerate(numbers)
    ]
    refs = []
    position = 1000
    for size in sizes:
        for n in range(1, size + 1):
            refs.append(
                Reference(raw=f"{n}. Work", number=n, span=Span(start=position, end=position + 8))
            )
            position += 10
    links = link_citations(citations, refs)
    assert [link.reference for link in links] == [
        *range(6), *range(6, 11), 11, 12, 13, 11, 11,
    ]  # fmt: skip
    assert cited_reference_indices(links) == set(range(15)) - {14}
