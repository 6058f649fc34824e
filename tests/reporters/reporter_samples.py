"""A small fixed essay shared by the reporter tests (and their snapshots)."""

from __future__ import annotations

import os
from pathlib import Path

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE_SNAPSHOTS = os.environ.get("ESSAYLINT_UPDATE_SNAPSHOTS") == "1"

SMALL_REFS = (
    "\n\n## References\n\n"
    "Yarrow, E. (2018). *Lanterns and ledgers*. Eastgate Press.\n\n"
    "Brennan, S. (2016). *After six: The evening economy of small towns*. Northgate Books.\n"
)
# C102 (error) Brennan, C101 (error) Quillfeather, C101 (error) Ötztaler across a
# line break, C104 (warning) Yarrow. The path has a space, a colon and a comma.
SMALL_ESSAY = (
    "Markets grew, as Brennan (2019) says (Quillfeather, 2017).\n"
    "Growth was 50% by one account (Ötztaler,\n2014).\n"
) + SMALL_REFS
SMALL_PATH = "essays/week 1: draft, v2.md"


def assert_snapshot(name: str, text: str) -> None:
    """Compare with snapshots/<name>; ESSAYLINT_UPDATE_SNAPSHOTS=1 rewrites it."""
    path = SNAPSHOTS / name
    if UPDATE_SNAPSHOTS:
        path.write_text(text, encoding="utf-8", newline="")
    assert path.is_file(), f"no snapshot {path}: run with ESSAYLINT_UPDATE_SNAPSHOTS=1"
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} changed: check the difference, then rerun with ESSAYLINT_UPDATE_SNAPSHOTS=1"
    )
