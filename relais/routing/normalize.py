"""Text normalization shared by the routing index and the chat messages."""

from __future__ import annotations

import re
import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "Œ": "oe", "Æ": "ae", "ß": "ss"})
_SUR_ABBREV = re.compile(r"\bs\s*/\s*")
_LETTER_DIGIT = re.compile(r"(?<=[a-z])(?=\d)")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_TOKEN_EXPANSIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}


def strip_accents(text: str) -> str:
    """Remove diacritics (é → e, ç → c) and expand ligatures (œ → oe)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def normalize_tokens(text: str) -> list[str]:
    """Normalize ``text`` (see :func:`normalize_text`) and split it into tokens."""
    lowered = strip_accents(text.lower())
    lowered = _SUR_ABBREV.sub(" sur ", lowered)
    lowered = _LETTER_DIGIT.sub(" ", lowered)
    tokens = _NON_ALNUM.sub(" ", lowered).split()
    return [_TOKEN_EXPANSIONS.get(token, token) for token in tokens]


def normalize_text(text: str) -> str:
    """Lowercase, strip accents, expand st/ste and s/, turn punctuation into single spaces.

    >>> normalize_text("  ST-Ouen-l'Aumône ")
    'saint ouen l aumone'
    >>> normalize_text("La Ferté s/ Jouarre")
    'la ferte sur jouarre'
    """
    return " ".join(normalize_tokens(text))


_ARTICLES = frozenset({"le", "la", "les", "l"})
_ELIDED = re.compile(r"\b([ld]) (?=\w)")


def name_variants(key: str) -> set[str]:
    """A normalized place name, without its leading article, and with l'/d' glued ("laumone")."""
    tokens = key.split()
    variants = {key}
    if len(tokens) > 1 and tokens[0] in _ARTICLES:
        variants.add(" ".join(tokens[1:]))
    return variants | {_ELIDED.sub(r"\1", variant) for variant in variants}


def clean_spaces(text: str) -> str:
    """Strip and collapse runs of whitespace (for display of source addresses)."""
    return " ".join(text.split())


# La Poste / UNML street-type abbreviations, written out for young people reading an address.
_STREET_TYPES = {
    "r": "rue", "av": "avenue", "bd": "boulevard", "pl": "place", "rte": "route",
    "che": "chemin", "chem": "chemin", "imp": "impasse", "all": "allée", "esp": "esplanade",
    "sq": "square", "crs": "cours", "pass": "passage", "qu": "quai", "prom": "promenade",
}  # fmt: skip


def readable_street(street: str) -> str:
    """'4 r notre dame' → '4 rue Notre Dame': expand the street type, capitalise the name."""
    words = clean_spaces(street).split(" ")
    out: list[str] = []
    expanded = False
    for word in words:
        lower = word.lower()
        if not expanded and lower in _STREET_TYPES:
            out.append(_STREET_TYPES[lower])
            expanded = True
        elif not expanded and lower in _STREET_TYPES.values():
            out.append(lower)
            expanded = True
        elif (
            expanded
            and word.islower()
            and lower not in ("de", "du", "des", "la", "le", "les", "d", "l")
        ):
            out.append(word.capitalize())
        else:
            out.append(word)
    return " ".join(out)
