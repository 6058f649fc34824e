"""List-level reading of author names (essaylint.analysis.reference_list)."""

from __future__ import annotations

from essaylint.analysis.reference_list import normalise_author_date_list
from essaylint.analysis.references import parse_reference


def families(raws: list[str]) -> list[tuple[str, bool]]:
    refs = normalise_author_date_list([parse_reference(r) for r in raws])
    return [
        (r.authors[0].family, r.authors[0].corporate) if r.authors else ("", False) for r in refs
    ]


APA_PEOPLE = [
    "Gupta, C. P., & Goyal, K. K. (2020). Computer concepts. Mercury Learning.",
    "Page, C., Vincent, A. (n.d.). Describe the role. Retrieved from https://x.example/role",
]


def test_comma_less_names_in_an_apa_list_are_organisations() -> None:
    got = families(
        [
            *APA_PEOPLE,
            "Neso Academy. (2025, May 18). _Mobile OS architecture_ [Video]. YouTube.",
            "Open Polytechnic. (n.d.). Techniques for active learning. Retrieved from https://op.example",
        ]
    )
    assert got[2:] == [("Neso Academy", True), ("Open Polytechnic", True)]
    assert got[:2] == [("Gupta", False), ("Page", False)]


def test_a_channel_name_read_as_a_title_gets_its_author_back() -> None:
    refs = normalise_author_date_list(
        [parse_reference(r) for r in APA_PEOPLE]
        + [parse_reference("Learn with harshit. (2022a, June 23). _Types of OS_ [Video]. YouTube.")]
    )
    channel = refs[-1]
    assert channel.authors[0].family == "Learn with harshit"
    assert channel.authors[0].corporate
    assert channel.year == "2022a"
    assert channel.title == "Types of OS"


def test_lists_of_natural_order_names_are_left_alone() -> None:
    got = families(
        [
            "Ludwig van Beethoven. (1990). Symphonies. Press.",
            "Larry Squire. (2004). Memory systems. Press.",
        ]
    )
    assert got == [("van Beethoven", False), ("Squire", False)]


def test_a_vancouver_shaped_name_in_an_apa_list_is_an_organisation() -> None:
    got = families(
        [
            *APA_PEOPLE,
            "Powerful JRE. (2017, 2019). Joe Rogan Experience #1035. Retrieved from "
            "https://www.youtube.com/watch?v=mPqWstVnRjQ",
        ]
    )
    assert got[2] == ("Powerful JRE", True)
    assert got[:2] == [("Gupta", False), ("Page", False)]


def test_bare_initials_before_a_word_in_an_apa_list_is_an_organisation() -> None:
    got = families(
        [
            *APA_PEOPLE,
            "Kaggle. (n.d.). Channel analytics. https://www.kaggle.example/channels",
            "Statista. (n.d.). Online video time spent. https://www.statista.example/video",
            "Soax. (n.d.). Top platforms. https://soax.example/platforms",
            "YT Large. (n.d.). YouTube video data viewer. https://ytlarge.example/viewer/",
        ]
    )
    assert got[-1] == ("YT Large", True)
    assert got[:2] == [("Gupta", False), ("Page", False)]


def test_vancouver_lists_keep_their_people() -> None:
    got = families(
        [
            "Goss DL, Moore JH. Running injuries. J Sport Med. 2019;12(3):4-9.",
            "Moore JH, Lee K. Knee pain. BMJ. 2017;3:5-6.",
            "Smith JR. Gait analysis. Gait Posture. 2018;5:1-2.",
        ]
    )
    assert got == [("Goss", False), ("Moore", False), ("Smith", False)]


def test_an_organisation_in_a_list_without_initialled_people() -> None:
    got = families(
        [
            "1. Excelsior Online Writing Lab. (n.d.). _Evaluating a website_. "
            "https://owl.excelsior.edu/x.pdf",
            "2. University of the People. (n.d.). _Evaluating sources_. https://my.uopeople.edu/x",
        ]
    )
    assert got == [("Excelsior Online Writing Lab", True), ("University of the People", True)]


def test_a_row_of_dashes_repeats_the_authors_above() -> None:
    from essaylint.analysis.reference_split import split_reference_list

    text = (
        "Korsgaard, Christine M. 1985. “Kant’s Formula of Universal Law.” Journal 66: 24–47.\n"
        "------. 1996. *Creating the Kingdom of Ends*. Cambridge University Press.\n"
        "———. 2018. *Fellow Creatures*. Oxford University Press.\n"
        "Wood, A. W. (1998). Duties regarding nature. Proceedings, 72, 189–210.\n"
        "—— (2008) *Kantian ethics*. Cambridge University Press.\n"
    )
    refs = normalise_author_date_list(split_reference_list(text, 0))
    assert [(r.authors[0].family if r.authors else None, r.year) for r in refs] == [
        ("Korsgaard", "1985"),
        ("Korsgaard", "1996"),
        ("Korsgaard", "2018"),
        ("Wood", "1998"),
        ("Wood", "2008"),
    ]
