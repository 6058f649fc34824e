"""The JSON report: the documented contract every tool and scorer reads (docs/architecture.md)."""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from essaylint import __version__
from essaylint.models import FileResult, Finding, ReferenceRef
from essaylint.reporters.location import BlockLocator

#: The year of a named entry that gives no date, as a citation of it writes it (APA, Harvard);
#: a bare address, with nothing to cite it by, has none.
UNDATED = "n.d."


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
            "year": _entry_year(f.reference),
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


def _entry_year(ref: ReferenceRef) -> str | None:
    """The entry's year as written, or :data:`UNDATED` for a named entry with no date."""
    if ref.year or not (ref.authors or ref.title):
        return ref.year
    return UNDATED


def _add_work_name(out: dict[str, Any], authors: Sequence[str], title: str | None) -> None:
    """``title`` when known, and ``author``: the name the work goes by in a citation,
    its first author, or its title when it has no author (as APA and MLA cite it)."""
    if title:
        out["title"] = title
    lead = authors[0] if authors else title
    if lead:
        out["author"] = lead


def _file_head(r: FileResult) -> dict[str, Any]:
    """A file's members before its findings."""
    return {
        "path": r.path,
        "style": r.style if r.error is None else None,
        "citations": len(r.citations),
        "references": len(r.references),
    }


def _file_tail(r: FileResult) -> dict[str, Any]:
    """A file's members after its findings."""
    tail: dict[str, Any] = {"error": r.error}
    if r.notes:
        tail["notes"] = list(r.notes)
    return tail


def _summary(results: Sequence[FileResult]) -> dict[str, Any]:
    by_rule = Counter(f.rule for r in results for f in r.findings)
    return {
        "files": len(results),
        "findings": sum(by_rule.values()),
        "errors": sum(1 for r in results if r.error),
        "by_rule": dict(sorted(by_rule.items())),
    }


def _findings(r: FileResult) -> Iterator[dict[str, Any]]:
    locator = BlockLocator(r.document)
    return (finding_dict(r, f, locator) for f in r.findings)


def report_dict(results: Sequence[FileResult]) -> dict[str, Any]:
    """The whole report as one object (:func:`write` gives the same text without it)."""
    files = [{**_file_head(r), "findings": list(_findings(r)), **_file_tail(r)} for r in results]
    return {"version": __version__, "files": files, "summary": _summary(results)}


# The report is written as ``json.dumps(report_dict(results), ensure_ascii=False,
# indent=2)`` would write it, but a finding at a time: 150,000 findings built
# as one object and then one indented string took 1.4 GB.
_INDENT = 2


def _value(value: Any, level: int) -> str:
    """``value`` as ``json.dumps(..., indent=2)`` writes it at nesting ``level``
    (JSON strings hold no raw newline, so every newline is the layout's)."""
    text = json.dumps(value, ensure_ascii=False, indent=_INDENT)
    return text.replace("\n", "\n" + " " * (_INDENT * level))


def _members(obj: dict[str, Any], level: int) -> Iterator[str]:
    pad = " " * (_INDENT * level)
    for key, value in obj.items():
        yield f"{pad}{json.dumps(key, ensure_ascii=False)}: {_value(value, level)}"


def _write_list(out: TextIO, items: Iterator[Any], level: int) -> None:
    """A list written an item at a time, each at nesting ``level + 1``."""
    pad = " " * (_INDENT * (level + 1))
    first = True
    for item in items:
        out.write(f"[\n{pad}" if first else f",\n{pad}")
        out.write(_value(item, level + 1))
        first = False
    out.write("[]" if first else "\n" + " " * (_INDENT * level) + "]")


def _write_file(out: TextIO, r: FileResult, level: int) -> None:
    pad = " " * (_INDENT * (level + 1))
    out.write("{\n")
    for member in _members(_file_head(r), level + 1):
        out.write(member + ",\n")
    out.write(f'{pad}"findings": ')
    _write_list(out, _findings(r), level + 1)
    for member in _members(_file_tail(r), level + 1):
        out.write(",\n" + member)
    out.write("\n" + " " * (_INDENT * level) + "}")


def write(results: Sequence[FileResult], out: TextIO) -> None:
    """The report, written to ``out`` as it is made (the text of :func:`render`)."""
    out.write("{\n")
    for member in _members({"version": __version__}, 1):
        out.write(member + ",\n")
    out.write(" " * _INDENT + '"files": ')
    if not results:
        out.write("[]")
    else:
        out.write("[\n")
        for i, r in enumerate(results):
            out.write(" " * (_INDENT * 2))
            _write_file(out, r, 2)
            out.write(",\n" if i < len(results) - 1 else "\n")
        out.write(" " * _INDENT + "]")
    for member in _members({"summary": _summary(results)}, 1):
        out.write(",\n" + member)
    out.write("\n}\n")


def render(results: Sequence[FileResult]) -> str:
    buffer = io.StringIO()
    write(results, buffer)
    return buffer.getvalue()
