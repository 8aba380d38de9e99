"""The status comparison with botocore's service models (``lint --reference botocore``).

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

    from sphinx_awserrors.catalogue import Catalogue

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


def _describe(by_status: Mapping[int, set[str]]) -> str:
    return "; ".join(
        f"{status} ({', '.join(sorted(services))})"
        for status, services in sorted(by_status.items())
    )


def reference_findings(catalogue: Catalogue, statuses: Statuses) -> Iterator[Finding]:
    """``status`` findings for entries whose status no service model gives for their code.

    When the entry's tags name services that define the code, only those services count.
    """
    for entry in catalogue:
        known = statuses.get(entry.code)
        if not known:
            continue
        tagged = {
            status: services & set(entry.tags)
            for status, services in known.items()
            if services & set(entry.tags)
        }
        relevant = tagged or known
        if entry.status in relevant:
            continue
        yield Finding(
            entry.file,
            entry.line_of("status"),
            "status",
            f"{entry.code} has status {entry.status}, but botocore's service models give "
            f"{_describe(relevant)}; correct it, or add 'status' to the entry's ignore list",
            code=entry.code,
            field="status",
        )
