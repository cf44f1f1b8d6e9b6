"""Benchmark of relais.routing.resolve: prints p50/p95/max per call (data already loaded).

Usage: ``.venv/bin/python scripts/bench_routing.py [rounds]``
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from relais.routing import resolve, resolve_position
from relais.routing.reference import load_reference

MESSAGES = [
    "argenteuil",
    "argenteuill",
    "st ouen l aumone",
    "saint ouen l'aumonne",
    "saint ouen",
    "95100",
    "77320",
    "paris 18e",
    "pierrefitte",
    "lyon",
    "je suis a lille",
    "wesh jcherche du taff vers argenteuil",
    "chui a bobigny",
    "jcherche du taf",
    "j'ai envie d'en finir",
    "bonjour",
    "Bonjour, je m'appelle Inès, j'ai 19 ans, j'habite à Sarcelles depuis deux ans et je "
    "cherche un stage ou une alternance dans la vente, vous pouvez m'aider svp ?",
    "je sais pas trop quoi faire de ma vie, j'ai arrêté les cours l'année dernière et depuis "
    "je reste chez moi, ma mère veut que je trouve un taf mais j'ai pas le permis",
]


def _percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return (
        f"p50 {statistics.median(ordered) * 1000:.3f} ms, "
        f"p95 {p95 * 1000:.3f} ms, max {ordered[-1] * 1000:.3f} ms"
    )


def main() -> None:
    """Time the first (loading) call, then every message ``rounds`` times."""
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    start = time.perf_counter()
    load_reference()
    resolve("argenteuil")
    print(f"first call (loading + index): {(time.perf_counter() - start) * 1000:.0f} ms")
    samples: list[float] = []
    for _ in range(rounds):
        for message in MESSAGES:
            start = time.perf_counter()
            resolve(message)
            samples.append(time.perf_counter() - start)
    print(f"resolve, {len(samples)} calls over {len(MESSAGES)} messages: {_percentiles(samples)}")
    positions: list[float] = []
    for _ in range(rounds):
        for latitude, longitude in ((48.9472, 2.2467), (45.76, 4.84), (48.8566, 2.3522)):
            start = time.perf_counter()
            resolve_position(latitude, longitude)
            positions.append(time.perf_counter() - start)
    print(f"resolve_position, {len(positions)} calls: {_percentiles(positions)}")


if __name__ == "__main__":
    main()
