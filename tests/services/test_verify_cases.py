"""Per-rule cases of the network rules (fixtures/rules/*.toml), run against Crossref.

The same case files and format as tests/rules/test_rule_cases.py (which skips
these rules), but each case runs with a real :class:`CrossrefBackend` (habanero)
pointed at the local replay server (crossref_replay.py), without a cache. A
case may carry ``bib``: BibTeX text handed to the pipeline as the --bib file.
Skips when the recorded Crossref answers are absent.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from crossref_replay import FIXTURES, CrossrefReplay

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = pytest.importorskip("tomli")

from essaylint.config import Settings
from essaylint.loaders.bibtex import parse_bib_text
from essaylint.pipeline import lint_text
from essaylint.rules.registry import all_rules
from essaylint.services.crossref import CrossrefBackend

CASES_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "rules"
NETWORK_RULES = [r for r in all_rules() if "network" in r.requires]

pytestmark = pytest.mark.skipif(
    not FIXTURES.is_dir(), reason=f"recorded Crossref answers not present at {FIXTURES}"
)


def _collect() -> list[Any]:
    params = []
    for rule in NETWORK_RULES:
        with (CASES_DIR / f"{rule.name}.toml").open("rb") as fh:
            data = tomllib.load(fh)
        for kind in ("fires", "silent"):
            for i, case in enumerate(data.get(kind, [])):
                params.append(pytest.param(rule, kind, case, id=f"{rule.name}-{kind}-{i}"))
    return params


@pytest.fixture(scope="module")
def replay() -> Iterator[CrossrefReplay]:
    with CrossrefReplay() as server:
        yield server


@pytest.mark.parametrize(("rule", "kind", "case"), _collect())
def test_network_rule_case(replay: CrossrefReplay, rule: Any, kind: str, case: Any) -> None:
    bib = parse_bib_text(case["bib"]) if "bib" in case else ()
    result = lint_text(
        case["text"],
        Settings(select=(rule.code,)),
        path=case.get("path", "<text>"),
        bib=bib,
        verify=CrossrefBackend(replay.url, cache=None),
    )
    assert result.document is not None
    actual = [
        (
            result.document.position(f.span.start).line,
            result.document.position(f.span.start).column,
            f.message,
        )
        for f in result.findings
    ]
    assert all(f.code == rule.code for f in result.findings)
    expected = case.get("findings", []) if kind == "fires" else []
    ok = len(actual) == len(expected) and all(
        (line, column) == (want["line"], want["column"]) and want["message"] in message
        for (line, column, message), want in zip(actual, expected, strict=True)
    )
    assert ok, f"{rule.code} {case['name']!r}\nexpected: {expected}\nactual:   {actual}"
