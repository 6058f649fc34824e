"""Word reference lists grouped under sub-headings ("Core Studies", "Additional Sources").

A student's list may be split into groups by short plain or bold paragraphs; the
entries after every group's label belong to the same list.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.word_xml import text_paragraph, write_docx

from essaylint.pipeline import lint_path


def test_an_additional_sources_label_does_not_end_a_numbered_list(tmp_path: Path) -> None:
    body = [
        text_paragraph(
            "Rooftop gardens cool a street (Vasquez, 2017), bees visit them more than "
            "parks (Nakamura et al., 2022) and tenants value the shade (Holloway, 2019)."
        ),
        text_paragraph("References", style="Heading1"),
        text_paragraph("Core Studies"),
        text_paragraph("1. Vasquez, L. (2017). Green roofs and heat. Urban Climate, 3, 11-19."),
        text_paragraph("Additional Sources "),
        text_paragraph("2. Nakamura, H. et al. (2022). Roof pollinators. Insect Notes, 6, 2-8."),
        text_paragraph("3. Holloway, G. (2019). What tenants want from a roof. Housing Office."),
    ]
    result = lint_path(write_docx(tmp_path / "groups.docx", body))
    heads = [r.authors[0].family for r in result.references if r.authors]
    assert heads == ["Vasquez", "Nakamura", "Holloway"]
    assert [f.code for f in result.findings if f.code[0] == "C"] == []


def test_an_appendix_after_the_list_still_ends_it(tmp_path: Path) -> None:
    body = [
        text_paragraph("Rooftop gardens cool a street (Vasquez, 2017)."),
        text_paragraph("References", style="Heading1"),
        text_paragraph("1. Vasquez, L. (2017). Green roofs and heat. Urban Climate, 3, 11-19."),
        text_paragraph("Appendix A"),
        text_paragraph("2. Ostrowski, P. (2020). Survey form. Roof Survey Office."),
    ]
    result = lint_path(write_docx(tmp_path / "appendix.docx", body))
    assert [r.authors[0].family for r in result.references if r.authors] == ["Vasquez"]
