"""Danger words said of a game, a film or a series."""

from __future__ import annotations

import pytest

from relais.safety.fiction import figure_of_speech, harmless_frame, play_frame


@pytest.mark.parametrize(
    "text",
    [
        "jme suis fait tuer toute la nuit sur fortnite jsuis explosé 😵",
        "g binge squid game cette nuit ils meurent tous mdr",
        "ce boss final d'Elden Ring m'a tué 40 fois ☠️",
        "mon perso est mort dans la derniere mission de GTA",
        "jme suis fait massacrer en ranked toute la nuit",
        "jme suis tuée a la salle ce matin jsens plus mes jambes mdr",
        "jviens de me faire tuer 10 fois d'affilée sur valo jvais tout casser",
    ],
)
def test_play(text: str) -> None:
    assert play_frame(text)


@pytest.mark.parametrize(
    "text",
    [
        # Warning signs and dangers that a game only sets the scene for.
        "g donné mon compte fortnite et tous mes skins à mon petit frère, jen aurai plus besoin",
        "mon petit cousin de 13 ans reçoit des msgs sexuels d'un adulte sur fortnite",
        "jme fais tuer sur fortnite et dans ma vie aussi, jveux plus rien",
        "mon daron me tape quand je joue a gta",
        "ma vie c'est un film d'horreur jveux mourir",
        # Danger words with no game or film named.
        "jme suis fait tuer au taf aujourd'hui",
        "il va me tuer",
        "jme suis fait défoncer à la sortie du match",
    ],
)
def test_not_play(text: str) -> None:
    assert not play_frame(text)


@pytest.mark.parametrize(
    "text",
    [
        "g plus de vies sur candy crush jvais mourir d'ennui 😩 bref jsais pas quoi faire apres",
        "ptdr mon pote dit que jvais mourir d'ennui en formation",
        "jsuis mort de rire le patron m'a dit que j'etais 'trop lent' 💀",
        "g tué mon entretien hier 🔥🔥 ils mont dit quils me rappellent",
        "jpp de mes fautes mdr",
        "ma daronne va me tuer si je trouve pas de stage avant les vacances de noel mdr",
        "mes parents vont me tuer si jai pas mon bac 😂",
    ],
)
def test_figures_of_speech(text: str) -> None:
    assert figure_of_speech(text) and harmless_frame(text)


@pytest.mark.parametrize(
    "text",
    [
        "mort de rire jveux mourir",
        "je suis mort de fatigue, ma vie est nulle",
        "jvais mourir mdr",
        "dans 10 jours je serai plus de ce monde mdr",  # laughter is no figure of speech
        "jpp de ma vie mdr",
        "jpp de mes fautes, jveux disparaitre",
        # A parent's threat with no failure or laughter around it is taken as said.
        "mon pere va me tuer s'il apprend que je suis gay",
        "mon daron va me tuer quand il rentre",
        "jvais crever de froid, je dors dans un hall d'immeuble ce soir",
    ],
)
def test_not_only_a_figure_of_speech(text: str) -> None:
    assert not figure_of_speech(text)


def test_a_film_about_someone_else_that_led_to_a_trade() -> None:
    text = (
        "j'ai vu un film hier sur un mec qui se suicide en prison, ça m'a donné envie de bosser "
        "dans la réinsertion"
    )
    assert harmless_frame(text)
    assert not harmless_frame("j'ai vu un film sur le suicide et depuis j'y pense tout le temps")
    assert not harmless_frame(
        "un docu sur le suicide m'a donné envie de devenir infirmier, et de le faire"
    )


def test_fed_up_with_the_family_at_christmas_is_a_figure_of_speech() -> None:
    assert harmless_frame("jpp de ma famille mdr 5 jours de repas de noel")
    assert not harmless_frame("jpp de ma famille, mon père me frappe")
