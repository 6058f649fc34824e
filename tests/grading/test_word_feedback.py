"""Feedback inside the student's Word file: one comment per located finding, on its words."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from essaylint.config import Settings
from essaylint.grading.rubric import default_rubric
from essaylint.grading.runner import grade_folder
from essaylint.pipeline import lint_path
from essaylint.rules.registry import all_rules, select_rules

FAST = Settings(ignore=("T401", "T403"))
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _essay(path: Path) -> None:
    """An invented essay whose slips sit mid-run, across runs and in the reference list."""
    d = docx.Document()
    d.add_heading("Rivers and towns", 1)
    p = d.add_paragraph("Towns grew where rivers could be crossed safely (Hale, 2012), ")
    p.add_run("and bridges later fixed ")
    p.add_run("their shape (Ibsen, ").italic = True
    p.add_run("2009). Trade followed the fords (Kovac, 2015) and markets followed trade.")
    d.add_paragraph("Floods shaped the old quarters too, as Hale (2013) shows for three cities.")
    d.add_heading("References", 2)
    d.add_paragraph("Hale, M. (2012). Crossings and settlements. Urban History Review, 4(1), 1-22.")
    d.add_paragraph("Ibsen, K. (2008). Bridges of the north. Harbour Press.")
    d.add_paragraph("Lund, P. (2011). A river never cited. Delta Books.")
    d.save(str(path))


def _anchored(path: Path) -> dict[str, str]:
    """Comment id -> the text between its commentRangeStart and commentRangeEnd."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    open_ids: set[str] = set()
    found: dict[str, str] = {}
    for el in root.iter():
        if el.tag == _W + "commentRangeStart":
            open_ids.add(el.get(_W + "id"))
            found.setdefault(el.get(_W + "id"), "")
        elif el.tag == _W + "commentRangeEnd":
            open_ids.discard(el.get(_W + "id"))
        elif el.tag == _W + "t":
            for i in open_ids:
                found[i] += el.text or ""
    return found


def test_every_located_finding_has_one_comment_on_its_words(tmp_path: Path) -> None:
    subs, out = tmp_path / "class", tmp_path / "report"
    folder = subs / "Ida Berg_5150_assignsubmission_file_"
    folder.mkdir(parents=True)
    original = folder / "essay.docx"
    _essay(original)
    before = hashlib.sha256(original.read_bytes()).hexdigest()
    outcome = grade_folder(subs, out, rubric=default_rubric(), settings=FAST, jobs=1)
    assert hashlib.sha256(original.read_bytes()).hexdigest() == before  # untouched

    rules = select_rules(all_rules(), FAST.select, FAST.ignore)
    result = lint_path(str(original), FAST, rules)
    assert result.document is not None
    located = [
        f for f in result.findings if result.document.text[f.span.start : f.span.end].strip()
    ]
    assert len(located) >= 3  # year-mismatch across runs, a missing reference, uncited entries

    (record,) = outcome.records
    assert record.feedback == "feedback/ida-berg-essay.docx"
    copy = out / record.feedback
    comments = list(docx.Document(str(copy)).comments)
    assert len(comments) == len(located) == record.comments
    anchored = _anchored(copy)
    by_id = {str(c.comment_id): c for c in comments}
    expected = sorted(
        (result.document.text[f.span.start : f.span.end], f"{f.code} {f.rule}") for f in located
    )
    got = sorted((anchored[i], by_id[i].text.split(" (")[0]) for i in by_id)
    assert got == expected
    assert all(c.author == "essaylint" for c in comments)
    # The copy still reads as the same essay.
    text = "\n".join(p.text for p in docx.Document(str(copy)).paragraphs)
    assert text == "\n".join(p.text for p in docx.Document(str(original)).paragraphs)
    page = (out / record.page).read_text(encoding="utf-8") if record.page else ""
    assert 'href="feedback/ida-berg-essay.docx"' in page


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_feedback_copy_renders_in_libreoffice(tmp_path: Path) -> None:
    subs, out = tmp_path / "class", tmp_path / "report"
    subs.mkdir()
    _essay(subs / "ida.docx")
    grade_folder(subs, out, rubric=default_rubric(), settings=FAST, jobs=1)
    copy = out / "feedback" / "ida.docx"
    profile = tmp_path / "lo-profile"
    notes = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
    proc = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         notes, "--outdir", str(tmp_path / "pdf"), str(copy)],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    pdf = tmp_path / "pdf" / "ida.pdf"
    assert pdf.is_file(), proc.stderr
    from pypdf import PdfReader

    pages = PdfReader(pdf).pages
    text = " ".join(page.extract_text() or "" for page in pages)
    assert "Towns grew where rivers" in text
    # LibreOffice read every comment: each is a PDF note with its text and author.
    notes_found = [
        str(a.get_object().get("/Contents"))
        for page in pages
        for a in page.get("/Annots") or []
        if a.get_object().get("/Subtype") == "/Text"
    ]
    comments = [c.text for c in docx.Document(str(copy)).comments]
    assert len(notes_found) == len(comments) >= 3
    assert sorted(n.split(":")[0] for n in notes_found) == sorted(c.split(":")[0] for c in comments)
