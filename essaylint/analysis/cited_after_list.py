"""Entries cited only in the text after the reference list: :func:`cited_after_list`.

A web page or a course guide may go on after its list ("Examples", "Ideas for
your course") and quote a listed work there with its citation. That text is
``trailing`` (it may as well be reader comments or a second piece), so its
citations are never reported; but an entry one of them names exactly, by
author and year, is used by the writer, and is not an uncited entry.
"""

from __future__ import annotations

from collections.abc import Sequence

from essaylint.analysis.citations import extract_citations
from essaylint.analysis.matching import known_name_keys, link_citations
from essaylint.models import Essay, Reference


def cited_after_list(text: str, essay: Essay, references: Sequence[Reference]) -> frozenset[int]:
    """Indices of the entries an author-date citation after the last list matches exactly."""
    if essay.trailing is None or not references:
        return frozenset()
    after = Essay(body=essay.trailing)
    citations = [
        c
        for c in extract_citations(
            text, after, known_names=known_name_keys(references), numeric=False, works=references
        )
        if c.kind == "author-date"
    ]
    return frozenset(
        link.reference
        for link in link_citations(citations, references)
        if link.status == "matched" and link.reference is not None
    )
