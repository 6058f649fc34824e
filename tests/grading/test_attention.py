"""Attention first: who needs the teacher, with one line of why; rubric weights; LMS names."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from classmaker import CAREFUL, NO_SOURCES, UNRECOGNISED

from essaylint.config import Settings
from essaylint.grading.attention import AttentionRubric, Signals, assess, count_claims, reasons_of
from essaylint.grading.rubric import default_rubric, parse_rubric, score
from essaylint.grading.runner import grade_folder
from essaylint.grading.walk import identify

FAST = Settings(
    ignore=("T401", "T403")
)  # no spelling/grammar engine: these tests are about grading


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_count_claims_finds_quotes_and_statistics_not_dates() -> None:
    quotes, stats = count_claims(
        'As one critic said, "nothing about this change was ever tested in real schools." '
        "Studies have shown a rise of 40% and three out of four agree; 2 out of 3 do not. "
        'In 2019 the "short" rule began.'
    )
    assert quotes == 1  # the two-word "short" is not a quotation
    assert stats == 3  # "Studies have shown", "40%", "2 out of 3"; the year is not one


def test_no_sources_outranks_small_slips_and_unrecognised_is_check_by_hand(tmp_path: Path) -> None:
    subs, out = tmp_path / "class", tmp_path / "report"
    for name, text in (("Ann Lee", CAREFUL), ("Ben Moss", NO_SOURCES), ("Cara Diaz", UNRECOGNISED)):
        folder = subs / f"{name}_{1000 + len(name)}_assignsubmission_file_"
        folder.mkdir(parents=True)
        (folder / "essay.md").write_text(text, encoding="utf-8")
    grade_folder(subs, out, rubric=default_rubric(), settings=FAST, jobs=1)
    rows = _rows(out / "summary.csv")
    assert [r["student"] for r in rows] == ["Ben Moss", "Cara Diaz", "Ann Lee"]
    ben, cara, ann = rows
    assert ben["attention"] == "needs attention"
    assert "no citations and no reference list" in ben["why"]
    assert "quotes 2 passages" in ben["why"]
    assert float(ben["score"]) < float(ann["score"])  # no sources costs the rubric's 30 points
    assert cara["attention"] == "check by hand"
    assert cara["score"] == ""
    assert "check the citations by hand" in cara["why"]
    assert ann["attention"] == ""
    assert float(ann["score"]) >= 80
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.index("Ben Moss") < index.index("Cara Diaz") < index.index("Ann Lee")
    assert "withheld" in (out / "cara-diaz-essay.html").read_text(encoding="utf-8")
    report = json.loads((out / "results.json").read_text(encoding="utf-8"))
    grading = {f["grading"]["student"]: f["grading"] for f in report["files"]}
    assert grading["Cara Diaz"]["score_withheld"] is True
    assert grading["Ben Moss"]["why"][0]["signal"] == "no_sources"


def test_signals_each_raise_their_level() -> None:
    rubric = AttentionRubric()
    no_list = reasons_of(Signals(citations=3, linked_citations=0), rubric)
    assert [n for n, _ in no_list] == ["no_reference_list"]
    unmatched = Signals(citations=6, linked_citations=1, references=4, cited_references=1)
    assert [n for n, _ in reasons_of(unmatched, rubric)] == ["citations_not_recognised"]
    fine = Signals(citations=6, linked_citations=5, references=4, cited_references=3)
    assert reasons_of(fine, rubric) == []
    invented = Signals(
        citations=2, linked_citations=2, references=2, cited_references=2, not_found=2
    )
    assert "2 references not found in Crossref" in assess(reasons_of(invented, rubric), rubric).why
    sloppy = Signals(citations=9, linked_citations=9, references=5, cited_references=5, errors=7)
    attention = assess(reasons_of(sloppy, rubric), rubric)
    assert (attention.level, attention.label) == (1, "worth a look")
    personal = Signals()  # no sources, but nothing that needs one: a personal reflection
    assert reasons_of(personal, rubric) == []


def test_rubric_weights_attention() -> None:
    rubric = parse_rubric(
        '[attention]\nmany_errors = 2\n[attention.levels]\nno_sources = "ignore"\n'
        'many_errors = "needs attention"\n[attention.points]\nno_sources = 10\n'
    )
    sloppy = Signals(citations=2, linked_citations=2, references=2, cited_references=2, errors=2)
    assert assess(reasons_of(sloppy, rubric.attention), rubric.attention).level == 3
    bare = Signals(quotes=2)
    assert assess(reasons_of(bare, rubric.attention), rubric.attention).level == 0
    marks = score([], rubric, [("no_sources", 1)])
    assert marks.score == 90
    assert marks.deductions[0].code == "attention"
    with pytest.raises(Exception, match="attention"):
        parse_rubric("[attention]\nsurprise = 1\n")


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("Jane Doe_12345_assignsubmission_file_", "essay.docx"), ("Jane Doe", "12345", "moodle")),
        (("Jane Doe_12345_assignsubmission_file_essay.docx",), ("Jane Doe", "12345", "moodle")),
        (("Ana María_77_assignsubmission_onlinetext_", "onlinetext.html"),
         ("Ana María", "77", "moodle")),
        (("doejane_12345_67890_my_essay.docx",), ("doejane", "12345", "canvas")),
        (("doejane_LATE_12345_67891_my_essay-1.docx",), ("doejane", "12345", "canvas")),
        (("Student 001_1001", "x.md"), ("Student 001", "1001", "")),
        (("alice.md",), ("alice", "", "")),
        (("Jane_Doe", "essay.md"), ("Jane Doe", "", "")),
    ],
)  # fmt: skip
def test_student_name_and_id_from_export_layouts(
    parts: tuple[str, ...], expected: tuple[str, str, str]
) -> None:
    assert identify(parts) == expected


def test_references_crossref_does_not_know_raise_attention_and_cost_points() -> None:
    from essaylint.grading.record import grade_result
    from essaylint.grading.walk import Submission
    from essaylint.models import Finding, Span
    from essaylint.pipeline import lint_text

    result = lint_text(CAREFUL, FAST, path="essay.md")
    fake = [
        Finding(code="V501", rule="reference-not-found", severity="warning",
                message="not found in Crossref", span=Span(start=0, end=5)),
        Finding(code="V504", rule="invalid-doi", severity="error",
                message="the DOI does not resolve", span=Span(start=6, end=9)),
    ]  # fmt: skip
    result = result.model_copy(update={"findings": result.findings + tuple(fake)})
    sub = Submission(path="essay.md", rel="essay.md", student="Vera", page="vera.html")
    graded = grade_result(result, sub, default_rubric(), "", {})
    assert graded.signals.not_found == 2
    assert graded.attention.label == "needs attention"
    assert "2 references not found in Crossref" in graded.attention.why
    assert any(d.rule == "not-found" and d.points == 10 for d in graded.deductions)
