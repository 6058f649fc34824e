"""List-level fixes to parsed entries, using what the whole list says about its style.

A single entry is ambiguous: "Open Polytechnic. (n.d.)" could be a person
written in natural order or an organisation. In an author-date list whose
other entries write people as "Family, I." it can only be an organisation
(or a channel such as "Learn with harshit"), so such names become corporate
authors, and so does a name written like a Vancouver person ("Powerful JRE") or
with bare initials before it ("YT Large"), and a name that the entry parser took
for a title-first entry ("Learn with harshit. (2022a). Title [Video]. YouTube.")
gets its author back.
An entry that opens with a row of dashes ("———. 1996. *Creating the Kingdom of
Ends*.") has the authors of the entry above it, whatever the list's style, and
an "Ibid." note in a numbered list of notes ("[5] Ibid., p. 166.") is the
whole work of the entry above it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from essaylint.analysis.entry_shape import REPEATED_AUTHORS, entry_body
from essaylint.analysis.names import is_initials
from essaylint.analysis.patterns import IBID, YEAR_DIGITS
from essaylint.analysis.references import parse_reference
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Person, Reference

_LEADING_NAME = compile_lazily(
    r"^\s*(?:\[?\d{1,3}[.)\]]\s+)?(?P<who>[^\W\d_][^().\[\]]{1,80}?)\.?\s*"
    r"\((?P<date>" + YEAR_DIGITS + r"[a-z]?\b[^)]*|n\.\s?d\.?)\)"
)
_PLACEHOLDER = "Placeholder, P."
_BARE_CAPS = compile_lazily(r"[A-Z]{2,4}")


def _person_style_list(refs: Sequence[Reference]) -> bool:
    """Do most entries with authors write people as "Family, I."?"""
    telling = [
        r
        for r in refs
        if r.authors
        and not r.authors[0].corporate
        and not _natural_order_single(r)
        and len((r.authors[0].raw or r.authors[0].family).split()) > 1
    ]
    initialled = sum(1 for r in telling if any(p.given and is_initials(p.given) for p in r.authors))
    return initialled >= 1 and initialled * 2 >= len(telling)


def _natural_order_single(ref: Reference) -> bool:
    if len(ref.authors) != 1 or ref.authors[0].corporate:
        return False
    raw = ref.authors[0].raw or ""
    words = raw.split()
    return "," not in raw and len(words) >= 2 and not any(is_initials(w) for w in words)


def _comma_style_list(refs: Sequence[Reference]) -> bool:
    """Do most entries with people write them "Family, I." with a comma (APA, Harvard)?
    A name of one word ("Google", "Kaggle") tells neither way."""
    telling = [
        r
        for r in refs
        if r.authors
        and not r.authors[0].corporate
        and len((r.authors[0].raw or r.authors[0].family).split()) > 1
    ]
    comma = sum(
        1
        for r in telling
        if any(p.given and is_initials(p.given) and "," in (p.raw or "") for p in r.authors)
    )
    return comma >= 1 and comma * 2 >= len(telling)


def _capitals_beside_word(ref: Reference) -> bool:
    """One author written as a word and bare capitals, in either order, with no comma or
    full stop: "Powerful JRE" (shaped like Vancouver's "Family IN"), "YT Large" (like
    initials before a name). One capital alone ("Sweller J") is a person's initial."""
    if len(ref.authors) != 1 or ref.authors[0].corporate:
        return False
    raw = ref.authors[0].raw or ""
    words = raw.split()
    if len(words) != 2 or re.search(r"[,.]", raw):
        return False
    caps = [bool(_BARE_CAPS.fullmatch(word)) for word in words]
    return caps.count(True) == 1 and all(word[:1].isupper() for word in words)


def _with_corporate_author(ref: Reference, name: str) -> Reference:
    return ref.model_copy(update={"authors": (Person(family=name, raw=name, corporate=True),)})


def _reparse_with_author(ref: Reference, who: str, start: int) -> Reference:
    """Parse the entry again with a stand-in author, then put the real one back."""
    reparsed = parse_reference(_PLACEHOLDER + " " + ref.raw[start:].lstrip())
    fields = reparsed.model_dump(exclude={"span", "raw", "index", "number", "key", "source"})
    fields["authors"] = (Person(family=who, raw=who, corporate=True),)
    return ref.model_copy(update=fields)


def _with_repeated_authors(refs: Sequence[Reference]) -> list[Reference]:
    """Entries written "———." take the authors of the entry before them."""
    out: list[Reference] = []
    for ref in refs:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.authors
            and not ref.authors
            and ref.source == "text"
            and REPEATED_AUTHORS.match(entry_body(ref.raw))
        ):
            ref = ref.model_copy(update={"authors": previous.authors, "et_al": previous.et_al})
        out.append(ref)
    return out


# What an "Ibid." note keeps of its own: where it is, its number and key.
_NOTE_OWN = frozenset({"span", "raw", "index", "number", "key", "source", "consulted", "listed"})


def _with_ibid_notes(refs: Sequence[Reference]) -> list[Reference]:
    """Entries written "Ibid." take the work of the entry before them (itself perhaps an ibid)."""
    out: list[Reference] = []
    for ref in refs:
        previous = out[-1] if out else None
        if previous is not None and ref.source != "bib" and IBID.match(entry_body(ref.raw)):
            work = {f: getattr(previous, f) for f in Reference.model_fields if f not in _NOTE_OWN}
            ref = ref.model_copy(update={**work, "ibid": True})
        out.append(ref)
    return out


def normalise_author_date_list(refs: Sequence[Reference]) -> list[Reference]:
    """Apply the list-level reading of author names described in the module docstring."""
    refs = _with_repeated_authors(_with_ibid_notes(refs))
    if not _person_style_list(refs):
        return list(refs)
    comma_style = _comma_style_list(refs)
    out: list[Reference] = []
    for ref in refs:
        if ref.source == "text" and comma_style and _capitals_beside_word(ref):
            # a list that writes people "Family, I." writes no "Family IN" nor "IN Family"
            ref = _with_corporate_author(ref, ref.authors[0].raw)
        elif ref.source == "text" and _natural_order_single(ref):
            ref = _with_corporate_author(ref, ref.authors[0].raw)
        elif ref.source == "text" and not ref.authors:
            m = _LEADING_NAME.match(ref.raw)
            if m and not re.search(r"[:!?\"“”]", m.group("who")):
                ref = _reparse_with_author(ref, m.group("who").strip(), m.start("date") - 1)
        out.append(ref)
    return out
