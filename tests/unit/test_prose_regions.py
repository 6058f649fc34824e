"""Which parts of an essay are prose (essaylint.analysis.prose_regions)."""

from __future__ import annotations

import itertools
import time

from hypothesis import given
from hypothesis import strategies as st

from essaylint.analysis.citations import extract_citations
from essaylint.analysis.prose_regions import mask, prose_spans, subtract
from essaylint.analysis.sections import find_sections
from essaylint.models import Essay, Span


def _prose(text: str) -> str:
    essay = find_sections(text)
    citations = extract_citations(text, essay)
    return mask(text, prose_spans(text, essay, citations))


def test_mask_keeps_length_and_newlines() -> None:
    text = "one two\nthree four\r\nfive"
    out = mask(text, [Span(start=4, end=7), Span(start=14, end=18)])
    assert len(out) == len(text)
    assert out == "    two\n      four\r\n    "


def test_subtract_cuts_holes_out_of_regions() -> None:
    spans = subtract([Span(start=0, end=10)], [(2, 4), (3, 5), (8, 20)])
    assert [(s.start, s.end) for s in spans] == [(0, 2), (5, 8)]


def test_citations_and_the_reference_list_are_not_prose() -> None:
    text = (
        "Networks matter (Boase, 2008). Boase (2008) agrees.\n\n"
        "References\n\n"
        "Boase, J. (2008). Personal networks. Information Society, 11(4), 490-508.\n\n"
        "Great post, thanks for sharing!\n"
    )
    out = _prose(text)
    assert "Networks matter" in out
    assert "(Boase, 2008)" not in out
    assert "Personal networks" not in out
    assert "Great post" not in out


def test_markdown_syntax_is_not_prose() -> None:
    text = (
        '---\ntitle: "A post\n---\n\n# Heading here\n\n'
        'See [the page](https://example.org/a "t") and `code here` or '
        '<span class="x">text</span><!-- a comment -->.[^1] Mail me@example.org or '
        'www.example.com/x.\n\n```python\nprint("hi")\n```\n\n[^1]: A note.\n'
    )
    out = _prose(text)
    for gone in ("title:", "https://", "code here", "class=", "a comment", "[^1]",
                 "me@example.org", "www.example.com", "print", "A note", "# "):  # fmt: skip
        assert gone not in out, gone
    for kept in ("Heading here", "the page", "text", "Mail"):
        assert kept in out, kept


def test_latex_commands_and_math_are_not_prose() -> None:
    text = (
        "\\documentclass{article}\n\\begin{document}\n"
        "Networks \\emph{matter} \\cite{boase2008} and $x^2$ grows, see \\ref{fig:1}.\n"
        "\\end{document}\n"
    )
    out = _prose(text)
    assert "Networks" in out
    assert "matter" in out
    for gone in ("\\emph", "boase2008", "x^2", "fig:1", "document"):
        assert gone not in out, gone


def test_text_after_the_body_is_never_prose() -> None:
    essay = Essay(
        body=Span(start=0, end=40),
        references=Span(start=10, end=20),
        trailing=Span(start=20, end=40),
    )
    spans = prose_spans("x" * 40, essay, ())
    assert [(s.start, s.end) for s in spans] == [(0, 10)]


def test_excluded_spans_are_left_out() -> None:
    text = "Prose here.\n\nFurther reading: a list.\n"
    essay = Essay(body=Span(start=0, end=len(text)), excluded=(Span(start=13, end=38),))
    assert [(s.start, s.end) for s in prose_spans(text, essay, ())] == [(0, 13)]


@given(st.text(max_size=300))
def test_spans_lie_inside_the_body_and_in_order(text: str) -> None:
    essay = find_sections(text)
    spans = prose_spans(text, essay, extract_citations(text, essay))
    assert all(essay.body.start <= s.start < s.end <= essay.body.end for s in spans)
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    assert len(mask(text, spans)) == len(text)


def test_a_run_of_footnote_openers_is_read_in_linear_time() -> None:
    # "[^[^[^..." opens a footnote mark at every pair and closes none: each try
    # must stop at the next "[", not scan to the end of the line (citations
    # and prose regions both read marks with analysis/patterns.FOOTNOTE_MARK).
    essay = "The claim[^1] stands. " + "[^" * 40_000 + "\n\n[^1]: A note.\n"
    start = time.perf_counter()
    out = _prose(essay)
    assert time.perf_counter() - start < 3.0  # was over a minute: quadratic in the run
    assert "[^1]" not in out
    assert "The claim" in out
