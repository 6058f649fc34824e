"""Link MLA author–page citations to Works Cited entries.

MLA cites by author and page; the year plays no part. A citation links to
the entry of its first author; when one author has several works the
citation must carry a short title ("(Smith, *Short Title* 45)"), which picks
the entry whose title starts with it. A work with no author is cited by its
short title alone ("("Title" 3)"). So:

- one entry by the author: ``matched`` (see :func:`written_years` for a year the
  text writes);
- several, and the short title, the co-authors or the number of authors
  ("(Smith 4)" for her own book, not the one she wrote with Jones) picks one:
  ``matched``;
- several and nothing picks one: ``ambiguous`` (two works by one author, no title);
- none, but the name is a near miss of an entry's author, or the co-author of one
  entry ("(Finger)" for "Kane, Bob, and Bill Finger"): ``author-mismatch``;
- none: ``missing``.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from essaylint.analysis.entry_dates import spans_year
from essaylint.analysis.names import natural_family
from essaylint.analysis.text import ARTICLES, fold, name_key, year_digits
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Citation, Link, Reference

NEAR_NAME = 80.0  # rapidfuzz ratio at which a cited name is a near miss of an entry's author
NEAR_CLOSEST = 60.0  # ratio at which an entry is worth naming as the closest to a missing one
NEAR_TITLE = 85.0  # partial ratio at which a short title is the start of an entry's title
_WORD = compile_lazily(r"[^\W_]+")
_FOUR_DIGITS = compile_lazily(r"\d{4}[a-z]?")


def title_words(title: str) -> list[str]:
    words = _WORD.findall(fold(title))
    return words[1:] if words and words[0] in ARTICLES and len(words) > 1 else words


def title_fits(short: str, title: str | None) -> bool:
    """Is ``short`` the start of ``title`` (or its key words), articles and case aside?"""
    if not title:
        return False
    want, have = title_words(short), title_words(title)
    if not want or not have:
        return False
    if have[: len(want)] == want:
        return True
    joined_want, joined_have = " ".join(want), " ".join(have)
    if len(joined_want) >= 4 and joined_want in joined_have:
        return True  # "(Smith, *Rhetoric* 4)" for "The Art of Rhetoric"
    return fuzz.partial_ratio(joined_want, joined_have) >= NEAR_TITLE and len(joined_want) >= 6


def _coauthors_fit(citation: Citation, ref: Reference) -> bool:
    listed = {name_key(p.family) for p in ref.authors}
    return all(name_key(n) in listed for n in citation.authors[1:])


def _count_fits(citation: Citation, ref: Reference) -> bool:
    """MLA names one or two authors in full and "et al." for three or more."""
    listed = len(ref.authors) + (3 if ref.et_al else 0)
    if citation.et_al:
        return listed >= 3
    return listed == len(citation.authors)


def link_author_page(
    ci: int, citation: Citation, candidates: Sequence[int], refs: Sequence[Reference]
) -> Link:
    """The link of one MLA citation; ``candidates`` are the entries of its first author."""
    if citation.secondary:
        return Link(citation=ci, status="secondary")
    if not citation.authors:
        return _by_title(ci, citation, refs)
    options = list(candidates)
    if len(options) > 1 and len(citation.authors) > 1:
        options = [i for i in options if _coauthors_fit(citation, refs[i])] or options
    if len(options) > 1:
        # "(Halvorsen 23)" is her own book, not the article she wrote with Brightwater.
        options = [i for i in options if _count_fits(citation, refs[i])] or options
    if len(options) > 1 and citation.title:
        options = [i for i in options if title_fits(citation.title, refs[i].title)] or options
    if len(options) > 1 and year_digits(citation.year):
        # An essay that writes "Drucker (2018)" in an MLA list names the work by its year.
        cited = year_digits(citation.year)
        options = [i for i in options if year_digits(refs[i].year) == cited] or options
    if len(options) == 1:
        return Link(citation=ci, status="matched", reference=options[0], candidates=(options[0],))
    if options:
        return Link(
            citation=ci, status="ambiguous", reference=options[0], candidates=tuple(options)
        )
    return _near_author(ci, citation, refs)


def written_years(
    citations: Sequence[Citation], links: Sequence[Link], refs: Sequence[Reference]
) -> list[Link]:
    """``links`` with a year the text writes against the entry's as a ``year-mismatch``.

    MLA cites no year, and a lone four-digit number may be a page. But a writer
    who adds years under a Works Cited list ("Ames (2014)", "(Ames, 2014)") and
    gets at least one right is citing by year: a year the entry contradicts is
    wrong. Pages never count as years (an author–page citation has none).
    """
    agree = [
        _written(citations[link.citation], refs[link.reference])
        if link.status == "matched" and link.reference is not None
        else None
        for link in links
    ]
    if True not in agree:
        return list(links)
    return [
        link.model_copy(update={"status": "year-mismatch"}) if fits is False else link
        for link, fits in zip(links, agree, strict=True)
    ]


def _written(citation: Citation, ref: Reference) -> bool | None:
    """Does the year the text writes (four digits) agree with the entry's? None: no years."""
    written, listed = citation.year or "", year_digits(ref.year)
    if not (_FOUR_DIGITS.fullmatch(written) and listed):
        return None
    return year_digits(written) == listed or spans_year(ref, written)


def _by_title(ci: int, citation: Citation, refs: Sequence[Reference]) -> Link:
    """ "("Title" 3)": the entry whose title starts with the short title."""
    short = citation.title or ""
    fits = [i for i, ref in enumerate(refs) if short and title_fits(short, ref.title)]
    if len(fits) == 1:
        return Link(citation=ci, status="matched", reference=fits[0], candidates=(fits[0],))
    if fits:
        return Link(citation=ci, status="ambiguous", reference=fits[0], candidates=tuple(fits))
    return Link(citation=ci, status="missing")


def _family_keys(family: str) -> list[str]:
    """The entry's first author as keyed: whole, and by the family name of a name written
    given name first ("Mark Phillis, Machiavelli, ..." is cited as Phillis)."""
    natural = natural_family(family) if " " in family else None
    return [name_key(family), *([name_key(natural)] if natural else [])]


def _other_given(citation: Citation, ref: Reference) -> bool:
    """Does the prose give the cited writer another given name than the entry's author?"""
    written, listed = fold(citation.given or ""), fold(ref.authors[0].given or "")
    return bool(written and listed) and written[0] != listed[0]


def _near_author(ci: int, citation: Citation, refs: Sequence[Reference]) -> Link:
    cited = name_key(citation.authors[0])
    scored = sorted(
        (
            (max(fuzz.ratio(cited, key) for key in _family_keys(ref.authors[0].family)), i)
            for i, ref in enumerate(refs)
            if ref.authors and cited and not _other_given(citation, ref)
        ),
        key=lambda item: (-item[0], item[1]),
    )
    near = [i for score, i in scored if score >= NEAR_NAME]
    if near and len({name_key(refs[i].authors[0].family) for i in near}) == 1:
        best = near[0]  # one author, misspelt (whichever of their works is meant)
        return Link(
            citation=ci, status="author-mismatch", reference=best, candidates=tuple(near),
            differing_author=citation.authors[0], expected_author=refs[best].authors[0].family,
        )  # fmt: skip
    if citation.title:
        by_title = _by_title(ci, citation, refs)
        if by_title.status != "missing":
            return by_title
    # "(Finger)" for "Kane, Bob, and Bill Finger": the co-author of one entry, not its first
    coauthored = [
        i for i, ref in enumerate(refs) if any(name_key(p.family) == cited for p in ref.authors[1:])
    ]
    if cited and len(coauthored) == 1:
        best = coauthored[0]
        return Link(
            citation=ci, status="author-mismatch", reference=best, candidates=(best,),
            differing_author=citation.authors[0], expected_author=refs[best].authors[0].family,
        )  # fmt: skip
    closest = tuple(i for score, i in scored[:2] if score >= NEAR_CLOSEST)
    return Link(citation=ci, status="missing", candidates=closest)
