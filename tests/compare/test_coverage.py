"""coverage: codes found in a source tree against the documented ones, and the command."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from sphinx_awserrors.catalogue import load_catalogue
from sphinx_awserrors.cli import main
from sphinx_awserrors.compare.coverage import coverage, to_json

if TYPE_CHECKING:
    from pathlib import Path

SERVER = {
    # a definitions file: two codes defined, one of them documented
    "server/errors.go": (
        "package s3\n\nvar codes = map[int]APIError{\n"
        '\t1: {Code: "NoSuchKey", Description: "No such key.", HTTPStatusCode: 404},\n'
        '\t2: {Code: "NoSuchWidget", Description: "No such widget.", '
        "HTTPStatusCode: http.StatusNotFound},\n}\n"
    ),
    # a handler: a documented code as a literal, an undocumented one in a comment only
    "server/handler.go": (
        'package s3\n\n// InvalidRange is never returned: "InvalidRange"\n'
        'func h() { writeError(w, "AccessDenied") }\n'
        'func g() { respond(w, "SlowDown") }\n'
    ),
    # a test that defines a fake code: not read by default
    "server/handler_test.go": (
        'package s3\nvar fake = APIError{Code: "FakeCode", Description: "Fake.", '
        "HTTPStatusCode: 400}\n"
    ),
    # JavaScript using error objects by their code
    "web/routes.js": "function f() { return callback(errors.PreconditionFailed); }\n",
}

CATALOGUE = """\
errors:
  - code: NoSuchKey
    status: 404
    description: The key does not exist.
  - code: AccessDenied
    status: 403
    description: Access denied.
  - code: InvalidRange
    status: 416
    description: The range cannot be served.
"""


def _tree(root: Path) -> Path:
    for name, text in SERVER.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "errors.yaml").write_text(CATALOGUE, encoding="utf-8")
    return root


def _main(argv: list[str]) -> int:
    return main(["coverage", *argv])


def test_coverage_finds_undocumented_and_missing_codes(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    catalogue = load_catalogue([str(root / "errors.yaml")]).catalogue
    report = coverage(catalogue, [root / "server", root / "web"], jobs=1)
    errors = str(root / "server" / "errors.go")
    assert {
        code: [(p.file, p.line, p.how) for p in where]
        for code, where in report.undocumented.items()
    } == {
        "NoSuchWidget": [(errors, 5, "definition")],
        "PreconditionFailed": [(str(root / "web" / "routes.js"), 1, "reference")],
    }
    assert report.undocumented["NoSuchWidget"][0].status == 404
    handler = str(root / "server" / "handler.go")
    assert [(p.file, p.line, p.how) for p in report.found["AccessDenied"]] == [
        (handler, 4, "literal")
    ]
    # in a comment only: found nowhere; the test file's FakeCode is not read
    assert [entry.code for entry in report.not_found] == ["InvalidRange"]
    assert "FakeCode" not in report.undocumented
    assert "SlowDown" not in report.undocumented  # an unknown literal is not a code
    assert (report.files_scanned, report.skipped) == (3, {"tests": 1})
    assert not report.ok


def test_reference_codes_and_patterns_find_more(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    catalogue = load_catalogue([str(root / "errors.yaml")]).catalogue
    reference = load_catalogue(["bundled"]).catalogue
    report = coverage(catalogue, [root / "server"], reference=reference, jobs=1)
    assert "SlowDown" in report.undocumented  # an AWS code as a literal
    report = coverage(catalogue, [root / "server"], pattern=r'respond\(w, "(?P<code>\w+)"', jobs=1)
    assert [(p.line, p.how) for p in report.undocumented["SlowDown"]] == [(5, "pattern")]
    # a pattern match outside a string literal (in a comment) does not count
    report = coverage(catalogue, [root / "server"], pattern=r"(InvalidRange) is", jobs=1)
    assert "InvalidRange" not in report.found


def test_include_tests_reads_test_files(tmp_path: Path) -> None:
    from sphinx_awserrors.convert.source import WalkOptions

    root = _tree(tmp_path)
    catalogue = load_catalogue([str(root / "errors.yaml")]).catalogue
    report = coverage(catalogue, [root / "server"], walk=WalkOptions(include_tests=True), jobs=1)
    assert "FakeCode" in report.undocumented


def test_case_differences_are_hinted(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    (root / "server" / "errors.go").write_text(
        'var e = APIError{Code: "NoSuchKEY", Description: "x y", HTTPStatusCode: 404}\n',
        encoding="utf-8",
    )
    catalogue = load_catalogue([str(root / "errors.yaml")]).catalogue
    report = coverage(catalogue, [root / "server"], jobs=1)
    assert report.case_hints == {"NoSuchKEY": "NoSuchKey"}


def test_coverage_command_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _tree(tmp_path)
    argv = [str(root / "errors.yaml"), "--source", str(root / "server"), "--jobs", "1"]
    assert _main(argv) == 1
    captured = capsys.readouterr()
    errors = root / "server" / "errors.go"
    assert captured.out.splitlines() == [
        f"{errors}:5: undocumented: NoSuchWidget (404) is defined here but not documented",
        f"{root / 'errors.yaml'}:8: not-found: InvalidRange (416) is documented but found "
        "nowhere in the source",
    ]
    assert captured.err.startswith("sphinx-awserrors coverage: 2 files scanned (2 lexed) in ")
    assert captured.err.rstrip().endswith(
        "3 codes found, 1 of them undocumented; 1 of 3 documented codes found nowhere"
    )
    assert _main([*argv, "--ignore", "NoSuchWidget,Other"]) == 0


def test_coverage_command_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _tree(tmp_path)
    argv = [str(root / "errors.yaml"), "--source", str(root), "--format", "json", "--jobs", "1"]
    assert _main(argv) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["version"] == 1
    assert [item["code"] for item in data["undocumented"]] == ["NoSuchWidget", "PreconditionFailed"]
    assert data["undocumented"][0]["status"] == 404
    assert data["undocumented"][0]["locations"][0]["how"] == "definition"
    assert data["not_found"] == [
        {"code": "InvalidRange", "status": 416, "file": str(root / "errors.yaml"), "line": 8}
    ]
    assert data["files"]["scanned"] == 3


def test_coverage_command_github(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _tree(tmp_path)
    argv = [str(root / "errors.yaml"), "--source", str(root / "server"), "--format", "github"]
    assert _main([*argv, "--jobs", "1"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(
        f"::error file={root / 'server' / 'errors.go'},line=5,title=awserrors undocumented::"
    )
    assert lines[1].startswith("::warning file=")
    assert ",line=8,title=awserrors not-found::InvalidRange (416)" in lines[1]


def test_everything_documented_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _tree(tmp_path)
    (root / "server" / "errors.go").unlink()
    assert _main([str(root / "errors.yaml"), "--source", str(root / "server")]) == 0
    assert "0 of them undocumented" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["{cat}", "--source", "{missing}"], "--source {missing}: no such file or folder"),
        (["{missing}", "--source", "{root}"], "{missing}: "),
        (["{cat}", "--source", "{root}", "--pattern", "("], "--pattern: not a regular expression"),
        (["{cat}", "--source", "{root}", "--reference", "{missing}"], "--reference: {missing}: "),
    ],
)
def test_coverage_command_errors(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _tree(tmp_path)
    values = {"cat": str(root / "errors.yaml"), "missing": str(root / "nope"), "root": str(root)}
    assert _main([arg.format(**values) for arg in argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"sphinx-awserrors coverage: error: {message.format(**values)}")
    assert len(err.splitlines()) == 1


def test_json_report_is_serialisable_with_sorted_places(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    catalogue = load_catalogue([str(root / "errors.yaml")]).catalogue
    data = to_json(coverage(catalogue, [root], jobs=1))
    assert json.loads(json.dumps(data)) == data
    for item in data["found"]:  # type: ignore[union-attr]
        places = [(p["file"], p["line"]) for p in item["locations"]]
        assert places == sorted(places)


def test_json_output_matches_its_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from importlib.resources import files

    schema = json.loads(
        files("sphinx_awserrors.compare").joinpath("data/coverage.schema.json").read_text()
    )
    jsonschema.Draft202012Validator.check_schema(schema)
    root = _tree(tmp_path)
    argv = [str(root / "errors.yaml"), "--source", str(root), "--format", "json", "--jobs", "1"]
    _main([*argv, "--include-tests"])
    jsonschema.validate(json.loads(capsys.readouterr().out), schema)
