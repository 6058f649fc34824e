"""Finding the body, the reference list and the trailing text."""

from __future__ import annotations

from essaylint.analysis.sections import find_sections, looks_like_entry


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def test_heading_starts_the_list_and_a_rule_ends_it() -> None:
    text = (
        "Intro (Smith, 2010).\n\n## References\n\nSmith, J. (2010). A title. Press.\n\n"
        "Young, K. (2011). Another. Journal, 2(3), 4-5.\n\n---\n\n## Glossary\n\nTerm: meaning.\n"
    )
    essay = find_sections(text)
    assert essay.heading == "## References"
    assert essay.references is not None
    assert _line(text, essay.references.start) == 5
    assert _line(text, essay.references.end) == 7
    assert essay.body.end == text.index("## References")
    assert essay.trailing is not None
    assert "Glossary" in text[essay.trailing.start :]


def test_list_without_heading_is_found_and_comments_after_it_are_trailing() -> None:
    text = (
        "Networks matter (Boase, 2008).\n\n"
        "Boase, J. (2008). Personal networks. Information Society11(4), 490-508.\n\n"
        "Condi, C. (2019, September 17). Inviting men. Retrieved from\n\n"
        "Ganda, M. (2014). Social media and self. Portland State University.\n\n"
        "13 replies on this post\n\nHi Shong,\nI enjoyed reading your paper (Nobody, 2020).\n"
    )
    essay = find_sections(text)
    assert essay.heading is None
    assert essay.references is not None
    assert text[essay.references.start :].startswith("Boase, J.")
    assert text[: essay.references.end].endswith("Portland State University.")
    assert essay.trailing is not None
    assert "Nobody" in text[essay.trailing.start :]


def test_numbered_subsection_heading_wins_over_its_parent() -> None:
    text = (
        "Body.\n\n## 9. References and Further Reading\n\nThis section lists sources.\n\n"
        "### 9.1 References\n\n<references>\n\n1. Bem, D. J. (1972). Self-perception. Press.\n\n"
        "</references>\n\n### 9.2 Further Reading\n\n1. Cohen, G. (2014). Change. Review.\n"
    )
    essay = find_sections(text)
    assert essay.heading == "### 9.1 References"
    assert essay.references is not None
    listed = text[essay.references.start : essay.references.end]
    assert "Bem" in listed
    assert "Cohen" not in listed


def test_reading_list_inside_the_body_is_excluded_but_a_title_with_reading_is_not() -> None:
    text = (
        "# Why Reading Matters\n\nText (Ames, 2001).\n\n### Recommended Reading\n\n"
        "- Kerzner, H. (2017) Project Management. Wiley.\n\n## Next part\n\nMore text.\n\n"
        "## References\n\nAmes, B. (2001). Reading. Press.\n"
    )
    essay = find_sections(text)
    assert len(essay.excluded) == 1
    excluded = text[essay.excluded[0].start : essay.excluded[0].end]
    assert "Kerzner" in excluded
    assert "Ames, 2001" not in excluded


def test_no_reference_list() -> None:
    text = "A blog post.\n\nIn 2017 the hashtag spread.\n\nShare this post\n"
    essay = find_sections(text)
    assert essay.references is None
    assert essay.body.end == len(text)


def test_entry_shapes() -> None:
    assert looks_like_entry("Pan, Z., Lu, Y., & Chau, P. Y. (2017). Who do you think you are?")
    assert looks_like_entry("The Guardian (2016, October 19). The Guardian view. Retrieved from")
    assert looks_like_entry('[^rong]: Rong, Shuang. "Association." Journal 12 (2022): 4.')
    assert looks_like_entry("3. Ryan, R. M. (2000). Self-determination theory.")
    assert not looks_like_entry("Debates have emerged on whether media matter, Ganda (2014) said.")
    assert not looks_like_entry("Hi Shong, I enjoyed reading your paper in 2020.")
