"""The warm half of the server: engines kept for the session, settings per file.

One prose engine per configuration (LanguageTool URL, Harper rule set) is
built on first use and kept; Harper keeps one linter per dialect inside it.
Each file gets the settings ``essaylint check`` would give it (the nearest
.essaylint.toml or pyproject.toml, then the server's own overrides), read
again whenever the config file changes. The bibliography files a LaTeX or
pandoc essay names are read once and kept until a watched file changes; a
chapter of a LaTeX thesis uses its root's bibliography and citation commands,
as ``check`` does.

The I/O edge: it reads config and bibliography files; the linting itself is
:func:`essaylint.pipeline.lint_document`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from essaylint.analysis.citations_keyed import cited_pandoc_keys
from essaylint.bibliography_files import forget_project_files
from essaylint.config import ConfigError, Settings, find_config_file, load_settings
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Document, FileResult, Finding, Reference
from essaylint.server.prose_cache import ParagraphCache
from essaylint.services.backends import Backends, ProseKey, prose_key

if TYPE_CHECKING:
    from essaylint.analysis.latex_macros import CiteMacro
    from essaylint.loaders.latex_project import LatexProject
    from essaylint.rules.base import Rule
    from essaylint.services.verify import VerifyBackend

# What decides which bibliography files a document uses (see
# bibliography_files.essay_bibliography); with none named, its cited keys do.
_BIB_DIRECTIVES = compile_lazily(
    r"\\(?:bibliography|addbibresource|addglobalbib|addsectionbib|nocite)\b[^\n]*"
    r"|^(?:bibliography|nocite):[^\n]*",
    re.MULTILINE,
)

# A saved document's path, its directives, the configured files, its cited keys,
# and (a LaTeX chapter) its root's bibliography files and the keys its other files cite.
_BibKey = tuple[str, str, tuple[str, ...], frozenset[str], tuple[Path, ...], frozenset[str]]


@dataclass
class Engine:
    """Everything a lint needs that outlives one keystroke."""

    overrides: Mapping[str, Any] = field(default_factory=dict)
    backends: Backends = field(default_factory=Backends)
    _prose: dict[ProseKey, ParagraphCache] = field(default_factory=dict)
    _warm: set[ProseKey] = field(default_factory=set)
    _bibs: dict[_BibKey, tuple[Reference, ...]] = field(default_factory=dict)

    def settings_for(self, path: str | None) -> tuple[Settings, str | None]:
        """A file's settings, and the config error (then the defaults are used), if any."""
        try:
            return load_settings(path, self.overrides), None
        except ConfigError as exc:
            try:
                return Settings.model_validate(dict(self.overrides)), str(exc)
            except ValueError:
                return Settings(), str(exc)

    def files_changed(self) -> None:
        """A config or bibliography file changed (or appeared): look everything up again."""
        find_config_file.cache_clear()
        forget_project_files()
        self._bibs.clear()

    def prose_for(self, settings: Settings) -> ParagraphCache:
        """The session's prose engine for these settings, with its paragraph cache."""
        key = prose_key(settings)
        engine = self._prose.get(key)
        if engine is None:
            engine = self._prose[key] = ParagraphCache(self.backends.prose_for(settings))
        return engine

    def is_warm(self, settings: Settings) -> bool:
        """Whether a whole lint with this prose engine has run (its dictionary is loaded)."""
        return settings.languagetool_url is not None or prose_key(settings) in self._warm

    def verifier_for(self, settings: Settings) -> VerifyBackend:
        return self.backends.verify_for(settings)

    def bibliography(
        self, doc: Document, path: str | None, settings: Settings
    ) -> tuple[Reference, ...]:
        """The entries of the bibliography files a saved document names (kept until they change)."""
        if path is None:
            return ()
        directives = "\n".join(m.group(0) for m in _BIB_DIRECTIVES.finditer(doc.text))
        project = _latex_project(doc, path)
        project_bibs: tuple[Path, ...] = ()
        elsewhere: frozenset[str] = frozenset()
        if project is not None:
            from essaylint.loaders.latex_project import cite_keys

            cited = cite_keys(doc.text, project.cite_macros)
            project_bibs, elsewhere = project.bib_files, project.cited_elsewhere
        elif doc.format == "markdown":
            cited = cited_pandoc_keys(doc.text)
        else:
            cited = frozenset()
        if not directives and not settings.bib and not cited:
            return ()
        key = (path, directives, settings.bib_paths(), cited, project_bibs, elsewhere)
        found = self._bibs.get(key)
        if found is None:
            from essaylint.bibliography_files import essay_bibliography
            from essaylint.loaders import LoadError
            from essaylint.pipeline import prints_its_list

            try:
                found = essay_bibliography(doc, Path(path), settings.bib_paths(), prints_its_list)[
                    0
                ]
            except LoadError:
                found = ()
            self._bibs[key] = found
        return found

    def lint(
        self, doc: Document, path: str | None, settings: Settings, *, prose: bool = True
    ) -> FileResult:
        """Every finding ``essaylint check`` reports for this text, verify rules aside."""
        from essaylint.pipeline import lint_document

        bib = self.bibliography(doc, path, settings)
        engine = self.prose_for(settings) if prose else None
        result = lint_document(
            doc, settings, bib=bib, prose=engine, latex_macros=_project_macros(doc, path)
        )
        if prose:
            self._warm.add(prose_key(settings))
        return result

    def verify(self, doc: Document, path: str | None, settings: Settings) -> FileResult:
        """Only the network rules, with the Crossref backend (slow: run it in the background)."""
        from essaylint.pipeline import lint_document
        from essaylint.rules.registry import all_rules, select_rules

        chosen: Sequence[type[Rule]] = [
            r
            for r in select_rules(all_rules(), *settings.rule_selectors(doc.path))
            if "network" in r.requires
        ]
        bib = self.bibliography(doc, path, settings)
        return lint_document(
            doc,
            settings,
            chosen,
            bib=bib,
            verify=self.verifier_for(settings),
            latex_macros=_project_macros(doc, path),
        )


def _latex_project(doc: Document, path: str | None) -> LatexProject | None:
    """A saved LaTeX document's project (its root, bibliography and citation commands)."""
    if path is None or doc.format != "latex":
        return None
    from essaylint.loaders.latex_project import latex_project

    return latex_project(Path(path), doc.text)


def _project_macros(doc: Document, path: str | None) -> tuple[CiteMacro, ...]:
    """The citation commands a LaTeX chapter's root defines (none for other documents)."""
    project = _latex_project(doc, path)
    return project.cite_macros if project is not None else ()


def verified_findings(
    result: FileResult, verified: Mapping[str, tuple[Finding, ...]]
) -> list[Finding]:
    """Verify findings remembered by entry text, placed on the entries of a newer result.

    ``verified`` maps an entry's raw text to its findings with spans relative
    to the entry's start; an entry whose text changed has none until the
    next verify pass.
    """
    out: list[Finding] = []
    for ref in result.references:
        for f in verified.get(ref.raw, ()):
            start = ref.span.start + f.span.start
            end = ref.span.start + f.span.end
            out.append(
                f.model_copy(
                    update={"span": f.span.model_copy(update={"start": start, "end": end})}
                )
            )
    return out


def remembered(result: FileResult) -> dict[str, tuple[Finding, ...]]:
    """A verify result's findings by entry text, spans relative to the entry (see above)."""
    by_raw: dict[str, list[Finding]] = {ref.raw: [] for ref in result.references}
    for f in result.findings:
        if f.reference is None or not 0 <= f.reference.index < len(result.references):
            continue
        ref = result.references[f.reference.index]
        rel = f.span.model_copy(
            update={"start": f.span.start - ref.span.start, "end": f.span.end - ref.span.start}
        )
        by_raw.setdefault(ref.raw, []).append(f.model_copy(update={"span": rel}))
    return {raw: tuple(found) for raw, found in by_raw.items()}
