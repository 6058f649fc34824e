"""Inline suppressions: parsing directives, filtering findings, unused ones (E001)."""

from __future__ import annotations

from essaylint.analysis.suppressions import apply_suppressions, parse_directives
from essaylint.config import Settings
from essaylint.models import Document, Finding, Span
from essaylint.pipeline import lint_document, lint_text
from essaylint.rules.meta.unused_suppression import UnusedSuppression

KNOWN = [("C104", "uncited-reference"), ("T401", "spelling"), ("T402", "repeated-word")]


def _finding(text: str, needle: str, code: str = "T402", rule: str = "repeated-word") -> Finding:
    start = text.index(needle)
    return Finding(
        code=code,
        rule=rule,
        severity="warning",
        message="m",
        span=Span(start=start, end=start + len(needle)),
    )


def test_markdown_directive_covers_the_next_non_blank_line() -> None:
    text = "one\n<!-- essaylint: ignore[T402] -->\n\nthe the two\nthe the three\n"
    first, second = _finding(text, "the the two"), _finding(text, "the the three")
    kept, problems = apply_suppressions(text, "markdown", [first, second], ran=KNOWN, known=KNOWN)
    assert kept == [second]
    assert problems == []


def test_trailing_directive_covers_its_own_line() -> None:
    text = "the the cat <!-- essaylint: ignore[repeated-word] -->\nthe the dog\n"
    first, second = _finding(text, "the the cat"), _finding(text, "the the dog")
    kept, _ = apply_suppressions(text, "markdown", [first, second], ran=KNOWN, known=KNOWN)
    assert kept == [second]


def test_selectors_match_codes_prefixes_and_names_only() -> None:
    text = "<!-- essaylint: ignore[T] -->\nx x\n"
    f402 = _finding(text, "x x")
    f104 = _finding(text, "x x", code="C104", rule="uncited-reference")
    kept, _ = apply_suppressions(text, "markdown", [f402, f104], ran=KNOWN, known=KNOWN)
    assert kept == [f104]


def test_bare_ignore_suppresses_every_rule() -> None:
    text = "<!-- essaylint: ignore -->\nx x\n"
    f402 = _finding(text, "x x")
    f104 = _finding(text, "x x", code="C104", rule="uncited-reference")
    kept, problems = apply_suppressions(text, "html", [f402, f104], ran=KNOWN, known=KNOWN)
    assert kept == []
    assert problems == []


def test_block_suppression_and_unclosed_block() -> None:
    text = (
        "a a\n<!-- essaylint: ignore-start[T402] -->\nb b\n\nc c\n"
        "<!-- essaylint: ignore-end -->\nd d\n<!-- essaylint: ignore-start -->\ne e\n"
    )
    found = [_finding(text, w) for w in ("a a", "b b", "c c", "d d", "e e")]
    kept, problems = apply_suppressions(text, "markdown", found, ran=KNOWN, known=KNOWN)
    assert [text[f.span.start : f.span.end] for f in kept] == ["a a", "d d"]
    assert problems == []


def test_latex_directive_same_line_when_trailing_else_next_line() -> None:
    text = (
        "Wordz here % essaylint: ignore[T401]\n% essaylint: ignore[T401]\nMore wordz\nlast wordz\n"
    )
    findings = [
        _finding(text, "Wordz", "T401", "spelling"),
        _finding(text, "wordz\nlast", "T401", "spelling"),
        _finding(text, "wordz\n", "T401", "spelling"),
    ]
    findings[2] = Finding(
        code="T401",
        rule="spelling",
        severity="warning",
        message="m",
        span=Span(start=text.index("last wordz") + 5, end=text.index("last wordz") + 10),
    )
    kept, _ = apply_suppressions(text, "latex", findings, ran=KNOWN, known=KNOWN)
    assert kept == [findings[2]]


def test_plain_text_and_docx_have_no_directives() -> None:
    text = "<!-- essaylint: ignore -->\nx x\n"
    assert parse_directives(text, "text") == []
    assert parse_directives(text, "docx") == []
    f = _finding(text, "x x")
    assert apply_suppressions(text, "text", [f], ran=KNOWN, known=KNOWN) == ([f], [])


def test_unused_only_when_every_named_rule_ran() -> None:
    text = "<!-- essaylint: ignore[T402] -->\nclean line\n<!-- essaylint: ignore[T401] -->\nok\n"
    _, problems = apply_suppressions(text, "markdown", [], ran=KNOWN[2:], known=KNOWN)
    assert [(p.kind, text[p.span.start : p.span.end]) for p in problems] == [
        ("unused", "<!-- essaylint: ignore[T402] -->")
    ]
    assert "unused suppression" in problems[0].message


def test_invalid_directives_are_reported() -> None:
    text = (
        "<!-- essaylint: ignroe[T402] -->\nx\n<!-- essaylint: ignore[Q999] -->\ny\n"
        "<!-- essaylint: ignore-end -->\n<!-- essaylint: ignore[] -->\n"
    )
    directives = parse_directives(text, "markdown")
    assert [d.problem is not None for d in directives] == [True, False, True, True]
    _, problems = apply_suppressions(text, "markdown", [], ran=KNOWN, known=KNOWN)
    messages = [p.message for p in problems]
    assert all(p.kind == "invalid" for p in problems)
    assert "unknown essaylint directive 'ignroe[T402]'" in messages[0]
    assert any("unknown rule 'Q999'" in m for m in messages)
    assert any("ignore-end without an ignore-start" in m for m in messages)
    assert any("empty brackets" in m for m in messages)


def test_reason_text_after_the_directive_is_allowed() -> None:
    text = "<!-- essaylint: ignore[T402] the name doubles on purpose -->\nx x\n"
    (directive,) = parse_directives(text, "markdown")
    assert directive.problem is None
    assert directive.selectors == ("T402",)


ESSAY = """Students use social media (Boyd, 2007).

References

Boyd, D. (2007). Why youth heart social network sites. MIT Press.
<!-- essaylint: ignore[{code}] -->
Smith, A. (2010). A title. Publisher.
"""


def test_pipeline_filters_and_reports_unused() -> None:
    result = lint_text(ESSAY.format(code="C104"), Settings(select=("C", "E")), path="essay.md")
    assert result.findings == ()
    result = lint_text(ESSAY.format(code="C101"), Settings(select=("C", "E")), path="essay.md")
    assert [(f.code, f.severity) for f in result.findings] == [
        ("E001", "info"),
        ("C104", "warning"),
    ]
    assert (
        "ignore[C101]"
        in ESSAY.format(code="C101")[result.findings[0].span.start : result.findings[0].span.end]
    )


def test_pipeline_does_not_report_unused_when_e001_not_selected() -> None:
    text = "Text (Boyd, 2007).\n<!-- essaylint: ignore[C101] -->\n\nReferences\n\n" + (
        "Boyd, D. (2007). Why youth heart social network sites. MIT Press.\n"
    )
    result = lint_text(text, Settings(select=("C",)), path="essay.md")
    assert result.findings == ()
    with_e = lint_text(text, Settings(), path="essay.md")
    assert [f.code for f in with_e.findings] == ["E001"]
    assert with_e.findings[0].severity == "info"


def test_latex_directive_is_not_prose() -> None:
    from essaylint.analysis.prose_regions import prose_spans
    from essaylint.analysis.sections import find_sections

    text = "\\documentclass{article}\nGood text here. % essaylint: ignore[T401]\n"
    doc = Document.from_text(text, path="a.tex", format="latex")
    spans = prose_spans(doc.text, find_sections(doc.text), [])
    covered = "".join(doc.text[s.start : s.end] for s in spans)
    assert "Good text here." in covered
    assert "essaylint" not in covered
    assert "ignore" not in covered


def test_unused_suppression_rule_is_documented() -> None:
    assert UnusedSuppression.code == "E001"
    assert UnusedSuppression.name == "unused-suppression"
    assert UnusedSuppression.doc_section("Fix")
    doc = Document.from_text("x", path="a.md", format="markdown")
    assert lint_document(doc, Settings(select=("E001",))).findings == ()
