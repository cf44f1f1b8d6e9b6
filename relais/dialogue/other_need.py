"""A second need in the same message ("g trouvé un taf mais faut que jtrouve un appart a massy").

The NLU gives one intent per message. When its ranking also places another need close enough,
and the message names that need in words, the answer offers it as a button: one tap, no retyping.
When the message says the first need is already solved ("g trouvé un taf mais…"), the other one
is what the young person asks now, and it is answered first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from relais.routing.normalize import strip_accents

# The NLU's share for the other need. Its probabilities are peaked (a need named plainly after
# "t'es un robot ?" gets 0.001): being ranked at all is the check, the words decide.
MIN_CONFIDENCE = 0.0005

# Words that name a need without doubt, on lowercased, unaccented text.
NEED_CUES: dict[str, re.Pattern[str]] = {
    need: re.compile(rf"\b(?:{pattern})\b")
    for need, pattern in {
        "job": r"taff?s?|boulots?|jobs?|emplois?|travail(?:ler)?|bosser|interim|cdi|cdd|embauche"
        r"|work",
        "apprenticeship": r"alternance|apprenti(?:e|ssage)?|cfa|contrat pro|apprenticeship",
        "training": r"formations?|diplomes?|bts|reprendre (?:les|mes) etudes|greta|afpa|training",
        "orientation": r"orientation|reorient\w*|(?:sais|sait|sai|jsp|jsais) (?:pas |plus )?"
        r"(?:du tout |trop )?quoi faire|quel metier",
        "money": r"thune|argent|tunes?|moula|allocations?|des aides|aides? financieres?|cej|rsa"
        r"|faj|contrat d'engagement jeune|money",
        "housing": r"logements?|apparts?|appartement|studio|loyer|caution|foyer|fjt|hebergement"
        r"|flat|apartment|housing",
        "mobility": r"permis|auto-?ecole|navigo|transports?|voiture|scooter",
        "health": r"medecin|docteur|mutuelle|dentiste|psy|sante|malade|lunettes|doctor",
        "cv": r"cv|lettre de motiv\w*|entretien d'embauche",
        "admin": r"papiers|titre de sejour|carte d'identite|passeport|carte vitale|impots|papers"
        r"|visa|residence permit",
        "appointment": r"rdv|rendez-vous|rendez vous|appointment",
    }.items()
}

# "g trouvé un taf", "j'ai déjà un appart", "c bon pour le permis": that need is settled.
_SOLVED = re.compile(
    r"\b(?:g|j'ai|jai|j ai)\s+(?:deja\s+|enfin\s+)?(?:trouve|eu|obtenu|decroche|signe)\b"
    r"|\bdeja\b|\bc(?:'est)?\s+bon\s+pour\b|\bc'est regle\b|\bca c'est bon\b"
)
_BUT = re.compile(r"\b(?:mais|par contre|sauf que|en revanche)\b")


def _plain(text: str) -> str:
    return strip_accents(text.casefold().replace("’", "'"))


def named_needs(text: str) -> set[str]:
    """The needs the message names in words."""
    plain = _plain(text)
    return {need for need, cue in NEED_CUES.items() if cue.search(plain)}


def _solved(text: str, need: str) -> bool:
    """The message says ``need`` is settled, before a "mais" that brings another ask."""
    plain = _plain(text)
    parts = _BUT.split(plain, maxsplit=1)
    if len(parts) < 2:
        return False
    before, after = parts
    cue = NEED_CUES.get(need)
    return bool(cue and cue.search(before) and not cue.search(after) and _SOLVED.search(before))


def need_also_asked(
    text: str, ranking: Iterable[tuple[str, float]], besides: str | None = None
) -> str | None:
    """The best-ranked need (other than ``besides``) that the message also names in words."""
    named = named_needs(text)
    return next(
        (
            need
            for need, confidence in ranking
            if need != besides and need in named and confidence >= MIN_CONFIDENCE
        ),
        None,
    )


def main_and_other(
    text: str, main: str, ranking: Iterable[tuple[str, float]]
) -> tuple[str, str | None]:
    """The need to answer first and another need the message asks about (or None).

    ``ranking``: the NLU's (need, confidence) pairs, best first, ``main`` among them or not.
    """
    other = need_also_asked(text, ranking, besides=main)
    if other is None:
        return main, None
    if _solved(text, main):
        return other, None
    return main, other
