"""Where a finding is, in the terms every reporter shares.

Lines and columns are 1-based and count characters (code points), as in the
JSON report; the end column is the column just after the last character, so a
finding on ``(Feld, 2012)`` at column 11 ends at column 23.
"""

from __future__ import annotations

from typing import NamedTuple

from essaylint.models import FileResult, Finding


class Region(NamedTuple):
    line: int
    column: int
    end_line: int
    end_column: int


def finding_region(result: FileResult, finding: Finding) -> Region:
    """The 1-based start and (exclusive) end of a finding in its file."""
    doc = result.document
    if doc is None:
        return Region(1, 1, 1, 1)
    start = doc.position(finding.span.start)
    end = doc.position(max(finding.span.start, finding.span.end))
    if (end.line, end.column) < (start.line, start.column):  # source-line maps may disagree
        end = start
    return Region(start.line, start.column, end.line, end.column)


def flagged_text(result: FileResult, finding: Finding) -> str:
    """The characters a finding points at ('' when the document is gone)."""
    doc = result.document
    if doc is None:
        return ""
    return doc.text[finding.span.start : max(finding.span.start, finding.span.end)]
