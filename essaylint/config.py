"""Settings: defaults <- .essaylint.toml / [tool.essaylint] <- command-line flags."""

from __future__ import annotations

import contextlib
import fnmatch
import os
import sys
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path, PurePath
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from essaylint.models import Severity
from essaylint.services.harper_rules import HarperRuleSet

Style = Literal["auto", "apa", "harvard", "numeric", "mla", "chicago"]


class Settings(BaseModel):
    """What to check and how. Every field can come from config or the command line."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    style: Style = "auto"
    fail_on: Severity = "warning"
    dialect: Literal["auto", "american", "british"] = "auto"
    words: tuple[str, ...] = ()
    languagetool_url: str | None = None
    #: Which of Harper's rules run: "essay" (the ones whose findings essaylint
    #: reports, for essay prose) or "all" (every rule Harper enables; slower).
    harper_rules: HarperRuleSet = "essay"
    # From configuration files (see load_settings); all optional.
    extend_select: tuple[str, ...] = ()
    #: (glob, selectors) pairs; globs are relative to the config file's folder.
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: Why a rule is ignored, when the config says so: {"C104": "we list further reading"}.
    ignore_reasons: dict[str, str] = {}
    #: Options per rule name, as written under [tool.essaylint.rules.<name>] (checked
    #: against the rule's ``Options`` when read; rules read them typed, through
    #: ``RuleContext.options``).
    rule_options: dict[str, dict[str, Any]] = {}
    #: Globs (relative to the config file's folder) of files a folder check leaves out.
    exclude: tuple[str, ...] = ()
    #: Bibliography files (.bib or CSL JSON, relative to the config file) for every essay.
    bib: tuple[str, ...] = ()
    #: The configuration file these settings came from, if any.
    config_file: str | None = None
    # Verify (Crossref) settings: [tool.essaylint.verify]. Without a crossref_url
    # or mailto, $ESSAYLINT_CROSSREF_URL / $ESSAYLINT_MAILTO are used.
    verify: bool = False
    crossref_url: str | None = None
    mailto: str | None = None
    cache: bool = True

    def rule_selectors(self, path: str | None = None) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(select, ignore) for one checked file: extend-select and per-file ignores applied.

        An empty select means every rule; extend-select only adds to an explicit
        select. Pure: ``path`` is matched as a string, nothing is read.
        """
        select = (*self.select, *self.extend_select) if self.select else ()
        ignore = list(self.ignore)
        if path is not None and self.per_file_ignores:
            ignore += [
                selector
                for pattern, selectors in self.per_file_ignores
                if _glob_matches(pattern, path, self.config_file)
                for selector in selectors
            ]
        return select, tuple(ignore)

    def excludes(self, path: str) -> bool:
        """Whether an ``exclude`` glob matches ``path`` (pure, like per-file ignores)."""
        return any(_glob_matches(pattern, path, self.config_file) for pattern in self.exclude)

    def bib_paths(self) -> tuple[str, ...]:
        """The ``bib`` files, resolved against the config file's folder."""
        if self.config_file is None:
            return self.bib
        base = os.path.dirname(os.path.abspath(self.config_file))
        return tuple(os.path.join(base, name) for name in self.bib)


def _glob_matches(pattern: str, path: str, config_file: str | None) -> bool:
    """Whether a per-file-ignores glob matches ``path`` (relative to the config folder).

    A pattern without a slash also matches the file name alone, so
    ``"drafts*.md"`` works at any depth, as in ruff.
    """
    target = PurePath(path)
    if config_file is not None:
        base = PurePath(os.path.abspath(config_file)).parent
        with contextlib.suppress(ValueError):
            target = PurePath(os.path.abspath(path)).relative_to(base)
    text = target.as_posix()
    if "/" not in pattern and fnmatch.fnmatchcase(target.name, pattern):
        return True
    return fnmatch.fnmatchcase(text, pattern) or PurePath(text).match(pattern)


# --------------------------------------------------------------------------
# Configuration files: [tool.essaylint] in pyproject.toml, or .essaylint.toml.

CONFIG_NAMES = (".essaylint.toml", "pyproject.toml")


class ConfigError(Exception):
    """A configuration file that cannot be used; the message is one line naming file and key."""


# file key -> Settings field, for the plain top-level keys.
_SIMPLE_KEYS = {
    "select": "select",
    "ignore": "ignore",
    "extend-select": "extend_select",
    "style": "style",
    "dialect": "dialect",
    "fail-on": "fail_on",
    "words": "words",
    "languagetool-url": "languagetool_url",
    "harper-rules": "harper_rules",
}
_TABLE_KEYS = ("per-file-ignores", "verify", "rules")
# [tool.essaylint.verify] key -> Settings field; mapped only when Settings has the field.
_VERIFY_KEYS = {
    "verify": "verify",
    "mailto": "mailto",
    "crossref-url": "crossref_url",
    "cache": "cache",
}


def _toml_load(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10 installs tomli (see pyproject.toml)
        import tomli as tomllib
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not valid TOML: the file is not UTF-8") from None
    except RecursionError:  # the parser recurses once per level of nested arrays
        raise ConfigError(f"{path}: not valid TOML: arrays or tables nested too deep") from None


def _essaylint_table(path: Path) -> dict[str, Any] | None:
    """The essaylint table of a config file, or None when a pyproject.toml has none."""
    if path.name == "pyproject.toml":
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
        if b"essaylint" not in raw:  # cheap: most pyproject.toml files are not ours
            return None
        tool = _toml_load(path).get("tool", {})
        table = tool.get("essaylint") if isinstance(tool, dict) else None
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: 'tool.essaylint' must be a table")
        return table
    return _toml_load(path)


@lru_cache(maxsize=256)
def find_config_file(directory: str) -> str | None:
    """The nearest config file at or above ``directory`` (cached per folder).

    In one folder ``.essaylint.toml`` wins over ``pyproject.toml``; a
    pyproject.toml without ``[tool.essaylint]`` does not count.
    """
    current = Path(directory)
    while True:
        for name in CONFIG_NAMES:
            candidate = current / name
            if candidate.is_file() and _essaylint_table(candidate) is not None:
                return str(candidate)
        if current.parent == current:
            return None
        current = current.parent


def _strings(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings")
    return tuple(value)


def _check_selectors(selectors: tuple[str, ...], where: str) -> None:
    from essaylint.rules.registry import unknown_selectors

    unknown = unknown_selectors(selectors)
    if unknown:
        raise ConfigError(
            f"{where}: unknown rule {', '.join(repr(u) for u in unknown)}; "
            "see 'essaylint rules' for the list"
        )


def _ignore_list(value: object, where: str) -> tuple[tuple[str, ...], dict[str, str]]:
    """``ignore`` entries: strings, or tables ``{rule = "C104", reason = "..."}``."""
    if not isinstance(value, list):
        raise ConfigError(f"{where}: expected a list of rules or {{rule = ..., reason = ...}}")
    selectors: list[str] = []
    reasons: dict[str, str] = {}
    for item in value:
        if isinstance(item, str):
            selectors.append(item)
            continue
        if not isinstance(item, dict) or not isinstance(item.get("rule"), str):
            raise ConfigError(f"{where}: each entry is a rule or {{rule = ..., reason = ...}}")
        extra = set(item) - {"rule", "reason"}
        if extra:
            raise ConfigError(f"{where}: unknown key {sorted(extra)[0]!r} in an ignore entry")
        reason = item.get("reason")
        if reason is not None and not isinstance(reason, str):
            raise ConfigError(f"{where}: 'reason' must be a string")
        selectors.append(item["rule"])
        if reason:
            reasons[item["rule"]] = reason
    return tuple(selectors), reasons


def _unknown_key(key: str, known: Any, where: str) -> ConfigError:
    hint = ""
    kebab = key.replace("_", "-")
    if kebab != key and kebab in known:
        hint = f" (did you mean {kebab!r}?)"
    return ConfigError(f"{where}: unknown key {key!r}{hint}")


def _rule_options(tables: Mapping[str, Any], source: str) -> dict[str, dict[str, Any]]:
    """``[tool.essaylint.rules.<name>]`` tables, each checked against its rule's ``Options``.

    Keyed by rule name (a table may be headed by the code); an unknown rule,
    an unknown option or a bad value is one line naming the file and the key.
    """
    from essaylint.rules.registry import find_rule

    options: dict[str, dict[str, Any]] = {}
    for name, table in tables.items():
        where = f"{source}: key 'rules.{name}'"
        rule = find_rule(name)
        if rule is None:
            raise ConfigError(f"{where}: no rule called {name!r}; see 'essaylint rules'")
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: expected a table of options")
        try:
            rule.options_from(table)
        except ValidationError as exc:
            err = exc.errors()[0]
            at = ".".join(str(p) for p in err["loc"])
            known = ", ".join(repr(key) for key, _, _ in rule.option_rows()) or "none"
            if err["type"] == "extra_forbidden":
                raise ConfigError(
                    f"{source}: key 'rules.{name}.{at}': {rule.name} has no option {at!r} "
                    f"(its options: {known})"
                ) from None
            raise ConfigError(f"{source}: key 'rules.{name}.{at}': {err['msg'].lower()}") from None
        options[rule.name] = dict(table)
    return options


def parse_config(table: Mapping[str, Any], source: str) -> tuple[dict[str, Any], dict[str, str]]:
    """Settings fields from an essaylint config table; ``source`` names the file in errors.

    Returns the fields and, for each field, the key as written in the file.

    Pure apart from looking up rule names in the registry. Values are checked
    for shape here and for meaning by :class:`Settings`.
    """
    fields: dict[str, Any] = {}
    keys: dict[str, str] = {}  # Settings field -> key as written, for error messages
    for key, value in table.items():
        where = f"{source}: key {key!r}"
        if key in ("exclude", "bib"):
            fields[key] = _strings([value] if isinstance(value, str) else value, where)
        elif key in ("select", "extend-select", "words"):
            fields[_SIMPLE_KEYS[key]] = _strings(value, where)
            if key != "words":
                _check_selectors(fields[_SIMPLE_KEYS[key]], where)
        elif key == "ignore":
            fields["ignore"], reasons = _ignore_list(value, where)
            _check_selectors(fields["ignore"], where)
            if reasons:
                fields["ignore_reasons"] = reasons
        elif key in _SIMPLE_KEYS:
            fields[_SIMPLE_KEYS[key]] = value
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: expected a table of glob = [rules]")
            pairs = []
            for pattern, selectors in value.items():
                inner = f"{source}: key 'per-file-ignores.{pattern}'"
                codes = _strings(selectors, inner)
                _check_selectors(codes, inner)
                pairs.append((pattern, codes))
            fields["per_file_ignores"] = tuple(pairs)
        elif key == "verify":
            if isinstance(value, bool):
                value = {"verify": value}
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: expected a table [tool.essaylint.verify]")
            for vkey, vvalue in value.items():
                field = _VERIFY_KEYS.get(vkey)
                if field is None or field not in Settings.model_fields:
                    raise _unknown_key(vkey, _VERIFY_KEYS, f"{source}: key 'verify'")
                fields[field] = vvalue
                keys[field] = f"verify.{vkey}"
        elif key == "rules":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: expected tables [tool.essaylint.rules.<name>]")
            fields["rule_options"] = _rule_options(value, source)
        else:
            raise _unknown_key(key, (*_SIMPLE_KEYS, *_TABLE_KEYS, "exclude", "bib"), source)
    for field in fields:
        keys.setdefault(field, field.replace("_", "-"))
    return fields, keys


def _validated(fields: dict[str, Any], keys: Mapping[str, str], source: str) -> Settings:
    try:
        return Settings.model_validate(fields)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = str(err["loc"][0]) if err["loc"] else "?"
        key = keys.get(field, field.replace("_", "-"))
        allowed = err.get("ctx", {}).get("expected")
        detail = f"expected {allowed}" if allowed else err["msg"].lower()
        raise ConfigError(f"{source}: key {key!r}: {detail}") from None


@lru_cache(maxsize=64)
def _file_fields(config_file: str, mtime_ns: int) -> tuple[dict[str, Any], dict[str, str]]:
    """Parsed fields of one config file (cached while the file is unchanged)."""
    path = Path(config_file)
    table = _essaylint_table(path)
    if table is None:
        raise ConfigError(f"{config_file}: no [tool.essaylint] table")
    fields, keys = parse_config(table, config_file)
    _validated(fields, keys, config_file)  # report bad values once, naming the key
    return fields, keys


def load_settings(
    path: str | Path | None,
    cli_overrides: Mapping[str, Any] | None = None,
    *,
    config_file: str | Path | None = None,
) -> Settings:
    """Settings for one checked file: defaults <- its config file <- command-line flags.

    The config file is ``config_file`` when given, else the nearest
    ``.essaylint.toml`` or ``pyproject.toml`` with ``[tool.essaylint]`` at or
    above the file's folder (``path=None``: the current folder). Command-line
    ``select`` replaces the file's select and extend-select; command-line
    ``ignore`` and ``words`` add to the file's. Raises :class:`ConfigError`.
    """
    if config_file is not None:
        named = str(config_file)
        if not Path(named).is_file():
            raise ConfigError(f"{named}: no such config file")
        found: str | None = named
    else:
        where = Path(path).parent if path is not None else Path(".")
        found = find_config_file(os.path.abspath(where))
    fields: dict[str, Any] = {}
    keys: dict[str, str] = {}
    if found is not None:
        try:
            mtime = os.stat(found).st_mtime_ns
        except OSError as exc:
            raise ConfigError(f"{found}: cannot read: {exc.strerror or exc}") from None
        base, keys = _file_fields(found, mtime)
        fields = {**base, "config_file": found}
    for name, value in (cli_overrides or {}).items():
        if name == "select":
            fields["extend_select"] = ()
            fields["select"] = tuple(value)
        elif name in ("ignore", "words"):
            fields[name] = (*fields.get(name, ()), *value)
        else:
            fields[name] = value
    if not fields:
        return Settings()
    return _validated(fields, keys, found or "command line")
