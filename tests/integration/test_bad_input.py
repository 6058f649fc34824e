"""Bad input through the real installed ``essaylint`` command (docs/architecture.md).

Every case must give a clear one-line message, the right exit code, no traceback,
and leave the input file exactly as it was (bytes and mtime).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ESSAYS = Path(__file__).resolve().parents[2] / "fixtures" / "essays"
CLEAN = ESSAYS / "clean-apa.md"
PROBLEMS = ESSAYS / "problems-apa.md"


def _command() -> list[str]:
    script = Path(sys.executable).with_name("essaylint")
    if script.exists():
        return [str(script)]
    found = shutil.which("essaylint")
    return [found] if found else [sys.executable, "-m", "essaylint"]


ESSAYLINT = _command()


def essaylint(*args: str | Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run(
        [*ESSAYLINT, *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        env=env,
        check=False,
    )
    both = proc.stdout + proc.stderr
    assert "Traceback" not in both, both
    return proc


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def message_lines(proc: subprocess.CompletedProcess[str], name: str) -> list[str]:
    return [s for s in (proc.stdout + proc.stderr).splitlines() if name in s and "error" in s]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    old = time.time() - 3600  # an mtime that a rewrite would visibly change
    os.utime(path, (old, old))
    return path


# name, bytes, words the one-line message must contain
UNREADABLE = [
    ("empty.txt", b"", "empty"),
    ("blank.md", b"  \n\n\t \n", "empty"),
    ("junk.bin", bytes(range(256)) * 40, "binary"),
    ("junk.txt", b"\x00\x01\x02\xff\xfe" * 2000, "binary"),
    ("corrupt.docx", b"PK\x03\x04" + b"not really a zip" * 50, ".docx"),
    ("truncated.docx", b"", "empty"),
    ("text-named.docx", b"This is plain text with a .docx name (Smith, 2019).\n", ".docx"),
    ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, ".doc"),
]


@pytest.mark.parametrize(("name", "data", "word"), UNREADABLE, ids=[u[0] for u in UNREADABLE])
def test_unreadable_input_gives_one_clear_line_and_exit_2(
    tmp_path: Path, name: str, data: bytes, word: str
) -> None:
    path = write(tmp_path, name, data)
    before = snapshot(path)
    proc = essaylint("check", path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    lines = message_lines(proc, name)
    assert len(lines) == 1, proc.stdout + proc.stderr
    assert word.lower() in lines[0].lower(), lines[0]
    assert "could not be read" in proc.stdout
    assert snapshot(path) == before


@pytest.mark.parametrize(
    ("name", "data", "word"), UNREADABLE[:5], ids=[u[0] for u in UNREADABLE[:5]]
)
def test_unreadable_input_in_json_has_error_and_no_findings(
    tmp_path: Path, name: str, data: bytes, word: str
) -> None:
    path = write(tmp_path, name, data)
    proc = essaylint("check", "--format", "json", path)
    assert proc.returncode == 2
    (file,) = json.loads(proc.stdout)["files"]
    assert file["findings"] == []
    assert word.lower() in file["error"].lower()
    assert "\n" not in file["error"]


def test_missing_path(tmp_path: Path) -> None:
    proc = essaylint("check", tmp_path / "nowhere.md")
    assert proc.returncode == 2
    (line,) = message_lines(proc, "nowhere.md")
    assert "no such file" in line


def test_directory_instead_of_file(tmp_path: Path) -> None:
    proc = essaylint("check", tmp_path)
    assert proc.returncode == 2
    assert "directory" in proc.stdout + proc.stderr


def test_refs_of_unreadable_input(tmp_path: Path) -> None:
    path = write(tmp_path, "junk.txt", bytes(range(256)) * 10)
    before = snapshot(path)
    proc = essaylint("refs", path)
    assert proc.returncode == 2
    assert len(message_lines(proc, "junk.txt")) == 1
    assert snapshot(path) == before


def test_invalid_utf8_is_decoded_with_a_note_and_still_checked(tmp_path: Path) -> None:
    text = (
        "Caf\xe9 owners disagree (Quillfeather, 2017), though trade grew (Brennan, 2016).\n\n"
        "References\n\n"
        "Brennan, S. (2016). After six: The evening economy of small towns. Northgate Books.\n"
    )
    path = write(tmp_path, "latin1.txt", text.encode("latin-1"))
    before = snapshot(path)
    proc = essaylint("check", path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    notes = [s for s in proc.stdout.splitlines() if s.startswith(f"{path}: note:")]
    assert len(notes) == 1
    assert "UTF-8" in notes[0]
    assert " C101 missing-reference " in proc.stdout
    assert "Quillfeather" in proc.stdout
    assert "Café" in proc.stdout  # the excerpt shows the decoded text
    assert snapshot(path) == before

    report = json.loads(essaylint("check", "--format", "json", path).stdout)
    (file,) = report["files"]
    assert file["error"] is None
    assert any("UTF-8" in n for n in file.get("notes", []))
    assert [f["code"] for f in file["findings"]] == ["C101"]


def test_essay_without_reference_list(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "nolist.md",
        b"Most people agree (Smith, 2019). Jones (2020) is less sure.\n\nThat is all.\n",
    )
    before = snapshot(path)
    proc = essaylint("check", "--format", "json", path)
    assert proc.returncode == 1
    (file,) = json.loads(proc.stdout)["files"]
    assert file["error"] is None
    assert file["references"] == 0
    missing = [f for f in file["findings"] if f["code"] == "C101"]
    assert len(missing) == 2
    assert all("no reference list" in f["message"] for f in missing)
    assert snapshot(path) == before


def test_prose_without_citations_or_list_is_clean(tmp_path: Path) -> None:
    path = write(tmp_path, "plain.txt", b"A short note about the weather.\nIt rained all day.\n")
    proc = essaylint("check", path)
    assert proc.returncode == 0
    assert proc.stdout.strip() == "0 findings in 1 file."


def test_batch_reports_the_bad_file_and_checks_the_others(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.docx", b"PK\x03\x04 broken")
    good = tmp_path / "good.md"
    shutil.copy(PROBLEMS, good)
    other = tmp_path / "other.md"
    shutil.copy(CLEAN, other)
    before = [snapshot(p) for p in (good, bad, other)]

    proc = essaylint("check", good, bad, other)
    assert proc.returncode == 2
    out = proc.stdout
    assert f"{good}:" in out
    assert " C101 missing-reference " in out
    assert len(message_lines(proc, "bad.docx")) == 1
    assert out.splitlines()[-1].endswith("in 2 files; 1 file could not be read.")
    assert [snapshot(p) for p in (good, bad, other)] == before

    report = json.loads(essaylint("check", "--format", "json", good, bad, other).stdout)
    paths = [f["path"] for f in report["files"]]
    assert paths == [str(good), str(bad), str(other)]
    good_r, bad_r, other_r = report["files"]
    assert good_r["error"] is None
    assert good_r["findings"]
    assert bad_r["error"]
    assert bad_r["findings"] == []
    assert other_r["error"] is None
    assert other_r["findings"] == []
    assert report["summary"]["files"] == 3


def _big_essay(size: int) -> str:
    para = (
        "Night markets have spread through mid-sized towns over the last decade, and "
        "councils have noticed the change in footfall on the high street. Traders "
        "report thin margins in the winter months, while food stalls dominate.\n\n"
    )
    cited = "Footfall rose on market nights (Halvorsen & Pike, 2021; Brennan, 2016).\n\n"
    refs = (
        "References\n\n"
        "Brennan, S. (2016). After six: The evening economy of small towns. Northgate Books.\n\n"
        "Halvorsen, T., & Pike, M. (2021). Footfall on market nights. Westbridge Council.\n"
    )
    block = para * 49 + cited
    return block * ((size - len(refs)) // len(block)) + refs


@pytest.mark.slow
def test_twenty_megabyte_file_finishes(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text(_big_essay(20_000_000), encoding="utf-8")
    before = snapshot(path)
    assert path.stat().st_size > 19_000_000
    proc = essaylint("check", "--format", "json", path, timeout=300)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr
    report = json.loads(proc.stdout)
    (file,) = report["files"]
    assert file["error"] is None
    assert file["references"] == 2
    assert file["citations"] > 1000
    assert snapshot(path) == before


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "too-big.txt"
    with path.open("wb") as fh:  # sparse: cheap to create
        fh.truncate(60 * 1024 * 1024)
    proc = essaylint("check", path, timeout=60)
    assert proc.returncode == 2
    (line,) = message_lines(proc, "too-big.txt")
    assert "too large" in line
