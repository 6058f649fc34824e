"""The patterns several modules read by: one definition of each, used everywhere.

A year, a footnote, a reference list's heading, front matter, emphasis: when two
readers of the same text disagree about what one of these looks like, essaylint
contradicts itself (a line the section finder calls a heading is an entry to the
entry splitter). So each is written once, here, and the modules that need one
import it or build their own pattern around it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from essaylint.lazy_pattern import compile_lazily

# --- years ---------------------------------------------------------------------------

#: The four digits of a publication year, 1500-2099 (a bare fragment to build patterns from).
YEAR_DIGITS = r"(?:(?:1[5-9]|20)\d\d)"  # this form lets the regex engine skip non-digits fast
#: A year as citations and entries write it: "2019", "2019a", "n.d.", "no date" (Harvard),
#: "in press",
#: "in prep", "in preparation", "forthcoming"; a decade ("1950s") is no year.
#: "n.d.a", "n.d.-b": two undated works of one author. Some citeproc styles print "nd"
#: (lower case only: "Fargo, ND" is a state).
YEAR = (
    r"(?:" + YEAR_DIGITS + r"(?!(?<=0)s)[a-z]?|n\.\s?d\.?(?:-?[a-z](?![\w.]))?"
    r"|(?<![\w.])(?-i:nd)(?!\w)|no\s+date|in\s+press|in\s+prep(?:aration|\.)?|forthcoming)"
)

#: The year of the edition read after the year a work first came out, as APA cites a
#: republished work: "1900/1953" (group 1 is the later year).
REPUBLISHED_YEAR = compile_lazily(r"/(" + YEAR_DIGITS + r"[a-z]?)(?!\d)")

#: A generation written after a family name: "Jr.", "Sr", "Jnr", "Snr".
GENERATION = r"(?:Jr|Sr|Jnr|Snr)\.?"

#: "et al." as writers spell it: "et al.", "et. al", "et al", the French "& al.", and the
#: slips "at al.", "at el", "et el", "et-al", "et all" ("(Brown et all, 2008)"), "et al,.",
#: "et," ("(Fang et, 2021)"), "et a," ("(Chen et a, 1995)") and "al." alone after the name
#: ("(Devlin al., 2018)").
ET_AL = (
    r"(?:(?:(?:\bet\.?|&)(?:\s*|-)[Aa][Ll](?:[Ll](?!\w))?|\bat\s?al|\b[ae]t\.?\s+el)\b"
    r"(?:,(?=\.))?\.?"
    r"|\bet(?:\s+a)?(?=,|\s*$)|(?<=\s)(?-i:al)\.(?=,|\s*$))"
)

# --- names ---------------------------------------------------------------------------

#: The country before an agency's name, which the text often leaves out: "US Bureau of
#: Economic Analysis" is cited as "the Bureau of Economic Analysis".
COUNTRY_HEAD = compile_lazily(r"^(?:US|U\.S\.|USA|UK|U\.K\.)\s+(?=[A-Z])")
#: A comma and the initials after a family name: ", T.", ", J.-P.", ", s." (typed in lower case).
INITIALS_AFTER_FAMILY = r",\s+(?:[A-Za-z]\.\s?-?){1,3}"
#: An entry's head of inverted names with initials, then the year in parentheses: "Surname,
#: I. (2021)", "Jero, S., Pan, R., Gadepalli, P. K. & Ward, B. C. (2021)".
_INVERTED_NAME = r"[A-Z][\w'’\-]+,\s+(?:[A-Z]\.\s?)+"
INVERTED_AUTHORS_YEAR = compile_lazily(
    rf"^{_INVERTED_NAME}(?:,?\s*(?:(?:&|and)\s+)?{_INVERTED_NAME})*"
    r"(?:,?\s*(?:&|and)\s+[^()]+)?\(\d{4}[a-z]?\)\.?"
)
#: A line cut after a spaced dash: "... Conference on Information Technology -" / "New
#: Generations. Las Vegas, ..." is one title over two lines.
SPACED_DASH_END = compile_lazily(r"\s[-–—]$")
#: A company's legal form in brackets after its name, as South African, Indian and
#: Singaporean firms write it: "Takealot Online (Pty) Ltd", "(Pty)ltd", "(Pvt.) Limited".
BRACKETED_LEGAL_FORM = r"(?:\s?\((?:Pty|Pvt|Pte)\.?\)\s?(?:Ltd|Limited)?\.?)"
#: The word that ends a publisher's name: "Academic Press", "Harbour Books", "Springer Verlag".
PUBLISHER_WORD = r"(?:Press|Publishers?|Publishing|Verlag|Books)"
#: The word that joins the last two authors a citation names: "and", "&" and the Spanish
#: "y" ("García y López, 2019"). A fragment; the words are whole words ("Murphy" holds no
#: "y"), in lower case ("Y" is an initial). The reference-list side reads more
#: languages' conjunctions (:mod:`essaylint.analysis.names`).
AUTHOR_AND = r"(?:&|(?<![\w-])(?:and|y)(?![\w-]))"
#: Lower-case name particles before a family name ("van Dijk", "de la Cruz"), one or more.
PARTICLE_RUN = r"(?:(?:van|von|de|der|den|del|della|di|da|du|dos|le|la|ten|ter)\s+)+"

# --- footnotes -----------------------------------------------------------------------

#: The label of a Markdown footnote, "1" in "[^1]" (pandoc allows no white space in one,
#: nor a "[": so a run of "[^[^[^..." is read in linear time, each try stopping at the next "[").
FOOTNOTE_LABEL = r"[^\[\]\s]+"
#: A Markdown footnote mark, "[^1]", "[^smith-2019]"; group 1 is the label.
FOOTNOTE_MARK = compile_lazily(r"\[\^(" + FOOTNOTE_LABEL + r")\]")


def footnote_references(
    text: str, start: int = 0, end: int | None = None
) -> Iterator[re.Match[str]]:
    """The footnote marks in ``text[start:end]`` that point to a note (group 1 the label).

    Not the head of a definition ("[^1]:" at the start of a line, after at most
    three spaces); a mark inside a sentence may come before a colon ("... of
    Philosophy[^2]:" before a quotation).
    """
    for m in FOOTNOTE_MARK.finditer(text, start, len(text) if end is None else end):
        if text.startswith(":", m.end()):
            line_start = text.rfind("\n", 0, m.start()) + 1
            lead = text[line_start : m.start()]
            if len(lead) <= _MOST_DEFINITION_INDENT and not lead.strip():
                continue
        yield m


_MOST_DEFINITION_INDENT = 3
#: The head of a Markdown footnote definition, "[^1]:" at the start of a line (after at
#: most three spaces); group 1 is the label. Readers that need the rest of the line or the
#: space after the colon add it to this pattern.
FOOTNOTE_DEFINITION = compile_lazily(r"^[ \t]{0,3}" + FOOTNOTE_MARK.pattern + ":", re.MULTILINE)

#: "Ibid." / "Ibidem, 45": a note that cites the work of the note before it again; group
#: "rest" is what follows (a locator). Other languages write German "Ebd." ("ebenda") and
#: Spanish "Ibíd.".
IBID = compile_lazily(
    r"^\s*(?:ibid(?:em)?|ibíd|ebd|ebenda)\b\.?\s*,?\s*(?P<rest>.*)$", re.IGNORECASE
)

# --- list items ------------------------------------------------------------------------

#: The mark of a bulleted item: "-", "–", "*", "+", "•" and the other bullet glyphs, or a dash
#: typed in quotes ("'-' Smith, J. (2019)", a template's placeholder kept literally). A
#: fragment: each reader adds the white space it wants after the mark.
BULLET = r"(?:[-–*+•◦▪‣●·\uf0b7]|['‘\"“]-['’\"”])"
#: An entry's list number, "12." or "12)", with the white space after it; or "12." typed with
#: no space before the entry's first capital letter or opening quotation mark ("9.G. Kamen
#: and ...", "8.«Title»", "3.“Title”"): a hand-typed list. Never a decimal ("2.5") or a
#: word in lower case ("3.e"). A stray full stop may stand before the number (".9.Sharma,
#: S.", a pasted list), and a dash may follow the number before a capital ("1- Berman, H.
#: M.", "2 – Burley"), and a letter may mark a sub-entry ("3a. Panteli, M., 2019."). A
#: fragment: group "dnum" is the number.
ENTRY_NUMBER_MARK = (
    r"(?:\.(?=\d))?(?P<dnum>\d{1,3})(?:[a-z](?=[.)]\s))?"
    r"(?:[.)]\s+|\.(?=(?-i:[A-ZÀ-ÖØ-Þ«“\"‘]))|\s?[-–]\s+(?=(?-i:[A-ZÀ-ÖØ-Þ«“\"‘])))"
)

#: A Markdown heading's hashes before an entry typed as a heading: "### Abara, U. (2020). ..."
HEADING_HASHES = r"#{1,6}\s+"

# --- reference-list headings ---------------------------------------------------------

#: "References" in other languages: Spanish, French, German, Italian, Indonesian and Malay,
#: Portuguese, Dutch, Turkish, Danish and Norwegian, Swedish.
OTHER_LANGUAGE_REFERENCES = (
    "referencias", "références", "referenzen", "riferimenti", "literaturverzeichnis",
    "quellenverzeichnis", "daftar pustaka", "daftar rujukan", "referências", "literatuurlijst",
    "kaynakça", "litteraturliste", "litteraturförteckning",
)  # fmt: skip
#: Headings of a list whose entries the essay cites, as :func:`~essaylint.analysis.
#: sections.normalise_heading` writes them (lower case, no numbering or marks).
CITED_LIST_HEADINGS = frozenset(
    {
        "references", "reference", "reference list", "references list", "references cited",
        "list of references", "works cited", "work cited", "literature", "literature cited",
        "sources", "sources cited", "source list", "citations", "cited works",
        "references and notes", "notes and references", "endnotes", "footnotes", "refs",
        *OTHER_LANGUAGE_REFERENCES,
    }
)  # fmt: skip
#: Headings of a list of works consulted: its entries may be cited, or not.
CONSULTED_LIST_HEADINGS = frozenset(
    {"bibliography", "bibliographie", "works consulted", "select bibliography", "sources consulted"}
)
#: Headings of the notes and the reading lists a reference list may run into.
OTHER_LIST_HEADINGS = frozenset({"notes", "further reading"})
#: Every heading that names a list of works.
LIST_HEADINGS = CITED_LIST_HEADINGS | CONSULTED_LIST_HEADINGS | OTHER_LIST_HEADINGS

# --- markup --------------------------------------------------------------------------

#: Markdown emphasis around a run of text: *x*, **x**, ***x***, _x_, __x__ (group 2 is x).
EMPHASIS = compile_lazily(r"(?<![\w*\\])(\*{1,3}|_{1,2})(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")
#: A Markdown code span on one line, `x[3]` or ``a ` b``: the same run of backticks on both
#: sides. A backtick glued to a word on its outer side is a typed apostrophe ("Smith`s"),
#: so a span opens and closes only beside a space, punctuation or the line's edge (and it
#: is at most 500 characters long, so a line of stray backticks is read in linear time).
INLINE_CODE = compile_lazily(r"(?<![`\w])(`+)(?!`)[^\n]{1,500}?(?<!`)\1(?![`\w])")
#: YAML front matter (pandoc, Jekyll, Hugo): "---" on the first line that is not blank,
#: closed by "---" or "..."; group 1 is the YAML.
FRONT_MATTER = compile_lazily(
    r"\A\ufeff?(?:[ \t]*\r?\n)*---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
#: An HTML character reference: "&amp;", "&#8217;", "&#x2019;".
HTML_ENTITY = compile_lazily(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: A LaTeX cite command (\\cite, \\parencite, \\citet, \\nocite, ...) with its keys.
LATEX_CITE = compile_lazily(
    r"\\(?P<cmd>[a-zA-Z]*cite[a-zA-Z]*)\*?(?P<opt1>\[[^\]]*\])?(?P<opt2>\[[^\]]*\])?\{(?P<keys>[^}]*)\}"
)
# "———", "------", "___", "…………": marks that stand for the authors of the entry above
# (Chicago, MLA and Harvard lists write a repeated author this way).
REPEAT_MARK = r"[-—–_―‒‐…]"

#: Every dash and hyphen, for a character class ("[" + DASHES + "]"); the hyphen is last.
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212-"


# --- months ---------------------------------------------------------------------------

#: A month's names, full and short, and its number.
MONTH_NUMBERS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
#: A month's name, full or short, as a regular expression (match it ignoring case).
MONTH = r"(?:" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True)) + r")\.?"
#: Months in German, French and Spanish that no surname or English word shares ("Stand
#: Oktober 2025"; "Mai", "Juni" and "Mars" are names too): never an author, opening a date.
FOREIGN_MONTHS = frozenset(
    """januar februar märz oktober dezember janvier février juillet octobre décembre enero
    febrero septiembre octubre noviembre diciembre""".split()
)

# --- web addresses ----------------------------------------------------------------------

# Top-level domains a bare host ends with: any two letters (the country codes) and the
# generic ones essays cite. A known list, so "i.e./" or "Fig.3/" is never taken for a
# host; kept short, as every reader of links compiles it.
_WEB_TLDS = (
    "com|org|net|edu|gov|mil|int|info|biz|app|dev|blog|news|online|site|tech|wiki|page|museum|xyz"
)
#: Those generic top-level domains, as a set.
WEB_TLDS = frozenset(_WEB_TLDS.split("|"))
# Second-level labels of a country's domains: "bbc.co.uk", "abc.net.au", "ox.ac.uk".
_COUNTRY_SECOND_LEVELS = frozenset("co com ac edu gov org net".split())
_HOST = compile_lazily(r"(?:www\.)?[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)+", re.IGNORECASE)


def site_name(name: str) -> str | None:
    """The site's own name in a web host written as the author, as citation generators
    write it ("Iata.org" -> "Iata", "www.bbc.co.uk" -> "bbc"); None for any other name."""
    if not _HOST.fullmatch(name):
        return None
    labels = name.split(".")
    if labels[0].casefold() == "www":
        labels = labels[1:]
    tld = labels.pop().casefold()
    country = len(tld) == 2 and tld.isalpha()
    if tld not in WEB_TLDS and not country:
        return None
    if country and len(labels) > 1 and labels[-1].casefold() in _COUNTRY_SECOND_LEVELS:
        labels.pop()
    return labels[-1]


#: A web address's host written without a scheme or "www.", as MLA 8 and 9 tell students
#: to write it ("developer.mozilla.org/en-US/docs/...", "remysharp.com/2010/10/08/..."):
#: labels joined by dots, a known top-level domain (lower case), then the "/" that opens
#: the path. Never inside a word, an e-mail address or another address. Each label stops
#: at its dot, so the pattern is read in linear time.
BARE_WEB_HOST = (
    r"(?<![\w@/.:-])(?:[A-Za-z0-9][A-Za-z0-9-]{0,62}\.){1,6}"
    r"(?-i:" + "|".join(sorted(_WEB_TLDS.split("|"), key=len, reverse=True)) + r"|[a-z]{2})/"
)
#: Where a web address starts: a scheme ("https://", also "https : //" as PDF text breaks
#: it), "www." or a bare host with its path. Every reader of links in entries and notes
#: builds on this one.
WEB_ADDRESS_START = r"(?:(?:https?|ftp)\s?:\s?//|\bwww\.|" + BARE_WEB_HOST + r")"

_BIB_HEAD = r"@(?P<type>[A-Za-z]+)\s*\{\s*(?P<key>[^\s,{}]KEYS)\s*,"
#: A BibTeX entry's head, "@article{smith2019,": its type and key (@string and @comment
#: have no key and a comma after it).
BIB_ENTRY_HEAD = compile_lazily(_BIB_HEAD.replace("KEYS", "+"))
#: A line that opens a BibTeX record, its key perhaps empty (R's citation() prints
#: "@Manual{,"): a record pasted into a text after its entry.
BIB_RECORD_LINE = compile_lazily(r"^\s*" + _BIB_HEAD.replace("KEYS", "*"))


# '“(31) Protesters Clash with Police - YouTube.”': a browser tab's count of unread items,
# saved into a web page's quoted title, is none of the title's words.
_QUOTED_TAB_COUNT = compile_lazily(r"^(?P<quote>[\"“‘'])\(\d{1,3}\)\s+(?=[A-Z])")


def without_tab_count(entry: str) -> str:
    """``entry`` without a browser tab's count at the start of its quoted title."""
    return _QUOTED_TAB_COUNT.sub(r"\g<quote>", entry, count=1)


# A label typed before an entry in a list item: "- Reference: Agarwal, C., ... (2022).".
_ENTRY_LABEL = compile_lazily(
    r"^(?:references?|ref\.|citation|cite\s+as)\s*:\s+(?=[A-Z])", re.IGNORECASE
)


def without_entry_label(entry: str) -> str:
    """``entry`` without a label typed before it ("Reference: ", "Cite as: ")."""
    return _ENTRY_LABEL.sub("", entry, count=1)


#: A Markdown link, "[text](address)" or "[text](<address>)": group 1 is its text, group 2
#: its address (which may hold a pair of parentheses, as Wikipedia's do).
MARKDOWN_LINK = compile_lazily(
    r"\[([^\[\]]{0,500})\]\(\s*<?([^()\s<>]+(?:\([^()\s]*\)[^()\s<>]*)*)>?\s*\)"
)


def link_texts(text: str) -> str:
    """``text`` with each Markdown link replaced by the words it shows."""
    return MARKDOWN_LINK.sub(r"\1", text)


#: A firm's legal form closing its name: "GmbH", "AG", "B.V.", "S.p.A.", "Ltd", "Inc.", an
#: association's "e.V.".
FIRM_LEGAL_FORM = compile_lazily(
    r"(?<=\w)[ ,]+(?:GmbH|AG|B\.V\.?|N\.V\.?|S\.p\.A\.?|S\.A\.?|SAS|Ltd\.?|Inc\.?|LLC|plc|PLC"
    r"|e\.\s?V\.?)\s*\Z"
)
