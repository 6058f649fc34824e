"""Who a page-only MLA citation quotes: the subject of the signal phrase.

"Ruskin writes about ... Charles Dickens ...: “... in *Dombey and Son*” (215)"
cites Ruskin, not Dickens and not "Son": a name inside a quotation or a
title is not the speaker, and the subject of a reporting verb ("Ruskin
writes", "Michael Steig points out") is preferred to the nearest name. A
block quotation's page belongs to the writer its lead-in names ("Norman Page
explains this term:" then the quoted block, then "(2)").

A writer no entry lists is a speaker only when introduced by given name and
surname before a critic's verb ("argues", "points out", not "says" or
"tells", which characters in a novel do), and when the given name is never
written alone, without a surname after it: a character is called by first
name, a critic is not.
"""

from __future__ import annotations

import re

from essaylint.analysis.citation_names import NOT_AUTHORS, UPPER
from essaylint.lazy_pattern import compile_lazily

# Quotations, italic and bold titles: what they hold is quoted, not the essay's speaker.
_QUOTED = compile_lazily(
    r"“[^”\n]*(?:\n[^”\n]*){0,8}”|\"[^\"\n]{1,400}\"|\*{1,2}[^*\n]{1,200}\*{1,2}"
    r"|(?<!\w)_[^_\n]{1,200}_(?!\w)"
)
# A critic's reporting verb, in the present or past: "argues", "pointed out", "wrote".
_CRITIC_VERB = compile_lazily(
    r"\b(?:argue[sd]?|note[sd]?|observe[sd]?|explain(?:s|ed)?|points?\s+out|pointed\s+out|"
    r"writes|wrote|contend(?:s|ed)?|claim(?:s|ed)?|asserts?|asserted|suggest(?:s|ed)?|"
    r"remark(?:s|ed)|maintain(?:s|ed)|insist(?:s|ed)|emphasi[sz]e[sd]?|stress(?:es|ed)|"
    r"interpret(?:s|ed)|comment(?:s|ed)|conclude[sd]?|concede[sd]?|describe[sd]?)\b"
)
# The name just before the verb: "Michael Steig ", "Ruskin also ", "M. H. Abrams ", "E.H. Cook ".
_SUBJECT = compile_lazily(
    rf"(?:(?P<given>[{UPPER}][a-z]+)\s+)?(?P<initials>(?:[{UPPER}]\.\s*){{0,3}})"
    rf"(?P<family>[{UPPER}][\w'’\-]+)\s+(?:(?:also|further|rightly|later|then|again)\s+)?$"
)
_INITIALS = compile_lazily(rf"(?:[{UPPER}]\.\s*)+")
_REACH = 60  # characters looked at before a verb for its subject


def mask_quoted(window: str) -> str:
    """``window`` with what stands in quotation marks or asterisks blanked (same length)."""
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), window)


def reporting_subjects(masked: str) -> list[tuple[str | None, str, int]]:
    """(given name or initials, surname, position of the surname) before each critic's verb."""
    out: list[tuple[str | None, str, int]] = []
    for verb in _CRITIC_VERB.finditer(masked):
        m = _SUBJECT.search(masked, max(0, verb.start() - _REACH), verb.start())
        if m is not None:
            given, dotted = m.group("given"), m.group("initials").strip()
            if dotted and (given is None or given.casefold() in NOT_AUTHORS):
                given = dotted  # "As E.H. Cook writes": the initials are the given name
            out.append((given, m.group("family"), m.start("family")))
    return out


def introduces_writer(text: str, given: str | None, family: str) -> bool:
    """Is "Given Family" a writer's full name, not a character's or a sentence's first word?"""
    if given is not None and _INITIALS.fullmatch(given):
        return True  # "E.H. Cook writes": a writer's initials, never a character's first name
    if given is None or given.casefold() in NOT_AUTHORS:
        return False  # "Norman Page" is a name, "The Report" is not: the given name tells
    if re.search(rf"\b{re.escape(given.casefold())}\b", text):
        return False  # "Later Smith argues": a common word, written lower case elsewhere
    # Alone: not before a surname ("Michael Hollington" is another writer, no character)
    # nor after one, as a list writes it ("Friedman, Norman.").
    alone = re.compile(rf"(?<![\w\-])(?<!, ){re.escape(given)}(?![\w\-])(?!\s+[{UPPER}])")
    return alone.search(text) is None


def lead_in(text: str, quote_start: int) -> tuple[str, int] | None:
    """The paragraph before a block quotation starting at ``quote_start``, and its offset."""
    end = quote_start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0:
        return None
    start = text.rfind("\n\n", 0, end) + 1
    return text[start:end], start
