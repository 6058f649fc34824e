"""A bug in one rule, or in one file's analysis, never becomes a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from essaylint.cli import app
from essaylint.config import Settings
from essaylint.models import Document, FileResult, Finding
from essaylint.pipeline import lint_document
from essaylint.rules.base import Rule, RuleContext
from essaylint.rules.citations.missing_reference import MissingReference


class Exploding(Rule):
    """A rule with a bug."""

    code = "X999"
    name = "exploding"
    default_severity = "error"
    summary = "always raises"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        raise RuntimeError("boom")


def test_a_failing_rule_is_skipped_with_a_note_and_the_others_still_run() -> None:
    doc = Document.from_text("Text (Ghost, 2020).\n\nReferences\n\nReal, A. (2019). T. P.\n")
    result = lint_document(doc, Settings(), [Exploding, MissingReference])
    assert [f.code for f in result.findings] == ["C101"]
    assert any("X999 exploding failed" in note and "boom" in note for note in result.notes)


def test_an_unexpected_failure_is_that_files_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "good.md"
    good.write_text("Fine (Ames, 2001).\n\nReferences\n\nAmes, B. (2001). T. Press.\n")
    bad = tmp_path / "bad.md"
    bad.write_text("Trigger.\n")
    import essaylint.pipeline as pipeline

    real = pipeline.lint_document

    def flaky(doc: Document, *args: Any, **kwargs: Any) -> FileResult:
        if doc.text.startswith("Trigger"):
            raise ValueError("an analysis bug")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(pipeline, "lint_document", flaky)
    result = CliRunner().invoke(app, ["check", "--select", "C", str(bad), str(good)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "error: essaylint failed on this file (ValueError: an analysis bug)" in result.output
    assert "0 findings in 1 file" in result.output
