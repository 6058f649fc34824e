"""docs/rules is generated from the rule docstrings and must not go stale (STYLE.md habit 6)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from essaylint.rules.base import DOC_SECTIONS, Rule
from essaylint.rules.registry import all_rules

ROOT = Path(__file__).resolve().parents[2]


def _generator() -> ModuleType:
    path = ROOT / "scripts" / "gen_rule_docs.py"
    spec = importlib.util.spec_from_file_location("gen_rule_docs", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_are_up_to_date() -> None:
    gen = _generator()
    assert gen.stale(ROOT / "docs" / "rules") == [], (
        "docs/rules is stale; run: python scripts/gen_rule_docs.py"
    )


def test_index_lists_every_rule() -> None:
    index = _generator().render_all()["README.md"]
    for rule in all_rules():
        assert f"| {rule.code} | [`{rule.name}`]({rule.name}.md) |" in index


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: f"{r.code}-{r.name}")
def test_docstring_has_every_section(rule: type[Rule]) -> None:
    for title in DOC_SECTIONS:
        assert rule.doc_section(title), f"{rule.code} {rule.name}: no {title!r} section"


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: f"{r.code}-{r.name}")
def test_rule_page_shows_metadata_and_sections(rule: type[Rule]) -> None:
    page = _generator().render_rule(rule)
    assert page.splitlines()[2] == f"# {rule.code} {rule.name}"
    assert f"| {rule.code} | `{rule.name}` | {rule.default_severity} |" in page
    for title in DOC_SECTIONS:
        assert f"\n## {title}\n" in page
