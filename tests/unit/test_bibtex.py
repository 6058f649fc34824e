"""BibTeX reading (pybtex) into References, errors, and writing References back."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from essaylint.config import Settings
from essaylint.loaders import LoadError
from essaylint.loaders.bibtex import load_bib, parse_bib_text, references_to_bibtex
from essaylint.models import Person, Reference
from essaylint.pipeline import lint_path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "loaders"


@pytest.fixture(scope="module")
def refs() -> dict[str, Reference]:
    return {ref.key or "": ref for ref in load_bib(FIXTURES / "refs.bib")}


def test_entries_in_file_order() -> None:
    keys = [ref.key for ref in load_bib(FIXTURES / "refs.bib")]
    assert keys == [
        "pan2017",
        "who2020",
        "boyd2010",
        "vdberg2019",
        "lee2018",
        "ons2021",
        "bbc2022",
        "orwell1949",
    ]


def test_article_fields(refs: dict[str, Reference]) -> None:
    ref = refs["pan2017"]
    assert ref.source == "bib"
    assert ref.type == "article"
    assert [p.family for p in ref.authors] == ["Pan", "Lu", "Wang", "Chau"]
    assert ref.authors[3] == Person(family="Chau", given="Patrick Y. K.", raw="Chau, Patrick Y. K.")
    assert ref.year == "2017"
    assert ref.title == "Social Media and Tourism: Müller's Case"
    assert ref.container == "Journal of Travel Research"
    assert ref.volume == "56"
    assert ref.issue == "4"
    assert ref.pages == "449–460"
    assert ref.doi == "10.1177/0047287516663456"
    assert ref.url is None
    assert ref.raw == (
        "Pan, B., Lu, W., Wang, X., & Chau, P. Y. K. (2017). Social Media and Tourism: "
        "Müller's Case. Journal of Travel Research, 56(4), 449–460. "
        "https://doi.org/10.1177/0047287516663456"
    )
    assert "\n" not in ref.raw


def test_corporate_author_and_url_in_howpublished(refs: dict[str, Reference]) -> None:
    ref = refs["who2020"]
    assert ref.authors == (
        Person(family="World Health Organization", raw="World Health Organization", corporate=True),
    )
    assert ref.type == "web"
    assert ref.title == "Coronavirus disease (COVID-19) pandemic"
    assert ref.url == "https://www.who.int/emergencies/diseases/novel-coronavirus-2019"


def test_team_named_without_protecting_braces_is_an_organisation() -> None:
    """ "R Core Team" reads in BibTeX as given names "R Core" and family "Team"; cited whole,
    it is a team. A person with initials before such a word stays a person."""
    refs = parse_bib_text(
        "@Manual{harbourR, author = {Harbour Core Team}, title = {H}, year = {2022}}\n"
        "@Manual{tideR, author = {T Tide Group}, title = {T}, year = {2021}}\n"
        "@Book{grp, author = {J. Group}, title = {G}, year = {2020}, publisher = {P}}\n"
        "@Manual{spec, author = {Robert Harbour Gmbh}, title = {S}, year = {1991}}\n"
    )
    assert [(p.family, p.corporate) for r in refs for p in r.authors] == [
        ("Harbour Core Team", True),
        ("T Tide Group", True),
        ("Group", False),
        ("Robert Harbour Gmbh", True),
    ]


def test_organization_stands_for_missing_authors() -> None:
    """A web page or manual with only ``organization`` is filed under it; authors, where
    there are any, come first."""
    refs = parse_bib_text(
        "@misc{hvm, title = {Harbour VM}, organization = {HarbourVM.org}, url = {http://h.org}}\n"
        "@manual{tide, author = {Ann Tide}, title = {T}, organization = {Tide Co}, year = 2020}\n"
    )
    assert [(p.family, p.corporate) for r in refs for p in r.authors] == [
        ("HarbourVM.org", True),
        ("Tide", False),
    ]


def test_chapter_with_others_and_editor(refs: dict[str, Reference]) -> None:
    ref = refs["boyd2010"]
    assert ref.type == "chapter"
    assert [p.family for p in ref.authors] == ["Boyd"]  # editors are not authors
    assert ref.et_al is True
    assert ref.container == "A Networked Self"
    assert ref.publisher == "Routledge"
    assert ref.pages == "39–58"


def test_types_and_other_fields(refs: dict[str, Reference]) -> None:
    thesis = refs["vdberg2019"]
    assert thesis.type == "thesis"
    assert thesis.authors[0].family == "van der Berg"
    assert thesis.authors[0].given == "Jan R."
    assert thesis.publisher == "University of Amsterdam"
    assert refs["lee2018"].type == "conference"
    assert refs["lee2018"].container == "Proc. of CHI"
    report = refs["ons2021"]
    assert report.type == "report"
    assert report.authors[0].corporate
    assert report.authors[0].family == "Office for National Statistics"
    assert report.publisher == "ONS"
    online = refs["bbc2022"]
    assert online.type == "web"
    assert online.url == "https://www.bbc.co.uk/news/x_y"
    assert online.year == "2022"
    assert online.date == "2022-03-01"
    assert online.authors == ()
    book = refs["orwell1949"]
    assert book.type == "book"
    assert book.publisher == "Secker & Warburg"


def test_unbraced_organisation_name_is_corporate() -> None:
    (ref,) = parse_bib_text(
        "@misc{apa, author = {American Psychological Association}, title = {Manual}, year = 2020}"
    )
    assert ref.authors[0].corporate
    assert ref.authors[0].family == "American Psychological Association"
    assert ref.type == "unknown"  # misc without a URL


def test_syntax_error_names_the_line() -> None:
    with pytest.raises(LoadError) as info:
        load_bib(FIXTURES / "broken.bib")
    message = str(info.value)
    assert message.startswith(f"cannot read {FIXTURES / 'broken.bib'}: BibTeX syntax error in line")
    assert "line 12" in message  # pybtex reports where the file ended
    assert "starts in line 7" in message
    assert "\n" not in message


def test_syntax_error_tolerant_mode_keeps_good_entries() -> None:
    warnings: list[str] = []
    refs = load_bib(FIXTURES / "broken.bib", strict=False, warnings=warnings)
    assert refs[0].key == "good2020"
    assert refs[0].title == "Fine"
    assert any("syntax error" in w for w in warnings)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('@article{a,\n title = "x",\n year = 20 20}', 3),
        ("@article{a, title={ok}}\n\n@book{b, title=}", 3),
        ("@article{a, title={ok}}\n\n@book{b, title={x} year={2}}", 3),
    ],
)
def test_more_syntax_errors(text: str, line: int) -> None:
    with pytest.raises(LoadError, match=f"line {line}"):
        parse_bib_text(text, path="refs.bib")


def test_repeated_key_is_a_warning_not_a_crash() -> None:
    warnings: list[str] = []
    refs = parse_bib_text(
        "@article{a, title={First}}\n@article{a, title={Second}}\n"
        "@article{b, title={X}, title={Y}}",
        warnings=warnings,
    )
    # The entry written again under key "a" is kept, in file order, so that
    # duplicate-reference can report it; its citations link to the first.
    assert [(r.key, r.title) for r in refs] == [("a", "First"), ("a", "Second"), ("b", "X")]
    assert len(warnings) == 2
    assert "repeated entry key 'a'" in warnings[0]


def test_odd_names_never_crash() -> None:
    refs = parse_bib_text("@article{x, author = {A, B, C, D and }, title = {T}}")
    assert len(refs) <= 1


def test_missing_and_empty_bib(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no such file"):
        load_bib(tmp_path / "none.bib")
    empty = tmp_path / "empty.bib"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(LoadError, match="is empty"):
        load_bib(empty)


def test_latin1_bib_file(tmp_path: Path) -> None:
    path = tmp_path / "latin.bib"
    path.write_bytes(
        "@book{m, author = {Müller, Jürgen}, title = {Städte und Straßen}, year = 1999}".encode(
            "latin-1"
        )
    )
    warnings: list[str] = []
    (ref,) = load_bib(path, warnings=warnings)
    assert ref.authors[0].family == "Müller"
    assert ref.title == "Städte und Straßen"
    assert warnings
    assert "not valid UTF-8" in warnings[0]


# -- writing -----------------------------------------------------------------------------


def _typed_refs() -> list[Reference]:
    return [
        Reference(
            raw="Pan, B., Lu, W. (2017). Social media & tourism. J. Travel Res., 56(4), 449–460.",
            authors=(Person(family="Pan", given="B."), Person(family="Lu", given="W.")),
            year="2017",
            title="Social media & tourism: 100% of travellers",
            container="Journal of Travel Research",
            volume="56",
            issue="4",
            pages="449–460",
            doi="10.1177/0047287516663456",
            type="article",
        ),
        Reference(
            raw="Pan, B. (2017). Another. Tourism Management, 12, 1–9.",
            authors=(Person(family="Pan", given="Bing"),),
            year="2017",
            title="Another study",
            container="Tourism Management",
            volume="12",
            pages="1–9",
            type="article",
        ),
        Reference(
            raw="World Health Organization. (2020). Page. https://who.int/a_b%20c",
            authors=(Person(family="World Health Organization", corporate=True),),
            year="2020",
            title="Coronavirus disease (COVID-19)",
            url="https://who.int/a_b%20c",
            type="web",
        ),
        Reference(
            raw="Müller, J.-P., & van der Berg, A. (2010). Städte. In Big Book. Routledge.",
            authors=(
                Person(family="Müller", given="J.-P."),
                Person(family="van der Berg", given="A."),
            ),
            year="2010",
            title="Städte und {Straßen}",
            container="Big Book",
            publisher="Routledge",
            pages="39–58",
            type="chapter",
        ),
    ]


def test_keys_are_unique_with_suffixes() -> None:
    text = references_to_bibtex(_typed_refs())
    back = parse_bib_text(text)
    assert [r.key for r in back] == ["pan2017a", "pan2017b", "who2020", "muller2010"]


def test_existing_keys_are_kept() -> None:
    original = load_bib(FIXTURES / "refs.bib")
    back = parse_bib_text(references_to_bibtex(original))
    assert [r.key for r in back] == [r.key for r in original]


FIELDS = ("authors", "year", "title", "container", "volume", "pages", "doi")


def _comparable(ref: Reference) -> tuple[object, ...]:
    authors = tuple((p.family, p.given, p.corporate) for p in ref.authors)
    return (authors, *(getattr(ref, f) for f in FIELDS[1:]))


def test_round_trip_typed_references() -> None:
    refs = _typed_refs()
    text = references_to_bibtex(refs)
    assert "@article{pan2017a," in text
    assert 'pages = "449--460"' in text
    assert "{World Health Organization}" in text
    back = parse_bib_text(text)
    assert len(back) == len(refs)
    for before, after in zip(refs, back, strict=True):
        expected = before.model_copy(
            update={"title": (before.title or "").replace("{", "(").replace("}", ")")}
        )
        assert _comparable(after) == _comparable(expected)
        assert after.url == before.url
        assert after.type == before.type


def test_round_trip_bib_file() -> None:
    original = load_bib(FIXTURES / "refs.bib")
    back = parse_bib_text(references_to_bibtex(original))
    for before, after in zip(original, back, strict=True):
        assert _comparable(after) == _comparable(before)
        assert after.et_al == before.et_al
        assert after.url == before.url
        assert after.publisher == before.publisher


def test_an_essay_whose_bib_has_a_broken_entry_is_still_checked(tmp_path: Path) -> None:
    # BibTeX warns about a broken entry and goes on; so does essaylint, with a note.
    (tmp_path / "refs.bib").write_text(
        "@article{good1, author = {Okafor, N.}, title = {First}, journal = {J}, year = {2018}}\n"
        "@article{broken, author = {Lund, K.}, title = {Second}, pages{1--9}, year = {2019}}\n"
        "@book{good2, author = {Haddad, L.}, title = {Third}, publisher = {P}, year = {2021}}\n",
        encoding="utf-8",
    )
    essay = tmp_path / "essay.tex"
    essay.write_text(
        "Text \\cite{good1} and \\cite{good2} and \\cite{absent}.\n\\bibliography{refs}\n",
        encoding="utf-8",
    )
    result = lint_path(essay, Settings(select=("C",)))
    assert result.error is None
    assert [n for n in result.notes if "refs.bib" in n and "syntax error in line 2" in n]
    missing = [f.citation.key for f in result.findings if f.code == "C101" and f.citation]
    assert missing == ["absent"]


def _doubling(strings: int, seed: str = "ha") -> str:
    """``@string{sN = sM # sM}`` ``strings`` times: 2**strings copies of ``seed`` in ~1 KB."""
    lines = [f'@string{{s0 = "{seed}"}}']
    lines += [f"@string{{s{i} = s{i - 1} # s{i - 1}}}" for i in range(1, strings + 1)]
    entry = f"@article{{k, title = s{strings}, author = {{A. Smith}}, year = 2019}}"
    return "\n".join([*lines, entry]) + "\n"


@pytest.mark.parametrize("strings", [24, 39])
@pytest.mark.parametrize("strict", [True, False])
def test_doubling_string_macros_stop_fast_with_bounded_memory(strings: int, strict: bool) -> None:
    text = _doubling(strings)
    assert len(text) < 1200
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with pytest.raises(LoadError) as info:
            parse_bib_text(text, path="refs.bib", strict=strict)
        seconds = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert seconds < 2.0
    assert peak < 16 * 2**20  # the budget is ~1 MB of text; 2**24 copies would be 32 MB
    message = str(info.value)
    assert message.startswith("cannot read refs.bib: its @string macros expand to more than")
    assert "doubling" in message
    assert "\n" not in message


def test_the_budget_grows_with_the_file_and_honest_macros_fit() -> None:
    # 3,000 entries each using a 60-character journal macro expand to 180,000
    # characters plus months: an honest file, read whole.
    journal = "Journal of Computer-Mediated Communication and Social Media"
    entries = [
        f"@article{{k{i}, title = {{T{i}}}, journal = jcmc, month = jan, year = 2019}}"
        for i in range(3000)
    ]
    refs = parse_bib_text(f'@string{{jcmc = "{journal}"}}\n' + "\n".join(entries))
    assert len(refs) == 3000
    assert refs[-1].container == journal
    # A macro of ~600,000 characters used twice passes the floor, but the
    # file holding it is big enough to allow it.
    big = "x" * 600_000
    (ref,) = parse_bib_text(f'@string{{big = "{big}"}}\n@misc{{m, title = big # big}}')
    assert ref.title == big * 2


def test_a_deep_chain_of_macros_is_linear_and_self_reference_is_undefined() -> None:
    chain = ['@string{m0 = "Journal"}']
    chain += [f"@string{{m{i} = m{i - 1}}}" for i in range(1, 5000)]
    start = time.perf_counter()
    (ref,) = parse_bib_text("\n".join(chain) + "\n@article{k, journal = m4999, title = {T}}")
    assert time.perf_counter() - start < 5.0
    assert ref.container == "Journal"
    # A macro that names itself is not yet defined while it is read: BibTeX's
    # "undefined string", a syntax error, never a loop.
    with pytest.raises(LoadError, match="line 1"):
        parse_bib_text("@string{a = a # a}\n@article{k, title = a}")


def test_an_essay_whose_bib_doubles_its_macros_gets_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(_doubling(39), encoding="utf-8")
    essay = tmp_path / "essay.tex"
    essay.write_text("Text \\cite{k}.\n\\bibliography{refs}\n", encoding="utf-8")
    result = lint_path(essay, Settings(select=("C", "R")))
    assert result.error is not None
    assert "refs.bib: its @string macros expand to more than" in result.error


def test_an_entry_without_a_key_is_skipped_and_leaves_no_reference(tmp_path: Path) -> None:
    # BibTeX rejects "@misc{," outright; no empty reference may reach the rules.
    text = (
        "@online{ferry2020, author = {Lamb, Ida}, title = {Ferry Times}, year = {2020},\n"
        "  url = {https://ferries.example.org/times}}\n"
        "@online{,\n  url = {https://ferries.example.org/times},\n}\n"
        "@book{quay1999, author = {Rook, Tom}, title = {Quays}, publisher = {P}, year = {1999}}\n"
    )
    warnings: list[str] = []
    refs = parse_bib_text(text, strict=False, warnings=warnings)
    assert [r.key for r in refs] == ["ferry2020", "quay1999"]
    assert any("entry key expected" in w for w in warnings)
    (tmp_path / "refs.bib").write_text(text, encoding="utf-8")
    essay = tmp_path / "essay.tex"
    essay.write_text("Boats \\cite{ferry2020, quay1999}.\n\\bibliography{refs}\n", encoding="utf-8")
    result = lint_path(essay, Settings(select=("C", "R")))
    assert [(f.code, f.line) for f in result.findings if f.path == str(essay)] == []


@pytest.mark.parametrize(
    ("entry", "url"),
    [
        (
            "@Electronic{k, title = {https://news.example.ru/doc/38\\_28}}",
            "https://news.example.ru/doc/38_28",
        ),
        ("@misc{k, title = {A site. www.example.org/page.}}", "www.example.org/page"),
        (
            "@online{k, title = {T}, note = {\\url{https://a.example.com/x}}}",
            "https://a.example.com/x",
        ),
        (
            "@online{k, title = {T}, howpublished = {\\href{https://b.example.com}{B}}}",
            "https://b.example.com",
        ),
        (
            "@article{k, title = {T}, eprint = {2101.00001}, archivePrefix = {arXiv}}",
            "https://arxiv.org/abs/2101.00001",
        ),
        ("@article{k, title = {T}, eprint = {2101.00001}}", None),
        ("@book{k, title = {Web Design in 2010}}", None),
    ],
)
def test_a_url_written_in_any_field_is_the_entrys_url(entry: str, url: str | None) -> None:
    assert parse_bib_text(entry)[0].url == url


@pytest.mark.parametrize(
    ("entry", "kind"),
    [
        ("@Electronic{k, title = {Animated film}, year = {1980}}", "unknown"),
        ("@Electronic{k, title = {Psalm 23}}", "unknown"),
        ("@Electronic{k, title = {Home page}, howpublished = {Online}}", "web"),
        ("@Electronic{k, title = {Home page}, urldate = {2020-01-02}}", "web"),
        ("@Electronic{k, title = {https://example.org/x}}", "web"),
        ("@online{k, title = {Tide tables}}", "web"),
    ],
)
def test_electronic_is_a_web_source_only_when_a_field_says_so(entry: str, kind: str) -> None:
    assert parse_bib_text(entry)[0].type == kind
