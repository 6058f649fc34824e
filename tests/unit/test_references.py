"""Tests for entry parsing (analysis.references and its entry_* readers) and list splitting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essaylint.analysis.entry_dates import revision_or_access_date
from essaylint.analysis.entry_shape import looks_like_entry
from essaylint.analysis.reference_split import split_reference_list
from essaylint.analysis.references import parse_reference
from essaylint.models import Span

SHARED = (
    Path(__file__).resolve().parents[3] / "shared" / "data" / "refparse" / "anystyle-core.jsonl"
)


def test_apa_journal_article() -> None:
    ref = parse_reference(
        "Boyd, D. M., & Ellison, N. B. (2007). Social network sites: Definition, history, and "
        "scholarship. Journal of Computer-Mediated Communication, 13(1), 210-230. "
        "https://doi.org/10.1111/j.1083-6101.2007.00393.x"
    )
    assert [a.family for a in ref.authors] == ["Boyd", "Ellison"]
    assert ref.year == "2007"
    assert ref.title == "Social network sites: Definition, history, and scholarship"
    assert ref.container == "Journal of Computer-Mediated Communication"
    assert (ref.volume, ref.issue, ref.pages) == ("13", "1", "210–230")
    assert ref.doi == "10.1111/j.1083-6101.2007.00393.x"
    assert ref.type == "article"


@pytest.mark.parametrize(
    ("raw", "container", "volume", "issue", "pages"),
    [
        (
            "Pan, Z. (2017). Who are you. New media & society9(5), 735-752.",
            "New media & society",
            "9",
            "5",
            "735–752",
        ),
        (
            "Boyd, D. (2007). Sites. Journal of computer‐mediated Communication13(1), 210-230.",
            "Journal of computer‐mediated Communication",
            "13",
            "1",
            "210–230",
        ),
        (
            "Kim, J. (2015). Tourism and stuff.\u00a0Tourism Management47, 58-67.",
            "Tourism Management",
            "47",
            None,
            "58–67",
        ),
    ],
)
def test_journal_running_into_volume(
    raw: str, container: str, volume: str, issue: str | None, pages: str
) -> None:
    ref = parse_reference(raw)
    assert ref.container == container
    assert ref.volume == volume
    assert ref.issue == issue
    assert ref.pages == pages


def test_month_date_and_empty_retrieved_from() -> None:
    ref = parse_reference(
        "The Guardian. (2019, September 17). Climate strikes explained. Retrieved from"
    )
    assert ref.year == "2019"
    assert ref.date == "2019-09-17"
    assert ref.retrieved_from
    assert ref.url is None
    assert ref.authors[0].corporate
    assert ref.title == "Climate strikes explained"


def test_minimal_entry_with_year_suffix_and_et_al() -> None:
    ref = parse_reference("Wei, J., et al. (2022a). Title.")
    assert ref.year == "2022a"
    assert ref.et_al
    assert [a.family for a in ref.authors] == ["Wei"]
    assert ref.title == "Title"


def test_harvard_available_at_and_accessed() -> None:
    ref = parse_reference(
        "Lawrence, G.D. (2013) The study of reading. Available at: https://example.org/reading "
        "(Accessed: 24 April 2024)."
    )
    assert ref.authors[0].family == "Lawrence"
    assert ref.year == "2013"
    assert ref.title == "The study of reading"
    assert ref.url == "https://example.org/reading"
    assert ref.retrieved_from


def test_chicago_journal_with_markdown_emphasis() -> None:
    ref = parse_reference(
        'Rong, Shuang, Benchao Li, and Wei Zhang. "Deep learning for things." '
        "_Journal of Stuff_ 12, no. 3 (2022): 45–67."
    )
    assert [a.family for a in ref.authors] == ["Rong", "Li", "Zhang"]
    assert ref.title == "Deep learning for things"
    assert ref.container == "Journal of Stuff"
    assert (ref.volume, ref.issue, ref.pages, ref.year) == ("12", "3", "45–67", "2022")


def test_report_number_is_not_a_year() -> None:
    ref = parse_reference(
        "National Institutes of Health. Talking to your doctor. "
        "NIH Publication No. 01-3670, May 2001."
    )
    assert ref.year == "2001"
    assert ref.type == "report"


def test_vancouver_with_list_number() -> None:
    ref = parse_reference("[3] Goss DL, Moore JH. Running injuries. J Sports Med. 2012;30(15):1-5.")
    assert ref.number == 3
    assert [a.family for a in ref.authors] == ["Goss", "Moore"]
    assert ref.year == "2012"
    assert ref.title == "Running injuries"
    assert (ref.volume, ref.issue, ref.pages) == ("30", "15", "1–5")


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (
            "Zhang, Y. (2019). Shaping minds [Video]. YouTube. https://www.youtube.com/watch?v=abc",
            "video",
        ),
        (
            "Chen, L. (2018). Learning things (Doctoral dissertation, Stanford University).",
            "thesis",
        ),
        (
            "Lin, T. (2017). Pyramids. In Proceedings of the IEEE Conference on Vision "
            "(pp. 2117-2125).",
            "conference",
        ),
        (
            "Smith, A. (2010). Chapter one. In B. Jones (Ed.), Big book (pp. 1-20). London: Sage.",
            "chapter",
        ),
        (
            "BBC News. (2020, March 3). Virus spreads. Retrieved from https://www.bbc.co.uk/news/x",
            "news",
        ),
        ("Smith, J. (2019). A book. New York: Penguin.", "book"),
    ],
)
def test_types(raw: str, kind: str) -> None:
    assert parse_reference(raw).type == kind


def test_chapter_container_skips_editors() -> None:
    ref = parse_reference(
        "Smith, A. (2010). Chapter one. In B. Jones (Ed.), Big book (pp. 1-20). London: Sage."
    )
    assert ref.container == "Big book"
    assert ref.pages == "1–20"
    assert ref.publisher == "Sage"


def test_markdown_link_target_is_the_url() -> None:
    ref = parse_reference("Smith, J. (2020). [Some site](https://example.com/a_b). Example.")
    assert ref.url == "https://example.com/a_b"


def test_list_markers_and_emphasis_are_stripped() -> None:
    ref = parse_reference("* Doe, J. (2020). Paper. *Nature*, 5(2), 1-2.")
    assert ref.authors[0].family == "Doe"
    assert ref.container == "Nature"
    numbered = parse_reference("12. Doe, J. (2020). Paper. Nature, 5(2), 1-2.")
    assert numbered.number == 12
    assert parse_reference("12. Doe, J. (2020). Paper.", number=7).number == 7


def test_ieee_and_comma_styles() -> None:
    ieee = parse_reference(
        'L. Sha, R. Rajkumar, and J. Lehoczky, "Priority inheritance protocols," '
        "IEEE Trans. Comput., "
        "vol. 39, no. 9, pp. 1175-1185, 1990."
    )
    assert [a.family for a in ieee.authors] == ["Sha", "Rajkumar", "Lehoczky"]
    assert ieee.title == "Priority inheritance protocols"
    assert ieee.year == "1990"
    assert (ieee.volume, ieee.issue) == ("39", "9")
    comma = parse_reference(
        "Feferman, S., Transfinite recursive progressions, J. Symbolic Logic, 27, 259-316 (1962)."
    )
    assert comma.authors[0].family == "Feferman"
    assert comma.title == "Transfinite recursive progressions"
    assert comma.year == "1962"


@pytest.mark.parametrize(
    ("text", "families"),
    [
        (
            "R. Ortega y L. Vidal, «Filtrado de señales», Rev. Bioing., vol. 4, 2015.",
            ["Ortega", "Vidal"],
        ),
        (
            "R. Ortega, L. Vidal, y P. Soto, «Filtrado de señales», Rev. Bioing., vol. 4, 2015.",
            ["Ortega", "Vidal", "Soto"],
        ),
    ],
)
def test_spanish_y_joins_the_last_two_authors(text: str, families: list[str]) -> None:
    ref = parse_reference(text)
    assert [a.family for a in ref.authors] == families
    assert ref.title == "Filtrado de señales"


@pytest.mark.parametrize(
    ("text", "families", "title"),
    [
        (
            "Marsh, Ellen R. Tidal Mills, Weirs and Water: A History. Leeds: Harbour Press, 2004.",
            ["Marsh"],
            "Tidal Mills, Weirs and Water: A History",
        ),
        (
            "Quill, Tomas J. A Short Life of Canals. Boston: Fenwick, 1999.",
            ["Quill"],
            "A Short Life of Canals",
        ),
        (
            "Quill, Tomas J., and Ada B. Rowe. Canal Towns. Boston: Fenwick, 2001.",
            ["Quill", "Rowe"],
            "Canal Towns",
        ),
    ],
)
def test_plain_text_mla_name_ends_at_its_middle_initial(
    text: str, families: list[str], title: str
) -> None:
    """Word and HTML lose an MLA or Chicago entry's italics; the title's capitalised words
    after "Given M." are still no author's."""
    ref = parse_reference(text)
    assert [a.family for a in ref.authors] == families
    assert ref.title == title


def test_doi_prefix_forms() -> None:
    assert parse_reference("A, B. (2001). T. J, 1, 2. doi:10.1000/xyz123.").doi == "10.1000/xyz123"
    assert parse_reference("A, B. (2001). T. https://dx.doi.org/10.1000/abc").doi == "10.1000/abc"


def test_repeater_has_no_authors() -> None:
    ref = parse_reference("———. 1836. Tales of a Grandfather. Edinburgh: R. Cadell.")
    assert ref.authors == ()
    assert ref.year == "1836"
    assert ref.title == "Tales of a Grandfather"


def test_span_and_index_are_passed_through() -> None:
    ref = parse_reference("Smith, J. (2019). A.", span=Span(start=5, end=25), index=3, key="smith")
    assert ref.span == Span(start=5, end=25)
    assert (ref.index, ref.key) == (3, "smith")


@pytest.mark.parametrize("raw", ["", "   ", "(", "[", "“", "2019", "((((((", "\x00\x01", "———"])
def test_odd_inputs_do_not_raise(raw: str) -> None:
    assert parse_reference(raw).raw == raw


def test_pathological_input_is_fast() -> None:
    samples = [
        "a" * 100_000,
        "A. " * 33_000,
        "(" * 50_000 + ")" * 50_000,
        "Smith, J., " * 9_000,
        "1999 " * 20_000,
        "http://" + "a/" * 50_000,
        "_*" * 50_000,
        "Smith J. " * 11_000 + "(2019).",
    ]
    for raw in samples:
        # Finishing at all is the check (a catastrophic regex would hang here);
        # how fast it is belongs to benchmarks/run_benchmarks.py.
        assert parse_reference(raw).raw == raw
        assert all(r.span.end <= len(raw) for r in split_reference_list(raw, 0))


# --- splitting ----------------------------------------------------------------


def test_split_mixed_list_with_crlf() -> None:
    text = (
        "## References\r\n\r\n"
        "Wikipedia. (n.d.). Edgar Dale\r\n e. Retrieved from https://en.wikipedia.org/wiki/Edgar_Dale\r\n"
        "Boyd, D. M. (2007). Social network sites. Journal of CMC, 13(1), 210-230.\r\n\r\n"
        "<references>\r\n"
        "1. Smith, J. (2019). A book. New York: Penguin.\r\n"
        "- Jones, K. (2018). Another\r\n  book with a long title. London: Sage.\r\n"
        "[3] Goss DL, Moore JH. Running injuries. J Sports Med. 2012;30(15):1-5.\r\n"
        "[^kim]: Kim, J. (2015). Tourism. Tourism Management47, 58-67.\r\n"
    )
    offset = 40
    refs = split_reference_list(text, offset)
    assert [r.index for r in refs] == list(range(6))
    assert [r.authors[0].family for r in refs] == [
        "Wikipedia",
        "Boyd",
        "Smith",
        "Jones",
        "Goss",
        "Kim",
    ]
    assert refs[0].year == "n.d."
    assert refs[0].url == "https://en.wikipedia.org/wiki/Edgar_Dale"
    assert (refs[2].number, refs[4].number) == (1, 3)
    assert (refs[5].key, refs[5].source) == ("kim", "footnote")
    for ref in refs:
        piece = text[ref.span.start - offset : ref.span.end - offset]
        assert piece == ref.raw
        assert not piece.endswith(("\r", "\n", " "))
    assert refs[3].raw.endswith("London: Sage.")


def test_split_blank_line_separated_and_wrapped_lower_case() -> None:
    text = (
        "Smith, J. (2019). A very long title that\ncontinues here. Journal, 1(2), 3-4.\n\n"
        "Jones, K. (2018). B. C."
    )
    refs = split_reference_list(text, 0)
    assert len(refs) == 2
    assert refs[0].title == "A very long title that continues here"


def test_split_skips_headings_and_junk() -> None:
    text = "References\n\n**Bibliography**\n---\n</references>\nSmith, J. (2019). A.\n"
    refs = split_reference_list(text, 0)
    assert len(refs) == 1
    assert refs[0].raw == "Smith, J. (2019). A."


def test_split_empty() -> None:
    assert split_reference_list("", 10) == []
    assert split_reference_list("\n\n\r\n", 0) == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_parse_reference_never_raises(raw: str) -> None:
    ref = parse_reference(raw)
    assert ref.raw == raw


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list('ab A.,()[]1290-\n\r\t*_#<>:;"“”&')), max_size=400),
    st.integers(0, 1000),
)
def test_split_spans_lie_within_input(text: str, start: int) -> None:
    refs = split_reference_list(text, start)
    previous_end = start
    for index, ref in enumerate(refs):
        assert ref.index == index
        assert start <= ref.span.start < ref.span.end <= start + len(text)
        assert ref.span.start >= previous_end
        assert text[ref.span.start - start : ref.span.end - start] == ref.raw
        previous_end = ref.span.end


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_split_never_raises_on_any_text(text: str) -> None:
    for ref in split_reference_list(text, 0):
        assert 0 <= ref.span.start <= ref.span.end <= len(text)


@pytest.mark.skipif(not SHARED.exists(), reason="shared labelled data not present")
def test_shared_dev_set_year() -> None:
    rows = [
        json.loads(line) for line in SHARED.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    refs = [parse_reference(row["raw"]) for row in rows]
    hits = sum(
        1
        for row, ref in zip(rows, refs, strict=True)
        if row["fields"]["year"] and ref.year and ref.year.startswith(row["fields"]["year"])
    )
    gold = sum(1 for row in rows if row["fields"]["year"])
    assert hits / gold > 0.95


@pytest.mark.parametrize(
    ("raw", "url"),
    [
        (
            "Harlow, P. (2015). Tidal energy costs. Marine Trust. Retrieved from "
            "https://www.marinetrust.org/files/annual/Tidal Costs2015.pdf",
            "https://www.marinetrust.org/files/annual/TidalCosts2015.pdf",
        ),
        (
            "Quill, R. (2018). Rural bus routes. Transit Board. Retrieved from "
            "www.transitboard.gov/rural planning/docs/bus/RouteStudy.pdf",
            "www.transitboard.gov/ruralplanning/docs/bus/RouteStudy.pdf",
        ),
        (
            "Marsh, Eliza. Notes on Hedgerows. Leeds: Field Press, 2004. "
            "fieldpress.ac.uk/archive/marsh_hedgerows.pdf (accessed May 2, 2019).",
            "fieldpress.ac.uk/archive/marsh_hedgerows.pdf",
        ),
    ],
)
def test_url_with_spaces_in_path_or_without_scheme(raw: str, url: str) -> None:
    ref = parse_reference(raw)
    assert ref.url is not None
    assert ref.url.replace(" ", "") == url


def test_url_does_not_swallow_following_words() -> None:
    ref = parse_reference(
        "Ng, T. (2020). Soil maps. Retrieved from https://soil.example.org/maps/ Accessed today."
    )
    assert ref.url == "https://soil.example.org/maps/"
    ref = parse_reference("Ong, B. (2019). Wetlands. In Lake Ecology 5.Jg/Heft 3, 10-19.")
    assert ref.url is None


def test_numbered_entry_whose_surname_has_an_apostrophe() -> None:
    ref = parse_reference(
        "7 O’BRIEN, K.L., HALE, T.: Gum recession in adults. J. Oral Sci., 12: 40, 1990."
    )
    assert ref.authors[0].family == "O’BRIEN"
    assert ref.title == "Gum recession in adults"


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("Winter Harbour. Dir. Ana Lopes. Perf. Tom Reed. Northlight, 2011.", "Winter Harbour"),
        ("Sea Tales. Ed. Ruth Bell. London: Arcadia, 2003.", "Sea Tales"),
        ("Old bridges. (1997, May). Civic Works Magazine, 12(3), p. 9.", "Old bridges"),
        (
            "Tram Ridership Dataset. (2022). Open Data Hub. https://data.example/t",
            "Tram Ridership Dataset",
        ),
        ("Overview. Harbour Board. (2020). Retrieved from https://hb.example/", "Overview"),
        (
            "History - ferry lines. ferrylines. (n.d.). https://ferry.example/history",
            "History - ferry lines",
        ),
        ("2021 Tide Tables. (2021). Harbour Board. https://hb.example/tides", "2021 Tide Tables"),
        (
            "Cycle Lanes in Leeds Safest in the North. (2019). Bike Lobby.",
            "Cycle Lanes in Leeds Safest in the North",
        ),
    ],
)
def test_title_first_entries_have_no_author(raw: str, title: str) -> None:
    ref = parse_reference(raw)
    assert ref.authors == ()
    assert ref.title == title


@pytest.mark.parametrize(
    ("raw", "author"),
    [
        ("UK Government (2008). Climate Change Act. London: HMSO.", "UK Government"),
        (
            "World Health Organization. (2020). Coronavirus disease. https://who.int",
            "World Health Organization",
        ),
        ("Simply Psychology (2022). Maslow. https://simplypsychology.org", "Simply Psychology"),
        (
            "History of Science Society. (2019). Annual meeting. https://hss.example",
            "History of Science Society",
        ),
        ("Smith, J. (2019). A report. Lantern Press.", "Smith"),
    ],
)
def test_authors_before_a_date_stay_authors(raw: str, author: str) -> None:
    assert parse_reference(raw).authors[0].family == author


@pytest.mark.parametrize(
    ("raw", "first", "title", "year"),
    [
        (
            "K Olsen, P Varga and T Lind: Grip strength in older workers. Occup Med 4, 1-9 (2001)",
            "Olsen",
            "Grip strength in older workers",
            "2001",
        ),
        (
            "Hanna Weiss: 2015. Schulwege im Vergleich. In: Pädagogik heute. 3. Jg., 20-29",
            "Weiss",
            "Schulwege im Vergleich",
            "2015",
        ),
        (
            "3. Berg AK, Lund RT, Moe P, et al: Wrist fractures in skiers. Scand J Sport 9: 50-55.",
            "Berg",
            "Wrist fractures in skiers",
            None,
        ),
    ],
)
def test_colon_ends_an_author_list(raw: str, first: str, title: str, year: str | None) -> None:
    ref = parse_reference(raw)
    assert ref.authors[0].family == first
    assert ref.title == title
    if year:
        assert ref.year == year


def test_bare_year_after_names_is_not_part_of_the_title() -> None:
    ref = parse_reference(
        "Marsh, Helen R. and Owen T. Pike 2009 River Terraces of the Upper Wye. Geomorph 14: 3-9."
    )
    assert [a.family for a in ref.authors] == ["Marsh", "Pike"]
    assert ref.year == "2009"
    assert ref.title == "River Terraces of the Upper Wye"


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        (
            "Morel, C. (1988). La ville et ses ombres (2 éd.). Lyon: Presses du Rhône.",
            "La ville et ses ombres",
        ),
        (
            "Pryce, Owen T. The Tidewater Economy, Rev. ed. Boston: Harbor House, 1971.",
            "The Tidewater Economy",
        ),
        (
            "Calloway, Nina, Tales of the Fens, rev. ed. (Norwich: Reed Press, 1988), 12.",
            "Tales of the Fens",
        ),
        (
            "Valéry, Paul, Cahiers choisis, J.-M. Roux (ed.) (Paris: Seuil, 1973).",
            "Cahiers choisis",
        ),
    ],
)
def test_title_ends_before_edition_and_editor_notes(raw: str, title: str) -> None:
    assert parse_reference(raw).title == title


# --- entry heads seen on real documents (corporate names, handles, IEEE) -------


@pytest.mark.parametrize(
    ("raw", "author", "title"),
    [
        (
            "[5] United Nations Environment Programme, Food Waste Index Report. "
            "Nairobi, Kenya: UNEP, 2021.",
            "United Nations Environment Programme",
            "Food Waste Index Report",
        ),
        (
            "[2] World Meteorological Office, *State of the Climate in Europe*. "
            "Geneva, Switzerland: WMO, 2020.",
            "World Meteorological Office",
            "State of the Climate in Europe",
        ),
        (
            "Association for Project Management (APM) (2019) *APM Body of Knowledge*. 7th edn. "
            "Princes Risborough: Association for Project Management.",
            "Association for Project Management",
            "APM Body of Knowledge",
        ),
    ],
)
def test_corporate_author_ends_before_the_title(raw: str, author: str, title: str) -> None:
    ref = parse_reference(raw)
    assert [(a.family, a.corporate) for a in ref.authors] == [(author, True)]
    assert ref.title == title


def test_corporate_hierarchy_stays_one_author() -> None:
    ref = parse_reference(
        "U.S. Department of Health and Human Services, Office of the Surgeon General. "
        "(2016). Facing addiction in America. Washington, DC: HHS."
    )
    assert len(ref.authors) == 1
    assert ref.authors[0].family.startswith("U.S. Department of Health")
    assert ref.year == "2016"


def test_lower_case_brand_before_a_date_is_the_author() -> None:
    ref = parse_reference(
        "paiza. (n.d.). Online Java compiler and coding environment. paiza.io. "
        "Retrieved October 1, 2024, from https://paiza.io/"
    )
    assert [a.family for a in ref.authors] == ["paiza"]
    assert ref.year == "n.d."
    assert ref.title == "Online Java compiler and coding environment"


def test_handle_author_is_named_up_to_the_at_sign() -> None:
    ref = parse_reference(
        "KomalSrivastava@TWC. (2021, June 8). Useful commands to manage files. "
        "TheWindowsClub. https://www.thewindowsclub.com/commands"
    )
    assert [(a.family, a.raw, a.corporate) for a in ref.authors] == [
        ("KomalSrivastava", "KomalSrivastava@TWC", True)
    ]


@pytest.mark.parametrize(
    ("raw", "date"),
    [
        (
            'World Health Organization. "Obesity and Overweight." Last modified March 1, 2024. '
            "https://www.who.int/news-room/fact-sheets/detail/obesity-and-overweight.",
            "2024-03-01",
        ),
        (
            'Ritchie, H., and M. Roser. "Alcohol Consumption." _Our World in Data._ '
            "Last modified January 2024. https://ourworldindata.org/alcohol-consumption.",
            "2024-01",
        ),
        (
            'Lindqvist, Maja. "A Page on Moss." Moss Society. Accessed May 2, 2023. '
            "https://moss.example.org/page.",
            "2023-05-02",
        ),
    ],
)
def test_date_from_modified_or_accessed_clause(raw: str, date: str) -> None:
    assert revision_or_access_date(raw) == date
    assert parse_reference(raw).year is None  # not a year of publication


@pytest.mark.parametrize(
    ("raw", "year"),
    [
        ("Sorrel, Ida. *Lamps of the North*. Marrow & Co., 1921. Web. 13 May 2012.", "1921"),
        ("Sorrel, Ida. *Lamps of the North*. Marrow & Co., 1921. Accessed 13 May 2012.", "1921"),
        ("Sorrel, Ida. “Lamps.” *Lamp Journal* 1854: 3-5. Web.", "1854"),
        # MLA's bare "n.d." before the access date: the edition gives no date
        ("Sorrel, Ida. Lamps of the North. n.p. n.d. Gutenberg. Web. 28 Oct. 2016.", "n.d."),
    ],
)
def test_access_date_is_not_the_year_of_publication(raw: str, year: str) -> None:
    assert parse_reference(raw).year == year


def test_day_first_access_date() -> None:
    raw = "Sorrel, Ida. “Lamps.” *Lamp Society*, lamps.example.org/a. Accessed 13 May 2012."
    assert revision_or_access_date(raw) == "2012-05-13"


def test_no_revision_or_access_date() -> None:
    assert revision_or_access_date("Berg, O. (2019). Moss. https://moss.example.org/") is None


@pytest.mark.parametrize(
    ("raw", "container"),
    [
        (
            "Brown, T. B., et al. (2020). Language models are few-shot learners. Advances in "
            "Neural Information Processing Systems 33: Annual Conference on Neural Information "
            "Processing Systems 2020, NeurIPS 2020.",
            "Advances in Neural Information Processing Systems 33: Annual Conference on Neural "
            "Information Processing Systems",
        ),
        (
            "Wang, A., et al. (2018). GLUE: A multi-task benchmark. Proceedings of the 2018 EMNLP "
            "Workshop BlackboxNLP: Analyzing and Interpreting Neural Networks for NLP.",
            "Proceedings of the 2018 EMNLP Workshop BlackboxNLP: Analyzing and Interpreting "
            "Neural Networks for NLP",
        ),
    ],
)
def test_proceedings_with_a_colon_are_containers(raw: str, container: str) -> None:
    assert parse_reference(raw).container == container


def test_harvard_italic_title_then_italic_journal() -> None:
    ref = parse_reference(
        "Murray-Webster, R. and Simon, P. (2006) *Making Sense of Stakeholder Mapping*, "
        "*PM World Today*, 8(11), pp. 1-5."
    )
    assert ref.title == "Making Sense of Stakeholder Mapping"
    assert ref.container == "PM World Today"
    assert (ref.volume, ref.issue) == ("8", "11")


def test_harvard_report_with_number_and_publisher() -> None:
    ref = parse_reference(
        "National Audit Office (2009) *Completion of Heathrow Terminal 5*, HC 557, "
        "London: The Stationery Office."
    )
    assert ref.title == "Completion of Heathrow Terminal 5"
    assert ref.publisher == "The Stationery Office"


def test_split_url_line_after_hard_break_joins_its_entry() -> None:
    text = (
        "Baldwin, A. (2020). _College success_. OpenStax. https://openstax.org/college\n"
        "\n"
        "The Institute for Learning. (2022). _Netiquette_. Colorado State University.  \n"
        "[https://tilt.example.edu/netiquette/](https://tilt.example.edu/netiquette/)\n"
        "\n"
        "Carver, B. (2021). Notes on tact. Tact Press.  \n"
        "<https://tact.example.org/notes>\n"
    )
    refs = split_reference_list(text, 0)
    assert [r.authors[0].family for r in refs] == [
        "Baldwin",
        "The Institute for Learning",
        "Carver",
    ]
    assert refs[1].url == "https://tilt.example.edu/netiquette/"
    assert refs[2].url == "https://tact.example.org/notes"


def test_split_lower_case_brand_starts_an_entry() -> None:
    text = (
        "Oracle. (n.d.). The Java tutorials. https://docs.oracle.com/javase/tutorial/\n"
        "paiza. (n.d.). Online Java compiler. Retrieved October 1, 2024, from https://paiza.io/\n"
        "w3schools. (2023). Java tutorial. https://www.w3schools.com/java/\n"
        "Shaffer, C. A. (2011). A practical introduction to data structures\n"
        "and algorithm analysis. Dover.\n"
    )
    refs = split_reference_list(text, 0)
    assert [r.authors[0].family if r.authors else None for r in refs] == [
        "Oracle",
        "paiza",
        "w3schools",
        "Shaffer",
    ]


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_split_lower_case_web_title_with_its_date_starts_an_entry(gap: str) -> None:
    text = (
        "Brask, J. (2017). Tracking without markers. Retrieved May 3, 2019, from "
        "https://tracking.example.org/brask/" + gap + "sample of marker tracking | Figure Archive. "
        "(2019). Retrieved May 3, 2019, from https://figures.example.org/marker-tracking\n"
    )
    refs = split_reference_list(text, 0)
    assert len(refs) == 2
    assert refs[1].raw.startswith("sample of marker tracking")
    assert refs[1].year == "2019"
    assert not refs[0].publisher


def test_split_a_lone_number_opening_a_title_is_part_of_it() -> None:
    text = (
        "31 Calm Colour Palettes | Palette Blog. (2019). Retrieved from https://p.example.org/\n"
        "Okonjo, T. (2020). Night maps for pilots. Cartography Notes, 4(2), 11-19.\n"
        "Vesely, R. (2019). Reading the cockpit. Aviation Press.\n"
    )
    refs = split_reference_list(text, 0)
    assert refs[0].number is None
    assert refs[0].title == "31 Calm Colour Palettes | Palette Blog"
    numbered = "31 Calm Colour Palettes. (2019). Retrieved from https://p.example.org/\n"
    numbered += "32 Okonjo, T. (2020). Night maps for pilots. Cartography Notes, 4(2), 11-19.\n"
    assert [r.number for r in split_reference_list(numbered, 0)] == [31, 32]


def test_split_ieee_entry_with_a_paper_number() -> None:
    text = (
        '[11] G. Petrov, "Equivalent circuits," *J. Electroanal. Methods*, vol. 31, 2017.\n'
        "\n"
        '[12] N. Haddad, "HPPC testing in practice," SAE Tech. Paper 2018-01-0433, 2018.\n'
        "\n"
        '[13] Battery Test Working Group, "Battery test manual," Rep. BTWG-2020-3, 2020.\n'
    )
    refs = split_reference_list(text, 0)
    assert [(r.number, r.authors[0].family, r.year) for r in refs] == [
        (11, "Petrov", "2017"),
        (12, "Haddad", "2018"),
        (13, "Battery Test Working Group", "2020"),
    ]


def test_a_list_heading_between_entries_is_no_entry() -> None:
    # The section finder's headings ("List of references", "Refs") were once unknown here.
    text = (
        "Ames, B. (2001). Reading. Press.\n\nList of references\n\n"
        "Bell, C. (2002). Writing. Press.\n\n**Refs:**\n\nCole, D. (2003). Thinking. Press.\n"
        "\n## Works Cited\n\nDunn, E. (2004). Speaking. Press.\n"
    )
    refs = split_reference_list(text, 0)
    assert [r.authors[0].family for r in refs] == ["Ames", "Bell", "Cole", "Dunn"]


@pytest.mark.parametrize(
    ("raw", "byline"),
    [
        (
            '“How Does Runoff Change Reef Food Webs?" Coastal Science Board. 2004. Healthy Reefs.'
            " Boston, MA: Harbour Academic Press.",
            "Coastal Science Board",
        ),
        (
            "Clinic closures. Health Access Trust. (2020). https://hat.example/c",
            "Health Access Trust",
        ),
        # A site after the date is the publisher, not a byline; so is a container after "In".
        ("Software deployment. (n.d.). Logwise. Retrieved from https://example.org/x", None),
        ('"Reef Fish." In Marine Letters, 2004, 3-5.', None),
        ("Marsh, L. (2011). Reef fish counts. Marine Letters, 5(2), 10-19.", None),
    ],
)
def test_byline_between_an_opening_title_and_the_date(raw: str, byline: str | None) -> None:
    assert parse_reference(raw).byline == byline


def test_italic_title_with_and_is_never_split_into_authors() -> None:
    # "and" inside the italic title does not join a second author ("Harriet Oduya & Coal").
    ref = parse_reference(
        "Harriet Oduya, *Water and Coal: A History* (Leeds: Northfold Press, 2011)."
    )
    assert [a.family for a in ref.authors] == ["Oduya"]
    assert ref.title == "Water and Coal: A History"


def test_author_and_year_in_brackets_after_the_title() -> None:
    ref = parse_reference("Keeping rivers clean at home: a guide for tenants. (Mbeki 2019)")
    assert [a.family for a in ref.authors] == ["Mbeki"]
    assert ref.year == "2019"
    assert ref.title == "Keeping rivers clean at home: a guide for tenants"


@pytest.mark.parametrize(
    ("raw", "family"),
    [
        # A bracket after an author-first entry is its publisher or its date, not its author.
        (
            "Okafor, Nneka, The Quiet Harbour: Essays on Tides (Lakeside University Press, 1998).",
            "Okafor",
        ),
        ('Sandoval, Ines. "Moorings," Harbour Review (March, 1968).', "Sandoval"),
        ("T. Lindqvist, Editor, ``Tide Tables,'' Harbour Notes (July 1991).", "Lindqvist"),
        (
            'Ines Sandoval and Tomas Berg, "Moorings," Harbour Review (forthcoming 2019).',
            "Sandoval",
        ),
        # Marks of co-first authors are no italic title.
        (
            "Ames K *, Brandt L*, Cole M. Tides in small harbours. Harbour Notes. 2010, 2, 1-9.",
            "Ames",
        ),
    ],
)
def test_a_closing_bracket_or_star_does_not_replace_an_author_written_first(
    raw: str, family: str
) -> None:
    ref = parse_reference(raw)
    assert ref.authors
    assert ref.authors[0].family == family


@pytest.mark.parametrize(
    ("raw", "title", "year"),
    [
        ("*Hail Storm* n.d., Weather Atlas, viewed 18 November 2022, <https://example.org/h>.",
         "Hail Storm", "n.d."),
        ("*How, where & when storms strike* n.d., Coast Museum, viewed 2 May 2022.",
         "How, where & when storms strike", "n.d."),
        ("_The Harbour Atlas_ (2019). Coast Press.", "The Harbour Atlas", "2019"),
    ],
)  # fmt: skip
def test_an_entry_that_opens_in_italics_opens_with_its_title(
    raw: str, title: str, year: str
) -> None:
    ref = parse_reference(raw)
    assert (ref.authors, ref.title, ref.year) == ((), title, year)


def test_an_italic_name_with_initials_and_a_bold_name_stay_authors() -> None:
    assert [p.family for p in parse_reference("*Lee, A.* (2020). Tides. Press.").authors] == ["Lee"]
    assert [p.family for p in parse_reference("**Lee, A.** (2020). Tides. Press.").authors] == [
        "Lee"
    ]


@pytest.mark.parametrize(
    "raw",
    [
        "Karoo Books (Pty)ltd (2024) Our story. Available at: https://karoo.example.co.za/",
        "Karoo Books (Pty) Ltd. (2024). Our story. https://karoo.example.co.za/",
        "Karoo Books (Pvt.) Limited (2024) Our story. Available at: https://karoo.example.co.za/",
    ],
)
def test_a_bracketed_legal_form_stays_in_the_company_name(raw: str) -> None:
    assert looks_like_entry(raw)
    ref = parse_reference(raw)
    assert [a.family.split()[:2] for a in ref.authors] == [["Karoo", "Books"]]
    assert ref.title == "Our story"


def test_a_date_read_as_a_co_author_is_no_author() -> None:
    ref = parse_reference(
        "Ceci, L., & 21, M. (2024, May 21). YouTube global advertising revenues 2023. "
        "Statista. https://www.statista.example/statistics/289658/"
    )
    assert [a.family for a in ref.authors] == ["Ceci"]
    assert ref.year == "2024"


@pytest.mark.parametrize(
    ("raw", "container"),
    [
        ('Wren, Elsa. "Reading the Edits." *Harbour Review*, March 20, 2008.', "Harbour Review"),
        ('Ames, Kay. "Night Trains." *Rail Weekly*, 20 Mar. 2008, 14-15.', "Rail Weekly"),
    ],
)
def test_an_issue_date_after_a_magazine_is_no_volume(raw: str, container: str) -> None:
    ref = parse_reference(raw)
    assert ref.container == container
    assert ref.volume is None
    assert ref.year == "2008"


def test_a_title_with_a_listing_subtitle_stands_first_but_a_label_before_an_author_does_not() -> (
    None
):
    """ "Tide Forecasting: Definition, Applications, and Examples. (n.d.)." is a title; its
    commas part no names. "Harbour Repository: Dunn, J. E. (2024)." labels an author."""
    titled = parse_reference(
        "Tide Forecasting: Definition, Applications, and Examples. (n.d.). Harbour Tableau."
    )
    assert titled.authors == ()
    assert titled.title == "Tide Forecasting: Definition, Applications, and Examples"
    labelled = parse_reference("Harbour Repository: Dunn, J. E. (2024). Capstone. GitHub.")
    assert labelled.authors[0].family == "Dunn"


@pytest.mark.parametrize(
    ("raw", "family", "given", "year"),
    [
        # a family name and its initial glued by a stop
        (
            "Quill.P. (2021) How to reach the harbour. Available at: https://example.org",
            "Quill",
            "P",
            "2021",
        ),
        # a web host in lower case as the author, then a bare date (Harvard)
        (
            "harbour.uk. 2019. Tides. [online] Available at: <https://harbour.uk/tides>",
            "harbour.uk",
            None,
            "2019",
        ),
    ],
)
def test_odd_author_heads(raw: str, family: str, given: str | None, year: str) -> None:
    ref = parse_reference(raw)
    assert [(a.family, a.given) for a in ref.authors] == [(family, given)]
    assert ref.year == year


def test_bibtex_records_pasted_after_entries_are_no_entries() -> None:
    """R's citation() prints its record with an empty key ("@Manual{,"); a keyed record
    pasted after its entry is skipped the same way, braces and all."""
    text = (
        "Harbour, A. (2021). R: A language and environment. R Foundation.\n"
        "@Manual{,\n  title = {R: A Language},\n  author = {{R Core Team}},\n}\n"
        "Quill, B. (2020). Tides and towns. Ocean Letters, 2(1), 4-19.\n"
        "@article{quill2020, author = {Quill, B.},\n  title = {Tides {and} towns}}\n"
    )
    refs = split_reference_list(text, 0)
    assert [(r.authors[0].family, r.year) for r in refs] == [
        ("Harbour", "2021"),
        ("Quill", "2020"),
    ]
    assert not any("@" in r.raw or "title =" in r.raw for r in refs)
