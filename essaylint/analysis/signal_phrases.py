"""People named in the prose as sources, without a year: "Beazer and Woo note that ...".

APA lets a writer name authors again without the year, and students often
name them only so ("Papi et al. criticize ...", "According to Reddy, ...").
Such a phrase is no citation a reader can follow, but the entry it names is
used: the uncited-reference rule does not call it unused. A name counts only
before a reporting verb or after "according to", never as any capitalised word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from essaylint.analysis.citation_names import UPPER
from essaylint.analysis.citations_narrative import REPORTING
from essaylint.analysis.patterns import ET_AL
from essaylint.analysis.text import name_key
from essaylint.models import Span

_NAME_WORD = rf"(?:[{UPPER}]\.\s?)*[{UPPER}][\w'’\-]+"
_NAMES = rf"(?P<names>{_NAME_WORD}(?:(?:\s+(?:and|&)\s+|\s+){_NAME_WORD}){{0,3}})"
_AFTER_NAMES = rf"(?:,?\s+{ET_AL})?(?:['’]s?)?"
_SIGNAL = re.compile(
    rf"(?<![\w.]){_NAMES}{_AFTER_NAMES}(?=(?i:{REPORTING.pattern.removeprefix('^')}))"
    rf"|(?i:\baccording\s+to)\s+{_NAMES.replace('names', 'source')}"
)
_WORD = re.compile(rf"[{UPPER}][\w'’\-]+")


def names_in_signal_phrases(text: str, spans: Iterable[Span]) -> frozenset[str]:
    """Name keys of every capitalised word of the names in signal phrases in ``spans``."""
    keys: set[str] = set()
    for span in spans:
        for match in _SIGNAL.finditer(text, span.start, span.end):
            names = match.group("names") or match.group("source") or ""
            keys.update(name_key(word) for word in _WORD.findall(names))
    keys.discard("")
    return frozenset(keys)
