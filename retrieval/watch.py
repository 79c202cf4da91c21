"""Keeping an index current by itself: changes in the corpus folder, grouped until the folder has been quiet
for a while, each group one incremental build.

watchfiles does the watching (inotify on Linux, FSEvents on macOS, polling where neither works): a burst of
writes — a sync, an unzip, an editor saving — is one group, and files that are not documents yet (editors'
swap and backup files, downloads in progress, temporary names) are no change at all.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

from watchfiles import Change, DefaultFilter, awatch, watch

MAX_GROUP_MS = 60_000  # a folder that never falls quiet is still indexed at least once a minute


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


def corpus_changes(folder: Path, quiet: float, stop=None) -> Iterator[set[tuple[Change, str]]]:
    """Each group of changes under ``folder``, once nothing has changed for ``quiet`` seconds."""
    yield from watch(folder, watch_filter=CorpusFilter(), step=int(quiet * 1000), debounce=MAX_GROUP_MS,
                     stop_event=stop, raise_interrupt=False)


async def corpus_changes_async(folder: Path, quiet: float, stop=None) -> AsyncIterator[set[tuple[Change, str]]]:
    """``corpus_changes`` for an event loop (the bot's)."""
    async for changes in awatch(folder, watch_filter=CorpusFilter(), step=int(quiet * 1000),
                                debounce=MAX_GROUP_MS, stop_event=stop):
        yield changes
