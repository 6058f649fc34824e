"""--bib entries through the reference rules, and the typed-list cross-check (no network)."""

from __future__ import annotations

from essaylint.config import Settings
from essaylint.loaders.bibtex import parse_bib_text
from essaylint.pipeline import lint_text

BIB = """
@online{trust2020, author = {{Garden Trust}}, title = {Why lawns matter}, year = {2020}}
@article{notitle, author = {Hartley, Jo}, journal = {Lawn Studies}, year = {2021}}
@article{noyear, author = {Renear, Allen}, title = {Strategic reading}, journal = {Science}}
"""


def test_bib_entries_missing_url_year_or_title() -> None:
    text = "Text [@trust2020; @notitle; @noyear].\n\nbibliography: refs.bib\n"
    result = lint_text(
        text, Settings(select=("R201", "R202")), path="e.md", bib=parse_bib_text(BIB)
    )
    found = sorted((f.code, f.message) for f in result.findings)
    assert [code for code, _ in found] == ["R201", "R202", "R202"]
    assert "Garden Trust (2020)" in found[0][1]
    assert any("no title" in m for _, m in found)
    assert any("no year" in m for _, m in found)


def test_typed_entry_checked_against_its_bib_entry_without_network() -> None:
    bib = parse_bib_text(
        "@article{renear2009, author = {Renear, Allen H. and Palmer, Carole L.},"
        " title = {Strategic Reading, Ontologies, and the Future of Scientific Publishing},"
        " journal = {Science}, year = {2009}}"
    )
    text = (
        "Reading is strategic (Renear & Palmer, 2008).\n\nReferences\n\n"
        "Renear, A. H., & Palmer, C. L. (2008). Strategic reading, ontologies, and the future "
        "of scientific publishing. Science, 325(5942), 828-832.\n"
    )
    result = lint_text(text, Settings(select=("V502",)), bib=bib)
    [finding] = result.findings
    assert "BibTeX entry renear2009 (source: bib)" in finding.message
    assert "year is '2008' here but '2009'" in finding.message
    assert "title" not in finding.message.split("year is")[1]
    assert finding.suggestions == ("2009",)
