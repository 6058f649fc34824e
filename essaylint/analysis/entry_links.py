"""The links of a reference-list entry: its URL, its DOI and "Retrieved from" clauses.

:func:`extract_links` records them in the entry's fields and returns the
entry's text without them, so the readers of authors, date, title and source
never see an address. A URL broken across a PDF line ("http://www. boston.com/")
or holding a space in its path ("/impact/Final Brochure.pdf") is read whole.
"""

from __future__ import annotations

import re

from essaylint.analysis.entry_fields import EntryFields, collapse
from essaylint.analysis.patterns import BARE_WEB_HOST
from essaylint.lazy_pattern import compile_lazily

URL = compile_lazily(
    # "Available fromhttps://..." (a lost space): the scheme starts a link inside a word too
    r"(?:(?:https?|ftp)\s?:\s?//|\bwww\.)[^\s<>\"\]]+"
    # a bare host with a path: "example.ac.uk/papers/a.pdf" (no scheme, no www.); a DOI's
    # "doi.org/10...." is read as the DOI below
    r"|(?!(?:dx\.)?doi\.org/)" + BARE_WEB_HOST + r"(?:[^\s<>\"\]]*[\w/])?",
    re.IGNORECASE,
)
_FILE_EXT = r"\.(?:pdf|html?|aspx?|php|jsp|cfm|docx?|xlsx?|pptx?|txt|xml|csv|zip)$"
_FILE_NAME = compile_lazily(r"[^\s<>\"(]+" + _FILE_EXT, re.IGNORECASE)
_NEXT_CHUNK = compile_lazily(r" ([^\s<>\"]+)")
_URL_CONTINUATION = compile_lazily(r"\s(?:[/._~-][^\s<>\"]*|[^\s<>\"(]*[/_~][^\s<>\"]*)")
_DOI = compile_lazily(r"\b(10\.\d{4,9}/[^\s\"<>]+)")
_DOI_PREFIX = compile_lazily(
    r"(?:\b(?:doi|DOI)\s*:?\s*|https?://(?:dx\.)?doi\.org/|\bdoi\.org/)\s*$"
)
# Not a verb in a sentence: "the thesis will be available from the library".
_RETRIEVAL = compile_lazily(
    r"(?<!\bbe )(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bnot )"
    r"\b(?:Retrieved|retrieved|Available|available|Accessed|accessed|Viewed|viewed|"
    r"Last\s+(?:accessed|modified|updated))\b"
    r"(?:\s+(?:at|from|on|via|online))?",
)
# A label for the entry's link with nothing after it, at the entry's end: "... 71-87. DOI:".
_EMPTY_LINK_LABEL = compile_lazily(r"\b(?:DOI|doi|URL)\s*:\s*[.*_\s]*$")
_RETRIEVAL_CLAUSE = compile_lazily(
    r"\(?\s*\b(?:Retrieved|retrieved|Accessed|accessed|Viewed|viewed|Last\s+(?:accessed|modified|updated))\b"
    r"[^()]{0,60}?(?:\bfrom\b\s*(?:[\w .&-]{0,40}:)?|\d{4}\)?(?:\s*,?\s*from\b)?|$)"
    r"|\(?\s*\b(?:Available|available)\b\s*(?:at|from|online|via)?\s*(?:[\w .-]{0,30}\s)?:?"
    r"|\[\s*(?:Online|online|Internet)\s*\]"
    r"|\bURL\s*:?"
    r"|\bdoi\s*:\s*$"
)

_DOUBLE_STOP = compile_lazily(r"(?<!\.)\.\s*\.(?!\.)")


def _trim_url(url: str) -> str:
    url = url.strip().rstrip(".,;:'\"”’>")
    while url.endswith((")", "]")) and url.count(url[-1]) > url.count(
        "(" if url[-1] == ")" else "["
    ):
        url = url[:-1].rstrip(".,;:")
    return url


def _extend_url(text: str, end: int) -> int:
    """Extend a URL over PDF line-break spaces ("http://www. boston.com/...")."""
    for _ in range(8):
        match = _URL_CONTINUATION.match(text, end)
        if not match:
            break
        chunk = match.group(0).strip()
        prev = text[end - 1] if end else ""
        if not (chunk[:1] in "/._~-" or prev in "/._~-"):
            break
        if chunk.startswith("(") or re.match(r"^[A-Z][a-z]+$", chunk):
            break
        end = match.end()
    return end


def _extend_url_path(text: str, start: int, end: int) -> int:
    """Extend a URL over a genuine space inside its path ("/impact/Final Brochure.pdf").

    The next chunk must itself look like the rest of a path: a file name with an
    extension, or a run of path segments ("development/assets/report.pdf").
    """
    url = text[start:end]
    if re.search(_FILE_EXT, url, re.IGNORECASE):
        return end
    if url.endswith((".", ",", ";", ")", "]")) or "/" not in url[url.find("//") + 2 :]:
        return end
    for _ in range(3):
        match = _NEXT_CHUNK.match(text, end)
        if not match:
            break
        chunk = match.group(1).rstrip(".,;")
        if not (
            _FILE_NAME.match(chunk)
            or (re.fullmatch(r"[\w.~%-]+(?:/[\w.~%-]+){1,}/?", chunk) and chunk.count("/") >= 2)
        ):
            break
        end = match.start(1) + len(chunk)
        if _FILE_NAME.match(chunk):
            break
    return end


def extract_links(text: str, fields: EntryFields) -> str:
    """Find URL, DOI and retrieval phrases; return the text without them."""
    if _RETRIEVAL.search(text) or _EMPTY_LINK_LABEL.search(text):
        fields.retrieved_from = True  # "..., DOI:" with nothing after: the link was lost
    cuts: list[tuple[int, int]] = []
    for match in URL.finditer(text):
        end = _extend_url_path(text, match.start(), _extend_url(text, match.end()))
        url = _trim_url(collapse(text[match.start() : end]).replace(" ", ""))
        url = re.sub(r"^(https?|ftp)\s?:\s?//", r"\1://", url, flags=re.IGNORECASE)
        if fields.url is None and len(url) > 7:
            fields.url = url
        doi_in_url = _DOI.search(url)
        if doi_in_url and fields.doi is None and "doi" in url.lower():
            fields.doi = _trim_url(doi_in_url.group(1))
        cuts.append((match.start(), end))
    for match in _DOI.finditer(text):
        if any(a <= match.start() < b for a, b in cuts):
            continue
        if fields.doi is None:
            fields.doi = _trim_url(match.group(1))
        start = match.start()
        prefix = _DOI_PREFIX.search(text, max(0, start - 25), start)
        cuts.append((prefix.start() if prefix else start, match.end()))
    if not cuts:
        return _remove_retrieval(text)
    pieces: list[str] = []
    last = 0
    for start, end in sorted(cuts):
        if start < last:
            continue
        pieces.append(text[last:start])
        last = end
    pieces.append(text[last:])
    return _remove_retrieval(" ".join(p for p in pieces))


def _remove_retrieval(text: str) -> str:
    text = _RETRIEVAL_CLAUSE.sub(" ", text)
    text = re.sub(r"<\s*>|\(\s*\)|\[\s*\]", " ", text)
    text = _DOUBLE_STOP.sub(".", collapse(text))
    return text.strip(" ,;:")
