"""Offsets <-> LSP positions in each encoding a client may agree to."""

from __future__ import annotations

import pytest

from essaylint.server.positions import LineIndex


def test_ascii_lines() -> None:
    index = LineIndex("one\ntwo\nthree")
    assert index.position(0) == (0, 0)
    assert index.position(4) == (1, 0)
    assert index.position(10) == (2, 2)
    assert index.offset(2, 2) == 10


@pytest.mark.parametrize(
    ("encoding", "column"),
    [("utf-16", 4), ("utf-32", 3), ("utf-8", 7)],
)
def test_characters_outside_the_bmp_count_by_encoding(encoding: str, column: int) -> None:
    text = "x\na😀é(Feld, 2012)"  # 😀: 2 UTF-16 units, 4 UTF-8 bytes; é: 2 UTF-8 bytes
    index = LineIndex(text, encoding)
    paren = text.index("(")
    assert index.position(paren) == (1, column)
    assert index.offset(1, column) == paren


def test_crlf_keeps_lines_and_columns() -> None:
    text = "first line\r\nsecond (Feld, 2012)\r\n"
    index = LineIndex(text)
    at = text.index("(Feld")
    assert index.position(at) == (1, 7)
    assert index.offset(1, 7) == at


def test_out_of_range_positions_are_clamped() -> None:
    index = LineIndex("ab\ncd")
    assert index.offset(-1, 0) == 0
    assert index.offset(9, 0) == 5
    assert index.offset(0, 99) == 2  # the end of the line, not the next line
    assert index.position(99) == (1, 2)


def test_unknown_encoding_falls_back_to_utf16() -> None:
    assert LineIndex("😀x", "latin-1").position(1) == (0, 2)
