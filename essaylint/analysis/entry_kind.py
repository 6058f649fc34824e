"""What kind of work a reference-list entry describes: article, book, chapter, web page...

:func:`classify` decides from the fields already read and the words of the
entry; the word patterns (:data:`CONFERENCE`, :data:`JOURNALISH`) also tell the
title and source readers where a title ends and a container begins.
"""

from __future__ import annotations

import re

from essaylint.analysis.entry_fields import EntryFields
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import ReferenceType

_NEWS = compile_lazily(
    r"\b(?:Guardian|Times|Post|Herald|Tribune|Telegraph|Independent|BBC|CNN|Reuters|News|Journal\s+Sentinel|"
    r"Gazette|Chronicle|Daily|Observer|Economist|Atlantic|Forbes|Bloomberg|Wired|Vox|NPR|Newsweek|"
    r"Al\s+Jazeera|Associated\s+Press|Huffington|Slate|Vice|Mirror|Sun|Express|Magazine)\b"
)
_ONLINE_NEWS_HOST = compile_lazily(
    r"(?:nytimes|theguardian|bbc|cnn|washingtonpost|reuters|wsj|news)\.", re.IGNORECASE
)
CONFERENCE = compile_lazily(
    r"\b(?:Proceedings|Proc\.|Conference|Conf\.|Symposium|Workshop|Congress|Meeting|Colloquium|"
    r"Paper presented)\b",
    re.IGNORECASE,
)
_THESIS = compile_lazily(
    r"\b(?:dissertation|thesis|Ph\.?\s?D\.?|Doctoral|Master'?s)\b", re.IGNORECASE
)
_REPORT = compile_lazily(
    r"\b(?:Report|Tech(?:nical)?\.? Rep|Working Paper|White Paper|Publication No|Policy Brief|"
    r"Discussion Paper|TR-)\b",
    re.IGNORECASE,
)
_VIDEO = compile_lazily(
    r"\[(?:Video|Film|Motion picture|Video file|Television series)[^\]]*\]", re.IGNORECASE
)
_VIDEO_PLATFORM = compile_lazily(r"\b(?:YouTube|Vimeo)\b", re.IGNORECASE)
JOURNALISH = compile_lazily(
    r"\b(?:Journal|J\.|Review|Quarterly|Bulletin|Annals|Letters|Transactions|Trans\.|Magazine|Research)\b"
)


def classify(text: str, fields: EntryFields) -> ReferenceType:
    outside_title = text.replace(fields.title, " ") if fields.title else text
    if _VIDEO.search(text) or _VIDEO_PLATFORM.search(outside_title):
        return "video"
    if _THESIS.search(text):
        return "thesis"
    has_link = bool(fields.url or fields.retrieved_from)
    outlet = " ".join(x for x in (fields.container, fields.publisher, fields.authors_segment) if x)
    if (
        has_link
        and (_NEWS.search(outlet) or (fields.url and _ONLINE_NEWS_HOST.search(fields.url)))
        and not fields.volume
    ):
        return "news"
    if CONFERENCE.search(fields.container or "") or (fields.chapter and CONFERENCE.search(text)):
        return "conference"
    if fields.chapter:
        return "chapter"
    if _REPORT.search(text):
        return "report"
    if fields.container and (fields.volume or fields.issue or JOURNALISH.search(fields.container)):
        return "article"
    if fields.container and _NEWS.search(fields.container) and not fields.pages:
        return "news"
    if fields.publisher and not fields.container:
        return "book"
    if fields.url and not fields.container:
        return "web"
    if fields.container and fields.pages:
        return "article"
    return "unknown"
