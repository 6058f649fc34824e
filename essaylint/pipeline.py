"""The pure core: a loaded Document in, every finding out.

load -> sections -> references -> citations -> links -> rules. Only
:func:`lint_path` touches the file system (through the loaders).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from essaylint.analysis.citations import extract_citations
from essaylint.analysis.citations_keyed import note_key_citations
from essaylint.analysis.keyed_essays import named_in_database
from essaylint.analysis.list_style import (
    chicago_punctuation,
    keep_group_names,
    list_shape,
    pages_are_years,
)
from essaylint.analysis.matching import known_name_keys, link_citations
from essaylint.analysis.notes import (
    Note,
    NoteWork,
    entry_note_marks,
    entry_notes,
    find_notes,
    first_of_same,
    notes_cite,
    read_notes,
)
from essaylint.analysis.patterns import FOOTNOTE_DEFINITION, YEAR
from essaylint.analysis.prose_regions import prose_spans
from essaylint.analysis.reference_list import normalise_author_date_list
from essaylint.analysis.reference_split import split_reference_list
from essaylint.analysis.references import parse_reference
from essaylint.analysis.sections import find_sections, footnote_definition_spans
from essaylint.bibliography_files import database, essay_bibliography
from essaylint.config import Settings
from essaylint.lazy_pattern import compile_lazily
from essaylint.loaders import MARKDOWN_SUFFIXES
from essaylint.models import (
    Citation,
    Document,
    Essay,
    FileResult,
    Finding,
    Hyperlink,
    Reference,
    Span,
)
from essaylint.rules.base import Rule, RuleContext, RuleOptions
from essaylint.rules.registry import all_rules, select_rules

if TYPE_CHECKING:
    from essaylint.analysis.latex_macros import CiteMacro
    from essaylint.services.prose import ProseBackend
    from essaylint.services.verify import VerifyBackend

_BIB_COMMAND = compile_lazily(r"\\(?:bibliography|addbibresource)\{[^}]*\}|^bibliography:.*$", re.M)


@dataclass(frozen=True)
class NotePlan:
    """The notes of a document and whether they cite a Bibliography beside them."""

    notes: tuple[Note, ...] = ()
    bibliography: tuple[Span, ...] = ()  # the lists that are not the notes themselves
    entries: tuple[Note, ...] = ()  # Word notes that are the list (the essay has none)
    # Notes that shorten an earlier note of the list (no Bibliography): no entries, but
    # citations of the full note's work, with the work each names.
    short: tuple[tuple[Note, NoteWork], ...] = ()

    @property
    def cite(self) -> bool:
        """Notes are citations when a separate list stands beside them."""
        return bool(self.notes and self.bibliography)


def plan_notes(doc: Document, essay: Essay) -> NotePlan:
    """Find the notes (Markdown, Word, hand-numbered endnotes) and the lists beside them."""
    notes = find_notes(doc.text, doc.blocks, latex=doc.format == "latex", lists=essay.lists)
    bibliography = tuple(notes_cite(essay.lists, notes))
    entries = () if bibliography else tuple(entry_notes(doc.text, notes, bool(essay.lists)))
    short: tuple[tuple[Note, NoteWork], ...] = ()
    full = [*entries, *(note for note in notes if note.source in ("markdown", "endnote"))]
    if full and not bibliography:
        from essaylint.analysis.short_notes import shortened_notes

        short = shortened_notes(doc.text, notes, full)
    return NotePlan(tuple(notes), bibliography, entries, short)


def read_references(doc: Document, essay: Essay, plan: NotePlan | None = None) -> list[Reference]:
    """Entries of the reference lists, plus Markdown footnote definitions elsewhere.

    When the notes cite a Bibliography beside them (``plan.cite``), the notes are
    citations, not entries: only the Bibliography's entries are read, and a
    Bibliography is then the list the notes must agree with (not works consulted).
    """
    notes_cite_list = plan is not None and plan.cite
    refs: list[Reference] = []
    spans = plan.bibliography if plan is not None and notes_cite_list else essay.lists
    for span in spans:
        entries = split_reference_list(doc.text[span.start : span.end], span.start)
        if span in essay.consulted and not notes_cite_list:
            entries = [r.model_copy(update={"consulted": True}) for r in entries]
        refs += entries
    same = first_of_same(doc.text, plan.entries) if plan is not None else {}
    short = {(note.source, note.key) for note, _ in plan.short} if plan is not None else set()
    for note in plan.entries if plan is not None else ():
        if same[note.key] != note.key or (note.source, note.key) in short:
            continue  # the work of an earlier note, noted again
        body = doc.text[note.body.start : note.body.end]
        ref = parse_reference(body, span=note.span, key=note.key)
        refs.append(ref.model_copy(update={"source": "footnote"}))
    if not notes_cite_list:
        for key, span in footnote_definition_spans(doc.text):
            if any(listed.covers(span) for listed in essay.lists) or ("markdown", key) in short:
                continue
            raw = re.sub(FOOTNOTE_DEFINITION.pattern + r"\s*", "", doc.text[span.start : span.end])
            ref = parse_reference(raw, span=span, key=key)
            refs.append(ref.model_copy(update={"source": "footnote"}))
    refs = normalise_author_date_list(refs)
    if doc.hyperlinks:
        refs = [_with_link_target(r, doc.hyperlinks) for r in refs]
    return [r.model_copy(update={"index": i}) for i, r in enumerate(refs)]


_DOI_LINK = compile_lazily(r"^https?://(?:dx\.)?doi\.org/(10\.\d{4,9}/\S+)$", re.IGNORECASE)


def _with_link_target(ref: Reference, links: Sequence[Hyperlink]) -> Reference:
    """An entry whose title (or any part) links to the web has that address as its URL or DOI."""
    if ref.url or ref.doi:
        return ref
    starts = [link.start for link in links]
    i = bisect.bisect_left(starts, ref.span.start)
    if i < len(links) and links[i].end <= ref.span.end:
        target = links[i].target.strip()
        doi = _DOI_LINK.match(target)
        return ref.model_copy(update={"doi": doi.group(1)} if doi else {"url": target})
    return ref


_WORKS_CITED = compile_lazily(r"works\s+cited", re.IGNORECASE)


# "(Potter, 2003", "(Lindqvist & Baptiste, 2021": a comma before the year is author-date,
# never MLA, which writes "(Potter 45)" (a comma there only comes before a title).
_COMMA_YEAR = compile_lazily(rf",\s*{YEAR}\b", re.IGNORECASE)


def detect_style(
    refs: Sequence[Reference],
    numeric_citations: int,
    citations: Sequence[Citation] = (),
    shape: str | None = None,
    heading: str | None = None,
    *,
    dated: int | None = None,
) -> str:
    """The essay's style, from its citations and the shape of its list.

    MLA: a list whose entries carry no year after the authors (``shape``
    "mla", see :mod:`essaylint.analysis.list_style`) and more author–page
    citations (no year) than dated ones (``dated``: what the author-date
    reader found) and at least as many as numbered or footnote ones; on a tie
    (none of either, say) a "Works Cited" heading or the list's shape decides.
    Chicago author-date: the year bare after the authors ("Smith, John. 2019.
    Title."). Otherwise numeric (numbers or footnotes), Harvard ("Name (2019)
    Title") or APA ("(2019).").
    """
    if shape == "mla":
        pages = sum(1 for c in citations if c.kind == "author-date" and c.year is None)
        works_cited = heading is not None and _WORKS_CITED.search(heading) is not None
        if dated is None:
            dated = sum(1 for c in citations if c.kind == "author-date" and c.year is not None)
        if pages > dated and pages >= numeric_citations:
            return "mla"
        if not numeric_citations and pages == dated and (works_cited or pages == 0):
            return "mla"
    if numeric_citations and numeric_citations >= len(refs) // 2:
        return "numeric"
    if not refs:
        return "unknown"
    if shape == "chicago":
        return "chicago"
    harvard = sum(1 for r in refs if re.search(r"\(\d{4}[a-z]?\)\s+['‘*_A-Z]", r.raw))
    return "harvard" if harvard > len(refs) / 2 else "apa"


def lint_document(
    doc: Document,
    settings: Settings | None = None,
    rules: Sequence[type[Rule]] | None = None,
    *,
    bib: Sequence[Reference] = (),
    prose: ProseBackend | None = None,
    verify: VerifyBackend | None = None,
    latex_macros: Sequence[CiteMacro] = (),
) -> FileResult:
    """Run every selected rule over one document.

    Pure except for the engines handed in by the caller: ``prose`` (spelling
    and grammar) and ``verify`` (Crossref), each run once when a selected rule
    needs it. Without them, rules that need them report nothing. A rule that
    raises is skipped with a note; the other rules still run. A LaTeX document's
    own citation commands are read from it unless ``latex_macros`` gives those of
    its whole project (a chapter cites with the commands its root defines).
    """
    settings = settings or Settings()
    essay = find_sections(doc.text, doc.blocks)
    plan = plan_notes(doc, essay)
    if plan.entries:  # Word notes that hold the entries are the list, not prose
        excluded = (*essay.excluded, *(note.span for note in plan.entries))
        essay = essay.model_copy(
            update={"excluded": tuple(sorted(excluded, key=lambda span: span.start))}
        )
    references = read_references(doc, essay, plan)
    if bib:
        # Findings about .bib entries point at the command that names the file; an entry
        # written in this document (pandoc's front matter ``references:``) keeps its place.
        command = _BIB_COMMAND.search(doc.text)
        where = Span(start=command.start(), end=command.end()) if command else Span(start=0, end=0)
        offset = len(references)
        references += [
            r.model_copy(
                update={
                    "index": offset + i,
                    "span": r.span if r.origin and r.origin.path == doc.path else where,
                }
            )
            for i, r in enumerate(bib)
        ]
    numbered = any(r.number is not None for r in references)
    # A list numbered "(1)", "(2)": its text cites with the same parentheses.
    in_parentheses = [r for r in references if r.number is not None and r.raw.startswith("(")]
    numeric: bool | None = True if settings.style == "numeric" else None
    # Hand-numbered endnotes are marked by their numbers ("[3]", "³") in the text.
    endnoted = plan.cite and any(note.source == "endnote" for note in plan.notes)
    if settings.style in ("apa", "harvard", "mla", "chicago") or (
        numeric is None and not numbered and references and not endnoted
    ):
        numeric = False
    auto = settings.style == "auto"
    if not auto:
        shape: str | None = settings.style
    else:
        shape = None if plan.cite else list_shape(references)

    macros: tuple[CiteMacro, ...] = ()
    if doc.format == "latex":  # its own citation commands, and its project's
        from essaylint.analysis.latex_macros import cite_macros

        macros = tuple(latex_macros) or cite_macros([doc.text])

    def extract(style: str | None) -> tuple[Citation, ...]:
        return extract_citations(
            doc.text,
            essay,
            known_names=known_name_keys(references),
            numeric=numeric,
            latex=doc.format == "latex",
            pandoc=doc.format == "markdown",
            latex_macros=macros,
            parenthesised=len(in_parentheses) >= 2,
            numbered_list=sum(r.number is not None for r in references) >= 2,
            style=style,
            works=references,
        )

    citations: tuple[Citation, ...] | None = None
    plain: tuple[Citation, ...] = ()  # the author-date reading of an MLA-shaped essay
    dated: int | None = None
    dated_at: frozenset[int] = frozenset()
    if auto and shape is None:
        citations = extract(None)
        if not plan.cite and chicago_punctuation(doc.text, citations):
            shape = "chicago"
        elif numbered and not plan.cite and not any(c.kind == "numeric" for c in citations):
            shape = list_shape(references, numbered_too=True)  # no number is cited
    if shape in ("mla", "chicago"):
        references = keep_group_names(references)
        if auto and shape == "mla":
            # Citations the author-date reader finds with a comma before the year, to
            # weigh against author-page ones: students head an APA list "Works Cited".
            plain = extract(None)
            dated_at = frozenset(
                c.span.start
                for c in plain
                if c.kind == "author-date" and c.year and _COMMA_YEAR.search(c.text)
            )
            dated = len(dated_at)
        citations = extract(shape)
        if auto and shape == "mla" and pages_are_years(citations, references):
            # "(Froese and Pauly 2000)": author-date with no comma under a year-last list.
            shape, plain, dated, dated_at = "chicago", (), None, frozenset()
            citations = extract(shape)
    elif citations is None:
        citations = extract(None)
    noted = False
    if plan.cite:
        from essaylint.analysis.note_links import note_citations
        from essaylint.analysis.notes_naming_entries import notes_naming_entries

        read = notes_naming_entries(doc.text, read_notes(doc.text, plan.notes), references)
        citations = note_citations(doc.text, citations, read)
        noted = any(works for _, works in read)
    numbered_citations = sum(1 for c in citations if c.kind in ("numeric", "footnote"))
    style: str
    if not auto:
        style = settings.style
    elif noted:
        style = "chicago"
    else:
        # An author-page reading of a dated citation ("(Potter, 2003)") is no evidence of MLA.
        pages_only = [c for c in citations if c.span.start not in dated_at]
        style = detect_style(
            references, numbered_citations, pages_only, shape, essay.heading, dated=dated
        )
        if shape == "mla" and style != "mla":
            citations = plain  # an MLA-shaped list, but the text cites otherwise
    if style == "mla":
        from essaylint.analysis.citations_mla_dated import years_before_pages

        citations = years_before_pages(citations)
    if plan.short:  # a shortened note cites the work of the full note it shortens
        from essaylint.analysis.note_links import note_citations

        shortened = [(note, (work,)) for note, work in plan.short]
        citations = note_citations(doc.text, citations, shortened)
    if bib and doc.format == "markdown":
        citations = _with_note_keys(doc.text, citations)
    if plan.entries:  # a note whose text is an entry cites that entry where its mark stands
        short_notes = {note for note, _ in plan.short}
        marks = entry_note_marks(doc.text, [n for n in plan.entries if n not in short_notes])
        citations = tuple(sorted((*citations, *marks), key=lambda c: (c.span.start, c.span.end)))
    if references and all(r.key for r in references) and any(c.kind == "key" for c in citations):
        citations = named_in_database(citations, references, doc.text)
    if doc.format == "latex" and any(r.key and r.source == "text" for r in references):
        from essaylint.analysis.bibitem_labels import labelled_citations

        citations = labelled_citations(doc.text, citations, references)  # what \cite prints
    links = link_citations(citations, references, mla=style == "mla")
    if doc.field_citations:  # a citation manager's fields (Word): loaded only when present
        from essaylint.analysis.field_links import link_field_citations

        citations, references, links = link_field_citations(
            doc, essay, citations, references, links, mla=style == "mla"
        )
    essay = essay.model_copy(update={"style": style})
    chosen = (
        rules
        if rules is not None
        else select_rules(all_rules(), *settings.rule_selectors(doc.path))
    )
    notes = list(doc.notes)
    services: dict[str, object] = {}
    network = sorted((rule for rule in chosen if "network" in rule.requires), key=lambda r: r.code)
    if verify is not None and network:
        # The verify pass (Crossref): run once, like the prose pass; the one
        # "could not verify" finding comes from the rule that reports service failures.
        from essaylint.verify import run_verify

        reporter = next((r for r in network if r.reports_service_failure), network[0])
        services["verify"] = run_verify(references, verify, error_reporter=reporter.code)
    body: tuple[Span, ...] | None = None  # the essay's prose, found once for the prose pass
    if prose is not None and any("prose" in rule.requires for rule in chosen):
        from essaylint.prose import run_prose

        body = tuple(prose_spans(doc.text, essay, citations))
        report = run_prose(doc, essay, citations, references, prose, settings.dialect, body=body)
        services["prose"] = report
        if report.error:
            notes.append(f"spelling and grammar not checked: {report.error}")
    ctx = RuleContext(
        document=doc,
        essay=essay,
        citations=citations,
        references=tuple(references),
        links=links,
        settings=settings,
        services=MappingProxyType(services),
        rule_options=rule_options(chosen, settings),
        given_prose_spans=body,
    )
    findings: list[Finding] = []
    for rule in chosen:
        try:
            findings.extend(rule().check(ctx))
        except Exception as exc:  # a broken rule must cost its findings, not the file
            notes.append(
                f"rule {rule.code} {rule.name} failed on this file and was skipped "
                f"({type(exc).__name__}: {exc}); please report it"
            )
    findings = at_bib_entries(findings, references, ctx.unprinted)
    findings.sort(key=lambda f: (f.span.start, f.code))
    if "essaylint:" in doc.text:  # the suppression pass, beside the rules (loaded when needed)
        from essaylint.inline_suppressions import apply_inline_suppressions

        findings = apply_inline_suppressions(doc, findings, chosen)
    # A .bib's entries are cited with \cite/[@key], which essaylint reads: no hint needed.
    if any(not r.consulted and r.source != "bib" for r in references) and not citations:
        notes.append(
            f"no in-text citations found for the {len(references)} reference-list entries; "
            "essaylint reads author-date, MLA author-page, numbered, footnote and \\cite/[@key] "
            "citations"
        )
    return FileResult(
        path=doc.path,
        document=doc,
        essay=essay,
        citations=citations,
        references=tuple(references),
        links=links,
        findings=tuple(findings),
        notes=tuple(notes),
    )


def rule_options(
    chosen: Sequence[type[Rule]], settings: Settings
) -> MappingProxyType[type[RuleOptions], RuleOptions]:
    """Each chosen rule's options, validated against its ``Options`` (see rules.base)."""
    return MappingProxyType(
        {
            rule.Options: rule.options_from(settings.rule_options.get(rule.name, {}))
            for rule in chosen
            if rule.Options is not RuleOptions
        }
    )


def _with_note_keys(text: str, citations: Sequence[Citation]) -> tuple[Citation, ...]:
    """The citations plus the ``[@key]`` ones inside footnote definitions, for an essay with
    a bibliography database: an entry cited only from a note is printed, so checked."""
    seen = {c.span.start for c in citations}
    noted = [c for c in note_key_citations(text) if c.span.start not in seen]
    return tuple(sorted((*citations, *noted), key=lambda c: (c.span.start, c.span.end)))


def at_bib_entries(
    findings: Sequence[Finding], references: Sequence[Reference], unprinted: frozenset[int]
) -> list[Finding]:
    """Findings about an entry of a .bib are placed at the entry, in the .bib.

    A finding made at an entry (its span is the entry's) that lives in another
    file gets that place as its ``origin``. One about a database entry the essay
    does not print (``unprinted``) is dropped: nobody reads that entry.
    """
    placed: list[Finding] = []
    for f in findings:
        index = f.reference.index if f.reference is not None else None
        if index is None or not 0 <= index < len(references):
            placed.append(f)
            continue
        ref = references[index]
        if ref.origin is None or f.span != ref.span:
            placed.append(f)
        elif index not in unprinted:
            placed.append(f.model_copy(update={"origin": ref.origin}))
    return placed


def lint_text(
    text: str,
    settings: Settings | None = None,
    *,
    path: str = "<text>",
    prose: ProseBackend | None = None,
    bib: Sequence[Reference] = (),
    verify: VerifyBackend | None = None,
) -> FileResult:
    """Lint a string as if it were a plain-text, Markdown or (``path`` "*.tex") LaTeX essay."""
    if path.endswith(".tex"):
        from essaylint.loaders.latex import read_latex

        doc = Document.from_text(read_latex(text), path=path, format="latex")
        return lint_document(doc, settings, bib=bib, prose=prose, verify=verify)
    if Path(path).suffix.lower() not in MARKDOWN_SUFFIXES:
        doc = Document.from_text(text, path=path, format="text")
        return lint_document(doc, settings, bib=bib, prose=prose, verify=verify)
    from essaylint.loaders.markdown import read_markdown
    from essaylint.loaders.pandoc import inline_references, pandoc_nocite_keys

    doc = read_markdown(text, path=path)
    # pandoc's inline bibliography is part of the text
    inline = inline_references(doc.text, doc.path)
    bib = (*bib, *database(inline, pandoc_nocite_keys(doc.text)))
    return lint_document(doc, settings, bib=bib, prose=prose, verify=verify)


def prints_its_list(doc: Document) -> bool:
    """Does the essay print a reference list of its own (rendered by pandoc, typed,
    or a LaTeX ``thebibliography``)?

    Then an essay that cites no key (``[@key]``, ``\\cite``) has been rendered
    already: the bibliography file it names is what its citations and list were
    made from, not more entries.
    """
    return bool(read_references(doc, find_sections(doc.text, doc.blocks)))


def lint_path(
    path: str | Path,
    settings: Settings | None = None,
    rules: Sequence[type[Rule]] | None = None,
    *,
    bib_path: str | Path | Sequence[str | Path] | None = None,
    prose: ProseBackend | None = None,
    verify: VerifyBackend | None = None,
) -> FileResult:
    """Load a file and lint it; unreadable input becomes a result with ``error`` set.

    ``bib_path`` (one file or several) overrides the bibliography the essay names;
    without it, the config's ``bib`` setting is used, then what the essay names.
    """
    from essaylint.loaders import LoadError, load_path

    shown = str(path)
    try:
        doc = load_path(path)
        bib, notes = essay_bibliography(
            doc,
            Path(path),
            bib_path or (settings.bib_paths() if settings else ()),
            prints_its_list,
        )
        if notes:
            doc = doc.model_copy(update={"notes": (*doc.notes, *notes)})
    except LoadError as exc:
        return FileResult(path=shown, error=str(exc))
    macros: tuple[CiteMacro, ...] = ()
    if doc.format == "latex":  # a chapter cites with the commands its root defines
        from essaylint.loaders.latex_project import latex_project

        macros = latex_project(Path(path), doc.text).cite_macros
    return lint_document(
        doc, settings, rules, bib=bib, prose=prose, verify=verify, latex_macros=macros
    )


def once_per_project(results: Sequence[FileResult]) -> list[FileResult]:
    """Each finding in a shared bibliography file once per run, with the first file that has it.

    The chapters of a thesis or a book share one .bib, so each would report the
    same duplicate or incomplete entry; checked together (a folder, or several
    files), the project reports it once.
    """
    seen: set[tuple[str, str, int]] = set()
    kept: list[FileResult] = []
    for result in results:
        findings: list[Finding] = []
        for f in result.findings:
            if f.origin is not None:
                key = (f.code, str(Path(f.origin.path).resolve()), f.origin.line)
                if key in seen:
                    continue
                seen.add(key)
            findings.append(f)
        if len(findings) != len(result.findings):
            result = result.model_copy(update={"findings": tuple(findings)})
        kept.append(result)
    return kept
