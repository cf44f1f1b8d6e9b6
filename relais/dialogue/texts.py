"""The French sentences the bot says outside the knowledge base, with their buttons."""

from __future__ import annotations

import json

from relais.messages import BotReply, Button
from relais.safety.distress import DistressKind

# --- crisis -----------------------------------------------------------------------------------

_CRISIS_FIRST: dict[DistressKind, str] = {
    DistressKind.SUICIDE: (
        "💛 Ce que tu vis compte. Appelle le 3114 maintenant : gratuit, 24h/24, "
        "quelqu'un de formé t'écoute. Danger immédiat : 15 ou 112."
    ),
    DistressKind.SELF_HARM: (
        "💛 Tu n'as pas à gérer ça seul·e. Appelle le 3114 : gratuit, 24h/24. "
        "Si tu es blessé·e, appelle le 15 ou le 112."
    ),
    DistressKind.HOMELESS: (
        "🏠 Pour dormir à l'abri ce soir, appelle le 115 : gratuit, 24h/24 (hébergement d'urgence)."
    ),
    DistressKind.PARTNER_VIOLENCE: (
        "🛑 Personne n'a le droit de te frapper. Appelle le 3919 (gratuit, anonyme). "
        "En danger maintenant : 17 ou 112 (ou SMS au 114)."
    ),
    DistressKind.CHILD_DANGER: (
        "🛑 Appelle le 119 : gratuit, 24h/24, pour les jeunes en danger. "
        "En danger maintenant : 17 ou 112."
    ),
    DistressKind.IMMEDIATE_DANGER: (
        "🛑 Si tu es en danger maintenant, appelle le 17 (police) ou le 112. Par SMS : 114."
    ),
}

ALL_NUMBERS = (
    "Numéros utiles, gratuits : 3114 (idées suicidaires) · 115 (dormir ce soir) · "
    "119 (jeune en danger) · 3919 (violences) · 17 ou 112 (urgence)."
)


def crisis_replies(
    kind: DistressKind | None, other_need: str | None = None, *, handoff_done: bool = False
) -> list[BotReply]:
    """The crisis numbers, the right one first, then an offer of a human (or, when a
    counsellor was already asked for, the reminder that the request is on its way).

    Without a known kind (only the classifier heard distress, no rule named it) the bot may be
    wrong: it says so after the numbers and offers the menu, so a misread job question is not a
    dead end; ``other_need`` (the classifier's runner-up need, if any) comes first as a button.
    """
    first = _CRISIS_FIRST.get(kind) if kind is not None else None
    text = f"{first}\n{ALL_NUMBERS}" if first else f"🛑 {ALL_NUMBERS}"
    human = (
        BotReply(HANDOFF_SENT_REMINDER, (Button("❓ Autre question", "/show_menu"),))
        if handoff_done
        else BotReply(
            "Tu veux qu'un·e conseiller·e de la Mission Locale te recontacte ?",
            (
                Button("🙋 Oui, parler à un·e conseiller·e", "/request_human"),
                Button("Pas maintenant", payload("deny", topic="human")),
            ),
        )
    )
    replies = [BotReply(text), human]
    if kind is None:
        title = _MENU_TITLES.get(other_need or "")
        buttons: tuple[Button, ...] = (Button("❓ Autre question", "/show_menu"),)
        if title is not None:
            buttons = (Button(title, f"/{other_need}"), *buttons)
        replies.append(
            BotReply("Et si j'ai mal compris ton message, dis-moi ce que tu cherches 🙂", buttons)
        )
    return replies


def right_back_reply() -> BotReply:
    """What a young person reads when Rasa is down: their message is kept and will be answered."""
    return BotReply(
        "J'ai bien reçu ton message 🙏 Je suis un peu à la ramasse, je te réponds très vite, "
        "sans que tu aies besoin de le renvoyer."
    )


def payload(intent: str, **entities: str) -> str:
    """A Rasa button payload, `/intent{"entity": "value"}`."""
    if not entities:
        return f"/{intent}"
    return f"/{intent}{json.dumps(entities, ensure_ascii=False, separators=(',', ':'))}"


# --- greeting, menu, privacy ------------------------------------------------------------------

GREETING = (
    "Salut ! 👋 Moi c'est Relais, l'assistant des Missions Locales d'Île-de-France. "
    "Je réponds tout de suite : taf, alternance, formation, thune, logement, santé, "
    "permis, papiers…\n"
    "Dis-moi ce qu'il te faut 👇"
)

PRIVACY_NOTICE = (
    "🔒 Je garde ta demande et ta commune 12 mois, sans ton nom, pour t'aider et améliorer "
    "le service ; ta Mission Locale ne les voit que si tu demandes un·e conseiller·e.\n"
    "Tu peux tout effacer quand tu veux avec /supprimer. Ça te va ?"
)

MENU_ITEMS: tuple[tuple[str, str], ...] = (
    ("💼 Un job", "ask_job"),
    ("🛠️ L'alternance", "ask_apprenticeship"),
    ("🎓 Une formation", "ask_training"),
    ("🧭 Trouver ma voie", "ask_orientation"),
    ("💶 De l'argent", "ask_money"),
    ("🏠 Un logement", "ask_housing"),
    ("🚗 Permis, transport", "ask_mobility"),
    ("🩺 Santé", "ask_health"),
    ("📄 Mon CV", "ask_cv"),
    ("🗂️ Mes papiers", "ask_admin"),
    ("🙋 Parler à un·e conseiller·e", "request_human"),
)


_MENU_TITLES = {intent: title for title, intent in MENU_ITEMS}
# The needs of the menu (not the human, which the crisis answer offers already).
NEED_INTENTS = tuple(intent for _, intent in MENU_ITEMS if intent.startswith("ask_"))


BOT_INTRO = (
    "Je suis Relais, un robot 🤖 des Missions Locales. Je réponds vite, et si tu veux "
    "un·e vrai·e conseiller·e, je te mets en lien."
)


def follow_up_intro(title: str) -> str:
    """Before what the bot knows, when it cannot read a question about its last answer."""
    return (
        f"Je n'ai pas de réponse précise à ça 🤔 Voilà ce que je sais sur « {title} », "
        "et un·e conseiller·e peut te répondre exactement."
    )


MORE_BUTTON = "➕ En savoir plus"
ANYTHING_ELSE = "Autre chose ? Choisis ou écris-le avec tes mots 👇"


# The button for another need the same message asked about.
ALSO_TITLES: dict[str, str] = {
    "job": "💼 Et un job ?",
    "apprenticeship": "🛠️ Et l'alternance ?",
    "training": "🎓 Et une formation ?",
    "orientation": "🧭 Et trouver ma voie ?",
    "money": "💶 Et l'argent ?",
    "housing": "🏠 Et le logement ?",
    "mobility": "🚗 Et le permis, le transport ?",
    "health": "🩺 Et la santé ?",
    "cv": "📄 Et mon CV ?",
    "admin": "🗂️ Et mes papiers ?",
    "appointment": "📅 Et un rendez-vous ?",
    "mission_locale": "📍 Et la Mission Locale ?",
}


def also_button(need: str) -> Button:
    """A button for the other need a message asked about."""
    return Button(ALSO_TITLES[need], f"/ask_{need}")


def menu_reply(text: str = "Tu cherches quoi ? Choisis ou écris-le avec tes mots 👇") -> BotReply:
    """The list of needs as buttons."""
    return BotReply(text, tuple(Button(title, f"/{intent}") for title, intent in MENU_ITEMS))


def privacy_reply() -> BotReply:
    """The two-line privacy notice with its two answers."""
    return BotReply(
        PRIVACY_NOTICE,
        (
            # Consent in so many words: "j'accepte", "je refuse".
            Button("✅ OK, j'accepte", payload("affirm", topic="privacy")),
            Button("❌ Non merci, je refuse", payload("deny", topic="privacy")),
        ),
    )


def options_reply(
    text: str = "Tu veux parler à un·e conseiller·e ou demander autre chose ?",
) -> BotReply:
    """What next, after an answer: a human or another question."""
    return BotReply(
        text,
        (
            Button("🙋 Parler à un·e conseiller·e", "/request_human"),
            Button("❓ Autre question", "/show_menu"),
            Button("💬 Donner mon avis", "/give_feedback"),
        ),
    )


CONSENT_THANKS = "Merci 👍 C'est noté."
CONSENT_REFUSED = "Pas de souci : je ne garde rien de notre échange, et je t'aide quand même."

# --- location ---------------------------------------------------------------------------------

ASK_LOCATION = (
    "📍 Tu habites dans quelle commune ? Écris son nom ou ton code postal (ex : 95100), "
    "je te donne l'adresse de ta Mission Locale."
)
LOCATION_NOT_FOUND = (
    "Je ne trouve pas cette commune 🤔 Tu peux m'écrire ton code postal (ex : 95100) "
    "ou le nom de ta ville ?"
)
LOCATION_UNKNOWN_OK = (
    "Pas grave ! Tu trouveras toutes les Missions Locales ici : "
    "https://www.unml.info/le-reseau/annuaire/"
)


WHICH_COMMUNE = "Il y a plusieurs communes qui s'appellent comme ça. C'est laquelle ?"


def which_commune_reply(candidates: list[tuple[str, str, str]]) -> BotReply:
    """Ask which of several communes (insee, name, département) with one button each."""
    return BotReply(
        WHICH_COMMUNE,
        (
            *(
                Button(f"{name} ({dept})", payload("inform_location", commune_insee=insee))
                for insee, name, dept in candidates
            ),
            Button("Aucune de celles-là", payload("deny", topic="location")),
        ),
    )


CARD_MARK = "📍 Ta Mission Locale"


def card_buttons() -> tuple[Button, ...]:
    """The card's own buttons, when the privacy notice's question comes after it."""
    return options_reply().buttons[:2]


def mission_locale_card(name: str, address: str, commune: str | None) -> str:
    """The young person's Mission Locale in three short lines."""
    where = f" pour {commune}" if commune else ""
    return (
        f"{CARD_MARK}{where} : {name}\n{address}\n"
        "C'est gratuit, pour les 16-25 ans, avec ou sans diplôme."
    )


# --- handoff ----------------------------------------------------------------------------------

HANDOFF_ASK_LOCATION = (
    "D'accord, je te mets en lien avec un·e conseiller·e 🙋 "
    "Dis-moi d'abord ta commune ou ton code postal, pour trouver ta Mission Locale."
)


HANDOFF_CONSENT_ASK = (
    "je lui transmets ton besoin, ta commune et un court résumé de notre échange. Tu es d'accord ?"
)


# The questions whose answer matters (the privacy notice can be left unanswered).
_YES_NO_BUTTONS: dict[str, tuple[Button, ...]] = {
    "handoff": (
        Button("✅ Oui, transmets", payload("affirm", topic="handoff")),
        Button("❌ Non", payload("deny", topic="handoff")),
    ),
    "human": (
        Button("🙋 Oui, parler à un·e conseiller·e", "/request_human"),
        Button("Pas maintenant", payload("deny", topic="human")),
    ),
}
YES_NO_AGAIN = "Je n'ai pas bien compris 🤔 Tu peux répondre avec un de ces boutons 👇"


def yes_no_again(topic: str | None) -> BotReply | None:
    """The pending question's answers again, after something that was neither yes nor no."""
    buttons = _YES_NO_BUTTONS.get(topic or "")
    return BotReply(YES_NO_AGAIN, buttons) if buttons else None


def handoff_consent_reply(ml_name: str) -> BotReply:
    """Ask before sharing anything with the Mission Locale."""
    return BotReply(
        f"Pour qu'un·e conseiller·e de {ml_name} te réponde, {HANDOFF_CONSENT_ASK}",
        (
            Button("✅ Oui, transmets", payload("affirm", topic="handoff")),
            Button("❌ Non", payload("deny", topic="handoff")),
        ),
    )


HANDOFF_DONE = "C'est transmis ✅"


def with_menu_button(text: str) -> BotReply:
    """A closing message that still leaves one tap to another question."""
    return BotReply(text, (Button("❓ Autre question", "/show_menu"),))


def handoff_done(ml_name: str, address: str, danger_numbers: tuple[str, ...] = ()) -> str:
    """Tell honestly what happens after a handoff request; after a crisis, not to wait."""
    when = (
        f"{HANDOFF_DONE} Un·e conseiller·e de {ml_name} va lire ta demande et te répondre ici, "
        "en général sous 2 jours ouvrés (pas le week-end)."
    )
    if danger_numbers:
        return f"{when}\n{dont_wait(danger_numbers)}"
    return (
        f"{when} Je ne peux pas te promettre l'heure exacte.\n"
        f"Si c'est urgent, tu peux aussi passer les voir : {address}."
    )


def dont_wait(numbers: tuple[str, ...]) -> str:
    """Under a handoff after a crisis: a counsellor answers in days, the numbers now."""
    return (
        f"⚠️ Si tu es en danger maintenant, n'attends pas sa réponse : appelle le "
        f"{' ou le '.join(numbers)} (gratuit, 24h/24)."
    )


def after_crisis_options(numbers: tuple[str, ...], *, handoff_done: bool = False) -> BotReply:
    """What next, when danger was said in this conversation: a human first, the numbers near."""
    if handoff_done:
        return BotReply(
            f"{HANDOFF_SENT_REMINDER} Et si ça ne va pas maintenant : "
            f"{' ou '.join(numbers)}, gratuit, 24h/24.",
            (Button("❓ Autre question", "/show_menu"),),
        )
    return BotReply(
        f"Tu veux qu'un·e conseiller·e te recontacte ? Et si ça ne va pas maintenant : "
        f"{' ou '.join(numbers)}, gratuit, 24h/24.",
        (
            Button("🙋 Oui, parler à un·e conseiller·e", "/request_human"),
            Button("❓ Autre question", "/show_menu"),
        ),
    )


def human_declined_reply() -> BotReply:
    """After "no" to a counsellor: the numbers stay, and the counsellor stays one tap away."""
    return BotReply(
        HUMAN_DECLINED,
        (
            Button("🙋 Finalement, parler à un·e conseiller·e", "/request_human"),
            Button("❓ Autre question", "/show_menu"),
        ),
    )


HANDOFF_SENT_REMINDER = (
    "Ta demande est déjà transmise à ta Mission Locale ✅ Un·e conseiller·e va te répondre ici."
)
HANDOFF_ALREADY = f"{HANDOFF_SENT_REMINDER} En attendant, je peux répondre à une autre question."
HANDOFF_DECLINED = "D'accord, je ne transmets rien. Je reste là si tu as une autre question."

# --- privacy commands, misc -------------------------------------------------------------------

OPTED_OUT = (
    "C'est noté : je ne t'enverrai plus aucun message de moi-même. "
    "Tu peux toujours m'écrire quand tu veux. Pour effacer tes données : /supprimer"
)
ERASED = (
    "C'est fait 🗑️ J'ai effacé tout ce que je savais de toi : messages, commune, demandes. "
    "Si tu m'écris à nouveau, on repart de zéro."
)
NOT_UNDERSTOOD = "Je n'ai pas bien compris 🤔 Tu peux me dire en quelques mots ce que tu cherches ?"
# Added under NOT_UNDERSTOOD when a whole sentence was not understood: a veiled crisis message
# the classifier could not place lands here (6 of the 12 that sets o–s slipped past at first sight,
# nlu/PIPELINES.md round 5), and this way it still reaches the numbers.
SAFETY_NET = (
    "🆘 Si ça va vraiment pas ou si tu es en danger : 3114 · 119 · 115 · 112 (gratuits, 24h/24)."
)


def with_safety_net(replies: list[BotReply]) -> list[BotReply]:
    """The safety-net line right after the answer (the bot's next question stays last).

    Unchanged when the replies already give the crisis numbers.
    """
    if any(SAFETY_NET in reply.text or ALL_NUMBERS in reply.text for reply in replies):
        return replies
    return [*replies[:1], BotReply(SAFETY_NET), *replies[1:]]


GOODBYE = "À plus ! 👋 Tu peux revenir m'écrire quand tu veux."
THANKED = "Avec plaisir 🙂 Autre chose ? Et si tu as 5 minutes, ton avis nous aiderait beaucoup."


def numbers_line(numbers: tuple[str, ...]) -> str:
    """One line of numbers, after danger was said in the conversation."""
    return f"Et si ça ne va pas : {' ou '.join(numbers)}, gratuit, 24h/24."


def thanked_reply() -> BotReply:
    """After a thank-you: another question, or the study's questions."""
    return BotReply(
        THANKED,
        (Button("💬 Donner mon avis", "/give_feedback"), Button("❓ Autre question", "/show_menu")),
    )


LAUGHED = "😄 Dis-moi ce que tu cherches, je suis là pour ça 👇"
LAUGHED_AFTER_CARD = "😄 Je suis là si tu veux parler à un·e conseiller·e ou demander autre chose."
OUT_OF_SCOPE = (
    "Là-dessus je ne peux pas t'aider 😅 Moi je connais le taf, la formation, l'argent, "
    "le logement, la santé, le permis et les papiers. Choisis 👇"
)
HUMAN_DECLINED = (
    "D'accord. Ces numéros répondent 24h/24 si ça ne va pas. "
    "Je reste là si tu veux parler d'autre chose."
)
AFFIRM_NO_QUESTION = "Top ! Dis-moi ce qu'il te faut 👇"
DENY_NO_QUESTION = "D'accord 🙂 Je reste là si tu as besoin."
