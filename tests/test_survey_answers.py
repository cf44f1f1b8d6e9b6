"""Typed and button answers → codes, scale values or kept free text."""

from __future__ import annotations

import pytest

from relais.survey import Question, load_questionnaire, parse_answer


@pytest.fixture(scope="module")
def v1():
    return load_questionnaire("etude-jeunes", 1)


@pytest.fixture(scope="module")
def info(v1):
    return v1.question("info_channels")


@pytest.mark.parametrize(
    ("raw", "codes"),
    [
        ("le 2", ("instagram",)),
        ("2", ("instagram",)),
        ("la 2eme", ("instagram",)),
        ("la deuxième", ("instagram",)),
        ("n°3", ("snapchat",)),
        ("2 et 4", ("instagram", "youtube")),
        ("insta", ("instagram",)),
        ("tiktok et snap", ("tiktok", "snapchat")),
        ("TikTok, Insta et YouTube", ("tiktok", "instagram", "youtube")),
        ("insta, youtube", ("instagram", "youtube")),
        ("yt", ("youtube",)),
        ("mes potes", ("friends",)),
        ("mes parents", ("family",)),
        ("le lycée", ("school",)),
        ("pole emploi", ("france_travail",)),
        ("Pôle Emploi", ("france_travail",)),
        ("1j1s", ("1jeune1solution",)),
        ("snapchta", ("snapchat",)),  # typo
        ("france_travail", ("france_travail",)),  # button payload
        ("1jeune1solution", ("1jeune1solution",)),
    ],
)
def test_multiple_choice(info, raw, codes):
    answer = parse_answer(info, raw)
    assert answer.codes == codes
    assert answer.text is None
    assert not answer.skipped and not answer.stop


@pytest.mark.parametrize("raw", ["chatgpt", "les deux", "rien", "12", "le journal du quartier"])
def test_nothing_maps_keeps_the_free_text(info, raw):
    answer = parse_answer(info, raw)
    assert answer.codes == ()
    assert answer.text == raw


def test_partly_mapped_answer_keeps_both(info):
    answer = parse_answer(info, "insta et le journal")
    assert answer.codes == ("instagram",)
    assert answer.text == "insta et le journal"


@pytest.mark.parametrize("raw", ["passer", "Passer", "je passe", "skip", "/skip", "suivant"])
def test_skip(info, raw):
    answer = parse_answer(info, raw)
    assert answer.skipped and not answer.stop and answer.codes == ()


@pytest.mark.parametrize(
    "raw", ["stop", "STOP", "/stop", "arrête", "pause", "plus tard", "stop stp"]
)
def test_stop(v1, info, raw):
    for question in (info, v1.question("change_one_thing")):
        answer = parse_answer(question, raw)
        assert answer.stop and not answer.skipped and not answer.is_answer


def test_stop_word_inside_an_answer_is_not_a_stop(v1):
    how = v1.question("how_it_went")
    assert parse_answer(how, "arrêté").codes == ("stopped",)
    assert parse_answer(how, "j'ai arrêté").codes == ("stopped",)
    answer = parse_answer(v1.question("why_stopped"), "j'ai arrêté psk c'était trop loin")
    assert not answer.stop and answer.text == "j'ai arrêté psk c'était trop loin"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("Je ne connais pas", "never_heard"),  # a keyboard button sends its title
        ("jamais entendu parler", "never_heard"),
        ("c quoi ?", "never_heard"),
        ("non", "heard_never_went"),
        ("on m'a dit d'y aller", "referred_never_went"),
        ("une fois", "went_once"),
        ("plusieurs fois", "went_several"),
        ("le 5", "went_several"),
    ],
)
def test_single_choice(v1, raw, code):
    assert parse_answer(v1.question("ever_been"), raw).codes == (code,)


def test_single_choice_takes_the_first_match_and_keeps_ambiguity(v1):
    answer = parse_answer(v1.question("activity"), "je cherche une formation")
    assert answer.codes == ("looking_for_work",)
    assert answer.text == "je cherche une formation"
    assert parse_answer(v1.question("activity"), "je bosse en intérim").codes == ("job",)


def test_single_choice_free_text(v1):
    answer = parse_answer(v1.question("activity"), "je m'occupe de ma fille")
    assert answer.codes == () and answer.text == "je m'occupe de ma fille"
    assert parse_answer(v1.question("ever_been"), "oui").text == "oui"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("19", "age_18_21"),
        ("j'ai 19 ans", "age_18_21"),
        ("16 ans", "age_16_17"),
        ("2", "age_18_21"),
    ],
)
def test_age(v1, raw, code):
    assert parse_answer(v1.question("age_band"), raw).codes == (code,)


def test_help_channels_longest_phrase_wins(v1):
    question = v1.question("help_channels")
    assert parse_answer(question, "rdv en ligne").codes == ("online_booking",)
    assert parse_answer(question, "en vrai, un rdv").codes == ("in_person",)
    assert parse_answer(question, "whatsapp et le soir").codes == ("messaging", "evening_weekend")


def test_open_question_keeps_the_text(v1):
    question = v1.question("change_one_thing")
    text = "  Des rdv le soir, 1 et 2 fois par semaine "
    answer = parse_answer(question, text)
    assert answer.codes == () and answer.text == text.strip() and answer.value is None


@pytest.fixture(scope="module")
def scale():
    return Question(
        id="satisfaction",
        text="Tu es satisfait·e ?",
        type="scale",
        scale_min=1,
        scale_max=5,
        scale_min_label="Pas du tout",
        scale_max_label="Tout à fait",
    )


@pytest.mark.parametrize(
    ("raw", "value", "text"),
    [
        ("4", 4, None),
        ("4/5", 4, None),
        ("4 sur 5", 4, None),
        ("quatre", 4, None),
        ("5️⃣", 5, None),
        ("pas du tout", 1, None),
        ("Tout à fait", 5, None),
        ("3 psk c'est loin", 3, "3 psk c'est loin"),
        ("bof", None, "bof"),  # not turned into a number: kept as text
        ("8", None, "8"),
        ("3/10", None, "3/10"),
    ],
)
def test_scale(scale, raw, value, text):
    answer = parse_answer(scale, raw)
    assert (answer.value, answer.text) == (value, text)
    assert parse_answer(scale, "passer").skipped
