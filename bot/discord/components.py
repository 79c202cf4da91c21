"""The buttons under an answer. They are dynamic items: their state lives in the ``custom_id`` (a
question id and a number, far under Discord's 100 characters) plus the journal, so they keep working
after the bot restarts.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

import discord

from .answers import NO_PINGS, context_text

if TYPE_CHECKING:
    from .discord_app import QuothBot

log = logging.getLogger("quoth.bot")


def _ask_cog(interaction: discord.Interaction):
    return interaction.client.get_cog("Ask")  # type: ignore[union-attr]


class MoreButton(discord.ui.DynamicItem[discord.ui.Button], template=r"quoth:more:(?P<qid>\d+):(?P<offset>\d+)"):
    def __init__(self, qid: int, offset: int) -> None:
        self.qid, self.offset = qid, offset
        super().__init__(discord.ui.Button(label="More results", style=discord.ButtonStyle.primary,
                                           custom_id=f"quoth:more:{qid}:{offset}", row=0))

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str]):
        return cls(int(match["qid"]), int(match["offset"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        await _ask_cog(interaction).more_results(interaction, self.qid, self.offset)


class ContextButton(discord.ui.DynamicItem[discord.ui.Button], template=r"quoth:ctx:(?P<qid>\d+):(?P<n>\d+)"):
    def __init__(self, qid: int, n: int) -> None:
        self.qid, self.n = qid, n
        super().__init__(discord.ui.Button(label=f"Context #{n + 1}", style=discord.ButtonStyle.secondary,
                                           custom_id=f"quoth:ctx:{qid}:{n}", row=1 + n % 10 // 5))

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str]):
        return cls(int(match["qid"]), int(match["n"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        bot: QuothBot = interaction.client  # type: ignore[assignment]
        await interaction.response.defer(ephemeral=True, thinking=True)
        asked = bot.journal.get(self.qid)
        if asked is None or self.n >= len(asked.hits):
            await interaction.edit_original_response(content="That answer is too old to show its context.")
            return
        hit = asked.hits[self.n]
        rows, focus = await bot.loop.run_in_executor(None, _context_rows, bot, hit)
        if not rows:
            await interaction.edit_original_response(
                content="That document has changed or left the index since this answer; ask again for fresh quotes.")
            return
        src = rows[0][1]
        embed = discord.Embed(title=src.title[:256], description=context_text(rows, focus))
        if src.url and src.url.startswith(("http://", "https://")):
            embed.url = src.url
        await interaction.edit_original_response(embed=embed, allowed_mentions=NO_PINGS)


def _context_rows(bot: QuothBot, hit: dict):
    idx = bot.runtime.live.current()
    pid = idx.store.passage_at(hit["path"], hit["start"], hit["end"])
    if pid is None:
        return [], None
    return idx.store.neighbours(pid, before=1, after=1), pid


class VoteButton(discord.ui.DynamicItem[discord.ui.Button], template=r"quoth:vote:(?P<qid>\d+):(?P<vote>up|down)"):
    def __init__(self, qid: int, vote: str) -> None:
        self.qid, self.vote = qid, vote
        super().__init__(discord.ui.Button(emoji="👍" if vote == "up" else "👎", style=discord.ButtonStyle.secondary,
                                           custom_id=f"quoth:vote:{qid}:{vote}", row=0))

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str]):
        return cls(int(match["qid"]), match["vote"])

    async def callback(self, interaction: discord.Interaction) -> None:
        bot: QuothBot = interaction.client  # type: ignore[assignment]
        ok = bot.journal.vote(self.qid, interaction.user.id, 1 if self.vote == "up" else -1)
        text = "Thanks, noted." if ok else "That answer is too old to rate."
        await interaction.response.send_message(text, ephemeral=True)


def answer_view(qid: int, offset: int, shown: int, more: bool) -> discord.ui.View:
    """Buttons for an answer whose quotes are numbered offset…offset+shown-1 (none when nothing was shown)."""
    view = discord.ui.View(timeout=None)
    if shown:
        view.add_item(VoteButton(qid, "up"))
        view.add_item(VoteButton(qid, "down"))
    if more:
        view.add_item(MoreButton(qid, offset + shown))
    for i in range(min(shown, 10)):
        view.add_item(ContextButton(qid, offset + i))
    return view


DYNAMIC_ITEMS = (MoreButton, ContextButton, VoteButton)
