"""British and American spelling evidence (essaylint.analysis.dialect)."""

from __future__ import annotations

import pytest

from essaylint.analysis.dialect import (
    counterpart,
    detect_dialect,
    dialect_of,
    oxford_acceptable,
    spelling_evidence,
)
from essaylint.models import Span


@pytest.mark.parametrize(
    ("word", "dialect"),
    [
        ("colour", "british"), ("color", "american"), ("behavioural", "british"),
        ("neighbourhood", "british"), ("favorite", "american"), ("organisation", "british"),
        ("organizing", "american"), ("prioritise", "british"), ("analyse", "british"),
        ("analyzed", "american"), ("centre", "british"), ("theater", "american"),
        ("kilometre", "british"), ("travelled", "british"), ("modeling", "american"),
        ("counselling", "british"), ("defence", "british"), ("offense", "american"),
        ("licence", "british"), ("programme", "british"), ("catalog", "american"),
        ("ageing", "british"), ("judgment", "american"), ("grey", "british"),
        ("whilst", "british"), ("amongst", "british"), ("aluminum", "american"),
        ("mum", "british"), ("practised", "british"), ("fulfillment", "american"),
    ],
)  # fmt: skip
def test_clear_cases(word: str, dialect: str) -> None:
    assert dialect_of(word) == dialect


@pytest.mark.parametrize(
    "word",
    ["program", "license", "meter", "analyses", "dialogue", "story", "practice", "draft",
     "humoral", "advertise", "while", "among", "size", "cancellation"],
)  # fmt: skip
def test_shared_words_are_not_evidence(word: str) -> None:
    assert dialect_of(word) is None


def test_counterpart_keeps_a_capital() -> None:
    assert counterpart("Colour") == "Color"
    assert counterpart("analyzing") == "analysing"
    assert counterpart("whilst") == "while"
    assert counterpart("metre") is None


def test_oxford_ize_is_acceptable_but_yze_is_not() -> None:
    assert oxford_acceptable("organization")
    assert oxford_acceptable("recognize")
    assert not oxford_acceptable("analyze")
    assert not oxford_acceptable("color")


def test_evidence_has_offsets_and_skips_names() -> None:
    text = "The colour of the Labour Party. Colour helps. The World Health Organization analyzed."
    ev = spelling_evidence(text)
    assert [w for w, _, _ in ev.british] == ["colour", "Colour"]
    assert [w for w, _, _ in ev.american] == ["analyzed"]
    word, start, end = ev.american[0]
    assert text[start:end] == word


def test_evidence_only_inside_spans() -> None:
    text = "colour colour color"
    ev = spelling_evidence(text, [Span(start=13, end=19)])
    assert ev.british == ()
    assert ev.american == (("color", 14, 19),)


def test_detect_dialect_majority_and_tie() -> None:
    assert detect_dialect("The colour and flavour of the color.") == "british"
    assert detect_dialect("The organized center of the colour.") == "american"
    assert detect_dialect("The colour and the color.") == "american"
    assert detect_dialect("The colour and the color.", default="british") == "british"
    assert detect_dialect("No telling words here.") == "american"
