"""QA regressions of ``[tool.sphinx-awserrors]``: where its messages point, what they check."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from sphinx_awserrors.checks.settings import SettingsError, load_settings
from sphinx_awserrors.cli import main

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp

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
