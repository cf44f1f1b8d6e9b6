"""A faint distress signal: the classifier gives ``distress`` some weight, not enough to act.

From ``model_floor`` (0.3, ``DistressGuard``) the message is treated as a crisis. Below it, from
``FAINT_FLOOR``, the bot answers the need it understood and adds one line of crisis numbers. Of
the 12 crisis messages that the first five independent sets of round 5 slipped past rules and
classifier at first sight, 10 had at least 0.1 of ``distress`` or fell back (where the line is
shown anyway); 2.1 % of the 4,484 ordinary messages of all twenty sets reach 0.1. The sixth
set's two misses had 0.27 and 0.15 (nlu/PIPELINES.md, round 5).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

DISTRESS_INTENT = "distress"
FALLBACK_INTENT = "nlu_fallback"
FAINT_FLOOR = 0.1
# A fallback on a message this long shows the line too: one- or two-word replies and keyboard
# mashing get none, a sentence may hide a crisis.
SENTENCE_MIN_WORDS = 3
# A need the classifier gave this much (halved by DistressGuard: 0.1 before) is offered as a
# button under a crisis answer that only the classifier asked for: if the crisis reading was
# wrong, the young person's need is one tap away.
RUNNER_UP_FLOOR = 0.05


def distress_weight(ranking: Iterable[Mapping[str, Any]], intent: str = DISTRESS_INTENT) -> float:
    """The probability the classifier gave ``intent`` in an ``intent_ranking`` (0 if absent)."""
    return max(
        (float(item.get("confidence") or 0.0) for item in ranking if item.get("name") == intent),
        default=0.0,
    )


def runner_up(
    ranking: Iterable[Mapping[str, Any]], among: Collection[str], floor: float = RUNNER_UP_FLOOR
) -> str | None:
    """The likeliest intent of ``among`` in an ``intent_ranking``, if it got ``floor`` or more.

    When only the classifier heard distress, DistressGuard keeps the other intents in the
    ranking at half their weight: the need it would otherwise have answered is the runner-up.
    """
    weights = {
        str(item.get("name")): float(item.get("confidence") or 0.0)
        for item in ranking
        if item.get("name") in among
    }
    best = max(weights, key=lambda name: weights[name], default=None)
    return best if best is not None and weights[best] >= floor else None


def faint_distress(parse_data: Mapping[str, Any]) -> bool:
    """True when a message not read as a crisis still gave ``distress`` ``FAINT_FLOOR`` or more."""
    intent = (parse_data.get("intent") or {}).get("name")
    if intent == DISTRESS_INTENT:
        return False
    return distress_weight(parse_data.get("intent_ranking") or []) >= FAINT_FLOOR


def safety_line_shown(parse_data: Mapping[str, Any], text: str) -> bool:
    """Whether the bot's answer to this parse carries the safety-net line (not the crisis answer).

    A fallback on a sentence, or a faint signal. (A fallback that turns out to be a place name
    answers with the Mission Locale instead; that case is not told apart here.)
    """
    intent = (parse_data.get("intent") or {}).get("name")
    if intent == FALLBACK_INTENT and len(text.split()) >= SENTENCE_MIN_WORDS:
        return True
    return faint_distress(parse_data)
