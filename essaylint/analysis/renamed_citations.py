"""The second pass of linking: a missing citation that names an entry another way.

A citation still missing after the lookup (:mod:`essaylint.analysis.matching`) is
paired with the one entry of its year that no citation points at when the cited
name is another name of that entry: a shortening, contraction or acronym of a
corporate name ("VARK" for "VARK Learn Limited", "UoPeople" for "University of
the People"; "DBIS" for an entry with no author that opens with "Department of
Business, Innovation and Skills"), the start of its title ("College Success" for *College success*),
the site or publisher of an entry that opens with its title, the journal or publisher
of an entry with authors ("Science Advances" for an article in it), the first author's
given name ("Tzu-Ping" for "Lin, Tzu-Ping"), or a misspelt first author whose
co-authors agree ("Xiao et al." for "Xiong, Y., Cho, M. & Boatwright, B."; that
entry may be cited correctly elsewhere too). Such a
pair is an ``author-mismatch``; several entries of one author and year that the
name fits make the citation ``ambiguous``. "Anon" or "Anonymous" names the one
entry of its year with no author, as Harvard guides tell students to write: a
match, not a mismatch.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz

from essaylint.analysis.matching import (
    LONG_SUFFIXES,
    cited_reference_indices,
    coauthor_score,
    years_agree,
)
from essaylint.analysis.text import (
    ARTICLES,
    MINOR_WORDS,
    fold,
    name_key,
    normalise_year,
    year_digits,
)
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Citation, Link, Reference

_ANONYMOUS = frozenset({"anon", "anonymous"})
_WORD = compile_lazily(r"[^\W_]+")
_SHORT_TITLE_END = compile_lazily(r"[:.?!]")


def _words(text: str) -> list[str]:
    folded = re.sub(r"['’]s\b", "", fold(text)).replace("'", "")
    return _WORD.findall(folded)


def _cited_phrases(citation: Citation) -> list[list[str]]:
    """The name as cited, and for a narrative citation the words written before the year."""
    phrases = [_words(citation.authors[0])] if citation.authors else []
    if citation.narrative and "(" in citation.text:
        phrases.append(_words(citation.text.split("(", 1)[0]))
    return [p for p in phrases if p]


def _contracts(cited: str, words: Sequence[str]) -> bool:
    """Is ``cited`` a prefix of each main word in turn (minor words optional)?"""
    reachable = {0}  # lengths of ``cited`` consumed so far
    for word in words:
        following: set[int] = set() if word not in MINOR_WORDS else set(reachable)
        for done in reachable:
            for end in range(done + 1, min(len(cited), done + len(word)) + 1):
                if word.startswith(cited[done:end]):
                    following.add(end)
        reachable = following
        if not reachable:
            return False
    return len(cited) in reachable


def _is_corporate_alias(phrase: list[str], name: str) -> bool:
    """A shortened or contracted corporate name: "VARK", "UoPeople", "Georgetown Library"."""
    words = _words(name)
    while len(words) > 1 and words[-1] in LONG_SUFFIXES:
        words = words[:-1]
    if words and words[0] == "the":
        words = words[1:]
    if len(words) < 2 or phrase == words:
        return False
    main = [w for w in phrase if w not in MINOR_WORDS]
    if main and set(phrase) <= set(words):
        return True
    return len(phrase) == 1 and len(phrase[0]) >= 2 and _contracts(phrase[0], words)


def _is_title_acronym(citation: Citation, title: str | None) -> bool:
    """ "(DBIS 2015)" for an entry with no author whose head is the body's name,
    "Department of Business innovation and Skills (https://...) 2015": the capitals cited
    are the initials of the title's words, the minor words ("of", "and") left out."""
    cited = citation.authors[0] if citation.authors else ""
    if not title or len(cited) < 3 or not cited.isalpha() or not cited.isupper():
        return False
    head = _SHORT_TITLE_END.split(title, 1)[0]
    return "".join(w[0] for w in _words(head) if w not in MINOR_WORDS) == cited.casefold()


def _is_anonymous(citation: Citation) -> bool:
    """ "(Anon, 2020)", "(Anonymous 2019)": a work with no author."""
    return len(citation.authors) == 1 and "".join(_words(citation.authors[0])) in _ANONYMOUS


def _is_short_title(phrase: list[str], title: str | None) -> bool:
    """The start of the title ("College Success" for "College success: ..."), as for no author."""
    if not title:
        return False
    words = _words(_SHORT_TITLE_END.split(title, 1)[0])
    if words and words[0] in ARTICLES:
        words = words[1:]
    if phrase and phrase[0] in ARTICLES:
        phrase = phrase[1:]
    return sum(map(len, phrase)) >= 4 and words[: len(phrase)] == phrase


def _is_given_name(citation: Citation, phrase: list[str], ref: Reference) -> bool:
    """The first author's given name: "Sarah Turner et al." for "Turner, Sarah E., ...",
    "Tzu-Ping" for "Lin, Tzu-Ping"; "Sarah" for "Turner, S. E., Meserve, L. A." when the
    cited co-authors are the entry's.

    A shared initial with "et al." alone is no evidence: "Milne et al." is not
    "Klabunde, M., Weems, C. F., ..." however few entries the year has.
    """
    given = _words(ref.authors[0].given or "") if ref.authors else []
    if not phrase or not given or len(phrase[0]) < 2 or len(phrase) > len(given):
        return False
    if len(given[0]) > 1:
        return phrase == given[: len(phrase)]
    if _given_names_of_all(citation, ref):
        return True
    if len(phrase) != 1 or not phrase[0].startswith(given[0]) or citation.et_al:
        return False
    # A shared initial alone is weak: ask the author list to agree as well.
    agree, missing = coauthor_score(citation, ref)
    return agree >= 1 and missing == 0


_MIN_GIVEN_NAME = 3  # "Leonard", "Anne": a given name written out, not an initial


def _given_names_of_all(citation: Citation, ref: Reference) -> bool:
    """ "(Leonard & Anne, 1995)" for "Ortolano, L., & Shepherd, A. (1995)": every author
    cited by a given name that opens with that author's initial, in the entry's order.
    Two or more names must agree; one shared initial is no evidence."""
    cited = [_words(name) for name in citation.authors]
    if citation.et_al or len(cited) < 2 or len(cited) > len(ref.authors):
        return False
    for words, person in zip(cited, ref.authors, strict=False):
        initials = _words(person.given or "")
        if len(words) != 1 or len(words[0]) < _MIN_GIVEN_NAME or not initials:
            return False
        if len(initials[0]) != 1 or not words[0].startswith(initials[0]):
            return False
    return True


def _names_the_entry(citation: Citation, ref: Reference) -> bool:
    """Is the cited name another name of this entry (not a spelling of its author)?"""
    first = ref.authors[0] if ref.authors else None
    # An entry that starts with its title is often cited by its site or publisher:
    # "(Sumo Logic, n.d.)" for "*Software deployment*. (n.d.). Sumo Logic. Retrieved ...".
    # An entry with authors is cited by its journal or publisher in their place: "(Science
    # Advances, 2017)" for "Hikichi, H., ... Science Advances 3, no. 7 (2017)".
    sites = [_words(s) for s in (ref.publisher, ref.container) if s]
    if first is None and (_is_anonymous(citation) or _is_title_acronym(citation, ref.title)):
        return True
    for phrase in _cited_phrases(citation):
        if first is not None and not first.given and _is_corporate_alias(phrase, first.family):
            return True
        if _is_short_title(phrase, ref.title):
            return True
        if phrase and any(site[: len(phrase)] == phrase for site in sites):
            return True
    return bool(citation.authors) and _is_given_name(citation, _words(citation.authors[0]), ref)


_MISSPELT_NAME = 60.0  # "Xiao" for "Xiong": a looser ratio, with the author list to agree


def _misspells_first_author(citation: Citation, ref: Reference) -> bool:
    """ "(Xiao et al., 2019)" for "Xiong, Y., Cho, M. & Boatwright, B. (2019)": a first
    author spelt wrongly, the same initial letter, and the rest of the author list agrees
    (the cited co-authors are the entry's, or "et al." stands for three or more)."""
    if not ref.authors or not citation.authors:
        return False
    cited, listed = name_key(citation.authors[0]), name_key(ref.authors[0].family)
    if not cited or not listed or cited[0] != listed[0]:
        return False
    if fuzz.ratio(cited, listed) < _MISSPELT_NAME:
        return False
    if citation.et_al:
        return len(ref.authors) >= 3 or ref.et_al
    agree, missing = coauthor_score(citation, ref)
    return agree >= 1 and missing == 0


def _first_family(ref: Reference) -> str:
    return ref.authors[0].family.casefold() if ref.authors else ""


def _year_key(year: str | None) -> str:
    return year_digits(year) or normalise_year(year)


def pair_renamed(
    citations: Sequence[Citation], references: Sequence[Reference], links: list[Link]
) -> list[Link]:
    """Pair each still-missing citation with the one entry of its year it names.

    Another name of an entry (an alias, a title, a given name) is weak evidence, so
    only an entry no citation points at is considered for it; a misspelt first
    author whose co-authors agree is strong evidence, so any entry of the year is,
    even one another citation spells right ("Samra, Ito and Bell (2023)" beside
    "(Sarma et al., 2023)").
    """
    used = cited_reference_indices(links)
    by_year: dict[str, list[int]] = defaultdict(list)
    for i, ref in enumerate(references):
        if _year_key(ref.year):
            by_year[_year_key(ref.year)].append(i)
    if not by_year:
        return links
    paired = list(links)
    for n, link in enumerate(links):
        citation = citations[link.citation]
        if link.status != "missing" or citation.kind != "author-date" or not citation.authors:
            continue
        fits = [
            i
            for i in by_year.get(_year_key(citation.year), [])
            if years_agree(citation.year, references[i].year)
            and (
                (i not in used and _names_the_entry(citation, references[i]))
                or _misspells_first_author(citation, references[i])
            )
        ]
        if len(fits) > 1 and len({_first_family(references[i]) for i in fits}) == 1:
            # "(UoPeople, n.d.)" against three "University of the People. (n.d.)" entries:
            # the author is named, but the year cannot tell the entries apart.
            paired[n] = Link(
                citation=link.citation, status="ambiguous", reference=fits[0],
                candidates=tuple(fits),
            )  # fmt: skip
            continue
        if len(fits) != 1:
            continue
        ref = references[fits[0]]
        if _is_anonymous(citation) and not ref.authors:
            paired[n] = Link(citation=link.citation, status="matched", reference=fits[0])
            continue
        paired[n] = Link(
            citation=link.citation, status="author-mismatch", reference=fits[0],
            candidates=(fits[0],), differing_author=citation.authors[0],
            expected_author=ref.authors[0].family if ref.authors else ref.title,
        )  # fmt: skip
    return paired
