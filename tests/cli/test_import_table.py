"""``sphinx-awserrors import-rst`` / ``import-md``: row reports, output formats, errors, the seed
and the docs' examples."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from support_paths import IMPORT_DATA, PROJECT

from sphinx_awserrors.catalogue import bundled_path, load_file
from sphinx_awserrors.cli import main
from sphinx_awserrors.convert.rst_table import read_file
from sphinx_awserrors.convert.tables import load_entries

if TYPE_CHECKING:
    from pathlib import Path

SHAPES = IMPORT_DATA / "shapes.rst"
MARKDOWN = IMPORT_DATA / "errors.md"
CHANGELOG = PROJECT / "docs" / "data-changelog.rst"


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
        f"sphinx-awserrors import-rst: error: {source}: no error table found"
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
        f"sphinx-awserrors import-rst: error: {source}: no row could be converted; nothing written",
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["import-rst", "{missing}"],
            "sphinx-awserrors import-rst: error: {missing}: file not found",
        ),
        (
            ["import-rst", "{shapes}", "--table", "9"],
            "sphinx-awserrors import-rst: error: {shapes}: --table 9: the file has 5 table(s)",
        ),
        (
            ["import-rst", "{shapes}", "--columns", "code,stauts"],
            "sphinx-awserrors import-rst: error: --columns: unknown column name 'stauts'; "
            "use code, status, description or - (skip)",
        ),
        (
            ["import-rst", "{shapes}", "-o", "{tmp}/out.txt"],
            "sphinx-awserrors import-rst: error: {tmp}/out.txt: unknown catalogue format '.txt'; "
            "name the output .yaml, .yml, .toml or .json",
        ),
        (["import-rst", "{empty}"], "sphinx-awserrors import-rst: error: {empty}: no table found"),
        (
            ["import-md", "{missing}"],
            "sphinx-awserrors import-md: error: {missing}: file not found",
        ),
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
        ("InternalError", 500, "We encountered an internal error."),
    ]
    assert _sources(out) == [16, 17, 19, 20, 27, 32]
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
    examples = PROJECT / "docs" / "_includes" / "import"
    monkeypatch.chdir(examples)
    out = tmp_path / f"legacy-{fmt}.yaml"
    code, _, err = _run([command, f"legacy.{fmt}", "-o", str(out)], capsys)
    assert code == exit_code
    assert out.read_text(encoding="utf-8") == (examples / out.name).read_text(encoding="utf-8")
    expected = (examples / f"legacy-{fmt}.stderr").read_text(encoding="utf-8")
    assert err == expected.replace(f"legacy-{fmt}.yaml:", f"{out}:")
