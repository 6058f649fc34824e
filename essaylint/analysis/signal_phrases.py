"""Authors named in the prose as sources, without a year: "Beazer and Woo note that ...".

APA lets a writer name authors again without the year, and students often
name them only so ("Papi et al. criticize ...", "According to Reddy, ...").
Such a phrase is no citation a reader can follow, but the entry it names is
used: the uncited-reference rule does not call it unused. A name counts only
before a reporting verb (its co-authors, "et al." or a possessive between),
after "according to" or alone in parentheses ("(Ultracorp)", a citation without
its year), never as any capitalised word. A name followed by the entry's title
("Okafor J. et al, *Rivers of Salt*") names that very work, whatever else of
the author's is cited; so does a sentence that gives the title's first four words
and names the author near them ("a 2002 paper What Drives Stock Returns by Tuomo
Vuolteenaho", "Malkiel himself in his 1995 work: Returns from Investing ...").

Only the names asked about are looked for (the authors of entries nothing
cites), with one pattern over the prose: the work is linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from essaylint.analysis.citation_names import PARAGRAPH_BREAK, SENTENCE_BREAK, UPPER
from essaylint.analysis.citations_narrative import REPORTING
from essaylint.analysis.patterns import ET_AL
from essaylint.analysis.text import name_key
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Span

_NAME_WORD = rf"(?:[{UPPER}]\.\s?)*[{UPPER}][\w'’\-]+"
# A reporting verb as a verb: "notes", "argued", "criticize"; not "Recommendation".
_VERB = REPORTING.pattern.removeprefix("^") + r"(?:e|es|ed|d|s|ing|ies|ied|y)?\b"
# What may follow the name before the verb: co-authors, "et al.", a possessive.
_TAIL = compile_lazily(
    rf"(?:(?:\s+(?:and|&)\s+|,\s*|\s+){_NAME_WORD}){{0,3}}(?:,?\s+{ET_AL})?(?:['’]s?)?"
    rf"(?=(?i:{_VERB}))"
)
# What may come before it: "according to", given names or co-authors.
_HEAD = compile_lazily(rf"(?i:\baccording\s+to)\s+(?:{_NAME_WORD}(?:\s+|\s+(?:and|&)\s+)){{0,3}}$")
_HEAD_WINDOW = 120
# "the stress (": not "British Computer Society (", where the parenthesis glosses a name.
_ALONE_IN_PARENTHESES = compile_lazily(r"(?:^|[^\w\s]|(?<![\w'’-])[^\W\d_A-Z][\w'’-]*)\s*\($")
# Between an author's name and the work's title: initials, co-authors, "et al.", a
# comma or colon, and the title's opening marks ("*", a quotation mark, the brace
# left of "\\textit{" once the prose is masked).
_TO_TITLE = (
    rf"(?:\s*(?:[{UPPER}]\.?\s?){{1,3}}(?![\w'’]))?"
    rf"(?:(?:\s+(?:and|&)\s+|,\s*){_NAME_WORD}(?:\s*(?:[{UPPER}]\.?\s?){{1,3}}(?![\w'’]))?){{0,3}}"
    rf"(?:,?\s+{ET_AL})?\s*[,:]?\s*[{{*_\"“‘'«]{{0,3}}"
)
_ET_AL_HEAD = compile_lazily(rf"\s*{ET_AL}")
# The names alone in parentheses, with no year: "(Ultracorp)", "(Bell and Ames)".
_PAREN_TAIL = compile_lazily(rf"(?:(?:\s+(?:and|&)\s+|,\s*){_NAME_WORD}){{0,3}}(?:,?\s+{ET_AL})?\)")


def named_as_sources(text: str, spans: Iterable[Span], families: Iterable[str]) -> frozenset[str]:
    """Name keys of those of ``families`` the prose in ``spans`` names as a source."""
    wanted = {name_key(f): f for f in families if name_key(f)}
    if not wanted:
        return frozenset()
    pattern = re.compile(
        r"(?<![\w.])(?:" + "|".join(map(re.escape, sorted(set(wanted.values())))) + r")(?!\w)",
        re.IGNORECASE,
    )
    found: set[str] = set()
    for span in spans:
        for m in pattern.finditer(text, span.start, span.end):
            key = name_key(m.group(0))
            if key in found or not m.group(0)[:1].isupper():
                continue
            head = text[max(span.start, m.start() - _HEAD_WINDOW) : m.start()]
            if (
                _TAIL.match(text, m.end(), span.end)
                or _HEAD.search(head)
                or (
                    _ALONE_IN_PARENTHESES.search(head)
                    and _PAREN_TAIL.match(text, m.end(), span.end)
                )
            ):
                found.add(key)
    return frozenset(found)


def named_with_titles(prose: str, works: Sequence[tuple[str, str | None]]) -> frozenset[int]:
    """Indices of the ``works`` (family name, title) that ``prose`` (the text with all
    but its prose blanked, markup too) names by the family and, right after, the title.

    One pass finds the family names; the title is tried only where one stands.
    """
    from essaylint.analysis.citations_mla import title_pattern

    after: dict[str, list[tuple[int, re.Pattern[str]]]] = {}
    for i, (family, title) in enumerate(works):
        if not title or not name_key(family) or _ET_AL_HEAD.match(title):
            continue  # a title read as "et al. 2001": the entry's authors, misparsed
        words = title_pattern(title)
        if words is not None:
            tail = re.compile(rf"{_TO_TITLE}(?i:{words.pattern})")
            after.setdefault(family, []).append((i, tail))
    if not after:
        return frozenset()
    names = re.compile(
        r"(?<![\w.])(?:"
        + "|".join(map(re.escape, sorted(after, key=len, reverse=True)))
        + r")(?!\w)"
    )
    found: set[int] = set()
    for m in names.finditer(prose):
        found.update(i for i, tail in after[m.group(0)] if tail.match(prose, m.end()))
    return frozenset(found)


_TITLE_WORDS = 4  # a title named in prose: its first words, this many at least
_QUOTED_TITLE_WORDS = 2  # or a shorter title whole, in quotation marks or italics
_NAME_REACH = 150  # characters either side of the title searched for the author


def titled_in_sentences(prose: str, works: Sequence[tuple[str, str | None]]) -> frozenset[int]:
    """Indices of the ``works`` (family name, title) whose title's first four words (or
    whole title of two or three words, quoted) ``prose`` writes with the family name near
    them, in the same paragraph.

    One pattern of every title finds the titles in one pass; only around each one is
    the name looked for.
    """
    from essaylint.analysis.citations_mla import title_pattern

    wanted: list[tuple[int, str, str, bool]] = []  # (work, family, title pattern, quoted)
    for i, (family, title) in enumerate(works):
        if not title or not name_key(family) or _ET_AL_HEAD.match(title):
            continue
        pattern = title_pattern(title, min_words=_TITLE_WORDS)
        if pattern is not None:
            wanted.append((i, family, pattern.pattern, False))
            continue
        short = title_pattern(title, min_words=_QUOTED_TITLE_WORDS)
        if short is not None:  # "a study titled “Machine Labor” by Angrist and Frandsen"
            wanted.append((i, family, rf"[\"“‘*_]{short.pattern}[,.]?[\"”’*_]", True))
    if not wanted:
        return frozenset()
    titles = re.compile(
        "|".join(f"(?P<t{k}>{p})" for k, (_, _, p, _) in enumerate(wanted)), re.IGNORECASE
    )
    found: set[int] = set()
    for m in titles.finditer(prose):
        i, family, _, quoted = wanted[int(str(m.lastgroup)[1:])]
        lo = max(0, m.start() - _NAME_REACH)
        hi = min(len(prose), m.end() + _NAME_REACH)
        # the paragraph around a long title; the sentence around a short quoted one
        stops = (SENTENCE_BREAK, PARAGRAPH_BREAK) if quoted else (PARAGRAPH_BREAK,)
        starts = [b.end() for stop in stops for b in stop.finditer(prose, lo, m.start())]
        ends = [a.start() for stop in stops if (a := stop.search(prose, m.end(), hi))]
        window = prose[max(starts, default=lo) : min(ends, default=hi)]
        if re.search(rf"(?<![\w.]){re.escape(family)}(?!\w)", window):
            found.add(i)
    return frozenset(found)
