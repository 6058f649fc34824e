"""Running the per-rule cases (STYLE.md habit 5) of fixtures/rules/<rule-name>.toml.

A case file holds ``[[fires]]`` cases, a text plus every finding of the rule
on it, and ``[[silent]]`` cases, texts where the rule must not fire. A finding
is stated whole: its line, column, the complete message and, when the rule
offers a fix, ``fix``, the fix's replacement text. A case may also state
``fixed``, the text after applying every fix of the case, and ``bib``, BibTeX
handed to the pipeline as the --bib file. ``xfail = "reason"`` records a known
wrong answer: the case must still give it (strict), so fixing the bug makes
the suite say so.

A case passes only if the rule ran cleanly: a ``check`` that raises, or a run
that leaves a note the same document without any rule does not (the pipeline's
"rule ... failed and was skipped", a spelling engine that gave up), fails the
case, whatever its findings and even when it is an xfail.

Used by tests/rules/test_rule_cases.py (offline rules) and
tests/services/test_verify_cases.py (network rules, against the Crossref replay).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - the project supports 3.10; tomllib arrived in 3.11
    import tomli as tomllib

from essaylint.analysis.edits import apply_edits
from essaylint.config import Settings
from essaylint.loaders.bibtex import parse_bib_text
from essaylint.models import Edit
from essaylint.pipeline import lint_document, lint_text
from essaylint.rules.base import Rule, RuleContext
from essaylint.services.prose import ProseBackend
from essaylint.services.verify import VerifyBackend

CASES_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "rules"
KINDS = ("fires", "silent")
CASE_KEYS = frozenset({"name", "text", "path", "xfail", "bib"})
FIRES_KEYS = CASE_KEYS | {"findings", "fixed"}
FINDING_KEYS = frozenset({"line", "column", "message"})
FINDING_OPTIONAL_KEYS = frozenset({"fix"})


@dataclass(frozen=True)
class Seen:
    """One finding as a case file states it."""

    line: int
    column: int
    message: str
    fix: str | None = None  # the replacement of the finding's fix; None when it has none

    @classmethod
    def from_case(cls, want: Mapping[str, Any]) -> Seen:
        return cls(want["line"], want["column"], want["message"], want.get("fix"))


@dataclass(frozen=True)
class CaseRun:
    """What one run of a rule on a case's text gave."""

    findings: tuple[Seen, ...]
    fixed: str  # the case's text with every fix applied
    #: Why the rule did not run cleanly: its exceptions, and the notes the run left
    #: that the same document checked by no rule does not.
    failures: tuple[str, ...]
    foreign: tuple[str, ...] = ()  # codes of findings by another rule


def load_cases(path: Path) -> dict[str, Any]:
    with path.open("rb") as fh:
        return tomllib.load(fh)


def case_files() -> list[Path]:
    return sorted(CASES_DIR.glob("*.toml"))


def cases_of(path: Path) -> Iterator[tuple[str, int, dict[str, Any]]]:
    """(kind, index, case) of every case in one file, fires first."""
    data = load_cases(path)
    for kind in KINDS:
        for i, case in enumerate(data.get(kind, [])):
            yield kind, i, case


def _recording(rule: type[Rule], raised: list[str]) -> Any:
    """``rule.check`` that also records what it raised (and still raises it)."""
    original = rule.check

    def check(self: Rule, ctx: RuleContext) -> list[Any]:
        try:
            return list(original(self, ctx))
        except Exception as exc:
            raised.append(f"{rule.code} {rule.name} raised {type(exc).__name__}: {exc}")
            raise

    return check


def run_case(
    rule: type[Rule],
    case: Mapping[str, Any],
    *,
    prose: ProseBackend | None = None,
    verify: VerifyBackend | None = None,
) -> CaseRun:
    """Lint the case's text with only ``rule`` selected, as ``essaylint check`` would."""
    settings = Settings(select=(rule.code,))
    bib = parse_bib_text(case["bib"]) if "bib" in case else ()
    raised: list[str] = []
    with mock.patch.object(rule, "check", _recording(rule, raised)):
        result = lint_text(
            case["text"],
            settings,
            path=case.get("path", "<text>"),
            prose=prose,
            bib=bib,
            verify=verify,
        )
    assert result.document is not None, result.error
    bare = lint_document(result.document, settings, rules=(), bib=bib)
    added = [f"note: {note}" for note in result.notes if note not in bare.notes]
    edits: list[Edit] = []
    seen: list[Seen] = []
    for f in result.findings:
        pos = result.document.position(f.span.start)
        seen.append(Seen(pos.line, pos.column, f.message, f.fix.replacement if f.fix else None))
        if f.fix is not None:
            edits.append(f.fix)
    return CaseRun(
        findings=tuple(seen),
        fixed=apply_edits(case["text"], edits)[0],
        failures=(*raised, *added),
        foreign=tuple(f.code for f in result.findings if f.code != rule.code),
    )


def expected_findings(kind: str, case: Mapping[str, Any]) -> tuple[Seen, ...]:
    return tuple(Seen.from_case(w) for w in case.get("findings", [])) if kind == "fires" else ()


def _lines(findings: Iterable[Seen]) -> str:
    return "".join(f"\n    {f}" for f in findings) or " none"


def wrong_answer(kind: str, case: Mapping[str, Any], run: CaseRun) -> str | None:
    """How the run's findings (and fixed text) differ from the case's; None when they agree."""
    want = expected_findings(kind, case)
    if run.findings != want:
        return f"expected:{_lines(want)}\nactual:{_lines(run.findings)}"
    if "fixed" in case and run.fixed != case["fixed"]:
        return f"expected fixed text:\n{case['fixed']!r}\nactual fixed text:\n{run.fixed!r}"
    return None


def case_failure(rule: type[Rule], kind: str, case: Mapping[str, Any], run: CaseRun) -> str | None:
    """Why the case fails (None when it passes), for an xfail case too.

    An xfail case fails when it passes (it is strict) and when the rule did not
    run cleanly (the recorded bug is a wrong answer, not a crash).
    """
    label = f"{rule.code} {rule.name}, {kind} case {case['name']!r}"
    if run.failures:
        return f"{label}: the rule did not run cleanly:\n  " + "\n  ".join(run.failures)
    if run.foreign:
        return f"{label}: findings of other rules {run.foreign}"
    wrong = wrong_answer(kind, case, run)
    reason = case.get("xfail")
    if reason:
        return None if wrong else f"{label} is marked xfail but passes: {reason}"
    return f"{label}\n{wrong}" if wrong else None


def malformed(path: Path) -> list[str]:
    """What is wrong with the shape of one case file (empty when nothing is)."""
    data = load_cases(path)
    problems = []
    if set(data) - set(KINDS):
        problems.append(f"{path.name}: unknown tables {sorted(set(data) - set(KINDS))}")
    for kind, _, case in cases_of(path):
        keys = set(case)
        allowed = FIRES_KEYS if kind == "fires" else CASE_KEYS
        name = case.get("name", "?")
        if not {"name", "text"} <= keys:
            problems.append(f"{path.name}: a {kind} case lacks name/text")
        if not keys <= allowed:
            problems.append(f"{path.name}: {name!r} has {sorted(keys - allowed)}")
        if kind == "fires" and not case.get("findings"):
            problems.append(f"{path.name}: fires case {name!r} lists no findings")
        for want in case.get("findings", []):
            if not FINDING_KEYS <= set(want) <= FINDING_KEYS | FINDING_OPTIONAL_KEYS:
                problems.append(f"{path.name}: {name!r} has a finding with keys {sorted(want)}")
    fixes = any("fix" in want for _, _, case in cases_of(path) for want in case.get("findings", []))
    if fixes and not any("fixed" in case for _, _, case in cases_of(path)):
        problems.append(f"{path.name}: its findings offer fixes, but no case states its fixed text")
    return problems
