"""Split the text of a reference list into entries, and parse each.

:func:`split_reference_list` starts a new entry where one visibly starts (an
author-year head, a list number or marker, a line no more indented than the
entry's first after one that ended a sentence) and joins wrapped lines and
lines cut by a paragraph break; headings, comments and rules between entries
are skipped. A LaTeX ``thebibliography`` is split at its ``\\bibitem`` commands
(:mod:`~essaylint.analysis.latex_bibliography`). Every span it returns is a
document offset.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from essaylint.analysis.entry_dates import YEAR_ANY
from essaylint.analysis.entry_links import URL
from essaylint.analysis.entry_shape import (
    DIGIT_TITLE_HEAD,
    LOWER_BRAND_HEAD,
    MOST_QUOTED_ENTRY_CHARS,
    RETRIEVAL_NOTE,
    continues_entry,
    has_entry_head,
    looks_like_entry,
    lower_title_first_entry,
    names_and_date_only,
    number_only,
    reads_as_sentences,
    typed_entry,
)
from essaylint.analysis.patterns import (
    BIB_RECORD_LINE,
    INITIALS_AFTER_FAMILY,
    INVERTED_AUTHORS_YEAR,
    LIST_HEADINGS,
    PARTICLE_RUN,
    SPACED_DASH_END,
    WEB_ADDRESS_START,
)
from essaylint.analysis.references import MARKER, parse_reference
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Reference, Span

# A heading line inside a list ("References", "## Works Cited:", "**Bibliography**"): no entry.
_HEADING = compile_lazily(
    r"^\s*(?:#{1,6}\s*)?[*_]*\s*(?:"
    + "|".join(r"\s+".join(map(re.escape, h.split())) for h in sorted(LIST_HEADINGS))
    + r")\s*[*_]*\s*:?\s*[*_]*\s*$",
    re.IGNORECASE,
)
_NON_ENTRY = compile_lazily(r"^\s*(?:#{1,6}(?:\s.*)?|</?[A-Za-z][^>]*>\s*|[-=*_~`]{3,}\s*|\W*)$")
# "van Dijk, P. (2017)": a lower-case particle that starts a new entry's author.
_PARTICLE_NAME_START = compile_lazily(r"^" + PARTICLE_RUN + r"[^\W\d_][\w'’-]*,")
# "mahale, T., Chen, C., & Zhang, W. (2018)": a surname typed in lower case, then initials.
_LOWER_NAME_START = compile_lazily(r"^[a-z][\w'’-]+" + INITIALS_AFTER_FAMILY + r"[,&(]")
# A line that is only a link: "https://...", "<https://...>", "[https://...](https://...)",
# '<a href="https://...">https://...</a>' (HTML written into Markdown).
_LINK_ONLY = compile_lazily(
    r"^(?:<"
    + WEB_ADDRESS_START
    + r"[^\s<>]*>|\[[^\[\]\s]+\]\(\s*<?"
    + WEB_ADDRESS_START
    + r"[^\s()<>]*>?\s*\)|<a\s+href\s*=\s*[\"']\s*"
    + WEB_ADDRESS_START
    + r"[^\"'<>]*[\"'][^<>]*>[^<>]*</a>|"
    + WEB_ADDRESS_START
    + r"\S*)[.,;]?$"
)
_CONTINUATION_START = compile_lazily(
    r"^(?:[a-z]|https?:|www\.|doi|DOI|" + RETRIEVAL_NOTE + r"|pp?\.\s|\d|[)\],.;:&])"
)


@dataclass
class _Entry:
    start: int
    end: int
    indent: int
    has_year: bool
    last_line: str
    number: int | None = None
    marked: bool = False  # began with a list number or bullet
    label_only: bool = False  # so far only its number ("[1]" on a line of its own)
    # Began with its number alone: its paragraph is its text, line after line
    # ("[1]" / "CertNZ." / "*Title*" / "https://..." / "May 15, 2017").
    under_label: bool = False


def _text_so_far(text: str, entry: _Entry) -> str:
    """The entry's text up to now, or "" when it is too long to be one entry."""
    if entry.end - entry.start > MOST_QUOTED_ENTRY_CHARS:
        return ""
    return text[entry.start : entry.end]


# A line that is only a comment: an HTML comment (Markdown/HTML suppression
# directives) or a kept LaTeX "% essaylint:" directive. It belongs to no entry.
# A label on a line of its own over an entry: "Summary:", "Research Question:".
_LABEL_LINE = compile_lazily(r"^[*_]*([A-Z][a-z]+)(?:\s+[A-Za-z]+){0,2}\s*:[*_]*$")
# Labels that stand inside an entry, on a line of their own: "Internet:", "Available:".
_ENTRY_LABELS = frozenset(
    "available internet online retrieved accessed url doi from in source link".split()
)


def _labels_next_entry(lines: list[tuple[int, int, str]], index: int) -> bool:
    """Is line ``index`` a label over the entry on the next line ("Summary:" over "Tang,
    Z., ... 2020. Title."), not a part of an entry ("Internet:" before its address)?"""
    label = _LABEL_LINE.match(lines[index][2].strip())
    if label is None or label.group(1).casefold() in _ENTRY_LABELS:
        return False
    following = next((line for _, _, line in lines[index + 1 : index + 3] if line.strip()), "")
    return has_entry_head(following)


_COMMENT_LINE = compile_lazily(r"^(?:<!--.*?-->|%\s*essaylint:.*)$")


def _line_iter(text: str) -> list[tuple[int, int, str]]:
    """(start, end, content) for every line; ``end`` excludes the newline and a CR.

    A line that holds several bracket-numbered entries ("[1] ... 2018. [2] S. C.
    Watkins, ...", as PDF text and pasted lists run them together) is cut where
    each next number starts, so every entry begins a line of its own; a line that
    is only a comment is never cut (its numbers are entries put away).
    """
    lines: list[tuple[int, int, str]] = []
    pos = 0
    length = len(text)
    expected: int | None = None
    while pos <= length:
        nl = text.find("\n", pos)
        end = length if nl == -1 else nl
        content_end = end - 1 if end > pos and text[end - 1] == "\r" else end
        if _COMMENT_LINE.match(text[pos:content_end].strip()):
            pieces = [(pos, content_end)]  # "<!-- [7] https://... -->": an old entry put away
        else:
            pieces, expected = _numbered_pieces(text, pos, content_end, expected)
        lines.extend((start, stop, text[start:stop]) for start, stop in pieces)
        if nl == -1:
            break
        pos = nl + 1
    return lines


_BRACKET_NUMBER = compile_lazily(r"\[(\d{1,4})\]\s")
_LEADING_BRACKET = compile_lazily(r"^\s*\[(\d{1,4})\]\s")


def _numbered_pieces(
    text: str, start: int, end: int, expected: int | None
) -> tuple[list[tuple[int, int]], int | None]:
    """``[start, end)`` cut before each "[n] " that continues the list's numbering.

    ``expected`` is the number the list is waiting for (None before the first
    "[n]" at a line start); returns the pieces and the number expected next.
    """
    first = _LEADING_BRACKET.match(text, start, end)
    if first is not None:
        expected = int(first.group(1)) + 1
    if expected is None:
        return [(start, end)], None
    cuts = [start]
    for match in _BRACKET_NUMBER.finditer(text, first.end() if first else start, end):
        if int(match.group(1)) == expected and text[match.start() - 1].isspace():
            cuts.append(match.start())
            expected += 1
    bounds = [*cuts, end]
    return list(itertools.pairwise(bounds)), expected


def _is_skippable(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return True
    if _COMMENT_LINE.match(stripped):
        return True
    if _HEADING.match(stripped):
        return True
    if typed_entry(stripped):
        return False  # "### Abara, U. (2020). ...": an entry typed as a heading
    if reads_as_sentences(stripped) and not has_entry_head(stripped):
        return True  # a note on a group of entries: "The classes are adapted from ..."
    return bool(_NON_ENTRY.match(stripped)) and not _LINK_ONLY.match(stripped)  # "<https://...>"


def _has_year(text: str) -> bool:
    return bool(YEAR_ANY.search(text) or re.search(r"\bn\.\s?d\.", text))


def _ends_entry(previous: str) -> bool:
    """Does a line end the way an entry ends (a full stop, a bracket, a link)?"""
    return previous.endswith((".", ")", "]", ">")) or bool(
        URL.search(previous.split(" ")[-1] if previous else "")
    )


_MIN_WRAPS = 3
_MIN_PARAGRAPHS = 3
_INITIAL_END = compile_lazily(r"(?:^|[\s.])[A-Z]\.$")


def _layout(lines: list[tuple[int, int, str]]) -> str:
    """How the list lays its entries out: "wrapped", "paragraphs" or "lines".

    "wrapped": paragraphs wrapped over lines (pandoc, an 80-column editor);
    blank lines part them, and most lines inside one stop mid-sentence.
    "paragraphs": one entry to a paragraph, blank lines between, a line break
    inside one only now and then. "lines": entries one to a line, ending
    theirs with a full stop or a link.
    """
    breaks = ended = 0
    paragraphs = 0
    previous = ""
    for _start, _end, line in lines:
        stripped = line.strip()
        if not stripped or _is_skippable(line):
            previous = ""
            continue
        if previous:
            breaks += 1
            ended += _ends_entry(previous)
        else:
            paragraphs += 1
        previous = stripped
    if paragraphs >= 2 and breaks >= _MIN_WRAPS and ended * 2 < breaks:
        return "wrapped"
    if paragraphs >= _MIN_PARAGRAPHS and breaks * 2 <= paragraphs:
        return "paragraphs"
    return "lines"


_MAX_WRAP_WIDTH = 100  # editors and pandoc wrap at 60-100 columns
_MARGIN_SLACK = 12  # a wrapped line ends within this many columns of the margin


def _wrap_width(lines: list[tuple[int, int, str]]) -> int | None:
    """The column a list parted by blank lines was hard-wrapped at, or None.

    Pandoc and 80-column editors wrap every paragraph at one margin, so several
    lines end close to it. Only a list whose entries are parted by blank lines
    counts: there a paragraph is mostly one entry, and a line break inside it
    is the editor's, not the writer's.
    """
    widths: list[int] = []
    paragraphs = 0
    after_blank = True
    for _start, _end, line in lines:
        if not line.strip():
            after_blank = True
            continue
        paragraphs += after_blank
        after_blank = False
        if not _is_skippable(line):
            widths.append(len(line.rstrip()))
    if not widths:
        return None
    width = max(widths)
    near_margin = sum(1 for w in widths if w >= width - _MARGIN_SLACK)
    if width > _MAX_WRAP_WIDTH or near_margin < _MIN_WRAPS or paragraphs < _MIN_PARAGRAPHS:
        return None
    return width


def _wrapped_at_margin(previous: str, line: str, width: int) -> bool:
    """Was ``previous`` broken by the wrap: would the line's first word not have fit on it?"""
    first_word = line.split(maxsplit=1)[0] if line.strip() else ""
    return len(previous.rstrip()) + 1 + len(first_word) > width


def _is_marked(stripped: str) -> bool:
    """Does the line begin with a list number or bullet ("[3]", "12.", "- ")?"""
    # An en dash opens a wrapped line ("– 2019 update") more often than an item.
    return bool(MARKER.match(stripped)) and not stripped.startswith("–")


def _starts_entry(
    line: str, current: _Entry | None, *, layout: str = "lines", wrap_width: int | None = None
) -> bool:
    """Does this (non-blank, non-heading) line begin a new entry?

    In a hard-wrapped list a line inside a paragraph starts an entry only after
    a line that ended one and with an entry's own head; in a list of one entry to
    a paragraph, only after a line that ended one. In a list wrapped at a margin
    (``wrap_width``), a line the wrap broke off ("Malden, MA: Blackwell, 2008.")
    never starts one.
    """
    stripped = line.strip()
    if current is None:
        return True
    if _LINK_ONLY.match(stripped):
        return False  # a URL after a Markdown hard line break ends the entry above
    if names_and_date_only(current.last_line.strip()) and not (
        _is_marked(stripped) or INVERTED_AUTHORS_YEAR.match(stripped)
    ):
        return False  # "Lund, K. (2012)." / "Title": an entry does not end at its date
    if SPACED_DASH_END.search(current.last_line.rstrip()) and not _is_marked(stripped):
        return False  # "... Information Technology -" / "New Generations. ...": one title
    if LOWER_BRAND_HEAD.match(stripped) or DIGIT_TITLE_HEAD.match(stripped):
        return True  # "paiza. (n.d.).", "w3schools. (2023).", "2001.pdf. (2001)."
    if _is_marked(stripped) and (current.marked or layout != "wrapped"):
        # In a wrapped paragraph of an unnumbered list, "74. Cambridge University
        # Press: 39–72." carries on the entry (its volume ends the line above).
        return True
    if _CONTINUATION_START.match(stripped) and not (
        _PARTICLE_NAME_START.match(stripped)
        or _LOWER_NAME_START.match(stripped)
        or (_ends_entry(current.last_line.rstrip()) and lower_title_first_entry(stripped))
    ):
        return False
    indent = len(line) - len(line.lstrip())
    if indent > current.indent:
        return False
    previous = current.last_line.rstrip()
    if wrap_width is not None and _wrapped_at_margin(previous, stripped, wrap_width):
        # "... University of Essex." / "Sheldon, R. (2024) What is ...": a line that ended
        # an entry near the margin, then inverted names and a year, is a new entry
        return (
            _ends_entry(previous)
            and not _INITIAL_END.search(previous)
            and bool(INVERTED_AUTHORS_YEAR.match(stripped))
        )
    if layout == "wrapped":
        # "..., C. J. Smith, A. J." / "Bronkhorst, ...": an author list goes on after initials.
        ended = _ends_entry(previous) and not _INITIAL_END.search(previous)
        return ended and looks_like_entry(stripped) and _has_year(stripped)
    if layout == "paragraphs":
        # One entry to a paragraph: a line break inside one (Word's <w:br/>) carries it
        # on, unless the line opens an entry of its own; inverted names with initials and
        # a year open one even after an entry cut short ("Journal, 16(3):349–39").
        return (
            _ends_entry(previous) or bool(INVERTED_AUTHORS_YEAR.match(stripped))
        ) and has_entry_head(stripped)
    if _ends_entry(previous):
        return True
    if not current.has_year:
        # A line break inside one entry's paragraph ("... to Improve Health Care" /
        # "Service Delivery Processes: A Systematic Review ...").
        return False
    # The line before stopped mid-entry: only a real entry head starts a new one
    # ("Economics, 130(1), 45-60." on its own line carries on a wrapped title).
    return looks_like_entry(stripped)


def _carries_numbered_entry(line: str, previous: str) -> bool:
    """In a list whose every entry so far has its number ("[1] Fawcett, E. (2022). The
    Pandemic Generation Goes to College. It Has Not Been" / "Easy. The New York
    Times. Retrieved from https://..."), a paragraph without one carries the entry
    above on, unless it is a whole entry of its own (an author, a year). After a
    line cut at a comma or semicolon ("[4] Kurt Gödel: On Formally Undecidable
    Propositions;" / "Dover Publications, 1992") it carries it on even so: no entry
    ends there, and its number would have opened a new one."""
    stripped = line.strip()
    if _is_marked(stripped):
        return False
    if previous.rstrip().endswith((",", ";")):
        return True
    return not (_has_year(stripped) and looks_like_entry(stripped))


def split_reference_list(text: str, start: int) -> list[Reference]:
    """Split a reference-list section into entries and parse each one.

    ``start`` is the section's offset in the document; every returned span is a
    document offset. Never raises on any input.
    """
    if "\\bibitem" in text:  # a LaTeX thebibliography: the markup says where entries start
        from essaylint.analysis.latex_bibliography import BIBITEM, bibitem_references

        if BIBITEM.search(text):
            return bibitem_references(text, start)
    if "\\bibent" in text:  # mla.sty's Works Cited: each entry after a \bibent
        from essaylint.analysis.latex_bibliography import BIBENT, bibent_references

        if BIBENT.search(text):
            return bibent_references(text, start)
    if "\\item" in text:  # a reference list typed as a LaTeX item list
        from essaylint.analysis.latex_bibliography import ITEM, item_references

        if text.lstrip().startswith("\\begin") and ITEM.search(text):
            return item_references(text, start)
    entries = _split_entries(text)
    references: list[Reference] = []
    for index, entry in enumerate(entries):
        raw = text[entry.start : entry.end]
        span = Span(start=start + entry.start, end=start + entry.end)
        references.append(parse_reference(raw, span=span, index=index))
    return _lone_numbers_as_words(references)


def _lone_numbers_as_words(references: list[Reference]) -> list[Reference]:
    """In a list whose entries have no numbers, an entry that opens with a number and a
    space ("31 Inspirational Brand Colors And How To Use Them. (2019).") opens with its
    title: the number is one of its words, not its place in the list."""
    numbered = sum(ref.number is not None for ref in references)
    if not numbered or numbered * 2 > len(references):
        return references
    reread: list[Reference] = []
    for ref in references:
        marker = MARKER.match(ref.raw) if ref.number is not None else None
        if marker is not None and marker.group("snum"):
            ref = parse_reference(ref.raw, span=ref.span, index=ref.index, spaced_number=False)
        reread.append(ref)
    return reread


def _split_entries(text: str) -> list[_Entry]:
    entries: list[_Entry] = []
    current: _Entry | None = None
    after_break = False
    lines = _line_iter(text)
    layout = _layout(lines)
    wrap_width = _wrap_width(lines)
    all_marked = True  # every entry so far began with its number or bullet
    bibtex_depth = 0  # open braces of a BibTeX record pasted after an entry
    for index, (line_start, _line_end, line) in enumerate(lines):
        if bibtex_depth or BIB_RECORD_LINE.match(line):
            # "@article{wong2018, author = {...}, ...}": the entry again, as BibTeX
            bibtex_depth = max(0, bibtex_depth + line.count("{") - line.count("}"))
            current = None
            continue
        if _labels_next_entry(lines, index):
            current = None
            continue
        if not line.strip():
            after_break = True
            continue
        if _is_skippable(line):
            current = None
            continue
        lead = len(line) - len(line.lstrip())
        content_start = line_start + lead
        content_end = line_start + len(line.rstrip())
        joined = False
        if current is not None and current.label_only:
            # "[1]" alone, then (after a blank line) its entry: the number heads the text.
            joined = not _is_marked(line.strip())
        elif current is not None and current.under_label and not after_break:
            joined = not _is_marked(line.strip())
        elif after_break and current is not None:
            # A paragraph break ends the entry unless it was cut short there.
            joined = continues_entry(
                current.last_line, line, entry=_text_so_far(text, current)
            ) or (all_marked and _carries_numbered_entry(line, current.last_line))
            if not joined:
                current = None
        after_break = False
        if not joined and _starts_entry(line, current, layout=layout, wrap_width=wrap_width):
            current = _Entry(
                start=content_start,
                end=content_end,
                indent=lead,
                has_year=_has_year(line),
                last_line=line,
                marked=_is_marked(line.strip()),
                label_only=number_only(line),
            )
            entries.append(current)
            all_marked = all_marked and current.marked
        else:
            assert current is not None
            current.end = content_end
            current.has_year = current.has_year or _has_year(line)
            current.last_line = line
            current.under_label = current.under_label or current.label_only
            current.label_only = False
    return entries
