"""Choosing the prose engine: LanguageTool when a server is configured, else Harper."""

from __future__ import annotations

from essaylint.services.harper_rules import HarperRuleSet
from essaylint.services.prose import ProseBackend

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
