"""The README shows real output: its sample block must match what essaylint prints today."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from essaylint.cli import app

ROOT = Path(__file__).resolve().parents[2]


def test_readme_sample_output_is_current(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NO_COLOR", "1")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- sample-output -->\n```text\n\$ (.*?)\n(.*?)\n```", readme, re.S)
    assert block is not None, "README has no sample-output block"
    command, shown = block.group(1), block.group(2)
    args = command.split()[1:]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    assert result.output.rstrip("\n") == shown, "README sample output is stale: regenerate it"


def test_readme_set_up_commands_match_ci() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(.*?)\n```", readme, re.S)
    assert len(commands) == 2
    assert "essaylint check fixtures/" in commands[0]
    assert commands[1] in ci


def test_readme_lists_every_rule_and_its_config_example_loads(tmp_path: Path) -> None:
    from essaylint.config import load_settings
    from essaylint.rules.registry import all_rules

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in all_rules():
        if rule.__module__.startswith("essaylint."):
            assert f"| {rule.code} | {rule.name} |" in readme, rule.code
    example = re.search(r"## Configuration.*?```toml\n(.*?)```", readme, re.S)
    assert example is not None
    (tmp_path / "pyproject.toml").write_text(example.group(1), encoding="utf-8")
    essay = tmp_path / "essay.md"
    essay.write_text("An essay.\n", encoding="utf-8")
    settings = load_settings(essay, {})
    assert settings.style == "apa"
    assert settings.dialect == "british"
    assert "Zentangle" in settings.words


def test_every_file_the_docs_link_to_is_in_the_repository() -> None:
    root = Path(__file__).resolve().parents[2]
    pages = [root / "README.md", *sorted((root / "docs").glob("*.md"))]
    for page in pages:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            if target.startswith(("http://", "https://", "mailto:")):
                continue
            assert (page.parent / target).exists(), f"{page.name} links to missing {target}"
