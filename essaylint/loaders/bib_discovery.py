"""A pandoc essay's (or LaTeX project's) bibliography when nothing in its project names it.

Pandoc takes the bibliography from the front matter, a defaults or project
file (:mod:`essaylint.loaders.pandoc`), or the command line alone: a build
script or Makefile runs ``pandoc chapter-2.md --bibliography=refs.bib``. When
no file names one, the essay's ``@key`` citations still say which database is
meant: the ``.bib`` or CSL JSON file beside the essay (or up to two folders
above it, or named with ``--bibliography`` in a build file there) that holds
most of the cited keys. It is taken only when it holds at least half of them;
otherwise none is guessed, and the citations are reported as they stand.
"""

from __future__ import annotations

import dataclasses
import functools
import os
from dataclasses import dataclass
from pathlib import Path

from essaylint.analysis.patterns import BIB_ENTRY_HEAD
from essaylint.lazy_pattern import compile_lazily

_PARENT_LEVELS = 2
_DATABASE_SUFFIXES = (".bib", ".bibtex", ".json")
_BUILD_NAMES = frozenset({"Makefile", "makefile", "GNUmakefile", "justfile", "Justfile"})
_BUILD_SUFFIXES = (".sh", ".bash", ".zsh", ".bat", ".cmd", ".ps1", ".mk")
_MOST_BYTES = 20_000_000  # larger files are not read for their keys
_MOST_BUILD_BYTES = 200_000
# "--bibliography=refs.bib", "--bibliography refs.bib", quoted or not; not "$(BIB)".
_BIBLIOGRAPHY_OPTION = compile_lazily(
    r"--bibliography(?:=|\s+)(?:\"(?P<dq>[^\"$]+)\"|'(?P<sq>[^'$]+)'|(?P<bare>[^\s\"'$;|&()\\]+))"
)
# A CSL JSON item's id ('"id": "smith2019"').
_CSL_ID = compile_lazily(r'"id"\s*:\s*"([^"]+)"')


@dataclass(frozen=True)
class FoundBibliography:
    """The database the essay's keys point to, and how it was found (for a note)."""

    path: Path
    keys_found: int
    keys_cited: int
    #: The build file that passes it with ``--bibliography``, if one does.
    build_file: Path | None


def unnamed_bibliography(doc_path: Path, cited: frozenset[str]) -> FoundBibliography | None:
    """The database holding most of ``cited`` near ``doc_path``, if it holds half or more."""
    if not cited:
        return None
    best: FoundBibliography | None = None
    for candidate, build_file in _candidates(doc_path.absolute().parent):
        found = len(cited & _keys_of(candidate))
        if found * 2 < len(cited) or (best is not None and found <= best.keys_found):
            continue
        best = FoundBibliography(candidate, found, len(cited), build_file)
    if best is None:
        return None
    # Shown the way the essay's path was given: "book/refs.bib", not an absolute path.
    shown = os.path.normpath(
        doc_path.parent / os.path.relpath(best.path, doc_path.absolute().parent)
    )
    return dataclasses.replace(best, path=Path(shown))


@functools.lru_cache(maxsize=256)
def _candidates(folder: Path) -> tuple[tuple[Path, Path | None], ...]:
    """Databases named by build files first, then those lying in the folders (once per run)."""
    named: list[tuple[Path, Path | None]] = []
    lying: list[tuple[Path, Path | None]] = []
    for level in _folders_up(folder):
        try:
            entries = sorted(p for p in level.iterdir() if p.is_file())
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.name in _BUILD_NAMES or entry.suffix.lower() in _BUILD_SUFFIXES:
                named += [(path, entry) for path in _passed_by(entry, folder)]
            elif entry.suffix.lower() in _DATABASE_SUFFIXES:
                lying.append((entry, None))
    seen: set[Path] = set()
    unique: list[tuple[Path, Path | None]] = []
    for path, build_file in [*named, *lying]:
        if path.resolve() not in seen:
            seen.add(path.resolve())
            unique.append((path, build_file))
    return tuple(unique)


def _folders_up(folder: Path) -> list[Path]:
    levels = [folder]
    for _ in range(_PARENT_LEVELS):
        if folder.parent == folder:
            break
        folder = folder.parent
        levels.append(folder)
    return levels


def _passed_by(build_file: Path, doc_folder: Path) -> list[Path]:
    """The databases a build file passes with ``--bibliography``, resolved where it runs."""
    text = _read_small(build_file, _MOST_BUILD_BYTES)
    found: list[Path] = []
    for m in _BIBLIOGRAPHY_OPTION.finditer(text or ""):
        name = Path(m.group("dq") or m.group("sq") or m.group("bare"))
        for base in (build_file.parent, doc_folder):
            path = name if name.is_absolute() else base / name
            if path.suffix.lower() in _DATABASE_SUFFIXES and path.is_file():
                found.append(path)
                break
    return found


@functools.lru_cache(maxsize=64)
def _keys_of(path: Path) -> frozenset[str]:
    """The entry keys of a .bib or CSL JSON file (read once per run; none if unreadable)."""
    text = _read_small(path, _MOST_BYTES)
    if text is None:
        return frozenset()
    if path.suffix.lower() == ".json":
        return frozenset(_CSL_ID.findall(text))
    return frozenset(m.group("key") for m in BIB_ENTRY_HEAD.finditer(text))


def _read_small(path: Path, most_bytes: int) -> str | None:
    try:
        if path.stat().st_size > most_bytes:
            return None
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def forget_read_files() -> None:
    """Look at the folders and databases again from now on (they may have changed)."""
    _candidates.cache_clear()
    _keys_of.cache_clear()
