"""BibTeX through pybtex (imported lazily): reading .bib files into References and
writing References back as BibTeX.

Reading is tolerant where it costs nothing (a repeated entry key or a repeated
field keeps the first one and adds a warning) and strict where the data would
be wrong: a syntax error raises :class:`LoadError` naming the line pybtex
reports, unless ``strict=False`` is passed, in which case the error becomes a
warning and the entries pybtex could salvage are returned (an entry with no
key is not one of them: BibTeX rejects it, so no reference comes of it).

Text fields are converted from LaTeX to plain text (``{\\"u}`` -> ``ü``, braces
dropped, ``--`` -> en dash); ``url`` and ``doi`` are taken literally (only
backslash escapes such as ``\\_`` are undone). An entry without a ``url`` field
may write its address in ``howpublished``, ``note`` or even ``title``, or give
an ``eprint`` with its ``archivePrefix``; that address is its url.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from essaylint.analysis.entry_dates import ACCESSED_YEAR
from essaylint.analysis.latex_text import latex_to_text
from essaylint.analysis.patterns import BIB_ENTRY_HEAD, WEB_ADDRESS_START
from essaylint.lazy_pattern import LazyPattern, compile_lazily
from essaylint.loaders.bib_macros import MacroExpansionError, bounded_macros, expansion_budget
from essaylint.loaders.errors import LoadError, cannot_read
from essaylint.models import Person, Reference, ReferenceType, SourceLocation

__all__ = ["load_bib", "parse_bib_text", "reference_type", "references_to_bibtex"]

_TYPE_MAP: dict[str, ReferenceType] = {
    "article": "article",
    "book": "book",
    "mvbook": "book",
    "booklet": "book",
    "collection": "book",
    "mvcollection": "book",
    "inbook": "chapter",
    "incollection": "chapter",
    "bookinbook": "chapter",
    "suppbook": "chapter",
    "suppcollection": "chapter",
    "inproceedings": "conference",
    "conference": "conference",
    "proceedings": "conference",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "manual": "report",
    "online": "web",
    "www": "web",
    "webpage": "web",
    "video": "video",
    "movie": "video",
}
# Reference.type -> the entry type written by references_to_bibtex.
_ENTRY_TYPE: dict[str, str] = {
    "article": "article",
    "news": "article",
    "book": "book",
    "chapter": "incollection",
    "conference": "inproceedings",
    "thesis": "phdthesis",
    "report": "techreport",
    "web": "online",
    "video": "misc",
    "unknown": "misc",
}
_CORPORATE_WORDS = frozenset(
    {
        "organization", "organisation", "association", "institute", "institution",
        "society", "agency", "department", "council", "foundation", "commission",
        "bureau", "ministry", "university", "centre", "committee", "network", "services",
        "nations", "corporation", "company", "inc", "ltd", "government", "authority",
        "administration", "alliance", "federation", "collaboration", "consortium",
        "team", "group", "project", "developers", "contributors", "gmbh", "llc", "plc",
    }
)  # fmt: skip
_DOI_PREFIX = compile_lazily(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.I)
_ESCAPED = compile_lazily(r"\\([%_#&$~{}])")
# A web address inside a field: \url{...}, \href{...}{...} or written bare ("https://...",
# "www..."), which JabRef users paste into the title or the note.
_URL_IN_TEXT = compile_lazily(r"\\(?:url|href)\{([^}]*)\}|(" + WEB_ADDRESS_START + r"[^\s{}]+)")
# Fields where an entry may give its address, in the order they are trusted.
_URL_FIELDS = ("url", "howpublished", "note", "addendum", "title")
# Where an eprint identifier resolves, by its archivePrefix / eprinttype.
_EPRINT_BASES = {
    "arxiv": "https://arxiv.org/abs/",
    "hdl": "https://hdl.handle.net/",
    "handle": "https://hdl.handle.net/",
    "jstor": "https://www.jstor.org/stable/",
    "pubmed": "https://pubmed.ncbi.nlm.nih.gov/",
    "googlebooks": "https://books.google.com/books?id=",
}
# JabRef's @Electronic is any electronic resource (a film, a CD-ROM, a web page): it is a
# web source only when a field says so (an access date, "online", "web site", "internet").
_ELECTRONIC = "electronic"
_ACCESS_DATE_FIELDS = ("urldate", "lastchecked", "accessed", "urlaccessdate")
_ONLINE_WORDING = compile_lazily(r"\b(?:online|on-?line|web\s*site|website|web|internet)\b", re.I)
_YEAR = compile_lazily(r"\d{4}")
# Fields that name where a work was printed: an entry with one of them is not a web page.
_SOURCE_FIELDS = (
    "journal", "journaltitle", "booktitle", "publisher", "institution", "school", "organization",
)  # fmt: skip
# Entries that describe a document of their own (a preprint, a report, a thesis): a link
# to its file in a field no style prints (``pdf = {...}``) is a convenience, not its address.
_MANUSCRIPT_KINDS = frozenset(
    {"unpublished", "techreport", "report", "phdthesis", "mastersthesis", "thesis", "manual"}
)
# Fields whose value may look like an address without being the work's address.
_NOT_AN_ADDRESS = frozenset({"file", "doi", "abstract", "annote", "annotation", "comment"})


def _literal(value: str) -> str:
    """A url/doi field: braces and backslash escapes removed, nothing else changed."""
    value = _ESCAPED.sub(r"\1", value.strip())
    return value.replace("{", "").replace("}", "").strip()


def _clean_doi(value: str) -> str:
    return _DOI_PREFIX.sub("", _literal(value)).strip()


def _person(person: Any) -> Person | None:
    """An essaylint Person from a pybtex Person (None for "others")."""
    first = list(person.first_names) + list(person.middle_names)
    prelast = list(person.prelast_names)
    last = list(person.last_names)
    lineage = list(person.lineage_names)
    if not first and not prelast and not lineage and [n.lower() for n in last] == ["others"]:
        return None
    raw = latex_to_text(str(person))
    if not first and not prelast and not lineage and len(last) == 1:
        token = last[0]
        if token.startswith("{") and token.endswith("}") and " " in token:
            return Person(family=latex_to_text(token), raw=raw, corporate=True)
    whole = [*first, *last]
    if (
        len(whole) >= 2
        and not prelast
        and not lineage
        and whole[-1].strip("{}.").lower() in _CORPORATE_WORDS
        and not any(len(name.strip("{}.")) <= 2 and name.endswith(".") for name in first)
    ):
        # "World Health Organization", "R Core Team" without protecting braces: still an
        # organisation (a person's initials, "J. Group", are no part of one).
        name = latex_to_text(" ".join(whole))
        return Person(family=name, raw=name, corporate=True)
    family = latex_to_text(" ".join(prelast + last))
    given = latex_to_text(" ".join(first)) or None
    if lineage:
        given = ", ".join(part for part in (given, latex_to_text(" ".join(lineage))) if part)
    return Person(family=family or raw, given=given, raw=raw)


def reference_type(entry_type: str, fields: Any) -> ReferenceType:
    """Reference.type for a BibTeX entry type (and its fields)."""
    kind = entry_type.lower()
    if kind not in _MANUSCRIPT_KINDS and _address_only_in_unprinted_field(fields):
        return "web"
    subtype = str(fields.get("entrysubtype", "")).lower()
    if kind == "article" and subtype in {"newspaper", "magazine"}:
        return "news"
    if kind in _TYPE_MAP:
        return _TYPE_MAP[kind]
    if kind in {"misc", "unpublished"} and _url_from(fields):
        return "web"
    if kind == "misc" and _access_dated(fields):
        return "web"
    if kind == _ELECTRONIC and _says_online(fields):
        return "web"
    return "unknown"


def _address_only_in_unprinted_field(fields: Any) -> bool:
    """A web page typed by hand: no journal, book or publisher, and its address only in a
    field no style prints (``website = {http://...}``, ``link = {www...}``)."""
    if _url_from(fields) or any(fields.get(name) for name in _SOURCE_FIELDS):
        return False
    whole = False
    for name, value in fields.items():
        text = str(value).strip()
        if name.lower() in _NOT_AN_ADDRESS or not _URL_IN_TEXT.search(text):
            continue
        if not _URL_IN_TEXT.fullmatch(text):
            return False  # "address = {Online im Internet \url{...}}": printed with the entry
        whole = True
    return whole


def _access_dated(fields: Any) -> bool:
    """A miscellaneous entry that says when it was read ("note = {accessed on 2018-11-12}",
    ``urldate``) and names no journal, book or publisher: a web page, its address or not."""
    if any(fields.get(name) for name in _SOURCE_FIELDS):
        return False
    if any(fields.get(name) for name in _ACCESS_DATE_FIELDS):
        return True
    wording = " ".join(str(fields.get(name, "")) for name in ("note", "howpublished", "addendum"))
    return ACCESSED_YEAR.search(wording) is not None


def _says_online(fields: Any) -> bool:
    """Does an @Electronic entry show it is read online (an address, an access date, "online")?"""
    if _url_from(fields) or fields.get("doi") or any(fields.get(f) for f in _ACCESS_DATE_FIELDS):
        return True
    wording = " ".join(str(fields.get(name, "")) for name in ("howpublished", "note", "type"))
    return bool(_ONLINE_WORDING.search(wording))


def _url_from(fields: Any) -> str | None:
    """The entry's web address: its url field, else one written in another field
    (\\url{...} or bare in howpublished, note or even the title), else its eprint."""
    if fields.get("url"):
        return _literal(str(fields["url"]))
    for name in _URL_FIELDS[1:]:
        match = _URL_IN_TEXT.search(str(fields.get(name, "")))
        if match:
            return _literal(match.group(1) or match.group(2)).rstrip(".,;:)]")
    return _eprint_url(fields)


def _eprint_url(fields: Any) -> str | None:
    """``eprint = {2101.00001}, archivePrefix = {arXiv}`` -> https://arxiv.org/abs/2101.00001."""
    eprint = _literal(str(fields.get("eprint", "")))
    archive = str(fields.get("archiveprefix") or fields.get("eprinttype") or "").strip().lower()
    if not eprint:
        return None
    if _URL_IN_TEXT.fullmatch(eprint):
        return eprint
    base = _EPRINT_BASES.get(archive.strip("{}"))
    return base + eprint if base else None


def _initials(given: str) -> str:
    """ "Jean-Paul Marie" -> "J.-P. M."; initials already given stay as they are."""
    out: list[str] = []
    for word in given.split():
        parts = [p for p in word.split("-") if p]
        out.append("-".join(p[0] + "." if p[0].isalpha() else p for p in parts))
    return " ".join(out)


def _render(ref: Reference) -> str:
    """A readable one-line rendering of a Reference (APA-like)."""
    names: list[str] = []
    for person in ref.authors:
        names.append(
            person.family if not person.given else f"{person.family}, {_initials(person.given)}"
        )
    if ref.et_al:
        names.append("et al.")
    if len(names) > 1 and not ref.et_al:
        authors = ", ".join(names[:-1]) + ", & " + names[-1]
    else:
        authors = ", ".join(names)
    parts: list[str] = []
    if authors:
        parts.append(authors)
    parts.append(f"({ref.year or 'n.d.'}).")
    if ref.title:
        parts.append(ref.title.rstrip(".") + ".")
    where = ref.container or ""
    if ref.volume:
        where += (", " if where else "") + ref.volume
        if ref.issue:
            where += f"({ref.issue})"
    elif ref.issue:
        where += (", " if where else "") + f"({ref.issue})"
    if ref.pages:
        where += (", " if where else "") + ref.pages
    if where:
        parts.append(where + ".")
    if ref.publisher and ref.publisher != ref.container:
        parts.append(ref.publisher + ".")
    if ref.doi:
        parts.append(f"https://doi.org/{ref.doi}")
    elif ref.url:
        parts.append(ref.url)
    return " ".join(parts)


def _field(fields: Any, *names: str) -> str | None:
    for name in names:
        value = fields.get(name)
        if value:
            text = latex_to_text(str(value))
            if text:
                return text
    return None


def _entry_to_reference(key: str, entry: Any, index: int) -> Reference:
    fields = entry.fields
    persons = entry.persons
    people = list(persons.get("author", [])) or list(persons.get("editor", []))
    authors: list[Person] = []
    et_al = False
    for pybtex_person in people:
        person = _person(pybtex_person)
        if person is None:
            et_al = True
        else:
            authors.append(person)
    organization = _field(fields, "organization")
    if not people and organization:
        # A manual or web page filed under its maker alone: the styles print the
        # organisation where the authors go ("Android Open Source Project. Dalvik README").
        authors.append(Person(family=organization, raw=organization, corporate=True))
    date = _field(fields, "date")
    year = _field(fields, "year")
    if year is None and date:
        found = _YEAR.search(date)
        year = found.group(0) if found else None
    pages = _field(fields, "pages")
    doi = _clean_doi(str(fields["doi"])) if fields.get("doi") else None
    ref = Reference(
        raw="",
        index=index,
        key=key,
        authors=tuple(authors),
        et_al=et_al,
        year=year,
        date=date,
        title=_field(fields, "title"),
        container=_field(fields, "journal", "journaltitle", "booktitle"),
        volume=_field(fields, "volume"),
        issue=_field(fields, "number", "issue"),
        pages=pages,
        publisher=_field(fields, "publisher", "institution", "school", "organization"),
        doi=doi or None,
        url=_url_from(fields),
        type=reference_type(entry.type, fields),
        source="bib",
    )
    return ref.model_copy(update={"raw": _render(ref)})


def _make_parser(errors: list[Any], repeats: list[tuple[str, Any]] | None = None) -> Any:
    """A pybtex BibTeX parser that collects errors instead of raising them.

    An entry whose key was used before is not stored under that key (the first
    one is used, as BibTeX does); it is appended to ``repeats`` when a list is given.
    """
    from pybtex.database import BibliographyData
    from pybtex.database.input.bibtex import Parser
    from pybtex.exceptions import PybtexError

    class CollectingParser(Parser):  # type: ignore[misc]
        def handle_error(self, error: Any) -> None:
            errors.append(error)

        def process_entry(self, entry_type: Any, key: Any, fields: Any) -> None:
            if key is None:
                # No key ("@misc{,"): the syntax error is already recorded, and BibTeX
                # skips the entry, so no reference comes of it.
                return
            if key in self.data.entries:
                errors.append(PybtexError(f"repeated entry key {key!r} (the first one is used)"))
                if repeats is not None:
                    self._keep_repeat(entry_type, key, fields)
                return
            try:
                super().process_entry(entry_type, key, fields)
            except PybtexError as error:
                errors.append(error)

        def _keep_repeat(self, entry_type: Any, key: Any, fields: Any) -> None:
            # Parse it into a scratch database, then put the real one back.
            kept: Any = getattr(self, "data")  # noqa: B009 (pybtex's attribute, untyped)
            scratch: Any = BibliographyData()
            setattr(self, "data", scratch)  # noqa: B010
            try:
                super().process_entry(entry_type, key, fields)
                if repeats is not None:
                    repeats.extend((str(k), e) for k, e in scratch.entries.items())
            except PybtexError as error:
                errors.append(error)
            finally:
                setattr(self, "data", kept)  # noqa: B010

    return CollectingParser(encoding="utf-8")


def _describe(error: Any, text: str = "") -> str:
    """One line for a pybtex error, with the line numbers pybtex knows."""
    lineno = getattr(error, "lineno", None)
    message = str(error.args[0]) if getattr(error, "args", None) else str(error)
    kind = getattr(error, "error_type", None) or "error"
    if lineno is None:
        return f"BibTeX {kind}: {message}" if kind != "error" else f"BibTeX: {message}"
    described = f"BibTeX {kind} in line {lineno}: {message}"
    context = getattr(error, "error_context_info", None)
    if text and isinstance(context, tuple) and context and isinstance(context[0], int):
        entry_line = text.count("\n", 0, context[0]) + 1
        if entry_line != lineno:
            described += f" (in the entry that starts in line {entry_line}"
            if "end of file" in message:
                described += "; an unclosed brace or quote?"
            described += ")"
    return described


_NOT_ENTRIES = frozenset({"comment", "preamble", "string"})


def parse_bib_text(
    text: str,
    *,
    path: str = "<bibtex>",
    strict: bool = True,
    warnings: list[str] | None = None,
) -> tuple[Reference, ...]:
    """References from BibTeX source text, in file order.

    A syntax error raises :class:`LoadError` ("cannot read refs.bib: BibTeX syntax
    error in line 3: '}' expected") unless ``strict`` is False; so do ``@string``
    macros that expand to more than a budget linear in the text's size
    (:mod:`essaylint.loaders.bib_macros`), strict or not. Non-fatal
    problems (repeated keys or fields, unreadable names) are appended to
    ``warnings`` when a list is given.
    """
    from pybtex.scanner import PybtexSyntaxError

    errors: list[Any] = []
    repeats: list[tuple[str, Any]] = []
    try:
        parser = _make_parser(errors, repeats)
        parser.macros = bounded_macros(parser.macros, expansion_budget(len(text)))
        data = parser.parse_string(text)
        entries = list(data.entries.items())
    except LoadError:
        raise
    except MacroExpansionError as error:
        raise cannot_read(path, str(error)) from None
    except Exception as error:  # a pybtex bug or an input it cannot handle at all
        raise cannot_read(path, f"BibTeX could not be parsed ({_describe(error)})") from None

    syntax = [e for e in errors if isinstance(e, PybtexSyntaxError)]
    if syntax and strict:
        more = f" (and {len(syntax) - 1} more)" if len(syntax) > 1 else ""
        raise cannot_read(path, _describe(syntax[0], text) + more)
    if warnings is not None:
        warnings.extend(_describe(e, text) for e in errors)

    lines = entry_lines(text)
    placed: list[tuple[int, Reference]] = []
    for key, entry in [*entries, *repeats]:
        try:
            ref = _entry_to_reference(str(key), entry, len(placed))
        except Exception as error:  # one odd entry never stops the rest
            if warnings is not None:
                warnings.append(f"BibTeX entry {key!r} skipped: {error}")
            continue
        placed.append(_at_line(ref, lines.take(str(key)), path))
    kept = {str(k) for k, _ in entries}
    for ref in _entries_pybtex_dropped(text, kept, len(placed)):
        placed.append(_at_line(ref, lines.take(ref.key or ""), path))
    # File order: an entry written again under a used key sits where the file has it.
    placed.sort(key=lambda item: item[0])
    return tuple(ref.model_copy(update={"index": i}) for i, (_, ref) in enumerate(placed))


def _at_line(ref: Reference, line: int | None, path: str) -> tuple[int, Reference]:
    """The entry with its line in the file as ``origin`` (none for a text without a file)."""
    if line is None or path.startswith("<"):
        return line or 0, ref
    return line, ref.model_copy(update={"origin": SourceLocation(path=path, line=line)})


class EntryLines:
    """The 1-based line of each ``@type{key,`` of a BibTeX text, handed out in file order."""

    def __init__(self, found: dict[str, list[int]]) -> None:
        self._found = found

    def take(self, key: str) -> int | None:
        """The line of the next not yet taken entry with ``key`` (None when there is none)."""
        lines = self._found.get(key)
        return lines.pop(0) if lines else None


def entry_lines(text: str) -> EntryLines:
    """Where each entry of ``text`` starts (one pass over the text)."""
    found: dict[str, list[int]] = {}
    line, counted = 1, 0
    for head in BIB_ENTRY_HEAD.finditer(text):
        if head.group("type").lower() in _NOT_ENTRIES:
            continue
        line += text.count("\n", counted, head.start())
        counted = head.start()
        found.setdefault(head.group("key"), []).append(line)
    return EntryLines(found)


_FIELD = r"\b{name}\s*=\s*[{{\"]\s*(?P<value>[^}}\"]{{1,300}})"
_YEAR_FIELD = compile_lazily(_FIELD.format(name="(?:year|date)"), re.IGNORECASE)
_TITLE_FIELD = compile_lazily(_FIELD.format(name="title"), re.IGNORECASE)
_CONTAINER_FIELD = compile_lazily(_FIELD.format(name="(?:journal|journaltitle|booktitle)"), re.I)
_PUBLISHER_FIELD = compile_lazily(
    _FIELD.format(name="(?:publisher|institution|organization)"), re.I
)
_URL_FIELD = compile_lazily(_FIELD.format(name="url"), re.IGNORECASE)


def _bib_field(pattern: LazyPattern, body: str) -> str | None:
    match = pattern.search(body)
    return match.group("value").strip() if match else None


def _entries_pybtex_dropped(text: str, kept: set[str], start: int) -> tuple[Reference, ...]:
    """Entries pybtex gave up on (a name list it cannot split), kept by key, year and title.

    Without them a citation of such an entry would be called missing.
    """
    heads = [
        m for m in BIB_ENTRY_HEAD.finditer(text) if m.group("type").lower() not in _NOT_ENTRIES
    ]
    found: list[Reference] = []
    for i, head in enumerate(heads):
        key = head.group("key")
        if key in kept:
            continue
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        body = text[head.end() : end]

        year = _bib_field(_YEAR_FIELD, body)
        found.append(
            Reference(
                raw=text[head.start() : end].strip()[:2000],
                index=start + len(found),
                key=key,
                year=year[:4] if year else None,
                title=_bib_field(_TITLE_FIELD, body),
                container=_bib_field(_CONTAINER_FIELD, body),
                publisher=_bib_field(_PUBLISHER_FIELD, body),
                url=_bib_field(_URL_FIELD, body),
                source="bib",
            )
        )
        kept.add(key)
    return tuple(found)


def load_bib(
    path: str | Path, *, strict: bool = True, warnings: list[str] | None = None
) -> tuple[Reference, ...]:
    """References from a .bib file (read-only; any encoding; see :func:`parse_bib_text`)."""
    from essaylint.loaders import read_bytes
    from essaylint.loaders.text import decode_bytes

    shown = str(path)
    data = read_bytes(path)
    decoded = decode_bytes(data, shown)
    if warnings is not None:
        warnings.extend(decoded.notes)
    return parse_bib_text(decoded.text, path=shown, strict=strict, warnings=warnings)


# -- writing -------------------------------------------------------------------------


def _key_base(ref: Reference) -> str:
    from essaylint.analysis.text import fold

    family = ref.authors[0].family if ref.authors else (ref.title or "ref")
    word = re.sub(r"[^a-z0-9]", "", fold(family.split()[-1] if not ref.authors else family))
    if ref.authors and ref.authors[0].corporate:
        word = "".join(w[0] for w in fold(family).split() if w[:1].isalnum()) or word
    year = re.sub(r"[^0-9a-z]", "", (ref.year or "nd").lower()) or "nd"
    return (word or "ref")[:30] + year


def _unique_keys(refs: list[Reference]) -> list[str]:
    """A unique key per reference: its own key (from a .bib) when it has a free
    one, else ``<family><year>`` with a/b/... suffixes for works sharing it."""
    own = Counter(ref.key for ref in refs if ref.key)
    used: set[str] = {key for key, n in own.items() if n == 1}
    bases = [_key_base(ref) for ref in refs]
    counts = Counter(
        base for ref, base in zip(refs, bases, strict=True) if not _keeps_key(ref, own)
    )
    seen: Counter[str] = Counter()
    keys: list[str] = []
    for ref, base in zip(refs, bases, strict=True):
        if _keeps_key(ref, own):
            keys.append(str(ref.key))
            continue
        key = base
        if counts[base] > 1 or key in used:
            key = base + _suffix(seen[base])
            seen[base] += 1
            while key in used:
                key = base + _suffix(seen[base])
                seen[base] += 1
        used.add(key)
        keys.append(key)
    return keys


def _keeps_key(ref: Reference, own: Counter[str]) -> bool:
    return (
        bool(ref.key)
        and own[ref.key or ""] == 1
        and re.fullmatch(r"[^\s,{}()=#%\"]+", ref.key or "") is not None
    )


def _suffix(n: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa, ..."""
    letters = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def _plain(value: str) -> str:
    """Text safe for pybtex's writer (it LaTeX-encodes but refuses unbalanced braces)."""
    return value.replace("{", "(").replace("}", ")")


def references_to_bibtex(refs: Iterable[Reference]) -> str:
    """BibTeX source for ``refs``, written by pybtex's BibTeX writer.

    Keys are ``<family><year>`` ("pan2017"); works that would share a key get
    a/b/... suffixes ("pan2017a", "pan2017b"). Text fields are LaTeX-encoded
    by pybtex; url and doi are written literally.
    """
    from pybtex.database import BibliographyData, Entry
    from pybtex.database import Person as PybtexPerson
    from pybtex.database.output.bibtex import Writer

    class LiteralUrlWriter(Writer):  # type: ignore[misc]
        def _write_field(self, stream: Any, type: str, value: str) -> None:
            if type.lower() in {"url", "doi"}:
                stream.write(f",\n    {type} = {self.quote(value)}")
            else:
                super()._write_field(stream, type, value)

    ref_list = list(refs)
    entries: dict[str, Any] = {}
    for key, ref in zip(_unique_keys(ref_list), ref_list, strict=True):
        persons: list[Any] = []
        for person in ref.authors:
            if person.corporate or not person.given:
                family = _plain(person.family)
                last = "{" + family + "}" if (person.corporate or " " in family) else family
                persons.append(PybtexPerson(last=last))
            else:
                persons.append(PybtexPerson(first=_plain(person.given), last=_plain(person.family)))
        if ref.et_al:
            persons.append(PybtexPerson(last="others"))
        fields: dict[str, str] = {}
        entry_type = _ENTRY_TYPE.get(ref.type, "misc")
        container_field = {"article": "journal", "news": "journal"}.get(ref.type, "booktitle")
        if ref.type in {"book", "report", "thesis", "web", "unknown", "video"}:
            container_field = "journal" if ref.type == "unknown" else "booktitle"
        values = [
            ("title", ref.title),
            (container_field, ref.container),
            ("year", ref.year),
            ("volume", ref.volume),
            ("number", ref.issue),
            (
                "pages",
                ref.pages.replace("\u2013", "--").replace("\u2014", "--") if ref.pages else None,
            ),
            ("publisher", ref.publisher),
        ]
        for name, value in values:
            if value:
                fields[name] = _plain(value)
        if ref.type == "news":
            fields["entrysubtype"] = "newspaper"
        if ref.doi:
            fields["doi"] = ref.doi.replace("{", "").replace("}", "")
        if ref.url:
            fields["url"] = ref.url.replace("{", "").replace("}", "")
        person_map = {"author": persons} if persons else {}
        entries[key] = Entry(entry_type, fields=fields, persons=person_map)
    data = BibliographyData(entries=entries)
    return str(LiteralUrlWriter(encoding="UTF-8").to_string(data))
