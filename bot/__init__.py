"""Relais: bot."""
