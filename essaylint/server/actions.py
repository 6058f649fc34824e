"""Code actions: the safe fixes of ``--fix``, the entry's year, and "add to dictionary".

Pure: everything is computed from the last result for the buffer's current
text; the protocol layer only turns edits into ranges.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lsprotocol import types as lsp

from essaylint.analysis.edits import apply_edits
from essaylint.config import Settings
from essaylint.models import Document, Edit, FileResult, Finding, Reference, Span
from essaylint.server.diagnostics import to_diagnostic, to_range
from essaylint.server.positions import LineIndex

ADD_WORD_COMMAND = "essaylint.addWord"
FIX_ALL_KIND = "source.fixAll.essaylint"
MAX_PASSES = 10
_SHORT = 30


def year_edit(text: str, span: Span, old: str | None, new: str) -> Edit | None:
    """Replace the cited year ``old`` (or "n.d.") inside the citation at ``span`` by ``new``."""
    written = old or "n.d."
    pattern = re.compile(rf"(?<![\w.]){re.escape(written)}(?!\d)")
    hits = list(pattern.finditer(text, span.start, span.end))
    if not hits:
        return None
    hit = hits[-1]  # names come first, the year after them
    return Edit(span=Span(start=hit.start(), end=hit.end()), replacement=new)


def _quote(s: str) -> str:
    s = " ".join(s.split())
    return f"“{s[:_SHORT]}…”" if len(s) > _SHORT else f"“{s}”"


def fix_title(text: str, finding: Finding, edit: Edit) -> str:
    old = text[edit.span.start : edit.span.end]
    if len(old) > 2 * _SHORT or "\n" in old.strip():
        return f"Fix {finding.code} ({finding.rule})"
    if not edit.replacement:
        return f"Delete {_quote(old)} ({finding.code})"
    if not old:
        return f"Insert {_quote(edit.replacement)} ({finding.code})"
    return f"Replace {_quote(old)} with {_quote(edit.replacement)} ({finding.code})"


def _text_edit(index: LineIndex, edit: Edit) -> lsp.TextEdit:
    return lsp.TextEdit(range=to_range(index, edit.span), new_text=edit.replacement)


def _workspace_edit(
    uri: str, version: int | None, index: LineIndex, edits: Sequence[Edit]
) -> lsp.WorkspaceEdit:
    return lsp.WorkspaceEdit(
        document_changes=[
            lsp.TextDocumentEdit(
                text_document=lsp.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
                edits=[_text_edit(index, e) for e in edits],
            )
        ]
    )


def _applies(text: str, doc: Document, edit: Edit) -> bool:
    """A fix may touch only what the user sees as it is (not a blanked LaTeX comment)."""
    a, b = edit.span.start, edit.span.end
    return 0 <= a <= b <= len(text) and doc.text[a:b] == text[a:b]


def _overlaps(span: Span, start: int, end: int) -> bool:
    return span.start <= end and start <= span.end


def code_actions(
    result: FileResult,
    text: str,
    uri: str,
    version: int | None,
    index: LineIndex,
    start: int,
    end: int,
) -> list[lsp.CodeAction]:
    """The actions for the findings that touch ``[start, end]`` of the buffer."""
    doc = result.document
    if doc is None:
        return []
    actions: list[lsp.CodeAction] = []
    for f in result.findings:
        if not _overlaps(f.span, start, end):
            continue
        diagnostic = to_diagnostic(index, f)
        if f.fix is not None and _applies(text, doc, f.fix):
            actions.append(
                lsp.CodeAction(
                    title=fix_title(text, f, f.fix),
                    kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    edit=_workspace_edit(uri, version, index, [f.fix]),
                    is_preferred=True,
                )
            )
        if f.rule == "year-mismatch" and f.citation is not None:
            years = list(f.suggestions) or (
                [f.reference.year] if f.reference and f.reference.year else []
            )
            for year in years:
                edit = year_edit(text, f.span, f.citation.year, year)
                if edit is None or not _applies(text, doc, edit):
                    continue
                cited = text[edit.span.start : edit.span.end]
                actions.append(
                    lsp.CodeAction(
                        title=f"Use the entry's year: {cited} → {year}",
                        kind=lsp.CodeActionKind.QuickFix,
                        diagnostics=[diagnostic],
                        edit=_workspace_edit(uri, version, index, [edit]),
                        is_preferred=len(years) == 1,
                    )
                )
        if f.rule == "spelling" and f.word:
            actions.append(
                lsp.CodeAction(
                    title=f"Add {_quote(f.word)} to the dictionary (the config's words)",
                    kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    command=lsp.Command(
                        title="Add to the dictionary",
                        command=ADD_WORD_COMMAND,
                        arguments=[uri, f.word],
                    ),
                )
            )
    return actions


def fixable(result: FileResult, text: str) -> int:
    """How many findings have a safe fix that applies to this buffer."""
    doc = result.document
    if doc is None:
        return 0
    return sum(1 for f in result.findings if f.fix is not None and _applies(text, doc, f.fix))


def fixed_text(
    text: str, doc: Document, settings: Settings | None, bib: Sequence[Reference] = ()
) -> str:
    """The buffer with every safe fix applied, as ``essaylint check --fix`` would write it.

    Like :func:`essaylint.fixer.fix_path`: lint, apply the fixes that do not
    overlap, lint the new text again, until no fix applies.
    """
    from essaylint.pipeline import lint_document
    from essaylint.rules.registry import all_rules, select_rules

    rules = [
        r
        for r in select_rules(all_rules(), *(settings or Settings()).rule_selectors(doc.path))
        if "prose" not in r.requires and "network" not in r.requires
    ]
    for _ in range(MAX_PASSES):
        result = lint_document(doc, settings, rules, bib=bib)
        edits = [f.fix for f in result.findings if f.fix is not None and _applies(text, doc, f.fix)]
        new_text, applied = apply_edits(text, edits)
        if not applied:
            break
        text = new_text
        doc = _relinted(doc, text)
    return text


def _relinted(doc: Document, text: str) -> Document:
    if doc.format == "latex":
        from essaylint.loaders.latex import blank_latex_comments

        return Document.from_text(blank_latex_comments(text), path=doc.path, format="latex")
    return Document.from_text(text, path=doc.path, format=doc.format)


def whole_text_edit(
    uri: str, version: int | None, old: str, new: str, encoding: str
) -> lsp.WorkspaceEdit:
    """One edit replacing the whole buffer ``old`` by ``new``."""
    index = LineIndex(old, encoding)
    last = Span(start=0, end=len(old))
    return lsp.WorkspaceEdit(
        document_changes=[
            lsp.TextDocumentEdit(
                text_document=lsp.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
                edits=[lsp.TextEdit(range=to_range(index, last), new_text=new)],
            )
        ]
    )
