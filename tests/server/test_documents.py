"""An editor buffer becomes the Document essaylint lints (or a reason not to)."""

from __future__ import annotations

from essaylint.models import Document
from essaylint.server.documents import Refusal, buffer_document, document_format, uri_path


def test_suffix_wins_over_language_id() -> None:
    assert document_format("file:///e/essay.tex", "plaintext") == "latex"
    assert document_format("file:///e/notes.rst", "restructuredtext") == "text"
    assert document_format("untitled:Untitled-1", "markdown") == "markdown"
    assert document_format("untitled:Untitled-2", "latex") == "latex"
    assert document_format("file:///e/README", None) == "text"


def test_uri_path() -> None:
    assert uri_path("file:///home/a%20b/essay.md") == "/home/a b/essay.md"
    assert uri_path("file:///C:/essays/one.md") == "C:/essays/one.md"
    assert uri_path("untitled:Untitled-1") == "untitled:Untitled-1"


def test_latex_comments_are_blanked_with_the_same_length() -> None:
    text = "Shown (Feld, 2012). % hidden (Nobody, 1999)\nNext line.\n"
    doc = buffer_document(text, "file:///e/essay.tex", "latex")
    assert isinstance(doc, Document)
    assert doc.format == "latex"
    assert len(doc.text) == len(text)
    assert "Nobody" not in doc.text


def test_binary_and_oversized_buffers_are_refused() -> None:
    binary = buffer_document("PK\x03\x04\x00\x00\x14\x00" * 50, "file:///e/x.md", "markdown")
    assert isinstance(binary, Refusal)
    assert "binary" in binary.reason
    big = buffer_document("word " * 1000, "file:///e/x.md", "markdown", max_chars=100)
    assert isinstance(big, Refusal)
    assert "too long" in big.reason
    empty = buffer_document("  \n", "file:///e/x.md", "markdown")
    assert isinstance(empty, Refusal)
    assert empty.reason == ""
