"""The library of scripted S3 requests of ``sphinx-awserrors probe``, one per provoked error code.

A :class:`Scenario` is data: the error code it provokes, optional setup :class:`Step` s (each
must succeed) and the one request whose answer is compared with the catalogue. Adding a
scenario is adding one entry to :data:`SCENARIOS`.

Paths, query values, header values and bodies are :class:`string.Template` strings. The
runner fills in ``${bucket}`` (the scratch bucket), ``${key}`` (an object key of the
scenario's own), ``${missing_bucket}``, ``${long_bucket}``, ``${other_bucket}`` (names that
start with the scratch bucket's name and do not exist), ``${long_key}``,
``${create_bucket_body}`` (empty in us-east-1, else a ``CreateBucketConfiguration``) and the
values earlier steps captured. Every request addresses the scratch bucket or a name that starts
with it: :func:`bucket_of` is checked by the runner before anything is sent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final, Literal
from urllib.parse import unquote

if TYPE_CHECKING:
    from collections.abc import Mapping

#: How a request is authenticated: ``sigv4`` with the caller's credentials, ``anonymous``
#: (no signature), ``wrong-secret`` (the right key id, another secret), ``unknown-key`` (a key
#: id no account has), ``bad-token`` (a session token that is not one), ``skewed`` (signed as
#: of an hour ago), ``presigned-expired`` (a presigned URL that expired), ``wrong-region``
#: (signed for another region).
Signing = Literal[
    "sigv4",
    "anonymous",
    "wrong-secret",
    "unknown-key",
    "bad-token",
    "skewed",
    "presigned-expired",
    "wrong-region",
]

S3_XMLNS: Final = "http://s3.amazonaws.com/doc/2006-03-01/"
#: The smallest size of a multipart part that is not the last one.
MIN_PART_SIZE: Final = 5 * 1024 * 1024
BOUNDARY: Final = "sphinx-awserrors-probe-boundary"


@dataclass(frozen=True)
class Filler:
    """A body of *size* copies of *byte*, built only when the request is sent."""

    size: int
    byte: bytes = b"a"

    def render(self) -> bytes:
        """The body's bytes."""
        return self.byte * self.size


@dataclass(frozen=True)
class Step:
    """One HTTP request of a scenario, as ``string.Template`` strings.

    The runner fills in ``${bucket}`` (the scratch bucket), ``${key}`` (an object key of the
    scenario's own), ``${missing_bucket}``, ``${other_bucket}``, ``${long_bucket}``,
    ``${long_key}``, ``${create_bucket_body}`` and the values earlier steps captured.
    """

    method: str
    path: str
    query: Mapping[str, str] = field(default_factory=dict)
    headers: Mapping[str, str] = field(default_factory=dict)
    body: str | bytes | Filler = b""
    #: add a ``Content-MD5`` header with the body's digest (S3 requires it for some calls)
    content_md5: bool = False
    #: send no ``Content-Length`` header (and no body)
    content_length: bool = True
    #: send only this many bytes of the body, then close the sending side of the connection
    send_bytes: int | None = None
    signing: Signing = "sigv4"
    #: values to keep for later steps: name -> ``header:NAME`` or ``xml:ELEMENT``
    capture: Mapping[str, str] = field(default_factory=dict)
    #: a bucket (template) this request creates if it unexpectedly succeeds; the runner
    #: deletes it at the end
    creates_bucket: str | None = None


@dataclass(frozen=True)
class Scenario:
    """A scripted request that provokes the error *code*, with the setup it needs."""

    code: str
    #: kebab-case id, unique in the library
    name: str
    #: what the request does, for reports and ``--dry-run``
    summary: str
    request: Step
    setup: tuple[Step, ...] = ()
    #: the answer has no body (HEAD, 304): the status alone decides the verdict
    bodyless: bool = False


def bucket_of(path: str) -> str:
    """The bucket a path-style request path addresses (its first segment, unquoted)."""
    return unquote(path.lstrip("/").split("/", 1)[0].split("?", 1)[0])


# --- building blocks ----------------------------------------------------------------------------


def _xml(body: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}'


PUT_OBJECT: Final = Step("PUT", "/${bucket}/${key}", body="sphinx-awserrors probe\n")
ENABLE_VERSIONING: Final = Step(
    "PUT",
    "/${bucket}",
    query={"versioning": ""},
    body=_xml(
        f'<VersioningConfiguration xmlns="{S3_XMLNS}"><Status>Enabled</Status>'
        "</VersioningConfiguration>"
    ),
)
CREATE_UPLOAD: Final = Step(
    "POST", "/${bucket}/${key}", query={"uploads": ""}, capture={"upload_id": "xml:UploadId"}
)


def _upload_part(number: int, body: str | Filler, etag: str) -> Step:
    return Step(
        "PUT",
        "/${bucket}/${key}",
        query={"partNumber": str(number), "uploadId": "${upload_id}"},
        body=body,
        capture={etag: "header:ETag"},
    )


def _complete(*parts: tuple[int, str]) -> Step:
    listed = "".join(
        f"<Part><PartNumber>{number}</PartNumber><ETag>{etag}</ETag></Part>"
        for number, etag in parts
    )
    return Step(
        "POST",
        "/${bucket}/${key}",
        query={"uploadId": "${upload_id}"},
        body=_xml(
            f'<CompleteMultipartUpload xmlns="{S3_XMLNS}">{listed}</CompleteMultipartUpload>'
        ),
    )


def _form(*fields: tuple[str, str]) -> str:
    parts = [
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        for name, value in fields
    ]
    return "".join(parts) + f"--{BOUNDARY}--\r\n"


FORM_HEADERS: Final = {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"}
#: a well-formed MD5 of other bytes than the body's (``md5(b"sphinx-awserrors")``)
WRONG_MD5: Final = "gKwOiAwrgPLR1qLuVqoGVQ=="
#: a 256-bit SSE-C key (base64 of ``0123456789abcdef`` twice) and its MD5
SSE_C_KEY: Final = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="
SSE_C_KEY_MD5: Final = "hRasmdxgYDKV3nvbahU1MA=="
MISSING_ETAG: Final = '"0123456789abcdef0123456789abcdef"'


# --- the library ----------------------------------------------------------------------------------

#: Every scenario, in the order a probe runs them.
SCENARIOS: Final[tuple[Scenario, ...]] = (
    Scenario(
        "NoSuchBucket",
        "list-missing-bucket",
        "GET (ListObjects) a bucket that does not exist",
        Step("GET", "/${missing_bucket}"),
    ),
    Scenario(
        "NoSuchKey",
        "get-missing-key",
        "GET an object key that does not exist",
        Step("GET", "/${bucket}/${key}"),
    ),
    Scenario(
        "NoSuchUpload",
        "list-parts-missing-upload",
        "ListParts of a multipart upload id that does not exist",
        Step("GET", "/${bucket}/${key}", query={"uploadId": "sphinx-awserrors-no-such-upload"}),
    ),
    Scenario(
        "NoSuchVersion",
        "get-deleted-version",
        "GET an object version that was deleted (versioning enabled)",
        Step("GET", "/${bucket}/${key}", query={"versionId": "${old_version}"}),
        setup=(
            ENABLE_VERSIONING,
            Step(
                "PUT",
                "/${bucket}/${key}",
                body="version 1\n",
                capture={"old_version": "header:x-amz-version-id"},
            ),
            Step("PUT", "/${bucket}/${key}", body="version 2\n"),
            Step("DELETE", "/${bucket}/${key}", query={"versionId": "${old_version}"}),
        ),
    ),
    Scenario(
        "InvalidBucketName",
        "create-bucket-name-too-long",
        "CreateBucket with a 64-character name",
        Step(
            "PUT", "/${long_bucket}", body="${create_bucket_body}", creates_bucket="${long_bucket}"
        ),
    ),
    Scenario(
        "InvalidLocationConstraint",
        "create-bucket-unknown-region",
        "CreateBucket with a LocationConstraint that names no region",
        Step(
            "PUT",
            "/${other_bucket}",
            body=_xml(
                f'<CreateBucketConfiguration xmlns="{S3_XMLNS}">'
                "<LocationConstraint>sphinx-awserrors-nowhere-1</LocationConstraint>"
                "</CreateBucketConfiguration>"
            ),
            creates_bucket="${other_bucket}",
        ),
    ),
    Scenario(
        "BucketAlreadyOwnedByYou",
        "create-own-bucket-again",
        "CreateBucket of the scratch bucket again (AWS answers 200 in us-east-1)",
        Step("PUT", "/${bucket}", body="${create_bucket_body}"),
    ),
    Scenario(
        "InvalidRange",
        "get-unsatisfiable-range",
        "GET bytes 1000-2000 of a 23-byte object",
        Step("GET", "/${bucket}/${key}", headers={"Range": "bytes=1000-2000"}),
        setup=(PUT_OBJECT,),
    ),
    Scenario(
        "PreconditionFailed",
        "get-if-match-other-etag",
        "GET an object with If-Match naming another ETag",
        Step("GET", "/${bucket}/${key}", headers={"If-Match": MISSING_ETAG}),
        setup=(PUT_OBJECT,),
    ),
    Scenario(
        "NotModified",
        "get-if-none-match-same-etag",
        "GET an object with If-None-Match naming its own ETag",
        Step("GET", "/${bucket}/${key}", headers={"If-None-Match": "${etag}"}),
        setup=(
            Step(
                "PUT",
                "/${bucket}/${key}",
                body="sphinx-awserrors probe\n",
                capture={"etag": "header:ETag"},
            ),
        ),
        bodyless=True,
    ),
    Scenario(
        "BadDigest",
        "put-wrong-content-md5",
        "PUT an object whose Content-MD5 is the digest of other bytes",
        Step("PUT", "/${bucket}/${key}", headers={"Content-MD5": WRONG_MD5}, body="probe\n"),
    ),
    Scenario(
        "InvalidDigest",
        "put-malformed-content-md5",
        "PUT an object whose Content-MD5 is not a base64 MD5",
        Step("PUT", "/${bucket}/${key}", headers={"Content-MD5": "not-a-digest"}, body="probe\n"),
    ),
    Scenario(
        "IncompleteBody",
        "put-short-body",
        "PUT an object that sends 5 of the 23 bytes its Content-Length announces",
        Step("PUT", "/${bucket}/${key}", body="sphinx-awserrors probe\n", send_bytes=5),
    ),
    Scenario(
        "MissingContentLength",
        "put-without-content-length",
        "PUT an object with neither Content-Length nor Transfer-Encoding",
        Step("PUT", "/${bucket}/${key}", content_length=False),
    ),
    Scenario(
        "MetadataTooLarge",
        "put-metadata-over-2kb",
        "PUT an object with 3 KB of user metadata",
        Step("PUT", "/${bucket}/${key}", headers={"x-amz-meta-probe": "m" * 3072}, body="probe\n"),
    ),
    Scenario(
        "KeyTooLong",
        "put-key-over-1024-bytes",
        "PUT an object whose key has 1030 bytes",
        Step("PUT", "/${bucket}/${long_key}", body="probe\n"),
    ),
    Scenario(
        "InvalidStorageClass",
        "put-unknown-storage-class",
        "PUT an object with an x-amz-storage-class that does not exist",
        Step("PUT", "/${bucket}/${key}", headers={"x-amz-storage-class": "PROBE"}, body="probe\n"),
    ),
    Scenario(
        "InvalidObjectState",
        "get-glacier-object",
        "GET an object stored in the GLACIER storage class",
        Step("GET", "/${bucket}/${key}"),
        setup=(
            Step(
                "PUT",
                "/${bucket}/${key}",
                headers={"x-amz-storage-class": "GLACIER"},
                body="cold\n",
            ),
        ),
    ),
    Scenario(
        "InvalidRequest",
        "copy-object-onto-itself",
        "CopyObject of an object onto itself without changing anything",
        Step("PUT", "/${bucket}/${key}", headers={"x-amz-copy-source": "/${bucket}/${key}"}),
        setup=(PUT_OBJECT,),
    ),
    Scenario(
        "InvalidEncryptionAlgorithmError",
        "put-sse-c-unknown-algorithm",
        "PUT an object with SSE-C algorithm AES512",
        Step(
            "PUT",
            "/${bucket}/${key}",
            headers={
                "x-amz-server-side-encryption-customer-algorithm": "AES512",
                "x-amz-server-side-encryption-customer-key": SSE_C_KEY,
                "x-amz-server-side-encryption-customer-key-MD5": SSE_C_KEY_MD5,
            },
            body="probe\n",
        ),
    ),
    Scenario(
        "EntityTooSmall",
        "complete-upload-small-first-part",
        "CompleteMultipartUpload of two parts whose first has 5 bytes",
        _complete((1, "${etag1}"), (2, "${etag2}")),
        setup=(
            CREATE_UPLOAD,
            _upload_part(1, "part1", "etag1"),
            _upload_part(2, "part2", "etag2"),
        ),
    ),
    Scenario(
        "InvalidPart",
        "complete-upload-unknown-part",
        "CompleteMultipartUpload listing a part that was never uploaded",
        _complete((1, MISSING_ETAG)),
        setup=(CREATE_UPLOAD,),
    ),
    Scenario(
        "InvalidPartOrder",
        "complete-upload-descending-parts",
        "CompleteMultipartUpload listing part 2 before part 1 (part 1 has 5 MiB)",
        _complete((2, "${etag2}"), (1, "${etag1}")),
        setup=(
            CREATE_UPLOAD,
            _upload_part(1, Filler(MIN_PART_SIZE), "etag1"),
            _upload_part(2, "part2", "etag2"),
        ),
    ),
    Scenario(
        "InvalidArgument",
        "upload-part-number-zero",
        "UploadPart with part number 0",
        Step(
            "PUT",
            "/${bucket}/${key}",
            query={"partNumber": "0", "uploadId": "${upload_id}"},
            body="part0",
        ),
        setup=(CREATE_UPLOAD,),
    ),
    Scenario(
        "MalformedXML",
        "delete-objects-malformed-xml",
        "DeleteObjects with a body that is not well-formed XML",
        Step(
            "POST",
            "/${bucket}",
            query={"delete": ""},
            body=_xml("<Delete><Object><Key>probe</Key></Object>"),
            content_md5=True,
        ),
    ),
    Scenario(
        "MalformedACLError",
        "put-bucket-acl-invalid",
        "PutBucketAcl with an AccessControlPolicy that breaks the schema",
        Step(
            "PUT",
            "/${bucket}",
            query={"acl": ""},
            body=_xml(f'<AccessControlPolicy xmlns="{S3_XMLNS}"><Probe/></AccessControlPolicy>'),
        ),
    ),
    Scenario(
        "UnresolvableGrantByEmailAddress",
        "put-bucket-acl-unknown-email",
        "PutBucketAcl granting READ to an e-mail address no account has",
        Step(
            "PUT",
            "/${bucket}",
            query={"acl": ""},
            headers={"x-amz-grant-read": 'emailAddress="nobody@sphinx-awserrors.invalid"'},
        ),
    ),
    Scenario(
        "MissingRequestBodyError",
        "put-bucket-versioning-empty",
        "PutBucketVersioning with an empty body",
        Step("PUT", "/${bucket}", query={"versioning": ""}),
    ),
    Scenario(
        "IllegalVersioningConfigurationException",
        "put-bucket-versioning-bad-status",
        "PutBucketVersioning with Status 'Probe'",
        Step(
            "PUT",
            "/${bucket}",
            query={"versioning": ""},
            body=_xml(
                f'<VersioningConfiguration xmlns="{S3_XMLNS}"><Status>Probe</Status>'
                "</VersioningConfiguration>"
            ),
        ),
    ),
    Scenario(
        "InvalidTargetBucketForLogging",
        "put-bucket-logging-missing-target",
        "PutBucketLogging with a target bucket that does not exist",
        Step(
            "PUT",
            "/${bucket}",
            query={"logging": ""},
            body=_xml(
                f'<BucketLoggingStatus xmlns="{S3_XMLNS}"><LoggingEnabled>'
                "<TargetBucket>${missing_bucket}</TargetBucket><TargetPrefix>log/</TargetPrefix>"
                "</LoggingEnabled></BucketLoggingStatus>"
            ),
        ),
    ),
    Scenario(
        "MethodNotAllowed",
        "get-delete-marker-version",
        "GET the version of an object that is a delete marker",
        Step("GET", "/${bucket}/${key}", query={"versionId": "${marker}"}),
        setup=(
            ENABLE_VERSIONING,
            PUT_OBJECT,
            Step("DELETE", "/${bucket}/${key}", capture={"marker": "header:x-amz-version-id"}),
        ),
    ),
    Scenario(
        "NoSuchBucketPolicy",
        "get-missing-bucket-policy",
        "GetBucketPolicy of a bucket without a policy",
        Step("GET", "/${bucket}", query={"policy": ""}),
    ),
    Scenario(
        "NoSuchLifecycleConfiguration",
        "get-missing-lifecycle",
        "GetBucketLifecycleConfiguration of a bucket without one",
        Step("GET", "/${bucket}", query={"lifecycle": ""}),
    ),
    Scenario(
        "NoSuchCORSConfiguration",
        "get-missing-cors",
        "GetBucketCors of a bucket without a CORS configuration",
        Step("GET", "/${bucket}", query={"cors": ""}),
    ),
    Scenario(
        "NoSuchTagSet",
        "get-missing-bucket-tagging",
        "GetBucketTagging of a bucket without tags",
        Step("GET", "/${bucket}", query={"tagging": ""}),
    ),
    Scenario(
        "NoSuchWebsiteConfiguration",
        "get-missing-website",
        "GetBucketWebsite of a bucket without a website configuration",
        Step("GET", "/${bucket}", query={"website": ""}),
    ),
    Scenario(
        "ObjectLockConfigurationNotFoundError",
        "get-missing-object-lock",
        "GetObjectLockConfiguration of a bucket without object lock",
        Step("GET", "/${bucket}", query={"object-lock": ""}),
    ),
    Scenario(
        "MalformedPolicy",
        "put-bucket-policy-not-json",
        "PutBucketPolicy with a body that is not JSON",
        Step("PUT", "/${bucket}", query={"policy": ""}, body="{not a policy"),
    ),
    Scenario(
        "MalformedPOSTRequest",
        "post-object-not-multipart",
        "Browser-form POST whose body is not multipart/form-data",
        Step(
            "POST",
            "/${bucket}",
            headers=FORM_HEADERS,
            body="this is not multipart/form-data",
            signing="anonymous",
        ),
    ),
    Scenario(
        "IncorrectNumberOfFilesInPostRequest",
        "post-object-without-file",
        "Browser-form POST with a key field and no file",
        Step(
            "POST",
            "/${bucket}",
            headers=FORM_HEADERS,
            body=_form(("key", "${key}")),
            signing="anonymous",
        ),
    ),
    Scenario(
        "AccessDenied",
        "get-object-anonymous",
        "GET an object of the (private) scratch bucket without credentials",
        Step("GET", "/${bucket}/${key}", signing="anonymous"),
        setup=(PUT_OBJECT,),
    ),
    Scenario(
        "AccessDenied",
        "get-object-expired-presigned-url",
        "GET an object with a presigned URL that expired an hour ago",
        Step("GET", "/${bucket}/${key}", signing="presigned-expired"),
        setup=(PUT_OBJECT,),
    ),
    Scenario(
        "SignatureDoesNotMatch",
        "list-objects-wrong-secret",
        "ListObjects signed with the right key id and a wrong secret key",
        Step("GET", "/${bucket}", signing="wrong-secret"),
    ),
    Scenario(
        "InvalidAccessKeyId",
        "list-objects-unknown-key-id",
        "ListObjects signed with an access key id no account has",
        Step("GET", "/${bucket}", signing="unknown-key"),
    ),
    Scenario(
        "InvalidToken",
        "list-objects-malformed-session-token",
        "ListObjects with an X-Amz-Security-Token that is not a token",
        Step("GET", "/${bucket}", signing="bad-token"),
    ),
    Scenario(
        "RequestTimeTooSkewed",
        "list-objects-signed-an-hour-ago",
        "ListObjects signed with a time an hour in the past",
        Step("GET", "/${bucket}", signing="skewed"),
    ),
    Scenario(
        "AuthorizationHeaderMalformed",
        "list-objects-wrong-region",
        "ListObjects signed for another region than the endpoint's",
        Step("GET", "/${bucket}", signing="wrong-region"),
    ),
    # last: if the server wrongly deleted the bucket, nothing else is lost
    Scenario(
        "BucketNotEmpty",
        "delete-non-empty-bucket",
        "DeleteBucket of the scratch bucket while it holds an object",
        Step("DELETE", "/${bucket}"),
        setup=(PUT_OBJECT,),
    ),
)


def scenarios_for(codes: frozenset[str] | set[str]) -> tuple[Scenario, ...]:
    """The scenarios of the library that provoke one of *codes*, in library order."""
    return tuple(s for s in SCENARIOS if s.code in codes)


def library_codes() -> tuple[str, ...]:
    """The codes some scenario provokes, in library order, each once."""
    return tuple(dict.fromkeys(s.code for s in SCENARIOS))
