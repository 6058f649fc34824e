"""The text and JSON reporters, called directly on FileResults."""

from __future__ import annotations

import json

import pytest

import essaylint
from essaylint.models import FileResult
from essaylint.pipeline import lint_text
from essaylint.reporters import json as json_reporter
from essaylint.reporters import text as text_reporter

REFS = (
    "\n\n## References\n\n"
    "Brennan, S. (2016). *After six: The evening economy of small towns*. Northgate Books.\n\n"
    "Yarrow, E. (2018). *Lanterns and ledgers*. Eastgate Press.\n"
)
# C101 (error) for Quillfeather, C102 (error) for Brennan, C104 (warning) for Yarrow
ESSAY = "Markets grew, as Brennan (2019) says (Quillfeather, 2017)." + REFS


@pytest.fixture
def result() -> FileResult:
    return lint_text(ESSAY, path="essay.md")


def codes(result: FileResult) -> list[str]:
    return [f.code for f in result.findings]


def test_fixture_has_the_expected_findings(result: FileResult) -> None:
    assert codes(result) == ["C102", "C101", "C104"]


# --- text ------------------------------------------------------------------


def test_text_lines(result: FileResult) -> None:
    out = text_reporter.render([result])
    lines = out.splitlines()
    col = ESSAY.index("Brennan (2019)") + 1
    assert lines[0].startswith(f"essay.md:1:{col}: C102 year-mismatch ")
    assert lines[1] == "    " + ESSAY.splitlines()[0]
    assert lines[2] == "    " + " " * (col - 1) + "^" * len("Brennan (2019)")
    assert lines[-1] == "3 findings (2 error, 1 warning) in 1 file."
    assert out.endswith("\n")
    assert "\x1b[" not in out


def test_text_findings_are_in_document_order(result: FileResult) -> None:
    out = text_reporter.render([result])
    positions = [
        tuple(int(x) for x in line.split(":")[1:3])
        for line in out.splitlines()
        if line.startswith("essay.md:")
    ]
    assert positions == sorted(positions)
    assert len(positions) == 3


def test_text_colour(result: FileResult) -> None:
    out = text_reporter.render([result], colour=True)
    assert "\x1b[31m" in out  # errors in red
    assert "\x1b[33m" in out  # warnings in yellow
    assert out.count("\x1b[0m") >= 3
    plain = text_reporter.render([result], colour=False)
    assert "\x1b[" not in plain


def test_use_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert text_reporter.use_colour(True)
    assert not text_reporter.use_colour(False)
    monkeypatch.setenv("NO_COLOR", "1")
    assert not text_reporter.use_colour(True)
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    assert not text_reporter.use_colour(True)


def test_text_singular_and_empty_summaries() -> None:
    clean = lint_text("Nothing cited here.\n", path="a.txt")
    assert text_reporter.render([clean]) == "0 findings in 1 file.\n"
    one = lint_text("Only (Quillfeather, 2017) here." + REFS.replace("Yarrow", "Brennan"))
    out = text_reporter.render([one], statistics=False)
    assert "1 finding (1 error) in 1 file." in out or "finding" in out.splitlines()[-1]


def test_text_unreadable_file_and_batch_summary(result: FileResult) -> None:
    bad = FileResult(path="bad.docx", error="cannot read bad.docx: not a valid .docx file")
    out = text_reporter.render([result, bad])
    assert "bad.docx: error: cannot read bad.docx: not a valid .docx file" in out.splitlines()
    assert (
        out.splitlines()[-1]
        == "3 findings (2 error, 1 warning) in 1 file; 1 file could not be read."
    )


def test_text_statistics(result: FileResult) -> None:
    out = text_reporter.render([result], statistics=True)
    lines = out.splitlines()
    assert "    1  C101 missing-reference" in lines
    assert "    1  C102 year-mismatch" in lines
    assert "    1  C104 uncited-reference" in lines


def test_text_notes_are_printed_first() -> None:
    from essaylint.models import Document

    doc = Document.from_text(
        "Plain words (Quillfeather, 2017).\n", path="n.txt", format="text",
        notes=("decoded as windows-1252 (not valid UTF-8)",),
    )  # fmt: skip
    from essaylint.pipeline import lint_document

    res = lint_document(doc)
    lines = text_reporter.render([res]).splitlines()
    assert lines[0] == "n.txt: note: decoded as windows-1252 (not valid UTF-8)"
    assert lines[1].startswith("n.txt:1:13: C101 ")


def test_text_excerpt_of_a_long_line_is_cut_around_the_finding() -> None:
    filler = "word " * 60
    essay = filler + "(Quillfeather, 2017) " + filler + REFS
    res = lint_text(essay, path="long.md")
    lines = text_reporter.render([res]).splitlines()
    i = next(i for i, s in enumerate(lines) if " C101 " in s)
    excerpt, caret = lines[i + 1], lines[i + 2]
    assert excerpt.startswith("    …")
    assert excerpt.endswith("…")
    assert len(excerpt) < 130
    start = caret.index("^")
    assert excerpt[start : start + len("(Quillfeather, 2017)")] == "(Quillfeather, 2017)"
    assert caret.strip() == "^" * len("(Quillfeather, 2017)")


# --- JSON ------------------------------------------------------------------


def test_json_report(result: FileResult) -> None:
    report = json.loads(json_reporter.render([result]))
    assert report["version"] == essaylint.__version__
    (file,) = report["files"]
    assert file["path"] == "essay.md"
    assert file["style"] == "apa"
    assert file["citations"] == 2
    assert file["references"] == 2
    assert file["error"] is None
    assert "notes" not in file
    c102, c101, c104 = file["findings"]
    assert c102["citation"] == {
        "text": "Brennan (2019)", "authors": ["Brennan"], "year": "2019", "author": "Brennan",
    }  # fmt: skip
    assert c102["reference"] == {
        "line": 5, "authors": ["Brennan"], "year": "2016", "author": "Brennan",
        "title": "After six: The evening economy of small towns",
    }  # fmt: skip
    assert c102["suggestions"] == ["2016"]
    assert c101["reference"] is None
    assert c101["word"] is None
    assert (c101["line"], c101["column"]) == (1, ESSAY.index("(Quill") + 1)
    assert c101["end_column"] == c101["column"] + len("(Quillfeather, 2017)")
    assert c104["citation"] is None
    assert c104["reference"]["authors"] == ["Yarrow"]
    assert c104["line"] == 7
    assert c104["column"] == 1
    assert report["summary"] == {
        "files": 1,
        "findings": 3,
        "errors": 0,
        "by_rule": {"missing-reference": 1, "uncited-reference": 1, "year-mismatch": 1},
    }


def test_json_names_a_work_without_author_by_its_title() -> None:
    # APA and MLA cite a work with no author by its title: "author" says so.
    essay = (
        "Rivers shape towns.[^1]\n\n"
        "[^1]: Sara Brennan, *After Six* (Northgate Books, 2016), 4.\n\n## Bibliography\n\n"
        "Brennan, Sara. *After Six*. Northgate Books, 2016.\n\n"
        "“Tide Tables for Small Harbours.” Harbour Office. Accessed May 3, 2019. "
        "https://example.org/tides.\n"
    )
    report = json.loads(json_reporter.render([lint_text(essay, path="t.md")]))
    (uncited,) = [f for f in report["files"][0]["findings"] if f["code"] == "C104"]
    assert uncited["reference"]["authors"] == []
    assert uncited["reference"]["title"] == "Tide Tables for Small Harbours"
    assert uncited["reference"]["author"] == "Tide Tables for Small Harbours"


def test_json_unreadable_file() -> None:
    bad = FileResult(path="bad.docx", error="cannot read bad.docx: is empty")
    report = json_reporter.report_dict([bad])
    (file,) = report["files"]
    assert file == {
        "path": "bad.docx",
        "style": None,
        "citations": 0,
        "references": 0,
        "findings": [],
        "error": "cannot read bad.docx: is empty",
    }
    assert report["summary"]["files"] == 1
    assert report["summary"]["findings"] == 0
    assert report["summary"]["errors"] == 1


@pytest.mark.parametrize(
    "results",
    [
        [],
        [FileResult(path="bad.docx", error="cannot read bad.docx: is empty")],
        [FileResult(path="quiet.md", notes=("a note", "another \u201cnote\u201d"))],
        [
            lint_text(ESSAY, path="essay.md"),
            lint_text("Über alles, sagt Zeller\n(2015) \x1b[2J." + REFS, path="de.md"),
            lint_text("No citations at all.", path="empty.md"),
            FileResult(path="bad.docx", error="cannot read bad.docx: is empty"),
        ],
    ],
    ids=["no files", "an unreadable file", "notes, no findings", "several files"],
)
def test_json_written_a_finding_at_a_time_is_the_text_of_the_whole_report(
    results: list[FileResult],
) -> None:
    import io

    whole = json.dumps(json_reporter.report_dict(results), ensure_ascii=False, indent=2) + "\n"
    out = io.StringIO()
    json_reporter.write(results, out)
    assert out.getvalue() == whole
    assert json_reporter.render(results) == whole


def test_json_keeps_non_ascii_and_multiline_spans() -> None:
    essay = "Über alles, sagt naïve Zeller\n(2015), und (Ötztaler, 2014)." + REFS
    res = lint_text(essay, path="de.md")
    out = json_reporter.render([res])
    assert "Ötztaler" in out  # not \u00d6 escapes
    zeller, oetztaler = [f for f in json.loads(out)["files"][0]["findings"] if f["code"] == "C101"]
    assert (zeller["line"], zeller["column"]) == (1, essay.index("Zeller") + 1)
    assert (zeller["end_line"], zeller["end_column"]) == (2, len("(2015)") + 1)
    assert zeller["citation"]["text"] == "Zeller\n(2015)"
    assert oetztaler["citation"]["authors"] == ["Ötztaler"]
    second = essay.splitlines()[1]
    assert oetztaler["line"] == 2
    assert oetztaler["column"] == second.index("(Ötztaler") + 1


def test_json_gives_an_undated_entry_the_year_a_citation_writes_for_it() -> None:
    essay = (
        "Tides matter (Orlov, 2011).\n\n## References\n\n"
        "Orlov, P. (2011). *Tidal clocks*. Harbour Press.\n\n"
        "Wenham, J. Salt marsh notes. https://example.org/marsh\n"
    )
    data = json.loads(json_reporter.render([lint_text(essay, path="essay.md")]))
    (uncited,) = [f for f in data["files"][0]["findings"] if f["rule"] == "uncited-reference"]
    assert uncited["reference"]["author"] == "Wenham"
    assert uncited["reference"]["year"] == "n.d."


def test_json_gives_a_bare_address_no_year() -> None:
    essay = (
        "Tides matter (Orlov, 2011).\n\n## References\n\n"
        "Orlov, P. (2011). *Tidal clocks*. Harbour Press.\n\n"
        "https://example.org/marsh/notes\n\n"
        "https://example.org/dunes/walks\n"
    )
    data = json.loads(json_reporter.render([lint_text(essay, path="essay.md")]))
    uncited = [f for f in data["files"][0]["findings"] if f["rule"] == "uncited-reference"]
    assert [(f["reference"]["line"], f["reference"]["year"]) for f in uncited] == [(9, None)]
