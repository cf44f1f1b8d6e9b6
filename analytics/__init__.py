"""Relais: analytics."""
