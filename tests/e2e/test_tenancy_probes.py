"""Isolation probed the way a hostile or unlucky member would: partial autocomplete strings, filters naming another
server's speakers and documents on /random and /verify, the app installed by a user run in a server, and buttons
replayed from DMs and private answers. Same three servers as test_tenancy (the bot, the model and the files are
real); nothing of another server may appear in anything the bot sends."""

from __future__ import annotations

import asyncio
import json

import pytest

from quoth import Quoth
from quoth.bot.discord.cogs.channels import NOT_HERE

from .fake_discord import CHANNEL_ID, DM_CHANNEL_ID, GUILD_ID, TIMESTAMP, ChannelRef, FakeDiscord, custom_ids
from .live_bot import ALICE as LA
from .live_bot import CHANNEL_B, GUILD_B, answered, community, live_bot, live_config, said, store_of
from .live_bot import ask as live_ask
from .test_bot import callback_of, run
from .test_tenancy import (
    ALICE,
    APIARY,
    BOB,
    CHESS,
    ELSEWHERE,
    GA,
    GB,
    GC,
    LIGHTHOUSE,
    QUESTION,
    SERVERS,
    VOLCANO,
    Served,
    ask,
    config,
    forged,
    immediate,
    leaks,
)


@pytest.fixture(scope="module")
def served(tmp_path_factory, encoder):
    """test_tenancy's three servers, an unlisted one and DMs, served by one bot for this module."""
    default = Quoth(config(tmp_path_factory.mktemp("probes")), encoder=encoder)
    default.ensure_index(show_progress=False)
    with Served(default).running() as s:
        yield s
    assert not s.errors.records, [r.getMessage() for r in s.errors.records]


async def typed(fake, option: str, current: str, guild_id: int | None, user_installed: bool = False) -> list[str]:
    """The values the bot offers for /ask's ``option`` while ``current`` is typed."""
    where = {"dm": True} if guild_id is None else {"guild_id": guild_id}
    base = fake._interaction_base(4, ALICE, **where)
    if user_installed:
        base["authorizing_integration_owners"] = {"1": ALICE["id"]}
    base["data"] = {"id": str(fake.next_id()), "name": "ask", "type": 1, "options": [
        {"name": "question", "type": 3, "value": "x"}, {"name": option, "type": 3, "value": current, "focused": True}]}
    if guild_id is not None:
        base["data"]["guild_id"] = str(guild_id)
    await fake.dispatch("INTERACTION_CREATE", base)
    done = await fake.wait_for(lambda r: r.method == "POST" and r.path.endswith(f"/{base['token']}/callback"))
    return [c["value"] for c in done.body["data"]["choices"]]


def test_partial_autocomplete_offers_nothing_of_another_server(served):
    fake = served.fake
    partials = [(APIARY, ("Thad", "quim", "apia", "honey", "notes", "harv")),
                (VOLCANO, ("Perp", "vant", "volc", "basalt", "ash")),
                (CHESS, ("Isid", "black", "chess")),
                (LIGHTHOUSE, ("Marg", "olli", "light", "log"))]

    async def scenario():
        for gid, own in SERVERS.items():
            mark = len(fake.requests)
            for other, words in partials:
                for word in words:
                    for option in ("speaker", "source"):
                        offered = await typed(fake, option, word, gid)
                        if other is not own:
                            assert not any(word.lower() in v.lower() for v in offered), (gid, option, word, offered)
            assert not leaks(served.sent_since(mark), own)
        # The app installed by a user, run in server A: the default corpus's names only.
        assert await typed(fake, "speaker", "Marg", GA, user_installed=True) == []
        assert await typed(fake, "source", "light", GA, user_installed=True) == []
        assert await typed(fake, "speaker", "Isid", GA, user_installed=True) == [CHESS.speaker]
    served.call(scenario())


def test_random_and_verify_filtered_on_another_servers_names(served):
    fake = served.fake
    theirs = "The smoker calms the honeybees before the frames are lifted"

    async def scenario():
        for options in ({"speaker": APIARY.speaker}, {"source": "apiary-notes.txt"}, {"speaker": "Thaddeus"},
                        {"source": "apiary"}, {"speaker": APIARY.speaker, "source": "lighthouse-log.txt"}):
            mark = len(fake.requests)
            token = await fake.slash("random", options, ALICE, guild_id=GA)
            await fake.wait_for(callback_of(token))
            await asyncio.sleep(0.3)
            sent = served.sent_since(mark)
            for value in options.values():
                sent = sent.replace(value, "")
            assert not leaks(sent, LIGHTHOUSE), options
        for speaker in (APIARY.speaker, "Quimby"):
            mark = len(fake.requests)
            body = await immediate(fake, await fake.slash("verify", {"quote": f'"{theirs}"', "speaker": speaker},
                                                          ALICE, guild_id=GA))
            sent = served.sent_since(mark).replace(theirs, "").replace(speaker, "")
            assert not leaks(sent, LIGHTHOUSE), body
        # /verify from the app a user installed, run in server B on B's own words: the default corpus, not B's.
        mark = len(fake.requests)
        base = fake._interaction_base(2, ALICE, guild_id=GB)
        base.update({"authorizing_integration_owners": {"1": ALICE["id"]}})
        base["data"] = {"id": str(fake.next_id()), "name": "verify", "type": 1,
                        "options": [{"name": "quote", "type": 3, "value": f'"{theirs}"'}]}
        await fake.dispatch("INTERACTION_CREATE", base)
        await immediate(fake, base["token"])
        assert not leaks(served.sent_since(mark).replace(theirs, ""), CHESS)
    served.call(scenario())


def test_buttons_from_dms_and_private_answers_work_nowhere_else(served):
    fake = served.fake

    async def scenario():
        dm = await ask(fake, QUESTION, None, k=1)
        private = await ask(fake, QUESTION, GB, k=1, private=True)
        for original, own in ((dm, CHESS), (private, APIARY)):
            qid = next(i for i in custom_ids(original) if i.startswith("quoth:ctx:")).split(":")[2]
            ids = [f"quoth:more:{qid}:1", f"quoth:ctx:{qid}:0", f"quoth:cite:{qid}:0", f"quoth:vote:{qid}:down"]
            for gid in (GA, GC, *((GB,) if own is CHESS else ())):
                message = forged(original, ids, fake.channel_of(gid))
                for custom_id in ids:
                    mark = len(fake.requests)
                    token = await fake.click(message, custom_id, BOB, guild_id=gid)
                    ack = (await fake.wait_for(callback_of(token))).body
                    assert ack["data"]["content"] == ELSEWHERE, (custom_id, gid, ack)
                    await asyncio.sleep(0.05)
                    assert not any(m in served.sent_since(mark).lower() for m in own.words)
        # Another person's DM (another DM channel) replaying a DM answer's ids.
        qid = next(i for i in custom_ids(dm) if i.startswith("quoth:ctx:")).split(":")[2]
        base = fake._interaction_base(3, BOB, dm=True)
        other_dm = DM_CHANNEL_ID + 7
        base["channel_id"], base["channel"] = str(other_dm), dict(base["channel"], id=str(other_dm))
        base["message"] = forged(dm, [f"quoth:ctx:{qid}:0"], other_dm)
        base["data"] = {"custom_id": f"quoth:ctx:{qid}:0", "component_type": 2}
        await fake.dispatch("INTERACTION_CREATE", base)
        ack = (await fake.wait_for(callback_of(base["token"]))).body
        assert ack["data"]["content"] == ELSEWHERE and "gambit" not in json.dumps(ack)
    served.call(scenario())


def test_live_events_and_channels_of_another_server_never_cross(tmp_path, encoder):
    """Server B lists server A's live channel in its config and names it in /index-channel add; a message event of
    A's channel arrives carrying B's guild_id (and a thread's): B's store never holds or reads A's channel, and
    nothing of it is answered in B (nor, from the forged event, in A)."""
    cfg = live_config(tmp_path, live_a=[CHANNEL_ID], live_b=[CHANNEL_B, CHANNEL_ID])
    fake = FakeDiscord()
    community(fake)
    store_b = store_of(cfg, GUILD_B)

    async def scenario():
        async with live_bot(cfg, fake, encoder):
            await fake.post(CHANNEL_ID, "The quizzleberry jam is hidden in the vestry cupboard.", LA)
            await answered(fake, "Where is the jam hidden?", "quizzleberry")
            assert not store_b.enabled(CHANNEL_ID)
            mark = len(fake.requests)
            token = await fake.slash("index-channel", {"channel": ChannelRef(CHANNEL_ID)}, LA, sub="add",
                                     admin=True, guild_id=GUILD_B)
            await asyncio.sleep(1)
            assert not store_b.enabled(CHANNEL_ID) and store_b.count() == 0
            reads = [r for r in fake.requests[mark:] if r.method == "GET" and str(CHANNEL_ID) in r.path]
            assert not reads, reads
            refused = (await fake.wait_for(callback_of(token), timeout=30)).body["data"]
            assert refused["content"] == NOT_HERE and refused["flags"] & 64
            # A's channel (and a thread of it) in an event that says it is B's.
            thread = await fake.create_thread(CHANNEL_ID, "jam talk", LA)
            for channel in (CHANNEL_ID, int(thread["id"])):
                mid = fake.next_id()
                await fake.dispatch("MESSAGE_CREATE", {
                    "id": str(mid), "channel_id": str(channel), "guild_id": str(GUILD_B), "author": LA,
                    "member": {"roles": [], "joined_at": TIMESTAMP, "deaf": False, "mute": False, "flags": 0},
                    "content": f"Forged {channel}: the snickerwhump key is under the mat.", "timestamp": TIMESTAMP,
                    "edited_timestamp": None, "tts": False, "mention_everyone": False, "mentions": [],
                    "mention_roles": [], "attachments": [], "embeds": [], "pinned": False, "type": 0, "flags": 0,
                    "components": []})
            await asyncio.sleep(2)
            assert store_b.count() == 0
            assert "snickerwhump" not in said(await live_ask(fake, "Where is the snickerwhump key?", GUILD_B))
            assert "quizzleberry" not in said(await live_ask(fake, "Where is the jam hidden?", GUILD_B))
            assert "snickerwhump" not in said(await live_ask(fake, "Where is the snickerwhump key?", GUILD_ID))

    run(scenario(), timeout=200)


def test_answer_ids_in_buttons_count_nothing_of_other_servers(served):
    """A button's custom id carries its answer's id: were ids numbered in order, a member of A seeing two of A's
    answers would learn how many questions were asked meanwhile in B, C and DMs (and whether a forged id exists)."""
    fake = served.fake

    def qid(answer: dict) -> int:
        return int(next(i for i in custom_ids(answer) if i.startswith("quoth:ctx:")).split(":")[2])

    async def scenario():
        first = qid(await ask(fake, QUESTION, GA, k=1))
        for gid in (GB, GC, None):
            await ask(fake, QUESTION, gid, k=1)
        second = qid(await ask(fake, QUESTION, GA, k=1))
        assert abs(second - first) > 1_000_000, (first, second)
        assert len(f"quoth:more:{second}:10") <= 100
    served.call(scenario())


def test_dms_closed_and_answer_threads_keep_to_their_server(tmp_path, encoder):
    """bot.dm_corpus = "none": every DM entry point (a message, the commands, autocomplete, "Find the source", the
    app a user installed run in a server, a server's buttons replayed in a DM) says so and shows no corpus. Answer
    threads (bot.answer_in_thread): a follow-up in B's thread is answered from B's corpus alone."""
    from quoth.bot.discord.tenants import NOT_SERVED_DM

    from .fake_discord import BOT_ID, BOT_USER
    from .live_bot import BOB as LB

    cfg = live_config(tmp_path, dm_corpus="none", unlisted_guilds="none", answer_in_thread=True)
    fake = FakeDiscord()
    community(fake)
    a_words = ("village hall", "notice board", "Ann Lee")

    def clean(text: str) -> bool:
        return not any(w.lower() in text.lower() for w in a_words)

    async def scenario():
        async with live_bot(cfg, fake, encoder):
            mark = len(fake.requests)
            await fake.send_message("Where did the club meet?", LA, dm=True)
            reply = await fake.wait_for(lambda r: r.method == "POST" and r.path.endswith("/messages")
                                        and r.body and r.body.get("content") == NOT_SERVED_DM)
            assert reply
            for name, options in (("ask", {"question": "Where did the club meet?"}), ("sources", {}), ("about", {}),
                                  ("random", {}), ("verify", {"quote": '"The club met in the village hall"'})):
                token = await fake.slash(name, options, LA, dm=True)
                assert (await immediate(fake, token))["content"] == NOT_SERVED_DM, name
            message = fake.message_of('She said "The club met in the village hall and agreed"', LB)
            token = await fake.message_command("Find the source", message, LA, dm=True)
            assert (await immediate(fake, token))["content"] == NOT_SERVED_DM
            assert await typed(fake, "speaker", "", None) == [] and await typed(fake, "source", "", None) == []
            assert await typed(fake, "source", "min", GUILD_ID, user_installed=True) == []
            base = fake._interaction_base(2, LA, guild_id=GUILD_ID)
            base["authorizing_integration_owners"] = {"1": LA["id"]}
            base["data"] = {"id": str(fake.next_id()), "name": "ask", "type": 1,
                            "options": [{"name": "question", "type": 3, "value": "Where did the club meet?"}]}
            await fake.dispatch("INTERACTION_CREATE", base)
            assert (await immediate(fake, base["token"]))["content"] == NOT_SERVED_DM
            assert clean(served_text(fake, mark))

            # An answer thread in server B, and a follow-up in it.
            mark = len(fake.requests)
            await fake.send_message(f"<@{BOT_ID}> who cooks on Sunday?", LA, mentions=[BOT_USER],
                                    channel_id=CHANNEL_B)
            first = await fake.wait_for(lambda r: r.method == "POST" and r.path.startswith("/channels/")
                                        and r.path.endswith("/messages") and r.body and r.body.get("embeds"))
            thread_id = int(first.path.split("/")[2])
            assert thread_id != CHANNEL_B and "kitchen rota" in json.dumps(first.body)
            await fake.send_message("and where did the club meet?", LB, channel_id=thread_id)
            await fake.wait_for(lambda r: r.method == "POST" and r.path == f"/channels/{thread_id}/messages"
                                and r is not first)
            assert clean(served_text(fake, mark))
            # B's answer's buttons replayed in a DM: nothing.
            ids = custom_ids(first.body)
            mark = len(fake.requests)
            for custom_id in [i for i in ids if i.startswith(("quoth:ctx:", "quoth:cite:", "quoth:more:"))]:
                replayed = forged(fake.message_from(first.body, DM_CHANNEL_ID), [custom_id], DM_CHANNEL_ID)
                token = await fake.click(replayed, custom_id, LA, dm=True)
                ack = (await fake.wait_for(callback_of(token))).body
                assert ack["data"]["content"] in (ELSEWHERE, NOT_SERVED_DM), ack
            await asyncio.sleep(0.2)
            assert "kitchen" not in served_text(fake, mark).lower()

    run(scenario(), timeout=200)


def served_text(fake: FakeDiscord, mark: int) -> str:
    return json.dumps([r.body for r in fake.requests[mark:] if r.body], ensure_ascii=False)
