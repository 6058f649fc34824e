"""MLA author-only parentheses whose author no Works Cited entry lists.

MLA cites a source with no pages (a web page, a lecture) by its author alone:
"(Sanbonmatsu)", "(Lazarus et al)". A parenthesis holding only a word is
usually something else ("(LR)", "(Optional)", "(Exit)"), so an unknown one is
read as a citation only in an essay that already cites known authors this
way, and only when it is shaped like a surname written where a citation
stands: "(North)", "(Ames and Cho)", "(Ruiz et al.)", after a word on the
same line and before a sentence's punctuation or the end of the line, and not
in a "- Label: value" list item of metadata. A word
the essay also writes in lower case is a common word, not a name; a word that
starts a longer word just before it abbreviates it ("the Federal Reserve (Fed)").
"""

from __future__ import annotations

from essaylint.analysis.citation_names import UPPER
from essaylint.analysis.patterns import BULLET, ET_AL
from essaylint.lazy_pattern import compile_lazily

# One surname: "North", "McGrath", "O'Neil", "Ruiz-Moreno"; never all capitals.
_SURNAME = rf"[{UPPER}](?:['’][{UPPER}])?[a-z]+(?:[{UPPER}][a-z]+)?(?:-[{UPPER}][a-z]+)?"
_AUTHOR_ONLY = compile_lazily(
    rf"(?P<first>{_SURNAME})(?:\s+(?:and|&)\s+(?P<second>{_SURNAME})|\s+(?P<et_al>{ET_AL}))?"
)
# A list item of metadata, "- Creator: Name, Job (Tenured)": its parentheses qualify the value.
_LABELLED_ITEM = compile_lazily(
    rf"[ \t]*{BULLET}[ \t]+[{UPPER}][^\W\d_]*(?:[ \t][^\W\d_]+){{0,2}}:[ \t]"
)
_AFTER = compile_lazily(r"[ \t]*(?:[.,;:!?]|\n|$)")
_WORD = compile_lazily(r"[^\W\d_]+")
# Parenthesised words that are stage directions, labels or places, not surnames.
NOT_SURNAMES = frozenset(
    """exit exeunt enter aside laughs laughter applause pause silence sighs beat music
    singing sings crying inaudible crosstalk unintelligible sic emphasis original mine
    translation optional required recommended introduction conclusion abstract summary
    background methods results discussion source sources ibid idem bonus draft note
    africa america americas asia europe oceania antarctica arctic""".split()
)


def unlisted_authors(
    text: str, start: int, end: int, content: str, lower_words: frozenset[str]
) -> tuple[tuple[str, ...], bool] | None:
    """The authors of an author-only parenthesis ``text[start:end]``, or None.

    ``content`` is what the parenthesis holds; ``lower_words`` are the words
    the document writes in lower case (its common words).
    """
    m = _AUTHOR_ONLY.fullmatch(content.strip())
    if m is None:
        return None
    names = tuple(n for n in (m.group("first"), m.group("second")) if n)
    if any(n.casefold() in NOT_SURNAMES or n.casefold() in lower_words for n in names):
        return None
    if not _AFTER.match(text, end):
        return None
    line = text[text.rfind("\n", 0, start) + 1 : start]
    if not line.strip():
        return None  # a parenthesis opening a line is a label, not a citation
    if _LABELLED_ITEM.match(line):
        return None
    if any(_abbreviates(names[0], w) for w in _WORD.findall(line[-120:])):
        return None
    return names, m.group("et_al") is not None


def _abbreviates(name: str, word: str) -> bool:
    """Is ``name`` the start of a longer ``word`` ("Fed" of "Federal")?"""
    return len(word) > len(name) and word.casefold().startswith(name.casefold())


def lower_case_words(text: str) -> frozenset[str]:
    """The words ``text`` writes all in lower case."""
    return frozenset(w for w in _WORD.findall(text) if w.islower())
