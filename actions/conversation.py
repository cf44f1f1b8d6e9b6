"""Actions for yes/no answers and for what the bot did not understand."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import (
    answer_asked,
    asked_need,
    channel_of,
    dialogue,
    emit,
    entity,
    latest_text,
    recent_user_texts,
    send,
    state_of,
)
from actions.survey import survey


class ActionYesNo(Action):
    """Interpret "oui"/"non" against the question it answers (privacy, handoff, location)."""

    def name(self) -> str:
        return "action_yes_no"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = state_of(tracker)
        yes = (tracker.latest_message.get("intent") or {}).get("name") == "affirm"
        topic = entity(tracker, "topic") or state.yes_no_topic
        if topic == "survey":
            if yes:  # a typed "oui" to the survey offer starts the survey form
                return [SlotSet("yes_no_topic", None), FollowupAction("survey_form")]
            send(dispatcher, survey().decline(tracker.sender_id))
            return [SlotSet("yes_no_topic", None)]
        turn = dialogue().yes_no(
            state,
            tracker.sender_id,
            channel_of(tracker),
            yes=yes,
            topic=topic,
            recent_texts=recent_user_texts(tracker),
            text=latest_text(tracker),
        )
        return emit(dispatcher, tracker, state, turn)


class ActionOutOfScope(Action):
    """Off-topic: unless it names the commune the bot asked for, say so and show the menu."""

    def name(self) -> str:
        return "action_out_of_scope"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = state_of(tracker)
        turn = dialogue().out_of_scope(state, tracker.sender_id, latest_text(tracker))
        return emit(dispatcher, tracker, state, turn)


class ActionDefaultFallback(Action):
    """Overrides Rasa's fallback: try the message as a place, else say so and show the menu."""

    def name(self) -> str:
        return "action_default_fallback"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = state_of(tracker)
        text = latest_text(tracker)
        if (last := dialogue().on_last_need(state, None, text)) is not None:
            # "et si jsuis en cdd ça change koi ?" after the housing answer: about housing.
            return emit(dispatcher, tracker, state, dialogue().follow_up_answer(state, last))
        asked = asked_need(tracker)
        if asked is not None:
            # Unsure as a whole, but the need is named in words and ranked: "tu peux juste
            # m'aider pour le taf". Answered, not guessed.
            turn = answer_asked(tracker, state, asked)
            return emit(dispatcher, tracker, state, turn)
        turn = dialogue().fallback(
            state,
            tracker.sender_id,
            latest_text(tracker),
            channel_of(tracker),
            recent_user_texts(tracker),
        )
        return emit(dispatcher, tracker, state, turn)


class ActionGoodbye(Action):
    """See you; after danger was said, with the numbers."""

    def name(self) -> str:
        return "action_goodbye"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = state_of(tracker)
        return emit(dispatcher, tracker, state, dialogue().goodbye(state))


class ActionThank(Action):
    """ "Merci": another question or the survey; after danger, a human and the numbers."""

    def name(self) -> str:
        return "action_thank"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = state_of(tracker)
        return emit(dispatcher, tracker, state, dialogue().thanked(state))
