"""Scripted conversations: the file format, and the checks on what the bot replied."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from relais.dialogue import texts
from relais.dialogue.turns import display_ml_name
from relais.knowledge import load_knowledge
from relais.messages import BotReply
from relais.routing import resolve
from relais.safety.distress import DistressKind
from relais.simulate.expectations import Bubble, Facts, check, evaluate, next_step_offered
from relais.simulate.replay import Replay, find_button, replay_one, session_id
from relais.simulate.replay_report import transcript
from relais.simulate.scripted import ScriptError, load_conversations, parse_conversations


def bubbles(*replies: BotReply) -> list[Bubble]:
    return [Bubble.from_dict(r.to_dict()) for r in replies]


def one(turns: list[dict[str, object]]) -> dict[str, object]:
    return {"conversations": [{"id": "c1", "who": "x", "turns": turns}]}


def test_the_committed_conversation_files_parse() -> None:
    files = sorted(Path("tests/conversations").glob("*.yml"))
    conversations = load_conversations(files)
    assert len(conversations) >= 80
    assert all(c.turns for c in conversations)


@pytest.mark.parametrize(
    ("turns", "problem"),
    [
        ([{"say": "slt", "press": "ok"}], "exactly one of say / press"),
        ([{"say": ""}], "non-empty"),
        ([{"say": "slt", "expect": {"answer": "pizza"}}], "answer must be one of"),
        ([{"say": "slt", "expect": {"crisis": "999"}}], "crisis numbers"),
        ([{"say": "slt", "expect": {"guess": True}}], "unknown expectation"),
        ([{"say": "slt", "expect": {"menu": "yes"}}], "true or false"),
        ([], "no turns"),
    ],
)
def test_a_malformed_script_is_refused_with_the_reason(
    turns: list[dict[str, object]], problem: str
) -> None:
    with pytest.raises(ScriptError, match=problem):
        parse_conversations(one(turns), "f")


def test_a_script_reads_moves_and_expectations() -> None:
    [c] = parse_conversations(
        one([{"say": "jveux mourir", "expect": {"crisis": 3114}}, {"press": "conseill"}]), "f"
    )
    assert c.key == "f:c1"
    assert c.turns[0].expect == {"crisis": ("3114",)} and not c.turns[0].press
    assert c.turns[1].press and c.turns[1].text == "conseill"


def test_crisis_expectations_look_at_the_first_bubble_only() -> None:
    crisis = bubbles(*texts.crisis_replies(DistressKind.HOMELESS))
    assert check({"crisis": ("115",)}, crisis, None) == []
    assert check({"crisis": ("3919",)}, crisis, None) == []  # in the list of all numbers
    late = bubbles(BotReply("Salut"), *texts.crisis_replies(DistressKind.HOMELESS))
    assert check({"crisis": ("115",)}, late, None) == ["crisis 115 first"]
    # "17" is not found inside "2017".
    assert check({"crisis": ("17",)}, bubbles(BotReply("depuis 2017")), None)


def test_no_crisis_accepts_the_safety_net_line_but_not_the_crisis_answer() -> None:
    net = bubbles(BotReply("réponse"), BotReply(texts.SAFETY_NET))
    assert check({"no_crisis": True}, net, None) == []
    crisis = bubbles(*texts.crisis_replies(DistressKind.SUICIDE))
    assert check({"no_crisis": True}, crisis, None) == ["no crisis answer"]


def test_the_answer_given_is_recognised_by_its_first_line() -> None:
    kb = load_knowledge()
    reply = bubbles(BotReply(kb.answer("housing").render().replace("\n\n", "\n\u2060\n")))
    assert evaluate({"answer": "housing"}, reply, None) == {"answer": None}
    assert check({"answer": "job"}, reply, None) == ["answer job (gave housing)"]
    # "En savoir plus" gives the rest of the same need's answer: still that need.
    more = kb.answer("training").render_more()
    assert more is not None
    assert evaluate({"answer": "training"}, bubbles(BotReply(more)), None) == {"answer": None}


def test_the_mission_locale_card_is_compared_with_the_resolver() -> None:
    ml = resolve("argenteuil").mission_locale
    assert ml is not None
    card = texts.mission_locale_card(display_ml_name(ml.name), ml.address, "Argenteuil")
    assert check({"mission_locale_for": "Argenteuil"}, bubbles(BotReply(card)), None) == []
    wrong = check({"mission_locale_for": "Cergy"}, bubbles(BotReply(card)), None)
    assert wrong and wrong[0].startswith("ML ")
    assert check({"mission_locale_for": "Lyon"}, bubbles(BotReply(card)), None)[0].startswith(
        "script:"
    )


def test_stored_facts_are_needed_for_handoff_stop_and_erasure() -> None:
    done = bubbles(BotReply(texts.handoff_done("la Mission Locale X", "1 rue Y")))
    assert check({"handoff_recorded": True}, done, Facts(True, False, 1)) == []
    assert check({"handoff_recorded": True}, done, Facts(True, False, 0))
    erased = bubbles(BotReply(texts.ERASED))
    assert check({"erased": True}, erased, Facts(False, False, 0)) == []
    assert check({"erased": True}, erased, Facts(True, False, 0))


def test_menu_and_next_step() -> None:
    menu = bubbles(texts.menu_reply())
    assert check({"menu": True}, menu, None) == [] and next_step_offered(menu)
    assert not next_step_offered(bubbles(BotReply("C'est noté.")))
    assert not next_step_offered([])


def test_a_press_finds_the_button_by_part_of_its_label() -> None:
    replies = bubbles(*texts.crisis_replies(DistressKind.SUICIDE))
    assert find_button(replies, "conseill") == "/request_human"
    assert find_button(replies, "PAS MAINTENANT") is not None
    assert find_button(replies, "pizza") is None


def test_session_ids_fit_the_web_chat_format() -> None:
    [c] = parse_conversations(one([{"say": "slt"}]), "independent_a")
    sid = session_id("1764200000", c)
    assert sid == "rp-1764200000-independent-a-c1"


async def test_a_missing_button_is_an_unmet_expectation_and_the_conversation_goes_on() -> None:
    sent: list[dict[str, str]] = []

    def web_chat(request: httpx.Request) -> httpx.Response:
        sent.append(json.loads(request.content))
        replies = [r.to_dict() for r in texts.crisis_replies(DistressKind.SUICIDE)]
        return httpx.Response(200, json={"replies": replies})

    [c] = parse_conversations(
        one(
            [
                {"say": "jveux en finir", "expect": {"crisis": "3114"}},
                {"press": "pizza"},
                {"press": "conseill"},
            ]
        ),
        "f",
    )
    transport = httpx.MockTransport(web_chat)
    async with httpx.AsyncClient(transport=transport, base_url="http://relais") as client:
        result = await replay_one(client, c, "rp-1-f-c1", "pseudo", "sqlite://")
    first, missing, pressed = result.turns
    assert first.checks == {"crisis": None} and first.error is None
    assert missing.checks == {"press": "no button 'pizza'"} and missing.error is None
    assert pressed.checks == {"press": None}
    assert sent[-1] == {"session": "rp-1-f-c1", "payload": "/request_human"}
    assert len(sent) == 2 and not result.passed
    # The transcript shows the whole conversation, the buttons and what each turn missed.
    text = transcript(Replay([result], 0.0))
    assert "- **young person**: jveux en finir" in text
    assert "3114" in text and "[🙋 Oui, parler à un·e conseiller·e]" in text
    assert "**missed**: no button 'pizza'" in text
    assert transcript(Replay([], 0.0)) == "\n"


async def test_a_button_shown_earlier_can_still_be_pressed() -> None:
    sent: list[dict[str, str]] = []

    def web_chat(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        sent.append(body)
        if body.get("text") == "jveux en finir":
            replies = [r.to_dict() for r in texts.crisis_replies(DistressKind.SUICIDE)]
        else:
            replies = [{"text": "D'accord.", "buttons": []}]
        return httpx.Response(200, json={"replies": replies})

    [c] = parse_conversations(
        one([{"say": "jveux en finir"}, {"say": "ok"}, {"press": "conseill"}]), "f"
    )
    transport = httpx.MockTransport(web_chat)
    async with httpx.AsyncClient(transport=transport, base_url="http://relais") as client:
        result = await replay_one(client, c, "rp-1-f-c1", "pseudo", "sqlite://")
    # As in the web chat and in Telegram, the buttons of an earlier reply stay pressable.
    assert result.turns[2].checks == {"press": None}
    assert sent[-1] == {"session": "rp-1-f-c1", "payload": "/request_human"}
