"""Per-rule cases (STYLE.md habit 5): fixtures/rules/<rule-name>.toml.

Each file holds ``[[fires]]`` cases, a text plus the exact findings of that
rule (line, column, message substring), and ``[[silent]]`` cases, texts where
the rule must not fire. A case with ``xfail = "reason"`` records a known bug:
it must still fail (strict), so fixing the bug makes the suite say so.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - the project supports 3.10; tomllib arrived in 3.11
    tomllib = pytest.importorskip("tomli")

from essaylint.config import Settings
from essaylint.pipeline import lint_text
from essaylint.rules.base import Rule
from essaylint.rules.registry import all_rules, find_rule
from essaylint.services.harper import HarperBackend

CASES_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "rules"
KINDS = ("fires", "silent")


def _load(path: Path) -> dict[str, Any]:
    with path.open("rb") as fh:
        return tomllib.load(fh)


def _collect() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        rule = find_rule(path.stem)
        if rule is not None and "network" in rule.requires:
            continue  # run against the Crossref replay by tests/services/test_verify_cases.py
        data = _load(path)
        for kind in KINDS:
            for i, case in enumerate(data.get(kind, [])):
                params.append(pytest.param(path.stem, kind, case, id=f"{path.stem}-{kind}-{i}"))
    return params


def _findings(rule: type[Rule], case: dict[str, Any]) -> list[tuple[int, int, str]]:
    prose = HarperBackend() if "prose" in rule.requires else None
    result = lint_text(
        case["text"], Settings(select=(rule.code,)), path=case.get("path", "<text>"), prose=prose
    )
    assert result.document is not None
    out = []
    for f in result.findings:
        assert f.code == rule.code
        pos = result.document.position(f.span.start)
        out.append((pos.line, pos.column, f.message))
    return out


def _matches(actual: list[tuple[int, int, str]], expected: list[dict[str, Any]]) -> bool:
    if len(actual) != len(expected):
        return False
    return all(
        (line, column) == (want["line"], want["column"]) and want["message"] in message
        for (line, column, message), want in zip(actual, expected, strict=True)
    )


@pytest.mark.parametrize(("rule_name", "kind", "case"), _collect())
def test_rule_case(rule_name: str, kind: str, case: dict[str, Any]) -> None:
    rule = find_rule(rule_name)
    assert rule is not None, f"fixtures/rules/{rule_name}.toml names no registered rule"
    expected = case.get("findings", []) if kind == "fires" else []
    if kind == "fires":
        assert expected, f"fires case {case['name']!r} lists no findings"
    actual = _findings(rule, case)
    ok = _matches(actual, expected)
    reason = case.get("xfail")
    if reason:
        if ok:
            pytest.fail(f"case {case['name']!r} is marked xfail but passes: {reason}")
        pytest.xfail(reason)
    assert ok, (
        f"{rule.code} {rule.name}, {kind} case {case['name']!r}\n"
        f"expected: {[(w['line'], w['column'], w['message']) for w in expected]}\n"
        f"actual:   {actual}"
    )


def test_case_files_are_well_formed() -> None:
    for path in sorted(CASES_DIR.glob("*.toml")):
        data = _load(path)
        assert set(data) <= set(KINDS), f"{path.name}: unknown tables {set(data) - set(KINDS)}"
        for kind in KINDS:
            allowed = {"name", "text", "path", "xfail", "bib"} | (
                {"findings"} if kind == "fires" else set()
            )
            for case in data.get(kind, []):
                keys = set(case)
                assert {"name", "text"} <= keys, f"{path.name}: a {kind} case lacks name/text"
                assert keys <= allowed, f"{path.name}: {case['name']!r} has {keys - allowed}"
                for want in case.get("findings", []):
                    assert set(want) == {"line", "column", "message"}, (path.name, case["name"])


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: f"{r.code}-{r.name}")
def test_every_rule_has_cases(rule: type[Rule]) -> None:
    path = CASES_DIR / f"{rule.name}.toml"
    assert path.is_file(), f"{rule.code} {rule.name} has no case file {path.name}"
    data = _load(path)
    for kind in KINDS:
        assert data.get(kind), f"{path.name} has no [[{kind}]] case"
        honest = [c for c in data[kind] if "xfail" not in c]
        assert honest, f"{path.name}: every [[{kind}]] case is an xfail"
