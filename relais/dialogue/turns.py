"""The dialogue's decisions, one function per kind of turn, in plain testable Python.

Each function receives the conversation state (Rasa slots) and what the young person said,
does what must be stored, and returns a `Turn`: the replies and the slots to set. Rasa actions
in `actions/` are thin wrappers around these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from typing import Any

from relais.dialogue import texts
from relais.dialogue.other_need import asked_needs, named_needs
from relais.dialogue.residence import says_lives_now, says_moved, speaks_of_origin
from relais.knowledge import KnowledgeBase, load_knowledge
from relais.messages import BotReply, Button
from relais.routing import (
    MissionLocale,
    Resolution,
    commune_by_insee,
    mission_locale_for,
    resolve,
)
from relais.routing.normalize import plain_text
from relais.routing.reference import load_reference
from relais.safety.distress import HOTLINES, DistressKind, detect_distress, housing_loss_later
from relais.safety.faint_signal import SENTENCE_MIN_WORDS
from relais.safety.fiction import harmless_frame
from store.db import session_scope
from store.models import Consent
from store.people import find_person, set_consent, set_location, set_opted_out, touch_person
from store.records import create_handoff, record_need

NEED_BY_INTENT: dict[str, str] = {
    "ask_job": "job",
    "ask_apprenticeship": "apprenticeship",
    "ask_training": "training",
    "ask_orientation": "orientation",
    "ask_money": "money",
    "ask_housing": "housing",
    "ask_mobility": "mobility",
    "ask_health": "health",
    "ask_cv": "cv",
    "ask_admin": "admin",
    "ask_appointment": "appointment",
    "ask_mission_locale": "mission_locale",
}

MAX_CANDIDATES = 6
SHORT_ANSWER_WORDS = 4  # an answer to "quelle commune ?" that long is still a place attempt


@dataclass(frozen=True)
class State:
    """What the conversation remembers between turns (mirrors the Rasa slots of the same names)."""

    need: str | None = None
    needs_expressed: tuple[str, ...] = ()
    commune_insee: str | None = None
    ml_code: str | None = None
    privacy_notice_shown: bool = False
    awaiting_location: bool = False
    yes_no_topic: str | None = None
    handoff_pending: bool = False
    handoff_done: bool = False
    crisis_kind: str | None = (
        None  # the danger said in this conversation ("unspecified": the NLU's)
    )

    @classmethod
    def from_slots(cls, slots: dict[str, Any]) -> State:
        """Read the state from Rasa slots, tolerating missing or null values."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            value = slots.get(f.name)
            if value is None:
                continue
            values[f.name] = tuple(value) if f.name == "needs_expressed" else value
        return cls(**values)

    def changes_from(self, before: State) -> dict[str, Any]:
        """The slots that differ from `before`, ready for SlotSet events."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value != getattr(before, f.name):
                out[f.name] = list(value) if isinstance(value, tuple) else value
        return out


@dataclass
class Turn:
    """The outcome of one turn: replies in order, and the new state."""

    state: State
    replies: list[BotReply] = field(default_factory=list)
    erase: bool = False

    def say(self, text: str) -> None:
        """Add a plain text reply."""
        self.replies.append(BotReply(text))

    def add(self, reply: BotReply) -> None:
        """Add a reply (with buttons)."""
        self.replies.append(reply)


def _next(state: State, **changes: Any) -> Turn:
    """A new turn. The yes/no question of the last turn is forgotten: a "oui" answers only the
    question the bot has just asked (a turn that asks one sets the topic again)."""
    return Turn(replace(state, **{"yes_no_topic": None, **changes}))


class Dialogue:
    """Turn logic bound to a database and a knowledge base."""

    def __init__(self, database_url: str, knowledge: KnowledgeBase | None = None) -> None:
        self.db = database_url
        self.kb = knowledge or load_knowledge()

    # -- needs ------------------------------------------------------------------------------

    def answer_need(
        self,
        state: State,
        sender: str,
        channel: str,
        intent: str,
        text: str,
        also: str | None = None,
    ) -> Turn:
        """Answer a precise demand at once, then point to the young person's Mission Locale.

        ``also``: another need the same message asks about, offered as a button.
        """
        need = NEED_BY_INTENT[intent]
        needs = (
            state.needs_expressed
            if need in state.needs_expressed
            else (*state.needs_expressed, need)
        )
        turn = _next(state, need=need, needs_expressed=needs)
        turn.add(self._short_answer(need, also))
        with session_scope(self.db) as session:
            touch_person(session, sender, channel)
            record_need(session, sender, need, state.commune_insee, state.ml_code)
        moved = self._moved_to(turn.state, text)
        if moved is not None:  # "g déménagé, jsuis à colombes mtn": the new place wins
            self._apply_location(turn, sender, moved, show_options=False)
        elif turn.state.ml_code is None:
            resolution = resolve(text)
            if resolution.status == "outside_idf" and speaks_of_origin(text):
                # Where they come from, not where they live: ask.
                resolution = Resolution("not_found", None, None, ())
            if resolution.status in ("found", "ambiguous", "outside_idf"):
                self._apply_location(turn, sender, resolution, show_options=False)
            else:
                turn.say(texts.ASK_LOCATION)
                turn.state = replace(turn.state, awaiting_location=True)
        else:
            self._card(turn, turn.state.ml_code, turn.state.commune_insee)
        human = asks_for_a_human(text) and not state.handoff_done
        if human:  # "g oublié mon rdv, qqn peut me rappeler ?": the answer, then the handoff
            if turn.state.ml_code is not None and not turn.state.awaiting_location:
                self._handoff(turn, sender)
            else:
                turn.state = replace(turn.state, handoff_pending=True)
        self._close(turn, with_options=not human)
        return turn

    @staticmethod
    def _moved_to(state: State, text: str) -> Resolution | None:
        """Where the young person says they live now, when it is not the place already known."""
        if state.ml_code is None or not says_lives_now(text):
            return None
        resolution = resolve(text)
        same = resolution.commune is not None and resolution.commune.insee == state.commune_insee
        if resolution.status == "not_found" or (resolution.status == "found" and same):
            return None
        return resolution

    def _short_answer(self, need: str, also: str | None) -> BotReply:
        """One phone screen of answer, with "more" and, if the message had one, the other need."""
        answer = self.kb.answer(need)
        buttons: list[Button] = []
        if answer.render_more() is not None:
            buttons.append(Button(texts.MORE_BUTTON, texts.payload("more_info", need_code=need)))
        if also is not None and also != need and also in self.kb.need_codes:
            buttons.append(texts.also_button(also))
        return BotReply(answer.render_short(), tuple(buttons))

    def more_info(self, state: State, need: str | None) -> Turn:
        """The rest of a need's answer (other paragraphs and steps), then what next."""
        if need not in self.kb.need_codes:
            return self.show_menu(state)
        turn = _next(state)
        turn.say(self.kb.answer(need).render_more() or self.kb.answer(need).render())
        if turn.state.ml_code is not None:
            turn.add(texts.options_reply())
        else:
            turn.add(texts.menu_reply(texts.ANYTHING_ELSE))
        return turn

    def bot_challenge(
        self, state: State, sender: str, channel: str, text: str, need: str | None = None
    ) -> Turn:
        """Say honestly it is a robot; answer the need asked in the same breath, else the menu."""
        if need is None or need not in self.kb.need_codes:
            turn = _next(state)
            turn.add(texts.menu_reply(texts.BOT_INTRO))
            self._close(turn, with_options=False)
            return turn
        turn = self.answer_need(state, sender, channel, f"ask_{need}", text)
        turn.replies.insert(0, BotReply(texts.BOT_INTRO))
        return turn

    def show_menu(self, state: State) -> Turn:
        """The list of needs."""
        turn = _next(state)
        turn.add(texts.menu_reply())
        self._close(turn, with_options=False)
        return turn

    def greet(self, state: State, sender: str, channel: str) -> Turn:
        """Greeting, menu, and the privacy notice on first contact."""
        turn = _next(state)
        turn.add(BotReply(texts.GREETING, texts.menu_reply("").buttons))
        with session_scope(self.db) as session:
            touch_person(session, sender, channel)
        self._close(turn, with_options=False)
        return turn

    def goodbye(self, state: State) -> Turn:
        """See you; after danger was said, the numbers go with it."""
        turn = _next(state)
        if state.crisis_kind:
            turn.say(f"{texts.GOODBYE}\n{texts.numbers_line(_hotlines(state.crisis_kind))}")
        else:
            turn.say(texts.GOODBYE)
        return turn

    def thanked(self, state: State) -> Turn:
        """A thank-you: another question or the survey; after danger, a human and the numbers."""
        turn = _next(state)
        if state.crisis_kind:
            turn.say("Avec plaisir 🙂")
            turn.add(
                texts.after_crisis_options(
                    _hotlines(state.crisis_kind), handoff_done=state.handoff_done
                )
            )
        else:
            turn.add(texts.thanked_reply())
        return turn

    def card_again(self, state: State) -> Turn:
        """ "Redonne moi l'adresse": the Mission Locale card again."""
        turn = _next(state)
        if state.ml_code is None:
            turn.say(texts.ASK_LOCATION)
            turn.state = replace(turn.state, awaiting_location=True)
            return turn
        self._card(turn, state.ml_code, state.commune_insee)
        turn.add(texts.options_reply())
        return turn

    def laughed(self, state: State) -> Turn:
        """Laughter alone ("hhhhhh", "mdrrr"): smile back, and one tap to what comes next."""
        turn = _next(state)
        turn.add(
            texts.options_reply(texts.LAUGHED_AFTER_CARD)
            if state.ml_code
            else texts.menu_reply(texts.LAUGHED)
        )
        self._close(turn, with_options=False)
        return turn

    # -- location ---------------------------------------------------------------------------

    def set_location(
        self,
        state: State,
        sender: str,
        text: str,
        commune_insee: str | None = None,
        recent_texts: tuple[str, ...] = (),
        ml_code: str | None = None,
        resolution: Resolution | None = None,
    ) -> Turn:
        """Find the Mission Locale from a commune, a postal code, or a button choice.

        `commune_insee` (a button) or `ml_code` (a position whose commune is unsure, as in
        Paris) win over the text; `resolution`: the text already resolved by the caller.
        """
        turn = _next(state)
        if commune_insee and commune_by_insee(commune_insee) is not None:
            commune = commune_by_insee(commune_insee)
            resolution = Resolution(
                status="found",
                commune=commune,
                mission_locale=mission_locale_for(commune_insee),
                candidates=(),
            )
        elif ml_code and _ml_by_code(ml_code) is not None:
            resolution = Resolution("found", None, _ml_by_code(ml_code), ())
        elif resolution is None:
            resolution = resolve(text)
        self._apply_location(turn, sender, resolution, show_options=True)
        if turn.state.handoff_pending and turn.state.ml_code is not None:
            self._handoff(turn, sender, recent_texts)
        self._close(turn, with_options=False)
        return turn

    def location_unknown(self, state: State) -> Turn:
        """The young person does not know or none of the proposed communes fit."""
        turn = _next(state, awaiting_location=False, handoff_pending=False)
        turn.say(texts.LOCATION_UNKNOWN_OK)
        turn.add(texts.menu_reply("Je peux quand même répondre à tes questions 👇"))
        return turn

    def _apply_location(
        self, turn: Turn, sender: str, resolution: Resolution, *, show_options: bool
    ) -> None:
        if resolution.status == "found" and resolution.mission_locale is not None:
            insee = resolution.commune.insee if resolution.commune else None
            turn.state = replace(
                turn.state,
                commune_insee=insee,
                ml_code=resolution.mission_locale.code,
                awaiting_location=False,
            )
            with session_scope(self.db) as session:
                set_location(session, sender, insee, resolution.mission_locale.code)
            self._card(turn, resolution.mission_locale.code, insee)
            if show_options and not turn.state.handoff_pending:
                turn.add(
                    texts.after_crisis_options(
                        _hotlines(turn.state.crisis_kind), handoff_done=turn.state.handoff_done
                    )
                    if turn.state.crisis_kind
                    else texts.options_reply()
                )
        elif resolution.status == "ambiguous":
            candidates = [
                (c.insee, c.name, c.department) for c in resolution.candidates[:MAX_CANDIDATES]
            ]
            turn.add(texts.which_commune_reply(candidates))
            turn.state = replace(turn.state, awaiting_location=True)
        elif resolution.status == "outside_idf":
            turn.say(self.kb.outside_idf_text)
            turn.state = replace(turn.state, awaiting_location=False, handoff_pending=False)
        else:
            turn.say(texts.LOCATION_NOT_FOUND)
            turn.state = replace(turn.state, awaiting_location=True)
            if turn.state.crisis_kind:  # never a dead end after danger was said
                turn.add(
                    texts.after_crisis_options(
                        _hotlines(turn.state.crisis_kind), handoff_done=turn.state.handoff_done
                    )
                )

    def _card(self, turn: Turn, ml_code: str, commune_insee: str | None) -> None:
        ml = mission_locale_for(commune_insee) if commune_insee else None
        if ml is None or ml.code != ml_code:
            ml = _ml_by_code(ml_code)
        if ml is None:
            return
        commune = commune_by_insee(commune_insee) if commune_insee else None
        turn.say(
            texts.mission_locale_card(
                display_ml_name(ml.name), ml.address, commune.name if commune else None
            )
        )

    # -- yes / no ---------------------------------------------------------------------------

    def yes_no(
        self,
        state: State,
        sender: str,
        channel: str,
        yes: bool,
        topic: str | None,
        recent_texts: tuple[str, ...] = (),
        text: str = "",
    ) -> Turn:
        """Interpret "oui"/"non" (typed or pressed) against the question it answers.

        ``text``: what was typed; "ah si c houdan" read as a yes, "non pardon c pontoise" as a no,
        give the commune when they name one.
        """
        if text and not text.startswith("/"):
            resolution = resolve(text)
            if resolution.status != "not_found":
                return self.set_location(
                    state,
                    sender,
                    text,
                    _corrected(resolution, state),
                    recent_texts,
                    resolution=resolution,
                )
        topic = topic or state.yes_no_topic
        turn = _next(state)
        if topic == "human":
            if yes and text and _MANAGING.search(text.casefold()):
                yes = False  # "c bon ça va jvais gérer": fine, no counsellor
            if yes:
                return self.request_human(turn.state, sender, channel, recent_texts)
            # "nn pas les keufs": a no to the police may still be a yes to a counsellor later.
            turn.add(texts.human_declined_reply())
        elif topic == "privacy":
            self._privacy_answer(turn, sender, channel, yes)
        elif topic == "handoff":
            if yes:
                with session_scope(self.db) as session:
                    set_consent(session, sender, channel, Consent.GIVEN)
                self._store_known(sender, turn.state)
                self._handoff(turn, sender, recent_texts, agreed=True)
            else:
                turn.state = replace(turn.state, handoff_pending=False)
                turn.add(texts.with_menu_button(texts.HANDOFF_DECLINED))
        elif (topic == "location" or state.awaiting_location) and not yes:
            return self.location_unknown(turn.state)
        elif yes:
            turn.add(texts.menu_reply(texts.AFFIRM_NO_QUESTION))
        else:
            turn.say(texts.DENY_NO_QUESTION)
        return turn

    @staticmethod
    def yes_no_again(state: State) -> Turn | None:
        """Keys hit at random ("jjjjkkkk") to a yes/no question: the question stays, its
        buttons again. None: no question is pending."""
        reply = texts.yes_no_again(state.yes_no_topic)
        if reply is None:
            return None
        turn = Turn(state)
        turn.add(reply)
        return turn

    def _privacy_answer(self, turn: Turn, sender: str, channel: str, yes: bool) -> None:
        with session_scope(self.db) as session:
            set_consent(session, sender, channel, Consent.GIVEN if yes else Consent.REFUSED)
        if yes:
            self._store_known(sender, turn.state)
            turn.say(texts.CONSENT_THANKS)
        else:
            turn.say(texts.CONSENT_REFUSED)
        if turn.state.awaiting_location:
            turn.say(texts.ASK_LOCATION)
        elif turn.state.ml_code:
            turn.add(texts.options_reply())
        else:
            turn.add(texts.menu_reply())

    def _store_known(self, sender: str, state: State) -> None:
        """Once consent is given, keep what was said before it (needs, commune)."""
        with session_scope(self.db) as session:
            set_location(session, sender, state.commune_insee, state.ml_code)
            for need in state.needs_expressed:
                record_need(session, sender, need, state.commune_insee, state.ml_code)

    # -- handoff ----------------------------------------------------------------------------

    def request_human(
        self,
        state: State,
        sender: str,
        channel: str,
        recent_texts: tuple[str, ...] = (),
        text: str = "",
    ) -> Turn:
        """Start a handoff: find the Mission Locale, ask consent, then record the request.

        A place named in the same message ("parler à qqn de la mission locale de rambouillet")
        is where the young person lives.
        """
        if state.yes_no_topic == "handoff":  # asked for a human while asked to share: a yes
            return self.yes_no(state, sender, channel, True, "handoff", recent_texts)
        if (again := self._numbers_again(state, text)) is not None:
            return again
        turn = _next(state, handoff_pending=True)
        with session_scope(self.db) as session:
            touch_person(session, sender, channel)
        place = resolve(text) if text and state.ml_code is None else None
        if place is not None and place.status == "found" and place.mission_locale is not None:
            turn.state = replace(
                turn.state,
                commune_insee=place.commune.insee if place.commune else None,
                ml_code=place.mission_locale.code,
            )
            with session_scope(self.db) as session:
                set_location(session, sender, turn.state.commune_insee, place.mission_locale.code)
            self._handoff(turn, sender, recent_texts)
            return turn
        if state.ml_code is None:
            turn.say(texts.HANDOFF_ASK_LOCATION)
            turn.state = replace(turn.state, awaiting_location=True)
            self._close(turn, with_options=False)
            return turn
        self._handoff(turn, sender, recent_texts)
        return turn

    def _handoff(
        self,
        turn: Turn,
        sender: str,
        recent_texts: tuple[str, ...] = (),
        agreed: bool = False,
    ) -> None:
        """Record the request once the young person agreed to share it (``agreed``: they just
        said yes); until then, ask. Accepting the privacy notice is not agreeing to this."""
        state = turn.state
        ml = _ml_by_code(state.ml_code) if state.ml_code else None
        if ml is None:
            turn.say(texts.HANDOFF_ASK_LOCATION)
            turn.state = replace(state, awaiting_location=True)
            return
        if state.handoff_done:
            turn.add(texts.with_menu_button(texts.HANDOFF_ALREADY))
            turn.state = replace(state, handoff_pending=False)
            return
        with session_scope(self.db) as session:
            person = find_person(session, sender)
            if not agreed or person is None or person.consent is not Consent.GIVEN:
                turn.add(texts.handoff_consent_reply(display_ml_name(ml.name)))
                turn.state = replace(state, yes_no_topic="handoff")
                return
            create_handoff(
                session,
                person,
                ml_code=ml.code,
                need=state.need,
                commune_insee=state.commune_insee,
                summary=handoff_summary(state, self.kb, recent_texts),
            )
        # After a crisis, the answer takes days: the numbers do not wait.
        numbers = _hotlines(state.crisis_kind) if state.crisis_kind else ()
        turn.add(
            texts.with_menu_button(
                texts.handoff_done(display_ml_name(ml.name), ml.address, numbers)
            )
        )
        turn.state = replace(state, handoff_pending=False, handoff_done=True)

    # -- safety and privacy -----------------------------------------------------------------

    def crisis(
        self,
        state: State,
        text: str,
        kind: str | None,
        other_need: str | None = None,
        sender: str = "",
        channel: str = "rest",
    ) -> Turn:
        """Crisis numbers at once, the right one first, then the offer of a human.

        ``other_need``: the need the classifier would have answered, offered as a button when
        no rule named the danger (the crisis reading may be wrong).
        """
        known = DistressKind(kind) if kind in DistressKind._value2member_map_ else None
        rule = known or detect_distress(text)
        if rule is None and harmless_frame(text):
            # Only the classifier heard danger in "jme suis fait tuer sur fortnite" or "mort de
            # rire": play or a figure of speech.
            return self._played(state, sender, channel, text, other_need)
        if rule is None and state.yes_no_topic == "human" and asks_for_a_human(text):
            # "elle veut bien parler à qqn" to "Tu veux qu'un·e conseiller·e te recontacte ?"
            return self.request_human(state, sender, channel, (), text)
        last = self.on_last_need(state, None, text) if rule is None else None
        if last is None and rule is None and state.need in self.kb.need_codes and _plain(text):
            last = state.need  # "avant noel si possible" after the appointment (round 12, v33)
        if last is not None and not _DARK_WORDS.search(plain_text(text)):
            # Only the classifier heard danger in "et si g pas le bac ils me prennent ?", right
            # after an answer: that answer's follow-up, the numbers in its first line.
            return self.follow_up_answer(state, last)
        moved = resolve(text) if rule is None and says_moved(text) else None
        if moved is not None and moved.status != "not_found":
            # Only the classifier read danger, in a message about moving house ("jvais bouger
            # chez ma sœur à pontoise"): the new place, with the numbers in one line.
            turn = self.set_location(state, sender, text, resolution=moved)
            turn.replies = texts.with_safety_net(turn.replies)
            return turn
        # The replies end on "Tu veux qu'un·e conseiller·e te recontacte ?" (unless a request is
        # already on its way): a typed "oui" says yes.
        topic = None if state.handoff_done else "human"
        turn = _next(state, yes_no_topic=topic, crisis_kind=rule.value if rule else "unspecified")
        resolution = (moved or resolve(text)) if state.ml_code is None else None
        if resolution and resolution.status == "found" and resolution.mission_locale is not None:
            # No card now (the numbers come alone), but a counsellor, if asked, is the right one.
            turn.state = replace(
                turn.state,
                commune_insee=resolution.commune.insee if resolution.commune else None,
                ml_code=resolution.mission_locale.code,
            )
        turn.replies.extend(texts.crisis_replies(rule, other_need, handoff_done=state.handoff_done))
        return turn

    def _played(
        self, state: State, sender: str, channel: str, text: str, other_need: str | None
    ) -> Turn:
        """A game or a film told with danger words, or a roof lost at a later date: the need it
        also asks about (housing for the roof), or the menu; the numbers in one line either way."""
        named = named_needs(text) & set(self.kb.need_codes)
        guess = NEED_BY_INTENT.get(other_need or "")
        need = guess if guess in named else (min(named) if len(named) == 1 else None)
        if housing_loss_later(text):  # "jsors du foyer le mois prochain, g nul part où aller"
            need = "housing"
        if need is not None:
            turn = self.answer_need(state, sender, channel, f"ask_{need}", text)
        else:
            turn = _next(state)
            turn.add(texts.menu_reply(texts.OUT_OF_SCOPE))
            self._close(turn, with_options=False)
        turn.replies = texts.with_safety_net(turn.replies)
        return turn

    def after_crisis(self, state: State) -> Turn:
        """Instead of the survey, after danger was said: a human, and the numbers."""
        turn = _next(state)
        turn.add(
            texts.after_crisis_options(
                _hotlines(state.crisis_kind), handoff_done=state.handoff_done
            )
        )
        return turn

    def opt_out(self, state: State, sender: str, channel: str) -> Turn:
        """Stop proactive messages."""
        with session_scope(self.db) as session:
            set_opted_out(session, sender, channel, True)
        turn = _next(state)
        turn.add(texts.with_menu_button(texts.OPTED_OUT))
        return turn

    def delete_data(self, state: State) -> Turn:
        """Erase everything: the channel gateway deletes once Rasa has saved this turn."""
        turn = Turn(State(), erase=True)
        turn.say(texts.ERASED)
        return turn

    def fallback(
        self,
        state: State,
        sender: str,
        text: str,
        channel: str = "rest",
        recent_texts: tuple[str, ...] = (),
    ) -> Turn:
        """Not understood: maybe a place name; otherwise say so and offer the menu, never guess.

        Right after "Tu habites dans quelle commune ?", a short unknown answer is a place the
        resolver could not read: the bot says so and asks again, rather than "pas compris".
        """
        if (trade := self.trade_answer(state, sender, channel, text)) is not None:
            return trade
        place = self.place_answer(state, text, unknown_is_place=True)
        if place is not None:
            return self.set_location(state, sender, text, resolution=place)
        if (reaction := self._reaction(state, text)) is not None:
            return reaction
        if asks_for_a_human(text):  # "je voudrais qu'un conseiller soit prévenu"
            return self.request_human(state, sender, channel, recent_texts, text)
        answer = leading_yes_no(text) if state.yes_no_topic else None
        if answer is not None:  # "ouais jveux bien parler à qqn" to "tu veux un·e conseiller·e ?"
            return self.yes_no(state, sender, channel, answer, None, recent_texts)
        if (again := self._numbers_again(state, text)) is not None:
            return again
        if state.need in self.kb.need_codes and follow_up(text):
            return self.follow_up_answer(state, state.need)
        turn = _next(state)
        turn.add(texts.menu_reply(_not_understood(text)))
        self._close(turn, with_options=False)
        return turn

    def _numbers_again(self, state: State, text: str) -> Turn | None:
        """ "tu peux me redonner le numéro" after danger was said: the numbers again."""
        if state.crisis_kind and _ASKS_NUMBER.search(text.casefold()):
            return self.crisis(state, "", state.crisis_kind)
        return None

    def _reaction(self, state: State, text: str) -> Turn | None:
        """Laughter alone, or "redonne moi l'adresse": no new topic."""
        if laughter(text):
            return self.laughed(state)
        if asks_address(text):
            return self.card_again(state)
        return None

    def trade_answer(self, state: State, sender: str, channel: str, text: str) -> Turn | None:
        """ "en cuisine", "ds la restau" after a job, training or alternance: that need's answer
        again (the commune still asked when unknown), whatever the NLU read; else None."""
        if (
            state.need in TRADE_NEEDS
            and trade_detail(text)
            and not named_needs(text)
            and resolve(text).status == "not_found"
        ):
            return self.answer_need(state, sender, channel, f"ask_{state.need}", text)
        return None

    def on_last_need(self, state: State, need: str | None, text: str) -> str | None:
        """The last need, when ``text`` is a question on its answer ("et si g 17 ans ?") and
        not the new need ``need`` (None: not a need) the NLU read in it."""
        last = state.need
        if last not in self.kb.need_codes or need == last:
            return None
        if last == "orientation" and named_needs(text) & _PATHS:
            return None  # "et si jfais une alternance direct ?": a path to answer, not a condition
        if what_if(text) and not asked_needs(text):
            return last
        if (
            need not in ("mission_locale", "appointment")
            and and_asks(text)
            and not named_needs(text)
        ):
            return last  # "et le patron faut le trouver moi meme ?" after the alternance
        if last in AID_NEEDS and aid_for_it(text):
            return last
        if self._figure_of(last, text):  # "c quoi l'aide de 500 balles pour les apprentis ?"
            return last
        return None

    def _figure_of(self, need: str, text: str) -> bool:
        """``text`` asks about an amount that ``need``'s answer gives (the 500 € for the permis)."""
        figures = _AMOUNT.findall(text.casefold())
        answer = self.kb.answer(need).render()
        return bool(figures) and any(re.search(rf"\b{f}\s*€", answer) for f in figures)

    def follow_up_answer(self, state: State, need: str) -> Turn:
        """A question about the last answer the bot cannot read ("et faut une autorisation de mes
        parents ?"): say so, give what it knows on that need, and the way to a counsellor."""
        answer = self.kb.answer(need)
        turn = _next(state)
        turn.say(f"{texts.follow_up_intro(answer.title)}\n{texts.SAFETY_NET}")
        turn.say(answer.render_more() or answer.render_short())
        turn.add(texts.options_reply() if state.ml_code else texts.menu_reply(texts.ANYTHING_ELSE))
        return turn

    def out_of_scope(self, state: State, sender: str, text: str) -> Turn:
        """Off-topic: unless it is the commune the bot asked for, say so and show the menu.

        Only a question or a request is a topic the bot can't help with ("tu connais la recette
        des crêpes ?"); keys hit at random, a word or a remark ("banane", "bref la flemme") are
        not understood, and the bot says so.
        """
        place = self.place_answer(state, text)
        if place is not None:
            return self.set_location(state, sender, text, resolution=place)
        if (again := self._numbers_again(state, text)) is not None:
            return again
        if (reaction := self._reaction(state, text)) is not None:
            return reaction
        turn = _next(state)
        off_topic = asks_something(text) and not keyboard_mash(text)
        turn.add(texts.menu_reply(texts.OUT_OF_SCOPE if off_topic else _not_understood(text)))
        self._close(turn, with_options=False)
        return turn

    @staticmethod
    def place_answer(
        state: State, text: str, *, unknown_is_place: bool = False
    ) -> Resolution | None:
        """``text`` resolved, when it is to be read as a place; else None.

        A message the NLU read as something else ("mante la jolie" as off-topic) is still a
        place when the resolver finds one, either right after "Tu habites où ?" or in a few
        words. ``unknown_is_place``: a short unknown answer to that question is a place the
        resolver could not read (the bot asks again).
        """
        resolution = resolve(text)
        if resolution.status == "not_found" and state.awaiting_location:
            # "beauvais, jsuis rentré chez mes darons": the answer, then why.
            first = re.split(r"[,.;!?]", text, maxsplit=1)[0]
            if first != text and len(first.split()) <= SHORT_ANSWER_WORDS:
                resolution = resolve(first)
        short = len(text.split()) <= SHORT_ANSWER_WORDS
        if resolution.status in ("found", "ambiguous", "outside_idf"):
            placed = state.awaiting_location or short or unknown_is_place
        else:
            placed = unknown_is_place and state.awaiting_location and short
        return resolution if placed else None

    # -- shared -----------------------------------------------------------------------------

    def _close(self, turn: Turn, with_options: bool = True) -> None:
        """End a turn: privacy notice on first contact, else the next-step options."""
        if not turn.state.privacy_notice_shown and turn.state.yes_no_topic is None:
            # The notice takes the last place: the card keeps the way to a counsellor.
            for i, reply in enumerate(turn.replies):
                if reply.text.startswith(texts.CARD_MARK) and not reply.buttons:
                    turn.replies[i] = replace(reply, buttons=texts.card_buttons())
            turn.add(texts.privacy_reply())
            turn.state = replace(turn.state, privacy_notice_shown=True, yes_no_topic="privacy")
        elif with_options and turn.state.ml_code and not turn.state.awaiting_location:
            turn.add(texts.options_reply())


_YES = frozenset(
    {"oui", "ouais", "ouai", "ouep", "yes", "ok", "okay", "oké", "dac", "dacc", "d'accord"}
    | {"vas-y", "vazy", "grave", "carrément"}
)
_NO = frozenset(["non", "nan", "nope", "no"])
LEADING_YES_NO_MAX_WORDS = 6  # longer, the message says more than yes or no


# "It's fine, I'll manage": a no to a counsellor, though the NLU may read "c bon" as a yes.
# "c bon ils sont partis": the danger passed, not a yes; a counsellor stays one tap away.
_MANAGING = re.compile(
    r"^(?:c bon|c'est bon|cest bon)\b(?! pour moi)|^(?:ca va|ça va|tkt|t'inquiete|t'inquiète)\b.*"
    r"\b(?:ca va|ça va|gerer|gérer|tkt)\b|\b(?:jvais|je vais) (?:gerer|gérer|me debrouiller|"
    r"me débrouiller)\b"
)

# After a crisis: "tu peux me redonner le numéro", "c quoi le num déjà".
# "pas au téléphone devant lui" is not a number asked (round 12, u17).
_ASKS_NUMBER = re.compile(
    r"\b(?:num|numero|numéro|numeros|numéros)\b"
    r"|\b(?:redonne\w*|renvoie\w*|donne\w*|c'?est quoi|c quoi|quel)\b.{0,20}"
    r"\b(?:tel|téléphone|telephone)\b"
)

_FOLLOW_UP = re.compile(
    r"^(?:et|mais|ok et|ok mais|du coup|donc|alors|sinon|c combien|c'est combien|combien|faut|"
    r"il faut|je dois|jdois|on doit|ca marche|ça marche|c valable|c'est valable)\b"
)
FOLLOW_UP_MAX_WORDS = 15


def follow_up(text: str) -> bool:
    """A short question that leans on the previous answer ("et si g 17 ans ?", "faut quoi ?")."""
    plain = text.casefold().strip()
    if not plain or len(plain.split()) > FOLLOW_UP_MAX_WORDS:
        return False
    return plain.endswith("?") or _FOLLOW_UP.match(plain) is not None


# "et si g 17 ans ?", "et sans diplome ?", "et pour mon frere ?": a condition added to the last
# answer, not a new topic, even when the NLU reads one in it.
_WHAT_IF = re.compile(
    r"^(?:et|mais|ok et|et du coup)\s+(?:si|s'|sans|avec|pour|quand|moi|lui|elle|mon|ma|mes|a|à|"
    r"apres|après|avant|en|faut|il faut)\b"
)
# "g 16 ans c grave ?", "j'ai 26 ans ça passe ?": one's age against the last answer.
_AGE_ASKED = re.compile(r"^(?:et |mais )?(?:j'ai|jai|j ai|g|il a|elle a) \d{2} ?ans\b.{0,30}\?\s*$")
# "il faut avoir 18 ans pour ça ou pas ?", "faut mettre quoi dedans": about what was just answered.
_ABOUT_THAT = re.compile(
    r"\b(?:pour|pr) (?:ca|ça|sa)\b(?: ou pas| ou non)? ?\?$"
    r"|\b(?:mettre|mets|met|[eé]crire) quoi\b|\bquoi (?:mettre|[eé]crire)\b"
)
# ... unless it asks about the Mission Locale itself ("et elle est où la mission locale ?").
_ABOUT_THE_ML = re.compile(
    r"\bmissions? locales?\b|\bml\b|\badresse\b|\bhoraires?\b|\boù\b|\bouv[er]\w*|\bfermé\w*"
    r"|\bc ou\b|\bou c'est\b"
)
# "c payé combien ?", "et c remboursé à 100 % ?", "ça dure combien de temps ?": about "it".
_ABOUT_IT = re.compile(
    r"^(?:et |mais |ok |du coup |donc )?(?:c|c'est|cest|c est|ça|ca|sa|faut|il faut)\s+"
    r"(?:\S+\s+){0,3}?(?:pay[eé]\w*|r[eé]mun[eé]r\w*|rembours\w*|combien|dur[eé]\w*|"
    r"obligatoire|valable|[aà] partir de|quel [aâ]ge|autoris\w*|long|cher|gratuit|compliqu\w*|"
    r"trop (?:tard|vieux|vieille|jeune)|quels? (?:papiers?|documents?|pi[eè]ces?))"
)
# "on peut le faire a 17 ans ?", "jpeux la demander si jsuis en cdd ?": "it" is the last answer.
_DO_IT = re.compile(
    r"^(?:et |mais |ok |du coup |donc )?(?:est-ce qu'?e? ?|est ce qu'?e? ?)?"
    r"(?:on|je|j|jpeux|tu|il|elle|ils) ?(?:peut|peux|pourrait|"
    r"pourrais|doit|dois)? (?:le|la|l'|les|en) ?(?:faire|avoir|demander|toucher|passer|commencer"
    r"|obtenir|refaire|cumuler)\b"
)
# "faut faire quoi pour l'avoir concretement ?": "it" is what the last answer was about.
_FOR_IT = re.compile(
    r"\b(?:pour|pr) (?:l'|l |la |le |les |en |y )(?:avoir|faire|demander|toucher|obtenir|passer"
    r"|beneficier|bénéficier)\b"
)
# "ca marche si jsuis en alternance ?", "jsuis en apprentissage ca compte ?": does "it" still hold.
_STILL_HOLDS = re.compile(
    r"^(?:et |mais |ok |du coup )?(?:ca|ça|sa|c|c'est|cest) (?:marche|compte|passe|vaut|"
    r"s'applique|pareil|valable)\b.*\bsi\b|\b(?:ca|ça|sa) (?:compte(?:{end})* ?\??|"
    r"(?:marche|passe|s'applique)(?:{end})* ?\?)$".format(
        end=r" aussi| quand m[eê]me| qd m[eê]me| kan m[eê]me| kan mm| qd mm| quand mm| pour moi"
        r"| pr moi| encore| toujours"
    )
)  # "ça marche" alone is "OK"; "ça marche ?" asks
WHAT_IF_MAX_WORDS = 16


# "l'aide de 500 balles", "les 500 euros": an amount named.
_AMOUNT = re.compile(r"\b(\d{2,4})\s*(?:€|euros?|balles|boules)(?!\s*(?:par|/)\s*mois)")
# The paths one may choose after "je sais pas quoi faire".
_PATHS = frozenset({"job", "apprenticeship", "training"})
# "en cuisine", "ou en boulangerie ça marche aussi ?": the trade of the job or training just asked.
TRADE_NEEDS = frozenset({"job", "apprenticeship", "training", "orientation"})
_TRADE_DETAIL = re.compile(
    r"^(?:(?:et|ou|plutot|plutôt|genre|surtout|plutot|de preference|de préférence)\s+)?"
    r"(?:en|dans (?:le|la|l'|les)|ds (?:le|la|l'|les)|comme)\s*[a-zà-ÿ'-]+"
    r"(?:\s+(?:genre\s+)?[a-zà-ÿ'-]+){0,2}"
    r"(?:\s+(?:ça|ca|sa|c'est|c) (?:marche|passe|va|possible)(?: aussi)?|\s+aussi|\s+c possible"
    r"|\s+si possible|\s+de pr[eé]f[eé]rence)?"
    r"\s*[?!.]*$"
)


def trade_detail(text: str) -> bool:
    """A trade or a field given in a few words after a need ("en cuisine", "dans la vente"),
    maybe followed by why ("Plutôt dans la vente, il a fait ses stages chez Decathlon.")."""
    plain = text.casefold().replace("’", "'").strip()
    first = re.split(r"[,.;]", plain, maxsplit=1)[0]
    return any(_TRADE_DETAIL.match(part) is not None for part in {plain, first})


# "et le patron faut le trouver moi meme ?": a question that goes on from the last answer.
_AND_ASKS = re.compile(r"^(?:et|mais|ok et|et du coup|du coup)\s+\S.*\?\s*$")


def and_asks(text: str) -> bool:
    """A short question that opens with "et" ("et le patron faut le trouver moi meme ?") and
    is not about the Mission Locale itself."""
    plain = text.casefold().replace("’", "'").strip()
    return (
        len(plain.split()) <= WHAT_IF_MAX_WORDS
        and _AND_ASKS.match(plain) is not None
        and _ABOUT_THE_ML.search(plain) is None
    )


def what_if(text: str) -> bool:
    """A short question on the previous answer: a condition ("et si g 17 ans ?", "et avec un
    casier ?") or a question about "it" ("c payé combien ?")."""
    plain = text.casefold().replace("’", "'").strip()
    return (
        len(plain.split()) <= WHAT_IF_MAX_WORDS
        and any(
            p.search(plain)
            for p in (_WHAT_IF, _ABOUT_IT, _STILL_HOLDS, _DO_IT, _FOR_IT, _ABOUT_THAT, _AGE_ASKED)
        )
        and _ABOUT_THE_ML.search(plain) is None
    )


# "ya des aides pour repasser ?", "ya un truc gratuit pr ceux qui ont pas de sous ?": an aid
# asked for without naming what for is an aid for the need just answered, when that need has some.
AID_NEEDS = frozenset({"mobility", "housing", "health", "training", "apprenticeship"})
_ANY_AID = re.compile(
    r"^(?:et |mais |ok |du coup |donc |sinon )?(?:y a|ya|y'a|il y a|y aurait|yaurait|il existe|"
    r"existe|vous avez|t'as|tas|on peut avoir|jpeux avoir|je peux avoir)\s+(?:\S+\s+){0,2}?"
    r"(?:aides?|trucs?|choses?|dispositifs?|financements?|qqch|quelque chose)\b"
)
_AID_WORDS = re.compile(
    r"\baides?\b|\bfinanc\w*|\bgratuit\w*|\bpas (?:de|d'|les) (?:sous|thunes?|argent|moyens)\b"
)


def aid_for_it(text: str) -> bool:
    """An aid asked for with nothing else named ("ya des aides pour repasser ?")."""
    plain = text.casefold().replace("’", "'").strip()
    if len(plain.split()) > WHAT_IF_MAX_WORDS or _ANY_AID.match(plain) is None:
        return False
    return not asked_needs(_AID_WORDS.sub(" ", plain))


# Words that keep a short "et si…" the classifier read as danger a crisis, whatever it follows.
_DARK_WORDS = re.compile(
    r"\b(?:mour\w*|mort\w*|tu(?:er|ais|erais|e)|suicid\w*|disparai\w*|crev\w*|saut\w*|pend\w*|"
    r"finir|vivre|vie|air|plus la|plus là|frapp\w*|tap\w*|coup\w*|dehors|rue|dormir|nuit|seule?|"
    r"mal|peur|danger|sang|cachets|medocs)\b"
)
# A call for help, which no short message may lose to a follow-up reading.
_HELP = re.compile(
    r"\b(?:aid\w*|help|secours|sos|urgen\w*|appel\w*|police|pompiers?|fini\w*|fin|adieu|part\w*"
    r"|pars|marre|rien|personne|jamais|noir\w*|vide|bout|craqu\w*|pleur\w*|triste)\b"
)
PLAIN_MAX_WORDS = 6


def _plain(text: str) -> bool:
    """A few ordinary words ("avant noel si possible"): no dark word, no call for help."""
    plain = plain_text(text)
    words = re.findall(r"[a-z]{2,}", plain)
    return (
        len(words) >= 2
        and len(plain.split()) <= PLAIN_MAX_WORDS
        and not _DARK_WORDS.search(plain)
        and not _HELP.search(plain)
    )


_ASKS_ADDRESS = re.compile(
    r"\badresse\b|\b(?:c'est|c|elle est|ils sont|c est) où\b"
    r"|\b(?:c'est|c|elle est|ils sont|c est) ou\s*(?:deja|déjà|exactement|precisement"
    r"|précisément)?\s*\?*$"
)


_HUMAN = re.compile(
    r"\bconseill\w*\b.{0,40}\b(?:prevenu\w*|prévenu\w*|prevenir|prévenir|rappel\w*|contact\w*|"
    r"parler|joindre|appel\w*)\b|\b(?:parler|causer) (?:a|à|avec) (?:un|une|qqn|quelqu)\w*"
    # Round 10: "qqn peut me rappeler ?", "jveux voir ma conseillère", "transmettre à un·e…".
    r"|\b(?:qqn|quelqu'un|quelqu un|qlq1|kelkun)\b.{0,20}\b(?:me |m')?(?:rappel\w*|appeler|"
    r"contacter|recontact\w*)\b"
    # Round 11: "tu peux prévenir qqn de la mission locale ?", "ya qqn à qui jpeux parler ?".
    r"|\b(?:prevenir|prévenir|alerter) (?:qqn|quelqu'un|quelqu un|un conseill|une conseill|ma "
    r"conseill|mon conseill)"
    r"|\b(?:qqn|quelqu'un|quelqu un)\b.{0,40}\b(?:a|à|avec) qui (?:je |j'|j)?(?:peux|peu|pourrais"
    r"|puisse) (?:en )?parler"
    r"|\b(?:voir|rencontrer|joindre|contacter|appeler) (?:ma|mon|un|une|la|le) (?:conseill|référent"
    r"|referent)\w*"
    r"|\btransmet\w*\b.{0,40}\bconseill\w*"
    # Round 12: "il voudrait qu'on le rappelle", "elle veut bien parler à qqn".
    r"|\bqu'?on (?:le |la |me |m'|les |nous )?(?:rappelle|recontacte|contacte|appelle)\b"
)


_STOP_LAST = re.compile(
    r"(?:^|[.!,;]\s*|\s)(?:stop|stopp+|arr[eê]te[zs]?(?: (?:les|vos) (?:messages?|notifs?)"
    r"| de m'?(?:[eé]crire|envoyer des messages|relancer|spammer))?"
    r"|ne m'?(?:[eé]cris|[eé]crivez|relance[zs]?) plus)"
    r"(?: (?:stp|svp|merci|mrc))?\s*[.!]*\s*$"
)


# Words without which a typed message is never read as "erase everything" (round 12: "dans l'info
# genre dev web" was): erasing on a misreading would lose what the young person said.
_ERASE_WORDS = re.compile(
    r"\b(?:supp?r?[iy]m\w*|s[iu]pp?r?im\w*|suppression|supression|[eé]ff?a[cs]\w*|oubli\w*|bliy\w*"
    r"|delete|erase|rgpd|d[eé]trui\w*|retir\w*|enl[eè]v\w*|vir\w*|dispara[iî]\w*|nettoy\w*"
    r"|remove|wipe|forget|silin|[sș]terge\w*|borr\w*|apag\w*|mse7|traces?|exist\w*)\b"
    r"|\breste (?:plus )?(?:rien|aucune?)\b|\bgard\w* (?:plus )?rien\b"
    # "je veux plus que vous gardiez mes infos": the data named.
    r"|\b(?:mes|mé|mon|ma|nos|notre|tout(?:es)? (?:les|mes)) (?:donn\w*|don[eé]s?|infos?"
    r"|informations?|historique|compte|kont\w*|konte|conversation|messages|data|dados|datos"
    r"|dossier)\b|\benf[oò]masyon\b"
)


def asks_to_erase(text: str) -> bool:
    """ "supprime mes données", "/supprimer", "oubliez-moi": erasure asked in words."""
    plain = text.casefold().strip()
    return plain.startswith("/") or _ERASE_WORDS.search(plain) is not None


def ends_with_stop(text: str) -> bool:
    """ "ok mrc. stop", "merci, arrêtez les messages", "non laisse tomber, arrete de m'ecrire":
    thanks, bye or no, then stop."""
    return _STOP_LAST.search(text.casefold().replace("’", "'")) is not None


def asks_for_a_human(text: str) -> bool:
    """A counsellor asked for in words the NLU could not read."""
    return _HUMAN.search(text.casefold()) is not None


def asks_address(text: str) -> bool:
    """ "redonne moi l'adresse", "c'est où déjà ?": the Mission Locale's address again."""
    plain = text.casefold().replace("’", "'")
    return len(plain.split()) <= WHAT_IF_MAX_WORDS and _ASKS_ADDRESS.search(plain) is not None


def leading_yes_no(text: str) -> bool | None:
    """A short message that starts with a clear yes (True) or no (False), else None."""
    words = re.findall(r"[\w'-]+", text.casefold())
    # "oui mais pas d'appel sur mon tel svp": a yes, with a wish.
    if len(words) >= 2 and words[0] in _YES and words[1] == "mais":
        return True
    if not words or len(words) > LEADING_YES_NO_MAX_WORDS:
        return None
    if words[0] in _YES:
        return True
    if words[0] in _NO:
        return False
    return None


_LAUGH_TOKEN = re.compile(
    r"(?:h{3,}|(?:ha|he|hi|ah|eh){2,}h*|m+d+r+|p+t+d+r+|xptdr+|l+o+l+|x+d+|[😂🤣😆😹😁]+)"
)


def laughter(text: str) -> bool:
    """Only laughter: "hhhhhh" (Maghreb chat), "mdrrr", "ptdr", "hahaha", "😂😂"."""
    tokens = re.findall(r"\w+|[^\w\s]+", text.casefold())
    tokens = [t for t in tokens if t not in {"!", "?", "...", "."}]
    return bool(tokens) and all(_LAUGH_TOKEN.fullmatch(t) for t in tokens)


_CONSONANT_RUN = re.compile(r"[bcdfghjklmnpqrstvwxz]{5,}")
_KEYBOARD_ROWS = ("azertyuiop", "qsdfghjklm", "wxcvbn", "qwertyuiop", "asdfghjkl", "zxcvbnm")
_DOUBLED = re.compile(r"(.)\1+")
MASH_MAX_WORDS = 3


def _mash_word(word: str) -> bool:
    if not word.isalpha() or len(word) < 3:
        return False
    if not any(c in "aeiouyàâäéèêëîïôöùûü" for c in word) or _CONSONANT_RUN.search(word):
        return True
    plain = _DOUBLED.sub(r"\1", word)
    return any(plain[i : i + 4] in row for row in _KEYBOARD_ROWS for i in range(len(plain) - 3))


_ASKS = re.compile(
    r"^(?:\S+\s+){0,2}?(?:t'?as|ta|tu|t|c'?est|c|koi|quoi|qui|quel\w*|comment|cmt|pourquoi|pk|"
    r"combien|o[uù]|est[- ]ce|raconte|donne|dis|fais|explique|peux|connais|sais|vous|y'?a|ya|"
    r"il y a|on)\b"
)


def asks_something(text: str) -> bool:
    """A question or a request ("t'as vu le match ?", "raconte une blague"), not a bare word or
    a remark."""
    said = text.casefold().strip()
    return "?" in said or bool(_ASKS.match(said))


def _not_understood(text: str) -> str:
    """ "Pas compris"; under a whole sentence, the numbers in one line too (a veiled crisis the
    classifier could not place still reaches them)."""
    if len(text.split()) >= SENTENCE_MIN_WORDS:
        return f"{texts.NOT_UNDERSTOOD}\n{texts.SAFETY_NET}"
    return texts.NOT_UNDERSTOOD


def keyboard_mash(text: str) -> bool:
    """Keys hit at random: up to three made-up words, letters without a vowel, five consonants
    in a row, or a run along a keyboard row ("azerrty ggg", "qsdfgh")."""
    words = text.casefold().split()
    if not 1 <= len(words) <= MASH_MAX_WORDS or sum(map(len, words)) < 4:
        return False
    return all(_mash_word(word) for word in words)


def _corrected(resolution: Resolution, state: State) -> str | None:
    """In "non c pontoise pas poissy", the commune it is not is the one the bot had understood:
    the other one, if it is the only one left."""
    if resolution.status != "ambiguous" or state.commune_insee is None:
        return None
    others = [c.insee for c in resolution.candidates if c.insee != state.commune_insee]
    return others[0] if len(others) == 1 and len(resolution.candidates) == 2 else None


def _hotlines(kind: str | None) -> tuple[str, ...]:
    """The numbers for a danger said in the conversation (3114 and 112 when unsure which)."""
    known = DistressKind(kind) if kind in DistressKind._value2member_map_ else None
    return HOTLINES[known] if known else ("3114", "112")


def _ml_by_code(code: str | None) -> MissionLocale | None:
    return load_reference().missions.get(code) if code else None


def display_ml_name(official: str) -> str:
    """'95-ML ARGENTEUIL BEZONS' → 'la Mission Locale Argenteuil Bezons'."""
    name = re.sub(r"^\d{2}\s*-\s*", "", official.strip())
    name = re.sub(r"^ML\b\.?\s*", "", name, flags=re.IGNORECASE)
    words = [w if any(c.isdigit() for c in w) else w.capitalize() for w in name.split()]
    small = {"De", "Du", "Des", "La", "Le", "Les", "Et", "En", "Sur", "Sous", "Aux", "Au", "D", "L"}
    pretty = " ".join(w.lower() if i and w in small else w for i, w in enumerate(words))
    return f"la Mission Locale {pretty}".strip()


def handoff_summary(state: State, kb: KnowledgeBase, recent_texts: tuple[str, ...]) -> str:
    """A short summary a counsellor reads first: needs, commune, last words of the young person."""
    needs = ", ".join(kb.answer(n).title for n in state.needs_expressed) or "non précisé"
    commune = commune_by_insee(state.commune_insee) if state.commune_insee else None
    lines = [f"Besoin(s) : {needs}", f"Commune : {commune.name if commune else 'non précisée'}"]
    if recent_texts:
        quoted = " / ".join(f"« {t[:160]} »" for t in recent_texts[-3:])
        lines.append(f"Derniers messages : {quoted}")
    return "\n".join(lines)
