"""Choosing the engines: LanguageTool when a server is configured, else Harper; Crossref.

:class:`Backends` keeps one engine per configuration for a run (``check``,
the language server), chosen by each file's own settings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from essaylint.services.harper_rules import HarperRuleSet
from essaylint.services.prose import ProseBackend

if TYPE_CHECKING:
    from essaylint.config import Settings
    from essaylint.services.verify import VerifyBackend

HARPER_NOTE = (
    "spelling and grammar checked offline with Harper; "
    "set languagetool-url (or --languagetool-url) to use a LanguageTool server"
)


def choose_prose_backend(
    languagetool_url: str | None, harper_rules: HarperRuleSet = "essay"
) -> tuple[ProseBackend, str | None]:
    """The backend to use and, when it is the Harper fallback, a note to show once.

    ``harper_rules`` picks Harper's rule set (see services.harper_rules); it
    does not apply to LanguageTool, whose rules the server decides.

    Nothing here touches the network: a LanguageTool backend only connects when
    it first checks text, and only to the configured URL.
    """
    if languagetool_url:
        from essaylint.services.languagetool import LanguageToolBackend

        return LanguageToolBackend(languagetool_url), None
    from essaylint.services.harper import HarperBackend

    return HarperBackend(harper_rules), HARPER_NOTE


ProseKey = tuple[str | None, HarperRuleSet]
VerifyKey = tuple[str | None, str | None, bool]


def prose_key(settings: Settings) -> ProseKey:
    """The settings that shape a prose engine: files that agree on them share one."""
    return (settings.languagetool_url, settings.harper_rules)


def verify_key(settings: Settings) -> VerifyKey:
    """The settings that shape a Crossref client."""
    return (settings.crossref_url, settings.mailto, settings.cache)


@dataclass
class Backends:
    """The slow engines of a run, one per configuration, built when a file first needs one.

    Each file's own settings choose its engines, so two essays under two config
    files (one with a LanguageTool server, one without) are checked with the
    engine each asks for. ``on_note`` hears each engine's note once.
    """

    on_note: Callable[[str], None] = lambda _note: None
    _prose: dict[ProseKey, ProseBackend] = field(default_factory=dict)
    _verify: dict[VerifyKey, VerifyBackend] = field(default_factory=dict)
    _said: set[str] = field(default_factory=set)

    def _note(self, note: str | None) -> None:
        if note and note not in self._said:
            self._said.add(note)
            self.on_note(note)

    def prose_for(self, settings: Settings) -> ProseBackend:
        key = prose_key(settings)
        backend = self._prose.get(key)
        if backend is None:
            backend, note = choose_prose_backend(settings.languagetool_url, settings.harper_rules)
            self._prose[key] = backend
            self._note(note)
        return backend

    def verify_for(self, settings: Settings) -> VerifyBackend:
        key = verify_key(settings)
        backend = self._verify.get(key)
        if backend is None:
            from essaylint.services.crossref import make_crossref_backend

            crossref = make_crossref_backend(
                url=settings.crossref_url, mailto=settings.mailto, use_cache=settings.cache
            )
            if crossref.cache is not None:
                self._note(crossref.cache.note)
            backend = self._verify[key] = crossref
        return backend
