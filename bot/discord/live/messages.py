"""Discord messages as the library's ``ChatMessage``: which are indexed, and the words as they are quoted."""

from __future__ import annotations

import discord

from quoth.channels import ChatMessage

# Message types people write; everything else (joins, pins, boosts, thread starters…) is a system message.
PEOPLE_TYPES = frozenset({discord.MessageType.default, discord.MessageType.reply})


def where(channel) -> tuple[int, int | None, str]:
    """(channel id, parent channel id for a thread, name) of the channel or thread a message is in."""
    parent = getattr(channel, "parent_id", None) if isinstance(channel, discord.Thread) else None
    return channel.id, parent, getattr(channel, "name", None) or str(channel.id)


def indexed_channel(channel) -> int:
    """The channel that decides whether a message is indexed: a thread counts under its parent."""
    cid, parent, _name = where(channel)
    return parent or cid


def skipped(message: discord.Message, include_bots: bool) -> bool:
    """Messages never stored: outside a server, system messages, bots' and webhooks' (unless
    ``include_bots``), and messages without words (an image alone has nothing to quote)."""
    if message.guild is None or message.type not in PEOPLE_TYPES:
        return True
    if (message.author.bot or message.webhook_id is not None) and not include_bots:
        return True
    return not message.content.strip()


def chat_message(message: discord.Message, include_bots: bool = False, author_name: str | None = None
                 ) -> ChatMessage | None:
    """The message as the store keeps it, or None when it is skipped. Mentions are resolved to names by
    discord.py's ``clean_content`` (the words as members read them, not ``<@123>``); ``author_name`` is the
    author's name in the server where the message alone does not say it (history pages carry no member)."""
    if skipped(message, include_bots):
        return None
    cid, parent, name = where(message.channel)
    ref = message.reference
    return ChatMessage(
        id=message.id, guild_id=message.guild.id, channel_id=cid, parent_id=parent, channel_name=name,
        author_id=message.author.id, author_name=author_name or message.author.display_name,
        content=message.clean_content, created_at=message.created_at.timestamp(),
        edited_at=message.edited_at.timestamp() if message.edited_at else None,
        reply_to=ref.message_id if ref is not None and message.type == discord.MessageType.reply else None)
