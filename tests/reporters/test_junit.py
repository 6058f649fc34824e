"""JUnit XML: one testsuite, one testcase per file, failures and errors counted."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from reporter_samples import SMALL_PATH, assert_snapshot
from typer.testing import CliRunner

from essaylint.cli import app
from essaylint.models import Document, FileResult
from essaylint.pipeline import lint_text
from essaylint.reporters import junit


def parse(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(text.encode("utf-8"))


def test_one_suite_one_case_per_file(small_result: FileResult, unreadable: FileResult) -> None:
    clean = FileResult(path="clean.md")
    suite = parse(junit.render([small_result, clean, unreadable]))
    assert suite.tag == "testsuite"
    assert suite.attrib == {
        "name": "essaylint",
        "tests": "3",
        "failures": "1",
        "errors": "1",
        "skipped": "0",
    }
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [SMALL_PATH, "clean.md", "bad.docx"]
    failing, passing, broken = cases
    (failure,) = failing.findall("failure")
    assert failure.get("message") == "4 findings (3 error, 1 warning)"
    lines = (failure.text or "").splitlines()
    assert len(lines) == 4
    assert lines[0].startswith(f"{SMALL_PATH}:1:18: C102 year-mismatch Brennan cited as 2019")
    assert list(passing) == []
    (error,) = broken.findall("error")
    assert error.get("message") == "cannot read bad.docx: not a valid .docx file"
    assert broken.find("failure") is None


def test_fail_on_moves_lesser_findings_to_system_out(small_result: FileResult) -> None:
    suite = parse(junit.render([small_result], fail_on="error"))
    (case,) = suite.findall("testcase")
    assert case.findtext("failure", "").count("\n") == 2  # the three errors
    assert "C104 uncited-reference" in case.findtext("system-out", "")
    only_warning = small_result.model_copy(update={"findings": small_result.findings[3:]})
    suite = parse(junit.render([only_warning], fail_on="error"))
    assert suite.get("failures") == "0"
    assert suite.find("testcase/failure") is None


def test_markup_and_control_characters_stay_valid_xml() -> None:
    essay = 'A <b>&"bold"</b> claim\x0c (Quillfeather, 2017) \x00.\n'
    res = lint_text(essay, path='odd <&"> \x01.md')
    text = junit.render([res])
    suite = parse(text)  # would raise on invalid XML
    case = suite.find("testcase")
    assert case is not None
    assert case.get("name") == 'odd <&"> \ufffd.md'
    assert "Quillfeather (2017) is cited" in case.findtext("failure", "")
    assert "\x00" not in text
    assert "\x01" not in text


def test_notes_go_to_system_out() -> None:
    doc = Document.from_text("Plain.\n", path="n.txt", notes=("decoded as windows-1252",))
    suite = parse(junit.render([FileResult(path="n.txt", document=doc, notes=doc.notes)]))
    assert suite.findtext("testcase/system-out") == "note: decoded as windows-1252"


def test_cli_junit_format_on_fixtures() -> None:
    result = CliRunner().invoke(
        app,
        [
            "check",
            "--format",
            "junit",
            "fixtures/essays/sample-essay.md",
            "fixtures/essays/clean-apa.md",
        ],
    )
    assert result.exit_code == 1
    suite = parse(result.stdout)
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("2", "1", "0")


def test_snapshot_of_the_small_essay(small_result: FileResult) -> None:
    assert_snapshot("small.junit.xml", junit.render([small_result]))


def test_junit_failures_follow_each_files_own_fail_on(tmp_path: Path) -> None:
    # Only warnings (an uncited entry, R204) in an essay whose config fails on errors:
    # no <failure>, exit code 0; the same essay without that config fails on warnings.
    essay_text = (
        "Buses run late at night (Okonjo, 2018).\n\nReferences\n\n"
        "Okonjo, T. (2018). Who rides at night? Transport and Society, 12(4), 233-250.\n"
        "Ferrante, G. (2017). Timetables and trust. Harbour Books.\n"
    )
    strict, lenient = tmp_path / "strict", tmp_path / "lenient"
    for folder in (strict, lenient):
        folder.mkdir()
        (folder / "essay.md").write_text(essay_text, encoding="utf-8")
    (lenient / ".essaylint.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    for folder, failures, code in ((lenient, "0", 0), (strict, "1", 1)):
        result = CliRunner().invoke(
            app, ["check", "--format", "junit", "--select", "C,R", str(folder / "essay.md")]
        )
        suite = parse(result.stdout)
        assert suite.get("failures") == failures, result.stdout
        assert result.exit_code == code
        assert "C104" in result.stdout  # reported either way, as a failure or in system-out
