"""import-rst / import-md: column detection, row reports, output formats, the seed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sphinx_awserrors.catalogue import bundled_path, load_file
from sphinx_awserrors.cli import main
from sphinx_awserrors.convert.catalogue_writer import dump_yaml
from sphinx_awserrors.convert.md_table import read_tables as read_md
from sphinx_awserrors.convert.rst_table import read_file, read_tables
from sphinx_awserrors.convert.tables import (
    convert_tables,
    load_entries,
    parse_columns,
    parse_status,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data" / "import"
SHAPES = DATA / "shapes.rst"
MARKDOWN = DATA / "errors.md"
CHANGELOG = ROOT / "docs" / "data-changelog.rst"


def _sources(path: Path) -> list[int]:
    """The lines of the ``# source: FILE:LINE`` comments of an imported catalogue."""
    return [
        int(line.rsplit(":", 1)[1])
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.lstrip().startswith("# source: ")
    ]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --- the seed and the bundled catalogue ---------------------------------------------------------


def _changelog() -> list[tuple[str, int, str, str]]:
    """(code, seed line, old, new) for each row of the data changelog's corrections table."""
    for table in read_file(CHANGELOG).tables:
        if table.headings[:4] == ("Code", "Seed line", "Old text", "New text"):
            return [
                (r.cells[0].text, int(r.cells[1].text), r.cells[2].text, r.cells[3].text)
                for r in table.body
            ]
    raise AssertionError("the data changelog has no corrections table")


def test_seed_imports_to_the_bundled_catalogue_as_the_changelog_says(
    seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "seed.yaml"
    code, _, err = _run(["import-rst", str(seed_path), "-o", str(out)], capsys)
    assert code == 0, err
    imported, problems = load_file(out)
    assert problems == []
    bundled, problems = load_file(bundled_path())
    assert problems == []
    assert len(imported) == len(bundled) == 105
    # the same codes with the same statuses; the bundled file is in case-insensitive order
    assert sorted((e.code, e.status) for e in imported) == sorted(
        (e.code, e.status) for e in bundled
    )
    assert [e.code for e in bundled] == sorted((e.code for e in bundled), key=str.lower)

    corrections = _changelog()
    by_code = {e.code: e for e in bundled}
    lines = _sources(out)
    assert len(lines) == 105
    used: set[int] = set()
    for index, entry in enumerate(imported):
        description = entry.description
        start, end = lines[index], ([*lines, 10**6])[index + 1]
        for number, (code, line, old, new) in enumerate(corrections):
            if code != entry.code:
                continue
            assert start <= line < end, f"{code}: seed line {line} is not in its row"
            assert description.count(old) == 1, f"{code}: {old!r} not in {description!r}"
            description = description.replace(old, new)
            used.add(number)
        assert description == by_code[entry.code].description, entry.code
    assert used == set(range(len(corrections)))


def test_bundled_descriptions_follow_the_conventions() -> None:
    bundled, _ = load_file(bundled_path())
    assert not [e.code for e in bundled if e.description.endswith(".")]
    assert {t for e in bundled for t in e.tags} == {"s3", "iam", "sts"}
    iam = {e.code for e in bundled if "iam" in e.tags}
    assert {"DeleteConflict", "EntityAlreadyExists", "NoSuchEntity"} <= iam


# --- import-rst on tables of every shape --------------------------------------------------------


def test_import_rst_every_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "shapes.yaml"
    code, stdout, err = _run(["import-rst", str(SHAPES), "-o", str(out)], capsys)
    assert code == 1  # written, with rows reported
    assert stdout == ""
    entries, problems = load_file(out)
    assert problems == []
    assert [(e.code, e.status) for e in entries] == [
        ("NoSuchKey", 404),
        ("ObjectLockConfigurationNotFound", 404),
        ("SlowDown", 503),
        ("TwoStatuses", 400),
        ("TwoStatuses", 409),
        ("BadDigest", 400),
        ("AccessDenied", 403),
        ("TooManyBuckets", 400),
        ("QuotaExceeded", 403),
        ("ExpiredToken", 400),
        ("InvalidToken", 400),
    ]
    descriptions = {e.code: e.description for e in entries}
    assert descriptions["SlowDown"] == "Reduce the *request* rate"  # markup kept verbatim
    assert descriptions["AccessDenied"] == (
        "Access denied, see `the policy guide <https://example.com/policy>`__"
    )
    text = out.read_text(encoding="utf-8")
    assert f"  # source: {SHAPES}:25\n  - code: ObjectLockConfigurationNotFound\n" in text
    name = str(SHAPES)
    assert err.splitlines() == [
        f"{name}:31: table 1 \"Storage errors\" (line 16), row 'VaultBusy': status 5001 is "
        "not an HTTP status (100-599); row left out",
        f"{name}:33: table 1 \"Storage errors\" (line 16), row 'EmptyText': the description "
        "is empty; every entry needs one; row left out",
        f"{name}:49: table 2 \"Simple table, status first\" (line 43), row 'HealthCheck': "
        "the status is 'ok', not an HTTP status number; row left out",
        f"{name}:55: note: table 3 \"Quota errors\" (line 55): 'Since' not imported (the "
        "catalogue has code, status and description only)",
        f"{name}:80: table 4 \"Auth errors\" (line 74), row 'Access Forbidden': 'Access "
        "Forbidden' is not an error code (one word, no spaces); row left out",
        f'{name}:85: note: table 5 "A table that is not an error table" (line 85) skipped: '
        "not an error table, no column of HTTP statuses (columns: 'Header', 'Description'); "
        "use --columns to import it anyway",
        f"{out}: 11 entries, 4 problem(s) reported above",
    ]


def test_import_rst_to_stdout_is_yaml(capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, _ = _run(["import-rst", str(SHAPES), "--table", "3"], capsys)
    assert code == 0
    assert stdout.startswith(f"# Imported from {SHAPES} by sphinx-awserrors import-rst.\n")
    assert "  # source: " in stdout
    assert "code: TooManyBuckets" in stdout and "NoSuchKey" not in stdout


@pytest.mark.parametrize("suffix", [".yaml", ".toml", ".json"])
def test_every_output_format_loads_the_same(
    suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"shapes{suffix}"
    assert _run(["import-rst", str(SHAPES), "-o", str(out)], capsys)[0] == 1
    entries, problems = load_file(out)
    assert problems == []
    expected, _ = load_entries(SHAPES)
    assert [(e.code, e.status, e.description) for e in entries] == [
        (e.code, e.status, e.description) for e in expected
    ]
    if suffix == ".toml":
        assert f"# source: {SHAPES}:22\n[[errors]]" in out.read_text(encoding="utf-8")
    if suffix == ".json":
        assert json.loads(out.read_text(encoding="utf-8"))["errors"][0]["code"] == "NoSuchKey"


def test_explicit_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "two.rst"
    # codes in snake case: content detection does not see a code column, --columns does
    source.write_text(
        "===== ============ ===================\n"
        "HTTP  Name         Text\n"
        "===== ============ ===================\n"
        "404   no_such_key  The key is missing\n"
        "409   busy         Try again later\n"
        "===== ============ ===================\n",
        encoding="utf-8",
    )
    code, _, err = _run(["import-rst", str(source)], capsys)
    assert code == 2
    assert "no column of PascalCase error codes" in err
    assert err.splitlines()[-1].startswith(
        f"sphinx-awserrors import-rst: {source}: no error table found"
    )
    out = tmp_path / "two.yaml"
    code, _, err = _run(
        ["import-rst", str(source), "--columns", "status,code,description", "-o", str(out)],
        capsys,
    )
    assert code == 0, err
    entries, _ = load_file(out)
    assert [(e.code, e.status, e.description) for e in entries] == [
        ("no_such_key", 404, "The key is missing"),
        ("busy", 409, "Try again later"),
    ]
    assert _sources(out) == [4, 5]


def test_table_without_description_column_fails_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "statuses.rst"
    source.write_text(
        "Statuses\n========\n\n"
        "+-------------+---------------+\n"
        "| HTTP Status | Response Code |\n"
        "+=============+===============+\n"
        "| ``404``     | NoSuchKey     |\n"
        "+-------------+---------------+\n"
        "| ``409``     | BucketNotEmpty|\n"
        "+-------------+---------------+\n",
        encoding="utf-8",
    )
    code, stdout, err = _run(["import-rst", str(source)], capsys)
    assert (code, stdout) == (2, "")
    assert err.splitlines() == [
        f'{source}:4: table 1 "Statuses" (line 4) has no description column, and every '
        "catalogue entry needs a description; its 2 rows are left out (add a description "
        "column, or name it with --columns)",
        f"sphinx-awserrors import-rst: {source}: no row could be converted; nothing written",
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["import-rst", "{missing}"], "sphinx-awserrors import-rst: {missing}: file not found"),
        (
            ["import-rst", "{shapes}", "--table", "9"],
            "sphinx-awserrors import-rst: {shapes}: --table 9: the file has 5 table(s)",
        ),
        (
            ["import-rst", "{shapes}", "--columns", "code,stauts"],
            "sphinx-awserrors import-rst: --columns: unknown column name 'stauts'; "
            "use code, status, description or - (skip)",
        ),
        (
            ["import-rst", "{shapes}", "-o", "{tmp}/out.txt"],
            "sphinx-awserrors import-rst: {tmp}/out.txt: unknown catalogue format '.txt'; "
            "name the output .yaml, .yml, .toml or .json",
        ),
        (["import-rst", "{empty}"], "sphinx-awserrors import-rst: {empty}: no table found"),
        (["import-md", "{missing}"], "sphinx-awserrors import-md: {missing}: file not found"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.rst"
    empty.write_text("Nothing\n=======\n\nNo table here.\n", encoding="utf-8")
    names = {
        "missing": str(tmp_path / "missing.rst"),
        "shapes": str(SHAPES),
        "tmp": str(tmp_path),
        "empty": str(empty),
    }
    code, stdout, err = _run([a.format(**names) for a in argv], capsys)
    assert (code, stdout) == (2, "")
    assert err == message.format(**names) + "\n"


def test_help_of_the_import_commands(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("import-rst", "import-md"):
        assert main([command, "--help"]) == 0
        assert "--columns" in capsys.readouterr().out


# --- column detection -------------------------------------------------------------------------


def test_columns_by_content_before_headers() -> None:
    # the status column is headed "Code", the code column "Error": content decides
    [table] = read_tables(
        "======================= ==== ===================\n"
        "Error                   Code Description\n"
        "======================= ==== ===================\n"
        "``AccessDenied``        403  Access denied\n"
        "``NoSuchKey``           404  The key is missing\n"
        "======================= ==== ===================\n"
    )
    result = convert_tables([table])
    assert [(e.code, e.status, e.description) for e in result.entries] == [
        ("AccessDenied", 403, "Access denied"),
        ("NoSuchKey", 404, "The key is missing"),
    ]


def test_headerless_table_with_header_like_first_row() -> None:
    [table] = read_tables(
        ".. csv-table::\n\n   Code, Status, Description\n   NoSuchKey, 404, Missing key\n"
    )
    result = convert_tables([table])
    assert [(e.code, e.status, e.line) for e in result.entries] == [("NoSuchKey", 404, 4)]


NO_DESCRIPTIONS = (
    ".. csv-table::\n   :header: Status, Code\n\n"
    "   100, Continue\n   206, Partial content\n   404, NoSuchKey\n   409, Some Conflict\n"
)


def test_rows_left_out_say_why() -> None:
    [table] = read_tables(NO_DESCRIPTIONS)
    result = convert_tables([table], descriptions_optional=True)
    assert [(e.code, e.status, e.description, e.line) for e in result.entries] == [
        ("NoSuchKey", 404, "", 6)
    ]
    # a success row is left out for its status, whatever its code looks like
    assert [(p.line, p.message.split(": ", 1)[1]) for p in result.problems] == [
        (4, "status 100 is an informational status, not an error; row left out"),
        (5, "status 206 is a success status, not an error; row left out"),
        (7, "'Some Conflict' is not an error code (one word, no spaces); row left out"),
    ]


def test_table_without_descriptions_is_one_problem_for_the_importer() -> None:
    [table] = read_tables(NO_DESCRIPTIONS)
    result = convert_tables([table])
    assert result.entries == ()
    [problem] = result.problems
    assert "has no description column" in problem.message


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("404", 404),
        ("404 Not Found", 404),
        ("503 Slow Down", 503),
        ("5001", 5001),
        ("ok", None),
        ("400 or 409", None),
        ("", None),
    ],
)
def test_parse_status(text: str, status: int | None) -> None:
    assert parse_status(text) == status


def test_parse_columns() -> None:
    spec = parse_columns("status, code, -, description")
    assert (spec.code, spec.status, spec.description) == (1, 0, 3)
    with pytest.raises(ValueError, match="no 'status' column"):
        parse_columns("code,description")


def test_yaml_writer_quotes_what_yaml_would_misread(tmp_path: Path) -> None:
    from sphinx_awserrors.catalogue import ErrorEntry

    tricky = [
        ErrorEntry("Null", 400, "null"),
        ErrorEntry("Colon", 400, "Server error: the request failed # not a comment"),
        ErrorEntry("Quote", 400, "'quoted' and \"double\" and a trailing backslash \\"),
        ErrorEntry("Long", 400, "word " * 40 + "end"),
        ErrorEntry("Spaces", 400, "two  spaces   inside, kept"),
    ]
    out = tmp_path / "tricky.yaml"
    out.write_text(dump_yaml(tricky), encoding="utf-8")
    entries, problems = load_file(out)
    assert problems == []
    assert [(e.code, e.description) for e in entries] == [(e.code, e.description) for e in tricky]


# --- import-md --------------------------------------------------------------------------------


def test_import_md(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "errors.yaml"
    code, _, err = _run(["import-md", str(MARKDOWN), "-o", str(out)], capsys)
    assert code == 1
    entries, problems = load_file(out)
    assert problems == []
    assert [(e.code, e.status, e.description) for e in entries] == [
        ("NoSuchKey", 404, "The key does *not* exist. Check the **name**"),
        ("InvalidRange", 416, "See `ranges <https://example.com/ranges>`__ and ``Range``"),
        ("AccessDenied", 403, "Access to a_b\\_ file\\* denied"),
        ("Teapot", 418, "teapot short and stout"),
        ("SlowDown", 503, "Reduce the request rate"),
    ]
    assert _sources(out) == [16, 17, 19, 20, 27]
    name = str(MARKDOWN)
    lines = err.splitlines()
    assert (
        f'{name}:7: note: table 1 "Service errors" (line 7) skipped: not an error table, '
        "no column of HTTP statuses (columns: 'Header', 'Meaning'); use --columns to import "
        "it anyway" in lines
    )
    assert (
        f"{name}:18: table 2 \"Client errors\" (line 14), row 'Pipe|Code': 'Pipe|Code' is "
        "not an error code (one word, no spaces); row left out" in lines
    )
    assert (
        f"{name}:20: table 2 \"Client errors\" (line 14), row 'Teapot': an image has no "
        "place in a description; its alt text is kept" in lines
    )
    assert (
        f"{name}:28: table 3 \"Server errors\" (line 25), row 'VaultBusy': status 5001 "
        "is not an HTTP status (100-599); row left out" in lines
    )
    assert (
        f"{name}:30: a multiline table (#| ... |#, Yandex Flavored Markdown) is not a "
        "pipe table and is not read; convert it to a pipe table to import it" in lines
    )


def test_markdown_kramdown_attribute_lines_are_not_rows() -> None:
    tables = read_md(MARKDOWN.read_text(encoding="utf-8"))
    client = tables[1]
    assert [row.cells[0].text for row in client.body] == [
        "NoSuchKey",
        "InvalidRange",
        "Pipe|Code",
        "AccessDenied",
        "Teapot",
    ]


def test_markdown_table_title_without_heading_attributes() -> None:
    text = "## Error response {#error}\n\n| Code | Status |\n|---|---|\n| NoSuchKey | 404 |\n"
    text += "\n## Client errors {: #client .wide}\n\n| Code | Status |\n|---|---|\n| A | 400 |\n"
    assert [table.title for table in read_md(text)] == ["Error response", "Client errors"]


@pytest.mark.parametrize(
    ("markdown", "rst"),
    [
        ("plain text", "plain text"),
        ("`code` and **strong** and *em*", "``code`` and **strong** and *em*"),
        ("intra**word**s", "intra\\ **word**\\ s"),
        ("a [link](https://x.example/a_b)", "a `link <https://x.example/a_b>`__"),
        ("<https://auto.example>", "`<https://auto.example>`__"),
        ("one<br>two<br/>three", "one two three"),
        ("star * and backquote \\` and bar", "star \\* and backquote \\` and bar"),
        ("name_ reference", "name\\_ reference"),
        ("`` a ` b ``", "``a ` b``"),
    ],
)
def test_inline_markdown_to_rst(markdown: str, rst: str) -> None:
    [table] = read_md(f"| Code | Status | Description |\n|---|---|---|\n| A | 400 | {markdown} |\n")
    assert table.body[0].cells[2].source == rst


# --- import-botocore --------------------------------------------------------------------------


def test_first_sentence_of_botocore_documentation() -> None:
    from sphinx_awserrors.convert.botocore import first_sentence

    html = "<p>The <code>Key</code> is *bad*. See the guide.</p>"
    assert first_sentence(html) == "The ``Key`` is \\*bad\\*."
    assert first_sentence("<p>Version 1.2 is old e.g. this. Next.</p>") == (
        "Version 1.2 is old e.g. this."
    )


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
    assert err == "sphinx-awserrors import-botocore: unknown service 'iamm'; did you mean iam?\n"


# --- the examples in the documentation ------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "fmt", "exit_code"), [("import-rst", "rst", 1), ("import-md", "md", 0)]
)
def test_docs_examples_are_current(
    command: str,
    fmt: str,
    exit_code: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    examples = ROOT / "docs" / "_includes" / "import"
    monkeypatch.chdir(examples)
    out = tmp_path / f"legacy-{fmt}.yaml"
    code, _, err = _run([command, f"legacy.{fmt}", "-o", str(out)], capsys)
    assert code == exit_code
    assert out.read_text(encoding="utf-8") == (examples / out.name).read_text(encoding="utf-8")
    expected = (examples / f"legacy-{fmt}.stderr").read_text(encoding="utf-8")
    assert err == expected.replace(f"legacy-{fmt}.yaml:", f"{out}:")
