"""LanguageToolBackend end to end: language-tool-python's own client against a
local server that replays recorded LanguageTool answers (tests/services/lt_replay.py).

Nothing here leaves 127.0.0.1. Every test skips when the recorded answers in
``../shared/fixtures/languagetool`` are absent.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from lt_replay import LanguageToolReplay, Request

from essaylint.services.languagetool import (
    LanguageToolBackend,
    category_for,
    codepoint_span,
)
from essaylint.services.prose import ProseBackend, ProseError, ProseMatch

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = (ROOT / ".." / "shared" / "fixtures" / "languagetool").resolve()

pytestmark = pytest.mark.skipif(
    not FIXTURES.is_dir(), reason=f"recorded LanguageTool answers not present at {FIXTURES}"
)

HOUR = "It happened a hour ago."
TESTX = "This is a testx. "
TESTX_SUGGESTIONS = ("test", "tests", "testy", "test x")


@pytest.fixture(autouse=True)
def no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    """requests honours *_proxy variables; keep every request on 127.0.0.1."""
    for name in (
        "http_proxy",
        "https_proxy",
        "all_proxy",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


@pytest.fixture
def server() -> Iterator[LanguageToolReplay]:
    with LanguageToolReplay(FIXTURES) as replay:
        yield replay


def free_closed_port() -> int:
    """A 127.0.0.1 port nobody listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def recorded_match(name: str) -> dict[str, object]:
    body = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    match: dict[str, object] = body["matches"][0]
    return match


# -- the Protocol --------------------------------------------------------------


def test_backend_is_a_prose_backend() -> None:
    backend = LanguageToolBackend("http://127.0.0.1:1")
    assert isinstance(backend, ProseBackend)
    assert backend.name == "languagetool"


def test_constructing_sends_nothing(server: LanguageToolReplay) -> None:
    LanguageToolBackend(server.url)
    assert server.requests == []


def test_module_import_does_not_import_the_client() -> None:
    code = (
        "import sys, essaylint.services.languagetool\n"
        "assert 'language_tool_python' not in sys.modules\n"
        "assert 'requests' not in sys.modules\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


# -- replayed answers ----------------------------------------------------------


def test_a_vs_an_is_grammar_at_the_right_span(server: LanguageToolReplay) -> None:
    backend = LanguageToolBackend(server.url)
    matches = backend.check(HOUR, dialect="american")
    assert len(matches) == 1
    match = matches[0]
    assert isinstance(match, ProseMatch)
    assert (match.start, match.end) == (12, 13)
    assert HOUR[match.start : match.end] == "a"
    assert match.category == "grammar"
    assert match.suggestions == ("an",)
    assert match.rule_id == "EN_A_VS_AN"
    assert match.source == "languagetool"
    assert match.message.startswith('Use "an" instead of')


def test_request_log_for_an_american_check(server: LanguageToolReplay) -> None:
    LanguageToolBackend(server.url).check(HOUR)
    assert server.requests == [
        Request("GET", "/v2/languages", {}),
        Request("POST", "/v2/check", {"language": "en-US", "text": HOUR}),
    ]


def test_misspelling_is_spelling_and_british_asks_for_en_gb(server: LanguageToolReplay) -> None:
    backend = LanguageToolBackend(server.url)
    matches = backend.check(TESTX, dialect="british")
    assert [(m.start, m.end, m.category) for m in matches] == [(10, 15, "spelling")]
    assert TESTX[matches[0].start : matches[0].end] == "testx"
    assert matches[0].suggestions == TESTX_SUGGESTIONS
    assert matches[0].rule_id == "MORFOLOGIK_RULE_EN_GB"
    assert matches[0].message == "Possible spelling mistake found"
    checks = [r for r in server.requests if r.method == "POST"]
    assert checks == [Request("POST", "/v2/check", {"language": "en-GB", "text": TESTX})]


def test_uppercase_sentence_start(server: LanguageToolReplay) -> None:
    matches = LanguageToolBackend(server.url).check("a simple test")
    assert [(m.start, m.end, m.category, m.suggestions) for m in matches] == [
        (0, 1, "grammar", ("A",))
    ]
    assert matches[0].rule_id == "UPPERCASE_SENTENCE_START"


def test_no_matches_is_an_empty_list(server: LanguageToolReplay) -> None:
    backend = LanguageToolBackend(server.url)
    assert backend.check("The colour of the harbour.", dialect="british") == []


def test_blank_text_sends_nothing(server: LanguageToolReplay) -> None:
    assert LanguageToolBackend(server.url).check("   \n ") == []
    assert server.requests == []


def test_languages_fetched_once_per_dialect(server: LanguageToolReplay) -> None:
    backend = LanguageToolBackend(server.url)
    backend.check(HOUR)
    backend.check("a simple test")
    backend.check(TESTX, dialect="british")
    backend.check("Clean text.", dialect="british")
    paths = [(r.method, r.path) for r in server.requests]
    assert paths.count(("GET", "/v2/languages")) == 2
    assert paths.count(("POST", "/v2/check")) == 4
    languages = [r.form["language"] for r in server.requests if r.method == "POST"]
    assert languages == ["en-US", "en-US", "en-GB", "en-GB"]


@pytest.mark.parametrize("suffix", ["", "/", "/v2", "/v2/"])
def test_url_with_or_without_v2(server: LanguageToolReplay, suffix: str) -> None:
    LanguageToolBackend(server.url + suffix).check(HOUR)
    assert [r.path for r in server.requests] == ["/v2/languages", "/v2/check"]


def test_known_words_one_request(server: LanguageToolReplay) -> None:
    # "This\nis\na\ntestx" puts "testx" at 10..15, where the recording of
    # "This is a testx. " reports it, so that recorded answer is replayed for it.
    words = ["This", "is", "a", "testx", "is"]
    server.routes[("en-GB", "This\nis\na\ntestx")] = "check-en-GB-this-is-a-testx-lt4.7.json"
    known = LanguageToolBackend(server.url).known_words(words, dialect="british")
    assert known == {"This", "is", "a"}
    checks = [r for r in server.requests if r.method == "POST"]
    assert checks == [
        Request("POST", "/v2/check", {"language": "en-GB", "text": "This\nis\na\ntestx"})
    ]


def test_known_words_clean_and_empty(server: LanguageToolReplay) -> None:
    backend = LanguageToolBackend(server.url)
    assert backend.known_words(["colour", "harbour"], dialect="british") == {"colour", "harbour"}
    assert backend.known_words([]) == set()
    assert backend.known_words(["", "  "]) == set()
    assert len([r for r in server.requests if r.method == "POST"]) == 1


def test_known_words_ignores_grammar_matches(server: LanguageToolReplay) -> None:
    # The recorded EN_A_VS_AN answer flags "a" (12..13) as grammar, not spelling.
    server.routes[("en-US", "It\nhappened\na\nhour")] = "check-en-US-a-hour-ago-lt3.4.json"
    known = LanguageToolBackend(server.url).known_words(["It", "happened", "a", "hour"])
    assert known == {"It", "happened", "a", "hour"}


# -- offsets: UTF-16 code units in, str indices out ------------------------------


def test_codepoint_span_counts_astral_characters_as_two_units() -> None:
    text = "🙂 a 𝒞x"
    # UTF-16: 🙂=0-1, space=2, a=3, space=4, 𝒞=5-6, x=7
    assert codepoint_span(text, 2, 1) == (2, 3)
    assert text[slice(*codepoint_span(text, 4, 3))] == "𝒞x"
    assert codepoint_span(text, 0, 2) == (0, 1)
    assert codepoint_span(text, 5, 99) == (5, 6)


def test_emoji_before_and_inside_the_span_through_the_client_match() -> None:
    """The client's Match converts the offset; the backend converts the length.

    The recorded "testx" match is moved to where a Java server (UTF-16
    offsets) would report it in a text with emoji in front and one inside
    the flagged word: two UTF-16 units per emoji.
    """
    from language_tool_python import Match

    text = "🙂🙂 This is a tes🙂tx. "
    raw = recorded_match("check-en-GB-this-is-a-testx-lt4.7.json")
    raw["offset"] = len(text[: text.index("tes")].encode("utf-16-le")) // 2  # 15
    raw["length"] = len("tes🙂tx".encode("utf-16-le")) // 2  # 7
    assert (raw["offset"], raw["length"]) == (15, 7)

    match = LanguageToolBackend._to_match(Match(raw, text), text)
    assert text[match.start : match.end] == "tes🙂tx"
    assert (match.start, match.end) == (13, 19)
    assert match.category == "spelling"


# -- categories ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule_id", "issue_type", "category_id", "expected"),
    [
        ("MORFOLOGIK_RULE_EN_GB", "misspelling", "TYPOS", "spelling"),
        ("HUNSPELL_RULE", "misspelling", "TYPOS", "spelling"),
        ("SOME_SPELLER_RULE", "uncategorized", "MISC", "spelling"),
        ("EN_CONTRACTION_SPELLING", "misspelling", "TYPOS", "spelling"),
        ("EN_A_VS_AN", "misspelling", "MISC", "grammar"),
        ("HE_VERB_AGR", "grammar", "GRAMMAR", "grammar"),
        ("UPPERCASE_SENTENCE_START", "typographical", "CASING", "grammar"),
        ("ENGLISH_WORD_REPEAT_RULE", "duplication", "MISC", "repetition"),
        ("PASSIVE_VOICE", "style", "STYLE", "style"),
        ("EN_REDUNDANCY_REPLACE", "style", "REDUNDANCY", "style"),
        ("WHITESPACE_RULE", "whitespace", "TYPOGRAPHY", "other"),
    ],
)
def test_category_for(rule_id: str, issue_type: str, category_id: str, expected: str) -> None:
    assert category_for(rule_id, issue_type, category_id) == expected


# -- errors: one line naming the server, never a traceback ----------------------


def assert_one_line_naming(error: ProseError, url: str) -> None:
    message = str(error)
    assert "\n" not in message
    assert url in message
    assert "Traceback" not in message
    assert error.__suppress_context__


def test_connection_refused_is_quick(server: LanguageToolReplay) -> None:
    url = f"http://127.0.0.1:{free_closed_port()}"
    began = time.monotonic()
    with pytest.raises(ProseError) as info:
        LanguageToolBackend(url, timeout=2).check(HOUR)
    assert time.monotonic() - began < 2
    assert_one_line_naming(info.value, url)
    assert "could not connect" in str(info.value)


def test_languages_500(server: LanguageToolReplay) -> None:
    server.fail = "languages-500"
    with pytest.raises(ProseError) as info:
        LanguageToolBackend(server.url).check(HOUR)
    assert_one_line_naming(info.value, server.url)
    assert "languages" in str(info.value)
    assert [r.path for r in server.requests] == ["/v2/languages"]


def test_check_500(server: LanguageToolReplay) -> None:
    server.fail = "check-500"
    with pytest.raises(ProseError) as info:
        LanguageToolBackend(server.url).check(HOUR)
    assert_one_line_naming(info.value, server.url)
    assert "Internal Server Error" in str(info.value)


def test_connection_closed_without_answer(server: LanguageToolReplay) -> None:
    server.fail = "check-close"
    with pytest.raises(ProseError) as info:
        LanguageToolBackend(server.url).check(HOUR)
    assert_one_line_naming(info.value, server.url)
    assert "closed without an answer" in str(info.value)


def test_invalid_json(server: LanguageToolReplay) -> None:
    server.fail = "bad-json"
    with pytest.raises(ProseError) as info:
        LanguageToolBackend(server.url).check(HOUR)
    assert_one_line_naming(info.value, server.url)
    assert "not a LanguageTool answer" in str(info.value)


def test_timeout(server: LanguageToolReplay) -> None:
    server.fail = "check-hang"
    server.hang_seconds = 3
    began = time.monotonic()
    with pytest.raises(ProseError) as info:
        LanguageToolBackend(server.url, timeout=0.3).check(HOUR)
    # The client tries a check twice, each bounded by the timeout.
    assert time.monotonic() - began < 2
    assert_one_line_naming(info.value, server.url)
    assert "no answer within 0.3 s" in str(info.value)


def test_unoffered_language(server: LanguageToolReplay, monkeypatch: pytest.MonkeyPatch) -> None:
    import lt_replay

    # The client's LanguageTag would fall back from en-GB to a plain "en";
    # a server with no English at all is refused.
    no_english = [e for e in lt_replay.LANGUAGES if e["code"] != "en"]
    monkeypatch.setattr(lt_replay, "LANGUAGES", no_english)
    with pytest.raises(ProseError) as info:
        LanguageToolBackend(server.url).check(TESTX, dialect="british")
    assert_one_line_naming(info.value, server.url)
    assert "does not offer en-GB" in str(info.value)


def test_no_url_is_refused() -> None:
    with pytest.raises(ProseError):
        LanguageToolBackend("  ")
