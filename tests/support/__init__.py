"""Helpers shared by every test folder. Import them one way:
``from support.cli import run_unsnare`` (the root conftest puts tests/ on the path).

Helpers used by one folder only stay in that folder; a helper a second folder
needs moves here.
"""
