"""Evaluate a trained Rasa NLU model on the held-out set (run with the Rasa env python).

    PYTHONPATH=/work/main .venv-rasa/bin/python scripts/nlu_eval.py \
        --model models/<file>.tar.gz --data tests/nlu/heldout.yml \
        [--min-macro-f1 0.90] [--json out.json]

Prints accuracy, macro-F1, a per-intent F1 table, distress recall, the share of examples that
fell to ``nlu_fallback`` (counted as errors) and the misclassified examples. Exits 1 when
macro-F1 < --min-macro-f1 or distress recall < 1.0.

``--without-rules`` switches off the distress rules (the classifier alone: how much the second
net catches). ``--check-overlap DIR`` instead checks that no held-out example is an exact or
near-exact (normalised) copy of a training example in DIR (exits 1 if any).
"""

from __future__ import annotations

import argparse
import asyncio
import difflib
import json
import logging
import os
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
# The model references nlu.components.distress_guard and relais.safety: make the repo importable
# even when run as `python scripts/nlu_eval.py` without PYTHONPATH.
_REPO = str(Path(__file__).resolve().parents[1])
if _REPO not in sys.path:
    sys.path.insert(0, _REPO)

from relais.dialogue.texts import NEED_INTENTS as NEEDS  # noqa: E402
from relais.safety.faint_signal import DISTRESS_INTENT as DISTRESS  # noqa: E402
from relais.safety.faint_signal import FALLBACK_INTENT as FALLBACK  # noqa: E402
from relais.safety.faint_signal import runner_up, safety_line_shown  # noqa: E402

_ENTITY_RE = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\{[^}]*\}")


def strip_entities(text: str) -> str:
    return _ENTITY_RE.sub(lambda m: m.group(1) or m.group(2), text)


def load_examples(path: Path) -> list[tuple[str, str]]:
    """(text, intent) pairs of a Rasa 3 NLU YAML file (entity markup removed)."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    pairs: list[tuple[str, str]] = []
    for block in data.get("nlu", []) or []:
        intent = block.get("intent")
        if not intent:
            continue
        for line in str(block.get("examples", "")).splitlines():
            line = line.strip()
            if line.startswith("- "):
                pairs.append((strip_entities(line[2:].strip()), intent))
    return pairs


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def check_overlap(heldout: Path, train_dir: Path, ratio: float) -> int:
    train = [t for f in sorted(train_dir.glob("*.yml")) for t, _ in load_examples(f)]
    train_norm = {norm(t): t for t in train}
    problems = 0
    for text, intent in load_examples(heldout):
        n = norm(text)
        if n in train_norm:
            print(f"EXACT  [{intent}] {text!r} == {train_norm[n]!r}")
            problems += 1
            continue
        close = difflib.get_close_matches(n, list(train_norm), n=1, cutoff=ratio)
        if close:
            print(f"NEAR   [{intent}] {text!r} ~ {train_norm[close[0]]!r}")
            problems += 1
    print(f"{problems} overlapping held-out example(s) (cutoff {ratio})")
    return 1 if problems else 0


def f1_table(gold: list[str], pred: list[str]) -> dict[str, dict[str, float]]:
    labels = sorted(set(gold))
    table: dict[str, dict[str, float]] = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=False) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, pred, strict=False) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, pred, strict=False) if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[label] = {
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "support": float(tp + fn),
        }
    return table


async def predict(model: str, sets: list[list[str]]) -> list[tuple[list[dict[str, Any]], float]]:
    """Parse every text of every set with one loaded model: (results, seconds) per set."""
    from rasa.core.agent import Agent

    agent = Agent.load(model)
    out = []
    for texts in sets:
        started = time.perf_counter()
        out.append(
            ([await agent.parse_message(text) for text in texts], time.perf_counter() - started)
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", help="trained model .tar.gz")
    parser.add_argument("--data", default=[Path("tests/nlu/heldout.yml")], type=Path, nargs="+")
    parser.add_argument("--min-macro-f1", type=float, default=0.0)
    parser.add_argument(
        "--json", type=Path, help="write the figures and errors here (one --data file)"
    )
    parser.add_argument(
        "--json-dir", type=Path, help="write nlu-eval-<set>.json here for each --data file"
    )
    parser.add_argument("--check-overlap", type=Path, metavar="TRAIN_DIR")
    parser.add_argument("--overlap-ratio", type=float, default=0.9)
    parser.add_argument(
        "--without-rules",
        action="store_true",
        help="switch off the distress rules in DistressGuard: the classifier's own figures",
    )
    args = parser.parse_args(argv)

    if args.check_overlap:
        overlaps = [check_overlap(d, args.check_overlap, args.overlap_ratio) for d in args.data]
        return max(overlaps)
    if not args.model:
        parser.error("--model is required")
    if args.json and len(args.data) > 1:
        parser.error("--json takes one --data file; use --json-dir")

    logging.disable(logging.WARNING)
    if args.without_rules:
        import nlu.components.distress_guard as guard

        guard.detect_all_distress = lambda _text: []
    sets = [load_examples(path) for path in args.data]
    parsed_sets = asyncio.run(predict(args.model, [[t for t, _ in ex] for ex in sets]))
    failed = False
    for path, examples, (parsed, elapsed) in zip(args.data, sets, parsed_sets, strict=True):
        json_path = args.json or (
            args.json_dir / f"nlu-eval-{path.stem}.json" if args.json_dir else None
        )
        failed |= report(args.model, path, examples, parsed, elapsed, args.min_macro_f1, json_path)
        print()
    return 1 if failed else 0


def report(
    model: str,
    data: Path,
    examples: list[tuple[str, str]],
    parsed: list[dict[str, Any]],
    elapsed: float,
    min_macro_f1: float,
    json_path: Path | None,
) -> bool:
    """Print (and write) the figures of one set; True when it fails the gate."""
    texts = [t for t, _ in examples]
    gold = [i for _, i in examples]
    pred: list[str] = []
    confidences: list[float] = []
    raw: list[tuple[str, float, float]] = []  # classifier top, its confidence, margin to 2nd
    for result in parsed:
        intent = result.get("intent") or {}
        pred.append(intent.get("name") or FALLBACK)
        confidences.append(float(intent.get("confidence") or 0.0))
        ranking = [r for r in result.get("intent_ranking") or [] if r.get("name") != FALLBACK]
        if ranking:
            first = float(ranking[0].get("confidence") or 0.0)
            second = float(ranking[1].get("confidence") or 0.0) if len(ranking) > 1 else 0.0
            raw.append((str(ranking[0].get("name")), first, first - second))
        else:
            raw.append((pred[-1], confidences[-1], 1.0))

    n = len(gold)
    accuracy = sum(g == p for g, p in zip(gold, pred, strict=False)) / n
    table = f1_table(gold, pred)
    macro_f1 = sum(row["f1"] for row in table.values()) / len(table)
    fallback_share = sum(p == FALLBACK for p in pred) / n
    distress_total = sum(g == DISTRESS for g in gold)
    distress_hit = sum(g == DISTRESS and p == DISTRESS for g, p in zip(gold, pred, strict=False))
    distress_recall = distress_hit / distress_total if distress_total else 1.0
    guard_hits = sum(
        1
        for r in parsed
        if any(e.get("extractor") == "DistressGuard" for e in r.get("entities") or [])
    )
    # What the young person would see first: the crisis answer, or the one-line safety net.
    line = [safety_line_shown(r, t) for r, t in zip(parsed, texts, strict=False)]
    crisis_line = sum(
        g == DISTRESS and p != DISTRESS and shown
        for g, p, shown in zip(gold, pred, line, strict=False)
    )
    ordinary_total = n - distress_total
    # A false alarm heard only by the classifier offers its runner-up need as a button.
    false_alarms = [
        (g, r)
        for g, p, r in zip(gold, pred, parsed, strict=False)
        if g != DISTRESS and p == DISTRESS
    ]
    need_offered = sum(
        runner_up(r.get("intent_ranking") or [], NEEDS) == g
        and not any(e.get("extractor") == "DistressGuard" for e in r.get("entities") or [])
        for g, r in false_alarms
    )
    ordinary_line = sum(
        g != DISTRESS and p != DISTRESS and shown
        for g, p, shown in zip(gold, pred, line, strict=False)
    )

    print(f"model: {model}")
    print(f"data:  {data} ({n} examples, {len(table)} intents)")
    print(f"accuracy          {accuracy:.3f}")
    print(f"macro-F1          {macro_f1:.3f}")
    print(f"distress recall   {distress_recall:.3f} ({distress_hit}/{distress_total})")
    print(f"nlu_fallback      {fallback_share:.3f} ({sum(p == FALLBACK for p in pred)}/{n})")
    print(
        f"crisis numbers in the first reply {distress_hit + crisis_line}/{distress_total} "
        f"(crisis answer {distress_hit}, safety-net line {crisis_line}); "
        f"ordinary messages with the line {ordinary_line}/{ordinary_total}"
    )
    print(
        f"false alarms (crisis answer to an ordinary message) {len(false_alarms)}/{ordinary_total}"
        f", of which {need_offered} offer the right need as a button"
    )
    print(f"distress rule hits {guard_hits}; parse time {1000 * elapsed / n:.1f} ms/message")
    print()
    print(f"{'intent':<22}{'prec':>6}{'rec':>6}{'f1':>6}{'n':>5}")
    for label, row in sorted(table.items(), key=lambda kv: kv[1]["f1"]):
        print(
            f"{label:<22}{row['precision']:>6.2f}{row['recall']:>6.2f}{row['f1']:>6.2f}"
            f"{int(row['support']):>5}"
        )
    print("\nFallbackClassifier threshold sweep (ambiguity_threshold 0.1; fallback = error):")
    print(f"{'threshold':>10}{'accuracy':>10}{'fallback':>10}{'wrong+kept':>12}")
    sweep = {}
    for threshold in (0.0, 0.3, 0.4, 0.5, 0.6, 0.7):
        sim = [
            FALLBACK if (conf < threshold or (threshold > 0 and margin < 0.1)) else name
            for name, conf, margin in raw
        ]
        acc = sum(g == p for g, p in zip(gold, sim, strict=False)) / n
        fb = sum(p == FALLBACK for p in sim) / n
        wrong = sum(p not in (g, FALLBACK) for g, p in zip(gold, sim, strict=False)) / n
        sweep[threshold] = {"accuracy": acc, "fallback": fb, "wrong_kept": wrong}
        print(f"{threshold:>10.1f}{acc:>10.3f}{fb:>10.3f}{wrong:>12.3f}")

    errors = [
        {"text": t, "gold": g, "pred": p, "confidence": round(c, 3)}
        for t, g, p, c in zip(texts, gold, pred, confidences, strict=False)
        if g != p
    ]
    confusions = Counter((e["gold"], e["pred"]) for e in errors)
    print(f"\nmisclassified ({len(errors)}):")
    by_gold: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in errors:
        by_gold[e["gold"]].append(e)
    for g in sorted(by_gold):
        for e in by_gold[g]:
            print(f"  {e['gold']:<20} -> {e['pred']:<20} {e['confidence']:.2f}  {e['text']}")
    if confusions:
        print("\nmost frequent confusions:")
        for (g, p), count in confusions.most_common(8):
            print(f"  {g} -> {p}: {count}")

    if json_path:
        json_path.write_text(
            json.dumps(
                {
                    "model": model,
                    "n": n,
                    "accuracy": accuracy,
                    "macro_f1": macro_f1,
                    "distress_recall": distress_recall,
                    "fallback_share": fallback_share,
                    "crisis_safety_line": crisis_line,
                    "ordinary_safety_line": ordinary_line,
                    "false_alarms": len(false_alarms),
                    "false_alarms_need_offered": need_offered,
                    "per_intent": table,
                    "threshold_sweep": sweep,
                    "errors": errors,
                },
                ensure_ascii=False,
                indent=2,
            ),
            encoding="utf-8",
        )

    failed = False
    if macro_f1 < min_macro_f1:
        print(f"\nFAIL: macro-F1 {macro_f1:.3f} < {min_macro_f1:.3f}")
        failed = True
    if distress_recall < 1.0:
        print(f"\nFAIL: distress recall {distress_recall:.3f} < 1.0")
        failed = True
    return failed


if __name__ == "__main__":
    sys.exit(main())
