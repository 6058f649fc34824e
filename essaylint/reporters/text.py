"""Human-readable report: ``path:line:col: CODE name message`` with an excerpt."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence

from essaylint.models import FileResult, Finding
from essaylint.reporters.location import BlockLocator

_COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"
EXCERPT_WIDTH = 100


def use_colour(is_tty: bool) -> bool:
    return is_tty and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def _excerpt(result: FileResult, f: Finding) -> list[str]:
    doc = result.document
    if doc is None:
        return []
    start = doc.position(f.span.start)
    index = max(0, doc.text.count("\n", 0, f.span.start))
    line = doc.line_text(index)
    col = start.column - 1
    width = max(1, min(f.span.end, doc.line_starts[index] + len(line)) - f.span.start)
    lo = max(0, col - 40)
    hi = min(len(line), max(col + width, lo + EXCERPT_WIDTH))
    shown = line[lo:hi].replace("\t", " ")
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(line) else ""
    caret = " " * (len(prefix) + col - lo) + "^" * min(width, max(1, hi - col))
    return [f"    {prefix}{shown}{suffix}", f"    {caret}"]


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


def render(results: Sequence[FileResult], *, colour: bool = False, statistics: bool = False) -> str:
    out: list[str] = []
    counts: Counter[str] = Counter()
    severities: Counter[str] = Counter()
    for r in results:
        if r.error:
            out.append(f"{r.path}: error: {r.error}")
            continue
        for note in r.notes:
            out.append(f"{r.path}: note: {note}")
        locator = BlockLocator(r.document)
        for f in r.findings:
            counts[f"{f.code} {f.rule}"] += 1
            severities[f.severity] += 1
            where = _where(r, f, locator)
            code = f"{f.code} {f.rule}"
            if colour:
                code = f"{_COLOURS[f.severity]}{_BOLD}{code}{_RESET}"
                where = f"{_BOLD}{where}{_RESET}"
            out.append(f"{where}: {code} {f.message}")
            lines = _excerpt(r, f) if f.origin is None else [f"    (the bibliography of {r.path})"]
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
