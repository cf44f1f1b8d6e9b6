"""Danger words said of a game, a film, a series or sport ("jme suis fait tuer toute la nuit
sur fortnite", "g binge squid game, ils meurent tous", "jme suis tuée à la salle"), or only in a
figure of speech ("jvais mourir d'ennui en formation"): not a crisis.

Only for what the classifier alone read as danger: a rule of ``distress`` always wins. The bot
still shows the numbers in one line (``texts.SAFETY_NET``), so a reading that is wrong here
costs a line, not the numbers.
"""

from __future__ import annotations

import re

from relais.routing.normalize import plain_text
from relais.safety.distress import film_about_a_trade, housing_loss_later

# Named games, films and series, or the words that set a scene in one.
_PLAY = re.compile(
    r"\b(?:fortnite|gta|valorant|valo|cod|call of duty|warzone|minecraft|roblox|apex"
    r"|league of legends|fifa|among us|pubg|free ?fire|clash (?:royale|of clans)|brawl ?stars"
    r"|overwatch|rocket league"
    r"|zelda|mario ?kart|pokemon|elden ring|dark souls|resident evil|the last of us"
    r"|squid game|stranger things|walking dead|game of thrones|la casa de papel|one piece|naruto"
    r"|jeux? videos?|(?:sur|dans) (?:le|la|mon|ma|ce|cette) (?:jeu|game|film|serie|episode|saison"
    r"|manga|anime)|(?:le|un|ce|mon) (?:film|episode) d'horreur|(?:la|une|cette) serie"
    r"|(?:en|une|la) (?:ranked|partie classee)|(?:le|mon|son) perso)\b"
)
# What play does to a character: the words that made the classifier hear danger.
_PLAY_HARM = re.compile(
    r"\b(?:tu(?:e|er|es|ee|ait)|(?:fait|faite) (?:tuer|buter|massacrer|defoncer|exploser)"
    r"|meur\w*|mort\w*|massacr\w*|explos\w*|defonc\w*|achev\w*|bute\w*|kill\w*|dead|died)\b"
)
# "jme suis tuée à la salle": worn out by sport (not "fait défoncer", which others do).
_SPORT_EFFORT = re.compile(
    r"\b(?:jme|je me|j'me|me) suis (?:tue|tuee|detruite?|explosee?|achevee?|ruinee?)"
    r"(?: (?:ce matin|ce soir|hier|aujourd'hui|tout a l'heure))? (?:a la salle|a la muscu"
    r"|a l'entrainement|au sport|au foot|au footing|au basket|au hand|au rugby|a la course"
    r"|au crossfit|au cardio|a la boxe|a la piscine|en sport)\b"
)
# Words of the young person's own life that no game explains.
_OWN_LIFE = re.compile(
    r"\b(?:ma vie|ma life|suicid\w*|en finir|disparaitre|plus envie|(?:me|m') ?(?:tuer|buter|"
    r"foutre en l'air|ouvrir|couper|scarifi\w*)|mourir|crever|dehors|a la rue|frapp\w*"
    r"|tap(?:e|ait)|plus besoin|viol\w*|peur"
    r"|(?:mon|ma) (?:pere|mere|daron|daronne|copain|copine|mec|meuf|beau-pere))\b"
)


def play_frame(text: str) -> bool:
    """The danger words are about a game, a film or a series, not the young person's life."""
    plain = plain_text(text)
    if _OWN_LIFE.search(plain) is not None:
        return False
    return _SPORT_EFFORT.search(plain) is not None or (
        _PLAY.search(plain) is not None and _PLAY_HARM.search(plain) is not None
    )


# Figures of speech with a dark word in them: "mort de rire", "mourir d'ennui".
_IDIOMS = re.compile(
    r"\b(?:(?:je suis |jsuis |chui |suis )?morte? de (?:rire|fatigue|faim|froid|chaud|honte|peur)"
    r"|(?:mourir|meurs|meurt|crever|creve|crevé) (?:d'ennui|d ennui|de rire|de faim|de chaud"
    r"|de froid|de soif|de honte|de fatigue|de sommeil|d'impatience|d impatience)"
    # "g tué mon entretien 🔥": passed it brilliantly.
    r"|(?:tue|tuee|dechire|dechiree|explose|exploser|nique|defonce|gere) (?:mon|ma|l'|le|la|cet"
    r"|cette|ce) ?(?:entretien|exam|examen|oral|controle|partiel|code|permis|match|bac|brevet"
    r"|epreuve|concours)"
    # "ma daronne va me tuer si jtrouve pas de stage mdr": a parent's anger at a failure.
    r"|(?:ma|mon|mes) (?:daron(?:ne)?s?|mere|pere|reum|rem|vieux|vieille|parents|prof|patron"
    r"|boss|chef|soeur|frere|coach) (?:va|vont|vas) me (?:tuer|buter|defoncer|massacrer|tuer)"
    r"(?= si (?:\S+ ){0,4}?(?:pas|rate|loupe|foire|echoue|redouble|perds?)\b| mdr\b| ptdr\b"
    r"| lol\b| 😂| 🤣)"
    # "jpp de mes fautes": fed up with something small.
    r"|jpp (?:de|des|du) (?:mes |ces |cette |ce |la |le |les |l'|ma |mon )?"
    r"(?:fautes?|cours|transports?"
    r"|bus|rer|metro|devoirs?|exams?|partiels?|voisins?|profs?|chef|patron|collegues?|questions?"
    r"|notifs?|pubs?|bouchons?|famille|repas|fetes|vacances|cousins?|belle-famille))"
)
# What is left that could still be danger, once the figures of speech are set aside.
_DARK = re.compile(
    r"\b(?:mour\w*|mort\w*|meur\w*|crev\w*|tu(?:er|e|ee|ait)|suicid\w*|finir|vivre|vie"
    r"|disparai\w*|saut\w*|pend\w*|frapp\w*|tap\w*|coup\w*|sang|dehors|rue|peur|danger|mal"
    r"|seule?|jpp|plus la|dor(?:s|t|mir)|hall|nuit|ce soir|abri)\b"
)


def figure_of_speech(text: str) -> bool:
    """Every dark word of the message is in a figure of speech ("jvais mourir d'ennui")."""
    plain = plain_text(text)
    if _IDIOMS.search(plain) is None:
        return False
    rest = _IDIOMS.sub(" ", plain)
    return _DARK.search(rest) is None and _OWN_LIFE.search(rest) is None


def harmless_frame(text: str) -> bool:
    """Play, sport, a figure of speech, a film that led to a trade, or a roof lost at a later
    date: the classifier's danger reading is not one."""
    return (
        play_frame(text)
        or figure_of_speech(text)
        or film_about_a_trade(text)
        or housing_loss_later(text)
    )
