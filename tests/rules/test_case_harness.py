"""The per-rule case harness (tests/support/rule_cases.py) can fail.

A rule that raises fails every one of its cases, silent ones included; a
spelling engine that gives up fails the spelling cases; a message must be
stated whole, and a fix by its replacement and fixed text.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from essaylint.rules.base import Rule, RuleContext
from essaylint.rules.registry import find_rule
from essaylint.services.prose import DialectName, ProseError, ProseMatch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.rule_cases import CASES_DIR, case_failure, cases_of, run_case


def _rule(name: str) -> type[Rule]:
    rule = find_rule(name)
    assert rule is not None
    return rule


def _cases(name: str) -> list[tuple[str, dict[str, Any]]]:
    return [(kind, case) for kind, _, case in cases_of(CASES_DIR / f"{name}.toml")]


def _first(name: str, kind: str = "fires") -> dict[str, Any]:
    return next(case for k, case in _cases(name) if k == kind)


def test_a_rule_that_raises_fails_all_its_cases_silent_ones_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rule = _rule("repeated-word")

    def broken(self: Rule, ctx: RuleContext) -> Iterable[Any]:
        raise RuntimeError("deliberately broken")

    monkeypatch.setattr(rule, "check", broken)
    cases = _cases("repeated-word")
    assert any(kind == "silent" for kind, _ in cases)
    for kind, case in cases:
        failure = case_failure(rule, kind, case, run_case(rule, case))
        assert failure is not None, f"{kind} case {case['name']!r} passed with a broken rule"
        assert "RuntimeError: deliberately broken" in failure


def test_a_rule_that_raises_after_its_findings_fails_too(monkeypatch: pytest.MonkeyPatch) -> None:
    rule = _rule("repeated-word")
    original = rule.check

    def half(self: Rule, ctx: RuleContext) -> Iterable[Any]:
        yield from original(self, ctx)
        raise ValueError("late")

    monkeypatch.setattr(rule, "check", half)
    kind, case = "fires", _first("repeated-word")
    failure = case_failure(rule, kind, case, run_case(rule, case))
    assert failure is not None
    assert "ValueError: late" in failure


def test_an_xfail_case_whose_rule_raises_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    rule = _rule("repeated-word")
    monkeypatch.setattr(rule, "check", lambda self, ctx: iter([1 / 0]))
    case = {**_first("repeated-word", "silent"), "xfail": "a recorded wrong answer"}
    failure = case_failure(rule, "silent", case, run_case(rule, case))
    assert failure is not None
    assert "ZeroDivisionError" in failure


class GivingUp:
    """A spelling engine that always fails, as one that died would."""

    name = "giving-up"

    def check(self, text: str, *, dialect: DialectName = "american") -> list[ProseMatch]:
        raise ProseError("the engine stopped")

    def known_words(self, words: list[str], *, dialect: DialectName = "american") -> set[str]:
        raise ProseError("the engine stopped")


def test_a_spelling_engine_that_gives_up_fails_the_silent_cases() -> None:
    rule = _rule("spelling")
    for kind, case in _cases("spelling"):
        failure = case_failure(rule, kind, case, run_case(rule, case, prose=GivingUp()))
        assert failure is not None, case["name"]
        assert "the engine stopped" in failure


def test_a_working_rule_passes_its_cases() -> None:
    rule = _rule("repeated-word")
    for kind, case in _cases("repeated-word"):
        assert case_failure(rule, kind, case, run_case(rule, case)) is None


def _with_finding(case: dict[str, Any], **changes: Any) -> dict[str, Any]:
    first = {**case["findings"][0], **changes}
    return {**case, "findings": [first, *case["findings"][1:]]}


def test_a_message_is_compared_whole() -> None:
    rule = _rule("repeated-word")
    case = _first("repeated-word")
    message = case["findings"][0]["message"]
    for part in (message[:-1], message[1:], message + "."):
        changed = _with_finding(case, message=part)
        assert case_failure(rule, "fires", changed, run_case(rule, changed)) is not None, part


def test_the_fix_must_be_stated_and_right() -> None:
    rule = _rule("page-prefix")
    case = _first("page-prefix")
    assert case_failure(rule, "fires", case, run_case(rule, case)) is None
    bare = [{k: v for k, v in want.items() if k != "fix"} for want in case["findings"]]
    unstated = {**case, "findings": bare}
    wrong = _with_finding(case, fix="pp. 9-10")
    for changed in (unstated, wrong):
        assert case_failure(rule, "fires", changed, run_case(rule, changed)) is not None


def test_the_fixed_text_is_checked() -> None:
    rule = _rule("repeated-word")
    case = _first("repeated-word")
    assert "fixed" in case
    changed = {**case, "fixed": case["text"]}
    failure = case_failure(rule, "fires", changed, run_case(rule, changed))
    assert failure is not None
    assert "fixed text" in failure
