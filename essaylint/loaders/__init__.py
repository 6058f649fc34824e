"""Loaders: the I/O edge that turns a file into a :class:`~essaylint.models.Document`.

``load_path`` reads a file (read-only; the file is never changed), chooses a
loader by suffix and returns a Document, or raises :class:`LoadError` whose
message is one human-readable line. Nothing else is ever raised for a bad
input file.

Formats:

- ``.txt``, ``.text`` and unknown suffixes: plain text (format ``"text"``).
- ``.md``, ``.markdown``, and R Markdown and Quarto sources (``.Rmd``, ``.qmd``):
  the text as written, raw HTML layout tags blanked (format ``"markdown"``); see
  :mod:`essaylint.loaders.markdown`.
- ``.docx``: one block per paragraph, a blank line between blocks (format
  ``"docx"``); a finding's line is the paragraph number. Headings, styles,
  hanging indents, list numbers and table cells are kept in ``Document.blocks``
  (see :mod:`essaylint.loaders.paragraphs`, the one place blocks become text).
- ``.odt``: OpenDocument text, one block per paragraph as for .docx (format
  ``"odt"``); see :mod:`essaylint.loaders.odt`.
- ``.tex``: LaTeX source with comments blanked (format ``"latex"``); see
  :mod:`essaylint.loaders.latex`.
- ``.html``, ``.htm``: the visible text, one block per block element with a
  blank line between blocks (format ``"html"``), lines mapped back to the HTML
  source lines.
- ``.pdf``: the text layer (pypdf), page headers and footers dropped, lines
  reflowed into paragraphs (format ``"pdf"``); see :mod:`essaylint.loaders.pdf`.

Suppression directives survive loading in every format: ``<!-- essaylint: ... -->``
in Markdown and HTML, ``% essaylint: ...`` in LaTeX.

Heavy libraries (python-docx, odfpy, BeautifulSoup, pybtex, charset-normalizer) are
imported only when a file needs them, so checking a .txt file starts fast.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from essaylint.loaders.errors import LoadError, cannot_read
from essaylint.models import Document

__all__ = ["DEFAULT_MAX_BYTES", "SUFFIXES", "LoadError", "load_bytes", "load_path"]

#: Just above 20 MiB, so a 20 MB essay still loads.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024 + 1

TEXT_SUFFIXES = frozenset({".txt", ".text"})
#: Markdown, and the pandoc Markdown of R Markdown and Quarto (suffixes in lower case).
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".rmd", ".rmarkdown", ".qmd"})
DOCX_SUFFIXES = frozenset({".docx"})
ODT_SUFFIXES = frozenset({".odt"})
LATEX_SUFFIXES = frozenset({".tex"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
PDF_SUFFIXES = frozenset({".pdf"})
#: Suffixes with a dedicated loader (anything else is tried as plain text).
SUFFIXES = (TEXT_SUFFIXES | MARKDOWN_SUFFIXES | DOCX_SUFFIXES | LATEX_SUFFIXES | HTML_SUFFIXES) | (
    PDF_SUFFIXES | ODT_SUFFIXES
)

_UNSUPPORTED: dict[str, str] = {
    ".doc": "old binary Word .doc files are not supported; save the essay as .docx",
    ".pages": "Apple Pages files are not supported; export the essay as .docx",
    ".rtf": "RTF files are not supported; save the essay as .docx or .txt",
}

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PDF_MAGIC = b"%PDF-"


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n} bytes"


def read_bytes(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of ``path``, opened read-only, or a :class:`LoadError`.

    Missing files, directories, unreadable files, empty files and files larger
    than ``max_bytes`` are errors.
    """
    shown = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise cannot_read(shown, "no such file") from None
    except PermissionError:
        raise cannot_read(shown, "permission denied") from None
    except OSError as error:
        raise cannot_read(shown, error.strerror or str(error)) from None
    if stat.S_ISDIR(info.st_mode):
        raise cannot_read(shown, "is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise cannot_read(shown, "is not a regular file")
    if info.st_size > max_bytes:
        raise cannot_read(
            shown,
            f"the file is too large ({_size(info.st_size)}; the limit is {_size(max_bytes)})",
        )
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise cannot_read(shown, "permission denied") from None
    except IsADirectoryError:
        raise cannot_read(shown, "is a directory, not a file") from None
    except OSError as error:
        raise cannot_read(shown, error.strerror or str(error)) from None
    if len(data) > max_bytes:  # grew while we looked at it
        raise cannot_read(shown, f"the file is too large (over the limit of {_size(max_bytes)})")
    if not data.strip():
        raise cannot_read(shown, "is empty" if not data else "is empty (only whitespace)")
    return data


def load_path(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Load an essay file into a Document (see the module docstring for formats).

    Raises :class:`LoadError` (and nothing else) for any file that cannot be read.
    """
    data = read_bytes(path, max_bytes=max_bytes)
    return load_bytes(data, str(path))


def load_bytes(data: bytes, path: str) -> Document:
    """Turn a file's bytes into a Document; ``path`` chooses the format and names the file."""
    suffix = Path(path).suffix.lower()
    if not data.strip():
        raise cannot_read(path, "is empty")
    try:
        return _dispatch(data, path, suffix)
    except LoadError:
        raise
    except RecursionError:
        raise cannot_read(path, "the document is nested too deeply to read") from None
    except MemoryError:
        raise cannot_read(path, "not enough memory to read the file") from None


def _dispatch(data: bytes, path: str, suffix: str) -> Document:
    if suffix in DOCX_SUFFIXES:
        from essaylint.loaders.word import load_docx

        return load_docx(data, path)
    if suffix in ODT_SUFFIXES:
        from essaylint.loaders.odt import load_odt

        return load_odt(data, path)

    if data.startswith(_ZIP_MAGIC) and suffix not in DOCX_SUFFIXES:
        from essaylint.loaders.word import is_docx_zip, load_docx

        if is_docx_zip(data):
            doc = load_docx(data, path)
            note = f"{Path(path).name} is a Word .docx file despite its name; read as .docx"
            return doc.model_copy(update={"notes": (note, *doc.notes)})
        raise cannot_read(path, "is a zip archive, not a text file")
    if data.startswith(_OLE_MAGIC):
        raise cannot_read(path, "is an old binary Microsoft Office file (.doc?); save it as .docx")
    if data.startswith(_PDF_MAGIC) or suffix in PDF_SUFFIXES:
        from essaylint.loaders.pdf import load_pdf

        return load_pdf(data, path)
    if suffix in _UNSUPPORTED:
        raise cannot_read(path, _UNSUPPORTED[suffix])

    if suffix in LATEX_SUFFIXES:
        from essaylint.loaders.latex import load_latex

        return load_latex(data, path)
    if suffix in HTML_SUFFIXES:
        from essaylint.loaders.htmldoc import load_html

        return load_html(data, path)

    from essaylint.loaders.text import decode_bytes

    decoded = decode_bytes(data, path)
    fmt = "markdown" if suffix in MARKDOWN_SUFFIXES else "text"
    if fmt == "markdown":
        from essaylint.loaders.markdown import read_markdown

        return read_markdown(
            decoded.text, path=path, encoding=decoded.encoding, notes=decoded.notes
        )
    return Document.from_text(
        decoded.text,
        path=path,
        format=fmt,
        encoding=decoded.encoding,
        notes=decoded.notes,
    )
