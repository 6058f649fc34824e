"""MLA author–page and Chicago author-date citations, list shapes, linking and style detection."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essaylint.analysis.citations import extract_citations
from essaylint.analysis.list_style import entry_shape, keep_group_names, list_shape
from essaylint.analysis.matching import link_citations
from essaylint.analysis.matching_mla import title_fits
from essaylint.analysis.references import parse_reference
from essaylint.analysis.sections import find_sections
from essaylint.analysis.text import name_key
from essaylint.config import Settings
from essaylint.models import Citation, Reference
from essaylint.pipeline import lint_text


def mla(text: str, known: tuple[str, ...] = ()) -> list[Citation]:
    keys = {name_key(k) for k in known}
    return list(extract_citations(text, find_sections(text), known_names=keys, style="mla"))


def shown(citations: list[Citation]) -> list[tuple[tuple[str, ...], str | None, str | None]]:
    return [(c.authors, c.locator, c.title) for c in citations]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("shared (Okafor 45).", [(("Okafor",), "45", None)]),
        ("both (Smith and Jones 12–14).", [(("Smith", "Jones"), "12–14", None)]),
        ("many (Reyes et al. 7).", [(("Reyes",), "7", None)]),
        ("two (Okafor, *Shared Soil* 88).", [(("Okafor",), "88", "Shared Soil")]),
        ('two (Okafor, "Seeds and Strangers" 81).', [(("Okafor",), "81", "Seeds and Strangers")]),
        ("plain (Okafor, Shared Soil 88).", [(("Okafor",), "88", "Shared Soil")]),
        ('untitled ("Urban Plots" 3).', [((), "3", "Urban Plots")]),
        ("a clause (Hume 1.3.6.3).", [(("Hume",), "1.3.6.3", None)]),
        ("a long book (Okafor 1204).", [(("Okafor",), "1204", None)]),
        (
            "several (Okafor 4; Lindqvist 7).",
            [(("Okafor",), "4", None), (("Lindqvist",), "7", None)],
        ),
        (
            "an office (World Health Organization 12).",
            [(("World Health Organization",), "12", None)],
        ),
        ("Okafor argues that soil is shared (45).", [(("Okafor",), "45", None)]),
        ("Okafor's claim is that soil is shared (45).", [(("Okafor",), "45", None)]),
        ("the whole work (Okafor).", [(("Okafor",), None, None)]),
    ],
)
def test_mla_forms(
    text: str, expected: list[tuple[tuple[str, ...], str | None, str | None]]
) -> None:
    found = mla(text, known=("Okafor", "Lindqvist"))
    assert shown(found) == expected
    assert all(c.year is None for c in found)


@pytest.mark.parametrize(
    "text",
    [
        "See the chart (Figure 3) and the table (Table 2).",
        "It rained (March 2020) and again in (May 5).",
        "The causes are (1) the input and (2) the output.",
        "Okafor lists the causes: (1) the input and (2) the output.",
        "An unknown word without a page (Gardening).",
        "A lowercase aside (see above 4).",
        "Steps (Step 4) and levels (Level 3) and grades (Grade 10).",
    ],
)
def test_mla_traps(text: str) -> None:
    assert mla(text, known=("Okafor",)) == []


def test_mla_reads_no_year_citation_the_apa_way() -> None:
    # The same parenthesis is a year to the APA reader and a page to the MLA reader.
    text = "Marshes store carbon (Penhallow 2018)."
    plain = extract_citations(text, find_sections(text), known_names={"penhallow"})
    assert [(c.year, c.locator) for c in plain] == [("2018", None)]
    assert [(c.year, c.locator) for c in mla(text, ("Penhallow",))] == [(None, "2018")]


def test_narrative_page_takes_the_last_known_author_of_its_sentence_only() -> None:
    text = "Okafor wrote first. Then Lindqvist argues the reverse (130)."
    assert shown(mla(text, ("Okafor", "Lindqvist"))) == [(("Lindqvist",), "130", None)]
    assert mla("Okafor wrote first. Then the reverse was argued (130).", ("Okafor",)) == []


def test_chicago_comma_groups_and_bare_name_year() -> None:
    text = (
        "Fares matter (Macleod and Ferrante 2009, 14, Duval 2018). "
        "Brannigan 2015 argues the reverse. The 2014 survey agrees."
    )
    keys = {name_key(k) for k in ("Macleod", "Duval", "Brannigan")}
    found = extract_citations(text, find_sections(text), known_names=keys, style="chicago")
    assert [(c.authors, c.year, c.locator) for c in found] == [
        (("Macleod", "Ferrante"), "2009", "14"),
        (("Duval",), "2018", None),
        (("Brannigan",), "2015", None),
    ]
    # A bare name and year is a citation only for a listed author followed by a reporting verb.
    keys = {name_key("Macleod")}
    found = extract_citations(
        "Brannigan 2015 argues so.", find_sections("x"), known_names=keys, style="chicago"
    )
    assert found == ()


@pytest.mark.parametrize(
    ("raw", "shape"),
    [
        ("Okafor, Chinwe. *Shared Soil*. Riverside UP, 2019.", "late"),
        ('Tan, Wei. "Tools." *Allotment Monthly*, 2 Feb. 2018.', "late"),
        ("Barunik, Jozef, and Thomas Krehlik. 2016. Measuring the dynamics. Oxford UP.", "bare"),
        (
            "Boyd, D. M., & Ellison, N. B. (2007). Social network sites. Journal, 13(1), 1-30.",
            "paren",
        ),
        ("Boyd, D. (2007) Social network sites. London: Sage.", "paren"),
    ],
)
def test_entry_shapes(raw: str, shape: str) -> None:
    assert entry_shape(parse_reference(raw)) == shape


def test_list_shape_needs_most_entries() -> None:
    mla_entries = [
        parse_reference("Okafor, Chinwe. *Shared Soil*. Riverside UP, 2019."),
        parse_reference("Lindqvist, Maja. *Green Commons*. Harbour Press, 2016."),
    ]
    apa = parse_reference("Boyd, D. M. (2007). Social network sites. Sage.")
    assert list_shape(mla_entries) == "mla"
    assert list_shape([*mla_entries, apa, apa, apa]) is None
    numbered = [r.model_copy(update={"number": i + 1}) for i, r in enumerate(mla_entries)]
    assert list_shape(numbered) is None  # IEEE entries have no parenthesised year either


def test_group_names_kept_whole_only_when_uninverted() -> None:
    refs = [
        parse_reference("Fleetwood Mac. “The Chain.” *Rumours*, Warner Bros., 1977."),
        parse_reference("Covach, John. “Cover Versions.” *Journal of Musicology*, 1999."),
    ]
    kept = keep_group_names(refs)
    assert [p.family for r in kept for p in r.authors] == ["Fleetwood Mac", "Covach"]
    assert kept[0].authors[0].corporate


def _link(citations: list[Citation], refs: list[Reference]) -> list[tuple[str, int | None]]:
    return [(link.status, link.reference) for link in link_citations(citations, refs, mla=True)]


def test_mla_linking_by_author_title_and_author_count() -> None:
    refs = [
        parse_reference("Halvorsen, Ingrid. *Public Quiet*. Northgate UP, 2017."),
        parse_reference(
            'Halvorsen, Ingrid, and Tom Brightwater. "Asking." *Journal*, vol. 5, 2019, pp. 1-18.'
        ),
        parse_reference("Abernethy, Colin. *Sound and the City*. Larchfield Press, 2008."),
        parse_reference('Abernethy, Colin. "Telephones on Trains." *Transport*, 2015, pp. 25-40.'),
        parse_reference('"Travelling Quietly." *Southline Rail*, 3 June 2020, southline.example.'),
    ]
    text = (
        "A (Halvorsen 23). B (Halvorsen and Brightwater 9). C (Abernethy 31). "
        'D (Abernethy, "Telephones" 30). E ("Travelling Quietly" 2). F (Castellano 88). '
        "G (Abernethey 12)."
    )
    found = mla(text, ("Halvorsen", "Abernethy"))
    assert _link(found, refs) == [
        ("matched", 0),
        ("matched", 1),
        ("ambiguous", 2),
        ("matched", 3),
        ("matched", 4),
        ("missing", None),
        ("author-mismatch", 2),
    ]


def test_title_fits() -> None:
    assert title_fits("Calm Voices", "Calm Voices: A History of the Farm Bulletin")
    assert title_fits("Rhetoric", "The Art of Rhetoric")
    assert not title_fits("Shared Soil", "Seeds and Strangers")


ESSAY = """Community gardens change how neighbours talk (Okafor 45), and Lindqvist p. 12 agrees
that plots are shared (Lindqvist p. 12).

Works Cited

Lindqvist, Maja. *Green Commons*. Harbour Press, 2016.

Okafor, Chinwe. *Shared Soil*. Riverside UP, 2019.

Tan, Wei. "Tools in Common." *Allotment Monthly*, 2 Feb. 2018, allotment.example/tools.
"""


def test_style_detected_and_forced() -> None:
    result = lint_text(ESSAY, path="essay.md")
    assert result.style == "mla"
    assert {f.code for f in result.findings} >= {"S304", "C104"}
    assert not any(f.code in {"C102", "S302"} for f in result.findings)
    apa = lint_text(ESSAY, Settings(style="apa"), path="essay.md")
    assert apa.style == "apa"
    assert not any(f.code == "S304" for f in apa.findings)


def test_web_entry_with_a_date_has_a_year() -> None:
    result = lint_text(ESSAY, path="essay.md")
    assert not any(f.code == "R202" and "year" in f.message for f in result.findings)


def test_chicago_notes_bibliography_is_not_mla() -> None:
    text = (
        "Fares rose.[^1] Trips fell.[^2] Harbours emptied.[^3]\n\n"
        "[^1]: Macleod, Ewan. *Lifeline Services*. Tidewater UP, 2009, 14.\n"
        "[^2]: Macleod, *Lifeline Services*, 20.\n"
        "[^3]: Duval, Helene. *Roads and Boats*. Skerry Press, 2018, 3.\n"
    )
    assert lint_text(text, path="essay.md").style != "mla"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from('Smith Okafor (); 12–4.,*"p\n'), max_size=200))
def test_mla_reader_never_raises_and_spans_lie_inside(text: str) -> None:
    for c in mla(text, ("Okafor", "Smith")):
        assert 0 <= c.span.start <= c.span.end <= len(text)


def test_authors_in_another_order_are_an_author_mismatch_not_a_year_mismatch() -> None:
    refs = [
        parse_reference("Mehra, Rajnish. 2003. The Equity Premium. NBER Working Paper."),
        parse_reference(
            "Prescott, Edward, and Rajnish Mehra. 1985. The Puzzle. Journal 15: 145-61."
        ),
    ]
    text = "Mehra and Prescott (1985) found it, as did Mehra (1999)."
    found = list(extract_citations(text, find_sections(text), known_names={"mehra", "prescott"}))
    links = link_citations(found, refs)
    assert [(link.status, link.reference, link.expected_author) for link in links] == [
        ("author-mismatch", 1, "Prescott"),
        ("year-mismatch", 0, None),
    ]
