"""Find the parts of an essay: body, reference lists, and what comes after.

The finder reads lines and the blocks they belong to: a block is a run of
lines between blank lines (for .docx, .odt and HTML every paragraph is one,
and ``Document.blocks`` says which are headings). Every format goes through
the same code.

A reference list is found by what it contains, helped by its heading:

- A heading in any numbering or markup that names a list ("References",
  "9.1 Key References", "11. References and Further Reading", "Works Cited",
  "Bibliography", "Sources", "Referencias", "参考文献", a ``<references>`` tag)
  opens a list; it runs over entry-shaped blocks (an author-year head, a
  number, a footnote key, a hanging indent), their wrapped continuations and
  sub-headings ("Books", "Web sources", "Additional Sources", a bold line under
  a plain "References"), and ends at a heading of the same rank, a rule
  ("---") or a paragraph that is not an entry. Under the heading
  the items of one bullet or numbered list are all entries (an annotated or
  title-first item too); so are a hard-wrapped paragraph whose year comes on
  its second or third line and a short title-first paragraph between two
  entries.
- Several lists are all kept: a list per part of a long document, References
  and a Bibliography (whose entries may be cited but need not be), and further
  runs of entries after the list with a line or two of other text between.
- Without a heading, the last run of entry-shaped blocks is the list, when at
  least half of its entries carry a year (or "n.d."): a link alone is no
  evidence, since navigation lines ("Visit [Part II](...) to see ...") and
  link bullets at the top of a page have one too. Lines
  that only look like entries are not: people with lifespans ("Martin Seligman
  (1942–)"), sentences that cite ("Bowlby (1969) argued that ..."), timelines,
  dated rows ("Monday 14 September, 2015") and the rows of a table.
- A LaTeX ``thebibliography`` environment is a list by its markup, whatever
  its entries look like (:mod:`essaylint.analysis.latex_bibliography`).
- "Further reading", "Recommended resources" and the like are reading lists:
  excluded from the body and never read as entries.

Whatever follows the last list is ``trailing`` (reader comments, page chrome,
a second piece) and is never searched for citations, unless its first line is
a heading that opens an appendix ("Appendix A", "Appendixes", "Tables"), or a
line of its own that titles one ("Appendix A", even unmarked and straight after
the last entry, where it ends the list): then it is the essay's ``appendix``,
whose prose, table rows and captions cite like the body does.

Candidate lists never overlap: a run of entries that no heading names stops
at a section heading, and one that reaches into a headed list is dropped, so
no line is read as two entries. A label's block of bare web addresses in the
body ("**Sources:**" over three links) is no list when a list follows later.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from essaylint.analysis.body_spans import (
    appendix_span,
    excluded_spans,
    footnote_definition_spans,
    reading_spans,
)
from essaylint.analysis.entry_shape import (
    continues_entry,
    entry_body,
    entry_number,
    has_link,
    has_year,
    has_year_or_link,
    looks_like_entry,
    starts_entry,
    undated_entry,
)
from essaylint.analysis.layout import (
    APPENDIX_WORDS,
    FENCE,
    READING_WORDS,
    RULE,
    SECTION_TAG,
    SOURCE_GROUP,
    TAG_LEVEL,
    TAG_ONLY,
    Heading,
    Line,
    Structure,
    front_matter_end,
    heading_map,
    is_appendix_title,
    list_heading_kind,
    normalise_heading,
    read_structure,
    split_lines,
)
from essaylint.analysis.patterns import BULLET, FOOTNOTE_DEFINITION
from essaylint.models import Block, Essay, Span

if TYPE_CHECKING:
    from essaylint.analysis.latex_bibliography import Environment

__all__ = ["continues_entry", "find_sections", "footnote_definition_spans", "looks_like_entry"]

# Short lines of other text allowed between two runs of entries of one list.
_MAX_GAP_BLOCKS = 3
_MAX_GAP_WORDS = 25


@dataclass(frozen=True)
class _List:
    heading: Heading | None
    first: int  # line of the first entry
    last: int  # last line of the list
    entries: int
    consulted: bool


def _is_entry(lines: list[Line], i: int, structure: Structure) -> bool:
    known = structure.entries.get(i)
    if known is None:
        known = structure.entries[i] = _starts_entry_at(lines, i, structure)
    return known


def _starts_entry_at(lines: list[Line], i: int, structure: Structure) -> bool:
    if i in structure.notes:
        return False
    following = next((x.text for x in lines[i + 1 : i + 3] if not x.blank), None)
    return starts_entry(lines[i].text, following, hanging=i in structure.hanging)


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
    after = end + 2
    if after >= len(lines) or lines[after].blank or end - i >= _HEAD_LINES:
        return False
    if not continues_entry(lines[end].text, lines[after].text):
        return False
    head = " ".join(line.text.strip() for line in lines[i : end + 1])
    return looks_like_entry(f"{head} {lines[after].text.strip()}")


def _neutral(text: str) -> bool:
    """Lines that belong to no entry and do not end a list: fences, tags, comments."""
    return bool(FENCE.match(text) or TAG_ONLY.match(text) or text.strip().startswith("<!--"))


def _list_extent(
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
        if entries and (_ends_list(text, headings.get(i)) or is_appendix_title(text)):
            break
        if _neutral(text):
            i += 1
            continue
        if RULE.match(text):
            if entries:
                break
            i += 1
            continue
        if entries and not previous_was_text and continues_entry(lines[last].text, text):
            last = i  # the entry before goes on in this block
            previous_was_text = True
            i += 1
            continue
        is_entry = _is_entry(lines, i, structure) or (
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
                i += 1
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


_MAX_SANDWICH_WORDS = 60


def _between_entries(
    lines: list[Line], i: int, headings: dict[int, Heading], structure: Structure
) -> bool:
    """Is the short paragraph at ``i`` an entry of another shape between two entries?

    A title-first entry ("All models are wrong. 2022. *Wikipedia*.") has no
    author head, yet the paragraphs on both sides of it are entries.
    """
    if i > 0 and not lines[i - 1].blank:
        return False
    end = i
    while end + 1 < len(lines) and not lines[end + 1].blank:
        end += 1
    paragraph = " ".join(lines[k].text for k in range(i, end + 1))
    if len(paragraph.split()) > _MAX_SANDWICH_WORDS or not has_year_or_link(paragraph):
        return False
    after = next((k for k in range(end + 1, len(lines)) if not lines[k].blank), None)
    return (
        after is not None
        and after not in headings
        and (_is_entry(lines, after, structure) or _wrapped_head(lines, after))
    )


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


_BULLET = re.compile(r"^\s{0,3}(" + BULLET + r")\s+\S")


def _is_note_def(line: Line) -> bool:
    return FOOTNOTE_DEFINITION.match(line.text) is not None


def _ends_list(text: str, heading: Heading | None) -> bool:
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


def _sub_heading(
    lines: list[Line], i: int, headings: dict[int, Heading], structure: Structure, last_entry: int
) -> bool:
    """A heading inside a list ("Books", "Web sources"): entries follow, no reading list.

    A heading that would open a reading list ("Additional Sources") groups the
    list's entries all the same when the entries under it are numbered on from
    the last one ("12." then "13.") or when it names sources, not reading.
    """
    following = next(
        (j for j in range(i + 1, min(len(lines), i + 4)) if not _neutral_or_blank(lines[j])),
        None,
    )
    if following is None or not _is_entry(lines, following, structure):
        return False
    title = headings[i].title
    kind = list_heading_kind(title)
    if kind is None:
        return True
    before = lines[last_entry] if last_entry >= 0 else None
    return kind == "reading" and _groups_entries(title, before, lines[following])


def _groups_entries(title: str, before: Line | None, after: Line) -> bool:
    """Does a reading-list heading between entries ``before`` and ``after`` only group them?

    "Additional Sources" names sources, and "Further Reading" over an item
    numbered on from the entry above ("12." then "13.") goes on with its list;
    an appendix never does.
    """
    if APPENDIX_WORDS.search(title):
        return False
    number = entry_number(after.text)
    previous = entry_number(before.text) if before is not None else None
    numbered_on = number is not None and previous is not None and number == previous + 1
    return numbered_on or SOURCE_GROUP.search(title) is not None


def _neutral_or_blank(line: Line) -> bool:
    return line.blank or _neutral(line.text)


def _next_text_line(lines: list[Line], i: int) -> Line | None:
    return next((line for line in lines[i + 1 : i + 4] if not _neutral_or_blank(line)), None)


def _run_at(
    lines: list[Line], structure: Structure, i: int, stops: frozenset[int] = frozenset()
) -> tuple[int, int]:
    """The run of entries that starts at entry line ``i``: (last line, entries).

    A line in ``stops`` (a section heading) ends the run, whatever the line before.
    """
    count = 0
    last = i
    previous_was_text = False
    for j in range(i, len(lines)):
        line = lines[j]
        if j > i and j in stops:
            break
        if line.blank or _neutral(line.text):
            previous_was_text = False
            continue
        is_entry = _is_entry(lines, j, structure) and not FOOTNOTE_DEFINITION.match(line.text)
        if previous_was_text:  # the next line of the same block
            if is_entry:
                count += 1
            elif RULE.match(line.text):
                break
        elif j > i and continues_entry(lines[last].text, line.text):
            pass  # the entry before goes on in this block
        elif is_entry:
            count += 1
        else:
            break
        last = j
        previous_was_text = True
    return last, count


_SENTENCE_WORDS = 4
_MOST_TITLE_BLOCK_LINES = 5
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s*$")


def _is_prose(lines: list[Line], i: int, structure: Structure) -> bool:
    """A sentence of the essay: words ending in a full stop, and no entry."""
    text = lines[i].text
    return (
        len(text.split()) >= _SENTENCE_WORDS
        and bool(_SENTENCE_END.search(text))
        and not _is_entry(lines, i, structure)
    )


def _section_starts(headings: dict[int, Heading]) -> frozenset[int]:
    """Lines that open a section no run of entries goes on into.

    Marked-up headings ("## References", a Word heading, a section tag) and any
    heading that names a list or an appendix: a dated line above one
    ("Capstone Project 2 - March 2026") is no entry that the heading carries on.
    """
    return frozenset(
        i
        for i, h in headings.items()
        if h.level <= 6
        or h.level == TAG_LEVEL
        or list_heading_kind(h.title) is not None
        or APPENDIX_WORDS.match(h.title)
    )


def _headless_lists(
    lines: list[Line],
    structure: Structure,
    headings: dict[int, Heading],
    taken: Sequence[_List],
    reading: Sequence[Span],
) -> list[_List]:
    """Runs of entries that no heading names: three or more entries, or two that end the text.

    Runs that overlap a list already found or start inside a reading list are
    not lists (the headed list is the one read: no line is read as an entry
    twice), nor are rows of a table (dated sessions, a timeline): a table is a
    list only under a list's heading. A run ends at a section heading.
    """
    stops = _section_starts(headings)
    final = max((line.index for line in lines if not line.blank), default=-1)
    # A YAML front matter is metadata: its sequences ("- family: Smith") are no entries.
    start = front_matter_end(lines)
    first_prose = next(
        (i for i in range(start, len(lines)) if _is_prose(lines, i, structure)), len(lines)
    )
    found: list[_List] = []
    i = start
    while i < len(lines):
        if not _is_entry(lines, i, structure) or FOOTNOTE_DEFINITION.match(lines[i].text):
            i += 1
            continue
        last, count = _run_at(lines, structure, i, stops)
        inside = any(x.first <= last and i <= x.last for x in taken) or any(
            span.start <= lines[i].start < span.end for span in reading
        )
        in_table = i in structure.cells and any(
            j in structure.cells for j in range(i + 1, last + 1)
        )
        # A few dated lines above the essay's first paragraph are its title block
        # ("Sarah Thompson – October 2025", "Module: Machine Learning (July 2025 B)").
        title_block = last < first_prose and count <= _MOST_TITLE_BLOCK_LINES
        if (
            not inside
            and not in_table
            and not title_block
            and (count >= 3 or (count >= 2 and last >= final))
            and _mostly_dated(lines, i, last, structure)
            and _mostly_shaped(lines, i, last, structure)
        ):
            first = _numbered_from_one(lines, i)
            above = (entry_number(lines[i].text) or 1) - 1 if first < i else 0
            found.append(_List(None, first, last, count + above, consulted=False))
        i = last + 1
    return found


def _numbered_from_one(lines: list[Line], first: int) -> int:
    """The line of entry 1 when the items just before entry ``first`` count down to 1.

    A list no heading names is found at its first entry shaped like one, so
    authorless items above it ("1. Hyperbaric Oxygen Therapy: Get the Facts.
    https://...") would be left out; numbered 1, 2, ... up to it, they are its
    first entries. Without such a count, ``first`` itself.
    """
    number = entry_number(lines[first].text)
    if number is None:
        return first
    start = first
    for k in range(first - 1, -1, -1):
        if number == 1:
            break
        if lines[k].blank:
            continue
        if entry_number(lines[k].text) != number - 1:
            break
        start, number = k, number - 1
    return start if number == 1 else first


def _mostly_shaped(lines: list[Line], first: int, last: int, structure: Structure) -> bool:
    """Do at least half of the entries on lines ``first``..``last`` read as entries by their words?

    A hanging indent starts an entry under a list's heading, but Word hangs every
    bullet too: points under "Literature Review" that cite ("Cannabis and Mania:
    Gibbs et al. (2015) reported ...") are no list without the shape of entries.
    """
    starts = [j for j in range(first, last + 1) if _is_entry(lines, j, structure)]
    shaped = sum(1 for j in starts if looks_like_entry(lines[j].text))
    return shaped * 2 >= len(starts)


def _mostly_dated(lines: list[Line], first: int, last: int, structure: Structure) -> bool:
    """Do at least half of the entries on lines ``first``..``last`` carry a year (or "n.d.")?

    A list that no heading names needs the evidence of an entry, not only a
    link: navigation lines and link bullets have links and no dates.
    """
    entries = dated = 0
    current = False
    for j in range(first, last + 1):
        line = lines[j]
        if line.blank:
            continue
        if _is_entry(lines, j, structure):
            dated += int(current)
            entries += 1
            current = False
        current = current or has_year(line.text)
    dated += int(current)
    return dated * 2 >= entries


def _later_runs(lines: list[Line], after: int, structure: Structure) -> list[_List]:
    """Runs of entries after a list with only a few short lines between (sub-lists)."""
    found: list[_List] = []
    gap_blocks = 0
    i = after + 1
    while i < len(lines):
        line = lines[i]
        if _ends_list(line.text, None):
            break
        if line.blank or _neutral(line.text):
            i += 1
            continue
        if _is_entry(lines, i, structure):
            last, count = _run_at(lines, structure, i)
            if count < 2:
                break
            found.append(_List(None, i, last, count, consulted=False))
            gap_blocks = 0
            i = last + 1
            continue
        if RULE.match(line.text) or len(line.text.split()) > _MAX_GAP_WORDS:
            break
        title = normalise_heading(line.text)
        if READING_WORDS.search(title):
            following = _next_text_line(lines, i)
            if following is None or not _groups_entries(title, lines[after], following):
                break
        gap_blocks += 1
        if gap_blocks > _MAX_GAP_BLOCKS:
            break
        i += 1
    return found


def _with_later_runs(lines: list[Line], lists: list[_List], structure: Structure) -> list[_List]:
    """The lists, each followed by the runs of entries that carry it on (see _later_runs)."""
    out: list[_List] = []
    for k, found in enumerate(lists):
        out.append(found)
        limit = lists[k + 1].first if k + 1 < len(lists) else len(lines)
        out += [run for run in _later_runs(lines, found.last, structure) if run.last < limit]
    return out


def _heading_lists(
    lines: list[Line], headings: dict[int, Heading], structure: Structure
) -> list[_List]:
    lists: list[_List] = []
    seen_first: set[int] = set()
    for i in sorted(headings):
        h = headings[i]
        kind = list_heading_kind(h.title)
        if kind not in ("primary", "consulted"):
            continue
        rank = h.level
        first_entry, last, count = _list_extent(lines, i + 1, headings, structure, rank)
        if count == 0 or first_entry in seen_first:
            continue
        if any(first_entry <= other.last for other in lists):
            continue  # inside a list already found (a sub-heading of it)
        seen_first.add(first_entry)
        lists.append(_List(h, first_entry, last, count, consulted=kind == "consulted"))
    lists = [x for k, x in enumerate(lists) if not _pointer_block(lines, x, lists[k + 1 :])]
    if lists and all(x.consulted for x in lists):
        # A Bibliography with no reference list beside it is the reference list.
        lists = [_List(x.heading, x.first, x.last, x.entries, consulted=False) for x in lists]
    return lists


def _pointer_block(lines: list[Line], found: _List, later: Sequence[_List]) -> bool:
    """Is ``found`` a label's block of bare web addresses in the body, not a list?

    "**Sources:**" over a few bare links in the middle of an essay, with a real
    reference list further on, points to where a passage came from: the links
    are the essay's text, the list below holds the works.
    """
    if found.heading is None or found.heading.level <= 6 or not later:
        return False
    texts = [line.text for line in lines[found.first : found.last + 1] if not line.blank]
    return all(_bare_link(text) for text in texts)


def _bare_link(text: str) -> bool:
    """A line that is only a web address ("https://...", "- <https://...>")."""
    body = entry_body(text).strip("<>")
    return len(body.split()) == 1 and has_link(body)


def _without_sub_headings(
    lines: list[Line], found: _List, headings: dict[int, Heading]
) -> list[Span]:
    """The list's span cut where a sub-heading ("Books", a Word "Heading 3") stands in it."""
    spans: list[Span] = []
    start = found.first
    for i in range(found.first, found.last + 1):
        if i in headings and not looks_like_entry(lines[i].text):
            if i > start:
                spans.append(Span(start=lines[start].start, end=lines[i - 1].end))
            start = i + 1
    if start <= found.last:
        spans.append(Span(start=lines[start].start, end=lines[found.last].end))
    return [span for span in spans if span.end > span.start]


def find_sections(text: str, blocks: Sequence[Block] = ()) -> Essay:
    """Locate the body, the reference lists and the trailing text of an essay.

    ``blocks`` is what a structured format's loader read (headings, hanging
    indents); plain text and Markdown need none.
    """
    lines = split_lines(text)
    structure = read_structure(lines, blocks)
    headings = heading_map(lines, structure)
    environments: list[Environment] = []
    if "thebibliography" in text:  # LaTeX's own list (loaded only for such a text)
        from essaylint.analysis.latex_bibliography import bibliography_environments

        environments = bibliography_environments(text)
    if environments:
        return _markup_lists(text, lines, headings, blocks, environments)
    lists = _heading_lists(lines, headings, structure)
    reading = reading_spans(lines, headings, len(lines))
    headless = _headless_lists(lines, structure, headings, lists, reading)
    lists = sorted(lists + headless, key=lambda x: x.first)
    if not lists:
        excluded = excluded_spans(text, lines, headings, blocks, len(lines))
        return Essay(
            body=Span(start=0, end=len(text)),
            excluded=tuple(sorted(excluded, key=lambda s: s.start)),
        )
    lists = _with_later_runs(lines, lists, structure)
    last = lists[-1]
    opening = last.heading.line.index if last.heading is not None else last.first
    body = Span(start=0, end=lines[opening].start)
    excluded = excluded_spans(text, lines, headings, blocks, opening)
    for earlier in lists[:-1]:
        begin = earlier.heading.line.index if earlier.heading is not None else earlier.first
        excluded.append(Span(start=lines[begin].start, end=lines[earlier.last].end))
    pieces = [
        (piece, x.consulted) for x in lists for piece in _without_sub_headings(lines, x, headings)
    ]
    spans = tuple(piece for piece, _ in pieces)
    end = len(text)
    trailing_start = spans[-1].end
    first_heading = next((x.heading for x in lists if x.heading is not None), None)
    appendix = appendix_span(lines, headings, trailing_start)
    return Essay(
        body=body,
        references=Span(start=spans[0].start, end=spans[-1].end),
        lists=spans,
        consulted=tuple(piece for piece, consulted in pieces if consulted),
        heading=first_heading.line.text.strip() if first_heading is not None else None,
        trailing=(
            Span(start=trailing_start, end=end)
            if appendix is None and text[trailing_start:].strip()
            else None
        ),
        appendix=appendix,
        excluded=tuple(sorted(excluded, key=lambda s: s.start)),
    )


def _markup_lists(
    text: str,
    lines: list[Line],
    headings: dict[int, Heading],
    blocks: Sequence[Block],
    environments: Sequence[Environment],
) -> Essay:
    """A LaTeX essay whose ``thebibliography`` environments are its lists: the markup decides."""
    opening = bisect.bisect_right([line.start for line in lines], environments[-1].start) - 1
    excluded = excluded_spans(text, lines, headings, blocks, opening)
    excluded += [Span(start=env.start, end=env.body.end) for env in environments[:-1]]
    spans = tuple(env.body for env in environments)
    after = text.find("}", spans[-1].end) + 1 or len(text)
    return Essay(
        body=Span(start=0, end=environments[-1].start),
        references=Span(start=spans[0].start, end=spans[-1].end),
        lists=spans,
        trailing=Span(start=after, end=len(text)) if text[after:].strip() else None,
        excluded=tuple(sorted(excluded, key=lambda s: s.start)),
    )
