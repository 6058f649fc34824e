"""The one rule registry: pyproject.toml's entry points, installed or read from the checkout."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

import essaylint.rules
from essaylint.rules import registry
from essaylint.rules.base import Rule
from essaylint.rules.registry import (
    RuleEntry,
    RuleLoadError,
    all_rules,
    load_rules,
    rule_entries,
    source_entries,
)


def _rule_classes_in_package() -> set[type[Rule]]:
    """Every Rule subclass defined in a module under essaylint/rules."""
    found: set[type[Rule]] = set()
    for info in pkgutil.walk_packages(essaylint.rules.__path__, "essaylint.rules."):
        module = importlib.import_module(info.name)
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, Rule) and obj is not Rule and obj.__module__ == module.__name__:
                found.add(obj)
    return found


def test_every_rule_module_is_registered() -> None:
    defined = _rule_classes_in_package()
    assert len(defined) >= 26
    missing = sorted(f"{c.__module__}:{c.__name__}" for c in defined - set(all_rules()))
    assert not missing, f"add these to [project.entry-points.'essaylint.rules']: {missing}"


def test_the_checkout_pyproject_is_the_installed_list() -> None:
    installed = {e.target for e in rule_entries() if e.target.startswith("essaylint.")}
    assert {e.target for e in source_entries()} == installed


def test_a_checkout_without_installed_metadata_reads_its_pyproject(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(registry, "_installed_entries", lambda: ([], False))
    assert load_rules(rule_entries()) == all_rules()


def test_installed_metadata_is_not_read_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    # essaylint's own entries installed: the checkout's table is not added again.
    own = [RuleEntry("spelling", "essaylint.rules.prose.spelling:Spelling")]
    monkeypatch.setattr(registry, "_installed_entries", lambda: (own, True))
    assert rule_entries() == own


def test_a_duplicate_code_names_both_targets() -> None:
    entries = [
        RuleEntry("spelling", "essaylint.rules.prose.spelling:Spelling"),
        RuleEntry("my-spelling", f"{__name__}:OtherSpelling"),
    ]
    with pytest.raises(RuleLoadError) as err:
        load_rules(entries)
    message = str(err.value)
    assert "T401" in message
    assert "essaylint.rules.prose.spelling:Spelling" in message
    assert f"{__name__}:OtherSpelling" in message


def test_the_same_target_twice_counts_once() -> None:
    entry = RuleEntry("spelling", "essaylint.rules.prose.spelling:Spelling")
    assert len(load_rules([entry, entry])) == 1


def test_a_plugin_that_fails_to_import_is_named() -> None:
    with pytest.raises(RuleLoadError, match=r"'broken' \(no_such_module_x:Rule\) failed to load"):
        load_rules([RuleEntry("broken", "no_such_module_x:Rule")])


def test_a_missing_pyproject_gives_no_entries(tmp_path: Path) -> None:
    assert source_entries(tmp_path / "pyproject.toml") == []


class OtherSpelling(Rule):
    code = "T401"
    name = "my-spelling"
    default_severity = "info"
    summary = "a second rule claiming T401"
