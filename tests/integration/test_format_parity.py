"""The same essay as .docx, .odt and .html gets the same citation findings as the original.

Every fixture essay (fixtures/corpus, fixtures/essays) and, when the shared
corpus is checked out beside this repository, every .md/.txt document of
../shared/corpus/seeds and ../shared/corpus/essays is converted with
tests/support/formats.py, and the findings of the citation rules (codes C and
R) are compared as a multiset of (rule, first author, year); a finding with
neither author nor year (a numbered citation or entry) also keeps its number.
Line numbers are not compared: they cannot survive a change of format.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.formats import convert
from support.gold import Finding, lint_findings, number_of, work_key

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "corpus"
FORMATS = (".docx", ".odt", ".html")


def _documents() -> list[Path]:
    docs = sorted(
        p for p in (ROOT / "fixtures" / "corpus").iterdir() if p.suffix in (".md", ".txt", ".html")
    )
    docs += sorted((ROOT / "fixtures" / "essays").glob("*.md"))
    for folder in ("seeds", "essays"):
        if (SHARED / folder).is_dir():
            docs += sorted(p for p in (SHARED / folder).iterdir() if p.suffix in (".md", ".txt"))
    return docs


def _label(doc: Path) -> str:
    return f"{doc.parent.name}/{doc.name}"


DOCUMENTS = _documents()


def findings_key(findings: list[Finding]) -> Counter[tuple[str, str, str, int | None]]:
    out: Counter[tuple[str, str, str, int | None]] = Counter()
    for finding in findings:
        rule, author, year = work_key(finding)
        number = number_of(finding) if not (author or year) else None
        out[(rule, author, year, number)] += 1
    return out


@pytest.fixture(scope="module")
def original_findings() -> dict[Path, Counter[tuple[str, str, str, int | None]]]:
    return {}


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("doc", DOCUMENTS, ids=[_label(d) for d in DOCUMENTS])
def test_same_findings_in_every_format(
    doc: Path,
    suffix: str,
    tmp_path: Path,
    original_findings: dict[Path, Counter[tuple[str, str, str, int | None]]],
) -> None:
    if doc not in original_findings:
        original_findings[doc] = findings_key(lint_findings(doc))
    converted = convert(doc, tmp_path / f"{doc.stem}{suffix}")
    got, want = findings_key(lint_findings(converted)), original_findings[doc]
    diff = {
        f"only in {suffix}": sorted(map(str, (got - want).elements())),
        f"only in {doc.suffix}": sorted(map(str, (want - got).elements())),
    }
    assert diff == {f"only in {suffix}": [], f"only in {doc.suffix}": []}


def test_fixture_essays_are_all_included() -> None:
    names = {_label(d) for d in DOCUMENTS}
    assert "corpus/struct-html-ordered-list.html" in names
    assert "essays/problems-apa.md" in names
    assert sum(1 for d in DOCUMENTS if d.parent.name == "corpus") >= 14


# --- the converters themselves ------------------------------------------------

CORPUS = ROOT / "fixtures" / "corpus"


def _docx_text(path: Path) -> str:
    from docx import Document

    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def _squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    "gold", sorted(CORPUS.glob("*.gold.json")), ids=lambda p: p.name.removesuffix(".gold.json")
)
def test_conversion_keeps_every_gold_citation(gold: Path, tmp_path: Path) -> None:
    stem = gold.name.removesuffix(".gold.json")
    doc = next(p for p in CORPUS.glob(f"{stem}.*") if p != gold)
    text = _squash(_docx_text(convert(doc, tmp_path / f"{stem}.docx")))
    citations = json.loads(gold.read_text(encoding="utf-8"))["citations"]
    lost = [c["text"] for c in citations if _squash(c["text"]) not in text]
    assert lost == []


def test_hard_wrapped_entry_becomes_one_paragraph_with_italic_runs(tmp_path: Path) -> None:
    from docx import Document

    path = convert(CORPUS / "struct-hard-wrapped-markdown.md", tmp_path / "wrapped.docx")
    paragraphs = Document(str(path)).paragraphs
    entry = next(p for p in paragraphs if p.text.startswith("Ferreira, L."))
    assert entry.text.endswith("Quarterly Review of Behavioral Economics, 130(1), 45–60.")
    assert [r.text for r in entry.runs if r.italic] == [
        "Quarterly Review of Behavioral Economics, 130"
    ]
    assert not any(p.text.startswith(("Economics,", "https://")) for p in paragraphs)
    assert [p.text for p in paragraphs if p.style.name == "Heading 2"][-1] == "References"


def test_hanging_indent_entries_split_at_each_flush_line(tmp_path: Path) -> None:
    path = convert(CORPUS / "struct-hard-wrapped-latexish.txt", tmp_path / "latexish.docx")
    lines = _docx_text(path).split("\n")
    entries = lines[lines.index("References") + 1 :]
    assert [e.split(" (")[0] for e in entries] == [
        "Hartley, J. and Nakamura, S.",
        "Lindqvist, M.",
        "Moreau, C.",
        "Osei, K.",
        "Ruiz-Pardo, A.",
    ]
    assert entries[1].endswith("pp. 410--428. https://doi.org/10.5555/trq.2019.394")


def test_markup_a_reader_never_sees_is_left_out(tmp_path: Path) -> None:
    tagged = _docx_text(convert(CORPUS / "struct-references-tag.md", tmp_path / "tag.docx"))
    fenced = _docx_text(convert(CORPUS / "struct-code-fence-list.md", tmp_path / "fence.docx"))
    for text in (tagged, fenced):
        assert "<references>" not in text
        assert "```" not in text
        assert "**" not in text
    assert "\n---\n" not in tagged
    assert "Brennan, T. (2016). Algorithmic complexity attacks" in fenced


def test_odt_headings_are_text_h_with_outline_level(tmp_path: Path) -> None:
    from odf import teletype
    from odf.opendocument import load
    from odf.text import H, P

    path = convert(CORPUS / "struct-numbered-heading-article.md", tmp_path / "article.odt")
    body = load(str(path)).text
    headings = [
        (h.getAttribute("outlinelevel"), teletype.extractText(h)) for h in body.getElementsByType(H)
    ]
    assert ("3", "9.1 Key References") in headings
    assert headings[0] == ("1", "Sleep and Memory: How the Brain Files Away the Day")
    paragraphs = [teletype.extractText(p) for p in body.getElementsByType(P)]
    assert any(
        p.startswith("Tanaka, H. (2012). Understanding sleep architecture (2nd ed.)")
        for p in paragraphs
    )


def test_html_lists_round_trip_with_their_numbers(tmp_path: Path) -> None:
    from support.formats import html_blocks, read_blocks

    blocks = read_blocks(CORPUS / "struct-html-ordered-list.html")
    assert [b.marker for b in blocks if b.kind == "item"] == ["•"] * 3 + [
        f"{n}." for n in range(1, 7)
    ]
    lecture = read_blocks(CORPUS / "struct-numbered-heading-lecture.txt")
    assert [b.number for b in lecture if b.kind == "item"] == list(range(1, 12))
    page = convert(CORPUS / "struct-numbered-heading-lecture.txt", tmp_path / "lecture.html")
    html = page.read_text(encoding="utf-8")
    assert '<ol start="11">\n<li>References and Further Reading</li>' in html
    again = html_blocks(html)
    assert [b.marker for b in again if b.kind == "item"] == [f"{n}." for n in range(1, 12)]


def test_emphasis_markers_inside_words_and_urls_are_text() -> None:
    from support.formats import Run, runs_of

    assert runs_of("see https://x.example/a_b_c and 2*3*4") == (
        Run("see https://x.example/a_b_c and 2*3*4"),
    )
    assert runs_of("*Journal, 12*(3) and _Title_") == (
        Run("Journal, 12", italic=True),
        Run("(3) and "),
        Run("Title", italic=True),
    )
    assert runs_of("**Bold *and italic***") == (
        Run("Bold ", bold=True),
        Run("and italic", bold=True, italic=True),
    )
