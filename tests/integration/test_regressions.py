"""Regressions: behaviour that was once wrong (found while writing the CLI tests)."""

from __future__ import annotations

from pathlib import Path

from essaylint.models import FileResult
from essaylint.pipeline import lint_text

REFS = (
    "\n\n## References\n\n"
    "Dunmore, J. (2020). Street food and the town centre. *Journal of Urban Leisure*, "
    "9(1), 12-30.\n\n"
    "Evening Courier. (2022, May 4). Night market returns. https://courier.example/night-market\n\n"
    "Öztürk, S. (2016). *After six: The evening economy of small towns*. Northgate Books.\n"
)


def test_narrative_citation_with_non_ascii_initial() -> None:
    result = lint_text(
        "Dunmore (2020) and Öztürk (2016) agree (Evening Courier, 2022)." + REFS, path="e.md"
    )
    assert [c.text for c in result.citations] == [
        "Dunmore (2020)",
        "Öztürk (2016)",
        "(Evening Courier, 2022)",
    ]
    assert [f.code for f in result.findings] == []


def test_corporate_author_entry_is_sorted_by_its_full_name() -> None:
    result = lint_text(
        "Dunmore (2020) and others agree (Evening Courier, 2022; Öztürk, 2016)." + REFS,
        path="e.md",
    )
    courier = result.references[1]
    assert courier.authors[0].family == "Evening Courier"
    assert [f.code for f in result.findings if f.code == "R204"] == []


def test_footnote_essay_style_is_numeric() -> None:
    text = (
        "Ferries carry post and medicine.[^1] Shops feel a cut within a week.[^2]\n\n"
        "[^1]: Morrow, C. (2018). *Lifelines: Ferry routes and island economies*. Harbour Press.\n"
        "[^2]: Sinclair, A. (2021). Supply shocks on small islands. *Island Studies Review*, "
        "16(2), 77-93.\n"
    )
    result = lint_text(text, path="f.md")
    assert len(result.citations) == 2
    assert len(result.references) == 2
    assert result.findings == ()
    assert result.style == "numeric"


def test_bib_entries_are_reported_at_the_bibliography_command(tmp_path: Path) -> None:
    from essaylint.pipeline import lint_path

    (tmp_path / "refs.bib").write_text(
        "@book{used2019, author={Hale, Ann}, title={Used}, publisher={P}, year={2019}}\n"
        "@article{spare2018, author={Rook, Ben}, title={Spare}, year={2018}}\n",
        encoding="utf-8",
    )
    tex = tmp_path / "essay.tex"
    body = "Text \\cite{used2019} and \\cite{ghost2020}.\n% \\cite{commented}\n"
    # A .bib file is a database: its uncited entries are not printed, so not reported...
    tex.write_text(body + "\\bibliography{refs}\n", encoding="utf-8")
    assert [f.code for f in lint_path(tex).findings if f.reference is not None] == []
    # ... but \nocite{*} prints them all: the entries are checked (at the bibliography
    # command), and one printed but never cited is called uncited.
    tex.write_text(body + "\\nocite{*}\n\\bibliography{refs}\n", encoding="utf-8")
    result = lint_path(tex)
    found = {(f.code, f.span.start) for f in result.findings}
    command = result.document.text.index("\\bibliography") if result.document else -1
    assert ("R202", command) in found
    uncited = [f for f in result.findings if f.code == "C104"]
    assert [f.reference.authors for f in uncited if f.reference] == [("Rook",)]
    assert any(f.code == "C101" and "ghost2020" in f.message for f in result.findings)
    assert not any("commented" in f.message for f in result.findings)
    incomplete = next(f for f in result.findings if f.code == "R202")
    assert incomplete.reference is not None
    assert incomplete.reference.authors == ("Rook",)


def test_no_recognised_citation_gives_one_note_instead_of_uncited_findings() -> None:
    text = (
        "Harbours shaped the town.¹ The port grew.²\n\nWorks Cited\n\n"
        "Abbot, Ann. Canals and Harbours. Riverside Press, 2001.\n\n"
        "Quill, Rhys. The Old Port. Northgate, 2015.\n"
    )
    result = lint_text(text, path="mla.md")
    assert len(result.references) == 2
    assert [f.code for f in result.findings if f.code == "C104"] == []
    assert any("no in-text citations found for the 2" in n for n in result.notes)


def test_mla_citations_are_read_and_the_uncited_entry_reported() -> None:
    # Issue 11: "(Abbot 45)" used to be unreadable (a note instead of findings).
    text = (
        "Harbours shaped the town (Abbot 45).\n\nWorks Cited\n\n"
        "Abbot, Ann. Canals and Harbours. Riverside Press, 2001.\n\n"
        "Quill, Rhys. The Old Port. Northgate, 2015.\n"
    )
    result = lint_text(text, path="mla.md")
    assert result.style == "mla"
    uncited = [f for f in result.findings if f.code == "C104"]
    assert [f.reference.authors for f in uncited if f.reference] == [("Quill",)]


def test_prose_pass_is_skipped_with_a_note_for_a_text_longer_than_any_essay() -> None:
    from essaylint.prose import MAX_PROSE_CHARS
    from essaylint.services.prose import DialectName, ProseMatch

    class CountingBackend:
        name = "counting"
        calls = 0

        def check(self, text: str, *, dialect: DialectName = "american") -> list[ProseMatch]:
            CountingBackend.calls += 1
            return []

        def known_words(self, words: list[str], *, dialect: DialectName = "american") -> set[str]:
            return set(words)

    text = "Plain prose without citations. " * (MAX_PROSE_CHARS // 30 + 10)
    result = lint_text(text, prose=CountingBackend())
    assert CountingBackend.calls == 0
    assert any("spelling and grammar not checked" in n for n in result.notes)
    short = lint_text("A short essay.", prose=CountingBackend())
    assert CountingBackend.calls == 1
    assert not any("not checked" in n for n in short.notes)


def _notes_document(body: str, note: str) -> FileResult:
    from essaylint.models import Block, Document
    from essaylint.pipeline import lint_document

    text = f"{body}\n\n{note}\n"
    blocks = (
        Block(start=0, end=len(body)),
        Block(start=len(body) + 2, end=len(text) - 1, kind="footnote"),
    )
    return lint_document(Document.from_text(text, path="e.docx", format="docx", blocks=blocks))


def test_superscripts_of_a_notes_document_without_a_list_are_not_citations() -> None:
    # Word footnotes carry the sources; "ni²" and the affiliations "¹²" are not citations.
    body = "Helmholtz built a double layer of width[2] and thickness.[1]"
    note = "Conway, B. E. Electrochemical Supercapacitors. Springer, 1999. Authors[12] at MIT[34]."
    result = _notes_document(body, note)
    assert [f.code for f in result.findings if f.code == "C101"] == []
    # The same numbers in a document without notes still lack their list.
    plain = lint_text(body + "\n", path="e.md")
    assert [f.code for f in plain.findings if f.code == "C101"] == ["C101", "C101"]


def test_word_footnotes_that_hold_the_entries_are_the_list() -> None:
    from essaylint.models import Block, Document
    from essaylint.pipeline import lint_document

    # No reference list: each source is a Word footnote, and the prose cites by author and
    # date. A year that disagrees with its note is a year-mismatch at "footnote 2"; a work
    # noted twice is one work (no ambiguity), and every noted work is cited by its note.
    body = "Reading grows vocabulary (Ames, 2019). Writing helps (Berg, 2020). Both matter."
    notes = [
        "¹ Ames, B. (2019). Reading and words. Northfield Press.",
        "² Berg, K. (2021). Writing to learn. Lantern Press.",
        "³ Ames, B. (2019). Reading and words. Northfield Press.",
        "⁴ Cole, V. (2018). Feedback that works. Teaching Press.",
    ]
    text = "\n\n".join([body, *notes]) + "\n"
    blocks = [Block(start=0, end=len(body))]
    for note in notes:
        start = text.index(note)
        blocks.append(Block(start=start, end=start + len(note), kind="footnote"))
    doc = Document.from_text(text, path="e.docx", format="docx", blocks=tuple(blocks))
    result = lint_document(doc)
    found = [(f.code, f.message) for f in result.findings if f.code.startswith("C")]
    assert found == [
        (
            "C102",
            "Berg cited as 2020, but the reference list (footnote 2) has Berg (2021); correct"
            " the year in the citation or the entry",
        )
    ]
