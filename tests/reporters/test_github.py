"""GitHub Actions workflow commands: syntax, escaping and severities."""

from __future__ import annotations

import re

from reporter_samples import SMALL_ESSAY, SMALL_PATH, assert_snapshot
from typer.testing import CliRunner

from essaylint.cli import app
from essaylint.models import FileResult
from essaylint.reporters import github

# ::command key=value,key=value::data — no raw CR/LF anywhere, no raw ':' or ',' in a
# value, and a '%' only as the start of one of the five escapes.
_ESCAPED = r"(?:[^%\r\n]|%25|%0D|%0A|%3A|%2C)"
_VALUE = r"(?:[^%\r\n:,]|%25|%0D|%0A|%3A|%2C)*"
WORKFLOW_COMMAND = re.compile(
    rf"^::(?P<command>error|warning|notice)"
    rf"(?: (?P<properties>[A-Za-z]+={_VALUE}(?:,[A-Za-z]+={_VALUE})*))?"
    rf"::(?P<data>{_ESCAPED}*)$"
)
PROPERTY_NAMES = {"file", "line", "col", "endLine", "endColumn", "title"}


def unescape(value: str) -> str:
    for raw, escaped in ((",", "%2C"), (":", "%3A"), ("\n", "%0A"), ("\r", "%0D"), ("%", "%25")):
        value = value.replace(escaped, raw)
    return value


def parse(line: str) -> tuple[str, dict[str, str], str]:
    m = WORKFLOW_COMMAND.match(line)
    assert m is not None, f"not a workflow command: {line!r}"
    props: dict[str, str] = {}
    for item in (m.group("properties") or "").split(",") if m.group("properties") else []:
        key, _, value = item.partition("=")
        props[key] = unescape(value)
    assert set(props) <= PROPERTY_NAMES
    return m.group("command"), props, unescape(m.group("data"))


def test_every_line_is_a_workflow_command(small_result: FileResult) -> None:
    out = github.render([small_result])
    assert out.endswith("\n")
    lines = out.splitlines()
    assert len(lines) == len(small_result.findings) == 4
    for line, finding in zip(lines, small_result.findings, strict=True):
        _, props, data = parse(line)
        assert props["file"] == SMALL_PATH  # ':' and ',' in the path survive the round trip
        assert props["title"] == f"{finding.code} {finding.rule}"
        assert data == finding.message


def test_positions_are_code_point_columns(small_result: FileResult) -> None:
    lines = github.render([small_result]).splitlines()
    _, props, _ = parse(lines[2])  # (Ötztaler,\n2014)
    second = SMALL_ESSAY.splitlines()[1]
    assert props["line"] == "2"
    assert props["col"] == str(second.index("(Ötztaler") + 1)
    assert (props["endLine"], props["endColumn"]) == ("3", str(len("2014)") + 1))


def test_escaping() -> None:
    assert github.escape_data("50% off\r\nnext: a, b") == "50%25 off%0D%0Anext: a, b"
    assert github.escape_property("C:\\a, b%\n") == "C%3A\\a%2C b%25%0A"
    assert github.escape_data("%0A") == "%250A"  # an escape in the text is not taken as one
    line = github.command("warning", "two\nlines 100%", file="a,b:c.md", line=3)
    assert line == "::warning file=a%2Cb%3Ac.md,line=3::two%0Alines 100%25"
    assert parse(line) == ("warning", {"file": "a,b:c.md", "line": "3"}, "two\nlines 100%")
    assert github.command("notice", "plain") == "::notice::plain"


def test_severities_map_to_commands(small_result: FileResult) -> None:
    error, _, _, warning = small_result.findings
    info = warning.model_copy(update={"severity": "info"})
    result = small_result.model_copy(update={"findings": (error, warning, info)})
    commands = [parse(line)[0] for line in github.render([result]).splitlines()]
    assert commands == ["error", "warning", "notice"]


def test_unreadable_file_and_notes(unreadable: FileResult) -> None:
    from essaylint.models import Document

    doc = Document.from_text("Plain words.\n", path="n.txt", notes=("decoded as windows-1252",))
    noted = FileResult(path="n.txt", document=doc, notes=doc.notes)
    lines = github.render([unreadable, noted]).splitlines()
    assert parse(lines[0]) == (
        "error",
        {"file": "bad.docx", "title": "essaylint: unreadable file"},
        "cannot read bad.docx: not a valid .docx file",
    )
    assert parse(lines[1])[0] == "notice"
    assert parse(lines[1])[2] == "decoded as windows-1252"


def test_clean_file_prints_nothing() -> None:
    assert github.render([FileResult(path="ok.md")]) == ""


def test_cli_github_format_on_a_fixture() -> None:
    result = CliRunner().invoke(
        app, ["check", "--format", "github", "fixtures/essays/sample-essay.md"]
    )
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines
    assert all(WORKFLOW_COMMAND.match(line) for line in lines)


def test_snapshot_of_the_small_essay(small_result: FileResult) -> None:
    assert_snapshot("small.github.txt", github.render([small_result]))
