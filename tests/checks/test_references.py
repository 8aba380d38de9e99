"""Reference catalogues: the bundled ``aws-s3``, ``botocore`` and files, and ``--reference``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from sphinx_awserrors.catalogue import Catalogue, ErrorEntry
from sphinx_awserrors.checks import reference_status as reference
from sphinx_awserrors.checks.references import ReferenceError, aws_s3, resolve_reference
from sphinx_awserrors.cli import main

if TYPE_CHECKING:
    from pathlib import Path

ENTRY = "errors:\n  - code: {code}\n    status: {status}\n    description: {text}\n"


def test_aws_s3_lists_every_documented_code_with_its_status() -> None:
    ref = aws_s3()
    assert len(ref) >= 150
    assert ref.get("NoSuchBucket").status == 404  # type: ignore[union-attr]
    assert ref.get("AccessControlListNotSupported").status == 400  # type: ignore[union-attr]
    assert ref.get("RequestIsNotMultiPartContent").status == 412  # type: ignore[union-attr]
    assert ref.get("EndpointNotFound").status == 400  # type: ignore[union-attr]
    assert all("s3" in e.tags and e.description for e in ref)


def test_the_aws_s3_file_names_its_source_and_licence() -> None:
    from sphinx_awserrors.checks.references import aws_s3_path

    header = aws_s3_path().read_text(encoding="utf-8").split("errors:", 1)[0]
    assert "https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html" in header
    assert "CC BY-SA 4.0" in header


def test_resolve_reference_reads_a_catalogue_file(tmp_path: Path) -> None:
    path = tmp_path / "ref.yaml"
    path.write_text(ENTRY.format(code="NoSuchThing", status=410, text="Gone"), encoding="utf-8")
    assert resolve_reference(str(path)).get("NoSuchThing").status == 410  # type: ignore[union-attr]


@pytest.mark.parametrize("name", ["aws-s4", "missing.yaml", "notes.txt"])
def test_anything_else_is_one_clear_error(name: str) -> None:
    with pytest.raises(ReferenceError, match="give aws-s3, botocore or a catalogue file"):
        resolve_reference(name)


def _write(tmp_path: Path, code: str, status: int) -> str:
    path = tmp_path / "errors.yaml"
    path.write_text(ENTRY.format(code=code, status=status, text="A slip"), encoding="utf-8")
    return str(path)


def test_lint_reference_aws_s3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = _write(tmp_path, "RequestIsNotMultiPartContent", 400)
    assert main(["lint", "--select", "status", "--reference", "aws-s3", name]) == 1
    assert "(aws-s3) give 412" in capsys.readouterr().out
    assert main(["lint", "--select", "status", name]) == 0  # no convention broken


def test_lint_reference_file_and_unknown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ref = tmp_path / "ref.json"
    ref.write_text('{"errors": [{"code": "Gone", "status": 410, "description": "x"}]}')
    name = _write(tmp_path, "Gone", 404)
    assert main(["lint", "--select", "status", "--reference", str(ref), name]) == 1
    assert "gives 410" in capsys.readouterr().out
    assert main(["lint", "--reference", "nope", name]) == 2
    assert "error: unknown reference 'nope'" in capsys.readouterr().err


def test_status_check_takes_aws_s_status_before_a_convention(tmp_path: Path) -> None:
    name = _write(tmp_path, "EndpointNotFound", 400)  # *NotFound, but AWS sends 400
    assert main(["lint", "--select", "status", name]) == 0


def test_botocore_compares_an_s3_entry_with_s3_only() -> None:
    statuses = {"InvalidParameterValue": {400: {"redshift", "sdb"}}, "NoSuchKey": {404: {"s3"}}}
    cat = Catalogue(
        (
            ErrorEntry("InvalidParameterValue", 409, "x", tags=("s3",), file="e.yaml", line=1),
            ErrorEntry("NoSuchKey", 400, "x", tags=("s3",), file="e.yaml", line=5),
            ErrorEntry("InvalidParameterValue", 409, "x", file="f.yaml", line=1),
        )
    )
    found = list(reference.reference_findings(cat, statuses, "botocore"))
    assert [(f.file, f.code) for f in found] == [
        ("e.yaml", "NoSuchKey"),
        ("f.yaml", "InvalidParameterValue"),
    ]
