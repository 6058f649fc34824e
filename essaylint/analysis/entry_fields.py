"""What every reader of one reference-list entry shares.

:class:`EntryFields` is the scratch space one entry's fields are collected in
while it is parsed (:mod:`essaylint.analysis.references` assembles it into a
:class:`~essaylint.models.Reference`); beside it are the few text helpers the
author, title, date and source readers all use: white space collapsed, a field
value cleaned of stray punctuation and quotes, the word before an offset, the
marks that may end a sentence and open a quoted title.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from essaylint.lazy_pattern import compile_lazily

_WS = compile_lazily(r"[\s\u200b\u200c\u200d\ufeff]+")

QUOTE_OPEN = compile_lazily(r"[\"“„«”]|''|``|(?<!\w)['‘](?=[A-Z0-9])")

SENTENCE_END = compile_lazily(r"(?<=\S)(?:\.|\?|!)(?=[\s\"”’')\]]|$)|:(?=\s)")

_TRAIL_PUNCT = " \t.,;:–—-/"


@dataclass
class EntryFields:
    """Mutable scratch space while one entry is parsed."""

    number: int | None = None
    key: str | None = None
    footnote: bool = False
    authors_segment: str = ""
    year: str | None = None
    date: str | None = None
    title: str | None = None
    container: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    publisher: str | None = None
    doi: str | None = None
    url: str | None = None
    retrieved_from: bool = False
    italics: list[str] = field(default_factory=list)
    quoted_title: bool = False
    chapter: bool = False
    byline: str | None = None


def collapse(text: str) -> str:
    return _WS.sub(" ", text).strip()


def clean_value(value: str | None) -> str | None:
    """Trim punctuation, one layer of quotes and unbalanced brackets from a field value."""
    if value is None:
        return None
    text = value.strip()
    for _ in range(4):
        before = text
        text = text.strip(_TRAIL_PUNCT)
        if len(text) >= 2 and text[0] in "\"“„«'‘`" and text[-1] in "\"”“»'’":
            text = text[1:-1].strip()
        elif text[:1] in '"“„«' and not any(c in text[1:] for c in '"”“»'):
            text = text[1:].strip()
        elif text[-1:] in '"”»' and not any(c in text[:-1] for c in '"“„«'):
            text = text[:-1].strip()
        if text.endswith((")", "]")) and text.count(text[-1]) > text.count(
            "(" if text[-1] == ")" else "["
        ):
            text = text[:-1]
        if text.startswith(("(", "[")) and text.count(text[0]) > text.count(
            ")" if text[0] == "(" else "]"
        ):
            text = text[1:]
        if text == before:
            break
    return text or None


def word_before(text: str, pos: int) -> str:
    start = pos
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in '("“':
        start -= 1
    return text[start:pos]


MAX_PARSE = 3000  # no real entry is longer; keeps odd input (a whole pasted file) fast
