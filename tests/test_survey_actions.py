"""The survey through its Rasa actions (Tracker.from_dict, CollectingDispatcher), real store."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.conversation import ActionYesNo
from actions.survey import (
    ActionAskSurveyAnswer,
    ActionOfferSurvey,
    ValidateSurveyForm,
    survey,
)
from store.db import session_scope
from store.models import SurveyAnswer, SurveySession, SurveyStatus

SENDER = "we-survey-0001"


def tracker(text: str, intent: str, slots: dict[str, Any], entities: Any = ()) -> Tracker:
    message = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.9},
        "entities": list(entities),
        "metadata": {"channel": "web"},
    }
    return Tracker.from_dict(
        {
            "sender_id": SENDER,
            "slots": {"requested_slot": "survey_answer", **slots},
            "latest_message": message,
            "events": [{"event": "user", "text": text, "parse_data": message}],
            "paused": False,
            "latest_input_channel": "rest",
            "active_loop": {"name": "survey_form"},
            "latest_action_name": "action_listen",
        }
    )


class YoungPersonInSurvey:
    """Drives the form like Rasa does: validate the answer, then ask the next question."""

    def __init__(self, commune: str | None = None) -> None:
        self.slots: dict[str, Any] = {"commune_insee": commune}
        self.last: list[dict[str, Any]] = []

    def ask(self) -> list[dict[str, Any]]:
        dispatcher = CollectingDispatcher()
        events = ActionAskSurveyAnswer().run(
            dispatcher, tracker("/start_survey", "start_survey", self.slots), {}
        )
        self.slots.update({e["name"]: e["value"] for e in events if e.get("event") == "slot"})
        self.last = dispatcher.messages
        return self.last

    def answer(
        self, text: str, intent: str = "out_of_scope", entities: Any = ()
    ) -> list[dict[str, Any]]:
        dispatcher = CollectingDispatcher()
        updates = ValidateSurveyForm().validate_survey_answer(
            text, dispatcher, tracker(text, intent, self.slots, entities), {}
        )
        self.slots.update(updates)
        messages = dispatcher.messages
        if self.slots.get("survey_answer") is None:
            messages += self.ask()
        self.last = messages
        return messages


def stored() -> dict[str, SurveyAnswer]:
    with session_scope(survey().db) as session:
        return {a.question_id: a for a in session.scalars(select(SurveyAnswer))}


def status() -> SurveyStatus | None:
    with session_scope(survey().db) as session:
        run = session.scalars(select(SurveySession)).first()
        return run.status if run else None


@pytest.fixture(autouse=True)
def _fresh_survey(app_settings: str) -> None:
    survey.cache_clear()


def test_offer_asks_consent_separately() -> None:
    dispatcher = CollectingDispatcher()
    events = ActionOfferSurvey().run(dispatcher, tracker("/avis", "give_feedback", {}), {})
    assert "anonyme" in dispatcher.messages[0]["text"]
    assert [b["payload"] for b in dispatcher.messages[0]["buttons"]] == [
        "/start_survey",
        '/deny{"topic":"survey"}',
    ]
    assert {"event": "slot", "timestamp": None, "name": "yes_no_topic", "value": "survey"} in events
    assert status() is None  # nothing stored before the young person says yes


def test_typed_yes_to_the_offer_starts_the_form() -> None:
    dispatcher = CollectingDispatcher()
    events = ActionYesNo().run(
        dispatcher, tracker("ouais", "affirm", {"yes_no_topic": "survey"}), {}
    )
    assert {"event": "followup", "timestamp": None, "name": "survey_form"} in events


def test_complete_run_with_typed_answers_progress_and_a_follow_up() -> None:
    yp = YoungPersonInSurvey(commune="95018")
    first = yp.ask()
    assert "C'est parti" in first[0]["text"] and "1/" in first[1]["text"]
    assert "passer" in [b["payload"] for b in first[1]["buttons"]]
    yp.answer("jy suis allé une fois")  # ever_been → went_once
    yp.answer("je suis venu une fois et jsuis jamais revenu")  # how_it_went
    assert stored()["how_it_went"].codes == ["came_once"]
    yp.answer("je cherche du taf")
    yp.answer("le 2")  # age band by position
    # The commune came from the conversation: it is never asked.
    assert all("ville" not in m["text"] for m in yp.last)
    reply = yp.answer("jsp")  # vague open answer → one follow-up
    assert yp.slots["survey_followup_for"] == "why_no_return"
    assert "passer" in [b["payload"] for b in reply[-1]["buttons"]]
    yp.answer("les horaires tombaient pendant mon taf et personne rappelait")
    assert yp.slots["survey_followup_for"] is None
    why = stored()["why_no_return"]
    assert why.text == "jsp" and why.followed_up and "horaires" in (why.followup_text or "")
    assert (why.followup_informativeness or 0) > (why.informativeness or 0)
    rich = "Qu'on me rappelle vite et qu'on m'aide a trouver une alternance en cuisine"
    yp.answer(rich)  # rich answer: no follow-up
    assert yp.slots["survey_followup_for"] is None
    yp.answer("tiktok et snap")
    assert stored()["info_channels"].codes == ["tiktok", "snapchat"]
    yp.answer("passer")
    assert stored()["help_channels"].skipped
    final = yp.answer("des horaires le soir et plus de rdv en ligne")
    assert yp.slots["survey_answer"] == "finished" and status() is SurveyStatus.COMPLETED
    assert "Merci" in final[-1]["text"]
    answers = stored()
    assert answers["commune"].codes == ["95018"] and all(
        a.questionnaire_version == 1 for a in answers.values()
    )
    # A finished survey is never asked again.
    dispatcher = CollectingDispatcher()
    ActionOfferSurvey().run(dispatcher, tracker("/avis", "give_feedback", {}), {})
    assert "déjà répondu" in dispatcher.messages[0]["text"]


def test_stop_pauses_and_resume_starts_at_the_first_unanswered_question() -> None:
    yp = YoungPersonInSurvey()
    yp.ask()
    yp.answer("je connais pas")  # never_heard
    reply = yp.answer("stop")
    assert yp.slots["survey_answer"] == "paused" and status() is SurveyStatus.PAUSED
    assert "pause" in reply[0]["text"]
    dispatcher = CollectingDispatcher()
    ActionOfferSurvey().run(dispatcher, tracker("/avis", "give_feedback", {}), {})
    assert "On reprend" in dispatcher.messages[0]["text"]
    resumed = YoungPersonInSurvey()
    asked = resumed.ask()
    assert "activit" in asked[0]["text"].lower() or "2/" in asked[0]["text"]
    assert set(stored()) == {"ever_been"}


def test_danger_in_the_middle_of_the_survey_gets_the_crisis_numbers_and_pauses() -> None:
    yp = YoungPersonInSurvey()
    yp.ask()
    reply = yp.answer(
        "jpp je veux en finir", "distress", [{"entity": "distress_kind", "value": "suicide"}]
    )
    assert "3114" in reply[0]["text"]
    assert yp.slots["survey_answer"] == "paused" and status() is SurveyStatus.PAUSED


def test_unmapped_choice_answer_is_kept_as_free_text() -> None:
    yp = YoungPersonInSurvey()
    yp.ask()
    yp.answer("euh c'est le truc pour les jeunes ?")
    answer = stored()["ever_been"]
    assert answer.codes == [] and answer.text == "euh c'est le truc pour les jeunes ?"


def test_a_model_only_suspicion_of_danger_gives_the_number_and_keeps_the_survey_going() -> None:
    yp = YoungPersonInSurvey()
    yp.ask()
    yp.answer("oui plusieurs fois")
    reply = yp.answer(
        "j'ai arrêté avant la fin",
        "distress",
        [{"entity": "distress_kind", "value": "unspecified"}],
    )
    assert "3114" in reply[0]["text"] and yp.slots["survey_answer"] is None
    assert stored()["how_it_went"].codes == ["stopped"] and status() is SurveyStatus.IN_PROGRESS
