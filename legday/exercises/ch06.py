"""Checks for chapter 6 (registered below)."""
