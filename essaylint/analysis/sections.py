"""Find the parts of an essay: body, reference list, and what comes after.

The reference list is found by its heading ("References", "9.1 References",
"Works Cited", "Bibliography"...) or, when it has none, as the last run of
lines shaped like reference entries. It ends at the next heading, a rule
("---"), or the first paragraph that is not an entry; whatever follows is
``trailing`` (reader comments, page chrome, reading lists) and is never
searched for citations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from essaylint.models import Essay, Span

PRIMARY_HEADINGS = frozenset(
    {
        "references", "reference", "reference list", "references cited", "list of references",
        "works cited", "work cited", "literature cited", "sources", "sources cited",
        "source list", "citations", "cited works", "references and notes",
        "notes and references", "endnotes", "footnotes", "referencias", "literaturverzeichnis",
    }
)  # fmt: skip
CONSULTED_HEADINGS = frozenset(
    {"bibliography", "works consulted", "select bibliography", "sources consulted"}
)
READING_WORDS = re.compile(
    r"^(?:(?:further|recommended|suggested|additional|supplementary|supplemental|optional|"
    r"wider|background|useful|online|extra)\s+(?:reading|readings|resources|sources|"
    r"literature|links)\b|reading list|readings?$|resources\b|annotated bibliography|"
    r"see also$|external links$|glossary\b|appendix|appendices\b)"
)

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_NUMBERING = re.compile(r"^(?:(?:\d+|[ivxlc]+|[a-z])[.)]?)(?:\.\d+)*\.?\s+", re.IGNORECASE)
_RULE = re.compile(r"^\s{0,3}(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$")
_TAG_ONLY = re.compile(r"^\s*</?[A-Za-z][\w-]*(?:\s[^<>]*)?>\s*$")
_FOOTNOTE_DEF = re.compile(r"^\s{0,3}\[\^([^\]\s]+)\]:")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+•]\s+|\d{1,3}[.)]\s+|\[\d{1,3}\]\s*|\(\d{1,3}\)\s+)")
_NUMBERED_MARKER = re.compile(r"^\s*(?:\d{1,3}[.)]\s+|\[\d{1,3}\]\s*)")
_YEAR_TOKEN = r"(?:(?:1[5-9]\d\d|20\d\d)[a-z]?|n\.\s?d\.?|in press|forthcoming)"
_EARLY_YEAR = re.compile(r"[(\s,.]" + _YEAR_TOKEN + r"[).,:;\s]", re.IGNORECASE)
_URL = re.compile(r"https?://|www\.|doi\.org/|\bdoi:\s*10\.", re.IGNORECASE)
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_AUTHOR_YEAR_START = re.compile(
    r"^(?P<names>[^\W\d_][^()\n]{0,260}?)[\s.,]\(?" + _YEAR_TOKEN + r"\b", re.IGNORECASE
)
_LOWER_OK = frozenset(
    {"and", "&", "et", "al", "al.", "van", "von", "de", "der", "den", "la", "le", "du", "da",
     "di", "del", "della", "dos", "of", "for", "the", "with", "on", "in", "at", "y", "e", "und"}
)  # fmt: skip


@dataclass(frozen=True)
class Line:
    index: int
    start: int
    end: int  # exclusive, without the newline
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True)
class Heading:
    line: Line
    title: str  # normalised: lower case, no markup or numbering
    level: int  # 1-6 for Markdown; 7 for numbered or bold; 8 for plain lines


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    start = 0
    for index, raw in enumerate(text.split("\n")):
        end = start + len(raw)
        content = raw[:-1] if raw.endswith("\r") else raw
        lines.append(Line(index, start, start + len(content), content))
        start = end + 1
    return lines


def normalise_heading(text: str) -> str:
    t = re.sub(r"<[^>]+>", " ", text)
    t = t.strip().strip("#").strip()
    t = t.replace("*", "").replace("_", " ").replace("`", "")
    t = _NUMBERING.sub("", t.strip())
    return re.sub(r"\s+", " ", t).strip(" :.-–—").casefold()


def _heading(lines: list[Line], i: int) -> Heading | None:
    line = lines[i]
    text = line.text
    if line.blank or len(text) > 120:
        return None
    md = _MD_HEADING.match(text)
    if md:
        return Heading(line, normalise_heading(md.group(2)), len(md.group(1)))
    stripped = text.strip()
    bold = re.fullmatch(r"\*\*([^*]{1,100})\*\*:?|__([^_]{1,100})__:?", stripped)
    if bold:
        return Heading(line, normalise_heading(bold.group(1) or bold.group(2)), 7)
    title = normalise_heading(stripped)
    if title in PRIMARY_HEADINGS or title in CONSULTED_HEADINGS:
        return Heading(line, title, 7 if _NUMBERING.match(stripped) else 8)
    words = stripped.split()
    prev_blank = i == 0 or lines[i - 1].blank
    next_blank = i + 1 >= len(lines) or lines[i + 1].blank
    if (
        len(words) <= 10
        and prev_blank
        and next_blank
        and stripped[0].isupper()
        and stripped[-1] not in ".,;"
        and not _LIST_MARKER.match(stripped)
    ):
        return Heading(line, title, 7 if _NUMBERING.match(stripped) else 8)
    return None


def _is_reference_heading(h: Heading) -> bool:
    t = h.title
    if t in PRIMARY_HEADINGS or t in CONSULTED_HEADINGS:
        return True
    return t.startswith(("references", "reference list"))


def _names_shaped(names: str) -> bool:
    """Does the text before a year look like an author list (not a sentence)?"""
    words = [w for w in re.split(r"[\s,]+", names) if w]
    if not words or len(words) > 40:
        return False
    lower = [w for w in words if w[:1].islower() and w.casefold().strip(".") not in _LOWER_OK]
    return len(lower) <= max(1, len(words) // 5)


def looks_like_entry(text: str) -> bool:
    """A line that starts a reference entry (author-date, numbered, footnote, URL)."""
    s = text.strip()
    if not s:
        return False
    if _FOOTNOTE_DEF.match(s):
        return True
    body = _LIST_MARKER.sub("", s, count=1).lstrip("*_\"“'‘")
    if not body:
        return False
    m = _AUTHOR_YEAR_START.match(body)
    if m and _names_shaped(m.group("names")):
        return True
    if _NUMBERED_MARKER.match(s) and (_EARLY_YEAR.search(body) or _URL.search(body)):
        return True
    return bool(body[0].isupper() and _URL.search(body) and len(body.split()) >= 3)


def _heading_map(lines: list[Line]) -> dict[int, Heading]:
    headings: dict[int, Heading] = {}
    in_fence = False
    for i, line in enumerate(lines):
        if _FENCE.match(line.text):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        h = _heading(lines, i)
        if h is not None:
            headings[i] = h
    return headings


def _list_extent(
    lines: list[Line], first: int, headings: dict[int, Heading]
) -> tuple[int, int, int]:
    """Scan a reference list from line ``first``: (first entry, last line, entry count)."""
    entries = 0
    first_entry = -1
    last = first - 1
    skipped_before = 0
    previous_was_text = False
    for i in range(first, len(lines)):
        line = lines[i]
        if line.blank:
            previous_was_text = False
            continue
        if _TAG_ONLY.match(line.text):
            continue
        if i in headings and not looks_like_entry(line.text):
            break
        if _RULE.match(line.text):
            if entries:
                break
            continue
        if looks_like_entry(line.text):
            entries += 1
            if first_entry < 0:
                first_entry = i
            last = i
            previous_was_text = True
            continue
        if entries and previous_was_text:
            last = i  # a wrapped entry continues on this line
            continue
        if entries:
            break
        skipped_before += 1
        if skipped_before > 3:
            break
    return first_entry, last, entries


def _headless_list(lines: list[Line]) -> tuple[int, int] | None:
    """The last run of author-date entry lines when the list has no heading."""
    best: tuple[int, int] | None = None
    i = 0
    n = len(lines)
    while i < n:
        if not looks_like_entry(lines[i].text) or _FOOTNOTE_DEF.match(lines[i].text):
            i += 1
            continue
        start = i
        count = 0
        last = i
        j = i
        previous_was_text = False
        while j < n:
            line = lines[j]
            if line.blank:
                previous_was_text = False
            elif looks_like_entry(line.text):
                count += 1
                last = j
                previous_was_text = True
            elif previous_was_text and not _RULE.match(line.text):
                last = j
            else:
                break
            j += 1
        if count >= 3 or (count >= 2 and all(x.blank for x in lines[j:])):
            best = (start, last)
        i = max(j, i + 1)
    return best


def _excluded_spans(
    lines: list[Line], headings: dict[int, Heading], body_end_line: int
) -> list[Span]:
    """Reading lists, footnote definitions and code blocks inside the body."""
    spans: list[Span] = []
    ordered = sorted(headings)
    for pos, i in enumerate(ordered):
        if i >= body_end_line:
            break
        h = headings[i]
        if not (READING_WORDS.search(h.title) or h.title in CONSULTED_HEADINGS):
            continue
        end_line = body_end_line
        for j in ordered[pos + 1 :]:
            if headings[j].level <= h.level or j >= body_end_line:
                end_line = min(j, body_end_line)
                break
        spans.append(Span(start=lines[i].start, end=lines[end_line - 1].end))
    in_fence = False
    fence_start = 0
    for i in range(body_end_line):
        line = lines[i]
        if _FENCE.match(line.text):
            if in_fence:
                spans.append(Span(start=fence_start, end=line.end))
            else:
                fence_start = line.start
            in_fence = not in_fence
        elif not in_fence and _FOOTNOTE_DEF.match(line.text):
            spans.append(Span(start=line.start, end=line.end))
    return sorted(spans, key=lambda s: s.start)


def find_sections(text: str) -> Essay:
    """Locate the body, the reference list and the trailing text of an essay."""
    lines = split_lines(text)
    headings = _heading_map(lines)
    chosen: tuple[Heading, int, int, int] | None = None
    chosen_primary = False
    for i in sorted(headings):
        h = headings[i]
        if not _is_reference_heading(h):
            continue
        first_entry, last, count = _list_extent(lines, i + 1, headings)
        if count == 0:
            continue
        primary = h.title not in CONSULTED_HEADINGS
        if chosen is None or primary or not chosen_primary:
            chosen = (h, first_entry, last, count)
            chosen_primary = primary
    end = len(text)
    if chosen is not None:
        heading, first_entry, last, _ = chosen
        heading_text = heading.line.text.strip()
        body_end_line = heading.line.index
        ref_span = Span(start=lines[first_entry].start, end=lines[last].end)
    else:
        headless = _headless_list(lines)
        if headless is None:
            body_end_line = len(lines)
            excluded = _excluded_spans(lines, headings, body_end_line)
            return Essay(body=Span(start=0, end=end), excluded=tuple(excluded))
        heading_text = None
        body_end_line = headless[0]
        ref_span = Span(start=lines[headless[0]].start, end=lines[headless[1]].end)
    body = Span(start=0, end=lines[body_end_line].start if body_end_line < len(lines) else end)
    trailing = Span(start=ref_span.end, end=end) if text[ref_span.end :].strip() else None
    excluded = _excluded_spans(lines, headings, body_end_line)
    return Essay(
        body=body,
        references=ref_span,
        heading=heading_text,
        trailing=trailing,
        excluded=tuple(excluded),
    )


def footnote_definition_spans(text: str) -> list[tuple[str, Span]]:
    """Every Markdown footnote definition ``[^key]: ...`` with the span of its line."""
    out: list[tuple[str, Span]] = []
    for line in split_lines(text):
        m = _FOOTNOTE_DEF.match(line.text)
        if m:
            out.append((m.group(1), Span(start=line.start, end=line.end)))
    return out
