"""The ``probe`` command: S3 requests sent to a server, its errors compared with a catalogue.

Exit status: 0 every probed code matched the catalogue, 1 some did not, 2 bad usage, an
unreadable catalogue, no credentials, an unreachable endpoint, or a scratch bucket that could
not be removed. Errors are one line on standard error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Final

from sphinx_awserrors.catalogue import BUNDLED, bundled_path, load_catalogue, safe_io
from sphinx_awserrors.cli import _output
from sphinx_awserrors.probe import runner
from sphinx_awserrors.probe.report import FORMATS, render
from sphinx_awserrors.probe.scenarios import SCENARIOS, Scenario, library_codes

if TYPE_CHECKING:
    from sphinx_awserrors.cli._parser import Subcommands

PROG: Final = "sphinx-awserrors probe"


class UsageError(Exception):
    """Bad usage or input: one line on standard error, exit status 2."""


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0 < value < 86400:
        raise argparse.ArgumentTypeError(f"must be more than 0 and less than a day: {text!r}")
    return value


def register(commands: Subcommands) -> None:
    """Add the ``probe`` command to the ``sphinx-awserrors`` parser."""
    parser = commands.add_parser(
        "probe",
        help="send scripted S3 requests to a server and compare its errors with a catalogue",
        description="Run scripted S3 requests that each provoke one error code against a "
        "running S3-compatible server, inside a scratch bucket the command creates and "
        "removes, and compare the (code, status) answered with the catalogue's.",
        epilog=_output.exit_statuses(
            (0, "every probed code matched"),
            (1, "some did not"),
            (
                2,
                "bad usage, an unreadable catalogue, no credentials, an endpoint that "
                "cannot be reached, or a scratch bucket that could not be removed",
            ),
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="CATALOGUE",
        help="catalogue file(s), or 'bundled' for the bundled one (default: bundled)",
    )
    parser.add_argument(
        "--endpoint", metavar="URL", help="the server's URL, e.g. http://127.0.0.1:9000"
    )
    parser.add_argument(
        "--region",
        default=runner.DEFAULT_REGION,
        help="region to sign for and create the scratch bucket in "
        f"(default: {runner.DEFAULT_REGION})",
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help="report format (default: text)"
    )
    parser.add_argument(
        "--timeout",
        type=_seconds,
        default=runner.DEFAULT_TIMEOUT,
        metavar="S",
        help="seconds each request may take, its answer included "
        f"(default: {runner.DEFAULT_TIMEOUT:g})",
    )
    parser.add_argument(
        "--deadline",
        type=_seconds,
        default=runner.DEFAULT_DEADLINE,
        metavar="S",
        help="seconds all requests may take, clean-up apart "
        f"(default: {runner.DEFAULT_DEADLINE:g})",
    )
    parser.add_argument(
        "--only", metavar="CODES", help="comma-separated codes to probe (default: all it can)"
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="print the requests instead of sending them"
    )
    parser.add_argument(
        "--list-scenarios", action="store_true", help="list the scripted requests and exit"
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="write the report here (default: stdout)"
    )
    parser.set_defaults(handler=run)


def _only(text: str | None) -> set[str] | None:
    if text is None:
        return None
    codes = {code.strip() for code in text.split(",") if code.strip()}
    if not codes:
        raise UsageError("--only names no code")
    unknown = sorted(codes - set(library_codes()))
    if unknown:
        raise UsageError(
            f"--only: no scenario provokes {', '.join(unknown)} (see --list-scenarios)"
        )
    return codes


def _write(text: str, output: str | None, inputs: list[Path]) -> None:
    """Write *text* to *output* (stdout when ``None`` or ``-``), atomically, never over *inputs*."""
    if output is None or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        safe_io.write_text(output, text, inputs=inputs)
    except safe_io.FileProblem as exc:
        raise UsageError(str(exc)) from None


def _list() -> str:
    width = max(len(s.code) for s in SCENARIOS)
    return "".join(f"{s.code.ljust(width)}  {s.name}: {s.summary}\n" for s in SCENARIOS)


def _dry_run(args: argparse.Namespace, scenarios: list[Scenario]) -> str:
    endpoint = runner.check_endpoint(args.endpoint)
    options = runner.ProbeOptions(endpoint, runner.check_region(args.region))
    lines = []
    for scenario, requests in runner.plan(scenarios, options):
        lines.append(f"{scenario.code} [{scenario.name}]: {scenario.summary}")
        lines += [f"  {request.describe()}" for request in requests]
    lines.append(
        f"{len(scenarios)} scenarios, nothing sent; a run would create and remove the scratch "
        f"bucket {runner.SCRATCH_PREFIX}<12 hex digits> at {options.endpoint}"
    )
    return "\n".join(lines) + "\n"


def _probe(args: argparse.Namespace) -> int:
    if args.list_scenarios:
        _write(_list(), args.output, [])
        return 0
    if not args.endpoint:
        raise UsageError("--endpoint is required (the URL of the S3 server to probe)")
    names = list(args.files) or [BUNDLED]
    inputs = [bundled_path() if name == BUNDLED else Path(name) for name in names]
    if args.output not in (None, "-"):
        try:  # before the probe: a report that cannot be written is known now, not at the end
            safe_io.check_target(args.output, inputs)
        except safe_io.FileProblem as exc:
            raise UsageError(str(exc)) from None
    loaded = load_catalogue(names)
    fatal = [problem for problem in loaded.problems if problem.fatal]
    if fatal:
        raise UsageError(str(fatal[0]))
    if loaded.problems:
        print(
            f"{PROG}: warning: {loaded.problems[0]}"
            + (f" (and {len(loaded.problems) - 1} more)" if len(loaded.problems) > 1 else "")
            + f"; see sphinx-awserrors lint {' '.join(names)}",
            file=sys.stderr,
        )
    catalogue = loaded.catalogue
    only = _only(args.only)
    if only is not None:
        missing = sorted(code for code in only if code not in catalogue)
        if missing:
            raise UsageError(f"--only: not in the catalogue: {', '.join(missing)}")
    wanted = set(catalogue.codes) if only is None else only
    scenarios = [s for s in SCENARIOS if s.code in wanted]
    if not scenarios:
        raise UsageError("no scenario provokes a code of the catalogue (see --list-scenarios)")
    if args.dry_run:
        _write(_dry_run(args, scenarios), args.output, inputs)
        return 0
    not_probed = () if only is not None else tuple(c for c in library_codes() if c not in catalogue)
    options = runner.ProbeOptions(args.endpoint, args.region, args.timeout, args.deadline)
    report = runner.run(catalogue, scenarios, options, not_in_catalogue=not_probed)
    _write(render(report, args.format), args.output, inputs)
    if not report.cleaned_up:
        problem = report.cleanup_problems[0] if report.cleanup_problems else "it still exists"
        raise UsageError(f"could not remove the scratch bucket {report.scratch_bucket}: {problem}")
    return 1 if report.mismatches else 0


def run(args: argparse.Namespace) -> int:
    """``sphinx-awserrors probe``: the exit status after printing the report or one error line."""
    try:
        return _probe(args)
    except (UsageError, runner.ProbeError) as exc:
        return _output.error("probe", str(exc))
