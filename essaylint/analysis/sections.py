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
  runs of entries after the list with a line or two of other text between, or
  with the paragraphs of an annotated bibliography between
  (:mod:`essaylint.analysis.annotated_lists`).
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
  excluded from the body and never read as entries, unless the essay has no
  other list: then the runs of dated entries under them are its works
  consulted (cited works among further reading).

Whatever follows the last list is ``trailing`` (reader comments, page chrome,
a second piece) and is never searched for citations, unless its first line is
a heading that opens an appendix ("Appendix A", "Appendixes", "Tables"), or a
line of its own that titles one ("Appendix A", even unmarked and straight after
the last entry, where it ends the list): then it is the essay's ``appendix``,
whose prose, table rows and captions cite like the body does. A list the
essay goes on after ("#### Works cited" under an early section of a lab report,
then "## 3. Method" and the rest) ends at the heading of its rank or higher;
when more of the essay follows it, under headings of its own, than came
before it, the body runs to the end and the list is cut out of it.

Candidate lists never overlap: a run of entries that no heading names stops
at a section heading, and one that reaches into a headed list is dropped, so
no line is read as two entries. A label's block of bare web addresses in the
body ("**Sources:**" over three links) is no list when a list follows later.
Nor is a run of entries no heading names that a sentence of the body
introduces ("The novels I read were:") above a headed list: it lists the
essay's material (a corpus, the texts studied), and the headed list below
holds its references; its lines are neither prose nor entries.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from essaylint.analysis.after_list import essay_resumes, is_prose, sections_follow
from essaylint.analysis.annotated_lists import annotated_runs
from essaylint.analysis.body_spans import (
    appendix_span,
    excluded_spans,
    footnote_definition_spans,
    reading_spans,
)
from essaylint.analysis.citation_lists import lists_citations
from essaylint.analysis.entry_shape import (
    continues_entry,
    entry_body,
    entry_number,
    has_link,
    has_year,
    looks_like_entry,
)
from essaylint.analysis.layout import (
    APPENDIX_WORDS,
    CREDITS_WORDS,
    READING_WORDS,
    RULE,
    TAG_LEVEL,
    Heading,
    Line,
    Structure,
    front_matter_end,
    heading_map,
    list_heading_kind,
    normalise_heading,
    read_structure,
    run_in_heading_end,
    split_lines,
)
from essaylint.analysis.list_extent import (
    MAX_GAP_BLOCKS,
    MAX_GAP_WORDS,
    ListRun,
    ends_list,
    entry_at,
    groups_entries,
    list_extent,
    neutral,
    next_text_line,
    run_at,
)
from essaylint.analysis.patterns import FOOTNOTE_DEFINITION
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Block, Essay, Span

if TYPE_CHECKING:
    from essaylint.analysis.latex_bibliography import Environment

__all__ = ["continues_entry", "find_sections", "footnote_definition_spans", "looks_like_entry"]


_MOST_TITLE_BLOCK_LINES = 5


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
    taken: Sequence[ListRun],
    reading: Sequence[Span],
    consulted: bool = False,
) -> list[ListRun]:
    """Runs of entries that no heading names: three or more entries, or two that end the text.

    Runs that overlap a list already found or start inside a reading list are
    not lists (the headed list is the one read: no line is read as an entry
    twice), nor are rows of a table (dated sessions, a timeline): a table is a
    list only under a list's heading. A run ends at a section heading.
    With ``consulted``, only the runs inside the ``reading`` spans are taken,
    as works consulted (see :func:`_resource_lists`).
    """
    stops = _section_starts(headings)
    final = max((line.index for line in lines if not line.blank), default=-1)
    # A YAML front matter is metadata: its sequences ("- family: Smith") are no entries.
    start = front_matter_end(lines)
    first_prose = next(
        (i for i in range(start, len(lines)) if is_prose(lines, i, structure)), len(lines)
    )
    found: list[ListRun] = []
    i = start
    while i < len(lines):
        if not entry_at(lines, i, structure) or FOOTNOTE_DEFINITION.match(lines[i].text):
            i += 1
            continue
        last, count = run_at(lines, structure, i, stops)
        in_reading = any(span.start <= lines[i].start < span.end for span in reading)
        inside = any(x.first <= last and i <= x.last for x in taken) or in_reading != consulted
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
            found.append(ListRun(None, first, last, count + above, consulted=consulted))
        i = last + 1
    return found


def _resource_lists(
    lines: list[Line],
    structure: Structure,
    headings: dict[int, Heading],
    reading: Sequence[Span],
) -> list[ListRun]:
    """The dated works an essay with no reference list lists under a reading-list heading.

    A teaching page that cites "(Challis, 2005)" and lists Challis's work under
    "Additional Resources", beside links and further reading, has no other list:
    the runs of dated entries there are the works it cites, read as works
    consulted (an entry never cited is further reading, not a slip). Appendices,
    picture credits and glossaries list no works.
    """
    starts = [line.start for line in lines]
    resources = []
    for span in reading:
        heading = headings.get(bisect.bisect_right(starts, span.start) - 1)
        title = heading.title if heading is not None else ""
        if (
            list_heading_kind(title) == "reading"
            and not APPENDIX_WORDS.search(title)
            and not CREDITS_WORDS.search(title)
            and "glossary" not in title
        ):
            resources.append(span)
    return _headless_lists(lines, structure, headings, (), resources, consulted=True)


_INTRO_END = compile_lazily(r":[*_]*\s*$")
_MIN_INTRO_WORDS = 3


def _introduced_material(
    lines: list[Line], found: ListRun, headings: dict[int, Heading], headed: Sequence[ListRun]
) -> bool:
    """Is ``found``, a run no heading names, a list the body's prose introduces above a headed list?

    "The books I used were:" over the novels studied, with "Bibliography"
    further down: the run lists the essay's material, not its references. A
    label that names a list ("Sources:") is no such sentence.
    """
    if found.heading is not None or not any(x.first > found.last for x in headed):
        return False
    above = next((k for k in range(found.first - 1, -1, -1) if not lines[k].blank), None)
    if above is None:
        return False
    text = lines[above].text
    heading = headings.get(above)
    return (
        len(text.split()) >= _MIN_INTRO_WORDS
        and bool(_INTRO_END.search(text))
        and (heading is None or list_heading_kind(heading.title) is None)
    )


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
    starts = [j for j in range(first, last + 1) if entry_at(lines, j, structure)]
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
        if entry_at(lines, j, structure):
            dated += int(current)
            entries += 1
            current = False
        current = current or has_year(line.text)
    dated += int(current)
    return dated * 2 >= entries


def _later_runs(lines: list[Line], after: int, structure: Structure) -> list[ListRun]:
    """Runs of entries after a list with only a few short lines between (sub-lists)."""
    found: list[ListRun] = []
    gap_blocks = 0
    i = after + 1
    while i < len(lines):
        line = lines[i]
        if ends_list(line.text, None):
            break
        if line.blank or neutral(line.text):
            i += 1
            continue
        if entry_at(lines, i, structure):
            last, count = run_at(lines, structure, i)
            if count < 2:
                break
            found.append(ListRun(None, i, last, count, consulted=False))
            gap_blocks = 0
            i = last + 1
            continue
        if RULE.match(line.text) or len(line.text.split()) > MAX_GAP_WORDS:
            break
        title = normalise_heading(line.text)
        if READING_WORDS.search(title):
            following = next_text_line(lines, i)
            if following is None or not groups_entries(title, lines[after], following):
                break
        gap_blocks += 1
        if gap_blocks > MAX_GAP_BLOCKS:
            break
        i += 1
    return found


def _with_later_runs(
    lines: list[Line], lists: list[ListRun], headings: dict[int, Heading], structure: Structure
) -> list[ListRun]:
    """The lists, each followed by the runs of entries that carry it on (see _later_runs),
    or by the entries after its annotations (:mod:`essaylint.analysis.annotated_lists`)."""
    out: list[ListRun] = []
    for k, found in enumerate(lists):
        out.append(found)
        limit = lists[k + 1].first if k + 1 < len(lists) else len(lines)
        later = _later_runs(lines, found.last, structure) or annotated_runs(
            lines, found, headings, structure
        )
        out += [run for run in later if run.last < limit]
    return out


def _heading_lists(
    lines: list[Line], headings: dict[int, Heading], structure: Structure
) -> list[ListRun]:
    lists: list[ListRun] = []
    seen_first: set[int] = set()
    for i in sorted(headings):
        h = headings[i]
        kind = list_heading_kind(h.title)
        if kind not in ("primary", "consulted"):
            continue
        rank = h.level
        first_entry, last, count = list_extent(lines, i + 1, headings, structure, rank)
        if count == 0 or first_entry in seen_first:
            continue
        if any(first_entry <= other.last for other in lists):
            continue  # inside a list already found (a sub-heading of it)
        seen_first.add(first_entry)
        lists.append(ListRun(h, first_entry, last, count, consulted=kind == "consulted"))
    lists = [
        x
        for k, x in enumerate(lists)
        if not _pointer_block(lines, x, lists[k + 1 :])
        and not _citations_block(lines, x, lists[k + 1 :], headings)
    ]
    if lists and all(x.consulted for x in lists):
        # A Bibliography with no reference list beside it is the reference list.
        lists = [ListRun(x.heading, x.first, x.last, x.entries, consulted=False) for x in lists]
    return lists


def _pointer_block(lines: list[Line], found: ListRun, later: Sequence[ListRun]) -> bool:
    """Is ``found`` a label's block of bare web addresses in the body, not a list?

    "**Sources:**" over a few bare links in the middle of an essay, with a real
    reference list further on, points to where a passage came from: the links
    are the essay's text, the list below holds the works.
    """
    if found.heading is None or found.heading.level <= 6 or not later:
        return False
    texts = [line.text for line in lines[found.first : found.last + 1] if not line.blank]
    return all(_bare_link(text) for text in texts)


def _citations_block(
    lines: list[Line], found: ListRun, later: Sequence[ListRun], headings: dict[int, Heading]
) -> bool:
    """Is ``found`` a summary of the works cited ("Key Sources: - Olmsted (2020)"), each
    item a citation, with the list of their entries further on? Its whole section is
    read, to the next heading of its rank."""
    if not later or found.heading is None:
        return False
    rank = found.heading.level
    end = min(
        (i for i in headings if i > found.first and headings[i].level <= rank),
        default=found.last + 1,
    )
    return lists_citations([line.text for line in lines[found.first : end]])


def _bare_link(text: str) -> bool:
    """A line that is only a web address ("https://...", "- <https://...>")."""
    body = entry_body(text).strip("<>")
    return len(body.split()) == 1 and has_link(body)


def _titles_a_link(lines: list[Line], i: int, heading: Heading) -> bool:
    """Is the looks-only heading at ``i`` a title line whose entry's link is the next paragraph?"""
    if heading.level <= 6:
        return False
    following = next((line for line in lines[i + 1 : i + 3] if not line.blank), None)
    return following is not None and _bare_link(following.text)


def _carries_entry_on(lines: list[Line], i: int, heading: Heading) -> bool:
    """Is the looks-only heading at ``i`` the rest of the entry above it, cut into its own
    paragraph ("... Using Id3 Decision" / "Tree. International Journal of ...")?"""
    if heading.level <= 6:
        return False
    before = next((line for line in reversed(lines[max(0, i - 3) : i]) if not line.blank), None)
    return (
        before is not None
        and not before.text.rstrip().endswith(".")
        and continues_entry(before.text, lines[i].text)
    )


def _without_sub_headings(
    lines: list[Line], found: ListRun, headings: dict[int, Heading]
) -> list[Span]:
    """The list's span cut where a sub-heading ("Books", a Word "Heading 3") stands in it.

    A short line that is a heading by its looks only, with a bare link as the
    next paragraph, is an entry's title line ("Flexible working (Acas n.d)" over
    its address), not a sub-heading.
    """
    spans: list[Span] = []
    start = found.first
    # "References Gethin, R. (1998). ...": a heading run in with the first entry.
    run_in = run_in_heading_end(lines[start].text)
    for i in range(found.first, found.last + 1):
        if (
            i in headings
            and not looks_like_entry(lines[i].text)
            and not _titles_a_link(lines, i, headings[i])
            and not _carries_entry_on(lines, i, headings[i])
        ):
            if i > start:
                spans.append(Span(start=lines[start].start + run_in, end=lines[i - 1].end))
            start, run_in = i + 1, 0
    if start <= found.last:
        spans.append(Span(start=lines[start].start + run_in, end=lines[found.last].end))
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
    # LaTeX's own list, mla.sty's, or an item list under a "\section{References}"
    if "thebibliography" in text or "workscited" in text or "\\item" in text:
        from essaylint.analysis.latex_bibliography import bibliography_environments

        environments = bibliography_environments(text)
    if environments:
        return _markup_lists(text, lines, headings, blocks, environments)
    lists = _heading_lists(lines, headings, structure)
    reading = reading_spans(lines, headings, len(lines))
    headless = _headless_lists(lines, structure, headings, lists, reading)
    material = [x for x in headless if _introduced_material(lines, x, headings, lists)]
    headless = [
        x
        for x in headless
        if not (
            any(other.first > x.last for other in lists + headless)
            and lists_citations([line.text for line in lines[x.first : x.last + 1]])
        )
    ]  # "Key Sources: - Olmsted (2020) - ...": citations, above the list of their entries
    headless = [
        x
        for x in headless
        if x not in material and not sections_follow(lines, headings, structure, x)
    ]
    lists = sorted(lists + headless, key=lambda x: x.first)
    if not lists:
        lists = _resource_lists(lines, structure, headings, reading)
    if not lists:
        excluded = excluded_spans(text, lines, headings, blocks, len(lines))
        return Essay(
            body=Span(start=0, end=len(text)),
            excluded=tuple(sorted(excluded, key=lambda s: s.start)),
        )
    lists = _with_later_runs(lines, lists, headings, structure)
    last = lists[-1]
    opening = last.heading.line.index if last.heading is not None else last.first
    resumes = essay_resumes(lines, headings, structure, last, opening)
    body_end_line = len(lines) if resumes else opening
    body = Span(start=0, end=lines[body_end_line - 1].end if resumes else lines[opening].start)
    excluded = excluded_spans(text, lines, headings, blocks, body_end_line)
    excluded += [Span(start=lines[x.first].start, end=lines[x.last].end) for x in material]
    for earlier in lists if resumes else lists[:-1]:
        begin = earlier.heading.line.index if earlier.heading is not None else earlier.first
        excluded.append(Span(start=lines[begin].start, end=lines[earlier.last].end))
    pieces = [
        (piece, x.consulted) for x in lists for piece in _without_sub_headings(lines, x, headings)
    ]
    spans = tuple(piece for piece, _ in pieces)
    end = len(text)
    trailing_start = spans[-1].end
    first_heading = next((x.heading for x in lists if x.heading is not None), None)
    appendix = None if resumes else appendix_span(lines, headings, trailing_start)
    if resumes:
        trailing_start = end
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
