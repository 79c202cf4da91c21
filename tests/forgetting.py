"""Builders the privacy tests share: a config of two servers, people's messages in their stores, and a search
of a whole folder's bytes for a word that only the forgotten messages hold."""

from __future__ import annotations

import contextlib
import itertools
import os
import sqlite3
from pathlib import Path

import numpy as np

from quoth.bot.config import AppConfig
from quoth.channels import ChatMessage, MessageStore

GUILD_A, GUILD_B, GUILD_GONE = 700000000000000001, 700000000000000002, 700000000000000003
# Each server's channel where the fake Discord puts it (FakeDiscord.channel_of: the guild id + 1).
CHANNEL = {g: g + 1 for g in (GUILD_A, GUILD_B, GUILD_GONE)}
ALICE_ID, BOB_ID = 800000000000000001, 800000000000000002
# A word nothing else holds, nor any stem of it: where its bytes are on disk, a forgotten message is.
SECRET = "zorblaxian"
ALICE_SAYS = [f"The {SECRET} lighthouse keeper moved the meetup to Fridays after the storm.",
              f"My {SECRET} password for the allotment shed is marmalade forty two."]
BOB_SAYS = ["The bus timetable changes on Monday, so bring a coat and a flask of tea to the stop."]
CORPUS_DOC = ("Harbour news\n\nby Ann Lee\n\nThe harbour wall was rebuilt with granite from the local quarry "
              "after the winter storms destroyed the old stone pier.\n")
_ids = itertools.count(720000000000000001)


def config(tmp: Path, live: bool = False, **bot: object) -> AppConfig:
    """Two listed servers: A with a corpus folder of its own, B with its live channel only; the default corpus
    for everything else. ``live``: each server's channel is indexed live from the config."""
    corpus = tmp / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    (corpus / "harbour.txt").write_text(CORPUS_DOC, encoding="utf-8")
    channels = {gid: {"live_channel_ids": [CHANNEL[gid]]} if live else {} for gid in (GUILD_A, GUILD_B)}
    return AppConfig.from_dict({
        "corpus": {"path": str(corpus)}, "data": {"dir": str(tmp / "data")},
        "bot": {"cooldown_questions": 50, **bot},
        "guilds": {str(GUILD_A): {"name": "book club", "corpus": str(corpus), **channels[GUILD_A]},
                   str(GUILD_B): {"name": "debate club", **channels[GUILD_B]}}})


def said(guild_id: int, author_id: int, author_name: str, text: str, created_at: float) -> ChatMessage:
    return ChatMessage(id=next(_ids), guild_id=guild_id, channel_id=CHANNEL[guild_id], parent_id=None,
                       channel_name="general", author_id=author_id, author_name=author_name, content=text,
                       created_at=created_at)


def seed(store: MessageStore, guild_id: int, created_at: float) -> list[ChatMessage]:
    """Alice's and Bob's messages in the server's live channel (enabled), as the live feed would store them."""
    store.enable(CHANNEL[guild_id], guild_id, "general")
    rows = [said(guild_id, ALICE_ID, "Alice", t, created_at + i) for i, t in enumerate(ALICE_SAYS)]
    rows.append(said(guild_id, BOB_ID, "Bob", BOB_SAYS[0], created_at + len(rows)))
    store.upsert(rows)
    return rows


def files_holding(root: Path, needle: str | bytes = SECRET) -> list[str]:
    """Every file under ``root`` (store, its WAL, index generations, journal) whose bytes hold ``needle``."""
    raw = needle.encode() if isinstance(needle, str) else needle
    found = []
    for folder, _dirs, names in os.walk(root):  # os.walk, not rglob: a generation dropped meanwhile is skipped
        for name in names:
            path = Path(folder) / name
            with contextlib.suppress(FileNotFoundError):  # dropped between the listing and the read
                if raw in path.read_bytes():
                    found.append(str(path.relative_to(root)))
    return sorted(found)


def secret_vectors(root: Path) -> list[bytes]:
    """The raw bytes of every vector the index generations under ``root`` hold for a passage quoting SECRET (as
    vectors.npy and a flat or HNSW dense.faiss store them): what must not be found anywhere once forgotten."""
    out = []
    for gen in sorted(root.rglob("gen-*")):
        con = sqlite3.connect(f"file:{gen / 'store.sqlite'}?mode=ro", uri=True)
        ids = {r[0] for r in con.execute("SELECT id FROM passages WHERE text LIKE ?", (f"%{SECRET}%",))}
        con.close()
        rows, vectors = np.load(gen / "ids.npy"), np.load(gen / "vectors.npy")
        out += [vectors[i].tobytes() for i, pid in enumerate(rows) if int(pid) in ids]
    return out
