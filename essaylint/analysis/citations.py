"""Find in-text citations in the body of an essay: :func:`extract_citations`.

Handles parenthetical and narrative author-date citations (one, two, three or
more authors, "&"/"and"/"with", "et al.", corporate authors with an
abbreviation, "n.d.", year suffixes, locators, prefixes such as "see" and
"e.g.", possessives, "as cited in"; a person named with given names, "John
Bowlby (1969)", is keyed on the family name), numeric brackets ([1], [1, 3], [2-5]), Markdown
footnotes ([^key]), LaTeX \\cite{a,b} and pandoc [@key; @other, p. 4].

Parentheses with years that are not citations are left alone: lifespans
"(1942-present)", ranges "(2022-2024)", dates "(January 2024)", titles in
quotes, and named things ("Camp David Accords (1978)") that match no entry.

The readers: :mod:`~essaylint.analysis.citations_parenthetical` ("(Smith,
2019)"), :mod:`~essaylint.analysis.citations_narrative` ("Smith (2019)"),
:mod:`~essaylint.analysis.citations_clause` (names early, the year closing the sentence),
:mod:`~essaylint.analysis.citations_keyed` (numbers, footnote marks, keys), the
MLA and Chicago readers (:mod:`~essaylint.analysis.citations_mla`,
:mod:`~essaylint.analysis.citations_chicago`), and the name words they share
(:mod:`~essaylint.analysis.citation_names`).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from essaylint.analysis.citation_names import UPPER
from essaylint.analysis.citations_clause import year_first_citations
from essaylint.analysis.citations_keyed import (
    footnote_citations,
    latex_citations,
    numeric_citations,
    pandoc_citations,
    parenthesised_numbers,
)
from essaylint.analysis.citations_linked import linked_citations, linked_name_citations
from essaylint.analysis.citations_narrative import author_date_citation
from essaylint.analysis.citations_parenthetical import NESTED_HEAD, PAREN, ParentheticalReader
from essaylint.analysis.entry_shape import looks_like_entry
from essaylint.analysis.patterns import ET_AL, INVERTED_AUTHORS_YEAR, YEAR_DIGITS
from essaylint.analysis.text import name_key, year_digits
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Citation, Essay, Reference, Span

if TYPE_CHECKING:
    from essaylint.analysis.latex_macros import CiteMacro


def _regions(essay: Essay) -> list[Span]:
    """The body minus the excluded spans, and the appendix after the list."""
    regions: list[Span] = []
    pos = essay.body.start
    for ex in essay.excluded:
        if ex.end <= pos or ex.start >= essay.body.end:
            continue
        if ex.start > pos:
            regions.append(Span(start=pos, end=min(ex.start, essay.body.end)))
        pos = max(pos, ex.end)
    if pos < essay.body.end:
        regions.append(Span(start=pos, end=essay.body.end))
    if essay.appendix is not None:
        regions.append(essay.appendix)
    return regions


def _author_date(
    text: str, regions: list[Span], known: frozenset[str], works: Sequence[Reference]
) -> Iterator[Citation]:
    extractor = ParentheticalReader(text, known, works)
    read: list[Span] = []  # the parentheses and bare citations read, in text order
    for region in regions:
        parentheses: list[tuple[int, int]] = []
        for m in PAREN.finditer(text, region.start, region.end):
            parentheses.append((m.start(), m.end()))
            cited = extractor.parenthetical(m)
            if cited:
                read.append(Span(start=m.start(), end=m.end()))
            yield from cited
        # the head of a parenthesis that ends in a narrative citation, then square brackets
        # (which must name an author)
        for pattern, named_only in ((NESTED_HEAD, False), (_BRACKETED, True)):
            for m in pattern.finditer(text, region.start, region.end):
                cited = [c for c in extractor.parenthetical(m) if c.authors or not named_only]
                if cited:
                    parentheses.append((m.start(), m.end()))
                    read.append(Span(start=m.start(), end=m.end()))
                yield from cited
        parentheses.sort()
        for bare in _bare_et_al(text, region, parentheses):
            read.append(bare.span)
            yield bare
        yield from year_first_citations(
            text, region.start, region.end, extractor.works_of, extractor.works
        )
    if "](" in text:
        read.sort(key=lambda s: s.start)
        starts = [s.start for s in read]
        labels: list[Span] = []
        for c in linked_citations(text, regions, extractor):
            labels.append(c.span)
            i = bisect.bisect_right(starts, c.span.end - 1) - 1
            if i < 0 or read[i].end <= c.span.start:
                yield c  # a link no parenthesis or bare citation has read
        read = sorted(read + labels, key=lambda s: s.start)
        starts = [s.start for s in read]
        for c in linked_name_citations(text, regions, extractor):
            i = bisect.bisect_right(starts, c.span.end - 1) - 1
            if i < 0 or read[i].end <= c.span.start:
                yield c  # "([LexFusion](https://...), 2024)": a linked name, the year after it


# "[Cruickshank, 2003]": an author-date citation in square brackets, read like one in
# parentheses, its year (or "n.d.", "no date") after a comma ("[Month 2022]" is a
# placeholder); never a link's text ("[Smith, 2019](...)", "[Smith, 2019][2]"), a link
# definition, a note "[^1]" or a pandoc key "[@smith2019]".
_BRACKETED = compile_lazily(
    rf"(?<![!\]\w])\[((?=[{UPPER}])[^\[\]\n@^]{{1,200}}?,\s*"
    rf"(?:{YEAR_DIGITS}[a-z]?\b|n\.\s?d\.|no\s+date\b)[^\[\]\n]{{0,40}})\]"
    r"(?![(\[:])"
)
# "a study by Giebel et al., 2023 highlighted": a citation that lost its parentheses. The
# rare "et al., 2023" is found first, then the name before it.
_ET_AL_YEAR = compile_lazily(rf"{ET_AL},?\s+(?P<year>{YEAR_DIGITS}[a-z]?)\b")
_AL_YEAR = compile_lazily(rf"[Aa][Ll]\b\.?,?\s+{YEAR_DIGITS}")  # one letter pair first: a fast scan
_NAME_BEFORE = compile_lazily(rf"(?<![\w'’-])[{UPPER}][\w'’-]+(?=\s+$)")
_NAME_REACH = 60


def _bare_et_al(text: str, region: Span, parentheses: list[tuple[int, int]]) -> Iterator[Citation]:
    starts = [start for start, _ in parentheses]
    for anchor in _AL_YEAR.finditer(text, region.start, region.end):
        m = _ET_AL_YEAR.search(text, max(region.start, anchor.start() - 6), anchor.end() + 1)
        if m is None or m.start() > anchor.start():
            continue  # "also 2019", "total, 2020": no "et" before the "al"
        name = _NAME_BEFORE.search(text, max(region.start, m.start() - _NAME_REACH), m.start())
        if name is None:
            continue
        i = bisect.bisect_right(starts, name.start()) - 1
        if i >= 0 and parentheses[i][1] > name.start():
            continue  # inside a parenthesis: read there
        span = Span(start=name.start(), end=m.end())
        yield author_date_citation(
            span, text[span.start : span.end], (name.group(0),), True, m.group("year"),
            narrative=True,
        )  # fmt: skip


# Punctuation typed with a Chinese or Japanese input method left on: "（Godefroidt,
# 2022)". Each stands for its ASCII mark, one character for one.
_FULL_WIDTH_PUNCTUATION = str.maketrans("（）［］，；：", "()[],;:")


def extract_citations(
    text: str,
    essay: Essay,
    *,
    known_names: Iterable[str] = (),
    numeric: bool | None = None,
    latex: bool = False,
    pandoc: bool = False,
    latex_macros: Sequence[CiteMacro] = (),
    parenthesised: bool = False,
    numbered_list: bool = False,
    style: str | None = None,
    works: Sequence[Reference] = (),
) -> tuple[Citation, ...]:
    """Every citation in the essay body, in document order (full-width brackets, commas
    and semicolons read as their ASCII marks).

    ``known_names`` are name keys (see :func:`name_key`) of the reference list's
    authors and aliases; they decide where a narrative author phrase starts
    ("Research by Claude Steele (1988)" -> Steele). ``numeric`` forces numeric
    bracket citations on or off; by default they are read when the text has no
    author-date citations or looks numeric. ``style`` "mla" reads author–page
    parentheses first (:mod:`essaylint.analysis.citations_mla`); "chicago" also
    reads Chicago author-date forms (:mod:`essaylint.analysis.citations_chicago`).
    ``works`` (the entries) lets MLA read whole-work signal phrases. ``latex_macros``
    are the citation commands a LaTeX project defines for itself. ``pandoc`` (a Markdown
    essay) with entries from a keyed bibliography also reads pandoc's bare "@key". ``parenthesised``
    also reads numbers in parentheses closing a clause ("a year *(1)*."), for a list
    that numbers its entries "(1)"; ``numbered_list`` (entries numbered "1.") reads them
    too when the text cites no number in brackets, as Vancouver writers do ("(2,3)").
    """
    regions = _regions(essay)
    known = frozenset(known_names)
    text = text.translate(_FULL_WIDTH_PUNCTUATION)
    found: list[Citation] = list(_author_date(text, regions, known, works))
    if style == "mla":
        from essaylint.analysis.citations_mla import mla_citations, outside, signal_phrases
        from essaylint.analysis.citations_mla_pairs import misspelt_pairs
        from essaylint.analysis.citations_mla_teams import misspelt_teams
        from essaylint.analysis.citations_mla_titled import (
            authorless_titles_named,
            titled_mentions,
        )

        pages, claimed = mla_citations(text, regions, known, works)
        found = [*outside(found, claimed), *pages]
        if found:  # names in prose supplement citations that were read, never replace them
            found.extend(signal_phrases(text, regions, works, found))
            found.extend(titled_mentions(text, regions, works, found))
            found.extend(authorless_titles_named(text, regions, works, found))
            found.extend(misspelt_pairs(text, regions, works, found))
            found.extend(misspelt_teams(text, regions, works))
    elif style == "chicago":
        from essaylint.analysis.citations_chicago import chicago_citations

        found = chicago_citations(text, regions, known, found)
    if works and (" in " in text or "'" in text or "’" in text):
        from essaylint.analysis.citations_in_year import year_after_in

        found.extend(year_after_in(text, regions, works, found))
    if works and style != "mla" and "(" in text:
        from essaylint.analysis.citations_undated import paged_names, undated_names

        found.extend(undated_names(text, regions, works, found))
        found.extend(paged_names(text, regions, works, found))
    found.extend(footnote_citations(text, regions))
    keyed = list(latex_citations(text, regions, latex_macros)) if latex else []
    bare_keys = pandoc and any(w.key for w in works)
    keyed += pandoc_citations(text, regions, bare_keys=bare_keys)
    if keyed and works:
        from essaylint.analysis.citations_keyed_names import misspelt_cited_authors
        from essaylint.analysis.citations_narrated import narrated_years

        found.extend(narrated_years(text, keyed, works))
        found.extend(misspelt_cited_authors(text, keyed, works, regions))
    found.extend(keyed)
    numbers = list(numeric_citations(text, regions))
    if parenthesised or (numbered_list and not numbers):
        numbers += parenthesised_numbers(text, regions)
    use_numeric = (
        numeric if numeric is not None else (len(numbers) >= 2 and len(numbers) >= len(found))
    )
    if use_numeric:
        if works:
            from essaylint.analysis.citations_keyed_names import misspelt_cited_authors

            found.extend(misspelt_cited_authors(text, numbers, works, regions))
        found.extend(numbers)
    found.sort(key=lambda c: (c.span.start, c.span.end))
    # MLA cites by author and page; a title with its year is the work named ("Batman (1989)")
    titled = _titles_of_authored_works(works) if style == "mla" else {}
    return tuple(
        _dedupe(
            c
            for c in found
            if not _opens_an_entry(text, c)
            and not _credits_a_linked_work(text, c)
            and not _names_a_title(c, titled)
            and not _shouted_note(c, known)
        )
    )


_SHOUTED_WORDS = 4  # words in capitals, at least, that make a note, not a name


def _shouted_note(citation: Citation, known: frozenset[str]) -> bool:
    """Is "(DON'T THINK WE NEED THIS STEP)" a note in capitals, not an author no entry
    lists? A name of that many words in capitals is a sentence."""
    if citation.year or len(citation.authors) != 1:
        return False
    name = citation.authors[0]
    return len(name.split()) >= _SHOUTED_WORDS and name.isupper() and name_key(name) not in known


def _titles_of_authored_works(works: Sequence[Reference]) -> dict[str, str | None]:
    """Name keys of the titles of entries that have authors (and their years), minus the
    keys that are also an entry's author."""
    authors = {name_key(p.family) for ref in works for p in ref.authors}
    titles: dict[str, str | None] = {}
    for ref in works:
        if ref.authors and ref.title:
            key = name_key(ref.title.split(":")[0])
            if key and key not in authors:
                titles.setdefault(key, ref.year)
    return titles


def _names_a_title(citation: Citation, titled: dict[str, str | None]) -> bool:
    """Is a narrative "Batman (1989)" the title of an entry with an author (the film
    directed by Burton, 1989) named with its year, not an author called Batman?"""
    if not titled or not citation.narrative or len(citation.authors) != 1:
        return False
    key = name_key(citation.authors[0])
    if key not in titled:
        return False
    year = titled[key]
    return not citation.year or not year or year_digits(citation.year) == year_digits(year)


def _opens_an_entry(text: str, citation: Citation) -> bool:
    """Is a narrative "Halbach, H. (2021). How the ..." the head of an entry written
    in the body (a suggested citation of the document itself), not a citation?"""
    if not citation.narrative:
        return False
    line_start = text.rfind("\n", 0, citation.span.start) + 1
    if text[line_start : citation.span.start].strip(" \t*_>-"):
        return False
    line_end = text.find("\n", citation.span.start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    line = line.strip(" \t*_>-")  # a list item, or an entry quoted in a reply ("> ")
    return bool(INVERTED_AUTHORS_YEAR.match(line)) and looks_like_entry(line)


# "*lifeline* by Junichiro Horikawa (2020), <https://...>": a work, its maker, its year and
# where it is, in the sentence itself.
_BY_MAKER = compile_lazily(r"\bby\s+(?:[A-Z][\w'’.\-]*\s+){0,3}$")
# The link after a comma or in brackets; a bare address right after the year is the
# page of a narrative citation ("as reported by McKinsey (2023) https://...").
_LINK_AFTER = compile_lazily(r"\s*(?:,\s*(?:<|\[)?|<|\[)(?:https?://|www\.)")


def _credits_a_linked_work(text: str, citation: Citation) -> bool:
    """Is a narrative "by Name (2020), <link>" a credit that gives its own source (a
    reading list's item), not a citation of the reference list?"""
    if not citation.narrative:
        return False
    before = text[max(0, citation.span.start - 60) : citation.span.start]
    return bool(_BY_MAKER.search(before) and _LINK_AFTER.match(text, citation.span.end))


def _dedupe(citations: Iterable[Citation]) -> Iterator[Citation]:
    seen: set[tuple[int, int, str, tuple[str, ...], str | None, int | None, str | None]] = set()
    for c in citations:
        key = (c.span.start, c.span.end, c.kind, c.authors, c.year, c.number, c.key)
        if key in seen:
            continue
        seen.add(key)
        yield c
