"""What to ask next: pure functions from the survey state to the next message (no database).

The caller stores every answer the moment it is given (question id + questionnaire version),
then asks :func:`next_step` again. Resuming after a "stop" is the same call: the first visible
question without an answer. A skip is an answer (``ParsedAnswer(skipped=True)``) and is never
asked again; an entry with ``stop=True`` does not count as an answer.

Branching: a question with ``profiles`` is asked only once the profile is known and is one of
them; ``ask_if`` gates a question on an earlier answer; ``skip_if_known`` drops a question whose
fact the conversation already knows (``SurveyState.known``), unless it was already answered.

Progress ("3/9"): the position is the question's rank among the visible questions. The total is
the number of visible questions once the profile is known (or can no longer be known); while it
is still pending, it is the longest total any profile could get, so it only ever shrinks
(e.g. "1/10", then "2/8" for a young person who never heard of the Mission Locale).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Literal

from relais.survey.answers import ParsedAnswer
from relais.survey.questionnaire import Question, Questionnaire

__all__ = [
    "SKIP_BUTTON",
    "Progress",
    "Step",
    "SurveyState",
    "buttons_for",
    "followup_step",
    "next_step",
    "profile_from",
    "progress_for",
    "visible_questions",
    "with_answer",
]

SKIP_BUTTON: tuple[str, str] = ("Passer", "passer")
_SKIP_HINT = "écris « passer » pour sauter"
_EMPTY: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True)
class Progress:
    """Where the young person is in the survey."""

    position: int
    total: int

    def label(self) -> str:
        """``"3/9"``."""
        return f"{self.position}/{self.total}"


@dataclass(frozen=True)
class SurveyState:
    """The survey so far, as stored by the caller.

    ``answered``: answers by question id (skips included). ``profile``: the stored profile, used
    when the answers do not determine one (answers win). ``known``: facts from the conversation,
    e.g. ``{"commune": "95018"}``.
    """

    answered: Mapping[str, ParsedAnswer] = field(default_factory=lambda: MappingProxyType({}))
    profile: str | None = None
    known: Mapping[str, str] = field(default_factory=lambda: _EMPTY)


@dataclass(frozen=True)
class Step:
    """The next message: ask a question, ask its one follow-up, or thank (done)."""

    kind: Literal["ask", "followup", "done"]
    question: Question | None
    progress: Progress | None
    text: str


# --- profile and visibility --------------------------------------------------------------------


def _answer(state: SurveyState, question_id: str) -> ParsedAnswer | None:
    answer = state.answered.get(question_id)
    return answer if answer is not None and answer.is_answer else None


def profile_from(questionnaire: Questionnaire, answered: Mapping[str, ParsedAnswer]) -> str | None:
    """The profile the answers determine (the last profile-setting answer wins), or None."""
    profile: str | None = None
    for question in questionnaire.questions:
        answer = answered.get(question.id)
        if not question.sets_profile or answer is None or not answer.is_answer:
            continue
        for code in answer.codes:
            if code in question.sets_profile:
                profile = question.sets_profile[code]
                break
    return profile


def _effective_profile(questionnaire: Questionnaire, state: SurveyState) -> str | None:
    return profile_from(questionnaire, state.answered) or state.profile


def _asked_by_gate(question: Question, state: SurveyState, optimistic: bool) -> bool:
    """``ask_if``: asked when the gate answer has a listed code or is unmapped free text."""
    for source_id, codes in question.ask_if.items():
        answer = _answer(state, source_id)
        if answer is None:
            if not optimistic or source_id in state.answered:
                return False
            continue
        if answer.skipped or (answer.codes and not codes & set(answer.codes)):
            return False
        if not answer.codes and not answer.text:
            return False
    return True


def _visible(
    questionnaire: Questionnaire, state: SurveyState, profile: str | None, optimistic: bool
) -> list[Question]:
    visible: list[Question] = []
    for question in questionnaire.questions:
        if question.profiles is not None and profile not in question.profiles:
            continue
        if not _asked_by_gate(question, state, optimistic):
            continue
        fact = question.skip_if_known
        if fact and state.known.get(fact) and question.id not in state.answered:
            continue
        visible.append(question)
    return visible


def visible_questions(questionnaire: Questionnaire, state: SurveyState) -> list[Question]:
    """The questions this young person gets, in order, given the answers so far."""
    return _visible(questionnaire, state, _effective_profile(questionnaire, state), False)


def _profile_pending(questionnaire: Questionnaire, state: SurveyState) -> bool:
    if _effective_profile(questionnaire, state) is not None:
        return False
    return any(
        question.sets_profile and _answer(state, question.id) is None
        for question in visible_questions(questionnaire, state)
    )


def _planned_total(questionnaire: Questionnaire, state: SurveyState) -> int:
    visible = len(visible_questions(questionnaire, state))
    if not _profile_pending(questionnaire, state):
        return visible
    totals = [
        len(_visible(questionnaire, state, profile, optimistic=True))
        for profile in questionnaire.profile_codes
    ]
    return max([visible, *totals])


def progress_for(questionnaire: Questionnaire, question_id: str, state: SurveyState) -> Progress:
    """The progress shown with ``question_id`` (its rank among the visible questions)."""
    visible = [question.id for question in visible_questions(questionnaire, state)]
    if question_id in visible:
        position = visible.index(question_id) + 1
    else:
        position = sum(1 for qid in visible if _answer(state, qid) is not None) + 1
    return Progress(position, max(position, _planned_total(questionnaire, state)))


# --- messages ----------------------------------------------------------------------------------


def _question_text(question: Question, progress: Progress, list_choices: bool) -> str:
    lines = [question.text]
    if question.is_choice and list_choices:
        lines += [f"{rank}. {choice.label}" for rank, choice in enumerate(question.choices, 1)]
        if question.type == "multiple":
            lines.append("Tu peux en donner plusieurs, par exemple « 1 et 3 ».")
    elif question.type == "scale":
        low = f"{question.scale_min}"
        high = f"{question.scale_max}"
        if question.scale_min_label:
            low += f" ({question.scale_min_label})"
        if question.scale_max_label:
            high += f" ({question.scale_max_label})"
        lines.append(f"Réponds par un chiffre de {low} à {high}.")
    lines.append(f"({progress.label()}) — {_SKIP_HINT}")
    return "\n".join(lines)


def next_step(questionnaire: Questionnaire, state: SurveyState, list_choices: bool = True) -> Step:
    """The first visible question without an answer (also how a paused survey resumes), or done.

    The text numbers the choices ("1. TikTok") so "le 2" can be typed; pass
    ``list_choices=False`` when the channel shows them as buttons anyway.
    """
    for question in visible_questions(questionnaire, state):
        if _answer(state, question.id) is None:
            progress = progress_for(questionnaire, question.id, state)
            text = _question_text(question, progress, list_choices)
            return Step("ask", question, progress, text)
    return Step("done", None, None, questionnaire.outro)


def followup_step(questionnaire: Questionnaire, question_id: str, state: SurveyState) -> Step:
    """The one follow-up of an open question (call it when ``needs_followup`` says so)."""
    question = questionnaire.question(question_id)
    if not question.followup:
        raise ValueError(f"question {question_id!r} has no follow-up")
    progress = progress_for(questionnaire, question_id, state)
    return Step("followup", question, progress, f"{question.followup}\n({_SKIP_HINT})")


def buttons_for(question: Question) -> list[tuple[str, str]]:
    """Quick replies as (title, value): each choice (value = its code), then ("Passer", "passer").

    Scale questions get one button per value. A button press is one whole answer: on a multiple
    choice it gives that one code; several choices are typed in one message ("1 et 3",
    "tiktok et snap"). There is no "Valider" button.
    """
    buttons: list[tuple[str, str]] = [(choice.label, choice.code) for choice in question.choices]
    if (
        question.type == "scale"
        and question.scale_min is not None
        and question.scale_max is not None
    ):
        buttons = [(str(v), str(v)) for v in range(question.scale_min, question.scale_max + 1)]
    return [*buttons, SKIP_BUTTON]


def with_answer(state: SurveyState, question_id: str, answer: ParsedAnswer) -> SurveyState:
    """A copy of ``state`` with one more answer (handy for callers and tests)."""
    return replace(state, answered=MappingProxyType({**state.answered, question_id: answer}))
