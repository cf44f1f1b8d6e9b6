"""Token buckets that keep one web-chat session, or one address, from flooding the bot.

In memory, per process: the web chat runs in one process, and a restart forgetting who sent
what is harmless. Keys (session ids, client addresses) are never logged.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

from relais.config import Rate


class RateLimiter:
    """A token bucket per key: `rate.count` tokens, refilled evenly over `rate.seconds`."""

    def __init__(
        self,
        rate: Rate,
        max_keys: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.rate = rate
        self.max_keys = max_keys
        self.clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def _level(self, key: str, now: float) -> float:
        tokens, since = self._buckets.get(key, (float(self.rate.count), now))
        refill = (now - since) * self.rate.count / self.rate.seconds
        return min(float(self.rate.count), tokens + refill)

    def retry_after(self, key: str) -> float:
        """Seconds until `key` may send again (0 when it may now)."""
        missing = 1.0 - self._level(key, self.clock())
        return max(0.0, missing * self.rate.seconds / self.rate.count)

    def take(self, key: str) -> bool:
        """Spend one token of `key`'s bucket; False when it is empty (nothing is spent)."""
        now = self.clock()
        tokens = self._level(key, now)
        allowed = tokens >= 1.0
        self._buckets[key] = (tokens - 1.0 if allowed else tokens, now)
        self._buckets.move_to_end(key)
        # The least recently seen keys go first; a forgotten key starts again with a full bucket.
        while len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)
        return allowed

    def __len__(self) -> int:
        return len(self._buckets)
