"""Jump links: a live passage's locator is the URL of its first message, and answers link to it."""

from __future__ import annotations

import re
from dataclasses import replace

from quoth.cite import Citation, cite
from quoth.records import SourceInfo

# https://discord.com/channels/<guild>/<channel>/<message>, as the message store writes each locator.
JUMP_URL = re.compile(r"^https://(?:ptb\.|canary\.)?discord(?:app)?\.com/channels/\d+/\d+/\d+$")


def jump_url(locator: str | None) -> str | None:
    """The locator when it is a Discord jump link, else None."""
    return locator if locator and JUMP_URL.match(locator) else None


def message_url(guild_id: int, channel_id: int, message_id: int) -> str:
    return f"https://discord.com/channels/{guild_id}/{channel_id}/{message_id}"


def jump_citation(text: str, who: str | None, source: SourceInfo, jump: str) -> Citation:
    """A citation of a chat message: the plain line ends with the jump link and the Markdown one opens it.
    A text fragment (``quote_link``) means nothing to Discord, so the link is the message's own."""
    bare = cite(text, who, replace(source, url=None))
    inner = bare.plain.replace("[", "(").replace("]", ")")
    return Citation(f"{bare.plain}, {jump}", f"[{inner}]({jump})")
