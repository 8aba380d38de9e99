"""Running the probe's scenarios against an S3 endpoint, inside a scratch bucket of its own.

The runner creates a uniquely named scratch bucket with botocore's low-level client (path-style
addressing, no retries), sends each scenario's requests signed with botocore's SigV4 signers
over :mod:`http.client` (so malformed requests stay malformed), compares each answer with the
catalogue, and in a ``finally`` removes every object version, upload and bucket it created.
Every request is checked to address the scratch bucket or a name that starts with it, so
nothing else of the account is written to or deleted. Requests have a timeout each and the
scenarios an overall deadline; the clean-up runs after the deadline too.
"""

from __future__ import annotations

import base64
import contextlib
import datetime
import hashlib
import http.client
import re
import secrets
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field, replace
from string import Template
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import quote, urlsplit
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import unescape as xml_unescape

from sphinx_awserrors.probe.report import Outcome, ProbeReport, Verdict, clean
from sphinx_awserrors.probe.scenarios import Filler, Scenario, Step, bucket_of

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

    from sphinx_awserrors.catalogue import Catalogue

DEFAULT_REGION: Final = "us-east-1"
DEFAULT_TIMEOUT: Final = 10.0
DEFAULT_DEADLINE: Final = 300.0
SCRATCH_PREFIX: Final = "sphinx-awserrors-probe-"
#: How much of an answer's body is read.
MAX_BODY: Final = 1024 * 1024
SKEW: Final = datetime.timedelta(hours=1)
USER_AGENT: Final = "sphinx-awserrors-probe"
#: template values that are XML already (every other value is escaped in a body)
XML_VALUES: Final = frozenset({"create_bucket_body"})


class ProbeError(Exception):
    """The probe cannot run (no credentials, endpoint unreachable...): exit status 2."""


class StepFailed(Exception):
    """A setup step did not succeed, or a request could not be sent."""


@dataclass(frozen=True)
class ProbeOptions:
    """Where and how to probe."""

    endpoint: str
    region: str = DEFAULT_REGION
    #: seconds each request may take
    timeout: float = DEFAULT_TIMEOUT
    #: seconds all the scenarios may take (the clean-up is not counted)
    deadline: float = DEFAULT_DEADLINE


@dataclass(frozen=True)
class Answer:
    """What the server answered to one request."""

    status: int
    headers: http.client.HTTPMessage
    body: bytes
    code: str | None
    message: str | None


@dataclass(frozen=True)
class Prepared:
    """A request ready to send: final URL, headers and body."""

    method: str
    url: str
    headers: dict[str, str]
    body: bytes
    content_length: bool = True
    send_bytes: int | None = None
    signing: str = "sigv4"

    def describe(self) -> str:
        """The request as one line, for ``--dry-run``: headers of its own, body by size."""
        url = self.url.replace("%24%7B", "${").replace("%7D", "}")
        if len(url) > 160:
            url = url[:100] + "..." + url[-40:]
        extras = [
            f"{name}: {value}" if len(value) <= 60 else f"{name}: {value[:57]}..."
            for name, value in self.headers.items()
            if name not in ("Host", "User-Agent")
        ]
        size = "no Content-Length" if not self.content_length else f"{len(self.body)} bytes"
        if self.send_bytes is not None:
            size += f", only {self.send_bytes} sent"
        header_part = f" [{'; '.join(extras)}]" if extras else ""
        return f"{self.method} {url}{header_part} body: {size}, signing: {self.signing}"


# --- endpoint and names ---------------------------------------------------------------------------


def check_endpoint(endpoint: str) -> str:
    """*endpoint* without a trailing slash; :class:`ProbeError` unless an http(s) URL."""
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ProbeError(f"--endpoint must be an http:// or https:// URL, not {endpoint!r}")
    if parts.query or parts.fragment or parts.path not in ("", "/"):
        raise ProbeError(f"--endpoint must be a server's root URL, without a path: {endpoint!r}")
    try:
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise ProbeError(f"--endpoint has an invalid port: {endpoint!r}") from None
    return f"{parts.scheme}://{parts.netloc}"


_REGION = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")


def check_region(region: str) -> str:
    """*region*; :class:`ProbeError` unless it is a name botocore can sign for."""
    if not _REGION.fullmatch(region):
        raise ProbeError(f"--region must be a region name such as us-east-1, not {region!r}")
    return region


def scratch_name() -> str:
    """A new scratch bucket name: the prefix and 12 random hex digits."""
    return SCRATCH_PREFIX + secrets.token_hex(6)


def names(bucket: str, region: str) -> dict[str, str]:
    """The template variables every scenario may use (see :mod:`.scenarios`)."""
    create_body = (
        ""
        if region == DEFAULT_REGION
        else '<?xml version="1.0" encoding="UTF-8"?>\n<CreateBucketConfiguration '
        'xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
        f"<LocationConstraint>{xml_escape(region)}</LocationConstraint>"
        "</CreateBucketConfiguration>"
    )
    return {
        "bucket": bucket,
        "missing_bucket": f"{bucket}-missing",
        "other_bucket": f"{bucket}-other",
        "long_bucket": (bucket + "-" + "x" * 64)[:64],
        "long_key": "probe/" + "k" * 1024,
        "create_bucket_body": create_body,
    }


# --- preparing and signing ------------------------------------------------------------------------


def _fill(template: str, values: Mapping[str, str], what: str, *, keep: bool = False) -> str:
    if keep:
        return Template(template).safe_substitute(values)
    try:
        return Template(template).substitute(values)
    except KeyError as exc:
        raise StepFailed(
            f"{what} needs ${{{exc.args[0]}}}, which no earlier step captured"
        ) from None


def _host(endpoint: str) -> str:
    parts = urlsplit(endpoint)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    default = 443 if parts.scheme == "https" else 80
    return host if parts.port in (None, default) else f"{host}:{parts.port}"


def prepare(
    step: Step, endpoint: str, values: Mapping[str, str], *, keep_missing: bool = False
) -> Prepared:
    """*step* with its templates filled: the unsigned request, its target checked.

    With *keep_missing*, a value no earlier step captured stays ``${name}`` (for ``--dry-run``).
    """
    keep = keep_missing
    path_values = {name: quote(v, safe="/-_.~") for name, v in values.items()}
    path = _fill(step.path, path_values, step.path, keep=keep)
    bucket = bucket_of(path)
    scratch = values["bucket"]
    if not bucket.startswith(scratch):
        raise StepFailed(f"refusing to address bucket {bucket!r}: not the scratch bucket")
    query = "&".join(
        quote(name, safe="-_.~")
        + ("=" + quote(_fill(value, values, name, keep=keep), safe="-_.~") if value else "")
        for name, value in step.query.items()
    )
    url = endpoint + path + (f"?{query}" if query else "")
    headers = {"Host": _host(endpoint), "User-Agent": USER_AGENT}
    headers.update(
        {name: _fill(value, values, name, keep=keep) for name, value in step.headers.items()}
    )
    if isinstance(step.body, Filler):
        body = step.body.render()
    elif isinstance(step.body, str):
        escaped = {name: v if name in XML_VALUES else xml_escape(v) for name, v in values.items()}
        body = _fill(step.body, escaped, "the body", keep=keep).encode()
    else:
        body = step.body
    if step.content_md5:
        headers["Content-MD5"] = base64.b64encode(hashlib.md5(body).digest()).decode()
    return Prepared(
        step.method, url, headers, body, step.content_length, step.send_bytes, step.signing
    )


def _skewed(cls: type[Any]) -> type[Any]:
    """A subclass of the signer *cls* that signs as of :data:`SKEW` ago."""

    class Skewed(cls):  # type: ignore[misc,valid-type]
        def _modify_request_before_signing(self, request: Any) -> None:
            then = datetime.datetime.now(datetime.UTC).replace(tzinfo=None) - SKEW
            request.context["timestamp"] = then.strftime("%Y%m%dT%H%M%SZ")
            super()._modify_request_before_signing(request)

    return Skewed


def sign(prepared: Prepared, signing: str, credentials: Any, region: str) -> Prepared:
    """*prepared* signed as *signing* says (see :data:`.scenarios.Signing`)."""
    if signing == "anonymous":
        return prepared
    from botocore.auth import S3SigV4Auth, S3SigV4QueryAuth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    creds = Credentials(credentials.access_key, credentials.secret_key, credentials.token)
    signer_region = region
    if signing == "wrong-secret":
        creds = Credentials(creds.access_key, creds.secret_key + "x", creds.token)
    elif signing == "unknown-key":
        creds = Credentials("AKIA" + secrets.token_hex(8).upper(), creds.secret_key, creds.token)
    elif signing == "bad-token":
        creds = Credentials(creds.access_key, creds.secret_key, "sphinx-awserrors-not-a-token")
    elif signing == "wrong-region":
        signer_region = "eu-west-3" if region != "eu-west-3" else "us-west-2"
    if signing == "presigned-expired":
        signer = _skewed(S3SigV4QueryAuth)(creds, "s3", signer_region, expires=60)
    elif signing == "skewed":
        signer = _skewed(S3SigV4Auth)(creds, "s3", signer_region)
    else:
        signer = S3SigV4Auth(creds, "s3", signer_region)
    request = AWSRequest(
        method=prepared.method, url=prepared.url, headers=dict(prepared.headers), data=prepared.body
    )
    signer.add_auth(request)
    headers = {name: str(value) for name, value in request.headers.items()}
    return replace(prepared, url=request.url, headers=headers)


# --- sending --------------------------------------------------------------------------------------

_CODE = re.compile(rb"<Code>\s*([^<]{1,200}?)\s*</Code>")
_MESSAGE = re.compile(rb"<Message>([^<]{0,2000})</Message>")


def _element(body: bytes, pattern: re.Pattern[bytes]) -> str | None:
    match = pattern.search(body)
    if not match:
        return None
    return xml_unescape(match.group(1).decode("utf-8", "replace"), {"&quot;": '"', "&apos;": "'"})


class _Cutoff:
    """Shuts a connection's socket when its time is up, so that no read waits any longer.

    The socket timeout bounds each wait; a server that trickles its answer a byte at a time
    would keep every wait short and the exchange going for hours.
    """

    def __init__(self, connection: http.client.HTTPConnection, seconds: float) -> None:
        self.connection = connection
        self.fired = threading.Event()
        self.timer = threading.Timer(seconds, self._cut)
        self.timer.daemon = True

    def _cut(self) -> None:
        self.fired.set()
        sock = self.connection.sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def __enter__(self) -> _Cutoff:
        self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.timer.cancel()


def send(prepared: Prepared, timeout: float) -> Answer:
    """Send *prepared* over a new connection; :class:`StepFailed` when there is no answer.

    *timeout* bounds the whole exchange, from connecting to the answer's last byte.
    """
    parts = urlsplit(prepared.url)
    host = parts.hostname or ""
    connection: http.client.HTTPConnection
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(
            host, parts.port, timeout=timeout, context=ssl.create_default_context()
        )
    else:
        connection = http.client.HTTPConnection(host, parts.port, timeout=timeout)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    cutoff = _Cutoff(connection, timeout)
    with cutoff:
        try:
            connection.putrequest(
                prepared.method, target, skip_host=True, skip_accept_encoding=True
            )
            for name, value in prepared.headers.items():
                connection.putheader(name, value)
            if prepared.content_length:
                connection.putheader("Content-Length", str(len(prepared.body)))
            connection.endheaders()
            if prepared.content_length and prepared.body:
                body = prepared.body
                if prepared.send_bytes is not None:
                    body = body[: prepared.send_bytes]
                # a server may answer (and stop reading) before the whole body is sent
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    connection.send(body)
                if prepared.send_bytes is not None and connection.sock is not None:
                    with contextlib.suppress(OSError):
                        connection.sock.shutdown(socket.SHUT_WR)
            response = connection.getresponse()
            data = response.read(MAX_BODY) if prepared.method != "HEAD" else b""
        except TimeoutError:
            raise StepFailed(f"no answer within {timeout:g} s") from None
        except (OSError, http.client.HTTPException) as exc:
            if cutoff.fired.is_set():
                raise StepFailed(f"the answer took longer than {timeout:g} s") from None
            raise StepFailed(f"{type(exc).__name__}: {clean(str(exc)) or 'no details'}") from None
        finally:
            connection.close()
    if cutoff.fired.is_set():  # cut while the body was read: what came is not the answer
        raise StepFailed(f"the answer took longer than {timeout:g} s")
    return Answer(
        response.status,
        response.headers,
        data,
        _element(data, _CODE),
        _element(data, _MESSAGE),
    )


# --- scenarios ------------------------------------------------------------------------------------


def _describe_answer(answer: Answer) -> str:
    if answer.code:
        return f"{clean(answer.code, 80)} ({answer.status})"
    return f"HTTP {answer.status}"


def _capture(step: Step, answer: Answer, values: dict[str, str]) -> None:
    for name, source in step.capture.items():
        kind, _, item = source.partition(":")
        value: str | None
        if kind == "header":
            value = answer.headers.get(item)
        else:
            pattern = re.compile(rb"<" + re.escape(item.encode()) + rb">([^<]{1,1024})</")
            value = _element(answer.body, pattern)
        if not value:
            raise StepFailed(f"the answer ({_describe_answer(answer)}) has no {item}")
        values[name] = value


def judge(scenario: Scenario, status: int, answer: Answer) -> Verdict:
    """The verdict on *answer* to *scenario*'s request, the catalogue saying *status*."""
    if answer.code == scenario.code:
        return "match" if answer.status == status else "status-differs"
    if answer.code is None:
        if scenario.bodyless and answer.status == status:
            return "match"
        if answer.status < 300:
            return "not-raised"
    return "code-differs"


@dataclass
class Probe:
    """One run: the options, the credentials, the scratch bucket and what was learnt."""

    options: ProbeOptions
    credentials: Any
    bucket: str = field(default_factory=scratch_name)
    server: str | None = None
    created_buckets: list[str] = field(default_factory=list)
    deadline_at: float = 0.0

    def timeout(self) -> float:
        """The timeout of the next request: the per-request one, within the deadline."""
        left = self.deadline_at - time.monotonic()
        if left <= 0:
            raise StepFailed("the overall deadline was reached")
        return min(self.options.timeout, left)

    def request(self, step: Step, values: Mapping[str, str]) -> Answer:
        """Prepare, sign and send *step*; remember the server and buckets created."""
        prepared = prepare(step, self.options.endpoint, values)
        signed = sign(prepared, step.signing, self.credentials, self.options.region)
        answer = send(signed, self.timeout())
        if self.server is None:
            servers = answer.headers.get_all("Server") or []
            self.server = ", ".join(dict.fromkeys(s.strip() for s in servers if s.strip())) or None
        if step.creates_bucket and answer.status < 300:
            created = _fill(step.creates_bucket, values, "creates_bucket")
            if created.startswith(self.bucket) and created not in self.created_buckets:
                self.created_buckets.append(created)
        return answer

    def run_scenario(self, scenario: Scenario, status: int) -> Outcome:
        """Run *scenario*'s setup and request; its outcome against the documented *status*."""
        started = time.monotonic()
        values = names(self.bucket, self.options.region)
        values["key"] = f"probe/{scenario.name}"

        def outcome(verdict: Verdict, answer: Answer | None = None, detail: str = "") -> Outcome:
            return Outcome(
                scenario.name,
                scenario.summary,
                scenario.code,
                status,
                answer.code if answer else None,
                answer.status if answer else None,
                verdict,
                detail,
                time.monotonic() - started,
            )

        try:
            for number, step in enumerate(scenario.setup, 1):
                answer = self.request(step, values)
                if answer.status >= 300:
                    return outcome(
                        "error",
                        detail=f"setup step {number} ({step.method}) failed: "
                        f"{_describe_answer(answer)} {clean(answer.message)}".rstrip(),
                    )
                _capture(step, answer, values)
            answer = self.request(scenario.request, values)
        except StepFailed as exc:
            return outcome("error", detail=str(exc))
        verdict = judge(scenario, status, answer)
        detail = clean(answer.message)
        if not detail and answer.code is None and answer.status >= 300 and verdict != "match":
            kind = clean(answer.headers.get("Content-Type"), 60) or "no Content-Type"
            detail = f"no error code in the answer ({kind}, {len(answer.body)} bytes)"
        return outcome(verdict, answer, detail)


# --- the scratch bucket ---------------------------------------------------------------------------


def make_client(options: ProbeOptions, credentials: Any) -> Any:
    """A botocore S3 client for *options*: path-style, no retries, the request timeout."""
    import botocore.session
    from botocore.config import Config
    from botocore.exceptions import BotoCoreError

    session = botocore.session.get_session()
    config = Config(
        s3={"addressing_style": "path"},
        retries={"max_attempts": 1, "mode": "standard"},
        connect_timeout=options.timeout,
        read_timeout=options.timeout,
        user_agent_extra=USER_AGENT,
    )
    try:
        return session.create_client(
            "s3",
            region_name=options.region,
            endpoint_url=options.endpoint,
            aws_access_key_id=credentials.access_key,
            aws_secret_access_key=credentials.secret_key,
            aws_session_token=credentials.token,
            config=config,
        )
    except (BotoCoreError, ValueError) as exc:
        raise ProbeError(f"cannot make an S3 client: {clean(str(exc))}") from None


def _client_error(exc: Exception) -> str:
    response = getattr(exc, "response", None)
    if isinstance(response, dict):
        error = response.get("Error", {})
        status = response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        code = clean(str(error.get("Code", "")), 80)
        message = clean(str(error.get("Message", "")))
        return f"{code} ({status}) {message}".strip()
    return clean(str(exc)) or type(exc).__name__


def create_bucket(client: Any, bucket: str, region: str) -> None:
    """Create *bucket*; :class:`ProbeError` if the server is unreachable or refuses."""
    from botocore.exceptions import BotoCoreError, ClientError

    kwargs: dict[str, Any] = {"Bucket": bucket}
    if region != DEFAULT_REGION:
        kwargs["CreateBucketConfiguration"] = {"LocationConstraint": region}
    try:
        client.create_bucket(**kwargs)
    except ClientError as exc:
        raise ProbeError(
            f"cannot create the scratch bucket {bucket}: {_client_error(exc)}"
        ) from None
    except BotoCoreError as exc:
        raise ProbeError(f"cannot reach {options_endpoint(client)}: {_client_error(exc)}") from None


def options_endpoint(client: Any) -> str:
    """The endpoint URL of *client*."""
    return str(client.meta.endpoint_url)


def _pages(client: Any, operation: str, bucket: str, key: str) -> Iterator[dict[str, Any]]:
    for page in client.get_paginator(operation).paginate(Bucket=bucket):
        yield from page.get(key, ())


def empty_and_delete(client: Any, bucket: str) -> list[str]:
    """Remove every upload, object version, delete marker of *bucket*, then *bucket*.

    Returns the problems met (an empty list when the bucket is gone).
    """
    from botocore.exceptions import BotoCoreError, ClientError

    if bucket_exists(client, bucket) is False:
        return []
    problems: list[str] = []
    # (operation, kwargs) of every deletion, gathered first so listing sees a stable bucket
    deletions: list[tuple[str, dict[str, str]]] = []
    listings = (
        ("list_multipart_uploads", ("Uploads",), "abort_multipart_upload", ("Key", "UploadId")),
        (
            "list_object_versions",
            ("Versions", "DeleteMarkers"),
            "delete_object",
            ("Key", "VersionId"),
        ),
        # only where versions cannot be listed: on a versioned bucket this adds delete markers
        ("list_objects_v2", ("Contents",), "delete_object", ("Key",)),
    )
    versions_listed = False
    for listing, items, operation, fields in listings:
        if listing == "list_objects_v2" and versions_listed:
            continue
        try:
            for name in items:
                for item in _pages(client, listing, bucket, name):
                    deletions.append((operation, {f: str(item[f]) for f in fields}))
        except (ClientError, BotoCoreError) as exc:
            problems.append(f"{listing}: {_client_error(exc)}")
        else:
            versions_listed = versions_listed or listing == "list_object_versions"
    for operation, kwargs in dict.fromkeys((op, tuple(sorted(kw.items()))) for op, kw in deletions):
        try:
            getattr(client, operation)(Bucket=bucket, **dict(kwargs))
        except (ClientError, BotoCoreError) as exc:
            problems.append(f"{operation} {dict(kwargs).get('Key', '')}: {_client_error(exc)}")
    try:
        client.delete_bucket(Bucket=bucket)
    except (ClientError, BotoCoreError) as exc:
        problems.append(f"delete bucket {bucket}: {_client_error(exc)}")
    else:
        return []
    return problems


def bucket_exists(client: Any, bucket: str) -> bool | None:
    """Whether HEAD finds *bucket* (``None`` when the server cannot tell)."""
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        client.head_bucket(Bucket=bucket)
    except ClientError as exc:
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        return False if status == 404 else None
    except BotoCoreError:
        return None
    return True


# --- the run --------------------------------------------------------------------------------------


def load_credentials() -> Any:
    """Credentials from botocore's usual chain; :class:`ProbeError` when there are none."""
    try:
        import botocore.session
    except ImportError:
        raise ProbeError(
            "botocore is not installed; pip install 'sphinx-awserrors[botocore]'"
        ) from None
    from botocore.exceptions import BotoCoreError

    try:
        credentials = botocore.session.get_session().get_credentials()
    except BotoCoreError as exc:
        raise ProbeError(f"cannot read AWS credentials: {clean(str(exc))}") from None
    if credentials is None:
        raise ProbeError(
            "no AWS credentials found (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
            "or AWS_PROFILE)"
        )
    return credentials.get_frozen_credentials()


def plan(
    scenarios: Sequence[Scenario], options: ProbeOptions, bucket: str | None = None
) -> list[tuple[Scenario, list[Prepared]]]:
    """The unsigned requests each scenario would send, for ``--dry-run``.

    Values that earlier steps capture (upload ids, ETags, versions) stay as ``${name}``.
    """
    scratch = bucket or scratch_name()
    result = []
    for scenario in scenarios:
        values = names(scratch, options.region)
        values["key"] = f"probe/{scenario.name}"
        requests = [
            prepare(step, options.endpoint, values, keep_missing=True)
            for step in (*scenario.setup, scenario.request)
        ]
        result.append((scenario, requests))
    return result


def run(
    catalogue: Catalogue,
    scenarios: Sequence[Scenario],
    options: ProbeOptions,
    *,
    credentials: Any = None,
    not_in_catalogue: Sequence[str] = (),
) -> ProbeReport:
    """Probe *options.endpoint* with *scenarios*, judged against *catalogue*.

    Raises :class:`ProbeError` when the probe cannot start (no credentials, endpoint
    unreachable, scratch bucket refused); once the scratch bucket exists, the report says
    what happened, including whether it was removed.
    """
    endpoint = check_endpoint(options.endpoint)
    options = replace(options, endpoint=endpoint, region=check_region(options.region))
    creds = credentials if credentials is not None else load_credentials()
    started_wall = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    started = time.monotonic()
    probe = Probe(options, creds)
    client = make_client(options, creds)
    create_bucket(client, probe.bucket, options.region)
    probe.deadline_at = started + options.deadline
    outcomes: list[Outcome] = []
    problems: list[str] = []
    try:
        for scenario in scenarios:
            outcomes.append(probe.run_scenario(scenario, catalogue[scenario.code].status))
    finally:
        for bucket in (*probe.created_buckets, probe.bucket):
            problems += empty_and_delete(client, bucket)
    gone = all(bucket_exists(client, b) is False for b in (*probe.created_buckets, probe.bucket))
    return ProbeReport(
        endpoint=endpoint,
        region=options.region,
        started=started_wall.isoformat().replace("+00:00", "Z"),
        seconds=time.monotonic() - started,
        scratch_bucket=probe.bucket,
        outcomes=tuple(outcomes),
        server=probe.server,
        not_in_catalogue=tuple(not_in_catalogue),
        cleaned_up=gone and not problems,
        cleanup_problems=tuple(problems),
    )
