"""``/healthz`` and ``/metrics`` over HTTP for container orchestrators and Prometheus (``bot.http_port``).

``/healthz`` answers 200 when the bot is ready, its gateway connected and the index backend reachable, 503
otherwise, with the details as JSON. ``/metrics`` is Prometheus's text format, from a registry of the bot's
own (two bots in one process, as in tests, never share counters).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest

from quoth.errors import QuothError

if TYPE_CHECKING:
    from .app import QuothBot

log = logging.getLogger("quoth.bot")
PROBE_SECONDS = 5.0  # a backend that does not answer a health probe in this time counts as unreachable


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.questions = Counter("quoth_questions", "Questions asked (slash commands, mentions, DMs)",
                                 registry=self.registry)
        self.answered = Counter("quoth_answered", "Questions answered with at least one quote",
                                registry=self.registry)
        self.abstained = Counter("quoth_abstained", "Questions nothing in the corpus answered",
                                 registry=self.registry)
        self.failed = Counter("quoth_failed", "Questions that could not be searched (mistakes, index away)",
                              registry=self.registry)
        self.latency = Histogram("quoth_question_seconds", "Time to find the quotes for a question",
                                 buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30), registry=self.registry)
        self.reindexes = Counter("quoth_reindex_runs", "Index rebuilds run from Discord", ["result"],
                                 registry=self.registry)

    @contextlib.contextmanager
    def reindex_run(self) -> Iterator[None]:
        """Counts the index build inside it by how it ended: done, refused (a QuothError) or failed."""
        try:
            yield
        except QuothError:
            self.reindexes.labels("refused").inc()
            raise
        except Exception:
            self.reindexes.labels("failed").inc()
            raise
        self.reindexes.labels("done").inc()

    def question(self, started: float, hits: int | None) -> None:
        """One question done: ``hits`` quotes, or None when it could not be searched."""
        self.questions.inc()
        self.latency.observe(time.perf_counter() - started)
        if hits is None:
            self.failed.inc()
        elif hits:
            self.answered.inc()
        else:
            self.abstained.inc()


class HealthServer:
    def __init__(self, bot: QuothBot, host: str, port: int) -> None:
        self.bot, self.host, self.port = bot, host, port
        app = web.Application()
        app.router.add_get("/healthz", self.healthz)
        app.router.add_get("/metrics", self.metrics)
        self._runner = web.AppRunner(app, access_log=None)

    async def start(self) -> None:
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # the real port when 0 asked for any
        log.info("health and metrics on http://%s:%d/healthz and /metrics", self.host, self.port)

    async def stop(self) -> None:
        await self._runner.cleanup()

    async def healthz(self, request: web.Request) -> web.Response:
        bot = self.bot
        gateway = bot.is_ready() and not bot.is_closed()
        generation, reachable, problem = await asyncio.to_thread(self._index)
        body = {"ready": bot.is_ready(), "gateway": gateway, "latency_ms": _ms(bot.latency),
                "backend": bot.quoth.backend.name, "backend_reachable": reachable, "index_generation": generation}
        if problem:
            body["problem"] = problem
        return web.json_response(body, status=200 if gateway and reachable and generation else 503)

    def _index(self) -> tuple[str | None, bool, str | None]:
        """(serving generation, backend reachable, what is wrong)."""
        try:
            return self.bot.quoth.live.current().generation, True, None
        except QuothError as exc:
            reachable = "cannot reach" not in str(exc) and "refused" not in str(exc)
            return None, reachable, str(exc)

    async def metrics(self, request: web.Request) -> web.Response:
        return web.Response(body=generate_latest(self.bot.metrics.registry),
                            headers={"Content-Type": CONTENT_TYPE_LATEST})


def _ms(seconds: float) -> float | None:
    return round(seconds * 1000, 1) if seconds == seconds and seconds != float("inf") else None
