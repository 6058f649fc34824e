"""A third-party rule package, really installed, is found through the
``essaylint.rules`` entry point group: it runs, it is listed, it is selectable.

The example plugin (tests/plugin_example) is installed with pip into a
temporary directory, and essaylint runs in a subprocess with that directory on
PYTHONPATH. That is a real installation (pip builds the wheel and writes the
dist-info with its entry_points.txt, which importlib.metadata reads) that
touches neither the project's virtualenv nor the rest of the test session: if
X901 were installed into the venv, every test that walks all rules (the
per-rule cases meta-test, the docs/rules staleness test) would see a rule that
is not essaylint's.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLUGIN = ROOT / "tests" / "plugin_example"

pytestmark = pytest.mark.slow

ESSAY = (
    "Social networks changed how campaigns spread (Feld, 2014)! Nobody expected\n"
    "it. See ![a chart](chart.png) for the numbers.\n"
    "\n"
    "## References\n"
    "\n"
    "Feld, B. (2014). *Startup communities*. Wiley.\n"
)


@pytest.fixture(scope="module")
def plugin_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("plugin")
    source = work / "src"
    # build from a copy, so pip leaves no build/ or egg-info in the repository
    shutil.copytree(PLUGIN, source, ignore=shutil.ignore_patterns("__pycache__", "build"))
    target = work / "site"
    proc = subprocess.run(
        [
            sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
            "--disable-pip-version-check", "--target", str(target), str(source),
        ],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (target / "essaylint_example_plugin").is_dir()
    return target


def essaylint(
    *args: str, plugin: Path | None, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_COLOR="1")
    env.pop("PYTHONPATH", None)
    if plugin is not None:
        env["PYTHONPATH"] = str(plugin)
    return subprocess.run(
        [sys.executable, "-m", "essaylint", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


@pytest.fixture
def essay(tmp_path: Path) -> Path:
    path = tmp_path / "essay.md"
    path.write_text(ESSAY, encoding="utf-8")
    return path


def test_plugin_rule_is_listed(plugin_path: Path) -> None:
    proc = essaylint("rules", plugin=plugin_path)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    (x901,) = [line for line in lines if line.startswith("X901")]
    assert x901.split()[:3] == ["X901", "exclamation-mark", "info"]
    assert any(line.startswith("C101") for line in lines)  # built-ins still there
    doc = essaylint("rule", "exclamation-mark", plugin=plugin_path)
    assert doc.returncode == 0, doc.stderr
    assert doc.stdout.startswith("X901 exclamation-mark (default severity: info)")
    assert "Why it matters" in doc.stdout


def test_plugin_rule_runs_and_is_selectable(plugin_path: Path, essay: Path) -> None:
    proc = essaylint(
        "check", "--select", "X901", "--format", "json", str(essay), plugin=plugin_path
    )
    assert proc.returncode == 0, proc.stderr  # info is below the default --fail-on warning
    (file,) = json.loads(proc.stdout)["files"]
    (finding,) = file["findings"]  # the "!" of "![a chart]" is markup, not prose
    assert (finding["code"], finding["rule"], finding["severity"]) == (
        "X901",
        "exclamation-mark",
        "info",
    )
    assert (finding["line"], finding["column"]) == (1, ESSAY.index("!") + 1)
    by_name = essaylint(
        "check", "--select", "exclamation-mark", "--fail-on", "info", str(essay),
        plugin=plugin_path,
    )  # fmt: skip
    assert by_name.returncode == 1
    assert f"{essay}:1:{ESSAY.index('!') + 1}: X901 exclamation-mark" in by_name.stdout
    ignored = essaylint(
        "check", "--ignore", "X9", "--format", "json", str(essay), plugin=plugin_path
    )
    codes = {f["code"] for f in json.loads(ignored.stdout)["files"][0]["findings"]}
    assert "X901" not in codes


def test_plugin_rule_in_sarif_links_to_its_own_docs(plugin_path: Path, essay: Path) -> None:
    proc = essaylint("check", "--select", "X9", "--format", "sarif", str(essay), plugin=plugin_path)
    run = json.loads(proc.stdout)["runs"][0]
    rule = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "X901")
    assert rule["helpUri"] == "https://example.org/essaylint-example-plugin/exclamation-mark"
    assert rule["defaultConfiguration"] == {"level": "note"}
    assert [r["ruleId"] for r in run["results"]] == ["X901"]


def test_without_the_plugin_x901_is_unknown(essay: Path) -> None:
    proc = essaylint("check", "--select", "X901", str(essay), plugin=None)
    assert proc.returncode == 2
    assert "unknown rule 'X901'" in proc.stderr
