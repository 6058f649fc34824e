"""Finding the body, the reference list and the trailing text."""

from __future__ import annotations

from essaylint.analysis.sections import find_sections, looks_like_entry


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def test_heading_starts_the_list_and_a_rule_ends_it() -> None:
    text = (
        "Intro (Smith, 2010).\n\n## References\n\nSmith, J. (2010). A title. Press.\n\n"
        "Young, K. (2011). Another. Journal, 2(3), 4-5.\n\n---\n\n## Glossary\n\nTerm: meaning.\n"
    )
    essay = find_sections(text)
    assert essay.heading == "## References"
    assert essay.references is not None
    assert _line(text, essay.references.start) == 5
    assert _line(text, essay.references.end) == 7
    assert essay.body.end == text.index("## References")
    assert essay.trailing is not None
    assert "Glossary" in text[essay.trailing.start :]


def test_list_without_heading_is_found_and_comments_after_it_are_trailing() -> None:
    text = (
        "Networks matter (Boase, 2008).\n\n"
        "Boase, J. (2008). Personal networks. Information Society11(4), 490-508.\n\n"
        "Condi, C. (2019, September 17). Inviting men. Retrieved from\n\n"
        "Ganda, M. (2014). Social media and self. Portland State University.\n\n"
        "13 replies on this post\n\nHi Shong,\nI enjoyed reading your paper (Nobody, 2020).\n"
    )
    essay = find_sections(text)
    assert essay.heading is None
    assert essay.references is not None
    assert text[essay.references.start :].startswith("Boase, J.")
    assert text[: essay.references.end].endswith("Portland State University.")
    assert essay.trailing is not None
    assert "Nobody" in text[essay.trailing.start :]


def test_numbered_subsection_heading_wins_over_its_parent() -> None:
    text = (
        "Body.\n\n## 9. References and Further Reading\n\nThis section lists sources.\n\n"
        "### 9.1 References\n\n<references>\n\n1. Bem, D. J. (1972). Self-perception. Press.\n\n"
        "</references>\n\n### 9.2 Further Reading\n\n1. Cohen, G. (2014). Change. Review.\n"
    )
    essay = find_sections(text)
    assert essay.heading == "### 9.1 References"
    assert essay.references is not None
    listed = text[essay.references.start : essay.references.end]
    assert "Bem" in listed
    assert "Cohen" not in listed


def test_reading_list_inside_the_body_is_excluded_but_a_title_with_reading_is_not() -> None:
    text = (
        "# Why Reading Matters\n\nText (Ames, 2001).\n\n### Recommended Reading\n\n"
        "- Kerzner, H. (2017) Project Management. Wiley.\n\n## Next part\n\nMore text.\n\n"
        "## References\n\nAmes, B. (2001). Reading. Press.\n"
    )
    essay = find_sections(text)
    assert len(essay.excluded) == 1
    excluded = text[essay.excluded[0].start : essay.excluded[0].end]
    assert "Kerzner" in excluded
    assert "Ames, 2001" not in excluded


def test_no_reference_list() -> None:
    text = "A blog post.\n\nIn 2017 the hashtag spread.\n\nShare this post\n"
    essay = find_sections(text)
    assert essay.references is None
    assert essay.body.end == len(text)


def test_entry_shapes() -> None:
    assert looks_like_entry("Pan, Z., Lu, Y., & Chau, P. Y. (2017). Who do you think you are?")
    assert looks_like_entry("The Guardian (2016, October 19). The Guardian view. Retrieved from")
    assert looks_like_entry('[^rong]: Rong, Shuang. "Association." Journal 12 (2022): 4.')
    assert looks_like_entry("3. Ryan, R. M. (2000). Self-determination theory.")
    assert not looks_like_entry("Debates have emerged on whether media matter, Ganda (2014) said.")
    assert not looks_like_entry("Hi Shong, I enjoyed reading your paper in 2020.")


def _listed(text: str, essay: object) -> list[str]:
    from essaylint.models import Essay

    assert isinstance(essay, Essay)
    return [text[s.start : s.end] for s in essay.lists]


def test_numbered_and_worded_list_headings() -> None:
    for heading in ("## 9.1 Key References", "11. References and Further Reading", "IV. Sources"):
        text = f"Body (Ames, 2001).\n\n{heading}\n\nAmes, B. (2001). Reading. Press.\n"
        essay = find_sections(text)
        assert essay.references is not None, heading
        assert text[essay.references.start :].startswith("Ames, B."), heading


def test_every_list_heading_the_entry_splitter_skips_also_names_a_list() -> None:
    # One list of headings (analysis/patterns): "Literature" was known only to the splitter.
    for heading in ("Literature", "LITERATURE:", "## Literature"):
        text = f"Body (Ames, 2001).\n\n{heading}\n\nAmes, B. (2001). Reading. Press.\n"
        essay = find_sections(text)
        assert essay.references is not None, heading
        assert text[essay.references.start :].startswith("Ames, B."), heading


def test_references_and_bibliography_are_both_lists_and_the_bibliography_is_consulted() -> None:
    text = (
        "Body (Ames, 2001; Tam, 2011).\n\nReferences\n\nAmes, B. (2001). Reading. Press.\n\n"
        "Bibliography\n\nTam, W. (2011). Naps. Sleep Notes, 4, 1-9.\n"
    )
    essay = find_sections(text)
    assert [x.split(".")[0] for x in _listed(text, essay)] == ["Ames, B", "Tam, W"]
    assert [text[s.start : s.start + 3] for s in essay.consulted] == ["Tam"]


def test_sub_headings_and_short_notes_inside_a_list_do_not_end_it() -> None:
    text = (
        "Body.\n\n## References\n\n### Articles\n\nAmes, B. (2001). Reading. J, 2(1), 1-9.\n\n"
        "Books are listed next.\n\n### Books\n\nBell, C. (2002). Writing. Press.\n\n"
        "Cole, D. (2003). Thinking. Press.\n"
    )
    essay = find_sections(text)
    listed = "\n".join(_listed(text, essay))
    assert all(name in listed for name in ("Ames", "Bell", "Cole"))
    assert "Books are listed" not in listed


def test_people_with_lifespans_and_citing_sentences_are_not_a_list() -> None:
    text = (
        "Attachment research began early (Bowlby, 1969).\n\n"
        "- Martin Seligman (1942–) founded positive psychology.\n"
        "- John Bowlby (1907–1990) developed attachment theory.\n"
        "- Ainsworth (1978) argued that infants differ.\n\n"
        "Bowlby, J. (1969). Attachment. Basic Books.\n\n"
        "Harlow, H. (1958). Love. Am Psych, 13, 673.\n"
    )
    essay = find_sections(text)
    assert essay.references is not None
    assert text[essay.references.start :].startswith("Bowlby, J.")
    assert not looks_like_entry("Martin Seligman (1942–) founded positive psychology.")
    assert not looks_like_entry("Ainsworth (1978) argued that infants differ.")


def test_an_entry_cut_into_paragraphs_is_one_entry() -> None:
    from essaylint.analysis.reference_split import split_reference_list

    text = (
        "Body (Aral et al., 2015).\n\nReferences\n\n"
        "Aral, S. O., Torrone, E., & Bernstein, K. (2015). Geographical targeting to improve\n\n"
        "progression in different populations. Current Opinion in HIV, 10(6), 477-482.\n\n"
        "Phillips, G., McCuskey, D. J., & Beach,\n\nL. B. (2020). Education and testing. "
        "Prevention Science, 21(7), 898-907.\n\n"
        "Centers for Disease Control. (2021). HIV Report. Retrieved\n\n"
        "from https://www.cdc.gov/hiv\n"
    )
    essay = find_sections(text)
    assert essay.references is not None
    span = essay.references
    refs = split_reference_list(text[span.start : span.end], span.start)
    assert [(r.authors[0].family, r.year) for r in refs] == [
        ("Aral", "2015"),
        ("Phillips", "2020"),
        ("Centers for Disease Control", "2021"),
    ]
    assert refs[2].url == "https://www.cdc.gov/hiv"


def test_structural_headings_from_a_loader() -> None:
    from essaylint.models import Block

    # "Sources used in the report" is no list heading by its words alone, but a
    # Word "Heading 1" paragraph that a list follows is a heading all the same.
    text = "Intro (Ames, 2001).\n\nReferences\n\nAmes, B. (2001). Reading. Press."
    blocks = (Block(start=21, end=31, kind="heading", level=1),)
    essay = find_sections(text, blocks)
    assert essay.heading == "References"
    assert essay.body.end == 21


def test_bracket_numbered_entries_run_together_are_cut_apart() -> None:
    from essaylint.analysis.reference_split import split_reference_list

    # PDF text: several IEEE entries in one paragraph, and one starting after a URL line.
    text = (
        "[1] L. Perry, “Songlines,” Educ. Res., vol. 45, 2018. [2] S. Watkins, Hip Hop "
        "Matters. Boston: Beacon, 2006. [Online]. Available:\n\nhttp://example.org/x [3] F. "
        "Holt, “Genre formation,” Musik, vol. 28, 2003. A pointer to [9] stays inside.\n"
    )
    refs = split_reference_list(text, 0)
    assert [(r.number, r.year) for r in refs] == [(1, "2018"), (2, "2006"), (3, "2003")]
    assert refs[1].url == "http://example.org/x"


def test_numbered_points_eras_and_tagged_reading_lists_are_not_entries() -> None:
    text = (
        "# Love\n\n<timeline>\n1. Ancient Civilizations (3000 BCE - 500 CE):\n   - Greek love\n\n"
        "2. Middle Ages (500 CE - 1500 CE):\n   - Courtly love\n\n"
        "3. Renaissance (1500 CE - 1800 CE):\n   - Art\n</timeline>\n\n"
        "1. **Define the case:** set goals first (Cleland and Ireland, 2016).\n"
        "2. HDFS (Hadoop File System): stores blocks (Apache Software Foundation, n.d.).\n"
        "3. Flexibility: Hadoop reads any format (Wahbeh et al., 2010).\n"
        "- A 2019 study published in the Journal of Love found that talk helps.\n\n"
        "## References\n\n<references>\n1. Cleland, D. (2016). Project management. McGraw-Hill.\n"
        "</references>\n\n<further_reading>\n"
        "1. Attachment in Adulthood by Mario Mikulincer (2016)\n\n"
        "2. The Science of Trust by John M. Gottman (2011)\n\n3. Love by Ann Lee (2012)\n"
        "</further_reading>\n"
    )
    essay = find_sections(text)
    assert [x.split(".")[0] for x in _listed(text, essay)] == ["1"]
    assert "Cleland, D." in _listed(text, essay)[0]
    assert any("Mikulincer" in text[s.start : s.end] for s in essay.excluded) or (
        essay.trailing is not None and "Mikulincer" in text[essay.trailing.start :]
    )
    for point in (
        "3. Renaissance and Enlightenment (1500 CE - 1800 CE):",
        "1. Define the business case: set goals first (Cleland and Ireland, 2016).",
        "- A 2019 study published in the Journal of Love found that talk helps.",
    ):
        assert not looks_like_entry(point), point
    assert looks_like_entry("1. L. Moretti and J. Castellano, “Food waste,” Waste, vol. 14, 2018.")


def test_entry_heads_with_an_abbreviation_a_report_number_or_a_link_line() -> None:
    assert looks_like_entry("Association for Project Management (APM) (2019) APM Body. APM.")
    assert looks_like_entry('[12] N. Haddad, "Lane keeping," SAE Tech. Paper 2018-01-0433, 2018.')
    text = (
        "Body (Ames, 2001; Bell, 2002).\n\n## References\n\nAmes, B. (2001). Reading. Press.\n"
        "<https://example.org/ames>\nBell, C. (2002). Writing. Press.\n"
    )
    essay = find_sections(text)
    assert "Bell, C." in "".join(_listed(text, essay))


def test_an_invisible_last_line_does_not_hide_a_list_without_heading() -> None:
    text = (
        "Teams adapt (Morgan, 2020; Kaushik, 2019).\n\n"
        "Morgan, J. (2020). Teams at work. Northfield Press.\n\n"
        "Kaushik, V., & Walsh, C. A. (2019). Pragmatism. Social Sciences, 8(9), 255.\n\n\u200c\n"
    )
    essay = find_sections(text)
    assert essay.references is not None
    assert text[essay.references.start :].startswith("Morgan, J.")


def test_a_web_entry_has_a_link_but_a_paragraph_with_a_link_is_prose() -> None:
    assert looks_like_entry("Evaluating a website: A guide. Riverside OWL. https://example.org/owl")
    paragraph = (
        "OpenAI's introduction of the o1 model family in September 2024 marked the deployment "
        "of inference-time compute at scale. The [Learning to Reason](https://example.org/o1) "
        "post described the training approach: the models are trained to produce long chains "
        "of thought before answering, and the post reports gains on hard mathematics and "
        "programming problems that grow with the compute spent on reasoning."
    )
    assert not looks_like_entry(paragraph)


def _html_table(rows: list[str]) -> str:
    cells = "".join(f"<tr><td>{row}</td></tr>\n" for row in rows)
    return f"<table>\n{cells}</table>\n"


_SESSIONS = [
    "MIND 1 Monday 14 September, 2015 R1",
    "MIND 2 Monday 8 February, 2016 R2",
    "MIND 4 Monday 23 May, 2016 R4",
    "MIND 5 Monday 19 September, 2016 R5",
]
_ENTRIES = [
    "Chambers, R. (2020). Mindfulness online. Press.",
    "Hew, K. F. (2018). Unpacking MOOCs. Computers &amp; Education, 2(1), 4-9.",
    "Pappano, L. (2012). The year of the MOOC. The New York Times.",
]


def test_a_table_no_heading_names_is_data_not_a_reference_list() -> None:
    from essaylint.loaders import load_bytes

    page = (
        "<html><body><p>Runs grew (Chambers 2020; Hew, 2018).</p>\n"
        + _html_table(_SESSIONS)
        + "<h1>References</h1>\n</body></html>\n"
    )
    doc = load_bytes(page.encode(), "paper.html")
    assert find_sections(doc.text, doc.blocks).references is None


def test_a_table_under_a_references_heading_is_the_list() -> None:
    from essaylint.loaders import load_bytes

    page = (
        "<html><body><p>Runs grew (Chambers, 2020; Hew, 2018).</p>\n<h1>References</h1>\n"
        + _html_table(_ENTRIES)
        + "</body></html>\n"
    )
    doc = load_bytes(page.encode(), "paper.html")
    essay = find_sections(doc.text, doc.blocks)
    assert essay.references is not None
    assert "Pappano" in doc.text[essay.references.start : essay.references.end]


def test_an_appendix_after_the_list_is_searched_and_comments_are_not() -> None:
    head = (
        "Heat stress slows workers (Ibarra, 2017).\n\n## References\n\n"
        "Ibarra, L. (2017). Working in heat. Labour Review, 3(1), 5-9.\n\n"
    )
    appendix = "## Appendix B: Survey items\n\nAdapted from Ibarra (2017).\n"
    essay = find_sections(head + appendix)
    assert essay.trailing is None
    assert essay.appendix is not None
    assert (head + appendix)[essay.appendix.start :] == appendix
    comments = find_sections(head + "## 3 comments\n\nI agree (Nobody, 2020).\n")
    assert comments.appendix is None
    assert comments.trailing is not None


def test_numbered_items_above_a_headless_list_join_it_only_when_they_count_from_one() -> None:
    entries = (
        "3. Arnott, P. (2011). Blood pH. Renal Journal, 22, 1-9.\n\n"
        "4. Brandt, H. (1981). Potassium. Medicine Weekly, 71, 4-6.\n\n"
        "5. Cole, J. (1994). Hypoxia. Physiology Letters, 79, 1-3.\n"
    )
    top = "Oxygen helps [1]. Risks exist [2]. Potassium shifts [3-5].\n\n"
    listed = top + "1. Oxygen Therapy Indications. Wound Society.\n\n2. Oxygen facts.\n\n"
    essay = find_sections(listed + entries)
    assert essay.references is not None
    assert (listed + entries)[essay.references.start :].startswith("1. Oxygen Therapy")
    steps = top + "2. Then rinse the mask.\n\n"
    essay = find_sections(steps + entries)
    assert essay.references is not None
    assert (steps + entries)[essay.references.start :].startswith("3. Arnott")


def test_a_dated_line_above_the_headed_list_opens_no_second_list() -> None:
    text = (
        "Ferries carry fewer cars (Port Board, 2022).\n\n"
        "## Author\n\nStudio Project 4 - May 2025\n\n## References\n\n"
        "Port Board (2022) *Annual traffic.*\nAvailable at: https://example.org/port\n\n"
        "Harbour Trust (2021) *Berth plan.*\nAvailable at: https://example.org/berths\n"
    )
    essay = find_sections(text)
    assert essay.heading == "## References"
    assert len(essay.lists) == 1
    assert text[essay.lists[0].start :].startswith("Port Board (2022)")


def test_an_appendix_on_a_plain_line_ends_the_list_and_is_read() -> None:
    text = (
        "Body (Ames, 2019).\n\nReferences\nAmes, B. (2019) A title. Press.\n"
        "Ito, C. (2020) Another. Journal, 2(3), 4-5.\nAppendix A\nA reflection citing Ito (2020).\n"
    )
    essay = find_sections(text)
    assert essay.references is not None
    assert _line(text, essay.references.end) == 5
    assert essay.appendix is not None
    assert text[essay.appendix.start :].startswith("Appendix A")
    assert essay.trailing is None


def test_a_bold_label_over_bare_links_in_the_body_is_no_list() -> None:
    text = (
        "## Background\n\nBuses run late (Farrow, 2020).\n\n**Sources:**\n\n"
        "https://example.org/a\nhttps://example.org/b\n\n"
        "## References\n\nFarrow, D. (2020). *Night services*. Board. https://example.org/a\n"
    )
    essay = find_sections(text)
    assert len(essay.lists) == 1
    assert essay.heading == "## References"
    assert essay.body.end == text.index("## References")


def test_hanging_bullets_that_cite_are_no_list_without_a_heading() -> None:
    from essaylint.models import Block

    # Word hangs every bullet; points that cite under "Literature Review" are prose.
    points = [
        "Tea and Sleep: Studies by Moore et al. (2007) and Marsh et al. (2016) show that"
        " late tea delays sleep (OR = 3.9).",
        "Tea and Mood: Levin et al. (2014) found a moderate association (OR = 1.62).",
        "Tea and Focus: results are mixed (Kerr & Lamb, 2014; Blake et al., 2016).",
        "Tea and Memory: Gibbs et al. (2015) reported a modest correlation.",
    ]
    entries = [
        "Moore TH, Zand S. (2007). The Lancet, 370, 319-328.",
        "Marsh A, Dill M. (2016). Sleep, 42(5), 1262-1269.",
        "Levin S, Roe M. (2014). Psychological Medicine, 44(4), 797-810.",
        "Kerr KK, Lamb LT. (2014). BMC Psychiatry, 14, 136.",
        "Blake C, Hart DS. (2016). JAMA Psychiatry, 73(4), 388-395.",
        "Gibbs M, Wise C. (2015). Journal of Affective Disorders, 171, 39-47.",
    ]
    intro = "Several studies have explored how tea affects the mind."
    text = "\n\n".join(["Literature Review", intro, *points, "Methods", "References", *entries])
    blocks = [Block(start=0, end=17, kind="heading", level=3)]
    for point in points:
        start = text.index(point)
        end = start + len(point)
        blocks.append(Block(start=start, end=end, kind="list-item", hanging_indent=True))
    start = text.index("Methods")
    blocks.append(Block(start=start, end=start + 7, kind="heading", level=3))
    start = text.index("References")
    blocks.append(Block(start=start, end=start + 10, kind="heading", level=3))
    essay = find_sections(text, tuple(blocks))
    assert [text[s.start : s.end].split("\n")[0] for s in essay.lists] == [entries[0]]
    assert essay.body.end >= text.index(points[-1]) + len(points[-1])
