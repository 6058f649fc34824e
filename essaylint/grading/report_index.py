"""The class overview (index.html) and the "shared text" section of each student page.

Submissions are listed by attention, then score (lowest first), each with one
line of why; every column heading has a title and is explained in a legend
under the table. The same escaping and Content-Security-Policy rules as the
student pages apply (see :mod:`essaylint.grading.report_html`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from essaylint.grading.record import FAMILIES, FAMILY_NAMES, Graded
from essaylint.grading.report_html import esc, html_page
from essaylint.grading.rubric import Rubric
from essaylint.grading.similarity import SimilarGroup

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

#: Column headings of the overview, with what each means (title and legend).
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("Attention", "", "who to look at first: needs attention, check by hand, worth a look"),
    ("Student", "", "the student (and the platform ID read from the export), linked to their page"),
    ("Why", "", "one line: what raised the attention level, or why the file could not be read"),
    ("Score", "n", "citation score out of 100 from the rubric; — when withheld or unreadable"),
    ("Words", "n", "words in the essay body (reference list excluded)"),
    ("Cit.", "n", "in-text citations found"),
    ("Refs", "n", "reference-list entries found"),
    *((k, "n", f"findings about {FAMILY_NAMES[k]}") for k in FAMILIES),
    ("Shared", "n", "largest share of this essay's text also found in another submission"),
)


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


def overlap_section(record: Graded, body: str, others: Mapping[str, Graded]) -> str:
    """The student-page section listing text shared with other submissions, passages marked."""
    if not record.similar:
        return ""
    items: list[str] = []
    for match in record.similar:
        other = others.get(match.other)
        name = esc(other.student) if other else esc(match.other)
        link = f'<a href="{esc(other.page)}">{name}</a>' if other and other.page else name
        passages = "".join(
            f'<p class="txt">… <mark class="copy">{esc(body[p.start : p.end])}</mark> …</p>'
            for p in match.passages
        )
        items.append(
            f"<h3>{match.percent:g} % of this essay is also in {link}'s "
            f'<span class="muted">({esc(match.other)})</span></h3>{passages}'
        )
    return (
        '<section class="essay"><h2>Text shared with other submissions</h2>'
        '<p class="muted">Passages of at least eight words found word for word in another '
        "submission of this class. A pointer for a closer look: a shared quotation or a "
        "set text can explain some of it.</p>" + "".join(items) + "</section>"
    )


def _copied(records: Sequence[Graded]) -> str:
    pages = {r.rel: r for r in records}
    seen: set[tuple[str, str]] = set()
    items: list[str] = []
    for r in records:
        for m in r.similar:
            pair = (min(r.rel, m.other), max(r.rel, m.other))
            if pair in seen:
                continue
            seen.add(pair)
            other = pages.get(m.other)
            back = (
                next((x.percent for x in other.similar if x.other == r.rel), None)
                if other
                else None
            )
            names = [
                f'<a href="{esc(x.page)}">{esc(x.student)}</a>' if x.page else esc(x.student)
                for x in (r, other)
                if x is not None
            ]
            share = f"{m.percent:g} % of {esc(r.student)}'s text"
            if other is not None and back is not None:
                share += f", {back:g} % of {esc(other.student)}'s"
            items.append(f"<li>{' and '.join(names)}: {share}</li>")
    if not items:
        return "<p>No two submissions share long passages of text.</p>"
    return f"<ul>{''.join(items)}</ul>"


def index_page(
    records: Sequence[Graded],
    groups: Sequence[SimilarGroup],
    rubric: Rubric,
    *,
    status: str = "",
) -> str:
    """The class overview: submissions by attention, legend, common problems, shared text."""
    errors = sum(1 for r in records if r.error)
    scored = [r.score for r in records if r.score is not None]
    mean = f"{sum(scored) / len(scored):.1f}" if scored else "—"
    flagged = sum(1 for r in records if r.attention.level >= 2)
    head = (
        "<header><h1>essaylint — class report</h1>"
        f"<p>{len(records)} submissions · {len(records) - errors} graded · {errors} could not be "
        f"read · {flagged} need attention or checking by hand · mean citation score {mean}</p>"
        f'<p class="muted">Score: <code>{esc(rubric.formula)}</code> (rubric: '
        f"{esc(rubric.name)}); each student page shows the arithmetic.</p>"
        f"{'<p><b>' + esc(status) + '</b></p>' if status else ''}"
        '<p class="muted">Also written: <a href="summary.csv">summary.csv</a> · '
        '<a href="moodle-grades.csv">moodle-grades.csv</a> · '
        '<a href="canvas-grades.csv">canvas-grades.csv</a> · '
        '<a href="results.json">results.json</a></p></header>\n'
    )
    th = "".join(
        f'<th class="{c}" title="{esc(meaning)}">{esc(name)}</th>' for name, c, meaning in COLUMNS
    )
    rows: list[str] = []
    for order, r in enumerate(records):
        who = f'<a href="{esc(r.page)}">{esc(r.student)}</a>' if r.page else esc(r.student)
        sub = esc(r.rel) + (f" · ID {esc(r.student_id)}" if r.student_id else "")
        if r.earlier:
            sub += f" · {len(r.earlier)} earlier upload{'s' if len(r.earlier) > 1 else ''}"
        why = r.attention.why or ""
        shared = max((m.percent for m in r.similar), default=0.0)
        score = "—" if r.score is None else f"{r.score:g}"
        cells = [
            f'<td data-v="{-r.attention.level * 1000 + order}" class="attn a{r.attention.level}">'
            f"{esc(r.attention.label)}</td>",
            f'<td data-v="{esc(r.student.casefold())}">{who}<br><small class="muted">{sub}</small>'
            "</td>",
            f'<td class="why" data-v="{esc(why)}">{esc(why)}</td>',
            f'<td class="n" data-v="{"" if r.score is None else r.score}">{score}</td>',
            *(f'<td class="n" data-v="{v}">{v}</td>' for v in (r.words, r.citations, r.references)),
            *(
                f'<td class="n" data-v="{r.families.get(k, 0)}">{r.families.get(k, 0)}</td>'
                for k in FAMILIES
            ),
            f'<td class="n" data-v="{shared:g}">{f"{shared:g} %" if shared else ""}</td>',
        ]
        cls = ' class="error"' if r.error else ""
        rows.append(f"<tr{cls}>{''.join(cells)}</tr>")
    legend = "".join(f"<dt>{esc(name)}</dt><dd>{esc(meaning)}</dd>" for name, _, meaning in COLUMNS)
    table = (
        '<section><h2>Submissions, by attention</h2><p class="muted">Those needing attention '
        "first, then by score, lowest first. Click a column heading to sort.</p>"
        f'<table class="sortable" id="submissions"><thead><tr>{th}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
        f'<details open><summary>What the columns mean</summary><dl class="legend">{legend}'
        "</dl></details></section>\n"
    )
    chart = f"<section><h2>Most common problems</h2>{_chart(records)}</section>\n"
    copied = f"<section><h2>Text shared between submissions</h2>{_copied(records)}</section>\n"
    similar = (
        "<section><h2>Submissions with similar reference lists</h2>"
        f"{_similar(groups, records)}</section>\n"
    )
    return html_page(
        "essaylint — class report", head + table + copied + chart + similar, _SORT_SCRIPT
    )
