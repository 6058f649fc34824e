"""Choosing the prose engine, and Harper as the offline default."""

from __future__ import annotations

import socket

import pytest

from essaylint.config import Settings
from essaylint.pipeline import lint_text
from essaylint.services.backends import HARPER_NOTE, Backends, choose_prose_backend
from essaylint.services.harper import PIECE_CHARS, HarperBackend, pieces
from essaylint.services.prose import ProseBackend


def test_no_languagetool_url_means_harper_with_a_note() -> None:
    backend, note = choose_prose_backend(None)
    assert isinstance(backend, HarperBackend)
    assert isinstance(backend, ProseBackend)
    assert note == HARPER_NOTE


def test_a_languagetool_url_means_languagetool_and_no_note() -> None:
    backend, note = choose_prose_backend("http://127.0.0.1:1")
    assert backend.name == "languagetool"
    assert note is None


def test_harper_fallback_checks_prose_without_any_network(monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("network access attempted in an offline test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    backend, _ = choose_prose_backend(None)
    text = (
        "Students recieve feedback late (Okafor, 2019).\n\n"
        "References\n\nOkafor, N. (2019). Feedback. Press.\n"
    )
    result = lint_text(text, Settings(select=("T401",)), prose=backend)
    assert [f.word for f in result.findings] == ["recieve"]
    assert attempts == []


def test_harper_maps_lints_to_matches_with_python_offsets() -> None:
    text = "Emoji 🙂 first. It happened a hour ago. A mispelled word."
    matches = HarperBackend().check(text)
    article = next(m for m in matches if m.rule_id == "AnA")
    assert text[article.start : article.end] == "a"
    assert article.category == "grammar"
    assert article.suggestions[:1] == ("an",)
    spelling = next(m for m in matches if m.category == "spelling")
    assert text[spelling.start : spelling.end] == "mispelled"
    assert "misspelled" in spelling.suggestions


def test_known_words_splits_known_from_unknown() -> None:
    backend = HarperBackend()
    assert backend.known_words(["personal", "xqzvbn", "colour"], dialect="british") == {
        "personal",
        "colour",
    }
    assert "colour" not in backend.known_words(["colour"], dialect="american")


def test_a_huge_token_is_never_handed_to_harper() -> None:
    # A 200,000-character "word" (base64, glued PDF text) once made the engine ask for
    # gigabytes and abort the process. It is blanked; the prose around it is still checked.
    text = "A mispelled word. " + "x" * 200_000 + " Another mispelled word."
    matches = HarperBackend().check(text)
    flagged = [text[m.start : m.end] for m in matches if m.category == "spelling"]
    assert flagged == ["mispelled", "mispelled"]
    assert HarperBackend().known_words(["y" * 100_000, "colour"], dialect="british") == {"colour"}


def test_a_long_text_is_cut_into_pieces_at_paragraphs_then_sentences_then_spaces() -> None:
    text = "Paragraph one has a sentence. And a second one.\n\n" + "A sentence. " * 3
    text += "words " * 20
    cut = pieces(text, limit=60)
    assert "".join(piece for _, piece in cut) == text
    assert all(len(piece) <= 60 for _, piece in cut)
    assert [offset for offset, _ in cut] == [0, 49, 85, 145]
    assert cut[0][1].endswith("\n\n")  # the blank line, not the space before it
    assert cut[1][1].endswith("A sentence. ")
    assert cut[2][1].endswith("words ")
    assert pieces("short", limit=60) == [(0, "short")]


def test_a_long_text_is_linted_in_pieces_with_offsets_in_the_whole() -> None:
    # One 300,000-character paragraph with no sentence end: one Harper call on it
    # takes time that grows with the square of its length; pieces keep it linear.
    filler = "zero\u200b width e\u0301 text " * 10_000
    text = "A mispelled word.\n\n" + filler + "Another mispelled word."
    assert len(text) > 10 * PIECE_CHARS
    matches = HarperBackend().check(text)
    flagged = [(m.start, text[m.start : m.end]) for m in matches if m.category == "spelling"]
    assert flagged == [(2, "mispelled"), (len(text) - 15, "mispelled")]


def test_backends_keep_one_engine_per_configuration_and_say_each_note_once() -> None:
    notes: list[str] = []
    backends = Backends(on_note=notes.append)
    harper = backends.prose_for(Settings())
    assert backends.prose_for(Settings(style="apa", dialect="british")) is harper
    assert backends.prose_for(Settings(harper_rules="all")) is not harper
    remote = backends.prose_for(Settings(languagetool_url="http://127.0.0.1:1"))
    assert remote.name == "languagetool"
    assert notes == [HARPER_NOTE]


def test_backends_keep_one_crossref_client_per_configuration() -> None:
    backends = Backends()
    one = backends.verify_for(Settings(crossref_url="http://127.0.0.1:1", cache=False))
    assert backends.verify_for(Settings(crossref_url="http://127.0.0.1:1", cache=False)) is one
    assert backends.verify_for(Settings(crossref_url="http://127.0.0.1:2", cache=False)) is not one
