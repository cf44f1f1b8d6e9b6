"""Knowledge base of immediate answers, one per need code, loaded from a YAML data file.

The data lives in ``data/knowledge/answers.yml`` (see the README next to it). The file is
validated when loaded, so a broken edit fails fast with a message naming the entry.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "DEFAULT_PATH",
    "ENV_VAR",
    "MAX_ANSWER_CHARS",
    "MAX_NEXT_STEPS",
    "MAX_PARAGRAPHS",
    "MAX_RENDERED_CHARS",
    "MAX_SHORT_CHARS",
    "NEED_CODES",
    "REQUIRED_CRISIS_NUMBERS",
    "Answer",
    "CrisisLine",
    "Fact",
    "KnowledgeBase",
    "KnowledgeError",
    "UnknownNeed",
    "clear_cache",
    "load_knowledge",
]

NEED_CODES: tuple[str, ...] = (
    "job",
    "apprenticeship",
    "training",
    "orientation",
    "money",
    "housing",
    "mobility",
    "health",
    "cv",
    "admin",
    "appointment",
    "mission_locale",
)
REQUIRED_CRISIS_NUMBERS: frozenset[str] = frozenset({"3114", "115", "119", "3919", "17", "112"})

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "data" / "knowledge" / "answers.yml"
ENV_VAR = "RELAIS_KNOWLEDGE_FILE"

MAX_ANSWER_CHARS = 450
MAX_PARAGRAPHS = 3
MAX_NEXT_STEPS = 3
MAX_STEP_CHARS = 90
MAX_TITLE_CHARS = 32
MIN_FIRST_LINE_CHARS = 20
MAX_RENDERED_CHARS = 700
MAX_SHORT_CHARS = 320  # the first reply: what a phone shows without scrolling

_ANSWER_FIELDS = frozenset({"title", "answer", "next_steps", "link", "facts", "keywords"})
_REQUIRED_ANSWER_FIELDS = _ANSWER_FIELDS - {"keywords"}
_FACT_FIELDS = frozenset({"text", "source", "as_of"})
_CRISIS_LINE_FIELDS = frozenset({"number", "label", "when"})
_TOP_LEVEL_FIELDS = frozenset({"needs", "crisis", "outside_idf", "fallback"})
_PARAGRAPH_SPLIT = re.compile(r"\n\s*\n")


class KnowledgeError(ValueError):
    """The knowledge file is missing, unreadable or invalid."""


class UnknownNeed(ValueError):
    """A need code that the knowledge base does not know."""


@dataclass(frozen=True)
class Fact:
    """A checkable fact an answer relies on, with its source and the date it holds at."""

    text: str
    source: str
    as_of: date


@dataclass(frozen=True)
class Answer:
    """The immediate answer for one need."""

    need: str
    title: str
    answer: str
    next_steps: tuple[str, ...]
    link: str
    facts: tuple[Fact, ...]
    keywords: tuple[str, ...] = ()

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The answer split on blank lines."""
        return tuple(p.strip() for p in _PARAGRAPH_SPLIT.split(self.answer) if p.strip())

    def render(self) -> str:
        """The whole answer: paragraphs, then "👉" steps, then the link."""
        steps = "\n".join(f"👉 {step}" for step in self.next_steps)
        return f"{self.answer}\n\n{steps}\n{self.link}"

    def render_short(self) -> str:
        """The first reply, one phone screen: the first paragraph, the first step, the link."""
        return f"{self.paragraphs[0]}\n\n👉 {self.next_steps[0]}\n{self.link}"

    def render_more(self) -> str | None:
        """What the first reply left out (other paragraphs and steps), None when nothing is."""
        rest = [*self.paragraphs[1:]]
        if len(self.next_steps) > 1:
            rest.append("\n".join(f"👉 {step}" for step in self.next_steps[1:]))
        return "\n\n".join(rest) if rest else None


@dataclass(frozen=True)
class CrisisLine:
    """An emergency phone number, what it is, and when to call it."""

    number: str
    label: str
    when: str

    def render(self) -> str:
        """One line of the crisis message."""
        return f"📞 {self.number} : {self.label}. {self.when}"


class KnowledgeBase:
    """Validated answers by need code, crisis lines and fixed texts."""

    def __init__(
        self,
        answers: Mapping[str, Answer],
        crisis_lines: tuple[CrisisLine, ...],
        crisis_intro: str,
        outside_idf_text: str,
        fallback_text: str,
    ) -> None:
        self._answers = {need: answers[need] for need in NEED_CODES if need in answers}
        self.need_codes: tuple[str, ...] = tuple(self._answers)
        self._crisis_lines = crisis_lines
        self.crisis_intro: str = crisis_intro
        self.outside_idf_text: str = outside_idf_text
        self.fallback_text: str = fallback_text

    def __iter__(self) -> Iterator[Answer]:
        """Answers in the canonical need order."""
        return iter(self._answers.values())

    def answer(self, need: str) -> Answer:
        """The answer for ``need``; raise UnknownNeed if there is none."""
        try:
            return self._answers[need]
        except KeyError:
            known = ", ".join(self.need_codes)
            raise UnknownNeed(f"unknown need code {need!r}; known codes: {known}") from None

    def crisis_lines(self) -> tuple[CrisisLine, ...]:
        """The emergency numbers, in file order."""
        return self._crisis_lines

    def crisis_text(self) -> str:
        """The full crisis message: intro, then one line per number."""
        lines = "\n".join(line.render() for line in self._crisis_lines)
        return f"{self.crisis_intro}\n{lines}"

    def facts_older_than(self, when: date) -> list[tuple[str, Fact]]:
        """(need, fact) pairs whose ``as_of`` is before ``when``, oldest first."""
        found = [(a.need, f) for a in self._answers.values() for f in a.facts if f.as_of < when]
        return sorted(found, key=lambda item: (item[1].as_of, NEED_CODES.index(item[0])))


# --- loading and validation -------------------------------------------------------------


def _fail(where: str, message: str) -> KnowledgeError:
    return KnowledgeError(f"{where}: {message}")


def _mapping(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(where, f"expected a mapping, got {type(value).__name__}")
    return {str(k): v for k, v in value.items()}


def _check_fields(
    data: Mapping[str, Any], where: str, allowed: frozenset[str], required: frozenset[str]
) -> None:
    missing = sorted(required - data.keys())
    if missing:
        raise _fail(where, f"missing field(s): {', '.join(missing)}")
    unknown = sorted(data.keys() - allowed)
    if unknown:
        raise _fail(where, f"unknown field(s): {', '.join(unknown)}")


def _text(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(where, "expected a non-empty text")
    return value.strip()


def _as_of(value: object, where: str) -> date:
    if isinstance(value, datetime):
        raise _fail(where, f"expected a date (YYYY-MM-DD), got a date-time {value!r}")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _fail(where, f"expected a date (YYYY-MM-DD), got {value!r}")


def _link(value: object, where: str) -> str:
    link = _text(value, where)
    if not link.startswith("https://") or any(c.isspace() for c in link):
        raise _fail(where, f"link must be an https:// URL without spaces, got {link!r}")
    return link


def _facts(value: object, where: str) -> tuple[Fact, ...]:
    if not isinstance(value, list) or not value:
        raise _fail(where, "expected a non-empty list of facts")
    facts = []
    for i, raw in enumerate(value):
        fw = f"{where}[{i}]"
        data = _mapping(raw, fw)
        _check_fields(data, fw, _FACT_FIELDS, _FACT_FIELDS)
        facts.append(
            Fact(
                text=_text(data["text"], f"{fw}.text"),
                source=_text(data["source"], f"{fw}.source"),
                as_of=_as_of(data["as_of"], f"{fw}.as_of"),
            )
        )
    return tuple(facts)


def _next_steps(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise _fail(where, "expected a non-empty list of steps")
    if len(value) > MAX_NEXT_STEPS:
        raise _fail(where, f"{len(value)} steps, at most {MAX_NEXT_STEPS} allowed")
    steps = tuple(_text(step, f"{where}[{i}]") for i, step in enumerate(value))
    for i, step in enumerate(steps):
        if "\n" in step or len(step) > MAX_STEP_CHARS:
            raise _fail(f"{where}[{i}]", f"a step is one line of at most {MAX_STEP_CHARS} chars")
    return steps


def _answer_text(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(where, "expected a non-empty text")
    text = value.strip("\n").rstrip()
    first_line = text.split("\n", 1)[0].strip()
    if not first_line:
        raise _fail(where, "the first line is empty; it must be useful on its own")
    if len(first_line) < MIN_FIRST_LINE_CHARS:
        raise _fail(where, f"the first line is too short to be useful: {first_line!r}")
    if len(text) > MAX_ANSWER_CHARS:
        raise _fail(where, f"{len(text)} chars, at most {MAX_ANSWER_CHARS} allowed")
    paragraphs = [p for p in _PARAGRAPH_SPLIT.split(text) if p.strip()]
    if len(paragraphs) > MAX_PARAGRAPHS:
        raise _fail(where, f"{len(paragraphs)} paragraphs, at most {MAX_PARAGRAPHS} allowed")
    return text


def _keywords(value: object, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise _fail(where, "expected a list of keywords")
    return tuple(_text(str(k), f"{where}[{i}]") for i, k in enumerate(value))


def _parse_answer(need: str, raw: object, where: str) -> Answer:
    data = _mapping(raw, where)
    _check_fields(data, where, _ANSWER_FIELDS, _REQUIRED_ANSWER_FIELDS)
    title = _text(data["title"], f"{where}.title")
    if len(title) > MAX_TITLE_CHARS or "\n" in title:
        raise _fail(f"{where}.title", f"a title is one line of at most {MAX_TITLE_CHARS} chars")
    answer = Answer(
        need=need,
        title=title,
        answer=_answer_text(data["answer"], f"{where}.answer"),
        next_steps=_next_steps(data["next_steps"], f"{where}.next_steps"),
        link=_link(data["link"], f"{where}.link"),
        facts=_facts(data["facts"], f"{where}.facts"),
        keywords=_keywords(data.get("keywords"), f"{where}.keywords"),
    )
    rendered = len(answer.render())
    if rendered > MAX_RENDERED_CHARS:
        raise _fail(where, f"rendered message is {rendered} chars, at most {MAX_RENDERED_CHARS}")
    short = len(answer.render_short())
    if short > MAX_SHORT_CHARS:
        raise _fail(where, f"first reply is {short} chars, at most {MAX_SHORT_CHARS}")
    return answer


def _parse_crisis(raw: object, where: str) -> tuple[str, tuple[CrisisLine, ...]]:
    data = _mapping(raw, where)
    _check_fields(data, where, frozenset({"intro", "lines"}), frozenset({"intro", "lines"}))
    intro = _text(data["intro"], f"{where}.intro")
    raw_lines = data["lines"]
    if not isinstance(raw_lines, list) or not raw_lines:
        raise _fail(f"{where}.lines", "expected a non-empty list of numbers")
    lines = []
    for i, raw_line in enumerate(raw_lines):
        lw = f"{where}.lines[{i}]"
        line = _mapping(raw_line, lw)
        _check_fields(line, lw, _CRISIS_LINE_FIELDS, _CRISIS_LINE_FIELDS)
        number = _text(str(line["number"]), f"{lw}.number")
        if not number.isdigit():
            raise _fail(f"{lw}.number", f"expected digits only, got {number!r}")
        lines.append(
            CrisisLine(
                number=number,
                label=_text(line["label"], f"{lw}.label"),
                when=_text(line["when"], f"{lw}.when"),
            )
        )
    missing = sorted(REQUIRED_CRISIS_NUMBERS - {line.number for line in lines})
    if missing:
        raise _fail(f"{where}.lines", f"missing required number(s): {', '.join(missing)}")
    return intro, tuple(lines)


def _parse(raw: object, name: str) -> KnowledgeBase:
    data = _mapping(raw, name)
    _check_fields(data, name, _TOP_LEVEL_FIELDS, _TOP_LEVEL_FIELDS)
    needs = _mapping(data["needs"], f"{name}: needs")
    unknown = sorted(needs.keys() - set(NEED_CODES))
    if unknown:
        raise _fail(f"{name}: needs", f"unknown need code(s): {', '.join(unknown)}")
    missing = [need for need in NEED_CODES if need not in needs]
    if missing:
        raise _fail(f"{name}: needs", f"missing need code(s): {', '.join(missing)}")
    answers = {
        need: _parse_answer(need, needs[need], f"{name}: needs.{need}") for need in NEED_CODES
    }
    intro, lines = _parse_crisis(data["crisis"], f"{name}: crisis")
    return KnowledgeBase(
        answers=answers,
        crisis_lines=lines,
        crisis_intro=intro,
        outside_idf_text=_text(data["outside_idf"], f"{name}: outside_idf"),
        fallback_text=_text(data["fallback"], f"{name}: fallback"),
    )


def _load(path: Path) -> KnowledgeBase:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise KnowledgeError(f"cannot read knowledge file {path}: {exc}") from exc
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{path.name}: invalid YAML: {exc}") from exc
    return _parse(raw, path.name)


@functools.cache
def _load_default() -> KnowledgeBase:
    return _load(DEFAULT_PATH)


def load_knowledge(path: Path | None = None) -> KnowledgeBase:
    """Load and validate the knowledge file.

    ``path`` wins, then the ``RELAIS_KNOWLEDGE_FILE`` environment variable, then the default
    ``data/knowledge/answers.yml`` (only the default is cached). Raise KnowledgeError if invalid.
    """
    if path is not None:
        return _load(Path(path))
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        return _load(Path(override))
    return _load_default()


def clear_cache() -> None:
    """Forget the cached default knowledge base (e.g. after editing the file)."""
    _load_default.cache_clear()
