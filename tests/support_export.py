"""Entries with every kind of markup a writer must carry, shared by the writer and export tests."""

from __future__ import annotations

import pytest

from sphinx_awserrors.catalogue import ErrorEntry, bundled_path

LONG_CODE = "IllegalVersioningConfigurationException"

#: Descriptions that exercise wrapping, markup and the characters each format treats specially.
ENTRIES: tuple[ErrorEntry, ...] = (
    ErrorEntry("AccessDenied", 403, "Access denied", tags=("s3", "iam")),
    ErrorEntry(
        "BucketAlreadyOwnedByYou",
        409,
        "The previous request to create the named bucket succeeded and the user already owns "
        "it. This error is received in all AWS regions except US Standard, us-east-1. In the "
        'us-east-1 region, the user will get "200 OK", but it is no-op.',
        tags=("s3",),
        see_also=("BucketAlreadyExists",),
    ),
    ErrorEntry(
        LONG_CODE,
        400,
        "Indicates that the versioning configuration specified in the request is invalid",
    ),
    ErrorEntry(
        "InvalidArgument",
        400,
        "The ``x-amz-acl|grant`` header is *not* valid; see "
        "`the ACL overview <https://example.com/acl_overview.html>`_ or "
        "https://example.com/errors_list, a|b <tag> & x_y * 2",
    ),
    ErrorEntry("NoSuchKey", 404, "The key does not exist; unlike :awserr:`NoSuchBucket`"),
    ErrorEntry("ListStarter", 400, "- a leading dash, and a final double colon::"),
    ErrorEntry("Enumerated", 400, "1. looks like a list item"),
    ErrorEntry("FieldLike", 400, ":field: looks like a field list"),
    ErrorEntry("Backticks", 400, "Code with a ``back`tick`` inside"),
    ErrorEntry("Unicode", 503, "Le service est indisponible — réessayez « plus tard »"),
    ErrorEntry("NonStandard", 499, "A status without a reason phrase"),
)


needs_bundled = pytest.mark.skipif(
    not bundled_path().is_file(), reason="the bundled catalogue is not there yet"
)
