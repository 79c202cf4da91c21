"""Forgetting, shared by the Discord bot and the CLI: one person's questions, votes and indexed messages
(``/forget-me``, ``quoth forget --user``), one person's opt-out of live indexing (``/index-me``), and the
retention of live messages (``bot.live_retention_days``: daily and at start in the bot, ``quoth forget
--expired`` from a shell).

Every server's message store is reached, not only the served ones: a tenant of the config, whether open yet or
not, and the store of a server that has left the config but whose folder is still on disk (its messages are
still people's words). Only stores are written here; the vectors and passages built from the removed messages
go with the next build of each touched tenant (the bot's batcher, within seconds; ``quoth forget`` runs those
builds itself), and until then the library withholds every passage that covers a removed message.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from quoth.channels import MessageStore

from .config import GUILDS_DIR, AppConfig
from .discord.journal import Journal
from .discord.tenants import Tenant

DAY = 86400.0


@dataclass(frozen=True)
class Store:
    """One server's message store, with the tenant that serves it (None: a server the config no longer lists)."""

    key: str
    messages: MessageStore
    tenant: Tenant | None


@dataclass(frozen=True)
class Removed:
    """What one act of forgetting removed: journal rows, and indexed messages per store (its tenant key)."""

    questions: int = 0
    votes: int = 0
    messages: dict[str, int] = field(default_factory=dict)

    @property
    def message_count(self) -> int:
        return sum(self.messages.values())

    def touched(self) -> list[str]:
        """The keys of the stores that lost messages: the tenants whose index must be rebuilt."""
        return [key for key, n in self.messages.items() if n]


def every_store(cfg: AppConfig, tenants: Iterable[Tenant]) -> list[Store]:
    """Each tenant's store (its Quoth's own, so that a build it runs sees the change) and, after them, the store
    of each server folder on disk that no tenant serves any more."""
    found = [Store(t.key, t.quoth.messages, t) for t in tenants]
    served = {s.messages.path.resolve() for s in found}
    guilds = cfg.data_dir() / GUILDS_DIR  # <data dir>/guilds/<guild id>, as AppConfig.guild_data_dir lays it out
    folders = sorted(p for p in guilds.iterdir() if p.name.isdigit()) if guilds.is_dir() else []
    for folder in folders:
        path = folder / store_file(found)
        if path.is_file() and path.resolve() not in served:
            found.append(Store(f"guild-{folder.name}", MessageStore(path), None))
    return found


def store_file(stores: list[Store]) -> Path:
    """Where a store lies inside its tenant's data dir, as the library places it (learnt from a tenant's own)."""
    for s in stores:
        if s.tenant is not None:
            return s.messages.path.relative_to(s.tenant.data_dir)
    return Path("live") / "messages.sqlite"


def forget_user(journal: Journal | None, stores: Iterable[Store], user_id: int) -> Removed:
    """Delete one person's questions and votes from the journal and their messages from every store."""
    questions, votes = journal.forget(user_id) if journal is not None else (0, 0)
    return Removed(questions, votes, {s.key: s.messages.forget_user(user_id) for s in stores})


def set_indexing(stores: Iterable[Store], user_id: int, on: bool) -> int:
    """Opt one person out of live indexing (``on=False``) or back in, in every store; returns how many."""
    count = 0
    for s in stores:
        if on:
            s.messages.opt_in(user_id)
        else:
            s.messages.opt_out(user_id)
        count += 1
    return count


def spread_opt_outs(stores: Iterable[Store]) -> int:
    """Whoever opted out in one store is opted out in all (a server listed after they ran ``/index-me off``
    has a store that never heard of it); returns how many opt-outs were added."""
    stores = list(stores)
    everyone = set().union(*(s.messages.opted_out_users() for s in stores))
    added = 0
    for s in stores:
        for user_id in everyone - s.messages.opted_out_users():
            s.messages.opt_out(user_id)
            added += 1
    return added


def retention_cutoff(days: int, now: float | None = None) -> float | None:
    """The time before which live messages are expired; None when they are kept (``live_retention_days = 0``)."""
    if days <= 0:
        return None
    return (time.time() if now is None else now) - days * DAY


def prune_expired(stores: Iterable[Store], days: int, now: float | None = None) -> Removed:
    """Delete live messages older than ``days`` days from every store (nothing when ``days`` is 0)."""
    before = retention_cutoff(days, now)
    if before is None:
        return Removed()
    return Removed(messages={s.key: s.messages.prune(before) for s in stores})


def drop_emptied_index(tenant: Tenant) -> bool:
    """After a build failed because nothing is left to index (a live-only server whose last messages were
    deleted, forgotten or expired: an empty corpus folder and an empty store), the generations it would have
    replaced still hold the removed words; they are removed instead (the embedded index's folder, or every
    Milvus collection of the server's prefix). Whether they were.

    Only then: a corpus folder that is missing (an unmounted disk) or a store that still holds messages is a
    failure to report, not a reason to delete an index."""
    q = tenant.quoth
    empty_corpus = q.corpus_dir.is_dir() and not any(p.is_file() for p in q.corpus_dir.rglob("*"))
    if not empty_corpus or q.messages.count():
        return False
    if q.settings.index.backend == "milvus":
        if not q.backend.drop_all():
            return False
    elif q.folder.path.exists():
        shutil.rmtree(q.folder.path)
    else:
        return False
    q.live.refresh()
    return True
