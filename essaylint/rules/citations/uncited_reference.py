"""C104 uncited-reference."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pydantic import Field

from essaylint.analysis.matching import cited_reference_indices
from essaylint.analysis.patterns import FOOTNOTE_MARK
from essaylint.analysis.text import name_key
from essaylint.analysis.work_identity import copy_keys, entry_words, same_work
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Finding, Reference
from essaylint.rules.base import Rule, RuleContext, RuleOptions, describe_reference

# A parenthesis that names someone and gives a number ("(Abbot 45)", "(Hume 1.3.6)",
# "(Ames and Bell, *Tides* 12-14)"), a footnote mark, a bracketed number or a superscript
# digit: a citation essaylint did not read. A label glued to its digits ("(H0)",
# "(COVID-19)") or a remark ("(Our data run to 10-31-2022)") names no one.
_MARK_WORD = r"(?:[A-Z][^\W\d_'’-]*(?:['’-][^\W\d_]+)*\.?|et\s+al\.?|[*_\"“][^()\n]{1,40}?[*_\"”])"
_MARK_NAMES = rf"[A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*(?:(?:\s+(?:and|&)\s+|,?\s+){_MARK_WORD}){{0,4}}"
_NAMED_MARK = rf"\((?:see\s+)?{_MARK_NAMES},?\s+(?:pp?\.\s*)?\d[\w.:–-]{{0,12}}\)"
# Marks that point by place, not by name: which entry they cite cannot be told from them.
_POSITIONAL_MARK = compile_lazily(
    FOOTNOTE_MARK.pattern
    # "[2]" is a note, not the argument count of "\newcommand{\page}[2]"
    + r"|(?<![}\]\w])\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]"
)
_CITATION_MARK = compile_lazily(rf"{_NAMED_MARK}|{_POSITIONAL_MARK.pattern}")
_NAMED_MARK_PATTERN = compile_lazily(_NAMED_MARK)
_MARK_NAME = compile_lazily(r"[A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*")


def _unread_citations(ctx: RuleContext) -> bool:
    """Does the prose hold marks that look like citations of a style essaylint does not read?

    Such marks may cite any entry, so no entry is called uncited; except when the
    entries are printed whatever the text cites (``\\nocite{*}`` prints the whole .bib)
    and every mark names its source ("(Abbot, p. 45)"): the entries no mark and no
    signal phrase names are then printed for nothing, and reported.
    """
    text = ctx.document.text
    if not any(_CITATION_MARK.search(text, span.start, span.end) for span in ctx.prose_spans):
        return False
    return not _printed_database(ctx) or any(
        _POSITIONAL_MARK.search(text, span.start, span.end) for span in ctx.prose_spans
    )


def _names_in_marks(ctx: RuleContext) -> frozenset[str]:
    """Name keys of the words a citation mark essaylint does not read names ("(Abbot, p. 4)")."""
    text = ctx.document.text
    return frozenset(
        name_key(word.group(0))
        for span in ctx.prose_spans
        for mark in _NAMED_MARK_PATTERN.finditer(text, span.start, span.end)
        for word in _MARK_NAME.finditer(mark.group(0))
    )


def _printed_database(ctx: RuleContext) -> bool:
    """Are the entries a database's (.bib) printed whole, whatever the text cites?"""
    return bool(ctx.references) and all(r.source == "bib" and r.listed for r in ctx.references)


def _first_key(ref: Reference) -> str:
    return name_key(ref.authors[0].family) if ref.authors else ""


def _without_repeats(unused: list[Reference], cited: list[Reference]) -> list[Reference]:
    """The entries that are not a second copy of a cited work.

    A work listed twice is cited through one copy; the other is no uncited work
    but a duplicate, which R203 duplicate-reference reports. A numbered note
    ("[4] Ibid., p. 19.") is a place in the text, cited or not, never a copy;
    a numbered entry written word for word as a cited one is a copy.
    """
    by_key: dict[tuple[str, ...], list[Reference]] = {}
    verbatim = {entry_words(ref) for ref in cited}
    for ref in cited:
        for key in copy_keys(ref):
            by_key.setdefault(key, []).append(ref)
    return [
        ref
        for ref in unused
        if (ref.number is not None and entry_words(ref) not in verbatim)
        or ref.ibid
        or not any(same_work(ref, other) for key in copy_keys(ref) for other in by_key.get(key, ()))
    ]


def _without_shadowed_keys(unused: list[Reference], refs: Sequence[Reference]) -> list[Reference]:
    """The entries that are not a later one under a .bib key an earlier entry holds: BibTeX
    keeps only the first, so the later one is never printed, cited or not; R203
    duplicate-reference reports the key used twice."""
    first_of_key: dict[str, int] = {}
    for ref in refs:
        if ref.source == "bib" and ref.key:
            first_of_key.setdefault(ref.key, id(ref))
    return [ref for ref in unused if first_of_key.get(ref.key or "", id(ref)) == id(ref)]


def _first_author(ref: Reference) -> str | None:
    return ref.authors[0].family.casefold() if ref.authors else None


class UncitedReference(Rule):
    """An entry of the reference list that no citation in the text points at.

    What it checks
        Every entry of the reference list is looked for among the citations.
        An entry cited with a wrong year or a misspelt name still counts as
        cited (those citations get their own findings). Works consulted under
        a "Bibliography" beside the reference list may be cited (and are then
        linked) but need not be, so they are not reported; reading lists
        ("Further reading") are not entries at all. A .bib or CSL JSON file
        is a database: its entries are printed only when cited, so an uncited
        one is not reported. A LaTeX essay that prints them all
        (``\\nocite{*}``, or pandoc's ``nocite: "@*"``) shows every entry in
        its list, so one it never cites is reported at its line in the .bib.
        A thesis or book whose chapters share one bibliography reports the
        entries no chapter cites once, at their line in the .bib.
        When no citation at all is recognised but the text has marks that
        look like citations of another style ("(Abbot 45)", "[^1]", "¹"), the
        entries are not reported one by one; a note says so instead. A text
        with no such mark (labels like "(H0)" and remarks like "(data to
        10-31-2022)" are none) cites none of its entries, and each is
        reported. An essay with no list whose Word footnotes hold its entries
        has those notes for its list: each note cites its own entry. A second
        copy of a cited work (one work listed twice) is a duplicate, reported
        by duplicate-reference, not an uncited entry; so is a later .bib entry
        under a key an earlier one holds (BibTeX prints only the first). An entry whose
        author the prose names as a source without a year ("Beazer and Woo
        note that ...", "Papi et al. criticize ...", "according to Reddy",
        "(Ultracorp)" alone in parentheses) is used, if not cited as APA
        asks, and is not reported, unless another
        work of that author is cited (the name cannot tell which is meant); a
        bare mention ("Oettingen's model") is no such use. An entry cited
        exactly (author and year) in text after the list (a page that goes on
        with examples) is used too, though that text's citations are never
        reported. Entries by the
        authors named in `allowed-authors` are never reported (a course text
        every essay must list, say).

    Why it matters
        APA and Harvard reference lists hold only the works cited in the
        text; an uncited entry suggests a citation was forgotten or the entry
        is padding.

    Example
        "Oettingen, G. (2014). Rethinking positive thinking." is listed, but
        the essay only mentions Oettingen's model without a citation.

    Fix
        Cite the work where you use it, or remove the entry.
    """

    class Options(RuleOptions):
        allowed_authors: tuple[str, ...] = Field(
            default=(),
            description="Family names (or corporate authors) whose entries may stay "
            'uncited, matched against the first author: `["American Psychological '
            'Association"]`.',
        )

    code = "C104"
    name = "uncited-reference"
    default_severity = "warning"
    summary = "an entry never cited in the text"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if not ctx.citations and _unread_citations(ctx):
            # Nothing was recognised as a citation, but the text has marks that look
            # like citations of a style essaylint does not read (MLA "(Abbot 45)",
            # superscript or bracketed notes). The pipeline notes it once instead of
            # calling every entry uncited.
            return
        cited = cited_reference_indices(ctx.links)
        allowed = {name.casefold() for name in ctx.options(self.Options).allowed_authors}
        unused = [
            ref
            for i, ref in enumerate(ctx.references)
            if i not in cited and not ref.consulted and _first_author(ref) not in allowed
        ]
        unused = _without_repeats(unused, [ctx.references[j] for j in cited])
        unused = _without_shadowed_keys(unused, ctx.references)
        if unused and ctx.essay.trailing is not None:
            from essaylint.analysis.cited_after_list import cited_after_list

            quoted = cited_after_list(ctx.document.text, ctx.essay, ctx.references)
            used = {id(ctx.references[j]) for j in quoted}
            unused = [ref for ref in unused if id(ref) not in used]
        named: frozenset[str] = frozenset()
        if unused:
            from essaylint.analysis.signal_phrases import (
                named_as_sources,
                named_with_titles,
                titled_in_sentences,
            )

            # A name without a year cannot tell an author's works apart: it stands
            # for an entry only when no other work of that author is cited.
            others = {_first_key(ctx.references[j]) for j in cited}
            families = [r.authors[0].family for r in unused if r.authors]
            named = named_as_sources(ctx.document.text, ctx.prose_spans, families) - others
            if not ctx.citations:  # a mark not read as a citation still names its source
                named |= _names_in_marks(ctx)
            authored = [ref for ref in unused if ref.authors]
            works = [(ref.authors[0].family, ref.title) for ref in authored]
            titled = named_with_titles(ctx.prose_text, works)
            titled |= titled_in_sentences(ctx.prose_text, works)
            named_works = {id(authored[i]) for i in titled}
            unused = [ref for ref in unused if id(ref) not in named_works]
        for ref in unused:
            if _first_key(ref) in named:
                continue  # "Beazer and Woo note that ...": named as a source, if without a year
            yield self.finding(
                ctx,
                ref.span,
                f"{describe_reference(ref)} is in the reference list but never cited; "
                "cite it where you use it or remove the entry",
                reference=ref,
            )
