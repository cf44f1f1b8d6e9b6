"""Where a message says the young person lives: somewhere new ("g déménagé, jsuis aux mureaux
mtn"), or not at all when the place named is where they come from ("arrivé d'algérie")."""

from __future__ import annotations

import re

from relais.routing import Resolution, resolve
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


# "c garges pas cergy", "non pas poissy": the place after "pas" is the one it is not.
_NOT_THERE = re.compile(
    r"\b(?:pas|non pas|et pas|mais pas)\s+(?:a |à |au |de |sur |en )?[^,.;!?]+$"
)
# "j'ai déménagé à Rambouillet, j'étais suivie à Versailles": the place right after the move.
_MOVED_TO = re.compile(
    r"\b(?:demenag\w*|emmenag\w*|install\w*|bouge\w*)\s+(?:a|au|aux|sur|dans|en|vers|chez \w+ a)\s+"
    r"([^,.;!?]+)"
)


def resolve_said(text: str) -> Resolution:
    """Where ``text`` says the young person lives: the resolver on the whole message, unless
    it names a place it is not ("c garges pas cergy") or a move among several places."""
    resolution = resolve(text)
    plain = plain_text(text)
    if resolution.status in ("found", "ambiguous"):
        cut = _NOT_THERE.search(plain)
        if cut is not None and cut.start() > 0:
            kept = resolve(plain[: cut.start()])
            if kept.status in ("found", "ambiguous"):
                return kept
    if resolution.status == "ambiguous" and (moved := _MOVED_TO.search(plain)) is not None:
        there = resolve(moved.group(1))
        if there.status == "found":
            return there
    return resolution
