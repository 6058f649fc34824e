"""The ``essaylint`` command (typer): parse flags, run the pipeline, pick a reporter."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from essaylint import __version__

if TYPE_CHECKING:
    from essaylint.config import Settings
    from essaylint.models import FileResult, Reference
    from essaylint.rules.base import Rule
    from essaylint.services.backends import Backends

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
    sarif = "sarif"
    github = "github"
    junit = "junit"


class RefsFormat(str, Enum):
    table = "table"
    json = "json"
    bibtex = "bibtex"


class StyleChoice(str, Enum):
    auto = "auto"
    apa = "apa"
    harvard = "harvard"
    numeric = "numeric"
    mla = "mla"
    chicago = "chicago"


class DialectChoice(str, Enum):
    auto = "auto"
    american = "american"
    british = "british"


class HarperRulesChoice(str, Enum):
    essay = "essay"
    all = "all"


ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Use this config file (else the nearest .essaylint.toml or pyproject.toml).",
    ),
]

HARPER_RULES_HELP = "Harper rules to run: essay (grammar and spelling for essays) or all (slower)."


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
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(help="Essay files (.txt .md .docx .odt .tex .html).", metavar="PATH..."),
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
    harper_rules: Annotated[
        HarperRulesChoice, typer.Option("--harper-rules", help=HARPER_RULES_HELP)
    ] = HarperRulesChoice.essay,
    words: Annotated[
        list[str] | None, typer.Option("--word", help="Accept this spelling (repeatable).")
    ] = None,
    verify: Annotated[
        bool, typer.Option("--verify", help="Look the references up in Crossref (network).")
    ] = False,
    crossref_url: Annotated[
        str | None,
        typer.Option("--crossref-url", help="Crossref API base URL (a mirror or test server)."),
    ] = None,
    cache: Annotated[
        bool, typer.Option("--cache/--no-cache", help="Reuse earlier Crossref answers.")
    ] = True,
    config: ConfigOption = None,
    fix: Annotated[
        bool, typer.Option("--fix", help="Apply safe fixes to the files (.txt .md .tex).")
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Show the safe fixes as a unified diff; change nothing.")
    ] = False,
) -> None:
    """Check essays and report every problem found."""
    from essaylint.config import Settings
    from essaylint.models import SEVERITY_RANK
    from essaylint.rules.registry import RuleLoadError, all_rules, unknown_selectors

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
        harper_rules=harper_rules.value,
        verify=verify,
        crossref_url=crossref_url,
        cache=cache,
    )
    paths, found_in_folders = _expand_folders(paths)
    per_file, chosen_for = _per_file_settings(ctx, paths, settings, rules, config)
    left_out = {p for p in found_in_folders if per_file[p].excludes(str(p))}
    paths = [p for p in paths if p not in left_out]
    if not paths:
        raise _fail(
            "no essays to check: the directory given holds no .txt .md .docx .odt .tex "
            ".html .pdf file that is not excluded"
        )
    if fix or diff:
        _fix_files(paths, per_file, chosen_for, bib, write=fix, show_diff=diff)
        if diff:
            return
    from essaylint.pipeline import once_per_project

    backends = None  # each file's engines, from its own settings, when a rule needs one
    if any(_engines_needed(per_file[p], chosen_for[p]) != (False, False) for p in paths):
        from essaylint.services.backends import HARPER_NOTE, Backends

        def say(note: str) -> None:
            if format is CheckFormat.text or note != HARPER_NOTE:  # machine output stays quiet
                typer.echo(f"essaylint: note: {note}", err=True)

        backends = Backends(on_note=say)
    results = once_per_project(
        [_check_one(p, per_file[p], chosen_for[p], bib=bib, backends=backends) for p in paths]
    )
    if format is CheckFormat.json:
        from essaylint.reporters.json import write as write_json

        write_json(results, sys.stdout)
    elif format is CheckFormat.sarif:
        from essaylint.reporters.sarif import render as render_sarif

        sys.stdout.write(render_sarif(results, rules))
    elif format is CheckFormat.github:
        from essaylint.reporters.github import render as render_github

        sys.stdout.write(render_github(results))
    elif format is CheckFormat.junit:
        from essaylint.reporters.junit import render as render_junit

        fail_on_by_file = {r.path: per_file[p].fail_on for p, r in zip(paths, results, strict=True)}
        sys.stdout.write(render_junit(results, fail_on=fail_on_by_file))
    else:
        from essaylint.reporters.text import output_width, use_colour
        from essaylint.reporters.text import render as render_text

        tty = sys.stdout.isatty()
        sys.stdout.write(
            render_text(
                results, colour=use_colour(tty), statistics=statistics, width=output_width(tty)
            )
        )
    if any(r.error for r in results):
        raise typer.Exit(EXIT_USAGE)
    if any(
        SEVERITY_RANK[f.severity] >= SEVERITY_RANK[per_file[p].fail_on]
        for p, r in zip(paths, results, strict=True)
        for f in r.findings
    ):
        raise typer.Exit(EXIT_FINDINGS)


def _flags_given(ctx: typer.Context, values: Mapping[str, Any]) -> dict[str, Any]:
    """The settings typed on the command line (not left at their defaults), by field.

    These go last in the chain: defaults <- config file <- command line (see
    :func:`essaylint.config.load_settings`).
    """
    from essaylint.config import Settings

    def typed(name: str) -> bool:
        source = ctx.get_parameter_source(name)
        return source is not None and source.name not in ("DEFAULT", "DEFAULT_MAP")

    return {
        name: value
        for name, value in values.items()
        if name in Settings.model_fields and name in ctx.params and typed(name)
    }


def _per_file_settings(
    ctx: typer.Context,
    paths: list[Path],
    cli: Settings,
    rules: Sequence[type[Rule]],
    config: Path | None,
) -> tuple[dict[Path, Settings], dict[Path, list[type[Rule]]]]:
    """Each file's settings (its config file, then the flags given) and chosen rules."""
    from essaylint.config import ConfigError, load_settings
    from essaylint.rules.registry import select_rules

    given = _flags_given(ctx, cli.model_dump())
    per_file: dict[Path, Settings] = {}
    chosen: dict[Path, list[type[Rule]]] = {}
    try:
        for path in paths:
            per_file[path] = load_settings(path, given, config_file=config)
            chosen[path] = select_rules(rules, *per_file[path].rule_selectors(str(path)))
    except ConfigError as exc:
        raise _fail(str(exc)) from None
    return per_file, chosen


def _fix_files(
    paths: list[Path],
    per_file: dict[Path, Settings],
    chosen: dict[Path, list[type[Rule]]],
    bib: Path | None,
    *,
    write: bool,
    show_diff: bool,
) -> None:
    """--fix / --diff: compute each file's safe fixes; write them or print the diff."""
    from essaylint.fixer import fix_path, write_atomically
    from essaylint.loaders import LoadError

    bib_refs: tuple[Reference, ...] = ()
    if bib is not None:
        from essaylint.loaders.bibtex import load_bib

        try:
            bib_refs = tuple(load_bib(bib))
        except LoadError as exc:
            raise _fail(str(exc)) from None
    would = False
    for path in paths:
        outcome = fix_path(path, per_file[path], chosen[path], bib=bib_refs)
        if outcome.error is not None:
            typer.echo(f"essaylint: not fixed: {outcome.error}", err=True)
            continue
        if show_diff:
            sys.stdout.write(outcome.diff())
        if not outcome.changed:
            continue
        would = True
        if write and not show_diff:
            try:
                write_atomically(path, outcome.data, expected=outcome.original_data)
            except OSError as exc:
                typer.echo(f"essaylint: not fixed: {path}: {exc}", err=True)
                continue
            typer.echo(f"fixed {_problems(outcome.fixed)} in {path}", err=True)
        else:
            typer.echo(f"would fix {_problems(outcome.fixed)} in {path}", err=True)
    if show_diff and would:
        raise typer.Exit(EXIT_FINDINGS)


def _problems(n: int) -> str:
    return f"{n} problem{'s' if n != 1 else ''}"


def _expand_folders(paths: list[Path]) -> tuple[list[Path], set[Path]]:
    """Folders become the essays in them (see loaders.folders), a LaTeX root file the
    root and the chapters it includes; other files stay as given. Each file once."""
    from essaylint.loaders.folders import essays_in

    expanded: list[Path] = []
    from_folders: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found = essays_in(path)
            expanded += found
            from_folders.update(found)
            continue
        expanded.append(path)
        if path.suffix.lower() == ".tex" and path.is_file():
            from essaylint.loaders.latex_project import included_files

            chapters = included_files(path)
            expanded += chapters
            from_folders.update(chapters)
    seen: set[Path] = set()
    unique = []
    for path in expanded:
        if path.resolve() not in seen:
            seen.add(path.resolve())
            unique.append(path)
    return unique, from_folders


def _engines_needed(settings: Settings, rules: Sequence[type[Rule]]) -> tuple[bool, bool]:
    """Whether a file needs the prose engine, and the Crossref client."""
    prose = any("prose" in r.requires for r in rules)
    return prose, settings.verify and any("network" in r.requires for r in rules)


def _check_one(
    path: Path,
    settings: Settings,
    rules: Sequence[type[Rule]],
    *,
    bib: Path | None,
    backends: Backends | None,
) -> FileResult:
    """One file's result; an unexpected failure becomes that file's error, not a traceback.

    The spelling engine and the Crossref client are the ones this file's
    settings ask for (shared with the other files that ask for the same).
    """
    from essaylint.models import FileResult
    from essaylint.pipeline import lint_path

    prose = verify = None
    needs_prose, needs_verify = _engines_needed(settings, rules)
    if backends is not None and needs_prose:
        prose = backends.prose_for(settings)
    if backends is not None and needs_verify:
        verify = backends.verify_for(settings)
    try:
        return lint_path(path, settings, rules, bib_path=bib, prose=prose, verify=verify)
    except Exception as exc:  # a bug must cost one file, not the batch
        return FileResult(
            path=str(path),
            error=f"essaylint failed on this file ({type(exc).__name__}: {exc}); please report it",
        )


@app.command()
def refs(
    path: Annotated[Path, typer.Argument(help="An essay file.")],
    format: Annotated[
        RefsFormat, typer.Option("--format", "-f", help="Output format.")
    ] = RefsFormat.table,
    config: ConfigOption = None,
) -> None:
    """Show the parsed reference list (read with the file's config: style, bib)."""
    import json

    from essaylint.config import ConfigError, load_settings
    from essaylint.pipeline import lint_path

    try:
        settings = load_settings(path, config_file=config)
    except ConfigError as exc:
        raise _fail(str(exc)) from None
    result = lint_path(path, settings, rules=[])
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
    rows = cls.option_rows()
    if rows:
        typer.echo(f"\nOptions ([tool.essaylint.rules.{cls.name}]):")
        for key, default, text in rows:
            typer.echo(f"  {key} = {default}\n      {text}")


@app.command()
def server(
    verify: Annotated[
        bool,
        typer.Option("--verify", help="Look the references up in Crossref, in the background."),
    ] = False,
) -> None:
    """Run the language server on stdin/stdout (see docs/editors.md to set up an editor)."""
    from essaylint.server import serve

    serve({"verify": True} if verify else None)


cache_app = typer.Typer(help="The Crossref answer cache used by --verify.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


@cache_app.command("clear")
def cache_clear() -> None:
    """Delete every stored Crossref answer (the next --verify run asks again)."""
    from essaylint.services.cache import clear_cache

    path, count = clear_cache()
    typer.echo(f"cleared {count} cached answers from {path}")


@cache_app.command("dir")
def cache_dir_command() -> None:
    """Print where the cache lives ($ESSAYLINT_CACHE_DIR or the user cache directory)."""
    from essaylint.services.cache import cache_dir

    typer.echo(str(cache_dir()))


@app.command()
def grade(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(help="A folder of submissions (searched recursively).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the reports.")],
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes (default: cores).")
    ] = None,
    rubric: Annotated[
        Path | None, typer.Option("--rubric", help="A TOML rubric (default: the built-in one).")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Grade every file again, even if unchanged.")
    ] = False,
    style: Annotated[StyleChoice, typer.Option(help="Citation style.")] = StyleChoice.auto,
    dialect: Annotated[
        DialectChoice, typer.Option(help="English spelling to expect (auto: detect).")
    ] = DialectChoice.auto,
    harper_rules: Annotated[
        HarperRulesChoice, typer.Option("--harper-rules", help=HARPER_RULES_HELP)
    ] = HarperRulesChoice.essay,
    progress: Annotated[
        bool, typer.Option("--progress/--no-progress", help="Show a progress bar.")
    ] = True,
    verify: Annotated[
        bool,
        typer.Option(
            "--verify",
            help="Look the references up in Crossref (network); references it does not "
            "know raise the essay's attention level.",
        ),
    ] = False,
    assignment: Annotated[
        str,
        typer.Option(
            "--assignment",
            help="Heading of the grade column in canvas-grades.csv (as in your Canvas gradebook).",
        ),
    ] = "Essay",
) -> None:
    """Grade a class: index.html by attention, one page per student, feedback copies of
    Word files, summary.csv, moodle-grades.csv, canvas-grades.csv and results.json."""
    from essaylint.config import ConfigError, load_settings
    from essaylint.grading.progress import progress_bar
    from essaylint.grading.rubric import RubricError, load_rubric
    from essaylint.grading.runner import GradeError, grade_folder
    from essaylint.rules.registry import RuleLoadError, all_rules

    if not folder.is_dir():
        raise _fail(f"{folder} is not a folder")
    try:
        all_rules()  # a plugin that cannot load stops the run here, not in every worker
    except RuleLoadError as exc:
        raise _fail(str(exc)) from None
    try:
        chosen_rubric = load_rubric(rubric)
    except RubricError as exc:
        raise _fail(str(exc)) from None
    # The class folder's config (.essaylint.toml / [tool.essaylint], at or above it),
    # then the flags given: grade honours select, ignore, words and the rest as check does.
    # One config for the class: a student's folder cannot bring its own.
    given = _flags_given(
        ctx,
        {
            "style": style.value,
            "dialect": dialect.value,
            "harper_rules": harper_rules.value,
            "verify": verify,
        },
    )
    try:
        settings = load_settings(folder / "submission", given)
    except ConfigError as exc:
        raise _fail(str(exc)) from None
    try:
        with progress_bar(enabled=progress) as on_progress:
            outcome = grade_folder(
                folder,
                out,
                rubric=chosen_rubric,
                settings=settings,
                jobs=jobs,
                force=force,
                on_progress=on_progress,
                assignment=assignment,
            )
    except GradeError as exc:
        raise _fail(str(exc)) from None
    failed = sum(1 for r in outcome.records if r.error)
    typer.echo(
        f"essaylint: graded {outcome.graded}, unchanged {outcome.skipped}, "
        f"could not read {failed}, of {outcome.total} submissions in {outcome.seconds:.1f} s; "
        f"open {out / 'index.html'}",
        err=True,
    )
    if outcome.interrupted:
        typer.echo("essaylint: interrupted; the reports cover the files graded so far", err=True)
        raise typer.Exit(130)


def main() -> None:
    """Entry point of the ``essaylint`` script."""
    app()
