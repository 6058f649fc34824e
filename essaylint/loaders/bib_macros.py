"""A bound on what a .bib's ``@string`` macros may expand to.

pybtex expands a macro when it is defined and stores the text, so a chain of
definitions however deep costs exactly what it expands to, and a macro that
names itself is simply undefined (no recursion). But 24 definitions of
``@string{sN = sM # sM}`` in 1 KB expand to 32 MB, and 39 to more memory than
any machine has. So every use of a macro is counted, in entries and in other
macros alike, and reading stops with :class:`MacroExpansionError` once the
total passes a budget linear in the file's size: a few times the file, plus a
floor no honest bibliography comes near (journal abbreviations, months).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

# Characters every file may expand to, and how many more per character of the file.
EXPANSION_FLOOR = 1_000_000
EXPANSION_PER_CHAR = 4


def expansion_budget(text_length: int) -> int:
    """How many characters the macros of a ``text_length``-character .bib may expand to."""
    return EXPANSION_FLOOR + EXPANSION_PER_CHAR * text_length


class MacroExpansionError(Exception):
    """The macros used so far expand to more than the budget."""

    def __init__(self, name: str, budget: int) -> None:
        super().__init__(name, budget)
        self.name = name
        self.budget = budget

    def __str__(self) -> str:
        return (
            f"its @string macros expand to more than {self.budget:,} characters "
            f"(stopped at {self.name!r}), far more than any bibliography needs; "
            "is a @string built by doubling another?"
        )


def bounded_macros(initial: Iterable[tuple[str, str]] | Mapping[str, str], budget: int) -> Any:
    """pybtex's case-insensitive macro table, counting what every lookup hands out."""
    from pybtex.utils import CaseInsensitiveDict

    class BoundedMacros(CaseInsensitiveDict):  # type: ignore[misc]
        spent = 0

        def __getitem__(self, key: str) -> str:
            value: str = super().__getitem__(key)
            self.spent += len(value)
            if self.spent > budget:
                raise MacroExpansionError(key, budget)
            return value

    return BoundedMacros(initial)
