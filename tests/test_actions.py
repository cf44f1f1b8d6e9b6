"""Action tests in the style of RasaHQ's financial-demo: Tracker.from_dict + CollectingDispatcher,
on a real (temporary SQLite) store."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.conversation import (
    ActionDefaultFallback,
    ActionGoodbye,
    ActionOutOfScope,
    ActionThank,
    ActionYesNo,
)
from actions.handoff import ActionRequestHuman
from actions.location import ActionSetLocation
from actions.needs import ActionAnswerNeed, ActionBotChallenge, ActionGreet, ActionMoreInfo
from actions.privacy import ActionDeleteData, ActionOptOut
from actions.safety import ActionCrisis
from relais.dialogue import texts
from relais.dialogue.turns import aid_for_it, follow_up, keyboard_mash, leading_yes_no, what_if
from relais.simulate.expectations import Bubble, answered_need, is_crisis_answer
from store.db import session_scope
from store.models import Consent, HandoffRequest, Need, YoungPerson

SENDER = "te-0123456789abcdef"


def tracker(
    text: str,
    intent: str,
    slots: dict[str, Any] | None = None,
    entities: list[dict[str, Any]] | None = None,
    past_user_texts: tuple[str, ...] = (),
    distress_weight: float = 0.0,
    ranking: list[dict[str, Any]] | None = None,
) -> Tracker:
    """A tracker whose latest message is `text`, classified as `intent` (then `ranking`)."""
    message = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.95},
        "intent_ranking": [
            {"name": intent, "confidence": 0.95},
            *(ranking or [{"name": "distress", "confidence": distress_weight}]),
        ],
        "entities": entities or [],
        "metadata": {"channel": "web"},
    }
    events = [{"event": "user", "text": t, "parse_data": {}} for t in past_user_texts]
    events.append({"event": "user", "text": text, "parse_data": message})
    return Tracker.from_dict(
        {
            "sender_id": SENDER,
            "slots": slots or {},
            "latest_message": message,
            "events": events,
            "paused": False,
            "latest_input_channel": "rest",
            "active_loop": {},
            "latest_action_name": "action_listen",
        }
    )


def run(action: Any, t: Tracker) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Run an action; return the messages and the slots it set."""
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, t, {})
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    return dispatcher.messages, slots


def person(url: str) -> YoungPerson | None:
    with session_scope(url) as session:
        return session.scalars(select(YoungPerson).where(YoungPerson.pseudonym == SENDER)).first()


def test_first_message_answers_the_need_then_gives_the_mission_locale(app_settings: str) -> None:
    messages, slots = run(
        ActionAnswerNeed(), tracker("wesh jcherche du taff vers argenteuil", "ask_job")
    )
    assert "1jeune1solution" in messages[0]["text"]
    assert "Argenteuil" in messages[1]["text"] and "Mission Locale" in messages[1]["text"]
    privacy = messages[-1]
    assert "12 mois" in privacy["text"] and "/supprimer" in privacy["text"]
    assert [b["payload"] for b in privacy["buttons"]] == [
        '/affirm{"topic":"privacy"}',
        '/deny{"topic":"privacy"}',
    ]
    assert slots["need"] == "job" and slots["ml_code"] == "95018"
    assert slots["privacy_notice_shown"] is True
    # Before consent: the young person exists (to hold the consent state) and nothing else.
    stored = person(app_settings)
    assert stored is not None and stored.consent is Consent.PENDING
    assert stored.commune_insee is None
    with session_scope(app_settings) as session:
        assert session.scalars(select(Need)).all() == []


def test_one_answer_stays_one_bubble() -> None:
    """Rasa's REST channel splits text on blank lines: paragraphs are joined by a word joiner."""
    from actions.common import _PARAGRAPH

    assert "\n\n" not in _PARAGRAPH


def test_consent_keeps_what_was_said_before_it(app_settings: str) -> None:
    _, slots = run(ActionAnswerNeed(), tracker("jcherche du taf a argenteuil", "ask_job"))
    messages, after = run(
        ActionYesNo(),
        tracker(
            '/affirm{"topic":"privacy"}',
            "affirm",
            slots=slots,
            entities=[{"entity": "topic", "value": "privacy"}],
        ),
    )
    assert "Merci" in messages[0]["text"]
    assert after.get("yes_no_topic", None) is None
    stored = person(app_settings)
    assert stored is not None and stored.consent is Consent.GIVEN
    assert stored.ml_code == "95018"
    with session_scope(app_settings) as session:
        needs = session.scalars(select(Need)).all()
        assert [(n.need, n.commune_insee) for n in needs] == [("job", "95018")]


def test_refusal_stores_nothing_but_still_helps(app_settings: str) -> None:
    _, slots = run(ActionAnswerNeed(), tracker("besoin d'un appart a cergy", "ask_housing"))
    messages, _ = run(ActionYesNo(), tracker("non", "deny", slots=slots))
    assert "je ne garde rien" in messages[0]["text"]
    assert messages[-1]["buttons"], "never a dead end: options follow"
    stored = person(app_settings)
    assert stored is not None and stored.consent is Consent.REFUSED and stored.ml_code is None


def test_need_without_place_asks_for_the_commune(app_settings: str) -> None:
    messages, slots = run(ActionAnswerNeed(), tracker("g pa de thune", "ask_money"))
    assert "code postal" in messages[1]["text"]
    assert slots["awaiting_location"] is True


def test_homonyms_are_asked_with_buttons(app_settings: str) -> None:
    slots = {"privacy_notice_shown": True, "awaiting_location": True}
    messages, _ = run(ActionSetLocation(), tracker("saint ouen", "inform_location", slots=slots))
    titles = [b["title"] for b in messages[0]["buttons"]]
    assert "Saint-Ouen-sur-Seine (93)" in titles and "Saint-Ouen-l'Aumône (95)" in titles
    assert titles[-1] == "Aucune de celles-là"


def test_button_choice_of_a_commune_gives_its_mission_locale(app_settings: str) -> None:
    slots = {"privacy_notice_shown": True, "awaiting_location": True}
    entities = [{"entity": "commune_insee", "value": "95572"}]
    messages, after = run(
        ActionSetLocation(),
        tracker('/inform_location{"commune_insee":"95572"}', "inform_location", slots, entities),
    )
    assert "Saint-Ouen-l'Aumône" in messages[0]["text"]
    assert after["commune_insee"] == "95572" and after["awaiting_location"] is False
    assert [b["payload"] for b in messages[1]["buttons"]] == [
        "/request_human",
        "/show_menu",
        "/give_feedback",
    ]


def test_outside_ile_de_france_points_to_the_national_directory(app_settings: str) -> None:
    slots = {"privacy_notice_shown": True}
    messages, _ = run(ActionSetLocation(), tracker("je suis a lyon", "inform_location", slots))
    assert "unml.info" in messages[0]["text"]


def test_handoff_asks_commune_then_consent_then_records_the_request(app_settings: str) -> None:
    slots: dict[str, Any] = {
        "privacy_notice_shown": True,
        "need": "housing",
        "needs_expressed": ["housing"],
    }
    messages, changed = run(
        ActionRequestHuman(), tracker("je veux parler a qqn", "request_human", slots)
    )
    assert "commune" in messages[0]["text"]
    slots.update(changed)
    messages, changed = run(ActionSetLocation(), tracker("95100", "inform_location", slots))
    assert any("tu es d'accord" in m["text"].lower() for m in messages)
    slots.update(changed)
    messages, changed = run(
        ActionYesNo(),
        tracker("oui", "affirm", slots, past_user_texts=("jdois quitter mon foyer le 30",)),
    )
    assert "C'est transmis" in messages[0]["text"] and "2 jours ouvrés" in messages[0]["text"]
    with session_scope(app_settings) as session:
        request = session.scalars(select(HandoffRequest)).one()
        assert request.ml_code == "95018" and request.need == "housing" and request.consent
        assert "Trouver un logement" in request.summary and "Argenteuil" in request.summary
        assert "foyer" in request.summary
    slots.update(changed)
    messages, _ = run(ActionRequestHuman(), tracker("un humain stp", "request_human", slots))
    assert "déjà transmise" in messages[0]["text"]
    assert [b["payload"] for b in messages[0]["buttons"]] == ["/show_menu"]  # not a dead end


@pytest.mark.parametrize(
    ("action", "text", "intent"),
    [
        (ActionOutOfScope(), "on s'est fait massacrer au foot 7-0 mdr", "out_of_scope"),
        (ActionOutOfScope(), "mdrrr", "out_of_scope"),
        (ActionBotChallenge(), "t ki toi t un robot ?", "bot_challenge"),
        (ActionRequestHuman(), "jveux parler a un vrai conseiller pas a un robot", "request_human"),
        (ActionGoodbye(), "😅", "goodbye"),  # no goodbye before a hello
    ],
)
def test_the_privacy_notice_comes_with_any_first_reply(
    app_settings: str, action: Any, text: str, intent: str
) -> None:
    messages, changed = run(action, tracker(text, intent))
    assert texts.PRIVACY_NOTICE in messages[-1]["text"]
    assert changed["privacy_notice_shown"] is True and changed["yes_no_topic"] == "privacy"
    # Not twice.
    messages, _ = run(action, tracker(text, intent, {"privacy_notice_shown": True}))
    assert not any(texts.PRIVACY_NOTICE in (m["text"] or "") for m in messages)


def test_a_goodbye_after_a_first_crisis_message_is_a_goodbye(app_settings: str) -> None:
    messages, _ = run(ActionGoodbye(), tracker("merci bye", "goodbye", {"crisis_kind": "suicide"}))
    assert texts.GOODBYE in messages[0]["text"] and "3114" in messages[0]["text"]


def test_an_off_topic_reading_still_answers_a_need_named_or_the_last_one(app_settings: str) -> None:
    text = "g maté un film d'horreur hier jsuis morte de peur lol. bref jveux une formation"
    ranking = [
        {"name": "out_of_scope", "confidence": 0.6},
        {"name": "ask_training", "confidence": 0.2},
    ]
    messages, changed = run(ActionOutOfScope(), tracker(text, "out_of_scope", ranking=ranking))
    assert changed["need"] == "training"
    slots = {"privacy_notice_shown": True, "need": "training", "ml_code": "95127"}
    messages, _ = run(ActionOutOfScope(), tracker("faut quels papiers ?", "out_of_scope", slots))
    assert "pas de réponse précise" in messages[0]["text"]


def test_accepting_the_notice_is_not_agreeing_to_share(app_settings: str) -> None:
    _, slots = run(ActionAnswerNeed(), tracker("jcherche du taf a argenteuil", "ask_job"))
    privacy = [{"entity": "topic", "value": "privacy"}]
    _, changed = run(ActionYesNo(), tracker("ok", "affirm", slots, entities=privacy))
    slots.update(changed)
    messages, changed = run(ActionRequestHuman(), tracker("/request_human", "request_human", slots))
    assert texts.HANDOFF_CONSENT_ASK in messages[-1]["text"]
    with session_scope(app_settings) as session:
        assert session.scalars(select(HandoffRequest)).first() is None
    slots.update(changed)
    messages, _ = run(ActionYesNo(), tracker("vas y", "affirm", slots))
    assert "C'est transmis" in messages[0]["text"]
    with session_scope(app_settings) as session:
        assert session.scalars(select(HandoffRequest)).one().ml_code == "95018"


@pytest.mark.parametrize(
    ("text", "kind", "first_number"),
    [
        ("j'ai envie d'en finir", "suicide", "3114"),
        ("je dors dehors ce soir", "homeless", "115"),
        ("mon copain me frappe", "partner_violence", "3919"),
        ("mon pere me tape jai 16 ans", "child_danger", "119"),
        ("aidez moi", None, "3114"),
    ],
)
def test_crisis_numbers_come_first(
    app_settings: str, text: str, kind: str | None, first_number: str
) -> None:
    entities = [{"entity": "distress_kind", "value": kind}] if kind else []
    messages, _ = run(ActionCrisis(), tracker(text, "distress", entities=entities))
    assert first_number in messages[0]["text"].split("\n")[0]
    for number in ("3114", "115", "119", "3919", "112"):
        assert number in messages[0]["text"]
    assert "/request_human" in [b["payload"] for b in messages[1]["buttons"]]
    # Only the classifier heard distress: it may be wrong, so the menu stays one tap away.
    offers_menu = any(
        "/show_menu" in [b["payload"] for b in m.get("buttons") or []] for m in messages[2:]
    )
    assert offers_menu is (kind is None)


def test_a_crisis_heard_only_by_the_classifier_offers_the_need_it_may_have_been(
    app_settings: str,
) -> None:
    # As DistressGuard leaves it: distress first, the other intents at half their weight.
    text = "mes parents veulent plus de moi a la maison, il me faut un truc vite"
    ranking = [{"name": "ask_housing", "confidence": 0.21}, {"name": "greet", "confidence": 0.3}]
    unspecified = [{"entity": "distress_kind", "value": "unspecified"}]
    messages, _ = run(ActionCrisis(), tracker(text, "distress", None, unspecified, ranking=ranking))
    assert "115" in messages[0]["text"]
    payloads = [b["payload"] for b in messages[-1]["buttons"]]
    assert payloads == ["/ask_housing", "/show_menu"]
    # A need too faint to name: the menu alone. A rule named the danger: no second guess.
    faint = [{"name": "ask_housing", "confidence": 0.02}]
    messages, _ = run(ActionCrisis(), tracker(text, "distress", None, unspecified, ranking=faint))
    assert [b["payload"] for b in messages[-1]["buttons"]] == ["/show_menu"]
    named = [{"entity": "distress_kind", "value": "homeless"}]
    tonight = "je dors dehors ce soir"
    messages, _ = run(ActionCrisis(), tracker(tonight, "distress", None, named, ranking=ranking))
    assert all("/ask_housing" not in str(m.get("buttons")) for m in messages)


def bubbles(messages: list[dict[str, Any]]) -> list[Bubble]:
    """The replies as the web chat shows them."""
    return [Bubble.from_dict(m) for m in messages]


@pytest.mark.parametrize(
    "text",
    [
        "jsors du foyer le mois prochain jai eu 18 ans et g nul part ou aller apres",
        "mes parents me mettent dehors le mois prochain, il me faut un truc avant",
    ],
)
def test_a_roof_lost_later_heard_as_danger_by_the_classifier_alone_gets_housing(
    app_settings: str, text: str
) -> None:
    # Being put out next month is a housing question (nlu/INTENTS.md): its answer, and the
    # numbers in one line in case the reading is wrong.
    unspecified = [{"entity": "distress_kind", "value": "unspecified"}]
    ranking = [{"name": "ask_housing", "confidence": 0.3}]
    messages, _ = run(ActionCrisis(), tracker(text, "distress", None, unspecified, ranking=ranking))
    assert answered_need(bubbles(messages)) == "housing"
    assert not is_crisis_answer(bubbles(messages))
    assert "115" in " ".join(m["text"] for m in messages)


def test_stop_ends_proactive_messages(app_settings: str) -> None:
    messages, _ = run(ActionOptOut(), tracker("stop", "opt_out"))
    assert "plus aucun message" in messages[0]["text"]
    stored = person(app_settings)
    assert stored is not None and stored.opted_out


@pytest.mark.parametrize(
    ("text", "intent"), [("ok mrc. stop", "thank"), ("bye, arrêtez les messages", "goodbye")]
)
def test_thanks_or_bye_then_stop_stops(app_settings: str, text: str, intent: str) -> None:
    action = ActionThank() if intent == "thank" else ActionGoodbye()
    messages, _ = run(action, tracker(text, intent, {"privacy_notice_shown": True}))
    assert "plus aucun message" in messages[0]["text"]
    stored = person(app_settings)
    assert stored is not None and stored.opted_out


def test_delete_says_so_and_asks_the_gateway_to_erase(app_settings: str) -> None:
    messages, _ = run(ActionDeleteData(), tracker("supprime mes données", "delete_data"))
    assert "effacé" in messages[0]["text"]
    assert messages[1]["custom"] == {"relais_erase": True}


def test_fallback_tries_a_place_then_offers_the_menu_without_guessing(app_settings: str) -> None:
    slots = {"privacy_notice_shown": True}
    messages, after = run(ActionDefaultFallback(), tracker("argenteuill", "nlu_fallback", slots))
    assert "Argenteuil" in messages[0]["text"] and after["ml_code"] == "95018"
    messages, after = run(ActionDefaultFallback(), tracker("zrgl pfff", "nlu_fallback", slots))
    assert "pas bien compris" in messages[0]["text"]
    assert len(messages[0]["buttons"]) >= 10 and "need" not in after
    assert "3114" not in messages[0]["text"]


def test_a_veiled_crisis_read_as_a_need_still_ends_with_the_numbers(app_settings: str) -> None:
    slots = {"privacy_notice_shown": True}
    text = "de toute facon dans une semaine jsuis plus la donc osef de votre formation"
    veiled = tracker(text, "ask_training", slots, distress_weight=0.12)
    messages, _ = run(ActionAnswerNeed(), veiled)
    assert "formation" in messages[0]["text"].lower()
    assert messages[1]["text"] == texts.SAFETY_NET  # after the answer, before the next question
    assert "commune" in messages[-1]["text"]
    plain = tracker("je cherche une formation", "ask_training", slots, distress_weight=0.01)
    messages, _ = run(ActionAnswerNeed(), plain)
    assert all("3114" not in m["text"] for m in messages)


def test_a_sentence_not_understood_still_shows_the_crisis_numbers(app_settings: str) -> None:
    slots = {"privacy_notice_shown": True}
    text = "pfff jsp trop quoi dire la zrgl"
    messages, after = run(ActionDefaultFallback(), tracker(text, "nlu_fallback", slots))
    first = messages[0]["text"]
    assert first.startswith("Je n'ai pas bien compris")
    assert all(number in first for number in ("3114", "119", "115", "112"))
    assert len(messages[0]["buttons"]) >= 10 and "need" not in after


def test_an_unreadable_answer_to_where_asks_again_for_the_commune(app_settings: str) -> None:
    slots = {"privacy_notice_shown": True, "awaiting_location": True, "need": "job"}
    messages, after = run(ActionDefaultFallback(), tracker("zrglbourg", "nlu_fallback", slots))
    assert messages[0]["text"].startswith("Je ne trouve pas cette commune")
    assert after.get("awaiting_location", True) is True and "ml_code" not in after
    messages, after = run(ActionDefaultFallback(), tracker("jsui a sarsel", "nlu_fallback", slots))
    assert "Sarcelles" in messages[0]["text"] and after["ml_code"] == "95585"


def test_greeting_shows_menu_and_privacy_notice_once(app_settings: str) -> None:
    messages, slots = run(ActionGreet(), tracker("slt", "greet"))
    assert "Relais" in messages[0]["text"] and len(messages[0]["buttons"]) >= 10
    assert "12 mois" in messages[1]["text"]
    messages, _ = run(ActionGreet(), tracker("wesh", "greet", slots))
    assert all("12 mois" not in m["text"] for m in messages)


def test_a_position_in_paris_gives_the_mission_locale_without_a_commune(app_settings: str) -> None:
    slots = {"privacy_notice_shown": True}
    entities = [{"entity": "ml_code", "value": "75119"}]
    messages, after = run(
        ActionSetLocation(),
        tracker('/inform_location{"ml_code":"75119"}', "inform_location", slots, entities),
    )
    assert "Mission Locale Paris" in messages[0]["text"] and after["ml_code"] == "75119"
    assert after.get("commune_insee") is None


# --- found by replaying independently written conversations (tests/conversations) -------------


def test_a_typed_yes_to_the_crisis_offer_starts_the_handoff(app_settings: str) -> None:
    messages, slots = run(
        ActionCrisis(), tracker("de tte facon jvais en finir ce soir", "distress")
    )
    assert any("conseill" in b["title"] for b in messages[1]["buttons"])
    assert slots["yes_no_topic"] == "human"
    messages, changed = run(ActionYesNo(), tracker("oui", "affirm", slots))
    assert messages[0]["text"] == texts.HANDOFF_ASK_LOCATION
    assert changed["handoff_pending"] is True and changed["awaiting_location"] is True
    slots.update(changed)
    # The commune: one question only (the OK to share), not the privacy notice on top of it.
    messages, changed = run(
        ActionSetLocation(), tracker("villiers le bel", "inform_location", slots)
    )
    assert texts.HANDOFF_CONSENT_ASK in messages[-1]["text"]
    assert not any(texts.PRIVACY_NOTICE in m["text"] for m in messages)
    assert changed["yes_no_topic"] == "handoff"
    slots.update(changed)
    messages, _ = run(ActionYesNo(), tracker("oui d'accord", "affirm", slots))
    assert texts.HANDOFF_DONE in messages[0]["text"]


def test_a_typed_no_to_the_crisis_offer_keeps_the_numbers_at_hand(app_settings: str) -> None:
    _, slots = run(ActionCrisis(), tracker("mon copain me frappe", "distress"))
    messages, changed = run(ActionYesNo(), tracker("non", "deny", slots))
    assert messages[0]["text"] == texts.HUMAN_DECLINED
    assert changed["yes_no_topic"] is None


def test_a_yes_answers_only_the_question_just_asked(app_settings: str) -> None:
    # The privacy notice was shown with the first answer; two turns later "oui" is not consent.
    slots = {"privacy_notice_shown": True, "yes_no_topic": "privacy", "awaiting_location": True}
    _, changed = run(ActionSetLocation(), tracker("sevran", "inform_location", slots))
    assert changed["yes_no_topic"] is None
    slots.update(changed)
    messages, _ = run(ActionYesNo(), tracker("oui", "affirm", slots))
    assert messages[0]["text"] == texts.AFFIRM_NO_QUESTION
    young = person(app_settings)
    assert young is None or young.consent is not Consent.GIVEN


@pytest.mark.parametrize(
    ("action", "text", "intent", "ml"),
    [
        (ActionYesNo(), "ah si c houdan", "affirm", "Rambouillet"),
        (ActionOutOfScope(), "mante la jolie", "out_of_scope", "Mantes la Jolie"),
        (ActionOutOfScope(), "courcouronnes", "out_of_scope", "Moissy Cramayel"),
    ],
)
def test_the_commune_asked_for_is_read_whatever_the_intent(
    app_settings: str, action: Any, text: str, intent: str, ml: str
) -> None:
    slots = {"privacy_notice_shown": True, "awaiting_location": True, "yes_no_topic": "privacy"}
    messages, changed = run(action, tracker(text, intent, slots))
    assert f"Mission Locale {ml}" in messages[0]["text"]
    assert changed["awaiting_location"] is False


def test_off_topic_says_so_and_shows_the_menu(app_settings: str) -> None:
    slots = {"privacy_notice_shown": True}
    messages, _ = run(
        ActionOutOfScope(), tracker("t'as vu le match de hier soir", "out_of_scope", slots)
    )
    assert messages[0]["text"] == texts.OUT_OF_SCOPE
    assert {"/ask_job", "/ask_housing", "/request_human"} <= {
        b["payload"] for b in messages[0]["buttons"]
    }


@pytest.mark.parametrize(
    ("text", "safety_net"),
    [("banane", False), ("bref la flemme", True), ("jaime trop les crepes au nutella", True)],
)
def test_a_word_or_a_remark_off_topic_is_not_understood(
    app_settings: str, text: str, safety_net: bool
) -> None:
    slots = {"privacy_notice_shown": True}
    messages, _ = run(ActionOutOfScope(), tracker(text, "out_of_scope", slots))
    first = messages[0]["text"]
    assert first.startswith(texts.NOT_UNDERSTOOD)
    assert (texts.SAFETY_NET in first) is safety_net
    assert "/ask_job" in {b["payload"] for b in messages[0]["buttons"]}


def test_no_to_where_you_live_still_helps(app_settings: str) -> None:
    slots = {"privacy_notice_shown": True, "awaiting_location": True}
    messages, changed = run(ActionYesNo(), tracker("non jsp", "deny", slots))
    assert messages[0]["text"] == texts.LOCATION_UNKNOWN_OK
    assert changed["awaiting_location"] is False


@pytest.mark.parametrize(
    "mash", ["hdjdkslq", "azertyuiopqsdfg", "xkcdqwrt", "azerrty ggg", "qsdf hjkl"]
)
def test_keys_hit_at_random_are_not_understood_rather_than_off_topic(
    app_settings: str, mash: str
) -> None:
    messages, _ = run(
        ActionOutOfScope(), tracker(mash, "out_of_scope", {"privacy_notice_shown": True})
    )
    assert messages[0]["text"] == texts.NOT_UNDERSTOOD
    assert "/ask_job" in [b["payload"] for b in messages[0]["buttons"]]


def test_keys_hit_at_random_are_no_yes(app_settings: str) -> None:
    # Read as "affirm" after "Tu es d'accord ?": not a consent, "pas compris".
    slots = {"privacy_notice_shown": True, "yes_no_topic": "handoff", "handoff_pending": True,
             "ml_code": "95018", "commune_insee": "95018", "need": "job"}  # fmt: skip
    for action, intent in [(ActionYesNo(), "affirm"), (ActionOutOfScope(), "out_of_scope"),
                           (ActionDefaultFallback(), "nlu_fallback")]:  # fmt: skip
        messages, changed = run(action, tracker("jjjjjjjjjjkkkkkk", intent, slots))
        # The question stays, with its answers.
        assert messages[0]["text"] == texts.YES_NO_AGAIN
        assert "transmets" in messages[0]["buttons"][0]["title"]
        assert changed.get("yes_no_topic", "handoff") == "handoff"
    with session_scope(app_settings) as session:
        assert session.scalars(select(HandoffRequest)).first() is None
    # Without a question, or with the privacy notice only (it may be left unanswered), it is
    # "pas compris" and the menu.
    for topic in (None, "privacy"):
        t = tracker("jjjjkkkk", "affirm", {"privacy_notice_shown": True, "yes_no_topic": topic})
        messages, _ = run(ActionYesNo(), t)
        assert messages[0]["text"].startswith(texts.NOT_UNDERSTOOD)
        assert "/ask_job" in {b["payload"] for b in messages[0]["buttons"]}
    # A real "oui" still is.
    messages, _ = run(ActionYesNo(), tracker("oui", "affirm", slots))
    assert any("C'est transmis" in m["text"] for m in messages)


@pytest.mark.parametrize(
    "word",
    [
        "football",
        "instruction",
        "constructif",
        "wesh",
        "lol",
        "bof",
        "trop bien",
        "ok mrc",
        "cergy",
    ],
)
def test_real_words_are_not_keyboard_mash(word: str) -> None:
    assert not keyboard_mash(word)


def test_a_short_yes_the_nlu_missed_still_answers_the_question_just_asked(
    app_settings: str,
) -> None:
    _, slots = run(ActionCrisis(), tracker("bientôt jserai plus là pour personne", "distress"))
    messages, changed = run(
        ActionDefaultFallback(), tracker("ouais jveux bien parler à qqn", "nlu_fallback", slots)
    )
    assert messages[0]["text"] == texts.HANDOFF_ASK_LOCATION
    assert changed["handoff_pending"] is True


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("ouais jveux bien parler à qqn", True),
        ("Vas-y", True),
        ("nan pas besoin", False),
        ("ouais merci mais le taf c'est important pour moi aussi", None),
        ("pas de souci", None),
        ("jsp", None),
    ],
)
def test_leading_yes_no(text: str, answer: bool | None) -> None:
    assert leading_yes_no(text) is answer


def test_a_crisis_message_naming_a_commune_routes_the_counsellor_there(app_settings: str) -> None:
    text = "je dors dehors ce soir a sarcelles"
    _, slots = run(ActionCrisis(), tracker(text, "distress", {"privacy_notice_shown": True}))
    assert slots["ml_code"] == "95585"
    messages, _ = run(ActionYesNo(), tracker("oui", "affirm", slots))
    assert texts.HANDOFF_CONSENT_ASK in messages[-1]["text"]


def test_a_correction_of_the_commune_is_read_as_the_commune(app_settings: str) -> None:
    slots = {"privacy_notice_shown": True, "ml_code": "78498", "commune_insee": "78498"}
    messages, changed = run(ActionYesNo(), tracker("non pardon c pontoise", "deny", slots))
    assert "Cergy" in messages[0]["text"] and changed["ml_code"] != "78498"


def test_a_correction_naming_both_communes_keeps_the_other_one(app_settings: str) -> None:
    slots = {"privacy_notice_shown": True, "ml_code": "78498", "commune_insee": "78498"}
    messages, changed = run(
        ActionYesNo(), tracker("non pardon c pontoise pas poissy", "deny", slots)
    )
    assert "Pontoise" in messages[0]["text"] and changed["commune_insee"] == "95500"


def test_first_answer_is_one_phone_screen_and_the_rest_is_one_tap_away(app_settings: str) -> None:
    messages, _ = run(ActionAnswerNeed(), tracker("jcherche du taf vers argenteuil", "ask_job"))
    first = messages[0]
    assert len(first["text"]) <= 320 and "1jeune1solution" in first["text"]
    assert "Postule à 2 ou 3 offres" not in first["text"]
    [more] = [b for b in first["buttons"] if b["title"] == texts.MORE_BUTTON]
    assert more["payload"] == '/more_info{"need_code":"job"}'

    later = tracker(more["payload"], "more_info", slots={"need": "housing", "ml_code": "95018"},
                    entities=[{"entity": "need_code", "value": "job"}])  # fmt: skip
    rest, _ = run(ActionMoreInfo(), later)
    assert "Postule à 2 ou 3 offres" in rest[0]["text"]  # the job's, though housing came since
    assert "/request_human" in [b["payload"] for b in rest[1]["buttons"]]


def test_typed_more_gives_the_rest_of_the_last_answer_or_the_menu(app_settings: str) -> None:
    rest, _ = run(ActionMoreInfo(), tracker("dis m'en plus", "more_info", slots={"need": "money"}))
    assert "👉" in rest[0]["text"]
    assert len(rest[1]["buttons"]) >= 8  # no Mission Locale yet: the menu, never a dead end
    nothing, _ = run(ActionMoreInfo(), tracker("plus d'infos", "more_info"))
    assert len(nothing[0]["buttons"]) >= 8


def test_a_second_need_in_the_message_is_offered_as_a_button(app_settings: str) -> None:
    text = "jveux passer le permis et trouver une formation vers melun"
    messages, slots = run(
        ActionAnswerNeed(),
        tracker(text, "ask_mobility", ranking=[{"name": "ask_training", "confidence": 0.04}]),
    )
    assert slots["need"] == "mobility"
    assert {"title": texts.ALSO_TITLES["training"], "payload": "/ask_training"} in messages[0][
        "buttons"
    ]


def test_the_need_already_solved_is_not_the_one_answered(app_settings: str) -> None:
    text = "g trouvé un taf mais faut que je trouve un logement a massy"
    messages, slots = run(
        ActionAnswerNeed(),
        tracker(text, "ask_job", ranking=[{"name": "ask_housing", "confidence": 0.03}]),
    )
    assert slots["need"] == "housing"
    assert messages[0]["text"].startswith(texts_first_line("housing"))
    assert "Massy" in messages[1]["text"]


def texts_first_line(need: str) -> str:
    from relais.knowledge import load_knowledge

    return load_knowledge().answer(need).paragraphs[0][:40]


def test_a_move_mid_conversation_changes_the_mission_locale(app_settings: str) -> None:
    nanterre = {"need": "orientation", "commune_insee": "92050", "ml_code": "92050",
                "privacy_notice_shown": True}  # fmt: skip
    text = "ah non attend g demenagé le mois dernier, jsuis a colombes mtn"
    messages, slots = run(ActionAnswerNeed(), tracker(text, "ask_money", nanterre))
    assert "Colombes" in messages[1]["text"] and slots["commune_insee"] == "92025"
    # Where one is now, said plainly, counts too.
    text = "g trouvé un taf mais faut que je trouve un appart mtn, jsuis a massy"
    messages, slots = run(ActionAnswerNeed(), tracker(text, "ask_housing", nanterre))
    assert "Massy" in messages[1]["text"] and slots["commune_insee"] == "91377"
    # A need asked without a move keeps the place known, even naming another town.
    messages, slots = run(
        ActionAnswerNeed(), tracker("ya du taf vers colombes ?", "ask_job", nanterre)
    )
    assert "Nanterre" in messages[1]["text"] and "commune_insee" not in slots


def test_a_move_read_as_danger_by_the_classifier_alone_gives_the_new_place(
    app_settings: str,
) -> None:
    poissy = {"commune_insee": "78498", "ml_code": "78498", "privacy_notice_shown": True}
    text = "ah ouais mais c bon g demenagé hier, jsuis aux mureaux chez mon oncle mtn"
    messages, slots = run(ActionCrisis(), tracker(text, "distress", poissy))
    assert "Mureaux" in messages[0]["text"]
    assert texts.SAFETY_NET in messages[1]["text"]  # the numbers stay, in one line
    assert slots["commune_insee"] == "78440"
    # Where one is, said in a message only the classifier read as danger: the crisis answer.
    messages, _ = run(ActionCrisis(), tracker("jsuis a sarcelles et g plus de force", "distress"))
    assert texts.ALL_NUMBERS in messages[0]["text"]
    # Danger a rule names is the crisis answer, move or not.
    text = "g demenagé chez mon oncle aux mureaux mais il me frappe"
    messages, _ = run(ActionCrisis(), tracker(text, "distress", poissy))
    assert texts.ALL_NUMBERS in messages[0]["text"]


def test_are_you_a_robot_is_answered_with_the_menu_or_the_need_asked_with_it(
    app_settings: str,
) -> None:
    messages, _ = run(ActionBotChallenge(), tracker("t ki toi t un robot ?", "bot_challenge"))
    assert messages[0]["text"] == texts.BOT_INTRO and len(messages[0]["buttons"]) >= 10
    text = "t'es un vrai humain ou un robot ? et sinon g besoin d'un taf"
    ranked = [{"name": "ask_job", "confidence": 0.001}]  # as the NLU ranks it
    messages, slots = run(ActionBotChallenge(), tracker(text, "bot_challenge", ranking=ranked))
    assert messages[0]["text"] == texts.BOT_INTRO
    assert "1jeune1solution" in messages[1]["text"] and slots["need"] == "job"


def test_a_greeting_with_a_need_answers_the_need(app_settings: str) -> None:
    text = "coucou 👋😊 jsp du tout quoi faire après le lycée 🤷‍♀️"
    ranked = [{"name": "ask_orientation", "confidence": 0.1}]
    _, slots = run(ActionGreet(), tracker(text, "greet", ranking=ranked))
    assert slots["need"] == "orientation" and slots["awaiting_location"] is True
    messages, slots = run(ActionGreet(), tracker("coucou 👋", "greet"))
    assert "need" not in slots and len(messages[0]["buttons"]) >= 10


def test_on_first_contact_the_card_keeps_the_way_to_a_counsellor(app_settings: str) -> None:
    messages, _ = run(ActionAnswerNeed(), tracker("jcherche un taf a bobigny", "ask_job"))
    card, notice = messages[1], messages[2]
    assert card["text"].startswith(texts.CARD_MARK)
    assert "/request_human" in [b["payload"] for b in card["buttons"]]
    assert texts.PRIVACY_NOTICE in notice["text"]


def test_the_country_one_comes_from_is_not_where_one_lives(app_settings: str) -> None:
    text = "salam, je suis arrivé d'algérie ya 6 mois, je comprends rien au titre de séjour"
    messages, slots = run(ActionAnswerNeed(), tracker(text, "ask_admin"))
    assert texts.ASK_LOCATION in messages[1]["text"] and slots["awaiting_location"] is True
    messages, _ = run(ActionAnswerNeed(), tracker("jcherche un taf, j'habite a lyon", "ask_job"))
    assert "annuaire" in messages[1]["text"]  # outside Île-de-France, said as such


def test_a_need_named_with_a_place_is_answered_with_the_place(app_settings: str) -> None:
    text = "slt jcherche un job etudiant et aussi un appart a cergy"
    ranked = [{"name": "ask_job", "confidence": 0.2}, {"name": "ask_housing", "confidence": 0.1}]
    messages, slots = run(ActionSetLocation(), tracker(text, "inform_location", ranking=ranked))
    assert slots["need"] == "job" and "Cergy" in messages[1]["text"]
    assert "/ask_housing" in [b["payload"] for b in messages[0]["buttons"]]
    # A commune alone stays a commune.
    _, slots = run(ActionSetLocation(), tracker("jsuis a cergy", "inform_location", ranking=ranked))
    assert "need" not in slots and slots["ml_code"]


def test_an_unsure_message_that_names_its_need_is_answered(app_settings: str) -> None:
    ranked = [{"name": "ask_job", "confidence": 0.3}]
    t = tracker("tu peux juste m'aider pour le taf", "nlu_fallback", ranking=ranked)
    _, slots = run(ActionDefaultFallback(), t)
    assert slots["need"] == "job"
    t = tracker("tu peux juste m'aider", "nlu_fallback", ranking=ranked)
    messages, slots = run(ActionDefaultFallback(), t)
    assert "need" not in slots and texts.NOT_UNDERSTOOD in messages[0]["text"]


def test_a_question_on_the_last_answer_gets_what_the_bot_knows_and_a_counsellor(
    app_settings: str,
) -> None:
    slots = {"need": "job", "ml_code": "95018", "commune_insee": "95018",
             "privacy_notice_shown": True}  # fmt: skip
    t = tracker("et faut une autorisation de mes parents ?", "nlu_fallback", slots)
    messages, _ = run(ActionDefaultFallback(), t)
    assert "pas de réponse précise" in messages[0]["text"]
    assert texts.SAFETY_NET in messages[0]["text"]  # not understood: the numbers, in one line
    assert "Postule à 2 ou 3 offres" in messages[1]["text"]
    assert "/request_human" in [b["payload"] for b in messages[-1]["buttons"]]
    # Without an answer to lean on, it is "not understood" and the menu.
    t = tracker("et faut une autorisation de mes parents ?", "nlu_fallback", {})
    messages, _ = run(ActionDefaultFallback(), t)
    assert texts.NOT_UNDERSTOOD in messages[0]["text"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("et si g 17 ans ?", True), ("c combien", True), ("faut quoi comme papiers", True),
     ("ok merci", False), ("azerty", False), ("ma vie est nulle", False)],
)  # fmt: skip
def test_follow_up_questions(text: str, expected: bool) -> None:
    assert follow_up(text) is expected


def test_a_condition_on_the_last_answer_stays_on_its_need(app_settings: str) -> None:
    slots = {"privacy_notice_shown": True, "need": "money"}
    # After the CEJ, "et si g 17 ans ?" read confidently as a question on the Mission Locale.
    messages, _ = run(ActionAnswerNeed(), tracker("et si g 17 ans ?", "ask_mission_locale", slots))
    assert "« " in messages[0]["text"] and "pas de réponse précise" in messages[0]["text"]
    assert "/request_human" in [b["payload"] for b in messages[-1]["buttons"]]
    # A need named in words, or the Mission Locale itself, is a new question.
    for text, intent in [("et pour le logement ?", "ask_housing"),
                         ("et elle est où la mission locale ?", "ask_mission_locale")]:  # fmt: skip
        messages, _ = run(ActionAnswerNeed(), tracker(text, intent, slots))
        assert "pas de réponse précise" not in messages[0]["text"]
    # Where the young person is now is a condition, not a new need: "si jsuis en cdd", read
    # as a need or not understood at all.
    slots["need"] = "housing"
    text = "et si jsuis en cdd ca change koi ?"
    ranking = [{"name": "nlu_fallback", "confidence": 0.4}, {"name": "ask_job", "confidence": 0.3}]
    t = tracker(text, "nlu_fallback", slots, ranking=ranking)
    messages, _ = run(ActionDefaultFallback(), t)
    assert (
        "pas de réponse précise" in messages[0]["text"]
        and "logement" in messages[0]["text"].lower()
    )
    messages, _ = run(
        ActionAnswerNeed(), tracker("et si jsuis en cdd ca change koi ?", "ask_job", slots)
    )
    assert (
        "pas de réponse précise" in messages[0]["text"]
        and "logement" in messages[0]["text"].lower()
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [("et si g 17 ans ?", True), ("et sans diplome ça marche ?", True),
     ("et pour mon frere aussi ?", True), ("et c'est où ?", False),
     ("et si j'ai pas de papiers, je peux avoir le cej ou pas parce que vraiment j'en ai "
      "besoin", False),
     ("et bonjour", False), ("jai 17 ans", False),
     ("et faut etre inscrit a pole emploi ou pas", True), ("c long pour en refaire une ?", True),
     ("faut quels papiers pr signer le contrat ?", True), ("c pas trop tard a 24 ans ?", True),
     ("ca marche si jsuis en alternance ?", True), ("ça marche", False), ("ca passe", False),
     ("jsuis en apprentissage en boulangerie ca compte ?", True),
     ("on peut le faire a 17 ans ?", True), ("je la kiffe", False),
     ("est-ce que je peux le faire si je travaille déjà un peu le week-end", True),
     ("faut faire quoi pour l'avoir concretement ?", True)],
)  # fmt: skip
def test_conditions_on_the_last_answer(text: str, expected: bool) -> None:
    assert what_if(text) is expected


def test_an_aid_asked_for_without_its_object_is_for_the_last_need(app_settings: str) -> None:
    slots = {"privacy_notice_shown": True, "need": "mobility"}
    # After the driving licence, "ya des aides pour repasser ?" read as money.
    messages, _ = run(
        ActionAnswerNeed(), tracker("ya des aides pour repasser ?", "ask_money", slots)
    )
    assert "pas de réponse précise" in messages[0]["text"] and "Permis" in messages[0]["text"]
    # An aid for something named is that need; after money, an aid is money.
    messages, _ = run(
        ActionAnswerNeed(), tracker("ya des aides pour payer mon loyer ?", "ask_housing", slots)
    )
    assert "pas de réponse précise" not in messages[0]["text"]
    slots["need"] = "money"
    messages, _ = run(ActionAnswerNeed(), tracker("ya des aides ?", "ask_money", slots))
    assert "pas de réponse précise" not in messages[0]["text"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("ya des aides pour repasser ?", True), ("et ya des aides pour ça ?", True),
     ("ya un truc gratuit pr ceux qui ont pas de sous ?", True),
     ("ya des aides pour le permis ?", False),
     ("ya des aides pour trouver un taf ?", False), ("ya des offres vers chez moi ?", False),
     ("c quoi les aides ?", False)],
)  # fmt: skip
def test_aids_asked_for_without_their_object(text: str, expected: bool) -> None:
    assert aid_for_it(text) is expected


def test_after_a_crisis_the_numbers_stay_near_whatever_comes_next(app_settings: str) -> None:
    slots: dict[str, Any] = {"privacy_notice_shown": True}
    entities = [{"entity": "distress_kind", "value": "suicide"}]
    _, changed = run(
        ActionCrisis(),
        tracker("g acheté une corde 🪢 ce soir c fini 🙂👋", "distress", slots, entities),
    )
    assert changed["crisis_kind"] == "suicide"
    slots.update(changed)
    # "jsuis a etampes, tt seul chez moi": the card, then a counsellor and 3114, not "ton avis".
    messages, changed = run(
        ActionSetLocation(), tracker("jsuis a etampes, tt seul chez moi", "inform_location", slots)
    )
    payloads = [b["payload"] for m in messages for b in m["buttons"]]
    assert "/request_human" in payloads and "/give_feedback" not in payloads
    assert "3114" in messages[-1]["text"]
    slots.update(changed)
    # The counsellor answers in days: the handoff says not to wait.
    messages, changed = run(ActionRequestHuman(), tracker("/request_human", "request_human", slots))
    messages, _ = run(ActionYesNo(), tracker("oui", "affirm", {**slots, **changed}))
    done = next(m["text"] for m in messages if "C'est transmis" in m["text"])
    assert "n'attends pas" in done and "3114" in done


def test_no_to_a_counsellor_after_a_crisis_keeps_the_way_back(app_settings: str) -> None:
    slots = {
        "privacy_notice_shown": True,
        "yes_no_topic": "human",
        "crisis_kind": "immediate_danger",
    }
    messages, _ = run(ActionYesNo(), tracker("nn pas les keufs", "deny", slots))
    assert messages[0]["text"] == texts.HUMAN_DECLINED
    assert "/request_human" in [b["payload"] for b in messages[0]["buttons"]]


def test_no_survey_is_offered_after_a_crisis(app_settings: str) -> None:
    from actions.survey import ActionOfferSurvey

    slots = {"privacy_notice_shown": True, "crisis_kind": "suicide"}
    messages, _ = run(ActionOfferSurvey(), tracker("merci pour rien", "give_feedback", slots))
    assert "3114" in messages[0]["text"]
    assert "/request_human" in [b["payload"] for b in messages[0]["buttons"]]


def test_after_a_crisis_asking_for_the_number_again_gets_it(app_settings: str) -> None:
    slots = {"privacy_notice_shown": True, "crisis_kind": "suicide"}
    t = tracker("tu peux juste me redonner le numero", "out_of_scope", slots)
    messages, _ = run(ActionOutOfScope(), t)
    assert "3114" in messages[0]["text"].split("\n")[0]
    # Without a crisis before, it is off-topic as usual.
    messages, _ = run(ActionOutOfScope(), tracker("tu peux me redonner le numero", "out_of_scope"))
    assert messages[0]["text"] == texts.OUT_OF_SCOPE


def test_after_the_handoff_the_numbers_again_do_not_ask_for_a_counsellor_again(
    app_settings: str,
) -> None:
    slots = {"privacy_notice_shown": True, "crisis_kind": "suicide", "handoff_done": True,
             "ml_code": "91223", "commune_insee": "91223"}  # fmt: skip
    t = tracker("tu peux me redonner le numéro", "out_of_scope", slots)
    messages, new_slots = run(ActionOutOfScope(), t)
    assert "3114" in messages[0]["text"].split("\n")[0]
    said = " ".join(m["text"] for m in messages)
    assert texts.HANDOFF_SENT_REMINDER in said and "recontacte ?" not in said
    assert not new_slots.get("yes_no_topic")
    # A commune given afterwards: the card, the numbers, no second offer of a counsellor.
    messages, _ = run(ActionSetLocation(), tracker("jsuis a massy", "inform_location", slots))
    said = " ".join(m["text"] for m in messages)
    assert texts.HANDOFF_SENT_REMINDER in said and "3114" in said and "recontacte ?" not in said


@pytest.mark.parametrize("said", ["hhhhhhh", "mdrrr 😂", "ptdr", "HAHAHA !"])
@pytest.mark.parametrize("intent", ["greet", "out_of_scope", "nlu_fallback"])
def test_laughter_alone_is_neither_a_hello_nor_off_topic(
    app_settings: str, said: str, intent: str
) -> None:
    action = {"greet": ActionGreet(), "out_of_scope": ActionOutOfScope()}.get(
        intent, ActionDefaultFallback()
    )
    messages, _ = run(action, tracker(said, intent, {"privacy_notice_shown": True}))
    assert messages[0]["text"] == texts.LAUGHED
    assert len(messages[0]["buttons"]) >= 8  # the needs, one tap away
    slots = {"privacy_notice_shown": True, "ml_code": "95018", "commune_insee": "95018"}
    messages, _ = run(action, tracker(said, intent, slots))
    assert messages[0]["text"] == texts.LAUGHED_AFTER_CARD


def test_a_hello_is_still_a_hello(app_settings: str) -> None:
    messages, _ = run(ActionGreet(), tracker("hi", "greet", {"privacy_notice_shown": True}))
    assert messages[0]["text"] == texts.GREETING


def test_a_yes_with_a_wish_is_a_yes() -> None:
    assert leading_yes_no("oui mais pas d'appel sur mon tel svp") is True
    assert leading_yes_no("non mais jsp trop en vrai") is False


def test_asking_for_a_human_while_asked_to_share_is_a_yes(app_settings: str) -> None:
    slots = {"privacy_notice_shown": True, "yes_no_topic": "handoff", "handoff_pending": True,
             "ml_code": "95018", "commune_insee": "95018", "need": "job"}  # fmt: skip
    t = tracker("oui mais pas d'appel sur mon tel svp", "request_human", slots)
    messages, _ = run(ActionRequestHuman(), t)
    assert any("C'est transmis" in m["text"] for m in messages)
    with session_scope(app_settings) as session:
        assert session.scalars(select(HandoffRequest)).one().consent


def test_its_fine_ill_manage_is_a_no_to_a_counsellor(app_settings: str) -> None:
    slots = {"privacy_notice_shown": True, "yes_no_topic": "human", "crisis_kind": "unspecified"}
    messages, _ = run(ActionYesNo(), tracker("c bon ça va jvais gerer", "affirm", slots))
    assert messages[0]["text"] == texts.HUMAN_DECLINED
    messages, _ = run(ActionYesNo(), tracker("c bon ils sont partis", "affirm", slots))
    assert "/request_human" in [b["payload"] for b in messages[0]["buttons"]]
    messages, _ = run(ActionYesNo(), tracker("oui stp", "affirm", slots))
    assert texts.HUMAN_DECLINED not in messages[0]["text"]


def test_the_address_again(app_settings: str) -> None:
    slots = {"privacy_notice_shown": True, "ml_code": "93066", "commune_insee": "93066"}
    messages, _ = run(
        ActionDefaultFallback(), tracker("redonne moi l'adresse stp", "nlu_fallback", slots)
    )
    assert "Ta Mission Locale" in messages[0]["text"]
    messages, _ = run(ActionOutOfScope(), tracker("c où déjà ?", "out_of_scope", slots))
    assert "Ta Mission Locale" in messages[0]["text"]


def test_a_counsellor_of_the_mission_locale_named_in_the_same_message(app_settings: str) -> None:
    t = tracker("jveux parler a qqn de la mission locale de rambouillet", "request_human", {})
    messages, slots = run(ActionRequestHuman(), t)
    assert texts.HANDOFF_CONSENT_ASK in messages[0]["text"]
    assert slots["commune_insee"] == "78517" and slots["yes_no_topic"] == "handoff"


def test_a_place_not_found_after_a_crisis_is_not_a_dead_end(app_settings: str) -> None:
    slots = {"privacy_notice_shown": True, "crisis_kind": "homeless"}
    messages, _ = run(ActionSetLocation(), tracker("trifouilly", "inform_location", slots))
    assert "115" in messages[-1]["text"]
    assert "/request_human" in [b["payload"] for b in messages[-1]["buttons"]]


def test_goodbye_and_thanks_after_a_crisis_keep_the_numbers(app_settings: str) -> None:
    slots = {"privacy_notice_shown": True, "crisis_kind": "self_harm", "handoff_done": True}
    messages, _ = run(ActionGoodbye(), tracker("jvais attendre leur appel", "goodbye", slots))
    assert "3114" in messages[0]["text"]
    messages, _ = run(ActionThank(), tracker("merci", "thank", slots))
    said = " ".join(m["text"] for m in messages)
    assert "3114" in said and "/give_feedback" not in str(messages)
    # Without danger said: a plain goodbye; thanks offer the survey.
    messages, _ = run(ActionGoodbye(), tracker("a+", "goodbye", {"privacy_notice_shown": True}))
    assert messages[0]["text"] == texts.GOODBYE
    messages, _ = run(ActionThank(), tracker("merci", "thank", {"privacy_notice_shown": True}))
    assert "/give_feedback" in [b["payload"] for b in messages[0]["buttons"]]


@pytest.mark.parametrize(
    ("text", "insee"),
    [
        ("ah non dsl jme suis trompé c garges pas cergy", "95268"),
        ("j'ai déménagé à Rambouillet, j'étais suivie à la mission locale de Versailles", "78517"),
    ],
)
def test_the_place_it_is_not_and_the_place_moved_to(
    app_settings: str, text: str, insee: str
) -> None:
    slots = {"privacy_notice_shown": True, "commune_insee": "95127", "ml_code": "95127"}
    _, changed = run(ActionSetLocation(), tracker(text, "inform_location", slots))
    assert changed["commune_insee"] == insee


def test_a_game_only_the_classifier_read_as_danger(app_settings: str) -> None:
    slots = {"privacy_notice_shown": True}
    entities = [{"entity": "distress_kind", "value": "unspecified"}]
    text = "jme suis fait tuer toute la nuit sur fortnite 😵 bref jcherche une formation"
    t = tracker(text, "distress", slots, entities)
    t.latest_message["intent_ranking"] = [
        {"name": "distress", "confidence": 0.8},
        {"name": "ask_training", "confidence": 0.1},
    ]
    messages, changed = run(ActionCrisis(), t)
    said = " ".join(m["text"] or "" for m in messages)
    assert texts.ALL_NUMBERS not in said and texts.SAFETY_NET in said
    assert changed["need"] == "training" and not changed.get("crisis_kind")
    # Nothing asked: the menu, and the numbers in one line.
    t = tracker("g binge squid game cette nuit ils meurent tous mdr", "distress", slots, entities)
    messages, changed = run(ActionCrisis(), t)
    said = " ".join(m["text"] or "" for m in messages)
    assert texts.SAFETY_NET in said and texts.ALL_NUMBERS not in said
    assert "/ask_job" in [b["payload"] for m in messages for b in m["buttons"]]
    # The young person's own life in the same message: the crisis answer.
    text = "jme fais tuer sur fortnite et dans ma vie aussi, jveux plus rien"
    messages, _ = run(ActionCrisis(), tracker(text, "distress", slots, entities))
    assert texts.ALL_NUMBERS in messages[0]["text"]


def test_a_follow_up_only_the_classifier_read_as_danger(app_settings: str) -> None:
    slots = {"privacy_notice_shown": True, "need": "job", "ml_code": "95127"}
    entities = [{"entity": "distress_kind", "value": "unspecified"}]
    t = tracker("et si g pas le bac ils me prennent qd meme ?", "distress", slots, entities)
    messages, changed = run(ActionCrisis(), t)
    assert "3114" in messages[0]["text"] and "pas de réponse précise" in messages[0]["text"]
    assert not changed.get("crisis_kind")
    # Said with a rule's words, it is the crisis answer.
    t = tracker("et si je me foutais en l'air ?", "distress", slots, entities)
    messages, changed = run(ActionCrisis(), t)
    assert changed["crisis_kind"] == "suicide"


def test_asking_for_the_number_again_is_not_a_handoff(app_settings: str) -> None:
    slots = {"privacy_notice_shown": True, "crisis_kind": "unspecified", "yes_no_topic": "human",
             "ml_code": "95585", "commune_insee": "95680"}  # fmt: skip
    t = tracker("redonne moi le numero stp", "request_human", slots)
    messages, _ = run(ActionRequestHuman(), t)
    assert "3114" in messages[0]["text"]
    assert texts.HANDOFF_CONSENT_ASK not in " ".join(m["text"] for m in messages)


def test_a_counsellor_asked_for_in_words_the_nlu_could_not_read(app_settings: str) -> None:
    slots = {"privacy_notice_shown": True, "ml_code": "77305", "commune_insee": "77305"}
    t = tracker(
        "Je voudrais qu'un conseiller de la mission locale soit prévenu.", "nlu_fallback", slots
    )
    messages, changed = run(ActionDefaultFallback(), t)
    assert texts.HANDOFF_CONSENT_ASK in messages[0]["text"] and changed["yes_no_topic"] == "handoff"


def test_what_is_the_mission_locale_after_a_hello(app_settings: str) -> None:
    t = tracker("bonjour c'est quoi la mission locale point d'interrogation", "greet",
                ranking=[{"name": "ask_mission_locale", "confidence": 0.2}])  # fmt: skip
    messages, _ = run(ActionGreet(), t)
    assert "service public gratuit" in messages[0]["text"]


def test_an_answer_and_a_call_back_asked_in_one_message(app_settings: str) -> None:
    # Set m at first sight: the appointment's answer, then the handoff once the commune is known.
    text = (
        "je suis morte 😭 g oublié mon rdv de ce matin a la mission locale, qqn peut me rappeler ?"
    )
    messages, slots = run(ActionAnswerNeed(), tracker(text, "ask_appointment"))
    assert slots["need"] == "appointment" and slots["handoff_pending"] is True
    assert texts.PRIVACY_NOTICE in messages[-1]["text"]
    slots["yes_no_topic"] = None
    messages, changed = run(ActionSetLocation(), tracker("colombes", "inform_location", slots))
    assert texts.HANDOFF_CONSENT_ASK in messages[-1]["text"]
    # The commune known: the consent question comes with the answer.
    slots = {"privacy_notice_shown": True, "ml_code": "94081", "commune_insee": "94081"}
    t = tracker("jveux voir ma conseillère pr le signer", "ask_appointment", slots)
    messages, changed = run(ActionAnswerNeed(), t)
    assert (
        texts.HANDOFF_CONSENT_ASK in messages[-1]["text"] and changed["yes_no_topic"] == "handoff"
    )


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("bjr jcherche un apprentissage en plomberie, ya moyen que qqn me rappelle ?",
         "ask_apprenticeship"),
        ("tu peux prevenir qqn de la mission locale ?", "ask_mission_locale"),
    ],
)  # fmt: skip
def test_a_counsellor_asked_in_everyday_words_before_the_commune(
    app_settings: str, text: str, intent: str
) -> None:
    _, slots = run(ActionAnswerNeed(), tracker(text, intent, {"privacy_notice_shown": True}))
    assert slots["handoff_pending"] is True
    messages, _ = run(ActionSetLocation(), tracker("aulnay sous bois", "inform_location", slots))
    assert texts.HANDOFF_CONSENT_ASK in messages[-1]["text"]


def test_a_counsellor_asked_with_the_commune(app_settings: str) -> None:
    text = "jsuis a etampes, ya qqn de la mission locale a qui jpeux parler ?"
    t = tracker(text, "ask_mission_locale", {"privacy_notice_shown": True})
    messages, changed = run(ActionAnswerNeed(), t)
    assert "Etampes" in " ".join(m["text"] or "" for m in messages)
    assert (
        texts.HANDOFF_CONSENT_ASK in messages[-1]["text"] and changed["yes_no_topic"] == "handoff"
    )


def test_a_place_answered_before_saying_why(app_settings: str) -> None:
    slots = {"privacy_notice_shown": True, "need": "job", "awaiting_location": True}
    t = tracker("beauvais, jsuis rentré chez mes darons ce weekend", "nlu_fallback", slots)
    messages, _ = run(ActionDefaultFallback(), t)
    assert "Île-de-France" in " ".join(m["text"] or "" for m in messages)


def test_a_trade_given_after_an_alternance_is_not_a_commune(app_settings: str) -> None:
    # "en cuisine" right after "Tu habites où ?": the alternance again, then the question.
    slots = {"privacy_notice_shown": True, "awaiting_location": True, "need": "apprenticeship"}
    messages, after = run(ActionDefaultFallback(), tracker("en cuisine", "nlu_fallback", slots))
    assert answered_need(bubbles(messages)) == "apprenticeship"
    assert not messages[0]["text"].startswith("Je ne trouve pas cette commune")
    assert after.get("awaiting_location", True) is True
    # A place the resolver finds is still the commune.
    messages, after = run(ActionDefaultFallback(), tracker("argenteuill", "nlu_fallback", slots))
    assert after["ml_code"] == "95018"


def test_a_question_opening_with_et_stays_on_the_last_answer(app_settings: str) -> None:
    slots = {"privacy_notice_shown": True, "need": "apprenticeship", "ml_code": "93039"}
    text = "et le patron faut le trouver moi meme ?"
    ranking = [{"name": "ask_apprenticeship", "confidence": 0.09}]
    messages, _ = run(ActionAnswerNeed(), tracker(text, "ask_job", slots, ranking=ranking))
    assert answered_need(bubbles(messages)) == "apprenticeship"
    # A need named in words, or the Mission Locale itself, is a new question.
    messages, _ = run(ActionAnswerNeed(), tracker("et pour un appart ?", "ask_housing", slots))
    assert answered_need(bubbles(messages)) == "housing"
    ouvert = tracker("et vous etes ouverts le samedi ?", "ask_mission_locale", slots)
    messages, _ = run(ActionAnswerNeed(), ouvert)
    assert answered_need(bubbles(messages)) == "mission_locale"


def test_hello_ca_va_is_a_greeting_not_a_cv(app_settings: str) -> None:
    ranking = [{"name": "ask_cv", "confidence": 0.01}]
    messages, _ = run(ActionGreet(), tracker("slt cv ?", "greet", ranking=ranking))
    assert answered_need(bubbles(messages)) is None
    assert any(len(m.get("buttons") or []) >= 10 for m in messages)  # the menu


def test_no_then_stop_writing_to_the_notice_stops(app_settings: str) -> None:
    privacy = [{"entity": "topic", "value": "privacy"}]
    slots = {"privacy_notice_shown": True, "yes_no_topic": "privacy"}
    text = "en fait non laisse tomber, arrete de m'ecrire"
    messages, _ = run(ActionYesNo(), tracker(text, "deny", slots, entities=privacy))
    assert "plus aucun message" in messages[0]["text"]
    stored = person(app_settings)
    assert stored is not None and stored.opted_out


def test_a_trade_read_as_another_need_stays_on_the_last_one(app_settings: str) -> None:
    # "en meca auto" after the alternance: the NLU reads the permis in "auto".
    slots = {"privacy_notice_shown": True, "need": "apprenticeship", "ml_code": "93039"}
    messages, _ = run(ActionAnswerNeed(), tracker("en meca auto", "ask_mobility", slots))
    assert answered_need(bubbles(messages)) == "apprenticeship"
    # "ds la restau" after a job, read as off-topic; a trade then why, after a comma.
    slots = {"privacy_notice_shown": True, "need": "job", "awaiting_location": True}
    messages, _ = run(ActionOutOfScope(), tracker("ds la restau", "out_of_scope", slots))
    assert answered_need(bubbles(messages)) == "job"
    text = "Plutôt dans la vente, il a fait ses stages chez Decathlon et chez Carrefour."
    messages, _ = run(ActionDefaultFallback(), tracker(text, "nlu_fallback", slots))
    assert answered_need(bubbles(messages)) == "job"


def test_a_path_named_after_et_si_is_answered_after_orientation(app_settings: str) -> None:
    slots = {"privacy_notice_shown": True, "need": "orientation", "ml_code": "91223"}
    text = "et si jfais une alternance direct?"
    messages, _ = run(ActionAnswerNeed(), tracker(text, "ask_apprenticeship", slots))
    assert answered_need(bubbles(messages)) == "apprenticeship"


def test_yes_to_a_counsellor_after_a_crisis_is_not_a_number_asked(app_settings: str) -> None:
    # "pas au téléphone" names the phone without asking for a number.
    slots = {"privacy_notice_shown": True, "crisis_kind": "unspecified", "yes_no_topic": "human"}
    text = "elle veut bien parler a qqn mais pas au telephone devant lui"
    messages, after = run(ActionRequestHuman(), tracker(text, "request_human", slots))
    assert texts.HANDOFF_ASK_LOCATION in messages[0]["text"]
    assert after["awaiting_location"] is True
    messages, _ = run(ActionRequestHuman(), tracker("tu peux me redonner le numero ?", "x", slots))
    assert "3114" in messages[0]["text"]


@pytest.mark.parametrize(
    "text",
    ["il faut avoir 18 ans pour ça ou pas ?", "c pour mcdo faut mettre quoi dedans"],
)
def test_questions_about_that_lean_on_the_last_answer(text: str) -> None:
    assert what_if(text)


def test_where_exactly_gives_the_card_again(app_settings: str) -> None:
    slots = {"privacy_notice_shown": True, "need": "money", "ml_code": "92025"}
    messages, _ = run(ActionDefaultFallback(), tracker("c ou exactement ?", "nlu_fallback", slots))
    assert "Colombes" in " ".join(m["text"] for m in messages)
    assert answered_need(bubbles(messages)) is None


def test_an_amount_of_the_last_answer_stays_on_it(app_settings: str) -> None:
    # The permis answer gives the 500 € for apprentices; the NLU reads the alternance.
    slots = {"privacy_notice_shown": True, "need": "mobility", "ml_code": "78490"}
    text = "c quoi l'aide de 500 balles pour les apprentis ?"
    messages, _ = run(ActionAnswerNeed(), tracker(text, "ask_apprenticeship", slots))
    assert answered_need(bubbles(messages)) == "mobility"
    # An amount the last answer does not give is a new question.
    text = "c quoi le truc qui paye 300 balles pour les apprentis ?"
    messages, _ = run(ActionAnswerNeed(), tracker(text, "ask_apprenticeship", slots))
    assert answered_need(bubbles(messages)) == "apprenticeship"


def test_a_few_plain_words_the_classifier_read_as_danger_stay_on_the_last_need(
    app_settings: str,
) -> None:
    # "avant noel si possible" after the appointment: its answer, the numbers in one line.
    unspecified = [{"entity": "distress_kind", "value": "unspecified"}]
    slots = {"privacy_notice_shown": True, "need": "appointment", "ml_code": "91228"}
    text = "avant noel si possible"
    messages, _ = run(ActionCrisis(), tracker(text, "distress", slots, unspecified))
    assert answered_need(bubbles(messages)) == "appointment"
    assert "3114" in " ".join(m["text"] for m in messages)
    # A call for help, a dark word or emoji alone stay the crisis answer.
    for text in ("aidez moi svp", "ma derniere nuit", "😭😭"):
        messages, _ = run(ActionCrisis(), tracker(text, "distress", slots, unspecified))
        assert is_crisis_answer(bubbles(messages)), text


@pytest.mark.parametrize(
    "text",
    [
        "g 16 ans c grave ?",
        "faut que j'arrete mon taf pour la faire ou ca peut se faire le soir ?",
    ],
)
def test_age_and_it_questions_lean_on_the_last_answer(text: str) -> None:
    assert what_if(text)


def test_erasure_misread_loses_nothing(app_settings: str) -> None:
    # "dans l'info genre dev web" read as delete_data: no erasure without a word for it.
    slots = {"privacy_notice_shown": True, "need": "training", "awaiting_location": True}
    messages, _ = run(
        ActionDeleteData(), tracker("dans l'info genre dev web", "delete_data", slots)
    )
    assert all("effacé" not in m["text"] for m in messages)
    assert answered_need(bubbles(messages)) == "training"
    assert messages[-1].get("custom") != {"relais_erase": True}
    messages, _ = run(ActionDeleteData(), tracker("effacez mon historique", "delete_data", slots))
    assert "effacé" in messages[0]["text"]
    text = "je veux plus que vous gardiez mes infos"
    messages, _ = run(ActionDeleteData(), tracker(text, "delete_data", slots))
    assert "effacé" in messages[0]["text"]
