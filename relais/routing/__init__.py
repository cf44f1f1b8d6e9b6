"""Routing: free text / postal code / GPS position → commune → Mission Locale (Île-de-France)."""

from relais.routing.geo import resolve_position
from relais.routing.normalize import normalize_text
from relais.routing.reference import Commune, MissionLocale
from relais.routing.resolver import (
    Resolution,
    commune_by_insee,
    mission_locale_for,
    resolve,
)

__all__ = [
    "Commune",
    "MissionLocale",
    "Resolution",
    "commune_by_insee",
    "mission_locale_for",
    "normalize_text",
    "resolve",
    "resolve_position",
]
