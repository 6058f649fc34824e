"""GitHub Actions workflow commands: one annotation per finding.

    ::error file=essay.md,line=13,col=11,endLine=13,endColumn=23,title=C102 year-mismatch::Feld …

The runner turns each line into an annotation on the pull request. Control
characters from the essay are shown as U+FFFD (nothing drives the runner's
log), and the message (the command's data) escapes ``%`` and LF as ``%25`` and
``%0A``; property values also escape ``:`` and ``,`` as ``%3A`` and ``%2C``,
since those delimit the properties. Severities map to commands: error →
``::error``, warning → ``::warning``, info → ``::notice``. Columns are the
JSON report's (code points, end column just after the last character).
"""

from __future__ import annotations

from collections.abc import Sequence

from essaylint.models import FileResult
from essaylint.reporters.location import BlockLocator, finding_path, finding_region
from essaylint.reporters.safe import printable

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: str | int) -> str:
    """One workflow command line: ``::name key=value,...::message``."""
    props = ",".join(
        f"{key}={escape_property(printable(str(value)))}" for key, value in properties.items()
    )
    return f"::{name}{' ' + props if props else ''}::{escape_data(printable(message))}"


def render(results: Sequence[FileResult]) -> str:
    out: list[str] = []
    for r in results:
        if r.error:
            out.append(command("error", r.error, file=r.path, title="essaylint: unreadable file"))
            continue
        for note in r.notes:
            out.append(command("notice", note, file=r.path, title="essaylint note"))
        locator = BlockLocator(r.document)
        for f in r.findings:
            region = finding_region(r, f)
            human = locator.of(f)
            out.append(
                command(
                    COMMANDS[f.severity],
                    f"{human}: {f.message}" if human else f.message,
                    file=finding_path(r, f),
                    line=region.line,
                    col=region.column,
                    endLine=region.end_line,
                    endColumn=region.end_column,
                    title=f"{f.code} {f.rule}",
                )
            )
    return "".join(line + "\n" for line in out)
