"""Rule-based detection of distress (crisis) messages written by young people.

Pure standard library: imported both inside the Rasa env (Python 3.10, by the NLU
component ``nlu/components/distress_guard.py``) and by the application (Python 3.11).

The detector is a safety net placed *after* the statistical intent classifier: when it
fires, the message is routed to the crisis answer whatever the classifier said. It is
tuned for recall on explicit crisis statements, and for precision on the youth register
("jpp mdr", "je suis mort de rire", "ce taf me tue", "ma mere va me tuer si je rate"
are not distress).

Usage::

    kind = detect_distress("jpp de ma vie je veux plus rien")
    if kind is not None:
        numbers = HOTLINES[kind]          # ("3114",)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from enum import Enum

__all__ = [
    "HOTLINES",
    "DistressKind",
    "detect_all_distress",
    "detect_distress",
    "housing_loss_later",
    "normalize",
]


class DistressKind(str, Enum):
    """Kinds of distress, each tied to the French crisis line to give at once."""

    SUICIDE = "suicide"
    HOMELESS = "homeless"
    PARTNER_VIOLENCE = "partner_violence"
    CHILD_DANGER = "child_danger"
    IMMEDIATE_DANGER = "immediate_danger"
    SELF_HARM = "self_harm"

    def __str__(self) -> str:
        return self.value


#: Crisis numbers per kind, the most specific first.
HOTLINES: dict[DistressKind, tuple[str, ...]] = {
    DistressKind.SUICIDE: ("3114",),
    DistressKind.SELF_HARM: ("3114",),
    DistressKind.HOMELESS: ("115",),
    DistressKind.PARTNER_VIOLENCE: ("3919", "17"),
    DistressKind.CHILD_DANGER: ("119",),
    DistressKind.IMMEDIATE_DANGER: ("17", "112"),
}

# --------------------------------------------------------------------------- normalisation

# Whole-token rewrites of SMS / contracted forms (applied after accents and apostrophes
# are removed and the text is split on non-alphanumerics).
_TOKEN_MAP: dict[str, str] = {
    "chui": "je suis",
    "chuis": "je suis",
    "chu": "je suis",
    "shui": "je suis",
    "jsuis": "je suis",
    "jetais": "j etais",  # round 8
    "jexistais": "j existais",
    "lair": "l air",  # "me foutre en lair" (a twenty-ninth set of conversations, round 7)
    "jsui": "je suis",
    "jss": "je suis",
    "jsuiss": "je suis",
    "jveux": "je veux",
    "jveu": "je veux",
    "jveut": "je veux",
    "jve": "je veux",
    "veu": "veux",
    "peu": "peux",
    "jvais": "je vais",
    "jvai": "je vais",
    "jpeux": "je peux",
    "jpeu": "je peux",
    "jme": "je me",
    "jmen": "je m en",
    "jten": "je t en",
    "jen": "j en",
    "jai": "j ai",
    # Round 10 (set zl): "je veux que tout sarrete", the apostrophe left out.
    "sarrete": "s arrete",
    "sarreter": "s arreter",
    "sarretent": "s arretent",
    "sen": "s en",
    "jé": "j ai",
    "g": "j ai",
    "jdors": "je dors",
    "jdor": "je dors",
    "jdois": "je dois",
    "jfais": "je fais",
    "jsais": "je sais",
    "jpense": "je pense",
    "jcrois": "je crois",
    "jpourrais": "je pourrais",
    "c": "c est",
    "ya": "il y a",
    "pa": "pas",
    "plu": "plus",
    "pu": "plus",
    "ps": "pas",
    "tt": "tout",
    "tte": "toute",
    "ds": "dans",
    "pr": "pour",
    "ke": "que",
    "k": "que",
    "mn": "mon",
    "mm": "meme",
    "ac": "avec",
    "avc": "avec",
    "qqn": "quelqu un",
    "qq1": "quelqu un",
    "kelkun": "quelqu un",
    "daron": "pere",
    "daronne": "mere",
    "reup": "pere",
    "reum": "mere",
    "keum": "mec",
    "vi": "vie",
    "mourrir": "mourir",
    "mourire": "mourir",
    "mourri": "mourir",
    "crevé": "creve",
    "dehor": "dehors",
    "deor": "dehors",
    "soir": "soir",
    "sw": "ce soir",
    "2m1": "demain",
    "ajd": "aujourd hui",
    "auj": "aujourd hui",
    "aujd": "aujourd hui",
    "aujourdhui": "aujourd hui",
    "jpp": "jpp",
    "jtiens": "je tiens",
    "jserai": "je serai",
    "jserais": "je serais",
    "jsrai": "je serai",
    "jtien": "je tiens",
    "jenpeuxplus": "j en peux plus",
    "frappé": "frappe",
    "harcele": "harcele",
    "scarifie": "scarifie",
    "sucide": "suicide",
    "suicid": "suicide",
    "suiside": "suicide",
    "suicidé": "suicide",
    # Phonetic spellings of low-literacy writing.
    "sui": "suis",
    "encor": "encore",
    "bra": "bras",
    "nui": "nuit",
    "dor": "dors",
    "dan": "dans",
    "dedan": "dedans",
    "mi": "mis",
    "fé": "fait",
    "kitte": "quitte",
    "kite": "quitte",
    "brul": "brule",
    "lapar": "l appart",
    "apar": "appart",
    "lé": "les",
    "envi": "envie",
    "anvi": "envie",
    "koi": "quoi",
    "kan": "quand",
    "tro": "trop",
    "jamé": "jamais",
    "mor": "mort",
    "tou": "tout",
    "mem": "meme",
    "kou": "cou",
}
# "se soir", "se matin": phonetic "ce".
_CE_RE = re.compile(r"\bse (soir|matin|week end|weekend|nuit)\b")

_LAUGHTER_RE = re.compile(
    r"\b(mdr+|ptdr+|lol+|xd+|mort de rire|morte de rire|pete de rire|(?:a?h+a+){2,}h?|"
    r"(?:hi){2,}|jpp de rire)\b"
)
_LAUGHTER_EMOJI = ("\U0001f602", "\U0001f923", "\U0001f606", "\U0001f605", "\U0001f639")

_REPEAT_RE = re.compile(r"([a-z])\1{2,}")
_NON_WORD_RE = re.compile(r"[^a-z0-9]+")


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_J_VERB = re.compile(r"j[bcdfgklmnpqrstvwxz][a-z]{3,}")


def _expand(tokens: list[str]) -> list[str]:
    """SMS forms expanded, unless the words already follow ("c'est" stays "c est")."""
    out = []
    for i, tok in enumerate(tokens):
        if tok not in _TOKEN_MAP and _J_VERB.fullmatch(tok):
            tok = f"je {tok[1:]}"  # "jrecommence": no French word starts with j + consonant
        words = _TOKEN_MAP.get(tok, tok).split()
        if len(words) > 1 and tokens[i + 1 : i + len(words)] == words[1:]:
            words = words[:1]
        out.extend(words)
    return out


def normalize(text: str) -> str:
    """Lowercase, strip accents and punctuation, collapse letter runs, expand SMS forms.

    >>> normalize("Jveux MOURIRRR...")
    'je veux mourir'
    """
    lowered = text.lower().replace("’", "'").replace("œ", "oe")
    # SMS forms are looked up before accents go (a few keys carry them), then again after.
    tokens = _expand([tok for tok in re.split(r"[\s']+", lowered) if tok])
    ascii_text = _strip_accents(" ".join(tokens))
    ascii_text = _NON_WORD_RE.sub(" ", ascii_text)
    ascii_text = _REPEAT_RE.sub(r"\1", ascii_text)
    words = _expand(ascii_text.split())
    return _CE_RE.sub(r"ce \1", " ".join(words))


# --------------------------------------------------------------------------- patterns

_WANT = (
    r"(?:veu[xt]|voudrais|voudrai|aimerais|aimerai|envie d|envie de|pense a|pense souvent a|"
    r"penser a|pensee de|idee de|idees de|besoin de|prefere|prefererais|souhaite|vais|"
    r"dois|devrais|pret a|prete a|essaye de|essaie de|essayer de|tente de|tenter de|"
    r"peux plus que|finir par|reve de|arrete pas de penser a|ai failli)"
)
# Wishes only (no "vais": "je vais mourir" is everyday hyperbole).
_WISH = (
    r"(?:veu[xt]|voudrais|voudrai|aimerais|aimerai|envie d|envie de|pense a|pense souvent a|"
    r"penser a|pensee de|idee de|idees de|besoin de|prefere|prefererais|souhaite|pret a|"
    r"prete a|reve de|arrete pas de penser a)"
)
_SELF_KILL = (
    # "je vais me tuer à ce jeu / à la tâche" is hyperbole.
    r"(?:me|m) (?:tuer(?! a (?:ce|cet|cette|la|mon|ma|force|petit feu)\b|"
    r" au (?:jeu|taf|travail|boulot)\b)|"
    # "me flinguer le dos / la santé": a body worn out by work (round 8).
    r"suicider|suicide|pendre(?! (?:au|a mon|a la|a ton) (?:telephone|tel|bigo|portable|"
    r"cou de|sonnette|porte))|supprimer(?! (?:de|du|des|d|sur|mon|ma|mes))|"
    r"buter|flinguer(?! (?:le|la|les|mon|ma|mes) (?:dos|genoux|"
    r"epaules?|sante|yeux|poignets|mains|jambes|bras|voix|oreilles)\b)|foutre en l air|"
    r"jeter (?:sous|du|d|par|dans)|defenestrer|ouvrir les veines|tailler les veines|"
    r"noyer|empoisonner|tirer une balle)"
)
# "il veut me tuer" is a threat, not suicidal ideation.
_NOT_THIRD = r"(?<!\bil )(?<!\bon )(?<!\bils )(?<!\belle )(?<!\belles )(?<!\bqui )"
_NOT_LITERAL_DEATH = (
    r"(?! (?:de rire|de faim|de chaud|de froid|de soif|d ennui|de honte|de fatigue|"
    r"de sommeil|de stress|de jalousie|la bouche ouverte|la dalle|avant d avoir|en premier|"
    r"avant de (?:l avoir|reussir|trouver|finir|le passer)|"
    r"si je (?:rate|loupe|foire|echoue|l ai pas|trouve pas)|"
    # "je vais crever si g pas mon permis cette année": a goal missed (round 11).
    r"si (?:je |j )(?:n )?(?:l )?ai pas (?:mon|ma|le|la|l|un|une|ce|cet|cette|mes|de|d)\b|"
    # "je vais mourir pendant l'entretien de demain": stage fright (round 10).
    r"(?:pendant|a|au|en plein|avant) (?:l |le |la |les |mon |ma |mes |ce |cet |cette )?"
    r"(?:entretien|exam|examen|oral|controle|partiel|epreuve|code|permis|match|cours|reunion|"
    r"presentation|soutenance|bac|brevet)))"
)

_PARTNER = (
    r"(?:mon (?:copain|mec|petit ami|petit copain|ex|mari|conjoint|compagnon|cheri|gars|bf|"
    r"boyfriend|homme|jules|fiance)|ma (?:copine|meuf|femme|compagne|cherie|petite amie|"
    r"fiancee|ex)|mon ex copain|mon ex mec)"
)
_FAMILY = (
    r"(?:mon (?:pere|papa|beau pere|oncle|grand pere|parrain|tuteur)|ma (?:mere|maman|"
    r"belle mere|tante|grand mere)|mes (?:parents|oncles|grands parents)|"
    r"(?:le|la) (?:copain|copine|mari) de ma mere|le mec de ma mere|ma famille)"
)
_GENERIC = (
    r"(?:il|elle|ils|elles|on|quelqu un|un mec|un homme|un gars|des mecs|des gens|mon frere|"
    r"mon grand frere|mes freres|ma soeur|mon cousin|des gars|une bande|"
    r"mon voisin|un voisin|mon patron|mon chef|mon proprio|mon proprietaire|un prof|mon prof|"
    r"(?:le|mon) (?:patron|gerant|manager|responsable|boss|employeur|collegue|proprio|chef|"
    r"contremaitre)|chef de chantier|"
    r"l employeur|un client|un collegue|un adulte)"
)
_HIT = (
    r"(?:frapp\w*|tap(?:e|es|ent|er|ait|aient)(?! (?:sur|l incruste|la discute|dans l oeil))|"
    r"bat|battent|battu\w*|battre|cogn\w*|gifl\w*|giffl\w*|baff\w*|etrangl\w*|viol\w*|"
    r"tabass\w*|defonc\w*|brul\w*|menac\w*|attouch\w*|harcel\w*|(?:garde|laisse|tient) enferm\w*|"
    r"touch(?:e|ent|ait|er) (?:la nuit|"
    r"partout|quand|alors|sans|contre|de force)|enferm\w*|sequestr\w*|pouss\w* contre|"
    r"serr\w* (?:le|mon) cou|serr\w* la gorge|"
    r"casse la gueule|met des (?:coups|claques|baffes|gifles)|donne des (?:coups|claques|"
    r"baffes|gifles)|leve la main sur moi|force a (?:coucher|faire des choses|avoir des)|"
    r"cass\w* (?:le|la|les|mon|ma|mes) (?:bras|nez|dents?|cotes?|jambes?|gueule|tete|poignet))"
)
_PILLS = (
    r"(?:cachets|medocs|medicaments|pilules|comprimes|somniferes|antidepresseurs|lexomil|xanax|"
    r"doliprane|tramadol)"
)
_ALCOHOL = r"(?:alcool|l alcool|vodka|whisky|biere|rhum|alcohol)"
# "sauter le pas", "sauter un repas": jumping that is not a jump.
_NOT_SKIPPING = (
    r"(?! (?:le pas|l etape|une etape|une classe|un repas|des repas|le repas|le dejeuner|"
    r"le petit dej\w*|le diner|des cours|un cours|en parachute|a l elastique|de joie|"
    r"sur l occasion|sur une occasion|sur l offre|"
    r"sur (?:le|ce|cet|cette) (?:poste|offre|job|taf|travail|stage|contrat)|"
    r"dans le train en marche|a la corde|en l air|une ligne|une page|une question))"
)
_BETWEEN = r"(?: \w+){0,5}"
# "pour ne plus me réveiller la nuit / à 4h": insomnia, not a wish to die.
_NOT_A_NIGHT_TIME = (
    r"(?! (?:la nuit|en pleine nuit|a \d|avant|tot|trop tot|pendant|au milieu|tous|toutes|"
    r"le matin|en sursaut))"
)
_ADV = r"(?:(?:encore|deja|souvent|toujours|tout le temps|parfois|des fois|aussi|meme) )?"
# Object pronoun then an optional adverb; ends with a space.
_ME = rf"(?:me|m|m a|ma|m ont|m avait|m avaient) {_ADV}"

_IMAGES = r"(?:photos?|videos?|nudes?)"
_NO_CONSENT = r"sans (?:son|leur|mon) (?:accord|consentement)"

_PATTERNS: dict[DistressKind, tuple[str, ...]] = {
    DistressKind.SUICIDE: (
        # Round 9, apostrophe probe (crises the classifier caught only with their apostrophes).
        r"\b(?:plus envie|pas envie|marre|fatigue\w*|lasse?) d exister\b",
        r"\b(?:done with (?:life|living)|tired of (?:life|living))\b",
        r"\bil (?:ne )?(?:me )?reste (?:plus )?qu une (?:seule )?chose a faire"
        r"(?:$| (?:ce soir|cette nuit|maintenant|demain|adieu|bye))",
        # Round 9 (conversation h11 after batch 20): "bientot jserai plus la pour personne".
        r"\bplus la pour personne\b",
        r"\bbientot (?:je serai|jserai|je serais|jserais|je ne serai|j serai) plus la\b"
        r"(?! (?:pour (?:le|la|les|ton|ta|mon|ma|l|vous)|demain|lundi|mardi|mercredi|jeudi|"
        r"vendredi|samedi|dimanche|en |a |au |de |le ))",
        # Round 9 (conversation g36 after batch 19): "au pire jme jette sous le metro".
        r"\bme (?:jette|jetterai|jetterais|lance|lancerai) (?:sous (?:un|le|la|les) (?:train|metro|"
        r"rer|voie|voies|bus|camion|voiture|tram)|du (?:haut d un |haut du )?(?:pont|toit|balcon|"
        r"immeuble)|par la fenetre|dans la seine|dans le vide)\b",
        # Round 9: the plan as a question ("et si je me foutais en l'air ?").
        r"\bet si (?:je|j) (?:me |m )?(?:tuais|suicidais|foutais en l air|jetais sous|j etais sous|"
        r"pendais|mourais|crevais|disparaissais|en finissais)\b",
        # Round 9 (set zj, first look): "a 2 doigts d en finir", "plus simple d etre mort",
        # "le moyen le plus rapide de plus jamais se reveiller".
        r"\b(?:a|à) (?:2|deux) doigts d (?:en finir|me tuer|me foutre en l air|sauter|craquer et "
        r"en finir)\b",
        r"\bplus simple (?:d etre mort\w*|de mourir|de disparaitre|de plus etre la|si j etais mort"
        r"\w*)\b(?! (?:de rire|d ennui|de honte|de faim|de froid))",
        r"\b(?:plus jamais|ne plus jamais|ne plus|jamais plus) (?:me |se |m |s )?reveiller\b"
        r"(?! (?:a |avant |tot|si tot|aussi tot|en retard|en sursaut|fatigue|avec|le matin|"
        r"pour|quand|sans|la nuit|en pleine nuit|toutes les|plusieurs fois|\d))",
        # Round 9 (set zi): "ce soir jvais tout arreter pour de bon"; creole wishes to die.
        r"\btout arreter pour (?:de bon|toujours)\b(?! (?:les|la|le|mes|ma|mon|l|avec|de)\b)",
        r"\bce soir\b(?: \w+){0,3} tout arreter\b(?! (?:les|la|le|mes|ma|mon|l|avec|de|d)\b)",
        r"\b(?:mwen|mi|mis|moin|an) (?:vle|ve|le|anvi) "
        r"(?:mouri|mor|mort|touye ko mwen|touy amwin)\b",
        # "mon CV c'est un suicide professionnel": a figure of speech (round 8).
        r"\bsuicid\w*\b(?! (?:professionnel|social|commercial|scolaire|politique|capillaire|"
        r"(?:suicide )?squad)\b)",
        # "pas d'idées noires hein, mais ça dure": care-seeking, said to be without danger.
        r"(?<!\bpas d )(?<!\bpas des )(?<!\baucune )(?<!\bjamais d )(?<!\bsans )\bidees? noires?\b",
        rf"{_NOT_THIRD}\b{_WANT}(?: \w+){{0,2}} {_SELF_KILL}\b",
        r"\b(?:me|se|te) foutre en l air\b",
        rf"\b(?:{_WISH}|vais|dois)(?: \w+){{0,2}} (?:mourir{_NOT_LITERAL_DEATH}|"
        rf"crever{_NOT_LITERAL_DEATH}|en finir\b"
        r"(?! avec (?:ce|cet|cette|ces|le|la|les|mon|ma|mes|l|un|une|son|sa|ses|"
        r"vos|votre|tes|ton|ta|nos|notre|leurs?)\b"
        r"(?! (?:vie|existence|jours))"
        # "jveux en finir avec pole emploi": an institution or an app, not a life (round 10).
        r"| avec (?:pole emploi|france travail|parcoursup|la caf|insta\w*|snap\w*|tiktok|"
        r"facebook|whatsapp|netflix)\b))",
        rf"\b(?:je veux|j ai envie de|envie de) (?:mourir|crever){_NOT_LITERAL_DEATH}",
        r"\b(?:mettre|mette|met) (?:fin|un terme) a (?:mes jours|ma vie|tout)\b",
        r"\bplus (?:trop |vraiment )?(?:envie|gout|la force|le courage) de (?:vivre|rien)\b",
        r"\b(?:veu[xt]|voudrais|voulai[st]|voulaient|aimerais|envie de|prefere|prefererais) "
        r"(?:plus|ne plus|pas) "
        r"(?:vivre|exister|etre la|etre en vie|me reveiller|respirer)\b"
        r"(?! (?:dans|sur|chez|pour) (?:votre|vos|ta|tes|la|le|les|ce|cette) (?:base|fichiers?|"
        r"donnees|systeme|liste|appli|application|site|ordi|ordinateur|relances?|notifs?|"
        r"notifications?|messages?|mails?|sms))"
        # "je veux plus vivre avec eux / chez ma mère / ici": a housing wish (ask_housing).
        r"(?!(?: \w+)? (?:avec|chez|ici|la bas|sous le meme toit|a cote|pres|loin)\b)",
        r"\b(?:marre|fatigue|fatiguee|degoute|degoutee|saoule|saoulee) de (?:la vie|ma vie|"
        r"cette vie|vivre|exister|etre en vie)\b"
        # "fatigué de la vie à l'hôtel social", "de vivre en foyer": a way of living (round 9).
        r"(?! (?:a l|a la|au|en|dans|chez|sans|avec) )",
        r"\b(?:ma|la) vie (?:n a|a|ne sert|sert) (?:plus |pas |a |)(?:aucun |d |de |du )?"
        r"(?:sens|rien|interet)\b",
        r"\b(?:aucune|pas de|plus de|plus aucune) raisons? de vivre\b",
        r"\bje (?:vois|trouve) (?:plus|pas|aucune) (?:d )?(?:issue|sortie|solution a ma vie)\b",
        r"\bun poids pour (?:tout le monde|ma famille|les autres|mes proches)\b",
        r"\bpersonne (?:ne )?(?:me )?(?:regretter\w*|remarquer\w*|verr\w*)"
        r"(?: \w+){0,3} (?:mort|disparai\w*|partais|plus la)\b",
        r"\b(?:avaler|prendre|pris|avale) (?:toute?s? )?(?:mes |ma |la |une |des |les )?"
        r"(?:boite (?:de )?)?(?:cachets|medocs|medicaments|pilules|comprimes)"
        r"(?: \w+){0,3} (?:pour(?! (?:rester|tenir|dormir|bosser|travailler|reviser|me concentrer|"
        r"la tete|le mal|mes|ma|mon|les|la|le)\b)|d un coup|en meme temps|et dormir|et plus)\b",
        r"\b(?:sauter|me jeter|me lancer) (?:du|d un|par la|de la|du haut d un|sous un|"
        r"sous le|dans la|dans le) (?:pont|fenetre|toit|balcon|immeuble|train|metro|rer|"
        r"seine|falaise|voie)\b",
        r"\bdormir pour toujours\b|\b(?:ne plus|ne jamais|plus jamais|jamais plus) me reveiller\b"
        + _NOT_A_NIGHT_TIME,
        r"\bpersonne (?:ne )?(?:va |vont |n va |ne va )?(?:me )?"
        r"(?:regretter\w*|remarquer\w*|verr\w*|voir|pleurer\w*)"
        r"(?: \w+){0,2} si je (?:pars|partais|meurs|mourais|disparais|disparaissais|me tue)\b",
        r"\ba quoi bon (?:vivre|continuer a vivre|exister|me reveiller|rester en vie)\b",
        r"\ba quoi (?:ca sert|bon) (?:de )?continuer(?: (?:serieux|franchement|sincerement|"
        r"hein|encore|comme ca|tout ca|a vivre|de vivre|ma vie))*$",
        # The lethal dose of a medicine asked "juste pour savoir" (round 11, set zq).
        r"\b(?:dose|quantite|combien)\b(?: \w+){0,4} (?:de |d )?(?:doliprane|paracetamol|"
        r"dafalgan|efferalgan|cachets|medocs|medicaments|pilules|comprimes|somniferes|xanax|"
        r"lexomil)\b(?: \w+){0,3} (?:qui tue|qui tuent|mortelle?s?|letale?s?|pour mourir|"
        r"pour en finir|pour ne plus me reveiller|pour plus me reveiller)\b",
        r"\b(?:dose|quantite) (?:mortelle|letale)\b",
        # "supprimez mon compte, je veux pas qu'on retrouve rien après moi": a farewell.
        r"\b(?:retrouve|retrouver|reste|rester|laisse|laisser)\b(?: \w+){0,3} "
        r"(?:rien|aucune trace|pas de trace|plus rien)(?: de moi)? apres moi\b",
        # An overdose just taken: the crisis answer (3114, 15/112) at once.
        r"\b(?:pris|avale|prendre|avaler) (?:plein|trop|beaucoup|une boite|toute la boite|"
        r"tous mes|toutes mes|tout mes)(?: de| d)? (?:cachets|medocs|medicaments|pilules|"
        r"comprimes)\b",
        r"\b(?:pris|avale|prendre|avaler) (?:toute? (?:la|une|ma) boite|tout le tube|"
        r"toute la plaquette|toutes les plaquettes)\b",
        # Round 12 (sets zr, zs, zt, zu): a medicine named, a whole box, someone else's pills;
        # "prendre une boîte de doliprane à la pharmacie" is buying it.
        rf"\b(?:pris|avale|prendre|avaler|prend|prends) (?:une boite entiere|toute une boite|"
        rf"une boite|une plaquette entiere|toutes ses|tous ses|toute sa|toutes mes|tous mes|"
        rf"toutes les boites de|toutes les boites d|toutes mes boites de)"
        rf"(?: de| d)? {_PILLS}\b(?! (?:a la pharmacie|en pharmacie|chez le pharmacien|pour (?:ma|"
        rf"mon|mes|la|le|les|sa|son|ses)\b))",
        r"\b(?:pense|pensais|songe)\w*(?: \w+){0,2} (?:a|d) en finir\b(?! avec)",
        # Set zz: one mouth less to feed; what it takes bought.
        r"\bune bouche de moins a nourrir\b",
        r"\b(?:achete|pris|trouve|prepare|garde)\w* de quoi en finir\b",
        # Sets zx, zy: leaving "pour de bon", pills put aside, no one to bear with one any more.
        r"\bsi je (?:partais|pars|disparaissais|disparais) pour (?:de bon|toujours)\b",
        rf"\b(?:mets|met|mis|garde|stocke)\w* (?:des |mes |les )?{_PILLS} de cote\b",
        r"\b(?:personne|plus personne|vous|ils|elles|il|elle)\b(?: \w+){0,2} (?:aura|auront|aurez|"
        r"aurait|n aura) plus (?:a|besoin de) me supporter\b",
        r"^(?=.*\b(?:en finir|rejoindre (?:mon|ma|mes)|partir pour de bon|la haut|mourir)\b)"
        r".*\b(?:j ai|g|jai) tout (?:prepare|organise|prevu)\b",
        rf"\b(?:bu|picole)\w*(?: \w+){{0,3}} (?:et|puis) (?:pris|avale)\w* (?:des|mes|plein de|"
        rf"trop de) {_PILLS}\b",
        # Round 12: not wanting to be here any more; "jpp de vivre" is in _JPP_LIFE_RE.
        r"\bplus (?:trop |du tout |vraiment )?envie d etre la\b(?! (?:bas|dans|a|au|aux|en|chez|"
        r"avec|ici|le|les|pour|sur|demain|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
        r"ce|cette)\b)",
        r"\bpersonne (?:ne )?(?:me )?(?:verra|reverra|entendra) plus(?: jamais)?\b"
        r"(?! (?:au|a|aux|en|dans|chez|ici|sur|la bas|parler)\b)",
        r"\b(?:pas|plus|jamais) me reveiller\b(?: \w+){0,4} (?:tant mieux|ce serait mieux|"
        r"ca serait mieux|ca m arrangerait)\b",
        r"\b(?:serai|vais|serais)\b(?: \w+){0,2} (?:plus|pas) (?:etre )?la (?:bien )?longtemps\b"
        r"(?: \w+){0,4} (?:achete|prepare|trouve|pris) (?:tout )?ce qu ?il (?:me )?faut\b",
        r"\b(?:donne|distribue|a donne|a distribue)\w* (?:toutes |tout |la plupart de )?"
        r"(?:ses|mes) "
        r"(?:affaires|habits|vetements|objets|trucs|jeux)\b(?: \w+){0,8} (?:part|pars|partir|"
        r"partira|s en va|m en vais|s en aller) (?:loin|pour (?:toujours|de bon))\b",
        r"\b(?:derniere fois|dernier message)\b(?: \w+){0,6} adieu\b|"
        r"\badieu\b(?: \w+){0,4} (?:derniere fois|dernier message)\b",
        r"\b(?:overdose|surdose)\b(?! (?:de (?:travail|boulot|taf|cours|devoirs|series|"
        r"reseaux|sucre|info|infos)))|\b(?:fait|fais|faire) une od\b",
        r"\bavale\w* (?:tous |toutes |toute |tout )?(?:mes |des |la |ma |une )?"
        r"(?:boite (?:de |d )?)?(?:cachets|medocs|medicaments|pilules|comprimes)\b",
        r"\b(?:sert a rien|inutile|vaut mieux) que je (?:sois|reste) "
        r"(?:la|en vie|vivant|vivante)\b",
        r"\b(?:veux|voudrais) (?:juste )?que tout s arrete\b",
        r"\bcorde\b(?: \w+){0,3} (?:prete|pour me pendre|autour du cou|au cou)\b",
        r"\bplus (?:gout|envie) a rien\b",
        # From a ninth independent set (2026-11-26).
        r"\btrouve (?:comment|le moyen de|un moyen de|une facon de) "
        r"(?:en finir\b(?! avec (?:ce|cet|cette|ces|le|la|les|mon|ma|mes|l|un|une|son|sa|ses|"
        r"vos|votre|tes|ton|ta|nos|notre|leurs?)\b"
        r"(?! (?:vie|existence|jours)))|me tuer|mourir|me suicider|partir pour de bon)",
        r"\bje suis sur (?:le|un) pont\b(?: la)?$|\bje suis sur (?:le|un) pont la\b",
        r"\bmelange\w* (?:des |les |mes |plein de )?(?:cachets|medocs|medicaments|pilules)\b"
        r"(?: \w+){0,3} (?:alcool|l alcool|lalcool|vodka|whisky|biere|rhum)\b",
        r"\b(?:tout le monde|ils|elles|ma famille|mes parents|mes proches|les gens|mes potes) "
        r"(?:serait|seraient|sera|seront|vivrait|vivraient|irait|iraient) (?:mieux|plus heureux|"
        r"plus heureuse|plus tranquilles?|bien mieux) sans moi\b",
        r"\b(?:jpp|j en peux plus|en pls|je craque|plus la force|pas de solution|pas d issue|"
        r"plus de solution|a bout)\b(?: \w+){0,10} (?:achete|pris|prepare|garde) (?:des|les|mes|"
        r"plein de|une boite de) (?:cachets|medocs|medicaments|pilules|comprimes)\b",
        r"\bquand je (?:serai|serais|ne serai|ne serais) plus (?:la(?! bas)|en vie|de ce monde)\b",
        r"\b(?:prepare|preparee|mis de cote|stocke|garde) (?:les|mes|des|toute? (?:la|une) "
        r"boite de) (?:medocs|cachets|medicaments|pilules|comprimes)\b"
        r"(?! (?:pour|de|a) (?:ma|mon|mes|le|la|les|son|sa|demain|la semaine)\b)",
        r"\b(?:prepare|preparee) (?:la|une) corde\b",
        r"\b(?:m endormir|dormir) et (?:ne )?(?:pas|plus|jamais) me reveiller\b"
        r"(?! (?:a l heure|a temps|le matin|pour|demain|avant))",
        # Someone else about to act: "elle parle de se jeter sous un train", "il allait se pendre".
        # "mon tel va mourir": a battery (a thirty-first set, round 7).
        r"(?<!\btel )(?<!\bportable )(?<!\bbatterie )(?<!\btelephone )(?<!\bphone )"
        r"(?<!\bordi )(?<!\bpc )"
        r"\b(?:parle|parlait|parlent|pense|pensait|menace|menacait|dit|disait|veut|voulait|va|"
        r"allait|a essaye|a tente|compte|comptait|comptent|comptaient) (?:de |d |a )?"
        r"(?:disparaitre(?! (?:des|du|de la|de ma|"
        r"de sa|de leur|de son) )|mourir(?! (?:de rire|de faim|de chaud|de froid|de soif|d ennui|"
        r"de honte|de fatigue|de sommeil|de stress|en premier))|partir pour (?:toujours|de bon)"
        r"(?! (?:en|a|au|aux|dans|vers|chez|de chez|loin)\b)|se (?:tuer(?! a la tache| au travail)|"
        r"suicider|jeter (?:sous|du|d|par|dans|de|en bas)|pendre|foutre en l air|"
        r"ouvrir les veines|tirer une balle(?! dans le pied))|en finir)\b",
        r"\b(?:envie|besoin|veux|voudrais) (?:juste |seulement )?que tout s arrete\b",
        r"\benferme\w*(?: \w+){0,6} avec (?:des|une|un|ses|mes) (?:lames?|cutter|rasoir|couteau|"
        r"cachets|medocs|medicaments|corde)\b",
        r"\bla ou je vais\b(?: \w+){0,4} (?:plus besoin|aurai plus besoin|servira plus)\b",
        r"\b(?:a|ai) donne (?:toutes |tout |la plupart de )?(?:ses|mes) (?:affaires|habits|"
        r"vetements|objets|trucs)\b(?: \w+){0,3} (?:a|aux) (?:ses|mes) (?:amis|potes|proches|"
        r"freres|soeurs|cousins|copains|copines)\b",
        r"\becrit (?:des |une |mes |ma )?lettres? (?:pour|a) (?:ma famille|mes proches|mes parents|"
        r"ma mere|mon pere|tout le monde|mes amis)\b",
        r"\bpas me rater cette fois\b|\b(?:cachets|medocs|medicaments|pilules|corde|lame)\b"
        r"(?: \w+){0,4} pour (?:ne )?pas me rater\b",
        r"\bpense (?:souvent |tout le temps |beaucoup |)a la mort\b(?! d)",
        r"\b(?:cachets|medocs|medicaments|pilules|comprimes)\b(?: \w+){0,4} (?:pour (?:tout )?"
        r"(?:les )?avaler|pour en finir|pour mourir|pour ne plus me reveiller)\b",
        # "disparaître de vos fichiers / de la restauration" is not "disparaître de ce monde".
        r"\b(?:veux|voudrais|envie de|prefere) (?:disparaitre(?! (?:de|des|du|d) "
        r"(?!(?:ce |la |cette )?(?:monde|surface|terre|planete|vie|ma vie|cette vie|existence)\b))|"
        r"partir pour toujours|plus etre la|quitter ce monde)\b",
        r"\bj en peux plus de (?:vivre|la vie|ma vie|cette vie|exister|tout)\b",
        # Euphemisms of an attempt ("faire une connerie") and of jumping, from a second
        # independently written set (2026-11-26).
        r"\b(?:je vais|vais|je risque de|peur de|envie de|pret a|prete a|sur le point de|"
        r"capable de) faire (?:une |des )?(?:grosse |grosses )?(?:connerie|conneries|betise|"
        r"betises)\b",
        rf"\b(?:{_WISH}|vais)(?: \w+){{0,2}} sauter\b" + _NOT_SKIPPING,
        r"\b(?:sur|en haut du|au bord du|au bord de la) (?:le |la |un |une )?(?:pont|toit|balcon|"
        r"quai|rebord|fenetre|falaise)\b(?: \w+){0,8} (?:sauter|me jeter|en finir|(?:regard\w*|"
        r"fixe\w*) (?:l eau|le vide|en bas|la seine|les rails|les voies))\b",
        r"\b(?:lettres?|mots?|messages?) d adieux?\b|\bfaire mes adieux\b|"
        r"\best la fin pour moi\b",
        r"\b(?:vois|trouve) (?:plus|pas|aucun) (?:d |l |le moindre )?interet (?:a |de )?"
        r"(?:rien|vivre|la vie|ma vie|continuer a vivre|exister)\b",
        rf"\b{_WISH}(?: \w+){{0,2}} partir pour (?:de bon|toujours)\b",
        r"\b(?:jpp|j en peux plus|en pls|je craque|je tiens plus)\b(?: \w+){0,8} "
        r"(?:je veux plus rien|veux plus rien|que tout s arrete|j ai plus envie de rien|"
        r"plus envie de rien|envie de tout arreter|je veux tout arreter|tout arreter|"
        r"envie de rien|plus la force|plus aucun sens|je veux partir|je sers a rien|"
        r"je suis un poids)\b",
        # From a tenth independent set (phonetic, dictated, English-speaking writers) and the
        # crisis messages of the 2026-11-26 training data that no rule caught.
        r"\b3114\b",
        # From a fourteenth set (2026-11-26): "not here for long".
        r"\b(?:vais|serai|serais)\b(?: \w+){0,2} (?:plus|pas) (?:etre )?la (?:bien )?longtemps\b"
        r"(?! (?:ce|cet|cette|aujourd|demain|a|au|aux|en|pour|parce|pcq|car|j ai|dans)\b)",
        # From an eleventh set (2026-11-26): one's own funeral, a birthday one won't see.
        r"\b(?:obseques|enterrement|funerailles)\b(?: \w+){0,6} (?:pour moi|les miennes|le mien)\b|"
        r"\bmes (?:propres )?(?:obseques|funerailles)\b|\bmon (?:propre )?enterrement\b(?! de vie)",
        r"\b(?:compte|vais|pense|serai|serais) (?:pas|plus|meme pas) (?:la pour )?(?:feter|voir|"
        r"arriver a|atteindre) mes \d+ ans\b(?! (?:au|a la|a l|chez|avec|en|dans|cette|ce|parce|"
        r"car|pcq|trop|faute))",
        r"\b(?:kill|killing|hurt) myself\b|\b(?:want|wanna|going) (?:to )?die\b|"
        r"\bnever wake up\b|\bend (?:my life|it all)\b|\b(?:don t|do not|not) want (?:to )?live\b|"
        r"\bno reason to live\b",
        rf"\b(?:pris|avale)\w* (?:des |mes |plein de |\d+ )?{_PILLS}\b(?: \w+){{0,4}} "
        rf"(?:avec|et) (?:de l |du |de la |un peu de |une bouteille de )?{_ALCOHOL}\b",
        rf"\b(?:pris|avale\w*) (?:[1-9]\d|\d{{3}}) {_PILLS}\b",
        r"\bavale\w* (?:tout|toute) (?:ce qu il y (?:avait|a) dans )?"
        r"(?:la|l armoire a|le placard a) pharmacie\b",
        rf"\b{_PILLS}\b(?: \w+){{0,4}} pour (?:ne )?plus (?:me )?reveiller\b",
        r"\b(?:achete|commande|trouve|prepare)\w* (?:une|la) corde\b(?! a sauter| d escalade| pour "
        r"(?:le|la|les|mon|ma|l|grimper|attacher|tirer|bloquer|la tente|le velo))",
        r"\bcomment (?:mourir|me tuer|me suicider|en finir(?! avec)|me pendre)\b(?! de rire)",
        r"\b(?:seine|pont|toit|rails|voies|quai|falaise)\b(?: \w+){0,4} une derniere fois\b",
        r"\b(?:eteindre la lumiere|tout eteindre|m eteindre|fermer les yeux|m endormir)\b"
        r"(?: \w+){0,2} pour (?:de bon|toujours)\b",
        rf"\b{_WISH}(?: \w+){{0,2}} (?:m eteindre|tout eteindre)\b",
        r"\bplus (?:la force|le courage|l energie) de continuer\b(?! (?:mes|ma|mon|les|la|le|a|l|"
        r"cette|ce|ces|comme|dans|sur)\b)",
        r"\b(?:sais|sait) (?:meme )?pas si je (?:serai|serais) (?:encore|toujours) "
        r"(?:la|en vie|vivante?)\b",
        r"\bpartir\b(?: \w+){0,3} (?:et )?pas en (?:voyage|vacances)\b",
        r"\b(?:ecrit|prepare|laisse)\w* (?:une|des|ma|mes) lettres? (?:pour|a) (?:chacun|chacune|"
        r"chaque personne|ceux que j aime|les gens que j aime|tous ceux)\b|"
        r"\blaisse\w* un mot (?:sur mon bureau )?pour "
        r"(?:ma mere|mon pere|mes parents|ma famille)\b",
        r"\b(?:plus besoin|aurai plus besoin|aurai pas besoin|servira plus)\b(?: \w+){0,3} "
        r"la ou je vais\b",
        # Round 9 (set zj): "le mec saute du train à la fin" is a film.
        r"(?<!\bil )(?<!\belle )(?<!\bmec )(?<!\bmeuf )(?<!\bperso )(?<!\bheros )"
        r"(?<!\bacteur )(?<!\bpersonnage )"
        r"\b(?:saute|sauterai|sauterais) (?:du|d un|par la|de la|du haut d un|sous un|sous le|"
        r"dans la|dans le) (?:pont|fenetre|toit|balcon|immeuble|train|metro|rer|seine|falaise|"
        r"voie)\b",
        r"\b(?:il|elle) (?:dit qu (?:il|elle) |menace de |veut |va )(?:va )?sauter\b"
        + _NOT_SKIPPING,
        r"\b(?:sur|en haut du|au bord du|au bord de la) (?:le |la |un |une )?(?:pont|toit|balcon|"
        r"rebord|fenetre|falaise)\b(?: \w+){9,14} sauter\b" + _NOT_SKIPPING,
        r"\b(?:besoin de|faut que je parle a) (?:parler a )?quelqu un\b(?: \w+){0,4} "
        r"(?:je tiens plus|j en peux plus|je craque)\b|\b(?:je tiens plus|j en peux plus|je craque)"
        r"\b(?: \w+){0,4} besoin (?:de parler a |d )?(?:quelqu un|aide)\b",
        # From a twenty-second set (2026-11-26): "après ça j'aurai plus besoin de rien".
        r"\b(?:j aurai|aurai|j en aurai) plus besoin de rien\b"
        r"(?! (?:demander|d autre|de plus|pour|a|de|du|des))",
        # From a sixteenth set (2026-11-26): Antillean creole ("an vlé mò", "mwen pa vlé viv").
        r"\b(?:an|mwen|man) (?:vle|le|anvi|ka anvi) (?:mo|mouri|mourir)\b|"
        r"\b(?:an|mwen|man) pas (?:vle|le) viv\b|"
        r"\b(?:tchouye|touye|tchwe|tiye) (?:ko|tet|kor) (?:an |a )?mwen\b",
        # From a twenty-sixth set (round 6): knowing where the key of the gun cabinet is.
        r"\b(?:trouve|sais|connais|pris|pique|vole|chope)\w*(?: \w+){0,6} (?:cle|cles|code)"
        r"(?: \w+){0,3} (?:armoire|coffre|placard|meuble) (?:a|aux|des|de|d) (?:fusils?|armes?)\b",
        # Round 6: crisis messages of the sets that only the classifier caught, narrowly.
        r"\bi (?:don t|dont|do not) want to be alive\b|\bi m done with (?:everything|it all|life)$|"
        r"\b(?:don t|dont|do not) see the point (?:anymore|of living)\b",
        r"\b(?:ce|ca|tout) (?:serait|sera|irait) (?:bien |tellement )?mieux sans moi\b"
        r"(?! (?:pour|dans|sur|a) (?:le|la|les|l|ce|cette|mon|ma|ton|ta|votre|notre|leur)\b)",
        r"\b(?:j ai|g|jai|a) (?:tout )?vide (?:toute )?(?:l armoire|la boite|le placard|la trousse|"
        r"le tiroir) a pharmacie\b",
        r"\b(?:ca fait|depuis)\b(?: \w+){0,4} (?:que je |je )?(?:regarde|fixe)\w* (?:les rails|"
        r"les voies|le vide)\b",
        r"\bdisparai\w* pour (?:de bon|toujours)\b",
        r"\bsi je (?:reponds|repond) plus\b(?: \w+){0,3} (?:c est normal|t inquiete pas|"
        r"ne vous inquietez pas)\b",
        # From a twenty-eighth set (round 6): a literal question, a veiled goodbye.
        r"\bpour (?:ne )?(?:plus jamais|plus|jamais) (?:me|se|m|s) reveiller\b" + _NOT_A_NIGHT_TIME,
        r"\b(?:pas|plus) (?:etre )?la pour\b(?: \w+){0,6} ni apres\b",
        r"\bla haut\b(?: \w+){0,10} (?:choisi|fixe|prevu|pose) (?:la|une|ma) date\b"
        r"(?! (?:du|de|d|pour|avec))|\b(?:choisi|fixe|prevu|pose) (?:la|une|ma) date\b"
        r"(?! (?:du|de|d|pour|avec))(?: \w+){0,10} la haut\b",
        # From a thirty-first set (round 7): looking up how to tie a knot that holds.
        r"\b(?:tutos?|tutoriels?|videos?|regarde\w*|cherche\w*|comment (?:on )?(?:fait|faire))"
        r"(?: \w+){0,6} n(?:oe|o)?uds? (?:coulants?|solides?|qui tiennent|qui tient|de pendu)\b"
        r"(?!(?: \w+){0,5} (?:cravate|lacets?|bateau|voile|escalade|bracelet|macrame|cheveux|"
        r"peche|chaussures?|colis|tente|corde a linge))",
        # Round 8 (conversations written blind, sets d and e; set zf): wishing not to be here,
        # a "definitive" sleep, a threat on a condition.
        r"\b(?:plus simple|mieux|plus facile|plus tranquille|plus leger|moins lourd)"
        r"(?: pour (?:tout le monde|tous|les autres|ma famille|mes parents|eux))? si "
        r"(?:je (?:n )?(?:etais|existais|serais)|j (?:etais|existais)) (?:plus|pas)"
        r"(?: (?:la|ne|en vie|de ce monde))?\b(?! (?:pour|a|au|aux|dans|en|sur|avec|chez|le|la|"
        r"les|ce|cette|ces|bas|demain|aujourd|quand|pendant|lundi|mardi|mercredi|jeudi|vendredi|"
        r"samedi|dimanche|ici)\b)",
        r"\bsi (?:je (?:n )?(?:etais|existais) (?:plus|pas)|j etais plus) (?:la|en vie)\b"
        r"(?: \w+){0,4} (?:plus simple|mieux|personne|tout le monde|plus facile)\b",
        r"\b(?:dodo|sommeil|dormir|sieste|nuit) (?:definitif|definitive|eternel|eternelle|"
        r"pour l eternite|sans reveil)\b",
        r"\bsi\b(?: \w+){1,8} (?:je me tue|je me suicide|je me foutrai en l air|je me jette|"
        r"je me pends|je me fous en l air|je me supprime)\b(?! (?:a|au|aux|de|du|des) )",
        r"\b(?:ma|c est ma|c ma) derniere nuit\b(?! (?:a|au|aux|en|dans|chez|ici|d|avant)\b)"
        r"(?! de (?!toute facon))",
        r"\b(?:bonne nuit|adieu|au revoir|bye)\b(?: \w+){0,3} pour (?:toujours|de bon)\b",
        r"\bje me tue\b(?: \w+){0,3} c est (?:fini|la fin)\b",
        # Round 8 (set zh): how long a body lasts without food and water; a goodbye note.
        r"\b(?:arrete|arreter|arretes|arrete) (?:completement |totalement |tout )?de (?:manger et "
        r"(?:de )?boire|boire et (?:de )?manger)\b|\bcombien de temps\b(?: \w+){0,4} sans "
        r"(?:manger ni boire|boire ni manger|eau ni nourriture)\b",
        r"\b(?:goodbye|farewell|suicide) (?:note|letter)\b",
        # A zc crisis that batch 18 tipped to feedback: "vous direz à ma conseillère que c'était
        # pas sa faute", a farewell.
        r"\b(?:dites|direz|dis|diras|dire) (?:a|au|aux) (?:\w+ ){1,3}que (?:c est etait|c etait|"
        r"ce etait|ce n etait) (?:pas|jamais) (?:sa|leur|ta|votre|ton|son) faute\b",
        # English, as newcomers write it (round 7).
        r"\b(?:want|wants|wanna|going|gonna|plan|plans|planning|try|trying|tried) to (?:die|kill "
        r"(?:myself|himself|herself|themselves)|end (?:it all|my life|his life|her life))\b"
        r"(?! (?:of|laughing))|\b(?:took|taken|take|swallowed) (?:too many|all (?:my|his|her|the)) "
        r"(?:pills|tablets|meds)\b",
    ),
    DistressKind.SELF_HARM: (
        # Round 9 (set zj): the wish, asked as a question ("c normal d avoir envie de se faire
        # du mal ?").
        r"\b(?:envie|besoin) de (?:se|me|m|s) (?:faire du mal|couper|bruler|scarifier|mutiler)\b",
        # Round 9 (set zi, conversation h25): starting again with the blades; Antillean creole.
        r"\b(?:recommence|repris|rechute)\w*(?: \w+){0,2} (?:avec )?(?:les|la|mes|ma) "
        r"(?:lames?|cutter|rasoir)\b(?! (?:de rasoir|neuves?|pour (?:la|ma) barbe))",
        r"\b(?:koupe|blese|blese) (?:ko|kor) (?:mwen|moin|an mwen)\b",
        r"\bscarifi\w*|\bscarif\b|\bautomutil\w*|\bauto mutil\w*|\bmutil\w*",
        r"\b(?:je me|j me|envie de me|besoin de me|veux me|recommence a me|continue a me|"
        r"arrete pas de me|arrive pas a arreter de me|vais me|je me suis) (?:fais|faire|fait|"
        r"suis fait|suis faite) (?:du mal|mal expres|des entailles|des marques|saigner)\b",
        r"\bme (?:coupe|couper|suis coupee?|coupais|taillade|taillader|brule|bruler|"
        r"griffe|griffer) (?:encore |souvent |tout le temps |tous les soirs |des fois |"
        r"expres |volontairement )?(?:les |le |la |aux |au |sur les |sur le )?(?:bras|poignets?|"
        r"cuisses?|peau|jambes?|ventre|expres|jusqu au sang|au cutter|a la lame|au rasoir)\b",
        r"\b(?:je me coupe|me couper|je me mutile|je me brule)$",
        # From a twenty-fourth set (round 6): "je me coupe encore", said in passing.
        r"\bje me (?:coupe|recoupe|brule|scarifie) (?:encore|toujours|de nouveau|a nouveau|"
        r"souvent|parfois|des fois|tous les (?:jours|soirs)|en cachette)\b"
        r"(?! (?:les cheveux|la frange|les ongles|les pointes|du monde|de tout|des autres|de mes|"
        r"de ma|de la|des gens|les doigts|le doigt|en cuisinant|au soleil))",
        r"\bentaill\w*|\bme suis (?:encore |deja |)(?:coupee?|taillad\w*|brulee?|griffee?) "
        r"(?:les |le |la |aux |au )?(?:bras|poignets?|cuisses?|veines|peau|jambes?|ventre)\b",
        r"\bme (?:fais|fait|faire) (?:du )?mal (?:avec|expres|volontairement|moi meme|quand)\b",
        r"\bje me suis (?:encore |re |de nouveau |deja )?(?:juste |un peux? |juste un peux? )?"
        r"(?:re)?(?:coupee?|scarifiee?|tailladee?)\b"
        r"(?! (?:les cheveux|la frange|en cuisinant|en coupant|avec une feuille|avec du papier|"
        r"au doigt|le doigt|les doigts|la main|en faisant|en me rasant|avec un couteau de cuisine|"
        r"du monde|de tout|de mes amis|de ma famille|des autres))"
        # "je me suis coupé avec le cutter au taf" (set zl): an accident at work.
        r"(?!(?: \w+){0,4} (?:au taf|au travail|au boulot|en cuisine|au chantier|sur le chantier|"
        r"par accident|sans faire expres|en bricolant)\b)",
        r"\bme brul\w* (?:avec (?:des|une|ma|mes|un|mon)|a la|au) "
        r"(?:cigarettes?|clopes?|briquet)\b",
        # Round 8 (set zh): hiding fresh cuts, scars of cuts.
        r"\bcicatrices? (?:de |des )?(?:coupures?|scarif\w*|lames?)\b(?! (?:de cuisine|d enfance))|"
        r"\b(?:cacher|camoufler|masquer|planquer|disparaitre)\b(?: \w+){0,3} (?:mes |les |des )?"
        r"(?:coupures?|entailles?|marques de (?:coupures?|lames?)|brulures?)\b(?: \w+){0,4} "
        r"(?:bras|poignets?|cuisses?|recentes?|fraiches?)\b",
        # Round 7 (a classifier-only catch of set zc that batch 15 tipped over): cutting oneself
        # to stop feeling, or so many times.
        r"\bje me (?:coupe|recoupe|brule|scarifie|griffe)\b(?: \w+){0,2} "
        r"(?:pour (?:ne )?(?:plus|pas) (?:rien )?(?:sentir|ressentir|penser)|"
        r"pour (?:me )?(?:soulager|calmer|punir))\b",
        r"\bje me (?:coupe|recoupe|scarifie)\b(?! (?:les|la|le|du|de|des|en|au)\b)(?: \w+){0,4} "
        r"(?:ca fait|deja) \w+ fois\b",
        r"\bme suis (?:encore )?(?:brulee?|coupee?|griffee?|mutilee?|frappee?)\b"
        r"(?! (?:les cheveux|la frange|le doigt|les ongles))(?: \w+){0,5} "
        r"(?:expres|volontairement|pour me soulager|ca me soulage)\b",
        r"\bme suis (?:encore )?brulee? (?:avec (?:des|une|ma|mes|un)|a la|au) "
        r"(?:cigarettes?|clopes?|briquet)\b",
        r"\b(?:lame|lames|cutter|rasoir) (?:sur|contre) (?:moi|mes bras|ma peau|mes poignets)\b",
        r"\bme couper (?:au|avec (?:une|la|le|un)) (?:lame|cutter|rasoir)\b",
        r"\b(?:rechute|recommence)\w*(?: \w+){0,3} (?:scarif|coupure|me couper|me faire du mal)",
        r"\bouvert (?:le|les|mon|mes) (?:bras|poignets?|veines)\b",
        r"\bmanches longues\b(?: \w+){0,6} (?:ete|aout|juillet|juin|chaleur|canicule|"
        r"pas pour le style|pour cacher)\b",
        r"\bme (?:brul|cram)\w*(?: la peau| le bras| les bras)?(?: \w+){0,2} (?:avec|au|a la) "
        r"(?:un |le |une |la )?(?:briquet|cigarette|clope|fer)\b",
        r"\bme \w+ jusqu au sang\b|\bme faire saigner\b",
        r"\b(?:cache|planque|garde)\w* (?:des|mes|ses) lames\b|\bpour me couper\b"
        r"(?! (?:les cheveux|la frange|les ongles|les pointes))",
        r"\bme (?:tape|frappe|cogne) la tete contre (?:le|les|un) murs?\b",
        r"\b(?:coupures|cicatrices|entailles)\b(?: \w+){0,3} (?:sur |aux |a |les |des )?"
        r"(?:bras|avant bras|poignets|cuisses)\b|\b(?:bras|avant bras|poignets|cuisses)\b"
        r"(?: \w+){0,3} (?:coupures|cicatrices|entailles)\b",
        # Round 6: a friend who cuts herself.
        r"\b(?:s ouvr|se coup|se scarifi|se mutil|se taillad)\w* (?:les |le |la |ses |sa )?"
        r"(?:bras|avant bras|poignets?|veines|cuisses?)\b",
        # English (round 7).
        r"\b(?:i|she|he) (?:cut|cuts|hurt|hurts|burn|burns) (?:myself|herself|himself)\b|"
        r"\bcutting (?:myself|herself|himself)\b|\bself harm\w*",
    ),
    DistressKind.CHILD_DANGER: (
        # Round 9, apostrophe probe: a minor sleeping with older men for a roof.
        r"\b(?:dort|dormir|dors) chez des (?:hommes|mecs|types|inconnus)\b(?: \w+){0,4} "
        r"(?:en echange|contre|pour)\b",
        r"\b(?:pere|daron|mere|daronne|beau pere|parrain)\b(?: \w+){0,8} (?:boit|bourre|saoul)\b"
        r"(?: \w+){0,8} (?:bleu|bleus|coquard|marques?)\b",
        # Round 9 (set zi): a parent who beats, in Antillean creole.
        r"\b(?:manman|papa|mama)\b(?: \w+){0,2} (?:ka |ap |te )?bat (?:mwen|moin|amwin)\b",
        rf"\b{_FAMILY}\b{_BETWEEN} {_ME}{_HIT}",
        rf"\bje me fais (?:frapper|taper|battre|violer|tabasser|toucher|etrangler|enfermer)"
        rf"(?: \w+){{0,3}} (?:par )?{_FAMILY}\b",
        # Someone else's child in danger: "mon petit frere se fait taper par mon beau pere".
        rf"\bse fait (?:frapper|taper|battre|violer|tabasser|toucher|etrangler|enfermer)"
        rf"(?: \w+){{0,3}} par {_FAMILY}\b",
        r"\b(?:maltrait\w*|maltraitance)\b",
        r"\b(?:a la maison|chez moi|chez mes parents)\b(?: \w+){0,3} (?:on|ils|il|elle) "
        r"(?:me|m) (?:frapp\w*|tap\w*|bat\w*|cogn\w*|touch\w*|viol\w*)",
        rf"\b{_FAMILY}\b(?: \w+){{0,8}} {_ME}(?:touch\w*|caress\w*)\b",
        rf"\b{_FAMILY}\b(?: \w+){{0,2}} (?:vient|rentre|entre) dans (?:ma chambre|mon lit)\b"
        r"(?: \w+){0,3} la nuit\b",
        r"\binceste\b",
        # Round 12 (set zz): a child touched by a relative or an adult.
        r"\bse fait (?:toucher|violer|tripoter|frapper|taper|battre) par (?:un|une|son|sa|mon|ma|"
        r"leur) (?:cousin|cousine|oncle|tante|voisin|voisine|adulte|beau pere|prof|entraineur|"
        r"coach|moniteur|animateur)\b",
        # Round 12 (set zx): a child left alone for days.
        r"\b(?:[2-9]|1[0-5]) ans\b(?: \w+){0,4} (?:seule?|tout seul|toute seule) (?:a la maison|"
        r"chez (?:nous|moi|elle|lui)|depuis \w+ (?:jours|nuits))\b",
        # Round 12 (sets zt, zv): a runaway minor; a child screaming under blows next door.
        r"\b1[0-7] ans\b(?: \w+){0,4} (?:a )?fugu\w*|\bfugu\w*\b(?: \w+){0,8} 1[0-7] ans\b",
        r"\benfants?\b(?: \w+){0,3} (?:hurler|crier|pleurer|hurle|crie)\b(?: \w+){0,5} "
        r"(?:coups|frappe\w*|tape\w*)\b",
        # Round 12 (set zt): a parent hitting a younger brother or sister.
        rf"\b{_FAMILY}\b(?: \w+){{0,6}} (?:tape|frappe|bat|cogne|tabasse|gifle)\w* "
        r"(?:ma|mon|mes) (?:petite soeur|petit frere|petites soeurs|petits freres|soeur|frere|"
        r"soeurs|freres)\b",
        r"\b(?:son|sa|leur) (?:pere|beau pere|mere|belle mere|oncle|frere|grand pere|cousin) "
        r"(?:la|le|les|l) (?:touche|touchait|frappe|frappait|bat|battait|viole|violait|tape)\b",
        rf"\b{_FAMILY} (?:est|sont|devient|deviennent) (?:tres |trop |super |hyper )?violente?s?\b",
        r"\bpeur de (?:rentrer|retourner) (?:chez moi|a la maison|chez mes parents)\b",
        r"\b(?:son|sa|leur|mon|ma) (?:pere|beau pere|mere|belle mere|oncle|grand pere) "
        r"(?:la|le|les|l) (?:enferme\w*|frapp\w*|bat|battait|tabass\w*|viol\w*|touch\w*)\b",
        r"\b(?:frapp\w*|tap\w*|battu\w*|bat|cogn\w*)\b(?: \w+){0,3} (?:avec|a coups de) "
        r"(?:la|une|sa|leur) ceinture\b",
        # From a twentieth set (2026-11-26): "violence à la maison".
        r"\b(?:violences?|violent|violente|violents) (?:a la maison|chez moi|chez nous|"
        r"dans ma famille)\b",
        # Round 7 (a classifier-only catch of set n that a data batch tipped over): "à la maison
        # ça crie et ça cogne".
        r"\b(?:a la maison|chez moi|chez nous)\b(?: \w+){0,6} (?:ca|il|elle|ils|on) "
        r"(?:cogne|cognent|frappe|frappent|tape|tapent)\b(?! (?:a la porte|a ma porte|fort sur))",
        # From an eighteenth set (2026-11-26): a child working for a drug network.
        r"\b(?:mon|ma) (?:petit frere|petite soeur|petit cousin|petite cousine)\b(?: \w+){0,8} "
        r"(?:fait le guet\w*|guetteur|chouf\w*|charbonn?\w*|deal\w*|pour le reseau|"
        r"pour un reseau|pour les dealers|pour des dealers)\b",
        # From a thirty-first set (round 7): a minor's images shared without her consent.
        rf"\b{_IMAGES}\b(?: \w+){{0,10}} {_NO_CONSENT}\b(?: \w+){{0,8}} (?:a|de) 1[0-7] ans\b|"
        rf"\b(?:a|de) 1[0-7] ans\b(?: \w+){{0,10}} {_IMAGES}\b(?: \w+){{0,10}} {_NO_CONSENT}\b",
        # English (round 7).
        r"\bmy (?:father|dad|mother|mom|mum|stepfather|stepdad|stepmother|parents|uncle|brother) "
        r"(?:hits|beats|hurts|hit|beat|touches) me\b",
    ),
    DistressKind.PARTNER_VIOLENCE: (
        rf"\b{_PARTNER}\b{_BETWEEN} {_ME}{_HIT}",
        rf"\bje me fais (?:frapper|taper|battre|violer|tabasser|etrangler|enfermer|menacer)"
        rf"(?: \w+){{0,3}} (?:par )?{_PARTNER}\b",
        r"\bviolences? conjugales?\b",
        rf"\b{_PARTNER}\b{_BETWEEN} (?:me|m) (?:force|oblige) a (?:coucher|faire|avoir)\b",
        rf"\bpeur de {_PARTNER}\b",
        rf"\b{_PARTNER} (?:est|devient) (?:tres |trop |super |hyper )?violente?\b",
        r"\bviolences? faites aux femmes\b|\b3919\b",
        r"\b(?:son|sa) (?:copain|mec|mari|ex|compagnon|copine|femme)\b(?: \w+){0,2} (?:la|le|l) "
        r"(?:etrangl\w*|frapp\w*|tabass\w*|bat|viol\w*|menace\w*)\b",
        r"\bsi je (?:le|la|te) quitt\w*\b(?: \w+){0,3} (?:il|elle) (?:me tue\w*|va me tuer|"
        r"me fera|me ferait|me defonce\w*|brule\w*|va bruler|mettra le feu)",
        r"\b(?:brul\w*|feu)\b(?: \w+){0,4} avec moi dedans\b",
        rf"\b{_PARTNER}\b(?: \w+){{0,3}} (?:il |elle )?(?:frappe|tape|bat|enferme) moi\b",
        # Round 12 (set zt): a father or stepfather hitting the mother, witnessed.
        r"\b(?:mon (?:pere|daron|beau pere|papa)|le (?:mec|copain|mari) de ma mere)\b(?: \w+){0,6} "
        r"(?:tape|frappe|bat|cogne|tabasse|gifle|etrangle)\w* (?:ma mere|ma maman|ma reum|"
        r"ma daronne)\b",
        r"\bse fait (?:taper|frapper|battre|tabasser|etrangler) par (?:son|sa) (?:copain|mec|mari|"
        r"ex|compagnon|copine|femme|petit ami|petit copain)\b",
        # Round 6: a mother beaten by her partner.
        r"\b(?:ma mere|ma reum|ma daronne|ma maman) s est fait (?:cogner|frapper|tabasser|taper) "
        r"par (?:mon|son|notre) (?:daron|pere|beau pere|mec|copain|mari|compagnon)\b",
        # English (round 7).
        r"\bmy (?:boyfriend|husband|partner|girlfriend|wife|ex) (?:hits|beats|hurts|hit|beat|"
        r"strangled|chokes|choked) me\b",
    ),
    DistressKind.HOMELESS: (
        # Round 12 (set zz): locked out, the locks changed.
        r"\b(?:ont|a|avait|avaient) change (?:les|la) serrures?\b",
        # Round 9 (set zj): no place to sleep tonight, asked as a question.
        r"\b(?:plus|pas|aucun|nul) (?:d )?(?:endroit|coin|lieu|place|toit) (?:ou|pour) dormir "
        r"(?:cette nuit|ce soir)\b",
        # Round 9 (set zi): put out, nowhere to sleep, in Antillean creole.
        r"\bpa (?:ni|gen|genyen) (?:kote|ko) pou (?:m )?(?:domi|dormi)\b",
        r"\b(?:mete|met|jete) (?:mwen|moin|amwin) (?:deyo|dewo|dehor)\b(?: \w+){0,4} "
        r"(?:aswe|jodi|ce soir|kounye|tonight)\b",
        r"\b(?:dors|dort|dormir|dormi|dormirai|dormais|dormons|passer la nuit|passe la nuit|"
        r"nuit)\b(?: \w+){0,3} (?:dehors|a la rue|dans la rue|dans ma voiture|"
        r"dans une voiture|dans ma caisse|dans la gare|a la gare|dans le metro|dans un parc|"
        r"dans le parc|au parc|au square|dans les escaliers|dans un hall|dans le hall|sous un pont|"
        r"dans un squat|"
        r"dans la cage d escalier|dans un abri|sur un banc|dans le bus de nuit)\b"
        # A festival, a camp, a queue: sleeping outside by choice (round 8).
        r"(?! (?:au|a un|a une|en|pour le|pour la|pour un|pour une|devant le|devant la) "
        r"(?:festival|festoch|camping|concert|bivouac|camp|scouts?|file|queue|rando\w*|vacances|"
        r"plage|fete|soiree|sortie))",
        r"\b(?:je suis|je me retrouve|je vais etre|je vais me retrouver|je me suis retrouvee?|"
        r"me retrouver|on est|nous sommes|je serai|je serais|me voila) (?:a la rue|dehors ce soir|"
        r"dans la rue (?:ce soir|cette nuit|depuis)|"
        r"sans (?:toit|logement|abri|domicile|rien pour dormir))\b"
        r"(?! (?:niveau|cote|question|financierement|en ce moment niveau|pour (?:les|mes) "
        r"(?:factures|courses)|avec (?:mon|ma|mes|le|la|les) (?:dossier|demande|papiers|cv|"
        r"candidature|devoirs|exam\w*)|en (?:maths|francais|anglais|cours|orthographe|compta\w*)|"
        r"sans (?:entreprise|patron|employeur|contrat|stage|alternance|formation)))",
        # Asking how to get a postal address (domiciliation) is a papers question (ask_admin).
        r"^(?!.*\bdomicili\w*).*\b(?:sdf|sans abri|sans domicile|sans logement|sans toit)\b",
        # "nul part" is how it is often typed (a conversation of set a, round 7).
        # Round 8: asking to sleep at the Mission Locale tonight (set zd, tipped over by batch 17).
        r"\b(?:possible de|je peux|on peut|peux|pourrais|pouvez) (?:rester|dormir|passer la nuit|"
        r"crecher)\b(?! tard| jusqu| plus tard)(?: \w+){0,5} (?:cette nuit|ce soir)\b|"
        r"\bje dors dans un coin\b",
        # Round 8: a social worker writing "aucune solution d'hébergement pour ce soir".
        r"\b(?:aucune?|pas de|sans|plus de|n a (?:pas|aucune?) de?) (?:solution (?:d |de )?)?"
        r"(?:hebergement|logement|toit|endroit ou dormir|place ou dormir)\b(?: \w+){0,2} "
        r"(?:ce soir|cette nuit|pour la nuit)\b",
        r"\b(?:nul(?:le)? part|pas d endroit|aucun endroit|pas de place|pas de lieu|"
        r"personne chez qui) (?:ou |pour )?(?:dormir|crecher|me loger|passer la nuit)\b",
        r"\b(?:sais pas|sait pas|pas) ou (?:dormir|crecher|aller|passer la nuit) "
        r"(?:ce soir|cette nuit)\b",
        r"\bou (?:dormir|crecher|passer la nuit) (?:ce soir|cette nuit)\b|\bpas de toit\b",
        r"\bnul(?:le)? part ou aller\b",
        r"\b(?:je suis|je me retrouve|me voila|je reste) dehors\b(?: \w+){0,6} "
        r"(?:logement|dormir|nuit|ou aller|mon sac|mes affaires|valise|sans rien)\b",
        r"\b(?:plus de|pas de|perdu mon|sans) logement\b(?: \w+){0,6} (?:dehors|a la rue|ce soir|"
        r"cette nuit)\b",
        r"\b(?:m a|m ont|m avaient|m avait|ma|me|mont) (?:mis|mise|jete|jetee|vire|viree|foutu|"
        r"foutue|degage|degagee) (?:a la porte|dehors|de chez (?:moi|eux|lui|elle|nous)|"
        r"de la maison|de l appart|du foyer|du logement)\b",
        r"\b(?:vire|viree|jete|jetee|chasse|chassee|expulse|expulsee|mis|mise|foutu|foutue) "
        r"(?:de chez (?:moi|mes parents|ma mere|mon pere|mes darons|ma famille)|de la maison|"
        r"du foyer|de mon appart|de l appart|de mon logement|a la porte)\b",
        r"\b(?:je me fais|on me) (?:expulser|expulse|virer de chez|jeter dehors|"
        r"mettre dehors|mettre a la porte)\b",
        # "je vais me faire expulser ?" is a housing worry unless it is for now (round 7).
        r"\bje vais me faire (?:expulser|virer de chez|jeter dehors|mettre dehors|"
        r"mettre a la porte)\b(?=.*\b(?:ce soir|cette nuit|aujourd hui|maintenant|tout de suite|"
        r"demain)\b)",
        # "ce soir je dors dans la laverie / le camion / l'entrepôt" (not a room, a flat, a sofa).
        r"\b(?:ce soir|cette nuit)\b(?: \w+){0,3} (?:je dors|on dort|je vais dormir|dormir) "
        r"(?:dans|sous|sur) (?:la|le|les|un|une|l|ma|mon)\b(?! (?:chambre|maison|appart\w*|foyer|"
        r"residence|hotel|lit|canape|clic clac|studio|famille|bus de nuit pour rentrer)\b)",
        # The 115 unreachable or full, or tonight: a crisis. "L'hôtel du 115", "logé par le 115",
        # "l'assistante sociale du 115": housed, a housing or papers question.
        r"\bhebergement d urgence\b",
        r"^(?=.*\b(?:ce soir|cette nuit|dehors|dors|dormir|rue|froid|degres?|minuit|sonne|"
        r"repond\w*|decroche|answer|place|plein|sature|complet|rappel\w*|appel\w*)\b)"
        r".*(?<!hotel du )(?<!hotel )(?<!chambre du )(?<!par le )(?<!suivi du )\b115\b",
        r"\bpersonne chez qui (?:aller|dormir|crecher|dormir ce soir)\b",
        r"\b(?:m a|m ont|m avait) (?:dit|demande|ordonne) de (?:degager|partir|me casser|sortir|"
        r"quitter la maison)\b(?: \w+){0,3} (?:ce soir|cette nuit|maintenant|tout de suite)\b",
        r"\b(?:ce soir|cette nuit)\b(?: \w+){0,8} (?:je dors|je vais dormir|on dort|dormir) ou\b|"
        r"\b(?:je dors|je vais dormir|on dort) ou (?:ce soir|cette nuit)\b",
        r"\b(?:foyer|115|centre|hebergement|samu social|accueil|hotel)\b(?: \w+){0,8} "
        r"plus de place\b(?: \w+){0,3} (?:ce soir|cette nuit)\b",
        r"\b(?:dors|dort|dormir|dormi|dormais)\b(?: \w+){0,3} (?:dans (?:la|sa) voiture|"
        r"dans une cage d escalier|sur le trottoir|aux urgences|dans les urgences)\b",
        r"\b(?:sleep|sleeping|slept) (?:in|on) the streets?\b|"
        r"\b(?:no|nowhere) (?:place )?to sleep\b|\bhomeless\b",
        # Round 6: a night among the pallets of the warehouse.
        r"\b(?:dormir|dors|dort|passer la nuit)\b(?: \w+){0,2} entre les palettes\b",
        # English (round 7).
        r"\b(?:sleep|sleeping|slept|sleeps) (?:outside(?! (?:the|a|an|my|your|his|her|of)\b)|"
        r"in the (?:street|park|car|station)|on the "
        r"street)\b|\b(?:on the street|nowhere to (?:sleep|stay|go)) tonight\b",
    ),
    DistressKind.IMMEDIATE_DANGER: (
        # Round 9, apostrophe probe: threats over a debt, to oneself or one's family.
        r"\bsi\b(?: \w+){1,6} (?:il|ils|elle|on) s en (?:prend|prendra|prendront|prendrait) a "
        r"(?:ma famille|mes parents|ma mere|mon pere|ma soeur|mon frere|mes proches|moi)\b",
        r"\b(?:va|allait|vont|veut|veulent|allaient) s en prendre a (?:ma famille|mes parents|"
        r"ma mere|mon pere|ma soeur|mon frere|mes freres|mes soeurs|mon fils|ma fille|ma copine)\b",
        r"\b(?:fait|fera|faire|ferait) du mal a (?:ma famille|mes parents|ma mere|mon pere|"
        r"ma soeur|mon frere|mes freres|mes soeurs)\b",
        r"\bdes gens (?:l|les|m) ont menace\w*\b",
        # Round 9 (set zj): waited for downstairs, to be stabbed.
        r"\b(?:attend\w*|guett\w*|cherch\w*|venu\w*|viennent|vient|reviennent)\b(?: \w+){0,6} "
        r"pour me (?:planter|buter|poignarder|tabasser|defoncer|faire la peau|frapper)\b",
        r"\b(?:ka|ap|te) bat (?:mwen|moin|amwin)\b",  # round 9: "…ka bat mwen" (creole)
        r"\b(?:je suis|je me sens|on est|je me sent|suis|sens) (?:en danger|pas en securite|"
        r"plus en securite|en insecurite)\b",
        r"\bpeur pour ma vie\b|\bpeur qu (?:il|elle|ils|on) me tue\b",
        # Round 8 (conversation g40): "il a dit que si je pars il me tue".
        r"\bsi je (?:pars|le quitte|la quitte|les quitte|m en vais|parle|porte plainte|"
        r"le dis|appelle la police)\b(?: \w+){0,2} (?:il|elle|ils|on) "
        r"(?:me tue|me tuera|va me tuer|vont me tuer|me butera|va me buter)\b",
        r"\b(?:veut|veulent|voulait|a essaye de|ont essaye de|menace de|menacent de|"
        r"va venir|vont venir|viendrait|viendra|viendront|viendraient) (?:me tuer|me buter|"
        r"me frapper|me faire du mal|me planter)\b",
        r"\b(?:il|elle|ils|elles|on|qui) (?:va|vont|allait|allaient|vas|veut|veulent) (?:me tuer|"
        r"me buter|me planter|me planter un couteau|me poignarder|me tabasser|me defoncer|"
        r"me casser la gueule|me niquer|me faire la peau|me faire du mal)\b"
        # "ils vont me tuer en entretien avec le trou dans mon cv": a hard time (round 12).
        r"(?! (?:en|a l|au|pendant l|pendant le|a mon|a cet) (?:entretien|exam|examen|oral|partiel|"
        r"controle|stage|entrainement|match)\b)",
        r"\bmenaces? de mort\b|\bmenace de mort\b",
        r"\b(?:je me fais|je me suis fait|je me suis faite|on me|il me|elle me|ils me|"
        r"ils m ont|il m a|on m a|je suis|j ai ete|suis) (?:harcel\w*|"
        r"agress(?:e|ee|es|er|ait|ent)\b|viol(?:e|ee|es|er|ait|ent)\b|rackett?\w*|"
        r"menace(?:e|es)? de mort|frapp(?:e|ee|es|er|ait|ent)\b|tabass\w*|sequestr\w*)",
        r"\b(?:subis|subi|victime d|victime de|vis du|vis un) (?:du |un |une |des )?"
        r"(?:harcelement|cyberharcelement|agression|viol|violences?|racket)\b",
        rf"\b{_GENERIC}\b{_BETWEEN} {_ME}(?:frapp(?:e|ee|es|er|ait|ent)\b|battu\w*|bat|battent|"
        r"tap(?:e|ent|ait|aient) dessus|touch(?:e|ee|ent|ait|aient)\b(?! (?:pas|un mot|deux mots))|"
        r"coincee? (?:dans|contre)|"
        r"viol(?:e|ee|es|er|ait|ent)\b|tabass\w*|etrangl\w*|agress(?:e|ee|es|er|ait|ent)\b|"
        r"menace\w* avec (?:un|une) (?:couteau|arme|flingue|pistolet)|rackett?\w*|"
        r"cass\w* (?:le|la|les|mon|ma|mes) (?:bras|nez|dents?|cotes?|jambes?|gueule|tete))",
        # Someone unconscious or not breathing (an overdose at a party): 15 / 112 at once.
        r"\b(?:respire (?:plus|pas|mal|bizarre\w*|difficilement|presque plus)|"
        r"(?:il|elle) se reveille (?:pas|plus)|inconscient\w*|s est evanouie?|convuls\w*)\b",
        r"\bsuivie? par (?:un|des) (?:inconnus?|mecs?|hommes?|gars|types?)\b",
        r"\b(?:quelqu un|mec|homme|gars|type|mecs|hommes|gars|inconnu|inconnus)(?: qui)? me "
        r"(?:suit|suivent|suivait|suivaient)\b",
        r"\b(?:envoyer|renvoyer|emmener) (?:au bled|au pays)\b(?: \w+){0,3} (?:marier|mariage)\b",
        r"\bcyberharcel\w*",
        r"\b(?:il|elle|ils|elles) (?:a|ont|aurait) ete (?:violee?s?|agressee?s? sexuellement)\b|"
        r"\bs est fait(?:e)? (?:violer|agresser sexuellement)\b",
        r"\bmariage force\b|\bforce a me prostituer\b|\bme prostituer\b",
        r"\bphotos? (?:de moi )?(?:nue?s?|a poil|intimes?)\b(?: \w+){0,8} (?:menace\w*|chantage|"
        r"sinon|si je)\b",
        r"\bmenace\w* de (?:les |la |tout |toutes )?(?:envoyer|publier|diffuser|poster|balancer)\b",
        r"\b(?:chez qui je dors|qui m heberge|qui me loge|m heberge|me loge)\b(?: \w+){0,6} "
        r"(?:en echange|en retour|pour me payer|comme loyer)\b",
        r"\b(?:m a|m ont|m avait|me|m) (?:force|forcee|oblige|obligee|obligent|forcent|contraint|"
        r"contrainte) a "
        r"(?:coucher|faire des choses|avoir des rapports|le sucer|me deshabiller)\b",
        r"\b(?:m a|m ont|m avait|m ait|m aient) forcee?\b(?! a (?:venir|aller|rester|manger|"
        r"boire|faire|prendre|choisir|signer|travailler|accepter|partir|payer|rentrer|sortir|"
        r"lire|ecrire|reviser))",
        r"\b(?:balance|balancer|diffuser|diffuse|poster|publier|envoyer) (?:mes|des) "
        r"(?:photos|nudes|videos) (?:de moi|intimes|nue?s?)?\b(?: \w+){0,6} (?:si|sinon)\b|"
        r"\bqu (?:il|elle|ils) "
        r"(?:me tue|me tuera|me tuerait|va me tuer|vont me tuer)\b",
        r"\b(?:veut|veulent|vont|va|voulait|voulaient) me marier\b(?: \w+){0,6} (?:bled|pays|"
        r"connais pas|cousin|force|de force|contre mon gre|sans me demander)\b",
        r"\b(?:forcer|force|forcent|obliger|oblige|obligent) a me marier\b|\bmarier de force\b|"
        r"\bmarier contre ma volonte\b",
        r"\b(?:au secours|appelez la police|appeler les flics)\b(?: \w+){0,4} "
        r"(?:il|elle|ils|on|quelqu un)\b",
        r"\b(?:defonce|enfonce)\w* (?:la|ma|notre) porte\b",
        # Debt bondage: papers taken, the journey to repay by working, never let out.
        r"\b(?:pris|garde\w*|confisque\w*|retient|bloque\w*) (?:mes|mon) (?:papiers|passeport)\b"
        r"(?: \w+){0,10} (?:rembourser|dette|sans etre paye\w*|sors jamais|peux pas sortir|"
        r"enferm\w*)|"
        r"\brembourser (?:le|mon) (?:voyage|passage|passeur)\b(?: \w+){0,4} (?:en travaillant|"
        r"travailler)\b",
        r"\b(?:attendu|attend|menace|suivi|suit|venu|revenu)\w*\b(?: \w+){0,6} avec "
        r"(?:un|une|son|sa) (?:couteau|arme|flingue|pistolet|lame|batte|hache)\b",
        r"\b(?:patron|employeur|boss|chef|gerant)\b(?: \w+){0,5} (?:garde|gardent|a pris|pris|"
        r"prend|confisque\w*|retient|keep|keeps|kept|took|has|take|takes) (?:mon|mes|my|nos|notre) "
        r"(?:passeport|papiers|passport|papers|titre de sejour|cartes? d identite|passeports)\b",
        r"\b(?:he|she|they) (?:beat|beats|hit|hits|hurt|hurts|raped|rapes|threaten\w*|locks?) me\b",
        r"\b(?:mes|des) photos\b(?: \w+){0,8} (?:envoie|envoyer|balance|balancer|publie|publier|"
        r"diffuse|diffuser|poste|poster)\w*(?: \w+){0,8} (?:si|sinon)\b|"
        r"\bchantage\b(?: \w+){0,3} (?:photos|videos|nudes)\b",
        r"\b(?:m oblige|me force|m obligent|me forcent)\w* a (?:vendre|dealer|charbonner|voler|"
        r"tapiner)\b",
        r"\b(?:m a|m ont|on m a) drogue\w*\b|\bme menace\w* (?:de mort|avec|si je (?:parle|dis|"
        r"porte plainte|le quitte|la quitte|pars|refuse|dis non|balance))\b",
        r"\b(?:il|elle|ils|elles|on) (?:va|vont|allait|allaient|veut|veulent) me defigurer\b",
        r"\bmarie\w* de force\b|\bsi je couche avec (?:lui|eux|elle)\b",
        r"\bleve la main sur (?:moi|ma mere|ma soeur|mon frere|nous)\b|"
        r"\bpousse\w* dans les escaliers\b",
        # From a twenty-second set (2026-11-26), young workers: a knife drawn over wages, threats
        # to silence someone, to go after the family, work to repay a debt, not let go.
        r"\b(?:a|ont|avait|avaient) (?:sorti|brandi|pointe|tire)\w* (?:un|une|son|sa|le|la) "
        r"(?:couteau|arme|flingue|pistolet|lame|cutter|batte|hache)\b",
        r"\b(?:va|vont|menace de|menacent de) (?:le|la|les|l|me|m|nous) (?:tuer|buter|frapper|"
        r"defoncer|faire du mal)\b(?: \w+){0,3} (?:s il|si il|si elle|s ils|si je|si on) "
        r"(?:parle|parlent|dit|dis|balance|balancent|porte plainte)\b",
        r"\b(?:menace\w*|va|vont|veut|veulent) (?:de )?s en prendre a (?:moi|ma famille|"
        r"mes parents|ma mere|mon pere|ma soeur|mon frere|mes proches|nous)\b",
        r"\b(?:patron|gerant|employeur|chef|boss|dette)\b(?: \w+){0,10} (?:me|nous) "
        r"(?:laisse|laissent) (?:pas|plus|jamais) (?:partir|sortir)\b",
        r"\brembourser (?:une|sa|ma|la|leur) dette (?:au|a|a mon|a son|a leur) (?:gerant|patron|"
        r"employeur|chef|boss|passeur)\b",
        # From a twenty-first set (2026-11-26): intimate images already shared.
        r"\b(?:diffuse|publie|poste|balance|partage|envoye|fait tourner)\w*\b(?: \w+){0,2} "
        r"(?:video|videos|photo|photos)\b(?: de moi)?(?: \w+)? (?:nue?s?|intimes?|a poil)\b|"
        r"\b(?:diffuse|publie|poste|balance|partage|envoye|fait tourner)\w*(?: \w+){0,3} "
        r"(?:mes|des|ma) (?:nudes?|sextape)\b",
        # From a twentieth set (2026-11-26), short messages: "ils vont me retrouver aide".
        r"\b(?:ils|il|elle|elles|on) (?:vont|va) me (?:retrouver|choper|attraper)\b"
        r"(?! (?:un|une|des|du|de|d|le|la|les|l|mon|ma|mes|quelque)\b)",
        # From a nineteenth set (2026-11-26): consent refused, "il a pas voulu s'arrêter".
        r"\b(?:a|ont|avait) pas voulu (?:s arreter|arreter)\b(?: \w+){0,3} (?:j ai|je lui ai|"
        r"je leur ai|je disais|j avais) dit non\b|\bj ai (?:dit|crie|repete) non\b(?: \w+){0,4} "
        r"(?:il|ils|elle) (?:a|ont) (?:continue|pas arrete|pas voulu (?:s )?arreter)\b"
        r"(?! a (?:m appeler|m ecrire|m envoyer|appeler|ecrire|insister|relancer|me relancer))",
        # From an eighteenth set (2026-11-26): "un gars avec un couteau qui me suit".
        r"\b(?:couteau|arme|flingue|pistolet|lame|batte|hache)\b(?: \w+){0,4} (?:qui )?me "
        r"(?:suit|suivent|suivait|attend|attendent|menace\w*)\b",
        # From a sixteenth set (2026-11-26): papers not given back, forced work.
        r"^(?!.*\b(?:prefecture|mairie|ants|caf|ofpra|consulat|ambassade|administration|"
        r"france travail|banque|agence|ecole|lycee|fac)\b)"
        r".*\b(?:(?:rend|rendent|redonne|redonnent) (?:pas|plus|jamais)|"
        r"(?:veut|veulent) (?:pas|plus|jamais) (?:me )?(?:rendre|redonner)) "
        r"(?:mes|mon) (?:papiers|passeport|titre de sejour)\b",
        r"^(?!.*\b(?:tig|travaux? d interet general|service civique)\b)"
        r".*\b(?:c est|c etait|je fais|on me fait faire|on me force a faire) (?:du |un )?"
        r"travail force\b",
        # From a seventeenth set (2026-11-26): a friend unresponsive after drugs.
        r"^(?=.*\b(?:sniff\w*|coke|cocaine|drogue\w*|heroine|ketamine|keta|ecstasy|extas\w*|"
        r"mdma|md|came|cachets|medocs|pilules|alcool|bourre\w*|defonce\w*|overdose|od|"
        r"tout bleu|toute bleue|levres bleues)\b)"
        r".*\b(?:il|elle|ils|elles|mon pote|ma pote|mon ami|mon amie|mon frere|ma soeur|"
        r"mon cousin|ma cousine|ma copine|mon copain|mon mec|ma meuf)"
        r"(?: \w+){0,2} (?:bouge|bougent|repond|repondent|reagit|reagissent) "
        r"(?:plus|pas|presque plus|meme pas)\b"
        r"(?! (?:au tel\w*|a mes (?:messages|appels)|aux messages|sur snap|sur insta|depuis))",
        # Round 6: someone unresponsive after a fall or too many drugs; silenced by threats;
        # touched and threatened; followed by a car; prostituted by night.
        r"\b(?:collegue|pote|poto|ami|amie|frere|soeur|cousin|cousine|copain|copine|mec|gars|pere|"
        r"mere|daron|daronne|reum|voisin|voisine|coloc|fille|garcon|quelqu un)\b(?: \w+){0,3} "
        r"(?:tombe|tombee|chute|malaise|pris trop de (?:trucs|drogue|cachets|medocs|pilules|"
        r"produits?))\b(?: \w+){0,6} (?:il|elle) (?:bouge|respire|reagit|repond) (?:plus|pas)\b",
        r"\bsi je (?:parle|parlais|le dis|le disais|dis|disais|balance|balancais)\b(?: \w+){0,4} "
        r"(?:il|elle|ils) (?:me|m) (?:retrouve|retrouverait|retrouveront|retrouvera|tue|tuerait|"
        r"tuera|tueront)\b",
        r"\bme fai\w* des (?:trucs|choses) que je (?:veux|voulais|voulait) pas\b",
        r"\b(?:la|le|me|m) menace\w* et (?:la|le|me) touche\w*\b",
        r"\b(?:voiture|scooter|camionnette|moto)\b(?: \w+){0,2} (?:qui )?tourne autour de moi\b",
        r"\bfai\w* travailler la nuit dans des (?:hotels|apparts|airbnb)\b",
        # Round 12 (set zy): an older sibling who hits (17 / 112, as a young adult's brother).
        r"\b(?:mon (?:grand )?frere|ma (?:grande )?soeur|mon cousin|ma cousine)\b(?: \w+){0,2} "
        r"(?:me|m) (?:tape|frappe|bat|cogne|tabasse)\w*\b(?! (?:sur les nerfs|la discute))",
        # Round 12 (set zz): a knife held to the throat (not "le couteau sous la gorge", a
        # figure of speech).
        r"\b(?:mis|met|pose|colle|mettre)\w* (?:un|son|sa) (?:couteau|lame|cutter|flingue|arme|"
        r"pistolet) (?:sous|sur|contre) (?:la|ma|mon) (?:gorge|cou|tete|tempe|ventre)\b",
        # Round 12 (sets zr, zt, zu): a drink spiked, something swallowed at a party with
        # symptoms, threatened with a knife.
        r"\b(?:mis|mit|mettre|verse)\w* (?:un truc|quelque chose|qqch|qqc|un produit|de la drogue|"
        r"du ghb|un cachet|une pilule|des trucs) dans (?:mon|ma|son|sa|leur|notre) (?:verre|"
        r"boisson|cocktail|gobelet|coca|biere|soda)\b",
        r"\b(?:avale|pris|bu)\w* (?:un truc|quelque chose|un cachet|une pilule|un produit|"
        r"trop de (?:trucs|drogue|produits|cachets|pilules|taz))\b"
        r"(?: \w+){0,4} (?:soiree|fete|boite)\b(?: \w+){0,6} (?:sens plus|vois (?:tout )?flou|"
        r"tiens plus debout|peux plus bouger|me sens (?:tres |super |trop )?mal|"
        r"me sens pas bien|coeur bat (?:trop |tres |super )?(?:vite|fort))\b",
        # Round 12 (set zw): locked in, strangled.
        r"\b(?:il|elle|ils|on) m enferme\w*\b(?! dehors)"
        r"|\b(?:m a|m ont|me|il m a) serre (?:le|mon) cou\b",
        r"\bmenace\w* (?:au|a coups? de|avec le|avec la|avec des) (?:couteau|couteaux|arme|armes|"
        r"flingue|pistolet|lame|cutter|batte|hache)\b",
        # English (round 7).
        r"\b(?:threatens?|threatened|threatening|going|gonna|wants?) to kill me\b|"
        r"\b(?:i was|i ve been|i got|she was|he was) raped\b|\braped me\b",
    ),
}

# "Not here any more by Monday": suicidal unless an ordinary absence is given.
_ABSENCE_PATTERNS: tuple[str, ...] = (
    r"\bje (?:serai|serais) (?:surement |sans doute |probablement |peut etre |deja )?plus la\b"
    r"(?! bas| demain| la semaine| lundi| mardi| mercredi| jeudi| vendredi| samedi| dimanche|"
    r" pour| a| en| le (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|matin|week|\d)|"
    r" ce (?:matin|week|mois)| cet (?:ete|apres))",
    r"\b(?:prevu|decide|choisi) de (?:ne )?plus (?:etre la|exister|me reveiller)\b",
    r"\b(?:dans|d ici) (?:une|un|deux|trois|quelques|\d+) (?:semaines?|jours?|mois)\b"
    r"(?: \w+){0,2} (?:je suis|je serai|serai|je serais) plus la\b",
    r"\b(?:je suis|je serai|serai|je serais|etre) plus la (?:d ici|dans) (?:lundi|mardi|mercredi|"
    r"jeudi|vendredi|samedi|dimanche|demain|\w+ (?:semaines?|jours?|mois))\b",
    # Round 6: "bientôt je serai plus là pour les déranger".
    r"\b(?:serai|serais|sera) plus la pour (?:les|vous|te|le|la|leur|l) (?:deranger|embeter|"
    r"gener|saouler|soler|emmerder)\b",
)
_ORDINARY_ABSENCE_RE = re.compile(
    r"\b(?:vacances|demenag\w*|voyage\w*|pars (?:a|en|au|aux|pour|chez)|part (?:a|en|au|pour)|"
    r"stage|conge|entretien|mutation|bled|au pays|hopital|operation|nouveau (?:taf|travail|job)|"
    r"autre ville|province|etranger|erasmus|service civique|armee|rentre chez|formation a|"
    r"region|lyon|marseille|bordeaux|lille|toulouse|nantes)\b"
)

# Patterns that are hyperbole when the message also laughs ("jpp de ma vie mdr").
_AMBIGUOUS: tuple[str, ...] = (
    r"^(?:.* )?(?:jpp|j en peux plus) de (?:la|ma|cette) vie(?: .*)?$",
    r"\b(?:veux|voudrais|envie de) disparaitre\b",
    r"\bmieux sans moi\b",
    r"\b(?:marre|saoule|saoulee) de (?:la|ma) vie\b",
    r"\b(?:ma|la) vie (?:n a|a) (?:plus|pas|aucun) (?:de )?sens\b",
    r"\b(?:il|elle|ils|elles|on) (?:va|vont|allait|allaient|vas|veut|veulent) me \w+",
    r"\best la fin pour moi\b",
    r"\b(?:vais|dois)(?: \w+){0,2} (?:mourir|crever)\b",
    r"\bsi\b(?: \w+){1,8} je me tue\b",
    # "ma mère va m'étrangler si j'ai pas de job ptdr"
    r"\b(?:va|vont|allait|allaient) (?:me|m) (?:etrangl\w*|tuer|frapper|defoncer|tabasser|"
    r"buter|egorger|massacrer)\b",
)

_COMPILED: tuple[tuple[DistressKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern)) for kind, patterns in _PATTERNS.items() for pattern in patterns
)
_COMPILED_AMBIGUOUS: tuple[re.Pattern[str], ...] = tuple(re.compile(p) for p in _AMBIGUOUS)
_COMPILED_ABSENCE: tuple[re.Pattern[str], ...] = tuple(re.compile(p) for p in _ABSENCE_PATTERNS)
_MONTH = r"(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)"
# Being put out later is a housing question (ask_housing); tonight, or already, it is a crisis.
_LATER_RE = re.compile(
    rf"\b(?:en|fin|debut|d ici|a partir de|avant|au|apres) {_MONTH}\b|"
    r"\b(?:le mois prochain|l annee prochaine|la semaine prochaine|fin du mois|a la fin du mois|"
    r"dans (?:\w+ )?(?:mois|semaines)|a la rentree|apres la treve|fin de la treve)\b"
)
_NOW_RE = re.compile(
    r"\b(?:depuis|ce soir|cette nuit|(?<!des )maintenant|aujourd hui|tout de suite|en ce moment|"
    r"actuellement|deja|demain)\b"
)
_NIGHT_RE = re.compile(r"\b(?:dors|dort|dormi\w*|nuit|ce soir)\b")
# "niveau thune jsuis à la rue": broke, not homeless (a twenty-seventh set, round 6).
_MONEY_FIGURE_RE = re.compile(
    r"\b(?:niveau|cote|question) (?:thune|thunes|tune|tunes|argent|fric|sous|budget|finances|"
    r"compte|compte en banque|porte monnaie)\b"
    # "chui a la rue en ortho": bad at a subject (round 9, conversation i27).
    r"|\ba la rue (?:en|niveau|question|pour|sur) (?:l |la |le |les )?(?:ortho\w*|maths?|anglais|"
    r"francais|cours|info\w*|compta\w*|code|grammaire|conjugaison|physique|histoire|geo\w*|"
    r"devoirs?|exams?|revisions?)\b"
)
_JPP_LIFE_RE = re.compile(
    r"\b(?:jpp|j en peux plus) de (?:la|ma|cette) vie\b|\bjpp de (?:vivre|exister)\b"
)
# "plus goût à rien, pas d'idées noires hein": a young person who says there is no suicidal
# thought is asking for care (a twenty-ninth and thirtieth set, round 7); the classifier still reads
# the message, the rules step back.
_DENIAL_RE = re.compile(
    r"\b(?:pas|aucune|jamais) d idees? (?:noires?|suicidaires?)\b|\bpas suicidaire\b|"
    r"\bje (?:ne )?pense pas (?:au suicide|a me (?:tuer|suicider|foutre en l air))\b|"
    r"\bje (?:ne )?(?:veu[xt]|vais) pas (?:mourir|me tuer|me suicider|crever)\b|"
    r"(?<!\bplus )\bpas envie de (?:mourir|me tuer|me suicider|crever)\b"
)

# "un film sur le suicide d'un ado m'a donné envie de devenir éducateur": a film, a report or
# a series about someone else's death that led to a trade (round 11). Only the bare word
# ("suicide", "overdose") steps back, and only with no word of the young person's own life.
_MEDIA_ABOUT_DEATH_RE = re.compile(
    r"\b(?:film|reportage|docu\w*|serie|livre|article|video|emission)\b.{0,80}"
    r"\b(?:suicid\w*|overdose)\b"
)
_VOCATION_RE = re.compile(
    r"\b(?:devenir|bosser dans|travailler dans|faire ce metier|ce metier|ce job|metier|formation"
    r"|diplome|infirmiere?|educat\w*|pompiers?|psychologue|aide soignante?|ambulanci\w*)\b"
)
_OWN_DEATH_RE = re.compile(
    r"\b(?:me|m) (?:tuer|suicider|foutre|pendre|jeter|ouvrir|couper)\b|\bpareil\b"
    r"|\bcomme (?:lui|elle|eux)\b|\ben finir\b|\bmourir\b|\bcrever\b|\bma vie\b|\bj y pense\b"
    r"|\bmoi aussi\b|\bidees? noires?\b|\bplus envie\b|\bdisparaitre\b|\ble faire\b"
)
_BARE_DEATH_WORD_RE = re.compile(r"(?:suicid\w*|overdose)")
# "il fait 38 degrés dans le rer jvais crever": the heat, not a wish to die.
_HEAT_RE = re.compile(r"\bil fait \d+\b|\bcanicule\b|\bchaleur\b|\b\d+ degres\b|\bclim\b")
_DIE_OF_IT_RE = re.compile(r"(?:vais|va) (?:mourir|crever)")


def _media_vocation(normalized: str) -> bool:
    """A film or a report about someone else's death that led to a trade, nothing of one's own."""
    return (
        _MEDIA_ABOUT_DEATH_RE.search(normalized) is not None
        and _VOCATION_RE.search(normalized) is not None
        and _OWN_DEATH_RE.search(normalized) is None
    )


def _film_about_a_trade(normalized: str, span: str) -> bool:
    """The bare word "suicide" or "overdose" in a film about someone else, that led to a trade."""
    return _BARE_DEATH_WORD_RE.fullmatch(span) is not None and _media_vocation(normalized)


def film_about_a_trade(text: str) -> bool:
    """The same, for the raw text ("un docu sur une overdose m'a donné envie de devenir
    infirmier")."""
    return _media_vocation(normalize(text))


# Losing one's place to live at a later date: leaving care, a lease ending (round 12, s13).
_HOUSING_LOSS_RE = re.compile(
    r"\b(?:nulle? part (?:ou|a) (?:aller|dormir|vivre|habiter)|sans (?:logement|toit|rien)|"
    r"a la rue|dehors|(?:sors|sortir|quitter|quitte|part|pars) (?:du|de mon|de la|de l) "
    r"(?:foyer|ase|aide sociale|fjt|residence|internat|appart|logement)|fin (?:de|du) "
    r"(?:contrat jeune majeur|prise en charge|bail)|expuls\w*|(?:met|mettre|mis|fout|foutre) "
    r"dehors)\b"
)
_OTHER_DANGER_RE = re.compile(
    r"\b(?:mour\w*|mort\w*|crev\w*|tuer|tue|suicid\w*|en finir|disparai\w*|frapp\w*|viol\w*|"
    r"peur|danger|coupe\w*|cachets|medocs|plus envie|plus la force)\b"
)


def housing_loss_later(text: str) -> bool:
    """Nowhere to go from a later date ("jsors du foyer le mois prochain, g nul part où aller
    après"): a housing question, not tonight's street, when nothing else is dark."""
    normalized = normalize(text)
    return (
        _HOUSING_LOSS_RE.search(normalized) is not None
        and _later_not_tonight(normalized, normalized)
        and _OTHER_DANGER_RE.search(normalized) is None
    )


def _heat(normalized: str, span: str) -> bool:
    """ "jvais crever" of the heat."""
    return _DIE_OF_IT_RE.search(span) is not None and _HEAT_RE.search(normalized) is not None


# Priority when several kinds match: the most specific danger first.
_PRIORITY: tuple[DistressKind, ...] = (
    DistressKind.SUICIDE,
    DistressKind.SELF_HARM,
    DistressKind.CHILD_DANGER,
    DistressKind.PARTNER_VIOLENCE,
    DistressKind.IMMEDIATE_DANGER,
    DistressKind.HOMELESS,
)


def _laughs(raw: str, normalized: str) -> bool:
    return bool(_LAUGHTER_RE.search(normalized)) or any(e in raw for e in _LAUGHTER_EMOJI)


def _later_not_tonight(normalized: str, span: str) -> bool:
    """'à la rue' said of a later date ("si le proprio me vire en juin je suis à la rue")."""
    return (
        _LATER_RE.search(normalized) is not None
        and _NOW_RE.search(normalized) is None
        and _NIGHT_RE.search(span) is None
    )


_PAST_STREET_RE = re.compile(
    r"\b(?:avant|a l epoque|l an dernier|l annee derniere|y a \w+ (?:ans|mois))\b(?: \w+){0,3} "
    r"dormais\b"
)
_HOUSED_NOW_RE = re.compile(
    r"\b(?:maintenant|mtn|depuis|aujourd hui)\b(?: \w+){0,3} (?:foyer|heberge\w*|logee?|"
    r"appart\w*|studio|chambre|fjt|residence|chez)\b"
)


def _housed_now(normalized: str, span: str) -> bool:
    """'je dormais dehors' said of the past, with a roof now ("avant…, maintenant foyer")."""
    return (
        "dormais" in span
        and _PAST_STREET_RE.search(normalized) is not None
        and _HOUSED_NOW_RE.search(normalized) is not None
    )


def _broke_not_homeless(normalized: str) -> bool:
    """'à la rue' said of money ("niveau thune jsuis à la rue"), with no night in sight."""
    return (
        _MONEY_FIGURE_RE.search(normalized) is not None
        and _NOW_RE.search(normalized) is None
        and _NIGHT_RE.search(normalized) is None
    )


# "Nous avons appelé le 115. Pour la suite…": the 115 reached, said by a social worker.
_CALLED_115_RE = re.compile(
    r"\b(?:avons|avez|ai|a|ont) (?:deja )?(?:appele|contacte|joint) le 115\b"
)
_115_NOT_THERE_RE = re.compile(
    r"\b(?:ce soir|cette nuit|dehors|dors|dormir|rue|froid|minuit|sonne|repond\w*|decroche|"
    r"place|plein|sature|complet|rien|personne|pas)\b"
)


def _115_reached(normalized: str, span: str) -> bool:
    """The 115 was called and nothing says it failed or that tonight is outside."""
    return _CALLED_115_RE.search(span) is not None and _115_NOT_THERE_RE.search(normalized) is None


def _matches(normalized: str, laughing: bool) -> set[DistressKind]:
    found: set[DistressKind] = set()
    for kind, pattern in _COMPILED:
        match = pattern.search(normalized)
        if match is None:
            continue
        if laughing and any(p.search(match.group(0)) for p in _COMPILED_AMBIGUOUS):
            continue
        if kind is DistressKind.HOMELESS and (
            _later_not_tonight(normalized, match.group(0))
            or _broke_not_homeless(normalized)
            or _housed_now(normalized, match.group(0))
            or _115_reached(normalized, match.group(0))
        ):
            continue
        if kind is DistressKind.SUICIDE and (
            _DENIAL_RE.search(normalized)
            or _film_about_a_trade(normalized, match.group(0))
            or _heat(normalized, match.group(0))
        ):
            continue
        found.add(kind)
    if not laughing and _JPP_LIFE_RE.search(normalized):
        found.add(DistressKind.SUICIDE)
    if _ORDINARY_ABSENCE_RE.search(normalized) is None and any(
        p.search(normalized) for p in _COMPILED_ABSENCE
    ):
        found.add(DistressKind.SUICIDE)
    return found


def _ordered(kinds: Iterable[DistressKind]) -> list[DistressKind]:
    chosen = set(kinds)
    return [kind for kind in _PRIORITY if kind in chosen]


# A knife, a rope, pills or a grave, with a plan or an end (round 12, sets zr and zu).
_DARK_EMOJI = ("\U0001f52a", "\U0001faa2", "\U0001f48a", "\u26b0", "\U0001faa6", "\U0001fa78")
_PLAN_OR_END_RE = re.compile(
    r"\b(?:vais|va|vas) le faire\b|\bc (?:est )?(?:fini|la fin) pour moi\b|"
    r"\bencore (?:cette nuit|ce soir)\b|"
    r"\badieu\b(?! (?:la|le|les|l|mon|ma|mes|aux?)\b)|"
    r"\b(?:ce soir|cette nuit) (?:c est|c) (?:decide|la bonne|fini)\b|\bplus envie\b"
)


def _dark_emoji_plan(raw: str, normalized: str) -> bool:
    return any(e in raw for e in _DARK_EMOJI) and _PLAN_OR_END_RE.search(normalized) is not None


def detect_all_distress(text: str) -> list[DistressKind]:
    """Every kind of distress found in ``text``, the most urgent first (may be empty)."""
    if not text or not text.strip():
        return []
    normalized = normalize(text)
    laughing = _laughs(text, normalized)
    found = _matches(normalized, laughing)
    if not laughing and _dark_emoji_plan(text, normalized):
        found.add(DistressKind.SUICIDE)
    return _ordered(found)


def detect_distress(text: str) -> DistressKind | None:
    """The most urgent kind of distress expressed in ``text``, or ``None``."""
    kinds = detect_all_distress(text)
    return kinds[0] if kinds else None
