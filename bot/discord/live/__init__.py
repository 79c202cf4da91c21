"""Live channels: a server's chosen channels kept in its tenant's message store as they happen.

``messages`` turns Discord messages into the library's ``ChatMessage`` (and says which are skipped),
``history`` reads a channel's past (backfill, catch-up, reconcile), ``batcher`` builds each tenant's index
when its store has pending changes, ``feed`` ties them to the bot's events, and ``links`` shows a passage's
jump link.
"""
