"""What a campaign says (French, tutoiement): invitation, resume invitation, reminder."""

from __future__ import annotations

from dataclasses import dataclass

from relais.messages import Button
from store.models import SurveyStatus

START_PAYLOAD = "/start_survey"
LATER_PAYLOAD = '/deny{"topic":"survey"}'
OPT_OUT_PAYLOAD = "/opt_out"

INVITE = (
    "Salut 👋 C'est Relais, l'assistant des Missions Locales d'Île-de-France.\n"
    "On fait une étude pour mieux aider les jeunes : tu as 5 minutes pour répondre à quelques "
    "questions ? C'est anonyme, et tu peux sauter une question ou t'arrêter quand tu veux."
)
RESUME = (
    "Salut 👋 C'est Relais, des Missions Locales. On reprend ton questionnaire ?\n"
    "Tes réponses sont gardées, il ne reste que quelques minutes. C'est toujours anonyme, "
    "et tu peux sauter une question ou t'arrêter quand tu veux."
)
REMINDER = (
    "Petit rappel de Relais 👋 Ton questionnaire t'attend là où tu t'étais arrêté·e.\n"
    "Quelques minutes suffisent, c'est anonyme, et tu peux t'arrêter quand tu veux. On reprend ?"
)

JOIN = "✅ Je participe"
CONTINUE = "✅ On reprend"
LATER = "Plus tard"
STOP_WRITING = "🔕 Ne plus m'écrire"


@dataclass(frozen=True)
class Outreach:
    """One proactive message: its text and its buttons."""

    text: str
    buttons: tuple[Button, ...]


def _buttons(first: str) -> tuple[Button, ...]:
    return (
        Button(first, START_PAYLOAD),
        Button(LATER, LATER_PAYLOAD),
        Button(STOP_WRITING, OPT_OUT_PAYLOAD),
    )


INVITATION = Outreach(INVITE, _buttons(JOIN))
RESUME_INVITATION = Outreach(RESUME, _buttons(CONTINUE))
REMINDER_MESSAGE = Outreach(REMINDER, _buttons(CONTINUE))
ALL = (INVITATION, RESUME_INVITATION, REMINDER_MESSAGE)


def invitation(survey_status: SurveyStatus | None) -> Outreach:
    """The invitation, or its resume wording for someone who already started."""
    if survey_status in (SurveyStatus.IN_PROGRESS, SurveyStatus.PAUSED):
        return RESUME_INVITATION
    return INVITATION


def reminder() -> Outreach:
    """The one reminder for a survey left open."""
    return REMINDER_MESSAGE
