"""Checks for chapter 5 (registered below)."""
