"""One place for the extension's warnings: the warning type, its closed list of subtypes, a helper.

Every warning the extension emits goes through :func:`warn`, with ``type="awserrors"`` and a
subtype, so ``suppress_warnings = ["awserrors.<subtype>"]`` silences exactly one kind of problem.
Check findings use the check's name as the subtype.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from sphinx.util import logging

if TYPE_CHECKING:
    from docutils.nodes import Node

WARNING_TYPE: Final = "awserrors"

#: Subtypes that are not check names (check names are added by the check registry).
SUBTYPES: Final[dict[str, str]] = {
    "catalogue": "a catalogue file cannot be read or an entry in it is malformed",
    "config": "a configuration value of the extension is invalid",
    "table": "an aws-error-table option is invalid or its filters match nothing",
    "description": "a catalogue description has reStructuredText markup errors",
    "ref": "an :awserr: or :awsstatus: reference names an unknown code or status",
    "directive": "an aws-error directive names an unknown code",
    "export": "the JSON export of the catalogue could not be written",
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


def error(
    message: str,
    subtype: str,
    location: str | tuple[str | None, int | None] | Node | None = None,
) -> None:
    """Emit one Sphinx error (a warning that reads as an error) of type ``awserrors``."""
    logger.error(message, type=WARNING_TYPE, subtype=subtype, location=location)
