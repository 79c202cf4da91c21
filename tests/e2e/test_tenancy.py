"""One bot, many servers: three servers with three corpora, a live-only server, an unlisted one and DMs, against the
fake Discord with the real bot and model. Every entry point answers from its own server's corpus alone: no word,
source, speaker or count of another server appears in anything the bot sent for it.

One bot start serves every test of the module (its loop runs in a thread of its own): starting the bot and
building five indexes once keeps this file quick.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

from quoth import Quoth
from quoth.bot.config import AppConfig
from quoth.bot.discord.app import QuothBot
from quoth.bot.discord.service import ELSEWHERE, NOTHING_YET
from quoth.bot.discord.tenants import NOT_SERVED_GUILD
from tests.helpers import write_corpus

from .fake_discord import BOT_ID, BOT_USER, DM_CHANNEL_ID, GUILD_ID, TIMESTAMP, FakeDiscord, custom_ids, user
from .test_bot import ErrorLogs, callback_of, edited

ALICE = user(800000000000000011, "alice")
BOB = user(800000000000000012, "bob")

GA, GB, GC = GUILD_ID, 920000000000001000, 920000000000002000
G_LIVE = 920000000000003000  # listed, no corpus folder: its live channels only, none indexed yet
G_UNLISTED = 920000000000004000  # not listed, with bot.unlisted_guilds = "none"
QUESTION = "Why was the annual meeting moved to Friday?"


@dataclass(frozen=True)
class Community:
    folder: str
    speaker: str
    docs: dict[str, str]
    words: tuple[str, ...]  # found in its corpus and in no other

    def markers(self) -> set[str]:
        """What must never reach another server: its words, its speaker's names, its folder and file names."""
        stems = {name.rsplit(".", 1)[0] for name in self.docs}
        return {*self.words, *self.speaker.lower().split(), self.folder, *stems}


def _doc(title: str, speaker: str, *paragraphs: str) -> str:
    return f"{title}\n\nby {speaker}\n\n" + "\n\n".join(paragraphs) + "\n"


LIGHTHOUSE = Community("corpus-lighthouse", "Marguerite Ollivander", {
    "lighthouse-log.txt": _doc(
        "Lighthouse log", "Marguerite Ollivander",
        "The annual meeting of the keepers was moved to Friday because the foghorn needed repairs before the "
        "storm season arrived on the headland.",
        "The brass lantern was polished every evening and the keepers logged each passing trawler in the "
        "lighthouse ledger by candlelight."),
}, ("lighthouse", "foghorn", "lantern", "trawler"))
APIARY = Community("corpus-apiary", "Thaddeus Quimby", {
    "apiary-notes.txt": _doc(
        "Apiary notes", "Thaddeus Quimby",
        "The annual meeting of the beekeepers was moved to Friday because the honeybees swarmed from the hive "
        "behind the orchard on Tuesday.",
        "The smoker calms the honeybees before the frames are lifted and the queen is found on the brood comb."),
    "apiary-harvest.txt": _doc(
        "Honey harvest", "Thaddeus Quimby",
        "The heather honey was extracted in September and poured into jars labelled with the name of each hive "
        "and the apiary it came from."),
}, ("apiary", "honeybees", "beekeepers", "heather"))
VOLCANO = Community("corpus-volcano", "Perpetua Vantongeren", {
    "volcano-survey.txt": _doc(
        "Volcano survey", "Perpetua Vantongeren",
        "The annual meeting of the volcanologists was moved to Friday because magma rose beneath the caldera "
        "and the seismometers rang all night long."),
    "volcano-basalt.txt": _doc(
        "Basalt columns", "Perpetua Vantongeren",
        "Basalt columns along the caldera rim cooled slowly from the old lava flow and cracked into tall "
        "hexagons that visitors photograph."),
    "volcano-ash.txt": _doc(
        "Ash fall", "Perpetua Vantongeren",
        "Fine volcanic ash drifted over the valley for a week and the farmers covered their cisterns with "
        "tarpaulins against the grey dust."),
}, ("volcano", "magma", "caldera", "basalt"))
CHESS = Community("corpus-chess", "Isidore Blackwood", {  # the default corpus: DMs
    "chess-club.txt": _doc(
        "Chess club", "Isidore Blackwood",
        "The annual meeting of the chess club was moved to Friday because the gambit tournament overran and "
        "two rooks were lost under the radiator."),
}, ("chess", "gambit", "rooks", "radiator"))
SERVERS = {GA: LIGHTHOUSE, GB: APIARY, GC: VOLCANO}
EVERYONE = {**SERVERS, None: CHESS}


def leaks(text: str, own: Community) -> set[str]:
    """Markers of any other corpus found in ``text``."""
    low = text.lower()
    return {m for other in EVERYONE.values() if other is not own for m in other.markers() if m.lower() in low}


def config(root: Path) -> AppConfig:
    guilds = {}
    for gid, community in SERVERS.items():
        write_corpus(root / community.folder, community.docs)
        guilds[str(gid)] = {"name": community.folder, "corpus": str(root / community.folder)}
    guilds[str(GA)]["daily_channel_id"] = FakeDiscord.channel_of(GA)
    guilds[str(GB)]["daily_channel_id"] = FakeDiscord.channel_of(GA)  # a mistake: another server's channel
    guilds[str(G_LIVE)] = {"name": "live only"}
    write_corpus(root / CHESS.folder, CHESS.docs)
    return AppConfig.from_dict({
        "corpus": {"path": str(root / CHESS.folder)}, "data": {"dir": str(root / "data")},
        "segment": {"chrome_min_docs": 0},  # the volcano's three bylines are one person's, not site chrome
        "bot": {"cooldown_questions": 500, "unlisted_guilds": "none", "dm_corpus": "default"},
        "guilds": guilds,
    })


class Served:
    """The bot and the fake Discord, running on a loop in a thread of their own; ``call`` runs a coroutine there."""

    def __init__(self, default: Quoth) -> None:
        self.default = default
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="tenancy bot loop", daemon=True)
        self.errors = ErrorLogs()

    def call(self, coro, timeout: float = 120):
        return asyncio.run_coroutine_threadsafe(asyncio.wait_for(coro, timeout), self.loop).result(timeout + 5)

    async def _start(self) -> None:
        self.fake = FakeDiscord(guild_ids=[GA, GB, GC, G_LIVE, G_UNLISTED])
        await self.fake.start()
        self.saved = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
        Route.BASE = self.fake.api_base
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(self.fake.gateway_url)
        self.bot = QuothBot(self.default, self.default.settings)
        self.task = asyncio.create_task(self.bot.start("fake-token"))
        deadline = time.monotonic() + 90
        while not (self.bot.is_ready() and len(self.bot.guilds) == 5):
            if self.task.done():
                self.task.result()
            assert time.monotonic() < deadline, "bot never became ready"
            await asyncio.sleep(0.05)

    async def _stop(self) -> None:
        await self.bot.close()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.task, 10)
        await self.fake.stop()
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = self.saved

    @contextlib.contextmanager
    def running(self) -> Iterator[Served]:
        self.thread.start()
        for name in ("discord", "quoth"):
            logging.getLogger(name).addHandler(self.errors)
        try:
            self.call(self._start())
            yield self
        finally:
            with contextlib.suppress(Exception):
                self.call(self._stop())
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(10)
            for name in ("discord", "quoth"):
                logging.getLogger(name).removeHandler(self.errors)

    def sent_since(self, mark: int) -> str:
        """Everything the bot sent to Discord since request ``mark``, as one text."""
        return json.dumps([r.body for r in self.fake.requests[mark:] if r.body], ensure_ascii=False)


@pytest.fixture(scope="module")
def served(tmp_path_factory, encoder):
    root = tmp_path_factory.mktemp("tenancy")
    default = Quoth(config(root), encoder=encoder)
    default.ensure_index(show_progress=False)
    with Served(default).running() as s:
        yield s
    assert not s.errors.records, [r.getMessage() for r in s.errors.records]


async def ask(fake: FakeDiscord, question: str, guild_id: int | None, author: dict = ALICE, **options) -> dict:
    where = {"dm": True} if guild_id is None else {"guild_id": guild_id}
    token = await fake.slash("ask", {"question": question, **options}, author, **where)
    await fake.wait_for(edited(token))
    return fake.originals[token]


async def mention(fake: FakeDiscord, text: str, guild_id: int, author: dict = ALICE) -> dict:
    """A message mentioning the bot in a server's channel; the bot's reply to it."""
    mid, channel = fake.next_id(), fake.channel_of(guild_id)
    data = {"id": str(mid), "channel_id": str(channel), "guild_id": str(guild_id), "author": author,
            "member": {"roles": [], "joined_at": TIMESTAMP, "deaf": False, "mute": False, "flags": 0},
            "content": f"<@{BOT_ID}> {text}", "timestamp": TIMESTAMP, "edited_timestamp": None, "tts": False,
            "mention_everyone": False, "mentions": [BOT_USER], "mention_roles": [], "attachments": [], "embeds": [],
            "pinned": False, "type": 0, "flags": 0, "components": []}
    await fake.dispatch("MESSAGE_CREATE", data)
    reply = await fake.wait_for(lambda r: r.method == "POST" and r.path == f"/channels/{channel}/messages"
                                and str((r.body or {}).get("message_reference", {}).get("message_id")) == str(mid))
    return reply.body


async def autocomplete(fake: FakeDiscord, option: str, guild_id: int | None) -> list[dict]:
    """The choices the bot offers for /ask's ``option`` typed empty in a server (None: a DM)."""
    where = {"dm": True} if guild_id is None else {"guild_id": guild_id}
    base = fake._interaction_base(4, ALICE, **where)
    base["data"] = {"id": str(fake.next_id()), "name": "ask", "type": 1, "options": [
        {"name": "question", "type": 3, "value": "x"}, {"name": option, "type": 3, "value": "", "focused": True}]}
    if guild_id is not None:
        base["data"]["guild_id"] = str(guild_id)
    await fake.dispatch("INTERACTION_CREATE", base)
    done = await fake.wait_for(lambda r: r.method == "POST" and r.path.endswith(f"/{base['token']}/callback"))
    return done.body["data"]["choices"]


async def user_installed_ask(fake: FakeDiscord, question: str, guild_id: int) -> str:
    """/ask from the app a user installed, run in a server: only the user authorised it."""
    base = fake._interaction_base(2, ALICE, guild_id=guild_id)
    base.update({"context": 0, "authorizing_integration_owners": {"1": ALICE["id"]}})
    base["data"] = {"id": str(fake.next_id()), "name": "ask", "type": 1,
                    "options": [{"name": "question", "type": 3, "value": question}]}
    await fake.dispatch("INTERACTION_CREATE", base)
    return base["token"]


async def immediate(fake: FakeDiscord, token: str) -> dict:
    """The data of an interaction's immediate (not deferred) reply, or of its edit once deferred."""
    ack = (await fake.wait_for(callback_of(token))).body
    if ack["type"] == 5:
        return (await fake.wait_for(edited(token))).body
    return ack["data"]


@pytest.mark.parametrize("gid", list(SERVERS))
def test_questions_mentions_and_listings_stay_in_their_server(served, gid):
    """/ask, a mention, /sources, /about, /random and both autocompletes: the server's own corpus, nothing else."""
    own, fake = SERVERS[gid], served.fake

    async def scenario():
        mark = len(fake.requests)
        answer = await ask(fake, QUESTION, gid)
        assert own.words[1] in json.dumps(answer).lower()  # the server's own passage answers
        reply = await mention(fake, QUESTION, gid)
        assert own.speaker in json.dumps(reply)
        sources = await immediate(fake, await fake.slash("sources", {}, ALICE, guild_id=gid))
        assert sources["embeds"][0]["title"].startswith(f"{len(own.docs)} documents")
        about = await immediate(fake, await fake.slash("about", {}, ALICE, guild_id=gid))
        assert f"the {len(own.docs)} indexed documents" in about["embeds"][0]["description"]
        pick = await immediate(fake, await fake.slash("random", {}, ALICE, guild_id=gid))
        assert pick["embeds"][0]["author"]["name"].startswith(f"1. {own.speaker}")
        speakers = await autocomplete(fake, "speaker", gid)
        assert [c["value"] for c in speakers] == [own.speaker]
        docs = await autocomplete(fake, "source", gid)
        assert sorted(c["value"] for c in docs) == sorted(own.docs)
        assert not leaks(served.sent_since(mark), own)
    served.call(scenario())


def test_checking_quotes_finds_only_the_servers_own(served):
    """/verify and "Find the source" in one server, on another server's words: not found, and nothing of it shown;
    on its own words: found."""
    fake = served.fake
    theirs = "The smoker calms the honeybees before the frames are lifted"

    async def scenario():
        mark = len(fake.requests)
        body = await immediate(fake, await fake.slash("verify", {"quote": f'"{theirs}"'}, ALICE, guild_id=GA))
        assert "Checked 1 quote" in body["content"]
        message = fake.message_of(f'She said "{theirs}."', BOB)
        found = await immediate(fake, await fake.message_command("Find the source", message, ALICE, guild_id=GC))
        assert "Checked 1 quote" in found["content"]
        sent = json.loads(served.sent_since(mark))
        shown = json.dumps([b for b in sent if b.get("embeds") or b.get("data")], ensure_ascii=False).lower()
        assert "honeybees" not in shown.replace(theirs.lower(), "") and "thaddeus" not in shown
        assert "apiary" not in shown
        own = await immediate(fake, await fake.slash("verify", {"quote": f'"{theirs}"'}, ALICE, guild_id=GB))
        assert "Thaddeus Quimby" in json.dumps(own)
        # Another server's document or speaker named as a filter: not known here, and nothing of theirs suggested.
        for option, value in (("source", "apiary-notes.txt"), ("speaker", APIARY.speaker)):
            mark = len(fake.requests)
            token = await fake.slash("ask", {"question": QUESTION, option: value}, ALICE, guild_id=GA)
            reply = await fake.wait_for(lambda r, t=token: r.method == "POST" and f"/webhooks/{BOT_ID}/{t}" in r.path
                                        and "I cannot search that" in json.dumps(r.body))
            assert reply.body["flags"] & 64
            assert not leaks(served.sent_since(mark).replace(value, ""), LIGHTHOUSE)
    served.call(scenario())


def forged(message: dict, custom_ids: list[str], channel_id: int) -> dict:
    """A message elsewhere carrying buttons with these custom ids (Discord sends a click only for a button that is on
    the message): how an answer's ids would be replayed from another server or a DM."""
    buttons = [{"type": 2, "style": 2, "label": cid.split(":")[1], "custom_id": cid} for cid in custom_ids]
    return dict(message, id=str(900000000000999999), channel_id=str(channel_id),
                components=[{"type": 1, "components": buttons}])


def test_buttons_replayed_from_another_server_or_a_dm_reveal_nothing(served):
    fake, journal = served.fake, served.bot.asker.journal

    async def scenario():
        original = await ask(fake, QUESTION, GA, k=1)
        qid = next(i for i in custom_ids(original) if i.startswith("quoth:ctx:")).split(":")[2]
        replayed = [f"quoth:more:{qid}:1", f"quoth:ctx:{qid}:0", f"quoth:cite:{qid}:0", f"quoth:vote:{qid}:up"]
        for where, channel in (({"guild_id": GB}, fake.channel_of(GB)), ({"guild_id": GC}, fake.channel_of(GC)),
                               ({"dm": True}, DM_CHANNEL_ID)):
            message = forged(original, replayed, channel)
            for custom_id in replayed:
                mark = len(fake.requests)
                token = await fake.click(message, custom_id, BOB, **where)
                ack = (await fake.wait_for(callback_of(token))).body
                assert ack["type"] == 4 and ack["data"]["flags"] & 64 and ack["data"]["content"] == ELSEWHERE
                await asyncio.sleep(0.05)  # anything else it might send would have been sent by now
                assert "foghorn" not in served.sent_since(mark) and not leaks(served.sent_since(mark), APIARY)
        assert all(r["question_id"] != int(qid) for r in journal.feedback())  # no vote counted from elsewhere
        # Where it was given, the same buttons work: the context and citation of the server's own passage.
        message = forged(original, replayed, fake.channel_of(GA))
        token = await fake.click(message, f"quoth:ctx:{qid}:0", BOB, guild_id=GA)
        assert "foghorn" in json.dumps(await immediate(fake, token))
        token = await fake.click(message, f"quoth:cite:{qid}:0", BOB, guild_id=GA)
        assert "Lighthouse log" in (await immediate(fake, token))["content"]
        token = await fake.click(message, f"quoth:vote:{qid}:up", BOB, guild_id=GA)
        assert (await immediate(fake, token))["content"] == "Thanks, noted."
        assert any(r["question_id"] == int(qid) for r in journal.feedback())
    served.call(scenario())


def test_dms_get_the_default_corpus_and_unserved_places_say_so(served):
    """A DM is answered from the default corpus, never a server's; an unlisted server (unlisted_guilds = "none")
    gets a one-line explanation; a listed server with live channels only says nothing is indexed yet."""
    fake = served.fake

    async def scenario():
        mark = len(fake.requests)
        dm = await ask(fake, QUESTION, None)
        assert "gambit" in json.dumps(dm)
        assert [c["value"] for c in await autocomplete(fake, "speaker", None)] == [CHESS.speaker]
        # The app installed by a user, run in server A that did not install it for this: answered as a DM is.
        user_installed = await immediate(fake, await user_installed_ask(fake, QUESTION, GA))
        assert "gambit" in json.dumps(user_installed)
        assert not leaks(served.sent_since(mark), CHESS)
        token = await fake.slash("ask", {"question": QUESTION}, ALICE, guild_id=G_UNLISTED)
        assert (await immediate(fake, token))["content"] == NOT_SERVED_GUILD
        assert (await mention(fake, QUESTION, G_UNLISTED))["content"] == NOT_SERVED_GUILD
        assert await autocomplete(fake, "source", G_UNLISTED) == []
        live = await ask(fake, QUESTION, G_LIVE)
        assert live["content"] == NOTHING_YET and not live["embeds"]
        assert await autocomplete(fake, "speaker", G_LIVE) == []
        assert not any(leaks(served.sent_since(mark), c) - CHESS.markers() for c in EVERYONE.values())
    served.call(scenario())


def test_insights_count_only_the_servers_own_questions(served):
    fake, journal = served.fake, served.bot.asker.journal

    async def scenario():
        await ask(fake, "How do I reset my router password?", GB)  # found nothing, in B
        mine = journal._con.execute("SELECT COUNT(*) FROM questions WHERE guild_id = ?", (GA,)).fetchone()[0]
        everywhere = journal._con.execute("SELECT COUNT(*) FROM questions").fetchone()[0]
        assert 0 < mine < everywhere
        token = await fake.slash("insights", {}, ALICE, guild_id=GA, admin=True)
        embed = (await immediate(fake, token))["embeds"][0]
        week = next(f["value"] for f in embed["fields"] if f["name"] == "Last 7 days")
        assert week.startswith(f"{mine} questions ·")
        assert "router" not in json.dumps(embed)
        token = await fake.slash("insights", {}, ALICE, guild_id=GB, admin=True)
        assert "router" in json.dumps((await immediate(fake, token))["embeds"][0])
    served.call(scenario())


def test_quote_of_the_day_per_server(served):
    """Server A's quote of the day comes from A's corpus into A's channel; B's, configured with a channel of A's,
    is not posted at all."""
    cog = served.bot.get_cog("Discover")

    async def scenario():
        assert set(cog.guild_daily) == {GA, GB} and all(loop.is_running() for loop in cog.guild_daily.values())
        posted = await cog.post_quote_of_the_day(GA)
        assert posted is not None and posted.channel.id == FakeDiscord.channel_of(GA)
        assert LIGHTHOUSE.speaker in posted.embeds[0].author.name
        assert await cog.post_quote_of_the_day(GB) is None
    served.call(scenario())


def data_files(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def test_reindex_rebuilds_one_server_and_never_holds_up_another(served):
    """/reindex in A rebuilds A alone; while A's build is held, B (and A, from its previous generation) answer."""
    fake, bot = served.fake, served.bot
    a, b = bot.tenants.for_guild(GA), bot.tenants.for_guild(GB)
    before_a, before_b = a.quoth.live.current().generation, b.quoth.live.current().generation
    files_b = data_files(b.data_dir)
    entered, release = threading.Event(), threading.Event()
    real = a.quoth.index

    def held(*args, **kwargs):  # the real build, started only once the test lets it
        entered.set()
        release.wait(60)
        return real(*args, **kwargs)

    async def scenario():
        await fake.slash("reindex", {"full": True}, ALICE, guild_id=GA, admin=True)
        assert await asyncio.to_thread(entered.wait, 30)
        started = time.monotonic()
        answer = await ask(fake, QUESTION, GB)
        assert "honeybees" in json.dumps(answer) and time.monotonic() - started < 20
        assert "foghorn" in json.dumps(await ask(fake, QUESTION, GA))  # the previous generation serves
        assert not any("Index rebuilt" in json.dumps(r.body) for r in fake.requests if r.body)
        release.set()
        await fake.wait_for(lambda r: r.body is not None and "Index rebuilt" in json.dumps(r.body), 60)

    a.quoth.index = held
    try:
        served.call(scenario())
    finally:
        release.set()
        del a.quoth.index
    assert a.quoth.live.current().generation != before_a
    assert b.quoth.live.current().generation == before_b and data_files(b.data_dir) == files_b

