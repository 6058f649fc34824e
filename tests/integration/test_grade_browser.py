"""The grading report in a real headless Chromium: findings visible, no essay script runs.

Uses Debian's chromium (.ci/run installs it). Set ESSAYLINT_SCREENSHOTS=DIR to
keep the screenshots for a person to look at.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from essaylint.grading.rubric import default_rubric
from essaylint.grading.runner import grade_folder

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)"),
]

EVIL = """# Social media and protest <script>document.title='PWNED'</script>

Movements now spread online within days (Smith, 2019). <img src=x onerror="document.title='PWNED'">
Later work agrees (Jones, 2020), and so does Smith (2018).

## References

Smith, J. (2019). Networks <script>document.title='PWNED'</script>. Media, 4(2), 1-20.
"""


def chromium(tmp_path: Path, url: str, *args: str) -> str:
    assert CHROMIUM is not None
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--hide-scrollbars", f"--user-data-dir={profile}",
        "--virtual-time-budget=2000", *args, url,
    ]  # fmt: skip
    proc = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def screenshot(tmp_path: Path, page: Path, name: str) -> Path:
    keep = os.environ.get("ESSAYLINT_SCREENSHOTS")
    target = Path(keep) / name if keep else tmp_path / name
    target.parent.mkdir(parents=True, exist_ok=True)
    chromium(tmp_path, page.as_uri(), f"--screenshot={target}", "--window-size=1300,1000")
    assert target.stat().st_size > 10_000  # a real rendering, not a blank page
    return target


def title(dom: str) -> str:
    match = re.search(r"<title>(.*?)</title>", dom, re.S)
    assert match is not None
    return match.group(1)


def test_detection_works_on_a_page_whose_script_runs(tmp_path: Path) -> None:
    page = tmp_path / "control.html"
    page.write_text("<title>before</title><script>document.title='RAN'</script>")
    assert title(chromium(tmp_path, page.as_uri(), "--dump-dom")) == "RAN"


def test_report_renders_findings_and_runs_no_essay_script(tmp_path: Path) -> None:
    subs = tmp_path / "submissions"
    (subs / "Mallory <b>X</b>").mkdir(parents=True)
    # .txt keeps every character; a .md has its HTML layout tags blanked before reading.
    (subs / "Mallory <b>X</b>" / "essay.txt").write_text(EVIL, encoding="utf-8")
    shutil.copy(ROOT / "fixtures" / "essays" / "sample-essay.md", subs / "sample-essay.md")
    out = tmp_path / "report"
    grade_folder(subs, out, rubric=default_rubric(), jobs=1)

    index_dom = chromium(tmp_path, (out / "index.html").as_uri(), "--dump-dom")
    assert 'data-sortable="ready"' in index_dom  # our own script ran: JavaScript is on
    assert title(index_dom) == "essaylint — class report"
    assert "PWNED" not in title(index_dom)
    assert "<svg" in index_dom
    assert "missing-reference" in index_dom
    assert "&lt;b&gt;X&lt;/b&gt;" in index_dom  # the folder name is shown as text
    screenshot(tmp_path, out / "index.html", "grade-index.png")

    evil_page = next(p for p in out.glob("mallory*.html"))
    dom = chromium(tmp_path, evil_page.as_uri(), "--dump-dom")
    assert "PWNED" not in title(dom)
    assert "<script" not in dom  # neither the essay's scripts nor any other
    assert "<img" not in dom
    assert "&lt;script&gt;document.title='PWNED'&lt;/script&gt;" in dom
    assert "<mark" in dom
    assert "missing-reference" in dom

    sample = out / "sample-essay.html"
    dom = chromium(tmp_path, sample.as_uri(), "--dump-dom")
    assert dom.count("<mark") >= 4
    assert "C102 year-mismatch" in dom
    assert 'href="#ref-' in dom  # citations link to their reference-list entries
    screenshot(tmp_path, sample, "grade-student.png")
    screenshot(tmp_path, evil_page, "grade-escaped.png")
