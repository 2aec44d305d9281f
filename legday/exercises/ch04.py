"""Checks for chapter 4 (registered below)."""
