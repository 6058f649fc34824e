"""Where one entry ends and the next begins, across a paragraph break."""

from __future__ import annotations

import pytest

from essaylint.analysis.entry_shape import continues_entry, corporate_core, looks_like_entry


@pytest.mark.parametrize(
    ("previous", "text", "goes_on"),
    [
        # A retrieval note with its link lost: only a link carries the entry on.
        ("Kolb, A. (2019). Time budgets. Retrieved from", "Lost budgets. Press.", False),
        ("Kolb, A. (2019). Time budgets. Retrieved from", "https://example.org/kolb", True),
        # "Available at:" on its own paragraph (Cite Them Right Harvard, PDF text).
        ("Der Spiegel (2022) Linke.", "Available at: https://www.spiegel.de/x", True),
        ("Title. Site. https://a.example/x", "(Accessed: 14 January 2025)", True),
        # In a list of bare links, each link is an entry.
        ("https://a.example/x", "https://b.example/y", False),
        ("Smith, J. (2019). A title.", "https://b.example/y", True),
        ("Smith, J. (2019). A title.", "Young, K. (2011). Another.", False),
        # Word paragraphs of one entry: the rest of a quoted title, or a lower-case note
        # with the day the page was read, goes on even though it holds a year.
        (
            "Port Authority of Skerry (2018), “Ferry Timetables and Winter",
            "Fares,” available at: http://www.skerry.example.com/fares, as of March 3rd 2019",
            True,
        ),
        (
            "Quayle, R. (2015). Counting the Crossings. Kirkwall: Tideline Press.",
            "archived at http://www.tideline.example.com/c, as of March 3rd, 2019.",
            True,
        ),
        ("Quayle, R. (2015). Counting the Crossings.", "van Rooij, P. (2016). Tides.", False),
        ("Quayle, R. (2015). “Counting the", "Ravel, T. (2016). “Tides,” Harbour.", False),
        # An author list cut before its last author: the author and the year come next.
        ("Han, K., Hwang, H., Lim, E., Choi-Kwon, S., &", "Baek, H. (2021). Naps. J, 1.", True),
        ("Ode, J., Pike, L., and", "Ravel, T. (2016). Tides. Harbour Press.", True),
        ("Quayle, R. (2015). Rivers and", "Ravel, T. (2016). Tides. Harbour Press.", False),
        # The last page and the DOI after a volume cut at its comma: not entry number 617.
        ("in Physical Activities. Religions, 10(11),", "617. https://doi.org/10.3390/r1", True),
        ("Quayle, R. (2015). Rivers. Tideline Press.", "617. https://doi.org/10.3390/r1", False),
    ],
)
def test_continues_entry(previous: str, text: str, goes_on: bool) -> None:
    assert continues_entry(previous, text) is goes_on


def test_a_journal_line_carries_on_an_entry_cut_mid_title_two_lines_above() -> None:
    entry = "Watson, A., & Mehta, K. (2015). Barriers to play\nat lunch for girls. European"
    line = "Physical Education Review, 21(2), 257-271. https://doi.org/10.1177/135633"
    assert continues_entry("at lunch for girls. European", line, entry=entry)


@pytest.mark.parametrize(
    ("segment", "core"),
    [
        ("Ember – with major processing by Our World in Data", "Ember"),
        ("IRENA - processed by Our World in Data", "IRENA"),
        ("Bundesverband Solarwirtschaft e.V.", "Bundesverband Solarwirtschaft"),
        ("Smith - Jones, A.", "Smith - Jones, A."),
    ],
)
def test_corporate_core(segment: str, core: str) -> None:
    assert corporate_core(segment) == core


@pytest.mark.parametrize(
    ("line", "entry"),
    [
        # Dates are no authors.
        ("Monday 14 September, 2015 R1", False),  # a row of a timetable
        ("14 September 2015 R1", False),
        ("May, J. (2019). Working days. Press.", True),  # a family name that is a month
        ("March, A. (2020). Title of a study. Journal, 2(1), 1-9.", True),
        ("APM (Association for Project Management) (2019) *APM Body of Knowledge*.", True),
        # A pasted MDPI list: number glued to the name, authors "Family, I.;", a stray stop.
        ("10.Varga, L.; Penn, A. Harbour Dredging (HD) Records. arXiv 2016, arXiv:1609.06", True),
        (".9.Oduya, T.; Lind, B. Sediment budgets of small ports. Mar. Geol. 2002,12, 7-25.", True),
        ("3. Oduya, T., Lind, B. Sediment budgets of small ports. Mar. Geol. 2002, 7-25.", True),
        ("2. Varga, L. and colleagues showed in 2016 that ports silt up.", False),
        ("4. Plan, A. Review the 2016 dredging logs.", False),
        # A narrative citation with its pages opens a sentence, not an entry.
        ("Okonjo et al. (2015, pp. 29-32) states that we are all in a data gold rush.", False),
        ("Dhillon (2016, pp.175-181) highlights the range of security issues.", False),
        ("Okonjo, A. (2015, August). Personal data. In Proceedings (pp. 29-32).", True),
        ("Okonjo, A. (2015, pp. 29-32). Personal data. Harbour Press.", True),
        # the number of a numbered list between the year and the verb
        (" \tQuinn et al. (2021) [12] developed a prognostic model of immune genes.", False),
        # Chicago: an inverted first author, co-authors in natural order, a quoted title
        (
            'Marsh, Hui, Shuai Vale, Yi Chen, Kun Qian, and Michael De Tide C. "Harbour'
            ' Traffic." Harbour Research 4, no. 11 (11, 2022): 115001.',
            True,
        ),
    ],
)
def test_what_opens_an_entry(line: str, entry: bool) -> None:
    assert looks_like_entry(line) is entry


@pytest.mark.parametrize("bullet", ["·", "•", "\uf0b7"])
def test_an_entry_behind_a_typed_bullet_opens_after_an_entry_cut_short(bullet: str) -> None:
    # A list item whose text starts with a typed bullet ("*   · Name"), after an entry that
    # lost its full stop: a new entry, as it would be without the typed bullet.
    before = "Xu, J., Liao, K., & Wu, W. (2021). Tumour cells in blood. 20(1), 104"
    after = (
        f"*   {bullet} Argent, R., Arnol, D., & Stegle, O. (2020). MOFA+. Genome Biology, 21, 111."
    )
    assert not continues_entry(before, after)
    assert not continues_entry(before, after.replace(f"{bullet} ", ""))
