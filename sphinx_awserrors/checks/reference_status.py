"""The status comparison with a reference (``lint --reference aws-s3|botocore|FILE``).

Which catalogue a reference name stands for is :mod:`~sphinx_awserrors.checks.references`.

Not a registered check: it needs the optional ``botocore`` package and reads every service
model (a few seconds), so it runs only when asked for. Its findings are ``status`` findings,
silenced like them.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from sphinx_awserrors.checks.registry import Finding

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from sphinx_awserrors.catalogue import Catalogue, ErrorEntry

#: code -> status -> the services whose models give that status for the code
Statuses = dict[str, dict[int, set[str]]]


class ReferenceUnavailable(RuntimeError):
    """The reference cannot be used (botocore is not installed)."""


def botocore_statuses() -> Statuses:
    """The HTTP status of every error shape that botocore's service models give one.

    Raises :class:`ReferenceUnavailable` when botocore is not installed.
    """
    try:
        import botocore.session
    except ImportError:
        msg = (
            "--reference botocore needs the botocore package: "
            "pip install 'sphinx-awserrors[botocore]'"
        )
        raise ReferenceUnavailable(msg) from None
    loader = botocore.session.get_session().get_component("data_loader")
    statuses: Statuses = defaultdict(lambda: defaultdict(set))
    for service in loader.list_available_services("service-2"):
        model: Mapping[str, Any] = loader.load_service_model(service, "service-2")
        for name, shape in model.get("shapes", {}).items():
            error = shape.get("error")
            if not isinstance(error, dict) or not error.get("httpStatusCode"):
                continue
            statuses[str(error.get("code", name))][int(error["httpStatusCode"])].add(service)
    return {code: dict(by_status) for code, by_status in statuses.items()}


def _source(name: str) -> str:
    if name == "botocore":
        return "botocore's service models give"
    if name == "aws-s3":
        return "AWS's S3 error codes (aws-s3) give"
    return f"the reference {name} gives"


def _describe(by_status: Mapping[int, set[str]]) -> str:
    return "; ".join(
        f"{status} ({', '.join(sorted(services))})"
        for status, services in sorted(by_status.items())
    )


def catalogue_statuses(reference: Catalogue, name: str) -> Statuses:
    """The statuses of a reference catalogue, in the shape of :func:`botocore_statuses`.

    The "services" of a status are the entry's tags, or *name* when it has none.
    """
    statuses: Statuses = defaultdict(lambda: defaultdict(set))
    for entry in reference:
        statuses[entry.code][entry.status].update(entry.tags or (name,))
    return {code: dict(by_status) for code, by_status in statuses.items()}


def _services(entry: ErrorEntry) -> set[str]:
    """The services *entry*'s tags name (lower case)."""
    return {tag.lower() for tag in entry.tags}


def reference_findings(
    catalogue: Catalogue, statuses: Statuses, name: str = "botocore"
) -> Iterator[Finding]:
    """``status`` findings for entries whose status the reference does not give for their code.

    When the entry's tags name services, only those services count: an ``s3``-tagged entry
    is compared with S3's model alone, and not at all when S3's model lacks the code (the
    same code in Redshift or SimpleDB says nothing about S3).
    """
    for entry in catalogue:
        known = statuses.get(entry.code)
        if not known:
            continue
        tags = _services(entry)
        everywhere = set().union(*known.values())
        if tags & everywhere:
            relevant = {s: v & tags for s, v in known.items() if v & tags}
        elif tags and name == "botocore":
            continue  # the services it names do not define the code
        else:
            relevant = known
        if entry.status in relevant:
            continue
        yield Finding(
            entry.file,
            entry.line_of("status"),
            "status",
            f"{entry.code} has status {entry.status}, but {_source(name)} "
            f"{_describe(relevant)}; correct it, or add 'status' to the entry's ignore list",
            code=entry.code,
            field="status",
        )
