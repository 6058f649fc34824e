"""Discover rules through the ``essaylint.rules`` entry point group.

Built-in rules register exactly like third-party ones, in pyproject.toml: that
table is the one list of essaylint's rules. Installed, it is read from the
distribution's metadata; run from a source checkout without installed
metadata, it is read from the checkout's pyproject.toml itself.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from essaylint.rules.base import Rule

ENTRY_POINT_GROUP = "essaylint.rules"
DISTRIBUTION = "essaylint"  # also the package its rules live in
#: The checkout's pyproject.toml, read only when essaylint's metadata is absent.
SOURCE_PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


class RuleLoadError(Exception):
    """A rule entry point that cannot be used; the message names it."""


@dataclass(frozen=True)
class RuleEntry:
    """One registered rule: its entry point name and ``module:Class`` target."""

    name: str
    target: str


def _installed_entries() -> tuple[list[RuleEntry], bool]:
    """Every installed distribution's rule entry points, and whether essaylint's are among them."""
    from importlib.metadata import entry_points

    entries: list[RuleEntry] = []
    own = False
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        entries.append(RuleEntry(ep.name, ep.value))
        # essaylint's own rules live in its package (asking ep.dist would parse metadata)
        own = own or ep.value.startswith(f"{DISTRIBUTION}.rules.")
    return entries, own


def source_entries(pyproject: Path = SOURCE_PYPROJECT) -> list[RuleEntry]:
    """The rule entry points written in a pyproject.toml (empty when there is none)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10 installs tomli (see pyproject.toml)
        import tomli as tomllib
    try:
        with pyproject.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError):
        return []
    table = data.get("project", {}).get("entry-points", {}).get(ENTRY_POINT_GROUP, {})
    return [RuleEntry(name, target) for name, target in table.items()]


def rule_entries() -> list[RuleEntry]:
    """essaylint's rules and every plugin's: installed metadata, else the checkout's table."""
    entries, own = _installed_entries()
    if not own:
        entries = source_entries() + entries
    return entries


def _load(entry: RuleEntry) -> object:
    module_name, _, attr = entry.target.partition(":")
    try:
        return getattr(importlib.import_module(module_name.strip()), attr.strip())
    except Exception as exc:  # a broken plugin is named, not a traceback
        raise RuleLoadError(
            f"rule plugin {entry.name!r} ({entry.target}) failed to load: {exc}"
        ) from exc


def load_rules(entries: Iterable[RuleEntry]) -> tuple[type[Rule], ...]:
    """The rule classes of ``entries``, sorted by code.

    The same target registered twice (installed metadata seen twice) counts
    once; two targets with one code raise :class:`RuleLoadError` naming both.
    An entry whose value is not a :class:`Rule` subclass is skipped.
    """
    found: dict[str, tuple[str, type[Rule]]] = {}
    for entry in entries:
        cls = _load(entry)
        if not (isinstance(cls, type) and issubclass(cls, Rule)):
            continue
        seen = found.get(cls.code)
        if seen is None:
            found[cls.code] = (entry.target, cls)
        elif seen[1] is not cls:
            raise RuleLoadError(
                f"rule code {cls.code} is registered twice: by {seen[0]} and by {entry.target}"
            )
    return tuple(cls for _, cls in sorted(found.values(), key=lambda pair: pair[1].code))


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    """Every registered rule class, sorted by code."""
    return load_rules(rule_entries())


def _matches(cls: type[Rule], selector: str) -> bool:
    s = selector.strip()
    if not s:
        return False
    if s.upper() == "ALL":
        return True
    return cls.code.upper().startswith(s.upper()) or cls.name == s.lower()


def select_rules(
    rules: Sequence[type[Rule]], select: Iterable[str] = (), ignore: Iterable[str] = ()
) -> list[type[Rule]]:
    """Rules chosen by codes, code prefixes ("C", "R2") or names; ignore wins over select."""
    select = [s for s in select if s.strip()]
    ignore = [s for s in ignore if s.strip()]
    chosen = [r for r in rules if not select or any(_matches(r, s) for s in select)]
    return [r for r in chosen if not any(_matches(r, s) for s in ignore)]


def find_rule(name_or_code: str) -> type[Rule] | None:
    key = name_or_code.strip()
    for cls in all_rules():
        if cls.code.upper() == key.upper() or cls.name == key.lower():
            return cls
    return None


def unknown_selectors(selectors: Iterable[str]) -> list[str]:
    rules = all_rules()
    return [s for s in selectors if s.strip() and not any(_matches(r, s) for r in rules)]
