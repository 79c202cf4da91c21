"""Each tenant's index rebuilt when its message store has changes not yet built: batched every
``bot.live_batch_seconds``, one build per tenant at a time (under ``tenant.build_lock``, shared with
``/reindex``), in a worker thread so the event loop and the other tenants' answers never wait for it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quoth.errors import QuothError

from ...privacy import drop_emptied_index

if TYPE_CHECKING:
    from ..tenants import Tenant

log = logging.getLogger("quoth.bot")
# A failed build is tried again after live_batch_seconds × 2^attempts, at most this often: a full disk or a
# folder away for a while must not leave a forgotten person's words in the old generation until the next message.
MAX_BACKOFF = 300.0


@dataclass
class Failure:
    """A store version whose build failed: when to try it again (never: nothing to build until it changes)."""

    version: int
    attempts: int = 1
    retry_at: float = math.inf

    def due(self, version: int) -> bool:
        return version != self.version or time.monotonic() >= self.retry_at


class Batcher:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.tenants: dict[str, Tenant] = {}  # key -> Tenant whose store the feed writes to
        self.builds: dict[str, asyncio.Task] = {}
        self.failed: dict[str, Failure] = {}  # key -> the last failed build, tried again with a back-off
        self.built = 0  # builds finished, for tests and the log
        self._task: asyncio.Task | None = None

    def watch(self, tenant: Tenant) -> None:
        self.tenants.setdefault(tenant.key, tenant)

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="quoth-live-batcher")

    async def stop(self) -> None:
        tasks = [t for t in (self._task, *self.builds.values()) if t is not None]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._task = None

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.seconds)
            for key, tenant in list(self.tenants.items()):
                running = self.builds.get(key)
                if running is None or running.done():
                    self.builds[key] = asyncio.create_task(self.build_if_pending(tenant))

    async def build_if_pending(self, tenant: Tenant) -> bool:
        """Build the tenant's index when its store is pending and no other build of it runs (a running
        ``/reindex`` reads the store too; what it misses stays pending for the next round)."""
        store = tenant.quoth.messages
        version = await asyncio.to_thread(store.version)
        failure = self.failed.get(tenant.key)
        if not await asyncio.to_thread(store.pending) or (failure is not None and not failure.due(version)):
            if not tenant.build_lock.locked() and await asyncio.to_thread(store.purge_due):
                # The generation before a removal still holds the removed messages: dropped once its grace
                # (for readers that still hold it) is over, not left until the next build.
                async with tenant.build_lock:
                    await asyncio.to_thread(tenant.quoth.purge_old)
            return False
        if tenant.build_lock.locked():
            return False
        async with tenant.build_lock:
            try:
                report = await asyncio.to_thread(tenant.quoth.index)
            except QuothError as exc:  # e.g. the last live channel removed from a server with no corpus
                if await asyncio.to_thread(drop_emptied_index, tenant):  # its old generations held the words
                    self.failed[tenant.key] = Failure(version)  # nothing to build until the store changes
                    log.info("nothing left to index in %s: its index is removed", tenant.key)
                    return False
                if self._failed(tenant.key, version):
                    log.warning("live messages of %s not built: %s; answers withhold what changed", tenant.key, exc)
                return False
            except Exception:
                if self._failed(tenant.key, version):
                    log.exception("live messages of %s not built; the previous index still serves", tenant.key)
                return False
        self.failed.pop(tenant.key, None)
        self.built += 1
        log.info("live messages of %s built: %s", tenant.key, report.summary())
        return True

    def _failed(self, key: str, version: int) -> bool:
        """Record a failed build and when to try again; whether it is the first failure of this version (said
        in full once, then a line per retry)."""
        before = self.failed.get(key)
        attempts = before.attempts + 1 if before is not None and before.version == version else 1
        wait = min(MAX_BACKOFF, self.seconds * 2 ** attempts)
        self.failed[key] = Failure(version, attempts, time.monotonic() + wait)
        if attempts > 1:
            log.warning("live messages of %s still not built (attempt %d); trying again in %.0f s", key, attempts,
                        wait)
        return attempts == 1
