"""A folder given to ``essaylint check``: the essays in it.

Every file below the folder whose suffix essaylint reads, in sorted order;
hidden files and folders (``.git``, ``.venv``), dependency and build folders,
and a project's own documents (README, CHANGELOG, LICENSE, CONTRIBUTING, ...)
are left out. A config's ``exclude`` globs are applied by the caller, which
knows each file's config.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from essaylint.lazy_pattern import compile_lazily
from essaylint.loaders import SUFFIXES

_SKIPPED_DIRS = frozenset(
    {"node_modules", "__pycache__", "venv", "site-packages", "_build", "build", "dist"}
)
#: Files a writing project keeps beside its essays that are no essays.
NOT_ESSAYS = compile_lazily(
    r"^(?:readme|changelog|changes|history|license|licence|copying|contributing|"
    r"code_of_conduct|security|authors|notice)(?:[._-].*)?$",
    re.IGNORECASE,
)


def essays_in(folder: Path) -> list[Path]:
    """The essay files below ``folder`` (see the module docstring), sorted."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and d not in _SKIPPED_DIRS and not d.endswith(".egg-info")
        )
        for name in sorted(files):
            if name.startswith((".", "~$")) or NOT_ESSAYS.match(name):
                continue
            if Path(name).suffix.lower() in SUFFIXES:
                found.append(Path(root) / name)
    return found
