"""``[tool.sphinx-awserrors]``: the settings the command line and the docs build share, where
their messages point, and ``catalogue`` in ``select`` / ``ignore``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from support_paths import PROJECT

from sphinx_awserrors.checks import select_checks
from sphinx_awserrors.checks.registry import Settings
from sphinx_awserrors.checks.settings import (
    ProjectSettings,
    SettingsError,
    find_pyproject,
    load_settings,
)
from sphinx_awserrors.cli import main

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp


TABLE = """\
[project]
name = "demo"

[tool.sphinx-awserrors]
spelling-words = ["Zenko", "Vault"]
select = ["spelling", "status"]
ignore = ["order"]
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_every_key(tmp_path: Path) -> None:
    pyproject = write(tmp_path / "pyproject.toml", TABLE)
    loaded = load_settings(pyproject)
    assert loaded == ProjectSettings(
        settings=Settings(spelling_words=frozenset({"Zenko", "Vault"})),
        select=("spelling", "status"),
        ignore=("order",),
        source=pyproject,
    )


def test_nearest_pyproject_with_the_table_is_found_from_a_subdirectory(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", TABLE)
    # a nested project without the table does not hide the outer one
    write(tmp_path / "docs" / "pyproject.toml", "[project]\nname = 'docs'\n")
    start = tmp_path / "docs" / "source"
    start.mkdir()
    assert find_pyproject(start) == tmp_path / "pyproject.toml"
    assert load_settings(start).select == ("spelling", "status")


def test_no_pyproject_gives_the_defaults(tmp_path: Path) -> None:
    # tmp_path has no pyproject.toml above it that names the table (pytest's own temp dirs)
    loaded = load_settings(tmp_path)
    assert loaded.select is None
    assert loaded.ignore == ()
    assert loaded.settings == Settings()


def test_explicit_file_without_the_table(tmp_path: Path) -> None:
    pyproject = write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    assert load_settings(pyproject) == ProjectSettings(source=pyproject)


def test_missing_explicit_file(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match=r"nope\.toml: file not found"):
        load_settings(tmp_path / "nope.toml")


def test_unknown_key_names_line_and_suggestion(tmp_path: Path) -> None:
    pyproject = write(
        tmp_path / "pyproject.toml", "[tool.sphinx-awserrors]\nselect = []\nignroe = []\n"
    )
    with pytest.raises(SettingsError) as info:
        load_settings(pyproject)
    assert str(info.value) == (
        f"{pyproject}:3: unknown key 'ignroe' in [tool.sphinx-awserrors]; did you mean 'ignore'?"
    )


def test_wrong_type_names_line(tmp_path: Path) -> None:
    pyproject = write(
        tmp_path / "pyproject.toml", '[tool.sphinx-awserrors]\n\nspelling-words = "Zenko"\n'
    )
    with pytest.raises(SettingsError) as info:
        load_settings(pyproject)
    assert str(info.value) == (
        f"{pyproject}:3: 'spelling-words' must be a list of strings, such as [\"...\"]"
    )


def test_syntax_error(tmp_path: Path) -> None:
    pyproject = write(tmp_path / "pyproject.toml", "[tool.sphinx-awserrors\n")
    # file:line first, as for every other settings message
    with pytest.raises(SettingsError, match=r"pyproject\.toml:1: TOML syntax error: [^(]*$"):
        load_settings(pyproject)


def test_conf_values_extend_pyproject(tmp_path: Path) -> None:
    loaded = load_settings(write(tmp_path / "pyproject.toml", TABLE))
    extended = loaded.extended(spelling_words=["Ceph"], ignore=["style"])
    assert extended.settings.spelling_words == {"Zenko", "Vault", "Ceph"}
    assert extended.select == ("spelling", "status")
    assert extended.ignore == ("order", "style")
    # a selection from conf.py replaces the pyproject one; ignore still applies
    assert loaded.extended(select=["grammar"]).select == ("grammar",)
    assert loaded.extended(select=None).select == ("spelling", "status")


def test_the_projects_own_pyproject_is_valid() -> None:
    root = PROJECT
    loaded = load_settings(root / "pyproject.toml")
    assert loaded.source == root / "pyproject.toml"


# ruff's table comes first with keys of the same names: a message must not point at them
RUFF_FIRST = """\
[project]
name = "x"

[tool.ruff.lint]
select = ["ALL"]
ignore = ["D"]

[tool.sphinx-awserrors]
spelling-words = ["Zenko"]
{body}

[tool.other]
select = 1
"""


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('select = "spelling"', "10: 'select' must be a list of strings, such as [\"...\"]"),
        (
            'select = ["spelling"]\nignore = ["orderr"]',
            "11: 'ignore' names 'orderr', which is not a check; did you mean 'order'?",
        ),
        (
            'select = ["spelin", "status"]',
            "10: 'select' names 'spelin', which is not a check; did you mean 'spelling'?",
        ),
        ('"ignore" = "order"', "10: 'ignore' must be a list of strings"),
    ],
)
def test_messages_point_into_the_table_not_at_another_tools_keys(
    tmp_path: Path, body: str, message: str
) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(RUFF_FIRST.format(body=body), encoding="utf-8")
    with pytest.raises(SettingsError) as info:
        load_settings(pyproject)
    assert str(info.value).startswith(f"{pyproject}:{message}")


def test_dotted_keys_are_found_too(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[tool.ruff]\nselect = ["E"]\n\n[tool]\nsphinx-awserrors.select = "x"\n', encoding="utf-8"
    )
    with pytest.raises(SettingsError) as info:
        load_settings(pyproject)
    assert str(info.value).startswith(f"{pyproject}:5: 'select' must be a list")


def test_valid_names_load(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        RUFF_FIRST.format(body='select = ["spelling", "status"]\nignore = ["order"]'),
        encoding="utf-8",
    )
    loaded = load_settings(pyproject)
    assert loaded.select == ("spelling", "status")
    assert loaded.ignore == ("order",)


def test_lint_names_the_pyproject_line_of_an_unknown_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("pyproject.toml").write_text(
        RUFF_FIRST.format(body='ignore = ["orderr"]'), encoding="utf-8"
    )
    Path("errors.yaml").write_text(
        "errors:\n  - code: A\n    status: 400\n    description: d\n", encoding="utf-8"
    )
    assert main(["lint", "errors.yaml"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(
        f"sphinx-awserrors lint: error: {tmp_path.resolve() / 'pyproject.toml'}:10: 'ignore' "
        "names 'orderr', which is not a check; did you mean 'order'?"
    )
    assert len(err.splitlines()) == 1


def test_build_names_the_pyproject_line_of_an_unknown_check(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        RUFF_FIRST.format(body='select = ["spelin"]'), encoding="utf-8"
    )
    src = tmp_path / "docs"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["sphinx_awserrors"]\nawserrors_catalogue = "errors.yaml"\n',
        encoding="utf-8",
    )
    (src / "errors.yaml").write_text(
        "errors:\n  - code: NoSuchKey\n    status: 404\n    description: d\n", encoding="utf-8"
    )
    (src / "index.rst").write_text("Index\n=====\n", encoding="utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    warnings = app._warning.getvalue()
    assert (
        f"{tmp_path / 'pyproject.toml'}:10: 'select' names 'spelin', which is not a check; "
        "did you mean 'spelling'?"
    ) in warnings
    assert "[awserrors.config]" in warnings


# an entry the loader leaves out (no status), and a spelling slip in a good one
ERRORS = (
    "errors:\n"
    "  - code: NoStatus\n"
    "    description: The request is not valid\n"
    "  - code: NoSuchKey\n"
    "    status: 404\n"
    "    description: The key does not exsit\n"
)


def _project(tmp_path: Path, table: str) -> None:
    (tmp_path / "pyproject.toml").write_text(
        f"[tool.sphinx-awserrors]\n{table}\n", encoding="utf-8"
    )
    (tmp_path / "errors.yaml").write_text(ERRORS, encoding="utf-8")


def test_pyproject_ignore_catalogue_is_lint_ignore_catalogue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    _project(tmp_path, 'ignore = ["catalogue"]')
    assert load_settings(tmp_path).ignore == ("catalogue",)
    assert main(["lint", "--format", "json", "errors.yaml"]) == 1
    captured = capsys.readouterr()
    assert captured.err == ""
    assert '"check": "catalogue"' not in captured.out
    assert '"check": "spelling"' in captured.out
    # the same as on the command line
    (tmp_path / "pyproject.toml").unlink()
    assert main(["lint", "--format", "json", "--ignore", "catalogue", "errors.yaml"]) == 1
    assert '"check": "catalogue"' not in capsys.readouterr().out


def test_pyproject_select_catalogue_runs_no_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    _project(tmp_path, 'select = ["catalogue"]')
    assert main(["lint", "errors.yaml"]) == 1
    out = capsys.readouterr().out
    assert "errors.yaml:2: catalogue:" in out
    assert "spelling" not in out


def test_misspelt_catalogue_is_still_unknown(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown check 'catalog'; did you mean 'catalogue'"):
        select_checks(ignore=["catalog"])
    assert [c.name for c in select_checks(["catalogue", "status"])] == ["status"]


def test_build_accepts_catalogue_in_pyproject_and_awserrors_checks(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    _project(tmp_path, 'ignore = ["catalogue"]')
    (tmp_path / "conf.py").write_text(
        'extensions = ["sphinx_awserrors"]\nawserrors_catalogue = "errors.yaml"\n'
        'awserrors_checks = ["catalogue", "spelling"]\n'
        'suppress_warnings = ["awserrors.catalogue"]\n',
        encoding="utf-8",
    )
    (tmp_path / "index.rst").write_text("Index\n=====\n", encoding="utf-8")
    app = make_app("html", srcdir=tmp_path)
    app.build()
    warnings = app._warning.getvalue()
    assert "unknown check" not in warnings
    assert "not a check" not in warnings
    assert "[awserrors.catalogue]" not in warnings
    assert "exsit" in warnings
