"""Loaders: every format, positions back into the file, and every kind of bad input."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essaylint.loaders import LoadError, load_bytes, load_path
from essaylint.loaders.latex import blank_latex_comments, latex_bib_paths, read_latex
from essaylint.loaders.text import decode_bytes
from essaylint.models import Document

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.word_xml import CONTENT_TYPES, text_paragraph, write_docx

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "loaders"


def _pos(doc: Document, word: str) -> tuple[int, int]:
    position = doc.position(doc.text.index(word))
    return position.line, position.column


def _make_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_heading("Social media and tourism", level=1)  # paragraph 1
    document.add_paragraph("")  # paragraph 2 (empty, still counted)
    para = document.add_paragraph("Travellers plan trips online ")  # paragraph 3
    para.add_run("(Pan et al., 2017)").italic = True
    para.add_run(".")
    table = document.add_table(rows=1, cols=2)  # paragraphs 4 and 5
    table.cell(0, 0).text = "Cell one"
    table.cell(0, 1).text = "Cell two"
    broken = document.add_paragraph("First half")  # paragraph 6, two text lines
    run = broken.add_run()
    run.add_break()
    run.add_text("after a manual break")
    document.add_paragraph("References")  # paragraph 7
    document.add_paragraph("Pan, B. (2017). Title. Journal, 1(2), 3\u20134.")  # paragraph 8
    document.save(str(path))
    return path


# -- formats ----------------------------------------------------------------------------


def test_plain_text_positions(tmp_path: Path) -> None:
    path = tmp_path / "essay.txt"
    path.write_text("First line.\nSecond line has Goographies here.\n", encoding="utf-8")
    doc = load_path(path)
    assert doc.format == "text"
    assert doc.encoding == "utf-8"
    assert doc.notes == ()
    assert doc.path == str(path)
    assert _pos(doc, "Goographies") == (2, 17)


def test_markdown_kept_as_is() -> None:
    path = FIXTURES / "essay.md"
    doc = load_path(path)
    assert doc.format == "markdown"
    assert doc.text == path.read_text(encoding="utf-8")
    assert _pos(doc, "Ellison (2007)") == (4, 10)
    assert "<!-- essaylint: ignore[C104] -->" in doc.text
    # typography is not normalised
    assert "“social network sites” —" in doc.text
    assert "210–230" in doc.text


def test_unknown_suffix_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "essay.rst"
    path.write_text("Title\n=====\n\nBody text.\n", encoding="utf-8")
    doc = load_path(path)
    assert doc.format == "text"
    assert _pos(doc, "Body") == (4, 1)


def test_crlf_preserved_and_columns_match(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Line one\r\nLine two has target\r\nLine three\r\n")
    doc = load_path(path)
    assert "\r\n" in doc.text
    assert doc.text == "Line one\r\nLine two has target\r\nLine three\r\n"
    assert _pos(doc, "target") == (2, 14)
    assert _pos(doc, "three") == (3, 6)
    assert doc.line_text(1) == "Line two has target"


def test_special_characters_kept(tmp_path: Path) -> None:
    text = "Non\u00a0breaking, \u201ccurly\u201d \u2018quotes\u2019, 9\u201310, soft\u00adhyphen"
    path = tmp_path / "chars.txt"
    path.write_text(text, encoding="utf-8")
    assert load_path(path).text == text


def test_utf8_bom_stripped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfHello world\n")
    doc = load_path(path)
    assert doc.text == "Hello world\n"
    assert _pos(doc, "world") == (1, 7)
    assert doc.notes == ()


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("Ein Aufsatz über Städte.\n".encode("utf-16"))
    doc = load_path(path)
    assert doc.text == "Ein Aufsatz über Städte.\n"
    assert doc.encoding == "utf-16"
    assert any("utf-16" in note for note in doc.notes)


def test_windows_1252_file_gets_a_note() -> None:
    doc = load_path(FIXTURES / "windows1252.txt")
    assert doc.encoding == "windows-1252"
    assert doc.notes == ("decoded as windows-1252 (not valid UTF-8)",)
    assert doc.text.startswith("Café culture “quoted” – an en dash.\r\n")
    assert _pos(doc, "résumé") == (2, 24)


def test_latin1_text_gets_a_note(tmp_path: Path) -> None:
    text = "Les élèves étudient à Montréal; ça coûte cher. " * 20 + "\n"
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    doc = load_path(path)
    assert doc.text == text
    assert doc.encoding != "utf-8"
    assert len(doc.notes) == 1
    assert doc.notes[0].startswith("decoded as ")
    assert doc.notes[0].endswith("(not valid UTF-8)")


def test_invalid_utf8_falls_back_and_says_so(tmp_path: Path) -> None:
    # Valid UTF-8 except one stray byte in the middle.
    data = "Mostly fine UTF-8 text with “quotes”.\n".encode() + b"Broken \xff byte here.\n"
    path = tmp_path / "broken.txt"
    path.write_bytes(data)
    doc = load_path(path)
    assert "Broken" in doc.text
    assert "byte here." in doc.text
    assert doc.encoding != "utf-8"
    assert doc.notes
    assert "not valid UTF-8" in doc.notes[0]
    assert _pos(doc, "Broken") == (2, 1)


def test_docx_one_block_per_paragraph(tmp_path: Path) -> None:
    path = _make_docx(tmp_path / "essay.docx")
    doc = load_path(path)
    assert doc.format == "docx"
    # A blank line between paragraphs (empty ones are dropped); a manual break
    # starts a new line of the same paragraph.
    assert doc.text.split("\n\n") == [
        "Social media and tourism",
        "Travellers plan trips online (Pan et al., 2017).",
        "Cell one",
        "Cell two",
        "First half\nafter a manual break",
        "References",
        "Pan, B. (2017). Title. Journal, 1(2), 3\u20134.",
    ]
    assert [(b.kind, b.level) for b in doc.blocks] == [
        ("heading", 1),
        ("paragraph", 0),
        ("table-cell", 0),
        ("table-cell", 0),
        ("paragraph", 0),
        ("paragraph", 0),
        ("paragraph", 0),
    ]
    assert doc.text[doc.blocks[4].start : doc.blocks[4].end] == "First half\nafter a manual break"
    # line = paragraph number; the column is within the paragraph
    assert _pos(doc, "(Pan et al.") == (3, 30)
    assert _pos(doc, "Cell two") == (5, 1)
    assert _pos(doc, "after a manual break") == (6, 1)
    assert _pos(doc, "References") == (7, 1)
    assert _pos(doc, "Journal") == (8, 24)


def test_docx_tracked_changes_and_field_codes(tmp_path: Path) -> None:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = (
        f"<w:document {w}><w:body>"
        "<w:p><w:r><w:t>Kept </w:t></w:r>"
        "<w:del><w:r><w:delText>deleted </w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>inserted</w:t></w:r></w:ins></w:p>"
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        "<w:r><w:instrText> CITATION Smi19 \\l 1033 </w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>(Smith, 2019)</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>Bibliography entry</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
        "</w:body></w:document>"
    )
    path = tmp_path / "tracked.docx"
    _write_minimal_docx(path, body)
    doc = load_path(path)
    assert doc.text == "Kept inserted\n\n(Smith, 2019)\n\nBibliography entry"
    assert _pos(doc, "Bibliography") == (3, 1)


def _write_minimal_docx(path: Path, document_xml: str, *, with_document: bool = True) -> None:
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", rels)
        if with_document:
            archive.writestr("word/document.xml", document_xml)
        else:
            archive.writestr("word/other.xml", document_xml)


def test_latex_comments_blanked_keeping_offsets() -> None:
    path = FIXTURES / "essay.tex"
    original = path.read_text(encoding="utf-8")
    doc = load_path(path)
    assert doc.format == "latex"
    assert len(doc.text) == len(original)
    assert doc.text.count("\n") == original.count("\n")
    # commented-out prose and commands are gone
    assert "Goographies" not in doc.text
    assert "hidden" not in doc.text
    assert "a trailing remark" not in doc.text
    assert "old" not in doc.text
    # escaped percent, url percent, verbatim percent and suppressions stay
    assert "Discounts of 50\\% are common. % essaylint: ignore[T401]" in doc.text
    assert "\\url{https://example.org/a%20b}" in doc.text
    assert "100% literal" in doc.text
    # positions are the file's positions
    assert _pos(doc, "\\cite{pan2017}") == (4, 30)
    assert doc.text.index("\\cite{pan2017}") == original.index("\\cite{pan2017}")


def test_blank_latex_comments_edge_cases() -> None:
    assert blank_latex_comments("a % b\r\nc") == "a    \r\nc"
    assert blank_latex_comments("line\\\\% comment") == "line\\\\         "
    assert blank_latex_comments("50\\% off") == "50\\% off"
    assert blank_latex_comments("\\verb|%x| % y") == "\\verb|%x|    "
    text = "\\begin{comment}\nhidden text\n\\end{comment}\nshown"
    blanked = blank_latex_comments(text)
    assert "hidden" not in blanked
    assert blanked.endswith("\\end{comment}\nshown")
    assert len(blanked) == len(text)


def test_latex_bib_paths(tmp_path: Path) -> None:
    tex = tmp_path / "paper.tex"
    text = (
        "\\bibliography{refs, extra.bib}\n"
        "% \\bibliography{commented}\n"
        "\\addbibresource[datatype=bibtex]{more.bib}\n"
        "\\addbibresource{refs.bib}\n"
    )
    assert latex_bib_paths(tex, text) == [
        tmp_path / "refs.bib",
        tmp_path / "extra.bib",
        tmp_path / "more.bib",
    ]
    assert latex_bib_paths(FIXTURES / "essay.tex", (FIXTURES / "essay.tex").read_text()) == [
        FIXTURES / "refs.bib"
    ]


def test_html_visible_text_and_source_lines() -> None:
    doc = load_path(FIXTURES / "essay.html")
    assert doc.format == "html"
    assert doc.text.split("\n\n") == [
        "Social media & tourism",
        "Travellers plan trips online (Pan et al., 2017).",
        "<!-- essaylint: ignore[C104] -->",
        "First point",
        "Second\u00a0point\ncontinued",
        "Cell one\tCell two",
    ]
    assert [(b.kind, b.level) for b in doc.blocks] == [
        ("heading", 1),
        ("paragraph", 0),
        ("paragraph", 0),
        ("list-item", 0),
        ("list-item", 0),
        ("table-cell", 0),
    ]
    assert "Not visible" not in doc.text
    assert "Goographies" not in doc.text
    assert "color" not in doc.text
    assert _pos(doc, "Social media") == (9, 7)
    assert _pos(doc, "Travellers") == (10, 6)
    assert _pos(doc, "(Pan et al.") == (11, 13)  # where it is in the source, not line 10
    assert _pos(doc, "essaylint") == (12, 6)
    assert _pos(doc, "Second") == (14, 29)
    assert _pos(doc, "continued") == (14, 50)
    assert _pos(doc, "Cell two") == (16, 35)


def test_html_pre_and_declared_charset(tmp_path: Path) -> None:
    html = (
        '<html><head><meta charset="windows-1252"></head><body>\n'
        "<pre>first  line\nsecond line</pre>\n<p>Caf\xe9</p></body></html>"
    )
    path = tmp_path / "page.htm"
    path.write_bytes(html.encode("cp1252"))
    doc = load_path(path)
    assert doc.text == "first  line\nsecond line\n\nCafé"
    assert [b.kind for b in doc.blocks] == ["code", "paragraph"]
    assert doc.encoding == "windows-1252"
    assert _pos(doc, "second") == (3, 1)
    assert _pos(doc, "Café") == (4, 4)


def test_docx_content_with_txt_name_is_read_as_docx(tmp_path: Path) -> None:
    real = _make_docx(tmp_path / "essay.docx")
    renamed = tmp_path / "essay.txt"
    renamed.write_bytes(real.read_bytes())
    doc = load_path(renamed)
    assert doc.format == "docx"
    assert "read as .docx" in doc.notes[0]


# -- bad input ------------------------------------------------------------------------


def _error(path: Path, **kwargs: int) -> str:
    with pytest.raises(LoadError) as info:
        load_path(path, **kwargs)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"cannot read {path}")
    return message


def test_missing_path(tmp_path: Path) -> None:
    assert "no such file" in _error(tmp_path / "nope.txt")


def test_directory(tmp_path: Path) -> None:
    assert "is a directory" in _error(tmp_path)


@pytest.mark.skipif(
    sys.platform == "win32" or (hasattr(os, "geteuid") and os.geteuid() == 0),
    reason="root can read anything",
)
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("text", encoding="utf-8")
    path.chmod(0)
    try:
        assert "permission denied" in _error(path)
    finally:
        path.chmod(0o600)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert _error(path).endswith("is empty")
    blank = tmp_path / "blank.md"
    blank.write_bytes(b"  \n\r\n\t\n")
    assert "is empty" in _error(blank)


def test_binary_junk(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(256)) * 40)
    assert "does not look like text" in _error(path)


def test_mostly_control_characters_without_nul(tmp_path: Path) -> None:
    path = tmp_path / "controls.txt"
    path.write_bytes(bytes(range(1, 32)) * 100 + b"a few words")
    assert "does not look like text" in _error(path)


def test_random_bytes_named_docx(tmp_path: Path) -> None:
    path = tmp_path / "random.docx"
    path.write_bytes(bytes((i * 37 + 11) % 256 for i in range(4096)))
    message = _error(path)
    assert "not a valid .docx file" in message


def test_truncated_docx(tmp_path: Path) -> None:
    real = _make_docx(tmp_path / "real.docx")
    path = tmp_path / "truncated.docx"
    path.write_bytes(real.read_bytes()[: real.stat().st_size // 2])
    assert "not a valid .docx file (the zip container is damaged)" in _error(path)


def test_docx_with_damaged_member(tmp_path: Path) -> None:
    real = _make_docx(tmp_path / "real.docx")
    data = bytearray(real.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 10, start + 60):
        data[i] ^= 0x5A
    path = tmp_path / "damaged.docx"
    path.write_bytes(bytes(data))
    assert "not a valid .docx file" in _error(path)


def test_encrypted_docx(tmp_path: Path) -> None:
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000)
    assert "is encrypted or not a .docx (an old binary Word file?)" in _error(path)


def test_zip_without_document_xml(tmp_path: Path) -> None:
    path = tmp_path / "nodoc.docx"
    _write_minimal_docx(path, "<x/>", with_document=False)
    assert "no word/document.xml" in _error(path)


def test_docx_whose_main_part_has_another_name(tmp_path: Path) -> None:
    # Word for the web saves the body as word/document2.xml; the package's
    # relationships name it, and the file is read as any .docx is, under any name.
    body = [text_paragraph("Harbour tides rise (Quill, 2019).")]
    saved = write_docx(tmp_path / "web.docx", body, main_part="document2.xml")
    with zipfile.ZipFile(saved) as archive:
        assert "word/document.xml" not in archive.namelist()
    assert load_path(saved).text == "Harbour tides rise (Quill, 2019)."
    renamed = tmp_path / "web.txt"
    renamed.write_bytes(saved.read_bytes())
    assert load_path(renamed).text == "Harbour tides rise (Quill, 2019)."


def test_docx_with_broken_xml(tmp_path: Path) -> None:
    path = tmp_path / "badxml.docx"
    _write_minimal_docx(path, "<w:document><w:body><w:p>unclosed")
    assert "not a valid .docx file" in _error(path)


def test_unsupported_formats(tmp_path: Path) -> None:
    pdf = tmp_path / "essay.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    assert "not a valid PDF file" in _error(pdf)  # read by the PDF loader since issue 6
    doc = tmp_path / "essay.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x01" * 600)
    assert ".doc" in _error(doc)


def test_too_large_says_size_and_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 3000)
    message = _error(path, max_bytes=10_000)
    assert "too large" in message
    assert "14.6 KB" in message
    assert "9.8 KB" in message


def test_twenty_megabyte_text_loads(tmp_path: Path) -> None:
    line = "An essay sentence with a citation (Smith, 2019) and ordinary words.\n"
    count = 20 * 1024 * 1024 // len(line)
    path = tmp_path / "huge.txt"
    path.write_text(line * count, encoding="utf-8")
    assert path.stat().st_size <= 20 * 1024 * 1024
    doc = load_path(path)
    assert len(doc.text) == len(line) * count
    assert doc.position(len(doc.text) - 1).line == count


def test_over_default_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "toobig.txt"
    with path.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)  # sparse: no need to write 21 MB
    assert "the limit is 20.0 MB" in _error(path)


@pytest.mark.parametrize(
    "name",
    ["essay.md", "essay.tex", "essay.html", "windows1252.txt"],
)
def test_loading_never_changes_the_file(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes((FIXTURES / name).read_bytes())
    _assert_unchanged_after_load(path)


def test_loading_docx_never_changes_the_file(tmp_path: Path) -> None:
    _assert_unchanged_after_load(_make_docx(tmp_path / "essay.docx"))


def test_failed_load_never_changes_the_file(tmp_path: Path) -> None:
    path = tmp_path / "truncated.docx"
    path.write_bytes(_make_docx(tmp_path / "real.docx").read_bytes()[:300])
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    with pytest.raises(LoadError):
        load_path(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def _assert_unchanged_after_load(path: Path) -> None:
    os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    before_bytes = path.read_bytes()
    before = path.stat()
    load_path(path)
    after = path.stat()
    assert path.read_bytes() == before_bytes
    assert after.st_mtime_ns == before.st_mtime_ns
    assert after.st_size == before.st_size


def test_load_bytes_without_a_file() -> None:
    doc = load_bytes(b"# Title\n\nText (Smith, 2019).\n", "notes.md")
    assert doc.format == "markdown"
    assert _pos(doc, "Smith") == (3, 7)


def test_decode_bytes_utf16_without_bom() -> None:
    decoded = decode_bytes("Plain essay text here.".encode("utf-16-le"), "x.txt")
    assert decoded.text == "Plain essay text here."
    assert decoded.encoding == "utf-16-le"


def test_text_cold_start_does_not_import_heavy_libraries(tmp_path: Path) -> None:
    path = tmp_path / "essay.txt"
    path.write_text("A short essay (Smith, 2019).\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from essaylint.loaders import load_path\n"
        f"load_path({str(path)!r})\n"
        "heavy = {'docx', 'bs4', 'pybtex', 'charset_normalizer', 'lxml'} & set(sys.modules)\n"
        "print(sorted(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# -- properties -----------------------------------------------------------------------

_LATEX_ALPHABET = st.sampled_from([*"ab %\\{}\n\r|", "\\url{", "\\verb|", "\\\\"])


@given(st.lists(_LATEX_ALPHABET, max_size=60).map("".join))
def test_blanking_latex_comments_keeps_every_offset(text: str) -> None:
    blanked = blank_latex_comments(text)
    assert len(blanked) == len(text)
    for before, after in zip(text, blanked, strict=True):
        assert after in (before, " ")
        if before in "\r\n":
            assert after == before


@settings(max_examples=200)
@given(st.binary(max_size=400), st.sampled_from([".txt", ".md", ".tex", ".html", ".docx"]))
def test_any_bytes_load_or_raise_load_error(data: bytes, suffix: str) -> None:
    message = ""
    try:
        doc = load_bytes(data, "input" + suffix)
    except LoadError as error:
        message = str(error)
    if message:
        assert message.startswith("cannot read input")
        assert "\n" not in message
    else:
        assert doc.text.strip()


def test_web_links_give_entries_their_address_in_html_and_docx(tmp_path: Path) -> None:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    from essaylint.config import Settings
    from essaylint.pipeline import lint_path

    html = (
        "<h1>Waste</h1><p>Kitchens waste food (Moretti, 2018; Food Hub, 2020).</p>"
        "<h2>References</h2><p>Moretti, L. (2018). <a href='https://doi.org/10.5555/abc.1'>Food "
        "waste audits</a>. <i>Waste Letters</i>, 14(2), 88-97.</p><p>Food Hub. (2020). "
        "<a href='https://foodhub.example.org/guide'>A guide to kitchen waste</a>. Retrieved "
        "from the Food Hub website.</p><p><a href='#top'>Back to top</a></p>"
    )
    page = tmp_path / "essay.html"
    page.write_text(html, encoding="utf-8")
    doc = load_path(page)
    assert [(doc.text[h.start : h.end], h.target) for h in doc.hyperlinks] == [
        ("Food waste audits", "https://doi.org/10.5555/abc.1"),
        ("A guide to kitchen waste", "https://foodhub.example.org/guide"),
    ]

    document = docx.Document()
    document.add_paragraph("Kitchens waste food (Hubbard, 2020).")
    document.add_paragraph("References")
    entry = document.add_paragraph("Hubbard, F. (2020). ")
    rel_id = document.part.relate_to(
        "https://foodhub.example.org/guide", RELATIONSHIP_TYPE.HYPERLINK, is_external=True
    )
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "A guide to kitchen waste"
    run.append(text)
    link.append(run)
    entry._p.append(link)
    entry.add_run(". Retrieved from the Food Hub website.")
    path = tmp_path / "essay.docx"
    document.save(str(path))

    expected = {
        page: {
            "Moretti": (None, "10.5555/abc.1"),
            "Food Hub": ("https://foodhub.example.org/guide", None),
        },
        path: {"Hubbard": ("https://foodhub.example.org/guide", None)},
    }
    for essay, addresses in expected.items():
        result = lint_path(essay, Settings(select=("C", "R")))
        # Without the link targets, the retrieved web pages would have no URL (R201).
        assert [f.code for f in result.findings] == [], essay.name
        assert {r.authors[0].family: (r.url, r.doi) for r in result.references} == addresses


def _with_footnotes(path: Path, notes: dict[int, str]) -> None:
    """Add a footnotes part with ``notes`` (id -> text) to the .docx at ``path``."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        for i, text in notes.items()
    )
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{w}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        f"</w:footnote>{body}</w:footnotes>"
    )
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    rel = (
        '<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>'
    )
    parts["word/_rels/document.xml.rels"] = (
        parts["word/_rels/document.xml.rels"].decode().replace("</Relationships>", rel).encode()
    )
    override = (
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.footnotes+xml"/></Types>'
    )
    parts["[Content_Types].xml"] = (
        parts["[Content_Types].xml"].decode().replace("</Types>", override).encode()
    )
    parts["word/footnotes.xml"] = footnotes.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_word_footnotes_are_read_after_the_paragraph_that_marks_them(tmp_path: Path) -> None:
    import docx
    from docx.oxml.parser import OxmlElement

    from essaylint.config import Settings
    from essaylint.pipeline import lint_path

    document = docx.Document()
    para = document.add_paragraph("Naps help memory (Harrow, 2018).")
    for note_id in ("1", "2"):
        run = para.add_run()
        mark = OxmlElement("w:footnoteReference")
        mark.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}id", note_id)
        run._r.append(mark)
    document.add_paragraph("References")
    document.add_paragraph("Harrow, P. (2018). The resting mind. Meridian Press.")
    document.add_paragraph("Okafor, N. (2020). Afternoon sleep. Learning Quarterly, 7(2), 30-50.")
    path = tmp_path / "notes.docx"
    document.save(str(path))
    _with_footnotes(path, {1: "See also Okafor (2020) on exams.", 2: "A second note."})

    doc = load_path(path)
    assert doc.text.split("\n\n")[:3] == [
        "Naps help memory (Harrow, 2018).¹²",
        "¹ See also Okafor (2020) on exams.",
        "² A second note.",
    ]
    assert [b.kind for b in doc.blocks[:3]] == ["paragraph", "footnote", "footnote"]
    # Okafor is cited only in the footnote: not an uncited entry; the notes are no entries.
    result = lint_path(path, Settings(select=("C", "R")))
    assert [f.code for f in result.findings] == []
    assert [r.authors[0].family for r in result.references] == ["Harrow", "Okafor"]
    assert result.document is not None
    assert result.document.position(result.citations[-1].span.start).line == 1


# A post written straight into one <p>, its list typed as blank-line paragraphs.
_TYPED_LIST_PAGE = """<section>
  <p>Tidal mills were common on the estuary, as Marlowe (2013) shows, and
     they outlasted the windmills by decades (Quist and
     Oduya, 2016).</p>
  <p>
     Works Cited

     Marlowe, E. (2013) Mills of the lower river. Harbour Press.

     Quist, B. &amp; Oduya, K. (2016) Tides and grain. Coastal History 8(2): 14-29.
  </p>
</section>
"""


def test_html_blank_line_inside_paragraph_starts_a_block() -> None:
    doc = load_bytes(_TYPED_LIST_PAGE.encode(), "post.html")
    assert doc.text.split("\n\n") == [
        "Tidal mills were common on the estuary, as Marlowe (2013) shows, and they outlasted"
        " the windmills by decades (Quist and Oduya, 2016).",
        "Works Cited",
        "Marlowe, E. (2013) Mills of the lower river. Harbour Press.",
        "Quist, B. & Oduya, K. (2016) Tides and grain. Coastal History 8(2): 14-29.",
    ]
    assert _pos(doc, "Works Cited") == (6, 6)
    assert _pos(doc, "Quist, B.") == (10, 6)


_ONE_PARAGRAPH_LIST_PAGE = """<html><body>
<p>Tides shape towns (Marsh, 2019) and trade (Harbour Skills, 2024; Quill, 2016).</p>
<h3>References</h3>
<p>
    Marsh, S. (2019). Tides and towns, Harbour Press.
    Harbour Skills. (2024). What was the harbour scramble?, Available at: https://example.org/s
    Quill, T. (2016). Trade at sea. Available at: https://example.org/trade
    Vale, S. (2013). Going further. Harbour Press.
</p>
<p>
    [1] Ada Marsh, Tom Quill, "Evaluation of learning online in harbour towns: A
    critical review", Journal of Tides (JT), 2015, Vol. 11, pp. 168-183,
</p>
</body></html>
"""


def test_html_paragraph_typed_as_a_list_keeps_a_line_per_entry() -> None:
    """A browser runs the lines of one <p> together; a list typed one entry to a source
    line stays a list, and an entry wrapped over source lines stays one line."""
    doc = load_bytes(_ONE_PARAGRAPH_LIST_PAGE.encode(), "post.html")
    blocks = doc.text.split("\n\n")
    assert blocks[2].split("\n") == [
        "Marsh, S. (2019). Tides and towns, Harbour Press.",
        "Harbour Skills. (2024). What was the harbour scramble?, Available at: https://example.org/s",
        "Quill, T. (2016). Trade at sea. Available at: https://example.org/trade",
        "Vale, S. (2013). Going further. Harbour Press.",
    ]
    assert blocks[3].startswith('[1] Ada Marsh, Tom Quill, "Evaluation of learning online in')
    assert "\n" not in blocks[3]
    assert _pos(doc, "Harbour Skills. (2024)") == (6, 5)
    assert _pos(doc, "Vale, S.") == (8, 5)


_HARVARD_ONE_PARAGRAPH_PAGE = """<html><body>
<p>Maps are power (Pellow, 2015). Rules follow maps (Tennant, 2001), and so
Tennant, as Pellow says, 2015. was right about the ledger.
Quarrie, 2016. wrote too.</p>
<h2>Bibliography</h2>
<p>
    Aldous L, M. P., 2016. Ledgers of power. Journal of harbour studies , 2(2), pp. 65-66.
Tennant, R. F., 2001. Tides and freedom, s.l.: Harbour Institute .
Pellow, S. D. S. a. M. A. Z., 2015. Towards a map of harbours. Geo: Harbours , 2(1), pp. 88-105.
</p>
</body></html>
"""


def test_html_paragraph_of_harvard_entries_keeps_a_line_per_entry() -> None:
    """Entries whose year follows the names without brackets ("Tennant, R. F., 2001.")
    typed one to a source line in one <p> are a list too; prose wrapped over source
    lines stays one line even where a line starts with a name and a year."""
    doc = load_bytes(_HARVARD_ONE_PARAGRAPH_PAGE.encode(), "post.html")
    blocks = doc.text.split("\n\n")
    assert "\n" not in blocks[0]
    firsts = [line.split(",")[0] for line in blocks[2].split("\n")]
    assert firsts == ["Aldous L", "Tennant", "Pellow"]


def test_html_list_in_one_paragraph_is_linked_entry_by_entry(tmp_path: Path) -> None:
    from essaylint import Settings, lint_path

    page = tmp_path / "post.html"
    page.write_text(_ONE_PARAGRAPH_LIST_PAGE)
    result = lint_path(page, Settings(select=("C",)), prose=False)
    assert result.error is None
    found = [(f.rule, result.document.position(f.span.start).line) for f in result.findings]
    assert found == [("uncited-reference", 8), ("uncited-reference", 11)]


def test_html_wrapped_paragraph_reports_the_source_line_and_column() -> None:
    doc = load_bytes(_TYPED_LIST_PAGE.encode(), "post.html")
    assert _pos(doc, "Marlowe (2013)") == (2, 49)
    assert _pos(doc, "(Quist and") == (3, 46)
    assert _pos(doc, "Oduya, 2016") == (4, 6)


def test_html_findings_in_a_typed_list_are_at_their_source_lines(tmp_path: Path) -> None:
    from essaylint import Settings, lint_path

    page = tmp_path / "post.html"
    page.write_text(_TYPED_LIST_PAGE.replace("Marlowe (2013)", "Marlowe (2031)"))
    result = lint_path(page, Settings(select=("C", "R")), prose=False)
    assert result.error is None
    found = [(f.rule, result.document.position(f.span.start)) for f in result.findings]
    assert [(rule, pos.line, pos.column) for rule, pos in found] == [("year-mismatch", 2, 49)]


def test_html_head_left_open_ends_at_body() -> None:
    page = (
        "<head>\n  <title>Unit 4</title>\n  <meta charset='utf-8'>\n\n<body>\n"
        "  <h2>Reflection</h2>\n  <p>Moorland grazing changed after 1990.</p>\n</body>\n"
    )
    doc = load_bytes(page.encode(), "unit4.html")
    assert doc.text.split("\n\n") == ["Reflection", "Moorland grazing changed after 1990."]
    assert "Unit 4" not in doc.text
    assert _pos(doc, "Moorland") == (7, 6)


def test_html_head_left_open_ends_at_the_first_visible_element() -> None:
    page = "<head><title>Notes</title><link rel='stylesheet' href='a.css'>\n<p>Shown text.</p>\n"
    doc = load_bytes(page.encode(), "notes.html")
    assert doc.text == "Shown text."


def test_zero_width_characters_left_by_word_are_not_text(tmp_path: Path) -> None:
    import docx

    from essaylint.config import Settings
    from essaylint.pipeline import lint_path

    document = docx.Document()
    document.add_paragraph("Outsourcing grew (\u200bSharman, 2019\u200b) in the region.")
    document.add_paragraph("Reference List")
    document.add_paragraph("\u200bSharman, S., 2019. Outsourcing to the coast. Coast Press.")
    document.add_paragraph("\u200bThorne, S., 2024. Remote work. Harbour Books.")
    document.add_paragraph("Remote work spread too (Thorne, 2024).")
    path = tmp_path / "essay.docx"
    document.save(str(path))
    doc = load_path(path)
    assert "\u200b" not in doc.text
    result = lint_path(path, Settings(select=("C",)))
    assert [f.rule for f in result.findings] == []
    assert [r.authors[0].family for r in result.references] == ["Sharman", "Thorne"]


def test_latex_control_space_and_tie_read_as_spaces_keeping_offsets() -> None:
    source = "Mello et al.\\ (2006) and Lee et al.~(2019), p.~9; see \\url{https://x.org/~lee}."
    read = read_latex(source)
    assert len(read) == len(source)
    assert "et al.  (2006)" in read
    assert "et al. (2019)" in read
    assert "https://x.org/~lee" in read
    assert "p.~9" in read  # a tie elsewhere stays, as --fix edits the source as written


def test_html_site_menus_and_page_footer_are_not_the_essay(tmp_path: Path) -> None:
    page = (
        "<html><body><nav><a href='/'>Home</a> <a href='/essays'>Essays</a></nav>"
        "<main><p>Markets grew (Lee, 2019).</p><h2>References</h2>"
        "<p>Lee, A. (2019). Markets. Coast Press.</p></main>"
        "<footer><p>Brought to you by The Night Desk, 2024. All rights reserved</p></footer>"
        "</body></html>"
    )
    path = tmp_path / "essay.html"
    path.write_text(page, encoding="utf-8")
    text = load_path(path).text
    assert "Markets grew (Lee, 2019)." in text
    assert "Home" not in text
    assert "Night Desk" not in text


def test_docx_pasted_markup_reads_as_its_text(tmp_path: Path) -> None:
    """Text pasted into Word from a web page or a Markdown file keeps its markup as typed
    characters: HTML comments ("<!--[if !supportLists]-->"), and emphasis marks left on
    one side of "et al." ("_et al.,", "et al_."). Neither is part of a citation or entry."""
    import docx

    from essaylint.config import Settings
    from essaylint.pipeline import lint_path

    document = docx.Document()
    document.add_paragraph("Tides rise (Marsh\u00a0_et al., 2016; Quill\u00a0et al_., 2018).")
    document.add_paragraph("References")
    document.add_paragraph(
        "<!--[if !supportLists]-->1.\u00a0\u00a0 <!--[endif]-->Marsh, A., Vale, B., & Ono, C. "
        "(2016). Tides. Harbour Press."
    )
    document.add_paragraph(
        "<!--[if !supportLists]-->2.\u00a0\u00a0 <!--[endif]-->Quill, D., Tane, E., & Low, F. "
        "(2018). Tides again. Harbour Press."
    )
    path = tmp_path / "pasted.docx"
    document.save(str(path))
    result = lint_path(path, Settings(select=("C", "R")), prose=False)
    assert result.error is None
    assert "<!--" not in result.document.text
    assert [(f.rule, f.message) for f in result.findings] == []
    assert [c.authors[0] for c in result.citations] == ["Marsh", "Quill"]


def test_docx_captions_are_never_reference_entries(tmp_path: Path) -> None:
    """Word's Caption style marks a figure's caption: "Figure 3. Tides in Tableau. Screenshot
    by C. Boyle, 2019." credits a screenshot, and a run of them is no reference list."""
    import docx

    from essaylint.config import Settings
    from essaylint.pipeline import lint_path

    document = docx.Document()
    document.add_paragraph("Tides rise (Marsh, 2016).")
    for n in range(3, 7):
        document.add_paragraph(f"Figure {n}. Tides in Tableau. Screenshot by C. Boyle, 2019.")
        document.paragraphs[-1].style = document.styles["Caption"]
    document.add_paragraph("References")
    document.add_paragraph("Marsh, A. (2016). Tides. Harbour Press.")
    path = tmp_path / "captions.docx"
    document.save(str(path))
    result = lint_path(path, Settings(select=("C",)), prose=False)
    assert result.error is None
    assert [r.raw for r in result.references] == ["Marsh, A. (2016). Tides. Harbour Press."]
    assert result.findings == ()


def test_html_figure_captions_are_never_reference_entries() -> None:
    """A <figcaption> credits its figure ("Figure 3. Tides. Screenshot by C. Boyle, 2019."),
    as Word's Caption style does: a run of them is no reference list."""
    from essaylint.config import Settings
    from essaylint.pipeline import lint_document

    captions = "".join(
        f"<figure><img src='t{n}.png'><figcaption>Figure {n}. Tides in Tableau. Screenshot"
        f" by C. Boyle, 2019.</figcaption></figure>"
        for n in range(3, 7)
    )
    page = (
        f"<html><body><p>Tides rise (Marsh, 2016).</p>{captions}<h2>References</h2>"
        "<p>Marsh, A. (2016). Tides. Harbour Press.</p></body></html>"
    )
    doc = load_bytes(page.encode(), "post.html")
    result = lint_document(doc, Settings(select=("C",)))
    assert [r.raw for r in result.references] == ["Marsh, A. (2016). Tides. Harbour Press."]
    assert result.findings == ()
