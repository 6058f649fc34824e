"""CSL JSON bibliographies (the format of pandoc, Zotero's "Better CSL JSON", citeproc).

A CSL JSON file is a list of items with an ``id`` (the citation key), a
``type``, ``author`` (``family``/``given`` or ``literal``), ``issued``
(``date-parts`` or ``raw``), ``title``, ``container-title``, ``volume``,
``issue``, ``page``, ``publisher``, ``DOI`` and ``URL``. Each item becomes a
:class:`~essaylint.models.Reference` with ``source="bib"``, as a BibTeX entry
does.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from essaylint.analysis.patterns import YEAR_DIGITS
from essaylint.lazy_pattern import compile_lazily
from essaylint.loaders.bibtex import EntryLines
from essaylint.loaders.errors import cannot_read
from essaylint.models import Person, Reference, ReferenceType, SourceLocation

_TYPES: dict[str, ReferenceType] = {
    "article-journal": "article", "article": "article", "article-magazine": "article",
    "article-newspaper": "news", "book": "book", "chapter": "chapter",
    "paper-conference": "conference", "report": "report", "thesis": "thesis",
    "webpage": "web", "post": "web", "post-weblog": "web", "motion_picture": "video",
}  # fmt: skip
_YEAR = compile_lazily(r"\b(" + YEAR_DIGITS + r")\b")


def _text(value: Any) -> str | None:
    if isinstance(value, (str, int)) and str(value).strip():
        return str(value).strip()
    return None


def _people(value: Any) -> tuple[Person, ...]:
    people: list[Person] = []
    for item in value if isinstance(value, list) else []:
        if not isinstance(item, dict):
            continue
        literal = _text(item.get("literal"))
        family = _text(item.get("family"))
        if literal and not family:
            people.append(Person(family=literal, raw=literal, corporate=True))
        elif family:
            particle = _text(item.get("non-dropping-particle"))
            name = f"{particle} {family}" if particle else family
            given = _text(item.get("given"))
            people.append(
                Person(family=name, given=given, raw=f"{name}, {given or ''}".strip(", "))
            )
    return tuple(people)


def _year(issued: Any) -> str | None:
    if isinstance(issued, dict):
        parts = issued.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            return _text(parts[0][0])
        raw = _text(issued.get("raw")) or _text(issued.get("literal"))
        match = _YEAR.search(raw or "")
        return match.group(1) if match else None
    return None


def reference_from_item(item: dict[str, Any], index: int) -> Reference:
    """One CSL JSON item as a Reference (its raw text is the item, compactly)."""
    return Reference(
        raw=json.dumps(item, ensure_ascii=False)[:2000],
        index=index,
        key=_text(item.get("id")),
        authors=_people(item.get("author") or item.get("editor")),
        year=_year(item.get("issued")),
        title=_text(item.get("title")),
        container=_text(item.get("container-title")),
        volume=_text(item.get("volume")),
        issue=_text(item.get("issue")),
        pages=_text(item.get("page")),
        publisher=_text(item.get("publisher")),
        doi=_text(item.get("DOI")),
        url=_text(item.get("URL")),
        type=_TYPES.get(str(item.get("type")), "unknown"),
        source="bib",
    )


def load_csl_json(path: str | Path) -> tuple[Reference, ...]:
    """References from a CSL JSON file; a file that is not CSL JSON is one clear LoadError."""
    from essaylint.loaders import read_bytes
    from essaylint.loaders.text import decode_bytes

    shown = str(path)
    text = decode_bytes(read_bytes(path), shown).text
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise cannot_read(shown, f"not valid CSL JSON (line {error.lineno}: {error.msg})") from None
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        data = data["items"]
    if not isinstance(data, list):
        raise cannot_read(shown, "not CSL JSON (expected a list of items)")
    items = [item for item in data if isinstance(item, dict)]
    lines = _item_lines(text)
    refs = []
    for i, item in enumerate(items):
        ref = reference_from_item(item, i)
        line = lines.take(ref.key or "")
        if line is not None:
            ref = ref.model_copy(update={"origin": SourceLocation(path=shown, line=line)})
        refs.append(ref)
    return tuple(refs)


_ITEM_ID = compile_lazily(r'"id"\s*:\s*"([^"\\]*)"')


def _item_lines(text: str) -> EntryLines:
    """The line of each item's ``"id"`` (where a person finds the item), in one pass."""
    found: dict[str, list[int]] = {}
    line, counted = 1, 0
    for m in _ITEM_ID.finditer(text):
        line += text.count("\n", counted, m.start())
        counted = m.start()
        found.setdefault(m.group(1), []).append(line)
    return EntryLines(found)
