"""A prose engine that remembers: re-checking an edited essay asks only about what changed.

The server keeps one engine per configuration for the whole session (the
Harper dictionary loads once) and wraps it in :class:`ParagraphCache`. The
masked text the pipeline hands a backend is cut at blank lines into
paragraphs; each paragraph's matches are remembered by (dialect, paragraph
text), so after a one-word edit only that paragraph goes to the engine and
the others' matches are shifted to where the paragraph now starts. Spelling
and grammar engines judge a sentence by its sentence, so a paragraph checked
alone gets the matches it gets inside the whole text (the server's tests
compare the two on the sample essays).

Not thread-safe: the server runs every lint on one worker thread.
"""

from __future__ import annotations

from essaylint.lazy_pattern import compile_lazily
from essaylint.services.prose import DialectName, ProseBackend, ProseMatch

_PARAGRAPH_BREAK = compile_lazily(r"\n[ \t\f\v\r]*\n")
#: Remembered paragraphs and words, each; the cache starts afresh beyond this.
MAX_ENTRIES = 20_000


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every stretch between blank lines that holds more than whitespace."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if text[start : m.start()].strip():
            out.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return out


class ParagraphCache:
    """A :class:`~essaylint.services.prose.ProseBackend` that checks changed paragraphs only."""

    def __init__(self, backend: ProseBackend) -> None:
        self.backend = backend
        self.name = backend.name
        self._matches: dict[tuple[str, str], tuple[ProseMatch, ...]] = {}
        self._words: dict[tuple[str, str], bool] = {}
        self.checked = 0  # paragraphs sent to the engine (for tests and benchmarks)

    def check(self, text: str, *, dialect: DialectName = "american") -> list[ProseMatch]:
        out: list[ProseMatch] = []
        for start, end in paragraphs(text):
            chunk = text[start:end]
            key = (dialect, chunk)
            found = self._matches.get(key)
            if found is None:
                found = tuple(self.backend.check(chunk, dialect=dialect))
                self.checked += 1
                if len(self._matches) >= MAX_ENTRIES:
                    self._matches.clear()
                self._matches[key] = found
            out.extend(
                m.model_copy(update={"start": m.start + start, "end": m.end + start}) for m in found
            )
        return out

    def known_words(self, words: list[str], *, dialect: DialectName = "american") -> set[str]:
        unknown = sorted({w for w in words if (dialect, w) not in self._words})
        if unknown:
            known = self.backend.known_words(unknown, dialect=dialect)
            if len(self._words) + len(unknown) > MAX_ENTRIES:
                self._words.clear()
            self._words.update(((dialect, w), w in known) for w in unknown)
        return {w for w in words if self._words.get((dialect, w), False)}
