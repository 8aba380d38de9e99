"""QA regressions of the catalogue loaders: malformed files met by a demanding user."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from sphinx_awserrors.catalogue import load_catalogue, load_file
from sphinx_awserrors.cli import main
from sphinx_awserrors.sphinxext import buildstate

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp

ROOTS = Path(__file__).resolve().parent / "roots"


def write(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


# --- a JSON escape of half a surrogate pair -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "escape"),
    [
        ('{"errors": [{"code": "A\\ud800", "status": 404, "description": "d"}]}\n', 1, "d800"),
        (
            '{"errors": [\n {"code": "A", "status": 404, "description": "d",\n'
            '  "tags": ["s3", "x\\udc00"]}\n]}\n',
            3,
            "dc00",
        ),
        ('{"errors": [\n {"code": "A", "status": 404, "descr\\ud800": "d"}]}\n', 2, "d800"),
    ],
)
def test_json_lone_surrogate_is_a_syntax_error(
    tmp_path: Path, text: str, line: int, escape: str
) -> None:
    # json.loads accepts "\ud800" and gives a str that cannot be printed or written: the lint
    # output and the Sphinx build used to crash on it ("Encoding error!")
    path = tmp_path / "errors.json"
    path.write_text(text, encoding="utf-8")
    entries, problems = load_file(path)
    assert entries == []
    assert [(p.line, p.message, p.fatal) for p in problems] == [
        (
            line,
            f"JSON syntax error: the escape \\u{escape} is half of a surrogate pair, "
            "not a character",
            True,
        )
    ]


def test_json_surrogate_pair_is_one_character(tmp_path: Path) -> None:
    path = tmp_path / "errors.json"
    path.write_text(
        '{"errors": [{"code": "A", "status": 404, "description": "smile \\ud83d\\ude00"}]}',
        encoding="utf-8",
    )
    entries, problems = load_file(path)
    assert problems == []
    assert entries[0].description == "smile \U0001f600"


def test_lint_of_json_lone_surrogate_exits_2_without_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("errors.json").write_text(
        '{"errors": [{"code": "A\\ud800", "status": 404, "description": "d"}]}', encoding="utf-8"
    )
    assert main(["lint", "errors.json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "sphinx-awserrors lint: error: errors.json:1: JSON syntax error: the escape \\ud800 is "
        "half of a surrogate pair, not a character\n"
    )


# --- files of which no entry can be used ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "errors:\n  - just a string\n  - 42\n",
        "errors:\n  - code: A\n    stauts: 404\n    description: d\n",
        "errors: []\n",
        "errors:\n",
    ],
)
def test_own_files_without_a_usable_entry_are_fatal(tmp_path: Path, text: str) -> None:
    write(tmp_path / "errors.yaml", text)
    result = load_catalogue(["errors.yaml"], tmp_path)
    assert len(result.catalogue) == 0
    assert result.problems
    assert result.fatal
    # beside the bundled catalogue, the build still has codes to show
    assert not load_catalogue(["bundled", "errors.yaml"], tmp_path).fatal


@pytest.mark.parametrize("text", ["errors: []\n", "errors:\n", "errors:\n# no entry yet\n"])
def test_empty_errors_list_is_one_finding_whatever_its_spelling(tmp_path: Path, text: str) -> None:
    # `errors:` and `errors: []` are the same empty list: the same problem, the same exit status
    _, problems = load_file(write(tmp_path / "errors.yaml", text))
    assert [(p.line, p.message, p.fatal) for p in problems] == [
        (1, "'errors' is empty; add at least one entry", False)
    ]


def test_build_with_only_malformed_entries_gives_the_one_error(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-catalogue-incremental", src)
    write(
        src / "errors.yaml", "errors:\n  - code: NoSuchKey\n    status: '404'\n    description: d\n"
    )
    (src / "index.rst").write_text(
        "Index\n=====\n\n:awserr:`NoSuchKey`\n\n.. aws-error-table::\n", encoding="utf-8"
    )
    app = make_app("html", srcdir=src)
    app.build()
    warnings = app._warning.getvalue()
    assert "'status' must be an integer, not the string '404'" in warnings
    assert f"ERROR: no error code could be loaded from {src / 'errors.yaml'}" in warnings
    # the one error, not a warning per table and reference after it
    assert "unknown AWS error code" not in warnings
    assert "no catalogue entry matches" not in warnings
    assert buildstate.catalogue_unusable(app.env)


# --- TOML lines of sub-tables and of inline entries without a code ---------------------------


def test_toml_subtable_of_an_entry_points_at_its_header(tmp_path: Path) -> None:
    path = write(
        tmp_path / "errors.toml",
        """
        [[errors]]
        code = "A"
        status = 404
        description = "d"
        [[errors.tags]]
        name = "s3"

        [[errors]]
        code = "B"
        status = 404
        description = "e"

        [errors.owner]
        team = "storage"
        """,
    )
    entries, problems = load_file(path)
    assert [e.code for e in entries] == ["A", "B"]
    assert [(p.line, p.message) for p in problems] == [
        (5, "entry 1 (A): 'tags' must be a list of non-empty strings, such as [s3]; it is ignored"),
        (
            13,
            "entry 2 (B) has an unknown key 'owner' "
            "(allowed: code, status, description, tags, see_also, ignore)",
        ),
    ]


def test_toml_inline_entry_without_a_code_points_at_its_own_line(tmp_path: Path) -> None:
    path = write(
        tmp_path / "errors.toml",
        """
        errors = [
          {status = 404, description = "w"},
          {code = "A", status = 404, description = "x"},
          {status = 404, description = "v"},
          {code = 5, status = 404, description = "u"},
        ]
        """,
    )
    _, problems = load_file(path)
    assert [(p.line, p.message) for p in problems] == [
        (2, "entry 1 has no 'code'; add the error code, such as code: NoSuchKey"),
        (4, "entry 3 has no 'code'; add the error code, such as code: NoSuchKey"),
        (5, "entry 4: 'code' must be a string, not an integer (5)"),
    ]


# --- awserrors_catalogue given as pathlib.Path ----------------------------------------------


@pytest.mark.parametrize("as_list", [False, True])
def test_catalogue_setting_may_be_a_pathlib_path(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, as_list: bool
) -> None:
    # conf.py often writes Path(__file__).parent / "errors.yaml": it was rejected with
    # "must be a path ... not PosixPath(...)" and the bundled catalogue was used instead
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-catalogue-incremental", src)
    path = src / "errors.yaml"
    value: object = ["bundled", path] if as_list else path
    app = make_app("html", srcdir=src, confoverrides={"awserrors_catalogue": value})
    app.build()
    warnings = app._warning.getvalue()
    assert "awserrors_catalogue" not in warnings, warnings
    codes = buildstate.get_catalogue(app.env).codes
    assert "SlowDown" in codes
    assert ("AccessDenied" in codes) is as_list  # the bundled catalogue only when listed


# --- list-of-names settings given as one string -------------------------------------------


def test_check_and_word_settings_given_as_one_string(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-catalogue-incremental", src)
    write(
        src / "errors.yaml",
        """
        errors:
          - code: NoSuchKey
            status: 400
            description: The frobnicatr key does not exist
        """,
    )
    app = make_app(
        "html",
        srcdir=src,
        confoverrides={"awserrors_checks": "spelling", "awserrors_spelling_words": "frobnicatr"},
    )
    app.build()
    warnings = app._warning.getvalue()
    # Sphinx warns about the types; the extension reads each string as one name
    assert "unknown check 's'" not in warnings
    assert "[awserrors.status]" not in warnings  # only spelling runs
    assert "frobnicatr" not in warnings  # the word is accepted


# --- UTF-16 files --------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_file_is_named_as_such(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "errors.yaml"
    text = "errors:\n  - code: A\n    status: 404\n    description: d\n"
    bom = "\ufeff" if encoding == "utf-16-be" else ""  # the utf-16 codec writes its own
    path.write_bytes((bom + text).encode(encoding))
    entries, problems = load_file(path)
    assert entries == []
    assert [(p.line, p.message, p.fatal) for p in problems] == [
        (
            1,
            "not UTF-8 text: UTF-16 (the file starts with a UTF-16 byte-order mark); "
            "save the file as UTF-8",
            True,
        )
    ]


# --- line numbers after a string holding U+2028, U+2029 or NEL ------------------------------


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85"])
@pytest.mark.parametrize(
    ("suffix", "text"),
    [
        (
            ".yaml",
            'errors:\n  - code: A\n    status: 404\n    description: "a{c}b"\n'
            "  - code: B\n    status: '404'\n    description: x\n",
        ),
        (
            ".toml",
            '[[errors]]\ncode = "A"\nstatus = 404\ndescription = "a{c}b"\n\n'
            '[[errors]]\ncode = "B"\nstatus = "404"\ndescription = "x"\n',
        ),
        (
            ".json",
            '{{"errors": [\n{{"code": "A", "status": 404, "description": "a{c}b"}},\n'
            '{{"code": "B",\n "status": "404", "description": "x"}}]}}\n',
        ),
    ],
)
def test_lines_count_only_line_ends(tmp_path: Path, char: str, suffix: str, text: str) -> None:
    # YAML (and str.splitlines) also break lines at these characters; editors do not
    path = tmp_path / f"errors{suffix}"
    content = text.format(c=char)
    path.write_text(content, encoding="utf-8")
    entries, problems = load_file(path)
    assert [e.code for e in entries] == ["A"]
    expected = content.split("\n").index(
        next(line for line in content.split("\n") if '"404"' in line or "'404'" in line)
    )
    assert [p.line for p in problems] == [expected + 1]
    if not (suffix == ".yaml" and char == "\x85"):  # YAML folds a NEL in a string to a space
        assert entries[0].description == f"a{char}b"


def test_yaml_syntax_error_line_after_a_line_separator(tmp_path: Path) -> None:
    path = write(
        tmp_path / "errors.yaml",
        'errors:\n  - code: A\n    status: 404\n    description: "a\u2028b"\n'
        "  - code: B\n    status: [404\n    description: x\n",
    )
    _, problems = load_file(path)
    assert [(p.line, p.fatal) for p in problems] == [(7, True)]


def test_build_gives_the_loader_warnings_of_a_file_in_line_order(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-catalogue-incremental", src)
    write(
        src / "errors.yaml",
        """
        errors:
          - code: NoSuchKey
            status: 404
            description: d
            owner: me
        erors: 1
        """,
    )
    app = make_app("html", srcdir=src)
    app.build()
    lines = [
        line for line in app._warning.getvalue().splitlines() if "[awserrors.catalogue]" in line
    ]
    assert [line.split(": WARNING")[0].rsplit(":", 1)[1] for line in lines] == ["5", "6"]
