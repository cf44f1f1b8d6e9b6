"""Where a message says the young person lives: somewhere new ("g déménagé, jsuis aux mureaux
mtn"), or not at all when the place named is where they come from ("arrivé d'algérie")."""

from __future__ import annotations

import re

from relais.routing.normalize import plain_text

_MOVED = re.compile(
    r"\b(?:demenag\w*|emmenag\w*|(?:je |j |g |jvais |je vais |vais )?(?:bouge|bouger) chez|"
    r"j?(?:pars|partir|vais|va|aller) (?:vivre|habiter|m installer|m'installer|emmenager)|"
    r"(?:vis|habite|loge|suis heberge\w*|reste) (?:maintenant|mtn|desormais|now)|"
    r"(?:installe|installee|installes) (?:a|au|aux|en|dans|chez|sur)|"
    r"(?:suis|jsuis|habite|vis|loge)\b.{0,40}\b(?:maintenant|mtn|desormais))\b"
)


_LIVES = re.compile(
    r"\b(?:j'habite|j habite|jhabite|je vis|jvis|je loge|jloge|je suis|jsuis|chui|je reside) "
    r"(?:a|au|aux|sur|dans)\b"
)


def says_moved(text: str) -> bool:
    """The message says the young person lives (or is about to live) somewhere new."""
    return _MOVED.search(plain_text(text)) is not None


def says_lives_now(text: str) -> bool:
    """A move, or where the young person is now said plainly ("jsuis a massy")."""
    plain = plain_text(text)
    return _MOVED.search(plain) is not None or _LIVES.search(plain) is not None


_ORIGIN = re.compile(
    r"\b(?:arrive|arrivee|arrives|venu|venue|viens|vient|originaire|ne|nee|rentre|rentree|"
    r"debarque|debarquee|arrived|came|come) (?:d|de|du|des|en|au|a|from)\b"
)


def speaks_of_origin(text: str) -> bool:
    """The message names where the young person comes from ("je suis arrivé d'algérie")."""
    return _ORIGIN.search(plain_text(text).replace("'", " ")) is not None
