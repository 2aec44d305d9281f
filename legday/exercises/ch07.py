"""Checks for chapter 7 (registered below)."""
