"""Actions for `/stop` (no more proactive messages) and `/supprimer` (erase everything)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.common import channel_of, dialogue, emit, latest_text, state_of
from actions.conversation import ActionDefaultFallback
from relais.dialogue.turns import asks_to_erase


class ActionOptOut(Action):
    """Stop proactive messages to this young person."""

    def name(self) -> str:
        return "action_opt_out"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = state_of(tracker)
        turn = dialogue().opt_out(state, tracker.sender_id, channel_of(tracker))
        return emit(dispatcher, tracker, state, turn)


class ActionDeleteData(Action):
    """Confirm the erasure; the gateway erases rows and tracker events once the turn is saved."""

    def name(self) -> str:
        return "action_delete_data"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = state_of(tracker)
        if not asks_to_erase(latest_text(tracker)):
            # Read as "erase" without a word for it ("dans l'info genre dev web"): lose nothing.
            return ActionDefaultFallback().run(dispatcher, tracker, domain)
        return emit(dispatcher, tracker, state, dialogue().delete_data(state))
