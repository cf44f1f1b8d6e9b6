"""The web chat's token buckets (bot/web/rate_limit.py) and how their rates are configured."""

from __future__ import annotations

import pytest

from bot.web.rate_limit import RateLimiter
from relais.config import SESSION_RATE, Rate


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_up_to_the_rate_then_one_message_per_interval() -> None:
    clock = Clock()
    limiter = RateLimiter(Rate(3, 30), clock=clock)
    assert [limiter.take("s") for _ in range(4)] == [True, True, True, False]
    assert limiter.retry_after("s") == pytest.approx(10.0)
    clock.now += 9.9
    assert not limiter.take("s")
    clock.now += 0.1
    assert limiter.retry_after("s") == pytest.approx(0.0, abs=1e-9)
    assert limiter.take("s")
    assert not limiter.take("s")


def test_refused_messages_do_not_dig_the_hole_deeper() -> None:
    clock = Clock()
    limiter = RateLimiter(Rate(1, 10), clock=clock)
    assert limiter.take("s")
    for _ in range(50):
        assert not limiter.take("s")
    clock.now += 10
    assert limiter.take("s")


def test_an_idle_bucket_refills_to_the_burst_and_no_further() -> None:
    clock = Clock()
    limiter = RateLimiter(Rate(2, 10), clock=clock)
    limiter.take("s")
    clock.now += 3600
    assert [limiter.take("s") for _ in range(3)] == [True, True, False]


def test_keys_are_independent() -> None:
    limiter = RateLimiter(Rate(1, 60), clock=Clock())
    assert limiter.take("a")
    assert not limiter.take("a")
    assert limiter.take("b")
    assert limiter.retry_after("c") == 0


def test_memory_is_bounded_by_forgetting_the_least_recent_keys() -> None:
    limiter = RateLimiter(Rate(1, 60), max_keys=3, clock=Clock())
    for key in "abcd":
        limiter.take(key)
    assert len(limiter) == 3
    assert limiter.take("a"), "a forgotten key starts again with a full bucket"
    assert not limiter.take("d"), "a recent key is still remembered"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, SESSION_RATE),
        ("", SESSION_RATE),
        ("  ", SESSION_RATE),
        ("30/60", Rate(30, 60)),
        (" 5/1.5 ", Rate(5, 1.5)),
        ("40", Rate(40, 60)),
        ("0", None),
        ("off", None),
        ("OFF", None),
    ],
)
def test_rates_read_from_the_environment(text: str | None, expected: Rate | None) -> None:
    assert Rate.parse(text, SESSION_RATE) == expected


@pytest.mark.parametrize(
    "text", ["abc", "20/x", "-1/60", "20/0", "20/-5", "20/inf", "20/nan", "1.5/60"]
)
def test_a_wrong_rate_is_refused_with_the_expected_form(text: str) -> None:
    with pytest.raises(ValueError, match="rate"):
        Rate.parse(text, SESSION_RATE)
