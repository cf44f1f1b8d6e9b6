"""The study's qualitative survey as a conversation: questionnaire files, answers, next step.

Pure Python, no database: the caller stores answers (question id + questionnaire version) and
asks :func:`next_step` what to send next.
"""

from relais.survey.answers import SKIPPED, ParsedAnswer, is_skip, is_stop, parse_answer
from relais.survey.engine import (
    Progress,
    Step,
    SurveyState,
    buttons_for,
    followup_step,
    next_step,
    profile_from,
    progress_for,
    visible_questions,
    with_answer,
)
from relais.survey.informativeness import Informativeness, assess, needs_followup, preload
from relais.survey.questionnaire import (
    PROFILES,
    Choice,
    Question,
    Questionnaire,
    QuestionnaireError,
    available_versions,
    load_questionnaire,
)

__all__ = [
    "PROFILES",
    "SKIPPED",
    "Choice",
    "Informativeness",
    "ParsedAnswer",
    "Progress",
    "Question",
    "Questionnaire",
    "QuestionnaireError",
    "Step",
    "SurveyState",
    "assess",
    "available_versions",
    "buttons_for",
    "followup_step",
    "is_skip",
    "is_stop",
    "load_questionnaire",
    "needs_followup",
    "next_step",
    "parse_answer",
    "preload",
    "profile_from",
    "progress_for",
    "visible_questions",
    "with_answer",
]
