"""Hostile documents for ``essaylint check`` (and PDFs for ``grade``): each maker writes one.

Every maker takes the folder to write in and returns the file to check. The
inputs follow issue 13's list and the probe that found its items.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path


def _docx_with(document_xml: bytes, folder: Path, name: str) -> Path:
    """A .docx whose word/document.xml is ``document_xml`` (the rest minimal and valid)."""
    content_types = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        b'relationships+xml"/>'
        b'<Default Extension="xml" ContentType="application/xml"/>'
        b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    path = folder / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", content_types)
        zf.writestr("_rels/.rels", rels)
        zf.writestr("word/document.xml", document_xml)
    return path


_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_zip_bomb(folder: Path) -> Path:
    """1 GB of XML inflated from a few MB: one paragraph of spaces, repeated."""
    head = b'<?xml version="1.0"?><w:document ' + _W + b"><w:body>"
    tail = b"</w:body></w:document>"
    path = folder / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", b"<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(head)
            block = b"<w:p><w:r><w:t>" + b" " * (1 << 20) + b"</w:t></w:r></w:p>"
            for _ in range(1024):
                fh.write(block)
            fh.write(tail)
    return path


def docx_billion_laughs(folder: Path) -> Path:
    lol = [b'<!ENTITY lol0 "lol">']
    lol += [b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10) for i in range(1, 10)]
    xml = (
        b'<?xml version="1.0"?><!DOCTYPE w:document [' + b"".join(lol) + b"]>"
        b"<w:document " + _W + b"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>"
        b"</w:body></w:document>"
    )
    return _docx_with(xml, folder, "laughs.docx")


def docx_external_entity(folder: Path) -> Path:
    xml = (
        b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b"<w:document " + _W + b"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>"
        b"</w:body></w:document>"
    )
    return _docx_with(xml, folder, "xxe.docx")


def odt_zip_bomb(folder: Path) -> Path:
    path = folder / "bomb.odt"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), b"application/vnd.oasis.opendocument.text")
        with zf.open("content.xml", "w", force_zip64=True) as fh:
            fh.write(
                b'<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:'
                b'tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:'
                b'opendocument:xmlns:text:1.0"><office:body><office:text>'
            )
            block = b"<text:p>" + b" " * (1 << 20) + b"</text:p>"
            for _ in range(1024):
                fh.write(block)
            fh.write(b"</office:text></office:body></office:document-content>")
    return path


def html_deep_nesting(folder: Path, scale: float = 1.0) -> Path:
    path = folder / "nested.html"
    n = int(100_000 * scale)
    path.write_text("<div>" * n + "Deep (Smith, 2019)." + "</div>" * n)
    return path


def tex_input_loop(folder: Path) -> Path:
    (folder / "a.tex").write_text("\\input{b}\nText (Smith, 2019).\n")
    (folder / "b.tex").write_text("\\input{a}\n")
    return folder / "a.tex"


def tex_input_outside(folder: Path) -> Path:
    path = folder / "outside.tex"
    path.write_text("\\input{/etc/passwd}\n\\input{../../../../etc/hostname}\nText.\n")
    return path


def bib_string_recursion(folder: Path) -> Path:
    strings = ['@string{s0 = "ha"}'] + [
        f"@string{{s{i} = s{i - 1} # s{i - 1}}}" for i in range(1, 40)
    ]
    (folder / "refs.bib").write_text(
        "\n".join(strings) + "\n@article{k, title = s39, author = {A. Smith}, year = 2019}\n"
    )
    path = folder / "essay.tex"
    path.write_text("Text \\cite{k}.\n\\bibliography{refs}\n")
    return path


def bib_50_mb(folder: Path, scale: float = 1.0) -> Path:
    entry = (
        "@article{{k{0}, author = {{Smith, A. and Jones, B.}}, title = {{A study of things "
        "number {0}}}, journal = {{Journal}}, year = {{2019}}, volume = {{1}}, pages = {{1--9}}}}\n"
    )
    with (folder / "big.bib").open("w") as fh:
        i = 0
        while fh.tell() < 50 * 1024 * 1024 * scale:
            fh.write(entry.format(i))
            i += 1
    path = folder / "essay.tex"
    path.write_text("Text \\cite{k1, k2}.\n\\bibliography{big}\n")
    return path


def one_long_line(folder: Path, scale: float = 1.0) -> Path:
    path = folder / "line.txt"
    path.write_text("Word (Smith, 2019) and more words. " * int(5 * 1024 * 1024 * scale // 35))
    return path


def long_word(folder: Path) -> Path:
    path = folder / "word.txt"
    path.write_text("An essay. " + "x" * 60_000 + " The end.\n")
    return path


def many_citations(folder: Path, scale: float = 1.0) -> Path:
    body = " ".join(
        f"Claim {i} (Author{i % 500}, {1950 + i % 70})." for i in range(int(100_000 * scale))
    )
    refs = "\n".join(f"Author{i}, A. ({1950 + i % 70}). Title {i}. Press." for i in range(500))
    path = folder / "citations.txt"
    path.write_text(body + "\n\nReferences\n\n" + refs + "\n")
    return path


def huge_list(folder: Path, scale: float = 1.0) -> Path:
    refs = "\n".join(
        f"Author{i:05d}, A. ({1900 + i % 120}). Title {i}. Journal {i % 40}, {i % 30}(2), 1-10."
        for i in range(int(20_000 * scale))
    )
    path = folder / "list.txt"
    path.write_text("An essay (Author00001, 1901).\n\nReferences\n\n" + refs + "\n")
    return path


def bracket_runs(folder: Path, scale: float = 1.0) -> Path:
    path = folder / "brackets.md"
    n = int(200_000 * scale)
    path.write_text("(" * n + "\n" + "[" * n + "\n" + "[^" * (n // 4) + "\n")
    return path


def mixed_scripts(folder: Path, scale: float = 1.0) -> Path:
    sample = "\u202eRTL\u202c text \u200b\u200d zero width e\u0301\u0301\u0301 (Smith, 2019) "
    path = folder / "mixed.md"
    path.write_text((sample * int(20_000 * scale)) + "\n\nReferences\n\nSmith, J. (2019). T. P.\n")
    return path


def _odt_with(content_xml: bytes, folder: Path, name: str) -> Path:
    """An .odt whose content.xml is ``content_xml``."""
    manifest = (
        b'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:'
        b'names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry '
        b'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        b'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        b"</manifest:manifest>"
    )
    path = folder / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), b"application/vnd.oasis.opendocument.text")
        zf.writestr("META-INF/manifest.xml", manifest)
        zf.writestr("content.xml", content_xml)
    return path


_ODT_OPEN = (
    b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
)
_ODT_CLOSE = b"</office:text></office:body></office:document-content>"


def odt_billion_laughs(folder: Path) -> Path:
    lol = [b'<!ENTITY lol0 "lol">']
    lol += [b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10) for i in range(1, 10)]
    head = b'<?xml version="1.0"?><!DOCTYPE office:document-content [' + b"".join(lol) + b"]>"
    return _odt_with(
        head + _ODT_OPEN + b"<text:p>&lol9;</text:p>" + _ODT_CLOSE, folder, "laughs.odt"
    )


def odt_external_entity(folder: Path) -> Path:
    head = (
        b'<?xml version="1.0"?><!DOCTYPE office:document-content '
        b'[<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    )
    return _odt_with(head + _ODT_OPEN + b"<text:p>&xxe;</text:p>" + _ODT_CLOSE, folder, "xxe.odt")


def docx_many_elements(folder: Path, scale: float = 1.0) -> Path:
    """40 MB of XML in a small .docx: 400,000 one-word runs (the work per byte)."""
    run = b'<w:r><w:t xml:space="preserve">word </w:t></w:r>'
    paragraph = b"<w:p>" + run * 100 + b"</w:p>"
    xml = (
        b'<?xml version="1.0"?><w:document ' + _W + b"><w:body>"
        + paragraph * int(4000 * scale) + b"</w:body></w:document>"
    )  # fmt: skip
    return _docx_with(xml, folder, "elements.docx")


def escapes_in_essay(folder: Path) -> Path:
    """Terminal control sequences in the essay: clear screen, set title, hyperlink."""
    path = folder / "escapes.md"
    path.write_text(
        "Evidence \x1b[2J\x1b]0;pwned\x07 shows (Smith\x1b[31m, 2019) and (Jones, 2020).\n\n"
        "References\n\nSmith, J. (2018). Title\x1b]8;;http://x\x1b\\. Press.\n"
    )
    return path


def nested_config(folder: Path) -> Path:
    """A config whose value is an array nested 5,000 deep."""
    (folder / ".essaylint.toml").write_text("select = " + "[" * 5000 + "]" * 5000 + "\n")
    path = folder / "essay.txt"
    path.write_text("Text (Smith, 2019).\n")
    return path


def read_only_file(folder: Path) -> Path:
    """A 0444 essay with a fixable finding (for --fix)."""
    path = folder / "readonly.txt"
    path.write_text("Words in in a sentence (Smith, 2019, p.15).\n\nReferences\n\n"
                    "Smith, J. (2019). Title. Press.\n")  # fmt: skip
    path.chmod(0o444)
    return path


# -- PDFs (read by grade) ------------------------------------------------------------


def _pdf(objects: list[bytes], *, trailer: bytes = b"") -> bytes:
    """A PDF of ``objects`` (numbered from 1; object 1 the catalog) with an xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer.replace(
        b"XREF", str(xref).encode()
    )
    out += b">>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _page_objects(stream: bytes, extra: bytes = b"") -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
        b"<< /Length %d%s >>\nstream\n" % (len(stream), extra) + stream + b"\nendstream",
    ]


def _deflated(parts: list[bytes], repeat: bytes = b"", times: int = 0) -> bytes:
    packer = zlib.compressobj(9)
    out = [packer.compress(parts[0])]
    for _ in range(times):
        out.append(packer.compress(repeat))
    out += [packer.compress(p) for p in parts[1:]]
    out.append(packer.flush())
    return b"".join(out)


def _class_with(folder: Path, name: str, data: bytes) -> Path:
    """A class folder holding one student's PDF (grade's input)."""
    student = folder / "class" / "Student One"
    student.mkdir(parents=True)
    (student / name).write_bytes(data)
    return folder / "class"


def pdf_decompression_bomb(folder: Path) -> Path:
    """A content stream of ~1 MB that inflates to 1 GB."""
    text = b"BT /F1 11 Tf 56 790 Td (A claim \\(Smith, 2019\\).) Tj ET\n"
    stream = _deflated([text, b"\n"], b" " * (1 << 20), 1024)
    return _class_with(folder, "bomb.pdf", _pdf(_page_objects(stream, b" /Filter /FlateDecode")))


def pdf_cyclic_xref(folder: Path) -> Path:
    """An xref whose /Prev is itself, and a page tree whose Kids include its own node."""
    objects = _page_objects(b"BT /F1 11 Tf 56 790 Td (A claim.) Tj ET")
    objects[1] = b"<< /Type /Pages /Kids [4 0 R 2 0 R] /Count 2 >>"
    return _class_with(folder, "cycle.pdf", _pdf(objects, trailer=b"/Prev XREF "))


def pdf_long_word(folder: Path) -> Path:
    """An ~8 KB PDF whose text is one word of 60,000 letters (probe 1)."""
    text = b"BT /F1 11 Tf 56 790 Td (" + b"x" * 60_000 + b") Tj ET"
    stream = zlib.compress(text, 9)
    return _class_with(folder, "word.pdf", _pdf(_page_objects(stream, b" /Filter /FlateDecode")))
