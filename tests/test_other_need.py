"""A second need in one message: offered as a button, or answered first when the first is solved."""

from __future__ import annotations

import pytest

from relais.dialogue.other_need import asked_needs, main_and_other, named_needs


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


@pytest.mark.parametrize(
    ("text", "main", "first", "then"),
    [
        ("refaire mon cv et après un rdv", "appointment", "cv", "appointment"),
        ("d'abord le permis, puis un taf", "job", "mobility", "job"),
        ("je veux un taf mais surtout un logement", "job", "housing", "job"),
        ("un taf et ensuite une formation", "job", "job", "training"),
        # Two asks listed: in the order listed.
        ("jveux le permis et une formation", "training", "mobility", "training"),
        ("wsh jcherche un taf et un appart", "housing", "job", "housing"),
        ("slt jcherche un job etudiant et aussi un appart a cergy", "housing", "job", "housing"),
    ],
)
def test_the_order_the_message_says_is_kept(text: str, main: str, first: str, then: str) -> None:
    ranking = [(main, 0.8), (first if first != main else then, 0.1)]
    assert main_and_other(text, main, ranking) == (first, then)


@pytest.mark.parametrize(
    ("text", "main", "other"),
    [
        ("et pour un entretien d'embauche vous avez des conseils ?", "cv", "job"),
    ],
)
def test_without_an_order_said_the_nlu_decides(text: str, main: str, other: str) -> None:
    assert main_and_other(text, main, [(main, 0.6), (other, 0.3)]) == (main, other)


@pytest.mark.parametrize(
    ("text", "main", "where"),
    [
        # The need named first is often where one is, not what one asks: not offered.
        ("ce taf me tue jveux me reconvertir", "orientation", "job"),
        ("jsuis en formation de compta, jveux me réorienter", "orientation", "training"),
    ],
)
def test_where_one_is_is_not_offered(text: str, main: str, where: str) -> None:
    assert main_and_other(text, main, [(main, 0.6), (where, 0.3)]) == (main, None)


def test_the_words_beat_the_classifiers_guess() -> None:
    # "vente" names no need; "formation" does; nor "c quoi", the CEJ does.
    assert main_and_other("slt c quoi le cej ?", "mission_locale", [("money", 0.2)]) == (
        "money",
        "mission_locale",
    )
    text = "je cherche une autre formation dans la vente, 77410"
    assert main_and_other(text, "job", [("job", 0.6), ("training", 0.3)]) == ("training", "job")


def test_a_need_named_as_the_goal_gives_way_to_the_ask() -> None:
    text = "bonjour madame je veux faire formation pour travail dans le batiment"
    assert main_and_other(text, "job", [("job", 0.6), ("training", 0.3)]) == ("training", "job")
    # Asked for itself, the job stays first.
    text = "jcherche un travail et une formation"
    assert main_and_other(text, "job", [("job", 0.6), ("training", 0.3)]) == ("job", "training")


def test_what_cannot_wait_comes_first() -> None:
    text = "jvoudrais passer le permis mais la g plus un euro et le frigo est vide"
    ranking = [("mobility", 0.7), ("money", 0.2)]
    assert main_and_other(text, "mobility", ranking) == ("money", "mobility")


def test_a_need_denied_gives_way_to_the_other() -> None:
    text = "non pas formation, alternance, jveux etre payé"
    assert main_and_other(text, "training", [("training", 0.6), ("apprenticeship", 0.3)]) == (
        "apprenticeship",
        None,
    )


@pytest.mark.parametrize(
    ("text", "main", "first", "then"),
    [
        ("bonjour jhabite a jouy le chatel ya aucun bus pour aller bosser a provins", "job",
         "mobility", "job"),
        ("il faut quoi papier pour travail ? moi j'ai récépissé", "job", "admin", "job"),
        ("do i need special papers to work here?", "job", "admin", "job"),
        ("ce taf me tue, jveux faire une formation pour changer de metier", "orientation",
         "training", "orientation"),
    ],
)  # fmt: skip
def test_a_goal_is_not_the_ask(text: str, main: str, first: str, then: str) -> None:
    other = first if first != main else then
    assert main_and_other(text, main, [(main, 0.6), (other, 0.3)]) == (first, then)


def test_a_bus_one_is_in_is_not_a_need() -> None:
    assert named_needs("jsuis dans le bus, jte reponds apres") == set()
    assert named_needs("c quoi la garantie jeunes") == {"money"}
    assert named_needs("ya aucun bus pour aller au taf") == {"mobility", "job"}


@pytest.mark.parametrize("main", ["admin", "appointment"])
def test_papers_asked_with_an_appointment_are_the_ones_to_bring(main: str) -> None:
    ranking = [(main, 0.7), ("admin" if main == "appointment" else "appointment", 0.2)]
    text = "Comment il prend rendez-vous, et il faut quels papiers ?"
    assert main_and_other(text, main, ranking) == ("appointment", None)
    # A paper named is an ask of its own: the usual order holds.
    text = "jveux un rdv et refaire mon titre de sejour"
    assert main_and_other(text, "admin", [("admin", 0.7), ("appointment", 0.2)])[0] == "admin"


@pytest.mark.parametrize(
    ("text", "main", "other", "first"),
    [
        ("jsuis apprentie en coiffure, ya des aides financieres ? ma paie suffit pas",
         "apprenticeship", "money", "money"),
        ("ce taf d'interim en entrepot me tue le dos, jveux faire une formation pour changer",
         "job", "training", "training"),
        ("ce taf de livreur me tue, jveux changer ms jsais pas koi faire d'autre",
         "job", "orientation", "orientation"),
        ("je vais me flinguer le dos à porter des cartons au taf 😩 ya des formations moins "
         "physiques ?", "job", "training", "training"),
        ("je m'occupe de ma mère malade, je peux pas trop bosser, ya des aides pour moi ?",
         "job", "money", "money"),
        ("bom dia, preciso de uma formação de francês, jveux apprendre le français pr travailler",
         "job", "training", "training"),
        # A first, next or new job is an ask.
        ("jcherche mon premier taf et une formation", "job", "training", "job"),
    ],
)  # fmt: skip
def test_where_one_is_now_is_the_setting_not_the_ask(
    text: str, main: str, other: str, first: str
) -> None:
    assert main_and_other(text, main, [(main, 0.8), (other, 0.1)])[0] == first


def test_the_agency_is_not_a_job_asked_for() -> None:
    assert named_needs("et faut etre inscrit a pole emploi ou pas") == set()
    assert named_needs("france travail m'a radié") == set()


def test_papers_to_bring_for_something_else_are_not_an_ask() -> None:
    from relais.dialogue.other_need import asked_needs

    assert asked_needs("faut quels papiers pr s'inscrire a la formation ?") == {"training"}
    assert asked_needs("faut quels papiers ?") == set()
    assert asked_needs("quels papiers pour la caf") == {"admin"}


@pytest.mark.parametrize("main", ["training", "apprenticeship"])
def test_a_need_denied_is_neither_answered_nor_offered(main: str) -> None:
    text = "non pas formation, alternance, jveux etre payé"
    other = "apprenticeship" if main == "training" else "training"
    assert main_and_other(text, main, [(main, 0.9), (other, 0.005)]) == ("apprenticeship", None)


def test_papers_to_bring_for_a_need_are_that_need() -> None:
    text = "faut quels papiers pr s'inscrire a la formation ?"
    ranking = [("admin", 0.56), ("training", 0.41)]
    assert main_and_other(text, "admin", ranking) == ("training", None)


@pytest.mark.parametrize("main", ["money", "mobility"])
def test_an_aid_for_a_need_is_that_need(main: str) -> None:
    other = "mobility" if main == "money" else "money"
    ranking = [(main, 0.8), (other, 0.1)]
    for text in ("ya des aides pour payer les heures de conduite ?", "ya des aides pour le permis"):
        assert main_and_other(text, main, ranking) == ("mobility", None)
    # Money asked as such stays an ask of its own.
    text = "g plus de thune et jveux passer le permis"
    assert main_and_other(text, "money", [("money", 0.8), ("mobility", 0.1)]) == (
        "money",
        "mobility",
    )


def test_the_cej_written_without_its_article_is_money() -> None:
    assert named_needs("je voudrais des infos sur le contrat engagement jeune") == {"money"}


def test_where_one_has_to_go_is_not_the_ask() -> None:
    ranking = [("training", 0.8), ("mobility", 0.1)]
    text = "cmt jfais pour aller en formation ya pas de bus chez moi"
    assert main_and_other(text, "training", ranking) == ("mobility", "training")
    text = "jveux une formation mais ya pas de bus chez moi"
    assert main_and_other(text, "training", ranking) == ("training", "mobility")


def test_two_asks_listed_with_their_verbs_keep_their_order() -> None:
    text = "slt jveux trouver une alternance en mecanique auto et passer le permis"
    ranking = [("mobility", 0.8), ("apprenticeship", 0.1)]
    assert main_and_other(text, "mobility", ranking) == ("apprenticeship", "mobility")


def test_aids_in_general_do_not_beat_the_need_read() -> None:
    # "des aides" is no money asked for: every need has some.
    ranking = [("mobility", 0.8), ("money", 0.1)]
    assert main_and_other("ya des aides pour repasser ?", "mobility", ranking) == ("mobility", None)
    ranking = [("housing", 0.8), ("money", 0.1)]
    assert main_and_other("g plus de thune, ya des aides ?", "housing", ranking)[0] == "money"


@pytest.mark.parametrize(
    ("text", "main", "other", "first"),
    [
        ("bsr dsl il est tard, vous pouvez m'aider a refaire mon cv ? g jamais eu de vrai taf",
         "job", "cv", "cv"),
        ("yo c possible de passer le caces gratuit ? jveux bosser en entrepot",
         "job", "training", "training"),
        # Both in the question: the classifier decides.
        ("un taf ou une formation, vous conseillez quoi ?", "job", "training", "job"),
    ],
)  # fmt: skip
def test_the_need_in_the_question_comes_first(text: str, main: str, other: str, first: str) -> None:
    assert main_and_other(text, main, [(main, 0.8), (other, 0.1)])[0] == first


def test_where_to_live_is_housing() -> None:
    text = "je sors de l'ase dans 3 semaines et jsais pas ou je vais habiter"
    assert named_needs(text) == {"housing"}
    # Not being an apprentice is where one is, not an ask.
    assert asked_needs("g 19 ans et jsuis pas en apprentissage, ca marche quand meme ?") == set()


def test_what_is_missing_is_not_the_ask() -> None:
    text = "bonjour je voudrais voir un psychologue mais j'ai pas d'argent"
    assert main_and_other(text, "money", [("money", 0.8), ("health", 0.1)])[0] == "health"


@pytest.mark.parametrize(
    "ranking",
    [
        [("apprenticeship", 0.8), ("housing", 0.1), ("money", 0.05)],
        [("apprenticeship", 0.8), ("money", 0.1), ("housing", 0.05)],
    ],
)
def test_an_aid_is_for_the_first_need_named_after_it(ranking: list[tuple[str, float]]) -> None:
    text = "et ya des aides pour se loger quand on est apprenti ?"
    assert main_and_other(text, "apprenticeship", ranking) == ("housing", None)


@pytest.mark.parametrize(
    ("text", "main", "ranking", "expected"),
    [
        # Where the Mission Locale is, asked first; the car is the setting (round 12, r16).
        (
            "c ou exactement la mission locale ? g pas de voiture",
            "mission_locale",
            [("mission_locale", 0.99), ("mobility", 0.003)],
            "mission_locale",
        ),
        # Visale is a housing guarantee (round 12, s32).
        ("et visale c'est quoi exactement ?", "mission_locale", [("housing", 0.24)], "housing"),
    ],
)
def test_round_12_asks(
    text: str, main: str, ranking: list[tuple[str, float]], expected: str
) -> None:
    assert main_and_other(text, main, ranking)[0] == expected


@pytest.mark.parametrize("text", ["slt cv ?", "wesh cv ou quoi", "cc cv"])
def test_hello_ca_va_names_no_cv(text: str) -> None:
    assert "cv" not in named_needs(text)
    assert named_needs("tu peux regarder mon cv ?") == {"cv"}


def test_wanting_to_quit_school_is_orientation_having_quit_is_not() -> None:
    assert "orientation" in named_needs("slt jsuis en seconde et jveux arreter le lycee")
    assert "orientation" not in named_needs("j'ai arrêté la fac l'année dernière")


def test_learning_french_better_is_a_training() -> None:
    assert "training" in named_needs("Et pour apprendre mieux le français, il y a des cours ?")
