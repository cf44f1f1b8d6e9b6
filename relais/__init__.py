"""Relais: relais."""
