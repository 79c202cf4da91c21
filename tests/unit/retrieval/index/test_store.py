from quoth.index.speakers import SpeakerName
from quoth.index.store import Store
from quoth.records import Kind, Passage, Role, SourceInfo
from tests.helpers import make_doc


def passages(path, text, *spans):
    return [Passage(path, a, b, text[a:b], spk, role, text[a:b]) for a, b, spk, role in spans]


def test_documents_and_passages_round_trip_with_their_enums(tmp_path):
    store = Store(tmp_path / "s.sqlite")
    text = "Hello there. General Kenobi."
    doc = make_doc(text, "a.txt")
    src = SourceInfo("a.txt", "Greetings", author="Ann", kind=Kind.ARTICLE)
    ids = store.put_document(doc, src, passages("a.txt", text, (0, 12, "Ann", Role.NARRATION),
                                                (13, 28, "Ben", Role.QUOTE)), key="k1")
    got = store.get(ids)
    p, s = got[ids[1]]
    assert (p.text, p.speaker, p.role, s.kind, s.title) == ("General Kenobi.", "Ben", Role.QUOTE, Kind.ARTICLE,
                                                            "Greetings")
    assert isinstance(p.role, Role) and isinstance(s.kind, Kind)
    assert store.document_keys() == {"a.txt": "k1"}
    assert store.speaker_entries() == [SpeakerName("Ann", "a.txt", 1), SpeakerName("Ben", "a.txt", 1)]
    assert store.passage_at("a.txt", 14, 20) == ids[1]
    assert [q.id for q, _ in store.neighbours(ids[0], after=5)] == ids


def test_a_passage_keeps_its_locator(tmp_path):
    store = Store(tmp_path / "s.sqlite")
    text = "Ann: Hello there."
    [pid] = store.put_document(make_doc(text, "a.vtt"), SourceInfo("a.vtt", "Talk"),
                               [Passage("a.vtt", 5, 17, text[5:17], "Ann", Role.TURN, "x", locator="00:01:02")])
    assert store.get([pid])[pid][0].locator == "00:01:02"
    assert store.neighbours(pid)[0][0].locator == "00:01:02"


def test_replacing_and_removing_a_document(tmp_path):
    store = Store(tmp_path / "s.sqlite")
    doc = make_doc("One two.", "a.txt")
    store.put_document(doc, doc.source, passages("a.txt", doc.text, (0, 8, None, Role.BODY)), "k1")
    store.put_document(doc, doc.source, passages("a.txt", doc.text, (0, 3, None, Role.BODY),
                                                  (4, 8, None, Role.BODY)), "k2")
    assert len(store.passage_ids()) == 2 and store.document_keys() == {"a.txt": "k2"}
    store.remove_document("a.txt")
    assert store.passage_ids() == [] and store.documents() == []


def test_read_only_store_shares_across_threads(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    w = Store(tmp_path / "s.sqlite")
    doc = make_doc("Words.", "a.txt")
    [pid] = w.put_document(doc, doc.source, passages("a.txt", doc.text, (0, 6, "A", Role.BODY)))
    w.close()
    r = Store(tmp_path / "s.sqlite", readonly=True)
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(lambda _: r.get([pid])[pid][0].text, range(8))) == ["Words."] * 8
