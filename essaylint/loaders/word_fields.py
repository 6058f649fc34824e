"""Citation-manager fields in a .docx: which works a visible citation cites.

A citation inserted by a citation manager is a Word field: its code
(``w:instrText`` between ``w:fldChar`` begin and separate, or the ``w:instr``
of a ``w:fldSimple``) names the works, its result is the text the reader sees.

- Zotero: ``ADDIN ZOTERO_ITEM CSL_CITATION {json}``; Mendeley (Desktop and
  Cite): ``ADDIN CSL_CITATION {json}``. The JSON's ``citationItems`` carry CSL
  ``itemData`` (``author`` family/literal, ``issued``, ``title``, ``DOI``, ``URL``).
- EndNote: ``ADDIN EN.CITE <EndNote><Cite>...<record>...</record></Cite></EndNote>``;
  when the record is long EndNote moves it into a nested ``ADDIN EN.CITE.DATA``
  field whose ``w:fldData`` holds the same XML in base64.
- Word's own tool: ``CITATION Tag \\l 1033`` (more works with ``\\m Tag2``),
  the sources in a customXml part (``b:Sources``/``b:Source`` with ``b:Tag``,
  ``b:Author``, ``b:Year``, ``b:Title``, ``b:DOI``, ``b:URL``).

Bibliography fields (``ZOTERO_BIBL``, ``CSL_BIBLIOGRAPHY``, ``EN.REFLIST``,
``BIBLIOGRAPHY``) cite nothing. Unreadable codes are ignored: the visible text
is still read as ordinary text.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from essaylint.analysis.names import looks_corporate
from essaylint.analysis.patterns import YEAR_DIGITS
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import CitedWork, FieldManager

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BIB = "{http://schemas.openxmlformats.org/officeDocument/2006/bibliography}"
FLD_CHAR = _W + "fldChar"
FLD_SIMPLE = _W + "fldSimple"
INSTR_TEXT = _W + "instrText"
_FLD_DATA = _W + "fldData"
_TYPE = _W + "fldCharType"
_INSTR = _W + "instr"
_YEAR = compile_lazily(r"\b(" + YEAR_DIGITS + r")[a-z]?\b")
_CSL = compile_lazily(r"^\s*ADDIN\s+(ZOTERO_ITEM\s+)?CSL_CITATION\b")
_ENDNOTE = compile_lazily(r"^\s*ADDIN\s+EN\.CITE(?!\.)")
_WORD = compile_lazily(r"^\s*CITATION\s+(\S+)(.*)$", re.S)
_MORE = compile_lazily(r"\\m\s+(\S+)")
_MAX_CODE = 2_000_000  # characters of one field code that are read


def _year_of(text: str | None) -> str | None:
    match = _YEAR.search(text or "")
    return match.group(0) if match else None


def _clean(text: Any) -> str | None:
    value = " ".join(str(text).split()) if text is not None else ""
    return value or None


def _csl_work(item: Any) -> CitedWork | None:
    data = item.get("itemData") if isinstance(item, dict) else None
    if not isinstance(data, dict):
        return None
    authors: list[str] = []
    for person in data.get("author") or data.get("editor") or ():
        if isinstance(person, dict):
            name = _clean(person.get("family") or person.get("literal"))
            if name:
                authors.append(name)
    issued = data.get("issued")
    year = None
    if isinstance(issued, dict):
        parts = issued.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            year = _year_of(str(parts[0][0]))
        year = year or _year_of(str(issued.get("raw") or issued.get("literal") or ""))
    return CitedWork(
        authors=tuple(authors),
        year=year,
        title=_clean(data.get("title")),
        doi=_clean(data.get("DOI")),
        url=_clean(data.get("URL")),
        key=_clean(data.get("id")),
    )


def _csl_works(code: str) -> tuple[CitedWork, ...]:
    start, end = code.find("{"), code.rfind("}")
    if start < 0 or end <= start:
        return ()
    try:
        value = json.loads(code[start : end + 1])
    except ValueError:
        return ()
    items = value.get("citationItems") if isinstance(value, dict) else None
    if not isinstance(items, list):
        return ()
    return tuple(w for w in (_csl_work(item) for item in items) if w is not None)


def _parse_xml(text: str) -> Any:
    from lxml import etree  # type: ignore[import-untyped]

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    try:
        return etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError:
        return None


def _text(node: Any) -> str | None:
    return _clean("".join(node.itertext())) if node is not None else None


def _endnote_works(xml: str) -> tuple[CitedWork, ...]:
    root = _parse_xml(xml[xml.find("<EndNote") :])
    if root is None:
        return ()
    works: list[CitedWork] = []
    for cite in root.iter("Cite"):
        record = cite.find("record")
        names = [_text(a) or "" for a in record.iter("author")] if record is not None else []
        families = [name.split(",")[0].strip() for name in names if name.strip()]
        if not families and _text(cite.find("Author")):
            families = [str(_text(cite.find("Author")))]
        year = _text(record.find("dates/year")) if record is not None else None
        works.append(
            CitedWork(
                authors=tuple(families),
                year=_year_of(year or _text(cite.find("Year"))),
                title=_text(record.find("titles/title")) if record is not None else None,
                doi=_text(record.find("electronic-resource-num")) if record is not None else None,
                url=_text(record.find("urls/related-urls/url")) if record is not None else None,
                key=_text(cite.find("RecNum")),
            )
        )
    return tuple(works)


def _decoded(data: str) -> str:
    try:
        return base64.b64decode("".join(data.split()), validate=False).decode("utf-8", "replace")
    except (binascii.Error, ValueError):
        return ""


def parse_field(
    code: str, data: Iterable[str], sources: dict[str, CitedWork]
) -> tuple[FieldManager, tuple[CitedWork, ...]] | None:
    """The manager and cited works of a field code (``data``: its ``w:fldData``), or None."""
    code = code[:_MAX_CODE]
    csl = _CSL.match(code)
    if csl:
        works = _csl_works(code)
        return ("zotero" if csl.group(1) else "mendeley", works) if works else None
    if _ENDNOTE.match(code):
        xml = code if "<EndNote" in code else ""
        for chunk in data:
            decoded = _decoded(chunk)
            if "<EndNote" in decoded:
                xml = decoded
                break
        works = _endnote_works(xml) if xml else ()
        return ("endnote", works) if works else None
    word = _WORD.match(code)
    if word:
        tags = [word.group(1).strip('"'), *(t.strip('"') for t in _MORE.findall(word.group(2)))]
        found = tuple(sources[t] for t in tags if t in sources)
        return ("word", found) if found else None
    return None


def citation_sources(part: Any) -> dict[str, CitedWork]:
    """The sources of Word's citation tool kept in the document's customXml parts."""
    from lxml import etree

    sources: dict[str, CitedWork] = {}
    for rel in part.rels.values():
        if rel.is_external or not str(rel.reltype).endswith("/customXml"):
            continue
        blob = bytes(rel.target_part.blob)
        if b"bibliography" not in blob:
            continue  # other custom XML (document properties, add-in data)
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        try:
            root = etree.fromstring(blob, parser)
        except etree.XMLSyntaxError:
            continue
        sources.update(word_sources(root))
    return sources


_MAX_TYPED_NAME_WORDS = 3


def _family_name(last: str, context: str) -> str:
    """The family name in Word's "Last" box, which may hold a whole name ("Sepp Hochreiter")
    or two authors' names ("Cortes Vapnik"). The source's other fields often spell the name
    inverted ("Hochreiter, Sepp & Schmidhuber, J.", "Cortes, C., Vapnik, V."): the first
    word of the box written there before a comma and a name is the family name."""
    words = last.split()
    if not 2 <= len(words) <= _MAX_TYPED_NAME_WORDS or looks_corporate(last):
        return last
    for word in words:
        if re.search(r"(?<![\w-])" + re.escape(word) + r",\s*[A-Z]", context):
            return word
    return last


def word_sources(root: Any) -> dict[str, CitedWork]:
    """The sources of Word's citation tool in a customXml part, by tag."""
    sources: dict[str, CitedWork] = {}
    for source in root.iter(_BIB + "Source"):
        tag = _text(source.find(_BIB + "Tag"))
        if not tag:
            continue
        authors: list[str] = []
        author = source.find(_BIB + "Author")
        if author is not None:
            main = author.find(_BIB + "Author")
            holder = main if main is not None else author
            corporate = _text(holder.find(_BIB + "Corporate"))
            if corporate:
                authors.append(corporate)
            context = " ".join(source.itertext())
            for person in holder.iter(_BIB + "Person"):
                last = _text(person.find(_BIB + "Last"))
                if last:
                    authors.append(_family_name(last, context))
        sources[tag] = CitedWork(
            authors=tuple(authors),
            year=_year_of(_text(source.find(_BIB + "Year"))),
            title=_text(source.find(_BIB + "Title")),
            doi=_text(source.find(_BIB + "DOI")),
            url=_text(source.find(_BIB + "URL")),
            key=tag,
        )
    return sources


@dataclass
class _Open:
    """A field being read: its code so far, its data, where its result starts."""

    code: list[str] = field(default_factory=list)
    data: list[str] = field(default_factory=list)
    result_at: tuple[int, int] | None = None  # (paragraph serial, part index)


@dataclass(frozen=True)
class ReadField:
    """A finished citation field whose result lies in one paragraph: parts ``[start, end)``."""

    start: int
    end: int
    manager: FieldManager
    works: tuple[CitedWork, ...]


@dataclass
class FieldReader:
    """The open complex fields of a document; fields can span paragraphs and nest."""

    sources: dict[str, CitedWork] = field(default_factory=dict)
    stack: list[_Open] = field(default_factory=list)
    paragraph: int = 0
    done: list[ReadField] = field(default_factory=list)

    def start_paragraph(self) -> None:
        self.paragraph += 1
        self.done = []

    def char(self, element: Any, part: int) -> None:
        """A ``w:fldChar`` met when ``part`` parts of the paragraph's text were read."""
        kind = element.get(_TYPE)
        if kind == "begin":
            opened = _Open()
            opened.data += [d.text or "" for d in element.iter(_FLD_DATA)]
            self.stack.append(opened)
        elif kind == "separate" and self.stack:
            self.stack[-1].result_at = (self.paragraph, part)
        elif kind == "end" and self.stack:
            closed = self.stack.pop()
            if self.stack and self.stack[-1].result_at is None:
                self.stack[-1].data += closed.data  # EN.CITE.DATA inside EN.CITE's code
            self.finish("".join(closed.code), closed.data, closed.result_at, part)

    def instruction(self, text: str) -> None:
        if self.stack:
            self.stack[-1].code.append(text)

    def finish(
        self, code: str, data: list[str], result_at: tuple[int, int] | None, part: int
    ) -> None:
        if result_at is None or result_at[0] != self.paragraph or result_at[1] >= part:
            return
        parsed = parse_field(code, data, self.sources)
        if parsed is not None:
            self.done.append(ReadField(result_at[1], part, parsed[0], parsed[1]))

    def simple(self, element: Any, start: int, end: int) -> None:
        """A ``w:fldSimple`` whose result is parts ``[start, end)`` of this paragraph."""
        self.finish(str(element.get(_INSTR) or ""), [], (self.paragraph, start), end)
