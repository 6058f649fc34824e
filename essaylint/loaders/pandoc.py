"""Pandoc Markdown: the bibliography named in the YAML front matter.

A pandoc essay names its bibliography at the top::

    ---
    bibliography: [refs.bib, more.json]
    nocite: |
      @smith2019, @jones2020
    ---

``bibliography`` (one file or a list) is resolved beside the essay; ``.bib``
files are read with pybtex, ``.json`` files as CSL JSON (see
:mod:`essaylint.loaders.csljson`). The front matter is read with PyYAML; a
block that is not valid YAML names no bibliography.

Pandoc's third source of entries is the front matter itself: ``references:``
holds CSL items written in YAML (``id``, ``author``, ``issued``, ``title``...),
read as a CSL JSON file's items are; each entry is placed at its item in the
front matter, so a finding about it points there, as one about a .bib entry
points into the .bib.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from essaylint.analysis.patterns import FRONT_MATTER
from essaylint.lazy_pattern import compile_lazily
from essaylint.loaders import MARKDOWN_SUFFIXES
from essaylint.models import Reference, SourceLocation, Span

if TYPE_CHECKING:
    from essaylint.loaders.bib_discovery import FoundBibliography

_NOCITE_KEY = compile_lazily(r"@(\*|[\w][\w:.#$%&+?<>~/-]*)")


def front_matter(text: str) -> Mapping[str, Any]:
    """The YAML front matter of a Markdown text as a mapping (empty when there is none).

    Parsed once per front matter: the bibliography, ``nocite`` and the project
    lookups all read it, and an inline bibliography makes it long.
    """
    match = FRONT_MATTER.match(text)
    return _parsed_front_matter(match.group(1)) if match is not None else MappingProxyType({})


@functools.lru_cache(maxsize=32)
def _parsed_front_matter(block: str) -> Mapping[str, Any]:
    import yaml

    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError:
        return MappingProxyType({})
    return MappingProxyType(data if isinstance(data, dict) else {})


def inline_references(text: str, shown: str) -> tuple[Reference, ...]:
    """The entries of the front matter's ``references:`` (CSL YAML) of the file ``shown``."""
    match = FRONT_MATTER.match(text)
    if match is None or "references" not in match.group(1):
        return ()
    import yaml

    from essaylint.loaders.csljson import reference_from_item

    loader = yaml.SafeLoader(match.group(1))
    try:
        root = loader.get_single_node()
        if not isinstance(root, yaml.MappingNode):
            return ()
        items = next(
            (
                v
                for k, v in root.value
                if k.value == "references" and isinstance(v, yaml.SequenceNode)
            ),
            None,
        )
        if items is None:
            return ()
        found: list[Reference] = []
        first_line = text.count("\n", 0, match.start(1)) + 1
        for node in items.value:
            item = loader.construct_object(node, deep=True)
            if not isinstance(item, dict) or not item.get("id"):
                continue
            # The item's place: a point, so no rule reads the YAML as an entry's text.
            start = match.start(1) + node.start_mark.index
            mark = node.start_mark
            origin = SourceLocation(path=shown, line=first_line + mark.line, column=mark.column + 1)
            ref = reference_from_item(item, len(found))
            found.append(
                ref.model_copy(update={"origin": origin, "span": Span(start=start, end=start)})
            )
        return tuple(found)
    except yaml.YAMLError:
        return ()
    finally:
        loader.dispose()


#: A near miss of "bibliography" ("bibliograpy") is that key when its value names such files.
_BIBLIOGRAPHY_SUFFIXES = (".bib", ".bibtex", ".json", ".yaml", ".yml", ".ris")
_MOST_KEY_EDITS = 2


def misspelt_bibliography_key(meta: Mapping[str, Any]) -> str | None:
    """The key that names the bibliography though it is misspelt ("bibliograpy"), if any.

    Pandoc ignores such a key, but its value names the files the writer meant (the
    build usually passes them with ``--bibliography``). Taken only when there is no
    ``bibliography`` key, the key is one or two edits from it and every name in its
    value is a bibliography file.
    """
    from essaylint.analysis.lexicon import edit_distance

    if "bibliography" in meta:
        return None
    for key, value in meta.items():
        if not isinstance(key, str):
            continue
        if edit_distance(key.casefold(), "bibliography") > _MOST_KEY_EDITS:
            continue
        names = _names(value)
        if names and all(name.casefold().endswith(_BIBLIOGRAPHY_SUFFIXES) for name in names):
            return key
    return None


def pandoc_bib_paths(doc_path: Path, text: str) -> list[Path]:
    """The bibliography files named in the front matter, resolved beside ``doc_path``
    (under a misspelt key too: :func:`misspelt_bibliography_key`)."""
    meta = front_matter(text)
    value = meta.get(misspelt_bibliography_key(meta) or "bibliography")
    names = value if isinstance(value, list) else [value] if value else []
    base = Path(doc_path).parent
    found: list[Path] = []
    for name in names:
        if not isinstance(name, str) or not name.strip():
            continue
        candidate = Path(name.strip())
        resolved = candidate if candidate.is_absolute() else base / candidate
        if resolved not in found:
            found.append(resolved)
    return found


def pandoc_nocite_keys(text: str) -> frozenset[str]:
    """Keys the front matter's ``nocite`` puts in the bibliography ("*" for all)."""
    return frozenset(_nocite_of(front_matter(text).get("nocite")))


# -- books: several chapters, one bibliography ------------------------------------------

#: A citation key as pandoc writes it ("@smith2019", "[-@smith2019, p. 4]"), not an e-mail.
_CITE_KEY = compile_lazily(r"(?<![\w@])-?@([\w][\w:.#$%&+?<>~/-]*[\w]|\w)")
_PARENT_LEVELS = 2
_MAX_CHAPTERS = 200


@dataclass(frozen=True)
class PandocProject:
    """Where one Markdown file stands in its book.

    A pandoc book is several chapter files rendered together
    (``pandoc ch1.md ch2.md ch3.md -d defaults.yaml``). The bibliography is
    named in each chapter's front matter or once in a project file beside them:
    a defaults file (``bibliography:``, ``metadata: {bibliography: ...}``,
    ``input-files:``), a metadata file given with ``--metadata-file`` or
    Quarto's ``_quarto.yml``. The chapters are the defaults file's
    ``input-files`` when it lists them, else the Markdown files of the
    project's folder that use the same bibliography. The first chapter owns
    the book: it alone reports an entry no chapter cites (with ``nocite: "@*"``).
    """

    bib_files: tuple[Path, ...]
    nocite: frozenset[str]
    #: Keys cited in the book's other chapters.
    cited_elsewhere: frozenset[str]
    is_owner: bool
    #: Set when no file names the bibliography and the one used was found by its keys.
    found: FoundBibliography | None


@functools.lru_cache(maxsize=512)
def _read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


@functools.lru_cache(maxsize=128)
def _yaml_file(path: Path) -> dict[str, Any]:
    """A YAML project file as a mapping (empty when unreadable or not a mapping)."""
    text = _read_text(path)
    if text is None or len(text) > 1_000_000:
        return {}
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def _names(value: Any) -> list[str]:
    """One name or a list of names, as YAML gives them."""
    items = value if isinstance(value, list) else [value] if value else []
    return [item.strip() for item in items if isinstance(item, str) and item.strip()]


def _metadata(data: dict[str, Any]) -> dict[str, Any]:
    """A project file's metadata: its own keys, and a defaults file's ``metadata:`` ones."""
    inner = data.get("metadata")
    return {**data, **inner} if isinstance(inner, dict) else data


def _resolve(names: list[str], base: Path, fallback: Path) -> list[Path]:
    found: list[Path] = []
    for name in names:
        candidate = Path(name)
        if candidate.is_absolute():
            resolved = candidate
        else:
            resolved = base / candidate
            if not resolved.exists() and (fallback / candidate).exists():
                resolved = fallback / candidate
        if resolved not in found:
            found.append(resolved)
    return found


def project_file(doc_path: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest YAML file (the document's folder or the two above) naming a bibliography."""
    return _project_file_from(doc_path.absolute().parent)


@functools.lru_cache(maxsize=256)
def _project_file_from(folder: Path) -> tuple[Path, dict[str, Any]] | None:
    """:func:`project_file` for the documents of ``folder`` (looked up once per run)."""
    for _ in range(_PARENT_LEVELS + 1):
        for candidate in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
            if candidate.name.startswith("."):
                continue
            data = _yaml_file(candidate)
            if _names(_metadata(data).get("bibliography")):
                return candidate, data
        if folder.parent == folder:
            break
        folder = folder.parent
    return None


def _own_bibs(
    path: Path, text: str, project: tuple[Path, dict[str, Any]] | None
) -> tuple[list[Path], FoundBibliography | None]:
    """A chapter's bibliography: its front matter's, else the project file's, else the
    database its keys point to (:mod:`essaylint.loaders.bib_discovery`), with how that
    one was found."""
    own = pandoc_bib_paths(path, text)
    if own:
        return own, None
    if project is not None:
        yaml_path, data = project
        names = _names(_metadata(data).get("bibliography"))
        return _resolve(names, yaml_path.parent, path.parent), None
    from essaylint.analysis.citations_keyed import cited_pandoc_keys
    from essaylint.loaders.bib_discovery import unnamed_bibliography

    found = unnamed_bibliography(path, cited_pandoc_keys(text))
    return ([found.path] if found else []), found


def _chapters(
    path: Path, project: tuple[Path, dict[str, Any]] | None, bibs: list[Path]
) -> list[tuple[Path, str]]:
    """The book's chapters with their texts, in reading order (``path`` among them)."""
    if project is not None:
        listed = _names(project[1].get("input-files")) or _names(project[1].get("input-file"))
        if listed:
            chosen = _resolve(listed, project[0].parent, path.parent)
            return [(p, t) for p in chosen if (t := _read_text(p)) is not None]
    folder = project[0].parent if project is not None else path.parent
    same = {b.resolve() for b in bibs}
    found: list[tuple[Path, str]] = []
    markdown = (p for p in folder.rglob("*") if p.suffix.lower() in MARKDOWN_SUFFIXES)
    for candidate in sorted(markdown):
        if len(found) >= _MAX_CHAPTERS:
            break
        if any(part.startswith(".") for part in candidate.relative_to(folder).parts):
            continue
        text = _read_text(candidate)
        if text is not None and _resolved_bibs(candidate, project[0] if project else None) == same:
            found.append((candidate, text))
    return found


@functools.lru_cache(maxsize=1024)
def _resolved_bibs(path: Path, yaml_path: Path | None) -> frozenset[Path]:
    """The bibliography files a Markdown file uses (read once per run)."""
    text = _read_text(path) or ""
    project = (yaml_path, _yaml_file(yaml_path)) if yaml_path is not None else None
    return frozenset(b.resolve() for b in _own_bibs(path, text, project)[0])


def pandoc_project(path: Path, text: str) -> PandocProject:
    """The book a Markdown file belongs to (a book of one when it is alone)."""
    project = project_file(path)
    bibs, found = _own_bibs(path, text, project)
    nocite = set(pandoc_nocite_keys(text))
    if project is not None:
        nocite |= _nocite_of(_metadata(project[1]).get("nocite"))
    if not bibs:
        return PandocProject((), frozenset(nocite), frozenset(), True, None)
    chapters = _chapters(path, project, bibs)
    target = path.resolve()
    others = [(p, t) for p, t in chapters if p.resolve() != target]
    elsewhere: set[str] = set()
    for _, other in others:
        nocite |= pandoc_nocite_keys(other)
        elsewhere.update(_CITE_KEY.findall(other))
    is_owner = not chapters or chapters[0][0].resolve() == target or len(others) == len(chapters)
    return PandocProject(tuple(bibs), frozenset(nocite), frozenset(elsewhere), is_owner, found)


def _nocite_of(value: Any) -> set[str]:
    if isinstance(value, list):
        value = " ".join(str(v) for v in value)
    return set(_NOCITE_KEY.findall(value)) if isinstance(value, str) else set()


def forget_read_files() -> None:
    """Read the book's files again from now on (a long-lived process saw them change)."""
    for cached in (_read_text, _yaml_file, _project_file_from, _resolved_bibs):
        cached.cache_clear()
