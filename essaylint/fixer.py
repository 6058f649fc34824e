"""``essaylint check --fix`` / ``--diff``: apply the safe fixes of findings to a file.

The I/O edge for writing. Only formats whose ``Document.text`` has the
offsets of the file itself are fixed: plain text, Markdown and LaTeX (whose
blanked comments keep their length; an edit that would touch a comment is
skipped). A .docx is never changed and HTML is refused, because its text is
extracted from the markup and an offset cannot be mapped back.

A file is re-read, linted, fixed in memory and linted again, up to
:data:`MAX_PASSES` times, until no fix applies (so fixes that overlap, such as
a DOI inside a reference list that is also re-ordered, are all applied and a
second run changes nothing). The bytes are written in the file's own encoding
(and byte-order mark) with its line endings untouched, to a temporary file in
the same folder that then replaces the original (``os.replace``).
"""

from __future__ import annotations

import codecs
import contextlib
import difflib
import os
import stat
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from essaylint.analysis.edits import apply_edits
from essaylint.config import Settings
from essaylint.models import PARAGRAPH_LINE_FORMATS, Edit, Reference
from essaylint.rules.base import Rule

MAX_PASSES = 10
FIXABLE_FORMATS = ("text", "markdown", "latex")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class FixOutcome:
    """What fixing one file did (or would do)."""

    path: str
    fixed: int = 0
    original: str = ""
    text: str = ""
    data: bytes = b""
    original_data: bytes = b""
    error: str | None = None

    @property
    def changed(self) -> bool:
        return self.error is None and self.text != self.original

    def diff(self) -> str:
        """A unified diff of the change ("" when nothing changes)."""
        if not self.changed:
            return ""
        lines = difflib.unified_diff(
            self.original.splitlines(keepends=True),
            self.text.splitlines(keepends=True),
            fromfile=f"a/{self.path}",
            tofile=f"b/{self.path}",
        )
        out = []
        for line in lines:
            out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
        return "".join(out)


def _encoder(data: bytes, encoding: str) -> Callable[[str], bytes] | None:
    """How to turn text back into this file's bytes (same codec and byte-order mark)."""
    prefix, codec = b"", encoding
    for bom, name in _BOMS:
        if data.startswith(bom):
            prefix, codec = bom, name
            break
    try:
        codecs.lookup(codec)
    except LookupError:
        return None

    def encode(text: str) -> bytes:
        return prefix + text.encode(codec)

    return encode


def _encodable(edit: Edit, encode: Callable[[str], bytes]) -> bool:
    try:
        encode(edit.replacement)
    except UnicodeEncodeError:
        return False
    return True


def fix_path(
    path: str | Path,
    settings: Settings | None,
    rules: Sequence[type[Rule]],
    *,
    bib: Sequence[Reference] = (),
) -> FixOutcome:
    """The fixed text of one file, computed in memory; nothing is written."""
    from essaylint.loaders import LoadError, load_bytes, read_bytes
    from essaylint.loaders.text import decode_bytes
    from essaylint.pipeline import lint_document

    shown = str(path)
    try:
        data = read_bytes(path)
        doc = load_bytes(data, shown)
    except LoadError as exc:
        return FixOutcome(shown, error=str(exc))
    if doc.format in PARAGRAPH_LINE_FORMATS:
        return FixOutcome(shown, error=f"{shown}: .{doc.format} files are never changed by --fix")
    if doc.format not in FIXABLE_FORMATS:
        return FixOutcome(
            shown,
            error=f"{shown}: cannot fix {doc.format.upper()} files: essaylint reads the text "
            "out of the markup and cannot map a fix back to the file; fix it by hand",
        )
    original = decode_bytes(data, shown).text
    encode = _encoder(data, doc.encoding)
    if encode is None or len(original) != len(doc.text) or encode(original) != data:
        return FixOutcome(
            shown, error=f"{shown}: cannot write the file back unchanged in {doc.encoding}"
        )
    # Only rules that need no prose engine (no fixable rule needs one).
    fixers = [r for r in rules if "prose" not in r.requires]
    text, fixed = original, 0
    for _ in range(MAX_PASSES):
        result = lint_document(doc, settings, fixers, bib=bib)
        edits = [
            f.fix
            for f in result.findings
            if f.fix is not None
            and doc.text[f.fix.span.start : f.fix.span.end]
            == text[f.fix.span.start : f.fix.span.end]
            and _encodable(f.fix, encode)
        ]
        new_text, applied = apply_edits(text, edits)
        if not applied:
            break
        fixed += len(applied)
        text = new_text
        doc = load_bytes(encode(text), shown)
    return FixOutcome(
        shown, fixed=fixed, original=original, text=text, data=encode(text), original_data=data
    )


def write_atomically(path: str | Path, data: bytes, *, expected: bytes | None = None) -> None:
    """Replace ``path`` by ``data`` through a temporary file in the same folder.

    With ``expected``, refuses (``OSError``) when the file no longer holds
    those bytes (someone changed it meanwhile). The file's permissions are
    kept; a symbolic link is followed, so the link stays a link. A read-only
    file is refused (``OSError``): replacing it would defeat what its owner
    asked for, even where the folder is writable (or the user is root).
    """
    target = os.path.realpath(path)
    mode = stat.S_IMODE(os.stat(target).st_mode)
    if not mode & stat.S_IWUSR:
        raise OSError(f"{path} is read-only; make it writable to let essaylint fix it")
    if expected is not None and Path(target).read_bytes() != expected:
        raise OSError(f"{path} changed while it was being fixed; run essaylint again")
    folder, name = os.path.split(target)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".essaylint-tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
