"""Check ``status``: HTTP statuses that are not valid or that contradict the code's name."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sphinx_awserrors.checks.references import aws_s3
from sphinx_awserrors.checks.registry import CheckContext, Finding, check

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from sphinx_awserrors.catalogue import ErrorEntry


@dataclass(frozen=True)
class Convention:
    """A naming convention of AWS error codes and the statuses it implies."""

    pattern: re.Pattern[str]
    #: how the convention reads in messages ("NoSuch*")
    label: str
    expected: str
    allows: Callable[[int], bool]


#: Conventions that hold across AWS services (S3, IAM, STS, the query APIs). Only whole-name
#: patterns, and no ``...Exception`` forms: the JSON APIs send ``ResourceNotFoundException``
#: with 400, so those are left alone.
CONVENTIONS: tuple[Convention, ...] = (
    Convention(re.compile(r"NoSuch[A-Z0-9]"), "NoSuch*", "404", lambda s: s == 404),
    Convention(re.compile(r".*NotFound$"), "*NotFound", "404", lambda s: s == 404),
    Convention(re.compile(r".*AlreadyExists$"), "*AlreadyExists", "409", lambda s: s == 409),
    Convention(re.compile(r".*Conflict$"), "*Conflict", "409", lambda s: s == 409),
    Convention(re.compile(r"Internal[A-Z0-9]"), "Internal*", "a 5xx status", lambda s: s >= 500),
    Convention(
        re.compile(r"ServiceUnavailable$"),
        "ServiceUnavailable",
        "a 5xx status",
        lambda s: s >= 500,
    ),
    Convention(re.compile(r".*Redirect$"), "*Redirect", "a 3xx status", lambda s: 300 <= s < 400),
)


def convention_for(code: str) -> Convention | None:
    """The naming convention *code* falls under, or ``None``.

    Dotted codes (EC2's ``InvalidGroup.NotFound``) are not covered: those APIs send 400 for
    every client error by design.
    """
    if "." in code:
        return None
    return next((c for c in CONVENTIONS if c.pattern.match(code)), None)


def _contradicted(entries: Iterable[ErrorEntry]) -> set[tuple[str, str]]:
    """The (file, convention) pairs where the file itself mostly departs from a convention.

    Query APIs (ELB, RDS, Redshift) send 400 for every ``*NotFound`` and ``*AlreadyExists``:
    a file that does so twice or more, and more often than not, documents such an API, and
    its entries are not reported one by one. An entry whose ``ignore:`` list names the check
    has no vote: silencing one departure must not hide another.
    """
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for entry in entries:
        if "status" in entry.ignore:
            continue
        convention = convention_for(entry.code)
        if convention is not None:
            counts[entry.file, convention.label][convention.allows(entry.status)] += 1
    return {key for key, (departs, keeps) in counts.items() if departs >= 2 and departs >= keeps}


def _as_documented(entry: ErrorEntry) -> bool:
    """Whether AWS documents *entry*'s code for S3 with *entry*'s status (the ``aws-s3``
    reference): AWS's own departures from a naming convention (``EndpointNotFound`` is 400)
    are no slip of the catalogue."""
    documented = aws_s3().get(entry.code)
    return documented is not None and documented.status == entry.status


@check("status", scope="entry")
def status(ctx: CheckContext) -> Iterator[Finding]:
    """A status that is not an HTTP error status or contradicts the code's name.

    Statuses outside 100-599 are not HTTP statuses, and 1xx and 2xx ones are not errors.
    The conventions: ``NoSuch*`` and ``*NotFound`` are 404, ``*AlreadyExists`` and
    ``*Conflict`` are 409, ``Internal*`` and ``ServiceUnavailable`` are 5xx, ``*Redirect`` is
    3xx. A status AWS documents for the code in S3 (the ``aws-s3`` reference) is right
    whatever the convention says. Where a real API differs, say why with ``differs: {status:
    ...}`` (or silence the entry with ``ignore: [status]``); a file that mostly departs from a
    convention is taken to document such an API.
    """
    contradicted = _contradicted(ctx.catalogue)
    for entry in ctx.catalogue:
        line = entry.line_of("status")
        if not 100 <= entry.status <= 599:
            yield Finding(
                entry.file,
                line,
                "status",
                f"{entry.code}: {entry.status} is not an HTTP status (100-599)",
                code=entry.code,
                field="status",
            )
            continue
        convention = convention_for(entry.code)
        breaks = (
            convention is not None
            and not convention.allows(entry.status)
            and (entry.file, convention.label) not in contradicted
            and not _as_documented(entry)
            # `differs: {status: why}` says the API deliberately sends this status
            and entry.differs_reason("status") is None
        )
        if entry.status < 300 and not breaks:  # a convention's message says more
            kind = "an informational" if entry.status < 200 else "a success"
            yield Finding(
                entry.file,
                line,
                "status",
                f"{entry.code}: {entry.status} is {kind} status, not an error; give the "
                "status the API answers this error with",
                code=entry.code,
                field="status",
            )
            continue
        if convention is not None and breaks:
            yield Finding(
                entry.file,
                line,
                "status",
                f"{entry.code} has status {entry.status}, but {convention.label} codes are "
                f"{convention.expected}; correct the status, or add 'status' to the entry's "
                "ignore list if the API really sends it",
                code=entry.code,
                field="status",
            )
