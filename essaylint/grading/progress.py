"""The progress bar (rich) shown while a class is graded: files done, findings, failures."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from essaylint.grading.runner import Progress as State


@contextmanager
def progress_bar(*, enabled: bool = True) -> Iterator[Callable[[State], None]]:
    """A callback for :func:`~essaylint.grading.runner.grade_folder` that draws the bar."""
    console = Console(stderr=True)
    bar = Progress(
        TextColumn("grading"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files · {task.fields[findings]} findings · {task.fields[failed]} failed"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        disable=not enabled,
        transient=False,
    )
    task = bar.add_task("grading", total=None, findings=0, failed=0)

    def update(state: State) -> None:
        bar.update(
            task,
            total=state.total,
            completed=state.done,
            findings=state.findings,
            failed=state.failed,
        )

    with bar:
        yield update
