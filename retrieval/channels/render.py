"""Live messages as documents: one per channel (or thread) per UTC day, rendered as the chat-export reader
renders a chat (ingest/chat_json.py), a ``[YYYY-MM-DD HH:MM] Name`` header over a person's consecutive messages.

Speakers come from markup, never from the text's shape: each header is a ``MarkedTurn`` (segment/threads/
markup.py), so a message whose words look like a header cannot put words in another's mouth. A person is named
by their latest display name (one speaker across renames); two people with one display name are told apart by
the end of their user id. Each message starts a ``Locator`` whose label is its jump link, so a passage's locator
links to its first message, and each message's span is recorded for withholding (store.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from ..ingest.base import content_hash
from ..ingest.chat_json import MERGE_WITHIN
from ..records import Document, Kind, LayoutHints, Locator, MarkedTurn, SourceInfo
from .records import ChatMessage, jump_url

ROOT = "discord"  # the first part of every live document's path
_UNSAFE = re.compile(r"[/\\\x00-\x1f\x7f]+")  # what may not stand in one part of a path


@dataclass(frozen=True)
class Span:
    """Where one message stands in a rendered document, and the revision of it rendered there."""

    message_id: int
    start: int
    end: int
    rev: int


@dataclass(frozen=True)
class Rendered:
    document: Document
    spans: tuple[Span, ...]


def day_of(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d")


def _minute(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d %H:%M")


def _part(name: str, ident: int) -> str:
    return f"{_UNSAFE.sub('-', ' '.join(name.split())).strip() or 'channel'}-{ident}"


def speaker_names(messages: Iterable[ChatMessage]) -> dict[int, str]:
    """Each author id's name as shown: their latest display name, with the end of the id when another person
    goes by the same name (``Sam (…1234)``)."""
    latest: dict[int, tuple[float, int, str]] = {}
    for m in messages:
        seen = latest.get(m.author_id)
        if seen is None or (m.created_at, m.id) > seen[:2]:
            latest[m.author_id] = (m.created_at, m.id, " ".join(m.author_name.split()) or str(m.author_id))
    ids_by_name: dict[str, list[int]] = defaultdict(list)
    for author, (_, _, name) in latest.items():
        ids_by_name[name.casefold()].append(author)
    return {author: name if len(ids_by_name[name.casefold()]) == 1 else f"{name} (…{str(author)[-4:]})"
            for author, (_, _, name) in latest.items()}


def render_all(messages: list[tuple[ChatMessage, int]], channel_names: dict[int, str]) -> list[Rendered]:
    """Every document the messages (each with its revision) make, by path. ``channel_names``: the indexed
    channels' names, for the path of a thread under one."""
    names = speaker_names(m for m, _ in messages)
    # A channel or thread is named as it is called now (its latest message's name), wherever it is in a path.
    titles = dict(channel_names)
    for m, _ in sorted(messages, key=lambda mr: (mr[0].created_at, mr[0].id)):
        titles[m.channel_id] = m.channel_name
    groups: dict[tuple[int, str], list[tuple[ChatMessage, int]]] = defaultdict(list)
    for m, rev in messages:
        groups[(m.channel_id, day_of(m.created_at))].append((m, rev))
    out = []
    for (_, day), group in sorted(groups.items()):
        group.sort(key=lambda mr: (mr[0].created_at, mr[0].id))
        rendered = render_day(group, day, names, titles)
        if rendered is not None:
            out.append(rendered)
    return out


def document_source(first: ChatMessage, day: str, channel_names: dict[int, str]) -> SourceInfo:
    """Path, title and link of the document of ``first``'s channel (or thread) on ``day``; ``channel_names``: each
    channel's and thread's name as it is now."""
    name = channel_names.get(first.channel_id, first.channel_name)
    own = _part(name, first.channel_id)
    if first.parent_id is not None:
        parent = _part(channel_names.get(first.parent_id, "channel"), first.parent_id)
        path = f"{ROOT}/{parent}/{own}/{day}"
    else:
        path = f"{ROOT}/{own}/{day}"
    return SourceInfo(path=path, title=f"#{' '.join(name.split())} — {day}", kind=Kind.CHAT,
                      url=jump_url(first.guild_id, first.channel_id), date=day)


def render_day(group: list[tuple[ChatMessage, int]], day: str, names: dict[int, str],
               channel_names: dict[int, str]) -> Rendered | None:
    """One channel-day's messages (in time order) as a document; None when none has words."""
    text, turns, locators, spans = "", [], [], []
    last: ChatMessage | None = None
    for m, rev in group:
        words = m.content.strip()
        if not words:  # an attachment or an embed alone: nothing to quote
            continue
        if (last is not None and last.author_id == m.author_id and m.reply_to is None
                and 0 <= m.created_at - last.created_at <= MERGE_WITHIN.total_seconds()):
            start = len(text) + 1  # the line after the previous message
            text += f"\n{words}"
        else:
            start = len(text) + (2 if text else 0)
            header = f"[{_minute(m.created_at)}] {names[m.author_id]}"
            text += ("\n\n" if text else "") + f"{header}\n{words}"
            turns.append(MarkedTurn(start, start + len(header) + 1, names[m.author_id]))
        locators.append(Locator(start, m.jump_url))
        spans.append(Span(m.id, start, len(text), rev))
        last = m
    if not spans:
        return None
    text += "\n"
    first = next(m for m, _ in group if m.id == spans[0].message_id)
    doc = Document(document_source(first, day, channel_names), text, content_hash(text),
                   LayoutHints(kind=Kind.CHAT, turns=tuple(turns)), tuple(locators))
    return Rendered(doc, tuple(spans))
