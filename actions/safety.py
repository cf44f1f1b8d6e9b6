"""Action giving the crisis numbers at once when a young person says they are in danger."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.common import channel_of, dialogue, emit, entity, latest_text, state_of
from relais.dialogue import texts
from relais.safety.faint_signal import runner_up


class ActionCrisis(Action):
    """The right crisis number first, all of them next, then the offer of a human."""

    def name(self) -> str:
        return "action_crisis"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = state_of(tracker)
        ranking = tracker.latest_message.get("intent_ranking") or []
        turn = dialogue().crisis(
            state,
            latest_text(tracker),
            entity(tracker, "distress_kind"),
            other_need=runner_up(ranking, texts.NEED_INTENTS),
            sender=tracker.sender_id,
            channel=channel_of(tracker),
        )
        return emit(dispatcher, tracker, state, turn)
