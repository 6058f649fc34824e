"""A work cited by its author and title in the prose, with no parenthesis.

MLA cites a whole work by naming it: "we read Dan Dennet's thought
experiment in *Where am I*" cites Dennett's "Where Am I?". A title in
italics or quotation marks that is an entry's whole title (or its title
before the subtitle), with a name in the same sentence close to the entry's
author, cites that entry; a name spelt otherwise is then an author
mismatch. The title must match: a near name alone proves nothing.

A work listed by its title alone (a film, a song, an anonymous web page) is
cited by naming it: "In *Precious*, ..." or "In Precious, ...". Its title, in
capitals as the list writes it and not opening a sentence, cites that entry
wherever the prose writes it (:func:`authorless_titles_named`).

One pass over the titles written in the prose: linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import combinations_with_replacement

from rapidfuzz import fuzz

from essaylint.analysis.citation_names import POSSESSIVE, SENTENCE_BREAK, UPPER
from essaylint.analysis.matching_mla import NEAR_NAME, title_words
from essaylint.analysis.text import name_key
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Citation, Reference, Span

_WRITTEN_TITLE = compile_lazily(
    r"(?<![\w*])\*{1,2}(?P<a>[^*\n]{2,150})\*{1,2}(?!\*)|(?<!\w)_(?P<b>[^_\n]{2,150})_(?!\w)"
    r"|[\"“](?P<c>[^\"”\n]{2,150})[\"”]"
)
_NAME = compile_lazily(rf"[{UPPER}][\w'’\-]+")
_REACH = 150  # characters looked at on each side of a title for its author's name


def _keys(title: str) -> set[str]:
    """The entry's whole title and its title before the subtitle, as words."""
    main = re.split(r"[:.?!]\s", title + " ", maxsplit=1)[0]
    return {" ".join(title_words(t)) for t in (title, main) if len(title_words(t)) >= 2}


def titled_mentions(
    text: str,
    regions: Sequence[Span],
    references: Sequence[Reference],
    citations: Sequence[Citation],
) -> list[Citation]:
    """Entries named by title and author in the prose, whose author no citation names."""
    by_title: dict[str, list[Reference]] = {}
    for ref in references:
        if ref.authors and ref.title and not ref.authors[0].corporate:
            for key in _keys(ref.title):
                by_title.setdefault(key, []).append(ref)
    cited = {name_key(a) for c in citations for a in c.authors[:1]}
    out: list[Citation] = []
    for region in regions:
        for m in _WRITTEN_TITLE.finditer(text, region.start, region.end):
            written = m.group("a") or m.group("b") or m.group("c") or ""
            works = by_title.get(" ".join(title_words(written)), [])
            if len(works) != 1:
                continue
            ref = works[0]
            found = _author_near(text, region, m, ref.authors[0].family)
            if found is None or name_key(found[0]) in cited:
                continue
            name, at = found
            cited.add(name_key(name))
            span = Span(start=at, end=at + len(name))
            out.append(
                Citation(
                    span=span, text=name, kind="author-date", authors=(name,), year=None,
                    narrative=True, title=ref.title,
                )
            )  # fmt: skip
    return out


def _author_near(
    text: str, region: Span, title: re.Match[str], family: str
) -> tuple[str, int] | None:
    """The name in the title's sentence nearest in spelling to ``family``, if near enough."""
    start = max(region.start, title.start() - _REACH)
    breaks = [b.end() for b in SENTENCE_BREAK.finditer(text, start, title.start())]
    start = breaks[-1] if breaks else start
    end = min(region.end, title.end() + _REACH)
    after = SENTENCE_BREAK.search(text, title.end(), end)
    end = after.start() if after else end
    wanted = name_key(family)
    best: tuple[float, str, int] | None = None
    for lo, hi in ((start, title.start()), (title.end(), end)):
        for word in _NAME.finditer(text, lo, hi):
            name = POSSESSIVE.sub("", word.group(0))
            score = fuzz.ratio(name_key(name), wanted)
            if score >= NEAR_NAME and (best is None or score > best[0]):
                best = (score, name, word.start())
    return (best[1], best[2]) if best else None


_TITLE_WORD = compile_lazily(rf"[{UPPER}][\w'’\-]*(?:\s+[{UPPER}0-9][\w'’\-]*){{0,5}}")
_MIN_TITLE_LETTERS = 4
_WORD_IN_RUN = compile_lazily(r"\S+")
_SENTENCE_OPEN = compile_lazily(r"(?:^|[.!?:][\"”’)]*\s+|\n\s*)$")


def authorless_titles_named(
    text: str,
    regions: Sequence[Span],
    references: Sequence[Reference],
    citations: Sequence[Citation],
) -> list[Citation]:
    """Entries with no author whose whole title the prose writes (as the list capitalises
    it, not as a sentence's first words), once each; none already cited by title."""
    by_title: dict[str, str] = {}  # the title as the prose writes it -> the entry's title
    for ref in references:
        title = (ref.title or "").strip(" .")
        if ref.authors or not ref.title or len(title.replace(" ", "")) < _MIN_TITLE_LETTERS:
            continue
        if _TITLE_WORD.fullmatch(title):
            by_title.setdefault(title, ref.title)
    cited = {c.title for c in citations if c.title}
    out: list[Citation] = []
    for region in regions:
        for run in _TITLE_WORD.finditer(text, region.start, region.end):
            # "In Precious": every stretch of the run of capitalised words may be the title
            words = list(_WORD_IN_RUN.finditer(run.group(0)))
            for i, j in combinations_with_replacement(range(len(words)), 2):
                start, end = run.start() + words[i].start(), run.start() + words[j].end()
                listed = by_title.get(text[start:end])
                if listed is None or listed in cited:
                    continue
                if _SENTENCE_OPEN.search(text, max(region.start, start - 3), start):
                    continue  # "Precious little is known": a sentence's first word
                cited.add(listed)
                out.append(
                    Citation(
                        span=Span(start=start, end=end), text=text[start:end],
                        kind="author-date", authors=(), year=None, narrative=True,
                        title=listed,
                    )
                )  # fmt: skip
    return out
