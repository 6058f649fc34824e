"""What a ``\\cite`` prints when its ``\\bibitem`` carries an author–date label.

With natbib and a list typed by hand, the label is what the reader sees in the
text::

    \\bibitem[(Lowry and Finch, 2004)]{lowry}  % \\cite{lowry} prints "(Lowry and Finch, 2004)"
    \\bibitem[Weil(1951)]{weil}                % \\citet{weil} prints "Weil (1951)"
    Lowry, A. and Fincher, P., 2004, ...

So a ``\\cite{key}`` of a labelled item is a citation of the label's names and
year (:func:`labelled_citations`), and a label that misspells the entry's
author ("Finch" for "Fincher") is checked as a typed citation would be. A label
that is no author–date pair (a number, alpha's "Low04") says nothing of names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from essaylint.analysis.latex_bibliography import BIBITEM
from essaylint.analysis.latex_text import latex_to_text
from essaylint.analysis.patterns import ET_AL, YEAR_DIGITS
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Citation, Reference

__all__ = ["Label", "labelled_citations", "read_label"]

# "(Lowry and Finch, 2004)", "Weil(1951)", "Orme et al.(2012)Orme, Lusk and Tay": the
# names, then the year, alone or in parentheses; natbib's long names may follow.
_LABEL = compile_lazily(
    r"\(?(?P<names>[^()\d]+?)[\s,]*\(?(?P<year>" + YEAR_DIGITS + r"[a-z]?)\)?(?:[^()\d]*)"
)
_TRAILING_ET_AL = compile_lazily(r"[\s,]*" + ET_AL + r"[\s,]*$")
_NAME_PARTS = compile_lazily(r"\s*(?:,|&|\band\b)\s*")
# One surname, with its particles: "Finch", "van Grisven", "O'Day", "European Union".
_SURNAME = compile_lazily(r"(?:[a-z]{1,3}\s+){0,2}[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}")


@dataclass(frozen=True)
class Label:
    """The names and year an author–date ``\\bibitem`` label prints."""

    authors: tuple[str, ...]
    et_al: bool
    year: str


def read_label(label: str) -> Label | None:
    """The names and year of a ``\\bibitem`` label, or None when it is no author–date pair."""
    plain = " ".join(latex_to_text(label).split())
    m = _LABEL.fullmatch(plain)
    if m is None:
        return None
    names = m.group("names").strip(" ,")
    et_al = _TRAILING_ET_AL.search(names)
    if et_al is not None:
        names = names[: et_al.start()]
    parts = [p for p in _NAME_PARTS.split(names) if p]
    if not parts or not all(_SURNAME.fullmatch(p) for p in parts):
        return None
    return Label(authors=tuple(parts), et_al=et_al is not None, year=m.group("year"))


def labelled_citations(
    text: str, citations: Sequence[Citation], references: Sequence[Reference]
) -> tuple[Citation, ...]:
    """The citations, each ``\\cite{key}`` of a labelled ``\\bibitem`` given the label's
    names and year (the entries' spans start at their ``\\bibitem`` in ``text``)."""
    labels: dict[str, Label] = {}
    for ref in references:
        if ref.key is None or ref.source != "text":
            continue
        item = BIBITEM.match(text, ref.span.start)
        label = item.group("label") if item is not None else None
        read = read_label(label) if label else None
        if read is not None:
            labels.setdefault(ref.key, read)
    if not labels:
        return tuple(citations)
    return tuple(_as_printed(c, labels) for c in citations)


def _as_printed(citation: Citation, labels: dict[str, Label]) -> Citation:
    label = labels.get(citation.key or "") if citation.kind == "key" else None
    if label is None or citation.authors:
        return citation
    return citation.model_copy(
        update={"authors": label.authors, "et_al": label.et_al, "year": label.year}
    )
