"""What every command prints on standard error: fatal errors, warnings and notes, one line each.

A fatal error reads ``sphinx-awserrors COMMAND: error: MESSAGE`` whatever the command, so CI
logs and wrappers can match one pattern; reports about rows or entries stay compiler-style
(``file:line: message``). The exit statuses each command documents in ``--help`` are built
here too.
"""

from __future__ import annotations

import sys
import textwrap
from typing import Final

#: The exit status of a usage or input/output error.
USAGE: Final = 2


def error(command: str, message: str) -> int:
    """Print ``sphinx-awserrors COMMAND: error: MESSAGE`` on standard error; return 2."""
    print(f"sphinx-awserrors {command}: error: {message}", file=sys.stderr)
    return USAGE


def warning(command: str, message: str) -> None:
    """Print ``sphinx-awserrors COMMAND: warning: MESSAGE`` on standard error."""
    print(f"sphinx-awserrors {command}: warning: {message}", file=sys.stderr)


def note(command: str, message: str) -> None:
    """Print ``sphinx-awserrors COMMAND: note: MESSAGE`` on standard error."""
    print(f"sphinx-awserrors {command}: note: {message}", file=sys.stderr)


def exit_statuses(*statuses: tuple[int, str]) -> str:
    """The ``exit status`` part of a command's ``--help`` epilog, wrapped at 79 columns."""
    lines = [
        textwrap.fill(meaning, 79, initial_indent=f"  {code}  ", subsequent_indent="     ")
        for code, meaning in statuses
    ]
    return "exit status:\n" + "\n".join(lines)
