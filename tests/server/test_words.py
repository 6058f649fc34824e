""" "Add to dictionary" edits a config file's words list and keeps everything else."""

from __future__ import annotations

import sys

import pytest

from essaylint.server.words import add_word

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def _words(text: str, pyproject: bool) -> list[str]:
    data = tomllib.loads(text)
    table = data["tool"]["essaylint"] if pyproject else data
    return list(table["words"])


def test_appends_to_an_existing_list_keeping_comments() -> None:
    text = '# mine\nselect = ["C"]\nwords = ["Okafor", "Marwick"]  # names\n\n[rules.x]\n'
    new = add_word(text, "Lindqvist", pyproject=False)
    assert new is not None
    assert new.startswith("# mine\n")
    assert "# names" in new
    assert _words(new, False) == ["Okafor", "Marwick", "Lindqvist"]


def test_multi_line_list_with_trailing_comma() -> None:
    text = 'words = [\n  "Okafor",  # a name\n  "Feld",\n]\n'
    new = add_word(text, "Haddad", pyproject=False)
    assert new is not None
    assert _words(new, False) == ["Okafor", "Feld", "Haddad"]


def test_empty_list_and_missing_key() -> None:
    assert _words(add_word("words = []\n", "Tanaka", pyproject=False) or "", False) == ["Tanaka"]
    new = add_word(
        'style = "apa"\n\n[per-file-ignores]\n"a.md" = ["C104"]\n', "Tanaka", pyproject=False
    )
    assert new is not None
    assert _words(new, False) == ["Tanaka"]
    assert tomllib.loads(new)["per-file-ignores"] == {"a.md": ["C104"]}


def test_pyproject_table_is_found_among_others() -> None:
    text = (
        '[project]\nname = "thesis"\nwords = ["not ours"]\n\n'
        '[tool.essaylint]\nselect = ["C", "R"]\n\n[tool.ruff]\nline-length = 90\n'
    )
    new = add_word(text, "Baptiste", pyproject=True)
    assert new is not None
    assert _words(new, True) == ["Baptiste"]
    assert tomllib.loads(new)["project"]["words"] == ["not ours"]
    assert tomllib.loads(new)["tool"]["ruff"] == {"line-length": 90}


def test_pyproject_without_a_table_gets_one() -> None:
    new = add_word('[project]\nname = "x"\n', "Moreau", pyproject=True)
    assert new is not None
    assert _words(new, True) == ["Moreau"]


@pytest.mark.parametrize("word", ['Quote"d', "back\\slash", "naïve"])
def test_words_are_quoted_for_toml(word: str) -> None:
    new = add_word("", word, pyproject=False)
    assert new is not None
    assert _words(new, False) == [word]


def test_a_word_already_there_changes_nothing_and_broken_files_are_left_alone() -> None:
    text = 'words = ["Feld"]\n'
    assert add_word(text, "Feld", pyproject=False) == text
    assert add_word("words = [\n", "Feld", pyproject=False) is None
    assert add_word('words = "Feld"\n', "Okafor", pyproject=False) is None
