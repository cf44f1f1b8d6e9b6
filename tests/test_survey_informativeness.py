"""Vague answers, the informativeness score and the one follow-up."""

from __future__ import annotations

import pytest

from relais.survey import ParsedAnswer, assess, load_questionnaire, needs_followup, parse_answer

RICH = "La conseillère ne répondait jamais au téléphone et les rendez-vous étaient à 1h de chez moi"


@pytest.fixture(scope="module")
def v1():
    return load_questionnaire("etude-jeunes", 1)


@pytest.mark.parametrize(
    "text",
    [
        "jsp",
        "bof",
        "rien",
        "Rien",
        "c nul",
        "nul",
        "ok",
        "je sais pas trop",
        "aucune idée",
        "pas grand chose",
        "osef",
        "jpp",
        "euh bof mdr",
        "des trucs bien",
        "horaires",  # a single word
        "👍",
    ],
)
def test_vague(text):
    result = assess(text)
    assert result.vague
    assert result.score <= 0.25


def test_rich_answer():
    result = assess(RICH)
    assert not result.vague
    assert result.content_words >= 5
    assert result.specificity == 1.0
    assert result.score > 0.8
    assert result.score > assess("jsp").score


@pytest.mark.parametrize(
    "text", ["trop loin", "pas le temps", "psk ya trop de papiers", "plus de rdv le soir"]
)
def test_short_but_specific_is_not_vague(text):
    assert not assess(text).vague


@pytest.mark.parametrize(
    ("poorer", "richer"),
    [
        ("bof", "c'était trop loin"),
        ("trop loin", "c'était trop loin de chez moi"),
        (
            "c'était trop loin de chez moi",
            "c'était trop loin de chez moi, 1h de bus sans pass Navigo",
        ),
        ("des trucs bien", "la conseillère m'a aidée pour mon CV"),
        ("je sais pas trop", RICH),
        ("c nul", "la conseillère était sympa mais ça servait à rien"),
    ],
)
def test_richer_scores_higher(poorer, richer):
    assert assess(richer).score > assess(poorer).score


def test_spacy_model_is_used():
    from relais.survey.informativeness import preload

    assert preload()


def test_measures():
    result = assess("des trucs bien")
    assert result.length == 3
    assert result.content_words == 2
    assert result.specificity == 0.0
    assert 0.0 <= assess(RICH).score <= 1.0


def test_needs_followup(v1):
    question = v1.question("why_no_return")
    assert needs_followup(question, parse_answer(question, "jsp"), already_followed_up=False)
    assert needs_followup(question, parse_answer(question, "bof"), already_followed_up=False)
    assert not needs_followup(question, parse_answer(question, RICH), already_followed_up=False)
    assert not needs_followup(question, parse_answer(question, "passer"), already_followed_up=False)
    assert not needs_followup(question, parse_answer(question, "stop"), already_followed_up=False)
    assert not needs_followup(question, parse_answer(question, "jsp"), already_followed_up=True)


def test_no_followup_on_choice_or_factual_questions(v1):
    info = v1.question("info_channels")
    assert not needs_followup(info, parse_answer(info, "bof"), already_followed_up=False)
    assert not needs_followup(info, ParsedAnswer(text="rien"), already_followed_up=False)
    commune = v1.question("commune")
    assert not needs_followup(commune, parse_answer(commune, "Sarcelles"), False)
