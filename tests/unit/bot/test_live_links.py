"""Live passages link to their message: the embed opens it, the citation names it."""

import datetime as dt

import discord

from quoth.bot.discord.answers import answer
from quoth.bot.discord.cogs.channels import status
from quoth.bot.discord.live.history import Progress
from quoth.bot.discord.live.links import jump_citation, jump_url
from quoth.channels import LiveChannel
from quoth.records import Hit, Kind, Passage, Role, SourceInfo

JUMP = "https://discord.com/channels/11/22/33"


def live_hit(locator):
    text = "Sam: we move the meetup to Fridays from next week."
    source = SourceInfo("discord/general-22/2026-01-01", "#general — 2026-01-01", kind=Kind.CHAT,
                        url="https://discord.com/channels/11/22")
    return Hit(Passage(source.path, 0, len(text), text, "Sam", Role.POST, text, id=1, locator=locator), source, 1.0)


def test_only_discord_message_links_count_as_jump_links():
    assert jump_url(JUMP) == JUMP
    for other in (None, "p. 12", "01:02:03", "https://discord.com/channels/11/22",
                  "https://evil.example/channels/11/22/33", JUMP + "?x=1"):
        assert jump_url(other) is None, other


def test_an_answer_opens_the_message_and_a_document_keeps_its_page_link():
    live = answer("meetup?", [live_hit(JUMP)]).embeds[0]
    assert live.url == JUMP
    page = answer("meetup?", [live_hit("p. 3")]).embeds[0]
    assert page.url.startswith("https://discord.com/channels/11/22#:~:text=")


def test_a_citation_links_to_the_message_itself():
    h = live_hit(JUMP)
    c = jump_citation(h.passage.text, h.passage.label, h.source, JUMP)
    assert c.plain.endswith(", " + JUMP) and "“Sam: we move the meetup" in c.plain
    assert c.markdown.endswith(f"]({JUMP})") and c.markdown.startswith("[“Sam: we move")
    assert "#:~:" not in c.markdown


def test_list_says_how_far_the_history_is_read():
    before = discord.utils.time_snowflake(dt.datetime(2025, 3, 4, 12, tzinfo=dt.UTC))
    chan = LiveChannel(22, 11, "general", True, 250, before, False, 0.0)
    reading = Progress("backfilling", pages=2, read=200)
    assert status(chan, reading) == "history read back to 2025-03-04 (reading: 200 messages in 2 pages so far)"
    assert "next start" in status(chan, None)
    done = LiveChannel(22, 11, "general", True, 250, before, True, 0.0)
    assert status(done, Progress("live")) == "history read to the start; live"
    failed = Progress("failed", problem="no permission")
    assert status(done, failed) == "history stopped: no permission"
    assert status(LiveChannel(22, 11, "general", True, 0, None, False, 0.0), None) == "history not read yet"
