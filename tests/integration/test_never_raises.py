"""Property: ``lint_text`` never raises, and every finding points inside the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from essaylint.pipeline import lint_text
from essaylint.reporters.json import report_dict
from essaylint.reporters.text import render

FRAGMENTS = [
    "(", ")", "Smith", "Jones", "O'Brien", "van der Berg", "et al.", "and", "&", ";", ",",
    ".", " ", "2019", "2019a", "(2017)", "n.d.", "p. 71", "pp. 9-10", "[3]", "[1, 2]",
    "[1-4]", "[^a]", "[^a]: ", "References\n", "## References\n", "Bibliography\n",
    "\n", "\n\n", "\\cite{x}", "[@key]", "Retrieved from", "https://example.org/x",
    "doi:10.1000/xyz", "*Journal*", "12(3), 45-67.", "Smith, J. (2019). ", "The Guardian",
    "“", "”", "\t", "\r\n", "é", "—", "\u00a0", "<!-- essaylint: ignore[C104] -->",
]  # fmt: skip

essay_like = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=60).map(
    "".join
)


def check(text: str, path: str) -> None:
    result = lint_text(text, path=path)
    assert result.error is None
    # A rule that raises costs only its findings (a note says so): that is a bug too.
    assert not [note for note in result.notes if "failed on this file" in note]
    n = len(text)
    for f in result.findings:
        assert 0 <= f.span.start <= f.span.end <= n, (f.code, f.span, n)
    for c in result.citations:
        assert 0 <= c.span.start <= c.span.end <= n
    for r in result.references:
        assert 0 <= r.span.start <= r.span.end <= n
    # the reporters must cope with whatever the rules produced
    report = report_dict([result])
    for f in report["files"][0]["findings"]:
        assert f["line"] >= 1
        assert f["column"] >= 1
        assert (f["end_line"], f["end_column"]) >= (f["line"], f["column"])
    render([result])


FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.text())
def test_lint_text_never_raises_on_any_text(text: str) -> None:
    check(text, "<text>")


@FAST
@given(essay_like)
def test_lint_text_never_raises_on_essay_like_text(text: str) -> None:
    check(text, "<text>")


@FAST
@given(essay_like)
def test_lint_text_never_raises_on_essay_like_markdown(text: str) -> None:
    check(text, "essay.md")


ENTRY_FRAGMENTS = [
    "Smith, J.", "Smith, J. A.", "& ", "and ", "et al.", "(2019).", "(2019a).", "(n.d.).",
    "(2019, March 4).", "Title of a work.", "*Journal of Things*,", "12", "(3),", "45-67.",
    "https://doi.org/10.1000/xyz", "Retrieved from", "In ", "(Ed.),", "(Eds.),", "pp. 1-2",
    "Publisher.", "van der ", "O'Brien, P.", "World Health Organization.", "[1] ", "1. ",
    "\u201c", "\u201d", ". ", ", ", " ", "—", "Vol.", "no.", "[Video].", "(pp. 3-9).",
]  # fmt: skip

entry_like = st.lists(
    st.one_of(st.sampled_from(ENTRY_FRAGMENTS), st.text(max_size=6)), max_size=30
).map("".join)


@FAST
@given(entry_like)
def test_parse_reference_never_raises_on_entry_like_text(raw: str) -> None:
    # No catch-all guards the parser: any exception here is a bug to fix.
    from essaylint.analysis.reference_split import split_reference_list
    from essaylint.analysis.references import parse_reference

    ref = parse_reference(raw)
    assert ref.raw == raw
    for entry in split_reference_list(raw, 10):
        assert 10 <= entry.span.start <= entry.span.end <= 10 + len(raw)
