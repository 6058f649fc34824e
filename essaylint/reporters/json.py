"""The JSON report: the documented contract every tool and scorer reads (docs/architecture.md)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from essaylint import __version__
from essaylint.models import FileResult, Finding
from essaylint.reporters.location import BlockLocator


def finding_dict(
    result: FileResult, f: Finding, locator: BlockLocator | None = None
) -> dict[str, Any]:
    """One finding. ``file`` is set when it is in another file (its .bib entry);
    ``location`` when the document has no real lines (.docx, .odt): where a reader finds it."""
    doc = result.document
    if f.origin is not None:
        line = end_line = f.origin.line
        column = end_column = f.origin.column
    elif doc is not None:
        start = doc.position(f.span.start)
        end = doc.position(max(f.span.start, f.span.end))
        line, column, end_line, end_column = start.line, start.column, end.line, end.column
    else:
        line = column = end_line = end_column = 1
    out: dict[str, Any] = {
        "code": f.code,
        "rule": f.rule,
        "severity": f.severity,
        "message": f.message,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "citation": None,
        "reference": None,
        "word": f.word,
        "suggestions": list(f.suggestions),
    }
    if f.origin is not None:
        out["file"] = f.origin.path
    human = (locator or BlockLocator(doc)).of(f)
    if human is not None:
        out["location"] = human
    if f.citation is not None:
        out["citation"] = {
            "text": f.citation.text,
            "authors": list(f.citation.authors),
            "year": f.citation.year,
        }
        _add_work_name(out["citation"], f.citation.authors, f.citation.title)
        if f.citation.number is not None:
            out["citation"]["number"] = f.citation.number
        if f.citation.key is not None:
            out["citation"]["key"] = f.citation.key
    if f.reference is not None:
        out["reference"] = {
            "line": f.reference.line,
            "authors": list(f.reference.authors),
            "year": f.reference.year,
        }
        _add_work_name(out["reference"], f.reference.authors, f.reference.title)
        if f.reference.number is not None:
            out["reference"]["number"] = f.reference.number
        if f.reference.path is not None:
            out["reference"]["file"] = f.reference.path
    if f.fix is not None:
        out["fix"] = {
            "start": f.fix.span.start,
            "end": f.fix.span.end,
            "replacement": f.fix.replacement,
        }
    return out


def _add_work_name(out: dict[str, Any], authors: Sequence[str], title: str | None) -> None:
    """``title`` when known, and ``author``: the name the work goes by in a citation,
    its first author, or its title when it has no author (as APA and MLA cite it)."""
    if title:
        out["title"] = title
    lead = authors[0] if authors else title
    if lead:
        out["author"] = lead


def report_dict(results: Sequence[FileResult]) -> dict[str, Any]:
    files = []
    by_rule: Counter[str] = Counter()
    for r in results:
        for f in r.findings:
            by_rule[f.rule] += 1
        locator = BlockLocator(r.document)
        entry: dict[str, Any] = {
            "path": r.path,
            "style": r.style if r.error is None else None,
            "citations": len(r.citations),
            "references": len(r.references),
            "findings": [finding_dict(r, f, locator) for f in r.findings],
            "error": r.error,
        }
        if r.notes:
            entry["notes"] = list(r.notes)
        files.append(entry)
    return {
        "version": __version__,
        "files": files,
        "summary": {
            "files": len(results),
            "findings": sum(by_rule.values()),
            "errors": sum(1 for r in results if r.error),
            "by_rule": dict(sorted(by_rule.items())),
        },
    }


def render(results: Sequence[FileResult]) -> str:
    return json.dumps(report_dict(results), ensure_ascii=False, indent=2) + "\n"
