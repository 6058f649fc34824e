"""Per-rule options: declared by the rule, read from [tool.essaylint.rules.<name>], typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from essaylint.config import Settings, load_settings
from essaylint.pipeline import lint_text
from essaylint.rules.base import RuleContext, RuleOptions
from essaylint.rules.citations.uncited_reference import UncitedReference
from essaylint.rules.prose.spelling import Spelling
from essaylint.rules.registry import all_rules
from essaylint.services.harper import HarperBackend

TITLE_TYPO = """\
Students often get feedback too late to use it (Okafor, 2019).

References

Okafor, N. (2019). Timely feedback and the revison of student writing. Journal of Writing
Studies, 12(2), 33-51.
"""

UNCITED = """\
Students often get feedback too late to use it (Okafor, 2019).

References

American Psychological Association. (2020). Publication manual (7th ed.). APA.

Okafor, N. (2019). Timely feedback. Journal of Writing Studies, 12(2), 33-51.
"""


def _codes(text: str, settings: Settings, **kwargs: object) -> list[str]:
    result = lint_text(text, settings, **kwargs)  # type: ignore[arg-type]
    return [f.word or f.message for f in result.findings]


def test_spelling_checks_titles_unless_told_not_to() -> None:
    prose = HarperBackend()
    default = Settings(select=("T401",))
    assert _codes(TITLE_TYPO, default, prose=prose) == ["revison"]
    off = Settings(select=("T401",), rule_options={"spelling": {"check-titles": False}})
    assert _codes(TITLE_TYPO, off, prose=prose) == []


def test_uncited_reference_allows_the_named_authors() -> None:
    default = Settings(select=("C104",))
    (message,) = _codes(UNCITED, default)
    assert message.startswith("American Psychological Association (2020) is in the reference list")
    allowed = Settings(
        select=("C104",),
        rule_options={
            "uncited-reference": {"allowed-authors": ["american psychological association"]}
        },
    )
    assert _codes(UNCITED, allowed) == []


def test_options_come_from_the_config_file(tmp_path: Path) -> None:
    (tmp_path / ".essaylint.toml").write_text(
        '[rules.uncited-reference]\nallowed-authors = ["American Psychological Association"]\n',
        encoding="utf-8",
    )
    essay = tmp_path / "essay.md"
    essay.write_text(UNCITED, encoding="utf-8")
    settings = load_settings(essay, {"select": ("C104",)})
    assert _codes(UNCITED, settings, path=str(essay)) == []


def test_a_rule_without_options_rejects_every_key() -> None:
    (rule,) = [r for r in all_rules() if r.code == "C102"]
    assert rule.Options is RuleOptions
    with pytest.raises(ValidationError):
        rule.options_from({"strict": True})


def test_options_are_typed_and_frozen() -> None:
    options = Spelling.options_from({"check-titles": False})
    assert isinstance(options, Spelling.Options)
    assert options.check_titles is False
    with pytest.raises(ValidationError, match="frozen"):
        options.check_titles = True  # type: ignore[misc]


def test_a_context_without_options_gives_the_defaults() -> None:
    from essaylint.models import Document, Essay, Span

    ctx = RuleContext(
        document=Document.from_text("x"),
        essay=Essay(body=Span(start=0, end=1)),
        citations=(),
        references=(),
        links=(),
        settings=Settings(),
    )
    assert ctx.options(UncitedReference.Options).allowed_authors == ()
    assert ctx.options(Spelling.Options).check_titles is True


def test_documented_options_list_every_field() -> None:
    rows = {key: (default, text) for key, default, text in Spelling.option_rows()}
    assert rows["check-titles"][0] == "true"
    assert "titles" in rows["check-titles"][1]
    assert UncitedReference.option_rows()[0][:2] == ("allowed-authors", "[]")
