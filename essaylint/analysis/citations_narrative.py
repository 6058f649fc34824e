"""Narrative author-date citations: the author named in the sentence, "Smith (2019)".

:class:`NarrativeReader` finds the author phrase before a parenthesis that
holds only a year ("According to Epton and Harris (2020)", "Bowlby's (1969)
theory", "Maslow's Hierarchy of Needs (1943)"), keys a person on the family
name, and tells a cited author from a named thing ("Camp David Accords (1978)")
by what the reference list knows and by the words around it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from essaylint.analysis.citation_names import (
    INITIALS_ONLY,
    INSTRUMENTS,
    NOT_AUTHORS,
    PARAGRAPH_BREAK,
    UPPER,
    after_sentence_word,
    drop_trailing_initials,
    list_items,
    strip_alias_et_al,
    strip_markup,
    trim_sentence_words,
)
from essaylint.analysis.citations_clause import clause_citations
from essaylint.analysis.names import ends_in_body_word, looks_corporate, natural_family
from essaylint.analysis.patterns import AUTHOR_AND, ET_AL, YEAR_DIGITS, site_name
from essaylint.analysis.text import MINOR_WORDS, PARTICLES, name_key, year_digits
from essaylint.analysis.titled_years import TitleIndex
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Citation, Reference, Span

NEAR_WHOLE = 80.0  # rapidfuzz ratio at which a whole cited name is a near miss of an entry

# Capitalised words that start a sentence before "with" + author: not co-authors.
_WITH_LEADS = frozenset(
    """along agreeing combined compared comparing consistent contrasted dealing together
    starting beginning working line keeping accordance""".split()
)
# A capitalised "-ing" or "-ed" word ("Engaging", "Collaborated"): a verb, unless it is a
# name the reference list knows ("Fleming").
_VERB_FORM = compile_lazily(r"[A-Z][a-z]{2,}(?:ing|ed)")

_LEAD_IN = compile_lazily(
    r"(?:\b(?:according\s+to|by|as|in|from|see|per|following|cited\s+in|and|&|work\s+of|"
    r"study\s+of|research\s+of|view\s+of))\s*$",
    re.IGNORECASE,
)
REPORTING = compile_lazily(
    r"^\s*,?\s*(?:(?:also|further|similarly|however|first|later|again|then|rightly|"
    r"convincingly|famously|once|memorably|originally|early)\s+){0,2}"
    r"(?:argue|note|state|found|find|suggest|show|report|explain|claim|describe|define|"
    r"propose|observe|write|wrote|say|said|emphasi[sz]e|point|"
    r"demonstrate|conclude|contend|assert|highlight|maintain|insist|recommend|identif|"
    r"discuss|examine|investigate|develop|introduce|believe|posit|indicate|reveal|stress|"
    r"add|acknowledge|mention|warn|reason|outline|summari[sz]e|list|call|refer|theori[sz]e|"
    r"coin|term|predict|estimate|agree|disagree|challenge|question|criticis|critici[sz]|"
    r"observ|put\s+forward|sugges|remark|caution|notic|recall|explor|studi|analy[sz]|view|consider)",
    re.IGNORECASE,
)
# A publication named after "published in", "in the journal": a container, not an author.
_PUBLISHED_IN = compile_lazily(
    r"(?:\b(?:published|appeared|appearing|printed|featured)\s+in\s+(?:the\s+)?"
    r"(?:(?:journal|magazine|newspaper|periodical)\s+)?|\bin\s+the\s+"
    r"(?:journal|magazine|newspaper|periodical)\s+)$",
    re.IGNORECASE,
)
# A field of study, not an author: "Research in Cyberpsychology", "research on Social Work".
_TOPIC = (
    r"(?:research|stud(?:y|ies)|work|findings|evidence|advances|trends|progress|issues|"
    r"reports?|papers?|articles?)"
)
_TOPIC_BEFORE = compile_lazily(rf"\b{_TOPIC}\s+(?:in|on|into|about)\s+(?:the\s+)?$", re.IGNORECASE)
_TOPIC_HEAD = compile_lazily(rf"^{_TOPIC}\s+(?:in|on|into|about)\s", re.IGNORECASE)
# A person's role just before the name: "the psychiatrist John Bowlby (1969)".
_ROLE_BEFORE = compile_lazily(
    r"\b(?:[a-z]+(?:ist|ian|pher)|researcher|author|writer|professor|scholar|expert|critic|"
    r"engineer|designer|educator|teacher|founder|doctor|surgeon|nurse)\s+$"
)

# "(Malia Politzer, 2020)", "Yossi Sheffi (2024)": a given name before a family name and year.
_GIVEN_FAMILY_YEAR = compile_lazily(
    (r"\b([A-Z][a-z]+)\s+([A-Z][\w'’\-]+),?\s*\(?" + YEAR_DIGITS).replace("[A-Z]", f"[{UPPER}]")
)

# "studies from Sweden", "within Norway": a place, not a person called by the family name.
_PLACE_BEFORE = compile_lazily(
    r"\b(?:in|within|from|across|throughout|outside|inside|around)\s+$", re.IGNORECASE
)
_PLACE_REACH = 12

_CAPITALISED_WORD = compile_lazily(rf"(?<![\w\-])[{UPPER}][\w'’\-]*")
_YEAR_NEXT = compile_lazily(r"\s*\(")

_ACRONYM = compile_lazily(r"[A-Z]{2,}s?")
# What a body issues, named after it: "NICE guidelines (2019)", "the ONS figures (2020)".
_ISSUED_DOCUMENTS = frozenset({"guidance", "guidelines", "guideline", "report"})
_DOCUMENTS = _ISSUED_DOCUMENTS | {"data", "statistics", "survey", "figures"}
_DOCUMENT_BEFORE = compile_lazily(
    r"(?<=[\w*_])\s+(?P<document>" + "|".join(sorted(_DOCUMENTS)) + r")\s*$"
)
_COUNTRY_ABBREVIATIONS = frozenset({"UK", "US", "USA", "EU", "UAE"})
# A maker named right before a short title read as a name (see _maker_before): how far
# back to look, the title's words at most, and the marks a title does not hold (they end
# a clause).
_MAKER_REACH = 80
_SHORT_TITLE_WORDS = 4
_CLAUSE_MARK = compile_lazily(r"[.,;:!?()\[\]]")
# The first party of a court case, then "v." or "vs.": the name after it is the other party.
_CASE_PARTY_BEFORE = compile_lazily(r"[A-Z][\w.'’&-]*\s+vs?\.?\s+$")
# An abbreviation in parentheses just before the year's: "Bureau of Economic Analysis (BEA) (2014)".
_DEFINED_BEFORE = compile_lazily(r"\(([A-Z][A-Za-z&.]{1,12})\)\s*$")

# Where a cell or line of sources opens and closes around a citation: a line break, a
# table's bar or a semicolon between works.
_CELL_REACH = 8
_CELL_OPEN = compile_lazily(r"[\n|;][ \t*_]*$")
_CELL_CLOSE = compile_lazily(r"[ \t*_.]*(?:[;|\n]|$)")


# A title in italics after the maker's name and a comma, right before the year: ", *Priced
# Out*" of "NLIHC, *Priced Out* (2024)".
_TITLE_AFTER_NAMES = compile_lazily(r"(?<=\S),\s*([*_]+)[^*_\n]+\1$")

# Capitalised words and a spaced dash right before a name: "Sparx Maths - " of "Sparx
# Maths - Home (n.d.)".
# A numbered section heading on a line of its own, the last before the year: Word's line
# break keeps "2.2.2 Application and Performance" in the paragraph it heads.
_NUMBERED_HEADING_LINE = compile_lazily(
    r"(?:^|\n)[ \t]*\d{1,2}(?:\.\d{1,2})+\.?[ \t]+[^\n]*\n(?=[^\n]*\Z)"
)
_DASHED_HEAD = compile_lazily(r"(?<![\w'’])(?:[A-Z][\w'’&.]*\s+){1,6}[-–—]\s+$")
_NARRATIVE = compile_lazily(
    # The name starts a word: "while Smith" is not "le Smith", "made Smith" not "de Smith".
    r"(?P<names>(?<!\w)(?:(?:van|von|de|del|della|di|da|du|le|la|der|den|ten|ter)\s+)?"
    r"[_*]*(?:[A-Z][\w\-]*(?:\.[A-Z][\w\-]*)+|[A-Z]\.|[A-Z][\w\-]*(?:['’][A-Z][\w\-]*)?)[_*]*"
    r"(?:(?:\s+|,\s*|,?\s+{and}\s+)"
    r"(?:(?:van|von|de|der|den|la|le|du|da|di|of|for|the|at|on|in|with|ten|ter)\s+)*"
    # "GOTTFREDSON, L.S.": initials run together after a family name
    # and "T.-Y.", a hyphenated given name's initials
    r"[_*]*(?:[A-Z]\.(?:-?[A-Z]\.){1,2}|[A-Z]\.|[A-Z][\w\-]*(?:['’][A-Z][\w\-]*)?)[_*]*){0,24})"
    r"(?P<etal>,?\s+{et_al}|\s+and\s+(?:colleagues|others|co-?workers|associates))?"
    r"(?P<poss>['’]s?)?"
    r"(?P<gap>(?:\s+[a-z][\w\-]*){1,3})?"
    # "According to Mishra, (2024)", "As mentioned by InnovateMR., (2023)": a stray comma;
    # "Walcher_ et al. _(2020)": a stray emphasis mark
    r"(?:\.?,)?\s*[_*]{0,2}$".replace("[A-Z]", f"[{UPPER}]")
    .replace("{et_al}", ET_AL)
    .replace("{and}", AUTHOR_AND)
)

# "Maslow's Hierarchy of Needs (1943)": a possessor, then a title-cased concept before the year.
_POSSESSIVE_CONCEPT = compile_lazily(
    r"(?<![\w'’])(?P<owner>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?)['’]s?"
    r"(?P<concept>(?:\s+(?:[A-Z][\w\-]*|of|the|and|for|in|on|to|a|an|&)){1,8})\s*$".replace(
        "[A-Z]", f"[{UPPER}]"
    )
)
# At most this many words in a name no entry confirms; a body's name ("The Global
# Business Travel Association") may run longer.
_NAME_WORDS = 4
_BODY_NAME_WORDS = 6
_CONCEPT_WORDS = 5  # at most this many words, possessor included, when no entry confirms it
_ARTICLE_HEAD = compile_lazily(r"(?:The|A|An)\s+(?=\S)")
_ARTICLE_BEFORE = compile_lazily(
    r"\b(?:the|a|an|this|that|its|their|our|his|her)\s+$", re.IGNORECASE
)
_COAUTHOR_BEFORE = compile_lazily(r"(?:[A-Z][\w\-]*|\bal\.?)\s*,?\s*" + AUTHOR_AND + r"\s*$")
# A possessive inside an organisation's name: "the Children's Hospital", "St John's College".
_INSTITUTION_WORDS = frozenset(
    """foundation hospital institute university college society association council trust
    school centre center clinic museum library church company""".split()
)


def author_date_citation(
    span: Span,
    text: str,
    names: tuple[str, ...],
    et_al: bool,
    year: str,
    *,
    locator: str | None = None,
    narrative: bool = False,
    prefix: str | None = None,
    secondary: bool = False,
    alias: str | None = None,
) -> Citation:
    return Citation(
        span=span,
        text=text,
        kind="author-date",
        authors=names,
        et_al=et_al,
        year=_written_year(year),
        locator=locator,
        narrative=narrative,
        prefix=prefix,
        secondary=secondary,
        alias=alias,
    )


def _written_year(year: str) -> str:
    """ "n. d." and "n.d" -> "n.d.", "no  date" -> "no date"; a year stays as written."""
    folded = year.lower()
    if folded.startswith("no"):
        return " ".join(year.split())
    if not folded.startswith("n"):
        return year
    joined = re.sub(r"\s+", "", year)
    return joined + "." if joined.lower() == "n.d" else joined


_GIVEN_FIRST_ENTRIES = 2
_LOWER_NAME_BEFORE = compile_lazily(r"(?<![\w.@/-])([a-z][\w.-]{2,40})\s*$")
_MIN_SURNAME_RUN = 3
_SURNAME = compile_lazily(rf"[{UPPER}][\w'’\-]+")


def _comma_surnames_start(items: list[str], joins: list[str]) -> int:
    """Where a run of three or more bare surnames joined by commas ends the list
    ("Tinati, Halford, Carr, Pope (2016)"): the run is one author list. Past
    the end when there is no such run."""
    start = len(items) - 1
    while (
        start > 0
        and joins[start - 1] == "comma"
        and _SURNAME.fullmatch(items[start - 1])
        and trim_sentence_words(items[start - 1]) == items[start - 1]
    ):
        start -= 1
    if not _SURNAME.fullmatch(items[-1]) or len(items) - start < _MIN_SURNAME_RUN:
        return len(items)
    return start


def _lone_word_before_one(items: list[str]) -> bool:
    """ "Whereas, Soltis et al.": one word and a comma before a single name; when the
    reference list knows the name but not the word, the word opens the sentence.
    Not "Orme, Pike and Shaw", a list of three."""
    return len(items) == 2 and " " not in items[0]


# Initials typed without a space before the family name: "C.Tomasi", "J.F.Norman".
_GLUED_INITIALS = compile_lazily(r"^((?:[A-Z]\.){1,3})(?=[A-Z][a-z]{2,})")


def _shouted_title(head: str) -> bool:
    """Three or more words, every one in capitals: a title set in capitals, no author
    (an organisation written so, "WORLD HEALTH ORGANIZATION", is known from its entry)."""
    words = [w.strip(".,:;'’*_") for w in head.split()]
    return len(words) >= 3 and all(len(w) > 1 and w.isupper() for w in words)


class NarrativeReader:
    """Reads the author named before a parenthesis that holds only a year: "Smith (2019)".

    ``known`` are the name keys of the reference list's authors; ``aliases``
    the abbreviations the text has defined so far ("DfE" for "Department for
    Education"), which the parenthetical reader that extends this one fills in.
    """

    def __init__(self, text: str, known: frozenset[str], works: Sequence[Reference] = ()) -> None:
        self.text = text
        self.known = known
        self.works = works
        self._works_by_year: dict[str, list[Reference]] | None = None
        # Abbreviations the text defines, by name key: "unc" -> "The University of ...".
        self.aliases: dict[str, str] = {}
        self._writes_given_names: bool | None = None
        # Where each capitalised word stands, and which "Given Family" the text names alone.
        self._capitalised: dict[str, list[int]] | None = None
        self._alone: dict[tuple[str, str], bool] = {}
        self._lower_case_names: frozenset[str] | None = None
        self._first_families: frozenset[str] | None = None
        self._titles: TitleIndex | None = None
        self._teams: frozenset[frozenset[str]] | None = None  # each entry's authors' keys

    def lower_case_author(self, name: str) -> bool:
        """Is ``name`` an entry's first author that the list itself writes in lower case
        ("tutor2u", "oasisk"), or a site's host that the list writes with a capital
        ("operations.nfl.com" for "Operations.nfl.com")? Such a name is read where a
        capital would be asked for."""
        if site_name(name.strip()) is not None and name_key(name) in self.known:
            return True
        if self._lower_case_names is None:
            heads = (
                ref.authors[0].family if ref.authors else (ref.title or "").split(" ")[0]
                for ref in self.works
            )
            self._lower_case_names = frozenset(
                head for head in heads if head[:1].islower() and name_key(head) in self.known
            )
        return name.strip() in self._lower_case_names

    def named_alone(self, phrase: str) -> bool:
        """Is the phrase a person the text also calls by the family name alone?

        "Yossi Sheffi (2024) from MIT ... Sheffi suggests": the last word stands
        on its own elsewhere (not after the given name, not before a year, not
        after a word of place: "within Sweden" is a country), so the phrase names
        a person, not a thing.
        """
        words = phrase.split()
        if not 2 <= len(words) <= 3:
            return False
        if self._capitalised is None:
            self._capitalised = {}
            for m in _CAPITALISED_WORD.finditer(self.text):
                self._capitalised.setdefault(m.group(), []).append(m.start())
        given, family = words[-2], words[-1]
        if not (given.isalpha() and given[0].isupper() and len(family) > 2 and family.isalpha()):
            return False  # "Halbach, H.": an inverted name with initials, not "Given Family"
        key = (given, family)
        if key not in self._alone:
            self._alone[key] = any(
                not self.text[max(0, at - len(given) - 1) : at].startswith(given)
                and not _YEAR_NEXT.match(self.text, at + len(family))
                and not _PLACE_BEFORE.search(self.text, max(0, at - _PLACE_REACH), at)
                for at in self._capitalised.get(family, ())
            )
        return self._alone[key]

    def works_of(self, year: str) -> list[Reference]:
        """The entries dated ``year`` (digits), indexed once for the whole text."""
        if self._works_by_year is None:
            self._works_by_year = {}
            for ref in self.works:
                self._works_by_year.setdefault(year_digits(ref.year) or "", []).append(ref)
        return self._works_by_year.get(year_digits(year) or "", [])

    def writes_given_names(self) -> bool:
        """Does this writer cite people with their given names ("(Malia Politzer, 2020)")?

        Seen where a cited "Given Family" has a family name the reference list
        knows and a given name it does not, or where the list itself writes its
        authors so ("Lars Klink. (2021)", "David Thomas. (2019)"). Such a writer's
        other two-word citations name people too, also those whose entry is
        missing or misspelt.
        """
        if self._writes_given_names is None:
            self._writes_given_names = self._list_writes_given_names() or any(
                name_key(m.group(2)) in self.known
                and name_key(m.group(1)) not in self.known
                # "Via Transportation (2023)": an entry's organisation, named whole
                and name_key(f"{m.group(1)} {m.group(2)}") not in self.known
                for m in _GIVEN_FAMILY_YEAR.finditer(self.text)
            )
        return self._writes_given_names

    def _list_writes_given_names(self) -> bool:
        """Do two or more entries, and a third of those with an author, open with a
        person's name in natural order?"""
        firsts = [ref.authors[0] for ref in self.works if ref.authors]
        natural = sum(
            1
            for person in firsts
            if person.given
            and not person.corporate
            and "," not in person.raw
            and person.raw.startswith(person.given)
        )
        return natural >= _GIVEN_FIRST_ENTRIES and 3 * natural >= len(firsts)

    def _family(self, item: str, *, lenient: bool) -> str:
        """The name to key a cited author on: the family name of a person.

        A tail of the phrase that the reference list knows wins ("Claude
        Steele" -> "Steele", "Charles De Gaulle" -> "De Gaulle"); otherwise a
        person's name in natural order gives its family name ("Mary D.
        Ainsworth" -> "Ainsworth") and anything else stays whole ("Open
        Learning", "MIT OpenCourseWare"). So does a name that, whole, is
        nearer an entry than its last word is ("Poly Technic" for the entry
        "Open Polytechnic"): it is a misspelt organisation, not a person, also
        when its last word is known ("Moer Consulting" for "Moser Consulting").
        Initials after a family name are dropped ("Lindqvist-Arós M." -> "Lindqvist-Arós").
        """
        item = drop_trailing_initials(item)
        if name_key(item) in self.known:
            return item  # "U.S. Dept. of Health", known whole
        glued = after_sentence_word(item)  # "AsEnsminger and MacLean (1993)": a space lost
        if glued is not None and name_key(glued) in self.known:
            return glued
        item = _GLUED_INITIALS.sub(r"\1 ", item)  # "C.Tomasi" -> "C. Tomasi"
        words = item.split()
        for i in range(len(words)):
            tail = " ".join(words[i:])
            if not INITIALS_ONLY.fullmatch(words[i]) and name_key(tail) in self.known:
                # "Moer Consulting" is nearer "Moser Consulting" than "Consulting" is
                return item if self._nearer_whole(item, tail) else tail
        family = natural_family(
            item, lenient=lenient or self.writes_given_names() or self.named_alone(item)
        )
        if family is None:
            return item
        if self._nearer_whole(item, family) and not self._near_known(family):
            return item  # "Poly Technic" for "Open Polytechnic"; not "Lars Klint" for "Klink"
        return family

    def _near_known(self, name: str) -> bool:
        key = name_key(name)
        return any(fuzz.ratio(key, known) >= NEAR_WHOLE for known in self.known)

    def _nearer_whole(self, item: str, family: str) -> bool:
        whole, last = name_key(item), name_key(family)
        return any(
            fuzz.ratio(whole, key) >= NEAR_WHOLE and fuzz.ratio(whole, key) > fuzz.ratio(last, key)
            for key in self.known
        )

    def _author_list(self, phrase: str, et_al: bool) -> tuple[str, list[str]] | None:
        """Where a narrative author list starts, and its authors as written.

        "and", "&" and "with" join co-authors ("Epton and Harris"); a bare
        comma joins a short name only inside a list that ends in "and", "&"
        or "et al." ("Epton, Harris and Lee", "Corbet, Meegan, et al.").
        Otherwise the comma ends a clause and the authors come after it
        ("Unlike Freud, Bowlby", "the Lucas Asset Pricing Model, Mehra and
        Prescott"). Sentence words are trimmed from
        the head ("However", "As"); a head that had some ("In Britain, Smith
        and Jones"), or a lone word before a comma ("Whereas, Soltis et al."),
        is dropped when the reference list knows the next author but not it.
        """
        article = _ARTICLE_HEAD.match(phrase)
        if article and "," not in phrase:
            # "The Noorani and Carpenter (2013) model": an article before a team the list knows
            first_name = list_items(phrase[article.end() :])[0][0]
            if name_key(self._family(first_name, lenient=False)) in self.known:
                phrase = phrase[article.end() :]
        items, joins = list_items(phrase)
        if looks_corporate(trim_sentence_words(phrase)) and "," not in phrase:
            # "Centers for Disease Control and Prevention"; not "Most of Harvey and Pointon"
            items, joins = [phrase], []
        first = len(items) - 1
        surnames_from = _comma_surnames_start(items, joins)
        while first > 0:
            join = joins[first - 1]
            before = trim_sentence_words(items[first - 1])
            if (
                join == "comma"
                and first - 1 < surnames_from
                and not (
                    ("and" in joins[first:] or et_al)
                    and len(before.split()) <= 3
                    # "Focusing on Twitter, Karanatsiou et al.": a phrase, no name
                    and not any(w[:1].islower() and w not in PARTICLES for w in before.split())
                )
                and not self._whole_team(items[first - 1 :])
            ):
                break
            if join == "with" and self._leads_with(items[first - 1]):
                break
            first -= 1
        items = items[first:]
        head = trim_sentence_words(items[0])
        if not head and len(items) > 1 and joins[first] == "and" and self._listed_family(items[0]):
            head = items[0]  # "He & Xu (2020)" for "He, X., & Xu, C. (2020)": a name
        if not head:
            items = items[1:]
        elif (
            (head != items[0] or _lone_word_before_one(items) or self._word_before_team(items))
            and len(items) > 1
            and joins[first] == "comma"
        ):
            known_head = name_key(self._family(head, lenient=False)) in self.known
            if not known_head and name_key(self._family(items[1], lenient=False)) in self.known:
                items = items[1:]
            else:
                items[0] = head
        else:
            items[0] = head
        items = [i for i in items if i]
        if (
            len(items) > 1
            and joins[first] == "comma"
            and _ACRONYM.fullmatch(items[0])
            and name_key(items[0]) not in self.known
            and not _ACRONYM.fullmatch(items[1])
        ):
            items = items[1:]  # "the Visualization MOOC, Liu, Kang and McKelroy (2015)"
        if not items:
            return None
        return items[0], items

    def _word_before_team(self, items: list[str]) -> bool:
        """ "teaching Kanji, Green & Shimizu (2002)": one word, a comma, then names that
        are all the authors of one entry (in any order); the word ends the clause."""
        if " " in items[0] or len(items) < 3:
            return False
        if self._teams is None:
            self._teams = frozenset(
                frozenset(name_key(person.family) for person in work.authors) for work in self.works
            )
        return frozenset(name_key(self._family(item, lenient=False)) for item in items[1:]) in (
            self._teams
        )

    def _whole_team(self, items: list[str]) -> bool:
        """ "Pauzi, Hasan (2020)": names parted by bare commas that are all the authors of
        one entry, its first author first; a comma there joins co-authors."""
        if len(items) < 2 or not all(_SURNAME.fullmatch(item) for item in items):
            return False
        if self._teams is None:
            self._teams = frozenset(
                frozenset(name_key(person.family) for person in work.authors) for work in self.works
            )
        keys = frozenset(name_key(item) for item in items)
        return keys in self._teams and self._listed_family(items[0])

    def _listed_family(self, word: str) -> bool:
        """Is the word the family name of an entry's first author ("He", "May")?"""
        if self._first_families is None:
            self._first_families = frozenset(
                name_key(ref.authors[0].family) for ref in self.works if ref.authors
            )
        return name_key(word) in self._first_families

    def _leads_with(self, item: str) -> bool:
        """Is ``item``, before "with" and an author, a word of the sentence, not a co-author?

        "Along with", "In line with", and a verb the reference list does not know as a
        name: "Engaging with Baskara et al. (2024)", "Collaborated with Okoro (2020)".
        """
        word = trim_sentence_words(item)
        if word.casefold() in _WITH_LEADS:
            return True
        return bool(_VERB_FORM.fullmatch(word)) and name_key(word) not in self.known

    def titles(self) -> TitleIndex:
        """The entries with authors by their titles, indexed once for the whole text."""
        if self._titles is None:
            self._titles = TitleIndex(self.works)
        return self._titles

    def _titled_work(
        self, before: str, window_start: int, years: list[str], locator: str | None, close: int
    ) -> list[Citation] | None:
        """ "Ruiz demonstrated in *Paper Memory* (2011)" cites the entry titled "Paper
        Memory", by its authors; None when no listed title ends right before the year."""
        titled = self.titles().titled_before(before)
        if titled is None:
            return None
        at, ref = titled
        et_al = len(ref.authors) > 2
        families = tuple(a.family for a in ref.authors[: 1 if et_al else 2])
        start = window_start + at
        span = Span(start=start, end=close)
        text = self.text[start:close]
        return [
            author_date_citation(span, text, families, et_al, y, locator=locator, narrative=True)
            for y in years
        ]

    def _possessive_concept(
        self, before: str, window_start: int, years: list[str], locator: str | None, close: int
    ) -> list[Citation] | None:
        """ "Maslow's Hierarchy of Needs (1943)" cites Maslow 1943.

        Taken when the reference list knows the possessor, or when the phrase
        is short and title-cased and no name in the concept is known; not after
        an article ("the UK's National Health Service (1948)") and not inside an
        organisation's name. None when it does not apply.
        """
        m = _POSSESSIVE_CONCEPT.search(before)
        if not m or _COAUTHOR_BEFORE.search(before[: m.start("owner")]):
            return None  # "Smith and Jones's Model (2019)" is read as a list of authors
        owner = trim_sentence_words(m.group("owner"))
        concept = m.group("concept").split()
        if not owner or not concept[-1][0].isupper():
            return None
        family = self._family(owner, lenient=True)
        known = name_key(family) in self.known
        if not known:
            owner_at = window_start + m.start("owner")
            maker = self._maker_before(owner, owner_at, window_start + len(before), years)
            if maker is not None:  # "the University of Edinburgh Reflectors' Toolkit (2024)"
                return self._made_by(maker, years, locator, close)
            words = len(owner.split()) + len(concept)
            if (
                words > _CONCEPT_WORDS
                or _ARTICLE_BEFORE.search(before[: m.start("owner")])
                or family.split()[-1].casefold() in NOT_AUTHORS
                or concept[-1].strip("_*").casefold() in INSTRUMENTS  # "UK's Privacy Act"
                or any(w.casefold() in _INSTITUTION_WORDS for w in concept)
                or any(name_key(w) in self.known for w in concept if w[0].isupper())
            ):
                return None
        kept = len(owner.split())  # the words left after sentence words are trimmed
        first = list(re.finditer(r"\S+", m.group("owner")))[-kept]
        start = window_start + m.start("owner") + first.start()
        span = Span(start=start, end=close)
        text = self.text[start:close]
        return [
            author_date_citation(span, text, (family,), False, y, locator=locator, narrative=True)
            for y in years
        ]

    def narrative(
        self, group_start: int, years: list[str], locator: str | None, close: int
    ) -> list[Citation]:
        window_start = max(0, group_start - 220)
        before = self.text[window_start:group_start]
        breaks = list(PARAGRAPH_BREAK.finditer(before))
        if breaks:
            before = before[breaks[-1].end() :]
            window_start = group_start - len(before)
        heading = _NUMBERED_HEADING_LINE.search(before)
        if heading is not None:  # "2.2.2 Application and Performance" / "Taylor and Letham (2017)"
            before = before[heading.end() :]
            window_start = group_start - len(before)
        document = _DOCUMENT_BEFORE.search(before)
        if document is not None:
            # "NICE guidelines (2019)", "the Productivity Commission report (2006)"
            found = self._narrative_in(
                before[: document.start("document")],
                window_start,
                group_start,
                years,
                locator,
                close,
            )
            if found and self._issues(found[0].authors[0], document.group("document")):
                return found
        return self._narrative_in(before, window_start, group_start, years, locator, close)

    def _issues(self, maker: str, document: str) -> bool:
        """Is ``maker``, named right before ``document`` and its year, the work's maker (or
        the work's title before "report")? A name the list or the text knows is; so is,
        before guidance or a report, which only a body issues, an abbreviation or a name
        of several capitalised words; a country ("UK guidance") is not."""
        key = name_key(maker)
        if key in self.known or key in self.aliases:
            return True
        if document not in _ISSUED_DOCUMENTS or maker in _COUNTRY_ABBREVIATIONS:
            return False
        words = maker.split()
        return bool(_ACRONYM.fullmatch(maker)) or (
            len(words) >= 2 and all(w[:1].isupper() or w in MINOR_WORDS for w in words)
        )

    def _narrative_in(
        self,
        before: str,
        window_start: int,
        group_start: int,
        years: list[str],
        locator: str | None,
        close: int,
    ) -> list[Citation]:
        """The citation whose names end ``before``, the text right before the year's
        parenthesis (``window_start`` is where ``before`` starts in the text)."""
        work = self._titled_work(before, window_start, years, locator, close)
        if work is not None:
            return work
        concept = self._possessive_concept(before, window_start, years, locator, close)
        if concept is not None:
            return concept
        abbreviated = _DEFINED_BEFORE.search(before)
        owner = self.aliases.get(name_key(abbreviated.group(1))) if abbreviated else None
        if abbreviated and owner is not None:  # "the Bureau of Economic Analysis (BEA) (2014)"
            # "the US Census Bureau (USCB) and the US Bureau of Labor Statistics (BLS) (2012)":
            # the agencies of one entry of the year, named in the sentence.
            named = clause_citations(self.text, group_start, close, years, locator, self.works_of)
            if named:
                return named
            at = self.text.rfind(owner, window_start, group_start)
            span = Span(start=at if at >= 0 else window_start + abbreviated.start(), end=close)
            return [
                author_date_citation(
                    span, self.text[span.start : close], (owner,), False, y, locator=locator,
                    narrative=True, alias=abbreviated.group(1),
                )
                for y in years
            ]  # fmt: skip
        m = _NARRATIVE.search(before)
        if not m or not m.group("names"):
            return self._listed_lower_case(before, window_start, years, locator, close)
        dashed = self._dashed_title(before, m.start("names"), window_start, years, locator, close)
        if dashed:
            return dashed
        if m.group("gap") and not m.group("poss"):
            return []
        name_start = window_start + m.start("names")
        preceding = self.text[max(0, name_start - 1) : name_start]
        if preceding and preceding in "\"“‘'":
            return []  # a quoted title followed by its year
        names = m.group("names")
        titled = _TITLE_AFTER_NAMES.search(names)
        if titled is not None and self._maker_before_title(names[: titled.start()], titled):
            # "NLIHC, *Priced Out* (2024)": the maker, then the title
            names = names[: titled.start()]
        phrase, alias, et_al = strip_alias_et_al(strip_markup(names))
        et_al = et_al or bool(m.group("etal"))
        listed = self._author_list(phrase, et_al)
        if listed is None:
            return []
        head, written = listed
        cell = self._source_cell(name_start, close)
        # A cell or line of sources names an organisation whole: "Drive Sweden (2021)".
        resolved = tuple(self._family(name, lenient=not cell) for name in written)
        known = name_key(resolved[0]) in self.known
        lead = before[: m.start("names")]
        if not known and (
            _PUBLISHED_IN.search(lead) or _TOPIC_BEFORE.search(lead) or _TOPIC_HEAD.match(phrase)
        ):
            return []  # "published in the Journal of ...", "Research in Cyberpsychology, ..."
        if not known and _CASE_PARTY_BEFORE.search(lead):
            return []  # "San Antonio v. Rodriguez (1973)": a court case and its year
        if not known and not cell:
            maker = self._maker_before(head, name_start, group_start, years)
            if maker is not None:  # "the Harbour Trust Annual Review (2024)"
                return self._made_by(maker, years, locator, close)
        defined = self.aliases.get(name_key(resolved[0]))
        if len(resolved) == 1 and not known and defined is not None:
            resolved, alias = (defined,), resolved[0]  # "DfE (2019)" once DfE is defined
        if resolved[0].split()[-1].strip("_*.").casefold() in NOT_AUTHORS:
            return []
        if any(ch.isdigit() for ch in resolved[0]):
            return []  # "COVID-19 (2020)", "Windows 11 (2021)"
        if " " in resolved[0] and INITIALS_ONLY.fullmatch(resolved[0]):
            return []  # "Gadepalli, P. K., Clifford, A., ... (2021)": an entry's initials
        if not known and _shouted_title(head):
            return []  # "NFL DRAFT DATA ANALYZATION (2023)": a title in capitals and its year
        if not (known or cell) and not self._plausible_unknown(
            head, len(resolved), et_al, bool(m.group("poss")), years, name_start, close
        ):
            return []
        # Anchor the span on the first author's name as written ("John Bowlby (1969)").
        first_pos = self.text.find(head.split()[0], name_start, group_start)
        start = first_pos if first_pos >= 0 else name_start
        span = Span(start=start, end=close)
        text = self.text[start:close]
        return [
            author_date_citation(
                span, text, resolved, et_al, y, locator=locator, narrative=True, alias=alias
            )
            for y in years
        ]

    def _maker_before(
        self, head: str, name_start: int, group_start: int, years: list[str]
    ) -> tuple[int, str] | None:
        """Where and who the maker is when an entry's first author of the cited year is
        named right before a short title read as the name ``head``: "the University of
        Edinburgh Reflectors' Toolkit (2024)". None when no such author stands there."""
        if not years or not head:
            return None
        window = self.text[max(0, name_start - _MAKER_REACH) : group_start]
        offset = group_start - len(window)
        for ref in (ref for y in years for ref in self.works_of(y) if ref.authors):
            maker = ref.authors[0].family
            at = window.rfind(maker)
            end = at + len(maker)
            if at < 0 or not maker[:1].isupper() or window[end : end + 1] != " ":
                continue
            between = window[end:]
            title = between.split()
            if (
                1 <= len(title) <= _SHORT_TITLE_WORDS
                and not _CLAUSE_MARK.search(between)
                and title[0][:1].isupper()
                and all(w[:1].isupper() or w in MINOR_WORDS for w in title)
            ):
                return offset + at, maker
        return None

    def _made_by(
        self, maker: tuple[int, str], years: list[str], locator: str | None, close: int
    ) -> list[Citation]:
        """The citations of a maker found by :meth:`_maker_before`, one per year."""
        span = Span(start=maker[0], end=close)
        return [
            author_date_citation(
                span, self.text[span.start : close], (maker[1],), False, y, locator=locator,
                narrative=True,
            )
            for y in years
        ]  # fmt: skip

    def _maker_before_title(self, maker: str, titled: re.Match[str]) -> bool:
        """Is "Maker, *Title*" a maker the list knows (or an acronym) and a title it does
        not know as a name? Not "Moreover, _Rise With Odn_": a sentence's first word."""
        if name_key(strip_markup(titled.group(0)[1:])) in self.known:
            return False
        words = strip_markup(maker).split()
        return name_key(" ".join(words)) in self.known or (
            len(words) == 1 and bool(_ACRONYM.fullmatch(words[0]))
        )

    def _dashed_title(
        self,
        before: str,
        names_at: int,
        window_start: int,
        years: list[str],
        locator: str | None,
        close: int,
    ) -> list[Citation]:
        """ "Sparx Maths - Home (n.d.)": a work with no author, cited by its whole title, in
        which a spaced dash parts the site from the page. The name reader stops at the dash;
        the title is taken whole when it heads an entry."""
        head = _DASHED_HEAD.search(before, 0, names_at)
        if head is None:
            return []
        names = _NARRATIVE.match(before, names_at)
        end = names.end("names") if names else names_at
        title = before[head.start() : end].strip()
        if name_key(title) not in self.known:
            return []
        span = Span(start=window_start + head.start(), end=close)
        return [
            author_date_citation(
                span, self.text[span.start : close], (title,), False, y, locator=locator,
                narrative=True,
            )
            for y in years
        ]  # fmt: skip

    def _listed_lower_case(
        self, before: str, window_start: int, years: list[str], locator: str | None, close: int
    ) -> list[Citation]:
        """ "tutor2u (2019)": a name the list gives in lower case, right before the year."""
        m = _LOWER_NAME_BEFORE.search(before)
        name = m.group(1).rstrip(".") if m else ""  # "operations.nfl.com. (n.d.)"
        if m is None or not self.lower_case_author(name):
            return []
        span = Span(start=window_start + m.start(1), end=close)
        return [
            author_date_citation(
                span, self.text[span.start : close], (name,), False, y, locator=locator,
                narrative=True,
            )
            for y in years
        ]  # fmt: skip

    def _source_cell(self, name_start: int, close: int) -> bool:
        """Does the citation fill its line or table cell, alone or among others?

        "| Government Digital Service (2019); Quest Global (2023) |": a column of
        sources holds nothing but works, so each name is an author, whole.
        """
        reach = max(0, name_start - _CELL_REACH)
        lead = self.text[reach:name_start]
        opens = _CELL_OPEN.search(lead) is not None or (reach == 0 and not lead.strip(" \t*_"))
        return opens and _CELL_CLOSE.match(self.text, close) is not None

    def _plausible_unknown(
        self,
        head: str,
        count: int,
        et_al: bool,
        possessive: bool,
        years: list[str],
        name_start: int,
        close: int,
    ) -> bool:
        """Is an author missing from the list really being cited, or is it a named thing?

        "Harry Potter (2001) became a hit" names a film; "According to Poly
        Technic (n.d.)" and "Edgar Dale's cone (1946)" cite a work. Without an
        entry to confirm it, a name of several words needs a cue: several
        authors, "et al.", a possessive, "n.d.", an initial ("Mary D.
        Ainsworth"), a lead-in ("according to", "by"), a person's role before
        the name ("the psychiatrist John Bowlby") or a reporting verb right
        after the parenthesis. A single surname ("Delanty (2002)") is taken as a
        citation.
        """
        first_words = head.split()
        if len(first_words) > _NAME_WORDS and not (
            len(first_words) <= _BODY_NAME_WORDS and ends_in_body_word(head)
        ):
            return False
        if count > 1 or et_al or possessive or len(first_words) == 1:
            return True
        if natural_family(head, lenient=False) is not None:
            return True
        if self.named_alone(head):
            return True
        if any(y.lower().startswith(("n", "in", "f")) for y in years):
            return True
        before = self.text[max(0, name_start - 40) : name_start]
        after = self.text[close : close + 60]
        if _ROLE_BEFORE.search(before) and natural_family(head) is not None:
            return True
        return bool(_LEAD_IN.search(before) or REPORTING.match(after))
