"""One settings chain for every command: defaults <- config file <- command line, per file."""

from __future__ import annotations

import json
import socket
from pathlib import Path

from typer.testing import CliRunner

from essaylint.cli import app

ESSAY = (
    "Students recieve feedback late (Okafor, 2019).\n\n## References\n\n"
    "Okafor, N. (2019). Timely feedback. Journal of Writing Studies, 12(2), 33-51.\n"
)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _json(*args: str | Path) -> dict:
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return json.loads(result.stdout)


def test_each_file_gets_the_engines_its_own_config_asks_for(tmp_path: Path) -> None:
    # Folder b names a LanguageTool server (down), folder a names none: a is checked by
    # Harper and b says its spelling was not checked, whichever file comes first.
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "essay.md").write_text(ESSAY, encoding="utf-8")
    url = f"http://127.0.0.1:{_closed_port()}"
    (tmp_path / "b" / ".essaylint.toml").write_text(f'languagetool-url = "{url}"\n', "utf-8")
    a, b = tmp_path / "a" / "essay.md", tmp_path / "b" / "essay.md"
    for order in ((a, b), (b, a)):
        report = _json("check", "--select", "T401", "--format", "json", *order)
        by_path = {Path(f["path"]).parent.name: f for f in report["files"]}
        assert [f["word"] for f in by_path["a"]["findings"]] == ["recieve"]
        assert "notes" not in by_path["a"]
        assert by_path["b"]["findings"] == []
        assert any("not checked" in note for note in by_path["b"]["notes"])


def test_command_line_flags_win_over_the_config(tmp_path: Path) -> None:
    essay = tmp_path / "essay.md"
    essay.write_text(ESSAY.replace("(Okafor, 2019)", "(Okafor, 2018)"), encoding="utf-8")
    config = tmp_path / ".essaylint.toml"

    def codes(*flags: str) -> list[str]:
        report = _json("check", "--format", "json", *flags, essay)
        return [f["code"] for f in report["files"][0]["findings"]]

    config.write_text('select = ["R"]\n', "utf-8")
    assert codes() == []
    assert codes("--select", "C102") == ["C102"]  # --select replaces the config's select
    config.write_text('ignore = ["C102"]\n', "utf-8")
    assert codes("--select", "C102") == []  # --ignore adds to it, so the config's still holds


def test_refs_reads_the_files_config(tmp_path: Path) -> None:
    # The config's bib names the bibliography: refs lists its entries as check reads them.
    # (In a folder below the essay, where no search for an unnamed bibliography looks.)
    essay = tmp_path / "essay.md"
    essay.write_text("Feedback matters [@okafor2019].\n", encoding="utf-8")
    (tmp_path / "library").mkdir()
    (tmp_path / "library" / "refs.bib").write_text(
        "@article{okafor2019, author = {Okafor, Ngozi}, title = {Timely feedback},\n"
        "  journal = {Journal of Writing Studies}, year = {2019}}\n",
        encoding="utf-8",
    )
    (tmp_path / ".essaylint.toml").write_text('bib = ["library/refs.bib"]\n', encoding="utf-8")
    entries = _json("refs", "--format", "json", essay)
    assert [(e["key"], e["year"]) for e in entries] == [("okafor2019", "2019")]
    elsewhere = tmp_path / "other.toml"
    elsewhere.write_text('style = "apa"\n', encoding="utf-8")
    assert _json("refs", "--format", "json", "--config", elsewhere, essay) == []


def test_refs_reports_a_bad_config_as_a_usage_error(tmp_path: Path) -> None:
    essay = tmp_path / "essay.md"
    essay.write_text(ESSAY, encoding="utf-8")
    (tmp_path / ".essaylint.toml").write_text("colour = 3\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["refs", str(essay)])
    assert result.exit_code == 2
    assert "unknown key 'colour'" in result.output
