"""Lint a file with the citation rules and compare its findings with gold labels.

The gold format is described in ../shared/corpus/README.md. Findings are read
from the JSON report (the documented contract, docs/architecture.md), and matched to gold
items the way the shared scorer does: the kinds about works (missing-reference,
year-mismatch, ...) by rule, first author and year, with names folded (accents,
case, a leading "The", punctuation and spaces ignored); a gold item without an
author (a numbered entry or citation) by rule and line, one line either way.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

BY_WORK = frozenset(
    {
        "missing-reference",
        "year-mismatch",
        "author-mismatch",
        "uncited-reference",
        "missing-url",
        "duplicate-reference",
    }
)
# Rules whose finding is about an entry rather than a citation.
ABOUT_ENTRY = frozenset({"uncited-reference", "missing-url", "duplicate-reference"})
CITATION_RULES = ("C", "R")

Finding = dict[str, Any]
GoldItem = dict[str, Any]


def fold_name(name: object) -> str:
    """A name reduced to what two spellings of the same author share."""
    if not name:
        return ""
    if isinstance(name, dict):
        name = name.get("family") or name.get("name") or ""
    decomposed = unicodedata.normalize("NFKD", str(name))
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()
    text = text.removeprefix("the ")
    return "".join(ch for ch in text if ch.isalnum())


def fold_year(year: object) -> str:
    return "".join(str(year or "").casefold().split())


def _source(finding: Finding) -> dict[str, Any]:
    citation = finding.get("citation") or {}
    reference = finding.get("reference") or {}
    if finding.get("rule") in ABOUT_ENTRY:
        return reference or citation
    return citation or reference


def work_key(finding: Finding) -> tuple[str, str, str]:
    """(rule, first author, year) of a finding, folded."""
    source = _source(finding)
    authors = source.get("authors") or []
    author = authors[0] if authors else source.get("author", "")
    return finding.get("rule", ""), fold_name(author), fold_year(source.get("year"))


def number_of(finding: Finding) -> int | None:
    for part in (finding.get("citation"), finding.get("reference")):
        if part and part.get("number") is not None:
            return int(part["number"])
    return None


@lru_cache(maxsize=1)
def _citation_rules() -> tuple[type, ...]:
    from essaylint.rules.registry import all_rules, select_rules

    return tuple(select_rules(all_rules(), CITATION_RULES))


def lint_findings(path: Path) -> list[Finding]:
    """The JSON-report findings of the citation rules (codes C and R) for one file."""
    from essaylint.pipeline import lint_path
    from essaylint.reporters.json import report_dict

    result = lint_path(path, rules=_citation_rules())
    assert result.error is None, f"{path.name} could not be read: {result.error}"
    report = report_dict([result])
    return [f for entry in report["files"] for f in entry["findings"]]


def load_gold(path: Path) -> dict[str, Any]:
    gold: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return gold


def matches(finding: Finding, item: GoldItem) -> bool:
    if finding.get("rule") != item["kind"]:
        return False
    if "author" in item:
        _, author, year = work_key(finding)
        if author != fold_name(item["author"]):
            return False
        return not item.get("year") or year == fold_year(item["year"])
    line = finding.get("line")
    if item.get("line") is not None:
        return line is not None and abs(int(line) - int(item["line"])) <= 1
    return True


def describe_finding(finding: Finding) -> str:
    rule, author, year = work_key(finding)
    number = number_of(finding)
    where = f" [{number}]" if number is not None else ""
    return f"{rule} {author or '-'} {year or '-'}{where} (line {finding.get('line')})"


def describe_item(item: GoldItem) -> str:
    who = item.get("author") or item.get("entry_author") or "-"
    number = f" [{item['number']}]" if "number" in item else ""
    return f"{item['kind']} {fold_name(who) or '-'} {fold_year(item.get('year')) or '-'}{number}"


def compare(findings: Iterable[Finding], gold: dict[str, Any]) -> dict[str, list[str]]:
    """What the gold expects and no finding reports, and findings the gold does not allow.

    Only the by-work kinds are compared. Acceptable items may be reported or not.
    """
    found = [f for f in findings if f.get("rule") in BY_WORK]
    expected = [g for g in gold.get("expected", []) if g["kind"] in BY_WORK]
    allowed = expected + [g for g in gold.get("acceptable", []) if g["kind"] in BY_WORK]
    missed = [describe_item(g) for g in expected if not any(matches(f, g) for f in found)]
    unexpected = sorted(
        {describe_finding(f) for f in found if not any(matches(f, g) for g in allowed)}
    )
    return {"missed": sorted(missed), "unexpected": unexpected}
