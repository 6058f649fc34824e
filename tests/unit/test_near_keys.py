"""The entry a mistyped citation key was meant for (analysis.near_keys)."""

from __future__ import annotations

import pytest

from essaylint.analysis.near_keys import meant_key

KEYS = {"census_micro": 0, "cite_brmsmodels": 1, "harbour2019a": 2, "harbour2019b": 3, "li": 4}


@pytest.mark.parametrize(
    ("cited", "meant"),
    [
        ("census-micro", 0),  # other punctuation
        ("CensusMicro", 0),  # other case
        ("brmsmodels", 1),  # inside a longer key
        ("cite_brmsmodels_2023", 1),  # a longer key holding the entry's
        ("census_mirco", 0),  # two letters swapped in a long key
    ],
)
def test_a_slip_names_its_entry(cited: str, meant: int) -> None:
    assert meant_key(cited, KEYS) == meant


@pytest.mark.parametrize(
    "cited",
    [
        "harbour2019",  # inside two keys: which one nobody can tell
        "harbour2019c",  # one letter from two keys
        "lee",  # too short to guess from
        "tide_tables",  # nothing near
    ],
)
def test_no_guess_without_one_clear_entry(cited: str) -> None:
    assert meant_key(cited, KEYS) is None
