"""Live channel messages on the Milvus backend (issue 24), against a real milvus-lite server and the real model:
a deleted message is never shown through the Milvus reader (before the rebuild, during one that read it, and
after), appending to a day's chat embeds only the new passages, and after a forget and a rebuild no row, text,
term or vector of the forgotten message is left in any collection of the corpus's prefix, nor a byte of it in
the milvus-lite server's files."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from quoth.app import Quoth
from quoth.errors import CorpusError, IndexMissing
from quoth.index.milvus import layout
from quoth.index.milvus.connection import Milvus
from quoth.index.milvus.engine import ServingPointer
from quoth.index.milvus.reader import document_text
from quoth.settings import Settings
from tests.integration.test_live_messages import CHANNEL, GUILD, MEETUP, SECRET, chatter, say
from tests.milvus import prefix


def live_quoth(server, tmp_path: Path, encoder, name: str, grace: float = 0) -> Quoth:
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    q = Quoth(Settings().with_(corpus={"path": str(corpus)}, data={"dir": str(tmp_path / "data")}, index={
        "backend": "milvus", "milvus_uri": server.uri, "milvus_prefix": prefix(name), "milvus_grace": grace}),
        encoder=encoder)
    q.messages.enable(CHANNEL, GUILD, "general")
    return q


def everything_shown(q: Quoth, words: str) -> list[str]:
    """Every way a reader comes to a passage through the Milvus reader: search, random, passages by id,
    passages within a document, context, the document text, verify."""
    idx = q.current()
    out = [h.text for h in q.search(words, k=10).hits]
    out += [h.text for h in (q.random(min_words=1, seed=s) for s in range(30)) if h is not None]
    out += [p.text for p, _ in idx.get(list(idx.passage_paths())).values()]
    for path in {d.source.path for d in idx.documents()}:
        within = idx.passages_within(path, 0, 10**9)
        out += [p.text for p, _ in within]
        for p, _ in within:
            out += [n.text for n, _ in q.context(path, p.start, p.end, 2, 2)[0]]
        out.append(idx.document_text(path) or "")
    out += [v.quote or "" for v in q.verify(f'"{words}"')]
    return out


def message_id(hit) -> int:
    return int(hit.passage.locator.rsplit("/", 1)[1])  # the jump link names the passage's first message


def test_deleted_messages_are_withheld_by_the_milvus_reader(milvus_server, tmp_path, encoder):
    q = live_quoth(milvus_server, tmp_path, encoder, "withheld")
    q.messages.upsert(chatter(12) + [say(20 + i, m, author=20 + i, name=f"P{i}", minute=200 + 30 * i)
                                     for i, m in enumerate(MEETUP)] + [say(40, SECRET, author=7, name="Ola",
                                                                           minute=40 * 7)])
    q.index()
    assert any("boathouse" in t for t in everything_shown(q, SECRET))  # the check sees it while it stands
    first = q.search("where is the meetup?", k=3).hits
    assert any("boathouse" in h.text for h in first)
    assert q.messages.delete([message_id(h) for h in first] + [5040]) == 3
    assert not any("boathouse" in t for t in everything_shown(q, SECRET))
    after = q.search("where is the meetup?", k=3).hits  # three withheld: k still filled, from further down
    assert len(after) == 3 and not {h.passage.id for h in after} & {h.passage.id for h in first}

    # A build that read the documents before a deletion and published after it still withholds it.
    victim = after[0]
    deleted: list[int] = []

    def delete_midway(stage, done, total):
        if stage == "embedding" and not deleted:
            deleted.append(q.messages.delete([message_id(victim)]))

    q.index(progress=delete_midway)
    assert deleted == [1] and q.messages.pending()
    idx = q.current()
    assert victim.text in document_text(idx.milvus, idx.gen, victim.source.path)  # in the collections, yes
    shown = everything_shown(q, victim.text)  # shown, never
    assert not any(victim.text in t for t in shown) and not any("boathouse" in t for t in shown)
    q.index()
    assert not q.messages.pending() and not any(victim.text in t for t in everything_shown(q, victim.text))


def test_appending_to_a_day_embeds_only_the_new_passages_on_milvus(milvus_server, tmp_path, encoder):
    q = live_quoth(milvus_server, tmp_path, encoder, "append")
    q.messages.upsert(chatter(120, every=2))  # 120 turns in one day's document
    first = q.index()
    idx = q.current()
    old = {p.search_text: p.id for p, _ in idx.get(list(idx.passage_paths())).values()}
    old_vectors = dict(zip(old.values(), idx.vectors_of(np.array(list(old.values()))), strict=True))
    q.messages.upsert(chatter(10, start=120, every=2))
    report = q.index()
    idx = q.current()
    now = idx.get(list(idx.passage_paths()))
    new = [p for p, _ in now.values() if p.search_text not in old]
    assert report.changed == 1 and first.embedded >= 120
    assert 10 <= report.embedded == len(new) <= 12  # the new turns (and a turn they joined), nothing more
    kept = [p for p, _ in now.values() if p.search_text in old]
    assert len(kept) >= 118
    # The reused rows carry the vectors the first build made (a new id: the document changed).
    got = idx.vectors_of(np.array([p.id for p in kept]))
    want = np.stack([old_vectors[old[p.search_text]] for p in kept])
    assert np.allclose(got, want, atol=1e-6)


def leftovers(milvus: Milvus, base: str, words: list[str], ids: list[int], vectors: np.ndarray) -> list[str]:
    """Where in any collection of prefix ``base`` a forgotten message's trace is found: its words in any text
    field, its passages' ids, or its vectors (a nearest neighbour at cosine ~1)."""
    found = []
    for name in milvus.list_collections():
        if layout.MilvusGeneration.of_collection(name, base) is None:
            continue
        fields = {f["name"]: f for f in milvus.describe_collection(name)["fields"]}
        for field, f in fields.items():
            if f["type"].name == "VARCHAR":
                for w in words:
                    if milvus.query(name, filter=f"{field} like {layout.literal('%' + w + '%')}", limit=1):
                        found.append(f"{name}.{field}: {w}")
        for key in ("id", "owner"):
            if key in fields and milvus.query(name, filter=f"{key} in {layout.literal(ids)}", limit=1):
                found.append(f"{name}.{key}")
        if "dense" in fields and milvus.query(name, filter="", output_fields=["count(*)"])[0]["count(*)"]:
            hits = milvus.search(name, data=vectors.tolist(), anns_field="dense", limit=1,
                                 search_params={"metric_type": "IP"})
            found += [f"{name}.dense ~ {h[0]['distance']:.4f}" for h in hits if h and h[0]["distance"] > 0.999]
    return found


def on_disk(root: Path, secret: bytes) -> list[Path]:
    """The files under ``root`` (the Milvus server's data folder) holding ``secret``. Not the lock file pymilvus
    holds for a local Lite file: closing any descriptor of it drops this process's lock, and the server stops."""
    return [f for f in root.rglob("*") if f.is_file() and f.suffix != ".lock" and secret in f.read_bytes()]


def test_after_forget_and_rebuild_nothing_of_the_message_is_in_any_collection(milvus_server, tmp_path, encoder):
    forget_and_purge(milvus_server, tmp_path, encoder)


class LiteFile:
    """A local-file URI: pymilvus starts milvus-lite 2.5's C++ server on it for this process (Quoth knows the file,
    and scrubs it after drops: scrub.py)."""
    line = "file"

    def __init__(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        self.data_dir, self.uri = data_dir, str(data_dir / "milvus.db")


@pytest.fixture
def lite_file(tmp_path):
    from tests.milvus import lite_file

    lite = LiteFile(tmp_path / "lite")
    with lite_file(Path(lite.uri)):
        yield lite


def test_a_forgotten_message_leaves_a_local_lite_file_after_purge(lite_file, tmp_path, encoder, caplog):
    with caplog.at_level("INFO", logger="quoth.index"):
        q = forget_and_purge(lite_file, tmp_path, encoder)
    assert "scrubbed Milvus Lite file" in caplog.text
    q.messages.upsert(chatter(2, start=20))  # the server still takes writes after the scrub, and serves them
    q.index()
    assert q.search("what is the door code?", k=3).hits


def forget_and_purge(milvus_server, tmp_path: Path, encoder) -> Quoth:
    """A message said, built into two generations, forgotten, rebuilt and the replaced generations purged: no
    trace of it in any collection (nor in the server's files where they can be cleaned); the Quoth, still serving."""
    q = live_quoth(milvus_server, tmp_path, encoder, "forget", grace=600)  # the default grace
    base = q.settings.index.milvus_prefix
    milvus = Milvus(milvus_server.uri)
    q.messages.upsert([*chatter(6), say(40, "okapi-garnet-9032 is my door code", author=7, name="Ola",
                                        minute=3000)])
    q.index()
    q.messages.upsert(chatter(2, start=6))
    q.index()  # generation 2: generation 1, which also holds the message, is the one it replaced
    idx = q.current()
    theirs = [p.id for p, _ in idx.get(list(idx.passage_paths())).values() if "okapi" in p.text]
    vectors = idx.vectors_of(np.array(theirs))
    words = ["okapi", "garnet", "9032"]
    assert theirs and leftovers(milvus, base, words, theirs, vectors)  # the check finds it while it is there
    assert on_disk(milvus_server.data_dir, b"okapi-garnet-9032")  # in the server's files, too
    assert q.messages.forget_user(7) == 1
    q.index()  # generation 3 serves; 1 and 2 are kept for readers in flight (replaced seconds ago)
    assert [g.number for g in layout.generations(milvus.list_collections(), base)] == [1, 2, 3]
    assert q.purge_old(grace=0)  # the bot calls it after the batch: the replaced generation goes too
    assert [g.number for g in layout.generations(milvus.list_collections(), base)] == [3]
    assert leftovers(milvus, base, words, theirs, vectors) == []
    if milvus_server.line in ("lite3", "file"):
        # milvus-lite 3 removes dropped files; a local Lite file (the C++ engine's one SQLite file) is scrubbed by
        # Quoth (scrub.py). The C++ server reached by address keeps the dropped rows' bytes in its file's freed
        # pages: that file's owner must VACUUM it (the README's privacy section).
        assert on_disk(milvus_server.data_dir, b"okapi-garnet-9032") == []
    assert q.search("what is the door code?", k=3).hits  # still serving the others' messages
    return q


@pytest.mark.parametrize("where", ["milvus_server", "lite_file"])
def test_a_live_only_server_whose_last_messages_are_forgotten_keeps_no_collection(where, request, tmp_path, encoder):
    from quoth.bot.config import AppConfig
    from quoth.bot.discord.tenants import Tenants
    from quoth.bot.privacy import drop_emptied_index

    milvus_server = request.getfixturevalue(where)  # a server by address, or a local Lite file (scrubbed)
    guild = 4242
    (tmp_path / "default").mkdir()
    cfg = AppConfig.from_dict({"corpus": {"path": str(tmp_path / "default")}, "data": {"dir": str(tmp_path / "d")},
                               "index": {"backend": "milvus", "milvus_uri": milvus_server.uri, "milvus_grace": 0,
                                         "milvus_prefix": prefix("emptied")}, "guilds": {str(guild): {"name": "L"}}})
    tenant = Tenants(cfg, Quoth(cfg, encoder=encoder)).for_guild(guild)  # no corpus: its live channels only
    q, milvus = tenant.quoth, Milvus(milvus_server.uri)
    base = q.settings.index.milvus_prefix
    q.messages.enable(CHANNEL, guild, "general")
    q.messages.upsert([replace(m, guild_id=guild) for m in chatter(3)])
    q.index()
    assert layout.generations(milvus.list_collections(), base) and not drop_emptied_index(tenant)  # not empty
    assert on_disk(milvus_server.data_dir, b"My note 1 on")
    assert q.messages.forget_user(5) + q.messages.forget_user(6) == 3
    with pytest.raises(CorpusError):
        q.index()  # nothing left to build: the serving generation would keep their words
    assert drop_emptied_index(tenant)
    assert layout.generations(milvus.list_collections(), base) == []
    assert ServingPointer(milvus, base).get() is None
    assert layout.alias(base) not in milvus.list_collections()  # nor a serving record left behind
    if milvus_server.line == "file":  # drop_all scrubbed the file (a server by address: see forget_and_purge)
        assert on_disk(milvus_server.data_dir, b"My note 1 on") == []
    with pytest.raises(IndexMissing):
        q.current()


class Counting:
    """The real encoder, noting every passage text it is given to embed (a spy: the model still runs)."""

    def __init__(self, encoder) -> None:
        self.encoder, self.texts = encoder, []

    def __getattr__(self, name: str):
        return getattr(self.encoder, name)

    def encode_passages(self, texts: list[str], progress: bool = False) -> np.ndarray:
        self.texts += texts
        return self.encoder.encode_passages(texts, progress=progress)


def test_a_changed_documents_long_passage_keeps_its_window_vectors(milvus_server, tmp_path, encoder):
    from tests.integration.test_backends import MINUTES

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    quote = "\nTom Hale said, “The regatta starts at noon, so the jetty must be dry by then.”\n"
    (corpus / "minutes.txt").write_text(MINUTES + quote)
    spy = Counting(encoder)
    q = Quoth(Settings().with_(corpus={"path": str(corpus)}, data={"dir": str(tmp_path / "data")},
                               segment={"window_tokens": 40}, index={
        "backend": "milvus", "milvus_uri": milvus_server.uri, "milvus_prefix": prefix("windows"), "milvus_grace": 0}),
        encoder=spy)
    first = q.index()
    qvec = q.encoder.encode_queries(["Who will paint the jetty blue?"])[0]
    rows, sims = q.current().dense_top(qvec, 1)
    long_windows = len(q.current().window_vectors([int(rows[0])])[int(rows[0])])
    assert long_windows > 1 and sims[0] > float(q.current().vectors_of(rows)[0] @ qvec) + 0.02  # by a window
    (corpus / "minutes.txt").write_text(MINUTES + quote.replace("noon", "two o'clock"))
    spy.texts.clear()
    again = q.index()
    assert (again.changed, again.embedded, again.passages) == (1, 1, first.passages) and first.passages > 1
    # Embedded: the new passage and its own windows; none of the long passage's (they came along).
    assert len(spy.texts) == 1 + again.windows - first.windows and "committee" not in " ".join(spy.texts)
    rows2, sims2 = q.current().dense_top(qvec, 1)
    assert rows2[0] != rows[0] and sims2[0] == pytest.approx(sims[0], abs=1e-5)  # a new id, the same vectors
    assert len(q.current().window_vectors([int(rows2[0])])[int(rows2[0])]) == long_windows
