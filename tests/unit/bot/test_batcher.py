"""The live batcher tries a failed build again, with a back-off, instead of leaving the store's changes (a
forgotten person's words in the old generation) unbuilt until the next message arrives."""

from __future__ import annotations

import asyncio
import shutil
import time

from quoth import Quoth
from quoth.bot.discord.live.batcher import Batcher
from quoth.bot.discord.tenants import Tenants
from tests.forgetting import GUILD_B, config, seed


def test_a_failed_build_is_tried_again_after_a_back_off(tmp_path, encoder, caplog):
    cfg = config(tmp_path)
    tenant = Tenants(cfg, Quoth(cfg, encoder=encoder)).for_guild(GUILD_B)  # its live channel only
    seed(tenant.quoth.messages, GUILD_B, time.time())
    folder = tenant.quoth.folder.path
    if folder.exists():
        shutil.rmtree(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("not a folder")  # a real fault: the index folder cannot be made (a mount gone, a stray file)
    # A back-off of 2 s (1 s × 2^1): wide enough that the call "at once" below falls inside it on a loaded CI
    # machine (0.1 s was not: the retry came due first and the failure record was already gone).
    batcher = Batcher(1.0)

    async def run() -> list[bool]:
        first = await batcher.build_if_pending(tenant)
        folder.unlink()  # the fault goes away
        retry_at = batcher.failed[tenant.key].retry_at
        at_once = await batcher.build_if_pending(tenant)  # within the back-off: not tried yet
        wait = retry_at - time.monotonic()
        await asyncio.sleep(max(0.0, wait) + 0.01)
        return [first, at_once, await batcher.build_if_pending(tenant)]

    assert asyncio.run(run()) == [False, False, True]
    assert not tenant.quoth.messages.pending() and tenant.key not in batcher.failed
    assert tenant.quoth.search("lighthouse keeper meetup").hits
    assert sum("not built" in r.getMessage() for r in caplog.records) == 1  # said in full once
