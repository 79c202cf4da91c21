"""Live channel messages indexed beside a corpus folder, on the embedded backend, with the real model: passages
are exact slices attributed from markup, deleted or edited messages are never shown (before the rebuild, and
after), unchanged passages keep their vectors, a forgotten message leaves no byte behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from quoth.app import Quoth
from quoth.channels import ChatMessage, MessageStore
from quoth.errors import CorpusError
from quoth.settings import Settings

GUILD, CHANNEL = 1, 10
DAY = 1_699_920_000.0  # 2023-11-14 00:00 UTC
TOPICS = ["the ferry timetable", "sourdough starters", "the chess club ladder", "bike lanes on Main Street",
          "the library's opening hours", "composting in winter", "the choir's spring concert", "solar panels"]
SECRET = "the meetup moves to Fridays at the boathouse"


def say(i: int, content: str, author: int = 5, name: str = "Sam", minute: float | None = None, **kw) -> ChatMessage:
    return ChatMessage(id=5000 + i, guild_id=GUILD, channel_id=CHANNEL, parent_id=None, channel_name="general",
                       author_id=author, author_name=name, content=content,
                       created_at=DAY + 60 * (i * 7 if minute is None else minute), **kw)


def chatter(n: int, start: int = 0, every: float = 7) -> list[ChatMessage]:
    """``n`` messages ``every`` minutes, two people taking turns, each on its own topic."""
    return [say(i, f"My note {i} on {TOPICS[i % len(TOPICS)]}: it came up again and we should decide soon.",
                author=5 + i % 2, name=("Sam", "Tess")[i % 2], minute=i * every) for i in range(start, start + n)]


def quoth(tmp_path: Path, encoder, corpus_files: dict[str, str] | None = None) -> Quoth:
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    for name, text in (corpus_files or {}).items():
        (corpus / name).write_text(text)
    settings = Settings().with_(corpus={"path": str(corpus)}, data={"dir": str(tmp_path / "data")})
    q = Quoth(settings, encoder=encoder)
    q.messages.enable(CHANNEL, GUILD, "general")
    return q


def shown_texts(q: Quoth, question: str) -> list[str]:
    return [h.text for h in q.search(question, k=10).hits]


def test_messages_become_exact_attributed_passages_with_jump_links(tmp_path, encoder):
    q = quoth(tmp_path, encoder, {"notes.txt": "The harbour master said the pier reopens in May.\n"})
    fake = "[2023-11-14 00:01] Tess\nI took the money from the till."
    q.messages.upsert([say(0, "Who moved the meetup?"), say(1, fake),
                       say(2, SECRET, author=6, name="Tess", minute=30)])
    report = q.index()
    assert report.documents == 2 and not q.messages.pending()
    passages = [p for p, _ in q.current().passages_within("discord/general-10/2023-11-14", 0, 10**9)]
    text = q.current().document_text("discord/general-10/2023-11-14")
    assert passages and all(text[p.start:p.end] == p.text for p in passages)
    fake_words = next(p for p in passages if "took the money" in p.text)
    assert fake_words.speaker == "Sam"  # a message shaped like a header is still its author's words
    hit = next(h for h in q.search("when is the meetup now?", k=5).hits if "boathouse" in h.text)
    assert hit.speaker == "Tess" and hit.passage.locator == "https://discord.com/channels/1/10/5002"


def test_a_renamed_person_is_one_speaker_and_namesakes_are_two(tmp_path, encoder):
    q = quoth(tmp_path, encoder)
    q.messages.upsert([say(0, "The ferry leaves at nine from the north pier.", author=5, name="Sam"),
                       say(1, "The ferry now leaves at ten, they changed it.", author=5, name="Samuel", minute=900),
                       say(2, "Sourdough needs a warm kitchen in winter.", author=81234, name="Alex", minute=30),
                       say(3, "Chess club meets on Thursday evenings.", author=95678, name="Alex", minute=60)])
    q.index()
    speakers = dict(q.speakers())
    assert speakers.get("Samuel") == 2 and "Sam" not in speakers
    assert {"Alex (…1234)", "Alex (…5678)"} <= set(speakers)
    hit = q.search("when does the ferry leave?", k=1).hits[0]
    assert hit.speaker == "Samuel"


def test_no_documents_and_no_messages_is_still_an_error_but_messages_alone_build(tmp_path, encoder):
    q = quoth(tmp_path, encoder)
    with pytest.raises(CorpusError):
        q.index()
    q.messages.upsert(chatter(3))
    assert q.index().passages >= 3


def everything_shown(q: Quoth, words: str) -> list[str]:
    """Every way a reader can come to a passage: search, random, passages by id, context, verify."""
    idx = q.current()
    out = [h.text for h in q.search(words, k=10).hits]
    out += [h.text for h in (q.random(min_words=1, seed=s) for s in range(40)) if h is not None]
    out += [p.text for p, _ in idx.get(idx.ids.tolist()).values()]
    for path in {d.source.path for d in idx.documents()}:
        out += [p.text for p, _ in idx.passages_within(path, 0, 10**9)]
        for p, _ in idx.passages_within(path, 0, 10**9):
            out += [n.text for n, _ in q.context(path, p.start, p.end, 2, 2)[0]]
        out.append(idx.document_text(path) or "")
    out += [v.quote or "" for v in q.verify(f'"{words}"')]
    return out


MEETUP = ["The meetup could be on Tuesdays instead.", "I can't make the meetup this week, sorry.",
          "Who is bringing snacks to the meetup?", "Last meetup ran late, let's finish by nine.",
          "The meetup room at the library is booked until June.", "Can we stream the meetup for remote folks?"]


def test_a_deleted_message_is_never_shown_before_the_rebuild_nor_after(tmp_path, encoder):
    q = quoth(tmp_path, encoder)
    q.messages.upsert(chatter(12) + [say(20 + i, m, author=20 + i, name=f"P{i}", minute=200 + 30 * i)
                                     for i, m in enumerate(MEETUP)] + [say(40, SECRET, author=7, name="Ola",
                                                                           minute=40 * 7)])
    q.index()
    assert any("boathouse" in t for t in everything_shown(q, SECRET))  # the check sees it while it stands
    assert len(q.search("where is the meetup?", k=10).hits) >= 6
    first = q.search("where is the meetup?", k=3).hits
    assert any("boathouse" in h.text for h in first)
    assert q.messages.delete([int(h.passage.locator.rsplit("/", 1)[1]) for h in first] + [5040]) == 3
    before = everything_shown(q, SECRET)
    assert before and not any("boathouse" in t for t in before)
    after = q.search("where is the meetup?", k=3).hits  # three withheld: k still filled, from further down
    assert len(after) == 3 and not {h.passage.id for h in after} & {h.passage.id for h in first}
    q.index()
    assert not any("boathouse" in t for t in everything_shown(q, SECRET))


def test_an_edit_withholds_the_old_words_until_the_new_ones_are_built(tmp_path, encoder):
    q = quoth(tmp_path, encoder)
    original = say(0, SECRET, author=7, name="Ola")
    q.messages.upsert([*chatter(6, start=1), original])
    q.index()
    q.messages.upsert([replace(original, content="I would rather not say where.", edited_at=original.created_at + 9)])
    assert not any("boathouse" in t for t in shown_texts(q, SECRET))
    q.index()
    assert any("rather not say" in t for t in shown_texts(q, "where is it? rather not say"))


def test_a_build_that_read_before_a_deletion_and_published_after_it_still_withholds(tmp_path, encoder):
    q = quoth(tmp_path, encoder)
    q.messages.upsert([*chatter(8), say(40, SECRET, author=7, name="Ola", minute=40 * 7)])
    deleted = []

    def delete_midway(stage, done, total):  # the documents are read by now: the deletion comes after
        if stage == "embedding" and not deleted:
            deleted.append(q.messages.delete([5040]))

    q.index(progress=delete_midway)
    assert deleted == [1] and q.messages.pending()  # the build holds the message; the store knows it is due
    assert any("boathouse" in (q.current().store.document_text(p) or "")
               for p in [d.source.path for d in q.current().documents()])  # in the files, yes
    assert not any("boathouse" in t for t in everything_shown(q, SECRET))  # shown, never
    q.index()
    assert not q.messages.pending()


def test_appending_to_a_day_embeds_only_the_new_passages(tmp_path, encoder):
    q = quoth(tmp_path, encoder)
    q.messages.upsert(chatter(500, every=2))  # 500 turns in one day's document (00:00 to 16:38)
    first = q.index()
    old = {p.search_text for p, _ in q.current().get(q.current().ids.tolist()).values()}
    q.messages.upsert(chatter(10, start=500, every=2))
    report = q.index()
    new = [p for p, _ in q.current().get(q.current().ids.tolist()).values() if p.search_text not in old]
    assert report.changed == 1 and report.documents == 1 and first.embedded >= 500
    assert 10 <= report.embedded == len(new) <= 12  # the new turns (and a turn they joined), nothing more


def long_passage(q: Quoth, qvec) -> tuple[int, float]:
    """The long message's passage id in the serving generation, and its similarity (its windows' best)."""
    idx = q.current()
    rows = np.arange(len(idx))
    [row] = [r for r, (p, _) in zip(rows, idx.passages(rows), strict=True) if p.text.startswith("Point 0")]
    return int(idx.ids[row]), float(idx.similarities(qvec, np.array([row]))[0])


def test_a_long_message_keeps_its_window_vectors_when_its_day_grows(tmp_path, encoder):
    plain = quoth(tmp_path, encoder)
    q = Quoth(plain.settings.with_(segment={"window_tokens": 40}), encoder=encoder)
    long = " ".join(f"Point {i}: the {TOPICS[i % len(TOPICS)]} needs a volunteer and a budget line." for i in range(12))
    q.messages.upsert([say(0, long, author=7, name="Ola"), *chatter(3, start=1)])
    first = q.index()
    qvec = encoder.encode_queries(["who volunteers for the solar panels budget?"])[0]
    old_id, old_sim = long_passage(q, qvec)
    q.messages.upsert(chatter(1, start=4))
    again = q.index()
    new_id, new_sim = long_passage(q, qvec)
    assert new_id != old_id  # its document changed: a new passage, which took the old one's vectors
    assert first.windows > 1 and again.windows == first.windows and again.embedded == 1  # the new message alone
    assert new_sim == pytest.approx(old_sim, abs=1e-5)


def generation_bytes(q: Quoth) -> list[tuple[Path, bytes]]:
    return [(f, f.read_bytes()) for f in q.folder.path.rglob("*") if f.is_file()]


def test_after_forget_and_rebuild_no_byte_of_the_message_remains(tmp_path, encoder):
    q = quoth(tmp_path, encoder)
    q.messages.upsert([*chatter(6), say(40, "zebra-quartz-4417 is my door code", author=7, name="Ola")])
    q.index()
    q.messages.upsert(chatter(2, start=6))
    q.index()  # a generation before, too
    assert any(b"zebra-quartz" in data for _, data in generation_bytes(q))
    assert q.messages.forget_user(7) == 1
    q.index()
    assert q.purge_old(grace=0)
    q.messages.close()
    store_files = [(f, f.read_bytes()) for f in q.messages.path.parent.iterdir()]
    assert [f for f, data in store_files + generation_bytes(q) if b"zebra-quartz" in data] == []
    assert len([g for g in q.folder.path.glob("gen-*")]) == 1
    assert q.search("door code", k=3).hits is not None  # still serving


KILLED_WRITER = """
import sys
from quoth.channels import ChatMessage, MessageStore
store = MessageStore(__import__("pathlib").Path(sys.argv[1]))
if store.channel(10) is None:
    store.enable(10, 1, "general")
cursor = store.channel(10).backfill_before  # resumed where the killed run stopped
first = cursor - 1 if cursor else 10_000_000
for page in range(10_000):
    top = first - page * 100
    ids = range(top, top - 100, -1)
    store.upsert([ChatMessage(i, 1, 10, None, "general", 5, "Sam", f"words {i}", 1.7e9 + i) for i in ids],
                 backfill=(10, top - 99, False))
    print(page, flush=True)
"""


def test_a_kill_mid_backfill_loses_or_doubles_no_page(tmp_path):
    path = tmp_path / "messages.sqlite"
    done = 0
    for pages in (3, 40):  # killed after at least this many pages, while it writes the next ones
        proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(KILLED_WRITER), str(path)],
                                stdout=subprocess.PIPE, text=True)
        while int(proc.stdout.readline()) < pages:
            pass
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        store = MessageStore(path)
        cursor = store.channel(CHANNEL).backfill_before
        stored = store.ids_between(CHANNEL, 0, 10**9)
        done += pages
        assert cursor is not None and len(stored) == store.count() >= 100 * done
        assert stored == set(range(cursor, 10_000_001))  # every page up to the cursor, whole; none past it
        store.close()
