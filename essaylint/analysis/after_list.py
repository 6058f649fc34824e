"""Whether the essay goes on after a reference list, and the prose that tells.

A "#### Works cited" under an early section of a lab report ends at the next
heading of its rank, and the report's sections after it are the essay: its body
runs on past the list (:func:`essay_resumes`). A run of entry-shaped lines that
no heading names, with the essay's sections going on below it, is no list at
all: picture captions ending in a year, a table of figures
(:func:`sections_follow`). :mod:`essaylint.analysis.sections` asks both.
"""

from __future__ import annotations

from essaylint.analysis.layout import APPENDIX_WORDS, RULE, Heading, Line, Structure
from essaylint.analysis.list_extent import ListRun, entry_at, neutral
from essaylint.analysis.patterns import BULLET
from essaylint.lazy_pattern import compile_lazily

_SENTENCE_WORDS = 4
_SENTENCE_END = compile_lazily(r"[.!?][\"”’')\]]*\s*$")


def is_prose(lines: list[Line], i: int, structure: Structure) -> bool:
    """A sentence of the essay: words ending in a full stop, and no entry."""
    text = lines[i].text
    return (
        len(text.split()) >= _SENTENCE_WORDS
        and bool(_SENTENCE_END.search(text))
        and not entry_at(lines, i, structure)
    )


def essay_resumes(
    lines: list[Line],
    headings: dict[int, Heading],
    structure: Structure,
    last: ListRun,
    opening: int,
) -> bool:
    """Does the essay go on after its last list ("#### Works cited" early in a lab report)?

    It does when a marked-up heading of the list's rank or higher ends the list
    (a rule between them or not) and more of the essay's prose follows, under
    more headings, than came before it: sections of the essay, not reader
    comments, an author's note or a page of links. An appendix after the list
    is read as the appendix.
    """
    if last.heading is None or last.heading.level > 6:
        return False
    after = next(
        (
            k
            for k in range(last.last + 1, len(lines))
            if not (lines[k].blank or neutral(lines[k].text) or RULE.match(lines[k].text))
        ),
        None,
    )
    heading = headings.get(after) if after is not None else None
    if heading is None or heading.level > last.heading.level or APPENDIX_WORDS.match(heading.title):
        return False
    sections = sum(1 for k, h in headings.items() if k > last.last and h.level <= 6)
    after_words = _prose_words(lines, range(last.last + 1, len(lines)), structure)
    before_words = _prose_words(lines, range(opening), structure)
    return sections >= _MIN_SECTIONS_AFTER and after_words > before_words


_MIN_SECTIONS_AFTER = 2
_MIN_PROSE_WORDS_AFTER = 200


def sections_follow(
    lines: list[Line], headings: dict[int, Heading], structure: Structure, run: ListRun
) -> bool:
    """Does the essay go on, section after section, below a run of entries no heading names?

    Such a run in the middle of an essay is no reference list: captions of the
    pictures a section shows ("A transcription of the [Constitution, 1867](...)"),
    a table of figures. A list with no heading ends the essay.
    """
    sections = [
        k
        for k, h in headings.items()
        if k > run.last and h.level <= 6 and not APPENDIX_WORDS.match(h.title)
    ]
    return (
        len(sections) >= _MIN_SECTIONS_AFTER
        and _prose_words(lines, range(run.last + 1, len(lines)), structure)
        >= _MIN_PROSE_WORDS_AFTER
    )


_ITEM = compile_lazily(r"^\s*(?:" + BULLET + r"|>|\|)")


def _prose_words(lines: list[Line], span: range, structure: Structure) -> int:
    """The words of the essay's sentences on lines ``span``: no list items, quotes or table rows."""
    return sum(
        len(lines[i].text.split())
        for i in span
        if not _ITEM.match(lines[i].text) and is_prose(lines, i, structure)
    )
