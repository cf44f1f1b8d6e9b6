"""Small word lists that keep ordinary chat words from being read as places (normalized forms)."""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words introducing a place: a short or common-word place name counts only after one of these.
LOCATION_CUES = _words(
    "a au aux vers sur habite habites habitez habitons jhabite vis vit jvis vivons pres proche "
    "dans depuis from viens vient jviens in live near"  # English: newcomers write it too
)

# Words that may surround a place name in a message that is "just the place".
FILLERS = _words(
    "a au aux vers sur le la l je j jsuis chui chuis suis habite habites jhabite vis jvis moi c "
    "est ma mon ville commune svp stp merci bonjour bjr slt salut wesh yo cc coucou hello ok oui "
    "jviens viens"
)

# Linking words inside commune names: a name prefix never ends with one of these.
CONNECTORS = _words("le la les l d de du des en sur sous et aux au lez")

# Name parts too generic to identify a place on their own.
GENERIC = _words("saint sainte saints saintes notre dame")

# Ordinary French / chat words that are also (part of) place names: such a name needs a
# location cue in IDF, or must be the whole message outside IDF.
COMMON_WORDS = _words(
    """
    bois brie bourg champs champ chateau clos fontaine fontaines forges forge haute haut maison
    maisons pierre pin plaisir sept seine tombe vieille vieux ville marines fosses presles combs
    bray vert verte mere may mons roi reine port pont mont val grand grande petit petite rue mer
    vue eu ay don die job ham sens lent lire mire dry bras anse bout fond cote part plat pied
    place moi toi lui elle nous vous eux rien ouf temps accord merde vie mort route tete gauche
    droite centre gare nord sud est ouest france europe mairie ecole college lycee fac travail
    taf taff boulot emploi stage argent thune sous chez maman papa mere pere frere soeur famille
    foyer hotel hopital prison quartier cite bloc tour bonne bon belle beau blanc
    noir rouge bleu vert jaune rose ferme foret plaine plage lac mont montagne riviere ile iles
    pres prairie vallee cloitre eglise abbaye moulin moulins chapelle croix puits pierre roche
    roches marche salon cours court jour jours nuit soir matin midi heure heures semaine mois an
    ans annee fin debut milieu loin bas haute hautes basse ecluse pont ponts sainte saint
    dame notre la le les des une un deux trois quatre cinq six huit neuf dix cent mille oui non
    si pas plus moins tout tous toute rien merci ok bien mal mieux vite aide besoin envie peur
    faim froid chaud seul seule mission locale cv lettre rendez vous rdv permis voiture bus train
    metro rer tram velo aller venir faire dire voir savoir pouvoir vouloir chercher trouver
    parler appeler ecrire lire jouer finir partir rester rentrer sortir dormir manger payer
    louer vivre mourir tuer aimer comment pourquoi quand quoi demain hier aujourd hui lundi mardi
    mercredi jeudi vendredi samedi dimanche bosse bosser taffer boss maintenant bientot tard
    toujours jamais encore deja sport salle cantine resto restau banque poste caf secu
    sans avoir
    parle parles parlent parlait parlais appelle appelles dis dit fais fait vais va vont
    candy crush fortnite insta snap tiktok netflix youtube twitch discord whatsapp indeed
    linkedin leboncoin vinted pareil pareille pareils pareilles black kebab noir
    """
)

# Words after a 5-digit number that show it is an amount, not a postal code.
AMOUNT_WORDS = _words("e eur euro euros balles k km m habitants personnes ans")

# Words around a bare number that make it a département number.
DEPARTMENT_WORDS = _words("departement dep dept dpt")

# "se termine le 31", "mon rdv du 29", "le 31 décembre": a date, not a département (round 12).
MONTHS = _words(
    "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre "
    "janv fev sept oct nov dec"
)
DATE_BEFORE = _words(
    "termine finit fini fin avant apres jusqu depuis rdv rendez vous date commence debut lundi "
    "mardi mercredi jeudi vendredi samedi dimanche partir prevu rentree jour expire limite ferme "
    "ouvert reouvre part pars rentre arrive revient demenage soir matin"
)

# Towns outside IDF that are meant, rather than the IDF commune whose name merely starts with
# theirs (Cannes ≠ Cannes-Écluse, Limoges ≠ Limoges-Fourches). Reviewed from the data: every
# other such clash (Champigny, Saint-Maur, Montigny...) is read as the IDF commune.
OUTSIDE_BEFORE_IDF_PREFIX = _words(
    "abbeville armentieres bernay bordeaux cannes laval limoges rochefort valence vienne"
) | {"la madeleine"}

# Words and ordinals around an arrondissement number ("paris 18e", "18eme arrondissement").
ARRONDISSEMENT_WORDS = _words("arrondissement arrondissements arr arrdt ardt")
ORDINAL = re.compile(r"^(\d{1,2})(?:e|er|ere|eme|em|ieme|me)$")
