"""`essaylint grade`: batch isolation, manifest, rubric, escaping, similarity, outputs."""

from __future__ import annotations

import csv
import json
import shutil
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from essaylint.cli import app
from essaylint.grading.outputs import summary_csv
from essaylint.grading.record import Graded
from essaylint.grading.rubric import RubricError, default_rubric, explain, parse_rubric, score
from essaylint.grading.runner import grade_folder
from essaylint.grading.similarity import find_similar
from essaylint.grading.walk import discover

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "essays"


def corpus_essays() -> list[Path]:
    found = (
        sorted(p for p in CORPUS.glob("*") if p.suffix in (".md", ".txt"))
        if CORPUS.is_dir()
        else []
    )
    return found or sorted((ROOT / "fixtures" / "essays").glob("*.md"))


EVIL = """# An essay <script>alert(1)</script>

Movements spread online (Smith, 2019). <img src=x onerror=alert(1)> Some say so (Jones, 2020).
A "quote <b>bold</b>" with <a href="javascript:alert(1)">a link</a>.

## References

Smith, J. (2019). Networks of <script>alert(1)</script> protest. Journal of Media, 4(2), 1-20.
"""


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.slow
def test_batch_of_200_essays_and_3_broken_files(tmp_path: Path) -> None:
    essays = corpus_essays()
    subs = tmp_path / "submissions"
    for i in range(200):
        src = essays[i % len(essays)]
        folder = subs / f"Student {i:03d}_{1000 + i}_assignsubmission_file_"
        folder.mkdir(parents=True)
        shutil.copy(src, folder / src.name)
    (subs / "broken-docx").mkdir()
    (subs / "broken-docx" / "essay.docx").write_bytes(b"PK\x03\x04" + b"not a zip" * 100)
    (subs / "empty").mkdir()
    (subs / "empty" / "essay.txt").write_bytes(b"")
    (subs / "junk").mkdir()
    (subs / "junk" / "essay.md").write_bytes(bytes(range(256)) * 64)
    out = tmp_path / "report"
    # Its speed is measured in benchmarks/grade_bench.py, not asserted here.
    outcome = grade_folder(subs, out, rubric=default_rubric(), jobs=2)
    rows = _read_csv(out / "summary.csv")
    assert len(rows) == 203
    bad = [r for r in rows if r["error"]]
    assert sorted(r["student"] for r in bad) == ["broken-docx", "empty", "junk"]
    good = [r for r in rows if not r["error"]]
    assert len(good) == 200
    assert all(r["score"] and int(r["words"]) > 0 for r in good)
    assert outcome.graded == 203
    assert not outcome.interrupted
    report = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert report["summary"]["files"] == 203
    assert report["summary"]["errors"] == 3
    pages = list(out.glob("student-*.html"))
    assert len(pages) == 200
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count("<tr") == 204
    assert "Identical reference lists" in index


def _small_class(tmp_path: Path) -> Path:
    subs = tmp_path / "subs"
    subs.mkdir()
    for src in sorted((ROOT / "fixtures" / "essays").glob("*.md"))[:3]:
        shutil.copy(src, subs / src.name)
    return subs


def test_manifest_skips_unchanged_files_unless_forced(tmp_path: Path) -> None:
    subs, out = _small_class(tmp_path), tmp_path / "out"
    first = grade_folder(subs, out, rubric=default_rubric(), jobs=1)
    assert (first.graded, first.skipped) == (3, 0)
    before = (out / "summary.csv").read_text(encoding="utf-8")
    again = grade_folder(subs, out, rubric=default_rubric(), jobs=1)
    assert (again.graded, again.skipped) == (0, 3)
    assert (out / "summary.csv").read_text(encoding="utf-8") == before
    changed = sorted(subs.iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nMore text (Nobody, 2001).\n")
    third = grade_folder(subs, out, rubric=default_rubric(), jobs=1)
    assert (third.graded, third.skipped) == (1, 2)
    result = CliRunner().invoke(
        app, ["grade", str(subs), "--out", str(out), "--force", "--no-progress", "-j", "1"]
    )
    assert result.exit_code == 0, result.output
    assert "graded 3, unchanged 0" in result.output
    # Another Harper rule set is another setting: every file is graded again.
    args = ["grade", str(subs), "--out", str(out), "--no-progress", "-j", "1"]
    result = CliRunner().invoke(app, [*args, "--harper-rules", "all"])
    assert result.exit_code == 0, result.output
    assert "graded 3, unchanged 0" in result.output
    assert not list(out.glob("*.tmp"))


def test_changed_rubric_regrades(tmp_path: Path) -> None:
    subs, out = _small_class(tmp_path), tmp_path / "out"
    grade_folder(subs, out, rubric=default_rubric(), jobs=1)
    strict = parse_rubric("name = 'strict'\ncap = 100\n[severity]\nerror = 50\nwarning = 50\n")
    outcome = grade_folder(subs, out, rubric=strict, jobs=1)
    assert outcome.skipped == 0


def test_rubric_formula() -> None:
    rubric = parse_rubric(
        "name = 't'\nstart = 100\ncap = 10\n"
        "[severity]\nerror = 5\nwarning = 2\ninfo = 0.5\n"
        "[rules]\nmissing-reference = 4\nT401 = 0\n"
    )
    findings = [
        ("missing-reference", "C101", "error"),
        ("missing-reference", "C101", "error"),
        ("missing-reference", "C101", "error"),  # 3 x 4 = 12, capped at 10
        ("year-mismatch", "C102", "error"),  # severity weight 5
        ("missing-url", "R201", "warning"),  # 2
        ("spelling", "T401", "warning"),  # listed by code: 0
    ]
    result = score(findings, rubric)
    assert result.score == 100 - 10 - 5 - 2 - 0
    assert explain(result, rubric) == (
        "100 − min(10, 3 × 4) − min(10, 1 × 5) − min(10, 1 × 2) − min(10, 1 × 0) = 83"
    )
    assert "min(10, findings × weight)" in rubric.formula
    assert score([], rubric).score == 100
    many = [("year-mismatch", "C102", "error")] * 50 + [("x", "C1", "error")] * 50
    assert score(many, parse_rubric("cap = 1000\n")).score == 0


def test_bad_rubric_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RubricError, match="not valid TOML"):
        parse_rubric("cap = [")
    with pytest.raises(RubricError, match="cap"):
        parse_rubric("cap = -3")
    bad = tmp_path / "r.toml"
    bad.write_text("surprise = 1\n")
    result = CliRunner().invoke(app, ["grade", str(tmp_path), "--out", str(tmp_path / "o"),
                                      "--rubric", str(bad)])  # fmt: skip
    assert result.exit_code == 2
    assert "surprise" in result.output


def test_essay_html_is_escaped(tmp_path: Path) -> None:
    # A .txt keeps every character as written (Markdown would blank the layout tags).
    subs, out = tmp_path / "subs", tmp_path / "out"
    (subs / "<script>alert(1)<!--").mkdir(parents=True)
    (subs / "<script>alert(1)<!--" / "evil.txt").write_text(EVIL, encoding="utf-8")
    grade_folder(subs, out, rubric=default_rubric(), jobs=1)
    for page in out.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text, page.name
        assert "<img" not in text, page.name
        assert "<b>bold" not in text, page.name
        assert 'href="javascript' not in text, page.name
    student = next(p for p in out.glob("*.html") if p.name != "index.html")
    text = student.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "script-src 'none'" in text.replace("&#x27;", "'")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count("<script>") == 1  # our own sorting script, allowed by its hash


def test_findings_are_numbered_in_reading_order_and_noted_in_that_order(tmp_path: Path) -> None:
    subs, out = tmp_path / "subs", tmp_path / "out"
    subs.mkdir()
    (subs / "ann.md").write_text(
        "Later work agrees (Jones, 2020), and so does Smith (2018).\n\n"
        "## References\n\nSmith, J. (2019). Networks of protest. Journal of Media, 4(2), 1-20.\n",
        encoding="utf-8",
    )
    grade_folder(subs, out, rubric=default_rubric(), jobs=1)
    page = (out / "ann.html").read_text(encoding="utf-8")
    # (Jones, 2020) comes first in the text: it is finding 1, whatever its rule.
    jones, smith = page.index("(Jones, 2020)"), page.index("Smith (2018)")
    assert page.rfind('id="f-1"', 0, jones) > page.rfind('id="f-2"', 0, jones)
    assert page.rfind('id="f-2"', 0, smith) > jones
    # Both notes sit beside that line, 1 above 2.
    assert page.index('id="note-1"') < page.index('id="note-2"')
    assert "missing-reference" in page[page.index('id="note-1"') : page.index('id="note-2"')]


def test_similar_reference_lists_are_grouped() -> None:
    common = [f"common{i}|2020|t" for i in range(5)]
    works = {
        "a": ["x|2019|one", "y|2018|two", "z|2017|three"],
        "b": ["x|2019|one", "y|2018|two", "z|2017|three"],
        "c": ["r1|2001|q", "r2|2002|q", "r3|2003|q", *common[:2]],
        "d": ["r1|2001|q", "r2|2002|q", "r3|2003|q", *common[2:]],
        **{f"s{i}": [*common, f"own{i}|2020|x"] for i in range(30)},
    }
    groups = find_similar(works)
    kinds = {(g.kind, g.members) for g in groups}
    assert ("identical", ("a", "b")) in kinds
    assert ("shared-unusual", ("c", "d")) in kinds
    assert not any("s1" in g.members for g in groups if g.kind == "shared-unusual")


def test_students_grouped_by_folder(tmp_path: Path) -> None:
    (tmp_path / "Ann Lee_42_assignsubmission_file_").mkdir()
    (tmp_path / "Ann Lee_42_assignsubmission_file_" / "draft.docx").write_bytes(b"x")
    (tmp_path / "Ann Lee_42_assignsubmission_file_" / "final.pdf").write_bytes(b"x")
    (tmp_path / "bob.md").write_text("x")
    (tmp_path / "cara.odt").write_bytes(b"x")
    (tmp_path / ".hidden.md").write_text("x")
    (tmp_path / "notes.xlsx").write_text("x")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "old.md").write_text("x")
    subs = discover(tmp_path, exclude=tmp_path / "out")
    assert [(s.student, s.rel) for s in subs] == [
        ("Ann Lee", "Ann Lee_42_assignsubmission_file_/draft.docx"),
        ("Ann Lee", "Ann Lee_42_assignsubmission_file_/final.pdf"),
        ("bob", "bob.md"),
        ("cara", "cara.odt"),
    ]
    assert len({s.page for s in subs}) == 4


def test_links_out_of_the_class_folder_are_listed_but_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Private text outside the class folder.\n")
    root = tmp_path / "class"
    (root / "Eve Moss_7_assignsubmission_file_").mkdir(parents=True)
    (root / "Eve Moss_7_assignsubmission_file_" / "essay.txt").symlink_to(secret)
    (root / "loop.md").symlink_to(root / "loop.md")
    (root / "ok.md").write_text("A short essay.\n")
    (root / "inside.md").symlink_to(root / "ok.md")
    subs = {s.rel: s.unreadable for s in discover(root)}
    assert subs == {
        "Eve Moss_7_assignsubmission_file_/essay.txt": (
            "it is a link to a file outside the class folder"
        ),
        "inside.md": None,
        "loop.md": "it is a link that leads round in a loop",
        "ok.md": None,
    }
    outcome = grade_folder(root, tmp_path / "out", rubric=default_rubric(), jobs=1)
    pages = "".join(p.read_text() for p in (tmp_path / "out").glob("*.html"))
    assert "Private text" not in pages
    eve = next(r for r in outcome.records if r.student == "Eve Moss")
    assert eve.error is not None
    assert "outside the class folder" in eve.error


def test_csv_cells_never_start_a_formula() -> None:
    row = Graded(rel="=HYPERLINK(1).md", student="=cmd|' /C calc'!A0", error="-bad")
    text = summary_csv([row])
    assert ",=" not in text
    assert "\n=" not in text
    assert "'=cmd" in text


def test_the_output_folder_must_be_a_folder_of_its_own(tmp_path: Path) -> None:
    (tmp_path / "ann.md").write_text("An essay (Smith, 2019).\n", encoding="utf-8")
    (tmp_path / "report.txt").write_text("not a folder\n", encoding="utf-8")
    for out, expected in (
        (tmp_path / "report.txt", "is a file; give a folder"),
        (tmp_path, "is the class folder itself"),
    ):
        result = CliRunner().invoke(app, ["grade", str(tmp_path), "--out", str(out)])
        assert result.exit_code == 2, result.output
        assert expected in result.output
        assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ann.md", "report.txt"]


def test_one_run_at_a_time_writes_to_an_output_folder(tmp_path: Path) -> None:
    from essaylint.grading.files import folder_lock
    from essaylint.grading.runner import GradeError

    (tmp_path / "class").mkdir()
    (tmp_path / "class" / "ann.md").write_text("An essay (Smith, 2019).\n", encoding="utf-8")
    out = tmp_path / "out"
    with folder_lock(out), pytest.raises(GradeError, match="another essaylint grade is writing"):
        grade_folder(tmp_path / "class", out, rubric=default_rubric(), jobs=1)
    assert not (out / "index.html").exists()
    outcome = grade_folder(tmp_path / "class", out, rubric=default_rubric(), jobs=1)
    assert outcome.graded == 1  # the lock is let go when its holder is done


def test_a_rerun_removes_the_pages_of_submissions_that_are_gone(tmp_path: Path) -> None:
    root = tmp_path / "class"
    root.mkdir()
    for name in ("ann", "ben"):
        (root / f"{name}.md").write_text(f"An essay by {name} (Smith, 2019).\n", encoding="utf-8")
    out = tmp_path / "out"
    grade_folder(root, out, rubric=default_rubric(), jobs=1)
    assert {"ann.html", "ben.html"} <= {p.name for p in out.iterdir()}
    (root / "ben.md").unlink()
    (out / "teacher-notes.html").write_text("mine\n", encoding="utf-8")
    grade_folder(root, out, rubric=default_rubric(), jobs=1)
    pages = {p.name for p in out.iterdir()}
    assert "ann.html" in pages
    assert "ben.html" not in pages
    assert "teacher-notes.html" in pages  # never written by essaylint: left alone


def test_a_worker_ends_soon_after_its_run_is_killed(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys

    pid_file = tmp_path / "worker.pid"
    worker = (
        "import os, sys, time, pathlib;"
        "from essaylint.grading.runner import _die_with_run;"
        "_die_with_run(int(sys.argv[1]), every=0.05);"
        f"pathlib.Path({str(pid_file)!r}).write_text(str(os.getpid()));"
        "time.sleep(60)"
    )
    run = (
        "import os, subprocess, sys, time;"
        f"subprocess.Popen([sys.executable, '-c', {worker!r}, str(os.getpid())]);"
        "time.sleep(60)"
    )
    parent = subprocess.Popen([sys.executable, "-c", run])
    deadline = time.monotonic() + 30
    while not pid_file.exists() or not pid_file.read_text():
        assert time.monotonic() < deadline, "the worker never started"
        time.sleep(0.05)
    worker_pid = int(pid_file.read_text())
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while True:
        try:
            os.kill(worker_pid, 0)
        except ProcessLookupError:
            break
        # An ended child of an ended parent may stay a zombie until init reaps it.
        stat_file = Path(f"/proc/{worker_pid}/stat")
        if stat_file.exists() and stat_file.read_text().split(") ")[1].startswith("Z"):
            break
        assert time.monotonic() < deadline, "the worker outlived the killed run"
        time.sleep(0.05)


def test_grade_honours_the_class_folders_config(tmp_path: Path) -> None:
    # The same config check reads: ignore C104 in the class folder, and grade ignores it too.
    # (Two classes: config files are looked up once per folder and process.)
    essay = (
        "Buses matter (Okafor, 2018).\n\n## References\n\n"
        "Okafor, T. (2018). Night buses. Transport and Society, 12(4), 233-250.\n"
        "Ferrante, G. (2017). Timetables and trust. Harbour Books.\n"
    )
    found = {}
    configs = (
        ("plain", None),
        ("configured", 'ignore = ["C104"]\n'),
        ("per-file", '[per-file-ignores]\n"ann.md" = ["C104"]\n'),
        ("option", '[rules.uncited-reference]\nallowed-authors = ["Ferrante"]\n'),
    )
    for name, config in configs:
        root = tmp_path / name
        root.mkdir()
        (root / "ann.md").write_text(essay, encoding="utf-8")
        if config:
            (root / ".essaylint.toml").write_text(config, encoding="utf-8")
        out = tmp_path / f"{name}-out"
        run = ["grade", str(root), "--out", str(out), "--no-progress", "--jobs", "1"]
        assert CliRunner().invoke(app, run).exit_code == 0
        results = json.loads((out / "results.json").read_text(encoding="utf-8"))
        found[name] = {f["code"] for f in results["files"][0]["findings"]}
    assert "C104" in found["plain"]
    assert "C104" not in found["configured"]
    assert "C104" not in found["per-file"]  # per-file ignores match the student's file
    assert "C104" not in found["option"]  # and rules read their options in grade too
