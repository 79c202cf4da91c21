"""Checked quotes as Discord embeds: the verdict, the source span with what differs, whose words they are."""

from __future__ import annotations

import discord

from quoth.cite import quote_link
from quoth.verify import Kind, Verdict

from .answers import DESCRIPTION_MAX, EMBEDS_MAX, TITLE_MAX, clip, escape, source_footer
from .translator import _

TITLES = {Kind.EXACT: "✅ Real quote", Kind.CLOSE: "≈ Close to a real quote", Kind.ALTERED: "⚠️ Altered quote",
          Kind.PARAPHRASE: "💬 A paraphrase", Kind.NOT_FOUND: "❌ Not found"}
COLOURS = {Kind.EXACT: 0x2ECC71, Kind.CLOSE: 0xF1C40F, Kind.ALTERED: 0xE67E22, Kind.PARAPHRASE: 0x3498DB,
           Kind.NOT_FOUND: 0x95A5A6}
NO_QUOTES = ("Give me at least a few words to look for: a quote on its own, or a message with the quote in "
             "quotation marks.")


def verdict_embed(v: Verdict) -> discord.Embed:
    title = TITLES[v.verdict] + (" — misattributed" if v.misattributed else "")
    lines = [escape(v.explain(unsure=False))]
    if v.cannot_tell:  # said plainly, in the reader's language: not an accusation, not a confirmation
        lines.append("**" + escape(_("Can't tell who said it: the source does not say surely whose words these "
                                     "are.")) + "**")
    if v.closest:
        lines.append("**" + escape(_("Closest wording — not a match:")) + "**")
    if v.quote is not None:
        lines.append("> " + escape(clip(" ".join(v.quote.split()), 1500)))
    for e in v.edits[:8]:
        if e.op == "changed":
            lines.append(f"• ~~{escape(e.claim)}~~ → **{escape(e.source)}**")
        elif e.op == "added":
            lines.append(f"• ~~{escape(e.claim)}~~ (not in the source)")
        else:
            lines.append(f"• **{escape(e.source)}** (left out)")
    if v.note:
        lines.append(f"*{escape(v.note)}*")
    embed = discord.Embed(title=clip(title, TITLE_MAX), description=clip("\n".join(lines), DESCRIPTION_MAX - 100),
                          colour=COLOURS[v.verdict])
    embed.set_author(name=clip(f"Claim: {v.claim}", 256))
    if v.source is not None:
        where = source_footer(v.source) or v.source.path
        embed.set_footer(text=clip(f"{v.source.title or v.source.path} · {where} · chars {v.start}–{v.end}", 2048))
        if v.source.url and v.source.url.startswith(("http://", "https://")):
            embed.url = quote_link(v.source.url, v.quote or "")
    return embed


def verdict_embeds(verdicts: list[Verdict]) -> list[discord.Embed]:
    return [verdict_embed(v) for v in verdicts[:EMBEDS_MAX]]
