"""A plain JSON-RPC client that drives ``essaylint server`` over stdio, as an editor would."""

from __future__ import annotations

import contextlib
import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any


class LspClient:
    """Start the server, send requests and notifications, wait for what comes back."""

    def __init__(self, *args: str, cwd: str | Path | None = None) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "essaylint", "server", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env=env,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.notifications: list[dict[str, Any]] = []
        self.responses: dict[int, dict[str, Any]] = {}
        self._next = 0
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self._stderr: list[bytes] = []
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self._stderr.append(line)

    @property
    def stderr(self) -> str:
        return b"".join(self._stderr).decode("utf-8", "replace")

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = 0
            while True:
                line = out.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value.strip())
            body = out.read(length)
            if len(body) < length:
                return
            self.messages.put(json.loads(body))

    # -- sending --------------------------------------------------------------------------

    def send_raw(self, data: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def request_async(self, method: str, params: Any) -> int:
        self._next += 1
        self.send({"id": self._next, "method": method, "params": params})
        return self._next

    def request(self, method: str, params: Any, timeout: float = 60) -> dict[str, Any]:
        """The whole response (``result`` or ``error``)."""
        return self.response(self.request_async(method, params), timeout)

    # -- receiving --------------------------------------------------------------------------

    def _pump(self, timeout: float) -> dict[str, Any] | None:
        try:
            msg = self.messages.get(timeout=timeout)
        except queue.Empty:
            return None
        if "id" in msg and "method" in msg:  # a request from the server: accept it
            self.send({"id": msg["id"], "result": None})
            self.notifications.append(msg)
        elif "id" in msg:
            self.responses[msg["id"]] = msg
        else:
            self.notifications.append(msg)
        return msg

    def response(self, ident: int, timeout: float = 60) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while ident not in self.responses:
            left = deadline - time.monotonic()
            if left <= 0 or (self.proc.poll() is not None and self.messages.empty()):
                raise TimeoutError(f"no response to request {ident}; stderr: {self.stderr[-2000:]}")
            self._pump(min(left, 0.5))
        return self.responses.pop(ident)

    def wait_for(self, method: str, timeout: float = 60, **match: Any) -> dict[str, Any]:
        """The next notification ``method`` whose params have these values (waits for it)."""
        deadline = time.monotonic() + timeout
        seen = 0
        while True:
            for msg in self.notifications[seen:]:
                params = msg.get("params") or {}
                if msg.get("method") == method and all(
                    params.get(k) == v for k, v in match.items()
                ):
                    self.notifications.remove(msg)
                    return msg
            seen = len(self.notifications)
            left = deadline - time.monotonic()
            if left <= 0 or (self.proc.poll() is not None and self.messages.empty()):
                raise TimeoutError(f"no {method} {match}; stderr: {self.stderr[-2000:]}")
            self._pump(min(left, 0.5))

    def wait_for_log(self, *parts: str, timeout: float = 60) -> str:
        """The next window/logMessage that contains every one of ``parts``."""
        deadline = time.monotonic() + timeout
        seen = 0
        while True:
            for msg in self.notifications[seen:]:
                text = str((msg.get("params") or {}).get("message", ""))
                if msg.get("method") == "window/logMessage" and all(p in text for p in parts):
                    self.notifications.remove(msg)
                    return text
            seen = len(self.notifications)
            left = deadline - time.monotonic()
            if left <= 0 or (self.proc.poll() is not None and self.messages.empty()):
                raise TimeoutError(f"no log message with {parts}; stderr: {self.stderr[-2000:]}")
            self._pump(min(left, 0.5))

    def diagnostics(
        self, uri: str, timeout: float = 60, version: int | None = None
    ) -> list[dict[str, Any]]:
        """The next diagnostics published for ``uri`` (for ``version`` when given)."""
        match: dict[str, Any] = {"uri": uri}
        if version is not None:
            match["version"] = version
        return list(
            self.wait_for("textDocument/publishDiagnostics", timeout, **match)["params"][
                "diagnostics"
            ]
        )

    def settled(self, uri: str, version: int, timeout: float = 120) -> list[dict[str, Any]]:
        """The diagnostics of ``version`` once every rule ran (the server logs when it has)."""
        self.wait_for_log(f"checked {uri} version {version}:", "(all rules)", timeout=timeout)
        published = [
            msg
            for msg in self.notifications
            if msg.get("method") == "textDocument/publishDiagnostics"
            and msg["params"]["uri"] == uri
        ]
        for msg in published:
            self.notifications.remove(msg)
        last = [m for m in published if m["params"].get("version") == version][-1]
        return list(last["params"]["diagnostics"])

    # -- the session --------------------------------------------------------------------------

    def initialize(self, root: Path, options: Any = None) -> dict[str, Any]:
        result = self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": root.as_uri(),
                "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
                "capabilities": {
                    "textDocument": {"publishDiagnostics": {"versionSupport": True}},
                    "workspace": {"workspaceEdit": {"documentChanges": True}},
                },
                "initializationOptions": options,
            },
        )
        self.notify("initialized", {})
        return result

    def open(self, uri: str, text: str, language: str = "markdown", version: int = 1) -> None:
        self.notify(
            "textDocument/didOpen",
            {
                "textDocument": {
                    "uri": uri,
                    "languageId": language,
                    "version": version,
                    "text": text,
                }
            },
        )

    def change(self, uri: str, version: int, changes: list[dict[str, Any]]) -> None:
        self.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": changes},
        )

    def change_text(self, uri: str, version: int, text: str) -> None:
        """Send the whole new text (a full-document change)."""
        self.change(uri, version, [{"text": text}])

    def close(self, timeout: float = 20) -> int:
        """shutdown + exit; the server's exit code."""
        if self.proc.poll() is None:
            try:
                self.request("shutdown", None, timeout=timeout)
                self.notify("exit", None)
            except (OSError, TimeoutError):
                pass
        try:
            code = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = self.proc.wait()
        self.release()
        return code

    def release(self) -> None:
        """Close the pipes (the process has ended)."""
        self._reader.join(timeout=5)
        for pipe in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()
