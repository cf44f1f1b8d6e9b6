"""A second need in one message: offered as a button, or answered first when the first is solved."""

from __future__ import annotations

import pytest

from relais.dialogue.other_need import main_and_other, named_needs


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("jveux le permis et une formation", {"mobility", "training"}),
        ("g pas de thune pour la caution de l'appart", {"money", "housing"}),
        ("jcherche du taf sur aulnay sous bois", {"job"}),  # "sous" is not money
        ("une ALTERNANCE en cfa", {"apprenticeship"}),
        ("slt", set()),
    ],
)
def test_needs_named_in_words(text: str, needs: set[str]) -> None:
    assert named_needs(text) == needs


def test_other_need_needs_both_the_words_and_the_nlu() -> None:
    text = "jveux le permis et une formation"
    assert main_and_other(text, "mobility", [("mobility", 0.9), ("training", 0.05)]) == (
        "mobility",
        "training",
    )
    # Named in words but the NLU does not see it at all: not offered.
    assert main_and_other(text, "mobility", [("mobility", 0.99), ("training", 0.0001)]) == (
        "mobility",
        None,
    )
    # Ranked by the NLU but not named: not offered.
    assert main_and_other("jveux le permis", "mobility", [("training", 0.3)]) == ("mobility", None)


@pytest.mark.parametrize(
    "text",
    [
        "g trouvé un taf mais faut que je trouve un logement a massy",
        "j'ai enfin décroché un job par contre jsuis sans appart",
        "c bon pour le boulot mais g besoin d'un logement",
    ],
)
def test_a_solved_need_gives_way_to_the_other(text: str) -> None:
    assert main_and_other(text, "job", [("job", 0.8), ("housing", 0.1)]) == ("housing", None)


def test_an_obstacle_is_not_a_solved_need() -> None:
    # The job is the ask; the licence is what is missing: answer the job, offer the licence.
    text = "jcherche un taf mais g pas le permis"
    assert main_and_other(text, "job", [("job", 0.8), ("mobility", 0.1)]) == ("job", "mobility")
