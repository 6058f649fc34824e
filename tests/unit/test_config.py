"""Settings from .essaylint.toml / [tool.essaylint], discovery and CLI overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from essaylint.config import ConfigError, Settings, load_settings, parse_config


def _essay(folder: Path, name: str = "essay.md") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("Text.\n", encoding="utf-8")
    return path


def test_no_config_gives_defaults(tmp_path: Path) -> None:
    assert load_settings(_essay(tmp_path)) == Settings()


def test_pyproject_table_is_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.essaylint]\nselect = ["C", "R2"]\n'
        'style = "harvard"\ndialect = "british"\nfail-on = "error"\nwords = ["Zuboff"]\n'
        'languagetool-url = "http://127.0.0.1:8081"\nharper-rules = "all"\n',
        encoding="utf-8",
    )
    s = load_settings(_essay(tmp_path / "essays"))
    assert s.harper_rules == "all"
    assert s.select == ("C", "R2")
    assert (s.style, s.dialect, s.fail_on) == ("harvard", "british", "error")
    assert s.words == ("Zuboff",)
    assert s.languagetool_url == "http://127.0.0.1:8081"
    assert s.config_file == str(tmp_path / "pyproject.toml")


def test_nearest_wins_and_essaylint_toml_beats_pyproject(tmp_path: Path) -> None:
    (tmp_path / ".essaylint.toml").write_text('style = "apa"\n', encoding="utf-8")
    inner = tmp_path / "a"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[tool.essaylint]\nstyle = "harvard"\n', "utf-8")
    (inner / ".essaylint.toml").write_text('style = "numeric"\n', encoding="utf-8")
    assert load_settings(_essay(inner / "b")).style == "numeric"
    assert load_settings(_essay(tmp_path / "c")).style == "apa"


def test_pyproject_without_our_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / ".essaylint.toml").write_text('style = "harvard"\n', encoding="utf-8")
    inner = tmp_path / "proj"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[tool.ruff]\nline-length = 80\n", encoding="utf-8")
    assert load_settings(_essay(inner)).style == "harvard"


def test_config_option_names_the_file(tmp_path: Path) -> None:
    (tmp_path / ".essaylint.toml").write_text('style = "harvard"\n', encoding="utf-8")
    other = tmp_path / "other.toml"
    other.write_text('style = "numeric"\n', encoding="utf-8")
    assert load_settings(_essay(tmp_path), config_file=other).style == "numeric"
    with pytest.raises(ConfigError, match="no such config file"):
        load_settings(_essay(tmp_path), config_file=tmp_path / "missing.toml")


def test_cli_overrides(tmp_path: Path) -> None:
    (tmp_path / ".essaylint.toml").write_text(
        'select = ["C"]\nextend-select = ["T402"]\nignore = ["C104"]\nwords = ["a"]\n'
        'style = "harvard"\n',
        encoding="utf-8",
    )
    essay = _essay(tmp_path)
    plain = load_settings(essay)
    assert plain.rule_selectors(str(essay)) == (("C", "T402"), ("C104",))
    s = load_settings(
        essay, {"select": ("R",), "ignore": ("R204",), "words": ("b",), "style": "apa"}
    )
    assert s.style == "apa"
    assert s.words == ("a", "b")
    # --select replaces select and extend-select; ignores add up.
    assert s.rule_selectors(str(essay)) == (("R",), ("C104", "R204"))


def test_ignore_reasons_are_kept(tmp_path: Path) -> None:
    (tmp_path / ".essaylint.toml").write_text(
        'ignore = ["T405", {rule = "C104", reason = "further reading is listed"}]\n',
        encoding="utf-8",
    )
    s = load_settings(_essay(tmp_path))
    assert s.ignore == ("T405", "C104")
    assert s.ignore_reasons == {"C104": "further reading is listed"}


def test_per_file_ignores(tmp_path: Path) -> None:
    (tmp_path / ".essaylint.toml").write_text(
        '[per-file-ignores]\n"drafts/*.md" = ["T"]\n"notes*.md" = ["C104", "R2"]\n',
        encoding="utf-8",
    )
    draft = _essay(tmp_path / "drafts", "one.md")
    notes = _essay(tmp_path / "deep" / "er", "notes-week1.md")
    final = _essay(tmp_path, "final.md")
    assert load_settings(draft).rule_selectors(str(draft)) == ((), ("T",))
    assert load_settings(notes).rule_selectors(str(notes)) == ((), ("C104", "R2"))
    assert load_settings(final).rule_selectors(str(final)) == ((), ())


def test_verify_table_maps_onto_settings(tmp_path: Path) -> None:
    (tmp_path / ".essaylint.toml").write_text(
        '[verify]\nverify = true\nmailto = "me@example.org"\n'
        'crossref-url = "http://127.0.0.1:9"\ncache = false\n',
        encoding="utf-8",
    )
    s = load_settings(_essay(tmp_path)).model_dump()
    for field, value in (
        ("verify", True),
        ("mailto", "me@example.org"),
        ("crossref_url", "http://127.0.0.1:9"),
        ("cache", False),
    ):
        if field in Settings.model_fields:
            assert s[field] == value


def test_rule_options_are_kept_per_rule_name(tmp_path: Path) -> None:
    (tmp_path / ".essaylint.toml").write_text(
        '[rules.spelling]\ncheck-titles = false\n[rules.C104]\nallowed-authors = ["OECD"]\n',
        encoding="utf-8",
    )
    s = load_settings(_essay(tmp_path))
    assert s.rule_options == {
        "spelling": {"check-titles": False},
        "uncited-reference": {"allowed-authors": ["OECD"]},
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('fail_on = "error"\n', "unknown key 'fail_on' (did you mean 'fail-on'?)"),
        ('colour = "red"\n', "unknown key 'colour'"),
        (
            'style = "turabian"\n',
            "key 'style': expected 'auto', 'apa', 'harvard', 'numeric', 'mla' or 'chicago'",
        ),
        ('fail-on = "fatal"\n', "key 'fail-on': expected 'error', 'warning' or 'info'"),
        ("select = 3\n", "key 'select': expected a list of strings"),
        ('select = ["Q9"]\n', "key 'select': unknown rule 'Q9'"),
        ('ignore = [{rule = "C104", because = "x"}]\n', "unknown key 'because'"),
        ('[per-file-ignores]\n"*.md" = ["nope"]\n', "key 'per-file-ignores.*.md'"),
        ("[rules.no-such-rule]\nx = 1\n", "key 'rules.no-such-rule': no rule called"),
        (
            "[rules.spelling]\ncheck_titles = false\n",
            "key 'rules.spelling.check_titles': spelling has no option 'check_titles' "
            "(its options: 'check-titles')",
        ),
        (
            "[rules.year-mismatch]\nstrict = true\n",
            "key 'rules.year-mismatch.strict': year-mismatch has no option 'strict' "
            "(its options: none)",
        ),
        (
            '[rules.spelling]\ncheck-titles = "sometimes"\n',
            "key 'rules.spelling.check-titles': input should be a valid boolean",
        ),
        ("[rules]\nspelling = 3\n", "key 'rules.spelling': expected a table of options"),
        ("[verify]\nretries = 3\n", "key 'verify': unknown key 'retries'"),
        ("dialect = [\n", "not valid TOML"),
        ('harper-rules = "some"\n', "key 'harper-rules': expected 'essay' or 'all'"),
        ("select = " + "[" * 5000 + '"C"' + "]" * 5000 + "\n", "nested too deep"),
    ],
)
def test_bad_config_is_one_clear_line(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / ".essaylint.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_settings(_essay(tmp_path))
    shown = str(info.value)
    assert shown.startswith(str(config) + ": ")
    assert message in shown
    assert "\n" not in shown


def test_parse_config_is_pure_and_reports_keys() -> None:
    fields, keys = parse_config({"fail-on": "info", "extend-select": ["S"]}, "x.toml")
    assert fields == {"fail_on": "info", "extend_select": ("S",)}
    assert keys["fail_on"] == "fail-on"


def test_settings_stay_frozen(tmp_path: Path) -> None:
    s = load_settings(_essay(tmp_path))
    with pytest.raises(ValueError, match="frozen"):
        s.style = "apa"  # type: ignore[misc]
