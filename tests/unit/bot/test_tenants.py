"""A corpus per server, without Discord: the [guilds.<id>] config, which tenant serves where, each server's own data
directory and Milvus prefix, one shared encoder, and the journal's per-server bookkeeping."""

from __future__ import annotations

import sqlite3
import threading
import tomllib

import numpy as np
import pytest

from quoth import Quoth
from quoth.bot.config import AppConfig, guild_prefix
from quoth.bot.discord.journal import ANYWHERE, Journal
from quoth.bot.discord.tenants import Tenants
from quoth.errors import ConfigError
from quoth.index.milvus import layout
from quoth.records import Hit, Passage, Role, SourceInfo
from quoth.settings import IndexSettings, Settings

A, B = 123456789012345678, 9223372036854775807  # a typical snowflake, and the largest a snowflake can be


def config(tmp_path, **bot) -> AppConfig:
    shared = tmp_path / "shared"
    shared.mkdir(exist_ok=True)
    text = f"""
[corpus]
path = "default-docs"
[data]
dir = "state"
[bot]
unlisted_guilds = "{bot.get('unlisted_guilds', 'default')}"
dm_corpus = "{bot.get('dm_corpus', 'default')}"
[guilds.{A}]
name = "Book club"
corpus = "shared"
[guilds.{B}]
corpus = "shared"
daily_channel_id = 42
[guilds.777]
"""
    path = tmp_path / "config.toml"
    path.write_text(text)
    return AppConfig.load(path)


def test_servers_are_read_from_guild_tables_with_paths_relative_to_the_file(tmp_path):
    cfg = config(tmp_path)
    assert set(cfg.guilds) == {A, B, 777} and cfg.guilds[A].name == "Book club"
    assert cfg.guilds[B].daily_channel_id == 42 and cfg.guilds[777].corpus is None
    a, b = cfg.for_guild(A), cfg.for_guild(B)
    assert a.corpus_dir() == b.corpus_dir() == tmp_path / "shared"  # two servers may list one folder…
    assert a.data_dir() == tmp_path / "state" / "guilds" / str(A)  # …each indexes it in a folder of its own
    assert b.data_dir() == tmp_path / "state" / "guilds" / str(B)
    live = cfg.for_guild(777)
    assert live.corpus_dir() == tmp_path / "state" / "guilds" / "777" / "corpus" and live.corpus_dir().is_dir()
    assert not any(live.corpus_dir().iterdir())


@pytest.mark.parametrize("table", ['[guilds.0]\nname = "x"', '[guilds.-5]\nname = "x"', '[guilds.12]\nbogus = 1',
                                   '[guilds.12]\ndaily_time = "25:00"'])
def test_a_bad_server_table_is_a_config_error_naming_it(tmp_path, table):
    path = tmp_path / "c.toml"
    path.write_text(table)
    with pytest.raises(ConfigError, match="guilds"):
        AppConfig.load(path)


@pytest.mark.parametrize(("dm", "unlisted", "refused"), [("default", "none", True), ("none", "default", True),
                                                          ("none", "none", False)])
def test_a_servers_folder_inside_the_default_corpus_is_refused_while_the_default_is_served(tmp_path, dm, unlisted,
                                                                                             refused):
    (tmp_path / "docs" / "bookclub").mkdir(parents=True)
    path = tmp_path / "c.toml"
    path.write_text(f'[corpus]\npath = "docs"\n[bot]\ndm_corpus = "{dm}"\nunlisted_guilds = "{unlisted}"\n'
                    f'[guilds.{A}]\ncorpus = "docs/bookclub"\n[guilds.{B}]\ncorpus = "docs"\n')
    if refused:  # the default corpus would quote the server's documents in DMs / unlisted servers
        with pytest.raises(ConfigError, match=f"guilds.{A}.corpus .* inside the default corpus"):
            AppConfig.load(path)
    else:
        assert AppConfig.load(path).guilds[A].corpus == "docs/bookclub"


def test_the_library_reads_a_config_with_servers_and_leaves_them_to_the_bot(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text(f'[search]\nk = 4\n[guilds.{A}]\ncorpus = "x"\n')
    assert Settings.from_dict(tomllib.loads(path.read_text())).search.k == 4


@pytest.mark.parametrize(("unlisted", "dm", "where", "served"), [
    ("default", "default", A, "guild"), ("none", "none", A, "guild"),
    ("default", "none", 555, "default"), ("none", "default", 555, "none"),
    ("none", "default", None, "default"), ("default", "none", None, "none"),
])
def test_who_answers_where(tmp_path, unlisted, dm, where, served):
    assert config(tmp_path, unlisted_guilds=unlisted, dm_corpus=dm).served_by(where) == served


def test_tenants_share_one_encoder_and_a_servers_corpus_is_never_a_dms(tmp_path, encoder):
    (tmp_path / "default-docs").mkdir()
    cfg = config(tmp_path)
    tenants = Tenants(cfg, Quoth(cfg, encoder=encoder))
    a = tenants.for_guild(A)
    assert a is tenants.for_guild(A) is tenants.get(f"guild-{A}") and a.key == f"guild-{A}" and a.guild_id == A
    assert a.quoth.encoder is tenants.default.quoth.encoder is encoder
    assert a.quoth.folder.path != tenants.for_guild(B).quoth.folder.path
    assert tenants.for_guild(None) is tenants.default and tenants.for_guild(555) is tenants.default
    assert {t.key for t in tenants.all()} == {"default", f"guild-{A}", f"guild-{B}", "guild-777"}
    assert tenants.get("guild-1") is None
    closed = Tenants(config(tmp_path, unlisted_guilds="none", dm_corpus="none"), tenants.default.quoth)
    assert closed.for_guild(None) is None and closed.for_guild(555) is None and closed.for_guild(A).guild_id == A


def test_each_server_gets_a_milvus_prefix_no_other_corpus_claims(tmp_path):
    (tmp_path / "default-docs").mkdir()
    base = config(tmp_path)
    cfg = AppConfig.from_dict({**base.model_dump(), "index": {"backend": "milvus", "milvus_uri": "x.db",
                                                              "milvus_prefix": "quoth_production_eu"}})
    prefixes = {g: cfg.for_guild(g).index.milvus_prefix for g in (A, B, 777)}
    assert prefixes[B].endswith(f"_g{B}") and len(prefixes[B]) == 31  # the longest id still fits
    assert prefixes[B] != guild_prefix("quoth_production_us", B)  # another deployment's server, on one Milvus
    IndexSettings(milvus_prefix=prefixes[B])  # valid as a prefix
    assert len(set(prefixes.values())) == 3 and guild_prefix("quoth", 777) == "quoth_g777"
    # The collections of every server's generation 1: the default corpus's prefix claims none of them.
    names = [layout.MilvusGeneration(1, p).collection(part) for p in prefixes.values()
             for part in ("passages", "records")]
    assert layout.generations(names, cfg.index.milvus_prefix) == []
    assert all(len(layout.generations(names, p)) == 1 for p in prefixes.values())


def test_the_shared_encoder_answers_two_threads_at_once_as_it_answers_one(encoder):
    texts = [f"question number {i} about the harbour wall and the fish market" for i in range(12)]
    alone = encoder.encode_queries(texts)
    results: dict[int, np.ndarray] = {}

    def encode(n: int) -> None:
        results[n] = np.vstack([encoder.encode_queries([t]) for t in texts])

    threads = [threading.Thread(target=encode, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert set(results) == {0, 1}
    for got in results.values():
        np.testing.assert_allclose(got, alone, atol=1e-5)


def _hit(pid: int) -> Hit:
    p = Passage(id=pid, doc_path="a.txt", start=0, end=4, text="text", speaker=None, role=Role.BODY,
                search_text="text")
    return Hit(p, SourceInfo(path="a.txt", title="A"), 1.0)


def test_the_journal_keeps_each_servers_questions_counts_and_quotes_of_the_day_apart(tmp_path):
    j = Journal(tmp_path / "bot.sqlite")
    qa = j.record_question("harbour?", 3, None, None, 1, A, 10, [_hit(1)])
    j.record_question("router?", 3, None, None, 2, B, 20, [])
    qdm = j.record_question("dm?", 3, None, None, 3, None, 30, [])
    assert j.get(qa).asked_in(A, 99) and not j.get(qa).asked_in(B, 10) and not j.get(qa).asked_in(None, 10)
    assert j.get(qdm).asked_in(None, 30) and not j.get(qdm).asked_in(None, 31) and not j.get(qdm).asked_in(A, 30)
    j.vote(qa, 7, -1)
    assert j.counts(guild_id=A) == {"questions": 1, "answered": 1, "abstained": 0, "up": 0, "down": 1}
    assert j.counts(guild_id=B)["abstained"] == 1 and j.counts(guild_id=None)["questions"] == 1
    assert j.counts(guild_id=ANYWHERE)["questions"] == 3
    assert [r["question"] for r in j.unanswered(guild_id=B)] == ["router?"]
    assert [r["question"] for r in j.unanswered(guild_id=None)] == ["dm?"] and j.unanswered(guild_id=A) == []
    assert [r["question"] for r in j.downvoted(guild_id=A)] == ["harbour?"] and j.downvoted(guild_id=B) == []
    j.add_posted(5, f"guild-{A}")
    assert j.posted_since(0, f"guild-{A}") == {5} and j.posted_since(0) == set()


def test_a_journal_from_before_servers_keeps_its_quotes_of_the_day_as_the_default_corpuss(tmp_path):
    path = tmp_path / "bot.sqlite"
    con = sqlite3.connect(path)
    con.executescript("CREATE TABLE posted (passage_id INTEGER NOT NULL, posted REAL NOT NULL);"
                      "INSERT INTO posted VALUES (9, 1e10);")
    con.close()
    j = Journal(path)
    assert j.posted_since(0) == {9} and j.posted_since(0, f"guild-{A}") == set()
