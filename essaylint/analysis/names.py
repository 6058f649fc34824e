"""Parse the author segment of a reference-list entry into :class:`Person` objects.

The segment is whatever comes before the date or title of an entry, in any of
the common shapes::

    Pan, Z., Lu, Y., Wang, B., & Chau, P. Y.        (APA)
    Lawrence, G.D.                                   (Harvard)
    Rong, Shuang, Benchao Li, and Wei Zhang          (Chicago / MLA)
    Goss DL, Moore JH                                (Vancouver)
    Tsung-Yu Lin, Aruni RoyChowdhury                 (natural order)
    World Health Organization / Zentangle, Inc.      (corporate)
    ———.                                             (same authors as above)

:func:`parse_authors` is pure and never raises on ordinary text.
"""

from __future__ import annotations

import re

from essaylint.analysis.patterns import COUNTRY_HEAD, DASHES, EMPHASIS, GENERATION
from essaylint.analysis.text import PARTICLES
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Person

__all__ = [
    "is_initials",
    "looks_corporate",
    "looks_like_name_part",
    "natural_family",
    "parse_authors",
    "strip_role_words",
]

# --- shapes of single tokens -------------------------------------------------

_INITIALS = compile_lazily(
    r"^(?:(?:[^\W\d_]\.?-)?[^\W\d_][a-z]?\.|[A-Z]\.?-[A-Z]\.?)(?:[\s-]*(?:[^\W\d_][a-z]?\.|[A-Z]\.?-[A-Z]\.?))*$"
)
_BARE_INITIALS = compile_lazily(r"^[A-Z]{1,3}(?:-[A-Z]{1,2})?$")  # "JJ", "SS-H"
_SPACED_INITIALS = compile_lazily(r"^(?:[A-Z]\.?\s*){1,4}$")
# spacing accents ("Arbel´aez") are PDF debris inside a word
_WORD = compile_lazily(r"^[^\W\d_][\w'’.\-\u2190-\u21ff´`¨˜ˆ]*$")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "jnr", "snr"})
_GENERATION = compile_lazily(rf"(?<=\w)(?:\s+|,\s*){GENERATION}(?=\s*(?:,|&|\band\b|$))")
_CORPORATE_SUFFIX = compile_lazily(
    r",?\s+(?:Inc|Ltd|Limited|LLC|L\.L\.C|Co|Corp|Corporation|GmbH|PLC|plc|Pty)\.?$"
)
_ORG_WORDS = frozenset(
    [
        "organization",
        "organisation",
        "department",
        "institute",
        "institution",
        "university",
        "association",
        "committee",
        "commission",
        "council",
        "bank",
        "agency",
        "office",
        "ministry",
        "society",
        "foundation",
        "federation",
        "board",
        "bureau",
        "centre",
        "center",
        "group",
        "service",
        "services",
        "company",
        "corporation",
        "network",
        "union",
        "league",
        "trust",
        "fund",
        "press",
        "times",
        "news",
        "guardian",
        # newspapers and magazines: "Albuquerque Journal", "Chicago Tribune"
        "journal",
        "herald",
        "tribune",
        "gazette",
        "chronicle",
        "magazine",
        "telegraph",
        "network",
        "party",
        "government",
        "parliament",
        "congress",
        "senate",
        "authority",
        "administration",
        "library",
        "museum",
        "school",
        "college",
        "hospital",
        "team",
        "project",
        "consortium",
        "alliance",
        "coalition",
        "programme",
        "program",
        "initiative",
        "forum",
        "panel",
        "unit",
        "laboratory",
        "wikipedia",
        "bbc",
        "cnn",
        "reuters",
        "inc",
        "ltd",
        "llc",
        "staff",
        "nations",
        "world",
        "national",
        "international",
        "federal",
        "statistics",
        "council",
    ]
)
_ROLE = compile_lazily(
    r"\s*(?:\((?:eds?|Eds?|Hrsg|hrsg|Coords?|Comp|Dir|ed|Trans|trans)\.?[^)]*\)"
    r"|,?\s*\b(?:eds?|Eds?|Hrsg|hg|Hg)\.(?=\s*$)"
    r"|,?\s*\b(?:editors?|Editors?|director|producers?|compilers?|translators?)\.?(?=\s*$))"
)
_BRACKETED = compile_lazily(r"\s*\[[^\]]*\]|\s*\((?![^)]*\d)[^)]*\)")
_ET_AL = compile_lazily(
    r"[,;]?\s*(?:\bet\.?\s*al\b\.?|\band\s+others\b|\bu\.\s?a\.|\ba\s+kol\.|…|\.\.\.)\s*[.,;]?\s*$",
    re.IGNORECASE,
)
# "MIT", "NASA", "NGOs"; "JJ" may be initials, "DUCLERT" or "RAHNER Karl" a surname in capitals.
_ACRONYM = compile_lazily(r"^[A-Z]{3,5}s?$")
# Places written as capitals before an organisation's name: "UK Government", "US Congress".
_PLACE_ABBREVIATIONS = frozenset({"UK", "US", "U.S", "USA", "EU", "UN", "NZ", "UAE", "NSW"})
_REPEATER = compile_lazily(r"^[\s\-—–_―‒‐…~.,*]+$")
_CONJUNCTION = compile_lazily(
    r"\s*(?:,\s*)?(?:\s&\s?|&\s|(?<![\w-])(?:and|und|et|y|og|och)(?![\w-])|(?<=\s)e(?=\s))\s*"
)
_SEMICOLON = compile_lazily(r"\s*;\s*")
_COMMA = compile_lazily(r"\s*,\s*")
_SPACE = compile_lazily(r"\s+")


def is_initials(token: str) -> bool:
    """True for given-name initials: "D.", "D. M.", "J.-P.", "JJ", "G.D.", "Th."."""
    token = token.strip()
    if not token:
        return False
    if _BARE_INITIALS.match(token):
        return True
    if _SPACED_INITIALS.match(token) and "." in token:
        return True
    return bool(_INITIALS.match(token))


def _is_word(token: str) -> bool:
    """A name word: starts with a letter, no digits."""
    return bool(_WORD.match(token)) and not any(ch.isdigit() for ch in token)


def _is_particle(token: str) -> bool:
    return token in PARTICLES or token.lower() in {"de la", "van der", "van den"}


def _is_cap_word(token: str) -> bool:
    """A capitalised name word that is not an initial ("Smith", "RoyChowdhury", "O'Neil")."""
    core = token.strip(".")
    return len(core) >= 2 and core[0].isupper() and _is_word(core) and not is_initials(token)


# all-caps words that read as initials but are function words ("COMMISSION ON ...")
_CAPS_FUNCTION_WORDS = frozenset({"U.S.", "ON", "OF", "THE", "AND", "FOR", "IN", "TO", "AT"})
_FUNCTION_WORDS = frozenset({"The", "An", "Of", "And", "In", "On", "For", "To", "With", "From"})


def looks_like_name_part(part: str) -> bool:
    """Could this comma-separated chunk be (part of) a personal name?

    Accepts initials, surnames, given names and short full names; rejects
    chunks with digits, long chunks and chunks with lower-case words other
    than particles ("de", "van").
    """
    part = part.strip().strip(",;")
    if not part or len(part) > 60:
        return False
    if is_initials(part):
        return True
    words = part.split()
    if len(words) > 5 and sum(1 for w in words if is_initials(w)) * 2 < len(words):
        return False
    if words[0] in {"The", "A", "An", "On", "In", "Of", "For"} and len(words) > 1:
        return False
    has_name_word = False
    if any(w in _FUNCTION_WORDS for w in words[1:]):
        return False
    for word in words:
        if is_initials(word):
            continue
        if word.lower().strip(".") in _SUFFIXES:
            continue
        if _is_particle(word):
            continue
        if not _is_word(word) or not word[0].isupper():
            return False
        if word.endswith(".") and len(word.strip(".")) > 2 and "." not in word[:-1]:
            # "Trans." or "Proc." inside a chunk: an abbreviation, not a name
            return False
        has_name_word = True
    return has_name_word or len(words) == 1 or any(is_initials(w) for w in words)


# The abbreviation an organisation gives itself after its name: "(CDC)", "(NLIHC)", "(UN-Habitat)";
# two capitals at least, so "(Ed.)" is no abbreviation.
# "Centers for ... Prevention (CDC)", "United States Department of Labor (US DoL)": the
# organisation's own abbreviation, in capitals, of one word or two or three short ones.
_OWN_ABBREVIATION = compile_lazily(
    r"\s+\((?=[^)]*[A-Z][^)]*[A-Z])(?:[A-Z][\w&.\-]{1,11}|[A-Z][\w&.\-]{0,4}(?:\s[A-Z][\w&.\-]{0,4}){1,2})\)$"
)


def looks_corporate(segment: str) -> bool:
    """Heuristic: an organisation rather than a list of people."""
    text = segment.strip().strip(".,;")
    text = _OWN_ABBREVIATION.sub("", text)  # "Centers for ... Prevention (CDC)"
    if not text:
        return False
    if _CORPORATE_SUFFIX.search(text):
        return True
    words = text.split()
    if (
        len(words) >= 2
        and _ACRONYM.match(words[0])
        and not is_initials(words[1])
        and not re.search(r"[,;&]", text)
    ):
        return True  # "MIT OpenCourseWare", "IBM Cloud Education"; not "DUCLERT V."
    if len(words) < 2 or len(words) > 12 or re.search(r"[\d:()\"“”]", text):
        return False
    if words[0] == "The" and "," not in text:
        return True
    folded = {w.strip(".,()").lower() for w in words}
    if folded & _ORG_WORDS and (
        not _has_initials_pattern(text) or words[0].strip(".") in _PLACE_ABBREVIATIONS
    ):
        return True  # "Department of Health", "UK Government" (not initials "U. K.")
    if "," in text or ";" in text:
        return False
    # "Bureau of Labor Statistics": lower-case of/for/the/on between capitals
    return bool(re.search(r"[A-Z][\w.]*\s+(?:of|for|the|on)\s+(?:the\s+)?[A-Z]", text))


def ends_in_body_word(name: str) -> bool:
    """Does the name end in a word bodies are named by: "... Travel Association",
    "... Research Council"?"""
    words = name.split()
    return bool(words) and words[-1].strip(".,()").casefold() in _ORG_WORDS


def _has_initials_pattern(text: str) -> bool:
    """True when the text has personal-name initials ("Smith, J." or "J. Smith")."""
    tokens = [t for t in re.split(r"[\s,;&]+", text) if t]
    return (
        any(
            is_initials(t)
            and len(t.strip(".")) <= 2
            and t not in _CAPS_FUNCTION_WORDS
            # "Chartered Institute for IT": a capital pair after "for" or "of" names a field
            and (index == 0 or tokens[index - 1] not in _FIELD_BEFORE)
            for index, t in enumerate(tokens[:6])
        )
        and not (re.match(r"^(?:U\.\s?S\.|U\.\s?K\.|E\.\s?U\.)", text))
    )


def strip_role_words(segment: str) -> str:
    """Remove "(Eds.)", "ed.", "[WHO]" and similar from an author segment."""
    text = _ROLE.sub("", segment)
    return _BRACKETED.sub("", text)


def _clean(segment: str) -> str:
    text = EMPHASIS.sub(r"\2", segment)
    text = _SPACE.sub(" ", text).strip()
    # "Towne Jr., S. D." and "Smith, A., Jr.": a generation is neither a given name
    # nor an author of its own
    text = _GENERATION.sub("", text)
    return re.sub(r"^\s*(?:\[\d+\]|\(\d+\)|\d{1,3}\.\s)\s*", "", text)


def _split_words(token: str) -> list[str]:
    """Split a name token into words, keeping "G.D." style initials as one word."""
    token = re.sub(r"(?<=\.)(?=[A-Z][a-z]{2,})", " ", token)  # "J.Smith" -> "J. Smith"
    return [w for w in token.replace(",", " ").split() if w]


def _family_from_words(words: list[str], *, after_initials: bool = False) -> tuple[str, str | None]:
    """Natural order "Ludwig van Beethoven": the last word plus particles before it.

    ``after_initials``: the given names are initials, so a particle written with a capital
    belongs to the family too ("L. De Mol", "A. Van Dyke")."""
    words = [w for w in words if w.lower().strip(".") not in _SUFFIXES] or words
    end = len(words) - 1
    start = end
    while start > 0 and (
        _is_particle(words[start - 1])
        or (after_initials and start > 1 and _is_particle(words[start - 1].lower()))
    ):
        start -= 1
    family = (
        " ".join(words[start:]).strip(".")
        if not words[-1].endswith("..")
        else " ".join(words[start:])
    )
    given = " ".join(words[:start]) or None
    return family, given


def _person(family: str, given: str | None, raw: str) -> Person:
    family = family.strip().strip(",;")
    if family.endswith(".") and not is_initials(family):
        family = family[:-1]
    return Person(family=family, given=(given.strip() or None) if given else None, raw=raw.strip())


def _parse_token(token: str) -> list[Person]:
    """Parse one comma-free chunk that holds one or more names."""
    words = _split_words(token)
    if not words:
        return []
    kinds = ["I" if is_initials(w) else "W" for w in words]
    if all(k == "I" for k in kinds):
        # "BEARD" or "LA" alone: treat as a surname
        return [_person(token, None, token)]
    if kinds[-1] == "I" and kinds[0] == "W":
        return _parse_vancouver(words, kinds)
    if kinds[0] == "I":
        return _parse_initials_first(words, kinds)
    family, given = _family_from_words(words)
    return [_person(family, given, token)]


def _parse_vancouver(words: list[str], kinds: list[str]) -> list[Person]:
    """ "Goss DL Moore JH" / "Heidegger M." / "Pérez-Higueras JJ": family + initials runs."""
    people: list[Person] = []
    family: list[str] = []
    given: list[str] = []
    for word, kind in zip(words, kinds, strict=True):
        if kind == "W" and given:
            people.append(_person(" ".join(family), " ".join(given), " ".join(family + given)))
            family, given = [], []
        (family if kind == "W" else given).append(word)
    if family:
        people.append(_person(" ".join(family), " ".join(given) or None, " ".join(family + given)))
    return people


def _parse_initials_first(words: list[str], kinds: list[str]) -> list[Person]:
    """ "H. Fischer" / "S. Keshav H. Zhang" / "D. H. van Hessem": initials then family."""
    people: list[Person] = []
    current: list[str] = []
    for index, (word, kind) in enumerate(zip(words, kinds, strict=True)):
        starts_new = (
            kind == "I"
            and index > 0
            and kinds[index - 1] == "W"
            and not _is_particle(words[index - 1])
        )
        if starts_new and current:
            family, given = _family_from_words(current, after_initials=True)
            people.append(_person(family, given, " ".join(current)))
            current = []
        current.append(word)
    if current:
        family, given = _family_from_words(current, after_initials=True)
        people.append(_person(family, given, " ".join(current)))
    return people


def _looks_given(token: str) -> bool:
    """Given names after a comma: initials or one or two capitalised words."""
    if is_initials(token):
        return True
    words = token.split()
    return 1 <= len(words) <= 3 and all(
        _is_cap_word(w) or is_initials(w) or _is_particle(w) for w in words
    )


def _looks_surname(token: str) -> bool:
    """A surname before a comma: one to three words, none of them initials."""
    words = token.split()
    if not 1 <= len(words) <= 3:
        return False
    return all((_is_word(w) and not is_initials(w)) or _is_particle(w) for w in words)


def _parse_comma_part(part: str) -> list[Person]:
    """Parse a conjunction-free part such as "Pan, Z., Lu, Y." or "Rong, Shuang, Benchao Li"."""
    tokens = [t for t in _COMMA.split(part) if t.strip()]
    tokens = [t for t in tokens if t.lower().strip(". ") not in _SUFFIXES]
    people: list[Person] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        pair = nxt is not None and _pairs(token, nxt, len(tokens))
        if nxt is not None and pair and not _named_alone(token, nxt, after):
            people.append(_person(token, nxt, f"{token}, {nxt}"))
            i += 2
            continue
        people.extend(_parse_token(token))
        i += 1
    return people


def _named_alone(token: str, nxt: str, after: str | None) -> bool:
    """ "Masakazu Sunaga, Takei, Y., ...": a full name in natural order, then "Family,
    Initials". The one-word token pairs with the initials after it, not with the name
    before it."""
    words = token.split()
    return (
        after is not None
        and is_initials(after.strip())
        and len(nxt.split()) == 1
        and not is_initials(nxt)
        and len(words) >= 2
        and not any(is_initials(w) or _is_particle(w) for w in words)
    )


# "K." standing for a family name only when a run of two or more given initials
# follows it ("K., H. M."); "O, Häggström" and "K., H." keep their reading.
_LETTER_FAMILY = compile_lazily(r"[A-Z]\.")
_SEVERAL_INITIALS = compile_lazily(r"[A-Z]\.(?:[ -]?[A-Z]\.)*[ -]?[A-Z]\.?")


def _pairs(first: str, second: str, count: int) -> bool:
    """Do two adjacent comma tokens form "Family, Given"?"""
    if _LETTER_FAMILY.fullmatch(first) and _SEVERAL_INITIALS.fullmatch(second):
        return True  # "K., H. M.": a family name cut to its letter, then the given initials
    if not _looks_surname(first) or not _looks_given(second):
        return False
    first_words = first.split()
    second_words = second.split()
    particle_led = first_words[0].casefold() in PARTICLES and len(first_words) > 1
    if len(first_words) > 1 and len(second_words) > 1 and not is_initials(second):
        # "Tsung-Yu Lin, Aruni RoyChowdhury": two natural-order full names; but
        # "De la Garza, Rodolfo O." (Chicago, MLA) starts with a particle: a family name
        return particle_led
    if is_initials(second):
        return True
    # "Erisman, A. Bleeker, A. Hensen": natural-order names after the first
    return not (len(second_words) > 1 and is_initials(second_words[0]) and count > 2)


def parse_authors(segment: str) -> tuple[tuple[Person, ...], bool]:
    """Parse an author segment into people and an *et al.* flag.

    >>> people, et_al = parse_authors("Pan, Z., Lu, Y., & Chau, P. Y.")
    >>> [p.family for p in people], et_al
    (['Pan', 'Lu', 'Chau'], False)
    """
    return _parse_authors(segment)


def _parse_authors(segment: str) -> tuple[tuple[Person, ...], bool]:
    text = _clean(segment)
    if not text or _REPEATER.match(text):
        return (), False
    text = strip_role_words(text).strip().strip(",;:")
    et_al = False
    match = _ET_AL.search(text)
    if match:
        et_al = True
        text = text[: match.start()].strip().strip(",;")
    text = (
        text.rstrip(".").strip()
        if not re.search(r"\b[A-Z]\.$|\b(?:Inc|Ltd|Co|Jr|Sr)\.$", text)
        else text
    )
    if not text:
        return (), et_al
    handle = _HANDLE.match(text)
    if handle:
        # "KomalSrivastava@TWC" is cited as "KomalSrivastava"; "@nasa" as "nasa"
        family = handle.group("user") or handle.group("host")
        return (Person(family=family, raw=text, corporate=True),), et_al
    byline = _PERSON_SLASH_OUTLET.fullmatch(text)
    if byline:
        # "Andrea Chiarelli/Auth0": a writer and the site that published them; cited by name
        writers, _ = _parse_authors(byline.group("person"))
        if writers and not any(p.corporate for p in writers):
            return writers, et_al
    with_organisation = _people_and_organisation(text)
    if with_organisation:
        return with_organisation, et_al
    if (
        looks_corporate(text)
        or _brand_in_natural_order(text)
        or _no_person(text)
        or _NAMED_REPORT.fullmatch(text)
    ):
        name = text.strip().rstrip(",;")
        return (Person(family=name, raw=name, corporate=True),), et_al
    people: list[Person] = []
    for group in _SEMICOLON.split(text):
        for part in _CONJUNCTION.split(group):
            part = part.strip().strip(",;")
            if part:
                people.extend(_parse_comma_part(part))
    return _initial_first(tuple(p for p in people if p.family)), et_al


def _people_and_organisation(text: str) -> tuple[Person, ...]:
    """ "Khan, Omar, Kjartan Páll Sveinsson, and Runnymede Trust": people, then an
    organisation as the last author; the organisation's word makes no company of them."""
    parts = _CONJUNCTION.split(text)
    if len(parts) < 2 or "," not in parts[0] or ";" in text:
        return ()
    people_text = ", ".join(p.strip(" ,") for p in parts[:-1])
    organisation = parts[-1].strip(" ,")
    if not looks_corporate(organisation) or looks_corporate(people_text):
        return ()
    people, _ = _parse_authors(people_text)
    if not people or any(p.corporate for p in people):
        return ()
    return (*people, Person(family=organisation, raw=organisation, corporate=True))


_LONE_INITIAL = compile_lazily(r"[A-Z]\.?")


def _initial_first(people: tuple[Person, ...]) -> tuple[Person, ...]:
    """ "O, Häggström" and "C, Green and T, Brock": each initial written before its
    surname with a comma is that person's given name, not an author of its own."""
    if len(people) < 2 or not all(
        not p.given and _LONE_INITIAL.fullmatch(p.family) for p in people[::2]
    ):
        return people
    pairs = list(zip(people[::2], people[1::2], strict=False))
    if len(people) % 2 or any(
        second.given or _LONE_INITIAL.fullmatch(second.family) for _, second in pairs
    ):
        return people
    return tuple(
        Person(family=second.family, given=first.family, raw=f"{first.raw} {second.raw}")
        for first, second in pairs
    )


# "US Public Report", "PwC Report": a work named for who made it, written where an
# author goes ("US Public Report: https://..."); no one's family name is "Report".
_NAMED_REPORT = compile_lazily(r"[^,;&]+\sReport")
# "Andrea Chiarelli/Auth0": a writer's name in natural order, a slash, the site.
_PERSON_SLASH_OUTLET = compile_lazily(
    r"(?P<person>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s*/\s*[^/\s][^/]{1,60}"
)
_HANDLE = compile_lazily(r"^(?P<user>[^\W_][\w.-]*)?@(?P<host>[^\W_][\w.-]*)$")
_SPACED_DASH = compile_lazily(rf"\s[{DASHES}]\s")


def _no_person(text: str) -> bool:
    """A comma-free head that cannot be one person's name: a lower-case word that is
    no particle among capitalised ones ("Time to Play Fair", "Ways to Learn"), or a
    dash between spaces ("Apple Leadership - Eddy Cue"). Whole, it is a name of a site
    or a title; a family name cut from it ("Fair", "Cue") is no one's.

    All lower case is a person who writes so ("bell hooks").
    """
    if re.search(r"[,;&]", text) or _CONJUNCTION.search(text):
        return False  # several people ("G. Rossetti e L. M. Bianchi")
    words = text.split()
    if len(words) < 2 or not any(w[:1].isupper() for w in words):
        return False
    if _SPACED_DASH.search(text):
        return True
    return any(w[:1].islower() and not _is_particle(w) for w in words)


def _brand_in_natural_order(text: str) -> bool:
    """ "Excelsior Online Writing Lab", "Simply Psychology": a name made of brand words.

    Only a comma-free run of capitalised words with no initials or particles
    qualifies; it is an organisation when two of its words name publications
    or firms ("Online", "Lab", "Psychology"), or one does in a run of three or more.
    """
    words = text.split()
    if not 2 <= len(words) <= 6 or re.search(r"[,;&]|\band\b", text):
        return False
    if not all(_NAME_WORD.match(w) and w[0].isupper() and not is_initials(w) for w in words):
        return False
    brand = sum(1 for w in words if w.casefold() in _BRAND_WORDS or w.casefold() in _ORG_WORDS)
    return brand >= 2 or (brand == 1 and len(words) >= 3)


# --- a person named in running text ------------------------------------------

# Words that name publications, web sites and firms rather than people: a
# narrative "Open Learning (2019)" or "Simply Psychology (2022)" is not
# a given name plus a family name.
_BRAND_WORDS = frozenset(
    """academy american british care clinic cloud daily dictionary digital economist education
    encyclopaedia encyclopedia european global guide health help hub insider insights journal
    lab labs learning life
    magazine media medical medicine mind online open post psychology publishing research
    review science sciences simply software solutions systems tech technologies technology
    today weekly wiki""".split()
)
_NAME_WORD = compile_lazily(r"^[^\W\d_][^\W\d_]*(?:['’\-][^\W\d_]+)*$")
_PERSON_FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "for", "and", "with", "at", "on", "in"})
# A capital pair after one of these names a field ("Institute for IT"), not a person's
# initials; "and" may stand before initials ("Smith, J. and K. Jones").
_FIELD_BEFORE = _PERSON_FUNCTION_WORDS - {"and"}


def _is_initial_word(word: str) -> bool:
    """ "D.", "B.F.", "J.-P.": an initial written with its full stop."""
    return "." in word and word[:1].isupper() and is_initials(word)


# An Irish family name's "O'" ("O'Neil", "O’Brien", "O'neil"): no given name opens so.
_O_PREFIX = compile_lazily(r"O['’][A-Za-z]{2,}")


def natural_family(phrase: str, *, lenient: bool = True) -> str | None:
    """The family name of a person named in natural order, or None.

    >>> natural_family("Mary D. Ainsworth"), natural_family("Vincent van Gogh")
    ('Ainsworth', 'van Gogh')

    A particle before the last word stays with it ("Charles De Gaulle" ->
    "De Gaulle"). Organisations, brands and titles give None: "Open Learning",
    "MIT OpenCourseWare", "World Health Organization", "Rise With Odn". A
    phrase with an initial or a particle inside ("B. F. Skinner", "Ludwig van
    Beethoven"), or a family name with "O'" ("Cathy O'Neil"), is a person; two or
    three plain capitalised words ("Lars Klint") are taken as one only when
    ``lenient``, for they may also be a brand.
    """
    words = [w.strip("_*") for w in phrase.split()]
    if not 2 <= len(words) <= 5 or looks_corporate(phrase) or COUNTRY_HEAD.match(phrase):
        return None  # "U.S. Treasury", "UK Parliament": a country's body, no initials
    last = len(words) - 1
    strong = False
    for index, word in enumerate(words):
        folded = word.casefold().strip(".")
        if (_is_initial_word(word) and index < last) or (0 < index < last and folded in PARTICLES):
            strong = True
        elif (
            not _NAME_WORD.match(word)
            or not word[0].isupper()
            or (len(word) > 1 and word.isupper())
            or folded in _BRAND_WORDS
            or folded in _ORG_WORDS
            or folded in _PERSON_FUNCTION_WORDS
        ):
            return None
    if _O_PREFIX.match(words[last]):
        strong = True  # "Cathy O'Neil": O' opens only a family name
    if not (strong or (lenient and len(words) <= 3)):
        return None
    start = last
    while start > 0 and words[start - 1].casefold() in PARTICLES:
        start -= 1
    return " ".join(words[start:])
