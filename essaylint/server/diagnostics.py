"""Findings as LSP diagnostics: the same codes, severities and messages as ``check``."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from lsprotocol import types as lsp

from essaylint.models import Finding, Span
from essaylint.server.positions import LineIndex

SOURCE = "essaylint"
SEVERITIES = {
    "error": lsp.DiagnosticSeverity.Error,
    "warning": lsp.DiagnosticSeverity.Warning,
    "info": lsp.DiagnosticSeverity.Information,
}


def to_range(index: LineIndex, span: Span) -> lsp.Range:
    sl, sc = index.position(span.start)
    el, ec = index.position(max(span.start, span.end))
    return lsp.Range(
        start=lsp.Position(line=sl, character=sc), end=lsp.Position(line=el, character=ec)
    )


@lru_cache(maxsize=256)
def rule_doc_url(code: str) -> str | None:
    """The rule's documentation page (the same link the SARIF report gives)."""
    from essaylint.reporters.sarif import docs_url, help_uri_of
    from essaylint.rules.registry import find_rule

    rule = find_rule(code)
    return help_uri_of(rule, docs_url()) if rule is not None else None


def to_diagnostic(index: LineIndex, finding: Finding) -> lsp.Diagnostic:
    url = rule_doc_url(finding.code)
    return lsp.Diagnostic(
        range=to_range(index, finding.span),
        message=finding.message,
        severity=SEVERITIES.get(finding.severity, lsp.DiagnosticSeverity.Warning),
        code=finding.code,
        code_description=lsp.CodeDescription(href=url) if url else None,
        source=SOURCE,
        data={"rule": finding.rule},
    )


def to_diagnostics(index: LineIndex, findings: Iterable[Finding]) -> list[lsp.Diagnostic]:
    return [to_diagnostic(index, f) for f in findings]
