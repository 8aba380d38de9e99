"""Real descriptions for measuring the checks: the bundled catalogue, botocore's error
documentation and the real-world tables on this machine (each skipped when missing)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sphinx_awserrors.catalogue import load_catalogue
from sphinx_awserrors.cli.lint import read_inputs

REAL_WORLD = Path("/work/shared/real-world")


# --- corpora ------------------------------------------------------------------------------------


def bundled() -> list[tuple[str, str]]:
    return [(e.code, e.description) for e in load_catalogue(None).catalogue]


#: AWS services whose error documentation the existing accuracy test does not read.
BOTOCORE_SERVICES = (
    "rds", "ecs", "eks", "cloudformation", "kinesis", "athena", "glue", "logs", "cognito-idp",
    "apigateway", "elbv2", "redshift", "stepfunctions", "events", "acm", "ssm", "backup",
    "efs", "firehose", "codecommit", "s3", "iam", "kms", "dynamodb",
)  # fmt: skip


def botocore_corpus() -> list[tuple[str, str]]:
    importer = pytest.importorskip("sphinx_awserrors.convert.botocore")
    pytest.importorskip("botocore")
    result = importer.botocore_entries(BOTOCORE_SERVICES)
    return [(e.code, e.description) for e in result.entries]


def real_world() -> list[tuple[str, str]]:
    """(code, description) of every table under /work/shared/real-world, read in place."""
    if not REAL_WORLD.is_dir():
        pytest.skip("no real-world tables on this machine")
    rows: list[tuple[str, str]] = []
    for path in sorted(REAL_WORLD.iterdir()):
        if path.suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            items = data.get("errors") if isinstance(data.get("errors"), list) else None
            if items is None:
                items = [{"code": k, **v} for k, v in data.items() if isinstance(v, dict)]
            rows += [(str(i.get("code")), str(i.get("description") or "")) for i in items]
        elif path.name.startswith("yandex"):
            text = path.read_text(encoding="utf-8")
            for code, cell in re.findall(
                r"^\|\|\s*\d{3}\s*\|\s*`?([^|`]*)`?\s*\|(.*?)\|\|", text, re.M | re.S
            ):
                rows.append((code, " ".join(cell.replace("<br/>", " ").split())))
        elif path.suffix in (".rst", ".md"):
            rows += [(e.code, e.description) for e in read_inputs([str(path)]).entries]
    return [(c, d.strip()) for c, d in rows if d.strip()]
