"""How the trained model reads every Île-de-France commune name typed alone (Rasa env python).

    .venv-rasa/bin/python scripts/nlu_place_names.py [--model models/relais.tar.gz]

A young person asked where they live answers "coulommiers". Prints how many of the commune names
outside Paris (lowercased, no accents, no hyphens, as typed on a phone) come out as each intent,
and lists those read as ``distress``. Before PlaceGuard (round 6), 11 of 1,261 read as a crisis.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from collections import Counter
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
_REPO = str(Path(__file__).resolve().parents[1])
if _REPO not in sys.path:
    sys.path.insert(0, _REPO)

from relais.routing.normalize import normalize_text  # noqa: E402
from relais.routing.reference import load_reference  # noqa: E402


def typed_names() -> list[str]:
    """Every commune name outside Paris, as a young person would type it."""
    communes = load_reference().communes.values()
    return sorted({normalize_text(c.name) for c in communes if c.department != "75"})


async def intents(model: str, texts: list[str]) -> list[str]:
    """The intent the model gives each text."""
    from rasa.core.agent import Agent

    agent = Agent.load(model)
    return [(await agent.parse_message(text))["intent"]["name"] for text in texts]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default="models/relais.tar.gz")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    names = typed_names()
    found = asyncio.run(intents(args.model, names))
    print(f"{len(names)} commune names outside Paris, typed alone:")
    for intent, count in Counter(found).most_common():
        print(f"  {intent:<20}{count:>5}")
    crises = [name for name, intent in zip(names, found, strict=True) if intent == "distress"]
    print(f"read as a crisis: {', '.join(crises) if crises else 'none'}")


if __name__ == "__main__":
    main()
