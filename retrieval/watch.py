"""Keeping an index current by itself: changes in the corpus folder, grouped until the folder has been quiet
for a while, each group one incremental build.

watchfiles does the watching (inotify on Linux, FSEvents on macOS, polling where neither works): a burst of
writes — a sync, an unzip, an editor saving — is one group, and files that are not documents yet (editors'
swap and backup files, downloads in progress, temporary names) are no change at all.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

from watchfiles import Change, DefaultFilter, awatch, watch

log = logging.getLogger("quoth.watch")
MAX_GROUP_MS = 60_000  # a folder that never falls quiet is still indexed at least once a minute
POLL_MS = 2_000  # a polling watcher's pause between walks of the folder, used only while the system's fails
MAX_RETRY_S = 60.0  # a watcher that keeps failing still tries again (and the folder is indexed) once a minute


class CorpusFilter(DefaultFilter):
    """Changes worth a build: documents, not editors' or downloaders' scratch files."""

    ignore_entity_patterns = (
        *DefaultFilter.ignore_entity_patterns,
        r"^\.",  # hidden files: editors' locks and swap files, .~lock.*#, .goutputstream-*
        r"^~\$",  # Word's owner files
        r"^#.*#$",  # Emacs auto-saves
        r"(?i)\.(tmp|temp|part|partial|crdownload|download|swp|swx|bak)$",
        r"^4913$",  # vim's write test
    )


@dataclass
class Retry:
    """What a watcher that failed does next. watchfiles raises on a change it cannot report (a file name that is
    not UTF-8: it cannot make it a str), and when the folder cannot be watched at all (gone, or the system's
    watch limit reached): each failure is said in one line, counts as a change (the build walks the folder
    itself and finds what watchfiles could not name), reported as soon as the next watcher is set up, and
    watching starts again after a pause that doubles while failures repeat — by polling after the second in a
    row, which needs no watch slots."""

    folder: Path
    quiet: float
    failures: int = 0
    owed: bool = False  # a failure's change, not yet reported

    @property
    def polling(self) -> bool:
        return self.failures >= 2

    @property
    def timeout_ms(self) -> int:
        """How long a watcher waits before it says "nothing yet": once set up, it reports the change a failure
        owes by then, so nothing written between the old watcher and the new one is missed."""
        return max(int(self.quiet * 1000), 50)

    def failed(self, exc: Exception) -> float:
        """Seconds to wait before watching again, the failure logged."""
        self.failures += 1
        self.owed = True
        wait = min(self.quiet * 2 ** (self.failures - 1), MAX_RETRY_S)
        how = "by polling" if self.polling else "again"
        log.warning("watching %s failed (%s); indexing the folder as it is, and watching %s in %.1f s",
                    self.folder, reason(exc), how, wait)
        return wait

    def due(self, changes: set[tuple[Change, str]]) -> bool:
        return bool(changes) or self.owed

    def settle(self, changes: set[tuple[Change, str]]) -> set[tuple[Change, str]]:
        """``changes``, with the change a failure owes (something in the folder, unnamed) when one does."""
        if changes:  # the watcher reports again: the failures are over
            self.failures = 0
        if self.owed:
            changes = changes | {(Change.modified, str(self.folder))}
            self.owed = False
        return changes

    def options(self, stop) -> dict:
        """watchfiles' arguments for the next watcher (``watch`` and ``awatch`` take the same)."""
        return {"watch_filter": CorpusFilter(), "step": int(self.quiet * 1000), "debounce": MAX_GROUP_MS,
                "stop_event": stop, "force_polling": self.polling, "poll_delay_ms": POLL_MS,
                "rust_timeout": self.timeout_ms, "yield_on_timeout": True}

    def restart(self, changes: set[tuple[Change, str]], polling: bool) -> bool:
        """Whether to set up a new watcher after ``changes`` (reported first): raises when the folder itself
        went (``gone``), true when a polling watcher has ``recovered``."""
        gone(self.folder, changes)
        return self.recovered(polling)

    def recovered(self, polling: bool) -> bool:
        """Whether a polling watcher has seen a change go through: the system's watcher is tried again (polling
        walks the whole folder every POLL_MS); what changes while it starts is owed, as after a failure."""
        if polling and self.failures == 0:
            self.owed = True
            return True
        return False

    def give_up_waiting(self) -> bool:
        """A watcher that fails again before it could report: the folder is indexed anyway, each time."""
        return self.owed and self.failures >= 2


def reason(exc: BaseException) -> str:
    """What went wrong, in words: the event loop's watcher wraps the error in a group of one."""
    if isinstance(exc, BaseExceptionGroup):
        return "; ".join(reason(e) for e in exc.exceptions)
    return f"{type(exc).__name__}: {exc}"


def gone(folder: Path, changes: set[tuple[Change, str]]) -> None:
    """Raise when the folder itself was removed: inotify follows the removed folder, not a new one made in its
    place, so a watcher that went on waiting would hear nothing more — a watcher dead without a word."""
    if (Change.deleted, str(folder)) in changes:
        raise FileNotFoundError(errno.ENOENT, "the corpus folder itself was removed", str(folder))


def corpus_changes(folder: Path, quiet: float, stop=None) -> Iterator[set[tuple[Change, str]]]:
    """Each group of changes under ``folder``, once nothing has changed for ``quiet`` seconds; never ends
    before ``stop`` is set (or an interrupt), whatever the folder holds."""
    retry = Retry(folder, quiet)
    while True:
        polling = retry.polling
        try:
            for changes in watch(folder, raise_interrupt=False, **retry.options(stop)):
                if retry.due(changes):
                    yield retry.settle(changes)
                if retry.restart(changes, polling):
                    break
            else:
                return  # stopped
        except Exception as exc:  # anything: a watcher that dies silently stops the index following the folder
            wait = retry.failed(exc)
        if _stopped(stop, wait):
            return
        if retry.give_up_waiting():
            yield retry.settle(set())


async def corpus_changes_async(folder: Path, quiet: float, stop=None) -> AsyncIterator[set[tuple[Change, str]]]:
    """``corpus_changes`` for an event loop (the bot's): the same steps, awaited."""
    retry = Retry(folder, quiet)
    while True:
        polling = retry.polling
        try:
            async for changes in awatch(folder, **retry.options(stop)):
                if retry.due(changes):
                    yield retry.settle(changes)
                if retry.restart(changes, polling):
                    break
            else:
                return
        except Exception as exc:  # as in corpus_changes
            wait = retry.failed(exc)
        if await _stopped_async(stop, wait):
            return
        if retry.give_up_waiting():
            yield retry.settle(set())


def _stopped(stop, seconds: float) -> bool:
    """Wait ``seconds`` unless ``stop`` (a threading.Event) is set first; whether it was."""
    if stop is None:
        time.sleep(seconds)
        return False
    return stop.wait(seconds)


async def _stopped_async(stop, seconds: float) -> bool:
    if stop is None:
        await asyncio.sleep(seconds)
        return False
    try:
        await asyncio.wait_for(stop.wait(), seconds)
    except TimeoutError:
        return False
    return True
