"""Helpers shared by the tests, imported one way: ``from support.cli import run_unsnare``
(pyproject's ``pythonpath = ["tests"]`` puts tests/ on the path).

Every helper lives here, none in the test folders (tests/project/test_layout.py
checks it); fixtures that several folders use are in the plugin modules that
tests/conftest.py lists.
"""
