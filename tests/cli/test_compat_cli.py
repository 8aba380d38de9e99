"""``sphinx-awserrors compat``: inputs, references, formats, exit statuses, the JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sphinx_awserrors import cli
from sphinx_awserrors.cli import main

SCHEMA = Path(cli.__file__).parent / "schemas" / "compat.v1.schema.json"

REFERENCE = """errors:
  - code: NoSuchKey
    status: 404
    description: The key does not exist.
  - code: NoSuchBucket
    status: 404
    description: The bucket does not exist.
  - code: AccessDenied
    status: 403
    description: Access denied.
"""

SAME = """errors:
  - code: NoSuchKey
    status: 404
    description: The key does not exist.
  - code: OwnCode
    status: 400
    description: Only this server has it.
"""

DIFFERENT = """errors:
  - code: NoSuchKey
    status: 404
    description: The key does not exist.
  - code: NoSuchBucket
    status: 400
    description: The bucket does not exist.
  - code: AccesDenied
    status: 403
    description: Access denied.
"""

MARKED = """errors:
  - code: NoSuchBucket
    status: 400
    description: The bucket does not exist.
    differs: {status: "as our 1.x releases did"}
"""


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("reference.yaml").write_text(REFERENCE, encoding="utf-8")


def write(name: str, text: str) -> str:
    Path(name).write_text(text, encoding="utf-8")
    return name


def test_extensions_and_missing_codes_alone_pass(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compat", write("c.yaml", SAME), "--reference", "reference.yaml"]) == 0
    out = capsys.readouterr().out
    assert "c.yaml:5: extension: OwnCode (400)" in out
    assert "missing: NoSuchBucket (404)" in out
    assert "1 same, 0 differ, 1 only here, 2 only in reference.yaml" in out


def test_a_status_difference_and_a_misspelling_fail(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compat", write("c.yaml", DIFFERENT), "--reference", "reference.yaml"]) == 1
    out = capsys.readouterr().out
    assert "c.yaml:5: status: NoSuchBucket has status 400; reference.yaml gives 404" in out
    assert "c.yaml:8: misspelling: AccesDenied is likely a misspelling of" in out
    assert "AccessDenied" in out


def test_a_difference_marked_deliberate_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compat", write("c.yaml", MARKED), "--reference", "reference.yaml"]) == 0
    assert "(deliberate: as our 1.x releases did)" in capsys.readouterr().out


def test_fail_on_makes_extensions_fail() -> None:
    args = ["compat", write("c.yaml", SAME), "--reference", "reference.yaml"]
    assert main([*args, "--fail-on", "extension"]) == 1


def test_json_output_follows_its_schema(capsys: pytest.CaptureFixture[str]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    main(
        ["compat", write("c.yaml", DIFFERENT), "--reference", "reference.yaml", "--format", "json"]
    )
    document = json.loads(capsys.readouterr().out)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(document, schema)
    assert document["failures"] == 2
    by_kind = {d["kind"]: d for d in document["differences"]}
    assert by_kind["status"]["status"] == 400
    assert by_kind["status"]["reference_statuses"] == [404]
    assert by_kind["misspelling"]["reference_code"] == "AccessDenied"
    assert "same" not in by_kind  # --show defaults to the differences


def test_show_same_lists_every_row(capsys: pytest.CaptureFixture[str]) -> None:
    main(
        [
            "compat",
            write("c.yaml", SAME),
            "--reference",
            "reference.yaml",
            "--show",
            "same",
            "--format",
            "json",
        ]
    )
    document = json.loads(capsys.readouterr().out)
    assert [d["code"] for d in document["differences"]] == ["NoSuchKey"]


def test_github_output_is_an_error_for_a_failure_and_a_notice_otherwise(
    capsys: pytest.CaptureFixture[str],
) -> None:
    main(
        [
            "compat",
            write("c.yaml", DIFFERENT),
            "--reference",
            "reference.yaml",
            "--format",
            "github",
        ]
    )
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("::error file=c.yaml,line=5,") for line in lines)
    assert all(line.startswith(("::error ", "::notice ")) for line in lines)


def test_a_table_file_is_read_in_place(capsys: pytest.CaptureFixture[str]) -> None:
    table = "| Code | Status | Description |\n|---|---|---|\n| NoSuchKey | 404 | Gone. |\n"
    assert main(["compat", write("errors.md", table), "--reference", "reference.yaml"]) == 0
    assert "0 differ" in capsys.readouterr().out


def test_the_bundled_catalogue_against_a_reference_file() -> None:
    assert main(["compat", "bundled", "--reference", "reference.yaml"]) in (0, 1)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.yaml", "--reference", "reference.yaml"], "catalogue file not found"),
        (["c.yaml", "--reference", "nowhere.yaml"], "unknown reference 'nowhere.yaml'"),
        (["c.yaml", "--reference", "aws-s4"], "unknown reference 'aws-s4'"),
        (["c.yaml", "--reference", "reference.yaml", "--fail-on", "typo"], "unknown kind 'typo'"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    write("c.yaml", SAME)
    assert main(["compat", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("sphinx-awserrors compat: error: ")
    assert message in err
    assert err.count("\n") == 1


def test_an_entry_left_out_is_a_warning(capsys: pytest.CaptureFixture[str]) -> None:
    write("c.yaml", SAME.replace("status: 400", "status: x"))
    assert main(["compat", "c.yaml", "--reference", "reference.yaml"]) == 0
    assert (
        "sphinx-awserrors compat: warning: c.yaml:6: entry 2 (OwnCode)" in capsys.readouterr().err
    )


def test_botocore_reference_is_narrowed_to_s3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sphinx_awserrors.checks import reference_status as reference

    statuses = {
        "NoSuchKey": {404: {"s3"}},
        "NoSuchBucket": {404: {"s3"}},
        "NoSuchEntity": {404: {"iam"}},
    }
    monkeypatch.setattr(reference, "botocore_statuses", lambda: statuses)
    write("c.yaml", DIFFERENT)
    assert main(["compat", "c.yaml", "--reference", "botocore", "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    names = {d["code"] or d["reference_code"] for d in document["differences"]}
    assert "NoSuchEntity" not in names  # IAM's code is no S3 code
    assert document["totals"] == {"same": 1, "differs": 1, "only_here": 1, "only_in_reference": 0}


def test_tags_select_the_entries_compared(capsys: pytest.CaptureFixture[str]) -> None:
    tagged = SAME.replace(
        "description: The key does not exist.",
        "description: The key does not exist.\n    tags: [s3]",
    ).replace("description: Only this server has it.", "description: Own.\n    tags: [iam]")
    write("c.yaml", tagged)
    main(
        [
            "compat",
            "c.yaml",
            "--reference",
            "reference.yaml",
            "--tags",
            "S3,other",
            "--format",
            "json",
        ]
    )
    assert json.loads(capsys.readouterr().out)["totals"] == {
        "same": 1,
        "differs": 0,
        "only_here": 0,
        "only_in_reference": 2,
    }
    main(["compat", "c.yaml", "--reference", "reference.yaml", "--tags", "iam", "--format", "json"])
    assert json.loads(capsys.readouterr().out)["totals"]["only_here"] == 1
