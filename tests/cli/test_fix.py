"""``essaylint check --fix`` and ``--diff``: safe fixes, written atomically, idempotent."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from essaylint.cli import app
from essaylint.fixer import fix_path, write_atomically
from essaylint.rules.registry import all_rules, select_rules

ESSAY = """Friends matter in in school (Boyd & Ellison, 2007, p.151). Boyd (2006, p. 9-10) agrees.

References

Smith, A. (2010). A title. Publisher. doi:10.1000/xyz123
Boyd, D. (2006). Friends. First Monday, 11(12). http://dx.doi.org/10.5210/fm.v11i12.1418
Boyd, D. M., & Ellison, N. B. (2007). Social network sites. Journal of Computer-Mediated \
Communication, 13(1), 210-230.
"""

FIXED = """Friends matter in school (Boyd & Ellison, 2007, p. 151). Boyd (2006, pp. 9–10) agrees.

References

Boyd, D. (2006). Friends. First Monday, 11(12). https://doi.org/10.5210/fm.v11i12.1418
Boyd, D. M., & Ellison, N. B. (2007). Social network sites. Journal of Computer-Mediated \
Communication, 13(1), 210-230.
Smith, A. (2010). A title. Publisher. https://doi.org/10.1000/xyz123
"""


def run(*args: str | Path):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_fix_rewrites_the_file_and_reports(tmp_path: Path) -> None:
    essay = tmp_path / "essay.md"
    essay.write_text(ESSAY, encoding="utf-8")
    result = run("check", essay, "--fix", "--select", "C,R,S,T402")
    assert essay.read_text(encoding="utf-8") == FIXED
    assert f"fixed 6 problems in {essay}" in result.output
    # What is left is reported as usual: C106 (page 151 outside 210-230), C104 (Smith).
    assert "C106" in result.output
    assert "C104" in result.output
    assert "T402" not in result.output
    assert "S302" not in result.output
    assert result.exit_code == 1
    assert [p.name for p in tmp_path.iterdir()] == ["essay.md"]  # no temp file left


def test_second_fix_changes_nothing(tmp_path: Path) -> None:
    essay = tmp_path / "essay.md"
    essay.write_text(ESSAY, encoding="utf-8")
    run("check", essay, "--fix")
    first = essay.read_bytes()
    mtime = essay.stat().st_mtime_ns
    again = run("check", essay, "--fix")
    assert essay.read_bytes() == first
    assert essay.stat().st_mtime_ns == mtime  # not even rewritten
    assert "fixed" not in again.output
    assert run("check", essay, "--diff").stdout == ""


def test_diff_previews_without_writing(tmp_path: Path) -> None:
    essay = tmp_path / "essay.md"
    essay.write_text(ESSAY, encoding="utf-8")
    result = run("check", essay, "--diff", "--select", "T402,S302")
    assert essay.read_text(encoding="utf-8") == ESSAY
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"--- a/{essay}"
    assert lines[1] == f"+++ b/{essay}"
    assert "-Friends matter in in school (Boyd & Ellison, 2007, p.151)." in result.stdout
    assert "+Friends matter in school (Boyd & Ellison, 2007, p. 151)." in result.stdout
    assert "doi.org" not in result.stdout  # R207 not selected
    clean = tmp_path / "clean.md"
    clean.write_text("Nothing to fix here.\n", encoding="utf-8")
    none = run("check", clean, "--diff")
    assert (none.exit_code, none.stdout) == (0, "")


def test_encoding_bom_and_line_endings_are_kept(tmp_path: Path) -> None:
    text = (
        "Caf\u00e9 talk in in the r\u00e9sum\u00e9 (Boyd, 2006, p. 9-10).\r\n\r\nReferences\r\n\r\n"
    )
    text += "Boyd, D. (2006). Friends. First Monday, 11(12), 1-20.\r\n"
    cp = tmp_path / "cp1252.txt"
    cp.write_bytes(text.encode("cp1252"))
    run("check", cp, "--fix")
    want = text.replace("in in", "in").replace("p. 9-10", "pp. 9\u201310")
    assert cp.read_bytes() == want.encode("cp1252")
    bom = tmp_path / "bom.md"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    run("check", bom, "--fix")
    assert bom.read_bytes() == b"\xef\xbb\xbf" + want.encode("utf-8")


def test_latex_comments_survive_and_dashes_are_latex(tmp_path: Path) -> None:
    tex = tmp_path / "essay.tex"
    source = (
        "\\documentclass{article}\n\\begin{document}\n"
        "Friends matter in in school \\citep[p.~9-10]{boyd}. % a comment in in here\n"
        "\\end{document}\n"
    )
    tex.write_text(source, encoding="utf-8")
    outcome = fix_path(tex, None, select_rules(all_rules(), ["T402"]))
    assert outcome.error is None
    assert outcome.text == source.replace("matter in in", "matter in")
    assert "% a comment in in here" in outcome.text
    page = fix_path(tex, None, select_rules(all_rules(), ["S302"]))
    assert "\\citep[pp.~9--10]{boyd}" in page.text  # a LaTeX tie and "--"
    assert page.fixed == 1


@pytest.mark.parametrize("name", ["essay.html", "essay.docx", "essay.odt"])
def test_html_docx_and_odt_are_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name.endswith(".html"):
        path.write_text("<p>Friends in in school.</p>", encoding="utf-8")
    elif name.endswith(".odt"):
        from odf.opendocument import OpenDocumentText
        from odf.text import P

        odt = OpenDocumentText()
        odt.text.addElement(P(text="Friends in in school."))
        odt.save(str(path))
    else:
        import docx

        document = docx.Document()
        document.add_paragraph("Friends in in school.")
        document.save(str(path))
    before = path.read_bytes()
    result = run("check", path, "--fix", "--select", "T402")
    assert path.read_bytes() == before
    assert "not fixed" in result.output
    assert "fixed 1" not in result.output


def test_fix_respects_inline_suppressions(tmp_path: Path) -> None:
    essay = tmp_path / "essay.md"
    text = "<!-- essaylint: ignore[T402] -->\nA line with with a double.\nThe the end.\n"
    essay.write_text(text, encoding="utf-8")
    run("check", essay, "--fix", "--select", "T402")
    assert essay.read_text(encoding="utf-8") == text.replace("The the", "The")


def test_write_atomically_keeps_mode_and_follows_links(tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    link = tmp_path / "link.md"
    link.symlink_to(target)
    write_atomically(link, b"new", expected=b"old")
    assert link.is_symlink()
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    with pytest.raises(OSError, match="changed while"):
        write_atomically(target, b"newer", expected=b"old")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.md", "real.md"]


def test_a_read_only_file_is_never_replaced(tmp_path: Path) -> None:
    essay = tmp_path / "essay.md"
    essay.write_text(ESSAY, encoding="utf-8")
    os.chmod(essay, 0o444)
    result = run("check", essay, "--fix", "--select", "T402")
    assert essay.read_text(encoding="utf-8") == ESSAY
    assert stat.S_IMODE(essay.stat().st_mode) == 0o444
    assert "is read-only" in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["essay.md"]


def test_per_file_config_in_one_run(tmp_path: Path) -> None:
    quiet, loud = tmp_path / "quiet", tmp_path / "loud"
    quiet.mkdir()
    loud.mkdir()
    (quiet / ".essaylint.toml").write_text('ignore = ["T402"]\n', encoding="utf-8")
    (loud / "pyproject.toml").write_text(
        '[tool.essaylint]\nselect = ["T402"]\nfail-on = "error"\n', encoding="utf-8"
    )
    for folder in (quiet, loud):
        (folder / "e.md").write_text("Friends in in school.\n", encoding="utf-8")
    result = run("check", quiet / "e.md", loud / "e.md", "--format", "json")
    import json

    files = {Path(f["path"]).parent.name: f for f in json.loads(result.stdout)["files"]}
    assert [f["code"] for f in files["quiet"]["findings"]] == []
    assert [f["code"] for f in files["loud"]["findings"]] == ["T402"]
    assert result.exit_code == 0  # loud's fail-on is error; T402 is a warning


def test_bad_config_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / ".essaylint.toml").write_text('fail-on = "fatal"\n', encoding="utf-8")
    essay = tmp_path / "e.md"
    essay.write_text("Text.\n", encoding="utf-8")
    result = run("check", essay)
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"essaylint: error: {tmp_path / '.essaylint.toml'}: key 'fail-on': "
        "expected 'error', 'warning' or 'info'"
    ]


def test_config_option_and_cli_override(tmp_path: Path) -> None:
    config = tmp_path / "strict.toml"
    config.write_text('select = ["T402"]\nfail-on = "error"\n', encoding="utf-8")
    essay = tmp_path / "e.md"
    essay.write_text("Friends in in school.\n", encoding="utf-8")
    assert run("check", essay, "--config", config).exit_code == 0
    assert run("check", essay, "--config", config, "--fail-on", "warning").exit_code == 1
    missing = run("check", essay, "--config", tmp_path / "nope.toml")
    assert missing.exit_code == 2
    assert "no such config file" in missing.output
