"""The survey engine: order, branching, progress, skip, resume, known facts, follow-up."""

from __future__ import annotations

import pytest

from relais.survey import (
    SKIPPED,
    ParsedAnswer,
    SurveyState,
    buttons_for,
    followup_step,
    load_questionnaire,
    needs_followup,
    next_step,
    parse_answer,
    profile_from,
    visible_questions,
    with_answer,
)

COMMON_TAIL = ["info_channels", "help_channels", "change_one_thing"]
SITUATION = ["activity", "age_band", "commune"]

# profile → (typed answers to the profile questions, expected question order)
PATHS = {
    "no_follow_up": (
        ["une fois", "je suis venu une fois"],
        ["ever_been", "how_it_went", *SITUATION, "why_no_return", "expectations", *COMMON_TAIL],
    ),
    "dropped_out": (
        ["plusieurs fois", "j'ai arrêté"],
        ["ever_been", "how_it_went", *SITUATION, "why_stopped", "expectations", *COMMON_TAIL],
    ),
    "left_without_solution": (
        ["plusieurs fois", "4"],
        ["ever_been", "how_it_went", *SITUATION, "why_no_solution", "expectations", *COMMON_TAIL],
    ),
    "in_progress": (
        ["5", "toujours suivi"],
        ["ever_been", "how_it_went", *SITUATION, "why_staying", "expectations", *COMMON_TAIL],
    ),
    "referred_never_came": (
        ["3"],
        ["ever_been", *SITUATION, "why_not_went", "would_make_you_go", *COMMON_TAIL],
    ),
    "never_heard": (
        ["Je ne connais pas"],
        ["ever_been", *SITUATION, "would_make_you_go", *COMMON_TAIL],
    ),
}

TYPED = {
    "activity": "je cherche du taf",
    "age_band": "19",
    "commune": "Sarcelles",
    "info_channels": "tiktok et snap",
    "help_channels": "whatsapp",
}


@pytest.fixture(scope="module")
def v1():
    return load_questionnaire("etude-jeunes", 1)


def _run(questionnaire, state, answers):
    """Answer every step (profile answers first, then TYPED or a rich text); return the steps."""
    steps = []
    queue = list(answers)
    while True:
        step = next_step(questionnaire, state)
        steps.append(step)
        if step.kind == "done":
            return steps, state
        question = step.question
        raw = queue.pop(0) if queue else TYPED.get(question.id, "Des rdv le soir près de chez moi")
        state = with_answer(state, question.id, parse_answer(question, raw))
        assert len(steps) < 20


@pytest.mark.parametrize("profile", list(PATHS))
def test_complete_run_for_each_profile(v1, profile):
    answers, order = PATHS[profile]
    steps, state = _run(v1, SurveyState(), answers)
    asked = [step.question.id for step in steps[:-1]]
    assert asked == order
    assert profile_from(v1, state.answered) == profile
    total = len(order)
    assert total <= 10
    labels = [step.progress.label() for step in steps[:-1]]
    # The first total is the longest possible path; from the profile on it is exact.
    assert labels[0] == "1/10"
    assert labels[1:] == [f"{i}/{total}" for i in range(2, total + 1)]
    for step in steps[:-1]:
        assert f"({step.progress.label()}) — écris « passer » pour sauter" in step.text
        assert step.text.startswith(step.question.text)
    assert steps[-1].kind == "done"
    assert steps[-1].text == v1.outro
    assert steps[-1].question is None and steps[-1].progress is None
    # A finished survey is never asked again.
    assert next_step(v1, state).kind == "done"


def test_choices_are_numbered_in_the_text(v1):
    step = next_step(v1, SurveyState())
    assert "1. Je ne connais pas" in step.text
    assert "5. J'y suis allé·e plusieurs fois" in step.text
    assert "1. Je ne connais pas" not in next_step(v1, SurveyState(), list_choices=False).text
    state = SurveyState(answered={"ever_been": ParsedAnswer(codes=("never_heard",))})
    for question_id in ["activity", "age_band", "commune", "would_make_you_go"]:
        state = with_answer(state, question_id, SKIPPED)
    step = next_step(v1, state)
    assert step.question.id == "info_channels"
    assert "plusieurs" in step.text


def test_skip_counts_as_answered_and_moves_on(v1):
    state = SurveyState()
    state = with_answer(state, "ever_been", parse_answer(v1.question("ever_been"), "3"))
    step = next_step(v1, state)
    assert step.question.id == "activity" and step.progress.label() == "2/9"
    state = with_answer(state, "activity", parse_answer(step.question, "passer"))
    step = next_step(v1, state)
    assert step.question.id == "age_band" and step.progress.label() == "3/9"


def test_skipping_the_profile_question_gives_the_generic_path(v1):
    state = with_answer(SurveyState(), "ever_been", SKIPPED)
    ids = [q.id for q in visible_questions(v1, state)]
    assert ids == ["ever_been", *SITUATION, *COMMON_TAIL]
    assert next_step(v1, state).progress.label() == "2/7"


def test_free_text_profile_answer_still_asks_how_it_went(v1):
    state = with_answer(SurveyState(), "ever_been", parse_answer(v1.question("ever_been"), "oui"))
    step = next_step(v1, state)
    assert step.question.id == "how_it_went"
    assert step.progress.label() == "2/10"


def test_stored_profile_is_used_when_answers_do_not_tell(v1):
    state = SurveyState(answered={"ever_been": SKIPPED}, profile="in_progress")
    assert "why_staying" in [q.id for q in visible_questions(v1, state)]


def test_resume_after_stop_is_the_first_unanswered_question(v1):
    state = SurveyState()
    for raw in ["plusieurs fois", "j'ai arrêté", "je bosse"]:
        question = next_step(v1, state).question
        state = with_answer(state, question.id, parse_answer(question, raw))
    question = next_step(v1, state).question
    assert question.id == "age_band"
    stop = parse_answer(question, "stop")
    assert stop.stop
    # The caller records nothing on a stop; even if it did, it is not an answer.
    resumed = next_step(v1, with_answer(state, "age_band", stop))
    assert resumed.question.id == "age_band"
    assert resumed.progress.label() == "4/10"
    assert next_step(v1, state) == resumed


def test_known_commune_is_not_asked_and_totals_reflect_it(v1):
    state = SurveyState(known={"commune": "95585"})
    steps, _ = _run(v1, state, ["plusieurs fois", "toujours suivi"])
    asked = [step.question.id for step in steps[:-1]]
    assert "commune" not in asked
    assert len(asked) == 9
    assert [step.progress.label() for step in steps[1:-1]] == [f"{i}/9" for i in range(2, 10)]
    assert steps[0].progress.label() == "1/9"


def test_known_fact_does_not_hide_an_answered_question(v1):
    state = SurveyState(
        answered={"commune": ParsedAnswer(text="Sarcelles")}, known={"commune": "x"}
    )
    assert "commune" in [q.id for q in visible_questions(v1, state)]


def test_followup_step(v1):
    question = v1.question("why_no_return")
    state = SurveyState(
        answered={
            "ever_been": ParsedAnswer(codes=("went_once",)),
            "how_it_went": ParsedAnswer(codes=("came_once",)),
            "activity": SKIPPED,
            "age_band": SKIPPED,
            "commune": SKIPPED,
        }
    )
    assert next_step(v1, state).question == question
    answer = parse_answer(question, "bof")
    state = with_answer(state, question.id, answer)
    assert needs_followup(question, answer, already_followed_up=False)
    step = followup_step(v1, question.id, state)
    assert step.kind == "followup" and step.question == question
    assert step.text.startswith(question.followup)
    assert step.text.startswith("Qu'est-ce qui t'a manqué, par exemple ?")
    assert step.progress.label() == "6/10"
    # The original answer counts: the next step moves on.
    assert next_step(v1, state).question.id == "expectations"
    with pytest.raises(ValueError, match="no follow-up"):
        followup_step(v1, "activity", state)


def test_buttons(v1):
    buttons = buttons_for(v1.question("info_channels"))
    assert buttons[0] == ("TikTok", "tiktok")
    assert ("1jeune1solution", "1jeune1solution") in buttons
    assert buttons[-1] == ("Passer", "passer")
    assert buttons_for(v1.question("change_one_thing")) == [("Passer", "passer")]
    # Every button value parses back to its own code.
    for question in v1.questions:
        for _, value in buttons_for(question)[:-1]:
            assert parse_answer(question, value).codes == (value,)
