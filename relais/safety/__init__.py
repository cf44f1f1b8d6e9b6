"""Safety helpers shared by the NLU pipeline (Rasa env) and the application."""

from relais.safety.distress import (
    HOTLINES,
    DistressKind,
    detect_all_distress,
    detect_distress,
    normalize,
)

__all__ = ["HOTLINES", "DistressKind", "detect_all_distress", "detect_distress", "normalize"]
