"""Where the tests find the project and their own files, whatever the directory of a test module."""

from __future__ import annotations

from pathlib import Path

#: ``tests/``
TESTS = Path(__file__).resolve().parent
#: The project's root directory (``pyproject.toml``, ``docs/``, ``benchmarks/``).
PROJECT = TESTS.parent
#: The Sphinx test roots, ``roots/test-<name>``.
ROOTS = TESTS / "roots"
#: Data files of the tests (the seed table, tables to import).
DATA = TESTS / "data"
#: The verbatim seed table, with its defects.
SEED = DATA / "seed_aws_error_codes.rst"
#: Tables for the importer tests.
IMPORT_DATA = DATA / "import"
