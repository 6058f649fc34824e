"""The document lexicon and the typo heuristics of the spelling rule."""

from __future__ import annotations

import pytest

from essaylint.analysis.lexicon import (
    build_lexicon,
    edit_distance,
    is_ignorable_token,
    looks_like_typo,
    stem_candidates,
    term_family_count,
)
from essaylint.models import Citation, Person, Reference, Span


@pytest.mark.parametrize(
    ("token", "before", "ignorable"),
    [
        ("MeToo", "#", True),
        ("TimesUpNow", "@", True),
        ("TimesUP", "", True),
        ("VOX", "", True),
        ("society9", "", True),
        ("N.", "", True),
        ("p.", "", True),
        ("e.g", "", True),
        ("recieve", "", False),
        ("Goographies", "", False),
    ],
)
def test_ignorable_token_shapes(token: str, before: str, ignorable: bool) -> None:
    assert is_ignorable_token(token, before) is ignorable


def test_names_are_accepted_everywhere_and_title_words_only_in_the_body() -> None:
    ref = Reference(
        raw="x",
        span=Span(start=0, end=1),
        authors=(Person(family="Papacharissi", given="Z."),),
        title="The Virtual Goographies",
        container="New Media & Society",
    )
    cite = Citation(span=Span(start=0, end=1), text="x", authors=("Dijkmans",), alias="WHO")
    lexicon = build_lexicon([ref], [cite], user_words=["Zentangle"])
    assert lexicon.accepts("Papacharissi's", in_title=True)
    assert lexicon.accepts("dijkmans", in_title=False)
    assert lexicon.accepts("zentangle", in_title=True)
    assert lexicon.accepts("Goographies", in_title=False)
    assert not lexicon.accepts("Goographies", in_title=True)


@pytest.mark.parametrize(
    ("word", "suggestion", "typo"),
    [
        ("entre", "enter", True),
        ("Goographies", "Geographies", True),
        ("recieve", "receive", True),
        ("occured", "occurred", True),
        ("gamification", "ramification", False),
        ("cingulate", "circulate", False),
        ("timeframe", "time frame", False),
        ("de-allocation", "deallocation", False),
        ("raes", "races", False),
    ],
)
def test_looks_like_typo(word: str, suggestion: str, typo: bool) -> None:
    assert looks_like_typo(word, suggestion) is typo


def test_edit_distance_counts_a_transposition_once() -> None:
    assert edit_distance("recieve", "receive") == 1
    assert edit_distance("kitten", "sitting") == 3
    assert edit_distance("abc", "abc") == 0


def test_stem_candidates_and_term_counts() -> None:
    assert "personal" in stem_candidates("intrapersonal")
    assert "encourage" in stem_candidates("encouragers")
    assert term_family_count("Statins work. A statin helps; statins are cheap.", "statin") == 3
