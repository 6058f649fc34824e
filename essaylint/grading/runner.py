"""Grading a folder in parallel: long-lived worker processes, each warmed up once.

The main process finds the files, hashes them, skips what the manifest says
is unchanged, and hands the rest to a :class:`ProcessPoolExecutor`. Each
worker builds its rule set and its Harper linter once (``_init_worker``) and
then grades file after file; it writes the student page itself and returns a
small :class:`~essaylint.grading.record.Graded` record. A file that cannot be
read, or that makes a rule fail, becomes one error row; a crashed worker is
replaced and the files it had are tried once more. Ctrl-C stops the batch,
keeps every finished file and writes the reports for them.

The output folder belongs to one run at a time (a lock file), is never the
class folder itself, and after a run holds only the pages of this run's
submissions: pages of files that are gone are removed. Workers end with the
run: a killed ``grade`` leaves no worker grading on.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from essaylint.config import Settings
from essaylint.grading.cohort import latest_only
from essaylint.grading.files import (
    FolderBusyError,
    atomic_write,
    atomic_write_bytes,
    file_sha256,
    folder_lock,
)
from essaylint.grading.manifest import (
    Manifest,
    fingerprint,
    load_manifest,
    reusable,
    save_manifest,
)
from essaylint.grading.outputs import write_class_reports
from essaylint.grading.record import Graded, error_record, grade_result
from essaylint.grading.rubric import Rubric
from essaylint.grading.walk import Submission, discover
from essaylint.models import FileResult

#: Files larger than this are not graded (an essay is far smaller; a PDF with images may be big).
MAX_BYTES = 25 * 1024 * 1024
_SAVE_EVERY = 25

# Worker state, set once per process by _init_worker.
_STATE: dict[str, Any] = {}


class GradeError(Exception):
    """The run cannot start: a clear message for the teacher, no traceback."""


def _die_with_run(run_pid: int, every: float = 0.5) -> None:
    """End this worker soon after the ``grade`` process that started it has ended.

    Workers are children of multiprocessing's fork server, not of the run, so
    nothing tells them when a run is killed (SIGKILL, a closed terminal): they
    would grade on for minutes. A daemon thread looks for the run twice a
    second and ends the worker at once when it is gone.
    """

    def watch() -> None:
        while True:
            time.sleep(every)
            try:
                os.kill(run_pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:  # alive, owned by someone else (pid reused): keep going
                continue

    threading.Thread(target=watch, name="essaylint-watch-run", daemon=True).start()


def _init_worker(settings_json: str, rubric_json: str, out: str, warm: bool, run_pid: int) -> None:
    _die_with_run(run_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process decides when to stop
    from essaylint.rules.registry import all_rules, select_rules
    from essaylint.services.backends import Backends

    settings = Settings.model_validate_json(settings_json)
    rules = select_rules(all_rules(), *settings.rule_selectors())
    backends = Backends()
    prose = None
    if any("prose" in rule.requires for rule in rules):
        prose = backends.prose_for(settings)
        if warm and not settings.languagetool_url:
            from essaylint.services.harper import warm_up

            for dialect in ("american", "british"):
                if settings.dialect in ("auto", dialect):
                    warm_up(dialect, settings.harper_rules)
    verify = None
    if settings.verify and any("network" in rule.requires for rule in rules):
        verify = backends.verify_for(settings)
    _STATE.update(
        settings=settings,
        rules=rules,
        prose=prose,
        verify=verify,
        rubric=Rubric.model_validate_json(rubric_json),
        out=Path(out),
    )


def grade_one(sub: Submission, sha256: str) -> Graded:
    """Grade one file in this worker: never raises for a bad file."""
    from essaylint.grading.report_html import student_page
    from essaylint.pipeline import lint_path
    from essaylint.reporters.json import report_dict
    from essaylint.rules.registry import select_rules

    settings = _STATE["settings"]
    try:
        # The class's rules, less the per-file ignores that match this file.
        rules = select_rules(_STATE["rules"], *settings.rule_selectors(sub.path))
        result = lint_path(
            sub.path,
            settings,
            rules,
            prose=_STATE["prose"],
            verify=_STATE.get("verify"),
        )
        result = result.model_copy(update={"path": sub.rel})
        entry = report_dict([result])["files"][0]
        graded = grade_result(result, sub, _STATE["rubric"], sha256, entry)
        if graded.error is None and graded.page is not None:
            graded = _word_feedback(sub, result, graded)
            page = student_page(result, graded, _STATE["rubric"])
            atomic_write(_STATE["out"] / graded.page, page)
        return graded
    except Exception as error:  # a bug must cost one row, not the batch
        return error_record(sub, f"essaylint failed on this file: {type(error).__name__}: {error}")


FEEDBACK_DIR = "feedback"


def _word_feedback(sub: Submission, result: FileResult, graded: Graded) -> Graded:
    """For a .docx submission, write feedback/<page>.docx: a copy with a comment per finding."""
    if not sub.path.lower().endswith(".docx") or result.document is None or graded.page is None:
        return graded
    from essaylint.grading.feedback_docx import add_comments

    name = f"{FEEDBACK_DIR}/{Path(graded.page).stem}.docx"
    try:
        data = Path(sub.path).read_bytes()
        copy, placed = add_comments(data, result.document, result.findings)
        atomic_write_bytes(_STATE["out"] / name, copy)
    except (OSError, ValueError, KeyError) as error:
        note = f"no Word feedback copy: {type(error).__name__}: {error}"
        return graded.model_copy(update={"feedback_note": note})
    return graded.model_copy(update={"feedback": name, "comments": placed})


@dataclass
class Progress:
    """What the progress display is told after each file."""

    total: int
    done: int = 0
    findings: int = 0
    failed: int = 0
    skipped: int = 0


@dataclass
class Outcome:
    records: list[Graded]
    graded: int
    skipped: int
    interrupted: bool
    total: int
    seconds: float


def _context() -> multiprocessing.context.BaseContext:
    # forkserver/spawn: never fork a process that runs a progress-bar thread.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def grade_folder(
    root: Path,
    out: Path,
    *,
    rubric: Rubric,
    settings: Settings | None = None,
    jobs: int | None = None,
    force: bool = False,
    on_progress: Callable[[Progress], None] | None = None,
    assignment: str = "Essay",
) -> Outcome:
    """Grade every submission under ``root`` and write all reports into ``out``.

    :class:`GradeError` when ``out`` cannot be used: a file, the class folder
    itself, or a folder another run is writing to.
    """
    if out.exists() and not out.is_dir():
        raise GradeError(f"--out {out} is a file; give a folder for the reports")
    if out.resolve() == root.resolve():
        raise GradeError(
            f"--out {out} is the class folder itself; "
            f"give a folder of its own, e.g. {out / 'report'}"
        )
    out.mkdir(parents=True, exist_ok=True)
    try:
        with folder_lock(out):
            return _grade_locked(root, out, rubric, settings, jobs, force, on_progress, assignment)
    except FolderBusyError as busy:
        raise GradeError(f"{busy}; wait for it to finish or choose another --out") from None


def _grade_locked(
    root: Path,
    out: Path,
    rubric: Rubric,
    settings: Settings | None,
    jobs: int | None,
    force: bool,
    on_progress: Callable[[Progress], None] | None,
    assignment: str = "Essay",
) -> Outcome:
    started = time.perf_counter()
    settings = settings or Settings()
    # One submission per student: the latest upload is graded, the earlier ones listed.
    subs, earlier = latest_only(discover(root, exclude=out))
    previous_pages = {r.page for r in load_manifest(out).records.values() if r.page}
    current = fingerprint(settings.model_dump(mode="json"), rubric.model_dump(mode="json"))
    manifest = Manifest() if force else load_manifest(out)
    state = Progress(total=len(subs))
    records: dict[str, Graded] = {}
    todo: list[tuple[Submission, str]] = []

    def finish(record: Graded) -> None:
        records[record.rel] = record
        state.done += 1
        state.findings += record.findings
        state.failed += 1 if record.error else 0
        if on_progress is not None:
            on_progress(state)

    for sub in subs:
        if sub.unreadable:
            finish(error_record(sub, f"not read: {sub.rel}: {sub.unreadable}"))
            continue
        try:
            size = os.stat(sub.path).st_size
        except OSError as error:
            finish(error_record(sub, f"cannot read {sub.rel}: {error.strerror or error}"))
            continue
        if size > MAX_BYTES:
            finish(
                error_record(
                    sub,
                    f"cannot read {sub.rel}: the file is too large to grade "
                    f"({size / 1048576:.1f} MB; the limit is {MAX_BYTES // 1048576} MB)",
                )
            )
            continue
        sha = file_sha256(Path(sub.path), limit=MAX_BYTES) or ""
        old = reusable(manifest, current, sub.rel, sha, out)
        if old is not None:
            state.skipped += 1
            finish(old.model_copy(update={"student": sub.student, "page": old.page}))
        else:
            todo.append((sub, sha))

    interrupted = False
    try:
        _run_pool(todo, settings, rubric, out, jobs, finish, records, current)
    except KeyboardInterrupt:
        interrupted = True
    graded = len(records) - state.skipped
    manifest_records = {rel: r for rel, r in records.items() if r.sha256}
    save_manifest(out, Manifest(fingerprint=current, records=manifest_records))
    status = (
        f"Interrupted: {len(records)} of {len(subs)} submissions graded; run again to finish."
        if interrupted
        else ""
    )
    final = sorted(
        (r.model_copy(update={"earlier": earlier.get(r.rel, ())}) for r in records.values()),
        key=lambda r: r.rel,
    )
    final = sorted(
        write_class_reports(out, final, rubric, status=status, assignment=assignment),
        key=lambda r: r.rel,
    )
    if not interrupted:
        _remove_stale_pages(out, previous_pages - {r.page for r in final if r.page})
        _remove_stale_feedback(out, {r.feedback for r in final if r.feedback})
    return Outcome(
        records=final,
        graded=graded,
        skipped=state.skipped,
        interrupted=interrupted,
        total=len(subs),
        seconds=time.perf_counter() - started,
    )


def _remove_stale_pages(out: Path, pages: set[str]) -> None:
    """Delete pages an earlier run wrote for submissions that are no longer there."""
    for page in pages:
        path = out / page
        if path.parent == out and path.suffix == ".html":
            path.unlink(missing_ok=True)


def _remove_stale_feedback(out: Path, keep: set[str]) -> None:
    """Delete Word feedback copies of submissions that are no longer there (or no longer .docx)."""
    folder = out / FEEDBACK_DIR
    if not folder.is_dir():
        return
    for path in folder.glob("*.docx"):
        if f"{FEEDBACK_DIR}/{path.name}" not in keep:
            path.unlink(missing_ok=True)


def _run_pool(
    todo: Sequence[tuple[Submission, str]],
    settings: Settings,
    rubric: Rubric,
    out: Path,
    jobs: int | None,
    finish: Callable[[Graded], None],
    records: dict[str, Graded],
    current: str,
) -> None:
    if not todo:
        return
    workers = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    args = (settings.model_dump_json(), rubric.model_dump_json(), str(out), True, os.getpid())
    pending = list(todo)
    for attempt in (1, 2):
        crashed: list[tuple[Submission, str]] = []
        executor = ProcessPoolExecutor(
            max_workers=workers, mp_context=_context(), initializer=_init_worker, initargs=args
        )
        futures: dict[Future[Graded], tuple[Submission, str]] = {}
        try:
            for sub, sha in pending:
                futures[executor.submit(grade_one, sub, sha)] = (sub, sha)
            waiting = set(futures)
            since_save = 0
            while waiting:
                done, waiting = wait(waiting, return_when=FIRST_COMPLETED)
                for future in done:
                    sub, sha = futures[future]
                    try:
                        finish(future.result())
                    except BrokenProcessPool:
                        crashed.append((sub, sha))
                    except Exception as error:
                        finish(error_record(sub, f"essaylint failed on this file: {error}", sha))
                    since_save += 1
                if since_save >= _SAVE_EVERY:
                    since_save = 0
                    save_manifest(
                        out,
                        Manifest(
                            fingerprint=current,
                            records={k: r for k, r in records.items() if r.sha256},
                        ),
                    )
        except KeyboardInterrupt:
            executor.shutdown(wait=True, cancel_futures=True)
            for future, (_sub, _sha) in futures.items():
                if future.done() and not future.cancelled() and future.exception() is None:
                    record = future.result()
                    if record.rel not in records:
                        finish(record)
            raise
        executor.shutdown(wait=True)
        if not crashed:
            return
        if attempt == 2:
            for sub, sha in crashed:
                finish(
                    error_record(
                        sub,
                        "the grading process stopped while reading this file "
                        "(out of memory or a crash in a library)",
                        sha,
                    )
                )
        pending = crashed
