"""Rasa custom actions: thin wrappers around relais.dialogue, split by concern."""
