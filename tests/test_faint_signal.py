"""The faint distress signal: below the crisis floor, an answer still ends with the numbers."""

from __future__ import annotations

from relais.dialogue import texts
from relais.messages import BotReply
from relais.safety.faint_signal import (
    FAINT_FLOOR,
    distress_weight,
    faint_distress,
    runner_up,
    safety_line_shown,
)


def parse(intent: str, distress: float) -> dict[str, object]:
    ranking = [{"name": intent, "confidence": 0.6}, {"name": "distress", "confidence": distress}]
    return {"intent": {"name": intent, "confidence": 0.6}, "intent_ranking": ranking}


def test_weight_is_read_from_the_ranking() -> None:
    ranking = [{"name": "ask_job", "confidence": 0.6}, {"name": "distress", "confidence": 0.12}]
    assert distress_weight(ranking) == 0.12
    assert distress_weight([{"name": "ask_job", "confidence": 0.9}]) == 0.0
    assert distress_weight([]) == 0.0


def test_faint_from_the_floor_up_and_never_for_a_crisis() -> None:
    assert faint_distress(parse("ask_training", FAINT_FLOOR))
    assert faint_distress(parse("deny", 0.26))
    assert not faint_distress(parse("ask_training", FAINT_FLOOR - 0.01))
    assert not faint_distress(parse("distress", 0.9))
    assert not faint_distress({"text": "/ask_job"})  # a button press has no ranking


def test_safety_net_added_once() -> None:
    answer = [BotReply("Les offres de job sont sur 1jeune1solution.gouv.fr.")]
    with_net = texts.with_safety_net(answer)
    assert with_net[0] == answer[0] and "3114" in with_net[1].text and "112" in with_net[1].text
    assert texts.with_safety_net(with_net) == with_net
    question = BotReply("📍 Tu habites dans quelle commune ?")
    assert texts.with_safety_net([*answer, question])[-1] == question
    crisis = texts.crisis_replies(None)
    assert texts.with_safety_net(crisis) == crisis


def test_safety_line_on_a_sentence_that_fell_back_or_a_faint_signal() -> None:
    assert safety_line_shown(parse("nlu_fallback", 0.0), "a quoi ca sert de continuer")
    assert not safety_line_shown(parse("nlu_fallback", 0.0), "zrgl pfff")
    assert safety_line_shown(parse("ask_money", 0.2), "plus un rond")
    assert not safety_line_shown(parse("ask_money", 0.02), "plus un rond")
    assert not safety_line_shown(parse("distress", 0.9), "je veux mourir")


def test_runner_up_is_the_likeliest_need_above_its_floor() -> None:
    ranking = [
        {"name": "distress", "confidence": 1.0},
        {"name": "greet", "confidence": 0.4},
        {"name": "ask_housing", "confidence": 0.2},
        {"name": "ask_job", "confidence": 0.1},
    ]
    needs = ("ask_job", "ask_housing")
    assert runner_up(ranking, needs) == "ask_housing"
    assert runner_up(ranking, needs, floor=0.3) is None
    assert runner_up([], needs) is None
