"""R201 missing-url."""

from __future__ import annotations

import re
from collections.abc import Iterator

from essaylint.analysis.text import normalise_year
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Finding, Person, Reference
from essaylint.rules.base import Rule, RuleContext, describe_reference

_ONLINE_FORMAT = compile_lazily(
    r"\[(?:video|podcast|audio|tweet|blog post|web page|webpage|online|infographic|"
    r"youtube video|facebook post|instagram post)\]",
    re.IGNORECASE,
)
# A film or broadcast a studio or network released: "[Film]", "[Motion picture]", "[TV series]".
_SCREENED = compile_lazily(
    r"\[(?:film|motion picture|television series|tv series|dvd|blu-ray)[^\]]*\]", re.IGNORECASE
)
# MLA 7 names the medium of an online source: "... 3 Nov. 2010. Web. 10 Feb. 2013."
_MLA_WEB = compile_lazily(r"(?:^|[.,][\"”’]?\s)Web\.(?:\s|$)")
_PLATFORM_NAMES = (
    r"youtube|vimeo|tiktok|instagram|twitter|facebook|wikipedia|wikimedia(?:\s+commons)?|"
    r"flickr|pinterest|reddit|tumblr|imgur|giphy|lumen\s+learning|khan\s+academy"
)
_PLATFORM = compile_lazily(r"\b(?:" + _PLATFORM_NAMES + r")\b", re.IGNORECASE)
# Blog platforms that publish only on the web; as one whole part of an entry
# ("... Analysis? Towards Data Science.") they are its source. Print titles are not here.
_WEB_OUTLETS = (
    r"medium|towards\s+data\s+science|substack|hashnode|"
    # news and reference sites an essay reads on the web (a section may follow: "NPR
    # Planet Money", "BBC News", "CNN Business")
    r"(?:npr|bbc|cnn|cnbc|techtarget|techcrunch|the\s+verge|vox|huffpost|buzzfeed|"
    r"business\s+insider|axios|investopedia|healthline|webmd|verywell\s?\w*|mashable|"
    r"engadget|zdnet|cnet|ars\s+technica|itweb|slashdot|slate|salon|quartz|politifact|snopes|"
    r"poynter|fivethirtyeight|propublica|the\s+conversation|the\s+daily\s+beast|tcs\s+daily)"
    r"(?:\s+(?!(?:books?|press|publishing|publications|worldwide)\b)[a-z]\w*){0,2}"
)
# One of those outlets as the entry's whole publisher or container, whatever the entry's
# kind ("..., s.l.: CNBC."): where the article was read.
_OUTLET = compile_lazily(r"(?:the\s+)?(?:" + _WEB_OUTLETS + ")", re.IGNORECASE)
# A web site's host name: "History.com", "GenderIT.org".
_HOST_NAME = r"[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.(?:com|org|net|gov|edu)"
# The whole of one part of the entry is a web site: "... Photograph. Wikimedia Commons."
# or "History.com, 2019."; "Wikipedia Press" or a title that mentions Facebook is not.
_SITE_PART = compile_lazily(
    r"(?:" + _PLATFORM_NAMES + "|" + _WEB_OUTLETS + "|" + _HOST_NAME + ")", re.IGNORECASE
)
# Catalogues and databases a printed work is found through (MLA's second container).
_DATABASE_NAMES = (
    r"worldcat|jstor|ebsco\w*|proquest|gale|hathitrust|scopus|sciencedirect|web\s+of\s+science|"
    r"business\s+source\s+\w+|academic\s+search\s+\w+|lexis\s?nexis|nexis\s+uni|psycinfo|"
    r"medline|cinahl|project\s+muse|\w*onefile|full\s+text|pmc|pubmed(?:\s+central)?"
)
_DATABASE = compile_lazily(rf"(?:{_DATABASE_NAMES})\b", re.IGNORECASE)
# MLA 7's medium after the database an article was read in: "... 12 (2008): 10. Business
# Source Complete. Web. 19 Apr. 2014." MLA 7 asked for no address there.
# Any database, named or not, after a printed work's pages: "... 2000: 18-26. GreenFILE. Web.".
_DATABASE_THEN_WEB = compile_lazily(
    rf"\b(?:{_DATABASE_NAMES})\b[^.]*\.\s+Web\."
    r"|\d+\s*[-–]\s*\d+\.\s+(?-i:[A-Z])[\w*&'’ -]{1,40}\.\s+Web\.",
    re.IGNORECASE,
)
_PRINTED = frozenset({"article", "book", "chapter", "conference", "report", "thesis"})
_PARTS = compile_lazily(r"\s*(?:[,;:()“”\"*_]|\.(?=\s|$))+\s*")
# An organisation named by its initials alone, with no given name: "NIST", "MITRE", "AT&T".
_INITIALS_NAME = compile_lazily(r"[A-Z][A-Z&]{1,9}")
# What may follow the title of an entry that gives nothing else: markup, punctuation, the year.
_BARE_TAIL = compile_lazily(r"[\s.,;:*_\"“”’'\])]*(?:(?:\d{4}[a-z]?|n\.\s?d\.)[\s.,;:*_)\]]*)?")
# Works found by their own number or name, not a web address: a standard ("ISO 9001:2015",
# "BS EN 1990"), a law or regulation, a volume or edition, and what a bracket
# says the entry is ("[Data set]", "[Computer software]") or its wording calls unpublished
# or spoken.
_FOUND_OFFLINE = compile_lazily(
    r"\b[A-Z]{2,}(?:/[A-Z]{2,})?(?:\s[A-Z]{2,})?\s?\d{2,}|(?i:"
    r"\b(?:acts?|bill|regulations?|directive|ordinance|statute|treaty|constitution)\b|"
    r"\b(?:vol|ed|edn)\.|\b\d+(?:st|nd|rd|th)\s+ed|"
    r"\[|\b(?:personal communication|interview|lecture|unpublished|manuscript)\b)"
)
# A court case: "Roe v. Wade", "Brown vs Board of Education".
_COURT_CASE = compile_lazily(r"\s[vV]s?\.?\s")
# One organisation's name, not a list of people nor a whole entry read as a name: no comma
# but the one before a company suffix ("Via Transport, Inc"), no sentence ending inside.
_ONE_NAME = compile_lazily(
    r"(?:[^,;.]|(?<![a-z]{2})\.)+(?:,\s*(?:Inc|Ltd|LLC|Corp|Co|PLC|plc|GmbH|Pty)\.?)?"
)
# An access date, and the words that say where a work is available online.
_ACCESSED = compile_lazily(r"\b(?:Accessed|accessed|Viewed|viewed)\b")
_AVAILABLE = compile_lazily(
    r"\b(?:Retrieved|retrieved|Available|available|Online|online|Web|Last\s+(?:modified|updated))\b"
)
_SITE_AND_YEAR_END = compile_lazily(r",\s*(?P<site>[^,]{2,40}),\s*\d{4}\.?$")
# "... Why the internet needs African Feminists, GenderIT.org": a title that ran on over
# the web site it was read on, a host name with its domain after the last comma.
_HOST_END = compile_lazily(r",\s*(?P<site>" + _HOST_NAME + r")\.?$", re.IGNORECASE)
# The web's first organisations' pages: an entry dated before it is a printed document.
_FIRST_WEB_YEAR = 1995


def _background_reading(ref: Reference) -> bool:
    """An entry of a Bibliography of works consulted beside the reference list: reading
    the essay need not send anyone to (a .bib's entries are what LaTeX prints)."""
    return ref.consulted and ref.source == "text"


def is_online(ref: Reference) -> bool:
    """Sources that are read online: web pages, videos, "Retrieved from" entries.

    A bracketed format ("[Video]") and MLA 7's medium "Web." count anywhere (but for
    an article read in a database, "... Business Source Complete. Web."); a platform
    name counts only as the source (container or publisher), never inside a book's title.
    """
    if _DATABASE_THEN_WEB.search(ref.raw):
        return False
    if ref.type == "video" and _SCREENED.search(ref.raw) and not _PLATFORM.search(ref.raw):
        return False  # "[Film]. Paramount Pictures.": released by a studio, not posted
    if ref.retrieved_from and _accessed_print(ref):
        return False
    online_format = _ONLINE_FORMAT.search(ref.raw)
    if online_format and online_format.group(0).casefold() == "[online]" and _in_print(ref):
        online_format = None  # Harvard's "[online]" journal article: a printed work too
    if ref.retrieved_from or ref.type in ("web", "video") or online_format:
        return True
    if _MLA_WEB.search(ref.raw):
        return True
    source = " ".join(x for x in (ref.container, ref.publisher) if x)
    if any(_OUTLET.fullmatch(x.strip(" .")) for x in (ref.container, ref.publisher) if x):
        return True
    return (
        bool(_PLATFORM.search(source))
        or _names_a_site(ref)
        or _organisation_page(ref)
        or _undated_page(ref)
        or _post_of_the_day(ref)
    )


def _in_print(ref: Reference) -> bool:
    """A journal article with its volume or pages, a book or a chapter: the work is
    printed, whatever the entry says of where it was read."""
    return ref.type in ("article", "book", "chapter") and bool(ref.volume or ref.pages)


# APA's date of a post or news story: "(2023, June 5)", "(2021, Sept. 14)".
_DAY_DATE = compile_lazily(
    r"\(\s*\d{4}[a-z]?,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
    r"\s+\d{1,2}\s*\)"
)


def _post_of_the_day(ref: Reference) -> bool:
    """An entry dated to the day with only a site after its title: "McDonald, J. (2023,
    June 5). CNP fraud losses .... The Fraud Practice." APA dates a blog post or a news
    story so; a printed one gives its pages ("..., A1"), a journal its volume."""
    if ref.source == "bib" or ref.type != "unknown" or not ref.container:
        return False
    if ref.publisher or ref.volume or ref.issue or ref.pages:
        return False
    date = _DAY_DATE.search(ref.raw)
    return date is not None and not _FOUND_OFFLINE.search(ref.raw, date.end())


def _undated_page(ref: Reference) -> bool:
    """An entry dated "n.d." by an organisation, with a title and no volume or pages:
    "eSafety Commissioner. (n.d.). *Online dating*. Australian Government." A printed
    work has a date; a page that gives none is read on the web."""
    if ref.source == "bib" or not ref.title or ref.type not in ("unknown", "web", "report"):
        return False
    if not normalise_year(ref.year).startswith("nd") or ref.volume or ref.issue or ref.pages:
        return False
    if len(ref.authors) != 1 or not _is_organisation(ref.authors[0]):
        return False
    at = max(0, ref.raw.find(ref.title))  # a list's own "[2]" is no bracketed kind
    return not (_FOUND_OFFLINE.search(ref.raw, at) or _COURT_CASE.search(ref.raw))


def _accessed_print(ref: Reference) -> bool:
    """A book or article with its publisher or journal that gives an access date and no
    more ("Bishop, C. (2006) Pattern Recognition. New York: Springer. (Accessed: 20
    October 2025)."): a Harvard habit, not a sign the work was read on the web; nothing
    says where it is available."""
    if ref.type not in _PRINTED or not (ref.publisher or ref.container):
        return False
    return bool(_ACCESSED.search(ref.raw)) and not _AVAILABLE.search(ref.raw)


def _organisation_page(ref: Reference) -> bool:
    """An organisation's page or document named by its title alone: "NIST (2021) Cybersecurity
    Framework." or "Harbour Trust. (2023). Tide safety guide."

    With no journal, publisher, place, volume, pages, edition or report number there is nothing
    but the web to find it by. Not a standard, a law, a data set or software (a bracket says
    what the entry is), a personal communication, nor a document older than the web.
    """
    if ref.source == "bib" or ref.type != "unknown" or not ref.title:
        return False
    if len(ref.authors) != 1 or not _is_organisation(ref.authors[0]):
        return False
    if ref.container or ref.publisher or ref.volume or ref.issue or ref.pages:
        return False
    if ref.year and ref.year[:4].isdigit() and int(ref.year[:4]) < _FIRST_WEB_YEAR:
        return False
    at = ref.raw.find(ref.title)
    if at < 0 or not _BARE_TAIL.fullmatch(ref.raw, at + len(ref.title)):
        return False
    return not (_FOUND_OFFLINE.search(ref.raw, at) or _COURT_CASE.search(ref.raw))


def _is_organisation(person: Person) -> bool:
    if person.corporate:
        return bool(_ONE_NAME.fullmatch(person.family))
    return person.given is None and bool(_INITIALS_NAME.fullmatch(person.family))


def _names_a_site(ref: Reference) -> bool:
    """Is one part of the entry outside its title, between punctuation, a web site's name?

    Not in a book's or a journal article's entry, nor a catalogue ("WorldCat.org", MLA's
    second container): that is where the printed work was found.
    """
    if ref.type in _PRINTED or ref.volume or ref.pages:
        return False
    rest = ref.raw.replace(ref.title, " ", 1) if ref.title else ref.raw
    parts = [part.strip() for part in _PARTS.split(rest)]
    # "..., moves some positions to India and Mexico, CNBC, 2024." or "..., GenderIT.org":
    # a title that ran on over the site (and the year), with no full stop between them
    for end in (_SITE_AND_YEAR_END, _HOST_END):
        tail = end.search(ref.title or "")
        if tail is not None:
            parts.append(tail.group("site").strip())
    return any(_SITE_PART.fullmatch(p) and not _DATABASE.match(p) for p in parts)


class MissingUrl(Rule):
    """An online source listed without a URL or DOI.

    What it checks
        Entries for web pages, online videos, blog posts and any entry that
        says "Retrieved from" or "Available at" must end in a URL (or carry a
        DOI). A "Retrieved from" with nothing after it is the typical case:
        the link was lost when the essay was pasted. An entry whose source is a
        web site ("Photograph. Wikimedia Commons.", "Tideguide.org.", a title
        that ran on over it: "..., GenderIT.org") or a
        blog platform that publishes only on the web ("Medium", "Towards Data
        Science") is online too, and so is an article of a news or reference site
        read on the web ("NPR Planet Money", "s.l.: CNBC", "TechTarget",
        "Investopedia", "*Slate*, March 3, 2009", "The Poynter Institute"); print
        magazines and a broadcaster's books are not; nor is a film or
        series a studio released ("[Film]. Paramount Pictures."). So is an
        organisation's page or document given by its title alone ("NIST (2021)
        Cybersecurity Framework."): with no journal, publisher, place, edition
        or report number, the web is the only place to find it; and so is an
        organisation's work dated "n.d." with no volume or pages ("eSafety
        Commissioner. (n.d.). Online dating. Australian Government."): a
        printed work has a date. So is a post dated to the day with only its site
        after the title ("McDonald, J. (2023, June 5). Fraud losses. The Fraud
        Practice."); a printed story gives its page. A standard, a
        law, a court case, a data set or software, a personal communication or
        a document older than the web is not. Nor is a book or article with its
        publisher or journal whose only sign of the web is an access date ("New
        York: Springer. (Accessed: 20 October 2025)."), nor a journal article with
        its volume and pages marked Harvard's "[online]", nor an MLA 7 entry
        read in a database ("... 2000: 18-26. GreenFILE. Web."), nor an entry
        of a Bibliography of background reading printed beside the reference list.

    Why it matters
        Without the address the reader cannot find the page; online sources
        often have no other identifier.

    Example
        "Melas, C. (2019). Voices Behind Time's Up. CNN. Retrieved from"

    Fix
        Add the full URL (or the DOI as https://doi.org/...) at the end of
        the entry.
    """

    code = "R201"
    name = "missing-url"
    default_severity = "error"
    summary = "an online source without URL or DOI"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for ref in ctx.references:
            if _background_reading(ref) or ref.url or ref.doi or not is_online(ref):
                continue
            if ref.retrieved_from:
                why = "says where it was retrieved from but gives no URL"
            else:
                why = "is an online source with no URL or DOI"
            yield self.finding(
                ctx,
                ref.span,
                f"{describe_reference(ref)} {why}; add the full URL at the end of the entry",
                reference=ref,
            )
