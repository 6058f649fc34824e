"""Finding the submissions in a folder exported from a learning platform.

Files are found recursively. When the export puts each student's files in a
folder of their own (Moodle: ``Jane Doe_12345_assignsubmission_file_/essay.docx``,
Canvas and Blackboard do similar things), the first folder under the root
names the student; a file directly in the root is named by its file name.
The student's name and the platform's number for them are read from the
export's naming: Moodle's ``Full Name_12345_assignsubmission_file_`` (a
folder, or the start of a file name) and Canvas's
``lastfirst_12345_67890_name.ext`` (``lastfirst_LATE_12345_…`` when late),
where 12345 is the Moodle participant number or the Canvas user ID.
Hidden files, system folders (``__MACOSX``) and the output folder are skipped.
A file that is a link to somewhere outside the class folder (or a link that
goes round in a loop) is listed, so the teacher sees it, with the reason it is
never read.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from essaylint.lazy_pattern import compile_lazily
from essaylint.loaders import MARKDOWN_SUFFIXES

#: File types graded (a suffix, lower case).
GRADED_SUFFIXES = frozenset({".docx", ".odt", ".pdf", ".txt", ".tex", ".html", ".htm"}) | (
    MARKDOWN_SUFFIXES
)
_SKIP_DIRS = frozenset({"__MACOSX", "__pycache__", "node_modules"})
_PLATFORM_SUFFIX = compile_lazily(r"_\d+_assignsubmission_\w*$|_\d{4,}$", re.I)
_MOODLE = compile_lazily(r"^(?P<name>.+?)_(?P<id>\d+)_assignsubmission_[a-z]+_(?P<rest>.*)$", re.I)
_CANVAS = compile_lazily(
    r"^(?P<name>[a-z][a-z0-9-]*)_(?:late_)?(?P<id>\d+)_\d+_(?P<rest>.+)$", re.I
)
_TRAILING_ID = compile_lazily(r"^(?P<name>.+?)_(?P<id>\d{4,})$")


class Submission(BaseModel):
    """One file to grade: where it is, whose it is, and the page it gets."""

    model_config = ConfigDict(frozen=True)

    path: str  # absolute path of the file
    rel: str  # path relative to the root, with forward slashes: the stable key
    student: str
    page: str  # file name of the student page in the output folder
    student_id: str = ""  # Moodle participant number or Canvas user ID, when the name gives it
    lms: str = ""  # "moodle" | "canvas" | "" (the export layout the name was read from)
    modified: float = 0.0  # the file's modification time (the latest upload is graded)
    unreadable: str | None = None  # why the file is never read (a link out of the folder)


def student_name(rel_parts: tuple[str, ...]) -> str:
    """The student a file belongs to: its top folder, or its file name when at the root."""
    return identify(rel_parts)[0]


def identify(rel_parts: tuple[str, ...]) -> tuple[str, str, str]:
    """(student name, platform ID or "", "moodle" | "canvas" | "") for a file's path parts."""
    top = rel_parts[0]
    if len(rel_parts) == 1:
        top = Path(top).stem if not _MOODLE.match(top) else top
    moodle = _MOODLE.match(top if len(rel_parts) > 1 else rel_parts[0])
    if moodle:
        return moodle["name"].replace("_", " ").strip(), moodle["id"], "moodle"
    if len(rel_parts) == 1:
        canvas = _CANVAS.match(rel_parts[0])
        if canvas:
            return canvas["name"], canvas["id"], "canvas"
        return top, "", ""
    trailing = _TRAILING_ID.match(top)
    if trailing:
        return trailing["name"].replace("_", " ").strip(), trailing["id"], ""
    name = _PLATFORM_SUFFIX.sub("", top)
    return name.replace("_", " ").strip() or top, "", ""


def slug(text: str) -> str:
    """A safe, readable file-name stem (ASCII letters, digits and dashes)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()
    return cleaned[:80] or "submission"


def discover(root: Path, *, exclude: Path | None = None) -> list[Submission]:
    """Every gradable file under ``root``, sorted by relative path, each with a unique page."""
    root = root.resolve()
    excluded = exclude.resolve() if exclude is not None else None
    found: list[tuple[str, str, str | None]] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        here = Path(dirpath)
        dirnames[:] = sorted(
            d
            for d in dirnames
            if not d.startswith(".")
            and d not in _SKIP_DIRS
            and (excluded is None or (here / d).resolve() != excluded)
        )
        for name in sorted(filenames):
            if name.startswith((".", "~$")) or Path(name).suffix.lower() not in GRADED_SUFFIXES:
                continue
            full = here / name
            rel = full.relative_to(root).as_posix()
            try:
                target = full.resolve()
            except (OSError, RuntimeError):  # a symbolic link loop
                found.append((str(full), rel, "it is a link that leads round in a loop"))
                continue
            if not target.is_relative_to(root):
                found.append((str(full), rel, "it is a link to a file outside the class folder"))
            elif target.is_file():
                found.append((str(full), rel, None))
    found.sort(key=lambda item: item[1])
    pages: set[str] = {"index", "summary", "results"}
    out: list[Submission] = []
    for full_path, rel, unreadable in found:
        parts = tuple(rel.split("/"))
        student, student_id, lms = identify(parts)
        base = slug(student if len(parts) == 1 else f"{student}-{Path(parts[-1]).stem}")
        page, n = base, 2
        while page in pages:
            page, n = f"{base}-{n}", n + 1
        pages.add(page)
        modified = 0.0
        if unreadable is None:
            try:
                modified = os.stat(full_path).st_mtime
            except OSError:
                modified = 0.0
        out.append(
            Submission(
                path=full_path,
                rel=rel,
                student=student,
                student_id=student_id,
                lms=lms,
                modified=modified,
                page=f"{page}.html",
                unreadable=unreadable,
            )
        )
    return out
