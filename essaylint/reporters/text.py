"""Human-readable report: ``path:line:col: CODE name message`` with an excerpt.

Each finding shows the line it is on, cut to fit the width (the terminal's, or
100 columns when the output is not a terminal) with "…" where it was cut, and
a row of carets under the flagged characters only. Text from the essay is
printed through :func:`~essaylint.reporters.safe.printable`: no control
character reaches the terminal. The work is linear in the number of findings.
"""

from __future__ import annotations

import bisect
import os
import shutil
from collections import Counter
from collections.abc import Sequence

from essaylint.models import FileResult, Finding
from essaylint.reporters.location import BlockLocator
from essaylint.reporters.safe import printable

_COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"
EXCERPT_WIDTH = 100
"""The width of an excerpt line when the output is not a terminal."""
_INDENT = "    "
_CONTEXT = 30  # characters shown before the flagged text when a line is cut


def use_colour(is_tty: bool) -> bool:
    return is_tty and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def output_width(is_tty: bool) -> int:
    """Columns for excerpts: the terminal's width (``COLUMNS`` too), else 100."""
    if not is_tty and "COLUMNS" not in os.environ:
        return EXCERPT_WIDTH
    return max(40, shutil.get_terminal_size((EXCERPT_WIDTH, 24)).columns)


def _excerpt(result: FileResult, f: Finding, width: int) -> list[str]:
    """The finding's line cut to ``width`` columns, and carets under what it flags."""
    doc = result.document
    if doc is None:
        return []
    starts = doc.line_starts or (0,)
    index = max(0, bisect.bisect_right(starts, f.span.start) - 1)
    line = doc.line_text(index).replace("\t", " ")
    col = f.span.start - starts[index]
    flagged = max(1, min(f.span.end, starts[index] + len(line)) - f.span.start)
    room = max(10, width - len(_INDENT) - 2)  # two columns for the "…" marks
    lo = 0 if col + min(flagged, room) <= room else max(0, col - _CONTEXT)
    hi = min(len(line), lo + room)
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(line) else ""
    carets = max(1, min(flagged, hi - col))
    caret = " " * (len(prefix) + col - lo) + "^" * carets
    return [f"{_INDENT}{prefix}{printable(line[lo:hi])}{suffix}", f"{_INDENT}{caret}"]


def _where(result: FileResult, f: Finding, locator: BlockLocator) -> str:
    """``path:line:col``; the .bib's for a finding at an entry; a paragraph in a .docx/.odt."""
    if f.origin is not None:
        return f"{f.origin.path}:{f.origin.line}:{f.origin.column}"
    if result.document is None:
        return result.path
    human = locator.of(f)
    if human is not None:
        return f"{result.path}: {human}"
    pos = result.document.position(f.span.start)
    return f"{result.path}:{pos.line}:{pos.column}"


def render(
    results: Sequence[FileResult],
    *,
    colour: bool = False,
    statistics: bool = False,
    width: int = EXCERPT_WIDTH,
) -> str:
    out: list[str] = []
    counts: Counter[str] = Counter()
    severities: Counter[str] = Counter()
    for r in results:
        if r.error:
            out.append(printable(f"{r.path}: error: {r.error}"))
            continue
        for note in r.notes:
            out.append(printable(f"{r.path}: note: {note}"))
        locator = BlockLocator(r.document)
        for f in r.findings:
            counts[f"{f.code} {f.rule}"] += 1
            severities[f.severity] += 1
            where = printable(_where(r, f, locator))
            code = f"{f.code} {f.rule}"
            if colour:
                code = f"{_COLOURS[f.severity]}{_BOLD}{code}{_RESET}"
                where = f"{_BOLD}{where}{_RESET}"
            out.append(f"{where}: {code} {printable(f.message)}")
            lines = (
                _excerpt(r, f, width)
                if f.origin is None or f.origin.path == r.path  # pandoc's inline references
                else [printable(f"{_INDENT}(the bibliography of {r.path})")]
            )
            if colour and lines:
                lines = [f"{_DIM}{lines[0]}{_RESET}", f"{_COLOURS[f.severity]}{lines[1]}{_RESET}"]
            out.extend(lines)
    if statistics and counts:
        out.append("")
        for name, n in counts.most_common():
            out.append(f"{n:5d}  {name}")
    failed = sum(1 for r in results if r.error)
    total = sum(counts.values())
    checked = len(results) - failed
    parts = [f"{total} finding{'s' if total != 1 else ''}"]
    if total:
        parts.append(
            "("
            + ", ".join(
                f"{severities[s]} {s}" for s in ("error", "warning", "info") if severities[s]
            )
            + ")"
        )
    summary = f"{' '.join(parts)} in {checked} file{'s' if checked != 1 else ''}"
    if failed:
        summary += f"; {failed} file{'s' if failed != 1 else ''} could not be read"
    out.append(summary + ".")
    return "\n".join(out) + "\n"
