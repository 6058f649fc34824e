"""Tiny .docx files written from raw WordprocessingML, for tests of Word-only structure.

Fields (citation managers), content controls, superscript runs and Word's
citation sources in customXml are what python-docx cannot write, so these
helpers write the XML itself. Every essay made with them is invented.
"""

from __future__ import annotations

import base64
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def run(text: str, *, superscript: bool = False) -> str:
    props = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>' if superscript else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def field(code: str, result: str, *, data: str | None = None, inner: str = "") -> str:
    """A complex field: ``code`` between begin and separate, ``result`` shown.

    ``data`` is put in the begin mark's ``w:fldData`` (base64 of the text);
    ``inner`` is a whole nested field placed inside the code (EndNote's EN.CITE.DATA).
    """
    fld_data = f"<w:fldData>{base64.b64encode(data.encode()).decode()}</w:fldData>" if data else ""
    return (
        f'<w:r><w:fldChar w:fldCharType="begin">{fld_data}</w:fldChar></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{escape(code)}</w:instrText></w:r>'
        f"{inner}"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{run(result)}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def simple_field(code: str, result: str) -> str:
    return f'<w:fldSimple w:instr="{escape(code, {chr(34): "&quot;"})}">{run(result)}</w:fldSimple>'


def content_control(inner: str) -> str:
    """An inline content control (Word wraps each citation of its tool in one)."""
    return f"<w:sdt><w:sdtPr><w:citation/></w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>"


def paragraph(*parts: str, style: str | None = None) -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{props}{''.join(parts)}</w:p>"


def text_paragraph(text: str, *, style: str | None = None) -> str:
    return paragraph(run(text), style=style)


def word_source(
    tag: str,
    last: str,
    year: str,
    title: str,
    *,
    first: str = "",
    doi: str | None = None,
    journal: str = "",
) -> str:
    """One ``b:Source`` of Word's citation tool."""
    doi_xml = f"<b:DOI>{escape(doi)}</b:DOI>" if doi else ""
    if journal:
        doi_xml += f"<b:JournalName>{escape(journal)}</b:JournalName>"
    return (
        f"<b:Source><b:Tag>{tag}</b:Tag><b:SourceType>Book</b:SourceType>"
        "<b:Author><b:Author><b:NameList><b:Person>"
        f"<b:Last>{escape(last)}</b:Last><b:First>{escape(first)}</b:First>"
        "</b:Person></b:NameList></b:Author></b:Author>"
        f"<b:Title>{escape(title)}</b:Title><b:Year>{year}</b:Year>{doi_xml}</b:Source>"
    )


#: The [Content_Types].xml of a package whose only part is word/document.xml.
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)


def footnote_mark(note_id: int) -> str:
    """The run that marks Word footnote ``note_id`` (Word prints its number in superscript)."""
    return f'<w:r><w:footnoteReference w:id="{note_id}"/></w:r>'


def _footnotes_xml(notes: dict[int, str]) -> str:
    body = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:footnoteRef/></w:r>{run(" " + text)}</w:p>'
        "</w:footnote>"
        for i, text in notes.items()
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        f"</w:footnote>{body}</w:footnotes>"
    )


def write_docx(
    path: Path,
    paragraphs: list[str],
    *,
    sources: list[str] | None = None,
    footnotes: dict[int, str] | None = None,
    main_part: str = "document.xml",
) -> Path:
    """A .docx with these body paragraphs (Word citation sources in customXml, and
    Word footnotes by id, marked in the body with :func:`footnote_mark`); its main
    part is ``word/<main_part>`` (Word for the web writes ``document2.xml``)."""
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}"><w:body>{"".join(paragraphs)}</w:body></w:document>'
    )
    package_rels = (
        f'<Relationships xmlns="{_PKG_REL}">'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="/word/{main_part}"/>'
        "</Relationships>"
    )
    document_rels = f'<Relationships xmlns="{_PKG_REL}">'
    if sources is not None:
        document_rels += (
            f'<Relationship Id="rId9" Type="{_REL}/customXml" Target="../customXml/item1.xml"/>'
        )
    if footnotes is not None:
        document_rels += f'<Relationship Id="rId8" Type="{_REL}/footnotes" Target="footnotes.xml"/>'
    document_rels += "</Relationships>"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "[Content_Types].xml", CONTENT_TYPES.replace("/word/document.xml", f"/word/{main_part}")
        )
        archive.writestr("_rels/.rels", package_rels)
        archive.writestr(f"word/{main_part}", document)
        archive.writestr(f"word/_rels/{main_part}.rels", document_rels)
        if footnotes is not None:
            archive.writestr("word/footnotes.xml", _footnotes_xml(footnotes))
        if sources is not None:
            archive.writestr(
                "customXml/item1.xml",
                '<?xml version="1.0" encoding="UTF-8" standalone="no"?>'
                '<b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/'
                'bibliography" xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
                f'bibliography" SelectedStyle="/APA.XSL">{"".join(sources)}</b:Sources>',
            )
    return path
