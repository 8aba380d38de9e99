"""``[tool.sphinx-awserrors]``: the settings the command line and the docs build share."""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinx_awserrors.checks.registry import Settings
from sphinx_awserrors.checks.settings import (
    ProjectSettings,
    SettingsError,
    find_pyproject,
    load_settings,
)

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
    root = Path(__file__).resolve().parent.parent
    loaded = load_settings(root / "pyproject.toml")
    assert loaded.source == root / "pyproject.toml"
