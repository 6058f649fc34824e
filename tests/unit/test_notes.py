"""Chicago notes: reading a note into the works it cites, and linking them to the Bibliography."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from essaylint.analysis.note_links import NoteIndex, link_note, note_citations, titles_agree
from essaylint.analysis.notes import (
    endnotes,
    find_notes,
    listed_notes,
    notes_cite,
    read_note,
    read_notes,
    typed_notes,
)
from essaylint.analysis.references import parse_reference
from essaylint.analysis.sections import find_sections
from essaylint.models import Block, Citation, Span


def test_full_note_with_given_names_first() -> None:
    (work,) = read_note("John M. Barry, *The Great Influenza* (New York: Viking, 2004), 206.")
    assert work.authors == ("Barry",)
    assert work.title == "The Great Influenza"
    assert work.year == "2004"
    assert work.locator == "206"
    assert work.form == "full"


def test_full_note_in_the_bibliography_shape() -> None:
    (work,) = read_note("Said, Edward W. Orientalism. Penguin Classics. London: Penguin, 2003.")
    assert work.authors == ("Said",)
    assert work.year == "2003"


def test_short_note_with_and_without_italics() -> None:
    (italic,) = read_note("Barry, *Great Influenza*, 206.")
    (plain,) = read_note("Barry, Great Influenza, 206.")
    for work in (italic, plain):
        assert work.authors == ("Barry",)
        assert work.title == "Great Influenza"
        assert work.year is None
        assert work.locator == "206"
        assert work.form == "short"


def test_author_and_page_only() -> None:
    (work,) = read_note("Barry, 206.")
    assert work.authors == ("Barry",)
    assert work.title is None
    assert work.locator == "206"


def test_ibid_with_and_without_page() -> None:
    assert read_note("Ibid.")[0].form == "ibid"
    (work,) = read_note("Ibid., 45.")
    assert work.form == "ibid"
    assert work.locator == "45"


def test_signals_and_several_works() -> None:
    works = read_note(
        'See Varga, "Automation and the End," 105; cf. Samuel Thorne, *Men of the Lamp* '
        "(London: Corrin, 2008), 210."
    )
    assert [w.authors[0] for w in works] == ["Varga", "Thorne"]
    assert works[1].year == "2008"


def test_signal_after_a_sentence_of_comment() -> None:
    (work,) = read_note(
        "For a recent example, search the archive yourself. See Marlowe, Ines. "
        "“Salt and Silver.” Coast Notes. Accessed May 2, 2019. https://example.org/salt."
    )
    assert work.authors[0] == "Marlowe"
    assert work.year is None  # an access date is not a publication year


def test_commentary_notes_cite_nothing() -> None:
    assert read_note("In Canada, for example, neither party wants a smaller state.") == ()
    assert (
        read_note(
            'Bivens-Tatum is careful to note his bias on page 4 when he writes "I will be kind."'
        )
        == ()
    )
    assert read_note("The letters are held in the county archive.") == ()


def test_title_led_note_and_title_with_a_year_in_it() -> None:
    (web,) = read_note("“Code of Conduct of the Rowing Club.” Accessed August 3, 2014.")
    assert web.authors == ()
    assert web.title == "Code of Conduct of the Rowing Club"
    assert web.year is None
    (news,) = read_note("Saunt, Claudio. “1776: Not Just a Year.” The Globe, July 6, 2014.")
    assert news.year == "2014"  # not the 1776 of the title


def test_ibid_takes_the_previous_notes_work() -> None:
    text = "Flu.[^1] It killed.[^2]\n\n[^1]: Barry, *Great Influenza*, 206.\n[^2]: Ibid., 210.\n"
    read = read_notes(text, find_notes(text))
    assert read[1][1][0].authors == ("Barry",)
    assert read[1][1][0].locator == "210"


def test_a_definition_no_mark_points_to_is_no_note() -> None:
    text = "Canals closed.[^2]\n\n[^1]: Wren, *Notes*, 3.\n[^2]: Ferrand, *Water Roads*, 112.\n"
    assert [note.key for note in find_notes(text)] == ["2"]


def test_endnotes_under_a_notes_heading() -> None:
    text = "Body.¹\n\nNotes\n\n1. Barry, Great Influenza, 206.\n\n2. Ibid.\n\nBibliography\n\nX\n"
    notes = endnotes(text)
    assert [n.key for n in notes] == ["1", "2"]
    assert text[notes[0].body.start : notes[0].body.end] == "Barry, Great Influenza, 206."


def test_numbered_lines_without_a_notes_heading_are_not_notes() -> None:
    assert endnotes("Steps\n\n1. Mix the salt.\n\n2. Pour the brine.\n") == []


def test_word_footnote_blocks() -> None:
    text = "Para one.¹\n\n¹ Barry, Great Influenza, 206.\n"
    start = text.index("¹ B")
    notes = find_notes(text, (Block(start=start, end=len(text) - 1, kind="footnote"),))
    assert [(n.key, n.source) for n in notes] == [("1", "word")]


def test_notes_cite_only_beside_a_separate_list() -> None:
    text = "A.[^1]\n\n## Footnotes\n\n[^1]: Barry, *Great Influenza*, 206.\n"
    notes = find_notes(text)
    inside = Span(start=text.index("[^1]:"), end=len(text))
    assert notes_cite([inside], notes) == []  # the definitions are the list
    other = Span(start=0, end=2)
    assert notes_cite([inside, other], notes) == [other]


def test_titles_agree() -> None:
    assert titles_agree("Great Influenza", "The Great Influenza: The Story of 1918")
    assert titles_agree("Annoyed Reader: Libraries as Institutions", "Libraries as Institutions")
    assert not titles_agree("Men of the Lamp", "Towers and Tenors")
    assert not titles_agree("The", "The Great Influenza")


def _index(*raws: str) -> NoteIndex:
    return NoteIndex.build([parse_reference(raw) for raw in raws])


def _cite(authors: tuple[str, ...], title: str | None, year: str | None) -> Citation:
    return Citation(span=Span(start=0, end=1), text="n", kind="footnote", key="1",
                    authors=authors, title=title, year=year)  # fmt: skip


def test_link_by_author_title_and_year() -> None:
    index = _index(
        "Barry, John M. *The Great Influenza*. New York: Viking, 2004.",
        "Barry, John M. *Rising Tide*. New York: Simon, 1997.",
    )
    assert link_note(0, _cite(("Barry",), "Rising Tide", None), index).reference == 1
    assert link_note(0, _cite(("Barry",), "Great Influenza", "2004"), index).reference == 0
    wrong_year = link_note(0, _cite(("Barry",), "Great Influenza", "2005"), index)
    assert wrong_year.status == "year-mismatch"
    assert wrong_year.reference == 0
    another_work = link_note(0, _cite(("Barry",), "The Roots of Flood", None), index)
    assert another_work.status == "missing"


def test_link_title_under_another_name_is_an_author_mismatch() -> None:
    index = _index("Barry, John M. *The Great Influenza*. New York: Viking, 2004.")
    link = link_note(0, _cite(("Berry",), "Great Influenza", None), index)
    assert link.status == "author-mismatch"
    assert link.expected_author == "Barry"


def test_markers_become_one_citation_per_work_and_commentary_markers_go() -> None:
    text = (
        "A.[^1] B.[^2]\n\n[^1]: Barry, *Great Influenza*, 206; Roe, *Tides*, 3.\n[^2]: An aside.\n"
    )
    markers = (
        Citation(span=Span(start=2, end=6), text="[^1]", kind="footnote", key="1"),
        Citation(span=Span(start=9, end=13), text="[^2]", kind="footnote", key="2"),
    )
    out = note_citations(text, markers, read_notes(text, find_notes(text)))
    assert [(c.span.start, c.authors[0]) for c in out] == [(2, "Barry"), (2, "Roe")]


@given(st.text(max_size=300))
def test_reading_any_text_never_raises(text: str) -> None:
    for work in read_note(text):
        assert work.form in ("full", "short", "ibid")
    for note in find_notes(text):
        assert 0 <= note.body.start <= note.body.end <= len(text)


def test_a_year_inside_a_plain_title_is_not_the_date() -> None:
    (work,) = read_note(
        "Nancy K. Bristow, American Pandemic: The Lost Worlds of the 1918 Influenza Epidemic "
        "(Oxford: Oxford University Press, 2012), 44."
    )
    assert work.year == "2012"
    assert work.title == "American Pandemic: The Lost Worlds of the 1918 Influenza Epidemic"


def test_latex_footnotes_with_nested_braces() -> None:
    text = (
        r"Text.\footnote{Barry, \emph{Great Influenza}, 206.} More.\footnote{Ibid.} Bad.\footnote{x"
    )
    notes = find_notes(text, latex=True)
    assert [n.key for n in notes] == ["1", "2"]
    read = read_notes(text, notes)
    assert read[0][1][0].title == "Great Influenza"
    assert read[1][1][0].authors == ("Barry",)
    assert find_notes(text) == []  # only a LaTeX document has \footnote


def _rules(doc_text: str, fmt: str, blocks: tuple[Block, ...] = ()) -> list[tuple[str, str]]:
    from essaylint.models import Document
    from essaylint.pipeline import lint_document
    from essaylint.rules.registry import all_rules, select_rules

    doc = Document.from_text(doc_text, path=f"x.{fmt}", format=fmt, blocks=blocks)
    result = lint_document(doc, rules=select_rules(all_rules(), ("C", "R")))
    assert result.essay.style == "chicago"
    return sorted((f.rule, f.message.split(" ", 1)[0]) for f in result.findings)


def test_word_footnotes_beside_a_bibliography_are_citations() -> None:
    paragraphs = [
        "The flu spread fast in the camps.¹",
        "¹ John M. Barry, The Great Influenza (New York: Viking, 2004), 206.",
        "² Ibid., 210.",
        "Bibliography",
        "Barry, John M. The Great Influenza. New York: Viking, 2004.",
        "Crosby, Alfred W. Epidemic and Peace, 1918. Westport: Greenwood Press, 1976.",
    ]
    text = "\n\n".join(paragraphs)
    blocks = []
    for para in paragraphs:
        start = text.index(para)
        kind = (
            "footnote" if para[0] in "¹²" else "heading" if para == "Bibliography" else "paragraph"
        )
        blocks.append(Block(start=start, end=start + len(para), kind=kind, level=1))
    # Barry's notes are not entries (no duplicate, no incomplete entry); Crosby is uncited.
    assert _rules(text, "docx", tuple(blocks)) == [("uncited-reference", "Crosby")]


def test_latex_footnotes_beside_a_typed_bibliography() -> None:
    text = (
        "Text.\\footnote{Barry, \\emph{Great Influenza}, 206; Crosby, \\emph{Epidemic and Peace},"
        " 12.}\n\n\\section*{Bibliography}\n\n"
        "Barry, John M. \\emph{The Great Influenza}. New York: Viking, 2004.\n"
    )
    assert _rules(text, "latex") == [("missing-reference", "Crosby")]


def _lists(text: str) -> list[Span]:
    return list(find_sections(text).lists)


_NOTES_THEN_BIBLIOGRAPHY = """Canal trade peaked early [1]. Barges were cheap [2]. Railways won [3].

## References

1. Louise Ferrand. Water Roads. Lantern (1999), p. 14.
2. Ferrand. p. 20.
3. Ibid. p. 22.

## Bibliography

* Louise Ferrand. Water Roads. Lantern (1999).
* Wren, Tobias. Coastal Weather. Quire Books (1999).
"""


def test_numbered_notes_under_any_heading_beside_a_bibliography() -> None:
    text = _NOTES_THEN_BIBLIOGRAPHY
    notes = listed_notes(text, _lists(text))
    assert [n.key for n in notes] == ["1", "2", "3"]
    assert [w.authors for w in read_note(text[notes[1].body.start : notes[1].body.end])] == [
        ("Ferrand",)
    ]


def test_a_numbered_list_of_entries_beside_another_list_is_no_notes() -> None:
    text = """Canals [1] and rails [2] and roads [3].

## References

1. Ferrand, L. (1999). Water roads. Lantern.
2. Wren, T. (2001). Iron roads. Quire Books.
3. Marsh, E. (2011). Salt roads. Lantern.

## Further reading

* Oduya, G. (2008). Salt and silver. Carrow Press.
* Holt, J. (2015). Old ways. Lantern.
"""
    assert listed_notes(text, _lists(text)) == []


def test_author_date_notes() -> None:
    works = [
        (w.authors[0], w.year, w.locator, w.title)
        for text in ("Lazonick 2016", "Zingales. 2015", "Malkiel, 2003, p.22")
        for w in read_note(text)
    ]
    assert works == [
        ("Lazonick", "2016", None, None),
        ("Zingales", "2015", None, None),
        ("Malkiel", "2003", "p.22", None),
    ]
    assert read_note("See the 2004 report.") == ()


def test_a_short_note_page_after_its_title_is_no_year() -> None:
    (work,) = read_note("Quill and Vale, “Regulation of Harbours,” 1564.")
    assert (work.authors, work.year, work.form) == (("Quill", "Vale"), None, "short")


def test_notes_typed_with_raised_numbers_at_the_foot_of_a_page() -> None:
    text = (
        "Ports grew. <sup>1</sup> Then closed. <sup>2</sup> Then opened. <sup>3</sup>\n\n"
        "<sup>1</sup> Anna Marsh, *Harbour Towns* (New York: Harbour Press, 2019), 34.\n"
        "{: .fs-2}\n"
        "<sup>2</sup> Tom Quill, “Charters,” *Harbour Review* 12 (2015): 10.\n"
        "<sup>3</sup>Marsh, *Harbour Towns*, 40.\n"
        "<sup>9</sup> A line whose number marks nothing.\n"
    )
    notes = typed_notes(text)
    assert [(n.key, text[n.body.start : n.body.end].split(",")[0]) for n in notes] == [
        ("1", "Anna Marsh"),
        ("2", "Tom Quill"),
        ("3", "Marsh"),
    ]
