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
