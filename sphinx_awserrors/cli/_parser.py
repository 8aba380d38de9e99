"""What every command module of the command line shares: the subparsers type and common options."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn, TypeAlias

#: What ``register(commands)`` of a command module adds its parser to.
Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on stderr, exit status 2.

    argparse prints the whole usage before the error; in CI logs and editors one line that
    names the command and the problem is what people read (``--help`` still shows usage).
    """

    def error(self, message: str) -> NoReturn:
        """Print ``PROG: error: MESSAGE`` and exit 2."""
        sys.stderr.write(f"{self.prog}: error: {message} (see {self.prog} --help)\n")
        sys.exit(2)


def add_output_option(parser: argparse.ArgumentParser) -> None:
    """``-o/--output``: where an importer writes its catalogue."""
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write the catalogue here (.yaml, .yml, .toml or .json); default: YAML on stdout",
    )
