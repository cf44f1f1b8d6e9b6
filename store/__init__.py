"""Relais: store."""
