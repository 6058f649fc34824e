"""Link citations to reference-list entries.

A citation is *matched* when its first author and year agree with one entry
(case, diacritics, particles, "The" and corporate abbreviations do not
matter; "et al." stands for three or more authors; year suffixes must agree
when both sides have one). When they do not, the near misses are kept so
rules can say exactly what is wrong:

- ``year-mismatch``: the first author is in the list, under another year;
- ``author-mismatch``: the year agrees and a name is a near miss
  ("Poly Technic" for "Open Polytechnic", a misspelt co-author), or a
  corporate name is cited by dotted initials the text never introduced
  ("G.C." for "Government of Canada");
- ``ambiguous``: two entries fit equally (same author and year, no suffix);
- ``missing``: nothing fits; ``candidates`` holds the closest entries.

Two passes follow the lookup. A citation still missing is paired with the one
entry of its year that no citation points at when the cited name is another
name of that entry: a shortening, contraction or acronym of a corporate name
("VARK" for "VARK Learn Limited", "UoPeople" for "University of the People"),
the start of its title ("College Success" for University of Minnesota's
*College success*), or the first author's given name ("Tzu-Ping" for "Lin,
Tzu-Ping"; "Sarah, Meserve, and Bowen" for "Turner, S. E., Meserve, ... ": an
initial alone needs the co-authors to agree). Such a pair is an
``author-mismatch`` (that pass is :mod:`essaylint.analysis.renamed_citations`),
and so is a citation of an entry's authors in another order ("West and McKee"
for "McKee, M., and E. G. West").

Numbered lists that restart at [1] in every section are told apart by where
they stand: a number cited in the text means that number in the first list
after the citation (or in the last list, for citations after it).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Levenshtein

from essaylint.analysis.citation_names import dotted_initials
from essaylint.analysis.entry_authors import is_role
from essaylint.analysis.entry_dates import revision_or_access_date, spans_year
from essaylint.analysis.names import natural_family
from essaylint.analysis.near_keys import letters_swapped, meant_key, one_letter_off
from essaylint.analysis.numbered_lists import find_number, numbered_lists
from essaylint.analysis.patterns import COUNTRY_HEAD, site_name
from essaylint.analysis.text import (
    CORPORATE_SUFFIXES,
    initials,
    name_key,
    normalise_year,
    year_digits,
)
from essaylint.analysis.work_identity import same_work
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Citation, Link, Reference

if TYPE_CHECKING:
    from essaylint.analysis.note_links import NoteIndex

NEAR_NAME = 80.0  # rapidfuzz ratio (0-100) above which two names are a near miss
NEAR_PARTIAL = 90.0  # partial ratio for corporate names ("Poly Technic" ~ "Open Polytechnic")


@dataclass
class _Index:
    references: Sequence[Reference]
    by_name: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_number: dict[int, int] = field(default_factory=dict)
    by_key: dict[str, int] = field(default_factory=dict)
    by_key_folded: dict[str, int] = field(default_factory=dict)
    # Every author's family name, not only the first's: "Lee et al. [4]" names a first author.
    by_author: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    # Each entry's name keys (reference_name_keys), in entry order, worked out once.
    name_keys: list[list[str]] = field(default_factory=list)

    @classmethod
    def build(cls, references: Sequence[Reference]) -> _Index:
        index = cls(references)
        for i, ref in enumerate(references):
            index.name_keys.append(reference_name_keys(ref))
            for key in index.name_keys[-1]:
                if i not in index.by_name[key]:
                    index.by_name[key].append(i)
            for key in dict.fromkeys(name_key(p.family) for p in ref.authors):
                index.by_author[key].append(i)
            if ref.number is not None:
                index.by_number.setdefault(ref.number, i)
            if ref.key:
                index.by_key.setdefault(ref.key, i)
                index.by_key_folded.setdefault(ref.key.casefold(), i)
        return index


_TITLE_KEY_WORDS = 4
# Endings of a corporate name that its short forms leave out ("VARK Learn Limited").
LONG_SUFFIXES = CORPORATE_SUFFIXES | {"limited", "incorporated", "company", "corporation"}
# Words a firm's name ends in; the firm is cited by the name before them ("Integrio Systems").
_FIRM_TAILS = LONG_SUFFIXES | frozenset(
    "systems group insights technologies solutions software labs consulting".split()
)


# A newsroom byline in an entry's author place: "Staff, TheStreet", "The Editors of
# Encyclopaedia Britannica", "Mayo Clinic Staff", or a bare "Staff writer".
_BYLINE_WORD = r"(?:staff|editors|editorial\s+(?:staff|board|team))(?:\s+(?:writers?|reporters?))?"
_BYLINE_FIRST = compile_lazily(rf"^(?:the\s+)?{_BYLINE_WORD}(?:\s*,\s*|\s+(?:of|at)\s+|$)", re.I)
_BYLINE_LAST = compile_lazily(rf",?\s{_BYLINE_WORD}$", re.I)


def byline_publication(ref: Reference) -> str | None:
    """The publication an entry with a staff or editors byline is cited by: the name
    beside the byline, else (a bare "Staff writer") the publication it appeared in."""
    if not ref.authors:
        return None
    first = ref.authors[0]
    written = (first.raw or first.family).strip().rstrip(".")
    head = _BYLINE_FIRST.match(written)
    if head:
        return written[head.end() :].strip() or ref.container
    tail = _BYLINE_LAST.search(written)
    return written[: tail.start()].strip() if tail else None


def reference_name_keys(ref: Reference) -> list[str]:
    """Keys under which an entry can be cited: first author, its abbreviation, the team's
    initials; with no author, the title's start and the body named after the title."""
    keys: list[str] = []
    if ref.authors:
        first = ref.authors[0]
        keys.append(name_key(first.family))
        if first.given and first.given.isupper() and first.given.isalpha():
            # "Fraunhofer ISE (2024)": read as a name and initials, cited whole.
            keys.append(name_key(first.raw or f"{first.family} {first.given}"))
        words = first.family.split()
        if not first.given:
            # "Laura McRoberts, The Personal and Political ..., 1996": given name first (an
            # MLA list keeps such a name whole, as it may be a group's: "Fleetwood Mac").
            family = natural_family(first.family)
            if family:
                keys.append(name_key(family))
        if first.corporate and COUNTRY_HEAD.match(first.family):
            keys.append(name_key(COUNTRY_HEAD.sub("", first.family)))  # "Census Bureau"
        site = site_name(first.family)
        if site:
            keys.append(name_key(site))  # "(IATA, 2020)", "Trello (2020)" for "Iata.org"
            if ref.title and len(ref.authors) == 1:
                # a page whose maker is only its site's address is cited as an authorless
                # one is, by its title: "(Economic Impacts of COVID-19 ..., 2021)"; not by
                # one word, which may be the name of what the page is about ("GoodSAM")
                keys.extend(_title_name_keys(ref.title)[1:])
        tail = [w.strip(".,").casefold() for w in words[1:] if w not in ("&", "and")]
        if tail and all(w in _FIRM_TAILS for w in tail):
            # "Integrio (2024)" for "Integrio Systems", "McKinsey" for "McKinsey & Company"
            keys.append(name_key(words[0]))
        if len(words) >= 2:
            abbreviation = initials(first.family)
            if len(abbreviation) >= 2:
                keys.append(name_key(abbreviation))
            if words[0].casefold() == "the":
                abbreviation = initials(" ".join(words[1:]))
                if len(abbreviation) >= 2:
                    keys.append(name_key(abbreviation))
                # "(People)" for "The People of the United Methodist Church": cited by
                # its first word, as MLA cites a name or title, the article left out
                keys.append(name_key(words[1]))
            # "National Cholesterol Education Program (NCEP) Expert Panel ...", "Centers for
            # Disease Control and Prevention (CDC). (2020).": the abbreviation the entry gives
            keys.extend(name_key(a) for a in _own_abbreviations(ref.raw, first.family))
        publication = byline_publication(ref)
        if publication:
            keys.append(name_key(publication))  # "(TheStreet)" for "Staff, TheStreet"
        if len(ref.authors) >= 2 and len({name_key(p.family) for p in ref.authors}) == 1:
            keys.append(name_key(first.family) + "s")  # "the Comaroffs (1991)": a couple
        people = [p for p in ref.authors if not p.corporate]
        if 3 <= len(people) == len(ref.authors) <= 5 and not ref.et_al:
            # "(GSZ 2008)" for Guiso, Sapienza and Zingales: economists cite a team by the
            # initials of its surnames.
            keys.append(name_key("".join(p.family.lstrip("'’")[:1] for p in people)))
    elif ref.title:
        keys.extend(_title_name_keys(ref.title))
        if ref.byline:
            # '"Chapter." Coastal Science Board. 2004.': cited by the body after the title
            keys.append(name_key(ref.byline))
    # "Anki - powerful, intelligent flashcards", "Japanese Support - AnkiWeb", "Learn fast
    # | SuperMemo.com": a web page filed under its title as the browser shows it, page
    # and site joined by a dash or bar; cited by either part ("(Anki, n.d.)")
    keys.extend(_part_keys(ref.authors[0].family if ref.authors else ref.title or ""))
    return [k for k in keys if k]


# Between a web page's title and its site's name: " - ", " | ", " — ", " – ".
_PAGE_SITE_SEPARATOR = compile_lazily(r"\s+[-–—|]\s+")


def _part_keys(head: str) -> list[str]:
    """The keys of each part of a "Page - Site" title (a site's address by its name)."""
    parts = [p.strip() for p in _PAGE_SITE_SEPARATOR.split(head)]
    if len(parts) < 2:
        return []
    return [name_key(site_name(p) or p) for p in parts if p]


def _named_by_title_only(citation: Citation, ref: Reference, keys: Iterable[str]) -> bool:
    """Does the citation reach an entry with authors (cited under ``keys``, its name keys)
    only by the words of its title?"""
    if not ref.authors or not ref.title:
        return False
    shared = set(citation_name_keys(citation)) & set(keys)
    maker = name_key(ref.authors[0].family)  # "The Guardian", maker and title's start
    by_maker = any(key in maker for key in shared)
    return bool(shared) and not by_maker and shared <= set(_title_name_keys(ref.title))


def _title_name_keys(title: str) -> list[str]:
    """The keys of a title's first one to four words: a work with no author is cited by
    its title or the title's first words."""
    words = title.split()
    return [name_key(" ".join(words[:n])) for n in range(1, min(len(words), _TITLE_KEY_WORDS) + 1)]


# An abbreviation in brackets among an organisation's words: "(NCEP)", "[CDC]", "(UN-Habitat)".
_BRACKETED_ABBREVIATION = compile_lazily(r"[(\[]([A-Z][\w&\-]*[A-Z][\w&\-]*)[)\]]")
_ABBREVIATION_REACH = 40  # characters after the organisation's name where its abbreviation sits
_LIST_MARK_REACH = 6  # characters of a list's mark before an entry's first author


# A name in brackets right after an organisation's: "CyberRisk Alliance (SC Media).".
_BRACKETED_OTHER_NAME = compile_lazily(
    r"\s*[(\[](?P<name>[A-Z][\w&'’\-]*(?:\s+[A-Z][\w&'’\-]*){0,3})[)\]][.,]?\s"
)


def _own_abbreviations(raw: str, organisation: str) -> list[str]:
    """The abbreviations an entry writes in brackets inside or just after its organisation
    author's name, that start with a letter of the name; and any other name it writes in
    brackets right after it ("CyberRisk Alliance (SC Media). (2025).", cited as "SC
    Media (2025)")."""
    head = raw[: raw.find(organisation[-12:]) + len(organisation[-12:]) + _ABBREVIATION_REACH]
    starts = {w[:1] for w in organisation.split()}
    names = [m.group(1) for m in _BRACKETED_ABBREVIATION.finditer(head) if m.group(1)[:1] in starts]
    at = raw.find(organisation, 0, len(organisation) + _LIST_MARK_REACH)  # "* ", "1. "
    if at >= 0:
        other = _BRACKETED_OTHER_NAME.match(raw, at + len(organisation))
        if other and not is_role(other.group("name")):  # "(Director)", "(Host)"
            names.append(other.group("name"))
    return names


def known_name_keys(references: Iterable[Reference]) -> frozenset[str]:
    """Name keys of every author of every entry (used to find narrative citations)."""
    keys: set[str] = set()
    for ref in references:
        keys.update(reference_name_keys(ref))
        for person in ref.authors:
            k = name_key(person.family)
            if k:
                keys.add(k)
    return frozenset(keys)


def citation_name_keys(citation: Citation) -> list[str]:
    keys: list[str] = []
    if citation.authors:
        first = citation.authors[0]
        keys.append(name_key(first))
        words = first.split()
        if len(words) > 1:
            keys.append(name_key(words[-1]))  # "Claude Steele" -> Steele
        if len(words) > _TITLE_KEY_WORDS:
            # A work with no author cited by its whole title: its entry is known by the
            # title's first words (see reference_name_keys).
            keys.append(name_key(" ".join(words[:_TITLE_KEY_WORDS])))
    if citation.alias:
        keys.append(name_key(citation.alias))
    return [k for k in dict.fromkeys(keys) if k]


def years_agree(cited: str | None, listed: str | None) -> bool:
    a, b = normalise_year(cited), normalise_year(listed)
    if a == b or (a == "nd" and not b):  # "(n.d.)" for an entry that gives no date
        return True
    if not a or not b:
        return False
    # "2019" cited for "2019a" (or the reverse) still points at that year's work.
    return (
        year_digits(a) != ""
        and year_digits(a) == year_digits(b)
        and (a == year_digits(a) or b == year_digits(b))
    )


def _another_lettered_work(cited: str | None, listed: str | None) -> bool:
    """ "2025b" cited where the list has only "2025a": the letters tell two works of one
    author and year apart, so the cited one is another work, missing from the list, not
    the listed one under a wrong year."""
    a, b = normalise_year(cited), normalise_year(listed)
    digits = year_digits(a)
    return bool(digits) and digits == year_digits(b) and a != b and digits not in (a, b)


def _access_year_agrees(citation: Citation, ref: Reference) -> bool:
    """An undated entry dated by its access or revision ("Accessed May 3, 2021."), cited
    under that year: Chicago dates a web page with no publication date so."""
    if ref.year or not year_digits(citation.year):
        return False
    stamp = revision_or_access_date(ref.raw)
    return stamp is not None and year_digits(stamp) == year_digits(citation.year)


def _given_keys(ref: Reference) -> set[str]:
    """The entry's authors' given names ("Comila" of "Shahani-Denning, Comila"): a cited
    "(Shahani-Denning, Comila, 2017)" writes the first author's given name, no co-author."""
    return {name_key(p.given.split()[0]) for p in ref.authors if p.given and len(p.given) > 2}


def coauthor_score(citation: Citation, ref: Reference) -> tuple[int, int]:
    """(agreeing cited co-authors, cited co-authors missing from the entry)."""
    listed = {name_key(p.family) for p in ref.authors} | _given_keys(ref)
    agree = missing = 0
    for name in citation.authors[1:]:
        key = name_key(name)
        if key in listed or any(fuzz.ratio(key, other) >= NEAR_NAME for other in listed):
            agree += 1
        else:
            missing += 1
    return agree, missing


def _shape_penalty(citation: Citation, ref: Reference) -> int:
    """How badly the number of cited names fits the entry's author count."""
    count = len(ref.authors) + (3 if ref.et_al else 0)
    if citation.et_al:
        return 0 if count >= 3 or ref.et_al else 1
    cited = len(citation.authors)
    if cited == 1:
        return 0 if count <= 2 else 1
    return 0 if cited == count else 1


def _rank(citation: Citation, indices: Iterable[int], refs: Sequence[Reference]) -> list[int]:
    def key(i: int) -> tuple[int, int, int, int]:
        agree, missing = coauthor_score(citation, refs[i])
        exact_year = 0 if normalise_year(citation.year) == normalise_year(refs[i].year) else 1
        return (missing, -agree, _shape_penalty(citation, refs[i]), exact_year)

    return sorted(indices, key=key)


def _year_distance(citation: Citation, ref: Reference) -> int:
    a, b = year_digits(citation.year), year_digits(ref.year)
    if a and b:
        return abs(int(a) - int(b))
    return 1000


def _link_author_date(ci: int, citation: Citation, index: _Index) -> Link:
    refs = index.references
    if citation.secondary:
        return Link(citation=ci, status="secondary")
    candidates: list[int] = []
    for key in citation_name_keys(citation):
        for i in index.by_name.get(key, []):
            if i not in candidates:
                candidates.append(i)
    if candidates:
        same_year = [
            i
            for i in candidates
            if years_agree(citation.year, refs[i].year)
            or _access_year_agrees(citation, refs[i])
            or spans_year(refs[i], citation.year)
        ]
        if same_year:
            return _pick(ci, citation, same_year, refs)
        # a work cited by its title and another year is another work: "(Data Protection,
        # 2015)" is not the page "Data protection act 2018" its site's address files
        candidates = [
            i
            for i in candidates
            if not _named_by_title_only(citation, refs[i], index.name_keys[i])
            and not _another_lettered_work(citation.year, refs[i].year)
        ]
    if candidates:
        reordered = _reordered(citation, refs)
        if reordered is not None:
            return Link(
                citation=ci, status="author-mismatch", reference=reordered,
                candidates=(reordered,), differing_author=citation.authors[0],
                expected_author=refs[reordered].authors[0].family,
            )  # fmt: skip
        closest = sorted(
            candidates,
            key=lambda i: (
                coauthor_score(citation, refs[i])[1],
                _year_distance(citation, refs[i]),
            ),
        )
        return Link(
            citation=ci, status="year-mismatch", reference=closest[0], candidates=tuple(closest)
        )
    reordered = _reordered(citation, refs)
    if reordered is not None:  # "West and McKee (1980)" for "McKee, M., and E. G. West (1980)"
        return Link(
            citation=ci, status="author-mismatch", reference=reordered,
            candidates=(reordered,), differing_author=citation.authors[0],
            expected_author=refs[reordered].authors[0].family,
        )  # fmt: skip
    return _near_miss(ci, citation, index)


def _reordered(citation: Citation, refs: Sequence[Reference]) -> int | None:
    """The one entry of the cited year by the same two or more authors in another order.

    "Mehra and Prescott (1985)" for "Prescott, Edward, and Rajnish Mehra. 1985":
    the work is listed, under its other first author.
    """
    if citation.et_al:
        return None
    fits = [
        i
        for i, ref in enumerate(refs)
        if years_agree(citation.year, ref.year) and reorders_authors(citation.authors, ref)
    ]
    return fits[0] if len(fits) == 1 else None


def reorders_authors(authors: Sequence[str], ref: Reference) -> bool:
    """Are ``authors`` the entry's two or more authors, all of them, in another order?"""
    if len(authors) < 2 or len(ref.authors) != len(authors) or ref.et_al:
        return False
    cited = [name_key(a) for a in authors]
    listed = [name_key(p.family) for p in ref.authors]
    return cited != listed and sorted(cited) == sorted(listed)


_CITED_INITIALS = compile_lazily(r"^((?:[A-Z]\.[\s-]*)+)\s*\S")
# Given names or initials written just before the family name: "John", "J. K.", "Mary D.".
_GIVEN_BEFORE = compile_lazily(r"((?:[A-Z][\w'’\-]*\.?\s+)+)$")


def _given_initials(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalpha())


def _cited_initials(citation: Citation) -> str:
    """Initials of the first author's given names as the text writes them, or ""."""
    first = citation.authors[0] if citation.authors else ""
    m = _CITED_INITIALS.match(first)
    if m:
        return _given_initials(m.group(1))
    return "".join(word[0] for word in _given_before(citation).split())


def _given_before(citation: Citation) -> str:
    """Given names or initials the text writes just before the first author's name."""
    first = citation.authors[0] if citation.authors else ""
    at = citation.text.find(first) if first else -1
    given = _GIVEN_BEFORE.search(citation.text[max(0, at - 60) : at]) if at > 0 else None
    return given.group(1).strip() if given else ""


def _narrow_by_initials(
    citation: Citation, indices: list[int], refs: Sequence[Reference]
) -> list[int]:
    """ "J. Smith (2019)" vs "K. Smith (2019)": APA adds initials to tell authors apart."""
    wanted = _cited_initials(citation)
    if not wanted:
        return indices
    narrowed = [
        i
        for i in indices
        if refs[i].authors and _given_initials(refs[i].authors[0].given or "").startswith(wanted)
    ]
    return narrowed or indices


def _writers_initials(citation: Citation, ref: Reference) -> bool:
    """Is the entry's corporate name cited by dotted initials the text never introduced?

    "(G.C., 2023)" for "Government of Canada (2023)" finds its entry by the name's
    initials, but the reader cannot: an abbreviation the organisation does not use
    itself ("WHO", "NHS" are written without stops) has to be introduced ("Government
    of Canada (G.C.)"), and an introduced one is cited under the full name.
    """
    if not citation.authors or not ref.authors or citation.alias:
        return False
    cited = citation.authors[0].strip()
    return dotted_initials(cited) and name_key(cited) != name_key(ref.authors[0].family)


def _own_part_copy(citation: Citation, ties: list[int], refs: Sequence[Reference]) -> int | None:
    """The copy of one work listed in each part of an essay that serves this citation.

    An essay in parts (posts on one page, chapters) may list one work under each
    part; a citation fitting every copy cites the copy in the first list after it.
    Entries that are different works stay ambiguous.
    """
    if len(ties) < 2 or not all(same_work(refs[ties[0]], refs[i]) for i in ties[1:]):
        return None
    after = [i for i in ties if refs[i].span.start > citation.span.end]
    return min(after, key=lambda i: refs[i].span.start) if after else ties[-1]


def _pick(ci: int, citation: Citation, same_year: list[int], refs: Sequence[Reference]) -> Link:
    same_year = _narrow_by_initials(citation, same_year, refs)
    ranked = _rank(citation, same_year, refs)
    best = ranked[0]
    if len(ranked) > 1:
        exact = [i for i in ranked if normalise_year(refs[i].year) == normalise_year(citation.year)]
        ties = [
            i for i in exact
            if coauthor_score(citation, refs[i]) == coauthor_score(citation, refs[best])
            and _shape_penalty(citation, refs[i]) == _shape_penalty(citation, refs[best])
        ]  # fmt: skip
        copy = _own_part_copy(citation, ties, refs)
        if copy is None and (len(ties) > 1 or not exact):
            options = ties if len(ties) > 1 else ranked
            return Link(
                citation=ci, status="ambiguous", reference=options[0], candidates=tuple(options)
            )
        best = copy if copy is not None else exact[0] if best not in exact else best
    ref = refs[best]
    if _writers_initials(citation, ref):
        return Link(
            citation=ci, status="author-mismatch", reference=best, candidates=(best,),
            differing_author=citation.authors[0], expected_author=ref.authors[0].family,
        )  # fmt: skip
    misspelt = _misspelt_whole_name(citation, ref)
    if misspelt is not None:
        return Link(
            citation=ci, status="author-mismatch", reference=best, candidates=(best,),
            differing_author=misspelt[0], expected_author=misspelt[1],
        )  # fmt: skip
    changed = None if citation.et_al else changed_coauthor(citation.authors, ref)
    if changed is not None:
        return Link(
            citation=ci, status="author-mismatch", reference=best, candidates=(best,),
            differing_author=changed[0], expected_author=changed[1],
        )  # fmt: skip
    return Link(citation=ci, status="matched", reference=best, candidates=(best,))


def _misspelt_whole_name(citation: Citation, ref: Reference) -> tuple[str, str] | None:
    """(as cited, as listed) when the cited name is the entry's name in natural order,
    one word misspelt.

    "(Moer Consulting, 2022)" and "Margret Olufemi (2023)" reach the entries "Moser
    Consulting." and "Margaret Olufemi." through their last word (the key that lets
    "Claude Steele" find "Steele, C."), but an entry that writes the name whole, given
    name first, leaves the other words nothing to excuse them: one of them misspelt is
    a slip. The cited words compared are as many as the entry's ("Dr. Margaret
    Olufemi" is hers), and only one may differ, by a letter or two ("United States
    Department of Labor" is no slip for "US Department of Labor").
    """
    if not citation.authors or not ref.authors:
        return None
    first = ref.authors[0]
    written = (first.raw or first.family).strip(" .")
    if "," in written or len(written.split()) < 2:
        return None  # "Steele, C.": the initials say nothing of how the text spells the name
    cited = citation.authors[0]
    if len(cited.split()) < len(written.split()):
        cited = f"{_given_before(citation)} {cited}".strip()
    cited = " ".join(cited.split()[-len(written.split()) :])
    if len(cited.split()) != len(written.split()) or name_key(cited) in reference_name_keys(ref):
        return None  # "(Stanford CRFM, 2023)": fewer words than the entry's name
    differing = [
        (a, b)
        for a, b in zip(cited.split(), written.split(), strict=True)
        if name_key(a) != name_key(b)
    ]
    # One word, near its own: "Moer" for "Moser", not "States" for "US".
    one_slip = len(differing) == 1 and near_names(*differing[0])
    return (cited, written) if one_slip else None


def changed_coauthor(authors: Sequence[str], ref: Reference) -> tuple[str, str] | None:
    """(as cited, as listed) for a cited co-author the entry has another name in that place.

    One word of a name of several counts as the name: "Rekha" for "Rekha Sunny T", a
    name the entry writes whole where the text writes one part of it."""
    listed = [name_key(p.family) for p in ref.authors]
    listed += [name_key(w) for p in ref.authors if " " in p.family for w in p.family.split()]
    given = _given_keys(ref)
    cited = {name_key(n) for n in authors}
    for position, name in enumerate(authors[1:], start=1):
        if name_key(name) in listed or name_key(name) in given or position >= len(ref.authors):
            continue
        expected = ref.authors[position].family
        if name_key(expected) not in cited:
            return name, expected
    return None


def _near_miss(ci: int, citation: Citation, index: _Index) -> Link:
    refs = index.references
    keys = citation_name_keys(citation)
    if not keys:
        return Link(citation=ci, status="missing")
    scored: list[tuple[float, int]] = []
    # the entry whose key a misspelt author was typed beside ("As Uzum's report \cite{uzun}")
    keyed = index.by_key.get(citation.key) if citation.key else None
    for i, ref_keys in enumerate(index.name_keys):
        best = 0.0
        for ref_key in ref_keys:
            for key in keys:
                score = fuzz.ratio(key, ref_key)
                shorter = min(len(key), len(ref_key))
                if shorter >= 5 and fuzz.partial_ratio(key, ref_key) >= NEAR_PARTIAL:
                    score = max(score, NEAR_PARTIAL)
                if letters_swapped(key, ref_key) or (keyed == i and one_letter_off(key, ref_key)):
                    score = max(score, NEAR_NAME)
                best = max(best, score)
        if best >= 60:
            scored.append((best, i))
    scored.sort(key=lambda item: (-item[0], item[1]))
    near_same_year = [
        i for score, i in scored if score >= NEAR_NAME and years_agree(citation.year, refs[i].year)
    ]
    if near_same_year:
        # of one author's works that year, the one whose co-authors the citation names
        best = max(near_same_year, key=lambda i: coauthor_score(citation, refs[i])[0])
        return Link(
            citation=ci, status="author-mismatch", reference=best,
            candidates=tuple(near_same_year), differing_author=citation.authors[0],
            expected_author=refs[best].authors[0].family if refs[best].authors else None,
        )  # fmt: skip
    return Link(citation=ci, status="missing", candidates=tuple(i for _, i in scored[:3]))


def is_note_work(citation: Citation) -> bool:
    """A citation made from a note's work (not a bare footnote marker)."""
    return citation.kind == "footnote" and bool(citation.authors or citation.title)


def link_citations(
    citations: Sequence[Citation], references: Sequence[Reference], *, mla: bool = False
) -> tuple[Link, ...]:
    """One :class:`Link` per citation, in the same order.

    ``mla``: author-date citations link by author (and short title) alone; see
    :func:`essaylint.analysis.matching_mla.link_author_page`.
    """
    # The MLA and note linkers are loaded only by essays that need them (a faster start).
    if mla:
        from essaylint.analysis.matching_mla import link_author_page, written_years
    if any(is_note_work(c) for c in citations):
        from essaylint.analysis.note_links import NoteIndex, link_note
    index = _Index.build(references)
    numbered = numbered_lists(citations, references)
    notes: NoteIndex | None = None
    meant_keys: dict[str, int | None] = {}  # a missing key -> the entry it was a slip for
    links: list[Link] = []
    for ci, citation in enumerate(citations):
        if mla and citation.kind == "author-date":
            keys = citation_name_keys(citation)
            by_author = dict.fromkeys(i for key in keys for i in index.by_name.get(key, []))
            links.append(link_author_page(ci, citation, list(by_author), references))
        elif citation.kind == "numeric":
            found = find_number(citation, index.by_number, numbered)
            links.append(_numbered_by_other_author(ci, citation, found, references, index))
        elif is_note_work(citation):  # a work cited in a Chicago note: by author and title
            notes = notes or NoteIndex.build(references)
            links.append(link_note(ci, citation, notes))
        elif citation.kind in ("footnote", "key"):
            key = citation.key or ""
            found = index.by_key.get(key, index.by_key_folded.get(key.casefold()))
            if citation.authors and found is not None:  # a \bibitem label the \cite prints
                links.append(_printed_label(ci, citation, references, found))
            elif found is None and citation.kind == "key":
                named = _named_by_key(key, index)
                if named is not None:
                    links.append(_simple(ci, named))
                    continue
                if key not in meant_keys:  # each missing key once, however often cited
                    meant_keys[key] = meant_key(key, index.by_key)
                meant = meant_keys[key]
                meant_for = (meant,) if meant is not None else ()
                links.append(Link(citation=ci, status="missing", candidates=meant_for))
            else:
                links.append(_simple(ci, found))
        else:
            links.append(_link_author_date(ci, citation, index))
    if mla:
        return tuple(written_years(citations, links, references))
    from essaylint.analysis.renamed_citations import pair_renamed

    return tuple(pair_renamed(citations, references, links))


def _named_by_key(key: str, index: _Index) -> int | None:
    """The entry a key names in a typed list that has no keys: a pandoc key left in a Word
    file ("[@CBS]") for the one entry by "CBS". A list of .bib entries links by key alone."""
    if index.by_key:
        return None
    entries = index.by_name.get(name_key(key), [])
    return entries[0] if len(entries) == 1 else None


def _numbered_by_other_author(
    ci: int, citation: Citation, found: int | None, refs: Sequence[Reference], index: _Index
) -> Link:
    """ "Abunasser et al. [16]" where entry 16 is Spanhol's: the author named before the
    number is among no authors of that entry, and another entry is by that author; or
    "Lancot, Winands, ... [4]" for Lanctot's entry 4: its first author, misspelt."""
    if found is None or not citation.authors or not refs[found].authors:
        return _simple(ci, found)
    ref = refs[found]
    named = name_key(citation.authors[0])
    if found in index.by_author.get(named, []) or named in reference_name_keys(ref):
        return _simple(ci, found)
    misspelt = near_names(citation.authors[0], ref.authors[0].family)
    if not misspelt and not any(i != found for i in index.by_author.get(named, [])):
        return _simple(ci, found)
    return Link(
        citation=ci, status="author-mismatch", reference=found, candidates=(found,),
        differing_author=citation.authors[0], expected_author=ref.authors[0].family,
    )  # fmt: skip


def _printed_label(ci: int, citation: Citation, refs: Sequence[Reference], found: int) -> Link:
    """A key cited where the reader sees its entry's label ("(Finch and Lowry, 2004)",
    :mod:`essaylint.analysis.bibitem_labels`): the label's first author or a co-author
    misspelt, or its year another, as in a typed citation. A label naming the entry
    otherwise ("European Union" for the Council) is left alone."""
    ref = refs[found]
    if not ref.authors:
        return _simple(ci, found)
    written, first = citation.authors[0], ref.authors[0].family
    if near_names(written, first):
        return Link(
            citation=ci, status="author-mismatch", reference=found, candidates=(found,),
            differing_author=written, expected_author=first,
        )  # fmt: skip
    if name_key(written) != name_key(first):
        return _simple(ci, found)
    changed = None if citation.et_al else changed_coauthor(citation.authors, ref)
    if changed is not None and near_names(*changed):
        return Link(
            citation=ci, status="author-mismatch", reference=found, candidates=(found,),
            differing_author=changed[0], expected_author=changed[1],
        )  # fmt: skip
    if ref.year and not years_agree(citation.year, ref.year):
        return Link(citation=ci, status="year-mismatch", reference=found, candidates=(found,))
    return _simple(ci, found)


def near_names(a: str, b: str) -> bool:
    """Are two names one name misspelt ("Lancot", "Lanctot"), not the same and not others?

    Two letters typed the wrong way round make a slip too, even in a short name
    ("Yeun" for "Yuen"); one other letter in a short name may be another name ("Chan").
    """
    key_a, key_b = name_key(a), name_key(b)
    if key_a == key_b:
        return False
    swapped = OSA.distance(key_a, key_b) == 1 and Levenshtein.distance(key_a, key_b) == 2
    return swapped or fuzz.ratio(key_a, key_b) >= NEAR_NAME


def _simple(ci: int, found: int | None) -> Link:
    if found is None:
        return Link(citation=ci, status="missing")
    return Link(citation=ci, status="matched", reference=found, candidates=(found,))


def cited_reference_indices(links: Iterable[Link]) -> set[int]:
    """Entries that some citation points at (a wrong year still counts as cited).

    A misspelt name that comes as near to several entries of its year cites one of
    them, and which one nobody can tell: none of them is called uncited.
    """
    cited: set[int] = set()
    for link in links:
        pointed = link.status in ("matched", "year-mismatch", "author-mismatch")
        if pointed and link.reference is not None:
            cited.add(link.reference)
        if link.status in ("ambiguous", "author-mismatch"):
            cited.update(link.candidates)
    return cited
