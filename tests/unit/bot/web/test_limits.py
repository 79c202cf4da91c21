"""RateLimiter: a token bucket per client, with bounded memory; client_key: whose bucket a request takes from."""

from __future__ import annotations

import pytest

from quoth.bot.web.limits import RateLimiter, client_key


class Clock:
    """Time that moves only when the test says (the limiter takes its clock as an argument)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_then_429_until_a_token_is_refilled():
    clock = Clock()
    limiter = RateLimiter(per_minute=60, burst=3, clock=clock)
    assert [limiter.take("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    wait = limiter.take("a")
    assert wait == pytest.approx(1.0)  # one token a second
    clock.now += 0.5
    assert limiter.take("a") == pytest.approx(0.5)
    clock.now += 0.5
    assert limiter.take("a") == 0.0
    assert limiter.take("b") == 0.0  # another client has its own bucket


def test_refill_never_exceeds_the_burst():
    clock = Clock()
    limiter = RateLimiter(per_minute=600, burst=2, clock=clock)
    limiter.take("a")
    clock.now += 3600
    assert [limiter.take("a") > 0 for _ in range(3)] == [False, False, True]


def test_idle_clients_are_forgotten_and_memory_is_bounded():
    clock = Clock()
    limiter = RateLimiter(per_minute=60, burst=2, max_clients=100, clock=clock)
    for i in range(1000):
        limiter.take(f"10.0.{i // 256}.{i % 256}")
    assert len(limiter.buckets) == 100  # the least recently seen went first
    assert "10.0.3.231" in limiter.buckets and "10.0.0.0" not in limiter.buckets
    clock.now += 2.0  # long enough for every bucket to be full again: they are all the same as new
    limiter.take("late")
    assert list(limiter.buckets) == ["late"]


def scope(client: str, forwarded: str | None = None) -> dict:
    headers = [(b"x-forwarded-for", forwarded.encode())] if forwarded is not None else []
    return {"type": "http", "client": (client, 5555), "headers": headers}


def test_client_key_is_the_address_unless_the_proxy_is_trusted():
    assert client_key(scope("10.1.1.1", "1.2.3.4"), trust_forwarded=False) == "10.1.1.1"
    # The last address is the one the proxy saw; the first is whatever the client claimed.
    assert client_key(scope("10.1.1.1", "6.6.6.6, 1.2.3.4"), trust_forwarded=True) == "1.2.3.4"
    assert client_key(scope("10.1.1.1", " "), trust_forwarded=True) == "10.1.1.1"
    assert client_key(scope("10.1.1.1"), trust_forwarded=True) == "10.1.1.1"
