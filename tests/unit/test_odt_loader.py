"""OpenDocument .odt essays (odfpy): paragraphs, ODF spacing, what is skipped, bad files."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from odf.opendocument import OpenDocumentSpreadsheet, OpenDocumentText
from odf.table import Table, TableCell, TableRow
from odf.text import H, LineBreak, List, ListItem, Note, NoteBody, NoteCitation, P, S, Span, Tab

from essaylint.config import Settings
from essaylint.loaders import LoadError, load_path
from essaylint.pipeline import lint_path
from essaylint.reporters.location import finding_region

MANIFEST = (
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
    '<manifest:file-entry manifest:full-path="/"'
    ' manifest:media-type="application/vnd.oasis.opendocument.text"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def save(document: OpenDocumentText | OpenDocumentSpreadsheet, path: Path) -> Path:
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def essay_odt(path: Path) -> Path:
    doc = OpenDocumentText()
    doc.text.addElement(H(outlinelevel=1, text="Feedback and learning"))
    body = P(text="Feedback helps students   improve (Okafor, 2019).")
    note = Note(noteclass="footnote")
    note.addElement(NoteCitation(text="1"))
    note_body = NoteBody()
    note_body.addElement(P(text="A footnote that is not running text."))
    note.addElement(note_body)
    body.addElement(note)
    body.addElement(S(c=2))
    body.addElement(Span(text="Late feedback is ignored (Lee, 2021)."))
    doc.text.addElement(body)
    items = List()
    item = ListItem()
    item.addElement(P(text="first point"))
    items.addElement(item)
    doc.text.addElement(items)
    table = Table()
    row = TableRow()
    cell = TableCell()
    cell.addElement(P(text="a table cell"))
    row.addElement(cell)
    table.addElement(row)
    doc.text.addElement(table)
    broken = P(text="one line")
    broken.addElement(LineBreak())
    broken.addElement(Tab())
    broken.addText("and the next")
    doc.text.addElement(broken)
    doc.text.addElement(H(outlinelevel=1, text="References"))
    doc.text.addElement(P(text="Okafor, N. (2019). Feedback that works. Northfield Press."))
    doc.text.addElement(P(text="Lee, A. (2020). Late arrivals. Northfield Press."))
    return save(doc, path)


def test_odt_one_block_per_paragraph_with_odf_spacing(tmp_path: Path) -> None:
    doc = load_path(essay_odt(tmp_path / "essay.odt"))
    assert doc.format == "odt"
    blocks = doc.text.split("\n\n")
    assert blocks[0] == "Feedback and learning"
    # A run of spaces in the XML is one space; <text:s c="2"/> is two; the footnote is skipped.
    assert (
        blocks[1]
        == "Feedback helps students improve (Okafor, 2019).  Late feedback is ignored (Lee, 2021)."
    )
    assert blocks[2:5] == ["first point", "a table cell", "one line\n\tand the next"]
    assert "footnote" not in doc.text
    assert [b.kind for b in doc.blocks[:5]] == [
        "heading",
        "paragraph",
        "list-item",
        "table-cell",
        "paragraph",
    ]
    assert doc.blocks[0].level == 1
    # A blank line between paragraphs reports the paragraph before it; the line
    # break keeps its paragraph's number: text lines 9 and 10 are paragraph 5.
    assert doc.source_lines is not None
    assert doc.source_lines[:11] == (1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 5)


def test_odt_essay_is_checked_like_any_other(tmp_path: Path) -> None:
    result = lint_path(essay_odt(tmp_path / "essay.odt"), settings=Settings(select=("C",)))
    assert result.error is None
    codes = sorted((f.code, finding_region(result, f).line) for f in result.findings)
    # Lee 2021 against the 2020 entry; reported on paragraph 2.
    assert ("C102", 2) in codes
    assert all(code != "C101" for code, _ in codes)


def test_odt_paragraphs_are_separate_for_the_prose_rules(tmp_path: Path) -> None:
    # Like .docx: a word ending one paragraph and starting the next is not a repeat,
    # and a quotation cannot run on from one paragraph into the next.
    doc = OpenDocumentText()
    doc.text.addElement(P(text="Students worked in"))
    doc.text.addElement(P(text="in the end they agreed."))
    doc.text.addElement(P(text="She said \u201cwe will start"))
    doc.text.addElement(P(text="again tomorrow\u201d in class."))
    path = save(doc, tmp_path / "paras.odt")
    result = lint_path(path, settings=Settings(select=("T402", "T404")))
    assert [f.code for f in result.findings if f.code == "T402"] == []
    assert [f.code for f in result.findings if f.code == "T404"] == ["T404", "T404"]


def test_odt_spreadsheet_is_refused(tmp_path: Path) -> None:
    path = save(OpenDocumentSpreadsheet(), tmp_path / "sheet.odt")
    with pytest.raises(LoadError, match="not an OpenDocument text file"):
        load_path(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"plain words, not a zip", "not a valid .odt file (it is not a zip container)"),
        (b"PK\x03\x04 truncated", "not a valid .odt file (the zip container is damaged)"),
    ],
)
def test_bad_odt_is_one_clear_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "essay.odt"
    path.write_bytes(content)
    with pytest.raises(LoadError) as info:
        load_path(path)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_password_protected_odt(tmp_path: Path) -> None:
    path = tmp_path / "locked.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", b"\x8f\x01encrypted bytes")
        archive.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
            '><manifest:file-entry manifest:full-path="content.xml">'
            "<manifest:encryption-data/></manifest:file-entry></manifest:manifest>",
        )
    with pytest.raises(LoadError, match="password-protected"):
        load_path(path)


def test_odt_without_content_xml(tmp_path: Path) -> None:
    path = tmp_path / "hollow.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    with pytest.raises(LoadError, match=r"has no content\.xml"):
        load_path(path)


def test_odt_with_broken_xml(tmp_path: Path) -> None:
    path = tmp_path / "broken.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content><unclosed>")
    with pytest.raises(LoadError, match=r"not a valid \.odt file"):
        load_path(path)


def test_odt_with_odd_space_counts(tmp_path: Path) -> None:
    path = tmp_path / "odd.odt"
    content = (
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
        '<text:p>a<text:s text:c="x"/>b<text:s text:c="999999999"/>c</text:p>'
        "</office:text></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", MANIFEST)
    text = load_path(path).text
    assert text.startswith("a b ")
    assert text.endswith("c")
    assert len(text) < 300


def test_empty_odt(tmp_path: Path) -> None:
    path = save(OpenDocumentText(), tmp_path / "empty.odt")
    with pytest.raises(LoadError, match="is empty"):
        load_path(path)


def test_loading_odt_never_changes_the_file(tmp_path: Path) -> None:
    path = essay_odt(tmp_path / "essay.odt")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    load_path(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_an_odt_laid_out_like_pandocs_is_read_quietly(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    # pandoc writes white space (and a manifest.rdf) between office:body and office:text;
    # odfpy's document.text is then an empty stand-in, and the essay was called empty.
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    content = (
        f'<?xml version="1.0" encoding="utf-8" ?>\n<office:document-content {ns} '
        'office:version="1.3">\n<office:body>\n<office:text>\n'
        '<text:h text:outline-level="1">Night Buses</text:h>\n'
        "<text:p>Late workers ride them (Okafor, 2019).</text:p>\n"
        '<text:h text:outline-level="1">References</text:h>\n'
        "<text:p>Okafor, T. (2018). Who rides at night? Transport and Society, 12(4), "
        "233-250.</text:p>\n</office:text>\n</office:body>\n</office:document-content>\n"
    )
    manifest = (
        '<?xml version="1.0" encoding="utf-8"?>\n<manifest:manifest xmlns:manifest='
        '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">\n'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type='
        '"application/vnd.oasis.opendocument.text"/>\n<manifest:file-entry '
        'manifest:full-path="content.xml" manifest:media-type="text/xml"/>\n'
        "</manifest:manifest>\n"
    )
    path = tmp_path / "pandoc.odt"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    result = lint_path(path, Settings(select=("C",)))
    assert result.error is None
    assert [(f.code, f.citation.year if f.citation else None) for f in result.findings] == [
        ("C102", "2019")
    ]
    captured = capfd.readouterr()
    assert captured.out == ""
    assert captured.err == ""
