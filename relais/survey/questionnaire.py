"""Versioned questionnaires: one YAML file per version, loaded, validated and cached.

A questionnaire ``etude-jeunes`` version 2 lives in ``data/questionnaires/etude-jeunes-v2.yml``.
A published file is never edited: a change is a new file with the next version number, so every
stored answer (question id + version) keeps the exact wording it answered. See
``data/questionnaires/README.md`` for the format.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, cast

import yaml

from relais.routing.normalize import normalize_text

__all__ = [
    "DEFAULT_FOLDER",
    "KNOWN_FACTS",
    "PROFILES",
    "QUESTION_TYPES",
    "Choice",
    "Question",
    "QuestionType",
    "Questionnaire",
    "QuestionnaireError",
    "available_versions",
    "load_questionnaire",
]

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "data" / "questionnaires"

QuestionType = Literal["single", "multiple", "open", "scale"]
QUESTION_TYPES: tuple[QuestionType, ...] = ("single", "multiple", "open", "scale")

# The survey profiles every analysis is cut by (see the study's phase 1).
PROFILES: tuple[str, ...] = (
    "no_follow_up",
    "dropped_out",
    "left_without_solution",
    "referred_never_came",
    "in_progress",
    "never_heard",
)

# Facts the conversation may already know (``skip_if_known``).
KNOWN_FACTS: tuple[str, ...] = ("commune", "age_band", "activity")

_EMPTY: Mapping[str, Any] = MappingProxyType({})
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_CODE = re.compile(r"^[a-z0-9][a-z0-9_]*$")
_QUESTIONNAIRE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_FILE = re.compile(r"^(?P<id>[a-z0-9][a-z0-9-]*)-v(?P<version>[1-9][0-9]*)\.ya?ml$")

_TOP_KEYS = frozenset({"id", "version", "title", "intro", "outro", "questions"})
_QUESTION_KEYS = frozenset(
    {
        "id",
        "text",
        "type",
        "choices",
        "scale",
        "profiles",
        "followup",
        "sets_profile",
        "skip_if_known",
        "ask_if",
        "factual",
    }
)
_CHOICE_KEYS = frozenset({"code", "label", "synonyms"})
_SCALE_KEYS = frozenset({"min", "max", "min_label", "max_label"})


class QuestionnaireError(ValueError):
    """A questionnaire file is missing or invalid; the message names the file and question."""


@dataclass(frozen=True)
class Choice:
    """One answer of a choice question: a stable code, a French label, typed synonyms."""

    code: str
    label: str
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    """One question of a questionnaire version.

    ``ask_if`` maps an earlier question id to codes: the question is asked only when that
    question's answer has one of the codes, or is free text that matched no code.
    ``factual`` open questions (e.g. the commune) get no informativeness check or follow-up.
    """

    id: str
    text: str
    type: QuestionType
    choices: tuple[Choice, ...] = ()
    profiles: frozenset[str] | None = None
    followup: str | None = None
    sets_profile: Mapping[str, str] = field(default_factory=lambda: _EMPTY, hash=False)
    skip_if_known: str | None = None
    scale_min: int | None = None
    scale_max: int | None = None
    scale_min_label: str | None = None
    scale_max_label: str | None = None
    ask_if: Mapping[str, frozenset[str]] = field(default_factory=lambda: _EMPTY, hash=False)
    factual: bool = False

    @property
    def is_choice(self) -> bool:
        """True for single and multiple choice questions."""
        return self.type in ("single", "multiple")

    def choice(self, code: str) -> Choice:
        """The choice with this code (``KeyError`` if none)."""
        for choice in self.choices:
            if choice.code == code:
                return choice
        raise KeyError(f"question {self.id!r} has no choice {code!r}")


@dataclass(frozen=True)
class Questionnaire:
    """One version of a questionnaire."""

    id: str
    version: int
    title: str
    intro: str
    outro: str
    questions: tuple[Question, ...]

    def question(self, question_id: str) -> Question:
        """The question with this id (``KeyError`` if none)."""
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(f"{self.id} v{self.version} has no question {question_id!r}")

    @property
    def profile_codes(self) -> frozenset[str]:
        """Every profile some answer of this questionnaire sets."""
        return frozenset(
            profile for question in self.questions for profile in question.sets_profile.values()
        )


# --- files -----------------------------------------------------------------------------------


def _folder(folder: Path | None) -> Path:
    return (folder if folder is not None else DEFAULT_FOLDER).resolve()


def available_versions(questionnaire_id: str, folder: Path | None = None) -> list[int]:
    """The published versions of ``questionnaire_id`` in ``folder``, ascending."""
    directory = _folder(folder)
    if not directory.is_dir():
        return []
    versions = set()
    for path in directory.iterdir():
        match = _FILE.match(path.name)
        if match and match["id"] == questionnaire_id:
            versions.add(int(match["version"]))
    return sorted(versions)


def _path_for(questionnaire_id: str, version: int, directory: Path) -> Path:
    for suffix in (".yml", ".yaml"):
        path = directory / f"{questionnaire_id}-v{version}{suffix}"
        if path.is_file():
            return path
    raise QuestionnaireError(
        f"no file for questionnaire {questionnaire_id!r} version {version} in {directory}"
    )


def load_questionnaire(
    questionnaire_id: str, version: int | None = None, folder: Path | None = None
) -> Questionnaire:
    """Load and validate a questionnaire version (the latest when ``version`` is None).

    Parsed files are cached (by path and modification time).
    """
    directory = _folder(folder)
    if version is None:
        versions = available_versions(questionnaire_id, directory)
        if not versions:
            raise QuestionnaireError(f"no questionnaire {questionnaire_id!r} in {directory}")
        version = versions[-1]
    path = _path_for(questionnaire_id, version, directory)
    return _load_file(path, path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=64)
def _load_file(path: Path, mtime_ns: int) -> Questionnaire:
    del mtime_ns  # part of the cache key only
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise QuestionnaireError(f"{path.name}: not valid YAML: {error}") from error
    return _Parser(path.name).questionnaire(data, path)


# --- validation ------------------------------------------------------------------------------


class _Parser:
    """Builds the dataclasses from the YAML data, with messages naming file and question."""

    def __init__(self, file_name: str) -> None:
        self.file = file_name
        self.where = file_name

    def fail(self, message: str) -> QuestionnaireError:
        return QuestionnaireError(f"{self.where}: {message}")

    def text(self, data: Mapping[str, Any], key: str) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{key!r} must be a non-empty text")
        return value.strip()

    def optional_text(self, data: Mapping[str, Any], key: str) -> str | None:
        return self.text(data, key) if data.get(key) is not None else None

    def unknown_keys(self, data: Mapping[str, Any], allowed: frozenset[str], what: str) -> None:
        unknown = sorted(set(data) - allowed)
        if unknown:
            raise self.fail(f"unknown {what} key(s) {unknown} (allowed: {sorted(allowed)})")

    def questionnaire(self, data: object, path: Path) -> Questionnaire:
        if not isinstance(data, dict):
            raise self.fail(
                "the file must be a mapping with id, version, title, intro, outro, questions"
            )
        self.unknown_keys(data, _TOP_KEYS, "top-level")
        questionnaire_id = self.text(data, "id")
        if not _QUESTIONNAIRE_ID.match(questionnaire_id):
            raise self.fail(f"id {questionnaire_id!r} must be lowercase letters, digits and '-'")
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise self.fail("'version' must be a positive integer")
        match = _FILE.match(path.name)
        if match is None or match["id"] != questionnaire_id or int(match["version"]) != version:
            raise self.fail(
                f"the file must be named {questionnaire_id}-v{version}.yml "
                "(id and version must match the file name)"
            )
        title, intro, outro = (self.text(data, key) for key in ("title", "intro", "outro"))
        raw_questions = data.get("questions")
        if not isinstance(raw_questions, list) or not raw_questions:
            raise self.fail("'questions' must be a non-empty list")
        questions: list[Question] = []
        for index, raw in enumerate(raw_questions, start=1):
            self.where = f"{self.file}: question #{index}"
            questions.append(self.question(raw, questions))
        self.where = self.file
        return Questionnaire(questionnaire_id, version, title, intro, outro, tuple(questions))

    def question(self, raw: object, earlier: list[Question]) -> Question:
        if not isinstance(raw, dict):
            raise self.fail("must be a mapping")
        question_id = raw.get("id")
        if not isinstance(question_id, str) or not _ID.match(question_id):
            raise self.fail(f"id {question_id!r} must be snake_case (a-z, 0-9, _)")
        self.where = f"{self.file}: question {question_id!r}"
        if any(question.id == question_id for question in earlier):
            raise self.fail("duplicate question id")
        self.unknown_keys(raw, _QUESTION_KEYS, "question")
        text = self.text(raw, "text")
        kind = raw.get("type")
        if kind not in QUESTION_TYPES:
            raise self.fail(f"unknown type {kind!r} (expected one of {', '.join(QUESTION_TYPES)})")
        question_type = cast(QuestionType, kind)

        choices = self.choices(raw.get("choices"), question_type)
        scale = self.scale(raw.get("scale"), question_type)
        profiles = self.profiles(raw.get("profiles"), earlier)
        factual = raw.get("factual", False)
        if not isinstance(factual, bool):
            raise self.fail("'factual' must be true or false")
        if factual and question_type != "open":
            raise self.fail("only open questions can be 'factual'")
        followup = self.optional_text(raw, "followup")
        if question_type == "open" and not factual and followup is None:
            raise self.fail("an open question needs a 'followup' (the one nudge on a vague answer)")
        if followup is not None and (question_type != "open" or factual):
            raise self.fail("'followup' is only for open, non-factual questions")
        sets_profile = self.sets_profile(raw.get("sets_profile"), choices)
        skip_if_known = raw.get("skip_if_known")
        if skip_if_known is not None and skip_if_known not in KNOWN_FACTS:
            raise self.fail(
                f"unknown skip_if_known {skip_if_known!r} "
                f"(expected one of {', '.join(KNOWN_FACTS)})"
            )
        ask_if = self.ask_if(raw.get("ask_if"), earlier)
        if sets_profile and (profiles is not None or any(q.profiles for q in earlier)):
            raise self.fail(
                "a question that sets the profile must come before every question restricted "
                "by 'profiles' (and have no 'profiles' itself)"
            )
        return Question(
            id=question_id,
            text=text,
            type=question_type,
            choices=choices,
            profiles=profiles,
            followup=followup,
            sets_profile=sets_profile,
            skip_if_known=skip_if_known,
            scale_min=scale[0] if scale else None,
            scale_max=scale[1] if scale else None,
            scale_min_label=scale[2] if scale else None,
            scale_max_label=scale[3] if scale else None,
            ask_if=ask_if,
            factual=factual,
        )

    def choices(self, raw: object, question_type: QuestionType) -> tuple[Choice, ...]:
        if question_type not in ("single", "multiple"):
            if raw is not None:
                raise self.fail(f"a {question_type} question takes no 'choices'")
            return ()
        if not isinstance(raw, list) or len(raw) < 2:
            raise self.fail("a choice question needs a list of at least 2 'choices'")
        choices: list[Choice] = []
        phrases: dict[str, str] = {}
        for index, item in enumerate(raw, start=1):
            if not isinstance(item, dict):
                raise self.fail(f"choice #{index} must be a mapping with code and label")
            self.unknown_keys(item, _CHOICE_KEYS, f"choice #{index}")
            code = item.get("code")
            if not isinstance(code, str) or not _CODE.match(code):
                raise self.fail(f"choice #{index} needs a snake_case 'code' (got {code!r})")
            if any(choice.code == code for choice in choices):
                raise self.fail(f"duplicate choice code {code!r}")
            label = item.get("label")
            if not isinstance(label, str) or not label.strip():
                raise self.fail(f"choice {code!r} needs a 'label'")
            synonyms = item.get("synonyms", [])
            if not isinstance(synonyms, list) or not all(
                isinstance(synonym, str) and synonym.strip() for synonym in synonyms
            ):
                raise self.fail(f"choice {code!r}: 'synonyms' must be a list of texts")
            for phrase in (label, *synonyms):
                normalized = normalize_text(phrase)
                other = phrases.setdefault(normalized, code)
                if other != code:
                    raise self.fail(
                        f"{phrase!r} is both in choice {other!r} and in choice {code!r} (ambiguous)"
                    )
            choices.append(Choice(code, label.strip(), tuple(s.strip() for s in synonyms)))
        return tuple(choices)

    def scale(
        self, raw: object, question_type: QuestionType
    ) -> tuple[int, int, str | None, str | None] | None:
        if question_type != "scale":
            if raw is not None:
                raise self.fail(f"a {question_type} question takes no 'scale'")
            return None
        if not isinstance(raw, dict):
            raise self.fail("a scale question needs 'scale: {min: 1, max: 5}'")
        self.unknown_keys(raw, _SCALE_KEYS, "scale")
        low, high = raw.get("min"), raw.get("max")
        if not isinstance(low, int) or not isinstance(high, int) or not 0 <= low < high <= 10:
            raise self.fail("'scale' needs integers 0 <= min < max <= 10")
        return low, high, self.optional_text(raw, "min_label"), self.optional_text(raw, "max_label")

    def profiles(self, raw: object, earlier: list[Question]) -> frozenset[str] | None:
        if raw is None:
            return None
        if not isinstance(raw, list) or not raw:
            raise self.fail("'profiles' must be a non-empty list (omit it for everyone)")
        unknown = [profile for profile in raw if profile not in PROFILES]
        if unknown:
            raise self.fail(f"unknown profile(s) {unknown} (expected among {', '.join(PROFILES)})")
        if not any(question.sets_profile for question in earlier):
            raise self.fail("'profiles' needs an earlier question that sets the profile")
        return frozenset(raw)

    def sets_profile(self, raw: object, choices: tuple[Choice, ...]) -> Mapping[str, str]:
        if raw is None:
            return _EMPTY
        if not choices:
            raise self.fail("'sets_profile' is only for choice questions")
        if not isinstance(raw, dict) or not raw:
            raise self.fail("'sets_profile' must map choice codes to profiles")
        codes = {choice.code for choice in choices}
        for code, profile in raw.items():
            if code not in codes:
                raise self.fail(f"sets_profile: unknown choice code {code!r}")
            if profile not in PROFILES:
                raise self.fail(
                    f"sets_profile: unknown profile {profile!r} "
                    f"(expected one of {', '.join(PROFILES)})"
                )
        return MappingProxyType(dict(raw))

    def ask_if(self, raw: object, earlier: list[Question]) -> Mapping[str, frozenset[str]]:
        if raw is None:
            return _EMPTY
        if not isinstance(raw, dict) or not raw:
            raise self.fail("'ask_if' must map an earlier question id to a list of its codes")
        result: dict[str, frozenset[str]] = {}
        for question_id, codes in raw.items():
            source = next((question for question in earlier if question.id == question_id), None)
            if source is None or not source.is_choice:
                raise self.fail(f"ask_if: {question_id!r} is not an earlier choice question")
            if not isinstance(codes, list) or not codes:
                raise self.fail(f"ask_if: {question_id!r} needs a non-empty list of codes")
            unknown = sorted(set(codes) - {choice.code for choice in source.choices})
            if unknown:
                raise self.fail(f"ask_if: unknown code(s) {unknown} of {question_id!r}")
            result[question_id] = frozenset(codes)
        return MappingProxyType(result)
