"""Pandoc Markdown: the bibliography named in the YAML front matter.

A pandoc essay names its bibliography at the top::

    ---
    bibliography: [refs.bib, more.json]
    nocite: |
      @smith2019, @jones2020
    ---

``bibliography`` (one file or a list) is resolved beside the essay; ``.bib``
files are read with pybtex, ``.json`` files as CSL JSON (see
:mod:`essaylint.loaders.csljson`). The front matter is read with PyYAML; a
block that is not valid YAML names no bibliography.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

_FRONT_MATTER = re.compile(
    r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
_NOCITE_KEY = re.compile(r"@(\*|[\w][\w:.#$%&+?<>~/-]*)")


def front_matter(text: str) -> dict[str, Any]:
    """The YAML front matter of a Markdown text as a mapping (empty when there is none)."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}
    import yaml

    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def pandoc_bib_paths(doc_path: Path, text: str) -> list[Path]:
    """The bibliography files named in the front matter, resolved beside ``doc_path``."""
    value = front_matter(text).get("bibliography")
    names = value if isinstance(value, list) else [value] if value else []
    base = Path(doc_path).parent
    found: list[Path] = []
    for name in names:
        if not isinstance(name, str) or not name.strip():
            continue
        candidate = Path(name.strip())
        resolved = candidate if candidate.is_absolute() else base / candidate
        if resolved not in found:
            found.append(resolved)
    return found


def pandoc_nocite_keys(text: str) -> frozenset[str]:
    """Keys the front matter's ``nocite`` puts in the bibliography ("*" for all)."""
    value = front_matter(text).get("nocite")
    if isinstance(value, list):
        value = " ".join(str(v) for v in value)
    return frozenset(_NOCITE_KEY.findall(value)) if isinstance(value, str) else frozenset()
