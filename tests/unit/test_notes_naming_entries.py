"""Notes that name a Bibliography entry by title, name alone or link, not as a citation."""

from __future__ import annotations

from essaylint.analysis.notes import Note, read_note, read_notes
from essaylint.analysis.notes_naming_entries import notes_naming_entries
from essaylint.analysis.references import parse_reference
from essaylint.models import Span

ENTRIES = [
    parse_reference(raw)
    for raw in (
        'Ashdown, Priscilla. "Parish Registers and Village Memory in the Fens." *Local History'
        " Review* 12, no. 2 (1994): 40–61.",
        "Fairweather, Colin. *Enclosure and Its Enemies*. Norwich: Reed Press, 2001.",
        'Millbank Heritage Trust. "The Old Mill." https://example.org/heritage/old-mill',
        "Records of the Mill Board, Box 9. County Archive.",
        "Records of the Mill Board, Box 12. County Archive.",
    )
]


def _named(*bodies: str) -> list[tuple[str, ...]]:
    text, notes = "", []
    for i, body in enumerate(bodies):
        notes.append(Note(key=str(i + 1), span=Span(start=len(text), end=len(text) + len(body)),
                          body=Span(start=len(text), end=len(text) + len(body)),
                          source="markdown"))  # fmt: skip
        text += body + "\n"
    read = notes_naming_entries(text, read_notes(text, notes), ENTRIES)
    return [tuple(w.title or w.authors[0] for w in works) for _, works in read]


def test_a_title_alone_with_a_page_names_its_entry() -> None:
    assert _named("Parish Registers and Village Memory p. 44-45") == [
        ("Parish Registers and Village Memory in the Fens",)
    ]


def test_a_family_name_alone_names_that_authors_entry() -> None:
    assert _named("Fairweather") == [("Enclosure and Its Enemies",)]


def test_a_link_that_one_entry_gives_names_it() -> None:
    assert _named("[Heritage page](https://www.example.org/heritage/old-mill/)") == [
        ("The Old Mill",)
    ]


def test_a_label_that_fits_several_entries_equally_names_them_all() -> None:
    (works,) = _named("Mill Board Records, County Archive")
    assert len(works) == 2


def test_comments_and_unknown_names_name_nothing() -> None:
    assert _named(
        "Enclosure is discussed again in the third chapter, where the riots are described.",
        "Hollingsworth",
        "See the parish registers.",
    ) == [(), (), ()]


def test_a_note_the_reader_understood_is_kept_as_read() -> None:
    (works,) = _named("Ashdown, *Village Memory*, 44.")
    assert works == ("Village Memory",)


def test_a_heading_before_a_quoted_title_is_no_author() -> None:
    assert read_note("International Trends: The Witch “She”/The Historian “He” pg 78") == ()
