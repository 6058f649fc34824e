"""When two reference entries describe one work.

The same work may be listed twice by mistake (R203 duplicate-reference) or on
purpose, once in each part of an essay whose parts have lists of their own;
then a citation that fits both is no ambiguity (matching links it to its part's copy).
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from essaylint.analysis.patterns import GENERATION
from essaylint.analysis.references import MARKER
from essaylint.analysis.text import fold, name_key, normalise_year, year_digits
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Reference

SAME_TITLE = 90.0
_DIGITS = compile_lazily(r"\d+")


def year_of(ref: Reference) -> str:
    """The entry's year as digits ("2018" for "2018a"), else as written, normalised."""
    return year_digits(ref.year) or normalise_year(ref.year)


def entry_words(ref: Reference) -> str:
    """The entry as written, folded, without its number: "(5) Lee, K. Retrieved ..." and
    "(6) Lee, K. Retrieved ..." are one entry written twice."""
    marker = MARKER.match(ref.raw)
    return fold(" ".join(ref.raw[marker.end() if marker else 0 :].split()))


def copy_keys(ref: Reference) -> tuple[tuple[str, ...], ...]:
    """Keys two copies of one work share whenever :func:`same_work` can hold for them on
    author and year: first author and year, or (one copy without its year) first author
    and title. Comparing only entries that share a key keeps a long list linear."""
    first = _first_family(ref)
    by_year = ("author-year", first, year_of(ref))
    return (by_year, ("author-title", first, fold(ref.title))) if ref.title else (by_year,)


def same_work(a: Reference, b: Reference) -> bool:
    """Two entries describe one work: same DOI (and first author, year or title); same
    page address, no other year and one entry's words inside the other's; or same first
    author, year and title; at two pages (a query string aside: "?file=a.csv"), the same
    title and description."""
    if a.doi and b.doi:
        # One DOI on two entries that share neither first author, year nor title is a DOI
        # pasted onto the wrong work ("Lovelock & Rapley 2007" with Merton 1995's), no repeat.
        return fold(a.doi) == fold(b.doi) and (
            _first_family(a) == _first_family(b)
            or year_of(a) == year_of(b)
            or fuzz.ratio(fold(a.title or ""), fold(b.title or "")) >= SAME_TITLE
        )
    address = page_address(a)
    if address and address == page_address(b) and not (a.doi or b.doi):
        # One page listed twice: the same description, or one entry the other's tail
        # ("Pathfinding, wikipedia ..." after "In 1956, Dijkstra ... Pathfinding, ...").
        # Two titles at one address are two works the writer pasted one link for.
        years = {year_of(a), year_of(b)} - {""}
        words_a, words_b = entry_words(a), entry_words(b)
        inside = words_a in words_b or words_b in words_a
        return len(years) <= 1 and bool(a.title and b.title) and inside
    if not (a.authors or b.authors) and _two_addresses(a, b):
        # "Pull Requests · Google/Oss-Fuzz" at ".../pull/10667" and ".../pulls?q=...";
        # "Git.Tukaani.Org - Xz.Git/Tag" at "...;h=1b7a..." and "...;h=ea6b...": pages
        # filed under the site's own title and boilerplate, with no author to tell them by
        return False
    if not (a.title and b.title):
        if a.number is not None and b.number is not None and not (a.url and b.url):
            return False  # "24. Kim 2017." and "27. Kim 2017.": two notes citing one work
        return entry_words(a) == entry_words(b)
    if _first_family(a) != _first_family(b):
        return False
    if year_of(a) != year_of(b):
        # A copy that lost its year is the dated copy again when all else agrees.
        return undated_copy(a, b) or _copy_of_another_year(a, b)
    numbers_a, numbers_b = _numbers_besides_year(a), _numbers_besides_year(b)
    if a.year != b.year and numbers_a != numbers_b:
        return False  # "1998a, AJ, 115, 658" and "1998b, AJ, 115, 648": two papers
    if len(numbers_a) == len(numbers_b) and numbers_a != numbers_b:
        return False  # "..., Box 60. Archive." and "..., Box 53. Archive.": two items
    if _DIGITS.findall(a.title) != _DIGITS.findall(b.title):
        return False  # "Report Card 2015-16" and "Report Card 2016-17": a series, not a repeat
    # A DOI names one paper wherever else it is found: its resolver link and the
    # publisher's page are two addresses of it, not two pages of a site.
    two_pages = bool(a.url and b.url and not (a.doi or b.doi) and _page(a.url) != _page(b.url))
    if fold(a.title) == fold(b.title):
        # One paper at two addresses is listed twice; two posts that only seem to share
        # a title (a blog's handle read as it) are described differently.
        return not two_pages or _same_description(a, b)
    if two_pages:
        return False  # "Gho | Reported Cases" and "Gho | Reported Deaths": two pages of one site
    if fuzz.ratio(fold(a.title), fold(b.title)) >= SAME_TITLE:
        return True
    # "The Fourth Industrial Revolution" and "The Fourth Industrial Revolution: What It
    # Means and How to Respond": one book, once with its subtitle.
    main_a, main_b = _main_title(a.title), _main_title(b.title)
    shorter = min(main_a, main_b, key=len)
    return len(shorter.split()) >= _MIN_MAIN_TITLE_WORDS and main_a == main_b


_MIN_MAIN_TITLE_WORDS = 3


def undated_copy(a: Reference, b: Reference) -> bool:
    """Is one entry the other written again without its year: same first author, the
    same title (of a few words at least) and the same volume and pages?

    "Hartley, R. In defence of the 8-point algorithm. ICCV. 1064-1070." beside the
    same entry with "1995": a repeat whose year was lost, not another work.
    """
    if _undated(a) == _undated(b):
        return False  # two years: two editions or two works
    title_a, title_b = fold(a.title or ""), fold(b.title or "")
    return (
        title_a == title_b
        and len(title_a.split()) >= _MIN_MAIN_TITLE_WORDS
        and _numbers_besides_year(a) == _numbers_besides_year(b)
        and not (a.url and b.url and _page(a.url) != _page(b.url))
    )


# "Hosmer Jr, David W" and "Hosmer, David W.": one person, the generation written or not.
_GENERATION_AT_END = compile_lazily(rf"[\s,]+(?:{GENERATION}|II|III|IV)$")
_MAX_YEARS_APART = 2
_MIN_REPEATED_TITLE_WORDS = 4


def _first_family(ref: Reference) -> str:
    return name_key(_GENERATION_AT_END.sub("", ref.authors[0].family)) if ref.authors else ""


def _copy_of_another_year(a: Reference, b: Reference) -> bool:
    """Is one person's work listed twice under two years a year or two apart, as
    exported twice from a catalogue ("Hansmann 1979" and "Hansmann 1980", both "The role
    of nonprofit enterprise", Yale LJ 89, 835)? The same title of a few words, and the
    numbers of one entry all among the other's; a book the same publisher's. Not an
    organisation's (a yearly report keeps its title), nor two editions (their numbers
    differ: "4th edn", "5th edn")."""
    if not (a.authors and b.authors and a.title and b.title) or a.authors[0].corporate:
        return False
    digits_a, digits_b = year_digits(a.year), year_digits(b.year)
    if not (digits_a and digits_b) or abs(int(digits_a) - int(digits_b)) > _MAX_YEARS_APART:
        return False
    title = fold(a.title)
    if title != fold(b.title) or len(title.split()) < _MIN_REPEATED_TITLE_WORDS:
        return False
    numbers_a, numbers_b = set(_numbers_besides_year(a)), set(_numbers_besides_year(b))
    if not (numbers_a <= numbers_b or numbers_b <= numbers_a):
        return False
    if numbers_a and numbers_b:
        return True
    return bool(a.publisher and b.publisher and fold(a.publisher) == fold(b.publisher))


def _undated(ref: Reference) -> bool:
    return year_of(ref) in ("", "nd")


# The last part of a site's front page address: "index.html", "home", "default.aspx".
_FRONT_PAGE = compile_lazily(r"(?:index|home|default|main)(?:\.\w+)?", re.IGNORECASE)


def page_address(ref: Reference) -> str | None:
    """The address of the one page an entry's link names: no scheme, "www.", fragment or
    trailing slash, its query kept ("?file=a.csv" is another file). None for a site's
    front page or a section of it ("cdc.gov/flu"): one address for many works."""
    if not ref.url:
        return None
    address = _address(ref.url)
    segments = address.split("?", 1)[0].split("/")[1:]
    if len(segments) < 2 or _FRONT_PAGE.fullmatch(segments[-1]):
        return None
    return address


def _address(url: str) -> str:
    """A link as the page it names: no scheme, "www.", fragment or trailing slash; its
    query kept ("?file=a.csv" is another file)."""
    return fold(re.sub(r"^(?:https?://)?(?:www\.)?|#.*$", "", url.strip()).rstrip("/."))


def _two_addresses(a: Reference, b: Reference) -> bool:
    """Do the two entries link two pages: two paths, or one path with two queries?"""
    return bool(a.url and b.url) and _address(a.url or "") != _address(b.url or "")


def _page(url: str) -> str:
    """The page a link points to: no scheme, "www.", query, fragment or trailing slash."""
    page = re.sub(r"^(?:https?://)?(?:www\.)?|[?#].*$", "", url.strip())
    return fold(page.rstrip("/."))


# Where an entry's description of the work ends and where to find it begins: its link,
# DOI or access date (two copies of one work often differ there only).
_WHERE_FOUND = compile_lazily(
    r"https?://|www\.|\bdoi:|\b[Aa]vailable\s+(?:at|from)\b|\b[Rr]etrieved\b|\b[Aa]ccessed\b"
)


def _same_description(a: Reference, b: Reference) -> bool:
    """Do two entries describe the work in (nearly) the same words, up to where it is found?"""
    described_a, described_b = (_WHERE_FOUND.split(r.raw, maxsplit=1)[0] for r in (a, b))
    return fuzz.ratio(fold(described_a), fold(described_b)) >= SAME_TITLE


def _numbers_besides_year(ref: Reference) -> list[str]:
    """The numbers describing the work but its year: volume, issue, pages, report number
    (not the entry's own number in a numbered list: "3. Bruchard ..." and "4. Bruchard ...")."""
    year = year_digits(ref.year)
    marker = MARKER.match(ref.raw)
    described = _WHERE_FOUND.split(ref.raw[marker.end() if marker else 0 :], maxsplit=1)[0]
    return [n for n in _DIGITS.findall(described) if n != year]


def _main_title(title: str) -> str:
    """The title before its subtitle, folded ("the fourth industrial revolution")."""
    return " ".join(fold(re.split(r"[:?!]\s|\.\s", title, maxsplit=1)[0]).split()).strip(" .")
