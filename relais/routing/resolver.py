"""Free text / postal code → commune → Mission Locale."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from relais.routing.lexicon import (
    AMOUNT_WORDS,
    ARRONDISSEMENT_WORDS,
    COMMON_WORDS,
    CONNECTORS,
    DATE_BEFORE,
    DEPARTMENT_WORDS,
    FILLERS,
    GENERIC,
    LOCATION_CUES,
    MONTHS,
    ORDINAL,
    OUTSIDE_BEFORE_IDF_PREFIX,
)
from relais.routing.normalize import (
    join_split_postal_codes,
    name_variants,
    normalize_text,
    normalize_tokens,
    plain_text,
)
from relais.routing.phonetic import sound_key
from relais.routing.reference import (
    IDF_DEPARTMENTS,
    PARIS_INSEE,
    Commune,
    MissionLocale,
    ReferenceData,
    load_reference,
)

Status = Literal["found", "ambiguous", "not_found", "outside_idf"]
MAX_CANDIDATES = 8
MAX_TOKENS = 80
MAX_SOUND_TOKENS = 3
MAX_SOUND_MESSAGE = 6
MIN_FUZZY_NAME = 8  # letters and spaces of a span compared whole with the names of several words
_VOWEL = re.compile(r"[aeiouy]")

EXACT, ALIAS, PREFIX = 0, 1, 2  # match kinds, best first
STRONG, SHORT, COMMON = 0, 1, 2  # name tiers: how much context a name needs

# Most populated départements first: the likelier homonym is listed first.
_DEPARTMENT_RANK = {
    code: rank for rank, code in enumerate(("75", "93", "92", "94", "95", "91", "78", "77"))
}
_DEPARTMENT_NAMES = {
    "paris": "75",
    "seine et marne": "77",
    "yvelines": "78",
    "essonne": "91",
    "hauts de seine": "92",
    "seine saint denis": "93",
    "val de marne": "94",
    "val d oise": "95",
    "val doise": "95",
}
# The départements around Île-de-France, named after "dans l'", "en", "l'": "c dans l'oise".
_NEIGHBOUR_DEPARTMENTS = frozenset(
    {"oise", "eure", "eure et loir", "loiret", "yonne", "aube", "marne", "aisne"}
)
_BEFORE_A_DEPARTMENT = frozenset({"l", "la", "le", "en", "dans"})
_ARTICLE_BEFORE_NUMBER = frozenset({"le", "du", "dans"})
_ARTICLES = frozenset({"le", "la", "les", "l"})


@dataclass(frozen=True)
class Resolution:
    """Outcome of a resolution; see :meth:`to_dict` for the JSON shape."""

    status: Status
    commune: Commune | None
    mission_locale: MissionLocale | None
    candidates: tuple[Commune, ...]

    def to_dict(self) -> dict[str, object]:
        """JSON-ready dict (shape shared with the CLI ``relais where``)."""
        commune = self.commune
        ml = self.mission_locale
        return {
            "status": self.status,
            "commune": None if commune is None else {"insee": commune.insee, "name": commune.name},
            "mission_locale": None
            if ml is None
            else {"code": ml.code, "name": ml.name, "address": ml.address},
            "candidates": [
                {"insee": c.insee, "name": c.name, "ml_code": c.ml_code} for c in self.candidates
            ],
        }


NOT_FOUND = Resolution("not_found", None, None, ())
OUTSIDE_IDF = Resolution("outside_idf", None, None, ())


@dataclass(frozen=True)
class _Index:
    """Lookup tables built once from the reference data."""

    data: ReferenceData
    names: dict[str, dict[str, int]]
    outside: frozenset[str]
    postal: dict[str, tuple[str, ...]]
    paris: frozenset[str]
    vocabulary: tuple[str, ...]
    outside_vocabulary: tuple[str, ...]
    with_coordinates: frozenset[str]
    place_tokens: frozenset[str]
    known: frozenset[str]
    max_tokens: int
    sounds: dict[str, tuple[str, ...]]
    long_names: dict[str, tuple[str, ...]]  # word → the names of several words that hold it
    long_words: int  # most words in one of these names


def _add(names: dict[str, dict[str, int]], key: str, insee: str, kind: int) -> None:
    entry = names.setdefault(key, {})
    entry[insee] = min(kind, entry.get(insee, kind))


def _add_name(
    names: dict[str, dict[str, int]], name: str, insee: str, kind: int, prefixes: bool
) -> None:
    for variant in name_variants(normalize_text(name)):
        if not variant:
            continue
        _add(names, variant, insee, kind)
        tokens = variant.split()
        for end in range(1, len(tokens) if prefixes else 0):
            head = tokens[:end]
            if head[-1] in CONNECTORS or all(t in GENERIC or t in CONNECTORS for t in head):
                continue
            _add(names, " ".join(head), insee, PREFIX)


@cache
def _index() -> _Index:
    data = load_reference()
    names: dict[str, dict[str, int]] = {}
    paris = frozenset(code for code, c in data.communes.items() if c.department == "75")
    for insee, commune in data.communes.items():
        if insee not in paris:
            _add_name(names, commune.name, insee, EXACT, prefixes=True)
    for insee in paris:
        _add(names, "paris", insee, EXACT)
    for old_name, insee in data.former_names.items():
        _add_name(names, old_name, insee, EXACT, prefixes=True)

    postal: dict[str, list[str]] = {}
    for row in data.postal_rows:
        insee = data.successors.get(row.insee, row.insee)
        if insee not in data.communes:
            continue
        codes = postal.setdefault(row.postal_code, [])
        if insee not in codes:
            codes.append(insee)
        if insee not in paris:
            _add_name(names, row.laposte_name, insee, EXACT, prefixes=True)
            if row.locality:
                _add_name(names, row.locality, insee, ALIAS, prefixes=False)

    outside = frozenset(normalize_text(place.name) for place in data.outside_places)
    sounds: dict[str, set[str]] = {}
    for key in names:
        if _tier(key) != COMMON:
            sounds.setdefault(sound_key(key), set()).add(key)
    vocabulary = {token for key in names for token in key.split()}
    long_names = _long_names(names)
    outside_vocabulary = {token for key in outside for token in key.split()} - vocabulary
    return _Index(
        data=data,
        names=names,
        outside=outside,
        postal={code: tuple(insees) for code, insees in postal.items()},
        paris=paris,
        vocabulary=_fuzzy_targets(vocabulary),
        outside_vocabulary=_fuzzy_targets(outside_vocabulary),
        with_coordinates=frozenset(p.insee for p in data.idf_places if p.insee),
        place_tokens=frozenset(vocabulary | outside_vocabulary),
        known=frozenset(
            vocabulary | outside_vocabulary | COMMON_WORDS | FILLERS | LOCATION_CUES | AMOUNT_WORDS
        ),
        max_tokens=max(len(key.split()) for key in (*names, *outside, *_DEPARTMENT_NAMES)),
        sounds={key: tuple(sorted(found)) for key, found in sounds.items() if len(key) >= 4},
        long_names=long_names,
        long_words=max(len(key.split()) for keys in long_names.values() for key in keys),
    )


def _long_names(names: Iterable[str]) -> dict[str, tuple[str, ...]]:
    by_word: dict[str, set[str]] = {}
    for key in names:
        if len(key) >= MIN_FUZZY_NAME and " " in key:
            for word in key.split():
                if word not in CONNECTORS and word not in GENERIC and len(word) >= 3:
                    by_word.setdefault(word, set()).add(key)
    return {word: tuple(sorted(keys)) for word, keys in by_word.items()}


def _fuzzy_targets(tokens: set[str]) -> tuple[str, ...]:
    return tuple(sorted(t for t in tokens if len(t) >= 4 and t.isalpha()))


def _tier(key: str) -> int:
    tokens = key.split()
    if len(key) <= 2 or all(t in COMMON_WORDS or t in CONNECTORS for t in tokens):
        return COMMON
    if len(tokens) == 1 and len(key) <= 4:
        return SHORT
    return STRONG


@dataclass
class _Evidence:
    """What a scan of the message found."""

    matches: dict[str, int]
    postal: list[str]
    arrondissements: set[str]
    departments: set[str]
    outside: bool
    # (start, length) of each token span read as an IDF place name.
    spans: list[tuple[int, int]] = field(default_factory=list)
    # Token position of a postal code outside IDF ("st denis 97400": La Réunion, not 93).
    outside_postal_at: int | None = None

    @property
    def empty(self) -> bool:
        return not (self.matches or self.postal or self.arrondissements or self.outside)


def _ignorable(token: str) -> bool:
    return (
        token in FILLERS
        or token.isdigit()
        or token in ARRONDISSEMENT_WORDS
        or token in DEPARTMENT_WORDS
        or ORDINAL.match(token) is not None
    )


def _has_cue(tokens: list[str], start: int) -> bool:
    if start == 0:
        return False
    previous = tokens[start - 1]
    if previous in LOCATION_CUES:
        return True
    return previous in {"de", "d"} and start >= 2 and tokens[start - 2] in LOCATION_CUES | {"cote"}


# Words that may follow "le 18e" when it is where one lives ("jsuis dans le 18e mtn").
_AFTER_A_PLACE = frozenset(
    {"paris", "mtn", "maintenant", "depuis", "now", "aussi", "stp", "svp", "frr", "wesh", "mdr"}
)


def _number(tokens: list[str], i: int, evidence: _Evidence, index: _Index, whole: bool) -> None:
    """Read a postal code, an arrondissement or a département number at ``tokens[i]``."""
    token = tokens[i]
    previous = tokens[i - 1] if i else ""
    following = tokens[i + 1] if i + 1 < len(tokens) else ""
    if len(token) == 5 and token.isdigit():
        if following in AMOUNT_WORDS:
            return
        if token in index.postal:
            evidence.postal.extend(c for c in index.postal[token] if c not in evidence.postal)
        elif token[:2] in IDF_DEPARTMENTS:
            evidence.departments.add(token[:2])
        elif "01" <= token[:2] <= "98":
            evidence.outside = True
            evidence.outside_postal_at = i
        return
    ordinal = ORDINAL.match(token)
    value = (
        int(ordinal.group(1))
        if ordinal
        else int(token)
        if token.isdigit() and len(token) <= 3
        else 0
    )
    # "le 2e entretien", "ma 3e fois": an ordinal before another noun counts something else.
    counts_a_noun = (
        following.isalpha()
        and following not in ARRONDISSEMENT_WORDS
        and following not in LOCATION_CUES
        and following not in _AFTER_A_PLACE
        and not _ignorable(following)
    )
    arrondissement_context = (
        previous == "paris"
        or following in ARRONDISSEMENT_WORDS
        or (
            ordinal is not None
            and not counts_a_noun
            and (whole or previous in _ARTICLE_BEFORE_NUMBER)
        )
    )
    if 1 <= value <= 20 and arrondissement_context:
        evidence.arrondissements.add(f"751{value:02d}")
    elif ordinal is None and token in IDF_DEPARTMENTS:
        evidence.departments.add(token)
    elif (
        ordinal is None
        and len(token) in (2, 3)
        and (
            previous in DEPARTMENT_WORDS
            or (
                previous in _ARTICLE_BEFORE_NUMBER
                and value > 20
                and following not in MONTHS
                and not (i >= 2 and tokens[i - 2] in DATE_BEFORE)
            )
        )
    ):
        evidence.outside = evidence.outside or 1 <= value <= 95 or 971 <= value <= 976


def _scan(tokens: list[str], index: _Index) -> _Evidence:
    evidence = _Evidence({}, [], set(), set(), False)
    blockers = [0]
    for token in tokens:
        blockers.append(blockers[-1] + (0 if _ignorable(token) else 1))
    total = blockers[-1]
    i = 0
    while i < len(tokens):
        if tokens[i][0].isdigit():
            _number(tokens, i, evidence, index, whole=total == 0)
            i += 1
            continue
        step = _match_span(tokens, i, index, evidence, blockers, total)
        i += step or 1
    return evidence


def _match_span(
    tokens: list[str],
    i: int,
    index: _Index,
    evidence: _Evidence,
    blockers: list[int],
    total: int,
) -> int:
    """Match the longest acceptable place name starting at ``tokens[i]``; return its length."""
    if tokens[i] in _ARTICLES and _department_at(tokens, i + 1):
        return 1  # "dans le val d'oise": the département, not "Le Val-Saint-Germain"
    for length in range(min(index.max_tokens, len(tokens) - i), 0, -1):
        key = " ".join(tokens[i : i + length])
        if key in _DEPARTMENT_NAMES and key != "paris":
            evidence.departments.add(_DEPARTMENT_NAMES[key])
            return length
        if (
            key in _NEIGHBOUR_DEPARTMENTS
            and i > 0
            and tokens[i - 1] in _BEFORE_A_DEPARTMENT
            and not (key == "marne" and i > 1 and tokens[i - 2] == "et")
        ):
            evidence.outside = True
            return length
        entries = index.names.get(key)
        is_outside = key in index.outside
        if entries is None and not is_outside:
            continue
        whole = total - (blockers[i + length] - blockers[i]) == 0
        alone = whole and all(t not in FILLERS for t in tokens[:i] + tokens[i + length :])
        cue = _has_cue(tokens, i)
        tier = _tier(key)
        idf_ok = entries is not None and (
            tier == STRONG or cue or (alone if tier == COMMON else whole)
        )
        outside_ok = is_outside and (alone or (cue and tier != COMMON))
        if idf_ok and entries is not None and not (outside_ok and _outside_wins(key, entries)):
            for insee, kind in entries.items():
                evidence.matches[insee] = min(kind, evidence.matches.get(insee, kind))
            evidence.spans.append((i, length))
            return length
        if outside_ok:
            evidence.outside = True
            return length
    return 0


def _department_at(tokens: list[str], i: int) -> bool:
    """A département's name starts at ``tokens[i]``."""
    ends = range(i + 1, min(i + 5, len(tokens) + 1))
    return any(" ".join(tokens[i:end]) in _DEPARTMENT_NAMES for end in ends)


def _outside_wins(key: str, entries: dict[str, int]) -> bool:
    """A known town outside IDF beats an IDF name prefix or locality ("cannes", "bordeaux")."""
    return key in OUTSIDE_BEFORE_IDF_PREFIX and EXACT not in entries.values()


def _correctable(tokens: list[str], i: int, index: _Index) -> bool:
    """A typo is fixed only in a place-like context: after a cue, or among place words."""

    def placeish(token: str) -> bool:
        return token in index.place_tokens or _ignorable(token)

    for j in range(i - 1, max(-1, i - 5), -1):
        if tokens[j] in LOCATION_CUES:
            return True
        if tokens[j] not in index.place_tokens:
            break
    return all(placeish(t) for n, t in enumerate(tokens) if n != i)


def _correct(tokens: list[str], index: _Index) -> list[str] | None:
    """Fix typos in unknown words that are likely place names; None when nothing changed."""
    corrected = list(tokens)
    changed = False
    for i, token in enumerate(tokens):
        if len(token) < 5 or not token.isalpha() or token in index.known:
            continue
        if not _correctable(tokens, i, index):
            continue
        # A name cut short, alone in the message ("nanter", "jsuis a nanter"): the one IdF word
        # it begins, over a town outside one letter away ("nantes"). Not "un truc à vendre".
        alone = all(_ignorable(t) or t in LOCATION_CUES for n, t in enumerate(tokens) if n != i)
        cut_short = [
            w for w in index.vocabulary if w.startswith(token) and len(w) <= len(token) + 2
        ]
        if alone and len(cut_short) == 1:
            corrected[i] = cut_short[0]
            changed = True
            continue
        cutoff = 1 if len(token) < 8 else 2
        for vocabulary in (index.vocabulary, index.outside_vocabulary):
            hits = process.extract(
                token, vocabulary, scorer=Levenshtein.distance, score_cutoff=cutoff, limit=2
            )
            if hits:
                if len(hits) == 1 or hits[0][1] < hits[1][1]:
                    corrected[i] = hits[0][0]
                    changed = True
                break
    return corrected if changed else None


def _sounds_like(tokens: list[str], index: _Index) -> _Evidence | None:
    """Last resort: unknown words that sound like a place ("sarsel", "jabite a sin deni").

    Sound keys are coarse, so only in a short message, for a span of five letters or more
    with an unknown word, that is the whole answer or follows a location cue ("à", "vers"…).
    """
    if len(tokens) > MAX_SOUND_MESSAGE:
        return None
    for i in range(len(tokens)):
        for length in range(min(MAX_SOUND_TOKENS, len(tokens) - i), 0, -1):
            span = tokens[i : i + length]
            unknown = [t for t in span if t not in index.known and t.isalpha()]
            # Enough letters to be a name, and words, not "mmh" or "pff".
            if not unknown or sum(map(len, span)) < 5 or not all(map(_VOWEL.search, unknown)):
                continue
            names = index.sounds.get(sound_key(" ".join(span)))
            if names is None:
                continue
            rest = tokens[:i] + tokens[i + length :]
            alone = all(_ignorable(t) or t in LOCATION_CUES for t in rest)
            if not (alone or _has_cue(tokens, i)):
                continue
            evidence = _Evidence({}, [], set(), set(), False, [(i, length)])
            for name in names:
                for insee, kind in index.names[name].items():
                    evidence.matches[insee] = min(kind, evidence.matches.get(insee, kind))
            return evidence
    return None


def _constrain(current: dict[str, int], constraint: Iterable[str]) -> dict[str, int]:
    allowed = set(constraint)
    if not allowed:
        return current
    both = {insee: kind for insee, kind in current.items() if insee in allowed}
    if both:
        return both
    merged = dict(current)
    for insee in allowed:
        merged.setdefault(insee, EXACT)
    return merged


def _resolution(ranked: dict[str, int], index: _Index) -> Resolution:
    """Turn candidate communes (INSEE → match kind) into a Resolution, likeliest first."""
    data = index.data
    communes = [data.communes[insee] for insee in ranked]
    # Communes listed in GeoNames cities1000 have at least 1,000 inhabitants: likelier.
    communes.sort(
        key=lambda c: (
            ranked[c.insee],
            c.insee not in index.with_coordinates,
            _DEPARTMENT_RANK.get(c.department, 99),
            len(c.name),
            c.insee,
        )
    )
    # "montereau", "cormeilles": the first word of a town's name and of a village's, of two
    # Missions Locales: asked, the town first (round 10: the village's young people write
    # "cormeilles" too, and a wrong Mission Locale costs more than a tap).
    ml_codes = {c.ml_code for c in communes}
    if len(communes) == 1:
        commune = communes[0]
        return Resolution("found", commune, data.missions.get(commune.ml_code), ())
    if len(ml_codes) == 1:
        ml = data.missions.get(communes[0].ml_code)
        return Resolution("found", None, ml, tuple(communes[:MAX_CANDIDATES]))
    # Ambiguous: the best commune of each ML first, so that every option can be offered.
    chosen: list[Commune] = []
    seen: set[str] = set()
    for commune in communes:
        if commune.ml_code not in seen:
            seen.add(commune.ml_code)
            chosen.append(commune)
    chosen = chosen[:MAX_CANDIDATES]
    for commune in communes:
        if len(chosen) >= MAX_CANDIDATES:
            break
        if commune not in chosen:
            chosen.append(commune)
    chosen.sort(key=communes.index)
    return Resolution("ambiguous", None, None, tuple(chosen))


def _named_with_outside_postal(evidence: _Evidence) -> bool:
    """A place name right before or after a postal code outside IDF, and no IDF code."""
    at = evidence.outside_postal_at
    if at is None or evidence.postal or evidence.departments:
        return False
    return any(start + length in (at, at - 1) or start in (at + 1, at + 2)
               for start, length in evidence.spans)  # fmt: skip


def _decide(evidence: _Evidence, index: _Index) -> Resolution:
    if _named_with_outside_postal(evidence):
        return OUTSIDE_IDF  # a name shared with the town of that postal code is that town
    found = dict(evidence.matches)
    found = _constrain(found, evidence.arrondissements)
    found = _constrain(found, evidence.postal)
    if evidence.departments:
        in_departments = {
            insee: kind
            for insee, kind in found.items()
            if index.data.communes[insee].department in evidence.departments
        }
        if in_departments or not found:
            found = in_departments
        if not found:
            area = [c for c in index.data.communes.values() if c.department in evidence.departments]
            if area and len({c.ml_code for c in area}) == 1:
                found = {c.insee: EXACT for c in area}
    if found:
        best = min(found.values())
        # "evry", "bruyeres": a locality of one commune is no surer than the first word of
        # another's name ("Évry-…: ask which one, never guess"); the locality comes first.
        kept = (best, PREFIX) if best == ALIAS else (best,)
        found = {insee: kind for insee, kind in found.items() if kind in kept}
        return _resolution(found, index)
    return OUTSIDE_IDF if evidence.outside else NOT_FOUND


def _fuzzy_span(tokens: list[str], index: _Index, alone: bool) -> str | None:
    """The one name of several words ``tokens`` are a typo or two away from, word for word.

    Each changed word has five letters or more and one letter off (two from eight letters), as
    in :func:`_correct`; and one distinctive word of the name must be there as typed: "maison
    alfort" is Maisons-Alfort, but "la ferme" is not La Ferté, nor "live saint denis"
    L'Île-Saint-Denis. In a message that is nothing but the name, any kept word but a linking
    one will do ("bois colombe").
    """
    text = " ".join(tokens)
    if len(text) < MIN_FUZZY_NAME:
        return None
    # Only the names holding a word of the span as typed: one must be kept (below).
    names = sorted(
        {
            name
            for token in tokens
            if alone or token not in COMMON_WORDS
            for name in index.long_names.get(token, ())
        }
    )
    if not names:
        return None
    hits = process.extract(text, names, scorer=Levenshtein.distance, score_cutoff=2, limit=5)
    fits = [
        (distance, name)
        for name, distance, _ in hits
        if distance and (distance == 1 or len(text) >= 15) and _word_for_word(tokens, name, alone)
    ]
    if not fits:
        return None
    best = [name for distance, name in fits if distance == min(fits)[0]]
    if any(index.names[name].keys() != index.names[best[0]].keys() for name in best):
        return None
    return best[0]


def _word_for_word(tokens: list[str], name: str, alone: bool) -> bool:
    words = name.split()
    if len(words) != len(tokens):
        return False
    kept = False
    for typed, word in zip(tokens, words, strict=True):
        if typed == word:
            ordinary = word in COMMON_WORDS and not alone
            kept = kept or not (ordinary or word in CONNECTORS or word in GENERIC or len(word) < 3)
        elif (
            len(typed) < 5
            or typed in FILLERS
            or typed in LOCATION_CUES
            or Levenshtein.distance(typed, word) > (1 if len(typed) < 8 else 2)
        ):
            return False
    return kept


def _whole_name(tokens: list[str], index: _Index, evidence: _Evidence) -> _Evidence | None:
    """A name of several words typed with a typo, read whole ("villers le bel", "maison alfort").

    It beats an exact match of part of it ("villers", "gonesse"), but never a name of as many
    words or more, and needs a place-like context: a place found there, a location cue before
    it, or nothing else in the message.
    """
    best = min(evidence.matches.values(), default=None)
    # Words that are neither ignorable nor cues, counted: a span holding them all is alone.
    said = [0]
    for token in tokens:
        said.append(said[-1] + (0 if _ignorable(token) or token in LOCATION_CUES else 1))
    named = [n for n, token in enumerate(tokens) if token in index.long_names]
    for i, first in enumerate(tokens):
        if first in LOCATION_CUES or (_ignorable(first) and first not in _ARTICLES):
            continue
        longest = min(index.long_words, len(tokens) - i)
        if not any(i <= n < i + longest for n in named):
            continue
        for length in range(longest, 1, -1):
            span = tokens[i : i + length]
            if (
                _ignorable(span[-1])
                or span[-1] in LOCATION_CUES
                or any(t[0].isdigit() for t in span)
                or not any(i <= n < i + length for n in named)
            ):
                continue
            inside = [(s, n) for s, n in evidence.spans if s < i + length and i < s + n]
            if any(s < i or s + n > i + length or n >= length for s, n in inside):
                continue
            alone = said[i + length] - said[i] == said[-1]
            if not (inside or _has_cue(tokens, i) or alone):
                continue
            if not inside and best is not None and best != PREFIX:
                continue
            name = _fuzzy_span(span, index, alone)
            if name is None:
                continue
            words = name.split()
            fixed = _scan(tokens[:i] + words + tokens[i + length :], index)
            if (i, len(words)) in fixed.spans and (
                best is None or min(fixed.matches.values()) <= best
            ):
                return fixed
    return None


def _extends(new: _Evidence, old: _Evidence) -> bool:
    """``new`` reads a longer name around every name of ``old``, as well matched.

    "garge les gonesse": the exact "gonesse" is only part of the corrected "garges les gonesse".
    """
    if not old.spans or min(new.matches.values(), default=None) != min(old.matches.values()):
        return False
    longer = False
    for start, length in old.spans:
        around = [(s, n) for s, n in new.spans if s <= start and start + length <= s + n]
        if not around:
            return False
        longer = longer or any(n > length for _, n in around)
    return longer


# "c garges pas cergy", "non pas poissy": the place after "pas" is the one it is not.
_NOT_THERE = re.compile(
    r"\b(?:pas|non pas|et pas|mais pas)\s+(?:a |à |au |de |sur |en )?[^,.;!?]+$"
)
# "ah non pas longjumeau, morsang sur orge": each place said after "pas", wherever it is.
_NOT_PLACE = re.compile(
    r"\b(?:pas|non pas|et pas|mais pas)\s+(?:a |à |au |de |sur |en )?"
    r"([^,.;!?]+?)(?=\s+(?:mais|c'est|c est|c)\b|[,.;!?]|$)"
)
# "j'ai déménagé à Rambouillet, j'étais suivie à Versailles": the place right after the move.
_MOVED_TO = re.compile(
    r"\b(?:demenag\w*|emmenag\w*|install\w*|bouge\w*)\s+(?:a|au|aux|sur|dans|en|vers|chez \w+ a)\s+"
    r"([^,.;!?]+)"
)


def resolve(text: str) -> Resolution:
    """Resolve free text (a place, a postal code or a whole chat message).

    Where a message names a place it is not ("c garges pas cergy") or a move among several
    places ("déménagé à Rambouillet, suivie à Versailles"), the place meant wins.
    """
    resolution = _read_place(text)
    if resolution.status not in ("found", "ambiguous"):
        return resolution
    plain = plain_text(text)
    cut = _NOT_THERE.search(plain)
    if cut is not None and cut.start() > 0:
        kept = _read_place(plain[: cut.start()])
        if kept.status in ("found", "ambiguous"):
            return kept
    if resolution.status == "ambiguous" and (moved := _MOVED_TO.search(plain)) is not None:
        there = _read_place(moved.group(1))
        if there.status == "found":
            return there
    if resolution.status == "ambiguous":
        return _without_places_denied(resolution, plain)
    return resolution


def _without_places_denied(resolution: Resolution, plain: str) -> Resolution:
    """The candidates left once the places said after "pas" are set aside, if they are sure."""
    denied: set[str] = set()
    for said in _NOT_PLACE.finditer(plain):
        place = _read_place(said.group(1))
        denied.update(c.insee for c in place.candidates)
        if place.commune is not None:
            denied.add(place.commune.insee)
    left = [c for c in resolution.candidates if c.insee not in denied]
    if not denied or not left or len(left) == len(resolution.candidates):
        return resolution
    return _resolution(dict.fromkeys((c.insee for c in left), EXACT), _index())


def _read_place(text: str) -> Resolution:
    """The places ``text`` names, read whole."""
    index = _index()
    tokens = join_split_postal_codes(normalize_tokens(text)[:MAX_TOKENS], index.postal)
    if not tokens:
        return NOT_FOUND
    evidence = _scan(tokens, index)
    if evidence.outside:
        return _decide(evidence, index)
    read = tokens
    if min(evidence.matches.values(), default=PREFIX) != EXACT:
        corrected = _correct(tokens, index)
        if corrected is not None:
            fixed = _scan(corrected, index)
            if min(fixed.matches.values(), default=PREFIX + 1) < min(
                evidence.matches.values(), default=PREFIX + 1
            ) or (evidence.empty and not fixed.empty):
                evidence, read = fixed, corrected
    # A typo or a sound fix also runs after an exact match: the exact "gonesse" may be only
    # part of the name meant ("garge les gonesse"), which the fixed reading must cover whole.
    whole = _whole_name(read, index, evidence)
    if whole is not None:
        return _decide(whole, index)
    best = min(evidence.matches.values(), default=None)
    weak = evidence.empty or best == PREFIX
    if not evidence.outside and (weak or evidence.spans):
        sounded = _sounds_like(tokens, index)
        if sounded is not None and (
            (weak and (best is None or min(sounded.matches.values()) < best))
            or _extends(sounded, evidence)
        ):
            evidence = sounded
    return _decide(evidence, index)


def commune_by_insee(insee: str) -> Commune | None:
    """The commune with this INSEE code (a merged commune's code gives its successor)."""
    data = load_reference()
    code = insee.strip()
    return data.communes.get(data.successors.get(code, code))


def mission_locale_for(insee: str) -> MissionLocale | None:
    """The Mission Locale covering the commune with this INSEE code."""
    commune = commune_by_insee(insee)
    return None if commune is None else load_reference().missions.get(commune.ml_code)


def resolution_for_insee(insee: str) -> Resolution:
    """A Resolution for a known INSEE code (Paris 75056 stands for all its arrondissements)."""
    index = _index()
    if insee == PARIS_INSEE:
        return _resolution(dict.fromkeys(index.paris, EXACT), index)
    commune = commune_by_insee(insee)
    if commune is None:
        return NOT_FOUND
    return _resolution({commune.insee: EXACT}, index)
