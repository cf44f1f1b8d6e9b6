"""Actions answering a precise demand, greeting and showing the menu."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.common import (
    answer_asked,
    asked_need,
    channel_of,
    dialogue,
    emit,
    entity,
    latest_text,
    need_ranking,
    state_of,
)
from relais.dialogue.other_need import main_and_other
from relais.dialogue.turns import NEED_BY_INTENT, laughter


class ActionAnswerNeed(Action):
    """Answer a need (job, housing…) at once, then give the young person's Mission Locale."""

    def name(self) -> str:
        return "action_answer_need"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = state_of(tracker)
        intent = str((tracker.latest_message.get("intent") or {}).get("name") or "")
        if intent not in NEED_BY_INTENT:
            return emit(dispatcher, tracker, state, dialogue().show_menu(state))
        text = latest_text(tracker)
        need = NEED_BY_INTENT[intent]
        trade = dialogue().trade_answer(state, tracker.sender_id, channel_of(tracker), text)
        if trade is not None:  # "en meca auto" after the alternance, read as the permis
            return emit(dispatcher, tracker, state, trade)
        if (last := dialogue().on_last_need(state, need, text)) is not None:
            # "et si g 17 ans ?" after the CEJ: about the CEJ, whatever the NLU read in it.
            return emit(dispatcher, tracker, state, dialogue().follow_up_answer(state, last))
        asked = main_and_other(text, need, need_ranking(tracker))
        return emit(dispatcher, tracker, state, answer_asked(tracker, state, asked))


class ActionBotChallenge(Action):
    """ "T'es un robot ?": yes, and the need asked in the same message is answered."""

    def name(self) -> str:
        return "action_bot_challenge"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = state_of(tracker)
        asked = asked_need(tracker)
        turn = dialogue().bot_challenge(
            state, tracker.sender_id, channel_of(tracker), latest_text(tracker),
            asked[0] if asked else None,
        )  # fmt: skip
        return emit(dispatcher, tracker, state, turn)


class ActionMoreInfo(Action):
    """The rest of an answer, when the young person presses "En savoir plus"."""

    def name(self) -> str:
        return "action_more_info"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = state_of(tracker)
        need = entity(tracker, "need_code") or state.need
        return emit(dispatcher, tracker, state, dialogue().more_info(state, need))


class ActionGreet(Action):
    """Say hello, show the menu and, on first contact, the privacy notice."""

    def name(self) -> str:
        return "action_greet"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = state_of(tracker)
        asked = asked_need(tracker)
        if asked is not None:  # "coucou 👋 jsp quoi faire après le lycée": the need, at once
            turn = answer_asked(tracker, state, asked)
        elif laughter(latest_text(tracker)):  # "hhhhhh" is not a hello
            turn = dialogue().laughed(state)
        else:
            turn = dialogue().greet(state, tracker.sender_id, channel_of(tracker))
        return emit(dispatcher, tracker, state, turn)


class ActionShowMenu(Action):
    """Show the list of needs."""

    def name(self) -> str:
        return "action_show_menu"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        state = state_of(tracker)
        return emit(dispatcher, tracker, state, dialogue().show_menu(state))
