"""A message that is nothing but a place (relais.routing.place_names), as PlaceGuard reads it."""

from __future__ import annotations

import importlib

import pytest

from relais.routing.lexicon import COMMON_WORDS
from relais.routing.normalize import normalize_text
from relais.routing.place_names import is_place_only
from relais.routing.reference import load_reference


def test_every_commune_outside_paris_alone_is_a_place_but_ordinary_words() -> None:
    communes = [c.name for c in load_reference().communes.values() if c.department != "75"]
    not_places = sorted(name for name in communes if not is_place_only(name))
    # Left to the classifier and the resolver: names that are ordinary words or phrases.
    assert not_places == [
        "Forges", "Fosses", "La Tombe", "Le Pin", "Marines", "Méré", "Plaisir", "Presles",
        "Us", "Vert",
    ]  # fmt: skip
    for name in not_places:
        words = [w for w in normalize_text(name).split() if w not in {"la", "le"}]
        assert all(w in COMMON_WORDS or len(w) <= 2 for w in words), name


@pytest.mark.parametrize(
    "text",
    [
        "coulommiers",
        "Coulommiers !",
        "jhabite a st ouen l aumone",
        "77120",
        "je suis a nemours 77140",
        "paris 18",
        "Paris 18ème",
        "75018",
        "pierrefitte",  # a former name
        "combs la ville",  # a name ending on a word that is also a filler
        "moi c meaux",
        "massy stp",
        # Localities of the La Poste file (line 5), former communes among them
        "courcouronnes",
        "Fourqueux",
        "j'habite a fourqueux",
        "la plaine st denis",
        "le petit clamart",
        # Abbreviations and a postal code typed in two parts
        "aulnay ss bois",
        "noisy le gd",
        "95 200",
        "je suis a 95.200",
    ],
)
def test_a_place_with_or_without_fillers(text: str) -> None:
    assert is_place_only(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "oui",
        "ok merci",
        "vert",
        "la tombe",
        "chez moi",
        "ma ville",
        "je cherche du taf a meaux",
        "j'habite a paris mais je dors dehors",
        "69001",  # a postal code outside Île-de-France
        "12345",
        "77120 77140",
        "argenteuill",  # typos are the resolver's job, not a reason to override the classifier
        "garge les gonesse",
        "ris",
        # Beginnings of localities, which the resolver does not read either
        "pave",
        "le pave",
        "patte",
        "varenne",
        "la plaine",
        "plaine saint",
        "95 999",
        "06 95 200 12",
    ],
)
def test_not_only_a_place(text: str) -> None:
    assert not is_place_only(text)


def test_localities_alone_are_places_the_resolver_finds() -> None:
    from relais.routing import resolve

    data = load_reference()
    localities = {
        row.locality for row in data.postal_rows if row.locality and not row.insee.startswith("75")
    }
    assert {"COURCOURONNES", "FOURQUEUX"} <= localities
    # A locality that is no distinctive name is left to the classifier, as a commune would be.
    assert sorted(name for name in localities if not is_place_only(name)) == ["SAINTS"]
    statuses = {name: resolve(name).status for name in localities if name != "SAINTS"}
    # Bordeaux, a hamlet of Villevaudé, is read as the city, like "cannes" (Cannes-Écluse).
    assert {name for name, status in statuses.items() if status == "outside_idf"} == {"BORDEAUX"}
    assert {status for name, status in statuses.items() if name != "BORDEAUX"} <= {
        "found",
        "ambiguous",
    }


def test_the_routing_package_loads_its_names_lazily() -> None:
    routing = importlib.import_module("relais.routing")
    assert routing.resolve("95100").status == "found"
    assert all(callable(getattr(routing, name)) for name in routing.__all__)
    with pytest.raises(AttributeError):
        _ = routing.no_such_name
