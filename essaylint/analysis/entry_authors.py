"""Where the author list of a reference-list entry ends.

:func:`find_author_cut` looks for the first of: a bracketed date, a bare year,
a quoted title, the first full stop that is not an initial or an abbreviation,
or the first comma-part that is not a name (:func:`scan_names`), and says how
the entry goes on (a comma after the names, a title standing where the authors
would be). The names themselves are read by :mod:`essaylint.analysis.names`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from essaylint.analysis.citation_names import NAME_WORD, UPPER
from essaylint.analysis.entry_dates import BARE_DATE, PAREN_DATE, YEAR_ANY
from essaylint.analysis.entry_fields import QUOTE_OPEN, SENTENCE_END, word_before
from essaylint.analysis.names import is_initials, looks_corporate, looks_like_name_part
from essaylint.analysis.patterns import ET_AL, FIRM_LEGAL_FORM, YEAR_DIGITS, site_name
from essaylint.lazy_pattern import compile_lazily

_NAME_ABBREV = frozenset(
    {
        "al",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "st",
        "dr",
        "mr",
        "mrs",
        "ms",
        "hrsg",
        "th",
        "ch",
        "wm",
        "jnr",
        "snr",
    }
)

# "Ni et al., 2011," parts its "et al." from the name as a comma would, so the name is read alone.
_CHUNK_SEP = compile_lazily(
    r"\s*(?:;|,|&|\b[Aa]nd\b|\bAND\b|\bund\b|\bet\b(?!\.?\s*al\b)|(?<=[.\w]\s)e(?=\s[A-Z])|(?<![\w-])y(?=\s[A-Z])"
    r"|(?<=[\w.]\s)(?=et\.?\s*al\b))\s*"
)
_LOOSE_YEAR = compile_lazily(
    r"(?<=[^\W\d_.,])\s(?P<year>" + YEAR_DIGITS + r")(?P<suffix>[a-z])?\s+(?=[A-Z\"“‘'])"
)

_COLON = compile_lazily(r":\s")

_ROLE_AFTER_NAMES = compile_lazily(
    r"\((?:eds?|Eds?|EDS?|Hrsg|hrsg|dir|Dir|trans|Trans|comp|Comp|coord|Coord)\.?\)(?=\s+[A-Z\"“‘«])"
)


def _is_name_stop(text: str, match: re.Match[str]) -> bool:
    """Is this full stop (or colon) the end of the author list?"""
    mark = match.group(0)
    word = word_before(text, match.start())
    if text[match.end() : match.end() + 1] in ")]":
        return False
    if mark == ":":
        return bool(re.fullmatch(r"\(?[A-Z][a-z]?\.\)?|[A-Z]{1,3}", word))
    if mark != ".":
        return True
    if word.endswith((")", "]")):
        return True
    core = word.strip("([,;")
    if not core:
        return False
    if "." in core or core.lower() in _NAME_ABBREV:
        return False
    if len(core) == 1 and core.isalpha():
        return False  # an initial
    return not re.fullmatch(r"[A-Z]\.?-[A-Z]", core)


def _first_name_stop(text: str) -> int | None:
    for match in SENTENCE_END.finditer(text):
        if _is_name_stop(text, match):
            return match.start()
    return None


def _first_quote(text: str) -> int | None:
    match = QUOTE_OPEN.search(text)
    return match.start() if match else None


@dataclass
class AuthorCut:
    end: int  # end of the author segment
    rest: int  # where the text after the author segment starts
    date: re.Match[str] | None = None
    comma_style: bool = False
    title_first: bool = False
    title_end: int = 0


_LOWER_CONTENT = compile_lazily(
    r"(?<![\w'’-])(?!(?:of|for|the|and|on|in|at|to|a|an|de|van|von|der|du|la|le|et|al)\b)[a-z]{3,}\b"
)


def _looks_like_title(region: str) -> bool:
    """A title standing in the author position ("The Blackwell dictionary of ... (1991).")."""
    return len(_LOWER_CONTENT.findall(region)) >= 1


# Words that name a kind of document or page, never a person or an organisation: "Adidas
# Sales Dataset. (2023).", "Overview. World Bank. (2020).", "Hate Crimes Bulletin. (2001)."
_DOCUMENT_WORDS = frozenset(
    {
        "bulletin",
        "dataset",
        "datasets",
        "factsheet",
        "faq",
        "faqs",
        "handbook",
        "history",
        "homepage",
        "infographic",
        "overview",
        "pdf",
        "report",
        "timeline",
        "whitepaper",
    }
)
_WORD_EDGE = "\"'‘’“”()[],.:;!?"


_DOTTED_INITIAL = compile_lazily(r"(?<![^\s(])[A-Z]\.(?=\s|$|[A-Z]\.)|(?<!\S)[A-Z](?!\S)")
# More words than one person's name holds, with no comma or "and" to part several names.
_MAX_UNSPLIT_NAME_WORDS = 5


def _names_a_document(head: str) -> bool:
    words = [w.strip(_WORD_EDGE).casefold() for w in re.split(r"[\s./-]+", head)]
    # "History of Psychology Society" is an organisation, "Hate Crimes Bulletin" a title
    return any(w in _DOCUMENT_WORDS for w in words) and not looks_corporate(head)


_COUNT_THEN_NAME = compile_lazily(r"(?!" + YEAR_DIGITS + r"\b)\d{1,6}\s+(?P<name>[A-Z].*)")


def _numbered_organisation(head: str) -> bool:
    """ "1000 Genomes Project Consortium": a number that is no year, then an organisation."""
    m = _COUNT_THEN_NAME.fullmatch(head)
    return m is not None and looks_corporate(m.group("name"))


# "Ana Sofia Lima Reis; et al." (Wikipedia's citation templates): "et al." is no name word.
_TRAILING_ET_AL = compile_lazily(r"[,;]?\s*" + ET_AL + r"$")


# A title, a colon, and a subtitle that lists things: its commas part no names (a label
# before an author, "GitHub Repository: Dunn, J. E. (2024).", has initials after it).
_SUBTITLE_WITH_COMMAS = compile_lazily(r"(?P<main>[A-Z][^,:.]{2,80}?):\s+[A-Z][^:]*,\s[^:]*$")


def _title_before_date(region: str, stop: int | None) -> int | None:
    """APA with no author: "Title. (2023)." or "Title. Site. (2023).". Where the title ends,
    or None when the text before the date is an author ("World Health Organization.")."""
    head = (region[:stop] if stop is not None else region).rstrip(" .")
    subtitled = _SUBTITLE_WITH_COMMAS.match(head)
    if (
        subtitled
        and not looks_corporate(subtitled.group("main"))
        and not _DOTTED_INITIAL.search(head, subtitled.end("main"))
    ):
        return len(head)  # "Time Series Forecasting: Definition, Applications, and Examples"
    if not head or "," in head or _DOTTED_INITIAL.search(head):
        return None  # "Smith, J." and "J. A. Smith" are people
    if head[0].isdigit() and not _numbered_organisation(head):
        return len(head)  # "2019 Flood Report", "2001.pdf": few names start with a number
    if _names_a_document(head):
        return len(head)
    names = _TRAILING_ET_AL.sub("", head)
    if _count_name_words(names) > _MAX_UNSPLIT_NAME_WORDS and not looks_corporate(head):
        return len(head)  # "Income Inequality in DC Highest in the Country. (2017)."
    if stop is not None and _looks_like_title(head):
        # "History - adidas group. adidas. (n.d.).": a site follows; lower-case words are
        # a title's, as organisations capitalise theirs. A title keeps its "?" or "!".
        end = len(head)
        return end + 1 if region[end : end + 1] in {"?", "!"} else end
    return None


# MLA entries without an author: "Title. Dir. Name." / "Title. Ed. Name." / "Title. Trans. Name."
_MLA_TITLE_FIRST = compile_lazily(
    r"^(?P<title>[^,.;:()\[\]\"“]{2,150}?)[.?!]\s+"
    r"(?=(?:Dir|Ed|Eds|Trans|Perf|Prod|Narr)\.,?\s+[A-Z]|(?:Edited|Directed|Translated|Produced)\s+by\s)"
)


def _chunks(region: str) -> list[tuple[int, int]]:
    """Offsets of the separator-delimited chunks of an author region."""
    spans: list[tuple[int, int]] = []
    last = 0
    for match in _CHUNK_SEP.finditer(region):
        spans.append((last, match.start()))
        last = match.end()
    spans.append((last, len(region)))
    return [(a, b) for a, b in spans if region[a:b].strip(" .")]


def _shape(chunk: str) -> str:
    words = chunk.split()
    if not words:
        return ""
    if is_initials(chunk):
        return "I"
    return "IW" if is_initials(words[0]) else "W"


def _name_prefix(chunk: str, pairs_mode: bool = False) -> int | None:
    """In "Smith J. Title of paper", the end of the name part "Smith J."."""
    for match in re.finditer(r"\.\s+", chunk[:80]):
        prefix = chunk[: match.start() + 1]
        if (
            looks_like_name_part(prefix)
            and len(prefix.split()) <= 4
            and not all(is_initials(w) for w in prefix.split())
        ) or (is_initials(prefix) and pairs_mode):
            following = chunk[match.end() :].split()
            if following and not is_initials(following[0]):
                return match.start() + 1
    return None


_ROLE_CHUNK = compile_lazily(
    r"^\(?(?:eds?|editors?|ed\. by|director|directors|producers?|writer|hosts?|narrator|compilers?|"
    r"trans|translators?|hrsg|coords?|comps?)\.?\)?\.?$",
    re.IGNORECASE,
)


def is_role(word: str) -> bool:
    """Is ``word`` a role written beside a name ("Eds.", "(Director)", "Host"), no name?"""
    return bool(_ROLE_CHUNK.match(word.strip()))


_ROLE_PAREN = compile_lazily(r"\s*\((?:[A-Za-z/]+\.?\s?){1,3}\)\s*$")


def _chunk_ok(chunk: str) -> bool | None:
    """True/False for a name chunk; None for filler (ellipsis, et al., role words)."""
    bare = chunk.strip(". ")
    if not bare or re.fullmatch(r"(?:\.\s*)+|…", bare):
        return None
    if re.fullmatch(r"et\.?\s*al\.?|others|al\.?", bare, re.IGNORECASE) or _ROLE_CHUNK.match(bare):
        return None
    chunk = _ROLE_PAREN.sub("", chunk)
    chunk = re.sub(r",?\s+(?:eds?|Eds?)\.?$|\s+(?:editors?|Editors?)$", "", chunk)
    if _count_name_words(chunk) > 4:
        return False
    return looks_like_name_part(chunk)


def _count_name_words(chunk: str) -> int:
    return sum(1 for w in chunk.split() if not is_initials(w) and w not in _PARTICLE_WORDS)


_PARTICLE_WORDS = frozenset(
    {"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "des", "la", "le"}
)


def _starts_with_initials(chunk: str) -> bool:
    words = chunk.split()
    return bool(words) and is_initials(words[0]) and len(words[0]) <= 3


# An inverted name's given names and middle initials, then a title's capitalised words.
_INVERTED_GIVEN_THEN_TITLE = compile_lazily(
    r"(?P<given>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?(?:\s[A-Z]\.)+)\s+(?=[A-Z][a-z]*\b(?!\.))"
)


def _scan_names(region: str) -> int:
    """Length of the leading part of ``region`` that reads as a list of names."""
    spans = _chunks(region)
    if not spans:
        return 0
    first_shape = ""
    accepted_end = 0
    pairs_mode = False
    name_index = 0
    prev_lone_after_comma = -1
    for index, (a, b) in enumerate(spans):
        chunk = _ROLE_PAREN.sub("", region[a:b]).strip()
        ok = _chunk_ok(chunk)
        if ok is None:
            accepted_end = b
            continue
        shape = _shape(chunk)
        sep_before = region[spans[index - 1][1] : a] if index else ""
        after_comma = "," in sep_before
        if ok and name_index == 0:
            first_shape = shape
        elif name_index == 1 and first_shape == "W" and after_comma and shape == "W":
            given = _INVERTED_GIVEN_THEN_TITLE.match(chunk)
            if given and _count_name_words(region[spans[0][0] : spans[0][1]]) == 1:
                # "Gregory, James N. American Exodus": MLA and Chicago end the name at
                # its middle initial; the words after it are the title's
                return a + given.end("given")
        elif name_index == 1 and first_shape == "W" and after_comma and shape == "I":
            pairs_mode = True
        elif (
            name_index == 1
            and first_shape == "W"
            and after_comma
            and shape == "IW"
            and _count_name_words(region[spans[0][0] : spans[0][1]]) == 1
            and not (
                index + 1 < len(spans)
                and _starts_with_initials(region[spans[index + 1][0] : spans[index + 1][1]])
            )
        ):
            # "Felleisen, M. Programming languages...": the initials end the list
            cut = _name_prefix(chunk, pairs_mode=True)
            return a + cut if cut is not None else accepted_end
        elif pairs_mode and name_index % 2 == 0 and shape != "W":
            pairs_mode = False
        elif (
            ok
            and first_shape == "IW"
            and shape == "W"
            and after_comma
            and not re.search(r"\b[A-Z]\.", chunk)
        ):
            ok = False  # "G. Gauthier, Andrei Tarkovski": the format changes, a title starts
        if ok and pairs_mode and name_index % 2 == 1 and shape == "IW":
            cut = _name_prefix(chunk, pairs_mode=True)
            return a + cut if cut is not None else accepted_end
        if not ok:
            cut = _name_prefix(chunk, pairs_mode=pairs_mode and name_index % 2 == 1)
            if cut is not None:
                return a + cut
            if not after_comma and prev_lone_after_comma >= 0:
                # "Crammond, J., Scheduling and Variable Assignment...": "and" inside a title
                return prev_lone_after_comma
            return accepted_end if index else 0
        prev_lone_after_comma = (
            spans[index - 1][1] if after_comma and shape == "W" and len(chunk.split()) == 1 else -1
        )
        accepted_end = b
        name_index += 1
    return accepted_end


# "Lowe DA, Wu N, et al. Effect of ..." (Vancouver, AMA): "et al." then the title, or
# "Goodfellow et al., Deep Learning" with a comma between.
_ET_AL_THEN_TITLE = compile_lazily(r",?\s+(?P<etal>" + ET_AL + r"),?\s+(?=[*_\"“‘'A-Z])")


# "M, Whitman on AI swarm: https://...": an initial written before its surname with a
# comma, then the label's words about the work; the author is the initial and surname.
_INITIAL_FIRST_LABEL = compile_lazily(
    rf"[{UPPER}],\s+{NAME_WORD}(?=\s+(?!(?:and|et|with|und)\b)[a-z]+\s)"
)


# "(1861–1865)": the years a work is about, two full years.
_YEAR_SPAN = compile_lazily(rf"[(\[]\s*{YEAR_DIGITS}\s*[-–—]\s*{YEAR_DIGITS}\s*[)\]]")


# How far an entry's first colon may stand, after a firm's name and legal form.
_FIRM_REACH = 120


def _period_in_title(text: str, paren: re.Match[str]) -> bool:
    """Is the first parenthesised date the period a title is about, not the entry's date?

    "Hendry, W. O. The Lancashire Cotton Famine (1861–1865). Manchester: Northgate
    Press, 1934.": a span of two full years after the title's words, with the year of
    publication later on. An APA date stands right after the names ("Freud, S.
    (1953–1974).").
    """
    if not _YEAR_SPAN.fullmatch(paren.group(0)) or not YEAR_ANY.search(text, paren.end()):
        return False
    region = text[: paren.start()]
    after_names = region[max(_scan_names(region), 0) :].strip(" .,;:")
    return len(after_names.split()) >= 2


def find_author_cut(text: str) -> AuthorCut:
    """Where the author list ends, and how the entry continues."""
    mla = _MLA_TITLE_FIRST.match(text)
    if mla:
        return AuthorCut(end=0, rest=0, title_first=True, title_end=mla.end("title"))
    initial_first = _INITIAL_FIRST_LABEL.match(text)
    if initial_first:
        return AuthorCut(end=initial_first.end(), rest=initial_first.end() + 1)
    firm = _COLON.search(text, 0, _FIRM_REACH)
    if firm and firm.start() > 0 and FIRM_LEGAL_FORM.search(text, 0, firm.start()):
        # "Robert Bosch Smart Home GmbH: EU-Data-Act-Informationsseite": a firm, its title
        return AuthorCut(end=firm.start(), rest=firm.end())
    et_al = _ET_AL_THEN_TITLE.search(text, 0, 300)
    if et_al and et_al.start() > 0:
        names = text[: et_al.start()].rstrip(" ,")
        if names and _scan_names(names) >= len(names):
            return AuthorCut(end=et_al.end("etal"), rest=et_al.end())
    candidates: list[tuple[int, str, re.Match[str] | None]] = []
    paren = PAREN_DATE.search(text)
    if paren is not None and _period_in_title(text, paren):
        paren = PAREN_DATE.search(text, paren.end())
    if paren:
        candidates.append((paren.start(), "paren", paren))
    bare = BARE_DATE.search(text)
    if bare and bare.start() > 0:
        candidates.append((bare.start(), "bare", bare))
    quote = _first_quote(text)
    if quote is not None:
        candidates.append((quote, "quote", None))
    loose = _LOOSE_YEAR.search(text, 0, 300)
    if loose and _scan_names(text[: loose.start()]) >= loose.start():
        candidates.append((loose.start(), "bare", loose))
    colon = _COLON.search(text, 0, 300)
    if (
        colon
        and colon.start() > 0
        and _scan_names(text[: colon.start()]) >= colon.start()
        and (
            re.search(r"(?:^|[\s,;&])[A-Z]{1,3}\.?$", text[: colon.start()])
            # "A. Berg, C. Dahl and E. Falk: Title" / "Irma Stoltz: 2011. Title"
            or re.search(
                r"\s(?:and|&|und)\s+[^\s,;&]+(?:,?\s+[^\s,;&]+){0,2}$|,?\s+et\.?\s?al\.?$",
                text[: colon.start()],
            )
            or re.match(r"\s*" + YEAR_DIGITS + r"\b", text[colon.end() :])
        )
    ):
        candidates.append((colon.start(), "stop", None))
    stop = _first_name_stop(text)
    role = _ROLE_AFTER_NAMES.search(text, 0, 300)
    if role and (stop is None or role.end() < stop):
        stop = role.end()
    if stop is not None:
        candidates.append((stop, "stop", None))
    if paren and (stop is None or stop >= paren.start() - 2 or paren.start() < 200):
        region = text[: paren.start()].rstrip(" ,;.")
        inner_stop = stop is not None and stop < len(region)
        if quote is None or quote > paren.start():
            title_end = _title_before_date(region, stop if inner_stop else None)
            if title_end is not None:
                return AuthorCut(end=0, rest=0, title_first=True, date=paren, title_end=title_end)
        if (
            region
            and not inner_stop
            and (quote is None or quote > paren.start())
            and 2 <= len(region.split()) <= 20  # one word ("paiza.") is a brand or handle
            and _looks_like_title(region)
            and _scan_names(region) == 0
            and not looks_corporate(region)
        ):
            return AuthorCut(end=0, rest=0, title_first=True, date=paren, title_end=len(region))
        if (
            region
            and (quote is None or quote > paren.start())
            and (
                _scan_names(region) >= len(region)
                or looks_corporate(region)
                or (not inner_stop and _region_is_author(region, "paren"))
            )
        ):
            return AuthorCut(end=len(region), rest=paren.start(), date=paren)
    if not candidates:
        end, kind, date = len(text), "end", None
    else:
        end, kind, date = min(candidates, key=lambda c: c[0])
    region = text[:end]
    stripped = region.rstrip(" ,;.")
    if kind in {"paren", "bare"} and _region_is_author(stripped, kind):
        return AuthorCut(
            end=len(stripped), rest=end, date=date, comma_style=region.rstrip().endswith(",")
        )
    scanned = _scan_names(region)
    if kind == "stop":
        title_comma = _corporate_then_title(stripped)
        if title_comma is not None:
            return AuthorCut(end=title_comma, rest=title_comma, comma_style=True)
    if scanned >= len(stripped) and stripped:
        comma = region.rstrip().endswith(",") or (
            kind == "bare"
            and text[end : end + 12].find(",") != -1
            and bare is not None
            and text[bare.end() : bare.end() + 2].startswith(",")
        )
        return AuthorCut(
            end=len(stripped),
            rest=end,
            date=date if kind in {"paren", "bare"} else None,
            comma_style=comma,
        )
    if scanned <= 0:
        # "Central Statistical Agency of Ethiopia, ‘Socioeconomic Survey’ (...)" (MHRA)
        if kind in {"stop", "quote"} and looks_corporate(stripped) and len(stripped) < 120:
            return AuthorCut(end=len(stripped), rest=end)
        return AuthorCut(end=0, rest=0)
    tail = region[scanned:]
    return AuthorCut(
        end=scanned, rest=scanned, comma_style=tail.lstrip().startswith(",") or "," in tail[:3]
    )


def _corporate_then_title(region: str) -> int | None:
    """IEEE "United Nations Environment Programme, Food Waste Index Report": the comma after an
    organisation that ends the author list when what follows is a title, not another unit
    ("..., Office of the Surgeon General") or people ("ATLAS Collaboration, G. Aad")."""
    comma = region.find(", ")
    if comma <= 0:
        return None
    head, tail = region[:comma], region[comma + 2 :]
    tail_words = tail.split()
    if len(head.split()) < 2 or len(tail_words) < 2 or not looks_corporate(head):
        return None
    if looks_corporate(tail) or any(is_initials(w) for w in tail_words) or "," in tail:
        return None
    return comma


def _region_is_author(region: str, kind: str) -> bool:
    """Before a date: is this plausibly an author segment (people or an organisation)?"""
    if not region:
        return False
    if len(region) > 400:
        return False
    if _scan_names(region) >= len(region):
        return True
    if looks_corporate(region) or site_name(region) is not None:
        return True  # "nhs.uk. 2019. Stroke.": the site as the author
    # A short stretch before "(2019)." is an author (or a title standing in for one).
    return kind == "paren" and len(region.split()) <= 8 and not any(q in region for q in '"“”')
