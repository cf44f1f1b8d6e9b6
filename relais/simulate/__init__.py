"""Simulated young people who talk to the real stack: demo data and benchmark load."""
