"""Crossref verification through habanero against a local replay of real answers.

The server (crossref_replay.py) listens on 127.0.0.1 and serves the recorded
bodies in shared/fixtures/crossref byte for byte; nothing here leaves the
machine. Sleeping is injected so retry waits are asserted, not timed.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from crossref_replay import FIXTURES, CrossrefReplay

from essaylint.config import Settings
from essaylint.models import Person, Reference
from essaylint.pipeline import lint_text
from essaylint.services.cache import ResponseCache
from essaylint.services.crossref import CrossrefBackend, rate_spacing, retry_after
from essaylint.services.verify import VerifyError, parse_work
from essaylint.verify import accept, compare, run_verify

pytestmark = pytest.mark.skipif(
    not FIXTURES.is_dir(), reason=f"recorded Crossref answers not present at {FIXTURES}"
)

LACOUR = (
    "LaCour, M. J., & Green, D. P. ({year}). When contact changes minds: An experiment on "
    "transmission of support for gay equality. Science, 346(6215), 1366-1369.{doi}"
)
RENEAR = (
    "Renear, A. H., & Palmer, C. L. (2009). Strategic reading, ontologies, and the future of "
    "scientific publishing. Science, 325(5942), 828-832."
)
HARTLEY = (
    "Hartley, J. (2021). Quantum gravel and the semiotics of lawns. Journal of Imaginary "
    "Results, 4(2), 1-9."
)
SADASIVAN = (
    "Sadasivan, S., Pond, B. B., Pani, A. K., Qu, C., Jiao, Y., & Smeyne, R. J. (2012). "
    "Methylphenidate exposure induces dopamine neuron loss and activation of microglia in the "
    "basal ganglia of mice. PLoS ONE, 7(3), e33693. https://doi.org/10.1371/journal.pone.0033693"
)
HSU = (
    "Hsu, C. (2011). Using and reporting the Delphi method. PLoS ONE, 6(6), e20476. "
    "https://doi.org/10.1371/notarealdoi"
)


def essay(*entries: str) -> str:
    cites = "; ".join(e.split(",")[0] + ", " + e.split("(")[1][:4] for e in entries)
    return f"Claims ({cites}).\n\nReferences\n\n" + "\n".join(entries) + "\n"


def lacour(year: str = "2014", doi: bool = True) -> str:
    return LACOUR.format(year=year, doi=" https://doi.org/10.1126/science.1256151" if doi else "")


@pytest.fixture
def replay() -> Iterator[CrossrefReplay]:
    with CrossrefReplay() as server:
        yield server


def backend(replay: CrossrefReplay, **kw: object) -> CrossrefBackend:
    return CrossrefBackend(replay.url, mailto="tests@example.org", **kw)  # type: ignore[arg-type]


def verify(text: str, be: CrossrefBackend, select: str = "V,R206") -> list[tuple[str, str]]:
    result = lint_text(text, Settings(select=tuple(select.split(","))), verify=be)
    return [(f.code, f.message) for f in result.findings]


# -- verdicts on real records ----------------------------------------------------------


def test_verified_article_has_no_findings(replay: CrossrefReplay) -> None:
    assert verify(essay(SADASIVAN), backend(replay)) == []
    assert [r.path for r in replay.requests] == ["/works/10.1371/journal.pone.0033693"]


def test_wrong_year_is_a_metadata_mismatch(replay: CrossrefReplay) -> None:
    found = verify(essay(lacour("2015")), backend(replay), "V502")
    assert len(found) == 1
    assert "year is '2015' here but '2014' in the record" in found[0][1]


def test_doi_less_article_gets_its_doi_suggested(replay: CrossrefReplay) -> None:
    result = lint_text(essay(RENEAR), Settings(select=("R206",)), verify=backend(replay))
    [finding] = result.findings
    assert finding.suggestions == ("10.1126/science.1157784",)
    assert replay.requests[0].path == "/works"
    assert replay.requests[0].query["query.author"] == "Renear"


def test_invented_reference_is_not_found(replay: CrossrefReplay) -> None:
    found = verify(essay(HARTLEY), backend(replay))
    assert [code for code, _ in found] == ["V501"]
    assert "it may not exist" in found[0][1]


def test_unknown_doi_is_invalid(replay: CrossrefReplay) -> None:
    found = verify(essay(HSU), backend(replay))
    assert [code for code, _ in found] == ["V504"]
    assert "10.1371/notarealdoi" in found[0][1]


def test_retracted_work(replay: CrossrefReplay) -> None:
    found = verify(essay(lacour()), backend(replay))
    assert [code for code, _ in found] == ["V503"]
    assert "10.1126/science.aac6638" in found[0][1]
    assert "retraction-watch" in found[0][1]


def test_updates_that_are_not_retractions() -> None:
    import json

    def record(name: str) -> object:
        return parse_work(json.loads((FIXTURES / name).read_text("utf-8"))["message"])

    assert record("works-10.1371_journal.pone.0033693.json").retractions == ()  # type: ignore[attr-defined]
    assert record("works-10.1371_journal.ppat.1008184.json").retractions == ()  # type: ignore[attr-defined]
    assert record("works-10.1126_science.aac6638.json").retractions == ()  # type: ignore[attr-defined]
    assert record("works-10.1109_icdcsw.2003.1203662.json").years == ()  # type: ignore[attr-defined]


def test_user_agent_names_essaylint_and_mailto(replay: CrossrefReplay) -> None:
    backend(replay).lookup_doi("10.1126/science.1256151")
    agent = replay.requests[0].user_agent
    assert "essaylint/" in agent
    assert "mailto:tests@example.org" in agent


# -- failures: retries, timeouts, bad answers ------------------------------------------


def test_429_then_200_waits_as_asked(replay: CrossrefReplay) -> None:
    replay.script = ["429"]
    replay.retry_after = "1"
    waits: list[float] = []
    be = backend(replay, sleep=waits.append)
    record = be.lookup_doi("10.1126/science.1256151")
    assert record is not None
    assert record.doi == "10.1126/science.1256151"
    assert len(replay.requests) == 2
    assert waits[0] == 1.0
    # The x-rate-limit headers (5 per 1s) now space requests 0.2 s apart.
    assert rate_spacing({"x-rate-limit-limit": "5", "x-rate-limit-interval": "1s"}) == 0.2


def test_500_three_times_stops_the_pass(replay: CrossrefReplay) -> None:
    replay.script = ["500", "500", "500"]
    waits: list[float] = []
    be = backend(replay, sleep=waits.append)
    with pytest.raises(VerifyError, match="HTTP 500 3 times"):
        be.lookup_doi("10.1126/science.1256151")
    assert len(replay.requests) == 3
    assert waits == [0.5, 1.0]
    with pytest.raises(VerifyError):
        be.lookup_doi("10.1371/journal.pone.0033693")
    assert len(replay.requests) == 3  # down: no further request


def test_500_three_times_gives_one_info_finding(replay: CrossrefReplay) -> None:
    replay.script = ["500"] * 9  # every request in flight (3 workers x 3 tries) fails
    be = backend(replay, sleep=lambda s: None)
    found = verify(essay(lacour(), RENEAR, HARTLEY, HSU), be)
    assert [code for code, _ in found] == ["V501"]
    assert found[0][1].startswith("could not verify the references: Crossref answered HTTP 500")
    assert len(replay.requests) <= 9  # stopped: the fourth and later entries were never asked


def test_timeout(replay: CrossrefReplay) -> None:
    replay.script = ["hang"]
    be = backend(replay, timeout=0.3)
    with pytest.raises(VerifyError, match=r"did not answer within 0\.3 s"):
        be.lookup_doi("10.1126/science.1256151")
    assert len(replay.requests) == 1


def test_invalid_json(replay: CrossrefReplay) -> None:
    replay.script = ["bad-json"]
    with pytest.raises(VerifyError, match="not valid JSON"):
        backend(replay).lookup_doi("10.1126/science.1256151")


def test_offline_gives_one_info_finding() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    be = CrossrefBackend(f"http://127.0.0.1:{port}")
    result = lint_text(essay(lacour(), RENEAR, HARTLEY, HSU), verify=be)
    infos = [f for f in result.findings if f.code.startswith(("V", "R206"))]
    assert [(f.code, f.severity) for f in infos] == [("V501", "info")]
    assert "could not verify the references: offline" in infos[0].message


def test_retry_after_forms() -> None:
    assert retry_after({"retry-after": "3"}) == 3.0
    assert retry_after({}) is None
    assert retry_after({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}, now=1445412470.0) == 10.0


# -- cache ---------------------------------------------------------------------------------


def test_second_run_makes_no_request(replay: CrossrefReplay, tmp_path: Path) -> None:
    text = essay(lacour(), RENEAR, HARTLEY, HSU)
    first = verify(text, backend(replay, cache=ResponseCache(tmp_path / "c.sqlite3")))
    sent = len(replay.requests)
    assert sent >= 4
    second = verify(text, backend(replay, cache=ResponseCache(tmp_path / "c.sqlite3")))
    assert second == first
    assert len(replay.requests) == sent
    paths = [(r.path, tuple(sorted(r.query.items()))) for r in replay.requests]
    assert len(paths) == len(set(paths))  # nothing asked twice


def test_corrupt_cache_is_rebuilt(replay: CrossrefReplay, tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    cache = ResponseCache(path)
    assert cache.note is not None
    assert "rebuilt" in cache.note
    assert backend(replay, cache=cache).lookup_doi("10.1126/science.1256151") is not None
    cache.put("k", 200, "{}")
    assert cache.get("k") == (200, "{}")


def test_no_request_without_verify(replay: CrossrefReplay) -> None:
    lint_text(essay(lacour(), RENEAR), Settings())
    assert replay.requests == []


# -- matching (pure) -----------------------------------------------------------------------


def _ref(title: str, family: str, year: str) -> Reference:
    return Reference(
        raw="", title=title, authors=(Person(family=family),), year=year, type="article"
    )


def test_search_matching_thresholds() -> None:
    import json

    items = json.loads((FIXTURES / "query-renear-ontologies.json").read_text("utf-8"))
    records = [parse_work(i) for i in items["message"]["items"]]
    building = next(r for r in records if r.doi == "10.29085/9781783301522.005")
    # Two different papers on the same topic are not the same work.
    assert accept(_ref("Adopting ontologies", "Smith", "2019"), building) is None
    strategic = next(r for r in records if r.doi == "10.1126/science.1157784")
    typo = _ref(
        "Strategic reading, ontologeis and the future of scientific publishing", "Renear", "2009"
    )
    assert accept(typo, strategic) is not None
    assert [d.field for d in compare(typo, strategic)] == ["title"]


def test_run_verify_skips_web_and_news() -> None:
    class Boom:
        name = "boom"

        def lookup_doi(self, doi: str) -> None:
            raise AssertionError("no lookup expected")

        def search(self, **kw: object) -> list[object]:
            raise AssertionError("no search expected")

    refs = [
        Reference(raw="", title="A page", type="web"),
        Reference(raw="", title="N", type="news"),
    ]
    report = run_verify(refs, Boom())  # type: ignore[arg-type]
    assert report.verdicts == ()
    assert report.looked_up == 0


def test_the_tls_context_is_built_once_per_process_not_per_request() -> None:
    import httpcore2

    from essaylint.services.crossref import CrossrefBackend

    CrossrefBackend("http://127.0.0.1:9")
    first = httpcore2.default_ssl_context()
    assert httpcore2.default_ssl_context() is first
    CrossrefBackend("http://127.0.0.1:9")
    assert httpcore2.default_ssl_context() is first
