"""Check the intent the trained NLU gives each typed message of the test stories.

`rasa test core` replays the stories with the intents written in them and does not check what
the NLU would have understood; this completes it (run with the Rasa env python):

    .venv-rasa/bin/python scripts/check_story_intents.py --model models/relais.tar.gz \
        --stories tests/stories

Button payloads (messages starting with "/") are skipped: they carry their intent. Exits 1 when
a typed message gets another intent than the story says.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from nlu_eval import predict


def typed_messages(folder: Path) -> list[tuple[str, str, str]]:
    """(story, text, intent) for every typed user message of the stories in `folder`."""
    found = []
    for path in sorted(folder.glob("*.yml")):
        for story in yaml.safe_load(path.read_text()).get("stories", []):
            for step in story.get("steps", []):
                text = str(step.get("user") or "").strip()
                if text and not text.startswith("/") and step.get("intent"):
                    found.append((story["story"], text, step["intent"]))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", required=True)
    parser.add_argument("--stories", type=Path, default=Path("tests/stories"))
    args = parser.parse_args()
    messages = typed_messages(args.stories)
    [(results, _seconds)] = asyncio.run(predict(args.model, [[text for _, text, _ in messages]]))
    wrong = [
        (story, text, expected, result["intent"]["name"])
        for (story, text, expected), result in zip(messages, results, strict=True)
        if result["intent"]["name"] != expected
    ]
    for story, text, expected, got in wrong:
        print(f"✗ {story}: {text!r} → {got} (story says {expected})")
    print(f"story messages understood as written: {len(messages) - len(wrong)}/{len(messages)}")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
