"""The HTML reports: index.html for the class and one page per submission.

Every piece of text that comes from an essay, a file name or a message goes
through :func:`html.escape`; the pages load nothing from the internet, and a
Content-Security-Policy allows no script at all on student pages and only
our own sorting script (by hash) on the index, so even a slip in escaping
could not run code from an essay.
"""

from __future__ import annotations

import base64
import hashlib
import html
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import pairwise

from essaylint.grading.record import FAMILIES, FAMILY_NAMES, Graded
from essaylint.grading.rubric import Rubric
from essaylint.models import FileResult, Finding

_RANK = {"error": 3, "warning": 2, "info": 1}


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


_STYLE = """
:root { --err:#fbd3d0; --err-b:#c62828; --warn:#ffe7b3; --warn-b:#b26a00;
        --info:#d8e8fb; --info-b:#1f5fa8; --ink:#1d2330; --muted:#5d6675; }
* { box-sizing: border-box; }
body { font: 15px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
       margin: 0; background: #f6f7f9; }
header, section { background: #fff; margin: 16px auto; padding: 16px 24px; max-width: 1200px;
                  border: 1px solid #e2e5ea; border-radius: 8px; }
h1 { font-size: 22px; margin: 0 0 6px; } h2 { font-size: 17px; margin: 0 0 10px; }
.muted { color: var(--muted); } code { background:#f0f2f5; padding:1px 4px; border-radius:3px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { padding: 5px 8px; border-bottom: 1px solid #e8eaee; text-align: left; }
th { background: #eef1f5; cursor: pointer; user-select: none; white-space: nowrap; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.error td { background: #fff4f3; }
.score { font-size: 30px; font-weight: 700; }
.essay .row { display: grid; grid-template-columns: minmax(0, 1fr) 360px; gap: 18px;
              border-bottom: 1px dashed #eef0f3; }
.essay .txt { white-space: pre-wrap; overflow-wrap: anywhere; padding: 3px 0;
              font-family: Georgia, "Times New Roman", serif; font-size: 16px; }
.essay .notes { font-size: 13px; padding: 3px 0; }
mark { padding: 0 1px; border-radius: 2px; color: inherit; }
mark.error { background: var(--err); border-bottom: 2px solid var(--err-b); }
mark.warning { background: var(--warn); border-bottom: 2px solid var(--warn-b); }
mark.info { background: var(--info); border-bottom: 2px solid var(--info-b); }
sup.fn { font: 700 10px system-ui, sans-serif; color: #fff; background: var(--ink);
         border-radius: 7px; padding: 0 4px; margin: 0 1px; }
sup.fn.error { background: var(--err-b); } sup.fn.warning { background: var(--warn-b); }
sup.fn.info { background: var(--info-b); }
.note { border-left: 4px solid var(--ink); background: #fafbfc; padding: 4px 8px; margin: 3px 0;
        border-radius: 0 4px 4px 0; }
.note.error { border-color: var(--err-b); } .note.warning { border-color: var(--warn-b); }
.note.info { border-color: var(--info-b); } .note.ref { border-color: #6a4fb3; }
.note b { font-weight: 600; }
a.fnl { text-decoration: none; }
a.cite { color: inherit; text-decoration: underline dotted #6a4fb3 2px; }
.refentry { background: #f3effc; }
:target { outline: 2px solid #6a4fb3; }
.attn { padding: 4px 8px; border-radius: 4px; }
td.attn { white-space: nowrap; font-size: 13px; } td.why { min-width: 180px; font-size: 13px; }
td small { font-size: 12px; overflow-wrap: anywhere; }
dl.legend { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px;
            font-size: 13px; margin: 8px 0 0; } dl.legend dt { font-weight: 600; }
dl.legend dd { margin: 0; color: var(--muted); }
.a3 { background: var(--err); } .a2 { background: var(--warn); } .a1 { background: var(--info); }
mark.copy { background: #e6dcfa; border-bottom: 2px solid #6a4fb3; }
.bar { fill: #4a6fa5; } .bar-label { font: 12px system-ui, sans-serif; fill: var(--ink); }
"""


def _csp(script: str | None) -> str:
    if script is None:
        scripts = "'none'"
    else:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        scripts = f"'sha256-{digest}'"
    return (
        f"default-src 'none'; style-src 'unsafe-inline'; script-src {scripts}; "
        "img-src 'none'; form-action 'none'; base-uri 'none'"
    )


def html_page(title: str, body: str, script: str | None = None) -> str:
    tail = f"<script>{script}</script>\n" if script else ""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(_csp(script))}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{_STYLE}</style></head>\n<body>\n"
        f"{body}\n{tail}</body></html>\n"
    )


# --- student page -----------------------------------------------------------------------------


@dataclass
class _Mark:
    start: int
    end: int
    kind: str  # "f" finding, "c" citation, "r" reference entry
    index: int
    severity: str = ""
    target: int | None = None  # reference index a citation points to
    title: str = ""


@dataclass
class _Line:
    marks: list[_Mark] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _finding_note(n: int, f: Finding) -> str:
    extra = ""
    if f.suggestions:
        extra = ' <span class="muted">Try: ' + esc(", ".join(f.suggestions[:3])) + "</span>"
    if f.origin is not None:  # an entry of the .bib the essay names
        extra += f' <span class="muted">({esc(f.origin.path)}, line {f.origin.line})</span>'
    return (
        f'<div class="note {esc(f.severity)}" id="note-{n}"><a class="fnl" href="#f-{n}">'
        f'<sup class="fn {esc(f.severity)}">{n}</sup></a> <b>{esc(f.code)} {esc(f.rule)}</b> '
        f'<span class="muted">({esc(f.severity)})</span><br>{esc(f.message)}{extra}</div>'
    )


def _wrap(segment: str, active: list[_Mark], first: set[int]) -> str:
    out = esc(segment)
    findings = [m for m in active if m.kind == "f"]
    if findings:
        worst = max(findings, key=lambda m: _RANK.get(m.severity, 0))
        tip = " | ".join(m.title for m in findings)
        out = f'<mark class="{esc(worst.severity)}" title="{esc(tip)}">{out}</mark>'
        numbers = "".join(
            f'<a class="fnl" href="#note-{m.index}" id="f-{m.index}">'
            f'<sup class="fn {esc(m.severity)}">{m.index}</sup></a>'
            for m in findings
            if id(m) in first
        )
        out = numbers + out
    for m in active:
        if m.kind == "c":
            anchor = f' id="cit-{m.index}"' if id(m) in first else ""
            href = f' href="#ref-{m.target}"' if m.target is not None else ""
            out = f'<a class="cite"{anchor}{href}>{out}</a>'
    for m in active:
        if m.kind == "r":
            anchor = f' id="ref-{m.index}"' if id(m) in first else ""
            out = f'<span class="refentry"{anchor}>{out}</span>'
    return out


#: Where the class-level section on text shared with other submissions goes
#: (filled in, and refilled on every run, after the whole class is graded).
OVERLAP_START = "<!--essaylint:overlap-->"
OVERLAP_END = "<!--/essaylint:overlap-->"


def student_page(result: FileResult, graded: Graded, rubric: Rubric) -> str:
    """The essay with each finding highlighted in place and explained in the margin."""
    doc = result.document
    title = f"{graded.student} — {graded.rel}"
    head = _student_header(result, graded, rubric)
    if doc is None:
        return html_page(title, head + OVERLAP_START + OVERLAP_END)
    text = doc.text
    starts = list(doc.line_starts or (0,))
    lines = [_Line() for _ in starts]

    def line_of(offset: int) -> int:
        return max(0, bisect_right(starts, offset) - 1)

    def add(mark: _Mark) -> None:
        end = max(mark.end, mark.start + 1)
        end = min(end, len(text))
        start = min(mark.start, max(0, end - 1))
        mark.start, mark.end = start, end
        for i in range(line_of(start), line_of(max(start, end - 1)) + 1):
            lines[i].marks.append(mark)

    cited_by: dict[int, list[int]] = {}
    for link in result.links:
        if link.reference is not None:
            cited_by.setdefault(link.reference, []).append(link.citation)
    targets = {link.citation: link.reference for link in result.links}
    for i, c in enumerate(result.citations):
        add(_Mark(c.span.start, c.span.end, "c", i, target=targets.get(i)))
    for r in result.references:
        if r.source != "text" or r.span.end <= r.span.start:
            continue
        add(_Mark(r.span.start, r.span.end, "r", r.index))
        uses = cited_by.get(r.index, [])
        links = " ".join(f'<a href="#cit-{c}">↑{k}</a>' for k, c in enumerate(uses, start=1))
        who = esc("; ".join(p.family for p in r.authors[:2]) or r.raw[:40])
        if r.year:
            who += ", " + esc(r.year)
        lines[line_of(r.span.start)].notes.append(
            f'<div class="note ref">Entry {r.index + 1} ({who})'
            f": {'cited ' + str(len(uses)) + '× ' + links if uses else 'never cited in the text'}"
            "</div>"
        )
    # Findings are numbered in reading order; a line's notes list its findings
    # first, in that order, then the reference-list entry it holds.
    in_order = sorted(result.findings, key=lambda f: (f.span.start, f.span.end, f.code))
    finding_notes: dict[int, list[str]] = {}
    for n, f in enumerate(in_order, start=1):
        add(_Mark(f.span.start, f.span.end, "f", n, severity=f.severity, title=f.message))
        at = line_of(min(f.span.start, max(0, len(text) - 1)))
        finding_notes.setdefault(at, []).append(_finding_note(n, f))
    rows: list[str] = []
    seen: set[int] = set()
    for i, line in enumerate(lines):
        ls = starts[i]
        le = starts[i + 1] - 1 if i + 1 < len(starts) else len(text)
        raw_line = text[ls:le].rstrip("\r")
        le = ls + len(raw_line)
        cuts = {ls, le}
        for m in line.marks:
            cuts.update(x for x in (m.start, m.end) if ls < x < le)
        edges = sorted(cuts)
        parts: list[str] = []
        for a, b in pairwise(edges):
            active = [m for m in line.marks if m.start < b and m.end > a]
            first = {id(m) for m in active if id(m) not in seen}
            seen.update(first)
            parts.append(_wrap(text[a:b], active, first))
        # A mark on an empty line (or at the very end) still needs its anchor.
        for m in line.marks:
            if id(m) not in seen and m.kind == "f":
                seen.add(id(m))
                parts.append(_wrap("", [m], {id(m)}))
        body = "".join(parts) or "&#8203;"
        rows.append(
            f'<div class="row"><div class="txt">{body}</div>'
            f'<div class="notes">{"".join(finding_notes.get(i, []) + line.notes)}</div></div>'
        )
    essay = '<section class="essay"><h2>The essay, with findings</h2>\n' + "\n".join(rows)
    return html_page(title, head + OVERLAP_START + OVERLAP_END + essay + "</section>")


def _student_header(result: FileResult, graded: Graded, rubric: Rubric) -> str:
    families = " · ".join(
        f"{esc(FAMILY_NAMES[k])} ({k}) {graded.families.get(k, 0)}" for k in FAMILIES
    )
    notes = "".join(f"<li>{esc(n)}</li>" for n in result.notes)
    score = "—" if graded.score is None else f"{graded.score:g}"
    attention = (
        f'<p class="attn a{graded.attention.level}"><b>{esc(graded.attention.label)}</b>: '
        f"{esc(graded.attention.why)}</p>"
        if graded.attention.level
        else ""
    )
    held = " (withheld: check by hand)" if graded.withheld else ""
    word = (
        f'<p>Feedback in the student\'s own Word file: <a href="{esc(graded.feedback)}">'
        f"{esc(graded.feedback)}</a> ({graded.comments} comments)</p>"
        if graded.feedback
        else ""
    )
    earlier = (
        '<p class="muted">Earlier uploads by this student, not graded: '
        + esc(", ".join(graded.earlier))
        + "</p>"
        if graded.earlier
        else ""
    )
    deductions = "".join(
        f"<tr><td>{esc(d.code)}</td><td>{esc(d.rule)}</td><td class=n>{d.count}</td>"
        f"<td class=n>{d.weight:g}</td><td class=n>−{d.points:g}</td></tr>"
        for d in graded.deductions
    )
    table = (
        "<table><thead><tr><th>code</th><th>rule</th><th class=n>findings</th>"
        f"<th class=n>weight</th><th class=n>points</th></tr></thead><tbody>{deductions}"
        "</tbody></table>"
        if deductions
        else "<p>No deductions.</p>"
    )
    error = f'<p class="note error">{esc(result.error)}</p>' if result.error else ""
    return (
        f'<header><p><a href="index.html">← class overview</a></p>'
        f'<h1>{esc(graded.student)}</h1><p class="muted">{esc(graded.rel)} · '
        f"{graded.words} words · {graded.citations} citations · {graded.references} "
        f"reference-list entries · style {esc(result.style)}"
        f"{' · ID ' + esc(graded.student_id) if graded.student_id else ''}</p>{error}"
        f"{earlier}{word}{attention}"
        f'<p><span class="score">{score}</span> / {rubric.start:g} citation score{held}</p>'
        f"<p>Findings: {graded.findings} — {families}</p>"
        f"<details><summary>How the score is worked out</summary>"
        f"<p><code>{esc(rubric.formula)}</code> (rubric: {esc(rubric.name)})</p>"
        f"<p><code>{esc(graded.explanation)}</code></p>{table}</details>"
        f"{'<ul class=muted>' + notes + '</ul>' if notes else ''}</header>\n"
    )
