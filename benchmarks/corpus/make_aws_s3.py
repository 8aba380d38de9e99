"""Rebuild ``sphinx_awserrors/catalogue/data/aws-s3.yaml`` from its sources (kept for provenance).

Sources: ``data/s3_error_codes.json`` of Nugine/s3s (a crawl of the "List of error codes"
sections of the Amazon S3 API Reference page "Error responses"), checked against the S3
service model of botocore. Usage::

    python benchmarks/corpus/make_aws_s3.py S3_ERROR_CODES_JSON > aws-s3.yaml
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from sphinx_awserrors.catalogue import ErrorEntry
from sphinx_awserrors.convert.catalogue_writer import dump_yaml

SECTIONS = {"S3": (), "Replication": ("replication",), "Tagging": ("tagging",),
            "SelectObjectContent": ("select",)}  # fmt: skip

HEADER = """\
The Amazon S3 error codes, as a reference catalogue for `lint --reference aws-s3`.

Source: Amazon S3 API Reference (API version 2006-03-01), page "Error responses",
https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html, sections "List of
error codes", "List of Replication-related error codes", "List of Tagging-related error
codes" and "List of SELECT Object Content Error Codes", as crawled into
data/s3_error_codes.json of https://github.com/Nugine/s3s at commit
106ae4c020150affcc19a2fcd0cf88221531e75c (2025-08-11), read again against the page's
Markdown form in December 2026. Codes that botocore's S3 service model (botocore {botocore})
declares and the page does not list are added with the tag `botocore`.
Copyright Amazon.com, Inc. or its affiliates. AWS documentation text is published under the
Creative Commons Attribution-ShareAlike 4.0 International licence (CC BY-SA 4.0,
https://creativecommons.org/licenses/by-sa/4.0/) in the awsdocs GitHub repositories; this
file is an adaptation of it under the same licence (docs/references.rst).
Changes: lists of reasons joined into one line with "; "; the page's row "503 SlowDown"
(a status written into the code cell) is the code SlowDown; InvalidAddressingHeader, whose
status the page gives as N/A, is left out; EntityTooLarge is 400 for an upload (405 for a
download, said in its description). Tags: s3 on every entry, plus the section.
Entries are in case-insensitive code order. Made by benchmarks/corpus/make_aws_s3.py."""


def _clean(text: str) -> str:
    head, sep, rest = text.partition(":\n")
    if sep and "\n\n" in rest:
        items = [" ".join(i.split()) for i in re.split(r"\n\s*\n", rest) if i.strip()]
        return f"{' '.join(head.split())}: {'; '.join(i.rstrip('.') for i in items)}."
    return " ".join(text.split())


def main(path: str) -> int:
    import botocore
    import botocore.session

    data = json.loads(Path(path).read_text(encoding="utf-8"))
    entries: dict[str, ErrorEntry] = {}
    for section, extra in SECTIONS.items():
        for item in data[section]:
            code = item["code"].removeprefix("503 ")
            status = item["http_status_code"]
            if status is None or (code == "SlowDown" and code in entries):
                continue
            description = _clean(item["description"])
            if code == "EntityTooLarge":
                description += " A download that exceeds the maximum allowed size gives 405."
            if code in entries:
                old = entries[code]
                tags = tuple(dict.fromkeys((*old.tags, *extra)))
                entries[code] = ErrorEntry(code, old.status, old.description, tags=tags)
                continue
            entries[code] = ErrorEntry(code, int(status), description, tags=("s3", *extra))
    loader = botocore.session.get_session().get_component("data_loader")
    model = loader.load_service_model("s3", "service-2")
    for name, shape in model["shapes"].items():
        error = shape.get("error")
        if not shape.get("exception") or not isinstance(error, dict):
            continue
        code = str(error.get("code", name))
        if code in entries or not error.get("httpStatusCode"):
            continue
        doc = re.sub(r"<[^>]+>", " ", shape.get("documentation", "")).strip()
        doc = " ".join(doc.split()) or f"{code} (no description in the service model)."
        entries[code] = ErrorEntry(code, int(error["httpStatusCode"]), doc, tags=("s3", "botocore"))
    ordered = sorted(entries.values(), key=lambda e: e.code.casefold())
    header = HEADER.format(botocore=botocore.__version__).splitlines()
    sys.stdout.write(dump_yaml(ordered, header, sources=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
