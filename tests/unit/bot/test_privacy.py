"""Forgetting, opting out and retention over every server's message store (bot/privacy.py), on real SQLite files."""

from __future__ import annotations

import time

from quoth import Quoth
from quoth.bot.discord.tenants import Tenants
from quoth.bot.privacy import (
    every_store,
    forget_user,
    prune_expired,
    retention_cutoff,
    set_indexing,
    spread_opt_outs,
)
from quoth.channels import MessageStore
from tests.forgetting import (
    ALICE_ID,
    BOB_ID,
    GUILD_A,
    GUILD_B,
    GUILD_GONE,
    config,
    said,
    seed,
)

DAY = 86400.0


def stores_of(tmp_path, encoder, **bot):
    cfg = config(tmp_path, **bot)
    tenants = Tenants(cfg, Quoth(cfg, encoder=encoder))
    return cfg, tenants, every_store(cfg, tenants.all())


def test_forgetting_reaches_every_servers_store_and_one_no_longer_listed(tmp_path, encoder):
    cfg, tenants, _ = stores_of(tmp_path, encoder)
    now = time.time()
    for gid in (GUILD_A, GUILD_B):
        seed(tenants.for_guild(gid).quoth.messages, gid, now)
    gone = MessageStore(cfg.guild_data_dir(GUILD_GONE) / "live" / "messages.sqlite")  # a server since unlisted
    seed(gone, GUILD_GONE, now)
    stores = every_store(cfg, tenants.all())
    assert [s.key for s in stores] == ["default", f"guild-{GUILD_A}", f"guild-{GUILD_B}", f"guild-{GUILD_GONE}"]
    assert stores[-1].tenant is None and stores[1].tenant is tenants.for_guild(GUILD_A)

    removed = forget_user(None, stores, ALICE_ID)
    assert removed.messages == {"default": 0, f"guild-{GUILD_A}": 2, f"guild-{GUILD_B}": 2, f"guild-{GUILD_GONE}": 2}
    assert removed.message_count == 6 and (removed.questions, removed.votes) == (0, 0)
    assert removed.touched() == [f"guild-{GUILD_A}", f"guild-{GUILD_B}", f"guild-{GUILD_GONE}"]
    for s in stores[1:]:
        assert s.messages.count() == 1  # Bob's message stays
        assert s.messages.pending()  # the next build drops her passages and vectors
    assert forget_user(None, stores, ALICE_ID).message_count == 0  # done once: nothing left to forget


def test_an_opted_out_person_is_kept_out_of_every_server_until_they_opt_in(tmp_path, encoder):
    _, tenants, stores = stores_of(tmp_path, encoder)
    now = time.time()
    assert set_indexing(stores, ALICE_ID, on=False) == 3
    for gid in (GUILD_A, GUILD_B):
        store = tenants.for_guild(gid).quoth.messages
        seed(store, gid, now)
        assert store.opted_out(ALICE_ID) and not store.opted_out(BOB_ID)
        assert store.count() == 1  # only Bob's
    set_indexing(stores, ALICE_ID, on=True)
    store = tenants.for_guild(GUILD_A).quoth.messages
    assert store.upsert([said(GUILD_A, ALICE_ID, "Alice", "back again", now)]) == 1
    assert store.count() == 2


def test_retention_deletes_what_is_older_than_the_days_and_zero_keeps_everything(tmp_path, encoder):
    _, tenants, stores = stores_of(tmp_path, encoder)
    now = 1_800_000_000.0  # a clock of the test's own: no sleeping
    old, recent = tenants.for_guild(GUILD_A).quoth.messages, tenants.for_guild(GUILD_B).quoth.messages
    seed(old, GUILD_A, now - 10 * DAY)
    seed(recent, GUILD_B, now - 1 * DAY)
    assert retention_cutoff(0, now) is None and prune_expired(stores, 0, now).message_count == 0
    assert old.count() == 3
    removed = prune_expired(stores, 7, now)
    assert removed.messages == {"default": 0, f"guild-{GUILD_A}": 3, f"guild-{GUILD_B}": 0}
    assert (old.count(), recent.count()) == (0, 3)
    assert prune_expired(stores, 7, now + 7 * DAY).messages[f"guild-{GUILD_B}"] == 3  # a week on, those too


def test_an_opt_out_reaches_a_server_listed_after_it(tmp_path, encoder):
    """Alice opted out while only server A was listed; B, listed since, learns it when the bot starts."""
    _, tenants, stores = stores_of(tmp_path, encoder)
    tenants.for_guild(GUILD_A).quoth.messages.opt_out(ALICE_ID)
    b = tenants.for_guild(GUILD_B).quoth.messages
    assert not b.opted_out(ALICE_ID)
    assert spread_opt_outs(stores) == 2  # the default store and B's
    assert b.opted_out(ALICE_ID) and b.opted_out_users() == {ALICE_ID}
    assert spread_opt_outs(stores) == 0
    seed(b, GUILD_B, time.time())
    assert b.count() == 1  # Bob's only
