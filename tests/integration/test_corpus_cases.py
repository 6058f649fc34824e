"""The labelled essays in fixtures/corpus: essaylint reports exactly what their gold files expect.

Each ``NAME.gold.json`` (format: ../shared/corpus/README.md) lists the problems a
careful marker circles. For the kinds about works (missing-reference,
year-mismatch, author-mismatch, uncited-reference, missing-url,
duplicate-reference) every expected item must be reported, and nothing else may
be, except the gold's "acceptable" items, which are allowed but not required.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.gold import compare, lint_findings, load_gold

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"
DOC_SUFFIXES = (".md", ".txt", ".html")


def _cases() -> list[tuple[Path, Path]]:
    cases = []
    for gold in sorted(CORPUS.glob("*.gold.json")):
        stem = gold.name.removesuffix(".gold.json")
        docs = [CORPUS / f"{stem}{suffix}" for suffix in DOC_SUFFIXES]
        found = [doc for doc in docs if doc.exists()]
        assert len(found) == 1, f"{gold.name}: expected one document beside it, found {found}"
        cases.append((found[0], gold))
    return cases


CASES = _cases()


def test_every_class_of_issue_10_has_cases() -> None:
    # 14 essays, one per failure class and variant; dropping one should be deliberate
    assert len(CASES) >= 14


@pytest.mark.parametrize(("doc", "gold_path"), CASES, ids=[doc.name for doc, _ in CASES])
def test_findings_match_gold(doc: Path, gold_path: Path) -> None:
    gold = load_gold(gold_path)
    assert compare(lint_findings(doc), gold) == {"missed": [], "unexpected": []}
