"""Actions for yes/no answers and for what the bot did not understand."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import (
    channel_of,
    dialogue,
    emit,
    entity,
    latest_text,
    recent_user_texts,
    send,
    state_of,
    understood_anyway,
)
from actions.survey import survey
from relais.dialogue.turns import State, Turn, ends_with_stop, keyboard_mash


def _keys_to_a_question(tracker: Tracker, state: State) -> Turn | None:
    """Keys hit at random while a yes/no question waits: that question again, whatever the
    NLU read in them."""
    return dialogue().yes_no_again(state) if keyboard_mash(latest_text(tracker)) else None


class ActionYesNo(Action):
    """Interpret "oui"/"non" against the question it answers (privacy, handoff, location)."""

    def name(self) -> str:
        return "action_yes_no"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = state_of(tracker)
        if (again := _keys_to_a_question(tracker, state)) is not None:
            return emit(dispatcher, tracker, state, again)
        if keyboard_mash(latest_text(tracker)):  # "jjjjkkkk" is neither yes nor no
            return ActionDefaultFallback().run(dispatcher, tracker, domain)
        if ends_with_stop(latest_text(tracker)):  # "non laisse tomber, arrete de m'ecrire"
            turn = dialogue().opt_out(state, tracker.sender_id, channel_of(tracker))
            return emit(dispatcher, tracker, state, turn)
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
        if (again := _keys_to_a_question(tracker, state)) is not None:
            return emit(dispatcher, tracker, state, again)
        turn = understood_anyway(tracker, state) or dialogue().out_of_scope(
            state, tracker.sender_id, latest_text(tracker)
        )
        return emit(dispatcher, tracker, state, turn)


class ActionDefaultFallback(Action):
    """Overrides Rasa's fallback: try the message as a place, else say so and show the menu."""

    def name(self) -> str:
        return "action_default_fallback"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = state_of(tracker)
        if turn := _keys_to_a_question(tracker, state) or understood_anyway(tracker, state):
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
        if ends_with_stop(latest_text(tracker)):  # "bye. stop"
            turn = dialogue().opt_out(state, tracker.sender_id, channel_of(tracker))
            return emit(dispatcher, tracker, state, turn)
        first = not (state.privacy_notice_shown or state.crisis_kind or state.need or state.ml_code)
        if first:  # "😅" as a first message is no goodbye
            turn = dialogue().greet(state, tracker.sender_id, channel_of(tracker))
        else:
            turn = dialogue().goodbye(state)
        return emit(dispatcher, tracker, state, turn)


class ActionThank(Action):
    """ "Merci": another question or the survey; after danger, a human and the numbers."""

    def name(self) -> str:
        return "action_thank"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = state_of(tracker)
        if ends_with_stop(latest_text(tracker)):  # "ok mrc. stop"
            turn = dialogue().opt_out(state, tracker.sender_id, channel_of(tracker))
            return emit(dispatcher, tracker, state, turn)
        return emit(dispatcher, tracker, state, dialogue().thanked(state))
