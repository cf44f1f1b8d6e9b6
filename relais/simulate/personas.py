"""Who the simulated young people are and how they write (registers, vague answers, typos)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from relais.survey import PROFILES

REGISTERS = ("standard", "sms", "slang", "typos")
COMMUNES = (
    "argenteuil", "sarcelles", "cergy", "saint denis", "bobigny", "95100", "paris 18",
    "creteil", "evry", "mantes la jolie", "meaux", "nanterre", "aubervilliers", "pontoise",
)  # fmt: skip
NEEDS = (
    "je cherche du travail vers {c}",
    "jcherche du taff vers {c}",
    "je veux faire une formation, j'habite à {c}",
    "je cherche une alternance sur {c}",
    "g pa de thune, chui a {c}",
    "je cherche un logement a {c}",
    "comment on passe le permis ? je suis a {c}",
)

EVER_BEEN = {
    "never_heard": ("je connais pas", "c quoi la mission locale ?", "jamais entendu parler"),
    "referred_never_came": (
        "on m'a dit d'y aller mais j'y suis pas allé",
        "mon conseiller pole emploi m'a envoyé mais j'y suis pas allé",
    ),
    "single_visit": ("j'y suis allé une fois", "une fois"),
    "several": ("oui plusieurs fois", "j'y vais souvent"),
}
HOW_IT_WENT = {
    "no_follow_up": ("je suis venu une fois et jsuis jamais revenu", "je suis pas revenu"),
    "dropped_out": ("j'ai arrêté avant la fin", "j'ai lâché en cours de route"),
    "left_without_solution": ("c'est fini mais j'ai rien trouvé", "fini sans solution"),
    "in_progress": ("je suis encore suivi", "oui je suis toujours suivie"),
}
CHOICE_ANSWERS = {
    "activity": (
        "je cherche du taf",
        "je suis en formation",
        "rien en ce moment",
        "le 3",
        "je bosse",
    ),
    "age_band": ("19", "22 ans", "17", "le 2", "24"),
    "info_channels": ("tiktok et snap", "insta", "google", "mes potes et tiktok", "youtube, insta"),
    "help_channels": ("whatsapp", "par téléphone", "en vrai", "le soir ou le week-end", "le 1"),
}
VAGUE = ("jsp", "bof", "rien", "c nul", "je sais pas", "aucune idée", "nul", "pas grand chose")
OPEN_RICH = {
    "why_no_return": (
        "les horaires tombaient pendant mon travail et personne ne m'a rappelé",
        "c'était trop loin de chez moi, 1h de bus pour un rendez-vous de 20 minutes",
        "on m'a demandé plein de papiers et j'avais pas ma carte vitale",
    ),
    "why_stopped": (
        "ma conseillère changeait tout le temps et je devais tout réexpliquer",
        "j'ai trouvé un petit job et j'avais plus le temps d'aller aux ateliers",
    ),
    "why_no_solution": (
        "les formations proposées étaient pas dans le domaine qui m'intéresse",
        "il fallait attendre des mois pour une place en formation",
    ),
    "why_not_went": (
        "j'avais peur que ce soit comme à pole emploi, que des papiers",
        "je savais pas où c'était et j'osais pas appeler",
    ),
    "why_staying": (
        "ma conseillère me répond vite sur whatsapp et m'aide pour mon CV",
        "j'ai l'allocation du CEJ et des ateliers utiles pour les entretiens",
    ),
    "expectations": (
        "je voulais un job rapidement, pas des rendez-vous pendant des semaines",
        "qu'on m'aide à trouver une alternance en cuisine avec une entreprise",
    ),
    "would_make_you_go": (
        "si on pouvait prendre rendez-vous en ligne le soir et venir avec un pote",
        "qu'ils passent sur tiktok et qu'ils répondent par message",
    ),
    "change_one_thing": (
        "des réponses par message plus rapides et des horaires le samedi",
        "moins de paperasse et un conseiller qui connaît les entreprises du coin",
    ),
}

_SMS = {
    "je suis": "chui", "c'est": "c", "quoi": "koi", "beaucoup": "bcp", "pourquoi": "pk",
    "je sais pas": "jsp", "j'ai": "g", "rendez-vous": "rdv", "travail": "taf", "avec": "avc",
}  # fmt: skip


@dataclass(frozen=True)
class Persona:
    """One simulated young person."""

    profile: str
    register: str
    asks_help_first: bool
    accepts_privacy: bool
    declines_survey: bool
    drops_after: int | None  # stop after this many survey answers
    drops_with_stop: bool  # says "stop" rather than just leaving
    vague_rate: float
    commune: str
    need: str


def make_persona(rng: random.Random) -> Persona:
    """Draw a persona: every profile and register, some drop out, some ask for help first."""
    register = rng.choice(REGISTERS)
    return Persona(
        profile=rng.choice(PROFILES),
        register=register,
        asks_help_first=rng.random() < 0.5,
        accepts_privacy=rng.random() < 0.85,
        declines_survey=rng.random() < 0.08,
        drops_after=rng.randint(1, 7) if rng.random() < 0.2 else None,
        drops_with_stop=rng.random() < 0.5,
        vague_rate={"standard": 0.2, "sms": 0.35, "slang": 0.45, "typos": 0.3}[register],
        commune=rng.choice(COMMUNES),
        need=rng.choice(NEEDS),
    )


def styled(text: str, register: str, rng: random.Random) -> str:
    """Rewrite a sentence in the persona's register."""
    if register == "sms":
        for standard, short in _SMS.items():
            text = text.replace(standard, short)
        return text.replace("é", "e").replace("è", "e").replace("à", "a")
    if register == "slang":
        return f"{rng.choice(('wesh', 'frr', 'bah', 'genre'))} {text}"
    if register == "typos" and len(text) > 6:
        i = rng.randrange(1, len(text) - 2)
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    return text


def ever_been_answer(persona: Persona, rng: random.Random) -> str:
    """The first profile question."""
    if persona.profile in EVER_BEEN:
        return rng.choice(EVER_BEEN[persona.profile])
    key = "single_visit" if persona.profile == "no_follow_up" else "several"
    return rng.choice(EVER_BEEN[key])


def answer(persona: Persona, question_id: str, rng: random.Random, followup: bool) -> str:
    """What this persona answers to a question (or to its follow-up)."""
    if question_id == "ever_been":
        return ever_been_answer(persona, rng)
    if question_id == "how_it_went":
        return rng.choice(HOW_IT_WENT.get(persona.profile, ("je suis encore suivi",)))
    if question_id == "commune":
        return persona.commune
    if question_id in CHOICE_ANSWERS:
        return styled(rng.choice(CHOICE_ANSWERS[question_id]), persona.register, rng)
    rich = OPEN_RICH.get(question_id, OPEN_RICH["change_one_thing"])
    if not followup and rng.random() < persona.vague_rate:
        return rng.choice(VAGUE)
    if followup and rng.random() < 0.15:
        return "passer"
    return styled(rng.choice(rich), persona.register, rng)
