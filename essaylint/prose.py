"""The prose pass: mask the document to what should be checked, run the engine once.

This is the one place where the pipeline talks to a prose backend. The
backend is handed in (Harper or LanguageTool, or a fake in tests), so the
rest of the pipeline stays pure.
"""

from __future__ import annotations

from collections.abc import Sequence

from essaylint.analysis.dialect import detect_dialect
from essaylint.analysis.lexicon import is_ignorable_token, looks_like_typo, stem_candidates
from essaylint.analysis.prose_regions import mask, prose_spans
from essaylint.models import Citation, Document, Essay, Reference, Span
from essaylint.services.prose import DialectName, ProseBackend, ProseError, ProseReport

# Spelling and grammar engines take about a second per 100,000 characters of new
# text; a file far longer than any essay is checked for citations only.
MAX_PROSE_CHARS = 2_000_000


def title_spans(text: str, references: Sequence[Reference]) -> list[Span]:
    """Where each entry's title stands in the document (entries typed in the essay only)."""
    spans: list[Span] = []
    for ref in references:
        if ref.source == "bib" or not ref.title or ref.span.end <= ref.span.start:
            continue
        at = text.find(ref.title, ref.span.start, ref.span.end)
        if at < 0:
            head = ref.title[:24]
            at = text.find(head, ref.span.start, ref.span.end)
            if at < 0:
                continue
            end = min(ref.span.end, at + len(ref.title))
        else:
            end = at + len(ref.title)
        spans.append(Span(start=at, end=end))
    return spans


def _narrative_names(text: str, citations: Sequence[Citation]) -> list[Span]:
    """Keep "Ganda" of "Ganda (2014, p. 9)" in the prose so the sentence still has its subject."""
    spans: list[Span] = []
    for c in citations:
        if c.narrative and c.kind == "author-date":
            paren = text.find("(", c.span.start, c.span.end)
            if paren > c.span.start:
                spans.append(Span(start=c.span.start, end=paren))
    return spans


def _could_be_typo(token: str, suggestions: Sequence[str]) -> bool:
    """The shape tests of the spelling rule that need no engine (see T401)."""
    if not token[:1].isalpha() or is_ignorable_token(token) or not suggestions:
        return False
    return looks_like_typo(token, suggestions[0])


def _derived_candidates(
    masked: str, report_matches: Sequence[tuple[int, int]]
) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for start, end in report_matches:
        token = masked[start:end]
        if token[:1].isalpha() and not is_ignorable_token(token):
            stems = stem_candidates(token)
            if stems:
                out[token.casefold()] = stems
    return out


def run_prose(
    doc: Document,
    essay: Essay,
    citations: Sequence[Citation],
    references: Sequence[Reference],
    backend: ProseBackend,
    dialect_setting: str = "auto",
    *,
    body: Sequence[Span] | None = None,
) -> ProseReport:
    """Check the essay's prose and its reference titles with one engine call.

    ``body`` is the essay's prose (``RuleContext.prose_spans``) when the caller
    has it already; otherwise it is computed here.
    """
    if len(doc.text) > MAX_PROSE_CHARS:
        return ProseReport(
            backend=backend.name,
            dialect="american",
            error=f"the text is longer than {MAX_PROSE_CHARS:,} characters (no essay is)",
        )
    prose = list(body) if body is not None else prose_spans(doc.text, essay, citations)
    body = prose + _narrative_names(doc.text, citations)
    titles = title_spans(doc.text, references)
    masked = mask(doc.text, sorted([*body, *titles], key=lambda s: s.start))
    dialect: DialectName
    if dialect_setting in ("american", "british"):
        dialect = "british" if dialect_setting == "british" else "american"
    else:
        dialect = detect_dialect(doc.text, body)
    pairs = tuple((s.start, s.end) for s in titles)
    try:
        # A match that takes in blanked text (a masked citation, say) is about the
        # blanks, not the essay: "cells [1], but" must not become a space before a comma.
        matches = [
            m
            for m in backend.check(masked, dialect=dialect)
            if masked[m.start : m.end] == doc.text[m.start : m.end]
        ]
        # Second opinions (a known stem, the other dialect) cost an engine call per
        # word, so only words that could still become a spelling finding get one.
        spelling = [
            (m.start, m.end)
            for m in matches
            if m.category == "spelling" and _could_be_typo(masked[m.start : m.end], m.suggestions)
        ]
        candidates = _derived_candidates(masked, spelling)
        stems = sorted({s for options in candidates.values() for s in options})
        known = backend.known_words(stems, dialect=dialect) if stems else set()
        other: DialectName = "american" if dialect == "british" else "british"
        unknown = sorted({masked[a:b] for a, b in spelling})
        other_known = backend.known_words(unknown, dialect=other) if unknown else set()
    except ProseError as exc:
        return ProseReport(backend=backend.name, dialect=dialect, title_spans=pairs, error=str(exc))
    derived = frozenset(word for word, options in candidates.items() if known & set(options))
    return ProseReport(
        backend=backend.name,
        dialect=dialect,
        matches=tuple(matches),
        title_spans=pairs,
        known_derived=derived,
        other_dialect=frozenset(w.casefold() for w in other_known),
    )
