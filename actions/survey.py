"""Actions of the study's survey: offer, the form that asks one question at a time, the end."""

from __future__ import annotations

import threading
from functools import cache
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import (
    ERASE_MARKER,
    channel_of,
    dialogue,
    emit,
    entity,
    guarded,
    latest_text,
    send,
    state_of,
)
from relais.config import settings
from relais.dialogue.survey import SurveyDialogue
from relais.survey import preload

# Load spaCy's French model while the action server starts, not on a young person's first answer.
threading.Thread(target=preload, name="spacy-preload", daemon=True).start()


@cache
def survey() -> SurveyDialogue:
    """The survey bound to the configured database."""
    return SurveyDialogue(settings().database_url)


class ActionOfferSurvey(Action):
    """`/avis` or "je veux donner mon avis": offer the survey (or its resumption), ask consent."""

    def name(self) -> str:
        return "action_offer_survey"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = state_of(tracker)
        if state.crisis_kind:  # no study questions to someone who said danger today
            return emit(dispatcher, tracker, state, dialogue().after_crisis(state))
        replies, topic = survey().offer(tracker.sender_id, channel_of(tracker))
        send(dispatcher, replies)
        return [SlotSet("yes_no_topic", topic)]


class ActionAskSurveyAnswer(Action):
    """Ask the next question (or the one follow-up), with its progress and quick replies."""

    def name(self) -> str:
        return "action_ask_survey_answer"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        replies = survey().ask(
            tracker.sender_id,
            channel_of(tracker),
            tracker.get_slot("survey_followup_for"),
            tracker.get_slot("commune_insee"),
        )
        send(dispatcher, replies)
        return [SlotSet("yes_no_topic", None)]


class ValidateSurveyForm(FormValidationAction):
    """Save each answer at once; decide follow-up, next question, pause or end."""

    def name(self) -> str:
        return "validate_survey_form"

    def validate_survey_answer(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: dict[str, Any],
    ) -> dict[str, Any]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        turn = survey().answer(
            tracker.sender_id,
            channel_of(tracker),
            latest_text(tracker),
            intent,
            entity(tracker, "distress_kind"),
            tracker.get_slot("survey_followup_for"),
        )
        send(dispatcher, guarded(tracker, turn.replies))
        if turn.erase:
            dispatcher.utter_message(json_message={ERASE_MARKER: True})
        return {"survey_answer": turn.slot_value, "survey_followup_for": turn.followup_for}


class ActionSurveyDone(Action):
    """The form ended (finished or paused): clear its slots for a later resumption."""

    def name(self) -> str:
        return "action_survey_done"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        return [SlotSet("survey_answer", None), SlotSet("survey_followup_for", None)]
