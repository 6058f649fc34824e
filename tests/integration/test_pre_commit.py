"""The pre-commit hook, run by the real pre-commit: ``pre-commit try-repo`` on a
temporary git repository with one clean and one broken essay.

try-repo installs this repository the way a user's pre-commit would: it clones
it (at HEAD, plus uncommitted changes to tracked files, which it commits into a
temporary "shadow" clone; untracked files are not included), creates a fresh
virtualenv and ``pip install``s essaylint into it. That needs the package
index (or pip's cache) and takes about 20 seconds per run on a warm pip cache;
each try-repo run builds its own environment in a temporary store, so the two
runs below cost about 40 seconds.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ESSAYS = ROOT / "fixtures" / "essays"

pytestmark = pytest.mark.slow


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


@pytest.fixture(scope="module")
def writing_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    probe = subprocess.run(
        ["git", "ls-files", "--error-unmatch", ".pre-commit-hooks.yaml"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    if probe.returncode != 0:
        pytest.skip("not a git checkout with a tracked .pre-commit-hooks.yaml")
    repo = tmp_path_factory.mktemp("writing")
    _git(repo, "init", "-q")
    shutil.copy(ESSAYS / "clean-apa.md", repo / "clean.md")
    shutil.copy(ESSAYS / "sample-essay.md", repo / "broken.md")
    _git(repo, "add", "clean.md", "broken.md")
    return repo


def try_repo(repo: Path, home: Path, *files: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never", NO_COLOR="1")
    env.pop("GIT_DIR", None)
    env.pop("GIT_INDEX_FILE", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "essaylint", "--files", *files],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def test_hook_fails_on_the_broken_essay_only(writing_repo: Path, tmp_path: Path) -> None:
    proc = try_repo(writing_repo, tmp_path / "home", "clean.md", "broken.md")
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "essaylint" in out
    assert "Failed" in out
    assert "broken.md:13:11: C102 year-mismatch" in out
    assert "clean.md:" not in out


def test_hook_passes_on_the_clean_essay(writing_repo: Path, tmp_path: Path) -> None:
    proc = try_repo(writing_repo, tmp_path / "home", "clean.md")
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert "Passed" in out


def test_hook_manifest_matches_essay_files() -> None:
    import re

    from pre_commit.clientlib import load_manifest

    (hook,) = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert hook["id"] == "essaylint"
    assert hook["entry"] == "essaylint check"
    assert hook["language"] == "python"
    files = re.compile(hook["files"])
    for name in ("a.md", "b.txt", "c.tex", "d.docx", "E.DOCX", "f.markdown"):
        assert files.search(name), name
    for name in ("a.py", "b.bib", "c.md.orig"):
        assert not files.search(name), name


def test_hook_leaves_out_a_projects_own_documents() -> None:
    import re

    from pre_commit.clientlib import load_manifest

    from essaylint.loaders.folders import NOT_ESSAYS

    (hook,) = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    exclude = re.compile(hook["exclude"])
    for name in ("README.md", "docs/readme.md", "CHANGELOG.md", "LICENSE.txt", "CONTRIBUTING.md"):
        assert exclude.search(name), name
        assert NOT_ESSAYS.match(name.rsplit("/", 1)[-1]), name  # the folder check agrees
    for name in ("essay.md", "chapters/readings.md", "docs/licensing-essay.md"):
        assert not exclude.search(name), name
        assert not NOT_ESSAYS.match(name.rsplit("/", 1)[-1]), name
