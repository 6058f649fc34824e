"""SARIF 2.1.0: the format code-scanning services (GitHub, Azure DevOps, IDEs) read.

One run. ``tool.driver`` lists every registered rule with its documentation
(from the rule docstring) and a ``helpUri`` pointing at ``docs/rules/<name>.md``;
each finding is a result with a region whose columns count code points
(``run.columnKind = "unicodeCodePoints"``), the same numbers as the JSON report.
A file that could not be read is a ``toolExecutionNotification`` of the run's
invocation, not a result.

The documentation links are absolute (the schema requires ``format: uri``).
They point at :data:`DEFAULT_DOCS_URL`; a fork or a mirror sets the environment
variable ``ESSAYLINT_DOCS_URL`` to the folder that holds its ``docs/rules/``
pages (for example ``https://git.example.org/me/essaylint/-/blob/main/docs/rules/``).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from essaylint import __version__
from essaylint.models import FileResult, Finding
from essaylint.reporters.location import (
    BlockLocator,
    finding_path,
    finding_region,
    flagged_text,
)
from essaylint.rules.base import DOC_SECTIONS, Rule

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
REPOSITORY_URL = "https://github.com/essaylint/essaylint"
DEFAULT_DOCS_URL = f"{REPOSITORY_URL}/blob/main/docs/rules/"
DOCS_URL_ENV = "ESSAYLINT_DOCS_URL"
FINGERPRINT_KEY = "essaylintFindingHash/v1"

LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def docs_url() -> str:
    """The folder URL of the per-rule pages, ending in ``/``."""
    base = os.environ.get(DOCS_URL_ENV, "").strip() or DEFAULT_DOCS_URL
    return base if base.endswith("/") else base + "/"


@lru_cache(maxsize=256)
def artifact_uri(path: str) -> str:
    """A URI reference for a checked file: relative paths stay relative (to the
    directory essaylint ran in, usually the repository root); absolute ones
    become ``file://`` URIs."""
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(PurePosixPath(p.as_posix()).as_posix(), safe="/")


def _markdown_help(rule: type[Rule]) -> str:
    parts = [rule.summary[:1].upper() + rule.summary[1:] + "."]
    for title in DOC_SECTIONS:
        body = rule.doc_section(title)
        if not body:
            continue
        paragraphs = [" ".join(p.split()) for p in body.split("\n\n") if p.strip()]
        parts.append(f"**{title}**\n\n" + "\n\n".join(paragraphs))
    return "\n\n".join(parts)


def _plain_help(rule: type[Rule]) -> str:
    fix = " ".join(rule.doc_section("Fix").split())
    why = " ".join(rule.doc_section("Why it matters").split())
    return " ".join(part for part in (why, f"Fix: {fix}" if fix else "") if part) or rule.summary


def help_uri_of(rule: type[Rule], base_url: str) -> str | None:
    """Built-in rules link to ``docs/rules/<name>.md``; a plugin rule links to its
    own ``help_uri`` class attribute when it sets one (and has no link otherwise)."""
    if rule.__module__.startswith("essaylint."):
        return f"{base_url}{quote(rule.name)}.md"
    uri = getattr(rule, "help_uri", None)
    return uri if isinstance(uri, str) and uri else None


def rule_descriptor(rule: type[Rule], base_url: str) -> dict[str, Any]:
    what = " ".join(rule.doc_section("What it checks").split()) or rule.summary
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": what},
        "help": {"text": _plain_help(rule), "markdown": _markdown_help(rule)},
        "defaultConfiguration": {"level": LEVELS[rule.default_severity]},
    }
    help_uri = help_uri_of(rule, base_url)
    if help_uri:
        descriptor["helpUri"] = help_uri
    if rule.requires:
        descriptor["properties"] = {"tags": sorted(rule.requires)}
    return descriptor


def _fingerprint(f: Finding, text: str, occurrence: int) -> str:
    """Stable across edits elsewhere in the file: the rule, the flagged text and
    which occurrence of that same text it is (line numbers are left out)."""
    key = "\0".join((f.code, " ".join(text.split()), str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _result(
    r: FileResult,
    f: Finding,
    rule_index: int,
    seen: Counter[tuple[str, str]],
    locator: BlockLocator,
) -> dict[str, Any]:
    region = finding_region(r, f)
    text = flagged_text(r, f)
    # A finding in the .bib has no text of the document; its message names the entry.
    identity = text or f.message
    seen[(f.code, identity)] += 1
    human = locator.of(f)
    out: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": LEVELS[f.severity],
        "message": {"text": f"{human}: {f.message}" if human else f.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(finding_path(r, f))},
                    "region": {
                        "startLine": region.line,
                        "startColumn": region.column,
                        "endLine": region.end_line,
                        "endColumn": region.end_column,
                    },
                }
            }
        ],
        "partialFingerprints": {
            FINGERPRINT_KEY: _fingerprint(f, identity, seen[(f.code, identity)])
        },
    }
    if text:
        out["locations"][0]["physicalLocation"]["region"]["snippet"] = {"text": text}
    if human:
        out["locations"][0]["logicalLocations"] = [{"name": human, "kind": "element"}]
    if f.origin is not None:  # the .bib entry, found through the document that names the .bib
        out["relatedLocations"] = [
            {
                "id": 0,
                "physicalLocation": {"artifactLocation": {"uri": artifact_uri(r.path)}},
                "message": {"text": "the document whose bibliography holds the entry"},
            }
        ]
    properties: dict[str, Any] = {"rule": f.rule, "severity": f.severity}
    if f.suggestions:
        properties["suggestions"] = list(f.suggestions)
    out["properties"] = properties
    return out


def report_dict(
    results: Sequence[FileResult],
    rules: Sequence[type[Rule]] | None = None,
    *,
    base_url: str | None = None,
) -> dict[str, Any]:
    """The SARIF log as a dict. ``rules`` defaults to every registered rule."""
    if rules is None:
        from essaylint.rules.registry import all_rules

        rules = all_rules()
    base = base_url if base_url is not None else docs_url()
    descriptors = [rule_descriptor(rule, base) for rule in rules]
    index = {rule.code: i for i, rule in enumerate(rules)}
    sarif_results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for r in results:
        uri = artifact_uri(r.path)
        location = {"physicalLocation": {"artifactLocation": {"uri": uri}}}
        if r.error:
            notifications.append(
                {"level": "error", "message": {"text": r.error}, "locations": [location]}
            )
            continue
        for note in r.notes:
            notifications.append(
                {"level": "note", "message": {"text": note}, "locations": [location]}
            )
        seen: Counter[tuple[str, str]] = Counter()
        locator = BlockLocator(r.document)
        for f in r.findings:
            if f.code not in index:  # a finding from a rule outside the list: describe it
                index[f.code] = len(descriptors)
                descriptors.append({"id": f.code, "name": f.rule})
            sarif_results.append(_result(r, f, index[f.code], seen, locator))
    invocation: dict[str, Any] = {
        "executionSuccessful": not any(r.error for r in results),
        "toolExecutionNotifications": notifications,
    }
    return {
        "$schema": SARIF_SCHEMA_URI,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "essaylint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": REPOSITORY_URL,
                        "rules": descriptors,
                    }
                },
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }


def render(
    results: Sequence[FileResult],
    rules: Sequence[type[Rule]] | None = None,
    *,
    base_url: str | None = None,
) -> str:
    """The SARIF log: indented, with each result on one line of its own.

    json's fast (C) encoder only writes without indentation, and indenting ten
    thousand results took twice the JSON report's time; one result per line
    keeps the log readable and diffable at the C encoder's speed.
    """
    log = report_dict(results, rules, base_url=base_url)
    placeholders: dict[str, list[dict[str, Any]]] = {}
    for i, run in enumerate(log["runs"]):
        marker = f"\x00results-{i}\x00"
        placeholders[json.dumps(marker)] = run["results"]
        run["results"] = marker
    text = json.dumps(log, ensure_ascii=False, indent=2)
    for marker, items in placeholders.items():
        start = text.index(marker)
        indent = start - text.rfind("\n", 0, start) - 1 - len('"results": ')
        pad = " " * (indent + 2)
        lines = ",\n".join(pad + json.dumps(item, ensure_ascii=False) for item in items)
        body = f"[\n{lines}\n{' ' * indent}]" if items else "[]"
        text = text[:start] + body + text[start + len(marker) :]
    return text + "\n"
