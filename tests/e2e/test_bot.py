"""The real discord.py bot against the fake Discord in tests/fake_discord.py, end to end."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import shutil
import sqlite3
import time

import pytest
from discord.http import Route

from quoth import Quoth
from quoth.bot.config import AppConfig
from quoth.bot.discord.app import QuothBot, journal_path
from tests.helpers import DEBATE, write_corpus

from .fake_discord import (
    ADMIN_ROLE_ID,
    BOT_ID,
    BOT_USER,
    CHANNEL_ID,
    DM_CHANNEL_ID,
    FakeDiscord,
    connected,
    custom_ids,
    user,
)

ALICE = user(800000000000000001, "alice")
BOB = user(800000000000000002, "bob")

CORPUS = {
    "harbour.txt": "Harbour news\n\nby Ann Lee\n\nThe harbour wall was rebuilt with granite from the local quarry "
                   "after the winter storms destroyed the old stone pier.\n\nFishing boats returned at dawn and the "
                   "fish market reopened on the quay for the first time in months.\n",
    "garden.txt": "Garden notes\n\nby Bob Green\n\nTomatoes need full sun, regular watering and a rich compost to "
                  "ripen well in a cool summer.\n\nBob Green said, “Slugs ate every lettuce I planted this year, so "
                  "next spring I will use copper rings around the beds.”\n\nCucumbers and courgettes grew well in "
                  "the greenhouse, watered every evening from the rain butt.\n",
    "forum.txt": "Village forum\n\nThe forum discussed the new bus timetable and the parking on the high street.\n\n"
                 "  • Carol Jones says:\n\n    @everyone the bus timetable meeting is moved to Friday, tell <@123> "
                 "and the <@&456> group, and see [the notice](https://evil.example/phish) **now**.\n\n"
                 "  • Dan Smith says:\n\n    The parking on the high street is dreadful on market days, cars "
                 "everywhere.\n",
    "treatise.txt": "A long treatise on bridges\n\nby Eve Stone\n\n" + " ".join(
        f"Suspension bridge number {i} carries its deck on cables hung from tall towers anchored in rock."
        for i in range(120)) + "\n",
}


def make_app(tmp, encoder, **bot_cfg) -> Quoth:
    corpus = tmp / "corpus"
    if not corpus.exists():
        corpus.mkdir(parents=True)
        for name, text in CORPUS.items():
            (corpus / name).write_text(text, encoding="utf-8")
    cfg = AppConfig.from_dict({
        "corpus": {"path": str(corpus)}, "data": {"dir": str(tmp / "data")},
        # Long passages on purpose: the treatise becomes one oversized passage.
        "segment": {"max_tokens": 3000},
        "bot": {"admin_user_ids": [], "admin_role_ids": [ADMIN_ROLE_ID], "cooldown_questions": 50, **bot_cfg},
    })
    rt = Quoth(cfg, encoder=encoder)
    rt.ensure_index(show_progress=False)
    return rt


@pytest.fixture(scope="module")
def shared_app(tmp_path_factory, encoder):
    return make_app(tmp_path_factory.mktemp("bot"), encoder)


class ErrorLogs(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextlib.asynccontextmanager
async def running(rt: Quoth, errors_expected: bool = False):
    """Start the fake Discord and the real bot pointed at it; fail on any ERROR the client logs (unless the test
    breaks something on purpose)."""
    errors = ErrorLogs()
    for name in ("discord", "quoth"):
        logging.getLogger(name).addHandler(errors)
    fake = FakeDiscord()
    bot = QuothBot(rt, rt.settings)
    try:
        async with connected(fake, bot, timeout=60):
            yield fake, bot
    finally:
        for name in ("discord", "quoth"):
            logging.getLogger(name).removeHandler(errors)
    assert errors_expected or not errors.records, [r.getMessage() for r in errors.records]


def run(coro, timeout: float = 120):
    return asyncio.run(asyncio.wait_for(coro, timeout))


def edited(token: str):
    return lambda r: r.method == "PATCH" and f"/webhooks/{BOT_ID}/{token}/messages/@original" in r.path \
        and r.body and (r.body.get("embeds") or r.body.get("content"))


def callback_of(token: str):
    return lambda r: r.method == "POST" and r.path.endswith(f"/{token}/callback")


def test_slash_ask_quotes_with_speaker_and_source(shared_app):
    async def scenario():
        async with running(shared_app) as (fake, _):
            token = await fake.slash("ask", {"question": "What happened to the lettuces?"}, ALICE)
            ack = await fake.wait_for(callback_of(token))
            assert ack.body["type"] == 5  # deferred first: Discord's 3-second window
            body = (await fake.wait_for(edited(token))).body
            first = body["embeds"][0]
            assert "Slugs ate every lettuce" in first["description"]
            assert first["author"]["name"].startswith("1. Bob Green")
            assert first["title"] == "Garden notes"
            assert "**" in first["description"]  # best sentence emphasised
            assert body["allowed_mentions"]["parse"] == []
            ids = custom_ids(body)
            assert any(i.startswith("quoth:vote:") for i in ids) and any(i.startswith("quoth:ctx:") for i in ids)
    run(scenario())


def test_mention_and_dm_answered_other_messages_ignored(shared_app):
    async def scenario():
        async with running(shared_app) as (fake, _):
            await fake.send_message("just chatting about granite", BOB)
            msg = await fake.send_message(f"<@{BOT_ID}> who rebuilt the harbour wall?", ALICE, mentions=[BOT_USER])
            reply = await fake.wait_for(lambda r: r.method == "POST" and r.path == f"/channels/{CHANNEL_ID}/messages")
            assert str(reply.body["message_reference"]["message_id"]) == msg["id"]
            assert "granite" in reply.body["embeds"][0]["description"]
            assert reply.body["embeds"][0]["author"]["name"].startswith("1. Ann Lee")
            await fake.send_message("what grows in the greenhouse?", BOB, dm=True)
            dm = await fake.wait_for(lambda r: r.method == "POST" and r.path == f"/channels/{DM_CHANNEL_ID}/messages")
            assert "greenhouse" in dm.body["embeds"][0]["description"]
            await fake.send_message(f"<@{BOT_ID}>", ALICE, mentions=[BOT_USER])
            await fake.wait_for(lambda r: r.method == "POST" and r.body and "Ask me a question" in
                                (r.body.get("content") or ""))
            await asyncio.sleep(1.0)
            posts = [r for r in fake.requests if r.method == "POST" and "/messages" in r.path]
            assert len(posts) == 3  # the non-mention got nothing
    run(scenario())


def test_out_of_corpus_question_says_nothing_found(shared_app):
    async def scenario():
        async with running(shared_app) as (fake, _):
            token = await fake.slash("ask", {"question": "How do I reset my router password?"}, ALICE)
            body = (await fake.wait_for(edited(token))).body
            assert body["embeds"][0]["title"] == "Nothing relevant found."
            assert "rephras" in body["embeds"][0]["description"]
    run(scenario())


def labels(body: dict) -> list[str]:
    return [c.get("label") for row in body.get("components", []) for c in row["components"] if c.get("label")]


def test_replies_follow_the_users_locale(tmp_path, encoder):
    async def scenario():
        async with running(make_app(tmp_path, encoder)) as (fake, _):  # its votes stay out of the shared journal
            token = await fake.slash("ask", {"question": "How do I reset my router password?"}, ALICE, locale="fr")
            body = (await fake.wait_for(edited(token))).body
            assert body["embeds"][0]["title"] == "Rien de pertinent trouvé."
            assert "Reformulez" in body["embeds"][0]["description"]

            token = await fake.slash("ask", {"question": "What happened to the lettuces?"}, ALICE, locale="fr")
            body = (await fake.wait_for(edited(token))).body
            assert "Slugs ate every lettuce" in body["embeds"][0]["description"]  # the quote itself is never translated
            assert "Contexte #1" in labels(body) and "Citer #1" in labels(body)
            up = next(i for i in custom_ids(body) if i.endswith(":up"))
            t2 = await fake.click(fake.originals[token], up, BOB, locale="fr")
            assert (await fake.wait_for(callback_of(t2))).body["data"]["content"] == "Merci, c’est noté."
            # Another reader of the same answer clicks in English.
            t3 = await fake.click(fake.originals[token], up, ALICE, locale="en-GB")
            assert (await fake.wait_for(callback_of(t3))).body["data"]["content"] == "Thanks, noted."

            token = await fake.slash("ask", {"question": "What happened to the lettuces?"}, BOB, locale="en-GB")
            assert "Context #1" in labels((await fake.wait_for(edited(token))).body)
            token = await fake.slash("about", {}, ALICE, dm=True, locale="fr")
            about = (await fake.wait_for(callback_of(token))).body["data"]["embeds"][0]
            assert about["title"] == "À propos de Quoth" and "mot pour mot" in about["description"]
    run(scenario())


def test_more_results_context_and_feedback_buttons(shared_app):
    async def scenario():
        async with running(shared_app) as (fake, bot):
            token = await fake.slash("ask", {"question": "bus timetable, parking, harbour and gardens", "k": 1}, ALICE)
            body = (await fake.wait_for(edited(token))).body
            original = fake.originals[token]
            ids = custom_ids(body)
            more = next(i for i in ids if i.startswith("quoth:more:"))
            t2 = await fake.click(original, more, ALICE)
            more_body = (await fake.wait_for(edited(t2))).body
            assert more_body["embeds"][0]["author"]["name"].startswith("2. ")
            assert more_body["embeds"][0]["description"] != body["embeds"][0]["description"]

            ctx = next(i for i in ids if i.startswith("quoth:ctx:"))
            t3 = await fake.click(original, ctx, BOB)
            ack = await fake.wait_for(callback_of(t3))
            assert ack.body["data"]["flags"] & 64  # ephemeral
            ctx_body = (await fake.wait_for(edited(t3))).body
            assert body["embeds"][0]["description"].split("**")[0][:20].strip("> ") in \
                ctx_body["embeds"][0]["description"]

            up = next(i for i in ids if i.endswith(":up"))
            t4 = await fake.click(original, up, BOB)
            thanks = await fake.wait_for(callback_of(t4))
            assert thanks.body["type"] == 4 and thanks.body["data"]["flags"] & 64
            rows = bot.asker.journal.feedback()
            assert len(rows) == 1 and rows[0]["vote"] == 1 and rows[0]["user_id"] == int(BOB["id"])
            assert rows[0]["question"] == "bus timetable, parking, harbour and gardens"
            assert rows[0]["hits"] and {"path", "start", "end"} <= set(rows[0]["hits"][0])
    run(scenario())


def test_quotes_never_ping_and_markdown_is_escaped(shared_app):
    async def scenario():
        async with running(shared_app) as (fake, _):
            token = await fake.slash("ask", {"question": "When is the bus timetable meeting?"}, ALICE)
            body = (await fake.wait_for(edited(token))).body
            assert body["allowed_mentions"] == {"parse": [], "replied_user": False} or \
                body["allowed_mentions"]["parse"] == []
            desc = body["embeds"][0]["description"]
            assert "Carol Jones" in body["embeds"][0]["author"]["name"]
            assert "@everyone" not in desc and "@\u200beveryone" in desc
            assert "\\[the notice\\]" in desc and "\\*\\*now\\*\\*" in desc
            await fake.send_message(f"<@{BOT_ID}> when is the bus timetable meeting?", ALICE, mentions=[BOT_USER])
            reply = await fake.wait_for(lambda r: r.method == "POST" and r.path == f"/channels/{CHANNEL_ID}/messages")
            assert reply.body["allowed_mentions"]["parse"] == []
            assert reply.body["allowed_mentions"].get("replied_user") is False
    run(scenario())


def test_oversized_passage_respects_discord_limits(shared_app):
    async def scenario():
        async with running(shared_app) as (fake, _):
            token = await fake.slash("ask", {"question": "suspension bridge cables towers", "k": 10}, ALICE)
            body = (await fake.wait_for(edited(token))).body
            embeds = body["embeds"]
            assert 1 <= len(embeds) <= 10 and len(body.get("content") or "") <= 2000
            total = sum(len(e.get("title", "")) + len(e.get("description", "")) + len(e["author"]["name"])
                        + len(e["footer"]["text"]) for e in embeds)
            assert total <= 6000
            treatise = next(e for e in embeds if e["title"] == "A long treatise on bridges")
            assert len(treatise["description"]) <= 4096 and "…" in treatise["description"]
            assert "shortened" in treatise["footer"]["text"]
    run(scenario())


def test_autocomplete_sources_and_about(shared_app):
    async def scenario():
        async with running(shared_app) as (fake, _):
            iid = await fake.autocomplete("ask", {"question": "x", "speaker": "bob"}, "speaker", ALICE)
            ac = await fake.wait_for(lambda r: r.path.startswith(f"/interactions/{iid}/"))
            assert ac.body["type"] == 8
            assert [c["value"] for c in ac.body["data"]["choices"]] == ["Bob Green"]
            iid = await fake.autocomplete("ask", {"question": "x", "source": "gard"}, "source", ALICE)
            ac = await fake.wait_for(lambda r: r.path.startswith(f"/interactions/{iid}/"))
            assert ac.body["data"]["choices"] == [{"name": "Garden notes", "value": "garden.txt"}]
            token = await fake.slash("sources", {}, ALICE)
            body = (await fake.wait_for(edited(token))).body
            assert "Garden notes" in body["embeds"][0]["description"]
            token = await fake.slash("about", {}, ALICE, dm=True)
            about = await fake.wait_for(callback_of(token))
            assert "word for word" in about.body["data"]["embeds"][0]["description"]
    run(scenario())


def test_long_questions_and_cooldown_get_friendly_replies(tmp_path, encoder):
    rt = make_app(tmp_path, encoder, cooldown_questions=1, cooldown_seconds=60, max_question_chars=40)

    async def scenario():
        async with running(rt) as (fake, _):
            token = await fake.slash("ask", {"question": "x" * 50}, ALICE)
            r = await fake.wait_for(callback_of(token))
            assert "under 40" in r.body["data"]["content"] and r.body["data"]["flags"] & 64
            await fake.wait_for(callback_of(await fake.slash("ask", {"question": "harbour wall"}, ALICE)))
            token = await fake.slash("ask", {"question": "harbour wall"}, ALICE)
            r = await fake.wait_for(callback_of(token))
            assert "wait" in r.body["data"]["content"]
    run(scenario())


def test_reindex_refused_for_non_admins_and_live_for_admins(tmp_path, encoder):
    rt = make_app(tmp_path, encoder)
    corpus = rt.corpus_dir
    real_encode = rt.encoder.encode_passages

    def slow_encode(texts, progress=False):
        time.sleep(3)  # a rebuild long enough to ask questions during it
        return real_encode(texts, progress)

    async def scenario():
        async with running(rt) as (fake, _):
            token = await fake.slash("reindex", {}, BOB)
            refusal = await fake.wait_for(callback_of(token))
            assert "only server admins" in refusal.body["data"]["content"]
            assert refusal.body["data"]["flags"] & 64
            (corpus / "owls.txt").write_text("Barn owls hunt voles over the meadow at dusk and nest in the old "
                                            "church tower.\n", encoding="utf-8")
            rt.encoder.encode_passages = slow_encode
            admin_token = await fake.slash("reindex", {}, ALICE, roles=[ADMIN_ROLE_ID])
            await fake.wait_for(callback_of(admin_token))
            during = await fake.slash("ask", {"question": "Who rebuilt the harbour wall?"}, BOB)
            answered = await fake.wait_for(edited(during))
            assert "granite" in answered.body["embeds"][0]["description"]
            done = await fake.wait_for(lambda r: edited(admin_token)(r) and "1 added" in (r.body.get("content") or ""))
            assert fake.requests.index(answered) < fake.requests.index(done)  # answered during the rebuild
            after = await fake.slash("ask", {"question": "Where do barn owls nest?"}, BOB)
            body = (await fake.wait_for(edited(after))).body
            assert "church tower" in body["embeds"][0]["description"]
    try:
        run(scenario())
    finally:
        rt.encoder.encode_passages = real_encode


def test_thread_mode_answers_follow_ups(tmp_path, encoder):
    rt = make_app(tmp_path, encoder, answer_in_thread=True)

    async def scenario():
        async with running(rt) as (fake, _):
            await fake.send_message(f"<@{BOT_ID}> who rebuilt the harbour wall?", ALICE, mentions=[BOT_USER])
            made = await fake.wait_for(lambda r: r.method == "POST" and r.path.endswith("/threads"))
            first = await fake.wait_for(lambda r: r.method == "POST" and r.path.startswith("/channels/")
                                        and r.path.endswith("/messages") and "/threads" not in r.path)
            thread_id = int(first.path.split("/")[2])
            assert thread_id != CHANNEL_ID and "granite" in first.body["embeds"][0]["description"]
            assert made.body["name"].startswith("who rebuilt")
            await fake.send_message("and what about the fish market?", BOB, channel_id=thread_id)
            follow = await fake.wait_for(lambda r: r.method == "POST" and r.path == f"/channels/{thread_id}/messages"
                                         and r is not first)
            assert "fish market" in follow.body["embeds"][0]["description"]
    run(scenario())


def test_missing_token_is_a_clear_error(monkeypatch, capsys):
    from quoth.bot.cli import main

    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    assert main(["serve"]) == 2
    assert "DISCORD_TOKEN" in capsys.readouterr().err


def test_sync_publishes_commands(shared_app, monkeypatch):
    from quoth.bot.discord.app import _sync

    async def scenario():
        fake = FakeDiscord()
        await fake.start()
        saved = Route.BASE
        Route.BASE = fake.api_base
        try:
            synced = await _sync(QuothBot(shared_app, shared_app.settings, warm=False), "fake-token", [42])
        finally:
            Route.BASE = saved
            await fake.stop()
        assert {c.name for c in synced} == {"ask", "sources", "about", "reindex", "forget-me", "index-me", "verify",
                                            "random", "insights", "Find the source", "index-channel"}
        put = next(r for r in fake.requests if r.method == "PUT")
        assert put.path == f"/applications/{BOT_ID}/guilds/42/commands"
        ask = next(c for c in put.body if c["name"] == "ask")
        assert {o["name"] for o in ask["options"]} == {"question", "k", "source", "speaker", "private"}
        # Descriptions in the shipped languages, for Discord's command picker; names stay English.
        assert ask["description_localizations"]["fr"] == "Citer les passages qui répondent le mieux à une question"
        question = next(o for o in ask["options"] if o["name"] == "question")
        assert question["description_localizations"]["fr"] == "Ce que vous voulez savoir"
        assert not ask.get("name_localizations")
        reindex = next(c for c in put.body if c["name"] == "reindex")
        assert str(reindex["default_member_permissions"]) == str(0x20)  # Manage Server
    run(scenario())
    shutil.rmtree(shared_app.settings.data_dir() / "nothing", ignore_errors=True)


def test_forget_me_deletes_the_callers_questions_and_votes_only(tmp_path, encoder):
    rt = make_app(tmp_path, encoder)

    async def scenario():
        async with running(rt) as (fake, bot):
            t1 = await fake.slash("ask", {"question": "Who rebuilt the harbour wall?"}, ALICE)
            await fake.wait_for(edited(t1))
            t2 = await fake.slash("ask", {"question": "What grows in the greenhouse?"}, BOB)
            body = (await fake.wait_for(edited(t2))).body
            up = next(i for i in custom_ids(body) if i.endswith(":up"))
            await fake.wait_for(callback_of(await fake.click(fake.originals[t2], up, ALICE)))
            token = await fake.slash("forget-me", {}, ALICE)
            assert (await fake.wait_for(callback_of(token))).body["data"]["flags"] & 64  # deferred, private
            assert "deleted 1 question and 1 vote" in (await fake.wait_for(edited(token))).body["content"]
            rows = bot.asker.journal._con.execute("SELECT user_id FROM questions").fetchall()
            assert rows == [(int(BOB["id"]),)] and bot.asker.journal.feedback() == []
            assert bot.asker.journal.counts()["questions"] == 2
    run(scenario())


def test_mentions_only_in_allowed_channels_dms_always(tmp_path, encoder):
    rt = make_app(tmp_path, encoder, channel_ids=[CHANNEL_ID + 1])

    async def scenario():
        async with running(rt) as (fake, _):
            await fake.send_message(f"<@{BOT_ID}> who rebuilt the harbour wall?", ALICE, mentions=[BOT_USER])
            await fake.send_message("what grows in the greenhouse?", BOB, dm=True)
            await fake.wait_for(lambda r: r.method == "POST" and r.path == f"/channels/{DM_CHANNEL_ID}/messages")
            await asyncio.sleep(1.0)
            assert not [r for r in fake.requests if r.method == "POST" and r.path == f"/channels/{CHANNEL_ID}/messages"]
    run(scenario())


HOSTILE = ["   ", "\x00\x07\x1b[31m harbour \x7f", "🦀🦀🦀🌊", "x" * 290,
           "@everyone <@&456> [click](https://evil.example) ||spoiler|| ```rm -rf /``` who rebuilt the wall?",
           "\u202edrow lanac\u202c harbour", "zero\u200bwidth\u200dharbour"]


def test_hostile_questions_get_a_clear_reply_and_never_a_ping(shared_app):
    async def scenario():
        async with running(shared_app) as (fake, _):
            for n, question in enumerate(HOSTILE):
                token = await fake.slash("ask", {"question": question}, ALICE if n % 2 else BOB)
                reply = await fake.wait_for(lambda r, t=token: edited(t)(r) or (
                    callback_of(t)(r) and (r.body.get("data") or {}).get("content")) or (
                    r.method == "POST" and r.path.endswith(f"/{t}") and bool(r.body)))
                text = str(reply.body)
                assert "went wrong" not in text, question
                assert reply.body.get("allowed_mentions", {"parse": []}).get("parse") == [], question
            for question in HOSTILE[1:]:
                await fake.send_message(f"<@{BOT_ID}> {question}", ALICE, mentions=[BOT_USER])
            await asyncio.sleep(3.0)
            posts = [r for r in fake.requests if r.method == "POST" and r.path == f"/channels/{CHANNEL_ID}/messages"]
            assert len(posts) == len(HOSTILE) - 1
            assert all(p.body.get("allowed_mentions", {}).get("parse") == [] for p in posts)
    run(scenario(), timeout=240)


def ask_many(fake, n: int, questions: list[str]):
    """``n`` slash questions from ``n`` different users at once; (token, sent at) for each."""
    async def one(i: int):
        sent = time.monotonic()
        return await fake.slash("ask", {"question": questions[i % len(questions)]}, user(810000000000000000 + i,
                                                                                        f"user{i}")), sent
    return asyncio.gather(*(one(i) for i in range(n)))


def test_fifty_questions_at_once_during_a_full_reindex_are_all_answered(tmp_path, encoder):
    rt = make_app(tmp_path, encoder)
    questions = ["Who rebuilt the harbour wall?", "What ate the lettuces?", "How are bridges hung?",
                 "What about parking on market days?", "What grows in the greenhouse?"]

    async def scenario():
        async with running(rt) as (fake, _):
            admin = await fake.slash("reindex", {"full": True}, ALICE, roles=[ADMIN_ROLE_ID])
            await fake.wait_for(callback_of(admin))
            asked = await ask_many(fake, 50, questions)
            for token, _ in asked:
                await fake.wait_for(callback_of(token), timeout=60)
                body = (await fake.wait_for(edited(token), timeout=120)).body
                assert body["embeds"] and body["embeds"][0]["title"] != "Nothing relevant found."
            await fake.wait_for(lambda r: edited(admin)(r) and "Index rebuilt" in (r.body.get("content") or ""),
                                timeout=120)
    run(scenario(), timeout=300)


def test_a_dropped_gateway_resumes_and_questions_from_the_outage_are_answered(shared_app):
    async def scenario():
        async with running(shared_app) as (fake, _):
            first = await fake.slash("ask", {"question": "Who rebuilt the harbour wall?"}, ALICE)
            await fake.wait_for(edited(first))
            await fake.drop()
            during = await fake.slash("ask", {"question": "What ate the lettuces?"}, BOB)  # queued, replayed
            body = (await fake.wait_for(edited(during), timeout=60)).body
            assert "Slugs" in body["embeds"][0]["description"]
            assert (fake.resumes, fake.identifies) == (1, 1)  # resumed, not a new session
            after = await fake.slash("ask", {"question": "What grows in the greenhouse?"}, ALICE)
            assert "greenhouse" in (await fake.wait_for(edited(after))).body["embeds"][0]["description"]
    run(scenario())


def test_a_mistake_is_said_privately(shared_app):
    async def scenario():
        async with running(shared_app) as (fake, _):
            token = await fake.slash("ask", {"question": "storms?", "speaker": "Ann Lea"}, ALICE)
            said = await fake.wait_for(lambda r: r.method == "POST" and r.path.endswith(f"/{token}")
                                       and r.body and "I cannot search that" in (r.body.get("content") or ""))
            assert said.body["flags"] & 64 and "did you mean 'Ann Lee'" in said.body["content"]
            await fake.wait_for(lambda r: r.method == "DELETE" and r.path.endswith(f"/{token}/messages/@original"))
    run(scenario())


def test_verify_and_find_the_source(shared_app):
    async def scenario():
        async with running(shared_app) as (fake, bot):
            token = await fake.slash("verify", {"quote": "Slugs ate every lettuce I planted this year",
                                                "speaker": "Ann Lee"}, ALICE)
            body = (await fake.wait_for(edited(token))).body
            [embed] = body["embeds"]
            assert embed["title"].startswith("✅ Real quote — misattributed") and "Bob Green" in embed["description"]
            assert any(i.startswith("quoth:ctx:") for i in custom_ids(body))
            three = fake.message_of('Did Bob Green say "Slugs ate every cabbage I planted this year" and '
                                    '"the harbour wall was rebuilt with granite from the local quarry" and '
                                    '"penguins prefer cold water and dislike the heat"?', BOB)
            token = await fake.message_command("Find the source", three, ALICE)
            ack = await fake.wait_for(callback_of(token))
            assert ack.body["data"]["flags"] & 64  # a context-menu check answers the one who asked
            embeds = (await fake.wait_for(edited(token))).body["embeds"]
            # cabbage for lettuce is a changed word, not a retyped one (issue 22 §1)
            assert [e["title"] for e in embeds] == ["⚠️ Altered quote", "✅ Real quote", "❌ Not found"]
            assert "Closest wording — not a match" in embeds[2]["description"]
            kept = [r[0] for r in sqlite3.connect(journal_path(bot.cfg)).execute("SELECT question FROM questions")]
            # the asker's own /verify words are kept; another person's message is not (theirs to delete)
            assert any("lettuce" in q for q in kept) and not any("penguins" in q for q in kept), kept
            token = await fake.message_command("Find the source", fake.message_of("lol", BOB), ALICE)
            assert (await fake.wait_for(callback_of(token))).body["data"]["flags"] & 64
            assert "at least a few words" in (await fake.wait_for(edited(token))).body["content"]
            token = await fake.message_command("Find the source", fake.message_of("", BOB, [{
                "id": "1", "filename": "a.png", "size": 1, "url": "https://cdn.example/a.png",
                "proxy_url": "https://cdn.example/a.png"}]), ALICE)
            said = (await fake.wait_for(callback_of(token))).body["data"]
            assert "attachment" in said["content"] and said["flags"] & 64
    run(scenario())


def test_cite_gives_a_citation_to_paste_privately(shared_app):
    async def scenario():
        async with running(shared_app) as (fake, _):
            token = await fake.slash("ask", {"question": "Who rebuilt the harbour wall?", "k": 1}, ALICE)
            body = (await fake.wait_for(edited(token))).body
            cite_id = next(i for i in custom_ids(body) if i.startswith("quoth:cite:"))
            t2 = await fake.click(fake.originals[token], cite_id, BOB)
            said = (await fake.wait_for(callback_of(t2))).body["data"]
            assert said["flags"] & 64
            assert "“The harbour wall was rebuilt with granite" in said["content"]
            assert "— Ann Lee, *Harbour news*" in said["content"] and said["content"].count("```") == 4
    run(scenario())


def test_random_quotes_and_a_quote_of_the_day_that_does_not_repeat(tmp_path, encoder):
    rt = make_app(tmp_path, encoder, daily_channel_id=CHANNEL_ID, daily_time="06:30", daily_fresh_days=30)

    async def scenario():
        async with running(rt) as (fake, bot):
            token = await fake.slash("random", {"speaker": "Bob Green"}, ALICE)
            body = (await fake.wait_for(edited(token))).body
            assert body["embeds"][0]["author"]["name"].startswith("1. Bob Green")
            assert any(i.startswith("quoth:cite:") for i in custom_ids(body))
            token = await fake.slash("random", {"speaker": "Nobody Atall"}, ALICE)
            said = await fake.wait_for(lambda r: r.method == "POST" and r.path.endswith(f"/{token}") and r.body)
            assert "no speaker matches" in said.body["content"] and said.body["flags"] & 64
            cog = bot.get_cog("Discover")
            assert cog.daily.is_running() and cog.daily.time[0].hour == 6 and cog.daily.time[0].minute == 30
            for _ in range(8):  # more days than the corpus has passages of twelve words or more
                assert await cog.post_quote_of_the_day() is not None
            ids = [r[0] for r in bot.asker.journal._con.execute("SELECT passage_id FROM posted ORDER BY rowid")]
            eligible = len(set(ids))
            assert eligible > 1 and len(set(ids[:eligible])) == eligible  # no repeat before all were posted
            posts = [r for r in fake.requests if r.method == "POST" and r.path == f"/channels/{CHANNEL_ID}/messages"]
            assert len(posts) == 8
            assert all(p.body["embeds"] and p.body["allowed_mentions"]["parse"] == [] for p in posts)
    run(scenario())


def test_speaker_autocomplete_and_filter_find_a_person_by_any_of_their_names(tmp_path, encoder):
    write_corpus(tmp_path / "corpus", DEBATE)  # make_app keeps a corpus that is there
    rt = make_app(tmp_path, encoder)

    async def choices(fake, typed: str) -> list[str]:
        iid = await fake.autocomplete("ask", {"question": "x", "speaker": typed}, "speaker", ALICE)
        ac = await fake.wait_for(lambda r: r.path.startswith(f"/interactions/{iid}/"))
        return [c["value"] for c in ac.body["data"]["choices"]]

    async def scenario():
        async with running(rt) as (fake, _):
            assert await choices(fake, "HOLT") == ["Lester Holt"]
            assert await choices(fake, "Mr. Holt") == ["Lester Holt"]  # no name contains it: it names him
            assert await choices(fake, "clint") == ["Hillary Clinton"]
            token = await fake.slash("ask", {"question": "manufacturing and the economy", "speaker": "Clinton"},
                                     ALICE)
            body = (await fake.wait_for(edited(token))).body
            assert body["embeds"] and all(e["author"]["name"].split(". ", 1)[1].startswith("Hillary Clinton")
                                          for e in body["embeds"] if e.get("author"))
    run(scenario())


@pytest.mark.parametrize("damage", ["truncated", "garbled"])
def test_a_damaged_journal_is_set_aside_and_the_bot_answers(tmp_path, encoder, caplog, damage):
    """bot.sqlite damaged on disk: the bot starts, answers, and its buttons work, on a fresh journal; the
    damaged file is kept aside and named in one warning."""
    rt = make_app(tmp_path, encoder)
    path = rt.settings.data_dir() / "bot.sqlite"
    from quoth.bot.discord.journal import Journal

    j = Journal(path)
    for i in range(300):
        j.record_question(f"an earlier question {i} " * 10, 3, None, None, i, 1, 1, [])
    j._con.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2] if damage == "truncated" else b"\x00garbled" * 16 + data[128:])

    async def scenario():
        async with running(rt) as (fake, bot):
            token = await fake.slash("ask", {"question": "Who rebuilt the harbour wall?"}, ALICE)
            body = (await fake.wait_for(edited(token))).body
            assert "granite" in body["embeds"][0]["description"]
            up = next(i for i in custom_ids(body) if i.endswith(":up"))
            await fake.wait_for(callback_of(await fake.click(fake.originals[token], up, BOB)))
            assert bot.asker.journal.counts()["questions"] == 1 and bot.asker.journal.counts()["up"] == 1
    with caplog.at_level(logging.WARNING, logger="quoth"):
        run(scenario())
    [aside] = path.parent.glob("bot.sqlite.damaged-*")
    assert [r.getMessage() for r in caplog.records if "damaged" in r.getMessage() and aside.name in r.getMessage()]
