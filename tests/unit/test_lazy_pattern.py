"""Lazily compiled patterns behave like compiled ones, and the package uses them at module level."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import essaylint
from essaylint.lazy_pattern import LazyPattern, compile_lazily

PACKAGE = Path(essaylint.__file__).parent

SOURCE = r"(?P<name>[A-Z][a-z]+),?\s+(?P<year>\d{4})"
TEXT = "As Smith 2019 and Jones, 2020 argue; Lee 1999."


def test_pattern_text_is_available_without_compiling() -> None:
    lazy = compile_lazily(SOURCE)
    assert lazy.pattern == SOURCE
    assert lazy._compiled is None
    spliced = re.compile(rf"\({lazy.pattern}\)")  # how modules build bigger patterns
    assert spliced.search("(Smith 2019)")


def test_compiles_once_on_first_use() -> None:
    lazy = compile_lazily(SOURCE, re.IGNORECASE)
    first = lazy.compiled
    assert lazy.search(TEXT) is not None
    assert lazy.compiled is first
    assert first.flags & re.IGNORECASE


@pytest.mark.parametrize(("pos", "endpos"), [(0, len(TEXT)), (5, 30), (14, 20)])
def test_matching_methods_agree_with_re(pos: int, endpos: int) -> None:
    lazy, real = compile_lazily(SOURCE), re.compile(SOURCE)

    def spans(m: re.Match[str] | None) -> tuple[int, int] | None:
        return m.span() if m else None

    assert spans(lazy.search(TEXT, pos, endpos)) == spans(real.search(TEXT, pos, endpos))
    assert spans(lazy.match(TEXT, pos, endpos)) == spans(real.match(TEXT, pos, endpos))
    assert spans(lazy.fullmatch(TEXT, pos, endpos)) == spans(real.fullmatch(TEXT, pos, endpos))
    assert [m.span() for m in lazy.finditer(TEXT, pos, endpos)] == [
        m.span() for m in real.finditer(TEXT, pos, endpos)
    ]
    assert lazy.findall(TEXT, pos, endpos) == real.findall(TEXT, pos, endpos)


def test_rewriting_methods_agree_with_re() -> None:
    lazy, real = compile_lazily(SOURCE), re.compile(SOURCE)
    assert lazy.sub(r"\g<year>", TEXT) == real.sub(r"\g<year>", TEXT)
    assert (
        lazy.sub(lambda m: m["name"].upper(), TEXT, 1)
        == "As SMITH and Jones, 2020 argue; Lee 1999."
    )
    assert lazy.subn("X", TEXT) == real.subn("X", TEXT)
    assert lazy.split(TEXT, 1) == real.split(TEXT, 1)
    assert lazy.groupindex == real.groupindex


def test_a_bad_pattern_fails_when_first_used() -> None:
    lazy = compile_lazily(r"(unclosed")
    with pytest.raises(re.error):
        lazy.search("anything")


def module_level_str_compiles(source: str) -> list[int]:
    """Lines where ``source`` calls ``re.compile`` on text outside any function."""
    found: list[int] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            in_function = True
        if (
            not in_function
            and isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "compile"
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and not (
                isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, bytes)
            )
        ):
            found.append(node.lineno)
        for child in ast.iter_child_nodes(node):
            visit(child, in_function)

    visit(ast.parse(source), False)
    return found


def test_the_scan_finds_module_level_compiles_only() -> None:
    source = (
        "import re\n"
        "A = re.compile(r'a')\n"
        "B = (re.compile('b'), 1)\n"
        "C = re.compile(rb'c')\n"
        "def f():\n"
        "    return re.compile('d')\n"
        "class K:\n"
        "    E = re.compile('e')\n"
    )
    assert module_level_str_compiles(source) == [2, 3, 8]


def test_every_module_level_pattern_of_the_package_is_lazy() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line in module_level_str_compiles(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "use compile_lazily for module-level patterns: " + ", ".join(offenders)


def test_lazy_patterns_are_what_the_modules_hold() -> None:
    from essaylint.analysis import patterns

    held = [v for v in vars(patterns).values() if isinstance(v, LazyPattern | re.Pattern)]
    assert held
    assert all(isinstance(v, LazyPattern) for v in held)
