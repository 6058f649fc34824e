"""The prose backend interface: spelling and grammar engines behind one Protocol.

A backend receives the *masked* document text (same length as
``Document.text``; everything that is not prose to check is blanked with
spaces) and returns matches whose offsets are character offsets into it.
Rules never call a backend: the pipeline runs it once and hands the matches
to the rules (``RuleContext.services["prose"]``).
"""

from __future__ import annotations

from typing import Literal, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict

ProseCategory = Literal["spelling", "grammar", "style", "repetition", "other"]
DialectName = Literal["american", "british"]


class ProseMatch(BaseModel):
    """One problem an engine found: where, what kind, why, and what to write instead."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    category: ProseCategory
    message: str
    suggestions: tuple[str, ...] = ()
    rule_id: str = ""
    source: str = ""


class ProseError(Exception):
    """The engine could not check the text (server down, bad answer): one clear line."""


@runtime_checkable
class ProseBackend(Protocol):
    """What essaylint needs from a spelling and grammar engine."""

    name: str

    def check(self, text: str, *, dialect: DialectName = "american") -> list[ProseMatch]:
        """Every match in ``text``; offsets are character (code point) offsets."""
        ...

    def known_words(self, words: list[str], *, dialect: DialectName = "american") -> set[str]:
        """The subset of ``words`` the engine's dictionary accepts as correctly spelled."""
        ...


class ProseReport(BaseModel):
    """What the pipeline hands the prose rules: one engine run over one document."""

    model_config = ConfigDict(frozen=True)

    backend: str
    dialect: DialectName
    matches: tuple[ProseMatch, ...] = ()
    # Spans of reference-list titles that were checked along with the body.
    title_spans: tuple[tuple[int, int], ...] = ()
    # Derived words the engine does not know whose stem it does ("intrapersonal").
    known_derived: frozenset[str] = frozenset()
    # Words that are correct in the other dialect ("defense" in a British essay).
    other_dialect: frozenset[str] = frozenset()
    error: str | None = None
