"""Chat exports as JSON: DiscordChatExporter, Slack (a folder: ``users.json`` and one file per channel-day) and
Telegram (``result.json``). A ``.json`` file that is none of these is skipped with a warning.

The document Quoth stores is the conversation rendered as text, one message per block:

    [2024-03-14 09:02] Tess Okoye
    Yes, boats leave every forty minutes now.

so passages are exact slices of it and the chat layout reads it like any text export. Messages one author sends
within a few minutes of each other, answering nobody, share one header, as chat apps show them: together they
are one thought, and one passage (split only when too long). The display name
speaks (a Slack user's real name, a Discord nickname); joins, pins and other system messages are left out,
and a reply names what it answers (``↳ replying to NAME``, a line the chat reader keeps out of passages).

Quoted words keep their author. A reply to a message the export does not hold, when the export carries it (the
Discord API's ``referenced_message``), a message shared into another (Slack's ``is_share`` attachment) and a
forward (Telegram's ``forwarded_from``, the Discord API's ``message_snapshots``) are written ``↳ replying to NAME:
words`` / ``↳ quoting NAME: words`` (``↳ quoting: words`` when the export does not say whose): the chat reader
gives those words to NAME, never to the replier or forwarder. A quotation in a message's own text (Discord's and
Slack's ``> `` lines, Telegram's ``blockquote``) is written as ``> `` lines: someone else's words, named only when
they stand earlier in one person's message.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import PurePosixPath
from typing import NamedTuple

from ..records import Kind, LayoutHints
from .base import Extracted, LoadReport, SettingsReader, text_of
from .json_text import UNREAD, document, loads


class Message(NamedTuple):
    """One chat message as rendered: when, who, their words, whom it answers and words it quotes of another."""

    when: str
    who: str
    text: str
    parent: str | None = None  # the author of the message it replies to
    quoted: tuple[str, str] | None = None  # (author, words) of a message it carries that the export lacks
    replies: bool = True  # the quoted message is one it answers (else one it shares)


NOT_A_CHAT = "a JSON file that is not a known chat export (map its fields with [[json]] in sources.toml)"
SLACK_SYSTEM = {"channel_join", "channel_leave", "channel_topic", "channel_purpose", "channel_name", "pinned_item",
                "bot_add", "bot_remove", "tombstone"}


class ChatJsonReader(SettingsReader):
    suffixes = (".json",)
    _users: dict

    def __init__(self, settings) -> None:
        super().__init__(settings)
        self._users = {}

    def read(self, data: bytes, rel: str, report: LoadReport) -> Iterator[Extracted]:
        raw = text_of(data, rel, report)
        if raw is None:
            return
        if (doc := document(raw, rel, report)) is UNREAD:
            return
        name = PurePosixPath(rel).name
        if name in ("users.json", "channels.json", "integration_logs.json", "dms.json", "groups.json", "mpims.json"):
            return  # a Slack export's own lists: read with the channel files
        messages = _discord(doc)
        messages = _telegram(doc) if messages is None else messages
        title = _title(doc)
        if messages is None and isinstance(doc, list):
            messages, title = self.slack(doc, rel), f"#{PurePosixPath(rel).parent.name} {PurePosixPath(rel).stem}"
        if messages is None:
            report.warn(rel, f"skipped: {NOT_A_CHAT}")
            return
        text = render(messages)
        if not text:  # joins and pins only, or none at all: said, so an empty export is not a silent loss
            report.warn(rel, "skipped: a chat export with no message to read")
            return
        yield Extracted(rel, text, {"title": title}, LayoutHints(kind=Kind.CHAT))

    def slack(self, messages: list, rel: str) -> list[Message] | None:
        if not all(isinstance(m, dict) and "ts" in m for m in messages):
            return None
        users = self.slack_users(rel)
        out = []
        for m in messages:
            shared = _slack_shared(m)
            if m.get("subtype") in SLACK_SYSTEM or not (m.get("text") or shared):
                continue
            profile = m.get("user_profile") or {}
            who = (profile.get("real_name") or users.get(m.get("user", "")) or m.get("username")
                   or m.get("user") or "unknown")
            # Slack escapes &, < and > in message text: a quotation's "&gt; " is a "> " line.
            out.append(Message(_slack_time(m["ts"]), who, html.unescape(m.get("text") or ""), None, shared, False))
        return out

    def slack_users(self, rel: str) -> dict[str, str]:
        """The export's users.json (beside the channel folders): user id → the name people know them by."""
        folder = PurePosixPath(rel).parent.parent
        if folder not in self._users:
            path = self.root / folder / "users.json" if self.root is not None else None
            try:
                users = loads(path.read_text(encoding="utf-8")) if path is not None and path.is_file() else []
            except (OSError, ValueError):  # JsonError is a ValueError
                users = []
            self._users[folder] = {u.get("id"): (u.get("real_name") or (u.get("profile") or {}).get("real_name")
                                                 or u.get("name")) for u in users if isinstance(u, dict)}
        return self._users[folder]


def _title(doc) -> str | None:
    if isinstance(doc, dict) and isinstance(doc.get("channel"), dict):
        guild = (doc.get("guild") or {}).get("name")
        return f"#{doc['channel'].get('name')}" + (f" — {guild}" if guild else "")
    if isinstance(doc, dict) and "messages" in doc:
        return doc.get("name")
    return None


def _discord(doc) -> list[Message] | None:
    """DiscordChatExporter's export (a channel and its messages), or the Discord API's list of messages."""
    if isinstance(doc, dict) and isinstance(doc.get("channel"), dict) and isinstance(doc.get("messages"), list):
        messages = doc["messages"]
    elif isinstance(doc, list) and doc and all(isinstance(m, dict) and isinstance(m.get("author"), dict)
                                               and "content" in m and "timestamp" in m for m in doc):
        messages = sorted(doc, key=lambda m: str(m["timestamp"]))  # the API lists the newest first
    else:
        return None
    by_id = {m["id"]: m for m in messages if isinstance(m, dict) and m.get("id") is not None}
    out = []
    for m in messages:
        if not isinstance(m, dict) or m.get("type", "Default") not in ("Default", "Reply", 0, 19) or not (
                m.get("content") or _forwarded(m)):
            continue
        ref = by_id.get((m.get("reference") or m.get("message_reference") or {}).get("messageId") or
                        (m.get("message_reference") or {}).get("message_id"))
        carried = m.get("referenced_message") if ref is None else None  # a parent the export does not hold
        parent = ref or (carried if isinstance(carried, dict) else None)
        carries = parent is not None and parent is carried and bool(parent.get("content"))
        quoted = (_discord_name(parent), parent["content"]) if carries else _forwarded(m)
        out.append(Message(str(m.get("timestamp", ""))[:16].replace("T", " "), _discord_name(m), m.get("content") or "",
                           _discord_name(parent) if parent else None, quoted, carries or quoted is None))
    return out


def _forwarded(m: dict) -> tuple[str, str] | None:
    """A forwarded message's words (the API's ``message_snapshots``): another's, whose name the API leaves out."""
    for snap in m.get("message_snapshots") or []:
        words = ((snap or {}).get("message") or {}).get("content") if isinstance(snap, dict) else None
        if words:
            return "", words
    return None


def _discord_name(m: dict) -> str:
    author = m.get("author") or {}
    return author.get("nickname") or author.get("global_name") or author.get("name") or author.get(
        "username") or "unknown"


def _telegram(doc) -> list | None:
    if not (isinstance(doc, dict) and isinstance(doc.get("messages"), list) and "channel" not in doc):
        return None
    out = []
    by_id = {m["id"]: m for m in doc["messages"] if isinstance(m, dict) and m.get("id") is not None}
    for m in doc["messages"]:
        if not isinstance(m, dict) or m.get("type") != "message":
            continue
        text = m.get("text")
        if isinstance(text, list):  # rich text: strings and {"type": …, "text": …} parts
            text = "".join(t if isinstance(t, str) else _telegram_part(t) for t in text)
        if not text:
            continue
        parent = by_id.get(m.get("reply_to_message_id"))
        when, who = str(m.get("date", ""))[:16].replace("T", " "), m.get("from") or "unknown"
        if "forwarded_from" in m:  # a forward: another's words, shown under the forwarder's name
            out.append(Message(when, who, "", None, (m.get("forwarded_from") or "", text), False))
        else:
            out.append(Message(when, who, text, parent.get("from") if parent else None))
    return out


def _telegram_part(part: dict) -> str:
    """A rich-text part's words; a ``blockquote`` part (a quotation) as ``> `` lines of their own."""
    words = str(part.get("text", ""))
    if part.get("type") != "blockquote" or not words.strip():
        return words
    return "\n" + "\n".join(f"> {line}" if line.strip() else ">" for line in words.strip("\n").split("\n")) + "\n"


def _slack_shared(m: dict) -> tuple[str, str] | None:
    """A message shared into this one (its ``is_share`` attachment): its author and words."""
    for att in m.get("attachments") or []:
        if isinstance(att, dict) and att.get("is_share") and att.get("text"):
            return att.get("author_name") or att.get("author_subname") or "", html.unescape(att["text"])
    return None


def _slack_time(ts: str) -> str:
    try:
        return datetime.fromtimestamp(float(ts), tz=UTC).strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError, OverflowError):
        return ""


MERGE_WITHIN = timedelta(minutes=5)


def _minute(when: str) -> datetime | None:
    try:
        return datetime.strptime(when, "%Y-%m-%d %H:%M")
    except ValueError:
        return None


def render(messages: list[Message] | list[tuple]) -> str:
    """Messages as text: a ``[time] name`` header line, a reply line when it answers someone (with the words it
    quotes when the export lacks the message answered), the words; a message following its author's last one
    within ``MERGE_WITHIN``, answering and quoting nobody, goes under that header."""
    blocks: list[str] = []
    last: tuple[str, datetime | None] | None = None
    for m in map(lambda m: Message(*m), messages):
        name, at = " ".join(str(m.who).split()), _minute(m.when)
        words = m.text.strip()
        if (not m.parent and not m.quoted and last is not None and last[0] == name and at is not None
                and last[1] is not None and timedelta(0) <= at - last[1] <= MERGE_WITHIN):
            blocks[-1] += f"\n{words}"
        else:
            blocks.append(f"[{m.when or 'undated'}] {name}{_reply_line(m)}\n{words}".rstrip("\n"))
        last = (name, at)
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def _reply_line(m: Message) -> str:
    """``↳ replying to NAME``, or ``↳ replying to NAME: words`` / ``↳ quoting NAME: words`` for a message
    carried in this one (one line, as chat apps preview it: the reader gives those words to NAME)."""
    if m.quoted is None:
        return f"\n↳ replying to {' '.join(m.parent.split())}" if m.parent else ""
    who, words = (" ".join(x.split()) for x in m.quoted)
    verb = "replying to" if m.replies else "quoting"
    return f"\n↳ {verb}{' ' + who if who else ''}: {words}"
