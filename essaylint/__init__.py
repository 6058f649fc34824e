"""essaylint: a citation-checked essay linter.

The small public API: :func:`parse_reference` (and more as the pipeline lands).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from essaylint.models import Reference

__all__ = ["__version__", "parse_reference"]


def parse_reference(raw: str) -> Reference:
    """Parse one reference-list entry into a :class:`~essaylint.models.Reference`."""
    from essaylint.analysis.references import parse_reference as _parse

    return _parse(raw)


def __getattr__(name: str) -> Any:  # pragma: no cover - thin lazy re-exports
    raise AttributeError(name)
