"""Definition, references, hover and symbols answer from the links the pipeline made."""

from __future__ import annotations

from essaylint.models import Document, FileResult
from essaylint.pipeline import lint_document
from essaylint.server.navigation import definition, headings, hover, references, symbols

ESSAY = """# Tidal gardens

## Background

Kelp forests recover quickly once urchins are culled (Ferreira & Lund, 2015), and
replanting speeds this up (Ferreira & Lund, 2015, p. 12). Divers noticed it first
(Ostrowski, 2019). Some doubt the figures (Quayle, 2011).

## References

Ferreira, M., & Lund, P. (2015). *Cold water restoration*. Harbour Books.

Ostrowski, K. (2017). Counting urchins by hand. *Marine Notes*, 8(2), 33-41.
"""


def _lint(text: str = ESSAY, fmt: str = "markdown") -> FileResult:
    return lint_document(Document.from_text(text, path="tidal.md", format=fmt), rules=[])


def test_definition_lands_on_the_entry() -> None:
    result = _lint()
    at = ESSAY.index("(Ferreira & Lund, 2015)") + 3
    [span] = definition(result, at)
    assert ESSAY[span.start : span.end].startswith("Ferreira, M., & Lund")
    # A year mismatch still knows its entry; a missing one has none.
    [span] = definition(result, ESSAY.index("(Ostrowski, 2019)") + 1)
    assert ESSAY[span.start : span.end].startswith("Ostrowski, K. (2017)")
    assert definition(result, ESSAY.index("(Quayle, 2011)") + 1) == []
    assert definition(result, ESSAY.index("Kelp")) == []


def test_references_list_every_citation_of_an_entry() -> None:
    result = _lint()
    entry = ESSAY.index("Ferreira, M., & Lund")
    spans = references(result, entry + 2, include_entry=False)
    assert [ESSAY[s.start : s.end] for s in spans] == [
        "(Ferreira & Lund, 2015)",
        "(Ferreira & Lund, 2015, p. 12)",
    ]
    from_citation = references(result, ESSAY.index("(Ferreira") + 1, include_entry=True)
    assert len(from_citation) == 3


def test_hover_says_why_a_citation_has_no_entry_or_which_it_has() -> None:
    result = _lint()
    text, span = hover(result, ESSAY.index("(Quayle") + 2) or ("", None)
    assert "no entry" in text
    assert span is not None
    text, _ = hover(result, ESSAY.index("(Ostrowski, 2019)") + 2) or ("", None)
    assert "another year" in text
    assert "Ostrowski, K. (2017)" in text
    assert "line 13" in text
    text, _ = hover(result, ESSAY.index("Ferreira, M.,") + 1) or ("", None)
    assert "cited 2 times" in text
    assert hover(result, 0) is None


def test_symbols_nest_sections_lists_and_entries() -> None:
    result = _lint()
    [top] = symbols(result)
    assert top.name == "Tidal gardens"
    assert [c.name for c in top.children] == ["Background", "References"]
    background, refs = top.children
    assert background.span.end == refs.span.start  # a section runs to the next one
    [lst] = refs.children
    assert lst.kind == "list"
    assert [e.name for e in lst.children] == ["Ferreira & Lund (2015)", "Ostrowski (2017)"]


def test_headings_of_latex_and_underlined_titles() -> None:
    latex = "\\section{Method}\ntext\n\\subsection*{Sites}\nmore\n\\section[Short]{Results}\n"
    assert [(lvl, t) for lvl, t, _ in headings(latex, "latex")] == [
        (2, "Method"),
        (3, "Sites"),
        (2, "Results"),
    ]
    rst = "Field notes\n===========\n\nDay one\n-------\n\nText.\n\nDay two\n-------\n"
    assert [(lvl, t) for lvl, t, _ in headings(rst, "text")] == [
        (1, "Field notes"),
        (2, "Day one"),
        (2, "Day two"),
    ]
