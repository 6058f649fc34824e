"""Raw HTML in Markdown: layout tags blanked, meaning kept, every offset unchanged."""

from __future__ import annotations

import pytest

from essaylint.loaders import load_bytes
from essaylint.loaders.markdown import blank_layout_html


def test_layout_tags_and_style_blocks_become_spaces_of_the_same_length() -> None:
    text = (
        '<style>.csl-entry{text-indent: -2em;}\n</style><div class="csl-bib-body">\n'
        '  <div class="csl-entry">Lal, R. (2015). <i>Water</i>. Press.</div>\n'
        "</div>\n"
    )
    blanked = blank_layout_html(text)
    assert len(blanked) == len(text)
    assert blanked.count("\n") == text.count("\n")
    assert [line.strip() for line in blanked.splitlines()] == [
        "",
        "",
        "Lal, R. (2015). <i>Water</i>. Press.",
        "",
    ]
    assert blanked.index("Lal") == text.index("Lal")


@pytest.mark.parametrize(
    "kept",
    [
        "See <https://example.org/report> for the data.",
        "The <references> tag wraps the list.",
        "If x < 5 and y > 3 the model fails.",
        'A <a href="https://example.org">linked title</a> and x<sup>2</sup>.',
        "Written <em>with emphasis</em> and <b>bold</b> words.",
    ],
)
def test_text_and_meaningful_tags_are_left_alone(kept: str) -> None:
    assert blank_layout_html(kept) == kept


def test_entities_are_read_and_padded() -> None:
    text = "Brandt, M., &amp; Lemaire, S. Lisbon&#8217;s buses &nbsp;&unknownentity; &lt;div&gt;"
    read = blank_layout_html(text)
    assert len(read) == len(text)
    assert read.startswith("Brandt, M., &     Lemaire, S. Lisbon’")
    assert "&unknownentity;" in read
    # An escaped tag is text about HTML: it is read as "<div>", never blanked as a tag.
    assert read.endswith("<   div>   ")


def test_a_markdown_file_is_loaded_with_its_layout_blanked() -> None:
    doc = load_bytes(b'<div class="x">Okonjo, T. (2018). Night.</div>\n', "essay.md")
    assert doc.text.strip() == "Okonjo, T. (2018). Night."
    assert doc.text.index("Okonjo") == len('<div class="x">')
    plain = load_bytes(b'<div class="x">Text</div>\n', "essay.txt")
    assert plain.text.startswith("<div")


def test_a_tag_written_over_two_lines_is_blanked() -> None:
    # pandoc wraps long div openers: '<div id="ref-key"' / 'class="csl-entry">'.
    text = '<div id="ref-sus2020"\nclass="csl-entry">\n\nSusmann, N. 2020. Ways.\n'
    blanked = blank_layout_html(text)
    assert blanked.splitlines()[:2] == [" " * len('<div id="ref-sus2020"'), " " * 18]
    assert blanked.endswith("Susmann, N. 2020. Ways.\n")


def test_a_link_to_a_place_in_the_document_keeps_its_text_in_place() -> None:
    # pandoc's link-citations: the citation is the link's text, the target an entry's id.
    text = "seen ([Gillings\n2012](#ref-gill); [Susmann 2020, 4](#ref-sus)) and [a site](https://x.org)."
    read = blank_layout_html(text)
    assert len(read) == len(text)
    assert read.index("Gillings") == text.index("Gillings")
    assert (
        " ".join(read.split())
        == "seen ( Gillings 2012 ; Susmann 2020, 4 ) and [a site](https://x.org)."
    )


def test_pandoc_link_citations_are_read_and_linked() -> None:
    from essaylint.pipeline import lint_text

    essay = (
        "Maps shape sight ([Gillings 2012](#ref-gill); [Susmann\n2020](#ref-sus)).\n\n"
        "# References\n\n"
        '<div id="ref-gill" class="csl-entry">\n\n'
        "Gillings, Mark. 2012. Landscape and Affordance. *Journal of Method* 19: 601–611.\n\n"
        '</div>\n\n<div id="ref-sus"\nclass="csl-entry">\n\n'
        "Susmann, Natalie. 2020. Regional Ways of Seeing. *Archaeology* 124: 1–20.\n\n</div>\n"
    )
    result = lint_text(essay, path="paper.md")
    assert [(c.authors, c.year) for c in result.citations] == [
        (("Gillings",), "2012"),
        (("Susmann",), "2020"),
    ]
    assert [f.code for f in result.findings if f.code.startswith("C")] == []


def test_a_liquid_template_tag_is_blanked_over_its_lines() -> None:
    text = 'Before.\n{% include figure.html\n  caption="Smith (2019)" %}\nAfter (Lee, 2020).'
    out = blank_layout_html(text)
    assert len(out) == len(text)
    assert out.count("\n") == text.count("\n")
    assert "Smith" not in out
    assert "include" not in out
    assert out.endswith("After (Lee, 2020).")


def test_a_liquid_tag_keeps_a_paragraph_it_prints_where_it_stands() -> None:
    paragraph = (
        "Printed books earned trust slowly, as Mara Quill showed in her history of the press "
        "(Quill, 1998), through the names of booksellers, the letters of readers and the "
        "seals of the institutions that vouched for them."
    )
    text = f'Before.\n{{% include box.html image="a.jpg"\n  box-content="{paragraph}" %}}\nAfter.'
    out = blank_layout_html(text)
    assert len(out) == len(text)
    assert out.index(paragraph) == text.index(paragraph)
    assert "a.jpg" not in out
    assert "include" not in out


def test_table_cell_paragraphs_are_opened_without_moving_any_offset() -> None:
    from essaylint.loaders.markdown import read_markdown

    text = "Title\n|<p>Intro (Roe, 2020).</p><p>**References**</p>|<p>x</p>|\nEnd\n"
    doc = read_markdown(text, path="essay.md")
    assert len(doc.text) == len(text)
    assert "\n**References**" in doc.text
    at = doc.position(doc.text.index("**References**"))
    assert (at.line, at.column) == (2, text.index("**References**") - len("Title\n") + 1)
    end = doc.position(doc.text.index("End"))
    assert (end.line, end.column) == (3, 1)


def test_a_table_of_short_cells_stays_a_table() -> None:
    from essaylint.loaders.table_cells import open_paragraph_cells

    text = "| Year | Event |\n|---|---|\n| 1990 | <p>Founded</p> |\n| 1995 | a<br>b |\n"
    assert open_paragraph_cells(text).text == text


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("(Mehta _et al_., 2020)", "(Mehta   et al., 2020)"),
        ("(Okoye *et al.*, 2019)", "(Okoye   et al., 2019)"),
        ("Varga <i>et al</i>. (2021)", "Varga        et al. (2021)"),
        ("Linde __et al__ (2018)", "Linde     et al (2018)"),
        ("_Metal_ and *Petal* stay", "_Metal_ and *Petal* stay"),
    ],
)
def test_emphasis_around_et_al_is_removed_in_place(written: str, read: str) -> None:
    assert blank_layout_html(written) == read
    assert len(read) == len(written)
