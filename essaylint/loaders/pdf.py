"""PDF files (pypdf, imported lazily): the text layer, reflowed into paragraphs.

A PDF has no paragraphs, only positioned lines, so the loader rebuilds them:

- page headers and footers (a line that repeats at the top or bottom of most
  pages, page numbers included) are dropped;
- words hyphenated across a line break are joined ("cita-\\ntion" becomes
  "citation"; "well-\\nknown" keeps its hyphen because both halves are words
  people hyphenate, which we cannot tell apart, so only a lower-case
  continuation after a hyphen is joined);
- lines are joined into a paragraph until one ends a sentence well short of
  the usual line width, or a blank line comes; a short capitalised line
  without closing punctuation ("References") is a heading on its own;
  paragraphs are separated by a blank line in the Document text.

Scanned PDFs with no text layer, encrypted PDFs and damaged files raise
:class:`~essaylint.loaders.errors.LoadError` with one clear line.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from collections import Counter
from collections.abc import Sequence

from essaylint.analysis.entry_shape import looks_like_entry
from essaylint.lazy_pattern import compile_lazily
from essaylint.loaders.errors import LoadError, cannot_read
from essaylint.models import Document

_PAGE_NUMBER = compile_lazily(
    r"^\s*(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?\s*(?:(?:of|/)\s*\d{1,4})?\s*$", re.I
)
_DIGITS = compile_lazily(r"\d+")
_SENTENCE_END = compile_lazily(r"[.!?:;)\]”\"']$")
_EDGE_LINES = 2


def _normalise(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split()).lower())


def drop_headers_and_footers(pages: Sequence[list[str]]) -> list[list[str]]:
    """Remove page numbers and lines repeated at the top or bottom of most pages."""
    edge: Counter[str] = Counter()
    for lines in pages:
        content = [ln for ln in lines if ln.strip()]
        seen = {_normalise(ln) for ln in content[:_EDGE_LINES] + content[-_EDGE_LINES:]}
        edge.update(seen)
    threshold = max(2, (len(pages) + 1) // 2)
    repeated = {key for key, n in edge.items() if n >= threshold and len(pages) >= 2}
    out: list[list[str]] = []
    for lines in pages:
        content_idx = [i for i, ln in enumerate(lines) if ln.strip()]
        edges = set(content_idx[:_EDGE_LINES] + content_idx[-_EDGE_LINES:])
        kept = [
            ln
            for i, ln in enumerate(lines)
            if not (
                i in edges and (_normalise(ln) in repeated or _PAGE_NUMBER.match(ln) is not None)
            )
        ]
        out.append(kept)
    return out


_ENTRY_CLOSED = compile_lazily(r"(?:[.)\]]|https?://\S+|\b10\.\d{4,9}/\S+)$")


def _is_heading(line: str, usual: int) -> bool:
    """A short capitalised line with no closing punctuation: "References", "2. Method"."""
    return (
        len(line) < 0.6 * usual
        and len(line.split()) <= 8
        and (line[0].isupper() or line[0].isdigit())
        and not _SENTENCE_END.search(line)
        and not line.endswith((",", "-", "–", "&"))
    )


def _starts_next_entry(current: str, line: str) -> bool:
    """A line that opens a reference entry after one that closed another ends in a link or stop.

    Without it an entry whose last line ends in a DOI runs on into the next one
    ("... https://doi.org/10.1/x Smith, J. (2019). Title").
    """
    return bool(_ENTRY_CLOSED.search(current)) and looks_like_entry(line)


def reflow(lines: Sequence[str]) -> str:
    """Join wrapped lines into paragraphs (blank line between), undoing hyphenation."""
    widths = sorted(len(ln.strip()) for ln in lines if ln.strip())
    usual = widths[int(len(widths) * 0.8)] if widths else 0
    paragraphs: list[str] = []
    current = ""
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            if current:
                paragraphs.append(current)
                current = ""
            continue
        if _is_heading(line, usual):
            if current:
                paragraphs.append(current)
            paragraphs.append(line)
            current = ""
            continue
        if current and _starts_next_entry(current, line):
            paragraphs.append(current)
            current = ""
        if not current:
            current = line
        elif (
            current.endswith("-")
            and len(current) > 1
            and current[-2].isalpha()
            and (line[0].islower())
        ):
            current = current[:-1] + line
        else:
            current = f"{current} {line}"
        if _SENTENCE_END.search(line) and len(line) < 0.8 * usual:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs) + "\n"


def load_pdf(data: bytes, path: str) -> Document:
    """Read the text layer of a PDF into a Document (format ``"pdf"``)."""
    try:
        pages = _extract_pages(data, path)
    except LoadError:
        raise
    except Exception as error:  # pypdf raises many kinds of error on damaged files
        reason = str(error).splitlines()[0][:120] if str(error) else type(error).__name__
        raise cannot_read(path, f"not a valid PDF file ({reason})") from None
    cleaned = drop_headers_and_footers([page.splitlines() for page in pages])
    text = reflow([line for page in cleaned for line in page])
    if not text.strip():
        raise cannot_read(
            path, "the PDF has no text layer (a scan?); export the essay from the word processor"
        )
    return Document.from_text(text, path=path, format="pdf")


def _extract_pages(data: bytes, path: str) -> list[str]:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = bool(reader.decrypt(""))
            except Exception:
                opened = False
            if not opened:
                raise cannot_read(path, "the PDF is encrypted (password-protected)")
        return [page.extract_text() or "" for page in reader.pages]
