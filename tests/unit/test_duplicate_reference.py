"""R203 compares only entries that could be one work, and finds the same pairs as comparing all."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from essaylint.analysis.work_identity import same_work
from essaylint.config import Settings
from essaylint.models import Document, Essay, Person, Reference, Span
from essaylint.rules.base import RuleContext
from essaylint.rules.references.duplicate_reference import DuplicateReference

_FAMILIES = ["Boyd", "boyd", "Ellison", "Okafor", ""]
_YEARS = ["2007", "2007a", "n.d.", None]
_TITLES = ["Social network sites", "Social network site", "Friends", None]
_DOIS = ["10.1000/a", "10.1000/A", "10.1000/b", None]


@st.composite
def entries(draw: st.DrawFn) -> Reference:
    family = draw(st.sampled_from(_FAMILIES))
    return Reference(
        raw=draw(st.sampled_from(["Boyd 2007.", "boyd  2007.", "Okafor (2019)."])),
        authors=(Person(family=family),) if family else (),
        year=draw(st.sampled_from(_YEARS)),
        title=draw(st.sampled_from(_TITLES)),
        doi=draw(st.sampled_from(_DOIS)),
    )


def _pairwise(refs: list[Reference]) -> list[tuple[int, int]]:
    """The definition: each entry repeats the first earlier unreported entry of the same work."""
    found: list[tuple[int, int]] = []
    reported: set[int] = set()
    for j, later in enumerate(refs):
        for i in range(j):
            if i not in reported and same_work(refs[i], later):
                reported.add(j)
                found.append((j, i))
                break
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(entries(), max_size=12))
def test_bucketed_search_finds_what_comparing_every_pair_finds(refs: list[Reference]) -> None:
    refs = [
        r.model_copy(update={"index": i, "span": Span(start=10 * i, end=10 * i + 5)})
        for i, r in enumerate(refs)
    ]
    text = "x" * (10 * len(refs) + 10)
    ctx = RuleContext(
        document=Document.from_text(text),
        essay=Essay(body=Span(start=0, end=len(text))),
        citations=(),
        references=refs,
        links=(),
        settings=Settings(),
    )
    got = [(f.reference.index, f.message) for f in DuplicateReference().check(ctx) if f.reference]
    expected = _pairwise(refs)
    assert [j for j, _ in got] == [j for j, _ in expected]
    for (_, message), (_, i) in zip(got, expected, strict=True):
        assert f"repeats the entry at {ctx.where(refs[i])};" in message


def test_untitled_numbered_entries_are_one_work_only_at_one_address() -> None:
    from essaylint.analysis.references import parse_reference

    retrieved = "Okafor, N. Retrieved 3 May 2021, from https://example.org/a.pdf"
    assert same_work(parse_reference(f"(5) {retrieved}"), parse_reference(f"(6) {retrieved}"))
    # two short notes citing one work are two places in the text, not a repeated entry
    assert not same_work(parse_reference("24. Okafor 2017."), parse_reference("27. Okafor 2017."))
