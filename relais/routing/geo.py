"""GPS position → nearest known place (GeoNames cities1000, approximate)."""

from __future__ import annotations

import math
from functools import cache

from relais.routing.reference import PARIS_INSEE, Place, load_reference
from relais.routing.resolver import NOT_FOUND, OUTSIDE_IDF, Resolution, resolution_for_insee

MAX_DISTANCE_KM = 35.0
EARTH_RADIUS_KM = 6371.0

# Paris is one GeoNames point for 105 km²: inside this approximate outline of the Boulevard
# Périphérique (hand-entered positions of its gates, ~200 m accuracy; woods excluded), a
# position is in Paris. (latitude, longitude), clockwise from Porte de la Chapelle.
PARIS_OUTLINE = (
    (48.8984, 2.3594), (48.8972, 2.3859), (48.8884, 2.3923), (48.8770, 2.4068),
    (48.8638, 2.4088), (48.8472, 2.4103), (48.8296, 2.3885), (48.8214, 2.3695),
    (48.8191, 2.3600), (48.8233, 2.3254), (48.8322, 2.2877), (48.8327, 2.2700),
    (48.8380, 2.2567), (48.8484, 2.2577), (48.8606, 2.2692), (48.8714, 2.2772),
    (48.8781, 2.2827), (48.8857, 2.2927), (48.8945, 2.3133), (48.8975, 2.3290),
    (48.8998, 2.3447),
)  # fmt: skip


def in_paris(latitude: float, longitude: float) -> bool:
    """Whether the position lies inside the approximate outline of Paris (ray casting)."""
    inside = False
    previous = PARIS_OUTLINE[-1]
    for current in PARIS_OUTLINE:
        (lat1, lon1), (lat2, lon2) = previous, current
        if (lon1 > longitude) != (lon2 > longitude):
            crossing = lat1 + (longitude - lon1) * (lat2 - lat1) / (lon2 - lon1)
            if latitude < crossing:
                inside = not inside
        previous = current
    return inside


GRID_DEGREES = 0.5  # > MAX_DISTANCE_KM in latitude; the 3x3 cells around a point cover it


def _cell(latitude: float, longitude: float) -> tuple[int, int]:
    return math.floor(latitude / GRID_DEGREES), math.floor(longitude / GRID_DEGREES)


@cache
def _grid() -> dict[tuple[int, int], tuple[Place, ...]]:
    """Known places bucketed by grid cell, for a fast nearest-neighbour search."""
    data = load_reference()
    grid: dict[tuple[int, int], list[Place]] = {}
    for place in (*(p for p in data.idf_places if p.insee), *data.outside_places):
        grid.setdefault(_cell(place.latitude, place.longitude), []).append(place)
    return {cell: tuple(places) for cell, places in grid.items()}


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def nearest_place(latitude: float, longitude: float) -> tuple[Place, float] | None:
    """The nearest place within about 50 km and its distance in km, else None."""
    if not (-90.0 <= latitude <= 90.0 and -180.0 <= longitude <= 180.0):
        return None
    row, column = _cell(latitude, longitude)
    grid = _grid()
    nearby = [
        place
        for d_row in (-1, 0, 1)
        for d_column in (-1, 0, 1)
        for place in grid.get((row + d_row, column + d_column), ())
    ]
    if not nearby:
        return None
    scale = math.cos(math.radians(latitude)) ** 2
    best = min(
        nearby,
        key=lambda p: (p.latitude - latitude) ** 2 + scale * (p.longitude - longitude) ** 2,
    )
    return best, _distance_km(latitude, longitude, best.latitude, best.longitude)


def resolve_position(latitude: float, longitude: float) -> Resolution:
    """Resolve a GPS position to the Mission Locale of the nearest known commune."""
    if in_paris(latitude, longitude):
        return resolution_for_insee(PARIS_INSEE)
    nearest = nearest_place(latitude, longitude)
    if nearest is None or nearest[1] > MAX_DISTANCE_KM:
        return NOT_FOUND
    place = nearest[0]
    if place.insee is None:
        return OUTSIDE_IDF
    return resolution_for_insee(place.insee)
