"""In-text citation extraction: the shapes that are citations and the traps that are not."""

from __future__ import annotations

import pytest

from essaylint.analysis.citation_names import split_author_names
from essaylint.analysis.citations import extract_citations
from essaylint.analysis.sections import find_sections
from essaylint.analysis.text import name_key
from essaylint.models import Citation


def cites(text: str, known: tuple[str, ...] = ()) -> list[Citation]:
    return list(
        extract_citations(text, find_sections(text), known_names={name_key(k) for k in known})
    )


def summary(text: str, known: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], str | None]]:
    return [(c.authors, c.year) for c in cites(text, known)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "as shown (Pan, Lu, Wang & Chau, 2019, p. 71).",
            [(("Pan", "Lu", "Wang", "Chau"), "2019")],
        ),
        ("Boyd and Ellison (2007) define it.", [(("Boyd", "Ellison"), "2007")]),
        ("Cascio et al. (2016) found it.", [(("Cascio",), "2016")]),
        (
            "It helps (Goodfellow et al., 2014; Reed et al., 2016).",
            [(("Goodfellow",), "2014"), (("Reed",), "2016")],
        ),
        (
            "A report (World Health Organization [WHO], 2020).",
            [(("World Health Organization",), "2020")],
        ),
        ("Undated (Zentangle, Inc., n.d.).", [(("Zentangle, Inc.",), "n.d.")]),
        ("Its last stop lost (Skills, n.d). Then", [(("Skills",), "n.d.")]),
        ("Two works (Smith 2003 and 2005).", [(("Smith",), "2003"), (("Smith",), "2005")]),
        ("Two works (Smith, 2010a, 2012).", [(("Smith",), "2010a"), (("Smith",), "2012")]),
        ("see it (e.g., Walker & Lynn, 2013, p.151).", [(("Walker", "Lynn"), "2013")]),
        ("Baldwin et al.’s (2020) advice.", [(("Baldwin",), "2020")]),
        ("According to VMware (n.d., para 1-2), it is.", [(("VMware",), "n.d.")]),
        ("It is throughput (Learn with harshit, 2022a).", [(("Learn with harshit",), "2022a")]),
        ("wrapped (Oyelaran et al.,\n2019) here.", [(("Oyelaran",), "2019")]),
        ("Harvard page after a colon (Smith 2019: 45-47).", [(("Smith",), "2019")]),
        ("initials written out (Lee, K. & Park, J., 2020).", [(("Lee", "Park"), "2020")]),
        ("a stray stop (Vargas et. Al, 2021).", [(("Vargas",), "2021")]),
        (
            "Vaccines (Centers for Disease Control and Prevention, 2020).",
            [(("Centers for Disease Control and Prevention",), "2020")],
        ),
    ],
)
def test_author_date_shapes(text: str, expected: list[tuple[tuple[str, ...], str]]) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Martin Seligman (1942-present) studied it.",
        "William James (1842–1910) wrote.",
        "The period (2022–2024) saw growth.",
        "**Calculation Skills** (January 2024, Q3a - 2 marks):",
        "Posted (March 14, 2023) on the blog.",
        'his book "The Power of Positive Thinking" (1952) sold well.',
        "In 2017 the hashtag spread across (many) countries.",
        "The Camp David Accords (1978) were signed.",
        "As shown in Table 10.1 (p. 4), costs fall.",
    ],
)
def test_traps_are_not_citations(text: str) -> None:
    assert summary(text) == []


def test_given_name_is_dropped_when_the_family_name_is_listed() -> None:
    assert summary("Theory proposed by Claude Steele (1988).", known=("Steele",)) == [
        (("Steele",), "1988")
    ]


def test_unknown_long_narrative_name_needs_the_list() -> None:
    text = "Moreover, _Rise With Odn_ (2025) posts weekly videos."
    assert summary(text) == []
    assert summary(text, known=("Rise With Odn",)) == [(("Rise With Odn",), "2025")]


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("Harry Potter (2001) became a hit.", False),
        ("According to Open Learning (2019), breaks help.", True),
        ("Open Learning (2019) argues that breaks help.", True),
        ("COVID-19 (2020) changed teaching.", False),
        ("It spread across Twitter (in 2019).", False),
    ],
)
def test_unlisted_names_need_a_cue(text: str, cited: bool) -> None:
    assert bool(summary(text)) is cited


def test_possessive_person_is_cited_by_family_name() -> None:
    assert summary("If you look at Edgar Dale's cones of learning (1946) you see.") == [
        (("Dale",), "1946")
    ]


def test_secondary_citation_is_marked() -> None:
    found = cites("It was said (Smith, 2010, as cited in Jones, 2015).")
    assert [(c.authors, c.secondary) for c in found] == [(("Smith",), True), (("Jones",), False)]


def test_abbreviation_introduced_in_parentheses_cites_the_full_name() -> None:
    found = cites("The University of North Carolina at Chapel Hill (UNC, 2025) notes this.")
    assert len(found) == 1
    assert found[0].authors == ("The University of North Carolina at Chapel Hill",)
    assert found[0].alias == "UNC"


def test_numeric_footnote_latex_and_pandoc() -> None:
    numeric = cites("Claim [1]. More [2, 4]. Range [5–7]. A [link](http://x.org) and [^note].")
    assert [c.number for c in numeric if c.kind == "numeric"] == [1, 2, 4, 5, 6, 7]
    assert [c.key for c in numeric if c.kind == "footnote"] == ["note"]
    text = r"As argued \citep[p.~4]{smith2010,jones2012} and [@doe2019; @roe2020, p. 9]."
    keys = extract_citations(text, find_sections(text), latex=True)
    assert [(c.key, c.locator) for c in keys] == [
        ("smith2010", "p. 4"), ("jones2012", "p. 4"), ("doe2019", None), ("roe2020", "p. 9"),
    ]  # fmt: skip


def test_spans_point_at_the_citation() -> None:
    text = "Intro. Ganda (2014, p. 9-10) noted it."
    (c,) = cites(text)
    assert text[c.span.start : c.span.end] == "Ganda (2014, p. 9-10)"
    assert c.locator == "p. 9-10"
    assert c.narrative


def test_split_author_names() -> None:
    assert split_author_names("Krause, Croft & James") == (
        ("Krause", "Croft", "James"),
        False,
        None,
    )
    assert split_author_names("Cohen et al.") == (("Cohen",), True, None)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("Attachment. John Bowlby (1969) argued it.", "Bowlby"),
        ("This fits, as Mary D. Ainsworth (1978) found.", "Ainsworth"),
        ("Lars Klint (2021) shows it.", "Klint"),
        ("Vincent van Gogh (1888) wrote about colour.", "van Gogh"),
        ("Charles De Gaulle (1954) wrote about duty.", "De Gaulle"),
        ("Ludwig van Beethoven (1801) wrote to a friend.", "van Beethoven"),
        ("Jean-Paul Sartre (1943) argued it.", "Sartre"),
        ("Lars Klint's (2021) summary is short.", "Klint"),
        ("Smith’s (2019) study is short.", "Smith"),
        ("Smith's (2019) study is short.", "Smith"),
        ("B. F. Skinner (1953) argued it.", "Skinner"),
    ],
)
def test_narrative_citation_is_keyed_on_the_family_name(text: str, family: str) -> None:
    assert summary(text) == [((family,), summary(text)[0][1])]
    assert summary(text, known=(family,))[0][0] == (family,)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Open Learning (2019) argues that breaks help.", "Open Learning"),
        ("MIT OpenCourseWare (2020) explains sorting.", "MIT OpenCourseWare"),
        ("Simply Psychology (2022) explains it.", "Simply Psychology"),
        ("The Khan Academy (2020) explains it.", "The Khan Academy"),
    ],
)
def test_corporate_narrative_names_are_kept_whole(text: str, name: str) -> None:
    assert summary(text) == [((name,), summary(text)[0][1])]


def test_given_name_span_covers_the_name_as_written() -> None:
    text = "Intro. John Bowlby (1969) argued it."
    (c,) = cites(text)
    assert text[c.span.start : c.span.end] == "John Bowlby (1969)"


@pytest.mark.parametrize(
    ("text", "known", "expected"),
    [
        ("Epton and Harris (2008) argued it.", ("Harris",), (("Epton", "Harris"), False)),
        ("Epton & Harris (2008) argued it.", ("Harris",), (("Epton", "Harris"), False)),
        ("Epton, Harris and Lee (2008) argued.", ("Harris",), (("Epton", "Harris", "Lee"), False)),
        ("Epton with Harris (2008) argued it.", ("Harris",), (("Epton", "Harris"), False)),
        ("Epton et al. (2008) argued it.", ("Harris",), (("Epton",), True)),
        ("Epton et. Al (2008) argued it.", (), (("Epton",), True)),
        ("Epton et.al. (2008) argued it.", (), (("Epton",), True)),
        ("Tom Epton and Sara Harris (2008) argued.", ("Harris",), (("Epton", "Harris"), False)),
        ("Unlike Freud, Bowlby (1969) argued it.", (), (("Bowlby",), False)),
        ("In Britain, Smith and Jones (2019) found it.", ("Smith",), (("Smith", "Jones"), False)),
        ("As Smith, Jones and Lee (2019) found.", (), (("Smith", "Jones", "Lee"), False)),
        ("However, Smith and Jones (2019) found it.", (), (("Smith", "Jones"), False)),
        ("Consistent with Harris (2008), we agree.", (), (("Harris",), False)),
    ],
)
def test_narrative_author_lists(
    text: str, known: tuple[str, ...], expected: tuple[tuple[str, ...], bool]
) -> None:
    (c,) = cites(text, known)
    assert (c.authors, c.et_al) == expected


def test_whole_name_near_an_entry_is_not_cut_to_its_last_word() -> None:
    text = "According to Poly Technic (n.d.), active learning helps."
    assert summary(text) == [(("Technic",), "n.d.")]
    assert summary(text, known=("Open Polytechnic",)) == [(("Poly Technic",), "n.d.")]


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("The paediatrician Donald Winnicott (1953) saw toddlers with blankets.", True),
        ("The film Harry Potter (2001) was a hit.", False),
        ("Donald Winnicott (1953) noticed the blankets.", True),
    ],
)
def test_a_role_or_a_reporting_verb_marks_an_unlisted_person(text: str, cited: bool) -> None:
    assert summary(text) == ([(("Winnicott",), "1953")] if cited else [])


def test_initials_after_a_narrative_surname_are_not_authors() -> None:
    found = cites("Baum, F., MacDougall, C. and Smith, D. (2006) wrote it.")
    assert [c.authors for c in found] == [("Baum", "MacDougall", "Smith")]
    assert [c.authors for c in cites("Anderson, C. (2010) wrote it.")] == [("Anderson",)]


@pytest.mark.parametrize(
    ("text", "known", "expected"),
    [
        ("Corbet, Meegan, et al. (2018) examine it.", (), (("Corbet", "Meegan"), True)),
        ("The Lucas Asset Pricing Model, Mehra and Prescott (1985) present it.", (),
         (("Mehra", "Prescott"), False)),
    ],
)  # fmt: skip
def test_comma_lists_of_names(
    text: str, known: tuple[str, ...], expected: tuple[tuple[str, ...], bool]
) -> None:
    (c,) = cites(text, known)
    assert (c.authors, c.et_al) == expected


@pytest.mark.parametrize(
    "text",
    [
        "As The University of North Carolina at Chapel Hill (UNC, 2025) says. Later (UNC, 2025).",
        "Art (Joint United Nations Programme on HIV/AIDS [UNAIDS], 2021). Later (UNAIDS, 2021).",
        "The Department for Education (DfE) set targets. Later (DfE, 2019).",
        "The Department for Education (DfE, 2019) set targets. DfE (2019) also said so.",
    ],
)
def test_an_abbreviation_defined_in_the_text_cites_the_full_name(text: str) -> None:
    found = cites(text)
    assert found
    assert {c.authors[0].removeprefix("The ") for c in found} == {
        name
        for name in (
            "University of North Carolina at Chapel Hill",
            "Joint United Nations Programme on HIV/AIDS",
            "Department for Education",
        )
        if name in text
    }
    assert found[-1].alias is not None


def test_an_undefined_abbreviation_stays_as_written() -> None:
    assert summary("Later (UNC, 2025) and (McDonald, 2019).") == [
        (("UNC",), "2025"), (("McDonald",), "2019"),
    ]  # fmt: skip


def numbers(text: str) -> list[int | None]:
    return [c.number for c in extract_citations(text, find_sections(text), numeric=True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Agreed [15]–[17].", [15, 16, 17]),
        ("Agreed [15]-[17], [19].", [15, 16, 17, 19]),
        ("Agreed [15] - [17]; [19]-[20].", [15, 16, 17, 19, 20]),
        ("Adjacent [10][11] and [12], [13].", [10, 11, 12, 13]),
        ("Attached to a word[1].", [1]),
        ("Linked [[12]](#ref-12) and [13](#cite13) and [\\[14\\]](#ref-14).", [12, 13, 14]),
        ("Raw HTML <sup>[3]</sup> and <sup>[4, 5]</sup>.", [3, 4, 5]),
        ("A backwards range [17]–[15] is two citations.", [17, 15]),
    ],
)
def test_numeric_ranges_adjacent_and_linked_brackets(text: str, expected: list[int]) -> None:
    assert numbers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "See [Online] and [PDF], it is [sic] so [emphasis added].",
        "An image ![3](figure3.png) and a link label [see here][3].",
        "[3]: https://example.org/a-link-definition",
    ],
)
def test_bracket_notes_and_markdown_link_parts_are_not_numeric_citations(text: str) -> None:
    assert numbers(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Counts sit in a box:\n\n```java\nint[] tally = new int[4];\n```\n\nDone [1].",
        "Write `tally[2] += 1` to count a vote [1].",
        "Raw HTML in Markdown:\n\n<pre>tally[2] = 7;\nint[] t = new int[4];</pre>\n\nDone [1].",
        "Inline <code>tally[3]</code> too [1].",
    ],
)
def test_brackets_in_code_are_not_numeric_citations(text: str) -> None:
    assert numbers(text) == [1]


def test_brackets_in_an_html_pre_block_are_not_numeric_citations() -> None:
    from essaylint.loaders import load_bytes

    page = (
        "<html><body><p>Arrays have a fixed length [1].</p>\n"
        "<pre>int[] tally = new int[4];\ntally[0] = 9;</pre>\n"
        "<p>References:</p><ol><li>Brook, A. (2020). Counting. Abacus Press.</li></ol>"
        "</body></html>\n"
    )
    doc = load_bytes(page.encode(), "post.html")
    cited = extract_citations(doc.text, find_sections(doc.text, doc.blocks), numeric=True)
    assert [c.number for c in cited] == [1]


def test_a_backtick_typed_as_an_apostrophe_hides_no_citation() -> None:
    text = "Brook`s tally (Brook, 2020) and Vale`s count."
    cited = extract_citations(text, find_sections(text))
    assert [c.authors for c in cited] == [("Brook",)]


@pytest.mark.parametrize(
    ("text", "known", "expected"),
    [
        ("Attachment (Mary D. Ainsworth, 1978).", (), ("Ainsworth",)),
        ("Attachment (John Bowlby, 1969).", ("Bowlby",), ("Bowlby",)),
        ("Attachment (John Bowlby & Mary Ainsworth, 1969).", ("Bowlby",), ("Bowlby", "Ainsworth")),
        ("Unlisted (John Bowlby, 1969).", (), ("John Bowlby",)),
        ("A site (Simply Psychology, 2022).", (), ("Simply Psychology",)),
    ],
)
def test_parenthetical_given_names(
    text: str, known: tuple[str, ...], expected: tuple[str, ...]
) -> None:
    (c,) = cites(text, known)
    assert c.authors == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It matters (Excelsior OWL, n.d., Question 7).",
         [(("Excelsior OWL",), "n.d.", "Question 7")]),
        ("Excelsior OWL (n.d., Questions 3, 5) lists them.",
         [(("Excelsior OWL",), "n.d.", "Questions 3, 5")]),
        ("Shown (Smith, 2019, Figure 1).", [(("Smith",), "2019", "Figure 1")]),
        ("Shown (Smith, 2019, Appendix B).", [(("Smith",), "2019", "Appendix B")]),
        ("Shown (Smith, 2019, Lecture 3).", [(("Smith",), "2019", "Lecture 3")]),
        ("Shown (Smith, 2019, Module 2).", [(("Smith",), "2019", "Module 2")]),
        ("Shown (Smith, 2019, Unit 4).", [(("Smith",), "2019", "Unit 4")]),
        ("Shown (Smith, 2019, step 2-4).", [(("Smith",), "2019", "step 2-4")]),
        ("Shown (Smith, 2019, Video 2, 3:15).", [(("Smith",), "2019", "Video 2, 3:15")]),
        ("Shown (Smith, 2019, Slide 4; Jones, 2020, Episode 12).",
         [(("Smith",), "2019", "Slide 4"), (("Jones",), "2020", "Episode 12")]),
    ],
)  # fmt: skip
def test_any_short_word_and_number_is_a_locator(
    text: str, expected: list[tuple[tuple[str, ...], str, str]]
) -> None:
    assert [(c.authors, c.year, c.locator) for c in cites(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sales fell (in 2019, Wave 3 began).",
        "Sales fell (Smith, 2019, grew 40 percent).",
        "Sales fell (Smith, 2019, a remarkably long clause that goes on 4 ever).",
        "Sales fell (since 2019, Phase 2).",
        "Servers ran Windows (2016 and 2019) and Linux (2018, and 2020).",
        "Servers ran Linux (2018, before 2021).",
    ],
)
def test_a_word_and_number_after_the_year_is_not_any_prose(text: str) -> None:
    assert summary(text) == []


@pytest.mark.parametrize(
    ("text", "known", "author", "shown"),
    [
        ("Mac users, while KomalSrivastava (2021) explained it.", (), "KomalSrivastava",
         "KomalSrivastava (2021)"),
        ("The result made Smith (2019) famous.", ("Smith",), "Smith", "Smith (2019)"),
        ("Her essay made Smith (2019) argue back.", (), "Smith", "Smith (2019)"),
        ("The case of Leonardo da Vinci (1510) is clear.", ("da Vinci",), "da Vinci",
         "Leonardo da Vinci (1510)"),
    ],
)  # fmt: skip
def test_a_narrative_name_starts_at_a_word_boundary(
    text: str, known: tuple[str, ...], author: str, shown: str
) -> None:
    (c,) = cites(text, known)
    assert c.authors == (author,)
    assert text[c.span.start : c.span.end] == shown


@pytest.mark.parametrize(
    "text",
    [
        "A study published in the Journal of Family Psychology (2020) found that it helps.",
        "A meta-analysis published in Research on Social Work Practice (2021) found it.",
        "This echoes Research on Social Work Practice (2019), which found it.",
        "It appeared in Personality and Social Psychology Bulletin (1997) and was cited.",
        "The trial, reported in the journal Child Development (2015), found it.",
        "7. Research in Cyberpsychology, Behavior, and Social Networking (2023) found harm.",
        "Bowlby's attachment theory (1950s) provided a framework.",
        "Matrix organisations spread (1970s) and Apple's iPhone (2010s) too.",
    ],
)
def test_journal_names_and_decades_are_not_citations(text: str) -> None:
    assert summary(text) == []


def test_a_journal_name_that_is_an_entry_author_is_still_cited() -> None:
    text = "A statement published in Nature Editorial Board (2020) says it matters."
    assert summary(text, known=("Nature Editorial Board",)) == [
        (("Nature Editorial Board",), "2020")
    ]


@pytest.mark.parametrize(
    ("text", "known", "expected"),
    [
        ("From Taylor's incentives to Maslow's Hierarchy of Needs (1943).", (),
         [(("Maslow",), "1943")]),
        ("Herzberg's Two-Factor Theory (1959) and McClelland's Need Theory (1961).", (),
         [(("Herzberg",), "1959"), (("McClelland",), "1961")]),
        ("Tuckman's stages (1965) are well known.", (), [(("Tuckman",), "1965")]),
        ("Maslow’s Theory of Human Motivation and Personality Needs (1943) says so.", ("Maslow",),
         [(("Maslow",), "1943")]),
        ("The Camp David Accords (1978) were signed.", (), []),
        ("Canada's Charter of Rights and Freedoms (1982) protects it.", (), []),
        ("In 1948 the UK's National Health Service (1948) began.", (), []),
    ],
)  # fmt: skip
def test_a_possessive_concept_cites_its_owner(
    text: str, known: tuple[str, ...], expected: list[tuple[tuple[str, ...], str]]
) -> None:
    assert summary(text, known) == expected


def test_a_possessive_concept_span_starts_at_the_owner() -> None:
    text = "Motivation. As\nMaslow's Hierarchy of Needs (1943) on, and Edgar\nDale's Cone (1946)."
    assert [text[c.span.start : c.span.end] for c in cites(text)] == [
        "Maslow's Hierarchy of Needs (1943)",
        "Edgar\nDale's Cone (1946)",
    ]


def test_organisation_short_names_with_digits_are_authors() -> None:
    from essaylint.pipeline import lint_text

    text = (
        "Pages follow the standard (W3C, 2024), records use (HL7, 2023, p. 4), and leaders "
        "agreed (G20, 2019). Not authors: (Table 2, 2019), (Figure 3A, 2020), "
        "(ELEN4019 Sociology, 2023).\n\n"
        "References\n\nSmith, J. (2020). Standards. Press.\n"
    )
    found = [(c.authors, c.year) for c in lint_text(text).citations]
    assert found == [(("W3C",), "2024"), (("HL7",), "2023"), (("G20",), "2019")]


def test_a_day_and_month_before_the_year_are_not_authors() -> None:
    from essaylint.pipeline import lint_text

    text = "As shown (Wang et al., June 2025) and (BBC, 3 March 2020).\n"
    assert [(c.authors, c.et_al, c.year) for c in lint_text(text).citations] == [
        (("Wang",), True, "2025"),
        (("BBC",), False, "2020"),
    ]


def test_a_stray_comma_between_name_and_year_still_cites() -> None:
    from essaylint.pipeline import lint_text

    text = "According to Mishra, (2024), C is portable. In Paris, (2019 data) it was not.\n"
    assert [(c.authors, c.year, c.narrative) for c in lint_text(text).citations] == [
        (("Mishra",), "2024", True)
    ]


def test_et_al_written_with_a_full_stop_after_et_is_still_et_al() -> None:
    from essaylint.pipeline import lint_text

    text = (
        "Detection works (Morra et. al, 2019), tracking too (Wang et. Al, 2023); "
        "Lee et. al. (2020) agree.\n\nReferences\n\n"
        "Lee, A., Kim, B. and Park, C. (2020) Night. Journal, 1, 1-2.\n"
        "Morra, L., Smith, J. and Lee, K. (2019) Detection. Journal, 1, 1-2.\n"
        "Wang, X., Li, Y. and Chen, Z. (2023) Tracking. Journal, 2, 3-4.\n"
    )
    result = lint_text(text)
    assert [(c.authors, c.year, c.et_al) for c in result.citations] == [
        (("Morra",), "2019", True),
        (("Wang",), "2023", True),
        (("Lee",), "2020", True),
    ]
    assert result.findings == ()


def test_a_number_before_a_colon_cites_unless_it_defines_a_markdown_link() -> None:
    from essaylint.pipeline import lint_text

    text = (
        "The COMPAS [9]: a risk tool, was audited [1].\n[2]: https://example.org/x\n\n"
        "References\n\n[1] A. Smith, Risk, J. 2019.\n[2] B. Jones, Audit, 2018.\n"
        "[9] J. Larson, How we analyzed COMPAS, 2016. https://example.org\n"
    )
    result = lint_text(text, path="essay.md")
    assert sorted(c.number for c in result.citations if c.number) == [1, 9]
    assert [f.code for f in result.findings if f.code == "C104"] == ["C104"]  # [2] only


def test_an_abbreviated_word_in_an_organisation_is_not_a_sentence_end() -> None:
    from essaylint.pipeline import lint_text

    text = (
        "Funding rose (U.S. Dept. of Health, 2021), as reported (Jones, 2020).\n\n"
        "References\n\nJones, A. (2020). Title. Press.\n"
        "U.S. Dept. of Health. (2021). Report. https://example.gov/report\n"
    )
    result = lint_text(text)
    assert [c.authors for c in result.citations] == [("U.S. Dept. of Health",), ("Jones",)]
    assert result.findings == ()


def _year_first(text: str) -> list[tuple[tuple[str, ...], str | None]]:
    from essaylint.analysis.references import parse_reference

    works = [
        parse_reference("Marlowe, E., Iyer, S., & Castellan, R. (2013). Ferries in winter."),
        parse_reference("Dunmore, P., & Achebe, C. (2017). Winter buses."),
        parse_reference("Dunmore, P., & Achebe, C. (2019). Night buses."),
    ]
    found = extract_citations(text, find_sections(text), works=works)
    return [(c.authors, c.year) for c in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A 2013 study by Marlowe, Iyer, and Castellan found it.",
            [(("Marlowe", "Iyer", "Castellan"), "2013")],
        ),
        ("The 2017 paper by Dunmore & Achebe agrees.", [(("Dunmore", "Achebe"), "2017")]),
        # The one entry of these authors, with the text's year: a year mismatch to report.
        (
            "A 2014 study by Marlowe, Iyer, and Castellan found it.",
            [(("Marlowe", "Iyer", "Castellan"), "2014")],
        ),
        # Not all the entry's authors, names not right after "by": no citation.
        ("A 2013 study by Marlowe found it.", []),
        ("A 2017 paper by the council, with Dunmore and Achebe, agrees.", []),
        # Two entries of these authors, neither of the text's year: which one is meant is unknown.
        ("The 2018 paper by Dunmore & Achebe agrees.", []),
    ],
)
def test_a_year_before_the_names_cites_the_entry_they_name(
    text: str, expected: list[tuple[tuple[str, ...], str | None]]
) -> None:
    assert _year_first(text) == expected


def test_a_span_of_years_is_cited_by_its_first_year() -> None:
    """ "(Harlow 1910-1913, 4)": an archive's papers of several years; a life's span
    after a name is no citation."""
    assert summary("Minutes survive (Harlow 1910-1913, 4-7).") == [(("Harlow",), "1910")]
    assert summary("William James (1842–1910) wrote.") == []
