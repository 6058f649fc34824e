"""The PDF loader: text layer, headers/footers dropped, hyphenation undone, clear errors."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pdfmaker import make_pdf

from essaylint.loaders import LoadError, load_path
from essaylint.loaders.pdf import drop_headers_and_footers, reflow

BODY = [
    "Social media changed how movements spread, and the evidence for this",
    "claim is now substantial (Smith, 2019). Researchers describe a cita-",
    "tion cascade across platforms that reached millions of readers within",
    "days.",
    "",
    "References",
    "Smith, J. (2019). Networks of protest. Journal of Media, 4(2), 1-20.",
]


def _pdf(tmp_path: Path, pages: list[list[str]], name: str = "essay.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(make_pdf(pages))
    return path


def test_pdf_text_is_read_and_reflowed(tmp_path: Path) -> None:
    doc = load_path(_pdf(tmp_path, [BODY]))
    assert doc.format == "pdf"
    assert "citation cascade" in doc.text
    assert "evidence for this claim" in doc.text
    assert "\n\nReferences\n\nSmith, J. (2019)." in doc.text


def test_repeated_headers_and_page_numbers_are_dropped(tmp_path: Path) -> None:
    pages = [["Jane Doe - HIST 101 Essay", *BODY[:4], f"Page {n} of 3"] for n in (1, 2, 3)]
    doc = load_path(_pdf(tmp_path, pages))
    assert "HIST 101" not in doc.text
    assert "Page 2" not in doc.text
    assert doc.text.count("citation cascade") == 3


def test_headers_need_repetition() -> None:
    pages = [["A title line", "body one."], ["Another start", "body two."]]
    assert drop_headers_and_footers(pages) == pages


def test_hyphen_before_capital_is_kept() -> None:
    assert reflow(["the Anglo-", "Saxon world."]) == "the Anglo- Saxon world.\n"
    assert reflow(["a well-", "known fact."]) == "a wellknown fact.\n"


def test_damaged_pdf_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    with pytest.raises(LoadError, match="PDF"):
        load_path(path)


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no text layer"):
        load_path(_pdf(tmp_path, [[]]))


def test_encrypted_pdf(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(make_pdf([BODY]))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(LoadError, match="encrypted"):
        load_path(path)


def test_an_entry_ending_in_a_doi_does_not_run_into_the_next_one() -> None:
    lines = [
        "Aral, S. O., Torrone, E., & Bernstein, K. (2015). Geographical targeting to improve",
        "progression in HIV care. Current Opinion in HIV, 10(6), 477-482. https://doi.org/10.1097/x",
        "Boutrin, M. C., & Williams, D. R. (2021). What racism has to do with it. Healthcare,",
        "9(6), 673.",
    ]
    paragraphs = reflow(lines).strip().split("\n\n")
    assert [p.split(",")[0] for p in paragraphs] == ["Aral", "Boutrin"]
    # A citing sentence at a line start is prose, not a new entry.
    prose = ["Risk is uneven across groups (Aral et al., 2015).", "Bowlby (1969) argued it too."]
    assert len(reflow(prose).strip().split("\n\n")) == 1
