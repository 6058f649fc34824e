"""Fixtures of the reporter tests: the small essay of reporter_samples and an unreadable file."""

from __future__ import annotations

import pytest
from reporter_samples import SMALL_ESSAY, SMALL_PATH

from essaylint.models import FileResult
from essaylint.pipeline import lint_text


@pytest.fixture
def small_result() -> FileResult:
    return lint_text(SMALL_ESSAY, path=SMALL_PATH)


@pytest.fixture
def unreadable() -> FileResult:
    return FileResult(path="bad.docx", error="cannot read bad.docx: not a valid .docx file")
