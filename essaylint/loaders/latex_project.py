"""A LaTeX thesis of several files: the root, the chapters it includes, one bibliography.

A chapter (``\\include{chapters/intro}``, ``\\input``, ``\\subfile``) names no
bibliography of its own: the root file (the one with ``\\documentclass`` that
includes it, found in the chapter's folder or the two above it) does. So a
chapter is checked against the root's bibliography, and the keys cited in the
other files of the project count as cited: an entry is uncited only when no
file of the project cites it, and only the root reports it, once. A project
whose root names its database through a macro of its class or package
(mla13's ``\\sources{refs.bib}``) is checked against the .bib its keys point to
(:mod:`essaylint.loaders.bib_discovery`).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from essaylint.analysis.latex_macros import CiteMacro, cite_macros, macro_uses
from essaylint.analysis.patterns import LATEX_CITE
from essaylint.lazy_pattern import compile_lazily
from essaylint.loaders.latex import blank_latex_comments, latex_bib_paths

if TYPE_CHECKING:
    from essaylint.loaders.bib_discovery import FoundBibliography

_INCLUDE = compile_lazily(r"\\(?:include|input|subfile|subfileinclude)\s*\{([^}]+)\}")
_DOCUMENTCLASS = compile_lazily(r"\\documentclass\b")
_DOCUMENT_START = compile_lazily(r"\\begin\s*\{document\}")
_MAX_FILES = 200
_PARENT_LEVELS = 2


@dataclass(frozen=True)
class LatexProject:
    """Where one file stands in its project."""

    root: Path
    bib_files: tuple[Path, ...]
    #: Keys cited in the project's other files.
    cited_elsewhere: frozenset[str]
    is_root: bool
    #: The database the project's keys point to when no file names one (a class or
    #: package macro such as mla13's ``\\sources{refs.bib}`` does), or None.
    found: FoundBibliography | None = None
    #: The citation commands the project's files define (``\\newcommand{\\site}[2]{\\citep...}``).
    cite_macros: tuple[CiteMacro, ...] = ()


@functools.lru_cache(maxsize=512)
def _read(path: Path) -> str | None:
    """A project file's text with comments blanked (read once per run), or None."""
    try:
        return blank_latex_comments(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return None


def _included(root: Path, text: str) -> list[Path]:
    """The files a LaTeX text includes, resolved against the root's folder (.tex added)."""
    found = []
    for match in _INCLUDE.finditer(text):
        for name in match.group(1).split(","):
            name = name.strip()
            if name:
                candidate = root.parent / (name if name.endswith(".tex") else f"{name}.tex")
                found.append(candidate)
    return found


def project_files(root: Path, text: str) -> list[tuple[Path, str]]:
    """The root and every file it includes, directly or not, with their texts."""
    files: list[tuple[Path, str]] = [(root, text)]
    seen = {root.resolve()}
    queue = _included(root, text)
    while queue and len(files) < _MAX_FILES:
        path = queue.pop(0)
        resolved = path.resolve()
        if resolved in seen:
            continue
        seen.add(resolved)
        content = _read(path)
        if content is None:
            continue
        files.append((path, content))
        queue += _included(root, content)
    return files


def _root_of(path: Path) -> tuple[Path, str] | None:
    """The root file that includes ``path``: a .tex with \\documentclass or
    \\begin{document} in its folder or above."""
    target = path.resolve()
    folder = path.absolute().parent
    for _ in range(_PARENT_LEVELS + 1):
        for candidate in sorted(folder.glob("*.tex")):
            if candidate.resolve() == target:
                continue
            text = _read(candidate)
            if (
                text
                and _opens_a_document(text)
                and any(p.resolve() == target for p, _ in project_files(candidate, text)[1:])
            ):
                return candidate, text
        if folder.parent == folder:
            break
        folder = folder.parent
    return None


def cite_keys(text: str, macros: Sequence[CiteMacro] = ()) -> frozenset[str]:
    """Every key of every cite command (\\cite, \\parencite, \\citet, \\nocite, ...
    and the project's own citation commands, ``macros``)."""
    keys = {
        key.strip()
        for m in LATEX_CITE.finditer(text)
        for key in m.group("keys").split(",")
        if key.strip() and "#" not in key
    }
    keys.update(key for _, key, _ in macro_uses(text, macros))
    return frozenset(keys)


def _opens_a_document(text: str) -> bool:
    """A root: it has the preamble's \\documentclass or the body's \\begin{document} (the
    preamble may sit in an included file: "\\include{header}" then "\\begin{document}")."""
    return bool(_DOCUMENTCLASS.search(text) or _DOCUMENT_START.search(text))


@functools.lru_cache(maxsize=64)
def latex_project(path: Path, text: str) -> LatexProject:
    """The project of a .tex file (its text with comments blanked).

    A file with ``\\begin{document}`` is a root; a file another root includes is a
    chapter (also a header with the preamble's ``\\documentclass`` and ``\\bibliography``);
    any other file with a ``\\documentclass`` or a bibliography is a root of its own, and
    so is a chapter no root includes.
    """
    found = None if _DOCUMENT_START.search(text) else _root_of(path)
    if found is not None:
        root, root_text = found
        is_root = False
    elif _DOCUMENTCLASS.search(text) or _DOCUMENT_START.search(text) or latex_bib_paths(path, text):
        root, root_text, is_root = path, text, True
    else:
        # A chapter no root includes, checked alone: its keys may still name the database
        # beside it, as a root's would.
        macros = cite_macros([text])
        alone = _database_holding(path, cite_keys(text, macros))
        bibs = (alone.path,) if alone is not None else ()
        return LatexProject(path, bibs, frozenset(), True, alone, cite_macros=macros)
    files = project_files(root, root_text)
    macros = cite_macros(content for _, content in files)
    target = path.resolve()
    elsewhere = frozenset().union(
        *(cite_keys(content, macros) for p, content in files if p.resolve() != target)
    )
    # Named anywhere in the project (a header file's \bibliography), found from the root's folder.
    bib_files = tuple(
        dict.fromkeys(p for _, content in files for p in latex_bib_paths(root, content))
    )
    discovered = None
    if not bib_files:
        discovered = _database_holding(root, elsewhere | cite_keys(text, macros))
        bib_files = (discovered.path,) if discovered is not None else ()
    return LatexProject(root, bib_files, elsewhere, is_root, discovered, macros)


def _database_holding(path: Path, keys: frozenset[str]) -> FoundBibliography | None:
    """The database beside ``path`` (or above it) that holds most of the cited ``keys``
    when no file names one (:mod:`essaylint.loaders.bib_discovery`), or None."""
    from essaylint.loaders.bib_discovery import unnamed_bibliography

    return unnamed_bibliography(path, keys - {"*"})


def included_files(path: Path) -> list[Path]:
    """The files a root .tex includes, directly or not, that exist (none for a chapter).

    ``essaylint check thesis.tex`` checks the thesis: the root and its chapters.
    """
    text = _read(path)
    if text is None or not _opens_a_document(text):
        return []
    return [p for p, _ in project_files(path, text)[1:]]


def forget_read_files() -> None:
    """Read the project's files again from now on (a long-lived process saw them change)."""
    _read.cache_clear()
    latex_project.cache_clear()
