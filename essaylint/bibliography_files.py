"""The bibliography files an essay is checked against, read as databases.

LaTeX names its .bib with ``\\bibliography``/``\\addbibresource`` (a thesis
chapter uses its root file's), pandoc Markdown with ``bibliography:`` in its
front matter, a project file or, when nothing names it, the file its keys
point to; ``--bib`` or the config's ``bib`` setting overrides both. Only a
database's cited entries are printed (see :func:`database`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from essaylint.analysis.citations_keyed import cites_by_pandoc_key
from essaylint.analysis.patterns import LATEX_CITE
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Document, Reference

if TYPE_CHECKING:
    from essaylint.loaders.bib_discovery import FoundBibliography


_LATEX_NOCITE = compile_lazily(r"\\nocite\s*\{([^}]*)\}")
_MOST_BIB_NOTES = 3
_RENDERED_NOTE = (
    "the essay prints its own reference list and cites no [@key]: the bibliography its "
    "front matter names is not read"
)
_TYPESET_NOTE = (
    "the essay prints its own reference list and has no \\cite: the .bib its "
    "\\bibliography names is not read"
)


def _cites_by_latex_key(text: str) -> bool:
    return any(m.group("cmd") != "nocite" for m in LATEX_CITE.finditer(text))


def essay_bibliography(
    doc: Document,
    path: Path,
    bib_path: str | Path | Sequence[str | Path] | None,
    prints_its_list: Callable[[Document], bool],
) -> tuple[tuple[Reference, ...], tuple[str, ...]]:
    """The entries of the bibliography files the essay names (or those of ``bib_path``).

    An essay that prints its own list (``prints_its_list``) and cites no key uses none.
    LaTeX names them with ``\\bibliography``/``\\addbibresource`` (a chapter of a
    thesis uses its root file's; see :mod:`essaylint.loaders.latex_project`), pandoc Markdown
    with ``bibliography:`` in its front matter or in the book's defaults or metadata file
    (.bib or CSL JSON; see :func:`essaylint.loaders.pandoc.pandoc_project`), and when
    nothing names one, its keys point to it (:mod:`essaylint.loaders.bib_discovery`;
    a note then says which file was used and why). A bibliography
    file is a database: only its cited entries are printed, so an entry no
    citation uses is ``consulted`` (never reported as uncited). A LaTeX essay that
    prints them all (``\\nocite{*}``) reports those it never cites; a pandoc essay's
    ``nocite: "@*"`` means them all, except in a book whose chapters share the
    file: its root reports the entries no chapter cites. Entries named by
    ``\\nocite{key}`` or ``nocite: "@key"`` are meant to be there.

    A .bib with a syntax error is read as BibTeX reads it: the broken entry is
    skipped and the rest kept; the notes returned say which (at most three).
    """

    given = [bib_path] if isinstance(bib_path, (str, Path)) else list(bib_path or ())
    files: list[Path] = [Path(name) for name in given]
    nocite: frozenset[str] = frozenset()
    cited_elsewhere: frozenset[str] = frozenset()
    is_root = True
    refs: list[Reference] = []
    notes: list[str] = []
    if doc.format == "latex":
        from essaylint.loaders.latex import blank_latex_comments
        from essaylint.loaders.latex_project import latex_project

        project = latex_project(path, doc.text)
        if (
            not files
            and project.bib_files
            and not project.cited_elsewhere
            and not _cites_by_latex_key(doc.text)
            and prints_its_list(doc)
        ):
            return (), (_TYPESET_NOTE,)
        if not files and project.found is not None and project.is_root:  # said once
            notes.append(_found_bibliography_note(path, project.found, _LATEX_NAMES))
        files = files or list(project.bib_files)
        cited_elsewhere, is_root = project.cited_elsewhere, project.is_root
        text = blank_latex_comments(doc.text)
        nocite = frozenset(
            key.strip() for m in _LATEX_NOCITE.finditer(text) for key in m.group(1).split(",")
        )
    elif doc.format == "markdown":
        from essaylint.loaders.pandoc import inline_references, pandoc_project

        book = pandoc_project(path, doc.text)
        refs += inline_references(doc.text, doc.path)
        if (
            not files
            and (book.bib_files or refs)
            and not cites_by_pandoc_key(doc.text)
            and prints_its_list(doc)
        ):
            return (), (_RENDERED_NOTE,)
        if not files and book.bib_files:
            notes += _misspelt_key_notes(doc.text)
        if not files and book.found is not None:
            notes.append(_found_bibliography_note(path, book.found, _PANDOC_NAMES))
        files = files or list(book.bib_files)
        nocite, cited_elsewhere, is_root = book.nocite, book.cited_elsewhere, book.is_owner
    errors: list[str] = []
    if files:  # the readers (pybtex) are loaded only for an essay that has a database
        from essaylint.loaders.bibtex import load_bib
        from essaylint.loaders.csljson import load_csl_json
    for f in files:
        if not given and not f.exists():
            # LaTeX and pandoc go on without a bibliography they cannot find: so does the
            # check, on the list the essay prints, if any
            notes.append(f"{f} is named as the bibliography but is not there; it is skipped")
            continue
        if f.suffix == ".json":
            refs += load_csl_json(f)
            continue
        problems: list[str] = []
        refs += load_bib(f, strict=False, warnings=problems)
        syntax = [p for p in problems if "syntax error" in p]
        errors += [f"{f}: {p}; that entry is skipped, as BibTeX skips it" for p in syntax]
    if len(errors) > _MOST_BIB_NOTES:
        more = len(errors) - _MOST_BIB_NOTES
        errors = [*errors[:_MOST_BIB_NOTES], f"and {more} more BibTeX errors"]
    return database(refs, nocite, cited_elsewhere, is_root=is_root), (*notes, *errors)


def _misspelt_key_notes(text: str) -> list[str]:
    """A note when the front matter names the bibliography under a misspelt key."""
    from essaylint.loaders.pandoc import front_matter, misspelt_bibliography_key

    key = misspelt_bibliography_key(front_matter(text))
    if key is None:
        return []
    return [
        f"the front matter's key '{key}' is misspelt (pandoc ignores it); its files are "
        "read as the bibliography: write 'bibliography'"
    ]


# Where each format names its bibliography: (where none was found, how to name one).
_PANDOC_NAMES = ("in the front matter", "'bibliography: {}'")
_LATEX_NAMES = ("with \\bibliography or \\addbibresource", "\\addbibresource{{{}}}")


def _found_bibliography_note(path: Path, found: FoundBibliography, names: tuple[str, str]) -> str:
    """Which database an essay that names none is checked against, and why that one."""
    where = os.path.relpath(found.path, Path(path).parent)
    why = (
        f"which {os.path.relpath(found.build_file, Path(path).parent)} passes with --bibliography"
        if found.build_file is not None
        else f"which has {found.keys_found} of the {found.keys_cited} keys cited here"
    )
    named_where, how = names
    return (
        f"no bibliography is named {named_where}; the citations are checked against "
        f"{where}, {why}: name it with {how.format(where)} to be sure"
    )


def database(
    refs: Sequence[Reference],
    nocite: frozenset[str],
    cited_elsewhere: frozenset[str] = frozenset(),
    *,
    is_root: bool = True,
) -> tuple[Reference, ...]:
    """The entries of a bibliography database (.bib, CSL JSON or YAML): printed when cited.

    ``\\nocite{*}`` and pandoc's ``nocite: "@*"`` print every entry of the file in the
    list the reader sees, so one the text never cites is reported, as in a typed list.
    A bibliography shared by a thesis's or book's chapters is checked once for the
    project: an entry no chapter cites is reported there.
    """
    # \nocite{*} in the root prints the whole .bib for every chapter.
    printed_all = "*" in nocite or "*" in cited_elsewhere
    return tuple(
        r.model_copy(
            update={
                # Only the root (the project's owner) reports an entry nobody cites.
                "consulted": not (printed_all and is_root)
                or r.key in nocite
                or r.key in cited_elsewhere,
                "listed": printed_all or r.key in nocite or r.key in cited_elsewhere,
            }
        )
        for r in refs
    )


def forget_project_files() -> None:
    """Forget every project file read so far (LaTeX roots, pandoc books, databases).

    One ``check`` reads each once; the language server calls this when files change.
    """
    from essaylint.loaders import bib_discovery, latex_project, pandoc

    for module in (bib_discovery, latex_project, pandoc):
        module.forget_read_files()
