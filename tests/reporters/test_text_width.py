"""The text report fits its width and never prints a control character from an essay."""

from __future__ import annotations

from essaylint.pipeline import lint_text
from essaylint.reporters import github
from essaylint.reporters.text import render

LONG = (
    "Online movements spread quickly across borders and platforms, and scholars who study "
    "them agree that the speed is new even when the grievances are old (Okafor, 2019), "
    "which is why the comparison with earlier campaigns matters so much here (Lund, 2020).\n\n"
    "References\n\n"
    "Okafor, N. (2018). A very long title about networked movements, hashtags, publics and "
    "the many ways in which attention moves between platforms in the age of feeds. "
    "Journal of Networked Publics, 4(2), 1-20.\n"
)


def test_no_excerpt_line_is_wider_than_the_width() -> None:
    result = lint_text(LONG, path="essay.md")
    assert result.findings
    for width in (60, 80, 120):
        lines = render([result], width=width).splitlines()
        excerpts = [line for line in lines if line.startswith("    ")]
        assert excerpts
        assert max(len(line) for line in excerpts) <= width, width


def test_carets_sit_under_the_flagged_text_when_the_line_is_cut() -> None:
    result = lint_text(LONG, path="essay.md")
    lines = render([result], width=80).splitlines()
    for i, line in enumerate(lines):
        if "C102" in line or "C101" in line:
            shown, carets = lines[i + 1], lines[i + 2]
            start = carets.index("^")
            flagged = shown[start : start + carets.count("^")]
            assert flagged.startswith(("(Okafor", "(Lund")), (shown, carets)


def test_escape_sequences_from_an_essay_are_never_printed_raw() -> None:
    text = (
        "A claim (Okafor, 2019) \x1b[2J\x1b]0;title\x07 and a bell.\n\n"
        "References\n\nOkafor, N. (2018). Title\x1b[31m red. Press.\n"
    )
    result = lint_text(text, path="essay\x1b[1m.md")
    shown = render([result]) + github.render([result])
    assert "\x1b" not in shown
    assert "\x07" not in shown
    assert "\ufffd[2J" in render([result])
