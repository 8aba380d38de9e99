"""``sphinx-awserrors import-botocore``: the entries of a service, and service names as users
type them."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from sphinx_awserrors.catalogue import load_file
from sphinx_awserrors.cli import main

if TYPE_CHECKING:
    from pathlib import Path


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_import_botocore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("botocore")
    out = tmp_path / "aws.toml"
    code, _, err = _run(["import-botocore", "iam", "sts", "-o", str(out)], capsys)
    assert code == 0, err
    entries, problems = load_file(out)
    assert problems == []
    by_code = {e.code: e for e in entries}
    assert by_code["NoSuchEntity"].status == 404
    assert by_code["NoSuchEntity"].tags == ("iam",)
    # declared by both services with the same status: one entry, both tags
    assert by_code["MalformedPolicyDocument"].tags == ("iam", "sts")
    assert [e.code for e in entries] == sorted((e.code for e in entries), key=str.lower)
    assert all("\n" not in e.description for e in entries)


def test_import_botocore_unknown_service(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("botocore")
    code, stdout, err = _run(["import-botocore", "iamm"], capsys)
    assert (code, stdout) == (2, "")
    assert (
        err
        == "sphinx-awserrors import-botocore: error: unknown service 'iamm'; did you mean iam?\n"
    )


def test_service_names_are_case_insensitive_and_unknown_ones_get_a_hint(
    capsys: pytest.CaptureFixture[str],
) -> None:
    pytest.importorskip("botocore")
    assert main(["import-botocore", "STS"]) == 0
    out = capsys.readouterr().out
    assert "from botocore" in out
    assert "tags: [sts]" in out
    assert main(["import-botocore", "s4"]) == 2
    assert "unknown service 's4'; botocore " in capsys.readouterr().err
    assert main(["import-botocore", "zzzzzz"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(
        "sphinx-awserrors import-botocore: error: unknown service 'zzzzzz'; botocore "
    )
    assert err.endswith(" services, such as s3, iam and sts\n")
