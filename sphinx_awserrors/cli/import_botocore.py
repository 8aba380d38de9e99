"""The ``import-botocore`` command: a catalogue from botocore's service models."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from sphinx_awserrors.catalogue import format_of
from sphinx_awserrors.cli._parser import Subcommands, add_output_option
from sphinx_awserrors.convert.botocore import BotocoreMissing, botocore_entries
from sphinx_awserrors.convert.catalogue_writer import write_catalogue

if TYPE_CHECKING:
    import argparse


def run_import_botocore(args: argparse.Namespace) -> int:
    """``sphinx-awserrors import-botocore SERVICE...``."""
    output: str | None = getattr(args, "output", None)
    if output is not None and format_of(output) is None:
        print(
            f"sphinx-awserrors import-botocore: {output}: unknown catalogue format; "
            "name the output .yaml, .yml, .toml or .json",
            file=sys.stderr,
        )
        return 2
    try:
        result = botocore_entries(args.services)
    except (BotocoreMissing, ValueError) as exc:
        print(f"sphinx-awserrors import-botocore: {exc}", file=sys.stderr)
        return 2
    for note in result.left_out:
        print(f"note: {note}; left out", file=sys.stderr)
    if not result.entries:
        print(
            "sphinx-awserrors import-botocore: the models declare no error with a status; "
            "nothing written",
            file=sys.stderr,
        )
        return 2
    import botocore

    header = [
        f"Built by sphinx-awserrors import-botocore from botocore {botocore.__version__}: "
        + ", ".join(result.models)
        + "."
    ]
    try:
        write_catalogue(result.entries, output, header)
    except OSError as exc:
        print(f"sphinx-awserrors import-botocore: {exc}", file=sys.stderr)
        return 2
    return 0


def register(commands: Subcommands) -> None:
    """Add the ``import-botocore`` command to the ``sphinx-awserrors`` parser."""
    botocore = commands.add_parser(
        "import-botocore",
        help="build a catalogue from botocore's service models (extra [botocore])",
        description="Build a catalogue from the error shapes that botocore's service models "
        "declare: code, HTTP status where modelled, first sentence of the documentation.",
    )
    botocore.add_argument("services", nargs="+", metavar="SERVICE", help="e.g. s3 iam sts")
    add_output_option(botocore)
    botocore.set_defaults(handler=run_import_botocore)
