"""Action finding the young person's Mission Locale from what they wrote or picked."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.common import (
    answer_asked,
    asked_need,
    dialogue,
    emit,
    entity,
    latest_text,
    recent_user_texts,
    state_of,
)


class ActionSetLocation(Action):
    """Resolve a commune or postal code (typos, homonyms, merged communes) to a Mission Locale."""

    def name(self) -> str:
        return "action_set_location"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = state_of(tracker)
        asked = None if state.handoff_pending else asked_need(tracker)
        if asked is not None:  # "jcherche un job et un appart a cergy": the need and the place
            turn = answer_asked(tracker, state, asked)
            return emit(dispatcher, tracker, state, turn)
        turn = dialogue().set_location(
            state,
            tracker.sender_id,
            latest_text(tracker),
            commune_insee=entity(tracker, "commune_insee"),
            recent_texts=recent_user_texts(tracker),
            ml_code=entity(tracker, "ml_code"),
        )
        return emit(dispatcher, tracker, state, turn)
