"""Dialogue logic in plain Python: what the bot says and decides, called by thin Rasa actions."""
