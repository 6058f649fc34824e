"""Inline suppressions: ``essaylint:`` directives in a format's own comment syntax.

Markdown and HTML use ``<!-- essaylint: ... -->``; LaTeX uses
``% essaylint: ...``. Plain text and .docx have no comment syntax and no
directives (use ``ignore`` / ``per-file-ignores`` in the configuration).

Directives:

``ignore[C104]``
    Suppress the named rules on one line. The brackets take codes (``C104``),
    code prefixes (``C``, ``T40``) or rule names (``uncited-reference``),
    separated by commas; without brackets every rule is suppressed. A
    directive that trails text on its line applies to that line; a directive
    alone on its line applies to the next non-blank line.
``ignore-start[...]`` ... ``ignore-end``
    Suppress the named rules (or all) from the directive to the matching
    ``ignore-end`` (or to the end of the file when there is none).

Anything after the directive and a space is a free-text reason:
``<!-- essaylint: ignore[T401] the name is spelt this way -->``.

A finding is suppressed when the offset where it starts lies in a
directive's region and one of the directive's selectors matches its code or
name. Everything here is pure string work over ``Document.text``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Literal

from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Finding, Span

_HTML_DIRECTIVE = compile_lazily(r"<!--[ \t]*essaylint:(?P<body>.*?)-->", re.S)
_LATEX_DIRECTIVE = compile_lazily(r"(?<!\\)%[ \t]*essaylint:(?P<body>[^\r\n]*)")
_BODY = compile_lazily(r"\s*(?P<verb>[A-Za-z-]*)(?:\[(?P<selectors>[^\]]*)\])?(?P<rest>.*)", re.S)
VERBS = ("ignore", "ignore-start", "ignore-end")

FORMATS_WITH_COMMENTS = ("markdown", "html", "latex")


@dataclass(frozen=True)
class Directive:
    """One ``essaylint:`` comment: where it is, what it says and what it covers."""

    span: Span
    verb: str
    #: None means every rule.
    selectors: tuple[str, ...] | None
    #: The region whose findings it suppresses (empty for ignore-end and bad directives).
    region: Span
    problem: str | None = None


@dataclass(frozen=True)
class DirectiveProblem:
    """A directive that suppressed nothing, or that cannot be understood."""

    span: Span
    message: str
    kind: Literal["unused", "invalid"]


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end == -1 else end


def _line_region(text: str, comment: Span) -> Span:
    """The line a one-line ``ignore`` covers: its own if it trails text, else the next one."""
    line_start, _ = _line_bounds(text, comment.start)
    _, line_end = _line_bounds(text, comment.end)
    if text[line_start : comment.start].strip() or text[comment.end : line_end].strip():
        return Span(start=line_start, end=line_end)
    pos = line_end + 1
    while pos < len(text):
        start, end = _line_bounds(text, pos)
        if text[start:end].strip():
            return Span(start=start, end=end)
        pos = end + 1
    return Span(start=len(text), end=len(text))


def _split_selectors(raw: str | None) -> tuple[str, ...] | None:
    if raw is None:
        return None
    return tuple(s for s in re.split(r"[\s,]+", raw) if s)


def parse_directives(text: str, fmt: str) -> list[Directive]:
    """Every directive of a document of format ``fmt``, in order, with its region."""
    if fmt not in FORMATS_WITH_COMMENTS or "essaylint:" not in text:
        return []
    pattern = _LATEX_DIRECTIVE if fmt == "latex" else _HTML_DIRECTIVE
    raw: list[tuple[Span, str, tuple[str, ...] | None, str | None]] = []
    for m in pattern.finditer(text):
        span = Span(start=m.start(), end=m.end())
        body = _BODY.fullmatch(m.group("body"))
        assert body is not None  # the pattern matches any string
        verb = body.group("verb").lower()
        selectors = _split_selectors(body.group("selectors"))
        rest = body.group("rest")
        problem = None
        if verb not in VERBS:
            shown = m.group("body").strip() or "(nothing)"
            problem = (
                f"unknown essaylint directive {shown!r}; "
                "write ignore[CODE], ignore-start[CODE] or ignore-end"
            )
        elif rest and not rest[0].isspace():
            problem = f"cannot read the essaylint directive {m.group('body').strip()!r}"
        elif selectors == ():
            problem = "empty brackets: name the rules to ignore, or drop [] to ignore every rule"
        raw.append((span, verb, selectors, problem))

    directives: list[Directive] = []
    open_blocks: list[int] = []  # indexes into directives of unclosed ignore-start
    empty = Span(start=0, end=0)
    for span, verb, selectors, problem in raw:
        if problem is not None:
            directives.append(Directive(span, verb, selectors, empty, problem))
        elif verb == "ignore":
            directives.append(Directive(span, verb, selectors, _line_region(text, span)))
        elif verb == "ignore-start":
            open_blocks.append(len(directives))
            region = Span(start=span.end, end=len(text))
            directives.append(Directive(span, verb, selectors, region))
        elif open_blocks:  # ignore-end
            i = open_blocks.pop()
            start = directives[i]
            region = Span(start=start.region.start, end=span.start)
            directives[i] = Directive(start.span, start.verb, start.selectors, region)
            directives.append(Directive(span, verb, None, empty))
        else:
            directives.append(
                Directive(span, verb, None, empty, "ignore-end without an ignore-start before it")
            )
    return directives


def selector_matches(selector: str, code: str, name: str) -> bool:
    """Whether a selector (code, code prefix, rule name or ALL) names a rule."""
    s = selector.strip()
    return bool(s) and (
        s.upper() == "ALL" or code.upper().startswith(s.upper()) or name == s.lower()
    )


def _covers(directive: Directive, code: str, name: str) -> bool:
    if directive.selectors is None:
        return True
    return any(selector_matches(s, code, name) for s in directive.selectors)


def apply_suppressions(
    text: str,
    fmt: str,
    findings: Sequence[Finding],
    *,
    ran: Collection[tuple[str, str]] = (),
    known: Collection[tuple[str, str]] = (),
) -> tuple[list[Finding], list[DirectiveProblem]]:
    """The findings no directive suppresses, and the directives worth reporting.

    ``ran`` and ``known`` are (code, name) pairs of the rules that ran and of
    every registered rule. A directive is reported as unused only when every
    rule it names ran (so ``ignore[T401]`` is not "unused" in a run that did
    not check spelling); a selector that names no known rule is reported as
    invalid. With ``known`` empty, only directives that cannot be read are
    reported.
    """
    directives = parse_directives(text, fmt)
    if not directives:
        return list(findings), []
    used = [False] * len(directives)
    kept: list[Finding] = []
    for finding in findings:
        hit = False
        for i, d in enumerate(directives):
            if d.region.contains(finding.span.start) and _covers(d, finding.code, finding.rule):
                used[i] = hit = True
        if not hit:
            kept.append(finding)
    problems: list[DirectiveProblem] = []
    ran_set = set(ran)
    for d, was_used in zip(directives, used, strict=True):
        if d.problem is not None:
            problems.append(DirectiveProblem(d.span, d.problem, "invalid"))
            continue
        if was_used or d.verb == "ignore-end" or not known:
            continue
        named = [(c, n) for c, n in known if _covers(d, c, n)]
        unknown = [
            s for s in d.selectors or () if not any(selector_matches(s, c, n) for c, n in known)
        ]
        if unknown:
            problems.append(
                DirectiveProblem(
                    d.span,
                    f"unknown rule {', '.join(repr(u) for u in unknown)} in an essaylint "
                    "directive; see 'essaylint rules' for the list",
                    "invalid",
                )
            )
        elif named and all(rule in ran_set for rule in named):
            what = "" if d.selectors is None else " by " + ", ".join(d.selectors)
            problems.append(
                DirectiveProblem(
                    d.span,
                    f"unused suppression: nothing here is flagged{what}; remove the directive",
                    "unused",
                )
            )
    return kept, problems
