"""Per-user rate limits shared by slash commands, mentions and DMs."""

from __future__ import annotations

from discord import app_commands


class UserCooldowns:
    def __init__(self, rate: int, per: float) -> None:
        self.rate = rate
        self.per = per
        self._buckets: dict[int, app_commands.Cooldown] = {}

    def retry_after(self, user_id: int) -> float | None:
        """None when the user may ask now; otherwise seconds to wait (and the attempt is not counted)."""
        bucket = self._buckets.get(user_id)
        if bucket is None:
            bucket = self._buckets[user_id] = app_commands.Cooldown(self.rate, self.per)
        return bucket.update_rate_limit()
