"""Messages for the live-channel tests: ids rise with time, as Discord's snowflakes do."""

from __future__ import annotations

from quoth.channels import ChatMessage

GUILD, CHANNEL = 1, 10
BASE = 1_700_000_000.0  # 2023-11-14 22:13 UTC


def msg(i: int, author: int = 5, name: str = "Sam", content: str | None = None, at: float | None = None,
        channel: int = CHANNEL, parent: int | None = None, channel_name: str = "general", **kw) -> ChatMessage:
    return ChatMessage(id=1000 + i, guild_id=GUILD, channel_id=channel, parent_id=parent, channel_name=channel_name,
                       author_id=author, author_name=name, content=f"message {i}" if content is None else content,
                       created_at=BASE + i * 600 if at is None else at, **kw)
