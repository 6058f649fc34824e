"""The manifest in the output folder: what was graded, from which content, with which settings.

A re-run grades a file again only when its content hash, the settings, the
rubric or essaylint's version changed, or its student page is missing.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from essaylint import __version__
from essaylint.grading.files import atomic_write
from essaylint.grading.record import Graded

MANIFEST_NAME = ".essaylint-manifest.json"


class Manifest(BaseModel):
    model_config = ConfigDict(frozen=True)

    fingerprint: str = ""
    records: dict[str, Graded] = {}


def fingerprint(settings: dict[str, Any], rubric: dict[str, Any]) -> str:
    payload = json.dumps(
        {"version": __version__, "settings": settings, "rubric": rubric}, sort_keys=True
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def load_manifest(out: Path) -> Manifest:
    """The manifest in ``out``, or an empty one when there is none or it is unreadable."""
    path = out / MANIFEST_NAME
    try:
        return Manifest.model_validate_json(path.read_bytes())
    except (OSError, ValidationError, ValueError):
        return Manifest()


def save_manifest(out: Path, manifest: Manifest) -> None:
    atomic_write(out / MANIFEST_NAME, manifest.model_dump_json())


def reusable(manifest: Manifest, current: str, rel: str, sha256: str, out: Path) -> Graded | None:
    """The stored record for ``rel`` when nothing that affects it has changed."""
    if manifest.fingerprint != current:
        return None
    record = manifest.records.get(rel)
    if record is None or not sha256 or record.sha256 != sha256:
        return None
    if record.page is not None and not (out / record.page).is_file():
        return None
    if record.feedback is not None and not (out / record.feedback).is_file():
        return None
    return record
