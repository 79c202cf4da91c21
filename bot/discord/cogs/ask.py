"""Asking: ``/ask``, ``/sources``, ``/about``, mentions, direct messages and answer threads."""

from __future__ import annotations

import asyncio
import logging
import re
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from quoth.errors import CorpusError, QuothError

from ..answers import CONTENT_MAX, DESCRIPTION_MAX, NO_PINGS, clip, escape
from ..service import NOTHING_YET
from ..tenants import Tenant, tenant_or_reply
from ..translator import _, message_locale, use_locale

if TYPE_CHECKING:
    from ..app import QuothBot

log = logging.getLogger("quoth.bot")

HELP = ("Ask me a question and I will quote the passages that answer it, word for word, with who said them "
        "and where. Mention me with your question, send me a direct message, or use `/ask`.")
ABOUT = ("Nothing is generated: every answer is an exact quote from the {documents} indexed documents ({passages} "
         "passages), attributed to the person who said it — a commenter is never shown as the page's author. When "
         "nothing fits, I say so.\n\nButtons under an answer: **More results**, **Context** (the passages around a "
         "quote) and 👍/👎.")


class Ask(commands.Cog):
    def __init__(self, bot: QuothBot) -> None:
        self.bot = bot
        self.asker = bot.asker  # for cooldowns and the journal, shared; answers come from bot.asker_for(tenant)
        # (tenant key, generation) -> choices: generation names repeat from one server's index to another's.
        self._choices_cache: dict[tuple[str, str], tuple[list[tuple[str, str]], list[str]]] = {}

    # --- slash commands -----------------------------------------------------------------------------
    @app_commands.command(name="ask", description="Quote the passages that best answer a question")
    @app_commands.describe(
        question="What you want to know",
        k="How many quotes (1–10; default from the config)",
        source="Only quote this document",
        speaker="Only quote this person",
        private="Show the answer to you alone",
    )
    @app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)
    @app_commands.allowed_installs(guilds=True, users=True)
    async def ask(self, interaction: discord.Interaction, question: str,
                  k: app_commands.Range[int, 1, 10] | None = None, source: str | None = None,
                  speaker: str | None = None, private: bool = False) -> None:
        refusal = self.asker.refusal(question, interaction.user.id)
        if refusal:
            await interaction.response.send_message(refusal, ephemeral=True)
            return
        tenant = await tenant_or_reply(self.bot.tenants, interaction)
        if tenant is None:
            return
        # Searching takes longer than Discord's 3-second window can be trusted with: acknowledge first.
        await interaction.response.defer(ephemeral=private, thinking=True)
        reply = await self.bot.asker_for(tenant).answer(question, k or self.bot.cfg.search.k, interaction.user.id,
                                        interaction.guild_id, interaction.channel_id, source, speaker)
        if reply.mistake and not private:
            # A mistake is the asker's business: the public "thinking…" goes, the message comes privately.
            await interaction.delete_original_response()
            await interaction.followup.send(ephemeral=True, **reply.kwargs())
            return
        await interaction.edit_original_response(**reply.kwargs())

    async def _choices(self, tenant: Tenant | None
                       ) -> tuple[list[tuple[str, str]], list[tuple[str, tuple[str, ...]]]]:
        """(title, path) of each document and (name, aliases) of the speakers by number of passages of the
        tenant's corpus, cached per generation; nothing where no corpus serves or nothing is indexed yet."""
        if tenant is None:
            return [], []
        try:
            idx = await asyncio.to_thread(tenant.quoth.current)
        except QuothError:  # nothing indexed yet, or the index is away: no choices, the question says why
            return [], []
        key = (tenant.key, idx.generation)
        cached = self._choices_cache.get(key)
        if cached is None:
            docs = [(d.source.title or d.source.path, d.source.path) for d in await asyncio.to_thread(idx.documents)]
            directory = await asyncio.to_thread(idx.directory)
            speakers = [(p.name, p.aliases) for p in directory.people()]
            cached = self._choices_cache[key] = (docs, speakers)
        return cached

    @ask.autocomplete("source")
    async def source_autocomplete(self, interaction: discord.Interaction, current: str):
        docs, _ = await self._choices(self.bot.tenants.for_interaction(interaction))
        cur = current.lower()
        out = []
        for title, path in docs:
            if cur in title.lower() or cur in path.lower():
                value = path if len(path) <= 100 else title[:100]
                out.append(app_commands.Choice(name=clip(title, 100), value=value))
            if len(out) == 25:
                break
        return out

    @ask.autocomplete("speaker")
    async def speaker_autocomplete(self, interaction: discord.Interaction, current: str):
        tenant = self.bot.tenants.for_interaction(interaction)
        _, speakers = await self._choices(tenant)
        if not speakers:
            return []
        idx = await asyncio.to_thread(tenant.quoth.current)
        named = idx.directory().resolve(current) if current.strip() else set()
        cur = current.lower()
        # Any of a person's names finds them ("Holt", "HOLT", "Lester Holt"); the choice is the person's name.
        return [app_commands.Choice(name=clip(name, 100), value=name[:100]) for name, aliases in speakers
                if name in named or any(cur in a.lower() for a in aliases)][:25]

    @app_commands.command(name="sources", description="List the documents Quoth quotes from")
    @app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)
    async def sources(self, interaction: discord.Interaction) -> None:
        tenant = await tenant_or_reply(self.bot.tenants, interaction)
        if tenant is None:
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            docs = await asyncio.to_thread(tenant.quoth.sources)
        except CorpusError:
            await interaction.edit_original_response(content=_(NOTHING_YET))
            return
        lines = []
        for d in docs:
            src = d.source
            title = escape(src.title or src.path)
            if src.url and src.url.startswith(("http://", "https://")):
                title = f"[{title}]({src.url})"
            extra = " · ".join(escape(x) for x in (src.site, src.date) if x)
            lines.append(f"• {title}{' — ' + extra if extra else ''} ({d.passages} passages)")
        text, shown = "", 0
        for line in lines:
            if len(text) + len(line) + 40 > DESCRIPTION_MAX:
                break
            text += line + "\n"
            shown += 1
        if shown < len(lines):
            text += _("…and {count} more.", count=len(lines) - shown)
        embed = discord.Embed(title=_("{documents} documents, {passages} passages", documents=len(docs),
                                      passages=sum(d.passages for d in docs)),
                              description=text or _("The index is empty."))
        await interaction.edit_original_response(embed=embed, allowed_mentions=NO_PINGS)

    @app_commands.command(name="about", description="What Quoth is and how it answers")
    @app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)
    async def about(self, interaction: discord.Interaction) -> None:
        tenant = await tenant_or_reply(self.bot.tenants, interaction)
        if tenant is None:
            return
        try:
            meta = (await asyncio.to_thread(tenant.quoth.current)).meta
            documents, passages = meta.documents, meta.passages
        except CorpusError:
            documents = passages = 0
        desc = _(HELP) + "\n\n" + _(ABOUT, documents=documents, passages=passages)
        await interaction.response.send_message(embed=discord.Embed(title=_("About Quoth"), description=desc),
                                                ephemeral=True)

    # --- mentions, DMs and answer threads -------------------------------------------------------------
    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        me = self.bot.user
        if message.author.bot or me is None:
            return
        in_dm = message.guild is None
        mentioned = any(u.id == me.id for u in message.mentions)
        in_thread = (isinstance(message.channel, discord.Thread)
                     and await asyncio.to_thread(self.asker.journal.is_answer_thread, message.channel.id))
        if not (in_dm or mentioned or in_thread) or not self._allowed(message.channel):
            return
        use_locale(message_locale(message))
        guild_id = message.guild.id if message.guild else None
        tenant = self.bot.tenants.for_guild(guild_id)
        if tenant is None:
            await message.reply(_(self.bot.tenants.not_served(guild_id)), mention_author=False,
                                allowed_mentions=NO_PINGS)
            return
        question = re.sub(rf"<@!?{me.id}>", " ", message.content)
        question = " ".join(question.split())
        if not question:
            await message.reply(_(HELP), mention_author=False, allowed_mentions=NO_PINGS)
            return
        refusal = self.asker.refusal(question, message.author.id)
        if refusal:
            await message.reply(refusal, mention_author=False, allowed_mentions=NO_PINGS)
            return
        async with message.channel.typing():
            reply = await self.bot.asker_for(tenant).answer(question, self.bot.cfg.search.k, message.author.id,
                                                            guild_id, message.channel.id)
        reply.content = clip(reply.content, CONTENT_MAX)
        if self.bot.cfg.bot.answer_in_thread and message.guild is not None and not in_thread \
                and isinstance(message.channel, discord.TextChannel):
            thread = await message.create_thread(name=clip(question, 90), auto_archive_duration=1440)
            await asyncio.to_thread(self.asker.journal.add_thread, thread.id)
            await thread.send(**reply.kwargs())
        else:
            await message.reply(mention_author=False, **reply.kwargs())


    def _allowed(self, channel) -> bool:
        """Whether mentions are answered in ``channel`` (``bot.channel_ids``; a thread goes by its parent)."""
        allowed = self.bot.cfg.bot.channel_ids
        if not allowed or isinstance(channel, discord.DMChannel | discord.GroupChannel):
            return True
        return channel.id in allowed or getattr(channel, "parent_id", None) in allowed


async def setup(bot: QuothBot) -> None:
    await bot.add_cog(Ask(bot))
