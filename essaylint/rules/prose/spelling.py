"""T401 spelling."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from essaylint.analysis.lexicon import (
    build_lexicon,
    is_ignorable_token,
    looks_like_typo,
    term_family_count,
)
from essaylint.models import Finding, Span
from essaylint.rules.base import Rule, RuleContext, RuleOptions
from essaylint.services.prose import ProseReport

REPEATED_TERM = 3


def _in_spans(start: int, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(a <= start < b for a, b in spans)


class Spelling(Rule):
    """A misspelled word in the essay or in a title of the reference list.

    What it checks
        Words the spelling engine (Harper offline, or a LanguageTool server)
        does not know, in the essay's prose and in the titles of the reference
        list. Names are never flagged: every author, corporate author and
        cited name of the document is accepted, and so are the words of the
        reference list in the body, hashtags, @handles, URLs, CamelCase and
        ALL-CAPS tokens, initials, locators ("p.") and your own word list
        (`words` in the configuration). Capitalised words in the body are
        taken for proper nouns; in titles, where every word is capitalised,
        they are checked (unless `check-titles = false`, for a list whose
        titles are in other languages). The dialect the essay uses (British or American) is
        never flagged (mixing them is T405's business). Derived words whose
        stem is known ("intrapersonal") are accepted, and so are words the
        dictionary lacks that are not one keystroke away from a known word
        (technical terms such as "dopaminergic"): a finding means a likely slip.

    Why it matters
        A typo in a title ("Goographies") makes the source hard to find and
        tells the marker the list was not proof-read.

    Example
        "Papacharissi, Z. (2009). The Virtual Goographies of Social Networks."

    Fix
        Correct the word (the first suggestion is usually right). If the word
        is correct, add it to `words` in `[tool.essaylint]` (the project's
        own word list, which `--word` and the editor's "add to dictionary"
        extend too).
    """

    class Options(RuleOptions):
        check_titles: bool = Field(
            default=True,
            description="Check the titles of the reference list too; `false` leaves them "
            "alone (titles in other languages, or copied exactly from the source).",
        )

    code = "T401"
    name = "spelling"
    default_severity = "warning"
    summary = "a misspelled word; names from the reference list are never flagged"
    requires = frozenset({"prose"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        report = ctx.services.get("prose")
        if not isinstance(report, ProseReport):
            return
        options = ctx.options(self.Options)
        lexicon = build_lexicon(ctx.references, ctx.citations, ctx.settings.words)
        text = ctx.document.text
        seen: set[tuple[str, int]] = set()
        for match in report.matches:
            if match.category != "spelling":
                continue
            token = text[match.start : match.end]
            before = text[match.start - 1 : match.start] if match.start else ""
            in_title = _in_spans(match.start, report.title_spans)
            if in_title and not options.check_titles:
                continue
            if is_ignorable_token(token, before) or lexicon.accepts(token, in_title=in_title):
                continue
            if not in_title and token[:1].isupper():
                continue  # a proper noun in running text
            folded = token.casefold()
            if folded in report.known_derived or folded in report.other_dialect:
                continue
            if not match.suggestions or not looks_like_typo(token, match.suggestions[0]):
                continue  # a rare or technical word the dictionary lacks, not a slip
            if term_family_count(text, token) >= REPEATED_TERM:
                continue  # written the same way again and again: a term, not a slip
            key = (token, match.start)
            if key in seen:
                continue
            seen.add(key)
            suggestions = [s for s in match.suggestions if s != token][:3]
            hint = f"; did you mean {suggestions[0]!r}?" if suggestions else ""
            where = "in the title of a reference" if in_title else ""
            message = f"{token!r} looks misspelt{' ' + where if where else ''}{hint}"
            yield self.finding(
                ctx,
                Span(start=match.start, end=match.end),
                message,
                word=token,
                suggestions=suggestions,
            )
