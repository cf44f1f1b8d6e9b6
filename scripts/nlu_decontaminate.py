"""Remove NLU examples that (nearly) copy examples on the other side of the train/test line.

Two uses, both printing every line they drop:
- a new held-out set: `--drop-from tests/nlu/new.yml --against nlu` drops the test lines that
  repeat older training lines (they would measure memory, not generalisation);
- new training data: `--drop-from nlu/distress.yml --against tests/nlu` drops the training lines
  that copy held-out lines (they would leak the test into the model).
Same normalisation and 0.9 similarity cutoff as `nlu_eval.py --check-overlap`, which gates on it.
Edits the YAML line by line, so comments, order and entity markup are kept.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from nlu_eval import load_examples, norm, strip_entities

HEADER = re.compile(r"- (intent|synonym|regex|lookup):")


def _files(path: Path) -> list[Path]:
    return sorted(path.glob("*.yml")) if path.is_dir() else [path]


def overlaps(text: str, others: dict[str, str], ratio: float) -> str | None:
    """The other-side example `text` (nearly) copies, if any."""
    key = norm(text)
    if key in others:
        return others[key]
    close = difflib.get_close_matches(key, list(others), n=1, cutoff=ratio)
    return others[close[0]] if close else None


def decontaminate(target: Path, against: list[Path], ratio: float) -> int:
    """Drop from `target` every example overlapping one of `against`; the number dropped."""
    others = {norm(t): t for f in against if f != target for t, _ in load_examples(f)}
    kept: list[str] = []
    dropped = 0
    in_intent = False
    for line in target.read_text(encoding="utf-8").splitlines(keepends=True):
        stripped = line.strip()
        if HEADER.match(stripped):
            in_intent = stripped.startswith("- intent:")
        elif in_intent and stripped.startswith("- "):
            text = strip_entities(stripped[2:].strip())
            copy = overlaps(text, others, ratio)
            if copy is not None:
                print(f"{target.name}: drop {text!r} (~ {copy!r})")
                dropped += 1
                continue
        kept.append(line)
    target.write_text("".join(kept), encoding="utf-8")
    return dropped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drop-from", type=Path, required=True, help="file or folder to clean")
    parser.add_argument("--against", type=Path, required=True, help="file or folder to compare")
    parser.add_argument("--ratio", type=float, default=0.9)
    args = parser.parse_args(argv)
    against = _files(args.against)
    total = sum(decontaminate(f, against, args.ratio) for f in _files(args.drop_from))
    print(f"{total} example(s) dropped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
