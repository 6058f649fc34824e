"""Word files with a paragraph for every typed line, and text pasted from a page's source.

A student who presses Enter at the end of each line (or a converter that makes a
paragraph of every line) cuts citations and entries into paragraphs; text pasted
from HTML keeps its "&amp;". The essay must read as it would typed normally.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.word_xml import run, text_paragraph, write_docx

from essaylint.loaders import load_path
from essaylint.pipeline import lint_path
from essaylint.reporters.location import BlockLocator


def test_a_citation_cut_over_two_paragraphs_cites_every_work(tmp_path: Path) -> None:
    body = [
        text_paragraph("Feedback works when pupils act on it"),
        text_paragraph("(Okafor, 2011; Brandt &amp; Lee, 2015;"),
        text_paragraph("Moreau, 2019)."),
        text_paragraph("References", style="Heading1"),
        text_paragraph("Brandt, K. &amp; Lee, S. (2015) Marking less. Teaching Today, 4, pp. 1-9."),
        text_paragraph("Moreau, J. (2019) Feedback loops. Classroom Press."),
        text_paragraph("Okafor, T. (2011) Acting on comments. School Review, 2, pp. 3-8."),
    ]
    result = lint_path(write_docx(tmp_path / "cut.docx", body))
    brandt = next(r for r in result.references if r.raw.startswith("Brandt"))
    assert [a.family for a in brandt.authors] == ["Brandt", "Lee"]  # not "amp"
    assert [f.code for f in result.findings if f.code[0] == "C"] == []


def test_mla_entries_cut_into_a_paragraph_per_line_stay_whole(tmp_path: Path) -> None:
    body = [
        text_paragraph(
            "Rumours spread along reply threads (Halvorsen 4), and fact checks "
            "travel slower (Quill and Ostby 12)."
        ),
        text_paragraph("Works Cited", style="Heading1"),
        text_paragraph("Halvorsen , Ingrid, and Tomas Berg. Rumour Paths. Fjord &amp; Lake,"),
        text_paragraph("2018, pp. 1–40."),
        text_paragraph("Quill, Ada, et al. “How Fact Checks Travel in Reply Threads.”"),
        text_paragraph("Open Media Review, vol. 3, no. 2, 2020,"),
        text_paragraph("doi:10.5555/omr.2020.12."),
        text_paragraph("Vesely, Marek. “A Roundup of Research on Rumours.”"),
        text_paragraph("Newsroom Notes, Lakeside School of Journalism, 6 Nov. 2019,"),
        text_paragraph("newsroomnotes.example.org/rumours/."),
    ]
    result = lint_path(write_docx(tmp_path / "mla.docx", body))
    heads = [(r.authors[0].family if r.authors else None, r.year) for r in result.references]
    assert heads == [("Halvorsen", "2018"), ("Quill", "2020"), ("Vesely", "2019")]
    uncited = [f.message for f in result.findings if f.code == "C104"]
    assert len(uncited) == 1
    assert uncited[0].startswith("Vesely (2019)")


def test_a_narrative_citation_cut_at_a_typed_line_is_read_whole(tmp_path: Path) -> None:
    body = [
        text_paragraph("Online courses keep learners who talk to each other, as Hale"),
        text_paragraph("and Cheung (2008) found, and as Xiao, Korn, Suen, Purcell & Goins"),
        text_paragraph("(2015) confirmed for courses with forums."),
        text_paragraph("References", style="Heading1"),
        text_paragraph("Hale, K. F. & Cheung, W. S. (2008) Talk online. Web Learning, 3, 1-9."),
        text_paragraph("Xiao, Q., Korn, M., Suen, H., Purcell, D. & Goins, D. (2015) Forums."),
    ]
    path = write_docx(tmp_path / "lines.docx", body)
    result = lint_path(path)
    assert [c.authors for c in result.citations] == [
        ("Hale", "Cheung"),
        ("Xiao", "Korn", "Suen", "Purcell", "Goins"),
    ]
    assert [f.code for f in result.findings if f.code[0] == "C"] == []
    located = BlockLocator(result.document).at(result.citations[1].span.start)
    assert located == 'paragraph 2 ("and Cheung (2008) found, and as Xiao,…")'


def test_entries_opening_in_lower_case_or_with_a_link_are_not_joined(tmp_path: Path) -> None:
    body = [
        text_paragraph("Tips rose in 2023 (deMarco & Lind, 2023; van Rijn, 2021)."),
        text_paragraph("References", style="Heading1"),
        text_paragraph(
            "Ostrow, A. (2022). Trips data. City Portal. https://data.example.org/trips-2022"
        ),
        text_paragraph("deMarco, D., & Lind, J. (2023). Tipping culture. Survey Centre."),
        text_paragraph("van Rijn, T. (2021). Rides and tips. Transit Notes"),
        text_paragraph("https://docs.example.org/guide - Ride guide"),
    ]
    doc = load_path(write_docx(tmp_path / "own.docx", body))
    firsts = [doc.text[b.start : b.end].split(" ")[0] for b in doc.blocks]
    assert firsts == [
        "Tips",
        "References",
        "Ostrow,",
        "deMarco,",
        "van",
        "https://docs.example.org/guide",
    ]


def test_a_parenthesis_left_open_at_a_typed_line_is_closed_by_the_next(tmp_path: Path) -> None:
    # "... Varga" / "2010)." and "(Lindqvist &" / "Brandt, 2016)": the next paragraph closes
    # the parenthesis, so it is the same citation, whatever its first word.
    body = [
        text_paragraph("The cluster lies 15 kpc away (Osei et al. 2007; Varga"),
        text_paragraph("2010). Its stars are old (Lindqvist &"),
        text_paragraph("Brandt, 2016)."),
        text_paragraph("References", style="Heading1"),
        text_paragraph("Lindqvist, H. & Brandt, K. (2016) Old stars. Sky Notes, 4, 1-9."),
        text_paragraph("Osei, K., Mensah, A. & Boateng, E. (2007) Distances. Sky Notes, 1, 2-8."),
        text_paragraph("Varga, T. (2010) Cluster catalogue. Sky Notes, 3, 5-7."),
    ]
    result = lint_path(write_docx(tmp_path / "open.docx", body))
    assert sorted(c.authors[0] for c in result.citations) == ["Lindqvist", "Osei", "Varga"]
    assert [f.code for f in result.findings if f.code[0] == "C"] == []


def test_layout_tags_pasted_with_the_entries_do_not_hide_the_numbered_list(tmp_path: Path) -> None:
    # A paragraph pasted from a page's source keeps its '<p style="...">' wrapper:
    # the number after it still opens a numbered entry.
    wrapped = '&lt;p style="text-align:left"&gt;{}&lt;/p&gt;'
    body = [
        text_paragraph("Tide gauges drift [1], and satellites correct them [2]."),
        text_paragraph("References", style="Heading1"),
        text_paragraph(wrapped.format("[1] L. Brandt. Gauges at sea. Harbour Press, 2016.")),
        text_paragraph(wrapped.format("[2] T. Okafor. Altimetry. Ocean Letters, 4:1-9, 2019.")),
        text_paragraph(wrapped.format("[3] J. Moreau. Sea level. Coast Press, 2020.")),
    ]
    result = lint_path(write_docx(tmp_path / "pasted.docx", body))
    assert [r.number for r in result.references] == [1, 2, 3]
    assert [
        (f.code, f.reference and f.reference.number) for f in result.findings if f.code[0] == "C"
    ] == [("C104", 3)]


def test_an_entry_typed_under_its_number_alone_is_one_entry(tmp_path: Path) -> None:
    """ "[1]" on a paragraph of its own, then a paragraph for each of the entry's lines."""
    body = [
        text_paragraph("Tides rise faster now [1], and harbours flood more often [2]."),
        text_paragraph("Sea walls help [3]."),
        text_paragraph("Bibliography", style="Heading1"),
    ]
    for number, who, title, date in [
        (1, "Harbour Board.", "“Tide tables”.", "May 2, 2018"),
        (2, "Lena Holt.", "“Flooded quays”.", "June 3, 2018"),
        (3, "Ravi Menon.", "“Sea walls that work”.", "July 4, 2018"),
        (4, "Ada Quist.", "“Dredging”.", "Aug. 5, 2018"),
    ]:
        body += [
            text_paragraph(f"[{number}]"),
            text_paragraph(who),
            text_paragraph(title),
            text_paragraph("Internet:"),
            text_paragraph(f"https://example.org/{number}"),
            text_paragraph(date),
        ]
    result = lint_path(write_docx(tmp_path / "numbers.docx", body))
    assert [(r.number, r.year) for r in result.references] == [(n, "2018") for n in (1, 2, 3, 4)]
    uncited = [f.message for f in result.findings if f.code == "C104"]
    assert len(uncited) == 1
    assert uncited[0].startswith("Quist (2018)")


def test_an_entry_typed_as_its_names_and_date_then_its_title_is_one_entry(tmp_path: Path) -> None:
    # Enter after the date, and after a spaced dash in the title: three paragraphs, one entry.
    body = [
        text_paragraph("Reviews catch defects early (Lindqvist et al., 2014; Moreau, 2019)."),
        text_paragraph("References", style="Heading1"),
        text_paragraph("Lindqvist Jr., P, Osei, K.A & Brandt, T. (2014)."),
        text_paragraph("“Reading Code Together”: 2014 Fifth Conference on Software Quality -"),
        text_paragraph("Practice and Tools. Leeds, UK, 3-5 May 2014. DOI: 10.5555/csq.2014.7."),
        text_paragraph("Moreau, J. (2019) Review habits. Code Press."),
    ]
    result = lint_path(write_docx(tmp_path / "heads.docx", body))
    assert [(r.authors[0].family if r.authors else None, r.year) for r in result.references] == [
        ("Lindqvist", "2014"),
        ("Moreau", "2019"),
    ]
    assert "Practice and Tools" in result.references[0].raw
    assert [f.code for f in result.findings if f.code[0] == "C"] == []


def test_a_paragraph_of_prose_ending_in_a_date_does_not_take_the_next_one(tmp_path: Path) -> None:
    body = [
        text_paragraph("Peer review was first studied at scale by Lindqvist (2014)."),
        text_paragraph("Later work asked who reviews whom (Moreau, 2019)."),
        text_paragraph("References", style="Heading1"),
        text_paragraph("Lindqvist, P. (2014) Reading code together. Code Press."),
        text_paragraph("Moreau, J. (2019) Review habits. Code Press."),
    ]
    doc = load_path(write_docx(tmp_path / "prose.docx", body))
    assert len([b for b in doc.blocks if b.kind == "paragraph"]) >= 4
    assert doc.text.count("\n\n") >= 4  # each paragraph stays its own


def test_markdown_escapes_pasted_into_word_are_read(tmp_path: Path) -> None:
    body = [
        text_paragraph(r"## 1\. Tides"),
        text_paragraph(r"Grain moves with the spring tides \[1\], and more in storms \[2\]."),
        text_paragraph("References", style="Heading1"),
        text_paragraph(r"\[1\] Quist, B. (2016) Tides and grain. Coastal History 8(2): 14-29."),
        text_paragraph(r"\[2\] Oduya, K. (2019) Storm sands. Shore Notes 3, 1-9."),
    ]
    result = lint_path(write_docx(tmp_path / "escaped.docx", body))
    assert [c.number for c in result.citations] == [1, 2]
    assert [r.number for r in result.references] == [1, 2]
    assert [f.code for f in result.findings if f.code[0] == "C"] == []


def test_html_block_tags_pasted_into_a_paragraph_break_its_lines(tmp_path: Path) -> None:
    pasted = (
        "<p>Grain moves with the tides (Quist, 2016) and in storms (Oduya, 2019).</p>"
        "<p>References</p><p>Oduya, K. (2019). Storm sands. Shore Notes, 3, 1-9.</p>"
        "<p>Quist, B. (2016). Tides and grain. Coastal History, 8(2), 14-29.<br>"
        "Vance, R. (2012). Dunes. Sand Press.</p>"
    )
    result = lint_path(write_docx(tmp_path / "pasted.docx", [text_paragraph(pasted)]))
    assert [r.authors[0].family for r in result.references] == ["Oduya", "Quist", "Vance"]
    assert [f.code for f in result.findings if f.code[0] == "C"] == ["C104"]


def test_a_parenthesis_left_open_after_an_initial_goes_on_in_the_next_paragraph(
    tmp_path: Path,
) -> None:
    body = [
        text_paragraph("Skilled staff leave, as Indra Govan puts it. (Govan, I."),
        text_paragraph("2024). Firms then hire abroad."),
        text_paragraph("References", style="Heading1"),
        text_paragraph("Govan, I. (2024). Brain drain and health care. Cape Review, 3, 1-9."),
    ]
    result = lint_path(write_docx(tmp_path / "open.docx", body))
    assert [(c.authors, c.year) for c in result.citations] == [(("Govan",), "2024")]
    assert [f.code for f in result.findings if f.code[0] == "C"] == []


def test_a_title_quoted_over_three_paragraphs_stays_in_its_entry(tmp_path: Path) -> None:
    body = [
        text_paragraph("Recycling cuts emissions (Mourant et al. 2008; Richter 2016)."),
        text_paragraph("References", style="Heading1"),
        text_paragraph("Mourant, A. L., Garcia, E. C., Vale, G. B., “Environmental Effects from a"),
        text_paragraph(
            "Recycling Rate Increase of Cardboard of Packaging Systems for Milk Using Life Cycle"
        ),
        text_paragraph(
            "Approach.” The International Journal of Life Cycle Assessment, 1 Jan. 2008,"
        ),
        text_paragraph("https://example.org/lca2008"),
        text_paragraph(
            "Richter, M. (2016). Convenience built on cardboard. https://example.org/box"
        ),
    ]
    result = lint_path(write_docx(tmp_path / "quoted.docx", body))
    assert [r.authors[0].family for r in result.references] == ["Mourant", "Richter"]
    assert [f.code for f in result.findings if f.code[0] == "C"] == []


def _indented(text: str, side: str = "left") -> str:
    return f'<w:p><w:pPr><w:ind w:{side}="720"/></w:pPr>{run(text)}</w:p>'


def test_a_hanging_indent_typed_by_hand_keeps_each_entry_whole(tmp_path: Path) -> None:
    body = [
        text_paragraph("Deep nets read scans (Hale et al., 2012; Jarvis and Mao, 1996)."),
        text_paragraph("Some disagree (Katz and Fox, 1991; Lund et al., 2015)."),
        text_paragraph("Works Cited", style="Heading1"),
        text_paragraph(
            "Hale, G., Deng, L., Yu, D., Dahl, G., Mohr, A.-R., Jaitly, N., Senior, A.,"
        ),
        _indented("Vance, V., Nguyen, P. and Kings, B. (2012) ‘Deep networks for speech’."),
        text_paragraph("Jarvis, Anil K., Jian Mao. “Neural Networks: A Tutorial” Institute of"),
        _indented("Electrical Engineers. Computer Society, March 1996. Web. 18 Jan. 2016."),
        text_paragraph("Katz, R., and P. J. Fox. “Dementia: From Gene to"),
        _indented("Prevention.” Epidemiology of Dementia. Springer, 1991. Web.", side="firstLine"),
        text_paragraph(
            "Lund, Yann, Yoshua Berg, and Geoffrey Hale. “Deep Learning.” Nature 521.7553"
        ),
        _indented("(2015): 436-44. Web. 7 Feb. 2016."),
    ]
    result = lint_path(write_docx(tmp_path / "typed-hanging.docx", body))
    assert [r.authors[0].family for r in result.references] == ["Hale", "Jarvis", "Katz", "Lund"]
    assert [f.code for f in result.findings if f.code in ("C101", "C104")] == []


def test_one_indented_quotation_after_a_paragraph_stays_its_own(tmp_path: Path) -> None:
    body = [
        text_paragraph("However, Marsh, in the preface, puts it plainly (Marsh, 2019):"),
        _indented("Tides are the clock of the coast, and every harbour keeps its time."),
        text_paragraph("References", style="Heading1"),
        text_paragraph("Marsh, T. (2019). Harbour time. Coast Press."),
    ]
    result = lint_path(write_docx(tmp_path / "quote.docx", body))
    assert len([b for b in result.document.blocks if b.kind == "paragraph"]) == 3


def _hung(text: str, left: int, hanging: int) -> str:
    return f'<w:p><w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>{run(text)}</w:p>'


def test_a_paragraph_in_the_hanging_column_goes_on_the_entry_above(tmp_path: Path) -> None:
    # Word's hanging indent on each entry; the rest of an entry cut into a paragraph of
    # its own starts where the entry's next lines start (left 750, hanging 10 twips).
    body = [
        text_paragraph("Models estimate who adopts (Barnard et al., 2018; Cole, 2019)."),
        text_paragraph("References", style="Heading1"),
        _hung("Barnard, R., Moore, J., & Slade, H. (2018). Models of adoption.", 762, 720),
        _hung("Transactions on Sustainable Energy., 9(4). doi:10.1109/TSTE.2018.2794579", 750, 10),
        _hung(
            "Cole, M. (2019, September). Geodata. Retrieved from https://a.example.nl/", 762, 720
        ),
        _hung("Also: https://b.example.nl/buurt", 760, 30),
    ]
    result = lint_path(write_docx(tmp_path / "hung.docx", body))
    assert [r.authors[0].family for r in result.references] == ["Barnard", "Cole"]
    barnard = result.references[0]
    assert barnard.doi == "10.1109/TSTE.2018.2794579"
    assert barnard.volume == "9"
    assert [f.code for f in result.findings if f.code[0] == "C"] == []


def test_a_paragraph_at_the_entries_margin_is_an_entry_of_its_own(tmp_path: Path) -> None:
    body = [
        text_paragraph("Models estimate who adopts (Barnard & Slade, 2018; Cole, 2019)."),
        text_paragraph("References", style="Heading1"),
        _hung("Barnard, R., & Slade, H. (2018). Models of adoption. Energy, 9(4).", 762, 720),
        _hung("Cole, M. (2019). Geografische data. Retrieved from https://a.example.nl/", 762, 720),
    ]
    result = lint_path(write_docx(tmp_path / "margin.docx", body))
    assert [r.authors[0].family for r in result.references] == ["Barnard", "Cole"]


def test_an_entry_that_lost_its_hanging_indent_is_still_an_entry(tmp_path: Path) -> None:
    body = [
        text_paragraph("Views are synthesised (Agar et al., 2015; Hartman & Ziss, 2004)."),
        text_paragraph("Boxes pile up (Richman, 2016)."),
        text_paragraph("References", style="Heading1"),
        _hung("Agar, P., Carr, J. and Malik, J. (2015) 'Learning to see'. ICCV.", 720, 720),
        _indented("Hartman, R. and Ziss, A. (2004) Multiple View Geometry, 2 ed."),
        _hung("Marsh, T. (n.d.). Prices of card. Retrieved from https://a.example.com/", 245, 245),
        _hung("Richman, M. (2016, February 16). Convenience built on cardboard.", 240, 0),
    ]
    result = lint_path(write_docx(tmp_path / "lost-hang.docx", body))
    families = [r.authors[0].family for r in result.references]
    assert families == ["Agar", "Hartman", "Marsh", "Richman"]
