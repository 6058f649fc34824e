"""Scripture references: "(Gen. 15)", "(Luke 1:26-33)", "(1 Cor. 13.4)".

MLA cites a passage of the Bible (or another scripture) by book, chapter and
verse, not by an author and a page: "(Gen. 15)" names no writer "Gen.", and an
essay that quotes a passage is not citing a work by "Luke". Books that are also
people's names (Mark, James, Ruth) count only with a chapter and verse ("Mark
4:3"), so "(James 45)" is still read as the author James, page 45.
"""

from __future__ import annotations

from essaylint.lazy_pattern import compile_lazily

# Books (and their usual abbreviations) whose names no writer has.
_BOOKS = (
    "Gen|Genesis|Ex|Exod|Exodus|Lev|Leviticus|Num|Numbers|Deut|Deuteronomy|Josh|Joshua|"
    "Judg|Judges|Sam|Kgs|Kings|Chr|Chron|Chronicles|Neh|Nehemiah|Esth|Ps|Pss|Psalm|Psalms|"
    "Prov|Proverbs|Eccl|Eccles|Ecclesiastes|Isa|Isaiah|Jer|Jeremiah|Lam|Lamentations|"
    "Ezek|Ezekiel|Dan|Obad|Obadiah|Mic|Nah|Nahum|Hab|Habakkuk|Zeph|Zephaniah|Hag|Haggai|"
    "Zech|Zechariah|Mal|Malachi|Matt|Mt|Matthew|Mk|Lk|Jn|Rom|Romans|Cor|Corinthians|Gal|"
    "Galatians|Eph|Ephesians|Phil|Philippians|Col|Colossians|Thess|Thessalonians|Tim|"
    "Phlm|Heb|Hebrews|Jas|Pet|Rev|Revelation"
)
# Books that are also given names or surnames: read as scripture only with a verse.
_NAMED_BOOKS = (
    "Mark|Luke|John|Acts|James|Peter|Jude|Ruth|Job|Joel|Amos|Jonah|Micah|Hosea|Ezra|"
    "Esther|Daniel|Samuel|Timothy|Titus|Philemon"
)
_CHAPTER = r"\d{1,3}(?:\s?(?:ff?\.?|[:.,]\s?\d{1,3}(?:\s?[-–]\s?\d{1,3})?))*"
_VERSE = r"\d{1,3}\s?[:.]\s?\d{1,3}(?:\s?[-–]\s?\d{1,3})?"
_SCRIPTURE = compile_lazily(
    rf"(?:(?:[1-3]\s?)?(?:{_BOOKS})\.?\s+{_CHAPTER}|[1-3]\s?(?:{_NAMED_BOOKS})\s+{_CHAPTER}"
    rf"|(?:{_NAMED_BOOKS})\s+{_VERSE})(?:\s?[,;]\s?{_CHAPTER})*"
)


def is_scripture_reference(text: str) -> bool:
    """Is ``text`` (a parenthesis's content, or one part of it) a book, chapter and verse?"""
    return _SCRIPTURE.fullmatch(text.strip()) is not None
