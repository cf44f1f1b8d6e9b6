"""Relais: actions."""
