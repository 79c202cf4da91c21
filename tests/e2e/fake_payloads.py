"""Discord's objects as the fake Discord (fake_discord.py) sends them: snowflakes, timestamps, users, members,
channels and threads, a server's state, and the JSON errors Discord answers with. Shapes follow Discord's API
reference (v10) and what discord.py reads from them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

TIMESTAMP = "2026-01-01T00:00:00.000000+00:00"
DISCORD_EPOCH_MS = 1420070400000
GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT = 1 << 1, 1 << 8, 1 << 15
PRIVILEGED_INTENTS = GUILD_MEMBERS | GUILD_PRESENCES | MESSAGE_CONTENT
EPHEMERAL = 64
# Message types (Discord's MessageType): what a person writes (DEFAULT, REPLY) and one system message.
DEFAULT, THREAD_CREATED, REPLY = 0, 18, 19
TEXT_CHANNEL, PUBLIC_THREAD = 0, 11


def user(uid: int, name: str, bot: bool = False) -> dict:
    return {"id": str(uid), "username": name, "discriminator": "0", "global_name": name, "avatar": None,
            "bot": bot, "public_flags": 0, "flags": 0}


def snowflake(at: float, increment: int = 0) -> int:
    """Discord's id for something made at unix time ``at``: milliseconds since 2015 in the high bits."""
    return ((int(at * 1000) - DISCORD_EPOCH_MS) << 22) | (increment & 0x3FFFFF)


def snowflake_time(sf: int) -> float:
    return ((sf >> 22) + DISCORD_EPOCH_MS) / 1000


def iso(at: float) -> str:
    return datetime.fromtimestamp(at, UTC).isoformat(timespec="microseconds")


@dataclass
class Failure:
    """A JSON error as Discord sends one (``{"message", "code"}``)."""

    status: int
    code: int
    message: str


UNKNOWN_CHANNEL = Failure(404, 10003, "Unknown Channel")
UNKNOWN_MESSAGE = Failure(404, 10008, "Unknown Message")
UNKNOWN_MEMBER = Failure(404, 10007, "Unknown Member")


@dataclass
class FakeGuild:
    """One server: its text channels and threads (channel payloads by id) and members (by user id)."""

    id: int
    name: str = "Test Guild"
    channels: dict[int, dict] = field(default_factory=dict)
    threads: dict[int, dict] = field(default_factory=dict)
    members: dict[int, dict] = field(default_factory=dict)

    def member(self, uid: int) -> dict | None:
        return self.members.get(uid)


def channel_payload(guild_id: int, channel_id: int, name: str, *, position: int = 0) -> dict:
    return {"id": str(channel_id), "type": TEXT_CHANNEL, "guild_id": str(guild_id), "name": name,
            "position": position, "permission_overwrites": [], "nsfw": False, "parent_id": None, "topic": None,
            "last_message_id": None, "rate_limit_per_user": 0, "flags": 0}


def thread_payload(guild_id: int, thread_id: int, parent_id: int, name: str, owner_id: int) -> dict:
    return {"id": str(thread_id), "type": PUBLIC_THREAD, "guild_id": str(guild_id), "parent_id": str(parent_id),
            "owner_id": str(owner_id), "name": name, "last_message_id": None, "rate_limit_per_user": 0,
            "message_count": 0, "member_count": 1, "flags": 0, "total_message_sent": 0,
            "thread_metadata": {"archived": False, "auto_archive_duration": 1440, "archive_timestamp": iso(
                snowflake_time(thread_id)), "locked": False, "create_timestamp": iso(snowflake_time(thread_id))}}


def member_payload(author: dict, nick: str | None = None, roles: tuple[int, ...] = ()) -> dict:
    return {"user": author, "nick": nick, "roles": [str(r) for r in roles], "joined_at": TIMESTAMP, "deaf": False,
            "mute": False, "flags": 0, "pending": False, "avatar": None, "premium_since": None}


@dataclass(frozen=True)
class ChannelRef:
    """A channel given as a slash-command option (type 7), e.g. ``/index-channel add channel:#general``."""

    id: int

