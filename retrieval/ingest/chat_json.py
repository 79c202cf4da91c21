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
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import PurePosixPath

from ..records import Kind, LayoutHints
from .base import Extracted, LoadReport, SettingsReader, text_of

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
        try:
            doc = json.loads(raw)
        except json.JSONDecodeError as exc:
            report.warn(rel, f"skipped: not JSON ({exc.msg} at line {exc.lineno})")
            return
        name = PurePosixPath(rel).name
        if name in ("users.json", "channels.json", "integration_logs.json", "dms.json", "groups.json", "mpims.json"):
            return  # a Slack export's own lists: read with the channel files
        messages = _discord(doc) or _telegram(doc)
        title = _title(doc)
        if messages is None and isinstance(doc, list):
            messages, title = self.slack(doc, rel), f"#{PurePosixPath(rel).parent.name} {PurePosixPath(rel).stem}"
        if messages is None:
            report.warn(rel, "skipped: a JSON file that is not a known chat export")
            return
        text = render(messages)
        if text:
            yield Extracted(rel, text, {"title": title}, LayoutHints(kind=Kind.CHAT))

    def slack(self, messages: list, rel: str) -> list[tuple[str, str, str, str | None]] | None:
        if not all(isinstance(m, dict) and "ts" in m for m in messages):
            return None
        users = self.slack_users(rel)
        out = []
        for m in messages:
            if m.get("subtype") in SLACK_SYSTEM or not m.get("text"):
                continue
            profile = m.get("user_profile") or {}
            who = (profile.get("real_name") or users.get(m.get("user", "")) or m.get("username")
                   or m.get("user") or "unknown")
            out.append((_slack_time(m["ts"]), who, m["text"], None))
        return out

    def slack_users(self, rel: str) -> dict[str, str]:
        """The export's users.json (beside the channel folders): user id → the name people know them by."""
        folder = PurePosixPath(rel).parent.parent
        if folder not in self._users:
            path = self.root / folder / "users.json" if self.root is not None else None
            try:
                users = json.loads(path.read_text(encoding="utf-8")) if path is not None and path.is_file() else []
            except (OSError, ValueError):
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


def _discord(doc) -> list | None:
    if not (isinstance(doc, dict) and isinstance(doc.get("channel"), dict) and isinstance(doc.get("messages"), list)):
        return None
    by_id = {m["id"]: m for m in doc["messages"] if isinstance(m, dict) and m.get("id") is not None}
    out = []
    for m in doc["messages"]:
        if not isinstance(m, dict) or m.get("type", "Default") not in ("Default", "Reply") or not m.get("content"):
            continue
        author = m.get("author") or {}
        ref = by_id.get((m.get("reference") or {}).get("messageId"))
        parent = ((ref or {}).get("author") or {}) if ref else None
        out.append((str(m.get("timestamp", ""))[:16].replace("T", " "), author.get("nickname") or author.get("name")
                    or "unknown", m["content"], (parent.get("nickname") or parent.get("name")) if parent else None))
    return out


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
            text = "".join(t if isinstance(t, str) else str(t.get("text", "")) for t in text)
        if not text:
            continue
        parent = by_id.get(m.get("reply_to_message_id"))
        out.append((str(m.get("date", ""))[:16].replace("T", " "), m.get("from") or "unknown", text,
                    parent.get("from") if parent else None))
    return out


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


def render(messages: list[tuple[str, str, str, str | None]]) -> str:
    """Messages as text: a ``[time] name`` header line, a reply line when it answers someone, the words; a
    message following its author's last one within ``MERGE_WITHIN``, answering nobody, goes under that header."""
    blocks: list[str] = []
    last: tuple[str, datetime | None] | None = None
    for when, who, text, parent in messages:
        name, at = " ".join(str(who).split()), _minute(when)
        words = text.strip()
        if (not parent and last is not None and last[0] == name and at is not None and last[1] is not None
                and timedelta(0) <= at - last[1] <= MERGE_WITHIN):
            blocks[-1] += f"\n{words}"
        else:
            reply = f"\n↳ replying to {parent}" if parent else ""
            blocks.append(f"[{when or 'undated'}] {name}{reply}\n{words}")
        last = (name, at)
    return "\n\n".join(blocks) + ("\n" if blocks else "")
