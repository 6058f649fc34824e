"""Harper's rule sets: "essay" (the default) and "all"."""

from __future__ import annotations

from pathlib import Path

import pytest

from essaylint.config import Settings
from essaylint.pipeline import lint_text
from essaylint.services.harper import HarperBackend
from essaylint.services.harper_rules import MISFIRING, NOT_REPORTED, rule_config

ROOT = Path(__file__).resolve().parents[2]

# Sentences written to trip rules of the "essay" set's NOT_REPORTED list.
STYLE_ONLY_SENTENCES = [
    "The results were good and also they were cheap.",
    "We met at 10 am in the morning to discuss the plan.",
    "It was a strong idea in the whole entire class.",
    "The committee was comprised of five members.",
    "Please send an email to the tutor before Monday.",
    "The study lasted from 2010-2015 in three schools.",
    "She said ... nothing at all.",
    "The sample was small.  The effect was large.",
    "The ATM machine was broken again.",
    "The price was $ 50 for each student.",
    "It is a fatal outcome for the patient.",
    "He is my fellow co-worker at the lab.",
]
# Sentences with errors that essaylint reports (grammar and spelling).
REPORTED_SENTENCES = [
    "It happened a hour ago.",
    "The school wants to improve it's results.",
    "They was late for the seminar.",
    "Students recieve feedback too late to use it.",
    "We need to took a decision about the survey.",
    "For all intensive purposes the policy failed.",
]


def harper_defaults() -> dict[str, bool | None]:
    from harper import Dialect, Linter

    return dict(Linter(Dialect.AMERICAN).get_default_lint_config())


def test_every_listed_rule_is_a_harper_rule() -> None:
    # A rule renamed or removed by a Harper upgrade must not be skipped silently.
    known = set(harper_defaults())
    assert sorted((NOT_REPORTED | MISFIRING) - known) == []


def test_all_keeps_harpers_defaults_except_the_misfiring_rules() -> None:
    defaults = harper_defaults()
    config = rule_config(defaults, "all")
    assert set(config) == set(defaults)
    for name, enabled in defaults.items():
        assert config[name] is (bool(enabled) and name not in MISFIRING), name


def test_essay_also_leaves_out_the_rules_whose_findings_are_not_reported() -> None:
    defaults = harper_defaults()
    essay, everything = rule_config(defaults, "essay"), rule_config(defaults, "all")
    dropped = {name for name in defaults if everything[name] and not essay[name]}
    assert dropped == NOT_REPORTED - MISFIRING
    assert sum(essay.values()) < sum(everything.values())


def test_a_rule_harper_adds_later_keeps_its_default() -> None:
    config = rule_config({"SomeFutureRule": True, "SomeFutureOffRule": None}, "essay")
    assert config == {"SomeFutureRule": True, "SomeFutureOffRule": False}


@pytest.mark.parametrize("sentence", STYLE_ONLY_SENTENCES)
def test_left_out_rules_only_ever_give_style_hints(sentence: str) -> None:
    matches = HarperBackend("all").check(sentence)
    left_out = [m for m in matches if m.rule_id in NOT_REPORTED]
    assert left_out, f"no left-out rule fired on {sentence!r}"
    assert {m.category for m in left_out} <= {"style", "repetition"}
    assert not [m for m in HarperBackend("essay").check(sentence) if m.rule_id in NOT_REPORTED]


def prose_findings(backend: HarperBackend, text: str) -> list[tuple[str, int, str]]:
    result = lint_text(text, Settings(select=("T401", "T403")), prose=backend)
    return [(f.code, f.span.start, f.message) for f in result.findings]


def test_essay_set_gives_the_same_spelling_and_grammar_findings_as_all() -> None:
    # Leaving a style rule out can let Harper keep another lint on the same words
    # (it drops overlapping lints), so the promise is about essaylint's findings.
    texts = [*REPORTED_SENTENCES, *STYLE_ONLY_SENTENCES]
    texts += [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures/essays").glob("*.md"))
    ]
    essay, everything = HarperBackend("essay"), HarperBackend("all")
    found = 0
    for text in texts:
        expected = prose_findings(everything, text)
        assert prose_findings(essay, text) == expected, text[:60]
        found += len(expected)
    assert found >= len(REPORTED_SENTENCES)
