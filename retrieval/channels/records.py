"""What flows through live channels: a Discord message as the library keeps it, and an indexed channel's state."""

from __future__ import annotations

from dataclasses import dataclass

DISCORD = "https://discord.com/channels"


@dataclass(frozen=True)
class ChatMessage:
    """One message of an indexed channel (or of a thread under one), as it should be quoted: the bot has already
    resolved mentions to names and left bots' and system messages out."""

    id: int  # Discord snowflake
    guild_id: int
    channel_id: int  # where it was posted: the channel, or a thread
    parent_id: int | None  # the indexed channel a thread belongs to; None for a channel's own messages
    channel_name: str
    author_id: int
    author_name: str  # display name at the time
    content: str
    created_at: float  # unix seconds, UTC
    edited_at: float | None = None
    reply_to: int | None = None  # the message it replies to

    @property
    def indexed_channel(self) -> int:
        """The channel whose indexing lets this message in: its own, or its thread's parent."""
        return self.parent_id if self.parent_id is not None else self.channel_id

    @property
    def jump_url(self) -> str:
        return jump_url(self.guild_id, self.channel_id, self.id)


@dataclass
class LiveChannel:
    """A channel an admin asked to index, and how far its history has been read."""

    channel_id: int
    guild_id: int
    name: str
    enabled: bool
    messages: int
    backfill_before: int | None  # the oldest message id read so far; None: backfill not started
    backfill_done: bool
    added_at: float


def jump_url(guild_id: int, channel_id: int, message_id: int | None = None) -> str:
    """Discord's link to a channel, or to one message in it."""
    return f"{DISCORD}/{guild_id}/{channel_id}" + (f"/{message_id}" if message_id is not None else "")
