"""The title of a reference-list entry.

:func:`take_title` splits the title off the text after the authors and the
date: a quoted title up to its closing quote, else up to the sentence end that
is not an abbreviation, keeping a book's subtitle ("Title. Subtitle. City:
Publisher.") and stopping early at a comma before a plain source ("..., In
Proc. ...", "..., Journal of ..., 12(3)"), a bracketed descriptor ("[Video]")
or a trailing date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from essaylint.analysis.entry_fields import QUOTE_OPEN, SENTENCE_END, clean_value, word_before
from essaylint.analysis.entry_kind import CONFERENCE, JOURNALISH
from essaylint.analysis.patterns import PUBLISHER_WORD, YEAR_DIGITS
from essaylint.lazy_pattern import compile_lazily

_QUOTE_CLOSE = {
    '"': '"',
    "“": "”",
    "„": '“”"',
    "«": "»",
    "''": "''",
    "``": "''",
    "'": "'",
    "‘": "’",
    "”": "”",
}

_TITLE_ABBREV = frozenset(
    {
        "vs", "v", "etc", "vol", "vols", "no", "nos", "ed", "eds", "st", "dr", "mr", "mrs", "ms",
        "jr", "inc", "ltd", "co", "corp", "fig", "al", "approx", "ca", "cf", "mt", "ft", "sr", "pt",
        "gen", "pp", "p",
    }
)  # fmt: skip

DESCRIPTOR = compile_lazily(
    r"\s*[(\[](?=[^()\[\]]*(?:\bed\b|\beds?\.|\b[ée]dn?\.|\bsuppl\b|edition|dissertation|thesis|video|report|\bno\.|vol\.|pp\.|"
    r"format|film|podcast|audio|blog|tweet|online|motion picture|kindle|version|translat|trans\.|"
    r"master|unpublished|doctoral|ph\.?\s?d|working paper|technical|brochure|fact sheet|data set|"
    r"computer software|web page|webpage|photograph|lecture|press release|television|radio|"
    r"slides|infographic|map|poster|letter|editorial|review of|dvd|cd|blu-ray|software|e-book|"
    r"\d{4}|:))[^()\[\]]*[)\]]\s*$"
    r"",
    re.IGNORECASE,
)


def _is_title_stop(text: str, match: re.Match[str]) -> bool:
    mark = match.group(0)
    if mark in "?!":
        return True
    if mark == ":":
        return False
    word = word_before(text, match.start())
    if word.endswith((")", "]")):
        return True
    word = word.strip("([\"“'")
    if not word:
        return False
    if re.search(r"[^\W\d_]\.[^\W\d_]", word):
        return False
    if word.lower() in _TITLE_ABBREV:
        return False
    if len(word) == 1 and word.isupper():
        return False
    return not (text[match.end() : match.end() + 2].strip()[:1].islower() and len(word) <= 3)


def title_stop(text: str) -> int | None:
    """Offset just after the sentence that ends the title."""
    depth = 0
    counted = 0
    for match in SENTENCE_END.finditer(text):
        segment = text[counted : match.start()]
        depth += segment.count("(") - segment.count(")")
        counted = match.start()
        if depth > 0:
            continue
        if _is_title_stop(text, match):
            return match.end() if match.group(0) in "?!" else match.start()
    return None


_SOURCE_HINT = compile_lazily(
    r"\d|\bProc|\bJournal|\bJ\.|\bConf|\bTrans|\bPress|\b[Ii]n\s|\b[Vv]ol|\bpp|:|\bIEEE|\bACM|\bUniversity|\bSymp"
)
_COMMA_TITLE_END = compile_lazily(r",\s+(?=[A-Z0-9\"“]|[Ii]n:?\s)")


def _take_quoted(text: str) -> tuple[str, int] | None:
    """A title in quotes at the start of ``text``: (title, end offset)."""
    match = QUOTE_OPEN.match(text)
    if not match:
        return None
    opener = match.group(0)
    closers = _QUOTE_CLOSE.get(opener, opener)
    start = match.end()
    best = -1
    for closer in [closers] if len(closers) == 2 and closers == "''" else list(closers):
        pos = text.find(closer, start)
        while pos != -1 and closer in "'’" and pos + 1 < len(text) and text[pos + 1].isalpha():
            pos = text.find(closer, pos + 1)  # an apostrophe inside a word
        if pos != -1 and (best == -1 or pos < best):
            best = pos
    if best == -1:
        return None
    close_len = 2 if closers == "''" else 1
    return text[start:best], best + close_len


_STRONG_SOURCE = compile_lazily(
    r",\s+(?=(?:[Ii]n:?\s|Proc\b|Proc\.|Proceedings|Journal\b|J\.\s|IEEE|ACM|SIAM|Trans\.|Transactions|"
    r"Comm\.|Communications of|Lecture Notes|LNCS|Springer|(?:The\s)?MIT Press|"
    r"[A-Z][\w&.-]*\s(?:University\s)?Press\b|"
    r"Ph\.?\s?D|PhD|Masters?'?s?\s[Tt]hesis|[Tt]hesis|[Dd]issertation|Technical\s[Rr]ep|Tech\.?\s[Rr]ep|"
    r"[Pp]reprint|to appear|[Ss]ubmitted|paper\s|[Ii]n press|[Uu]npublished|manuscript|pp\.|"
    r"[Pp]ages?\s\d|"
    r"[Vv]ol\.|\d+\s*(?:\(|,\s*\d|:|vols?\b)|(?:edited|translated)\sby|eds?\.\s|trans\.\s|tr\.\s|"
    r"[Rr]ev(?:ised)?\.?\s+ed|[Vv]olume\s\w+\.?$|"
    # "Title, Ann Lee (ed.)": an editor or translator named after the title
    r"[A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*){0,3}\s\((?:eds?|trans|tr)\.\)))"
)
_TRAILING_DATE = compile_lazily(
    r"(?:,\s*|\s+(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)))"
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?)?"
    + YEAR_DIGITS
    + r"[a-z]?\s*$"
)
_PUBLISHER_SENTENCE = compile_lazily(
    r"^[A-Z][\w .,'’&-]{1,60}:\s*[A-Z][^.]*$|\b" + PUBLISHER_WORD + r"\b"
)

_ABBREV_FOLLOW = compile_lazily(r"\.\s*(?:of\b|[A-Z][a-z]{0,5}\.|[A-Z][a-z]+,?\s*\d{1,3}\b(?!\d))")
_SECOND_SENTENCE_BAD = compile_lazily(
    r"^(?:In\b|Edited|Translated|Trans\b|Ed\b|Eds\b|Reprint|Revised|Rev\b|Introduction|Foreword|Compiled|"
    r"Comp\b|Selected|Vol|Volume|Book|Part|DVD|CD|Film|Directed|Dir\b|Perf\b|Editio|Paper|Poster|Unpublished|"
    r"Doctoral|Master|PhD|Ph\.D|Technical|Report|Retrieved|Available|Accessed)",
    re.IGNORECASE,
)


def _abbrev_tail_comma(title: str, following: str) -> int | None:
    """The comma before a short abbreviation that ends the title ("the Internet, Comm. of")."""
    comma = title.rfind(", ")
    if comma <= 0:
        return None
    tail = title[comma + 2 :].split()
    if not (
        1 <= len(tail) <= 2 and tail[-1][:1].isupper() and len(tail[-1]) <= 5 and tail[-1].isalpha()
    ):
        return None
    if _ABBREV_FOLLOW.match(following):
        return comma
    return None


def _merge_subtitle(text: str, end: int) -> int:
    """APA/Chicago book titles with a second sentence: "Title. Subtitle. City: Publisher."."""
    rest = text[end:]
    if not rest.startswith(". ") and (not rest.startswith(" ") or text[end - 1 : end] != "?"):
        return end
    second_start = end + (2 if rest.startswith(". ") else 1)
    second_stop = title_stop(text[second_start:])
    if second_stop is None:
        return end
    second = text[second_start : second_start + second_stop]
    after = text[second_start + second_stop :].lstrip(" .")
    if not after or re.search(r"\d|:|\b(?:Retrieved|Available|Journal|Review)\b", second):
        return end
    if _PUBLISHER_SENTENCE.search(second) or not 2 <= len(second.split()) <= 25:
        return end
    if _SECOND_SENTENCE_BAD.match(second) or CONFERENCE.search(second) or JOURNALISH.search(second):
        return end
    if re.match(r"(?:In:?\s|in:?\s)", after) or re.match(
        r"[A-Z][\w .,'’-]{1,40}(?:,\s*[A-Z]{2,})?:\s", after
    ):
        return second_start + second_stop
    if text[end - 1 : end] == "?" and re.match(
        r"[^.]{2,120}?(?:[^\W\d_]|\s)\d+\s*(?:\(|,\s*\d)", after
    ):
        return second_start + second_stop
    return end


_PUB_PAREN = compile_lazily(
    r"[\s,]+[(\[](?=[^()\[\]]*(?:\d{4}|:|\bpp\.|\bVol\.))[^()\[\]]*[)\]](?=\s*(?:[.,;:]|$|in\b|In\b))"
)


def _before_open_bracket(text: str, end: int) -> int:
    """Do not end a title inside a bracket: cut before an unclosed "(" or "["."""
    depth = 0
    opened = -1
    for pos in range(end):
        char = text[pos]
        if char in "([":
            if depth == 0:
                opened = pos
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
    if depth and opened > 0:
        return len(text[:opened].rstrip(" ,"))
    return end


def take_title(
    text: str, comma_style: bool, dated: bool = False, italics: Sequence[str] = ()
) -> tuple[str | None, str, bool]:
    """Split the title off ``text``: (title, rest, quoted)."""
    text = text.lstrip(" .,;:")
    if not text:
        return None, "", False
    quoted = _take_quoted(text)
    if quoted:
        title, end = quoted
        return clean_value(title), text[end:], True
    for italic in italics:
        # Harvard "(2006) *Title*, *Journal*, 8(11)" / "*Title*, HC 557, London: TSO":
        # an italic title followed by a comma ends there
        if len(italic) > 3 and text.startswith(italic) and text[len(italic) :].startswith(", "):
            return clean_value(italic), text[len(italic) :], False
    period_end = title_stop(text)
    end = period_end if period_end is not None else len(text)
    if period_end is not None:
        end = _merge_subtitle(text, end)
    strong = _STRONG_SOURCE.search(text)
    if comma_style:
        comma = _COMMA_TITLE_END.search(text, 0, end)
        if comma and _SOURCE_HINT.search(text[comma.start() : end]):
            end = comma.start()
    if strong and strong.start() < end:
        end = strong.start()
    if period_end is not None and end == period_end:
        tail_comma = _abbrev_tail_comma(text[:end], text[end:])
        if tail_comma is not None:
            end = tail_comma
    paren = _PUB_PAREN.search(text)
    if paren and 0 < paren.start() < end:
        end = paren.start()
    end = _before_open_bracket(text, end)
    title = text[:end]
    rest = text[end:]
    while True:
        match = DESCRIPTOR.search(title)
        if not match or match.start() == 0:
            break
        rest = title[match.start() :] + rest
        title = title[: match.start()]
    title = title.rstrip(" .,;:")
    trailing = None if dated else _TRAILING_DATE.search(title)
    if trailing and trailing.start() > 0:
        rest = title[trailing.start() :] + rest
        title = title[: trailing.start()]
    return clean_value(title), rest, False
