"""Turning bytes into text: UTF-8 first, then a detected encoding, then a fallback.

The decoded text is otherwise kept exactly as it is in the file: CRLF line
endings stay (so a line and column found in the text is the line and column
in the file), and non-breaking spaces, curly quotes, dashes and soft hyphens
are not normalised.
"""

from __future__ import annotations

import codecs
from typing import NamedTuple

from essaylint.lazy_pattern import compile_lazily
from essaylint.loaders.errors import cannot_read

# How much of a file the "is this text at all?" check looks at.
_SAMPLE_CHARS = 65_536
# More than this share of control characters in the sample: not text.
_MAX_CONTROL_SHARE = 0.05
# Control characters that do not occur in text (tab, LF, VT, FF, CR and the DOS
# end-of-file mark Ctrl-Z are allowed).
_CONTROL = compile_lazily(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class Decoded(NamedTuple):
    """Decoded text, the encoding used (a readable name) and notes for the user."""

    text: str
    encoding: str
    notes: tuple[str, ...]


def friendly_encoding(name: str) -> str:
    """A readable name for a codec: ``cp1252`` -> ``windows-1252``, ``iso8859-1`` -> ``latin-1``."""
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        return name
    if canonical in {"iso8859-1", "latin-1", "latin_1"}:
        return "latin-1"
    if canonical.startswith("cp125"):
        return "windows-" + canonical[2:]
    if canonical.startswith("iso8859-"):
        return "ISO-8859-" + canonical[len("iso8859-") :]
    return canonical


def _utf16_without_bom(data: bytes) -> str | None:
    """The codec name when ``data`` looks like BOM-less UTF-16 (NULs in one byte lane)."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd > 0.3 and even < 0.02:
        return "utf-16-le"
    if even > 0.3 and odd < 0.02:
        return "utf-16-be"
    return None


def looks_binary(text: str) -> bool:
    """True when the start of ``text`` is mostly not text (control characters)."""
    sample = text[:_SAMPLE_CHARS]
    if not sample:
        return False
    if "\x00" in sample:
        return True
    controls = len(_CONTROL.findall(sample))
    return controls > _MAX_CONTROL_SHARE * len(sample)


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


_DETECT_SAMPLE = 256 * 1024


def _detect(data: bytes) -> str | None:
    """Ask charset-normalizer for the most likely encoding (imported lazily).

    Large files are sampled (the start plus the first byte that is not UTF-8)
    so detection stays fast; the caller still decodes the whole file strictly.
    """
    from charset_normalizer import from_bytes

    sample = data
    if len(data) > 2 * _DETECT_SAMPLE:
        try:
            data.decode("utf-8")
            bad = 0
        except UnicodeDecodeError as error:
            bad = error.start
        head = data[:_DETECT_SAMPLE]
        if bad > _DETECT_SAMPLE:
            # Start the second window at a line boundary so no character is cut.
            start = data.rfind(b"\n", 0, bad - 1024) + 1
            head += b"\n" + data[start : start + _DETECT_SAMPLE]
        sample = head
    matches = list(from_bytes(sample))
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        # On short text the detector often ties several Western code pages (and picks
        # e.g. Baltic cp775); windows-1252 is by far the most common, so it wins ties.
        if match.encoding == "cp1252" and match.chaos <= best.chaos + 0.01:
            return "cp1252"
    return str(best.encoding)


def decode_bytes(data: bytes, path: str, *, declared: str | None = None) -> Decoded:
    """Decode a file's bytes.

    Order: a byte-order mark; strict UTF-8; the encoding the file declares
    (``declared``, e.g. an HTML ``<meta charset>``); charset-normalizer's guess;
    windows-1252; latin-1 (which never fails). Whenever the result is not
    UTF-8 a note says so. Binary data raises :class:`LoadError`.
    """
    text: str | None = None
    encoding = "utf-8"
    notes: list[str] = []

    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _try(data, codec)
            if text is None:
                raise cannot_read(
                    path,
                    f"the file starts with a {codec} byte-order mark "
                    "but is not valid text in that encoding",
                )
            encoding = (
                "utf-8"
                if codec == "utf-8-sig"
                else friendly_encoding("utf-16" if codec == "utf-16" else "utf-32")
            )
            if codec != "utf-8-sig":
                notes.append(f"decoded as {encoding} (byte-order mark)")
            break

    if text is None and b"\x00" in data:
        codec16 = _utf16_without_bom(data)
        text = _try(data, codec16) if codec16 else None
        if text is None:
            raise cannot_read(path, "does not look like text (it contains binary data)")
        encoding = codec16 or "utf-16"
        notes.append(f"decoded as {encoding} (no byte-order mark)")

    if text is None:
        text = _try(data, "utf-8")

    if text is None:
        candidates: list[str] = []
        if declared:
            candidates.append(declared)
        detected = _detect(data)
        if detected:
            candidates.append(detected)
        candidates += ["cp1252", "latin-1"]
        for codec in candidates:
            text = _try(data, codec)
            if text is not None:
                encoding = friendly_encoding(codec)
                if codec != "cp1252" and text == _try(data, "cp1252"):
                    # Indistinguishable from windows-1252 (short Western text often
                    # is): name the common encoding, not the detector's tie-break.
                    encoding = "windows-1252"
                notes.append(f"decoded as {encoding} (not valid UTF-8)")
                break
    assert text is not None  # latin-1 decodes any byte string

    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise cannot_read(path, "is empty")
    if looks_binary(text):
        raise cannot_read(path, "does not look like text (it is mostly binary data)")
    return Decoded(text, encoding, tuple(notes))
