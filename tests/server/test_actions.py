"""Code actions: the year of the entry, the safe fixes, add to dictionary, fix all."""

from __future__ import annotations

from pathlib import Path

from lsprotocol.types import CodeAction

from essaylint.fixer import fix_path
from essaylint.models import Document, Span
from essaylint.pipeline import lint_document
from essaylint.rules.registry import all_rules, select_rules
from essaylint.server.actions import ADD_WORD_COMMAND, code_actions, fixed_text, year_edit
from essaylint.server.positions import LineIndex

ESSAY = """Urchin counts fell by half in in two seasons (Ostrowski, 2019, p.8).

References

Ostrowski, K. (2017). Counting urchins by hand. Marine Notes, 8(2), 33-41. doi:10.5555/mn.2017.8
"""


def test_year_edit_replaces_the_year_not_a_page_or_a_name() -> None:
    text = "as shown (Hale 2019, 2019a, p. 2019) and (Hale, n.d.)"
    span = Span(start=9, end=36)
    edit = year_edit(text, span, "2019a", "2017")
    assert edit is not None
    assert text[edit.span.start : edit.span.end] == "2019a"
    nd = text.index("(Hale, n.d.)")
    edit = year_edit(text, Span(start=nd, end=len(text)), None, "2020")
    assert edit is not None
    assert text[edit.span.start : edit.span.end] == "n.d."
    assert year_edit("(Hale, 2001)", Span(start=0, end=12), "1999", "2001") is None


def _actions(text: str, at: str, shift: int = 0) -> list[CodeAction]:
    doc = Document.from_text(text, path="urchins.md", format="markdown")
    result = lint_document(doc)
    index = LineIndex(text)
    start = text.index(at) + shift
    return code_actions(result, text, "file:///e/urchins.md", 3, index, start, start)


def test_year_mismatch_offers_the_entrys_year() -> None:
    [action] = [a for a in _actions(ESSAY, "(Ostrowski") if "entry's year" in a.title]
    assert action.title == "Use the entry's year: 2019 → 2017"
    [change] = action.edit.document_changes
    assert change.text_document.version == 3
    [edit] = change.edits
    assert edit.new_text == "2017"
    year = ESSAY.index("2019")
    assert (edit.range.start.line, edit.range.start.character) == (0, year)
    assert (edit.range.end.line, edit.range.end.character) == (0, year + 4)


def test_safe_fixes_become_quick_fixes() -> None:
    [repeated] = _actions(ESSAY, "in in", shift=3)
    assert repeated.title == "Delete “in” (T402)"
    assert repeated.is_preferred
    [page] = [a.title for a in _actions(ESSAY, "p.8") if "S302" in a.title]
    assert page == "Replace “p.8” with “p. 8” (S302)"
    [doi] = [a.title for a in _actions(ESSAY, "doi:10")]
    assert doi == "Replace “doi:” with “https://doi.org/” (R207)"


def test_spelling_offers_add_to_dictionary() -> None:
    from essaylint.services.backends import choose_prose_backend

    text = (
        "The urchns were counted (Ostrowski, 2017).\n\nReferences\n\n"
        + ESSAY.split("References\n\n")[1]
    )
    prose, _ = choose_prose_backend(None)
    doc = Document.from_text(text, path="u.md", format="markdown")
    result = lint_document(doc, prose=prose)
    start = text.index("urchns")
    actions = code_actions(result, text, "file:///e/u.md", 1, LineIndex(text), start, start)
    [add] = [a for a in actions if a.command is not None]
    assert add.command.command == ADD_WORD_COMMAND
    assert add.command.arguments == ["file:///e/u.md", "urchns"]


def test_fix_all_matches_check_fix(tmp_path: Path) -> None:
    path = tmp_path / "urchins.md"
    path.write_text(ESSAY, encoding="utf-8")
    rules = select_rules(all_rules())
    expected = fix_path(path, None, rules).text
    doc = Document.from_text(ESSAY, path=str(path), format="markdown")
    assert fixed_text(ESSAY, doc, None) == expected
    assert expected != ESSAY
