"""Hits → Discord embeds, within every Discord limit, with quotes that cannot reformat the reply.

Each quote is escaped (markdown, masked links, @everyone/@here) before Quoth adds its own formatting:
a block quote with the best-matching sentence in bold. A quote too long for its share of the message is
shortened around that sentence with "…"; nothing is dropped silently (the footer says when it was).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import discord

from quoth.cite import quote_link
from quoth.records import Hit, Passage, Role, SourceInfo

from .live.links import jump_url
from .translator import _

CONTENT_MAX = 2000
DESCRIPTION_MAX = 4096
EMBED_TOTAL_MAX = 6000
EMBEDS_MAX = 10
TITLE_MAX = 256
AUTHOR_MAX = 256
FOOTER_MAX = 2048
ELLIPSIS = "…"
NO_PINGS = discord.AllowedMentions.none()
ROLE_COLOURS = {Role.POST: 0x1D9BF0, Role.COMMENT: 0x99AAB5, Role.REPLY: 0x99AAB5, Role.QUOTE: 0xE67E22}
DEFAULT_COLOUR = 0x5865F2

NOTHING_FOUND = "Nothing relevant found."
REPHRASE_HINT = ("Try rephrasing with words the documents themselves would use, name the person you mean, "
                 "or see `/sources` for what is indexed.")


def escape(text: str) -> str:
    """Neutralise markdown, masked links and mass mentions; the characters shown stay the same."""
    text = discord.utils.escape_markdown(text)
    text = re.sub(r"(?<!\\)([\[\]])", r"\\\1", text)  # any bracket could start a masked link
    return discord.utils.escape_mentions(text)


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(0, limit - 1)].rstrip() + ELLIPSIS


def source_footer(src: SourceInfo) -> str:
    return " · ".join(x for x in (src.site, src.date, src.path) if x)


def window(text: str, best: tuple[int, int] | None, limit: int) -> tuple[str, tuple[int, int] | None, bool]:
    """At most ``limit`` characters of ``text`` around the best sentence, cut at spaces, with "…" marks."""
    if len(text) <= limit:
        return text, best, False
    a, b = best or (0, min(len(text), limit))
    room = limit - 2  # for the two ellipses
    if b - a >= room:  # the sentence alone is too long: keep its start
        b = a + room
    extra = room - (b - a)
    start = max(0, a - extra // 2)
    end = min(len(text), start + room)
    start = max(0, end - room)
    if start > 0:
        sp = text.find(" ", start, a if a > start else start + 1)
        start = sp + 1 if sp != -1 else start
    if end < len(text):
        sp = text.rfind(" ", b, end)
        end = sp if sp != -1 else end
    piece = (ELLIPSIS if start > 0 else "") + text[start:end] + (ELLIPSIS if end < len(text) else "")
    offset = 1 if start > 0 else 0
    nb = (max(a, start) - start + offset, min(b, end) - start + offset) if best else None
    return piece, nb, True


def quote_markdown(text: str, best: tuple[int, int] | None) -> str:
    """Escaped block quote with the best sentence in bold."""
    if best and best[1] > best[0]:
        a, b = best
        body = escape(text[:a]) + "**" + escape(text[a:b]) + "**" + escape(text[b:])
    else:
        body = escape(text)
    lines = [ln.strip() for ln in body.split("\n")]
    return "\n".join("> " + ln for ln in lines if ln)


@dataclass(frozen=True)
class Answer:
    content: str
    embeds: list[discord.Embed]


def hit_embed(hit: Hit, number: int, budget: int) -> discord.Embed:
    p, src = hit.passage, hit.source
    title = clip(src.title or src.path, TITLE_MAX)
    author = clip(f"{number}. {p.label}", AUTHOR_MAX)
    footer = " · ".join(x for x in (source_footer(src), p.locator) if x)
    room = min(DESCRIPTION_MAX, budget - len(title) - len(author) - len(footer) - 40)
    text, best = p.text, hit.best_sentence
    shortened = False
    limit = len(text)
    # Escaping and quoting add characters; shrink the raw window until the rendered quote fits.
    while True:
        piece, nb, cut = window(text, best, limit)
        desc = quote_markdown(piece, nb)
        if len(desc) <= room or limit <= 40:
            shortened = shortened or cut
            break
        limit = max(40, int(limit * room / len(desc)) - 5)
        shortened = True
    if len(desc) > room:
        desc = clip(desc, room)
    if shortened:
        said = _("quote shortened (chars {start}–{end})", start=p.start, end=p.end)
        footer = f"{footer} · {said}" if footer else said
    embed = discord.Embed(title=title, description=desc, colour=ROLE_COLOURS.get(p.role, DEFAULT_COLOUR))
    if jump_url(p.locator):  # a chat message: its jump link opens it in Discord
        embed.url = p.locator
    elif src.url and src.url.startswith(("http://", "https://")):
        embed.url = quote_link(src.url, text[best[0]:best[1]] if best else text)
    embed.set_author(name=author)
    embed.set_footer(text=clip(footer, FOOTER_MAX))
    return embed


def answer(question: str, hits: list[Hit], first_number: int = 1) -> Answer:
    """The reply to a question: a short header and one embed per quote, all within Discord's limits."""
    head = f"**{escape(clip(' '.join(question.split()), 200))}**"
    if not hits:
        embed = discord.Embed(title=_(NOTHING_FOUND), description=_(REPHRASE_HINT), colour=DEFAULT_COLOUR)
        return Answer(clip(head, CONTENT_MAX), [embed])
    hits = hits[:EMBEDS_MAX]
    budget = EMBED_TOTAL_MAX // len(hits)
    embeds = [hit_embed(h, first_number + i, budget) for i, h in enumerate(hits)]
    assert sum(len(e) for e in embeds) <= EMBED_TOTAL_MAX
    return Answer(clip(head, CONTENT_MAX), embeds)


def context_text(rows: list[tuple[Passage, SourceInfo]], focus_id: int | None) -> str:
    """The passages around a quote, for 'Show context': the quote itself in bold."""
    parts = []
    for p, _src in rows:
        label = escape(p.label)
        body = quote_markdown(p.text, (0, len(p.text)) if p.id == focus_id else None)
        parts.append(f"**{label}**\n{body}")
    text = "\n\n".join(parts)
    return clip(text, DESCRIPTION_MAX)
