"""LanguageTool through language-tool-python, against a server the user runs.

essaylint only talks to LanguageTool when a server URL is configured: this
module never downloads LanguageTool and never starts Java. The client library
is imported on first use, so loading this module costs nothing at CLI start.

Offsets. A LanguageTool server is a Java program: its ``offset`` and
``length`` are Java ``String`` indices, i.e. UTF-16 code units
(``RuleMatchesAsJsonSerializer`` writes ``match.getFromPos()`` and
``getToPos() - getFromPos()``). They equal Python ``str`` indices except after
a character outside the Basic Multilingual Plane (emoji, 𝒞…), which is one
Python character but two UTF-16 units. language-tool-python 3.x converts
``Match.offset`` to a code-point index (``match.four_byte_char_positions``) but
leaves ``Match.error_length`` in UTF-16 units, so the end of the span is
converted here.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from essaylint.services.prose import DialectName, ProseCategory, ProseError, ProseMatch

if TYPE_CHECKING:
    from language_tool_python import LanguageTool

DEFAULT_TIMEOUT = 10.0
MAX_SUGGESTIONS = 5

_LANGUAGE_FOR_DIALECT: dict[DialectName, str] = {"american": "en-US", "british": "en-GB"}

# LanguageTool category ids (rule.category.id) sorted into essaylint's categories.
_STYLE_CATEGORIES = frozenset(
    {
        "STYLE", "REDUNDANCY", "PLAIN_ENGLISH", "COLLOQUIALISMS", "WIKIPEDIA",
        "CREATIVE_WRITING", "TEXT_ANALYSIS", "REPETITIONS_STYLE",
    }
)  # fmt: skip
_GRAMMAR_CATEGORIES = frozenset(
    {
        "GRAMMAR", "MISC", "CONFUSED_WORDS", "CASING", "PUNCTUATION", "COMPOUNDING",
        "NONSTANDARD_PHRASES", "SEMANTICS", "COLLOCATIONS",
    }
)  # fmt: skip


def language_for(dialect: DialectName) -> str:
    """The LanguageTool language code for an essaylint dialect."""
    return _LANGUAGE_FOR_DIALECT[dialect]


def category_for(rule_id: str, issue_type: str, category_id: str) -> ProseCategory:
    """Sort one LanguageTool match into essaylint's categories.

    Spelling is the dictionary check: category ``TYPOS`` or a speller rule
    (``MORFOLOGIK_RULE_*``, ``HUNSPELL_*``, ``*SPELL*``). ``issueType
    "misspelling"`` alone is not enough: LanguageTool also gives it to
    word-form rules such as ``EN_A_VS_AN`` (``AvsAnRule`` calls
    ``setLocQualityIssueType(ITSIssueType.Misspelling)`` in category ``MISC``),
    which are grammar slips, not unknown words.
    """
    rule = rule_id.upper()
    issue = issue_type.lower()
    category = category_id.upper()
    if category == "TYPOS" or "MORFOLOGIK" in rule or "SPELL" in rule:
        return "spelling"
    if issue == "duplication":
        return "repetition"
    if issue in {"style", "register"} or category in _STYLE_CATEGORIES:
        return "style"
    if issue in {"grammar", "misspelling"} or category in _GRAMMAR_CATEGORIES:
        return "grammar"
    return "other"


def codepoint_span(text: str, start: int, utf16_length: int) -> tuple[int, int]:
    """``(start, end)`` in ``str`` indices, given a code-point start and a UTF-16 length."""
    start = max(0, min(start, len(text)))
    end = start
    remaining = utf16_length
    while remaining > 0 and end < len(text):
        remaining -= 2 if ord(text[end]) > 0xFFFF else 1
        end += 1
    return start, end


# How urllib3 words "never connected" (refused, unknown host) inside requests' ConnectionError.
_NO_CONNECTION = ("NewConnectionError", "refused", "resolve", "getaddrinfo", "Name or service")


def _one_line(value: object, limit: int = 160) -> str:
    line = " ".join(str(value).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class LanguageToolBackend:
    """Spelling and grammar from a LanguageTool server, through language-tool-python.

    ``url`` is the server's base address (``http://localhost:8081``; a trailing
    ``/v2`` is accepted). Nothing is sent until the first check: then one
    ``GET /v2/languages`` per dialect (the client validates the language in its
    constructor) and one ``POST /v2/check`` per call. ``timeout`` bounds each
    request in seconds; the client retries a failed check once.
    """

    name = "languagetool"

    def __init__(self, url: str, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        if not url.strip():
            raise ProseError("LanguageTool: no server URL configured")
        self.url = url.strip()
        self.timeout = timeout
        self._lock = threading.Lock()
        self._tools: dict[DialectName, LanguageTool] = {}

    # -- the client ----------------------------------------------------------

    def _server_root(self) -> str:
        """The URL handed to the client, which appends ``v2/`` itself."""
        root = self.url.rstrip("/")
        if root.endswith("/v2"):
            root = root[: -len("/v2")]
        return root + "/"

    def _fail(self, what: str, error: BaseException) -> ProseError:
        return ProseError(f"LanguageTool server {self.url}: {what}: {self._reason(error)}")

    def _reason(self, error: BaseException) -> str:
        import requests

        cause: BaseException | None = error
        while cause is not None:
            if isinstance(cause, requests.Timeout):
                return f"no answer within {self.timeout:g} s"
            if isinstance(cause, requests.ConnectionError):
                detail = str(cause)
                if any(k in detail for k in _NO_CONNECTION):
                    return "could not connect (is the server running?)"
                return "the connection closed without an answer"
            cause = cause.__cause__
        from language_tool_python.exceptions import LanguageToolError

        if isinstance(error, LanguageToolError):
            return f"not a LanguageTool answer ({_one_line(error) or 'empty body'})"
        return f"unexpected answer ({type(error).__name__}: {_one_line(error)})"

    def _tool(self, dialect: DialectName) -> LanguageTool:
        with self._lock:
            tool = self._tools.get(dialect)
            if tool is not None:
                return tool
            try:
                import language_tool_python
            except ImportError as exc:  # the optional "prose" extra
                raise ProseError(
                    "LanguageTool: language-tool-python is not installed "
                    "(pip install 'essaylint[prose]')"
                ) from exc
            # The client's request timeout is a class constant (300 s); a
            # subclass bounds it, including the GET /v2/languages that the
            # constructor sends.
            client: type[LanguageTool] = type(
                "EssaylintLanguageTool",
                (language_tool_python.LanguageTool,),
                {"_TIMEOUT": self.timeout},
            )
            language = language_for(dialect)
            try:
                tool = client(language=language, remote_server=self._server_root())
            except ValueError as exc:
                if "unsupported language" not in str(exc):
                    raise self._fail("could not list its languages", exc) from None
                raise ProseError(
                    f"LanguageTool server {self.url}: does not offer {language}"
                ) from None
            except _client_errors() as exc:
                raise self._fail("could not list its languages", exc) from None
            self._tools[dialect] = tool
            return tool

    # -- ProseBackend ----------------------------------------------------------

    def check(self, text: str, *, dialect: DialectName = "american") -> list[ProseMatch]:
        if not text.strip():
            return []
        tool = self._tool(dialect)
        try:
            return [self._to_match(match, text) for match in tool.check(text)]
        except _client_errors() as exc:
            raise self._fail("check failed", exc) from None

    def known_words(self, words: list[str], *, dialect: DialectName = "american") -> set[str]:
        unique = list(dict.fromkeys(w for w in words if w.strip() and "\n" not in w))
        if not unique:
            return set()
        text = "\n".join(unique)
        spans: list[tuple[int, int, str]] = []
        position = 0
        for word in unique:
            spans.append((position, position + len(word), word))
            position += len(word) + 1
        flagged: set[str] = set()
        for match in self.check(text, dialect=dialect):
            if match.category != "spelling":
                continue
            for start, end, word in spans:
                if match.start < end and start < match.end:
                    flagged.add(word)
        return {w for w in unique if w not in flagged}

    @staticmethod
    def _to_match(match: Any, text: str) -> ProseMatch:
        start, end = codepoint_span(text, int(match.offset), int(match.error_length))
        return ProseMatch(
            start=start,
            end=end,
            category=category_for(
                str(match.rule_id), str(match.rule_issue_type), str(match.category)
            ),
            message=str(match.message),
            suggestions=tuple(str(r) for r in list(match.replacements)[:MAX_SUGGESTIONS]),
            rule_id=str(match.rule_id),
            source="languagetool",
        )


def _client_errors() -> tuple[type[BaseException], ...]:
    """What the client raises for a dead or wrong server (imported lazily)."""
    from language_tool_python.exceptions import LanguageToolError

    return (LanguageToolError, OSError, ValueError, KeyError, TypeError, AttributeError)
