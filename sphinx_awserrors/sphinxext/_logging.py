"""One place for the extension's warnings: the warning type, its closed list of subtypes, a helper.

Every warning the extension emits goes through :func:`warn`, with ``type="awserrors"`` and a
subtype, so ``suppress_warnings = ["awserrors.<subtype>"]`` silences exactly one kind of problem.
Check findings use the check's name as the subtype.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Final

from sphinx.util import logging

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.application import Sphinx

WARNING_TYPE: Final = "awserrors"

#: Subtypes that are not check names (check names are added by the check registry).
SUBTYPES: Final[dict[str, str]] = {
    "catalogue": "a catalogue file cannot be read or an entry in it is malformed",
    "config": "a configuration value of the extension is invalid",
    "table": "an aws-error-table filter matches nothing, or a tabularcolumns before it is unusable",
    "description": "a catalogue description has reStructuredText markup errors, or markup the "
    "description policy refuses (a role not allowed, raw output, a link of another URL scheme)",
    "ref": "an :awserr: or :awsstatus: reference names an unknown code or status",
    "directive": "an aws-error directive names an unknown code",
    "export": "the JSON export of the catalogue could not be written",
    "compat": "an aws-error-compat reference cannot be read, or its filters match nothing",
    "coverage": "the server's source returns an error code the catalogue does not document",
    "latex-character": "catalogue text has characters pdflatex cannot typeset (they show as "
    "[U+XXXX] in the PDF)",
}

logger = logging.getLogger("sphinx_awserrors")


def warn(
    message: str,
    subtype: str,
    location: str | tuple[str | None, int | None] | Node | None = None,
    *,
    once: bool = False,
) -> None:
    """Emit one Sphinx warning of type ``awserrors`` with *subtype* at *location*."""
    logger.warning(message, type=WARNING_TYPE, subtype=subtype, location=location, once=once)


def warn_at(message: str, subtype: str, file: str, line: int | None, *, once: bool = False) -> None:
    """Warn at ``file:line`` of a file that is not a document (a catalogue); without a line,
    name the file in the message instead.

    (Sphinx would take a location without a colon, or a ``(file, line)`` pair, for a
    document name.)
    """
    if line:
        warn(message, subtype, location=f"{file}:{line}", once=once)
    else:
        warn(f"{file}: {message}", subtype, once=once)


def error(
    message: str,
    subtype: str,
    location: str | tuple[str | None, int | None] | Node | None = None,
) -> None:
    """Emit one Sphinx error (a warning that reads as an error) of type ``awserrors``."""
    logger.error(message, type=WARNING_TYPE, subtype=subtype, location=location)


def config_location(app: Sphinx, name: str) -> str | None:
    """Where *name* is set in ``conf.py``, as ``path:line``, for a warning about its value.

    The last top-level assignment wins, as when Python runs the file; ``None`` when the value
    does not come from ``conf.py`` (a default, or ``-D`` on the command line).
    """
    if name in app.config.overrides or not app.confdir:
        return None
    conf_py = Path(app.confdir, "conf.py")
    try:
        lines = conf_py.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    assignment = re.compile(rf"{re.escape(name)}\s*(?::[^=]*)?(?:\+|\|)?=(?!=)")
    found = [number for number, line in enumerate(lines, 1) if assignment.match(line)]
    return f"{conf_py}:{found[-1]}" if found else str(conf_py)
