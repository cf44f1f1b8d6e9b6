"""Loading of the reference data in ``data/reference/`` (read once, cached)."""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from relais.routing.normalize import clean_spaces, normalize_text, readable_street

REFERENCE_DIR = Path(__file__).resolve().parents[2] / "data" / "reference"
COVERAGE_ENV = "RELAIS_COVERAGE_FILE"
DEFAULT_COVERAGE_FILE = REFERENCE_DIR / "communes_idf_mission_locale_unml_2026-01.csv"
POSTAL_FILE = REFERENCE_DIR / "idf_communes_codes_postaux_laposte_2024-08.csv"
MERGED_FILE = REFERENCE_DIR / "merged_communes.csv"
IDF_COORDINATES_FILE = REFERENCE_DIR / "geonames_idf_communes_coordinates.csv"
OUTSIDE_PLACES_FILE = REFERENCE_DIR / "geonames_fr_places_outside_idf.csv"

IDF_DEPARTMENTS = ("75", "77", "78", "91", "92", "93", "94", "95")
PARIS_INSEE = "75056"
_DEPARTMENT_CODE = re.compile(r"\((\d{2,3}|2[ab])\)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Commune:
    """An Île-de-France commune (Paris: one per arrondissement)."""

    insee: str
    name: str
    department: str
    ml_code: str


@dataclass(frozen=True)
class MissionLocale:
    """A Mission Locale; ``address`` is the cleaned "street, postal code city"."""

    code: str
    name: str
    address: str


@dataclass(frozen=True)
class Place:
    """A point of the GPS index: an IDF commune (``insee``) or a place outside IDF."""

    latitude: float
    longitude: float
    insee: str | None
    name: str


@dataclass(frozen=True)
class PostalRow:
    """One row of the La Poste file."""

    insee: str
    postal_code: str
    laposte_name: str
    routing_name: str
    locality: str


@dataclass(frozen=True)
class ReferenceData:
    """Everything the resolver needs, loaded from ``data/reference/``."""

    communes: dict[str, Commune]
    missions: dict[str, MissionLocale]
    postal_rows: tuple[PostalRow, ...]
    successors: dict[str, str]
    former_names: dict[str, str]
    idf_places: tuple[Place, ...]
    outside_places: tuple[Place, ...]
    outside_departments: dict[str, str]


def _read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def _column(headers: Iterable[str], wanted: str) -> str:
    """Find a header by its UNML name, ignoring case, accents and spacing."""
    target = normalize_text(wanted)
    for header in headers:
        if normalize_text(header) == target:
            return header
    raise KeyError(f"column {wanted!r} not found in the coverage file")


def coverage_path() -> Path:
    """Coverage file path: ``$RELAIS_COVERAGE_FILE`` when set, else the copied UNML file."""
    override = os.environ.get(COVERAGE_ENV, "").strip()
    return Path(override) if override else DEFAULT_COVERAGE_FILE


def load_coverage(path: Path) -> tuple[dict[str, Commune], dict[str, MissionLocale]]:
    """Read a UNML coverage file (columns found by their header names)."""
    rows = _read_rows(path)
    if not rows:
        raise ValueError(f"empty coverage file: {path}")
    headers = list(rows[0])
    col = {
        key: _column(headers, name)
        for key, name in {
            "insee": "Code INSEE",
            "name": "Nom Commune",
            "department": "Département Commune",
            "ml_code": "Code ML",
            "ml_name": "Nom Officiel ML",
            "street": "Adresse ML",
            "postal_code": "Code Postal ML",
            "city": "Ville ML",
        }.items()
    }
    communes: dict[str, Commune] = {}
    missions: dict[str, MissionLocale] = {}
    for row in rows:
        insee = row[col["insee"]].strip().zfill(5)
        match = _DEPARTMENT_CODE.search(row[col["department"]])
        department = match.group(1).upper() if match else insee[:2]
        ml_code = row[col["ml_code"]].strip()
        communes[insee] = Commune(insee, clean_spaces(row[col["name"]]), department, ml_code)
        if ml_code not in missions:
            street = readable_street(row[col["street"]]).strip(" ,")
            town = clean_spaces(f"{row[col['postal_code']]} {row[col['city']]}")
            address = ", ".join(part for part in (street, town) if part)
            missions[ml_code] = MissionLocale(ml_code, clean_spaces(row[col["ml_name"]]), address)
    return communes, missions


@cache
def load_reference() -> ReferenceData:
    """Load and cache all reference data (call ``load_reference.cache_clear()`` to reload)."""
    communes, missions = load_coverage(coverage_path())
    postal_rows = tuple(
        PostalRow(
            insee=row["code_commune_insee"],
            postal_code=row["code_postal"],
            laposte_name=row["nom_de_la_commune_laposte"],
            routing_name=row["libelle_d_acheminement"],
            locality=row["ligne_5"],
        )
        for row in _read_rows(POSTAL_FILE)
    )
    successors: dict[str, str] = {}
    former_names: dict[str, str] = {}
    for row in _read_rows(MERGED_FILE):
        if row["old_insee"] not in communes and row["new_insee"] in communes:
            successors[row["old_insee"]] = row["new_insee"]
            former_names[row["old_name"]] = row["new_insee"]
    idf_places = tuple(
        Place(float(row["latitude"]), float(row["longitude"]), row["insee"], row["geonames_name"])
        for row in _read_rows(IDF_COORDINATES_FILE)
    )
    outside_rows = _read_rows(OUTSIDE_PLACES_FILE)
    outside_places = tuple(
        Place(float(row["latitude"]), float(row["longitude"]), None, row["name"])
        for row in outside_rows
    )
    outside_departments = {row["name"]: row["department"] for row in outside_rows}
    return ReferenceData(
        communes=communes,
        missions=missions,
        postal_rows=postal_rows,
        successors=successors,
        former_names=former_names,
        idf_places=idf_places,
        outside_places=outside_places,
        outside_departments=outside_departments,
    )
