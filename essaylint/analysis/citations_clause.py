"""Narrative citations whose year closes the clause, far from the names.

Some writers name the authors early and put the year at the end of the
sentence: "a study by Dickens, Machin, and Manning ... supports the argument
(1999)", "According to the National Bureau of Economic Research, the period
... is considered the recession (2014)". A year in prose is common, so the
names are taken only when they are all the authors of one entry of that year,
written as whole words in the same sentence before the year.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from essaylint.analysis.patterns import COUNTRY_HEAD, YEAR_DIGITS
from essaylint.analysis.text import year_digits
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Citation, Reference, Span

_REACH = 400  # characters searched back for the start of the sentence
# Where a sentence starts: after ". ", "? ", "! " before a capital, or a line break.
_SENTENCE_END = compile_lazily(r"[.!?][\"”’)]*\s+(?=[\"“(]?[A-Z])|\n")
_CORPORATE_AND = compile_lazily(r"\s+(?:and|&)\s+")


def _sentence_start(text: str, end: int) -> int:
    start = max(0, end - _REACH)
    last = start
    for m in _SENTENCE_END.finditer(text, start, end):
        last = m.end()
    return last


def _written_names(ref: Reference) -> list[tuple[str, list[str]]]:
    """Each author as the entry writes it, with the forms the text may use for it.

    A person by the family name; an organisation whole or without its country ("US");
    co-authoring organisations written as one ("US Bureau of Labor Statistics
    and U.S. Census Bureau") one by one.
    """
    names: list[tuple[str, list[str]]] = []
    for person in ref.authors:
        if not person.corporate:
            names.append((person.family, [person.family]))
            continue
        for part in _CORPORATE_AND.split(person.family):
            short = COUNTRY_HEAD.sub("", part)
            names.append((part, [part, short] if short != part else [part]))
    return names


def _first_at(clause: str, forms: list[str]) -> int:
    at = -1
    for form in forms:
        if not form:
            continue
        m = re.search(rf"(?<![\w\-]){re.escape(form)}(?![\w\-])", clause)
        if m and (at < 0 or m.start() < at):
            at = m.start()
    return at


def _named_in(clause: str, ref: Reference) -> list[tuple[int, str]] | None:
    """Where the clause names each of the entry's authors, in the clause's order; None
    when one is missing."""
    found: list[tuple[int, str]] = []
    for written, forms in _written_names(ref):
        at = _first_at(clause, forms)
        if at < 0:
            return None
        found.append((at, written))
    return sorted(found)


def clause_citations(
    text: str,
    group_start: int,
    close: int,
    years: list[str],
    locator: str | None,
    works_of: Callable[[str], Sequence[Reference]],
) -> list[Citation]:
    """The citation of "Dickens, Machin, and Manning ... supports the argument (1999)".

    Only when exactly one entry of the cited year has all its authors named in
    the sentence before the parenthesis; the authors are given in the order the
    sentence names them ("According to West and McKee, ... (1980)"). ``works_of``
    gives the entries of a year, so each parenthesis looks at its year's entries only.
    """
    if len(years) != 1 or not year_digits(years[0]):
        return []
    start = _sentence_start(text, group_start)
    clause = text[start:group_start]
    fits: list[tuple[Reference, list[tuple[int, str]]]] = []
    for ref in works_of(years[0]):
        if not ref.authors:
            continue
        named = _named_in(clause, ref)
        if named is not None:
            fits.append((ref, named))
    if len(fits) != 1:
        return []
    ref, named = fits[0]
    if all(p.corporate for p in ref.authors):
        # Agencies that publish together, in any order: the entry's name for them.
        authors = tuple(p.family for p in ref.authors)
    else:
        authors = tuple(name for _, name in named)
    span = Span(start=start + named[0][0], end=close)
    return [
        Citation(
            span=span, text=text[span.start : close], kind="author-date", authors=authors,
            year=years[0], locator=locator, narrative=True,
        )
    ]  # fmt: skip


# "A 2009 study by Wagers, Lau, and Phillips found": the year before the work, its authors
# after "by"/"of"/"from".
# The search starts at the year (digits are rare, articles everywhere); the article
# before it is checked after.
_YEAR_FIRST = compile_lazily(
    rf"(?P<year>{YEAR_DIGITS})\s+"
    r"(?:[a-z]+\s+)?(?:study|paper|article|report|review|survey|analysis|book|experiment|"
    r"essay|chapter|investigation|work|meta-analysis|trial)\s+(?:by|of|from)\s+"
)
_ARTICLE_BEFORE = compile_lazily(r"(?<!\w)(?:[Aa]n?|[Tt]he|[Tt]heir|[Tt]his|[Tt]hat)\s+$")
_NAMES_REACH = 200
# What parts two names in a list: ", ", " and ", ", and ", " & ".
_NAME_JOIN = compile_lazily(r"(?:\s*,)?\s+(?:(?:and|&)\s+)?|\s*,\s*")


def year_first_citations(
    text: str,
    start: int,
    end: int,
    works_of: Callable[[str], Sequence[Reference]],
    works: Sequence[Reference],
) -> list[Citation]:
    """The citations of "A 2009 study by Wagers, Lau, and Phillips found ...".

    Taken only when the words right after "by" are, one after another, all the
    authors of exactly one entry of that year, and no parenthesis follows them
    (that one is read as "Wagers (2009)"). When no entry of that year fits, the one
    entry of any year whose authors they are is the work meant, cited with the
    text's year (so a wrong year is a year mismatch, not an uncited entry).
    """
    found: list[Citation] = []
    for m in _YEAR_FIRST.finditer(text, start, end):
        article = _ARTICLE_BEFORE.search(text, max(start, m.start() - 8), m.start())
        if article is None:
            continue
        tail = text[m.end() : min(end, m.end() + _NAMES_REACH)]
        fits = _named_first(tail, works_of(m.group("year"))) or _named_first(tail, works)
        if len(fits) != 1:
            continue
        named, stop = fits[0]
        if tail[stop:].lstrip().startswith("("):
            continue
        span = Span(start=article.start(), end=m.end() + stop)
        authors = tuple(name for _, name in named)
        found.append(
            Citation(
                span=span, text=text[span.start : span.end], kind="author-date",
                authors=authors, year=m.group("year"), narrative=True,
            )
        )  # fmt: skip
    return found


def _named_first(
    tail: str, candidates: Sequence[Reference]
) -> list[tuple[list[tuple[int, str]], int]]:
    """The candidates whose authors open ``tail`` one after another, each with where
    its names are and where they end."""
    fits: list[tuple[list[tuple[int, str]], int]] = []
    for ref in candidates:
        named = _named_in(tail, ref) if ref.authors else None
        stop = _list_end(tail, named) if named else None
        if named and stop is not None:
            fits.append((named, stop))
    return fits


def _list_end(tail: str, named: list[tuple[int, str]]) -> int | None:
    """Where the names end, when they open ``tail`` one after another; else None."""
    pos = 0
    for at, name in named:
        if at != pos and not _NAME_JOIN.fullmatch(tail, pos, at):
            return None
        if not tail.startswith(name, at):
            return None
        pos = at + len(name)
    return pos
