"""The ``essaylint`` command (typer): parse flags, run the pipeline, pick a reporter."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from essaylint import __version__

app = typer.Typer(
    name="essaylint",
    help="A citation-checked essay linter: broken citations, reference-list problems, prose slips.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class CheckFormat(str, Enum):
    text = "text"
    json = "json"


class RefsFormat(str, Enum):
    table = "table"
    json = "json"
    bibtex = "bibtex"


class StyleChoice(str, Enum):
    auto = "auto"
    apa = "apa"
    harvard = "harvard"
    numeric = "numeric"


class DialectChoice(str, Enum):
    auto = "auto"
    american = "american"
    british = "british"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


def _split(values: list[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for v in values or []:
        out.extend(p.strip() for p in v.split(",") if p.strip())
    return tuple(out)


def _fail(message: str) -> typer.Exit:
    typer.echo(f"essaylint: error: {message}", err=True)
    return typer.Exit(EXIT_USAGE)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"essaylint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """essaylint checks essays for citation and reference-list problems."""


@app.command()
def check(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Essay files (.txt .md .docx .tex .html).", metavar="PATH..."),
    ],
    format: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="Output format.")
    ] = CheckFormat.text,
    select: Annotated[
        list[str] | None, typer.Option(help="Only these rules: codes, prefixes (C, R2) or names.")
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Skip these rules.")] = None,
    style: Annotated[StyleChoice, typer.Option(help="Citation style.")] = StyleChoice.auto,
    bib: Annotated[Path | None, typer.Option(help="A BibTeX file with the entries.")] = None,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Exit 1 when a finding is at least this severe.")
    ] = FailOn.warning,
    statistics: Annotated[bool, typer.Option(help="Count findings by rule.")] = False,
    dialect: Annotated[
        DialectChoice, typer.Option(help="English spelling to expect (auto: detect).")
    ] = DialectChoice.auto,
    languagetool_url: Annotated[
        str | None,
        typer.Option("--languagetool-url", help="A LanguageTool server to check prose with."),
    ] = None,
    words: Annotated[
        list[str] | None, typer.Option("--word", help="Accept this spelling (repeatable).")
    ] = None,
) -> None:
    """Check essays and report every problem found."""
    from essaylint.config import Settings
    from essaylint.models import SEVERITY_RANK
    from essaylint.pipeline import lint_path
    from essaylint.rules.registry import RuleLoadError, all_rules, select_rules, unknown_selectors

    selected, ignored = _split(select), _split(ignore)
    try:
        rules = all_rules()
    except RuleLoadError as exc:
        raise _fail(str(exc)) from None
    unknown = unknown_selectors(selected + ignored)
    if unknown:
        raise _fail(
            f"unknown rule {', '.join(repr(u) for u in unknown)}; "
            "see 'essaylint rules' for the list"
        )
    if bib is not None and not bib.is_file():
        raise _fail(f"cannot read the BibTeX file {bib}: no such file")
    settings = Settings(
        select=selected,
        ignore=ignored,
        style=style.value,
        fail_on=fail_on.value,
        dialect=dialect.value,
        words=_split(words),
        languagetool_url=languagetool_url,
    )
    chosen = select_rules(rules, selected, ignored)
    prose = None
    if any("prose" in rule.requires for rule in chosen):
        from essaylint.services.backends import choose_prose_backend

        prose, note = choose_prose_backend(settings.languagetool_url)
        if note and format is CheckFormat.text:
            typer.echo(f"essaylint: note: {note}", err=True)
    results = [lint_path(p, settings, chosen, bib_path=bib, prose=prose) for p in paths]
    if format is CheckFormat.json:
        from essaylint.reporters.json import render as render_json

        sys.stdout.write(render_json(results))
    else:
        from essaylint.reporters.text import render as render_text
        from essaylint.reporters.text import use_colour

        sys.stdout.write(
            render_text(results, colour=use_colour(sys.stdout.isatty()), statistics=statistics)
        )
    if any(r.error for r in results):
        raise typer.Exit(EXIT_USAGE)
    threshold = SEVERITY_RANK[fail_on.value]
    if any(SEVERITY_RANK[f.severity] >= threshold for r in results for f in r.findings):
        raise typer.Exit(EXIT_FINDINGS)


@app.command()
def refs(
    path: Annotated[Path, typer.Argument(help="An essay file.")],
    format: Annotated[
        RefsFormat, typer.Option("--format", "-f", help="Output format.")
    ] = RefsFormat.table,
) -> None:
    """Show the parsed reference list."""
    import json

    from essaylint.pipeline import lint_path

    result = lint_path(path, rules=[])
    if result.error:
        raise _fail(result.error)
    entries = result.references
    if format is RefsFormat.json:
        doc = result.document
        payload = [
            {
                "line": doc.position(r.span.start).line if doc else None,
                **r.model_dump(mode="json", exclude={"span"}),
            }
            for r in entries
        ]
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    elif format is RefsFormat.bibtex:
        from essaylint.loaders.bibtex import references_to_bibtex

        sys.stdout.write(references_to_bibtex(entries))
    else:
        if not entries:
            typer.echo(f"{path}: no reference list found")
            return
        doc = result.document
        typer.echo(f"{'line':>5}  {'authors':<32} {'year':<8} {'type':<10} title")
        for r in entries:
            line = doc.position(r.span.start).line if doc else 0
            who = "; ".join(p.family for p in r.authors[:3]) + (
                " et al." if len(r.authors) > 3 or r.et_al else ""
            )
            typer.echo(
                f"{line:>5}  {who[:32]:<32} {(r.year or '-'):<8} {r.type:<10} "
                f"{(r.title or '-')[:70]}"
            )
        typer.echo(f"{len(entries)} entries")


@app.command("rules")
def list_rules() -> None:
    """List every rule: code, name, default severity and what it flags."""
    from essaylint.rules.registry import all_rules

    for cls in all_rules():
        typer.echo(f"{cls.code}  {cls.name:<22} {cls.default_severity:<8} {cls.summary}")


@app.command()
def rule(
    name: Annotated[str, typer.Argument(help="A rule code (C102) or name (year-mismatch).")],
) -> None:
    """Show one rule's documentation."""
    from essaylint.rules.registry import find_rule

    cls = find_rule(name)
    if cls is None:
        raise _fail(f"no rule called {name!r}; see 'essaylint rules'")
    typer.echo(f"{cls.code} {cls.name} (default severity: {cls.default_severity})\n")
    typer.echo(cls.documentation())


def main() -> None:
    """Entry point of the ``essaylint`` script."""
    app()
