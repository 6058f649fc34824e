"""The README's output-format table covers every --format choice, and each
example under it is an excerpt of what essaylint prints today."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from essaylint.cli import CheckFormat, app

ROOT = Path(__file__).resolve().parents[2]
ELISION = "…"


def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def examples() -> list[tuple[str, list[str]]]:
    blocks = re.findall(r"<!-- format-example -->\n```\w*\n\$ (.*?)\n(.*?)\n```", readme(), re.S)
    return [(command, shown.split("\n")) for command, shown in blocks]


def is_excerpt(shown: list[str], actual: list[str]) -> bool:
    """Every shown line appears in the actual output, in order; `…` skips lines.
    Without a `…`, shown lines must follow one another directly."""
    pos = 0
    gap_allowed = True  # the excerpt may start anywhere
    for line in shown:
        if line == ELISION:
            gap_allowed = True
            continue
        if gap_allowed:
            try:
                pos = actual.index(line, pos) + 1
            except ValueError:
                return False
        elif pos < len(actual) and actual[pos] == line:
            pos += 1
        else:
            return False
        gap_allowed = False
    return True


def test_table_lists_every_format() -> None:
    section = readme().split("## Output formats", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| \[`(\w+)`\]", section, re.M)
    assert rows == [f.value for f in CheckFormat]
    shown = [re.search(r"--format (\w+)", command) for command, _ in examples()]
    assert [m.group(1) for m in shown if m] == [f.value for f in CheckFormat]


@pytest.mark.parametrize(
    ("command", "shown"),
    [pytest.param(c, s, id=c.split("--format ")[-1].split()[0]) for c, s in examples()],
)
def test_example_is_current(
    command: str, shown: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("ESSAYLINT_DOCS_URL", raising=False)
    args = command.split()
    assert args[0] == "essaylint"
    result = CliRunner().invoke(app, args[1:])
    assert result.exit_code == 1, result.output
    actual = result.stdout.splitlines()
    assert is_excerpt(shown, actual), (
        f"README example for {command!r} is stale; the command now prints:\n" + result.stdout
    )


def test_is_excerpt() -> None:
    out = ["a", "b", "c", "d"]
    assert is_excerpt(["a", "b"], out)
    assert is_excerpt(["b", "…", "d"], out)
    assert not is_excerpt(["a", "c"], out)
    assert not is_excerpt(["b", "a"], out)
    assert not is_excerpt(["x"], out)
