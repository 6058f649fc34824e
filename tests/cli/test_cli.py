"""The ``essaylint`` command via typer's CliRunner: formats, rule selection, exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import essaylint
from essaylint.cli import app

ESSAYS = Path(__file__).resolve().parents[2] / "fixtures" / "essays"
CLEAN = ESSAYS / "clean-apa.md"
PROBLEMS = ESSAYS / "problems-apa.md"

ALL_CODES = [
    "C101", "C102", "C103", "C104", "C105", "C106",
    "R201", "R202", "R203", "R204", "R205",
]  # fmt: skip
FINDING_KEYS = {
    "code", "rule", "severity", "message", "line", "column", "end_line", "end_column",
    "citation", "reference", "word", "suggestions",
}  # fmt: skip
LOCATION = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): "
    r"(?P<code>[A-Z]\d{3}) (?P<name>[a-z-]+) (?P<msg>.+)$"
)
SUMMARY = re.compile(r"^\d+ findings? (\(.+\) )?in \d+ files?(; \d+ files? could not be read)?\.$")


def run(*args: str | Path):
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def json_report(*args: str | Path) -> tuple[int, dict]:
    result = run("check", "--format", "json", *args)
    return result.exit_code, json.loads(result.stdout)


def codes_of(report: dict) -> list[str]:
    return [f["code"] for file in report["files"] for f in file["findings"]]


def line_col(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column (in code points) of the first ``needle`` in ``text``."""
    offset = text.index(needle)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


# --- text output -----------------------------------------------------------


def test_text_output_has_location_code_name_message_excerpt_and_summary() -> None:
    result = run("check", PROBLEMS)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    text = PROBLEMS.read_text(encoding="utf-8")
    line, col = line_col(text, "(Quillfeather, 2017)")
    wanted = f"{PROBLEMS}:{line}:{col}: C101 missing-reference "
    hits = [i for i, s in enumerate(lines) if s.startswith(wanted)]
    assert hits, result.stdout
    i = hits[0]
    assert "Quillfeather" in lines[i]
    # the excerpt shows the source line, then carets under the citation
    assert lines[i + 1].startswith("    ")
    assert "(Quillfeather, 2017)" in lines[i + 1]
    caret = lines[i + 2]
    assert set(caret.strip()) == {"^"}
    assert caret.index("^") == lines[i + 1].index("(Quillfeather, 2017)")
    assert len(caret.strip()) == len("(Quillfeather, 2017)")
    # every finding line is well formed and the last line is the summary
    finding_lines = [s for s in lines if LOCATION.match(s)]
    assert len(finding_lines) >= 4
    for s in finding_lines:
        m = LOCATION.match(s)
        assert m is not None
        assert m["code"] in ALL_CODES
    assert SUMMARY.match(lines[-1]), lines[-1]
    assert lines[-1].startswith(f"{len(finding_lines)} finding")
    assert "in 1 file." in lines[-1]


def test_text_output_for_clean_essay_is_only_the_summary() -> None:
    result = run("check", CLEAN)
    assert result.exit_code == 0, result.stdout
    assert result.stdout == "0 findings in 1 file.\n"


def test_text_output_has_no_colour_when_not_a_tty() -> None:
    result = run("check", PROBLEMS)
    assert "\x1b[" not in result.stdout


def test_statistics_counts_by_rule() -> None:
    result = run("check", PROBLEMS, "--statistics")
    _, report = json_report(PROBLEMS)
    for rule, n in report["summary"]["by_rule"].items():
        assert re.search(rf"^\s*{n}\s+[A-Z]\d{{3}} {rule}$", result.stdout, re.M), (rule, n)


# --- JSON output -----------------------------------------------------------


def test_json_report_follows_the_contract() -> None:
    code, report = json_report(PROBLEMS, CLEAN)
    assert code == 1
    assert report["version"] == essaylint.__version__
    assert [f["path"] for f in report["files"]] == [str(PROBLEMS), str(CLEAN)]
    total = 0
    by_rule: dict[str, int] = {}
    for file in report["files"]:
        assert {"path", "style", "citations", "references", "findings", "error"} <= set(file)
        assert file["error"] is None
        assert file["style"] in {"apa", "harvard", "numeric", "unknown"}
        assert isinstance(file["citations"], int)
        assert isinstance(file["references"], int)
        for f in file["findings"]:
            assert set(f) >= FINDING_KEYS, set(f) ^ FINDING_KEYS
            assert re.fullmatch(r"[A-Z]\d{3}", f["code"])
            assert re.fullmatch(r"[a-z]+(-[a-z]+)*", f["rule"])
            assert f["severity"] in {"error", "warning", "info"}
            assert isinstance(f["message"], str)
            assert f["message"]
            for k in ("line", "column", "end_line", "end_column"):
                assert isinstance(f[k], int)
                assert f[k] >= 1
            assert (f["end_line"], f["end_column"]) >= (f["line"], f["column"])
            assert isinstance(f["suggestions"], list)
            if f["citation"] is not None:
                assert {"text", "authors", "year"} <= set(f["citation"])
            if f["reference"] is not None:
                assert {"line", "authors", "year"} <= set(f["reference"])
            total += 1
            by_rule[f["rule"]] = by_rule.get(f["rule"], 0) + 1
    assert report["summary"]["files"] == 2
    assert report["summary"]["findings"] == total
    assert report["summary"]["by_rule"] == by_rule


def test_json_counts_citations_and_references() -> None:
    _, report = json_report(CLEAN)
    (file,) = report["files"]
    assert file["style"] == "apa"
    assert file["references"] == 4
    assert file["citations"] == 5
    assert file["findings"] == []


def test_json_expected_findings_of_the_problem_essay() -> None:
    _, report = json_report(PROBLEMS)
    (file,) = report["files"]
    text = PROBLEMS.read_text(encoding="utf-8")
    by_code: dict[str, list[dict]] = {}
    for f in file["findings"]:
        by_code.setdefault(f["code"], []).append(f)

    (missing,) = by_code["C101"]
    assert missing["citation"]["text"] == "(Quillfeather, 2017)"
    assert missing["citation"]["authors"] == ["Quillfeather"]
    assert missing["citation"]["year"] == "2017"
    assert (missing["line"], missing["column"]) == line_col(text, "(Quillfeather, 2017)")
    assert missing["end_line"] == missing["line"]
    assert missing["end_column"] - missing["column"] == len("(Quillfeather, 2017)")

    (year,) = by_code["C102"]
    assert year["rule"] == "year-mismatch"
    assert year["citation"]["year"] == "2019"
    assert year["reference"]["year"] == "2016"
    assert year["reference"]["line"] == line_col(text, "Brennan, S. (2016)")[0]
    assert "2016" in year["suggestions"]

    uncited = by_code["C104"]
    assert [u["reference"]["authors"] for u in uncited] == [["Yarrow"]]
    assert uncited[0]["severity"] == "warning"

    (url,) = by_code["R201"]
    assert url["line"] == line_col(text, "Evening Courier. (2022")[0]
    assert url["severity"] == "error"


def test_json_columns_count_code_points_not_bytes(tmp_path: Path) -> None:
    essay = tmp_path / "unicode.md"
    essay.write_text(
        "Ça déjà über naïve — “quoted” (Ötztaler, 2015).\n\n"
        "## References\n\nBrennan, S. (2016). *After six*. Northgate Books.\n",
        encoding="utf-8",
    )
    _, report = json_report(essay, "--select", "C101")
    (f,) = report["files"][0]["findings"]
    assert f["line"] == 1
    assert f["column"] == "Ça déjà über naïve — “quoted” ".__len__() + 1
    assert f["end_column"] == f["column"] + len("(Ötztaler, 2015)")


def test_json_reports_an_unreadable_file_with_error_and_no_findings(tmp_path: Path) -> None:
    code, report = json_report(tmp_path / "missing.md")
    assert code == 2
    (file,) = report["files"]
    assert file["findings"] == []
    assert isinstance(file["error"], str)
    assert "missing.md" in file["error"]


# --- rule selection --------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "value", "allowed"),
    [
        ("--select", "C101", {"C101"}),
        ("--select", "C", {"C101", "C102", "C103", "C104", "C105", "C106"}),
        ("--select", "R2", {"R201", "R202", "R203", "R204", "R205"}),
        ("--select", "missing-url", {"R201"}),
        ("--select", "year-mismatch,C104", {"C102", "C104"}),
        ("--ignore", "C104", set(ALL_CODES) - {"C104"}),
        ("--ignore", "C", {"R201", "R202", "R203", "R204", "R205"}),
        ("--ignore", "reference-order", set(ALL_CODES) - {"R204"}),
    ],
)
def test_select_and_ignore(option: str, value: str, allowed: set[str]) -> None:
    _, everything = json_report(PROBLEMS)
    _, chosen = json_report(PROBLEMS, option, value)
    expected = [c for c in codes_of(everything) if c in allowed]
    assert codes_of(chosen) == expected
    assert expected, "the fixture should exercise this selector"


def test_ignore_wins_over_select() -> None:
    _, report = json_report(PROBLEMS, "--select", "C", "--ignore", "C104")
    codes = set(codes_of(report))
    assert "C104" not in codes
    assert codes <= {"C101", "C102", "C103", "C105", "C106"}
    assert {"C101", "C102"} <= codes


def test_select_can_be_repeated() -> None:
    _, report = json_report(PROBLEMS, "--select", "C101", "--select", "R201")
    assert sorted(set(codes_of(report))) == ["C101", "R201"]


@pytest.mark.parametrize(
    "args",
    [
        ("--select", "Z999"),
        ("--ignore", "no-such-rule"),
        ("--select", "C101,bogus"),
    ],
)
def test_unknown_rule_is_a_usage_error(args: tuple[str, str]) -> None:
    result = run("check", PROBLEMS, *args)
    assert result.exit_code == 2
    bad = args[1].split(",")[-1]
    assert f"unknown rule '{bad}'" in result.stderr
    assert "essaylint rules" in result.stderr
    assert result.stdout == ""  # nothing was checked


# --- exit codes ------------------------------------------------------------


def test_exit_codes() -> None:
    assert run("check", CLEAN).exit_code == 0
    assert run("check", PROBLEMS).exit_code == 1
    assert run("check", ESSAYS / "does-not-exist.md").exit_code == 2
    # an unreadable file wins over findings
    assert run("check", PROBLEMS, ESSAYS / "does-not-exist.md").exit_code == 2


def test_fail_on_threshold() -> None:
    # C104 is a warning, R204 an info, C101 an error in the problem essay
    assert run("check", PROBLEMS, "--select", "C104").exit_code == 1
    assert run("check", PROBLEMS, "--select", "C104", "--fail-on", "warning").exit_code == 1
    assert run("check", PROBLEMS, "--select", "C104", "--fail-on", "error").exit_code == 0
    assert run("check", PROBLEMS, "--select", "C101", "--fail-on", "error").exit_code == 1
    assert run("check", PROBLEMS, "--select", "R204").exit_code == 0
    assert run("check", PROBLEMS, "--select", "R204", "--fail-on", "info").exit_code == 1


def test_fail_on_does_not_hide_findings() -> None:
    result = run("check", PROBLEMS, "--select", "C104", "--fail-on", "error")
    assert result.exit_code == 0
    assert " C104 uncited-reference " in result.stdout


def test_bad_option_value_is_a_usage_error() -> None:
    result = run("check", PROBLEMS, "--fail-on", "sometimes")
    assert result.exit_code == 2
    result = run("check", PROBLEMS, "--format", "yaml")
    assert result.exit_code == 2


def test_harper_rules_flag_picks_harpers_rule_set(monkeypatch: pytest.MonkeyPatch) -> None:
    from essaylint.services import backends

    asked: list[tuple[str | None, str]] = []
    real = backends.choose_prose_backend

    def spy(url: str | None, harper_rules: str = "essay") -> object:
        asked.append((url, harper_rules))
        return real(url, harper_rules)  # type: ignore[arg-type]

    monkeypatch.setattr(backends, "choose_prose_backend", spy)
    assert run("check", PROBLEMS, "--select", "T403").exit_code in (0, 1)
    assert run("check", PROBLEMS, "--select", "T403", "--harper-rules", "all").exit_code in (0, 1)
    assert asked == [(None, "essay"), (None, "all")]
    assert run("check", PROBLEMS, "--harper-rules", "some").exit_code == 2


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"essaylint {essaylint.__version__}"


# --- rules / rule ----------------------------------------------------------


def test_rules_lists_the_catalogue() -> None:
    result = run("rules")
    assert result.exit_code == 0
    rows = [line.split() for line in result.stdout.splitlines() if line.strip()]
    codes = [r[0] for r in rows]
    assert codes[: len(ALL_CODES)] == ALL_CODES or set(ALL_CODES) <= set(codes)
    assert codes == sorted(codes)
    table = {r[0]: r for r in rows}
    assert table["C102"][1:3] == ["year-mismatch", "error"]
    assert table["C104"][1:3] == ["uncited-reference", "warning"]
    assert table["R201"][1] == "missing-url"
    assert table["R205"][1] == "malformed-reference"
    for r in rows:
        assert r[2] in {"error", "warning", "info"}
        assert len(r) > 3, "every rule has a summary"


@pytest.mark.parametrize("name", ["year-mismatch", "C102", "c102", "Year-Mismatch"])
def test_rule_prints_documentation(name: str) -> None:
    result = run("rule", name)
    assert result.exit_code == 0
    assert result.stdout.startswith("C102 year-mismatch")
    for section in ("What it checks", "Why it matters", "Example", "Fix"):
        assert section in result.stdout


def test_rule_by_code_and_by_name_agree() -> None:
    assert run("rule", "C104").stdout == run("rule", "uncited-reference").stdout


@pytest.mark.parametrize("code", ALL_CODES)
def test_every_rule_has_the_fixed_doc_sections(code: str) -> None:
    out = run("rule", code).stdout
    for section in ("What it checks", "Why it matters", "Example", "Fix"):
        assert section in out, (code, section)


def test_unknown_rule_name() -> None:
    result = run("rule", "no-such-rule")
    assert result.exit_code == 2
    assert "no-such-rule" in result.stderr
    assert "Traceback" not in result.stderr


# --- refs ------------------------------------------------------------------


def test_refs_table() -> None:
    result = run("refs", CLEAN)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["line", "authors", "year", "type"]
    assert lines[-1] == "4 entries"
    body = "\n".join(lines[1:-1])
    for name in ("Coastal Learning Trust", "Ferreira", "Marlowe; Teague", "Okonjo"):
        assert name in body
    text = CLEAN.read_text(encoding="utf-8")
    okonjo = next(s for s in lines if "Okonjo" in s)
    assert int(okonjo.split()[0]) == line_col(text, "Okonjo, D. (2021)")[0]


def test_refs_json() -> None:
    result = run("refs", CLEAN, "--format", "json")
    assert result.exit_code == 0
    entries = json.loads(result.stdout)
    assert len(entries) == 4
    text = CLEAN.read_text(encoding="utf-8")
    ferreira = entries[1]
    assert [a["family"] for a in ferreira["authors"]] == ["Ferreira", "Brandt", "Osei", "Lindqvist"]
    assert ferreira["year"] == "2020"
    assert ferreira["doi"] == "10.5555/jfe.2020.0123"
    assert ferreira["line"] == line_col(text, "Ferreira, L.")[0]
    assert "span" not in ferreira
    assert entries[3]["title"].startswith("Teachers on the tide line")


def test_refs_bibtex_is_valid_bibtex() -> None:
    from pybtex.database import parse_string

    result = run("refs", CLEAN, "--format", "bibtex")
    assert result.exit_code == 0
    db = parse_string(result.stdout, "bibtex")
    assert len(db.entries) == 4
    years = sorted(e.fields.get("year") for e in db.entries.values())
    assert years == ["2018", "2019", "2020", "2021"]
    lastnames = {
        " ".join(p.last_names) for e in db.entries.values() for p in e.persons.get("author", [])
    }
    assert {"Ferreira", "Marlowe", "Teague", "Okonjo"} <= lastnames


def test_refs_of_an_essay_without_a_list(tmp_path: Path) -> None:
    essay = tmp_path / "nolist.md"
    essay.write_text("Just an opinion (Smith, 2019), with no list.\n", encoding="utf-8")
    result = run("refs", essay)
    assert result.exit_code == 0
    assert "no reference list found" in result.stdout
    assert json.loads(run("refs", essay, "--format", "json").stdout) == []


def test_refs_of_a_missing_file() -> None:
    result = run("refs", ESSAYS / "nope.md")
    assert result.exit_code == 2
    assert "nope.md" in result.stderr
    assert "no such file" in result.stderr


# --- folders, exclude and the bib setting ---------------------------------------


def _project(root: Path, config: str | None = None) -> Path:
    (root / "drafts").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "essay.md").write_bytes(PROBLEMS.read_bytes())
    (root / "drafts" / "old.md").write_bytes(PROBLEMS.read_bytes())
    (root / ".git" / "note.md").write_bytes(PROBLEMS.read_bytes())
    for name in ("README.md", "CHANGELOG.md", "LICENSE.txt", "notes.py"):
        (root / name).write_text("Nothing (Nobody, 2020) here.\n", encoding="utf-8")
    if config is not None:
        (root / "pyproject.toml").write_text(config, encoding="utf-8")
    return root


def test_a_folder_checks_its_essays_but_not_readme_hidden_or_excluded_files(tmp_path: Path) -> None:
    plain = _project(tmp_path / "plain")
    _, report = json_report(plain, "--select", "C")
    assert sorted(Path(f["path"]).relative_to(plain).as_posix() for f in report["files"]) == [
        "drafts/old.md",
        "essay.md",
    ]
    excluding = _project(tmp_path / "excluding", '[tool.essaylint]\nexclude = ["drafts/*"]\n')
    _, report = json_report(excluding, "--select", "C")
    assert [Path(f["path"]).name for f in report["files"]] == ["essay.md"]
    (excluding / "essay.md").unlink()
    result = run("check", excluding)
    assert result.exit_code == 2
    assert "no essays to check" in result.output


def test_the_bib_setting_gives_every_essay_its_bibliography(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(
        "@book{harrow2018, author = {Harrow, Pia}, title = {The Resting Mind}, year = {2018},"
        " publisher = {Meridian Press}}\n",
        encoding="utf-8",
    )
    essay = tmp_path / "essay.md"
    essay.write_text("Rest helps [@harrow2018], and so does tea [@tea2020].\n", encoding="utf-8")
    (tmp_path / ".essaylint.toml").write_text('bib = "refs.bib"\n', encoding="utf-8")
    _, report = json_report(essay, "--select", "C")
    assert [(f["code"], f["citation"]["key"]) for f in report["files"][0]["findings"]] == [
        ("C101", "tea2020")
    ]


@pytest.mark.parametrize("command", ["check", "grade"])
def test_a_plugin_that_cannot_load_is_one_clear_error(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from essaylint.rules import registry

    def broken() -> tuple[type, ...]:
        raise registry.RuleLoadError("rule plugin 'broken' (no_such:Rule) failed to load: boom")

    monkeypatch.setattr(registry, "all_rules", broken)
    (tmp_path / "class" / "ann").mkdir(parents=True)
    (tmp_path / "class" / "ann" / "essay.md").write_text("Text (Abara, 2020).\n", encoding="utf-8")
    args = (
        ["check", str(tmp_path / "class" / "ann" / "essay.md")]
        if command == "check"
        else ["grade", str(tmp_path / "class"), "--out", str(tmp_path / "out")]
    )
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "rule plugin 'broken'" in result.output
    assert not (tmp_path / "out").exists()
