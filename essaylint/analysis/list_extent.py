"""Where a reference list runs: its entries, their wrapped lines, sub-headings and gaps.

Given the line where a list starts, :func:`list_extent` walks on over
entry-shaped blocks (an author-year head, a number, a footnote key, a hanging
indent) and their continuations, over sub-headings that group entries
("Books", "Web sources", a bold line under a plain "References") and over a
short line or two between entries, and stops at a heading of the list's rank,
a rule or a paragraph that is no entry. :mod:`essaylint.analysis.sections`
decides where lists start.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass

from essaylint.analysis.entry_shape import (
    continues_entry,
    entry_number,
    has_link,
    has_year,
    has_year_or_link,
    initialled_name_head,
    looks_like_entry,
    number_only,
    starts_entry,
    undated_entry,
)
from essaylint.analysis.layout import (
    APPENDIX_WORDS,
    CREDITS_WORDS,
    FENCE,
    RULE,
    SECTION_TAG,
    SOURCE_GROUP,
    TAG_ONLY,
    Heading,
    Line,
    Structure,
    is_appendix_title,
    list_heading_kind,
)
from essaylint.analysis.patterns import BULLET, FOOTNOTE_DEFINITION
from essaylint.lazy_pattern import compile_lazily

# Short lines of other text allowed between two runs of entries of one list.
MAX_GAP_BLOCKS = 3
MAX_GAP_WORDS = 25


@dataclass(frozen=True)
class ListRun:
    """A reference list found in the lines: its heading, entry lines and entry count."""

    heading: Heading | None
    first: int  # line of the first entry
    last: int  # last line of the list
    entries: int
    consulted: bool


def entry_at(lines: list[Line], i: int, structure: Structure) -> bool:
    """Does line ``i`` open an entry? (Worked out once per line, kept in ``structure``.)"""
    known = structure.entries.get(i)
    if known is None:
        known = structure.entries[i] = _starts_entry_at(lines, i, structure)
    return known


def _starts_entry_at(lines: list[Line], i: int, structure: Structure) -> bool:
    if i in structure.not_entries:
        return False
    following = next((x.text for x in lines[i + 1 : i + 3] if not x.blank), None)
    if following is not None and number_only(lines[i].text):
        # "[1]" alone, its entry in the next paragraph (one line or several, its year
        # and link last): the two read as one entry.
        entry = " ".join(x.text.strip() for x in _paragraph_after(lines, i))
        return starts_entry(f"{lines[i].text.strip()} {entry}", None)
    return starts_entry(lines[i].text, following, hanging=i in structure.hanging)


_NUMBERED_LINES = 8  # lines of an entry read after its number standing alone


def _paragraph_after(lines: list[Line], i: int) -> list[Line]:
    """The lines of the paragraph after line ``i`` (blank lines before it skipped)."""
    found: list[Line] = []
    for line in lines[i + 1 : i + 1 + _NUMBERED_LINES]:
        if line.blank:
            if found:
                break
            continue
        if found and number_only(line.text):
            break
        found.append(line)
    return found


_HEAD_LINES = 3  # an entry's authors and year fit in its first three wrapped lines


def _wrapped_head(lines: list[Line], i: int) -> bool:
    """Does the paragraph at line ``i``, read over its first lines, open like an entry?

    Inside a list, a hard-wrapped entry's authors may run past its first line
    ("Bagnall, Roger, ..., Tom" / "Elliott, ..., et al. 2006. Pleiades").
    """
    if (i > 0 and not lines[i - 1].blank) or i + 1 >= len(lines) or lines[i + 1].blank:
        return False
    head = []
    for line in lines[i : i + _HEAD_LINES]:
        if line.blank:
            break
        head.append(line.text.strip())
    return looks_like_entry(" ".join(head))


def _numbering_starts(lines: list[Line], i: int) -> bool:
    """Is line ``i`` item 1 of a numbered run ("1. Sommerville, I. Software Engineering."
    then "2. ...")? Under a list's heading, the run is the list, whatever its items' shape."""
    if entry_number(lines[i].text) != 1:
        return False
    following = next((line for line in lines[i + 1 : i + 3] if not line.blank), None)
    return following is not None and entry_number(following.text) == 2


def _cut_head(lines: list[Line], i: int) -> bool:
    """Does the paragraph at ``i``, read on into the paragraph it was cut from, open an entry?

    A Word paragraph to each typed line cuts "Marwick, Alice, and Rebecca Lewis. Media
    Manipulation. Data & Society," from its "2019, pp. 1-104." below a blank line.
    """
    if i > 0 and not lines[i - 1].blank:
        return False
    end = i
    while end + 1 < len(lines) and not lines[end + 1].blank:
        end += 1
    if end - i >= _HEAD_LINES:
        return False
    head = " ".join(line.text.strip() for line in lines[i : end + 1])
    # "Jun Wen, ..., Kibir Kolani," / "Research on ... matter?," / "Energy Policy, 2022, ...":
    # an entry may be cut in several places
    for _ in range(_HEAD_LINES - 1):
        after = end + 2
        if after >= len(lines) or lines[after].blank:
            return False
        cut = lines[end].text.rstrip().endswith((",", ";"))
        if not (cut or continues_entry(lines[end].text, lines[after].text)):
            return False
        head = f"{head} {lines[after].text.strip()}"
        if looks_like_entry(head):
            return True
        end = after
    return False


_MOST_ENTRY_LINES = 12


def _entry_text(lines: list[Line], first: int, last: int) -> str:
    """The lines of the entry from its first line to ``last``, joined ("" past a dozen)."""
    if first < 0 or last - first > _MOST_ENTRY_LINES:
        return ""
    return " ".join(lines[k].text for k in range(first, last + 1))


def neutral(text: str) -> bool:
    """Lines that belong to no entry and do not end a list: fences, tags, comments."""
    return bool(FENCE.match(text) or TAG_ONLY.match(text) or text.strip().startswith("<!--"))


def list_extent(
    lines: list[Line],
    first: int,
    headings: dict[int, Heading],
    structure: Structure,
    rank: int,
) -> tuple[int, int, int]:
    """Scan a list from line ``first``: (first entry, last line, entry count).

    ``rank`` is the level of the heading that opened it: a heading of that rank
    or higher ends the list; a deeper one followed by entries is a sub-heading.
    """
    entries = 0
    first_entry = -1
    last_entry = -1
    last = first - 1
    skipped_before = 0
    previous_was_text = False
    n = len(lines)
    i = first
    while i < n:
        line = lines[i]
        text = line.text
        if line.blank:
            previous_was_text = False
            i += 1
            continue
        if entries and (ends_list(text, headings.get(i)) or is_appendix_title(text)):
            break
        if neutral(text):
            i += 1
            continue
        if RULE.match(text):
            if entries:
                break
            i += 1
            continue
        if entries and (
            number_only(lines[last].text)  # "[3]" alone: its entry is this paragraph
            or (
                not previous_was_text
                and continues_entry(
                    lines[last].text, text, entry=_entry_text(lines, last_entry, last)
                )
            )
        ):
            last = i  # the entry before goes on in this block
            previous_was_text = True
            i += 1
            continue
        is_entry = entry_at(lines, i, structure) or (
            i not in headings
            and (
                undated_entry(text)
                or _next_item(lines, i, last_entry, structure)
                or _wrapped_head(lines, i)
                or _cut_head(lines, i)
                or (entries == 0 and _numbering_starts(lines, i))
                or (entries > 0 and _between_entries(lines, i, headings, structure))
            )
        )
        if i in headings and not is_entry:
            h = headings[i]
            if _below(h.level, rank) and _sub_heading(lines, i, headings, structure, last_entry):
                previous_was_text = False
                # a note on the group under its heading ("Code Source" / "The classes
                # are adapted from ...") is passed over to the group's entries
                i = _group_entry(lines, i + 1, structure, headings) or i + 1
                continue
            break
        if (
            is_entry
            and first_entry >= 0
            and _is_note_def(lines[i]) != _is_note_def(lines[first_entry])
        ):
            break  # footnote definitions beside a bibliography are notes, not its entries
        if is_entry:
            entries += 1
            if first_entry < 0:
                first_entry = i
            last = last_entry = i
            previous_was_text = True
            i += 1
            continue
        if entries and previous_was_text:
            if _prose_after_entry(lines, last_entry, last, text):
                # a summary of the work typed under its entry ends the list, and so do
                # the labels over it ("1.", "Background")
                last = _without_labels(lines, last_entry, last)
                break
            last = i  # a wrapped entry continues on this line
            i += 1
            continue
        if entries:
            break
        skipped_before += 1
        if skipped_before > 3:
            break
        i += 1
    if first_entry > first:
        earlier = _items_before(lines, first, first_entry, structure)
        entries += sum(1 for k in range(earlier, first_entry) if not lines[k].blank)
        first_entry = earlier
    return first_entry, last, entries


# A line of prose: a long sentence, longer than an entry's hard-wrapped line, with no
# date or link; or, a year in it ("In 2010, ..."), longer than any entry's second line.
_PROSE_LINE_CHARS = 100
_PROSE_LINE_WORDS = 15
_DATED_PROSE_WORDS = 40
_SENTENCE_SHAPE = compile_lazily(r"^[A-Z][\w'’-]*(?:\s+[a-z][\w'’-]*){3}.*[.!?][\"”’')\]]*\s*$")


def _prose_after_entry(lines: list[Line], last_entry: int, last: int, text: str) -> bool:
    """Is ``text``, on the line right after the entry from ``last_entry`` to ``last``
    that has its date or link, the essay's prose rather than more of the entry? A
    summary typed under its entry with no blank line ("The aging population is a
    global phenomenon that ...") is a long sentence with neither."""
    words = len(text.split())
    return (
        len(text) > _PROSE_LINE_CHARS
        and words >= _PROSE_LINE_WORDS
        and bool(_SENTENCE_SHAPE.match(text))
        and not has_link(text)
        and (words >= _DATED_PROSE_WORDS or not has_year(text))
        and has_year_or_link(_entry_text(lines, last_entry, last))
    )


_LABEL_WORDS = 4


def _without_labels(lines: list[Line], last_entry: int, last: int) -> int:
    """The last line of the entry at ``last_entry`` without the short lines after it
    that label what follows ("1.", "Background", "Research Question:")."""
    while (
        last > last_entry
        and len(lines[last].text.split()) <= _LABEL_WORDS
        and not has_year_or_link(lines[last].text)
    ):
        last -= 1
    return last


_MAX_SANDWICH_WORDS = 60


def _between_entries(
    lines: list[Line], i: int, headings: Container[int], structure: Structure
) -> bool:
    """Is the short paragraph at ``i`` an entry of another shape between two entries?

    A title-first entry ("All models are wrong. 2022. *Wikipedia*.") has no
    author head, yet the paragraphs on both sides of it are entries; nor has an
    undated one that opens with its author ("OKONJO, T.R.Field notes. [online]."),
    nor a Chicago entry among APA ones ("Kotliar, Natasha B., ... Island Press,
    2006."). Up to :data:`_MOST_ODD_IN_A_ROW` such paragraphs may stand together
    before the next entry.
    """
    if i > 0 and not lines[i - 1].blank:
        return False
    for _ in range(_MOST_ODD_IN_A_ROW):
        end = _odd_paragraph_end(lines, i)
        if end is None:
            return False
        after = next((k for k in range(end + 1, len(lines)) if not lines[k].blank), None)
        if after is None or after in headings:
            return False
        if entry_at(lines, after, structure) or _wrapped_head(lines, after):
            return True
        i = after
    return False


_MOST_ODD_IN_A_ROW = 3


def _odd_paragraph_end(lines: list[Line], i: int) -> int | None:
    """The last line of the paragraph at ``i`` when it is short and carries a year, a link
    or an author's name and initials, as an entry of an odd shape does; else None."""
    end = i
    while end + 1 < len(lines) and not lines[end + 1].blank:
        end += 1
    paragraph = " ".join(lines[k].text for k in range(i, end + 1))
    if len(paragraph.split()) > _MAX_SANDWICH_WORDS or not (
        has_year_or_link(paragraph) or initialled_name_head(paragraph)
    ):
        return None
    return end


def _odd_entry(
    lines: list[Line], j: int, last_entry: int, stops: Container[int], structure: Structure
) -> bool:
    """Is the paragraph at ``j``, between two entries, an entry of a shape of its own?

    One entry the shape readers miss (a law review's "*Md. L. Rev.* **57**, 1279
    (1998)") does not cut a run no heading names in two; with no heading to
    vouch for the run, the paragraph shows it belongs: it carries the number
    after the last entry's, or, in an unnumbered run, opens with a family name
    and initials ("Penrose, L. A. Sea walls ...").
    """
    before, text = lines[last_entry].text, lines[j].text
    if entry_number(before) is not None:
        belongs = _same_list(before, text, last_entry, j, structure)
    else:
        belongs = entry_number(text) is None and initialled_name_head(text)
    return belongs and _between_entries(lines, j, stops, structure)


def _next_item(lines: list[Line], i: int, last_entry: int, structure: Structure) -> bool:
    """Is line ``i`` the next item of the list the last entry is in, whatever its shape?

    A list's items are its entries even when one opens with a quoted title or
    has no year: the item numbered one more than the last entry ("4." after
    "3.", in any format), or the next item of a word processor's list.
    """
    if last_entry < 0:
        return False
    return _same_list(lines[last_entry].text, lines[i].text, last_entry, i, structure)


def _same_list(before: str, after: str, i: int, j: int, structure: Structure) -> bool:
    """Are lines ``i`` < ``j`` (texts ``before``, ``after``) items in a row of one list?

    Numbered one after the other, bullets of the same mark ("- ", "* ", "• "), or
    items of a word processor's list.
    """
    number, previous = entry_number(after), entry_number(before)
    if number is not None and previous is not None:
        return number == previous + 1
    bullet, previous_bullet = _BULLET.match(after), _BULLET.match(before)
    if bullet and previous_bullet:
        return bullet.group(1) == previous_bullet.group(1)
    return j in structure.items and i in structure.items


def _items_before(lines: list[Line], first: int, first_entry: int, structure: Structure) -> int:
    """The first item of the list whose first entry-shaped item is ``first_entry``.

    An annotated or title-first item ("- About Take Back the Tech! (n.d.) ...")
    may open the list before the first item shaped like an entry.
    """
    start = first_entry
    for k in range(first_entry - 1, first - 1, -1):
        if lines[k].blank:
            continue
        if not _same_list(lines[k].text, lines[start].text, k, start, structure):
            break
        start = k
    return start


_BULLET = compile_lazily(r"^\s{0,3}(" + BULLET + r")\s+\S")


def _is_note_def(line: Line) -> bool:
    return FOOTNOTE_DEFINITION.match(line.text) is not None


def ends_list(text: str, heading: Heading | None) -> bool:
    """A closing tag, or a tag that opens another kind of section (<further_reading>)."""
    tag = SECTION_TAG.match(text)
    if tag is None:
        return False
    if tag.group(1):
        return True
    title = heading.title if heading else re.sub(r"[_-]+", " ", tag.group(2)).casefold()
    return list_heading_kind(title) != "primary"


_LOOKS_ONLY = 7  # a bold or numbered line (7) and a plain one (8) are headings by their looks only


def _below(level: int, rank: int) -> bool:
    """Can a heading of ``level`` sit inside a list whose heading has ``rank``?

    A deeper heading can; so can one set apart by its looks only under a list
    heading that is too ("References" over "**Books**"): they have no ranks.
    """
    return level > rank or min(level, rank) >= _LOOKS_ONLY


_MOST_NOTE_WORDS = 80  # a note on a group of entries, under its heading
_MOST_NOTE_LINES = 4


def _group_entry(
    lines: list[Line], start: int, structure: Structure, stops: Container[int]
) -> int | None:
    """The first entry of the group a sub-heading opens, from line ``start``: within three
    lines, or after one paragraph that notes where the group's works come from."""
    following = next(
        (j for j in range(start, min(len(lines), start + 3)) if not _neutral_or_blank(lines[j])),
        None,
    )
    if following is None or entry_at(lines, following, structure):
        return following
    words = 0
    for j in range(following, min(len(lines), following + _MOST_NOTE_LINES)):
        if lines[j].blank:
            continue
        if entry_at(lines, j, structure):
            return j
        words += len(lines[j].text.split())
        if words > _MOST_NOTE_WORDS or j in stops:
            return None
    return None


def _sub_heading(
    lines: list[Line], i: int, headings: dict[int, Heading], structure: Structure, last_entry: int
) -> bool:
    """A heading inside a list ("Books", "Web sources"): entries follow, no reading list.

    A heading that would open a reading list ("Additional Sources") groups the
    list's entries all the same when the entries under it are numbered on from
    the last one ("12." then "13.") or when it names sources, not reading.
    """
    following = _group_entry(lines, i + 1, structure, headings)
    if following is None:
        return False
    title = headings[i].title
    kind = list_heading_kind(title)
    if kind is None:
        return True
    before = lines[last_entry] if last_entry >= 0 else None
    return kind == "reading" and groups_entries(title, before, lines[following])


def groups_entries(title: str, before: Line | None, after: Line) -> bool:
    """Does a reading-list heading between entries ``before`` and ``after`` only group them?

    "Additional Sources" names sources, and "Further Reading" over an item
    numbered on from the entry above ("12." then "13.") goes on with its list;
    an appendix or picture credits ("Image sources") never do.
    """
    if APPENDIX_WORDS.search(title) or CREDITS_WORDS.search(title):
        return False
    number = entry_number(after.text)
    previous = entry_number(before.text) if before is not None else None
    numbered_on = number is not None and previous is not None and number == previous + 1
    return numbered_on or SOURCE_GROUP.search(title) is not None


def _neutral_or_blank(line: Line) -> bool:
    return line.blank or neutral(line.text)


def next_text_line(lines: list[Line], i: int) -> Line | None:
    """The next line after ``i`` with text that is no fence, tag or comment (within three)."""
    return next((line for line in lines[i + 1 : i + 4] if not _neutral_or_blank(line)), None)


def run_at(
    lines: list[Line], structure: Structure, i: int, stops: frozenset[int] = frozenset()
) -> tuple[int, int]:
    """The run of entries that starts at entry line ``i``: (last line, entries).

    A line in ``stops`` (a section heading) ends the run, whatever the line before.
    """
    count = 0
    last = last_entry = i
    previous_was_text = False
    for j in range(i, len(lines)):
        line = lines[j]
        if j > i and j in stops:
            break
        if line.blank or neutral(line.text):
            previous_was_text = False
            continue
        is_entry = (
            entry_at(lines, j, structure)
            or (
                count > 0
                and not previous_was_text
                and _odd_entry(lines, j, last_entry, stops, structure)
            )
        ) and not FOOTNOTE_DEFINITION.match(line.text)
        if is_entry:
            last_entry = j
        if previous_was_text:  # the next line of the same block
            if is_entry:
                count += 1
            elif RULE.match(line.text):
                break
            elif _prose_after_entry(lines, last_entry, last, line.text):
                return _without_labels(lines, last_entry, last), count
        elif j > i and continues_entry(
            lines[last].text, line.text, entry=_entry_text(lines, last_entry, last)
        ):
            pass  # the entry before goes on in this block
        elif is_entry:
            count += 1
        else:
            break
        last = j
        previous_was_text = True
    return last, count
