"""Reference catalogues a catalogue is compared with: ``aws-s3``, ``botocore`` or a file.

``aws-s3`` is the bundled list of every error code the Amazon S3 API Reference documents
(``catalogue/data/aws-s3.yaml``, see ``docs/references.rst`` for its provenance and licence);
``botocore`` is built from botocore's service models (extra ``[botocore]``); anything else
must be the path of a catalogue file. :func:`resolve_reference` turns one of these names into
a :class:`~sphinx_awserrors.catalogue.Catalogue`; :func:`aws_s3` is the bundled one, which
the ``status`` and ``code-name`` checks consult by default.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Final

from sphinx_awserrors.catalogue import Catalogue, ErrorEntry, bundled, format_of, load_file

#: The names :func:`resolve_reference` accepts besides a catalogue file.
NAMED_REFERENCES: Final = ("aws-s3", "botocore")


class ReferenceError(ValueError):
    """A reference name that is neither a known reference nor a readable catalogue file."""


def aws_s3_path() -> Path:
    """The path of the bundled ``aws-s3`` reference catalogue."""
    return bundled.reference_path("aws-s3")


@cache
def aws_s3() -> Catalogue:
    """The bundled ``aws-s3`` reference: every S3 error code AWS documents (read once).

    Read with libyaml straight into entries (the checks need no line numbers of it, and the
    full loader would cost a tenth of a second on every lint); the full loader is the
    fallback, and reports a broken file.
    """
    path = aws_s3_path()
    try:
        import yaml

        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        entries = [
            ErrorEntry(
                str(item["code"]),
                int(item["status"]),
                str(item["description"]),
                tags=tuple(item.get("tags", ())),
                file=str(path),
            )
            for item in data["errors"]
        ]
        return Catalogue(tuple(entries))
    except (ImportError, OSError, KeyError, TypeError, ValueError, yaml.YAMLError):
        pass
    entries, problems = load_file(path)
    fatal = [p for p in problems if p.fatal]
    if fatal:  # a broken installation, not a user mistake
        raise ReferenceError(f"the bundled aws-s3 reference cannot be read: {fatal[0]}")
    return Catalogue(tuple(entries))


@cache
def bundled_descriptions() -> tuple[str, ...]:
    """The descriptions of the bundled catalogue, read with libyaml (no line numbers)."""
    from sphinx_awserrors.catalogue import bundled_path, load_catalogue

    try:
        import yaml

        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(bundled_path().read_text(encoding="utf-8"), Loader=loader)
        return tuple(str(item["description"]) for item in data["errors"])
    except (ImportError, OSError, KeyError, TypeError, ValueError, yaml.YAMLError):
        return tuple(e.description for e in load_catalogue(None).catalogue)


def _botocore() -> Catalogue:
    """botocore's S3 error shapes and every other service's, as a catalogue (tags: services).

    A code several services define gets one entry per status, tagged with those services.
    """
    from sphinx_awserrors.checks.reference_status import botocore_statuses

    entries = [
        ErrorEntry(code, status, "", tags=tuple(sorted(services)), file="<botocore>")
        for code, by_status in sorted(botocore_statuses().items())
        for status, services in sorted(by_status.items())
    ]
    return Catalogue(tuple(entries))


def resolve_reference(name_or_path: str) -> Catalogue:
    """The reference catalogue *name_or_path* names: ``aws-s3``, ``botocore`` or a file.

    Raises :class:`ReferenceError` with one clear sentence for anything else (an unknown
    name, a missing or unreadable file), and
    :class:`~sphinx_awserrors.checks.reference_status.ReferenceUnavailable` when botocore is
    asked for and not installed.
    """
    if name_or_path == "aws-s3":
        return aws_s3()
    if name_or_path == "botocore":
        return _botocore()
    path = Path(name_or_path)
    if format_of(path) is None or not path.is_file():
        known = ", ".join(NAMED_REFERENCES)
        what = "no catalogue file" if format_of(path) is None else "not a file"
        msg = f"unknown reference {name_or_path!r}: {what}; give {known} or a catalogue file"
        raise ReferenceError(msg)
    entries, problems = load_file(path)
    fatal = [p for p in problems if p.fatal]
    if fatal:
        raise ReferenceError(f"reference {name_or_path}: {fatal[0]}")
    return Catalogue(tuple(entries))
