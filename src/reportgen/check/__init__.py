"""Checks of the narrative text against the tables."""
