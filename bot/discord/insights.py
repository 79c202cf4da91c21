"""``/insights``: what a community asked lately, for its admins — counts, the questions nothing answered, the
answers people voted down. Built from the journal, which keeps questions for ``bot.journal_days`` and daily
counts for ever."""

from __future__ import annotations

import time

import discord

from .journal import ANYWHERE, Journal

DAY = 86400
TOP = 5  # questions and answers listed per kind


def _day(ts: float) -> str:
    return time.strftime("%Y-%m-%d", time.gmtime(ts))


def _counts_line(c: dict[str, int]) -> str:
    return (f"{c['questions']} questions · {c['answered']} answered · {c['abstained']} found nothing · "
            f"👍 {c['up']} · 👎 {c['down']}")


def _quoted(text: str, limit: int = 90) -> str:
    text = discord.utils.escape_markdown(" ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def insights_embed(journal: Journal, now: float | None = None, guild_id: int | None = ANYWHERE) -> discord.Embed:
    """The insights of one server's questions (None: DMs'; ANYWHERE: all, for tools that are not a server's)."""
    now = time.time() if now is None else now
    embed = discord.Embed(title="Quoth insights")
    for days in (7, 30):
        counts = journal.counts(_day(now - days * DAY), guild_id)
        embed.add_field(name=f"Last {days} days", value=_counts_line(counts), inline=False)
    unanswered = journal.unanswered(now - 30 * DAY, limit=TOP, guild_id=guild_id)
    embed.add_field(name="Found nothing for (30 days)", inline=False, value="\n".join(
        f"{r['asked']} × {_quoted(r['question'])}" for r in unanswered) or "Nothing: every question got quotes.")
    downvoted = journal.downvoted(now - 30 * DAY, limit=TOP, guild_id=guild_id)
    embed.add_field(name="Voted down (30 days)", inline=False, value="\n".join(
        f"👎 {r['down']} 👍 {r['up']} · {_quoted(r['question'])}" for r in downvoted) or "No answer was voted down.")
    # Listing them all is done on the machine the bot runs on: members and server admins may have no shell there.
    embed.set_footer(text="Whoever runs the bot can list them all there, and export them as test questions.")
    return embed
