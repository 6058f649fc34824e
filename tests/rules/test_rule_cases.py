"""Per-rule cases (STYLE.md habit 5): fixtures/rules/<rule-name>.toml.

The format and what makes a case pass are in tests/support/rule_cases.py:
every finding stated whole (line, column, message, fix), and a rule that
raises or leaves an internal-error note fails its cases, silent ones too.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from essaylint.rules.base import Rule
from essaylint.rules.registry import all_rules, find_rule
from essaylint.services.harper import HarperBackend

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.rule_cases import (
    CASES_DIR,
    KINDS,
    case_failure,
    case_files,
    cases_of,
    load_cases,
    malformed,
    run_case,
)


def _collect() -> list[Any]:
    params = []
    for path in case_files():
        rule = find_rule(path.stem)
        if rule is not None and "network" in rule.requires:
            continue  # run against the Crossref replay by tests/services/test_verify_cases.py
        for kind, i, case in cases_of(path):
            params.append(pytest.param(path.stem, kind, case, id=f"{path.stem}-{kind}-{i}"))
    return params


@pytest.mark.parametrize(("rule_name", "kind", "case"), _collect())
def test_rule_case(rule_name: str, kind: str, case: dict[str, Any]) -> None:
    rule = find_rule(rule_name)
    assert rule is not None, f"fixtures/rules/{rule_name}.toml names no registered rule"
    run = run_case(rule, case, prose=HarperBackend() if "prose" in rule.requires else None)
    failure = case_failure(rule, kind, case, run)
    if failure:
        pytest.fail(failure)
    if case.get("xfail"):
        pytest.xfail(case["xfail"])


def test_case_files_are_well_formed() -> None:
    problems = [p for path in case_files() for p in malformed(path)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: f"{r.code}-{r.name}")
def test_every_rule_has_cases(rule: type[Rule]) -> None:
    path = CASES_DIR / f"{rule.name}.toml"
    assert path.is_file(), f"{rule.code} {rule.name} has no case file {path.name}"
    data = load_cases(path)
    for kind in KINDS:
        assert data.get(kind), f"{path.name} has no [[{kind}]] case"
        honest = [c for c in data[kind] if "xfail" not in c]
        assert honest, f"{path.name}: every [[{kind}]] case is an xfail"
