"""``quoth forget --user`` and ``quoth forget --expired`` with a config of two servers and no bot running: every
server's store loses the messages, each touched server's index is rebuilt, and no byte of them stays on disk."""

from __future__ import annotations

import sqlite3
import time

import pytest

from quoth import Quoth
from quoth.bot.cli import main
from quoth.bot.discord.journal import Journal
from quoth.bot.discord.tenants import Tenants
from quoth.channels import MessageStore
from tests.forgetting import (
    ALICE_ID,
    ALICE_SAYS,
    BOB_ID,
    BOB_SAYS,
    CHANNEL,
    GUILD_A,
    GUILD_B,
    GUILD_GONE,
    SECRET,
    config,
    files_holding,
    said,
    secret_vectors,
    seed,
)

DAY = 86400.0


def write_config(tmp_path, retention_days: int = 0):
    cfg = config(tmp_path, live_retention_days=retention_days)
    path = tmp_path / "config.toml"
    path.write_text(f'[corpus]\npath = "{tmp_path / "corpus"}"\n[data]\ndir = "{tmp_path / "data"}"\n'
                    f"[bot]\nlive_retention_days = {retention_days}\n"
                    f'[guilds.{GUILD_A}]\nname = "book club"\ncorpus = "{tmp_path / "corpus"}"\n'
                    f'[guilds.{GUILD_B}]\nname = "debate club"\n')
    return cfg, path


def served(tenants: Tenants, gid: int, encoder) -> list[str]:
    """What a fresh Quoth over the server's data answers about the secret, as a restarted bot would."""
    q = Quoth(tenants.for_guild(gid).quoth.settings, encoder=encoder)
    return [h.passage.text for h in q.search(f"{SECRET} lighthouse keeper password", k=10).hits]


def test_forget_user_empties_every_server_and_leaves_no_byte_on_disk(tmp_path, encoder, capsys):
    cfg, path = write_config(tmp_path)
    tenants = Tenants(cfg, Quoth(cfg, encoder=encoder))
    Journal(cfg.data_dir() / "bot.sqlite").record_question(f"who is the {SECRET} keeper?", 3, None, None, ALICE_ID,
                                                           GUILD_A, 1, [])
    for gid in (GUILD_A, GUILD_B):
        seed(tenants.for_guild(gid).quoth.messages, gid, time.time() - 60)
        tenants.for_guild(gid).quoth.index()
        assert any(SECRET in t for t in served(tenants, gid, encoder))  # the test can fail: she is served
    assert files_holding(tmp_path / "data")  # ... and her words are on disk, where the scan looks
    vectors = secret_vectors(tmp_path / "data")
    assert len(vectors) >= 2 and all(files_holding(tmp_path / "data", v) for v in vectors)  # and her vectors

    assert main(["--config", str(path), "forget", "--user", str(ALICE_ID)]) == 0
    out, err = capsys.readouterr()
    assert f"Deleted 1 question(s) and 0 vote(s) of user {ALICE_ID}, and 4 indexed message(s) in 2 server(s)." in out
    assert f"Rebuilt index for guild-{GUILD_A}" in out and f"Rebuilt index for guild-{GUILD_B}" in out
    assert f"rebuilding the index of guild-{GUILD_A} without the 2 deleted message(s)" in err
    assert files_holding(tmp_path / "data") == []  # store, WAL, every index generation, journal
    assert [f for v in vectors for f in files_holding(tmp_path / "data", v)] == []  # vectors.npy, dense.faiss
    for gid in (GUILD_A, GUILD_B):
        assert not any(SECRET in t for t in served(tenants, gid, encoder))
        store = tenants.for_guild(gid).quoth.messages
        assert store.count() == 1 and not store.pending()  # Bob's stays; the build took the deletion in
    bob = Quoth(tenants.for_guild(GUILD_B).quoth.settings, encoder=encoder).search("bus timetable Monday coat")
    assert BOB_SAYS[0] in bob.hits[0].passage.text  # the others' messages are still answered


def test_forget_expired_prunes_old_messages_and_rebuilds_only_that_server(tmp_path, encoder, capsys):
    cfg, path = write_config(tmp_path, retention_days=7)
    tenants = Tenants(cfg, Quoth(cfg, encoder=encoder))
    seed(tenants.for_guild(GUILD_A).quoth.messages, GUILD_A, time.time() - 10 * DAY)
    seed(tenants.for_guild(GUILD_B).quoth.messages, GUILD_B, time.time() - 1 * DAY)
    tenants.for_guild(GUILD_A).quoth.index()
    assert main(["--config", str(path), "forget", "--expired"]) == 0
    out, _ = capsys.readouterr()
    assert "and 3 live message(s) (older than 7 day(s))" in out
    assert f"Rebuilt index for guild-{GUILD_A}" in out and f"guild-{GUILD_B}" not in out
    assert tenants.for_guild(GUILD_A).quoth.messages.count() == 0
    assert tenants.for_guild(GUILD_B).quoth.messages.count() == 3
    assert not any(SECRET in t for t in served(tenants, GUILD_A, encoder))


def test_a_server_no_longer_listed_is_forgotten_in_its_store_and_named(tmp_path, capsys):
    cfg, path = write_config(tmp_path)
    gone = MessageStore(cfg.guild_data_dir(GUILD_GONE) / "live" / "messages.sqlite")
    seed(gone, GUILD_GONE, time.time())
    assert main(["--config", str(path), "forget", "--user", str(ALICE_ID)]) == 1  # its index could not be rebuilt
    out, err = capsys.readouterr()
    assert "and 2 indexed message(s) in 1 server(s)." in out
    assert f"guild-{GUILD_GONE} is no longer in the config" in err and str(cfg.guild_data_dir(GUILD_GONE)) in err
    assert gone.count() == 1 and files_holding(cfg.guild_data_dir(GUILD_GONE)) == []


def test_forget_needs_a_user_or_expired(tmp_path, capsys):
    _, path = write_config(tmp_path)
    with pytest.raises(SystemExit) as exc:
        main(["--config", str(path), "forget"])
    assert exc.value.code == 2
    assert "one of the arguments --user --expired is required" in capsys.readouterr().err


def test_forgetting_a_live_only_servers_last_author_removes_its_index(tmp_path, encoder, capsys):
    """Server B has no corpus: with its only author forgotten nothing is left to build, and the index that held
    her words is removed rather than left on disk behind a failed build. A's index, with its corpus, stays."""
    cfg, path = write_config(tmp_path)
    tenants = Tenants(cfg, Quoth(cfg, encoder=encoder))
    store = tenants.for_guild(GUILD_B).quoth.messages
    store.enable(CHANNEL[GUILD_B], GUILD_B, "general")
    store.upsert([said(GUILD_B, ALICE_ID, "Alice", ALICE_SAYS[0], time.time())])
    tenants.for_guild(GUILD_B).quoth.index()
    assert files_holding(tmp_path / "data")
    assert main(["--config", str(path), "forget", "--user", str(ALICE_ID)]) == 0
    out, err = capsys.readouterr()
    assert f"Removed the index of guild-{GUILD_B}: nothing is left to index there" in out, err
    assert files_holding(tmp_path / "data") == []
    assert not tenants.for_guild(GUILD_B).quoth.folder.path.exists()


def test_no_byte_stays_even_where_sqlite_keeps_deleted_rows_by_default(tmp_path, encoder, capsys, monkeypatch):
    """Upstream SQLite (unlike this machine's Debian build) leaves a deleted row's bytes in the file. A build
    copies the previous generation's store and replaces the changed documents in it: her day's document, with
    Bob's many messages around hers, must not leave her words in the new generation's free space."""
    real = sqlite3.connect

    def upstream(*args, **kwargs):
        con = real(*args, **kwargs)
        con.execute("PRAGMA secure_delete=OFF")
        return con
    monkeypatch.setattr(sqlite3, "connect", upstream)
    cfg, path = write_config(tmp_path)
    tenants = Tenants(cfg, Quoth(cfg, encoder=encoder))
    store, now = tenants.for_guild(GUILD_B).quoth.messages, time.time() - 3600
    store.enable(CHANNEL[GUILD_B], GUILD_B, "general")
    talk = [said(GUILD_B, BOB_ID, "Bob", f"Note {i}: the {w} rota needs {i % 5 + 2} more people this week.", now + i)
            for i, w in enumerate(["kitchen", "garden", "door", "bar", "raffle", "tea"] * 5)]
    talk[12:12] = [said(GUILD_B, ALICE_ID, "Alice", text, now + 12.5) for text in ALICE_SAYS]
    store.upsert(talk)
    tenants.for_guild(GUILD_B).quoth.index()
    assert main(["--config", str(path), "forget", "--user", str(ALICE_ID)]) == 0
    capsys.readouterr()
    assert files_holding(tmp_path / "data") == []
