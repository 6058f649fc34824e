"""What the shape of a reference list says about the essay's style.

APA and Harvard put the year in parentheses after the authors ("Smith, J.
(2019). Title."). Chicago author-date puts it bare after the authors
("Smith, John. 2019. Title."). MLA puts no year after the authors at all: it
comes at the end of the publication details or in a date ("Smith, John.
*Title*. Publisher, 2019.", "... 12 Mar. 2020."). Numbered entries and
.bib entries say nothing about this and are not counted; footnote
definitions are (an MLA essay may keep its sources in footnotes, and a
Chicago note looks like an MLA entry, but then the text cites by notes, which
:func:`essaylint.pipeline.detect_style` weighs).

Both MLA and Chicago invert the first author, "Family, Given": a first author
written without a comma ("Fleetwood Mac.", "Edison Research.") is a group or
an organisation, whose name is kept whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from essaylint.analysis.names import is_initials
from essaylint.analysis.patterns import YEAR, YEAR_DIGITS
from essaylint.analysis.text import name_key
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Citation, Person, Reference

# "(2019)", "(2019, March 4)", "(n.d.)" near the start of the entry.
_PAREN_YEAR = compile_lazily(rf"\(\s*(?:{YEAR})\b[^)]{{0,30}}\)", re.IGNORECASE)
# "Smith, John. 2019. Title", "Smith, J., and K. Lee. 2019a. Title": the year after a full
# stop; a span of years, "Smith, John. 1910-1913. Diaries".
_BARE_YEAR = compile_lazily(
    r"\.\s+" + YEAR_DIGITS + r"[a-z]?(?:[-–](?:" + YEAR_DIGITS + r"|\d\d))?\.\s"
)
_HEAD = 160  # characters of an entry in which the authors and their year stand
# A title's opening mark: quotes, emphasis, or a single quote before a capital (MLA 7 as
# citation tools wrote it: "Andraka, Jack. 'Why Paywalls Have To Go'. ... 2013."); not
# the apostrophe inside a name ("O'Neil, C. (2016).").
_TITLE_MARK = compile_lazily(r"[\"“*_]|(?<!\w)['‘](?=[A-Z])")
_BOLD = compile_lazily(r"\*\*|__")
MLA_SHARE = 0.6  # share of telling entries with no year after the authors
CHICAGO_SHARE = 0.5


def entry_shape(ref: Reference, *, numbered_too: bool = False) -> str | None:
    """ "paren", "bare" (Chicago author-date), "late" (MLA) or None (not a telling entry).
    A numbered entry tells only ``numbered_too``: its numbers are no citations'."""
    if (ref.number is not None and not numbered_too) or ref.source == "bib":
        return None
    if not ref.authors and not ref.title:
        return None
    head = _BOLD.sub("", ref.raw[:_HEAD])  # "**Firke, Sam.** 2023.": a bold name, no title
    paren = _PAREN_YEAR.search(head)
    title = _TITLE_MARK.search(head)
    if paren and (title is None or paren.start() < title.start() + 5):
        return "paren"
    bare = _BARE_YEAR.search(head)
    if bare and (title is None or bare.start() < title.start()):
        return "bare"
    return "late"


def list_shape(refs: Sequence[Reference], *, numbered_too: bool = False) -> str | None:
    """ "mla", "chicago" or None (APA/Harvard, numbered, or too few entries to tell).

    ``numbered_too``: the list is numbered, but the text cites no number, so its entries'
    shapes tell the style (a numbered MLA list from a database's citation tool)."""
    shapes = [s for r in refs if (s := entry_shape(r, numbered_too=numbered_too)) is not None]
    if not shapes:
        return None
    late, bare = shapes.count("late"), shapes.count("bare")
    if late >= MLA_SHARE * len(shapes):
        return "mla"
    if bare and bare + late >= len(shapes) and bare >= CHICAGO_SHARE * len(shapes):
        return "chicago"
    return None


# "Julia Rose Kraut": the most words a person's name in a note runs to.
_NOTE_PERSON_WORDS = 3
_FIRST_SEGMENT = compile_lazily(r"^\s*[*_]*(?P<who>[^.,*_\"“(]{2,80}?)[*_]*\.\s")


def keep_group_names(refs: Sequence[Reference]) -> list[Reference]:
    """In an MLA or Chicago list, an uninverted first author is a group: keep its name whole.

    "Fleetwood Mac. “The Chain.” *Rumours*, 1977." is by the band, not by a
    Mr Mac; "Edison Research. “Exit Polls.”" by the company. A note names
    people given name first, so a short name there ("Patrisia Macías-Rojas.
    “Title.”", a note punctuated like a bibliography entry) is a person's, as
    its short notes say; a longer one ("Twin City Rapid Transit.") is still a
    group's. An initial after a family name ("Babbie E. (2001)") is a person's.
    """
    out: list[Reference] = []
    for ref in refs:
        m = _FIRST_SEGMENT.match(ref.raw)
        if m and ref.source == "footnote" and len(m.group("who").split()) <= _NOTE_PERSON_WORDS:
            out.append(ref)
            continue
        first = ref.authors[0] if ref.authors else None
        if (
            m
            and first is not None
            and not first.corporate
            and len(ref.authors) == 1
            and first.given
            and not is_initials(first.given)  # "Babbie E. (2001)": a name and its initial
            and "," not in m.group("who")
            and first.family in m.group("who")
            and len(m.group("who").split()) <= 5
        ):
            whole = m.group("who").strip()
            group = Person(family=whole, raw=whole, corporate=True)
            ref = ref.model_copy(update={"authors": (group,)})
        out.append(ref)
    return out


_NO_COMMA_YEAR = compile_lazily(r"[^\W\d_]\s+" + YEAR_DIGITS + r"[a-z]?\s*(?:[,;)]|$)")
CHICAGO_CITATIONS = 3  # parenthetical citations needed before their punctuation says anything


def chicago_punctuation(text: str, citations: Sequence[Citation]) -> bool:
    """Do most parenthetical author-date citations write "(Smith 2003)", no comma before the year?

    APA and Harvard write "(Smith, 2003)"; Chicago author-date "(Smith 2003,
    45)". A list with parenthesised years can belong to either, so the
    citations decide.
    """
    telling = [
        c for c in citations if c.kind == "author-date" and not c.narrative and c.year and c.authors
    ]
    if len(telling) < CHICAGO_CITATIONS:
        return False
    bare = sum(
        1 for c in telling if _NO_COMMA_YEAR.search(text, c.span.start, c.span.end) is not None
    )
    return bare * 2 > len(telling)


# A year, a span of years, and a page after a comma: "2000", "1910-1913", "1910, F13".
_YEAR_LOCATOR = compile_lazily(rf"{YEAR_DIGITS}[a-z]?(?:\s?[-–]\s?\d{{2,4}})?(?:,\s*\S.*)?")
YEAR_SLACK = 2  # years past the list's newest entry a year-like page may name
PAGE_CITATIONS = 2  # author-page readings needed before their numbers say anything


def pages_are_years(citations: Sequence[Citation], refs: Sequence[Reference]) -> bool:
    """Are the "pages" of an MLA reading of the text really years ("(Froese and Pauly 2000)")?

    A list with the year at the end is MLA or a Chicago bibliography, whose
    essays may cite author-date with no comma. A "page" that is the year of an
    entry by the cited author is a year; so is a year-like number no older than
    the list's oldest entry and no newer than its newest (plus a little) when
    no citation gives a page that could not be a year. "(Smith 45)",
    "(Penhallow 1204)" keep the essay MLA.
    """
    years_by_author: dict[str, set[str]] = {}
    for ref in refs:
        if ref.year and ref.year[:4].isdigit() and ref.authors:
            years_by_author.setdefault(name_key(ref.authors[0].family), set()).add(ref.year[:4])
    listed = [int(y) for ys in years_by_author.values() for y in ys]
    lowest, highest = (min(listed), max(listed) + YEAR_SLACK) if listed else (0, 0)
    confirmed = year_like = pages = 0
    for c in citations:
        if c.kind != "author-date" or c.year is not None or c.narrative or not c.locator:
            continue
        loc = c.locator.strip()
        if not _YEAR_LOCATOR.fullmatch(loc):
            pages += 1
        elif c.authors and loc[:4] in years_by_author.get(name_key(c.authors[0]), ()):
            confirmed += 1
        elif lowest <= int(loc[:4]) <= highest:
            year_like += 1
        else:
            pages += 1
    dated = confirmed + year_like
    if dated < PAGE_CITATIONS:
        return False
    return (confirmed > 0 or pages == 0) and dated >= 3 * pages
