"""Unsnare: local-first help against sextortion."""

__version__ = "0.1.0"
