"""A second need in the same message ("g trouvé un taf mais faut que jtrouve un appart a massy").

The NLU gives one intent per message. When its ranking also places another need close enough,
and the message names that need in words, the answer offers it as a button: one tap, no retyping.
When the message says the first need is already solved ("g trouvé un taf mais…"), the other one
is what the young person asks now, and it is answered first. So is a need the message names when
the NLU's choice is one it does not name ("c quoi le cej ?"), one it puts first ("d'abord",
"et après", what cannot wait), and the ask rather than its goal ("une formation pour travailler").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from relais.routing.normalize import plain_text

# The NLU's share for the other need. Its probabilities are peaked (a need named plainly after
# "t'es un robot ?" gets 0.001): being ranked at all is the check, the words decide.
MIN_CONFIDENCE = 0.0005

# Words that name a need without doubt, on lowercased, unaccented text.
NEED_CUES: dict[str, re.Pattern[str]] = {
    need: re.compile(rf"\b(?:{pattern})\b")
    for need, pattern in {
        # "pôle emploi", "France Travail": the agency, not a job asked for.
        "job": r"taff?s?|boulots?|jobs?|(?<!pole )emplois?|(?<!france )travail(?:ler)?|bosser"
        r"|interim|cdi|cdd|embauche|work",
        "apprenticeship": r"alternance|apprenti(?:e|ssage)?|cfa|contrat pro|apprenticeship",
        "training": r"formations?|diplomes?|bts|caces|reprendre (?:les|mes) etudes|greta|afpa"
        r"|training|apprendre (?:mieux |bien )?(?:le )?francais|cours de francais|formacao"
        r"|formacion",
        "orientation": r"orientation|reorient\w*|reconver\w*|changer de (?:metier|voie|branche)"
        r"|(?:sais|sait|sai|jsais|jsp) (?:pas |plus )?(?:du tout |trop )?(?:quoi|koi|kwa) faire"
        r"|quel metier|trouver (?:sa|ma|une|leur|son) voie"
        # "jveux arreter le lycee" (round 12): what next is the ask.
        r"|(?:veux|veut|voudrais|voudrait|jveux|j'veux|jvoudrais|envie d'?|pense a|compte)\s*"
        r"(?:arreter|quitter|lacher) (?:le lycee|l'ecole|l ecole|les cours|le bahut|la fac"
        r"|mes etudes|ses etudes)",
        "money": r"thune|argent|tunes?|moula|allocations?|des aides|aides? financieres?|cej|rsa"
        r"|faj|contrat d'engagement jeune|(?:contrat )?engagement jeunes?|garantie jeunes?|money"
        r"|plus (?:un|1) (?:euro|centime|rond)"
        r"|frigo (?:est )?vide|rien a manger",
        "housing": r"logements?|apparts?|appartement|studio|loyer|caution|foyer|fjt|hebergement"
        r"|flat|apartment|housing|visale|garant"
        r"|(?:ou|où) (?:je vais |j'vais |jvais |aller )?(?:habiter|me loger)|(?:se|me|te) loger",
        # A bus named is often only where one is ("jsuis dans le bus"); none is a need.
        "mobility": r"permis|auto-?ecole|navigo|transports?|voiture|scooter"
        r"|(?:aucun|pas de|plus de|sans|zero) bus|heures? de conduite|code de la route",
        "health": r"medecin|docteur|mutuelle|dentiste|psy|psychologue|psychiatre|sante|malade"
        r"|lunettes|doctor",
        # "slt cv ?" is "salut, ça va ?" (round 12).
        "cv": r"(?<!slt )(?<!salut )(?<!cc )(?<!coucou )(?<!wesh )(?<!wsh )(?<!yo )(?<!bjr )"
        r"(?<!bonjour )(?<!hello )(?<!hey )(?<!re )cv(?! (?:et toi|ou quoi|bien ou))"
        r"|lettre de motiv\w*|entretien d'embauche",
        "admin": r"papiers?|recepisse|titre de sejour|carte d'identite|passeport|carte vitale"
        r"|impots|papers|visa|residence permit",
        "appointment": r"rdv|rendez-vous|rendez vous|appointment",
        "mission_locale": r"(?:c'est|c|cest|c est) (?:quoi|koi) (?:la|une|les) missions? locales?"
        r"|missions? locales?,? (?:c'est|c|cest|c est) (?:quoi|koi)"
        r"|what is (?:the|a) mission locale"
        # "c ou exactement la mission locale ?": where it is (round 12).
        r"|(?:c'est|c|cest|c est|elle est) ou(?: exactement)? (?:la|ma) (?:missions? locales?|ml"
        r"|mission loc|miss loc)|(?:la|ma) (?:missions? locales?|mission loc|miss loc),? "
        r"(?:c'est|c|cest|c est|elle est|est) ou"
        r"|(?:adresse|horaires) de (?:la|ma) missions? locales?",
    }.items()
}

# "g trouvé un taf", "j'ai déjà un appart", "c bon pour le permis": that need is settled.
_SOLVED = re.compile(
    r"\b(?:g|j'ai|jai|j ai)\s+(?:deja\s+|enfin\s+)?(?:trouve|eu|obtenu|decroche|signe)\b"
    r"|\bdeja\b|\bc(?:'est)?\s+bon\s+pour\b|\bc'est regle\b|\bca c'est bon\b"
)
_BUT = re.compile(r"\b(?:mais|par contre|sauf que|en revanche)\b")
# "une formation pour travailler dans le bâtiment": the job is the goal, the training the ask.
_GOAL = re.compile(
    r"\b(?:formations?|apprendre|cap|bac pro|diplome|papiers?|recepisse|titre de sejour|"
    r"autorisation|papers?|permit|bus|train|rer|voiture|permis|transports?|trajet)\b.{0,40}"
    r"\b(?:pour|pr|to) (?:aller )?(?:un |le |du |au )?$"
)
# "jsuis apprentie", "ce taf d'intérim me tue", "si jsuis en cdd": where the young person is
# now, said as the setting of the ask, not as the ask.
_SITUATION_NEEDS = frozenset({"job", "apprenticeship", "training"})
_SITUATION_BEFORE = re.compile(
    r"(?:\b(?:ce|cet|cette|mon|ma|mes)\b"
    r"(?! (?:premier|1er|prochain|prochaine|nouveau|nouvelle|futur|future)\b)[^,.;!?]{0,20}"
    r"|\b(?:je suis|jsuis|j'suis|chui|jsui|g suis|suis|etre|il est|elle est|t'es|tu es)\s+"
    r"(?:pas |pa |plus |meme pas )?(?:en |un |une )?(?:aussi |deja )?"
    r"|\ben tant qu'?\s*(?:un |une )?|\bau "
    r"|\b(?:quand|si|lorsqu'?) ?(?:on est|je suis|jsuis|t'es|tu es|on fait|je fais|jfais"
    r"|je commence|je trouve|je signe) (?:en |un |une )?)$"
)
# What cannot wait comes first: "le permis mais là g plus un euro et le frigo est vide".
_URGENT: dict[str, re.Pattern[str]] = {
    "money": re.compile(
        r"\bfrigo (?:est )?vide\b|\bplus (?:un|1) (?:euro|centime|rond|sou)\b|\brien a manger\b"
        r"|\b(?:j'ai|jai|g) faim\b|\bpas mange\b"
    ),
}
# "comment il prend rendez-vous, et il faut quels papiers ?": the papers to bring to the
# appointment, which its answer lists; a paper named ("titre de séjour") is an ask of its own.
_PAPERS_TO_BRING = re.compile(
    r"\b(?:quels?|quelles?|kels?|quoi comme|koi comme) (?:papiers?|documents?)\b"
    r"|\b(?:apporter|ramener|emmener|amener|prendre)\b"
)
_A_PAPER_NAMED = re.compile(
    r"\b(?:recepisse|titre de sejour|carte d'identite|passeport|carte vitale|impots|visa|caf"
    r"|cpam|prefecture|ants)\b"
)
# "refaire mon cv et après un rdv", "d'abord le permis puis un taf": the order is said.
_THEN = re.compile(r"\b(?:apres|ensuite|puis)\b")
_FIRST = re.compile(r"\bd'abord\b|\ben (?:premier|priorite)\b|\bsurtout\b")


def named_needs(text: str) -> set[str]:
    """The needs the message names in words."""
    plain = plain_text(text)
    return {need for need, cue in NEED_CUES.items() if cue.search(plain)}


def _solved(text: str, need: str) -> bool:
    """The message says ``need`` is settled, before a "mais" that brings another ask."""
    plain = plain_text(text)
    parts = _BUT.split(plain, maxsplit=1)
    if len(parts) < 2:
        return False
    before, after = parts
    cue = NEED_CUES.get(need)
    return bool(cue and cue.search(before) and not cue.search(after) and _SOLVED.search(before))


_NOT = re.compile(
    r"\b(?:pas|non|plutot que|au lieu d'?)\s+(?:trop |vraiment |plus |du tout )?"
    r"(?:de |d'|une |un |la |le |l'|du |des )?$"
)


def _every_mention_after(text: str, need: str, before: re.Pattern[str]) -> bool:
    """``need`` is named, and ``before`` matches the text up to each of its mentions."""
    plain = plain_text(text)
    found = list(NEED_CUES[need].finditer(plain))
    return bool(found) and all(before.search(plain[: m.start()]) for m in found)


def _negated(text: str, need: str) -> bool:
    """Every mention of ``need`` is denied: "non pas formation, alternance"."""
    return _every_mention_after(text, need, _NOT)


# "non pas formation", "plutôt qu'une formation": a correction, not something missing ("g pas
# le permis" is an obstacle, offered).
_CORRECTION = re.compile(
    r"\b(?:non,? pas|plutot qu'?|au lieu d'?|et pas|mais pas)\s*"
    r"(?:de |d'|une |un |la |le |l'|du |des )?$"
)


def _corrected(text: str, need: str) -> bool:
    """Every mention of ``need`` is taken back: "non pas formation, alternance"."""
    return _every_mention_after(text, need, _CORRECTION)


# "cmt jfais pour aller en formation ya pas de bus": where one has to go, not what one asks.
_DESTINATION = re.compile(
    r"\b(?:aller|me rendre|venir|arriver|y aller) (?:a|au|en|jusqu'?a|jusqu'au)\s*"
    r"(?:la |ma |mon |le |l'|mes |un |une )?$"
)


# "je voudrais voir un psy mais j'ai pas d'argent": what is missing to get there, not the ask.
_OBSTACLE = re.compile(
    r"\bmais (?:j'ai|jai|j ai|g|je n'ai|j'ai plus|jai plus|g plus|on a|on n'a)\s*(?:pas|plus)?\s*"
    r"(?:d'|de |les moyens|assez d'|assez de |un |une )?$"
)


def _obstacle_only(text: str, need: str) -> bool:
    """Every mention of ``need`` is what is missing for the other ask."""
    return _every_mention_after(text, need, _OBSTACLE)


def _destination_only(text: str, need: str) -> bool:
    """Every mention of ``need`` is where the young person has to get to."""
    return need in _SITUATION_NEEDS and _every_mention_after(text, need, _DESTINATION)


def _goal_only(text: str, need: str) -> bool:
    """Every mention of the job (or of a change of path) is the purpose of something else:
    "formation pour travailler", "papier pour travail", "aucun bus pour aller bosser"."""
    if need not in ("job", "orientation"):
        return False
    return _every_mention_after(text, need, _GOAL)


# "ya des aides pour payer les heures de conduite ?": money is the means, the need is its object.
_AID_FOR = re.compile(r"\baides?(?: financieres?)? (?:pour|pr|a|au|sur)\b(.{0,40})")


_GENERIC_AID = re.compile(r"\bdes aides\b|\baides? financieres?\b")


def _generic_aid_only(text: str) -> bool:
    """Money is named only as "des aides", which every need has ("ya des aides pour repasser ?")."""
    plain = plain_text(text)
    found = list(NEED_CUES["money"].finditer(plain))
    return bool(found) and all(_GENERIC_AID.fullmatch(m.group(0)) for m in found)


def _aid_target(text: str) -> str | None:
    """The need an aid is asked for, when the message says it: the first need named after it
    ("des aides pour le permis", "des aides pour se loger quand on est apprenti": housing)."""
    found = _AID_FOR.search(plain_text(text))
    if found is None:
        return None
    after = found.group(1)
    named = [
        (m.start(), n) for n, cue in NEED_CUES.items() if n != "money" and (m := cue.search(after))
    ]
    return min(named)[1] if named else None


def _papers_to_bring(text: str) -> bool:
    """The papers asked about are the ones to bring (to the appointment, to sign up…)."""
    plain = plain_text(text)
    return _PAPERS_TO_BRING.search(plain) is not None and _A_PAPER_NAMED.search(plain) is None


def _situation_only(text: str, need: str) -> bool:
    """Every mention of ``need`` says where the young person is now ("jsuis apprentie")."""
    if need not in _SITUATION_NEEDS:
        return False
    return _every_mention_after(text, need, _SITUATION_BEFORE)


def asked_needs(text: str) -> set[str]:
    """The needs the message names as an ask: not only as where the young person is now, nor
    papers only as what to bring for something else ("faut quels papiers pr s'inscrire ?")."""
    asked = {need for need in named_needs(text) if not _situation_only(text, need)}
    if "admin" in asked and _papers_to_bring(text):
        asked.discard("admin")
    return asked


# "un taf et un appart", "un job étudiant et aussi un appart": two asks listed, in order.
_LISTED = re.compile(
    r"^(?:\s+\w+){0,3}\s*(?:,|et|&|\+)\s+(?:aussi\s+)?"
    r"(?:(?:passer|avoir|trouver|faire|chercher|obtenir|payer)\s+)?"
    r"(?:(?:un|une|des|le|la|les|du|de|d'|l'|mon|ma|mes)\s*)?$"
)


def _listed_first(plain: str, needs: Iterable[str]) -> str | None:
    """The first of two needs named one after the other as a list ("un taf et un appart")."""
    found = sorted(
        (m.start(), m.end(), need) for need in needs if (m := NEED_CUES[need].search(plain))
    )
    if len(found) == 2 and _LISTED.match(plain[found[0][1] : found[1][0]]):
        return found[0][2]
    return None


def _first_named(text: str, needs: Iterable[str]) -> str | None:
    """The need to answer first among ``needs``, when the message says it: what cannot wait,
    the one named right after "d'abord" / "surtout", the first of "X et après Y", or of a
    list ("un taf et un appart")."""
    plain = plain_text(text)
    needs = tuple(needs)
    urgent = [need for need in needs if need in _URGENT and _URGENT[need].search(plain)]
    if urgent:
        return urgent[0]
    first = _FIRST.search(plain)
    if first is None and not _THEN.search(plain):
        # The need named first is often the context ("ce taf me tue, jveux…"), unless listed.
        return _listed_first(plain, needs)
    start = first.end() if first is not None else 0
    found = [(m.start(), need) for need in needs if (m := NEED_CUES[need].search(plain, start))]
    return min(found)[1] if found else None


def _questioned(text: str, needs: Iterable[str]) -> str | None:
    """The one need named in a question that opens the message, when the other is named only in
    what follows ("vous pouvez m'aider a refaire mon cv ? g jamais eu de vrai taf"). A question
    after the setting ("Papier récépissé. Je peux travailler ?") is about that setting."""
    plain = plain_text(text)
    parts = re.split(r"(?<=[.!?])\s+", plain.strip())
    if len(parts) < 2 or not parts[0].rstrip().endswith("?"):
        return None
    asked, said = parts[0], " ".join(parts[1:])
    questioned = [n for n in needs if NEED_CUES[n].search(asked) and not NEED_CUES[n].search(said)]
    around = [n for n in needs if NEED_CUES[n].search(said) and not NEED_CUES[n].search(asked)]
    return questioned[0] if len(questioned) == 1 and len(around) == 1 else None


def need_also_asked(
    text: str, ranking: Iterable[tuple[str, float]], besides: str | None = None
) -> str | None:
    """The best-ranked need (other than ``besides``) that the message also names in words, as
    an ask ("si jsuis en cdd" is not one)."""
    named = asked_needs(text)
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
    if main in NEED_CUES and _negated(text, main) and not _negated(text, other):
        return other, None  # "non pas formation, alternance"
    if _corrected(text, other):
        return main, None  # the same, read the other way round by the NLU
    if "money" in (main, other) and (aim := _aid_target(text)) is not None:
        return aim, None  # an aid for the permis is the permis' answer, not money
    if other == "money" and _generic_aid_only(text) and main not in named_needs(text):
        return main, None  # "ya des aides pour repasser ?", read as the permis
    if {main, other} == {"appointment", "admin"} and _papers_to_bring(text):
        return "appointment", None  # its answer lists the papers to bring
    if main not in named_needs(text):  # the words beat the classifier's guess ("c quoi le cej")
        return other, main
    if main not in asked_needs(text):  # "jsuis apprentie…", "quels papiers pr la formation"
        return other, None
    if _goal_only(text, main):  # "une formation pour travailler dans le bâtiment"
        return other, main
    if other == "mobility" and _destination_only(text, main):  # "aller en formation sans bus"
        return other, main
    if _obstacle_only(text, main):  # "voir un psy mais j'ai pas d'argent"
        return other, main
    first = _first_named(text, (main, other)) or _questioned(text, (main, other))
    return (other, main) if first == other else (main, other)
