"""Hostile inputs against the loaders and the command line: no traceback, no hang, nothing lost.

Families (issue 13): data loss (an output over an input), values that made the loaders raise,
inputs that are not regular files, paths the operating system refuses, and CLI misuse. Each
input must give one clear, located message and the documented exit status, and write nothing.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from sphinx_awserrors.catalogue import load_file, safe_io
from sphinx_awserrors.checks.settings import SettingsError, load_settings
from sphinx_awserrors.cli import main

GOOD_YAML = "errors:\n  - code: NoSuchKey\n    status: 404\n    description: The key is missing.\n"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# --- data loss ---------------------------------------------------------------------------


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    path = tmp_path / "errors.yaml"
    path.write_text(GOOD_YAML, encoding="utf-8")
    return path


def _links(catalogue: Path) -> dict[str, Path]:
    symlink = catalogue.with_name("link.yaml")
    symlink.symlink_to(catalogue.name)
    hardlink = catalogue.with_name("hard.yaml")
    os.link(catalogue, hardlink)
    dotted = catalogue.parent / "." / catalogue.name
    return {"same": catalogue, "symlink": symlink, "hardlink": hardlink, "dotted": dotted}


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink", "dotted"])
@pytest.mark.parametrize(
    "command",
    [
        ["export", "{input}", "-o", "{output}"],
        ["export", "{input}", "--format", "csv", "-o", "{output}"],
    ],
)
def test_export_refuses_to_write_over_its_input(
    catalogue: Path, how: str, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    output = _links(catalogue)[how]
    before = catalogue.read_bytes()
    argv = [part.format(input=catalogue, output=output) for part in command]
    code, out, err = run(argv, capsys)
    assert code == 2
    assert "refusing to write over it" in one_line(err)
    assert catalogue.read_bytes() == before
    assert out == ""


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink"])
def test_import_refuses_to_write_over_its_input(
    tmp_path: Path, how: str, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "legacy.md"
    table.write_text(
        "| Code | Status | Description |\n|---|---|---|\n| NoSuchKey | 404 | Missing. |\n",
        encoding="utf-8",
    )
    # an output with a catalogue suffix that is the input file under another name
    target = {"same": tmp_path / "legacy.md", "symlink": tmp_path / "out.yaml"}.get(how)
    if how == "symlink":
        (tmp_path / "out.yaml").symlink_to(table)
    if how == "hardlink":
        target = tmp_path / "hard.json"
        os.link(table, target)
    before = table.read_bytes()
    code, _out, err = run(["import-md", str(table), "-o", str(target)], capsys)
    assert code == 2
    assert table.read_bytes() == before
    assert "sphinx-awserrors import-md" in one_line(err)


def test_write_keeps_mode_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    safe_io.write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_failed_write_leaves_the_target_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.yaml"
    target.write_text("precious", encoding="utf-8")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(safe_io.FileProblem, match="no space left"):
        safe_io.write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.yaml"]


def test_symlinked_output_is_written_through_to_its_file(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    safe_io.write_text(link, "new")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"


# --- not a regular file: no hang, no unbounded read ------------------------------------------


@pytest.mark.parametrize("suffix", [".yaml", ".toml", ".json", ".rst", ".md"])
def test_fifo_input_is_refused_at_once(tmp_path: Path, suffix: str) -> None:
    fifo = tmp_path / f"pipe{suffix}"
    os.mkfifo(fifo)
    # in a subprocess with a timeout: a regression must fail the test, not hang the suite
    proc = subprocess.run(
        [sys.executable, "-m", "sphinx_awserrors", "lint", str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2
    assert "named pipe" in one_line(proc.stderr)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_device_behind_a_catalogue_name_is_refused(
    tmp_path: Path, device: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if not Path(device).exists():
        pytest.skip(f"{device} is not on this system")
    link = tmp_path / "errors.yaml"
    link.symlink_to(device)
    entries, problems = load_file(link)
    assert entries == []
    assert len(problems) == 1
    assert problems[0].fatal
    assert "character device" in problems[0].message


def test_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as stream:
        stream.truncate(safe_io.MAX_BYTES + 1)  # sparse: costs no disk
    _entries, problems = load_file(big)
    assert "larger than" in problems[0].message


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda d: d / "loop.yaml", "symbolic link loop"),
        (lambda d: d / ("x" * 5000 + ".yaml"), "too long"),
        (lambda d: d / "nul\0byte.yaml", "NUL"),
        (lambda d: d / "missing" / "errors.yaml", "not found"),
    ],
    ids=["symlink-loop", "too-long", "nul", "missing-folder"],
)
def test_paths_the_system_refuses(tmp_path: Path, make: object, reason: str) -> None:
    (tmp_path / "loop.yaml").symlink_to("loop2.yaml")
    (tmp_path / "loop2.yaml").symlink_to("loop.yaml")
    path = make(tmp_path)  # type: ignore[operator]
    entries, problems = load_file(path)
    assert entries == []
    assert len(problems) == 1
    assert reason in problems[0].message


def test_pyproject_that_is_a_fifo_is_a_settings_error(tmp_path: Path) -> None:
    fifo = tmp_path / "pyproject.toml"
    os.mkfifo(fifo)
    with pytest.raises(SettingsError, match="named pipe"):
        load_settings(fifo)


# --- values the parsers raised on --------------------------------------------------------

RAISING_VALUES = {
    "bool-tag": ("yaml", "errors:\n  - code: A\n    status: !!bool maybe\n    description: x\n", 3),
    "empty-float": ("yaml", "errors:\n  - code: A\n    status: !!float\n    description: x\n", 3),
    "bad-int-tag": ("yaml", "errors:\n  - code: A\n    status: !!int 0x\n    description: x\n", 3),
    "bad-timestamp": (
        "yaml",
        "errors:\n  - code: A\n    status: !!timestamp 2020-13-45\n    description: x\n",
        3,
    ),
    "long-int-yaml": (
        "yaml",
        "errors:\n  - code: A\n    status: " + "9" * 5000 + "\n    description: x\n",
        3,
    ),
    "long-int-json": (
        "json",
        '{"errors": [\n{"code": "A",\n "status": ' + "9" * 5000 + ',\n "description": "x"}]}',
        None,
    ),
    "long-negative-int-json": (
        "json",
        '{"errors": [{"code": "A", "status": -' + "9" * 5000 + ', "description": "x"}]}',
        None,
    ),
    "long-int-toml": (
        "toml",
        '[[errors]]\ncode = "A"\nstatus = ' + "9" * 5000 + '\ndescription = "x"\n',
        3,
    ),
    "deep-toml-array": ("toml", "a = " + "[" * 5000 + "]" * 5000 + "\n", None),
    "deep-toml-table": ("toml", "a = " + "{b=" * 3000 + "1" + "}" * 3000 + "\n", None),
    "deep-json": ("json", "[" * 100_000 + "]" * 100_000, None),
    "deep-yaml": ("yaml", "[" * 100_000 + "]" * 100_000, None),
}


@pytest.mark.parametrize("name", sorted(RAISING_VALUES))
def test_values_that_made_a_parser_raise_are_located_problems(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    fmt, text, line = RAISING_VALUES[name]
    path = tmp_path / f"errors.{fmt}"
    path.write_text(text, encoding="utf-8")
    entries, problems = load_file(path)
    assert entries == []
    assert problems, name
    if line is not None:
        assert problems[0].line == line
    # the message never quotes thousands of digits back
    assert all(len(p.message) < 300 for p in problems)
    code, _out, err = run(["lint", str(path)], capsys)
    assert code in (1, 2)
    assert "Traceback" not in err


def test_deep_pyproject_table_is_a_settings_error(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        "[tool.sphinx-awserrors]\nselect = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8"
    )
    with pytest.raises(SettingsError, match="nested too deeply"):
        load_settings(pyproject)


@pytest.mark.parametrize("ending", ["\r", "\r\n", "\n"], ids=["cr", "crlf", "lf"])
def test_json_lines_count_every_line_ending(tmp_path: Path, ending: str) -> None:
    lines = ["{", '"errors": [', '{"code": "A",', ' "status": "x",', ' "description": "d"}]}']
    path = tmp_path / "errors.json"
    path.write_bytes(ending.join(lines).encode())
    _entries, problems = load_file(path)
    assert [p.line for p in problems] == [4]
    broken = tmp_path / "broken.json"
    broken.write_bytes(ending.join(["{", '"errors": [', "{,}]}"]).encode())
    _entries, problems = load_file(broken)
    assert problems[0].line == 3


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x9b"])
def test_control_character_in_a_description_is_reported_not_dropped(
    tmp_path: Path, char: str
) -> None:
    path = tmp_path / "errors.json"
    text = f"The key{char} is missing."
    path.write_text(
        json.dumps({"errors": [{"code": "A", "status": 404, "description": text}]}),
        encoding="utf-8",
    )
    entries, problems = load_file(path)
    assert len(problems) == 1
    assert f"U+{ord(char):04X}" in problems[0].message
    assert problems[0].field == "description"
    assert entries[0].description == "The key\N{REPLACEMENT CHARACTER} is missing."


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\u200b", "\u202e", "\t"])
def test_control_or_invisible_character_in_a_code_refuses_the_entry(
    tmp_path: Path, char: str
) -> None:
    path = tmp_path / "errors.json"
    code = f"No{char}SuchKey"
    path.write_text(
        json.dumps({"errors": [{"code": code, "status": 404, "description": "d"}]}),
        encoding="utf-8",
    )
    entries, problems = load_file(path)
    assert entries == []
    assert f"U+{ord(char):04X}" in problems[0].message
    assert char not in problems[0].message  # never echoed raw to a terminal


@pytest.mark.parametrize("separator", ["\x85", "\u2028", "\u2029"])
def test_unicode_line_separators_inside_values_load(tmp_path: Path, separator: str) -> None:
    path = tmp_path / "errors.json"
    path.write_text(
        json.dumps(
            {"errors": [{"code": "A", "status": 404, "description": f"one{separator}two"}]},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    entries, problems = load_file(path)
    assert problems == []
    assert entries[0].description == f"one{separator}two"


# --- CLI misuse ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["lint", "-"],
        ["export", "-"],
        ["import-rst", "-"],
        ["export", "bundled", "--format", "xml"],
        ["lint", "bundled", "--format", "yaml"],
        ["export", "bundled", "--status", "9xx"],
        ["export", "bundled", "-o", "/dev/full"],
        ["export", "bundled", "-o", "{tmp}"],
        ["export", "{tmp}"],
        ["lint", "{tmp}/none.yaml"],
        ["import-md", "{tmp}"],
        ["no-such-command"],
    ],
)
def test_cli_misuse_is_one_line_and_exit_2(
    tmp_path: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [part.format(tmp=tmp_path) for part in argv]
    code, out, err = run(argv, capsys)
    assert code == 2
    assert out == ""
    line = one_line(err)
    assert line.startswith("sphinx-awserrors")
    assert list(tmp_path.iterdir()) == []


def test_closed_stdout_pipe_is_one_line() -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader went away before anything was written (`| head` done)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "sphinx_awserrors", "export", "bundled", "--format", "csv"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert proc.returncode == 2
    assert "standard output was closed" in one_line(proc.stderr)


@pytest.mark.parametrize("separator", ["\x85", "\u2028", "\u2029"])
def test_yaml_error_at_the_end_after_a_line_separator(tmp_path: Path, separator: str) -> None:
    # found by the fuzzer: the C parser put the error one line past the last, an IndexError
    path = tmp_path / "errors.yaml"
    path.write_text(f"a: b{separator}" + "[" * 50, encoding="utf-8")
    entries, problems = load_file(path)
    assert entries == []
    assert problems[0].line == 1
