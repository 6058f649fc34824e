"""Link a citation-manager citation to its entry by what the manager knows.

A citation that Zotero, Mendeley, EndNote or Word's citation tool inserted
carries each cited work's metadata (see :class:`essaylint.models.FieldCitation`),
so it names its entry exactly, whatever the visible text: Word writes
"(Hanke S. H., 2012)" to tell two Hankes apart and "(Ashton, The Industrial
Revolution, 1962)" to tell two works of one author apart, and a style may show
only "(1963)" after the names typed in the sentence.

After the ordinary linking, each author-date citation whose text overlaps a
field is paired with one of the field's works (by first author where the names
agree, the rest by position when the counts agree), and the work's entry is looked up by DOI, then
by title (with the first author or the year agreeing), then by first author
and year. A work found in the list links the citation to that entry
(``year-mismatch`` when the visible year differs from the entry's); when two
lists hold the same work (a list per part of an assignment), the list that
follows the citation wins. A work with no entry leaves the ordinary link as
it was, so it is a missing reference only if no entry matches at all. A field
whose visible text holds no citation the text reader could see becomes a
citation of its works.

The DOI: an entry linked through a work that has a DOI, while the entry shows
none, gains that DOI, so ``--verify`` looks the work up by DOI; the entry's
printed text is unchanged.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from essaylint.analysis.citations_parenthetical import ANY_YEAR
from essaylint.analysis.matching import link_citations, years_agree
from essaylint.analysis.names import natural_family
from essaylint.analysis.text import fold, name_key, normalise_year, title_key, year_digits
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Citation, CitedWork, Document, Essay, Link, Reference, Span

_DOI = compile_lazily(r"10\.\d{4,9}/\S+")
_MIN_TITLE_PREFIX = 20  # characters a shortened title must keep to count
_LOOK_BACK = 300  # characters a narrative citation may start before the field it ends in


def _doi_key(doi: str | None) -> str:
    match = _DOI.search(doi or "")
    return fold(match.group(0)).rstrip(".") if match else ""


def _titles_agree(a: str, b: str) -> bool:
    if not a or not b:
        return False
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return short == long or (len(short) >= _MIN_TITLE_PREFIX and long.startswith(short + " "))


def _first_key(names: Sequence[str]) -> str:
    return name_key(names[0]) if names else ""


def _entry_key(ref: Reference) -> str:
    return name_key(ref.authors[0].family) if ref.authors else ""


@dataclass(frozen=True)
class _Entries:
    """The entries by DOI, by exact title and by first author, built once per document."""

    refs: Sequence[Reference]
    by_doi: dict[str, list[int]]
    by_title: dict[str, list[int]]
    by_author: dict[str, list[int]]  # "" holds the entries without an author

    @classmethod
    def of(cls, refs: Sequence[Reference]) -> _Entries:
        by_doi: dict[str, list[int]] = {}
        by_title: dict[str, list[int]] = {}
        by_author: dict[str, list[int]] = {}
        for r in refs:
            if _doi_key(r.doi):
                by_doi.setdefault(_doi_key(r.doi), []).append(r.index)
            if title_key(r.title):
                by_title.setdefault(title_key(r.title), []).append(r.index)
            head = title_key(r.authors[0].raw or r.authors[0].family) if r.authors else ""
            if head:
                # "Multilateration (MLAT) - FlightAware. (2019).", "Price Paid Data (no date)
                # GOV.UK.": a title read as the entry's author, as it is written
                by_title.setdefault(head, []).append(r.index)
            by_author.setdefault(_entry_key(r), []).append(r.index)
        return cls(refs, by_doi, by_title, by_author)

    def find(self, work: CitedWork) -> list[int]:
        """Entries that describe ``work``: by DOI, else title (with its first author or year,
        when it has them), else first author and year."""
        refs = self.refs
        found = self.by_doi.get(_doi_key(work.doi), []) if _doi_key(work.doi) else []
        if found:
            return self._of_its_year(found, work)
        title, first = title_key(work.title), _first_key(work.authors)
        if title:
            same = self.by_title.get(title, []) + [
                i
                for i in self.by_author.get(first, [])
                if _titles_agree(title, title_key(refs[i].title))
                and title_key(refs[i].title) != title
            ]
            found = [
                i
                for i in sorted(set(same))
                if (first and _entry_key(refs[i]) == first)
                or not work.year  # the manager stored no date: the title alone names it
                or years_agree(work.year, refs[i].year)
            ]
            if found:
                return self._of_its_year(found, work)
        if first and work.year:
            return [
                i for i in self.by_author.get(first, []) if years_agree(work.year, refs[i].year)
            ]
        return []

    def _of_its_year(self, found: list[int], work: CitedWork) -> list[int]:
        """The entries of the work's own year among ``found``, if any: one work listed twice,
        once without its year, is cited under its year by the dated copy and with no year
        by the undated one."""
        if not year_digits(work.year):  # no date: the copy that gives none
            return [i for i in found if not year_digits(self.refs[i].year)] or found
        dated = [i for i in found if years_agree(work.year, self.refs[i].year)]
        return dated or found


def _nearest(found: list[int], refs: Sequence[Reference], at: int) -> int:
    """The first candidate entry after offset ``at``, else the last one before it."""
    after = [i for i in found if refs[i].span.start >= at]
    return after[0] if after else found[-1]


def _pairs(
    cited: list[int], citations: Sequence[Citation], works: tuple[CitedWork, ...]
) -> dict[int, CitedWork]:
    """Which work each citation (by index) of one field stands for: by first author (and
    year) where the names agree, since a style may print the works in another order than
    the field keeps them ("(Makate et al., 2017; Tovihoudji et al., 2022)" for a field
    holding Tovihoudji first); the rest by position when the counts agree."""
    paired: dict[int, CitedWork] = {}
    free = list(works)
    for ci in cited:
        key = _first_key(citations[ci].authors)
        same = [w for w in free if key and _first_key(w.authors) == key]
        if len(same) > 1:
            same = [w for w in same if years_agree(citations[ci].year, w.year)] or same[:1]
        if same:
            paired[ci] = same[0]
            free.remove(same[0])
    if len(cited) == len(works):
        unnamed = [ci for ci in cited if ci not in paired]
        paired.update(zip(unnamed, free, strict=True))
    return paired


def _by_family_name(citation: Citation, work: CitedWork) -> Citation | None:
    """The citation of a work with no entry, under its first author's family name.

    Word prints the name as typed into its source manager: "(Sepp Hochreiter, 1997)",
    "(Cortes Vapnik, 1997)" for Cortes and Vapnik. The source's own family name, or
    else the last word of a name in natural order, is the name the work is known by.
    """
    if not citation.authors or not work.authors:
        return None
    named = work.authors[0]
    family = named if len(named.split()) == 1 else natural_family(named)
    if not family or name_key(family) == name_key(citation.authors[0]):
        return None
    if not re.search(r"(?<!\w)" + re.escape(family) + r"(?!\w)", citation.text):
        return None  # the field names someone the visible citation does not
    return citation.model_copy(update={"authors": (family, *citation.authors[1:])})


def _relinked(ci: int, citation: Citation, entry: int, refs: Sequence[Reference]) -> Link:
    listed = refs[entry].year
    if citation.year and listed and not years_agree(citation.year, listed):
        return Link(citation=ci, status="year-mismatch", reference=entry, candidates=(entry,))
    return Link(citation=ci, status="matched", reference=entry, candidates=(entry,))


def _in_body(essay: Essay, span: Span) -> bool:
    if essay.appendix is not None and essay.appendix.covers(span):
        return True
    if not essay.body.covers(span):
        return False
    return not any(part.covers(span) for part in (*essay.lists, *essay.excluded))


def link_field_citations(
    doc: Document,
    essay: Essay,
    citations: tuple[Citation, ...],
    references: list[Reference],
    links: tuple[Link, ...],
    *,
    mla: bool = False,
) -> tuple[tuple[Citation, ...], list[Reference], tuple[Link, ...]]:
    """Citations, entries and links after linking every field citation by its works' metadata
    (``mla``: an essay whose citations name no year, linked by name as MLA is)."""
    if not doc.field_citations:
        return citations, references, links
    starts = [c.span.start for c in citations]
    entries = _Entries.of(references)
    new_links = list(links)
    added: list[tuple[Citation, CitedWork]] = []
    doi_for: dict[int, str] = {}
    rekeyed: dict[int, Citation] = {}
    for cited_field in doc.field_citations:
        span = Span(start=cited_field.start, end=cited_field.end)
        if not _in_body(essay, span):
            continue
        # Citations that overlap the field start before its end and end after its start;
        # the text reader's citations are short, so only those starting just before it count.
        overlapping = [
            ci
            for ci in range(
                bisect.bisect_left(starts, span.start - _LOOK_BACK),
                bisect.bisect_left(starts, span.end),
            )
            if citations[ci].span.end > span.start
        ]
        if not overlapping:
            text = doc.text[span.start : span.end]
            added += [
                (_citation(span, text, w), w) for w in cited_field.works if w.authors or w.title
            ]
            continue
        author_date = [ci for ci in overlapping if citations[ci].kind == "author-date"]
        for ci, work in _pairs(author_date, citations, cited_field.works).items():
            found = entries.find(work)
            if not found:
                renamed = _by_family_name(citations[ci], work)
                if renamed is not None:
                    rekeyed[ci] = renamed
                continue
            if citations[ci].secondary:
                continue
            entry = _nearest(found, references, span.start)
            new_links[ci] = _relinked(ci, citations[ci], entry, references)
            if work.doi:
                doi_for.setdefault(entry, work.doi)
    if rekeyed:
        citations = tuple(rekeyed.get(i, c) for i, c in enumerate(citations))
    if added:
        citations, new_links = _merge(citations, new_links, added, entries, doi_for, mla=mla)
    refs = [
        r.model_copy(update={"doi": doi_for[r.index]}) if r.index in doi_for and not r.doi else r
        for r in references
    ]
    return citations, refs, tuple(new_links)


def _citation(span: Span, text: str, work: CitedWork) -> Citation:
    """A citation of ``work`` at a field the text reader found nothing in.

    A work without authors is cited by its title, as author-date styles do. The
    manager's year is the citation's only when the printed citation shows it: an MLA
    "(Rocca)" stored with 2010 says nothing about the year, and is checked by name.
    """
    authors = work.authors or ((work.title,) if work.title else ())
    digits = year_digits(work.year)
    year = work.year if digits and digits in text else None
    if year is None:
        # "(timeline, n.d.)", "(Harbour Sales Data, no date)": the printed citation says
        # the work has no date, and says it as written
        undated = (m[0] for m in ANY_YEAR.finditer(text) if normalise_year(m[0]) == "nd")
        year = next(undated, None)
    return Citation(span=span, text=text, authors=authors, year=year, title=work.title)


def _merge(
    citations: tuple[Citation, ...],
    links: list[Link],
    added: list[tuple[Citation, CitedWork]],
    entries: _Entries,
    doi_for: dict[int, str],
    *,
    mla: bool,
) -> tuple[tuple[Citation, ...], list[Link]]:
    """The citations with ``added`` in document order, and every link renumbered."""
    references = entries.refs
    ordinary = link_citations([c for c, _ in added], references, mla=mla)
    added_links: list[Link] = []
    for (citation, work), link in zip(added, ordinary, strict=True):
        found = entries.find(work)
        if found:
            entry = _nearest(found, references, citation.span.start)
            link = _relinked(0, citation, entry, references)
            if work.doi:
                doi_for.setdefault(entry, work.doi)
        added_links.append(link)
    combined = list(zip(citations, links, strict=True))
    combined += zip((c for c, _ in added), added_links, strict=True)
    combined.sort(key=lambda item: (item[0].span.start, item[0].span.end))
    renumbered = [link.model_copy(update={"citation": i}) for i, (_, link) in enumerate(combined)]
    return tuple(c for c, _ in combined), renumbered
