"""What every command module of the command line shares: the subparsers type and common options."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    import argparse

#: What ``register(commands)`` of a command module adds its parser to.
Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def add_output_option(parser: argparse.ArgumentParser) -> None:
    """``-o/--output``: where an importer writes its catalogue."""
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write the catalogue here (.yaml, .yml, .toml or .json); default: YAML on stdout",
    )
