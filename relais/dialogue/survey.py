"""The study's survey inside the conversation: offer, consent, one question at a time, resume.

Called by the survey form's actions (actions/survey.py). Every answer is saved the moment it is
given; `stop` pauses; a danger message interrupts with the crisis numbers; a finished survey is
never asked again.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from types import MappingProxyType

from relais.dialogue import texts
from relais.dialogue.texts import payload
from relais.messages import BotReply, Button
from relais.routing import resolve
from relais.safety.distress import DistressKind, detect_distress
from relais.survey import (
    ParsedAnswer,
    Questionnaire,
    SurveyState,
    assess,
    buttons_for,
    followup_step,
    load_questionnaire,
    needs_followup,
    next_step,
    parse_answer,
    profile_from,
    with_answer,
)
from store.db import session_scope
from store.models import SurveyAnswer, SurveySession, SurveyStatus
from store.people import set_opted_out, touch_person
from store.surveys import (
    answers_of,
    save_answer,
    save_followup,
    set_status,
    start_survey,
    survey_session,
)

QUESTIONNAIRE_ID = "etude-jeunes"

# Slot values that end the form (the survey form's only slot is `survey_answer`).
FINISHED = "finished"
PAUSED = "paused"

OFFER = (
    "💬 Tu as 5 minutes pour nous aider à améliorer les Missions Locales ? "
    "C'est anonyme : tes réponses servent à une étude, sans ton nom, et tu peux sauter "
    "une question ou t'arrêter quand tu veux."
)
RESUME = "On reprend le questionnaire là où tu t'étais arrêté·e ? Il en reste {left}."
ALREADY_DONE = (
    "Tu as déjà répondu au questionnaire, merci encore 🙏 Je peux t'aider pour autre chose ?"
)
DECLINED = "Pas de souci 🙂 Si tu changes d'avis, écris /avis."
PAUSED_TEXT = (
    "OK, on fait une pause ⏸️ Tes réponses sont gardées. Écris /avis quand tu veux reprendre."
)
STARTED = "C'est parti ! 🙌"
CHECK_IN = (
    "Si ça ne va pas en ce moment, tu n'es pas seul·e : le 3114 répond 24h/24, gratuitement. "
    "On continue, et tu peux écrire « stop » quand tu veux."
)


@dataclass
class SurveyTurn:
    """What one survey message produced: replies, and how the form goes on."""

    replies: list[BotReply] = field(default_factory=list)
    slot_value: str | None = None  # None: ask the next question; FINISHED / PAUSED end the form
    followup_for: str | None = None
    erase: bool = False


def survey_buttons(pairs: list[tuple[str, str]]) -> tuple[Button, ...]:
    """Quick replies of a question; the value goes to Rasa as plain text."""
    return tuple(Button(title, value) for title, value in pairs)


class SurveyDialogue:
    """The survey, bound to a database and a questionnaire id."""

    def __init__(self, database_url: str, questionnaire_id: str = QUESTIONNAIRE_ID) -> None:
        self.db = database_url
        self.questionnaire_id = questionnaire_id

    # -- state ------------------------------------------------------------------------------

    def _questionnaire(self, run: SurveySession | None) -> Questionnaire:
        """A run stays on the version it started with; new runs take the latest."""
        version = run.questionnaire_version if run is not None else None
        return load_questionnaire(self.questionnaire_id, version)

    @staticmethod
    def _state(run: SurveySession, answers: list[SurveyAnswer]) -> SurveyState:
        """The engine's view of the stored answers."""
        answered = {
            row.question_id: ParsedAnswer(
                codes=tuple(row.codes or ()), text=row.text, skipped=row.skipped, value=row.value
            )
            for row in answers
        }
        return SurveyState(answered=MappingProxyType(answered), profile=run.profile)

    # -- offer and consent ------------------------------------------------------------------

    def offer(self, sender: str, channel: str) -> tuple[list[BotReply], str | None]:
        """Offer the survey (or its resumption); returns the replies and the yes/no topic."""
        with session_scope(self.db) as session:
            touch_person(session, sender, channel)
            run = survey_session(session, sender, self.questionnaire_id)
            if run is not None and run.status is SurveyStatus.COMPLETED:
                return [texts.menu_reply(ALREADY_DONE)], None
            if run is not None and run.answers:
                questionnaire = self._questionnaire(run)
                step = next_step(questionnaire, self._state(run, list(run.answers)))
                left = step.progress.total - step.progress.position + 1 if step.progress else 1
                text = RESUME.format(left=f"{left} question{'s' if left > 1 else ''}")
                return [self._consent_reply(text, "▶️ On reprend")], "survey"
        return [self._consent_reply(OFFER, "✅ Je participe")], "survey"

    @staticmethod
    def _consent_reply(text: str, yes: str) -> BotReply:
        return BotReply(
            text,
            (
                Button(yes, "/start_survey"),
                Button("Plus tard", payload("deny", topic="survey")),
            ),
        )

    def decline(self, sender: str) -> list[BotReply]:
        """Not now: nothing is stored, the offer stays open through /avis."""
        return [BotReply(DECLINED)]

    # -- asking -----------------------------------------------------------------------------

    def ask(
        self, sender: str, channel: str, followup_for: str | None, commune_insee: str | None
    ) -> list[BotReply]:
        """Start or resume the run (consent given by pressing "Je participe"), then ask."""
        replies: list[BotReply] = []
        with session_scope(self.db) as session:
            person = touch_person(session, sender, channel)
            run = survey_session(session, sender, self.questionnaire_id)
            if run is None:
                replies.append(BotReply(STARTED))
            questionnaire = self._questionnaire(run)
            run = start_survey(session, person, questionnaire.id, questionnaire.version)
            if commune_insee and not any(a.question_id == "commune" for a in run.answers):
                # Reuse what the conversation knows: the commune is never asked twice.
                save_answer(session, run, "commune", codes=[commune_insee])
            state = self._state(run, answers_of(session, run))
            if followup_for:
                step = followup_step(questionnaire, followup_for, state)
                replies.append(BotReply(step.text, (Button("Passer", "passer"),)))
                return replies
            step = next_step(questionnaire, state, list_choices=True)
            if step.question is None:
                replies.append(BotReply(step.text))
                return replies
            replies.append(BotReply(step.text, survey_buttons(buttons_for(step.question))))
            return replies

    # -- answering --------------------------------------------------------------------------

    def answer(
        self,
        sender: str,
        channel: str,
        text: str,
        intent: str | None,
        distress_kind: str | None,
        followup_for: str | None,
    ) -> SurveyTurn:
        """Save one answer (or follow-up answer) and decide what comes next."""
        explicit = detect_distress(text)
        if explicit is not None or distress_kind in DistressKind._value2member_map_:
            known = (
                DistressKind(distress_kind)
                if distress_kind in DistressKind._value2member_map_
                else None
            )
            return self._interrupt_for_crisis(sender, explicit or known)
        if intent == "distress":
            # Only the statistical model suspects danger: give the numbers, keep the survey going.
            turn = self.answer(sender, channel, text, None, None, followup_for)
            turn.replies.insert(0, BotReply(CHECK_IN))
            return turn
        if intent == "delete_data":
            return SurveyTurn([BotReply(texts.ERASED)], slot_value=FINISHED, erase=True)
        if text.strip() == "/opt_out":
            with session_scope(self.db) as session:
                set_opted_out(session, sender, channel, True)
            self._pause(sender)
            return SurveyTurn([BotReply(texts.OPTED_OUT)], slot_value=PAUSED)
        with session_scope(self.db) as session:
            run = survey_session(session, sender, self.questionnaire_id)
            if run is None:  # the run was erased meanwhile: nothing to continue
                return SurveyTurn([texts.menu_reply()], slot_value=FINISHED)
            questionnaire = self._questionnaire(run)
            state = self._state(run, answers_of(session, run))
            if followup_for:
                parsed = parse_answer(questionnaire.question(followup_for), text)
                if parsed.stop:
                    set_status(run, SurveyStatus.PAUSED)
                    return SurveyTurn([BotReply(PAUSED_TEXT)], slot_value=PAUSED)
                if not parsed.skipped:
                    save_followup(session, run, followup_for, text, assess(text).score)
                else:
                    save_followup(session, run, followup_for, None, None)
            else:
                step = next_step(questionnaire, state)
                if step.question is None:
                    set_status(run, SurveyStatus.COMPLETED)
                    return SurveyTurn([BotReply(questionnaire.outro)], slot_value=FINISHED)
                question = step.question
                parsed = parse_answer(question, text)
                if parsed.stop:
                    set_status(run, SurveyStatus.PAUSED)
                    return SurveyTurn([BotReply(PAUSED_TEXT)], slot_value=PAUSED)
                codes = list(parsed.codes)
                if question.id == "commune" and not parsed.skipped:
                    resolution = resolve(text)
                    if resolution.commune is not None:
                        codes = [resolution.commune.insee]
                free_text = parsed.text
                save_answer(
                    session,
                    run,
                    question.id,
                    skipped=parsed.skipped,
                    codes=codes,
                    text=free_text,
                    value=parsed.value,
                    informativeness=assess(free_text).score if free_text else None,
                )
                # The state gains the answer just saved: no second read of the database.
                stored = replace(parsed, codes=tuple(codes))
                state = with_answer(state, question.id, stored)
                run.profile = profile_from(questionnaire, state.answered) or run.profile
                if needs_followup(question, parsed, already_followed_up=False):
                    return SurveyTurn(followup_for=question.id)
            if next_step(questionnaire, state).question is None:
                set_status(run, SurveyStatus.COMPLETED)
                return SurveyTurn([BotReply(questionnaire.outro)], slot_value=FINISHED)
        return SurveyTurn()

    def _pause(self, sender: str) -> None:
        with session_scope(self.db) as session:
            run = survey_session(session, sender, self.questionnaire_id)
            if run is not None and run.status is SurveyStatus.IN_PROGRESS:
                set_status(run, SurveyStatus.PAUSED)

    def _interrupt_for_crisis(self, sender: str, kind: DistressKind | None) -> SurveyTurn:
        self._pause(sender)
        return SurveyTurn(texts.crisis_replies(kind), slot_value=PAUSED)
