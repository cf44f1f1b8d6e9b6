"""Does a turn's reply do what a scripted conversation expects? Read as the young person sees it.

Each check looks at the reply bubbles (text and buttons) for the bot's own sentences, and, for
what must be stored or erased, at the database facts the replay gathers after the turn.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from relais.dialogue import texts
from relais.dialogue.turns import display_ml_name
from relais.knowledge import load_knowledge
from relais.routing import resolve


@dataclass(frozen=True)
class Bubble:
    """One bot message as the web chat shows it."""

    text: str
    buttons: tuple[tuple[str, str], ...] = ()  # (title, payload)

    @classmethod
    def from_dict(cls, item: Mapping[str, Any]) -> Bubble:
        """From the web chat's JSON reply."""
        buttons = tuple(
            (str(b.get("title") or ""), str(b.get("payload") or ""))
            for b in item.get("buttons") or ()
        )
        return cls(str(item.get("text") or "").replace("\u2060", ""), buttons)


@dataclass(frozen=True)
class Facts:
    """What the database says about the young person after the turn."""

    exists: bool
    opted_out: bool
    handoffs: int


def flat(text: str) -> str:
    """Text with invisible joiners removed and whitespace collapsed, for comparisons."""
    return " ".join(text.replace("\u2060", " ").split())


@cache
def _need_markers() -> dict[str, tuple[str, ...]]:
    """Each need's answer, by the start of its first line (what the young person reads first),
    and of the rest that "En savoir plus" gives."""
    kb = load_knowledge()
    markers: dict[str, tuple[str, ...]] = {}
    for a in kb:
        more = a.render_more()
        parts = [a.answer.splitlines()[0], *([more.splitlines()[0]] if more else [])]
        markers[a.need] = tuple(flat(p)[:60] for p in parts)
    return markers


@cache
def _outside_idf() -> str:
    return flat(load_knowledge().outside_idf_text)[:60]


_MENU_PAYLOADS = frozenset(f"/{intent}" for _, intent in texts.MENU_ITEMS)


def _has(bubbles: Sequence[Bubble], marker: str) -> bool:
    marker = flat(marker)
    return any(marker in flat(b.text) for b in bubbles)


def is_crisis_answer(bubbles: Sequence[Bubble]) -> bool:
    """The crisis answer (all the numbers), not the one-line safety net."""
    return _has(bubbles, texts.ALL_NUMBERS)


def shows_menu(bubbles: Sequence[Bubble]) -> bool:
    """The list of needs as buttons."""
    return any(len(_MENU_PAYLOADS & {p for _, p in b.buttons}) >= 8 for b in bubbles)


def answered_need(bubbles: Sequence[Bubble]) -> str | None:
    """Which need's answer the reply gives, if any."""
    for need, markers in _need_markers().items():
        if any(_has(bubbles, marker) for marker in markers):
            return need
    return None


def expected_ml_name(commune: str) -> str | None:
    """The display name of the Mission Locale covering ``commune``, if the resolver is sure."""
    resolution = resolve(commune)
    if resolution.status == "found" and resolution.mission_locale is not None:
        return display_ml_name(resolution.mission_locale.name)
    return None


def shown_ml(bubbles: Sequence[Bubble]) -> str | None:
    """The Mission Locale named on a card in the reply."""
    for b in bubbles:
        found = re.search(r"Ta Mission Locale[^:\n]*: (.+)", b.text)
        if found:
            return found.group(1).strip()
    return None


def _number_in(text: str, number: str) -> bool:
    return re.search(rf"(?<!\d){re.escape(number)}(?!\d)", text) is not None


def evaluate(
    expect: Mapping[str, Any], bubbles: Sequence[Bubble], facts: Facts | None
) -> dict[str, str | None]:
    """Each expectation of the turn: None when met, else a short line saying what is missing."""
    results: dict[str, str | None] = {}

    def need(key: str, ok: bool, what: str) -> None:
        results[key] = None if ok else what

    if "crisis" in expect:
        first = flat(bubbles[0].text) if bubbles else ""
        numbers = expect["crisis"]
        need(
            "crisis",
            any(_number_in(first, n) for n in numbers),
            f"crisis {'/'.join(numbers)} first",
        )
    if expect.get("no_crisis"):
        need("no_crisis", not is_crisis_answer(bubbles), "no crisis answer")
    if "answer" in expect:
        given = answered_need(bubbles)
        need("answer", given == expect["answer"], f"answer {expect['answer']} (gave {given})")
    if expect.get("asks_where"):
        asks = (texts.ASK_LOCATION, texts.HANDOFF_ASK_LOCATION, texts.LOCATION_NOT_FOUND)
        need("asks_where", any(_has(bubbles, m) for m in asks), "asks where")
    if "mission_locale_for" in expect:
        wanted = expected_ml_name(expect["mission_locale_for"])
        shown = shown_ml(bubbles)
        if wanted is None:
            results["mission_locale_for"] = (
                f"script: {expect['mission_locale_for']!r} is not a sure place"
            )
        else:
            need("mission_locale_for", shown == wanted, f"ML {wanted} (showed {shown})")
    if expect.get("choose_commune"):
        need("choose_commune", _has(bubbles, texts.WHICH_COMMUNE), "asks which commune")
    if expect.get("outside_idf"):
        need("outside_idf", _has(bubbles, _outside_idf()), "outside Île-de-France")
    if expect.get("privacy_notice"):
        need("privacy_notice", _has(bubbles, texts.PRIVACY_NOTICE), "privacy notice")
    if expect.get("not_understood"):
        need(
            "not_understood",
            _has(bubbles, texts.NOT_UNDERSTOOD) and shows_menu(bubbles),
            "not understood + menu",
        )
    if expect.get("menu"):
        need("menu", shows_menu(bubbles), "menu")
    if expect.get("asks_consent_to_share"):
        need(
            "asks_consent_to_share",
            _has(bubbles, texts.HANDOFF_CONSENT_ASK),
            "asks consent to share",
        )
    if expect.get("handoff_recorded"):
        said = _has(bubbles, texts.HANDOFF_DONE) or _has(bubbles, texts.HANDOFF_ALREADY)
        need(
            "handoff_recorded",
            said and facts is not None and facts.handoffs > 0,
            "handoff recorded",
        )
    if expect.get("stopped"):
        need(
            "stopped", _has(bubbles, texts.OPTED_OUT) and bool(facts and facts.opted_out), "stopped"
        )
    if expect.get("erased"):
        need(
            "erased",
            _has(bubbles, texts.ERASED) and facts is not None and not facts.exists,
            "erased",
        )
    if "reply_contains" in expect:
        wanted_text = flat(expect["reply_contains"]).casefold()
        need(
            "reply_contains",
            any(wanted_text in b.text.casefold() for b in bubbles),
            "reply contains",
        )
    return results


def check(expect: Mapping[str, Any], bubbles: Sequence[Bubble], facts: Facts | None) -> list[str]:
    """What the reply fails to do, one short line per unmet expectation (empty: all met)."""
    return [what for what in evaluate(expect, bubbles, facts).values() if what]


def next_step_offered(bubbles: Sequence[Bubble]) -> bool:
    """The reply ends with a way to go on: buttons or a question."""
    if not bubbles:
        return False
    last = bubbles[-1]
    return bool(last.buttons) or "?" in last.text
