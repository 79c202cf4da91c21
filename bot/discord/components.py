"""The buttons under an answer. They are dynamic items: their state lives in the ``custom_id`` (a
question id and a number, far under Discord's 100 characters) plus the journal, so they keep working
after the bot restarts. Each asks the bot's ``AskService`` (``client.asker``), found by type, never by cog name.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import discord

from .tenants import served_guild
from .translator import Localised, _

if TYPE_CHECKING:
    from .service import AskService


async def asker(interaction: discord.Interaction, qid: int) -> AskService | None:
    """The ask service of the server the click came from, once answer ``qid`` is known to have been given there;
    None once a private one-line reply has said why not (given elsewhere — a custom id replayed from another
    server or DM reveals nothing of it — or no corpus serves here)."""
    from .app import QuothBot
    from .service import ELSEWHERE

    client = interaction.client
    assert isinstance(client, QuothBot), "Quoth's buttons run only in a QuothBot"
    if await client.asker.asked_elsewhere(qid, interaction.guild_id, interaction.channel_id):
        await interaction.response.send_message(_(ELSEWHERE), ephemeral=True)
        return None
    tenant = client.tenants.for_interaction(interaction)
    if tenant is None:
        await interaction.response.send_message(_(client.tenants.not_served(served_guild(interaction))),
                                                ephemeral=True)
        return None
    return client.asker_for(tenant)


class MoreButton(Localised, discord.ui.DynamicItem[discord.ui.Button],
                 template=r"quoth:more:(?P<qid>\d+):(?P<offset>\d+)"):
    def __init__(self, qid: int, offset: int) -> None:
        self.qid, self.offset = qid, offset
        super().__init__(discord.ui.Button(label=_("More results"), style=discord.ButtonStyle.primary,
                                           custom_id=f"quoth:more:{qid}:{offset}", row=0))

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str]):
        return cls(int(match["qid"]), int(match["offset"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        service = await asker(interaction, self.qid)
        if service is None:
            return
        ephemeral = bool(interaction.message and interaction.message.flags.ephemeral)
        await interaction.response.defer(ephemeral=ephemeral, thinking=True)
        reply = await service.more(self.qid, self.offset)
        await interaction.edit_original_response(**reply.kwargs())


QUOTE_BUTTON = r"quoth:(?P<kind>ctx|cite):(?P<qid>\d+):(?P<n>\d+)"
QUOTE_BUTTONS = {"ctx": ("Context", 1), "cite": ("Cite", 3)}  # label and first row


class QuoteButton(Localised, discord.ui.DynamicItem[discord.ui.Button], template=QUOTE_BUTTON):
    """A button about quote ``n`` of an answer, answered privately: its context, or a citation to paste."""

    def __init__(self, kind: str, qid: int, n: int) -> None:
        self.kind, self.qid, self.n = kind, qid, n
        label, row = QUOTE_BUTTONS[kind]
        super().__init__(discord.ui.Button(label=f"{_(label)} #{n + 1}", style=discord.ButtonStyle.secondary,
                                           custom_id=f"quoth:{kind}:{qid}:{n}", row=row + n % 10 // 5))

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str]):
        return cls(match["kind"], int(match["qid"]), int(match["n"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        service = await asker(interaction, self.qid)
        if service is None:
            return
        if self.kind == "cite":
            reply = await service.cite(self.qid, self.n)
            await interaction.response.send_message(ephemeral=True, **reply.kwargs())
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        reply = await service.context(self.qid, self.n)
        await interaction.edit_original_response(**reply.kwargs())


class VoteButton(Localised, discord.ui.DynamicItem[discord.ui.Button],
                 template=r"quoth:vote:(?P<qid>\d+):(?P<vote>up|down)"):
    def __init__(self, qid: int, vote: str) -> None:
        self.qid, self.vote = qid, vote
        super().__init__(discord.ui.Button(emoji="👍" if vote == "up" else "👎", style=discord.ButtonStyle.secondary,
                                           custom_id=f"quoth:vote:{qid}:{vote}", row=0))

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str]):
        return cls(int(match["qid"]), match["vote"])

    async def callback(self, interaction: discord.Interaction) -> None:
        service = await asker(interaction, self.qid)
        if service is None:
            return
        ok = await service.vote(self.qid, interaction.user.id, self.vote == "up")
        text = _("Thanks, noted.") if ok else _("That answer is too old to rate.")
        await interaction.response.send_message(text, ephemeral=True)


def answer_view(qid: int, offset: int, shown: int, more: bool) -> discord.ui.View:
    """Buttons for an answer whose quotes are numbered offset…offset+shown-1 (none when nothing was shown)."""
    view = discord.ui.View(timeout=None)
    if shown:
        view.add_item(VoteButton(qid, "up"))
        view.add_item(VoteButton(qid, "down"))
    if more:
        view.add_item(MoreButton(qid, offset + shown))
    for kind in ("ctx", "cite"):
        for i in range(min(shown, 10)):
            view.add_item(QuoteButton(kind, qid, offset + i))
    return view


DYNAMIC_ITEMS = (MoreButton, QuoteButton, VoteButton)
