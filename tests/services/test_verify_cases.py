"""Per-rule cases of the network rules (fixtures/rules/*.toml), run against Crossref.

The same case files, format and harness (tests/support/rule_cases.py) as
tests/rules/test_rule_cases.py (which skips these rules), but each case runs
with a real :class:`CrossrefBackend` (habanero) pointed at the local replay
server (crossref_replay.py), without a cache.
Skips when the recorded Crossref answers are absent.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from crossref_replay import FIXTURES, CrossrefReplay

from essaylint.rules.registry import all_rules
from essaylint.services.crossref import CrossrefBackend

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.rule_cases import case_failure, cases_of, run_case

CASES_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "rules"
NETWORK_RULES = [r for r in all_rules() if "network" in r.requires]

pytestmark = pytest.mark.skipif(
    not FIXTURES.is_dir(), reason=f"recorded Crossref answers not present at {FIXTURES}"
)


def _collect() -> list[Any]:
    return [
        pytest.param(rule, kind, case, id=f"{rule.name}-{kind}-{i}")
        for rule in NETWORK_RULES
        for kind, i, case in cases_of(CASES_DIR / f"{rule.name}.toml")
    ]


@pytest.fixture(scope="module")
def replay() -> Iterator[CrossrefReplay]:
    with CrossrefReplay() as server:
        yield server


@pytest.mark.parametrize(("rule", "kind", "case"), _collect())
def test_network_rule_case(replay: CrossrefReplay, rule: Any, kind: str, case: Any) -> None:
    run = run_case(rule, case, verify=CrossrefBackend(replay.url, cache=None))
    failure = case_failure(rule, kind, case, run)
    if failure:
        pytest.fail(failure)
    if case.get("xfail"):
        pytest.xfail(case["xfail"])
