"""Tests for essaylint.analysis.names.parse_authors."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essaylint.analysis.names import is_initials, looks_corporate, natural_family, parse_authors


def families(segment: str) -> list[str]:
    people, _ = parse_authors(segment)
    return [p.family for p in people]


@pytest.mark.parametrize(
    ("segment", "expected"),
    [
        ("Pan, Z., Lu, Y., Wang, B., & Chau, P. Y.", ["Pan", "Lu", "Wang", "Chau"]),
        ("Lawrence, G.D.", ["Lawrence"]),
        ("Rong, Shuang, Benchao Li, and Wei Zhang", ["Rong", "Li", "Zhang"]),
        ("Goss DL, Moore JH", ["Goss", "Moore"]),
        ("Tsung-Yu Lin, Aruni RoyChowdhury", ["Lin", "RoyChowdhury"]),
        ("D. H. van Hessem, C. W. Scherer, and O. H. Bosgra", ["van Hessem", "Scherer", "Bosgra"]),
        ("Kamerlin, S. C. L.; Warshel, A.", ["Kamerlin", "Warshel"]),
        ("Ferren, W. R., Jr.", ["Ferren"]),
        ("de la Macorra, J.", ["de la Macorra"]),
        ("Ludwig van Beethoven", ["van Beethoven"]),
        ("S. Keshav H. Zhang", ["Keshav", "Zhang"]),
        ("Kempner J.C., David L.P.", ["Kempner", "David"]),
        ("Sera, W. E., and C. N. Early", ["Sera", "Early"]),
        ("Bickman, L., & Ellis, H. (Eds.)", ["Bickman", "Ellis"]),
        # a particle with a capital after initials belongs to the family; a last word never
        ("L. De Mol", ["De Mol"]),
        ("A. B. Van Dyke and C. Le", ["Van Dyke", "Le"]),
        ("K. Da Silva, M. De la Cruz", ["Da Silva", "De la Cruz"]),
    ],
)
def test_family_names(segment: str, expected: list[str]) -> None:
    assert families(segment) == expected


def test_given_names_and_raw_are_kept() -> None:
    people, et_al = parse_authors("Pan, Z., & Chau, P. Y.")
    assert not et_al
    assert people[0].given == "Z."
    assert people[1].given == "P. Y."
    assert people[1].raw == "Chau, P. Y."


@pytest.mark.parametrize(
    "segment",
    [
        "World Health Organization",
        "The Guardian",
        "Zentangle, Inc.",
        "U.S. Department of Transportation",
        "MIT OpenCourseWare",
        "IBM Cloud Education.",
    ],
)
def test_corporate_authors_are_one_person(segment: str) -> None:
    people, _ = parse_authors(segment)
    assert len(people) == 1
    assert people[0].corporate
    assert people[0].given is None
    assert people[0].family == segment.rstrip(".") or people[0].family == segment


def test_comma_inside_inc_is_not_a_separator() -> None:
    people, _ = parse_authors("Zentangle, Inc.")
    assert [p.family for p in people] == ["Zentangle, Inc."]


@pytest.mark.parametrize("segment", ["Wei, J., et al.", "Smith, J. and others", "Smith, J., et al"])
def test_et_al_is_flagged_and_removed(segment: str) -> None:
    people, et_al = parse_authors(segment)
    assert et_al
    assert [p.family for p in people] in (["Wei"], ["Smith"])


@pytest.mark.parametrize("segment", ["———.", "---", "______.", "  "])
def test_repeaters_and_blank_give_no_authors(segment: str) -> None:
    assert parse_authors(segment) == ((), False)


def test_initials_shapes() -> None:
    assert is_initials("D. M.")
    assert is_initials("J.-P.")
    assert is_initials("JJ")
    assert is_initials("G.D.")
    assert not is_initials("Smith")
    assert not is_initials("BEARD")


def test_corporate_heuristic_rejects_people() -> None:
    assert not looks_corporate("Smith, J.")
    assert not looks_corporate("Reijneveld, S.A.")
    assert looks_corporate("Bureau of Labor Statistics")


def test_an_organisation_with_its_own_abbreviation_in_brackets() -> None:
    assert looks_corporate("Centers for Disease Control and Prevention (CDC)")
    assert looks_corporate("United States Department of Labor (US DoL)")
    assert not looks_corporate("Smith, J. (John Smith)")  # no abbreviation: a person


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_parse_authors_never_raises(segment: str) -> None:
    people, et_al = parse_authors(segment)
    assert isinstance(et_al, bool)
    assert all(p.family for p in people)


def test_hyphenated_conjunction_words_stay_inside_a_surname() -> None:
    people, _ = parse_authors("Ruiz-y-Ruiz T, Holm K")
    assert [p.family for p in people] == ["Ruiz-y-Ruiz", "Holm"]


def test_vancouver_hyphenated_bare_initials() -> None:
    people, _ = parse_authors("Lim KK-W & Oyelaran PM")
    assert [p.family for p in people] == ["Lim", "Oyelaran"]


def test_all_caps_organisation_with_function_words_is_corporate() -> None:
    people, _ = parse_authors("TASK FORCE ON RURAL BROADBAND COMMISSION")
    assert len(people) == 1
    assert people[0].corporate


def test_spacing_accent_debris_stays_in_the_surname() -> None:
    people, _ = parse_authors("R. Ib´a˜nez, T. Moss")
    assert [p.family for p in people] == ["Ib´a˜nez", "Moss"]


def test_italian_e_joins_two_names() -> None:
    people, _ = parse_authors("G. Rossetti e L.M. Bianchi")
    assert [p.family for p in people] == ["Rossetti", "Bianchi"]


@pytest.mark.parametrize(
    ("phrase", "lenient", "strict"),
    [
        ("John Bowlby", "Bowlby", None),
        ("Mary D. Ainsworth", "Ainsworth", "Ainsworth"),
        ("B. F. Skinner", "Skinner", "Skinner"),
        ("Vincent van Gogh", "van Gogh", "van Gogh"),
        ("Charles De Gaulle", "De Gaulle", "De Gaulle"),
        ("Jean-Paul Sartre", "Sartre", None),
        ("Cathy O'neil", "O'neil", "O'neil"),  # O' opens only a family name
        ("Sinead O’Brien", "O’Brien", "O’Brien"),
        ("Open Learning", None, None),
        ("Simply Psychology", None, None),
        ("MIT OpenCourseWare", None, None),
        ("World Health Organization", None, None),
        ("Oxford English Dictionary", None, None),  # a work where an author goes
        ("Rise With Odn", None, None),
        ("Lucas Asset Pricing Model", None, None),
        ("Bowlby", None, None),
        ("Vargas et. Al", None, None),
    ],
)
def test_natural_family(phrase: str, lenient: str | None, strict: str | None) -> None:
    assert natural_family(phrase) == lenient
    assert natural_family(phrase, lenient=False) == strict


def test_a_short_acronym_opens_an_organisation_but_a_surname_in_capitals_is_a_person() -> None:
    assert looks_corporate("MIT OpenCourseWare")
    assert looks_corporate("IBM Cloud Education")
    assert not looks_corporate("DUCLERT V.")
    assert not looks_corporate("GORDON M. J.")
    assert not looks_corporate("RAHNER Karl")


@pytest.mark.parametrize(
    ("segment", "family"),
    [
        ("Excelsior Online Writing Lab", "Excelsior Online Writing Lab"),
        ("Purdue Online Writing Lab", "Purdue Online Writing Lab"),
        ("Simply Psychology", "Simply Psychology"),
        ("Khan Academy Health", "Khan Academy Health"),
    ],
)
def test_brand_names_in_natural_order_are_organisations(segment: str, family: str) -> None:
    people, _ = parse_authors(segment)
    assert [(p.family, p.corporate) for p in people] == [(family, True)]


@pytest.mark.parametrize(
    ("segment", "family", "raw"),
    [
        ("KomalSrivastava@TWC", "KomalSrivastava", "KomalSrivastava@TWC"),
        ("@nasa", "nasa", "@nasa"),
    ],
)
def test_handles_are_named_up_to_the_at_sign(segment: str, family: str, raw: str) -> None:
    people, _ = parse_authors(segment)
    assert [(p.family, p.raw, p.corporate) for p in people] == [(family, raw, True)]


def test_people_in_natural_order_stay_people() -> None:
    for segment, family in [
        ("Ludwig van Beethoven", "van Beethoven"),
        ("Larry Squire", "Squire"),
        ("Mary D. Ainsworth", "Ainsworth"),
    ]:
        people, _ = parse_authors(segment)
        assert [(p.family, p.corporate) for p in people] == [(family, False)]


def test_a_writer_and_the_site_that_published_them() -> None:
    people, _ = parse_authors("Andrea Chiarelli/Auth0")
    assert [(p.family, p.given) for p in people] == [("Chiarelli", "Andrea")]
    people, _ = parse_authors("Input/Output Society")  # no writer's name before the slash
    assert [p.family for p in people] != ["Output"]
