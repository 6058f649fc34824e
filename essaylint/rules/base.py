"""What a rule is, and the read-only context every rule receives."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict

from essaylint.analysis.matching import cited_reference_indices
from essaylint.analysis.prose_regions import mask, prose_spans
from essaylint.models import (
    PARAGRAPH_LINE_FORMATS,
    Citation,
    CitationRef,
    Document,
    Edit,
    Essay,
    Finding,
    Link,
    Reference,
    ReferenceRef,
    Severity,
    Span,
)

if TYPE_CHECKING:
    from essaylint.config import Settings

DOC_SECTIONS = ("What it checks", "Why it matters", "Example", "Fix")


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class RuleOptions(BaseModel):
    """A rule's options, read from ``[tool.essaylint.rules.<name>]``.

    A rule that takes options declares a subclass as its ``Options`` attribute:
    fields with defaults and a ``description`` (shown in the rule's docs),
    written in kebab-case in the config file (``check_titles`` is
    ``check-titles``). Unknown keys are an error naming the file and key.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", alias_generator=_kebab)


OptionsT = TypeVar("OptionsT", bound=RuleOptions)


@dataclass(frozen=True)
class RuleContext:
    """Everything a rule may read. Rules never fetch data themselves.

    Built once per file by the pipeline, after the prose and verify passes;
    nothing changes it afterwards.
    """

    document: Document
    essay: Essay
    citations: Sequence[Citation]
    references: Sequence[Reference]
    links: Sequence[Link]
    settings: Settings
    #: The results of the slow passes: "prose" (a ProseReport), "verify" (a VerifyReport).
    services: Mapping[str, object] = field(default_factory=dict)
    #: Each chosen rule's options, validated, by its ``Options`` class (see :meth:`options`).
    rule_options: Mapping[type[RuleOptions], RuleOptions] = field(default_factory=dict)
    #: The prose spans, when the pipeline found them already (for the prose pass).
    given_prose_spans: Sequence[Span] | None = None

    def options(self, model: type[OptionsT]) -> OptionsT:
        """A rule's options (``ctx.options(self.Options)``); the defaults when none are set."""
        found = self.rule_options.get(model)
        return found if isinstance(found, model) else model()

    @cached_property
    def prose_spans(self) -> list[Span]:
        """The essay's prose (body minus citations, markup, reading lists), computed once."""
        if self.given_prose_spans is not None:
            return list(self.given_prose_spans)
        return prose_spans(self.document.text, self.essay, self.citations)

    @cached_property
    def prose_text(self) -> str:
        """``Document.text`` with everything outside :attr:`prose_spans` blanked."""
        return mask(self.document.text, self.prose_spans)

    @cached_property
    def unprinted(self) -> frozenset[int]:
        """Database entries (.bib, CSL JSON) the essay does not print: nothing cites or names them.

        A marker never sees them, so their problems are not the essay's.
        """
        cited = cited_reference_indices(self.links)
        # An entry written twice under one key is printed when that key is cited.
        keys = {self.references[i].key for i in cited if 0 <= i < len(self.references)}
        return frozenset(
            i
            for i, r in enumerate(self.references)
            if not r.listed and i not in cited and (r.key is None or r.key not in keys)
        )

    def reference_line(self, ref: Reference) -> int:
        """The entry's line: in the document, or in its own file (a .bib) when it has one."""
        if ref.origin is not None:
            return ref.origin.line
        return self.document.position(ref.span.start).line

    def where(self, ref: Reference) -> str:
        """Where a person finds the entry: "line 58", or "refs.bib line 12, key boyd2007"."""
        if ref.origin is not None:
            key = f", key {ref.key}" if ref.key else ""
            return f"{PurePath(ref.origin.path).name} line {ref.origin.line}{key}"
        if ref.source == "bib":
            return f"BibTeX entry {ref.key}" if ref.key else "the BibTeX file"
        if self.document.format in PARAGRAPH_LINE_FORMATS:  # a word processor has no lines
            if ref.source == "footnote" and ref.key:
                return f"footnote {ref.key}"  # an entry in a Word footnote
            return f"paragraph {self.reference_line(ref)}"
        return f"line {self.reference_line(ref)}"


class Rule:
    """Base class of every rule: set the class attributes, implement :meth:`check`."""

    code: ClassVar[str]
    name: ClassVar[str]
    default_severity: ClassVar[Severity]
    summary: ClassVar[str]
    requires: ClassVar[frozenset[str]] = frozenset()
    #: The rule's options (``[tool.essaylint.rules.<name>]``): none unless it declares its own.
    Options: ClassVar[type[RuleOptions]] = RuleOptions
    #: The verify rule that reports, once, that the lookup service could not be reached.
    reports_service_failure: ClassVar[bool] = False

    @classmethod
    def options_from(cls, table: Mapping[str, Any]) -> RuleOptions:
        """This rule's options from a config table (raises pydantic's ValidationError)."""
        return cls.Options.model_validate(dict(table))

    @classmethod
    def option_rows(cls) -> list[tuple[str, str, str]]:
        """(key, default as TOML, description) for each option, for the docs."""
        return [
            (_kebab(name), toml_value(info.default), info.description or "")
            for name, info in cls.Options.model_fields.items()
        ]

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        raise NotImplementedError

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def doc_section(cls, title: str) -> str:
        """One section (e.g. "Fix") of the rule's docstring."""
        text = cls.documentation()
        pattern = re.compile(rf"^{re.escape(title)}:?\s*$", re.MULTILINE)
        m = pattern.search(text)
        if not m:
            return ""
        rest = text[m.end() :]
        nxt = re.search(
            rf"^(?:{'|'.join(re.escape(t) for t in DOC_SECTIONS)}):?\s*$", rest, re.MULTILINE
        )
        return (rest[: nxt.start()] if nxt else rest).strip()

    def finding(
        self,
        ctx: RuleContext,
        span: Span,
        message: str,
        *,
        citation: Citation | None = None,
        reference: Reference | None = None,
        word: str | None = None,
        suggestions: Sequence[str] = (),
        fix: Edit | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        return Finding(
            code=self.code,
            rule=self.name,
            severity=severity or self.default_severity,
            message=message,
            span=span,
            citation=citation_ref(citation) if citation else None,
            reference=reference_ref(ctx, reference) if reference else None,
            word=word,
            suggestions=tuple(suggestions),
            fix=fix,
        )


def toml_value(value: object) -> str:
    """A default as it is written in a config file: ``true``, ``3``, ``["a", "b"]``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return str(value)


def citation_ref(c: Citation) -> CitationRef:
    authors, year = c.authors, c.year
    if c.kind == "key" and c.key and not authors:
        # A key that names no entry is all anyone knows of the work: "kant1993groundwork".
        from essaylint.analysis.cite_keys import author_year_of_key

        read = author_year_of_key(c.key)
        if read is not None:
            authors = (read[0],) if read[0] else ()
            year = year or read[1]
    return CitationRef(
        text=c.text, authors=authors, year=year, number=c.number, key=c.key, title=c.title
    )


def reference_ref(ctx: RuleContext, r: Reference) -> ReferenceRef:
    return ReferenceRef(
        line=ctx.reference_line(r),
        path=r.origin.path if r.origin is not None else None,
        authors=tuple(p.family for p in r.authors),
        year=r.year,
        index=r.index,
        number=r.number,
        title=r.title,
    )


def describe_citation(c: Citation) -> str:
    """How a marker would name the cited work: "Pan et al. (2019)", "[41]"."""
    if c.kind == "numeric":
        return f"[{c.number}]"
    if c.kind == "footnote" and (c.authors or c.title):
        # A work cited in a Chicago note: "Barry (2004) in note 5", "“Code of Ethics” in note 20".
        work = c.authors[0] if c.authors else f"“{(c.title or '')[:60]}”"
        return f"{work} ({c.year}) in note {c.key}" if c.year else f"{work} in note {c.key}"
    if c.kind in ("footnote", "key"):
        return f"[^{c.key}]" if c.kind == "footnote" else f"@{c.key}"
    names = list(c.authors)
    if c.et_al or len(names) > 2:
        who = f"{names[0]} et al."
    elif len(names) == 2:
        who = f"{names[0]} & {names[1]}"
    else:
        who = names[0] if names else "?"
    return f"{who} ({c.year})" if c.year else who


def describe_reference(r: Reference) -> str:
    """ "Pan, Lu, Wang & Chau (2017)" for an entry."""
    names = [p.family for p in r.authors]
    if not names:
        who = (r.title or r.raw)[:60]
    elif len(names) == 1:
        who = names[0]
    elif len(names) <= 5:
        who = ", ".join(names[:-1]) + " & " + names[-1]
    else:
        who = f"{names[0]} et al."
    if r.et_al and len(names) <= 5:
        who += " et al."
    return f"{who} ({r.year or 'no year'})"
