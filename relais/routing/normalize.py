"""Text normalization shared by the routing index and the chat messages."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "Œ": "oe", "Æ": "ae", "ß": "ss"})
_SUR_ABBREV = re.compile(r"\bs\s*/\s*")
_LETTER_DIGIT = re.compile(r"(?<=[a-z])(?=\d)")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Abbreviations of place names, expanded only as whole tokens ("ss" alone, not "ss" in "assa").
_TOKEN_EXPANSIONS = {
    "st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes",
    "ss": "sous", "gd": "grand", "grd": "grand", "gde": "grande", "grde": "grande",
}  # fmt: skip


def strip_accents(text: str) -> str:
    """Remove diacritics (é → e, ç → c) and expand ligatures (œ → oe)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def plain_text(text: str) -> str:
    """Casefolded, without accents, with typographic apostrophes made straight; spacing kept.

    >>> plain_text("J’ai DÉménagé")
    "j'ai demenage"
    """
    return strip_accents(text.casefold().replace("’", "'"))


def normalize_tokens(text: str) -> list[str]:
    """Normalize ``text`` (see :func:`normalize_text`) and split it into tokens."""
    lowered = strip_accents(text.lower())
    lowered = _SUR_ABBREV.sub(" sur ", lowered)
    lowered = _LETTER_DIGIT.sub(" ", lowered)
    tokens = _NON_ALNUM.sub(" ", lowered).split()
    return [_TOKEN_EXPANSIONS.get(token, token) for token in tokens]


def normalize_text(text: str) -> str:
    """Lowercase, strip accents, expand st/ste/ss/gd and s/, turn punctuation into single spaces.

    >>> normalize_text("  ST-Ouen-l'Aumône ")
    'saint ouen l aumone'
    >>> normalize_text("La Ferté s/ Jouarre")
    'la ferte sur jouarre'
    >>> normalize_text("Aulnay ss Bois, Noisy-le-Gd")
    'aulnay sous bois noisy le grand'
    """
    return " ".join(normalize_tokens(text))


def join_split_postal_codes(tokens: list[str], codes: Container[str]) -> list[str]:
    """Glue a postal code typed in two parts ("95 200", "95.200") when it is one of ``codes``.

    Only two digits followed by three, not inside a longer run of numbers (a phone number):

    >>> join_split_postal_codes(["a", "95", "200"], {"95200"})
    ['a', '95200']
    >>> join_split_postal_codes(["le", "95", "vers", "200"], {"95200"})
    ['le', '95', 'vers', '200']
    """
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if (
            len(token) == 2
            and token.isdigit()
            and i + 1 < len(tokens)
            and len(tokens[i + 1]) == 3
            and tokens[i + 1].isdigit()
            and token + tokens[i + 1] in codes
            and not (i and tokens[i - 1].isdigit())
            and not (i + 2 < len(tokens) and tokens[i + 2].isdigit())
        ):
            out.append(token + tokens[i + 1])
            i += 2
            continue
        out.append(token)
        i += 1
    return out


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
