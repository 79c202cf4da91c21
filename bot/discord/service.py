"""Answering, for every Discord entry point (slash commands, mentions, DMs, buttons): search, the journal of
answers and per-user cooldowns. Everything that blocks (search, SQLite) runs in a worker thread, never on the
event loop. Cogs and buttons reach it by type, as ``QuothBot.asker``.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import re
import time
import traceback
from dataclasses import dataclass, field

import discord

from quoth import Quoth
from quoth.cite import cite
from quoth.errors import BadQuery, CorpusError, IndexUnavailable, IndexUnusable
from quoth.records import Hit
from quoth.search import SearchResult
from quoth.verify.verifier import TOO_SHORT

from ..config import BotSettings
from .answers import NO_PINGS, answer, context_text
from .components import answer_view
from .cooldowns import UserCooldowns
from .health import Metrics
from .journal import Asked, Journal
from .live.links import jump_citation, jump_url
from .remedies import next_step, reason
from .translator import _
from .verdicts import NO_QUOTES, verdict_embeds

log = logging.getLogger("quoth.bot")
# The index server is away (restarting, network): it comes back by itself, and the bot reconnects to it.
UNAVAILABLE = "The index is unavailable right now, try again in a minute."
# A server whose corpus is its live channels only, before any message was indexed (or an emptied folder).
NOTHING_YET = "Nothing is indexed for this server yet."
# A button clicked somewhere other than where its answer was given (a custom id replayed from another server):
# nothing about that answer is said, not even whether it exists.
ELSEWHERE = "That answer was given somewhere else; ask here."


def log_failure(what: str, text: str) -> None:
    """Log the exception being handled without the words a person sent (a log file is where ``/forget-me``
    cannot reach): their length instead, and the traceback with each of their words cut out of the exceptions'
    messages (the lines at the margin; a frame's code, indented, is the program's own), however a library
    quoted or split them."""
    words = sorted(set(_WORDS.findall(text)), key=len, reverse=True)
    cut = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE) if words else None
    lines = traceback.format_exc().rstrip().splitlines()
    if cut is not None:
        lines = [line if line.startswith(" ") else cut.sub("…", line) for line in lines]
    log.error("%s failed for a message of %d characters; the error:\n%s", what, len(text), "\n".join(lines))


# Words a person may have sent: two letters or more (a lone letter says nothing and is in every message).
_WORDS = re.compile(r"\w{2,}")


def unavailable_said(method):
    """A reply-making step whose index went away mid-way says so, instead of failing the interaction."""
    @functools.wraps(method)
    async def run(*args, **kwargs):
        try:
            return await method(*args, **kwargs)
        except CorpusError as exc:  # an empty folder (live channels only, no message yet), or a missing one
            log.warning("nothing indexed: %s", exc)
            return Reply(_(NOTHING_YET))
        except IndexUnavailable as exc:
            log.warning("index unavailable: %s", exc)
            return Reply(_(UNAVAILABLE))
        except IndexUnusable as exc:
            log.error("index unusable: %s", exc)
            return Reply(unusable(exc))
    return run


def unusable(exc: IndexUnusable) -> str:
    """An index that cannot serve, said to a member: what is wrong and what can be done in Discord."""
    return _("The index is not usable right now ({reason}).", reason=reason(exc)) + " " + next_step(exc)


@dataclass
class Reply:
    """What to send: a short text, embeds and buttons (an explanation alone when there is no answer)."""

    content: str
    embeds: list[discord.Embed] = field(default_factory=list)
    view: discord.ui.View | None = None
    mistake: bool = False  # the asker's mistake (an unknown speaker…): said to them alone where possible

    def kwargs(self) -> dict:
        out = {"content": self.content, "embeds": self.embeds, "allowed_mentions": NO_PINGS}
        if self.view is not None:
            out["view"] = self.view
        return out


class Mistake(str):
    """A problem with the question itself, not with Quoth."""


class AskService:
    """Answers from one corpus (``quoth``); ``serving(other)`` is the same service over another server's corpus,
    sharing the journal, metrics and cooldowns (a person asking quickly in two servers is one person asking)."""

    def __init__(self, quoth: Quoth, journal: Journal, settings: BotSettings, metrics: Metrics | None = None,
                 cooldowns: UserCooldowns | None = None) -> None:
        self.quoth = quoth
        self.journal = journal
        self.settings = settings
        self.metrics = metrics or Metrics()
        self.cooldowns = cooldowns or UserCooldowns(settings.cooldown_questions, settings.cooldown_seconds)

    def serving(self, quoth: Quoth) -> AskService:
        return AskService(quoth, self.journal, self.settings, self.metrics, self.cooldowns)

    async def asked_elsewhere(self, qid: int, guild_id: int | None, channel_id: int | None) -> bool:
        """Whether answer ``qid`` was given somewhere other than ``guild_id``/``channel_id`` (a button's click):
        then the button does nothing but say so. An answer gone from the journal is not "elsewhere": the button
        says it is too old, which reveals nothing either."""
        asked: Asked | None = await asyncio.to_thread(self.journal.get, qid)
        return asked is not None and not asked.asked_in(guild_id, channel_id)

    def refusal(self, question: str, user_id: int) -> str | None:
        """Why a question is not answered now (too long, asked too quickly), or None."""
        limit = self.settings.max_question_chars
        if len(question) > limit:
            return _("That question is {length} characters long; please keep it under {limit}.",
                     length=len(question), limit=limit)
        return self.cooldown_refusal(user_id)

    def cooldown_refusal(self, user_id: int) -> str | None:
        """A reply for someone asking too quickly, or None."""
        wait = self.cooldowns.retry_after(user_id)
        if wait:
            return _("You are asking quickly! Please wait {seconds} s before the next question.",
                     seconds=f"{wait:.0f}")
        return None

    async def search(self, question: str, k: int, offset: int = 0, source: str | None = None,
                     speaker: str | None = None) -> SearchResult | str:
        """Search in a worker thread; a string is a problem to show instead of an answer."""
        try:
            return await asyncio.to_thread(self.quoth.ask, question, k, source, speaker, offset)
        except BadQuery as exc:
            return Mistake(_("I cannot search that: {reason}.", reason=reason(exc)))
        except CorpusError as exc:  # an empty folder (live channels only, no message yet), or a missing one
            log.warning("nothing indexed: %s", exc)
            return _(NOTHING_YET)
        except IndexUnavailable as exc:
            log.warning("cannot search: %s", exc)
            return _(UNAVAILABLE)
        except IndexUnusable as exc:
            log.error("cannot search: %s", exc)
            return unusable(exc)
        except Exception:
            log_failure("search", question)
            return _("Something went wrong while searching; the error has been logged.")

    async def answer(self, question: str, k: int, user_id: int | None, guild_id: int | None,
                     channel_id: int | None, source: str | None = None, speaker: str | None = None) -> Reply:
        """The quotes for a question, recorded in the journal so that its buttons work after a restart."""
        started = time.perf_counter()
        res = await self.search(question, k, source=source, speaker=speaker)
        self.metrics.question(started, None if isinstance(res, str) else len(res.hits))
        if isinstance(res, str):
            return Reply(res, mistake=isinstance(res, Mistake))
        qid = await asyncio.to_thread(self.journal.record_question, question, k, source, speaker, user_id,
                                      guild_id, channel_id, res.hits)
        ans = answer(question, res.hits)
        return Reply(ans.content, ans.embeds, answer_view(qid, 0, len(res.hits), res.total_relevant > len(res.hits)))

    async def verify(self, message: str, user_id: int | None, guild_id: int | None, channel_id: int | None,
                     speaker: str | None = None, record: str | None = None) -> Reply:
        """The quotes in a message checked; recorded like an answer (as ``record``, else the message itself), so
        each verdict's Context button works."""
        try:
            verdicts = await asyncio.to_thread(self.quoth.verify, message, speaker)
        except BadQuery as exc:
            if exc.problem == TOO_SHORT:
                return Reply(NO_QUOTES, mistake=True)
            return Reply(_("I cannot check that: {reason}.", reason=reason(exc)), mistake=True)
        except CorpusError as exc:  # an empty folder (live channels only, no message yet), or a missing one
            log.warning("nothing indexed: %s", exc)
            return Reply(_(NOTHING_YET))
        except IndexUnavailable as exc:
            log.warning("cannot verify: %s", exc)
            return Reply(_(UNAVAILABLE))
        except IndexUnusable as exc:
            log.error("cannot verify: %s", exc)
            return Reply(unusable(exc))
        except Exception:
            log_failure("check", message)
            return Reply(_("Something went wrong while checking; the error has been logged."))
        hits = await asyncio.to_thread(self._hits, verdicts)
        qid = await asyncio.to_thread(self.journal.record_question, message if record is None else record, len(hits),
                                      None, speaker, user_id, guild_id, channel_id, hits)
        shown = [v for v in verdicts if v.passage_id is not None]
        view = answer_view(qid, 0, len(shown), False) if shown else None
        return Reply(f"Checked {len(verdicts)} quote{'s' if len(verdicts) != 1 else ''}.", verdict_embeds(verdicts),
                     view)

    def _hits(self, verdicts) -> list[Hit]:
        """The passage behind each verdict that has one, as the journal keeps hits for the Context button."""
        ids = [v.passage_id for v in verdicts if v.passage_id is not None]
        found = self.quoth.current().get(ids)
        return [Hit(found[i][0], found[i][1], 1.0) for i in ids if i in found]

    async def more(self, qid: int, offset: int) -> Reply:
        """The next quotes of an earlier answer."""
        asked = await asyncio.to_thread(self.journal.get, qid)
        if asked is None:
            return Reply(_("That answer is too old; please ask again."))
        res = await self.search(asked.question, asked.k, offset, asked.source, asked.speaker)
        if isinstance(res, str):
            return Reply(res)
        if not res.hits:
            return Reply(_("No more relevant quotes for that question."))
        await asyncio.to_thread(self.journal.add_hits, qid, res.hits)
        ans = answer(asked.question, res.hits, first_number=offset + 1)
        return Reply(ans.content, ans.embeds,
                     answer_view(qid, offset, len(res.hits), res.total_relevant > offset + len(res.hits)))

    async def _hit(self, qid: int, n: int) -> dict | None:
        """Quote ``n`` of answer ``qid`` as the journal kept it; None when the answer is gone (or has fewer)."""
        asked = await asyncio.to_thread(self.journal.get, qid)
        return asked.hits[n] if asked is not None and n < len(asked.hits) else None

    @unavailable_said
    async def context(self, qid: int, n: int) -> Reply:
        """The passages around quote ``n`` of an answer, as the index has them now."""
        hit = await self._hit(qid, n)
        if hit is None:
            return Reply(_("That answer is too old to show its context."))
        rows, focus = await asyncio.to_thread(self.quoth.context, hit["path"], hit["start"], hit["end"])
        if not rows:
            return Reply(_("That document has changed or left the index since this answer; ask again for fresh "
                           "quotes."))
        src = rows[0][1]
        embed = discord.Embed(title=src.title[:256], description=context_text(rows, focus))
        if src.url and src.url.startswith(("http://", "https://")):
            embed.url = src.url
        return Reply("", [embed])

    async def random(self, user_id: int | None, guild_id: int | None, channel_id: int | None,
                     speaker: str | None = None, source: str | None = None, avoid: set[int] | None = None,
                     title: str = "A random quote") -> tuple[Reply, Hit | None]:
        """A random passage, attributed, with its Context and Cite buttons; and the passage picked."""
        try:
            hit = await asyncio.to_thread(self.quoth.random, speaker, source, avoid or set())
        except BadQuery as exc:
            return Reply(_("I cannot pick from that: {reason}.", reason=reason(exc)), mistake=True), None
        except CorpusError as exc:  # an empty folder (live channels only, no message yet), or a missing one
            log.warning("nothing indexed: %s", exc)
            return Reply(_(NOTHING_YET)), None
        except IndexUnavailable as exc:
            log.warning("cannot pick a quote: %s", exc)
            return Reply(_(UNAVAILABLE)), None
        except IndexUnusable as exc:
            log.error("cannot pick a quote: %s", exc)
            return Reply(unusable(exc)), None
        if hit is None:
            return Reply(_("Nothing to quote from there yet.")), None
        qid = await asyncio.to_thread(self.journal.record_question, title, 1, source, speaker, user_id, guild_id,
                                      channel_id, [hit])
        ans = answer(title, [hit])
        return Reply(ans.content, ans.embeds, answer_view(qid, 0, 1, False)), hit

    @unavailable_said
    async def cite(self, qid: int, n: int) -> Reply:
        """Quote ``n`` of an answer as a citation to paste: a plain line and a Markdown link, each copyable."""
        hit = await self._hit(qid, n)
        if hit is None:
            return Reply(_("That answer is too old to cite; ask again."))
        rows, focus = await asyncio.to_thread(self.quoth.context, hit["path"], hit["start"], hit["end"], 0, 0)
        found = next(((p, s) for p, s in rows if p.id == focus), None)
        if found is None:
            return Reply(_("That document has changed or left the index since this answer; ask again."))
        p, src = found
        jump = jump_url(p.locator)
        c = jump_citation(p.text, p.label, src, jump) if jump else cite(p.text, p.label, src, p.locator)
        return Reply(f"Plain:\n```\n{c.plain.replace('```', '')}\n```\nMarkdown:\n```\n"
                     f"{c.markdown.replace('```', '')}\n```")

    async def vote(self, qid: int, user_id: int, up: bool) -> bool:
        """Record (or change) a user's vote on an answer; False when the answer is unknown."""
        return await asyncio.to_thread(self.journal.vote, qid, user_id, 1 if up else -1)
