"""Typed or button answers → choice codes, scale value or free text. Never rejects an answer.

Order of reading a message (after :func:`relais.routing.normalize.normalize_text`):

1. the whole message is a command: ``passer``/``je passe``/``skip``/``suivant``/``/skip`` → skipped;
   ``stop``/``arrête``/``pause``/``plus tard``/``/stop`` → stop (pause: nothing is recorded);
2. open questions: the text as given;
3. choice questions: a button payload (the code itself); then positions when the whole message is
   only positions ("2", "le 2", "2 et 4", "la 2eme", "la deuxième", "n°3"); then labels, codes and
   synonyms found anywhere in the message, tolerant to accents, case and small typos (one edit
   for words of 5–8 letters, two from 9, same first letter), several per message for a multiple
   choice ("tiktok et snap", "insta, youtube"), the first one in the message for a single choice;
4. scale questions: "4", "4/5", "4 sur 5", "quatre", or the exact min/max label. Words such as
   "bof" or "moyen" are *not* turned into a number (that would invent data): value None, text kept.

``text`` holds the free text worth keeping: the whole message when nothing mapped, when part of
it did not map ("insta et le journal"), or when a single choice got several candidates. It is
None for a button press or a message fully captured by codes. Negations ("pas insta") are not
interpreted; their text is kept.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from rapidfuzz.distance import DamerauLevenshtein

from relais.routing.normalize import normalize_text
from relais.survey.questionnaire import Question

__all__ = ["SKIPPED", "ParsedAnswer", "is_skip", "is_stop", "parse_answer"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass(frozen=True)
class ParsedAnswer:
    """What one message says as an answer to one question."""

    codes: tuple[str, ...] = ()
    text: str | None = None
    skipped: bool = False
    stop: bool = False
    value: int | None = None  # scale questions

    @property
    def is_answer(self) -> bool:
        """True when the question counts as answered (skips included, a stop is not)."""
        return not self.stop


SKIPPED = ParsedAnswer(skipped=True)
_STOP = ParsedAnswer(stop=True)

# --- commands ----------------------------------------------------------------------------------

_SKIP = frozenset(
    {
        "passer",
        "passe",
        "je passe",
        "skip",
        "suivant",
        "suivante",
        "question suivante",
        "next",
        "joker",
        "pas de reponse",
        "sans reponse",
        "je prefere pas",
        "prefere pas",
        "je prefere ne pas repondre",
        "je veux pas repondre",
        "je ne veux pas repondre",
        "pas envie de repondre",
    }
)
_STOP_PHRASES = frozenset(
    {
        "stop",
        "arrete",
        "arreter",
        "on arrete",
        "je veux arreter",
        "j arrete",
        "pause",
        "une pause",
        "on fait une pause",
        "plus tard",
        "on continue plus tard",
        "je continue plus tard",
        "pas maintenant",
        "je dois y aller",
        "j ai pas le temps",
    }
)
_COMMAND_FILLERS = _words(
    "stp svp merci euh bon ok okay alors bah ben la question cette s il te plait vas y vasy"
)


def _command_core(normalized: str) -> str:
    tokens = normalized.split()
    while tokens and tokens[0] in _COMMAND_FILLERS:
        tokens.pop(0)
    while tokens and tokens[-1] in _COMMAND_FILLERS:
        tokens.pop()
    return " ".join(tokens)


def is_skip(raw: str) -> bool:
    """True when the whole message asks to skip the question."""
    normalized = normalize_text(raw)
    return normalized in _SKIP or _command_core(normalized) in _SKIP


def is_stop(raw: str) -> bool:
    """True when the whole message asks to pause the survey ("arrêté", a participle, is not)."""
    normalized = normalize_text(raw)
    if not (normalized in _STOP_PHRASES or _command_core(normalized) in _STOP_PHRASES):
        return False
    return not raw.strip().lower().rstrip(" .!").endswith(("é", "ée", "és"))


# --- positions -------------------------------------------------------------------------------

_ORDINALS = {
    "premier": 1,
    "premiere": 1,
    "second": 2,
    "seconde": 2,
    "deuxieme": 2,
    "troisieme": 3,
    "quatrieme": 4,
    "cinquieme": 5,
    "sixieme": 6,
    "septieme": 7,
    "huitieme": 8,
    "neuvieme": 9,
    "dixieme": 10,
    "onzieme": 11,
    "douzieme": 12,
}
_CARDINALS = {
    "zero": 0,
    "un": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
}
_NUMBERED = re.compile(r"^(\d{1,2})(?:e|eme|ieme|er|ere|nd|nde)?$")
_POSITION_FILLERS = _words(
    "le la l et ou choix numero num n no reponse option plutot c est je dirais prends perso moi "
    "pour alors euh bah ben aussi puis j ai mets met"
)


def _position(token: str) -> int | None:
    match = _NUMBERED.match(token)
    if match:
        return int(match[1])
    if token in _ORDINALS:
        return _ORDINALS[token]
    if token in _CARDINALS and token != "un":
        return _CARDINALS[token]
    return None


def _positions(tokens: list[str], count: int) -> list[int] | None:
    """1-based positions when the message is only positions and fillers, all in range."""
    positions: list[int] = []
    for token in tokens:
        position = _position(token)
        if position is not None:
            positions.append(position)
        elif token not in _POSITION_FILLERS:
            return None
    if not positions or not all(1 <= position <= count for position in positions):
        return None
    return positions


# --- phrases -----------------------------------------------------------------------------------

# Words that carry no answer of their own: leftover ones do not make the message free text.
_LEFTOVER_FILLERS = _words(
    """
    et ou le la les l un une des de du d mes ma mon me m sur via avec par en a au aux dans je j
    tu moi c est surtout aussi plutot beaucoup bcp souvent parfois fois peu tout tous trop mais
    ca sa y ya il elle regarde regarder utilise utiliser vais va perso euh bah ben genre mdr lol
    svp stp oui ouais ui ai ans an chez plus quoi ce cest voila enfin sinon bien hmm hum ah oh
    comme que qui pareil nan non
    """
)


@dataclass(frozen=True)
class _Phrase:
    tokens: tuple[str, ...]
    index: int  # choice index


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    index: int
    exact: bool


@functools.lru_cache(maxsize=256)
def _phrases(question: Question) -> tuple[_Phrase, ...]:
    phrases: list[_Phrase] = []
    for index, choice in enumerate(question.choices):
        seen: set[tuple[str, ...]] = set()
        for phrase in (choice.code.replace("_", " "), choice.label, *choice.synonyms):
            tokens = tuple(normalize_text(phrase).split())
            if tokens and tokens not in seen:
                seen.add(tokens)
                phrases.append(_Phrase(tokens, index))
    return tuple(phrases)


def _token_match(typed: str, expected: str) -> tuple[bool, bool]:
    """(matches, exactly) for one typed token against one expected token."""
    if typed == expected:
        return True, True
    size = len(expected)
    if size < 5 or not typed or typed[0] != expected[0] or typed.isdigit():
        return False, False
    allowed = 1 if size < 9 else 2
    return DamerauLevenshtein.distance(typed, expected, score_cutoff=allowed) <= allowed, False


def _find(tokens: list[str], phrases: tuple[_Phrase, ...]) -> list[_Match]:
    found: list[_Match] = []
    for phrase in phrases:
        size = len(phrase.tokens)
        for start in range(len(tokens) - size + 1):
            exact = True
            for typed, expected in zip(tokens[start : start + size], phrase.tokens, strict=True):
                matches, token_exact = _token_match(typed, expected)
                if not matches:
                    break
                exact = exact and token_exact
            else:
                found.append(_Match(start, start + size, phrase.index, exact))
    # Longest first, exact before fuzzy, leftmost first; keep the non-overlapping ones.
    found.sort(key=lambda match: (-(match.end - match.start), not match.exact, match.start))
    kept: list[_Match] = []
    used: set[int] = set()
    for match in found:
        span = set(range(match.start, match.end))
        if not span & used:
            kept.append(match)
            used |= span
    return sorted(kept, key=lambda match: match.start)


def _unique(codes: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(codes))


def _parse_choice(question: Question, raw: str, tokens: list[str]) -> ParsedAnswer:
    stripped = raw.strip()
    codes = [choice.code for choice in question.choices]
    if stripped in codes:
        return ParsedAnswer(codes=(stripped,))
    single = question.type == "single"
    positions = _positions(tokens, len(codes))
    if positions is not None:
        picked = _unique([codes[position - 1] for position in positions])
        if single:
            return ParsedAnswer(codes=picked[:1], text=stripped if len(picked) > 1 else None)
        return ParsedAnswer(codes=picked)
    matches = _find(tokens, _phrases(question))
    if not matches:
        return ParsedAnswer(text=stripped or None)
    picked = _unique([codes[match.index] for match in matches])
    used = {position for match in matches for position in range(match.start, match.end)}
    leftover = [
        token
        for position, token in enumerate(tokens)
        if position not in used and token not in _LEFTOVER_FILLERS
    ]
    keep_text = bool(leftover) or (single and len(picked) > 1)
    return ParsedAnswer(
        codes=picked[:1] if single else picked, text=stripped if keep_text else None
    )


_OUT_OF = re.compile(r"^\s*(\d{1,2})\s*(?:/|sur)\s*(\d{1,2})\s*$", re.IGNORECASE)


def _parse_scale(question: Question, raw: str, tokens: list[str]) -> ParsedAnswer:
    low, high = question.scale_min, question.scale_max
    assert low is not None and high is not None, f"scale question {question.id} without bounds"
    stripped = raw.strip()
    out_of = _OUT_OF.match(stripped)
    if out_of:
        value, top = int(out_of[1]), int(out_of[2])
        if top == high and low <= value <= high:
            return ParsedAnswer(value=value)
        return ParsedAnswer(text=stripped)
    normalized = " ".join(tokens)
    for label, bound in ((question.scale_min_label, low), (question.scale_max_label, high)):
        if label and normalized == normalize_text(label):
            return ParsedAnswer(value=bound)
    numbers = [int(token) for token in tokens if token.isdigit()]
    meaningful = [
        token for token in tokens if not token.isdigit() and token not in _LEFTOVER_FILLERS
    ]
    if not numbers and len(meaningful) == 1 and meaningful[0] in _CARDINALS:
        numbers, meaningful = [_CARDINALS[meaningful[0]]], []
    if len(numbers) == 1 and low <= numbers[0] <= high:
        return ParsedAnswer(value=numbers[0], text=stripped if meaningful else None)
    return ParsedAnswer(text=stripped or None)


def parse_answer(question: Question, raw: str) -> ParsedAnswer:
    """Read ``raw`` (a typed message or a button payload) as an answer to ``question``."""
    if is_skip(raw):
        return SKIPPED
    if is_stop(raw):
        return _STOP
    tokens = normalize_text(raw).split()
    if question.is_choice:
        return _parse_choice(question, raw, tokens)
    if question.type == "scale":
        return _parse_scale(question, raw, tokens)
    return ParsedAnswer(text=raw.strip() or None)
