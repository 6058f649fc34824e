"""Settings: defaults <- .essaylint.toml / [tool.essaylint] <- command-line flags."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from essaylint.models import Severity

Style = Literal["auto", "apa", "harvard", "numeric"]


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
    # Verify (Crossref) settings: [tool.essaylint.verify]. Without a crossref_url
    # or mailto, $ESSAYLINT_CROSSREF_URL / $ESSAYLINT_MAILTO are used.
    verify: bool = False
    crossref_url: str | None = None
    mailto: str | None = None
    cache: bool = True
