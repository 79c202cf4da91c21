"""The records in speech-markup XML (tests/data/attribution/labelled: a ParlParse Hansard, an Akoma Ntoso debate,
a TEI play) read turn by turn: every speaker from the markup, none wrong, no passage holding two speakers."""

from __future__ import annotations

import pytest

from tests.helpers import attribution_bench

SLUGS = ("hansard_westminster_hall_2009_10_28", "hansard_akn_kenya_1995_10_31", "play_tei_everyman")


@pytest.fixture(scope="module")
def bench():
    return attribution_bench("attribution_bench_xml")


@pytest.mark.parametrize("slug", SLUGS)
def test_speech_xml_records_name_their_speakers_from_the_markup(bench, slug):
    from quoth import Quoth
    [(_, passages, gold, cast)] = bench.labelled_families(slug)[slug.split("_")[0]]
    assert len(gold) == sum(1 for _ in (bench.SETS / "labelled" / f"{slug}.turns.jsonl").open())  # every anchor
    s = bench.score(passages, gold, cast, slug, Quoth.open().settings.segment.speaker_threshold)
    assert s.precision == 1.0, s.misses
    assert s.coverage >= 0.75 and s.mixed == 0


@pytest.mark.parametrize(("name", "title", "date"), [
    ("hansard_westminster_hall_2009_10_28.xml", "Death Penalty (Global Abolition)", "2009-10-28"),
    ("hansard_akn_kenya_1995_10_31.xml", "NATIONAL ASSEMBLY", "1995-10-31"),
    ("play_tei_everyman.xml", "Everyman", None)])
def test_the_record_says_its_own_title_and_date(bench, name, title, date):
    from quoth.ingest import FolderLoader, LoadReport
    from quoth.ingest.manifest import Manifest
    from quoth.settings import CorpusSettings
    folder = bench.SETS / "labelled"
    [doc] = FolderLoader(CorpusSettings()).load_file(folder / name, folder, Manifest(), LoadReport())
    assert (doc.source.title, doc.source.date) == (title, date)
    assert all(doc.text[t.words:t.words + 1].strip() for t in doc.hints.turns)  # every turn starts on its words
