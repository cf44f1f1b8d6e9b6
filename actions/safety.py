"""Action giving the crisis numbers at once when a young person says they are in danger."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.common import dialogue, emit, entity, latest_text, state_of


class ActionCrisis(Action):
    """The right crisis number first, all of them next, then the offer of a human."""

    def name(self) -> str:
        return "action_crisis"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = state_of(tracker)
        turn = dialogue().crisis(state, latest_text(tracker), entity(tracker, "distress_kind"))
        return emit(dispatcher, tracker, state, turn)
