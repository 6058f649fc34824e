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
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from essaylint.grading.record import FAMILIES, FAMILY_NAMES, Graded
from essaylint.grading.rubric import Rubric
from essaylint.grading.similarity import SimilarGroup
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
.bar { fill: #4a6fa5; } .bar-label { font: 12px system-ui, sans-serif; fill: var(--ink); }
"""

_SORT_SCRIPT = """
document.querySelectorAll("table.sortable").forEach(function (table) {
  var body = table.tBodies[0];
  table.querySelectorAll("th").forEach(function (th, col) {
    th.addEventListener("click", function () {
      var dir = th.dataset.dir === "asc" ? "desc" : "asc";
      table.querySelectorAll("th").forEach(function (h) { delete h.dataset.dir; });
      th.dataset.dir = dir;
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].dataset.v, y = b.cells[col].dataset.v;
        var nx = parseFloat(x), ny = parseFloat(y);
        var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : String(x).localeCompare(String(y));
        return dir === "asc" ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  table.dataset.sortable = "ready";
});
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


def _page(title: str, body: str, script: str | None = None) -> str:
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


def student_page(result: FileResult, graded: Graded, rubric: Rubric) -> str:
    """The essay with each finding highlighted in place and explained in the margin."""
    doc = result.document
    title = f"{graded.student} — {graded.rel}"
    head = _student_header(result, graded, rubric)
    if doc is None:
        return _page(title, head)
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
    return _page(title, head + essay + "</section>")


def _student_header(result: FileResult, graded: Graded, rubric: Rubric) -> str:
    families = " · ".join(
        f"{esc(FAMILY_NAMES[k])} ({k}) {graded.families.get(k, 0)}" for k in FAMILIES
    )
    notes = "".join(f"<li>{esc(n)}</li>" for n in result.notes)
    score = "—" if graded.score is None else f"{graded.score:g}"
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
        f"reference-list entries · style {esc(result.style)}</p>{error}"
        f'<p><span class="score">{score}</span> / {rubric.start:g} citation score</p>'
        f"<p>Findings: {graded.findings} — {families}</p>"
        f"<details><summary>How the score is worked out</summary>"
        f"<p><code>{esc(rubric.formula)}</code> (rubric: {esc(rubric.name)})</p>"
        f"<p><code>{esc(graded.explanation)}</code></p>{table}</details>"
        f"{'<ul class=muted>' + notes + '</ul>' if notes else ''}</header>\n"
    )


# --- class overview -------------------------------------------------------------------------


def _chart(records: Sequence[Graded], top: int = 10) -> str:
    totals: dict[str, int] = {}
    students: dict[str, int] = {}
    for r in records:
        for rule, n in r.by_rule.items():
            totals[rule] = totals.get(rule, 0) + n
            students[rule] = students.get(rule, 0) + 1
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    if not ranked:
        return "<p>No findings in any submission.</p>"
    width, label_w, row_h = 760, 200, 26
    biggest = ranked[0][1]
    bars: list[str] = []
    for i, (rule, n) in enumerate(ranked):
        y = i * row_h
        w = max(2, round((width - label_w - 190) * n / biggest))
        bars.append(
            f'<text class="bar-label" x="{label_w - 8}" y="{y + 17}" text-anchor="end">'
            f"{esc(rule)}</text>"
            f'<rect class="bar" x="{label_w}" y="{y + 4}" width="{w}" height="{row_h - 8}" rx="3">'
            f"<title>{esc(rule)}: {n} findings in {students[rule]} submissions</title></rect>"
            f'<text class="bar-label" x="{label_w + w + 6}" y="{y + 17}">{n} '
            f"({students[rule]} submissions)</text>"
        )
    height = row_h * len(ranked)
    return (
        f'<svg role="img" aria-label="Most common problems" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
        + "".join(bars)
        + "</svg>"
    )


def _similar(groups: Sequence[SimilarGroup], records: Sequence[Graded]) -> str:
    if not groups:
        return (
            "<p>No two submissions have identical reference lists "
            "or share an unusual set of sources.</p>"
        )
    pages = {r.rel: r for r in records}
    items: list[str] = []
    for g in groups:
        names = ", ".join(
            f'<a href="{esc(pages[m].page)}">{esc(pages[m].student)}</a> '
            f'<span class="muted">({esc(m)})</span>'
            if m in pages and pages[m].page
            else esc(m)
            for m in g.members
        )
        kind = "Identical reference lists" if g.kind == "identical" else "Shared uncommon sources"
        items.append(f"<li><b>{kind}</b> — {esc(g.detail)}: {names}</li>")
    return (
        '<p class="muted">Listed as a pointer for a closer look, not as a finding: shared '
        "reading lists, group work and course materials often explain these.</p>"
        f"<ul>{''.join(items)}</ul>"
    )


def index_page(
    records: Sequence[Graded],
    groups: Sequence[SimilarGroup],
    rubric: Rubric,
    *,
    status: str = "",
) -> str:
    """The class overview: sortable table, chart of common problems, similar reference lists."""
    errors = sum(1 for r in records if r.error)
    scored = [r.score for r in records if r.score is not None]
    mean = f"{sum(scored) / len(scored):.1f}" if scored else "—"
    head = (
        "<header><h1>essaylint — class report</h1>"
        f"<p>{len(records)} submissions · {len(records) - errors} graded · {errors} could not be "
        f"read · mean citation score {mean}</p>"
        f'<p class="muted">Score: <code>{esc(rubric.formula)}</code> (rubric: '
        f"{esc(rubric.name)}); each student page shows the arithmetic.</p>"
        f"{'<p><b>' + esc(status) + '</b></p>' if status else ''}"
        '<p class="muted">Also written: <a href="summary.csv">summary.csv</a> · '
        '<a href="results.json">results.json</a></p></header>\n'
    )
    cols = [
        ("Student", ""), ("File", ""), ("Words", "n"), ("Citations", "n"), ("References", "n"),
        *((k, "n") for k in FAMILIES), ("Findings", "n"), ("Score", "n"), ("Error", ""),
    ]  # fmt: skip
    th = "".join(
        f'<th class="{c}" title="{esc(FAMILY_NAMES.get(name, name))}">{esc(name)}</th>'
        for name, c in cols
    )
    rows: list[str] = []
    for r in sorted(records, key=lambda r: (r.student.lower(), r.rel)):
        who = f'<a href="{esc(r.page)}">{esc(r.student)}</a>' if r.page else esc(r.student)
        cells = [
            f'<td data-v="{esc(r.student.lower())}">{who}</td>',
            f'<td data-v="{esc(r.rel)}">{esc(r.rel)}</td>',
            *(
                f'<td class="n" data-v="{v}">{v}</td>'
                for v in (r.words, r.citations, r.references)
            ),
            *(f'<td class="n" data-v="{r.families.get(k, 0)}">{r.families.get(k, 0)}</td>'
              for k in FAMILIES),
            f'<td class="n" data-v="{r.findings}">{r.findings}</td>',
            f'<td class="n" data-v="{"" if r.score is None else r.score}">'
            f"{'—' if r.score is None else f'{r.score:g}'}</td>",
            f'<td data-v="{esc(r.error or "")}">{esc(r.error or "")}</td>',
        ]  # fmt: skip
        cls = ' class="error"' if r.error else ""
        rows.append(f"<tr{cls}>{''.join(cells)}</tr>")
    table = (
        '<section><h2>Submissions</h2><p class="muted">Click a column heading to sort.</p>'
        f'<table class="sortable" id="submissions"><thead><tr>{th}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></section>\n"
    )
    chart = f"<section><h2>Most common problems</h2>{_chart(records)}</section>\n"
    similar = (
        "<section><h2>Submissions with similar reference lists</h2>"
        f"{_similar(groups, records)}</section>\n"
    )
    return _page("essaylint — class report", head + chart + table + similar, _SORT_SCRIPT)
