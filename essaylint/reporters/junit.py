"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure).

One ``<testsuite name="essaylint">``, one ``<testcase>`` per checked file. A
file with findings at or above ``fail_on`` (each file's own ``fail-on``
setting, from its config or the command line, so the report agrees with the
exit code) gets one ``<failure>`` listing them in
the text report's ``path:line:col: CODE rule message`` form; findings below
the threshold are listed in the testcase's ``<system-out>``. A file that could
not be read gets an ``<error>``. Text is escaped by xml.etree; characters XML
1.0 cannot hold at all (NUL, most C0 controls) become U+FFFD.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Mapping, Sequence

from essaylint.lazy_pattern import compile_lazily
from essaylint.models import SEVERITY_RANK, FileResult, Finding
from essaylint.reporters.location import BlockLocator, finding_path, finding_region

_NOT_XML = compile_lazily("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


def _line(r: FileResult, f: Finding, locator: BlockLocator) -> str:
    human = locator.of(f)
    if human is not None:
        return f"{r.path}: {human}: {f.code} {f.rule} {f.message}"
    region = finding_region(r, f)
    return f"{finding_path(r, f)}:{region.line}:{region.column}: {f.code} {f.rule} {f.message}"


def _counts(findings: Sequence[Finding]) -> str:
    n = len(findings)
    by = Counter(f.severity for f in findings)
    detail = ", ".join(f"{by[s]} {s}" for s in ("error", "warning", "info") if by[s])
    return f"{n} finding{'s' if n != 1 else ''} ({detail})"


FailOn = str | Mapping[str, str]


def _threshold(fail_on: FailOn, path: str) -> int:
    """The severity rank that fails ``path``: one setting for all, or each file's own."""
    chosen = fail_on if isinstance(fail_on, str) else fail_on.get(path, "warning")
    return SEVERITY_RANK[chosen]


def report_element(results: Sequence[FileResult], *, fail_on: FailOn = "warning") -> ET.Element:
    suite = ET.Element("testsuite", name="essaylint")
    failures = errors = 0
    for r in results:
        case = ET.SubElement(suite, "testcase", classname="essaylint", name=xml_text(r.path))
        case.set("file", xml_text(r.path))
        if r.error:
            errors += 1
            error = ET.SubElement(case, "error", type="unreadable", message=xml_text(r.error))
            error.text = xml_text(r.error)
            continue
        threshold = _threshold(fail_on, r.path)
        locator = BlockLocator(r.document)
        failing = [f for f in r.findings if SEVERITY_RANK[f.severity] >= threshold]
        below = [f for f in r.findings if SEVERITY_RANK[f.severity] < threshold]
        if failing:
            failures += 1
            failure = ET.SubElement(case, "failure", type="essaylint", message=_counts(failing))
            failure.text = xml_text("\n".join(_line(r, f, locator) for f in failing))
        extra = [*(f"note: {n}" for n in r.notes), *(_line(r, f, locator) for f in below)]
        if extra:
            ET.SubElement(case, "system-out").text = xml_text("\n".join(extra))
    suite.set("tests", str(len(results)))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", "0")
    return suite


def render(results: Sequence[FileResult], *, fail_on: FailOn = "warning") -> str:
    root = report_element(results, fail_on=fail_on)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
