"""The ``import-botocore`` command: a catalogue from botocore's service models."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from sphinx_awserrors.catalogue import format_of
from sphinx_awserrors.cli import _output
from sphinx_awserrors.cli._parser import Subcommands, add_output_option
from sphinx_awserrors.convert.botocore import BotocoreMissing, botocore_entries
from sphinx_awserrors.convert.catalogue_writer import write_catalogue

if TYPE_CHECKING:
    import argparse


COMMAND: Final = "import-botocore"


def run_import_botocore(args: argparse.Namespace) -> int:
    """``sphinx-awserrors import-botocore SERVICE...``."""
    output: str | None = getattr(args, "output", None)
    if output is not None and format_of(output) is None:
        return _output.error(
            COMMAND,
            f"{output}: unknown catalogue format; name the output .yaml, .yml, .toml or .json",
        )
    try:
        result = botocore_entries(args.services)
    except (BotocoreMissing, ValueError) as exc:
        return _output.error(COMMAND, str(exc))
    for note in result.left_out:
        _output.note(COMMAND, f"{note}; left out")
    if not result.entries:
        return _output.error(COMMAND, "the models declare no error with a status; nothing written")
    import botocore

    header = [
        f"Built by sphinx-awserrors import-botocore from botocore {botocore.__version__}: "
        + ", ".join(result.models)
        + "."
    ]
    try:
        write_catalogue(result.entries, output, header)
    except OSError as exc:
        return _output.error(COMMAND, str(exc))
    return 0


def register(commands: Subcommands) -> None:
    """Add the ``import-botocore`` command to the ``sphinx-awserrors`` parser."""
    import argparse

    botocore = commands.add_parser(
        "import-botocore",
        help="build a catalogue from botocore's service models (extra [botocore])",
        description="Build a catalogue from the error shapes that botocore's service models "
        "declare: code, HTTP status where modelled, first sentence of the documentation.",
        epilog=_output.exit_statuses(
            (0, "written"),
            (
                2,
                "bad usage (an unknown service, an output of no catalogue format), botocore "
                "missing, no error with a status, or an output that cannot be written",
            ),
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    botocore.add_argument("services", nargs="+", metavar="SERVICE", help="e.g. s3 iam sts")
    add_output_option(botocore)
    botocore.set_defaults(handler=run_import_botocore)
