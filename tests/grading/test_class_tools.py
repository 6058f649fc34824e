"""Copied essays, the LMS round trip (Moodle, Canvas), resubmissions, the overview's headings."""

from __future__ import annotations

import csv
import json
import os
import re
from pathlib import Path

from classmaker import CAREFUL, change_words, distinct_essay

from essaylint.config import Settings
from essaylint.grading.lms import CANVAS_COLUMNS, MOODLE_COLUMNS
from essaylint.grading.overlap import find_overlaps
from essaylint.grading.report_index import COLUMNS
from essaylint.grading.rubric import default_rubric
from essaylint.grading.runner import grade_folder

FAST = Settings(ignore=("T401", "T403"))


def _csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_twenty_distinct_essays_on_one_topic_share_nothing_long() -> None:
    bodies = {f"s{i:02d}": distinct_essay(i) for i in range(20)}
    assert len(set(bodies.values())) == 20
    assert find_overlaps(bodies, min_percent=50) == {}
    # Even at a low bar, topic words and the one shared source stay well under 20 %.
    low = find_overlaps(bodies, min_percent=5)
    assert all(m.percent < 20 for matches in low.values() for m in matches)


def test_a_copy_with_a_few_words_changed_is_found_both_ways() -> None:
    original = distinct_essay(7)
    copy = change_words(original, every=25)
    assert copy != original
    bodies = {f"s{i:02d}": distinct_essay(100 + i) for i in range(18)}
    bodies |= {"orig": original, "copy": copy}
    found = find_overlaps(bodies, min_percent=50)
    assert set(found) == {"orig", "copy"}
    (match,) = found["copy"]
    assert match.other == "orig"
    assert match.percent >= 70
    assert match.passages
    assert all(p.words >= 8 for p in match.passages)
    shared = " ".join(copy[p.start : p.end] for p in match.passages)
    assert len(shared.split()) >= 0.6 * len(copy.split())


def test_copied_essay_flagged_with_both_names_and_passages_on_both_pages(tmp_path: Path) -> None:
    subs, out = tmp_path / "class", tmp_path / "report"
    subs.mkdir()
    (subs / "rosa.md").write_text(distinct_essay(1), encoding="utf-8")
    (subs / "sam.md").write_text(change_words(distinct_essay(1), every=30), encoding="utf-8")
    (subs / "tia.md").write_text(distinct_essay(2), encoding="utf-8")
    grade_folder(subs, out, rubric=default_rubric(), settings=FAST, jobs=2)
    rows = {r[2]: r for r in _csv(out / "summary.csv")[1:]}
    assert rows["rosa"][0] == rows["sam"][0] == "needs attention"
    assert "also in sam's" in rows["rosa"][1]
    assert "also in rosa's" in rows["sam"][1]
    assert rows["tia"][0] == ""
    for me, other in (("rosa", "sam"), ("sam", "rosa")):
        page = (out / f"{me}.html").read_text(encoding="utf-8")
        assert f'<a href="{other}.html">{other}</a>' in page
        assert page.count('<mark class="copy">') >= 1
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Text shared between submissions" in index
    assert "rosa</a> and" in index
    report = json.loads((out / "results.json").read_text(encoding="utf-8"))
    similar = {f["path"]: f["grading"]["similar"] for f in report["files"]}
    assert similar["sam.md"][0]["file"] == "rosa.md"
    assert similar["sam.md"][0]["percent"] >= 70
    assert similar["tia.md"] == []
    # A second run (nothing changed, records reused) keeps one shared-text section per page.
    grade_folder(subs, out, rubric=default_rubric(), settings=FAST, jobs=1)
    page = (out / "rosa.html").read_text(encoding="utf-8")
    assert page.count("Text shared with other submissions") == 1


def test_moodle_and_canvas_exports_round_trip_with_resubmissions(tmp_path: Path) -> None:
    subs, out = tmp_path / "export", tmp_path / "report"
    moodle = subs / "Jane Doe_31001_assignsubmission_file_"
    moodle.mkdir(parents=True)
    (moodle / "draft.md").write_text(distinct_essay(11), encoding="utf-8")
    (moodle / "final.md").write_text(CAREFUL, encoding="utf-8")
    os.utime(moodle / "draft.md", (1_700_000_000, 1_700_000_000))
    os.utime(moodle / "final.md", (1_700_000_500, 1_700_000_500))
    (subs / "Omar Ali_31002_assignsubmission_file_essay.md").write_text(
        distinct_essay(12), encoding="utf-8"
    )
    (subs / "leekim_40417_900001_essay.md").write_text(distinct_essay(13), encoding="utf-8")
    (subs / "leekim_LATE_40417_900002_essay-1.md").write_text(distinct_essay(14), encoding="utf-8")
    (subs / "no-id.md").write_text(distinct_essay(15), encoding="utf-8")
    outcome = grade_folder(subs, out, rubric=default_rubric(), settings=FAST, jobs=1)
    assert len(outcome.records) == 4  # Jane and leekim uploaded twice: one row each
    summary = {r[2]: r for r in _csv(out / "summary.csv")[1:]}
    assert summary["Jane Doe"][4] == "Jane Doe_31001_assignsubmission_file_/final.md"
    assert summary["Jane Doe"][-2] == "Jane Doe_31001_assignsubmission_file_/draft.md"
    assert summary["leekim"][4] == "leekim_LATE_40417_900002_essay-1.md"  # newer submission
    assert summary["leekim"][-2] == "leekim_40417_900001_essay.md"

    m = _csv(out / "moodle-grades.csv")
    assert tuple(m[0]) == MOODLE_COLUMNS
    by_id = {row[0]: row for row in m[1:]}
    assert set(by_id) == {"Participant 31001", "Participant 31002", "Participant 40417"}
    jane = by_id["Participant 31001"]
    assert jane[1] == "Jane Doe"
    assert jane[4] == summary["Jane Doe"][14]
    assert jane[5] == "100"
    assert "year-mismatch" in jane[9]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", jane[8])

    c = _csv(out / "canvas-grades.csv")
    assert tuple(c[0][:5]) == CANVAS_COLUMNS
    assert c[0][5:] == ["Essay", "Notes"]
    assert c[1][0] == "Points Possible"
    assert c[1][5] == "100"
    canvas = {row[1]: row for row in c[2:]}
    assert set(canvas) == {"31001", "31002", "40417"}
    assert canvas["40417"][0] == "leekim"
    assert canvas["40417"][5] == summary["leekim"][14]
    assert "Citation score" in canvas["40417"][6]
    assert all("shared" not in row[6] and "Crossref" not in row[6] for row in c[2:])


def test_overview_headings_are_explained_and_the_table_is_narrow(tmp_path: Path) -> None:
    subs, out = tmp_path / "class", tmp_path / "report"
    subs.mkdir()
    (subs / "una.md").write_text(CAREFUL, encoding="utf-8")
    grade_folder(subs, out, rubric=default_rubric(), settings=FAST, jobs=1)
    index = (out / "index.html").read_text(encoding="utf-8")
    heads = re.findall(r'<th class="[^"]*" title="([^"]+)">([^<]+)</th>', index)
    assert [h for _, h in heads] == [name for name, _, _ in COLUMNS]
    assert all(title for title, _ in heads)
    legend = index[index.index('<dl class="legend">') :]
    assert all(f"<dt>{name}</dt>" in legend for name, _, _ in COLUMNS)
    assert len(heads) <= 13  # the file path and errors sit under the name and in "Why"
    assert "max-width: 1200px" in index
