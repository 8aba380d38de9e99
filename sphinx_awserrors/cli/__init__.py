"""The ``sphinx-awserrors`` command line: argument parsing and dispatch to the commands.

What belongs here: one module per command (``lint``, ``import_table`` for ``import-rst`` and
``import-md``, ``import_botocore``, ``import_source``, ``export``, ``probe``, ``compat``,
``diff``, ``coverage``), each with ``register(commands)`` that adds its parser and a ``run_*``
function that takes the parsed arguments and returns the exit code: 0 success, 1 findings
(lint, compat, coverage; diff with ``--fail-on``) or mismatches (probe), 2 usage or input
error. Errors are one line on stderr. How findings are printed is ``formats``. A new command
is a new module registered in :func:`get_parser`.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence

from sphinx_awserrors import __version__
from sphinx_awserrors.cli import (
    compat,
    coverage,
    diff,
    export,
    import_botocore,
    import_source,
    import_table,
    lint,
    probe,
)
from sphinx_awserrors.cli._parser import Parser

Command = Callable[[argparse.Namespace], int]


def get_parser() -> argparse.ArgumentParser:
    """The argument parser of ``sphinx-awserrors`` and its subcommands."""
    parser = Parser(
        prog="sphinx-awserrors",
        description="Check, import and export catalogues of AWS-style error codes, and probe "
        "S3 servers for them.",
        epilog="exit status: 0 success, 1 findings, rows left out or mismatches (see COMMAND "
        "--help), 2 bad usage or an input/output error; fatal errors read "
        "'sphinx-awserrors COMMAND: error: MESSAGE'.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in (
        lint,
        import_table,
        import_botocore,
        import_source,
        export,
        probe,
        compat,
        diff,
        coverage,
    ):
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``) and return the exit code."""
    parser = get_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    inputs = [getattr(args, "file", None), *(getattr(args, "files", None) or [])]
    if "-" in inputs:
        print(
            f"sphinx-awserrors {args.command}: error: '-': reading standard input is not "
            "supported; name a file",
            file=sys.stderr,
        )
        return 2
    handler: Command = args.handler
    try:
        code = handler(args)
        sys.stdout.flush()  # a closed pipe shows here rather than at exit
    except KeyboardInterrupt:
        print("sphinx-awserrors: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader of standard output went away (`| head`): nothing more can be written;
        # point stdout at /dev/null so the interpreter's own flush at exit stays quiet
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        print(
            f"sphinx-awserrors {args.command}: error: standard output was closed before "
            "everything was written",
            file=sys.stderr,
        )
        return 2
    return code
