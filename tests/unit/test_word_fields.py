"""Citation-manager fields and superscript citations in Word files (invented essays)."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.word_xml import (
    content_control,
    field,
    footnote_mark,
    paragraph,
    run,
    simple_field,
    text_paragraph,
    word_source,
    write_docx,
)

from essaylint.analysis.field_links import link_field_citations
from essaylint.analysis.sections import find_sections
from essaylint.loaders import load_path
from essaylint.loaders.superscript import superscript_citation
from essaylint.loaders.word_fields import parse_field
from essaylint.models import CitedWork, Document, FieldCitation, FileResult, Person, Reference, Span
from essaylint.pipeline import lint_path


def _csl(manager: str, *items: Mapping[str, object]) -> str:
    payload = {"citationItems": [{"id": i, "itemData": item} for i, item in enumerate(items)]}
    prefix = "ADDIN ZOTERO_ITEM CSL_CITATION" if manager == "zotero" else "ADDIN CSL_CITATION"
    return f"{prefix} {json.dumps(payload)}"


QUILL: dict[str, object] = {
    "type": "article-journal",
    "title": "Grid links for wave farms",
    "author": [{"family": "Quill", "given": "Ada"}],
    "issued": {"date-parts": [["2020", 3]]},
    "DOI": "10.5555/wave.2020.7",
}
ATLAS: dict[str, object] = {
    "type": "report",
    "title": "Tidal Energy Atlas",
    "issued": {"date-parts": [[2019]]},
    "DOI": "10.5555/tea.2019",
}


def _doc(result: FileResult) -> Document:
    assert result.document is not None
    return result.document


def test_word_citation_tool_links_initials_and_title_forms(tmp_path: Path) -> None:
    # Word writes "(Marlowe P. J., 2015)" because two Marlowes published in 2015, and
    # "(Marlowe, Harbours of the North Sea, 2011)" because one Marlowe has two works.
    sources = [
        word_source("Mar15", "Marlowe", "2015", "Barrier economics", first="Piers"),
        word_source("Mar15b", "Marlowe", "2015", "Salt marsh futures", first="Rhea"),
        word_source("Mar11", "Marlowe", "2011", "Harbours of the North Sea", first="Piers"),
        word_source("Ost19", "Ostrander", "2019", "Pricing the tide", first="Kai"),
    ]
    body = [
        paragraph(
            run("Coastal planners rarely agree on tidal barriers "),
            content_control(field("CITATION Mar15 \\l 1033", "(Marlowe P. J., 2015)")),
            run(". The older survey "),
            content_control(
                field("CITATION Mar11 \\l 1033", "(Marlowe, Harbours of the North Sea, 2011)")
            ),
            run(" mapped every estuary, while "),
            content_control(field("CITATION Ost19 \\l 1033", "(Ostrander, 2019)")),
            run(" priced them."),
        ),
        text_paragraph("References", style="Heading1"),
        text_paragraph("Marlowe, P. J. (2011). Harbours of the North Sea. Northfield Press."),
        text_paragraph("Marlowe, P. J. (2015). Barrier economics. Northfield Press."),
        text_paragraph("Marlowe, R. (2015). Salt marsh futures. Estuary Books."),
        text_paragraph("Ostrander, K. (2019). Pricing the tide. Coastal Review, 4(2), 1-9."),
    ]
    result = lint_path(write_docx(tmp_path / "word-tool.docx", body, sources=sources))
    found = {(f.code, f.reference.year if f.reference else None) for f in result.findings}
    citation_kinds = {f.code for f in result.findings if f.code[0] == "C"}
    assert citation_kinds == {"C104"}  # no author-mismatch, no ambiguity, nothing missing
    assert ("C104", "2015") in found  # R. Marlowe's book is the one never cited
    uncited = [f for f in result.findings if f.code == "C104"]
    assert len(uncited) == 1
    assert "Salt marsh" in _doc(result).text[uncited[0].span.start :]


def test_zotero_title_cited_work_links_and_gains_its_doi(tmp_path: Path) -> None:
    body = [
        paragraph(
            run("Wave farms need grid links "),
            field(_csl("zotero", QUILL), "(Quill, 2020)"),
            run(" and the atlas "),
            field(_csl("zotero", ATLAS), "(‘Tidal Energy Atlas’, 2019)"),
            run(" lists the sites."),
        ),
        text_paragraph("References", style="Heading1"),
        text_paragraph("Quill, A. (2020) Grid links for wave farms. Marine Power, 3(1), pp. 4-9."),
        text_paragraph("‘Tidal Energy Atlas’ (2019) Ocean Data Series, 2, pp. 1-40."),
    ]
    result = lint_path(write_docx(tmp_path / "zotero.docx", body))
    assert [f.code for f in result.findings if f.code[0] == "C"] == []
    atlas = next(r for r in result.references if "Atlas" in r.raw)
    assert atlas.doi == "10.5555/tea.2019"
    quill = next(r for r in result.references if "Quill" in r.raw)
    assert quill.doi == "10.5555/wave.2020.7"


def test_same_work_in_two_parts_links_to_its_own_part(tmp_path: Path) -> None:
    entry = "Quill, A. (2020) Grid links for wave farms. Marine Power, 3(1), pp. 4-9."
    other = "Rook, B. (2018) Offshore cables. Cable Journal, 9, pp. 10-20."
    body = [
        text_paragraph("Part 1: Grid", style="Heading1"),
        paragraph(
            run("Wave farms need grid links "), field(_csl("zotero", QUILL), "(Quill, 2020)")
        ),
        text_paragraph("References", style="Heading2"),
        text_paragraph(entry),
        text_paragraph("Part 2: Storage", style="Heading1"),
        paragraph(
            run("Storage follows the grid "),
            field(_csl("zotero", QUILL), "(Quill, 2020)"),
            run(" and the cables "),
            run("(Rook, 2018)"),
            run("."),
        ),
        text_paragraph("References", style="Heading2"),
        text_paragraph(entry),
        text_paragraph(other),
    ]
    result = lint_path(write_docx(tmp_path / "parts.docx", body))
    quills = [r.index for r in result.references if "Quill" in r.raw]
    assert len(quills) == 2
    linked = [
        result.links[i].reference for i, c in enumerate(result.citations) if "Quill" in c.text
    ]
    assert linked == quills  # each part's citation links to its own list
    assert "C105" not in {f.code for f in result.findings}


def test_field_work_without_entry_is_missing_only_when_nothing_matches(tmp_path: Path) -> None:
    absent: dict[str, object] = {
        "title": "Sea ice",
        "author": [{"family": "Norberg"}],
        "issued": {"date-parts": [[2016]]},
    }
    # The manager's year differs from the list's: the ordinary link (a year mismatch) stays.
    moved: dict[str, object] = dict(
        QUILL, title="A different title", DOI=None, issued={"date-parts": [[2021]]}
    )
    body = [
        paragraph(
            run("Ice matters "),
            field(_csl("mendeley", absent), "(Norberg, 2016)"),
            run(" and grids "),
            field(_csl("mendeley", moved), "(Quill, 2021)"),
            run("."),
        ),
        text_paragraph("References", style="Heading1"),
        text_paragraph("Quill, A. (2020) Grid links for wave farms. Marine Power, 3(1), pp. 4-9."),
    ]
    result = lint_path(write_docx(tmp_path / "absent.docx", body))
    statuses = [link.status for link in result.links]
    assert statuses == ["missing", "year-mismatch"]
    assert [d.manager for d in _doc(result).field_citations] == ["mendeley", "mendeley"]


def test_endnote_record_in_nested_field_data(tmp_path: Path) -> None:
    record = (
        "<EndNote><Cite><Author>Varga</Author><Year>2017</Year><RecNum>4</RecNum>"
        "<record><rec-number>4</rec-number><contributors><authors>"
        "<author><style face='normal'>Varga, Tomas</style></author><author>Lind, E.</author>"
        "</authors></contributors><titles><title>Kelp forests</title></titles>"
        "<dates><year>2017</year></dates>"
        "<electronic-resource-num>10.5555/kelp.17</electronic-resource-num>"
        "</record></Cite></EndNote>"
    )
    inner = (
        '<w:r><w:fldChar w:fldCharType="begin"><w:fldData>'
        + __import__("base64").b64encode(record.encode()).decode()
        + "</w:fldData></w:fldChar></w:r>"
        '<w:r><w:instrText xml:space="preserve"> ADDIN EN.CITE.DATA </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    body = [
        paragraph(
            run("Kelp stores carbon "),
            field(" ADDIN EN.CITE ", "(Varga & Lind, 2017)", inner=inner),
        ),
        paragraph(
            run("Inline records too "), field(f" ADDIN EN.CITE {record}", "(Varga & Lind, 2017)")
        ),
    ]
    doc = load_path(write_docx(tmp_path / "endnote.docx", body))
    assert doc.text.startswith("Kelp stores carbon (Varga & Lind, 2017)")  # codes stay hidden
    assert len(doc.field_citations) == 2
    for cited in doc.field_citations:
        assert cited.manager == "endnote"
        assert doc.text[cited.start : cited.end] == "(Varga & Lind, 2017)"
        (work,) = cited.works
        assert (work.authors, work.year, work.title, work.doi) == (
            ("Varga", "Lind"),
            "2017",
            "Kelp forests",
            "10.5555/kelp.17",
        )


def test_simple_field_and_word_sources_with_more_tags(tmp_path: Path) -> None:
    sources = [
        word_source("Ab1", "Abbot", "2001", "First", doi="10.5555/ab.1"),
        word_source("Ba2", "Baines", "2002", "Second"),
    ]
    body = [
        paragraph(
            run("Both "),
            simple_field("CITATION Ab1 \\l 1033 \\m Ba2", "(Abbot, 2001; Baines, 2002)"),
        )
    ]
    doc = load_path(write_docx(tmp_path / "simple.docx", body, sources=sources))
    (cited,) = doc.field_citations
    assert cited.manager == "word"
    assert [w.key for w in cited.works] == ["Ab1", "Ba2"]
    assert cited.works[0].doi == "10.5555/ab.1"
    assert doc.text[cited.start : cited.end] == "(Abbot, 2001; Baines, 2002)"


@pytest.mark.parametrize(
    "code",
    [
        'ADDIN ZOTERO_BIBL {"uncited":[]} CSL_BIBLIOGRAPHY',
        "ADDIN CSL_CITATION {not json",
        "ADDIN EN.CITE <EndNote><broken",
        "CITATION Unknown \\l 1033",
        "PAGE \\* MERGEFORMAT",
        "BIBLIOGRAPHY",
    ],
)
def test_fields_that_cite_nothing_readable(code: str) -> None:
    assert parse_field(code, [], {"Known": CitedWork(authors=("A",))}) is None


def test_superscript_numbers_are_numeric_citations(tmp_path: Path) -> None:
    body = [
        paragraph(
            run("Night shifts raise the risk"),
            run("1", superscript=True),
            run(",", superscript=True),
            run("3", superscript=True),
            run(" although the sample fell to 1/16"),
            run("th", superscript=True),
            run(" of its size over 4 m"),
            run("2", superscript=True),
            run(" of ward and x"),
            run("2", superscript=True),
            run(" grew. Cells recover."),
            run("2", superscript=True),
            run(" Few rest "),
            run("3", superscript=True),
            run("."),
        ),
        text_paragraph("References", style="Heading1"),
        text_paragraph("1. Aldana, R. (2012). Shift work and sleep. Sleep Review, 4, 1-8."),
        text_paragraph("2. Brandt, K. (2015). Repair of cells at night. Cell Night, 2, 3-9."),
        text_paragraph("3. Corvin, L. (2018). Risk in night work. Work Health, 7, 11-19."),
    ]
    result = lint_path(write_docx(tmp_path / "superscript.docx", body))
    text = _doc(result).text
    assert "risk[1,3] although" in text
    assert "1/16th of" in text
    assert "4 m2 of" in text
    assert "x2 grew" in text
    assert "rest 3." in text
    assert "recover.[2] Few" in text
    numbers = [c.number for c in result.citations if c.kind == "numeric"]
    assert numbers == [1, 3, 2]
    assert [f.code for f in result.findings if f.code[0] == "C"] == []


@pytest.mark.parametrize(
    ("before", "sup", "expected"),
    [
        ("death rate", "13", "[13]"),
        ("rectum", "2, 5-6", "[2, 5-6]"),
        ("cancer.", "1,7,11,13", "[1,7,11,13]"),
        ("risk", "4, ", "[4] "),
        ("1/16", "th", None),
        ("x", "2", None),
        ("10 cm", "2", None),
        ("10", "3", None),
        ("as shown ", "4", None),
        ("", "4", None),
        ("rate", "1st", None),
        ("rate", "2021", None),
        ("first printed in 1642", "3", "[3]"),
        ("a ratio of 1.1642", "3", None),
        ("an area of 2500", "2", None),
        ("a share of 25%", "3", "[3]"),
    ],
)
def test_superscript_citation(before: str, sup: str, expected: str | None) -> None:
    assert superscript_citation(before, sup) == expected


def test_html_sup_is_a_numeric_citation(tmp_path: Path) -> None:
    path = tmp_path / "sup.html"
    path.write_text(
        "<p>Death rates rose<sup>13</sup> and fell<sup><a href='#r2'>2</a></sup>; "
        "1/16<sup>th</sup> and x<sup>2</sup> are not citations.</p>",
        encoding="utf-8",
    )
    text = load_path(path).text
    assert text == "Death rates rose[13] and fell[2]; 1/16th and x2 are not citations."


def test_odt_raised_span_is_a_numeric_citation(tmp_path: Path) -> None:
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.text import P, Span

    document = OpenDocumentText()
    raised = Style(name="Raised", family="text")
    raised.addElement(TextProperties(textposition="super 58%"))
    document.automaticstyles.addElement(raised)
    para = P(text="Death rates rose")
    para.addElement(Span(stylename=raised, text="1-3"))
    para.addText(" over an area in m")
    para.addElement(Span(stylename=raised, text="2"))
    para.addText(".")
    document.text.addElement(para)
    path = tmp_path / "raised.odt"
    document.save(str(path))
    assert load_path(path).text == "Death rates rose[1-3] over an area in m2."


def test_field_links_is_pure_and_pairs_works_in_order() -> None:
    from essaylint.analysis.citations import extract_citations
    from essaylint.analysis.field_links import link_field_citations
    from essaylint.analysis.matching import link_citations
    from essaylint.analysis.sections import find_sections
    from essaylint.models import FieldCitation
    from essaylint.pipeline import read_references

    text = (
        "Harbours silt up (Abbott, 2001; Baines, 2002) and towns move.\n\n"
        "References\n\n"
        "Abbott, P. (2001). Silt and harbours. Port Press.\n\n"
        "Abbott, R. (2001). Harbour towns. Port Press.\n\n"
        "Baines, K. (2002). Moving towns. Shore Books."
    )
    start = text.index("(Abbott")
    end = text.index(")", start) + 1
    works = (
        CitedWork(authors=("Abbott",), year="2001", title="Silt and harbours", doi="10.5555/s.1"),
        CitedWork(authors=("Baines",), year="2002", title="Moving towns"),
    )
    listed = text.index("Abbott, P.")
    in_list = FieldCitation(start=listed, end=listed + 10, manager="zotero", works=works[:1])
    doc = Document.from_text(
        text,
        field_citations=(
            FieldCitation(start=start, end=end, manager="zotero", works=works),
            in_list,
        ),
    )
    essay = find_sections(doc.text, doc.blocks)
    refs = read_references(doc, essay)
    citations = extract_citations(doc.text, essay)
    links = link_citations(citations, refs)
    assert links[0].status != "matched"  # "Abbott" alone is no exact match: two entries fit
    before = (citations, list(refs), links)
    new_citations, new_refs, new_links = link_field_citations(doc, essay, citations, refs, links)
    assert (citations, list(refs), links) == before  # nothing handed in is changed
    assert new_citations == citations  # the field in the list adds no citation
    assert [(link.status, link.reference) for link in new_links] == [("matched", 0), ("matched", 2)]
    assert new_refs[0].doi == "10.5555/s.1"
    assert new_refs[1].doi is None


def test_word_fields_without_a_list_name_each_missing_work_by_family_name(tmp_path: Path) -> None:
    # Word prints the "Last" box as typed: a whole name in natural order, or two authors.
    sources = [
        word_source("Wro08", "Tomasz Wrobel", "2008", "Canal locks of Silesia"),
        word_source(
            "Oka16",
            "Okafor Lind",
            "2016",
            "Tidal gates",
            journal="Okafor, N., Lind, S. Tidal gates. Coastal Letters 3, 1-9 (2016)",
        ),
        word_source(
            "Ine19",
            "Ines Halvorsen",
            "2019",
            "Ferry routes",
            first="Tor",
            journal="Halvorsen, Ines & Berg, Tor. (2019). Ferry routes. Fjord Studies.",
        ),
        word_source("Who20", "World Water Council", "2020", "Water outlook"),
    ]
    body = [
        paragraph(
            run("Locks shaped inland trade "),
            content_control(field("CITATION Wro08 \\l 1033", "(Tomasz Wrobel, 2008)")),
            run(", tidal gates protect ports "),
            content_control(field("CITATION Oka16 \\l 1033", "(Okafor Lind, 2016)")),
            run(", ferries link islands "),
            content_control(field("CITATION Ine19 \\l 1033", "(Ines Halvorsen, 2019)")),
            run(" and demand keeps rising "),
            content_control(field("CITATION Who20 \\l 1033", "(World Water Council, 2020)")),
            run("."),
        ),
    ]
    result = lint_path(write_docx(tmp_path / "no-list.docx", body, sources=sources))
    missing = [f.citation.authors[0] for f in result.findings if f.code == "C101" and f.citation]
    assert missing == ["Wrobel", "Okafor", "Halvorsen", "World Water Council"]


def test_a_field_citation_is_not_dated_by_a_year_its_printed_text_does_not_show() -> None:
    # EndNote stored 2010 for "(Francis X. Rocca)", which the text reader left alone; the
    # entry with the same title says 2021. The printed MLA citation shows no year: it
    # links to the entry by its work, with no year to disagree.
    text = (
        "The flock shrank after 1990 (Francis X. Rocca), and the shrines grew rich.\n\n"
        "Works Cited\n\n"
        'Rocca, Francis X. "The Shrine Economy." Harbour Press, 2021.'
    )
    at = text.index("(Francis")
    stored = CitedWork(authors=("Francis X. Rocca",), year="2010", title="The Shrine Economy")
    cited = FieldCitation(start=at, end=at + len("(Francis X. Rocca)"), manager="endnote",
                          works=(stored,))  # fmt: skip
    doc = Document.from_text(text, path="essay.docx", format="docx", field_citations=(cited,))
    entry_at = text.index("Rocca, Francis")
    entry = Reference(
        raw=text[entry_at:], span=Span(start=entry_at, end=len(text)), year="2021",
        authors=(Person(family="Rocca", given="Francis X."),), title="The Shrine Economy",
    )  # fmt: skip
    essay = find_sections(doc.text, doc.blocks)
    citations, _, links = link_field_citations(doc, essay, (), [entry], (), mla=True)
    assert [c.year for c in citations] == [None]
    assert [link.status for link in links] == ["matched"]


def test_a_field_citation_printed_with_no_date_is_dated_n_d() -> None:
    # Word printed "(timeline, n.d.)" for a source it stores without a year: the
    # citation says the work is undated, as a typed "(timeline, n.d.)" would.
    text = "Backpropagation came in the 1970s (timeline, n.d.), and more after."
    at = text.index("(timeline")
    stored = CitedWork(authors=("timeline",), title="Machine Learning: A History")
    cited = FieldCitation(start=at, end=at + len("(timeline, n.d.)"), manager="word",
                          works=(stored,))  # fmt: skip
    doc = Document.from_text(text, path="essay.docx", format="docx", field_citations=(cited,))
    essay = find_sections(doc.text, doc.blocks)
    citations, _, _ = link_field_citations(doc, essay, (), [], ())
    assert [(c.authors, c.year) for c in citations] == [(("timeline",), "n.d.")]


def test_a_dated_field_citation_links_the_dated_copy_of_a_work_listed_twice() -> None:
    # One paper listed twice, the first copy without its year; the manager's record of
    # "(Quill, 2003)" has the year, that of "(Quill)" none. Each cites its own copy, so
    # the dated copy is cited too (it was linked to the first, year-less, copy).
    from essaylint.analysis.matching import link_citations
    from essaylint.pipeline import read_references

    text = (
        "Tides were logged by hand (Quill). Later gauges agreed (Quill, 2003).\n\n"
        "References\n\n"
        "ABBOTT, P. 2001. Silt and harbours. Port Press.\n\n"
        "QUILL, M. Tide gauges on the north coast. Harbour Studies. 10-19.\n\n"
        "QUILL, M. 2003. Tide gauges on the north coast. Harbour Studies. 10-19."
    )
    undated = CitedWork(authors=("Quill",), year=None, title="Tide gauges on the north coast")
    dated = undated.model_copy(update={"year": "2003"})
    fields = tuple(
        FieldCitation(
            start=text.index(shown),
            end=text.index(shown) + len(shown),
            manager="endnote",
            works=(work,),
        )
        for shown, work in (("(Quill)", undated), ("(Quill, 2003)", dated))
    )
    doc = Document.from_text(text, path="essay.docx", format="docx", field_citations=fields)
    essay = find_sections(doc.text, doc.blocks)
    refs = read_references(doc, essay)
    assert [r.year for r in refs] == ["2001", None, "2003"]
    from essaylint.analysis.citations import extract_citations

    citations = extract_citations(doc.text, essay)
    links = link_citations(citations, refs)
    cited, _, new_links = link_field_citations(doc, essay, citations, refs, links)
    assert [
        (c.text, link.status, link.reference) for c, link in zip(cited, new_links, strict=True)
    ] == [
        ("(Quill)", "matched", 1),
        ("(Quill, 2003)", "matched", 2),
    ]


def _field_linked(text: str, field: FieldCitation) -> list[tuple[str, int | None]]:
    """(status, entry) of each citation of ``text`` once linked with the citation-manager field."""
    from essaylint.analysis.citations import extract_citations
    from essaylint.analysis.matching import link_citations
    from essaylint.pipeline import read_references

    doc = Document.from_text(text, field_citations=(field,))
    essay = find_sections(doc.text, doc.blocks)
    refs = read_references(doc, essay)
    citations = extract_citations(doc.text, essay)
    links = link_citations(citations, refs)
    _, _, new_links = link_field_citations(doc, essay, citations, refs, links)
    return [(link.status, link.reference) for link in new_links]


def test_field_works_kept_in_another_order_than_printed_pair_by_first_author() -> None:
    text = (
        "Yields rose (Makepeace et al., 2017; Tovey et al., 2022) on small farms.\n\n"
        "References\n\n"
        "Makepeace, C., Wong, R., & Moss, B. (2017). Dosing maize. Farm Press.\n\n"
        "Tovey, G., Barr, P., & Hart, T. (2022). Microdosing. Field Books."
    )
    start = text.index("(Makepeace")
    end = text.index(")", start) + 1
    works = (  # the field keeps the works in the order they were inserted
        CitedWork(authors=("Tovey",), year="2022", title="Microdosing"),
        CitedWork(authors=("Makepeace",), year="2017", title="Dosing maize"),
    )
    field = FieldCitation(start=start, end=end, manager="mendeley", works=works)
    assert _field_linked(text, field) == [("matched", 0), ("matched", 1)]


def test_an_undated_field_work_known_by_its_title_links_the_entry_its_title_heads() -> None:
    text = (
        "Receivers time each signal (“Trilateration (TRL) - PlaneWatch,” 2019), so the "
        "position follows.\n\n"
        "References\n\n"
        "Trilateration (TRL) - PlaneWatch. (2019). Retrieved from https://planewatch.example/trl\n\n"
        "Varga, T. (2018). Radar. Shore Press."
    )
    start = text.index("(“Tri")
    end = text.index(")", text.index("2019")) + 1
    work = CitedWork(authors=(), year=None, title="Trilateration (TRL) - PlaneWatch")
    field = FieldCitation(start=start, end=end, manager="mendeley", works=(work,))
    assert _field_linked(text, field) == [("matched", 0)]


def test_an_undated_field_work_links_the_undated_entry_of_its_title() -> None:
    text = (
        "Sale prices come from the land registry (Harbour Sales Data, no date).\n\n"
        "References\n\n"
        "Harbour Sales Data (no date) Harbour.Gov. Available at: https://harbour.example/sales\n\n"
        "Harbour.Gov. (2022) Harbour Sales Data. Available at: https://harbour.example/2022"
    )
    start = text.index("(Harbour")
    end = text.index(")", start) + 1
    work = CitedWork(authors=(), year=None, title="Harbour Sales Data")
    field = FieldCitation(start=start, end=end, manager="zotero", works=(work,))
    assert _field_linked(text, field) == [("matched", 0)]


def test_numbered_fields_without_a_list_are_missing_beside_a_note_that_cites_nothing(
    tmp_path: Path,
) -> None:
    """A thesis draft whose Mendeley list was never inserted, with one footnote on a formula:
    the note is not how it cites, so each numbered work is missing."""
    body = [
        paragraph(
            run("Wave farms need grid links "),
            field(_csl("mendeley", QUILL), "[1]"),
            run(" and an atlas of tides "),
            field(_csl("mendeley", ATLAS), "[2]"),
            run(". The flux follows the gradient."),
            footnote_mark(1),
        ),
        text_paragraph("References", style="Heading1"),
    ]
    path = write_docx(
        tmp_path / "draft.docx", body, footnotes={1: "Here div(u) = 0 for every cell."}
    )
    result = lint_path(path)
    missing = [f.citation.number for f in result.findings if f.code == "C101" and f.citation]
    assert missing == [1, 2]
