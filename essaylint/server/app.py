"""The language server: LSP messages in, lint passes scheduled, results out.

Every lint runs on one worker thread (the prose engines stay warm on it and
are never shared between threads); verify passes run on another, so a slow
Crossref never holds up typing. The event loop only schedules and converts,
so requests are answered while a lint runs. A change waits :data:`DEBOUNCE`
seconds for the next keystroke before it is linted; a result for a version
that is no longer current is dropped.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.json_rpc import JsonRPCNotification

from essaylint import __version__
from essaylint.config import CONFIG_NAMES
from essaylint.models import FileResult, Span
from essaylint.server import actions, navigation
from essaylint.server.diagnostics import to_diagnostics, to_range
from essaylint.server.documents import Refusal, buffer_document, uri_path
from essaylint.server.engine import Engine, remembered, verified_findings
from essaylint.server.positions import LineIndex
from essaylint.server.state import BufferState

log = logging.getLogger("essaylint.server")

#: Seconds a change waits for the next one before it is linted.
DEBOUNCE = 0.05
#: Seconds after the last change before the entries are looked up in Crossref.
VERIFY_DEBOUNCE = 1.0
#: How long a request waits for the lint of the latest text.
REQUEST_WAIT = 10.0
WATCHED = ("**/.essaylint.toml", "**/pyproject.toml", "**/*.bib", "**/*.json")
SYMBOL_KINDS = {
    "section": lsp.SymbolKind.Namespace,
    "list": lsp.SymbolKind.Array,
    "entry": lsp.SymbolKind.Key,
}

T = TypeVar("T")


class _Protocol(LanguageServerProtocol):
    """pygls's protocol, except that a request whose params cannot be read is answered
    with an error (pygls drops it, and the editor would wait for an answer forever)."""

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if not ("id" in data and "method" in data):
                raise
            self._send_response(data["id"], error=exc.to_response_error())
            return JsonRPCNotification(method="$/essaylint/answered", jsonrpc="2.0", params=None)


class EssaylintServer(LanguageServer):
    """pygls's server plus essaylint's buffers, engines and worker threads."""

    def __init__(self, overrides: Mapping[str, Any] | None = None) -> None:
        super().__init__(
            "essaylint",
            __version__,
            text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental,
            protocol_cls=_Protocol,
        )
        self.engine = Engine(dict(overrides or {}))
        self.buffers: dict[str, BufferState] = {}
        self.lint_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="essaylint-lint")
        self.verify_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="essaylint-verify")
        self.debounce = DEBOUNCE

    # -- helpers --------------------------------------------------------------------

    @property
    def encoding(self) -> str:
        enc = self.workspace.position_encoding
        return str(getattr(enc, "value", enc) or "utf-16")

    async def in_thread(self, pool: ThreadPoolExecutor, fn: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(pool, fn)

    def message(self, state: BufferState | None, text: str, kind: lsp.MessageType) -> None:
        """Show a message once per buffer (or once, without one)."""
        if not text or (state is not None and text in state.shown):
            return
        if state is not None:
            state.shown.add(text)
        self.window_show_message(lsp.ShowMessageParams(type=kind, message=f"essaylint: {text}"))

    def publish(self, state: BufferState, findings: list[Any] | None = None) -> None:
        result, index = state.result, state.index
        diagnostics: list[lsp.Diagnostic] = []
        if result is not None and index is not None:
            found = list(result.findings) + verified_findings(result, state.verified)
            found.sort(key=lambda f: (f.span.start, f.code))
            diagnostics = to_diagnostics(index, found if findings is None else findings)
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(
                uri=state.uri, version=state.result_version, diagnostics=diagnostics
            )
        )

    # -- linting ---------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        state = self.buffers.get(uri)
        if state is None:
            return
        try:
            state.version = self.workspace.get_text_document(uri).version
        except KeyError:
            return
        state.ready.clear()
        if state.pending is not None and not state.pending.done():
            state.pending.cancel()
        state.pending = asyncio.ensure_future(self._lint(state, delay))

    async def _lint(self, state: BufferState, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        doc = self.workspace.get_text_document(state.uri)
        text, version = doc.source, doc.version
        path = uri_path(state.uri) if state.uri.startswith("file:") else None
        encoding = self.encoding
        warm = self.engine.is_warm

        def work(prose: bool) -> tuple[FileResult | Refusal, LineIndex | None, Any, str | None]:
            built = buffer_document(text, state.uri, state.language_id)
            if isinstance(built, Refusal):
                return built, None, None, None
            settings, error = self.engine.settings_for(path)
            result = self.engine.lint(built, path, settings, prose=prose)
            return result, LineIndex(text, encoding, built.line_starts), settings, error

        passes = [True] if warm(self.engine.settings_for(path)[0]) else [False, True]
        for prose in passes:
            try:
                outcome, index, settings, error = await self.in_thread(
                    self.lint_pool, functools.partial(work, prose)
                )
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # a bug must cost this pass, never the server
                log.exception("lint failed")
                self.message(
                    state,
                    f"checking failed ({type(exc).__name__}: {exc}); please report it",
                    lsp.MessageType.Error,
                )
                state.ready.set()  # requests answer from the last good result
                return
            if self.buffers.get(state.uri) is not state or state.version != version:
                return  # closed, or changed meanwhile: a newer pass is scheduled
            if isinstance(outcome, Refusal):
                state.result, state.index, state.result_version, state.text = (
                    None,
                    None,
                    version,
                    text,
                )
                self.publish(state, [])
                self.message(state, outcome.reason, lsp.MessageType.Warning)
                state.ready.set()
                return
            if error:
                self.message(state, f"{error} (using the defaults)", lsp.MessageType.Error)
            state.result, state.index, state.settings = outcome, index, settings
            state.result_version, state.text = version, text
            self.publish(state)
            state.ready.set()
            scope = "all rules" if prose else "spelling and grammar still loading"
            self.window_log_message(
                lsp.LogMessageParams(
                    type=lsp.MessageType.Log,
                    message=f"checked {state.uri} version {version}: "
                    f"{len(outcome.findings)} findings ({scope})",
                )
            )
        for note in state.result.notes if state.result else ():
            self.window_log_message(
                lsp.LogMessageParams(type=lsp.MessageType.Info, message=f"{state.uri}: {note}")
            )
        if state.settings is not None and state.settings.verify:
            self.schedule_verify(state)

    def schedule_verify(self, state: BufferState) -> None:
        result = state.result
        if result is None or all(ref.raw in state.verified for ref in result.references):
            return
        if state.verify_pending is not None and not state.verify_pending.done():
            state.verify_pending.cancel()
        state.verify_pending = asyncio.ensure_future(self._verify(state))

    async def _verify(self, state: BufferState) -> None:
        await asyncio.sleep(VERIFY_DEBOUNCE)
        result, settings = state.result, state.settings
        if result is None or result.document is None or settings is None:
            return
        doc = result.document
        path = uri_path(state.uri) if state.uri.startswith("file:") else None
        try:
            checked = await self.in_thread(
                self.verify_pool, lambda: self.engine.verify(doc, path, settings)
            )
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a failed lookup must not stop the server
            log.exception("verify failed")
            self.message(
                state, f"verify failed ({type(exc).__name__}: {exc})", lsp.MessageType.Warning
            )
            return
        if self.buffers.get(state.uri) is not state:
            return
        state.verified.update(remembered(checked))
        for note in checked.notes:
            self.message(state, note, lsp.MessageType.Warning)
        for f in checked.findings:
            if f.reference is None:
                self.message(state, f.message, lsp.MessageType.Warning)
        self.publish(state)

    def relint_all(self) -> None:
        self.engine.files_changed()
        for uri in list(self.buffers):
            self.schedule(uri, 0)

    async def current(self, uri: str) -> BufferState | None:
        """The buffer's state once its latest text is linted (None if it is not open)."""
        state = self.buffers.get(uri)
        if state is None:
            return None
        if not state.ready.is_set():
            try:
                await asyncio.wait_for(state.ready.wait(), REQUEST_WAIT)
            except asyncio.TimeoutError:
                return None
        return state if state.result is not None and state.index is not None else None

    # -- add to dictionary -----------------------------------------------------------

    def add_word(self, uri: str, word: str) -> str | None:
        """Put ``word`` in the file's config (a new .essaylint.toml if none); the error, if any."""
        from essaylint.fixer import write_atomically
        from essaylint.server.words import add_word

        path = uri_path(uri) if uri.startswith("file:") else None
        settings, error = self.engine.settings_for(path)
        if error:
            return error
        if settings.config_file:
            target = Path(settings.config_file)
        else:
            target = Path(self._root_for(path)) / ".essaylint.toml"
        old = target.read_text(encoding="utf-8") if target.is_file() else ""
        new = add_word(old, word, pyproject=target.name == "pyproject.toml")
        if new is None:
            return f"could not add {word!r} to {target}: edit its 'words' list by hand"
        if new == old:
            return None
        if target.is_file():
            write_atomically(target, new.encode("utf-8"), expected=old.encode("utf-8"))
        else:
            target.write_text(new, encoding="utf-8")
        return None

    def _root_for(self, path: str | None) -> str:
        """The workspace folder holding ``path`` (else its folder, else the current one)."""
        if path is None:
            return os.getcwd()
        best = ""
        for folder in self.workspace.folders.values():
            root = uri_path(folder.uri)
            if path.startswith(root.rstrip("/") + "/") and len(root) > len(best):
                best = root
        return best or str(Path(path).parent)


def _span_location(uri: str, index: LineIndex, span: Span) -> lsp.Location:
    return lsp.Location(uri=uri, range=to_range(index, span))


def _symbol(index: LineIndex, text: str, sym: navigation.Symbol) -> lsp.DocumentSymbol:
    rng = to_range(index, sym.span)
    heading = _heading_line(text, sym)
    return lsp.DocumentSymbol(
        name=sym.name or "(untitled)",
        kind=SYMBOL_KINDS[sym.kind],
        range=rng,
        selection_range=to_range(index, heading) if heading else rng,
        children=[_symbol(index, text, c) for c in sym.children],
    )


def create_server(overrides: Mapping[str, Any] | None = None) -> EssaylintServer:
    """A server with every handler registered (not started)."""
    ls = EssaylintServer(overrides)

    @ls.feature(lsp.INITIALIZE)
    def initialize(params: lsp.InitializeParams) -> None:
        options = params.initialization_options
        if isinstance(options, dict) and isinstance(options.get("settings"), dict):
            given = {str(k).replace("-", "_"): v for k, v in options["settings"].items()}
            ls.engine.overrides = {**ls.engine.overrides, **given}

    @ls.feature(lsp.INITIALIZED)
    def initialized(params: lsp.InitializedParams) -> None:
        caps = ls.client_capabilities.workspace
        watch = caps.did_change_watched_files if caps else None
        if watch is not None and watch.dynamic_registration:
            ls.client_register_capability(
                lsp.RegistrationParams(
                    registrations=[
                        lsp.Registration(
                            id="essaylint-watch",
                            method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                            register_options=lsp.DidChangeWatchedFilesRegistrationOptions(
                                watchers=[lsp.FileSystemWatcher(glob_pattern=g) for g in WATCHED]
                            ),
                        )
                    ]
                )
            )

    @ls.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: lsp.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        ls.buffers[item.uri] = BufferState(uri=item.uri, language_id=item.language_id)
        ls.schedule(item.uri, 0)

    @ls.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @ls.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: lsp.DidSaveTextDocumentParams) -> None:
        name = Path(uri_path(params.text_document.uri)).name
        if name in CONFIG_NAMES or name.endswith((".bib", ".json")):
            ls.relint_all()
        else:
            ls.schedule(params.text_document.uri, 0)

    @ls.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: lsp.DidCloseTextDocumentParams) -> None:
        state = ls.buffers.pop(params.text_document.uri, None)
        if state is None:
            return
        for task in (state.pending, state.verify_pending):
            if task is not None:
                task.cancel()
        ls.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=state.uri, diagnostics=[])
        )

    @ls.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(params: lsp.DidChangeWatchedFilesParams) -> None:
        ls.relint_all()

    @ls.feature(lsp.TEXT_DOCUMENT_DEFINITION)
    async def definition(params: lsp.DefinitionParams) -> list[lsp.Location] | None:
        state = await ls.current(params.text_document.uri)
        if state is None or state.result is None or state.index is None:
            return None
        offset = state.index.offset(params.position.line, params.position.character)
        spans = navigation.definition(state.result, offset)
        return [_span_location(state.uri, state.index, s) for s in spans] or None

    @ls.feature(lsp.TEXT_DOCUMENT_REFERENCES)
    async def references(params: lsp.ReferenceParams) -> list[lsp.Location] | None:
        state = await ls.current(params.text_document.uri)
        if state is None or state.result is None or state.index is None:
            return None
        offset = state.index.offset(params.position.line, params.position.character)
        spans = navigation.references(
            state.result, offset, include_entry=params.context.include_declaration
        )
        return [_span_location(state.uri, state.index, s) for s in spans] or None

    @ls.feature(lsp.TEXT_DOCUMENT_HOVER)
    async def hover(params: lsp.HoverParams) -> lsp.Hover | None:
        state = await ls.current(params.text_document.uri)
        if state is None or state.result is None or state.index is None:
            return None
        offset = state.index.offset(params.position.line, params.position.character)
        found = navigation.hover(state.result, offset)
        if found is None:
            return None
        text, span = found
        return lsp.Hover(
            contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=text),
            range=to_range(state.index, span),
        )

    @ls.feature(lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    async def symbols(params: lsp.DocumentSymbolParams) -> list[lsp.DocumentSymbol] | None:
        state = await ls.current(params.text_document.uri)
        if state is None or state.result is None or state.index is None:
            return None
        text = state.result.document.text if state.result.document else ""
        return [_symbol(state.index, text, sym) for sym in navigation.symbols(state.result)]

    @ls.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(
            code_action_kinds=[
                lsp.CodeActionKind.QuickFix,
                actions.FIX_ALL_KIND,
            ]
        ),
    )
    async def code_action(params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
        state = await ls.current(params.text_document.uri)
        if state is None or state.result is None or state.index is None:
            return None
        index, result, text = state.index, state.result, state.text
        start = index.offset(params.range.start.line, params.range.start.character)
        end = index.offset(params.range.end.line, params.range.end.character)
        only = [str(getattr(k, "value", k)) for k in params.context.only or ()]
        found: list[lsp.CodeAction] = []
        if _wanted(lsp.CodeActionKind.QuickFix.value, only):
            found = actions.code_actions(
                result, text, state.uri, state.result_version, index, start, end
            )
        # The whole-file fix lints the text again (several passes): only when asked
        # for (not on every cursor move), and once per version.
        asked = params.context.trigger_kind != lsp.CodeActionTriggerKind.Automatic or bool(only)
        doc = result.document
        if (
            asked
            and _wanted(actions.FIX_ALL_KIND, only)
            and doc is not None
            and actions.fixable(result, text)
        ):
            version = state.result_version
            if state.fix_all is None or state.fix_all[0] != version:
                settings = state.settings
                path = uri_path(state.uri) if state.uri.startswith("file:") else None

                def fix_all() -> str:
                    bib = ls.engine.bibliography(doc, path, settings) if settings else ()
                    return actions.fixed_text(text, doc, settings, bib)

                state.fix_all = (version, await ls.in_thread(ls.lint_pool, fix_all))
            new = state.fix_all[1]
            if new != text and state.result_version == version:
                found.append(
                    lsp.CodeAction(
                        title="Fix all safe fixes in this file (essaylint --fix)",
                        kind=actions.FIX_ALL_KIND,
                        edit=actions.whole_text_edit(state.uri, version, text, new, ls.encoding),
                    )
                )
        return found or None

    @ls.command(actions.ADD_WORD_COMMAND)
    async def add_word_command(*args: Any) -> None:
        if not (len(args) == 2 and all(isinstance(a, str) and a.strip() for a in args)):
            raise ValueError("essaylint.addWord takes [document URI, word]")
        uri, word = args
        try:
            error = await ls.in_thread(ls.lint_pool, lambda: ls.add_word(uri, word))
        except OSError as exc:
            error = f"could not add {word!r} to the dictionary: {exc}"
        if error:
            ls.message(None, error, lsp.MessageType.Error)
        ls.relint_all()

    return ls


def _wanted(kind: str, only: list[str]) -> bool:
    """Whether a code action of ``kind`` is among the kinds asked for (all, when none is)."""
    return not only or any(kind == k or kind.startswith(k + ".") for k in only)


def _heading_line(text: str, sym: navigation.Symbol) -> Span | None:
    """The heading line of a section (its selection range), inside its range."""
    if sym.kind != "section":
        return None
    end = text.find("\n", sym.span.start)
    end = sym.span.end if end == -1 or end > sym.span.end else end
    return Span(start=sym.span.start, end=end)
