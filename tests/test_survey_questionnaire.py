"""The questionnaire files: v1 content, validation of broken files, versions side by side."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import yaml

from relais.survey import (
    PROFILES,
    ParsedAnswer,
    QuestionnaireError,
    SurveyState,
    available_versions,
    load_questionnaire,
    profile_from,
    visible_questions,
)
from relais.survey.questionnaire import DEFAULT_FOLDER

V1 = DEFAULT_FOLDER / "etude-jeunes-v1.yml"


@pytest.fixture(scope="module")
def v1():
    return load_questionnaire("etude-jeunes", 1)


def _profile_paths(questionnaire):
    """Every combination of answers to the profile questions → (answers, profile)."""
    profile_questions = [q for q in questionnaire.questions if q.sets_profile]
    options = [[*(c.code for c in q.choices), None] for q in profile_questions]
    for combo in itertools.product(*options):
        answered = {
            q.id: ParsedAnswer(codes=(code,)) if code else ParsedAnswer(skipped=True)
            for q, code in zip(profile_questions, combo, strict=True)
        }
        yield answered, profile_from(questionnaire, answered)


def test_v1_loads_with_its_metadata(v1):
    assert (v1.id, v1.version) == ("etude-jeunes", 1)
    assert v1.title and v1.outro
    assert len(v1.intro.splitlines()) <= 2
    assert "5 minutes" in v1.intro and "anonyme" in v1.intro
    assert "passer" in v1.intro and "stop" in v1.intro
    assert load_questionnaire("etude-jeunes") is load_questionnaire("etude-jeunes", 1)  # cached


def test_v1_ids_and_codes_are_unique(v1):
    ids = [q.id for q in v1.questions]
    assert len(ids) == len(set(ids))
    for question in v1.questions:
        codes = [c.code for c in question.choices]
        assert len(codes) == len(set(codes)), question.id


def test_every_profile_is_reachable(v1):
    reached = {profile for _, profile in _profile_paths(v1) if profile}
    assert reached == set(PROFILES)


@pytest.mark.parametrize(
    ("ever_been", "how_it_went", "profile"),
    [
        ("never_heard", None, "never_heard"),
        ("heard_never_went", None, "never_heard"),
        ("referred_never_went", None, "referred_never_came"),
        ("went_once", "came_once", "no_follow_up"),
        ("went_several", "stopped", "dropped_out"),
        ("went_several", "ended_no_solution", "left_without_solution"),
        ("went_once", "still_followed", "in_progress"),
        ("went_several", "ended_with_solution", None),
    ],
)
def test_profile_mapping_is_deterministic(v1, ever_been, how_it_went, profile):
    answered = {"ever_been": ParsedAnswer(codes=(ever_been,))}
    if how_it_went:
        answered["how_it_went"] = ParsedAnswer(codes=(how_it_went,))
    assert profile_from(v1, answered) == profile


def test_at_most_ten_questions_per_profile(v1):
    for answered, profile in _profile_paths(v1):
        state = SurveyState(answered=answered)
        count = len(visible_questions(v1, state))
        assert count <= 10, (profile, count)


def test_open_questions_have_a_specific_followup(v1):
    followups = [q.followup for q in v1.questions if q.type == "open" and not q.factual]
    assert followups and all(followups)
    assert len(set(followups)) == len(followups)
    assert v1.question("commune").factual and v1.question("commune").skip_if_known == "commune"


def test_v1_labels_fit_on_a_button(v1):
    labels = [c.label for q in v1.questions for c in q.choices]
    assert max(len(label) for label in labels) <= 45


def test_v1_is_tutoiement(v1):
    texts = [v1.intro, v1.outro] + [q.text for q in v1.questions]
    assert not any(" vous " in f" {text.lower()} " for text in texts)


# --- broken files ----------------------------------------------------------------------------


def _base() -> dict:
    return {
        "id": "test",
        "version": 1,
        "title": "Test",
        "intro": "Intro",
        "outro": "Merci",
        "questions": [
            {
                "id": "status",
                "text": "Tu connais ?",
                "type": "single",
                "choices": [
                    {"code": "yes", "label": "Oui"},
                    {"code": "no", "label": "Non"},
                ],
                "sets_profile": {"yes": "in_progress", "no": "never_heard"},
            },
            {
                "id": "why",
                "text": "Pourquoi ?",
                "type": "open",
                "followup": "Par exemple ?",
                "profiles": ["in_progress"],
            },
        ],
    }


def _write(folder: Path, data: dict, name: str = "test-v1.yml") -> Path:
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_valid_base_loads(tmp_path):
    _write(tmp_path, _base())
    questionnaire = load_questionnaire("test", folder=tmp_path)
    assert [q.id for q in questionnaire.questions] == ["status", "why"]


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["questions"].append(dict(d["questions"][1])), "'why': duplicate question id"),
        (lambda d: d["questions"][1].update(type="essay"), "unknown type 'essay'"),
        (lambda d: d["questions"][0]["choices"][1].pop("code"), "choice #2 needs a snake_case"),
        (lambda d: d["questions"][1].pop("followup"), "'why': an open question needs a 'followup'"),
        (
            lambda d: d["questions"][0]["sets_profile"].update(no="lost"),
            "'status': sets_profile: unknown profile 'lost'",
        ),
        (lambda d: d["questions"][1].update(profiles=["ghosts"]), "unknown profile(s) ['ghosts']"),
        (lambda d: d["questions"][1].update(colour="red"), "unknown question key(s) ['colour']"),
        (
            lambda d: d["questions"][0]["choices"][1].update(code="yes"),
            "duplicate choice code 'yes'",
        ),
        (
            lambda d: d["questions"][0]["choices"][1].update(synonyms=["oui"]),
            "both in choice 'yes' and in choice 'no'",
        ),
        (lambda d: d["questions"][1].update(skip_if_known="shoe_size"), "unknown skip_if_known"),
        (lambda d: d.update(version=2), "must be named test-v2.yml"),
        (lambda d: d.pop("outro"), "'outro' must be a non-empty text"),
        (
            lambda d: d["questions"][1].update(ask_if={"status": ["maybe"]}),
            "ask_if: unknown code(s) ['maybe']",
        ),
        (
            lambda d: d["questions"].reverse(),
            "'why': 'profiles' needs an earlier question that sets the profile",
        ),
    ],
)
def test_broken_files_are_rejected_with_clear_messages(tmp_path, mutate, message):
    data = _base()
    mutate(data)
    _write(tmp_path, data)
    with pytest.raises(QuestionnaireError) as error:
        load_questionnaire("test", folder=tmp_path)
    assert "test-v1.yml" in str(error.value)
    assert message in str(error.value)


def test_invalid_yaml_and_missing_file(tmp_path):
    (tmp_path / "test-v1.yml").write_text("id: [unclosed", encoding="utf-8")
    with pytest.raises(QuestionnaireError, match=r"test-v1\.yml: not valid YAML"):
        load_questionnaire("test", folder=tmp_path)
    with pytest.raises(QuestionnaireError, match="no questionnaire 'other'"):
        load_questionnaire("other", folder=tmp_path)
    with pytest.raises(QuestionnaireError, match="version 7"):
        load_questionnaire("test", 7, folder=tmp_path)


def test_new_version_loads_alongside_the_old(tmp_path):
    v1_data = yaml.safe_load(V1.read_text(encoding="utf-8"))
    (tmp_path / "etude-jeunes-v1.yml").write_text(V1.read_text(encoding="utf-8"), encoding="utf-8")
    v2_data = dict(v1_data, version=2)
    v2_data["questions"] = [dict(q) for q in v1_data["questions"]]
    v2_data["questions"][-1]["text"] = "Dernière question : tu changerais quoi en premier ?"
    _write(tmp_path, v2_data, "etude-jeunes-v2.yml")

    assert available_versions("etude-jeunes", tmp_path) == [1, 2]
    latest = load_questionnaire("etude-jeunes", folder=tmp_path)
    old = load_questionnaire("etude-jeunes", 1, folder=tmp_path)
    assert latest.version == 2
    assert latest.question("change_one_thing").text.endswith("en premier ?")
    assert old.version == 1
    assert old.question("change_one_thing") == load_questionnaire("etude-jeunes", 1).question(
        "change_one_thing"
    )
