"""Routing: free text / postal code / GPS position → commune → Mission Locale (Île-de-France).

The names below are imported lazily, so that the light modules of this package (``normalize``,
``reference``, ``place_names``) also load inside the Rasa environment, which has no rapidfuzz.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from relais.routing.geo import resolve_position
    from relais.routing.normalize import normalize_text
    from relais.routing.reference import Commune, MissionLocale
    from relais.routing.resolver import (
        Resolution,
        commune_by_insee,
        mission_locale_for,
        resolve,
    )

_HOMES = {
    "Commune": "relais.routing.reference",
    "MissionLocale": "relais.routing.reference",
    "Resolution": "relais.routing.resolver",
    "commune_by_insee": "relais.routing.resolver",
    "mission_locale_for": "relais.routing.resolver",
    "normalize_text": "relais.routing.normalize",
    "resolve": "relais.routing.resolver",
    "resolve_position": "relais.routing.geo",
}

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


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'relais.routing' has no attribute {name!r}")
    return getattr(import_module(home), name)
