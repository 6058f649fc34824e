"""Word documents with real footnotes beside a numbered reference list.

A Word footnote has its own mark (Word prints its number in superscript), so a
bracketed number typed in the body ("[2]") cites entry 2 of the list, not
footnote 2. Only hand-typed endnotes are marked by a typed number.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.word_xml import footnote_mark, paragraph, run, text_paragraph, write_docx

from essaylint.pipeline import lint_path


def _essay(tmp_path: Path) -> Path:
    body = [
        paragraph(
            run("The prototype started from a plain starter template"),
            footnote_mark(1),
            run(". I followed the official setup guide [1] and compared two ordering apps [2]."),
        ),
        paragraph(
            run("The server exposes a stateless interface"),
            footnote_mark(2),
            run(" described in a short primer [3]."),
        ),
        text_paragraph("References", style="Heading1"),
        text_paragraph("[1] Starter guide: set up a mobile project. https://dev.example.org/start"),
        text_paragraph("[2] Quickbite: order lunch ahead. https://quickbite.example.com"),
        text_paragraph("[3] A primer on stateless web interfaces. https://web.example.net/primer"),
    ]
    notes = {
        1: "A starter template is a minimal project that only shows a greeting.",
        2: "Stateless means the server keeps no session between two requests.",
    }
    return write_docx(tmp_path / "notes.docx", body, footnotes=notes)


def test_bracketed_numbers_cite_the_list_not_the_word_footnotes(tmp_path: Path) -> None:
    result = lint_path(_essay(tmp_path))
    assert [f.code for f in result.findings if f.code == "C104"] == []
    cited = sorted(c.number for c in result.citations if c.kind == "numeric" and c.number)
    assert cited == [1, 2, 3]
