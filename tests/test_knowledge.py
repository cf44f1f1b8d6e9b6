"""Tests of the knowledge base of immediate answers (data file + loader)."""

from __future__ import annotations

import copy
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from relais.knowledge import (
    DEFAULT_PATH,
    ENV_VAR,
    NEED_CODES,
    Answer,
    KnowledgeBase,
    KnowledgeError,
    UnknownNeed,
    load_knowledge,
)

VOUS = re.compile(r"(?<![\w-])vous(?![\w-])", re.IGNORECASE)  # "rendez-vous" is fine
TU = re.compile(r"(?<!\w)(?:(?:tu|te|toi|ton|ta|tes)(?!\w)|t')", re.IGNORECASE)
GREETING = re.compile(r"^\W*(bonjour|salut|hello|coucou|hey|bonne question|merci)\b", re.I)


@pytest.fixture(autouse=True)
def _no_env_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge(DEFAULT_PATH)


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    return data


def write(tmp_path: Path, data: dict[str, Any], name: str = "answers.yml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# --- the shipped data -------------------------------------------------------------------


def test_all_twelve_needs_present_in_canonical_order(kb: KnowledgeBase) -> None:
    assert kb.need_codes == NEED_CODES
    assert len(NEED_CODES) == 12
    assert [a.need for a in kb] == list(NEED_CODES)


@pytest.mark.parametrize("need", NEED_CODES)
def test_rendered_answer_fits_a_phone(kb: KnowledgeBase, need: str) -> None:
    answer = kb.answer(need)
    rendered = answer.render()
    before_steps = rendered.split("\n👉", 1)[0].strip()
    paragraphs = [p for p in re.split(r"\n\s*\n", before_steps) if p.strip()]
    assert 1 <= len(paragraphs) <= 3
    assert len(rendered) <= 700
    assert len(answer.answer) <= 450
    assert 1 <= len(answer.next_steps) <= 3
    assert rendered.count("👉") == len(answer.next_steps)
    assert rendered.splitlines()[-1] == answer.link
    assert len(answer.title) <= 32


@pytest.mark.parametrize("need", NEED_CODES)
def test_first_line_is_useful_on_its_own(kb: KnowledgeBase, need: str) -> None:
    first_line = kb.answer(need).answer.splitlines()[0].strip()
    assert len(first_line) >= 20
    assert not GREETING.match(first_line), first_line


@pytest.mark.parametrize("need", NEED_CODES)
def test_answers_use_tutoiement(kb: KnowledgeBase, need: str) -> None:
    answer = kb.answer(need)
    texts = [answer.title, answer.answer, *answer.next_steps]
    for text in texts:
        assert not VOUS.search(text), text
    assert TU.search(answer.answer), answer.answer


def test_fixed_texts_use_tutoiement(kb: KnowledgeBase) -> None:
    texts = [kb.outside_idf_text, kb.fallback_text, kb.crisis_text()]
    for text in texts:
        assert not VOUS.search(text), text
    assert VOUS.search("Prends rendez-vous") is None
    assert VOUS.search("Vous pouvez venir") is not None


@pytest.mark.parametrize("need", NEED_CODES)
def test_links_and_facts_are_sound(kb: KnowledgeBase, need: str) -> None:
    answer = kb.answer(need)
    assert answer.link.startswith("https://")
    assert answer.facts
    for fact in answer.facts:
        assert isinstance(fact.as_of, date) and not isinstance(fact.as_of, datetime)
        assert date(2022, 1, 1) <= fact.as_of <= date.today()
        assert fact.text and fact.source


def test_cej_amount_is_dated(kb: KnowledgeBase) -> None:
    money = kb.answer("money")
    assert "561,68" in money.answer
    cej = [f for f in money.facts if "561,68" in f.text]
    assert len(cej) == 1
    assert cej[0].as_of == date(2025, 4, 1)


def test_key_amounts_have_facts(kb: KnowledgeBase) -> None:
    housing = kb.answer("housing")
    assert any("1 200" in f.text for f in housing.facts)
    assert "gratuite" in housing.facts[0].text
    assert any("500" in f.text and "CFA" in f.text for f in kb.answer("mobility").facts)
    assert any("16 ans" in f.text for f in kb.answer("health").facts)
    assert any("24 mois" in f.text for f in kb.answer("money").facts)


def test_mission_locale_entry_is_two_lines_then_more(kb: KnowledgeBase) -> None:
    answer = kb.answer("mission_locale")
    first = answer.paragraphs[0]
    assert len(first.splitlines()) <= 2
    assert "gratuit" in first and "16-25" in first
    # "En savoir plus" on the Mission Locale: how it goes, and the counsellor asked from here.
    more = answer.render_more()
    assert more is not None and "CEJ" in more and "recontacte" in more


def test_crisis_lines(kb: KnowledgeBase) -> None:
    numbers = [line.number for line in kb.crisis_lines()]
    assert {"3114", "115", "119", "3919", "17", "112"} <= set(numbers)
    assert numbers[0] == "3114"
    for line in kb.crisis_lines():
        assert line.label and line.when
    text = kb.crisis_text()
    assert text.startswith(kb.crisis_intro)
    assert "3114" in text and "24h/24" in text


def test_outside_idf_points_to_national_directory(kb: KnowledgeBase) -> None:
    assert "https://www.unml.info/" in kb.outside_idf_text
    assert kb.fallback_text


def test_unknown_need_is_a_clear_value_error(kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownNeed, match=r"'pizza'.*known codes: job") as info:
        kb.answer("pizza")
    assert isinstance(info.value, ValueError)
    assert not isinstance(info.value, KeyError)


def test_render_format() -> None:
    answer = Answer("job", "T", "Ligne utile.\n\nSuite.", ("Fais A", "Fais B"), "https://x.fr/", ())
    assert answer.render() == "Ligne utile.\n\nSuite.\n\n👉 Fais A\n👉 Fais B\nhttps://x.fr/"


# --- validation of broken files ---------------------------------------------------------


def _break_missing_link(d: dict[str, Any]) -> None:
    del d["needs"]["job"]["link"]


def _break_four_steps(d: dict[str, Any]) -> None:
    d["needs"]["cv"]["next_steps"] = ["Fais A", "Fais B", "Fais C", "Fais D"]


def _break_http_link(d: dict[str, Any]) -> None:
    d["needs"]["housing"]["link"] = "http://www.visale.fr/"


def _break_long_answer(d: dict[str, Any]) -> None:
    d["needs"]["health"]["answer"] = "Une première ligne bien utile ici.\n" + "x" * 450


def _break_empty_first_line(d: dict[str, Any]) -> None:
    d["needs"]["admin"]["answer"] = "   \nLa suite vient après une ligne vide."


def _break_four_paragraphs(d: dict[str, Any]) -> None:
    d["needs"]["job"]["answer"] = "\n\n".join(["Un paragraphe assez long ici."] * 4)


def _break_as_of(d: dict[str, Any]) -> None:
    d["needs"]["money"]["facts"][0]["as_of"] = "l'an dernier"


def _break_unknown_need(d: dict[str, Any]) -> None:
    d["needs"]["pizza"] = copy.deepcopy(d["needs"]["job"])


def _break_missing_need(d: dict[str, Any]) -> None:
    del d["needs"]["mobility"]


def _break_crisis_number(d: dict[str, Any]) -> None:
    d["crisis"]["lines"] = [x for x in d["crisis"]["lines"] if str(x["number"]) != "3114"]


def _break_typo_field(d: dict[str, Any]) -> None:
    d["needs"]["training"]["next_step"] = d["needs"]["training"].pop("next_steps")


def _break_no_fallback(d: dict[str, Any]) -> None:
    del d["fallback"]


@pytest.mark.parametrize(
    ("breaker", "message"),
    [
        (_break_missing_link, r"needs\.job: missing field\(s\): link"),
        (_break_four_steps, r"needs\.cv\.next_steps: 4 steps, at most 3"),
        (_break_http_link, r"needs\.housing\.link: link must be an https://"),
        (_break_long_answer, r"needs\.health\.answer: \d+ chars, at most 450"),
        (_break_empty_first_line, r"needs\.admin\.answer: the first line is empty"),
        (_break_four_paragraphs, r"needs\.job\.answer: 4 paragraphs, at most 3"),
        (_break_as_of, r"needs\.money\.facts\[0\]\.as_of: expected a date"),
        (_break_unknown_need, r"needs: unknown need code\(s\): pizza"),
        (_break_missing_need, r"needs: missing need code\(s\): mobility"),
        (_break_crisis_number, r"crisis\.lines: missing required number\(s\): 3114"),
        (_break_typo_field, r"needs\.training: missing field\(s\): next_steps"),
        (_break_no_fallback, r"answers\.yml: missing field\(s\): fallback"),
    ],
)
def test_broken_file_is_rejected_with_the_entry_named(
    tmp_path: Path, raw: dict[str, Any], breaker: Any, message: str
) -> None:
    data = copy.deepcopy(raw)
    breaker(data)
    with pytest.raises(KnowledgeError, match=message):
        load_knowledge(write(tmp_path, data))


def test_invalid_yaml_and_missing_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text("needs:\n  job: [\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"bad\.yml: invalid YAML"):
        load_knowledge(bad)
    with pytest.raises(KnowledgeError, match="cannot read knowledge file"):
        load_knowledge(tmp_path / "absent.yml")


def test_unquoted_date_and_iso_string_both_load(tmp_path: Path, raw: dict[str, Any]) -> None:
    data = copy.deepcopy(raw)
    data["needs"]["job"]["facts"][0]["as_of"] = "2024-06-30"
    kb = load_knowledge(write(tmp_path, data))
    assert kb.answer("job").facts[0].as_of == date(2024, 6, 30)


# --- facts_older_than -------------------------------------------------------------------


def test_facts_older_than(tmp_path: Path, raw: dict[str, Any]) -> None:
    data = copy.deepcopy(raw)
    data["needs"]["housing"]["facts"][1]["as_of"] = date(2020, 1, 15)
    kb = load_knowledge(write(tmp_path, data))

    old = kb.facts_older_than(date(2025, 1, 1))
    assert len(old) == 1
    need, fact = old[0]
    assert need == "housing" and "1 200" in fact.text

    every = kb.facts_older_than(date(2100, 1, 1))
    assert len(every) == sum(len(a.facts) for a in kb)
    assert every[0] == old[0]  # oldest first
    assert [f.as_of for _, f in every] == sorted(f.as_of for _, f in every)


def test_facts_older_than_on_shipped_data(kb: KnowledgeBase) -> None:
    assert kb.facts_older_than(date(2025, 4, 1)) == []  # strictly older
    stale = kb.facts_older_than(date(2025, 4, 2))
    assert ("money", next(f for f in kb.answer("money").facts if "561,68" in f.text)) in stale


# --- locating the file ------------------------------------------------------------------


def test_default_path_is_in_repo_and_cached() -> None:
    repo = Path(__file__).resolve().parents[1]
    assert repo / "data/knowledge/answers.yml" == DEFAULT_PATH
    assert load_knowledge() is load_knowledge()


def test_env_var_overrides_default(
    tmp_path: Path, raw: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = copy.deepcopy(raw)
    data["needs"]["job"]["title"] = "Job (préprod)"
    monkeypatch.setenv(ENV_VAR, str(write(tmp_path, data)))
    assert load_knowledge().answer("job").title == "Job (préprod)"

    explicit = load_knowledge(DEFAULT_PATH)  # an explicit path wins over the variable
    assert explicit.answer("job").title == "Trouver un job"

    monkeypatch.setenv(ENV_VAR, str(tmp_path / "absent.yml"))
    with pytest.raises(KnowledgeError):
        load_knowledge()
