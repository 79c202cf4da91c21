"""One person, one speaker, on both backends: a person written "HOLT:" in one document and "by Lester Holt" in
another is one speaker to filters, listings, verification and passages; two Clintons stay two."""

from __future__ import annotations

import pytest

from quoth import Quoth
from quoth.errors import BadQuery
from tests.helpers import BILL, DEBATE, write_corpus
from tests.integration.test_backends import settings_for


@pytest.fixture(params=["embedded", "milvus"])
def backend(request):
    return request.param


@pytest.fixture
def debate(request, backend, tmp_path, encoder) -> Quoth:
    corpus = write_corpus(tmp_path / "corpus", DEBATE)
    q = Quoth(settings_for(request, backend, corpus, tmp_path / "data"), encoder=encoder)
    q.index()
    return q


def speakers_of(q: Quoth, speaker: str) -> set[tuple[str, str | None, str]]:
    """(person, name as written, document) of every passage the speaker filter lets through."""
    return {(p.speaker, p.speaker_as_written, src.path)
            for p, src in q.current().random_passages(source=None, speaker=speaker, avoid=())}


def test_every_name_of_a_person_finds_all_their_passages(debate):
    q = debate
    # TRUMP: is the one full name the transcript spells ending so (labels/names.py), so the person is Donald Trump
    assert dict(q.speakers()) == {"Lester Holt": 4, "Hillary Clinton": 4, "Donald Trump": 1}
    # The transcript spells its people out, so its labels are read as them already (labels/names.py): the
    # directory joins the debate's Lester Holt to the column's byline, and every name of his finds both.
    holt = {("Lester Holt", None, "debate.txt"), ("Lester Holt", None, "column.txt")}
    for name in ("Lester Holt", "Holt", "HOLT", "Mr. Holt", "lester"):
        assert speakers_of(q, name) == holt, name
    clinton = {("Hillary Clinton", None, "debate.txt"), ("Hillary Clinton", None, "speech.txt")}
    assert speakers_of(q, "Hillary Clinton") == speakers_of(q, "clinton") == clinton
    [person] = q.people("Holt")
    assert (person.name, set(person.aliases), person.passages, person.documents) == \
        ("Lester Holt", {"Lester Holt"}, 4, ("column.txt", "debate.txt"))
    with pytest.raises(BadQuery, match="no speaker"):
        q.search("economy", speaker="Chris Wallace")
    pick = q.random(speaker="HOLT", min_words=5, seed=3)
    assert pick is not None and pick.passage.speaker == "Lester Holt"


def test_verification_credits_the_person_under_any_of_their_names(debate):
    q = debate
    [v] = q.verify("I have a plan to bring manufacturing back", speaker="Hillary Clinton")
    assert v.speaker == "Hillary Clinton" and v.misattributed is False
    [v] = q.verify('Clinton said "Nobody who works full time should have to raise children in poverty"')
    assert v.speaker == "Hillary Clinton" and v.misattributed is False
    [v] = q.verify("I have a plan to bring manufacturing back", speaker="Lester Holt")
    assert v.misattributed is True


def test_a_second_person_of_one_surname_leaves_each_document_its_own(debate, tmp_path):
    """With Bill Clinton in the corpus, the debate's ``CLINTON:`` is still Hillary Clinton, whom the debate itself
    names (its labels are read so); the bare surname joining by the corpus alone is the unit tests' (test_speakers)."""
    q = debate
    write_corpus(tmp_path / "corpus", BILL)
    q.index()
    found = dict(q.speakers())
    assert found["Hillary Clinton"] == 4 and found["Bill Clinton"] == 1 and "Clinton" not in found
    assert {p for p, _, _ in speakers_of(q, "Hillary Clinton")} == {"Hillary Clinton"}
    assert {d for _, _, d in speakers_of(q, "Hillary Clinton")} == {"debate.txt", "speech.txt"}
    assert dict(q.speakers())["Lester Holt"] == 4  # the update settles who is who again, for every document
    for claimed in ("Clinton", "Hillary Clinton"):  # "Clinton" may be either: never an accusation
        [v] = q.verify("I have a plan to bring manufacturing back", speaker=claimed)
        assert v.speaker == "Hillary Clinton" and v.misattributed is False, claimed
    [v] = q.verify("I grew up in a small town in Arkansas", speaker="Hillary Clinton")
    assert v.speaker == "Bill Clinton" and v.misattributed is True


TIED = {
    "chat.txt": "=" * 62 + "\nGuild: Debate Club\nChannel: moderators\n" + "=" * 62 + "\n\n"
                "[14/03/2024 09:02] lholt\nGood "
                "evening, and welcome to the first debate of the season in this channel.\n\n[14/03/2024 09:03] "
                "hclinton\nThank you for having me, it is a pleasure to be here tonight with everyone.\n\n"
                "[14/03/2024 09:05] lholt\nThe first question is about jobs and wages in the rust belt towns.\n",
    "about.txt": "About the moderators\n\nOur moderator tonight is Lester Holt (@lholt), anchor of the evening "
                 "news.\n\nThe debate will be streamed on every platform we run.\n",
}


def test_a_handle_is_the_person_a_document_names_beside_it(debate, tmp_path):
    q = debate
    write_corpus(tmp_path / "corpus", TIED)
    q.index()
    found = dict(q.speakers())
    assert found["Lester Holt"] == 6 and found["hclinton"] == 1  # nothing ties hclinton to anyone
    assert ("Lester Holt", "lholt", "chat.txt") in speakers_of(q, "Holt")
    assert speakers_of(q, "lholt") == speakers_of(q, "Lester Holt")
