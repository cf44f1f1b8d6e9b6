"""Is a message nothing but a place? A commune name, a postal code or "paris 18", with fillers.

A young person asked where they live often answers with the name alone ("coulommiers",
"77120"). The intent classifier has little to go on in one unknown word and spreads its
probability; on the 1,257 commune names outside Paris it put 11 on ``distress``, 277 on the
fallback and 64 on ``out_of_scope`` (nlu/PIPELINES.md, round 6). The NLU component
``nlu.components.place_guard.PlaceGuard`` uses :func:`is_place_only` to read such a message as
``inform_location``. Only exact names count (no typo correction, which would turn ordinary
words into places); the resolver still does the fuzzy matching afterwards.

Standard library and the light modules of this package only: it runs in the Rasa environment.
"""

from __future__ import annotations

from functools import cache

from relais.routing.lexicon import (
    ARRONDISSEMENT_WORDS,
    COMMON_WORDS,
    CONNECTORS,
    FILLERS,
    GENERIC,
    ORDINAL,
)
from relais.routing.normalize import (
    join_split_postal_codes,
    name_variants,
    normalize_text,
    normalize_tokens,
)
from relais.routing.reference import load_reference

_MAX_TOKENS = 12
# Fillers that may surround the place: "j'habite à", "ma ville c'est", "vers", "svp"... but not
# "oui", "ok", "merci" alone, which are answers of their own and are never the whole place.
_FILLERS = FILLERS | {"pres", "de", "du", "d", "dans", "en", "region", "cote", "coin"}


def _distinctive(key: str) -> bool:
    """A name that is no ordinary word: one uncommon word ("vert", "us" are common) or more."""
    words = [t for t in key.split() if t not in CONNECTORS]
    if len(words) == 1:
        return len(key) > 2 and words[0] not in COMMON_WORDS and words[0] not in GENERIC
    return len(words) > 1 and not all(t in GENERIC for t in words)


def _heads(key: str) -> set[str]:
    """The name and its beginnings that do not end on a linking word ("pierrefitte")."""
    tokens = key.split()
    heads = {" ".join(tokens[:end]) for end in range(1, len(tokens))}
    # A one-word beginning of three letters ("ris", "pre") is too often something else.
    return {key} | {h for h in heads if h.split()[-1] not in CONNECTORS and len(h) > 3}


@cache
def place_names() -> frozenset[str]:
    """Normalized names of every Île-de-France commune (current, La Poste and former names).

    Also the La Poste localities (line 5), such as the former communes "Courcouronnes" and
    "Fourqueux", but whole only: like the resolver, which does not read their beginnings.
    """
    data = load_reference()
    raw = [commune.name for commune in data.communes.values() if commune.department != "75"]
    raw += [row.laposte_name for row in data.postal_rows if not row.insee.startswith("75")]
    raw += list(data.former_names)
    names = {
        head
        for name in raw
        for variant in name_variants(normalize_text(name))
        for head in _heads(variant)
        if _distinctive(head)
    }
    localities = {row.locality for row in data.postal_rows if not row.insee.startswith("75")}
    names |= {
        variant
        for name in localities
        if name
        for variant in name_variants(normalize_text(name))
        if _distinctive(variant)
    }
    return frozenset(names | {"paris"})


@cache
def postal_codes() -> frozenset[str]:
    """Every Île-de-France postal code of the La Poste file."""
    return frozenset(row.postal_code for row in load_reference().postal_rows)


def _is_paris_arrondissement(tokens: list[str]) -> bool:
    rest = [t for t in tokens[1:] if t not in ARRONDISSEMENT_WORDS]
    if tokens[0] != "paris" or len(rest) != 1:
        return False
    ordinal = ORDINAL.match(rest[0])
    number = ordinal.group(1) if ordinal else rest[0]
    return number.isdigit() and 1 <= int(number) <= 20


def is_place_only(text: str) -> bool:
    """True when ``text`` names one Île-de-France place and says nothing else.

    >>> is_place_only("coulommiers"), is_place_only("jhabite a st ouen"), is_place_only("77 120")
    (True, True, True)
    >>> is_place_only("je cherche du taf a meaux"), is_place_only("oui"), is_place_only("vert")
    (False, False, False)
    """
    tokens = join_split_postal_codes(normalize_tokens(text), postal_codes())
    codes = [t for t in tokens if len(t) == 5 and t.isdigit()]
    if len(codes) > 1 or any(code not in postal_codes() for code in codes):
        return False
    tokens = [t for t in tokens if t not in codes]
    if all(t in _FILLERS for t in tokens):
        return bool(codes)
    if len(tokens) > _MAX_TOKENS:
        return False
    # The place is the middle of the message; everything before and after it must be fillers
    # (a name may itself end on a filler: "Combs-la-Ville").
    for start in range(len(tokens)):
        if start and tokens[start - 1] not in _FILLERS:
            break
        for end in range(len(tokens), start, -1):
            if end < len(tokens) and tokens[end] not in _FILLERS:
                break
            middle = tokens[start:end]
            if _is_paris_arrondissement(middle) or " ".join(middle) in place_names():
                return True
    return False
