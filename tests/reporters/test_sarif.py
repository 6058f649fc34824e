"""SARIF 2.1.0 output: valid against the official schema, and right in its details."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import jsonschema
import pytest
from reporter_samples import SMALL_ESSAY, assert_snapshot
from typer.testing import CliRunner

from essaylint import __version__
from essaylint.cli import app
from essaylint.models import FileResult
from essaylint.reporters import sarif
from essaylint.rules.registry import all_rules

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SCHEMA_PATH = SHARED / "fixtures" / "sarif" / "sarif-schema-2.1.0.json"
SEED = SHARED / "corpus" / "seeds" / "timesup-social-networks.txt"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    if not SCHEMA_PATH.is_file():
        pytest.skip(f"the SARIF schema is not here: {SCHEMA_PATH}")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )


def assert_valid(validator: jsonschema.Draft4Validator, log: dict[str, Any]) -> None:
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])
    # What the schema cannot say: every result points at its rule, every link is absolute.
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    for rule in rules:
        if "helpUri" in rule:
            url = urlparse(rule["helpUri"])
            assert url.scheme in ("http", "https")
            assert url.netloc


def check_sarif(path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["check", "--format", "sarif", str(path)])
    assert result.exit_code in (0, 1), result.output
    log: dict[str, Any] = json.loads(result.stdout)
    return log


@pytest.mark.parametrize(
    "essay", ["sample-essay.md", "problems-apa.md", "numeric.md", "clean-apa.md"]
)
def test_fixture_essay_sarif_validates(
    essay: str, validator: jsonschema.Draft4Validator, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = check_sarif(Path("fixtures/essays") / essay, monkeypatch)
    assert_valid(validator, log)
    if essay.startswith(("sample", "problems")):
        assert log["runs"][0]["results"]


def test_seed_essay_sarif_validates(
    validator: jsonschema.Draft4Validator, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not SEED.is_file():
        pytest.skip(f"the seed essay is not here: {SEED}")
    log = check_sarif(SEED, monkeypatch)
    assert_valid(validator, log)
    (run,) = log["runs"]
    assert len(run["results"]) >= 5
    assert {r["ruleId"] for r in run["results"]} >= {"C101", "C102"}
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    }
    assert uris == {SEED.resolve().as_uri()} or uris == {SEED.as_uri()}


def test_unreadable_file_is_a_notification(
    small_result: FileResult, unreadable: FileResult, validator: jsonschema.Draft4Validator
) -> None:
    log = sarif.report_dict([small_result, unreadable])
    assert_valid(validator, log)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["message"]["text"] == "cannot read bad.docx: not a valid .docx file"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "bad.docx"
    assert len(log["runs"][0]["results"]) == len(small_result.findings)


def test_driver_lists_every_rule_with_its_documentation() -> None:
    log = sarif.report_dict([], base_url="https://example.org/essaylint/docs/rules/")
    (run,) = log["runs"]
    assert log["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["invocations"] == [{"executionSuccessful": True, "toolExecutionNotifications": []}]
    driver = run["tool"]["driver"]
    assert driver["name"] == "essaylint"
    assert driver["version"] == __version__
    assert urlparse(driver["informationUri"]).scheme == "https"
    rules = all_rules()
    assert [d["id"] for d in driver["rules"]] == [r.code for r in rules]
    for rule, d in zip(rules, driver["rules"], strict=True):
        assert d["name"] == rule.name
        assert d["shortDescription"]["text"] == rule.summary
        assert d["fullDescription"]["text"] == " ".join(rule.doc_section("What it checks").split())
        assert d["helpUri"] == f"https://example.org/essaylint/docs/rules/{rule.name}.md"
        for title in ("What it checks", "Why it matters", "Example", "Fix"):
            assert f"**{title}**" in d["help"]["markdown"]
        assert "Fix: " in d["help"]["text"]
        expected = {"error": "error", "warning": "warning", "info": "note"}[rule.default_severity]
        assert d["defaultConfiguration"]["level"] == expected


def test_docs_url_can_be_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(sarif.DOCS_URL_ENV, raising=False)
    assert sarif.docs_url() == sarif.DEFAULT_DOCS_URL
    assert sarif.DEFAULT_DOCS_URL.startswith(sarif.REPOSITORY_URL)
    monkeypatch.setenv(sarif.DOCS_URL_ENV, "https://git.example.org/me/essaylint/docs/rules")
    log = sarif.report_dict([])
    rule = log["runs"][0]["tool"]["driver"]["rules"][0]
    assert rule["helpUri"] == f"https://git.example.org/me/essaylint/docs/rules/{rule['name']}.md"


def test_results_regions_levels_and_fingerprints(small_result: FileResult) -> None:
    log = sarif.report_dict([small_result])
    results = log["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["C102", "C101", "C101", "C104"]
    assert [r["level"] for r in results] == ["error", "error", "error", "warning"]
    loc = results[2]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "essays/week%201%3A%20draft%2C%20v2.md"
    first, second = SMALL_ESSAY.splitlines()[:2]
    # a citation over a line break: code-point columns, end column exclusive
    assert loc["region"] == {
        "startLine": 2,
        "startColumn": second.index("(Ötztaler") + 1,
        "endLine": 3,
        "endColumn": len("2014)") + 1,
        "snippet": {"text": "(Ötztaler,\n2014)"},
    }
    brennan = results[0]["locations"][0]["physicalLocation"]["region"]
    assert brennan["startColumn"] == first.index("Brennan (2019)") + 1
    assert brennan["endColumn"] - brennan["startColumn"] == len("Brennan (2019)")
    prints = [r["partialFingerprints"][sarif.FINGERPRINT_KEY] for r in results]
    assert len(set(prints)) == len(prints)


def test_fingerprints_survive_edits_elsewhere(small_result: FileResult) -> None:
    from essaylint.pipeline import lint_text

    moved = lint_text("A new opening paragraph.\n\n" + SMALL_ESSAY, path=small_result.path)
    before = sarif.report_dict([small_result])["runs"][0]["results"]
    after = sarif.report_dict([moved])["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after] == [
        r["locations"][0]["physicalLocation"]["region"]["startLine"] + 2 for r in before
    ]
    key = sarif.FINGERPRINT_KEY
    # the C102 message quotes a line number, so only the fingerprints can match
    assert [r["partialFingerprints"][key] for r in after] == [
        r["partialFingerprints"][key] for r in before
    ]


def test_finding_of_an_unlisted_rule_gets_a_descriptor(small_result: FileResult) -> None:
    rules = [r for r in all_rules() if r.code != "C104"]
    log = sarif.report_dict([small_result], rules)
    run = log["runs"][0]
    c104 = next(r for r in run["results"] if r["ruleId"] == "C104")
    assert run["tool"]["driver"]["rules"][c104["ruleIndex"]] == {
        "id": "C104",
        "name": "uncited-reference",
    }


def test_artifact_uris() -> None:
    assert sarif.artifact_uri("essay.md") == "essay.md"
    assert sarif.artifact_uri("a b/c#d.md") == "a%20b/c%23d.md"
    assert sarif.artifact_uri("/tmp/x y.md") == "file:///tmp/x%20y.md"


def test_snapshot_of_the_small_essay(small_result: FileResult) -> None:
    results = sarif.report_dict([small_result])["runs"][0]["results"]
    assert_snapshot(
        "small.sarif-results.json", json.dumps(results, ensure_ascii=False, indent=2) + "\n"
    )
