"""Discover rules through the ``essaylint.rules`` entry point group.

Built-in rules register exactly like third-party ones (see pyproject.toml).
When essaylint runs from a source tree without installed metadata, the
built-in list below is used so the tool still works.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from functools import lru_cache

from essaylint.rules.base import Rule

ENTRY_POINT_GROUP = "essaylint.rules"

BUILTIN = (
    "essaylint.rules.citations.missing_reference:MissingReference",
    "essaylint.rules.citations.year_mismatch:YearMismatch",
    "essaylint.rules.citations.author_mismatch:AuthorMismatch",
    "essaylint.rules.citations.uncited_reference:UncitedReference",
    "essaylint.rules.citations.ambiguous_citation:AmbiguousCitation",
    "essaylint.rules.citations.page_out_of_range:PageOutOfRange",
    "essaylint.rules.references.missing_url:MissingUrl",
    "essaylint.rules.references.incomplete_reference:IncompleteReference",
    "essaylint.rules.references.duplicate_reference:DuplicateReference",
    "essaylint.rules.references.reference_order:ReferenceOrder",
    "essaylint.rules.references.malformed_reference:MalformedReference",
    "essaylint.rules.prose.repeated_word:RepeatedWord",
    "essaylint.rules.prose.unbalanced_quotes:UnbalancedQuotes",
    "essaylint.rules.prose.inconsistent_term:InconsistentTerm",
    "essaylint.rules.prose.uncited_quote:UncitedQuote",
    "essaylint.rules.prose.spelling:Spelling",
    "essaylint.rules.prose.grammar:Grammar",
    "essaylint.rules.verify.missing_doi:MissingDoi",
    "essaylint.rules.verify.reference_not_found:ReferenceNotFound",
    "essaylint.rules.verify.metadata_mismatch:MetadataMismatch",
    "essaylint.rules.verify.retracted_work:RetractedWork",
    "essaylint.rules.verify.invalid_doi:InvalidDoi",
    "essaylint.rules.style.page_prefix:PagePrefix",
    "essaylint.rules.style.mla_page_prefix:MlaPagePrefix",
    "essaylint.rules.references.legacy_doi:LegacyDoi",
    "essaylint.rules.meta.unused_suppression:UnusedSuppression",
)


class RuleLoadError(Exception):
    pass


def _load_target(target: str) -> type[Rule]:
    module_name, _, attr = target.partition(":")
    obj = getattr(importlib.import_module(module_name), attr)
    if not (isinstance(obj, type) and issubclass(obj, Rule)):
        raise RuleLoadError(f"{target} is not an essaylint Rule class")
    return obj


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    """Every registered rule class, sorted by code."""
    from importlib.metadata import entry_points

    found: dict[str, type[Rule]] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            cls = ep.load()
        except Exception as exc:  # a broken plugin must not break essaylint
            raise RuleLoadError(
                f"rule plugin {ep.name!r} ({ep.value}) failed to load: {exc}"
            ) from exc
        if isinstance(cls, type) and issubclass(cls, Rule):
            found.setdefault(cls.code, cls)
    if not any(cls.__module__.startswith("essaylint.") for cls in found.values()):
        for target in BUILTIN:
            cls = _load_target(target)
            found.setdefault(cls.code, cls)
    return tuple(sorted(found.values(), key=lambda c: c.code))


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
