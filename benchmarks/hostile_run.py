"""Running one essaylint process on a hostile input, measured, and judging what it did.

The measuring half of benchmarks/hostile_inputs.py. A run is a fresh
``python -m essaylint ...`` process; its peak memory is read from /proc
while it runs (:class:`PeakMemory`): the child's own high-water mark and that
of its worker processes, and their sum at each sample.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ESC = "\x1b"
# C0 controls but tab and newline, DEL, and C1 (where CSI "\x9b" is): never printed raw.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
NOISY_STDERR_LINES = 10  # more than this on stderr is a library talking to the terminal


@dataclass(frozen=True)
class Outcome:
    """What one process did."""

    code: int | None  # None: killed at the time limit
    seconds: float
    peak_mb: float
    stdout: str
    stderr: str
    cpu_seconds: float = 0.0  # user + system time of the process and the workers it waited for


@dataclass(frozen=True)
class Row:
    """One line of the table."""

    name: str
    exit: str
    seconds: float
    peak_mb: float
    verdict: str

    @property
    def ok(self) -> bool:
        return self.verdict == "ok" or self.verdict.startswith("ok:")


def essaylint(*args: str | Path) -> list[str]:
    """The command line of a fresh essaylint process."""
    return [sys.executable, "-m", "essaylint", *map(str, args)]


class Running:
    """One started process, its output going to files in ``folder``."""

    def __init__(
        self,
        command: Sequence[str],
        folder: Path,
        env: Mapping[str, str] | None = None,
        tag: str = "run",
    ) -> None:
        self._out = folder / f"{tag}.stdout"
        self._err = folder / f"{tag}.stderr"
        with self._out.open("wb") as out, self._err.open("wb") as err:
            self.start = time.perf_counter()
            self.proc = subprocess.Popen(
                list(command),
                stdout=out,
                stderr=err,
                stdin=subprocess.DEVNULL,
                cwd=folder,
                env={**os.environ, **(env or {})},
            )

    def wait(self, timeout: float) -> Outcome:
        """Wait for the process (kill it after ``timeout`` seconds) and measure it."""
        memory = PeakMemory(self.proc.pid)
        while True:
            memory.sample(whole_tree=memory.samples % 5 == 0)
            pid, status, usage = os.wait4(self.proc.pid, os.WNOHANG)
            seconds = time.perf_counter() - self.start
            if pid:
                code: int | None = os.waitstatus_to_exitcode(status)
                break
            if seconds > timeout:
                self.proc.kill()
                _, _, usage = os.wait4(self.proc.pid, 0)
                code = None
                break
            time.sleep(0.02)
        self.proc.returncode = -9 if code is None else code
        return Outcome(
            code=code,
            seconds=seconds,
            peak_mb=memory.peak / 2**20,
            stdout=_head(self._out),
            stderr=_head(self._err),
            cpu_seconds=usage.ru_utime + usage.ru_stime,
        )

    def kill(self) -> Outcome:
        """SIGKILL the process now (as an out-of-memory killer or a user would)."""
        self.proc.send_signal(signal.SIGKILL)
        return self.wait(timeout=30)


def _head(path: Path, limit: int = 4 * 2**20) -> str:
    """The first ``limit`` bytes of an output file (a hostile run may print gigabytes)."""
    with path.open("rb") as fh:
        return fh.read(limit).decode("utf-8", "replace")


def _parents() -> dict[int, int]:
    """Every process's parent (Linux /proc)."""
    found: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[-1].split()
            except OSError:
                continue
            found[int(entry.name)] = int(fields[1])
    return found


def descendants(pid: int) -> list[int]:
    """The processes started by ``pid``, and theirs, and so on."""
    parents = _parents()
    tree, grew = {pid}, True
    while grew:
        more = {child for child, parent in parents.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    return sorted(tree - {pid})


def _status_kb(pid: int, field: str) -> int:
    """A ``kB`` field of /proc/<pid>/status (0 when the process is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


class PeakMemory:
    """The peak resident memory of a process and its descendants, sampled.

    Two readings: the kernel's high-water mark of each process's own memory
    (``VmHWM``, which starts afresh at exec, so the parent that started it
    does not count, as it does in ``wait4``'s ``ru_maxrss``), and the sum of
    the resident memory of the whole tree at each sample (workers that run at
    once). The peak is the larger.
    """

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.samples = 0
        self._marks: dict[int, int] = {}
        self._tree_sum = 0

    def sample(self, *, whole_tree: bool) -> None:
        self.samples += 1
        members = [self.pid, *descendants(self.pid)] if whole_tree else [self.pid]
        total = 0
        for member in members:
            mark = _status_kb(member, "VmHWM")
            if mark:
                self._marks[member] = mark
            total += _status_kb(member, "VmRSS")
        if whole_tree:
            self._tree_sum = max(self._tree_sum, total)

    @property
    def peak(self) -> int:
        """Bytes."""
        return max([self._tree_sum, *self._marks.values()]) * 1024


def run(
    command: Sequence[str],
    folder: Path,
    timeout: float,
    env: Mapping[str, str] | None = None,
    tag: str = "run",
) -> Outcome:
    return Running(command, folder, env, tag).wait(timeout)


def problem(outcome: Outcome, *, exits: tuple[int, ...] = (0, 1, 2)) -> str | None:
    """What is wrong with a run by the general bar, or None.

    A clear answer is an exit in ``exits`` with no traceback, nothing raw from
    the terminal's control set in the output, and no flood on stderr.
    """
    if outcome.code is None:
        return "TIMEOUT"
    if outcome.code < 0:
        return f"CRASH (signal {-outcome.code})"
    if "Traceback" in outcome.stderr or "Traceback" in outcome.stdout:
        return "TRACEBACK: " + _last_line(outcome.stderr or outcome.stdout)
    raw = CONTROL.search(outcome.stdout) or CONTROL.search(outcome.stderr)
    if raw:
        return f"RAW CONTROL CHARACTER {raw.group()!r} in the output"
    lines = outcome.stderr.count("\n")
    if lines > NOISY_STDERR_LINES:
        return f"NOISE: {lines} lines on stderr ({_last_line(outcome.stderr)})"
    if outcome.code not in exits:
        return f"exit {outcome.code}: {_last_line(outcome.stderr)}"
    return None


def judged(name: str, outcome: Outcome, extra: str | None = None) -> Row:
    """The table row of one run: the general bar first, then the case's own check."""
    verdict = problem(outcome) or extra
    if verdict is None:
        said = _message(outcome) if outcome.code == 2 else ""
        verdict = f"ok: {said}" if said else "ok"
    code = "-" if outcome.code is None else str(outcome.code)
    return Row(name, code, outcome.seconds, outcome.peak_mb, verdict)


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:140] if lines else "(nothing)"


def _message(outcome: Outcome) -> str:
    """The one-line error of an exit-2 run (from stderr, the text report, or the JSON)."""
    import json

    try:
        report = json.loads(outcome.stdout)
    except ValueError:
        return _last_line(outcome.stderr or outcome.stdout)
    errors = [f.get("error") for f in report.get("files", []) if isinstance(f, dict)]
    found = [e for e in errors if e]
    return str(found[0])[:140] if found else _last_line(outcome.stderr)
