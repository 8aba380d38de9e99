"""The reference pages agree with the code: settings, warning subtypes, command-line options.

Each test reads a page of ``docs/`` and the matching registry of the code, so a setting, a
subtype or an option added on one side only fails here instead of reaching a reader.
"""

from __future__ import annotations

import argparse
import re
import runpy
import shlex
import shutil
import subprocess
import sys
import warnings
from pathlib import Path, PurePath
from unittest import mock

import pytest
from babel.messages.pofile import read_po

import sphinx_awserrors
from sphinx_awserrors import cli
from sphinx_awserrors.checks import REGISTRY
from sphinx_awserrors.sphinxext._logging import SUBTYPES

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

_CONFVAL = re.compile(
    r"^\.\. confval:: (\S+)\n   :type: ``(.+?)``\n   :default: ``(.+?)``$", re.MULTILINE
)
_PROGRAM = re.compile(r"^\.\. program:: sphinx-awserrors (\S+)$", re.MULTILINE)
_OPTION = re.compile(r"^\.\. option:: (.+)$", re.MULTILINE)
_TYPES = {
    str: "str",
    list: "list",
    tuple: "list",
    type(None): "None",
    bool: "bool",
    PurePath: "os.PathLike",
    type(Path()): "os.PathLike",
}


def _registered_settings() -> dict[str, tuple[object, set[str]]]:
    """name -> (default, type names) of every ``app.add_config_value`` of ``setup()``."""
    found: dict[str, tuple[object, set[str]]] = {}

    def add_config_value(name: str, default: object, rebuild: str, types: set[type]) -> None:
        assert name not in found, f"{name} registered twice"
        found[name] = (default, {_TYPES[t] for t in types})

    app = mock.MagicMock()
    app.add_config_value.side_effect = add_config_value
    app.config.__contains__.side_effect = lambda name: name in found
    sphinx_awserrors.setup(app)
    return found


def _documented_settings() -> dict[str, tuple[str, str]]:
    text = (DOCS / "configuration.rst").read_text(encoding="utf-8")
    return {name: (types, default) for name, types, default in _CONFVAL.findall(text)}


def test_every_setting_is_documented_with_its_default_and_type() -> None:
    registered = _registered_settings()
    documented = _documented_settings()
    assert sorted(documented) == sorted(registered)
    for name, (default, types) in registered.items():
        doc_types, doc_default = documented[name]
        assert doc_default == repr(default).replace("'", '"'), name
        # `list[str] | None` documents the types list and None; a tuple is accepted as a list
        assert {t.split("[")[0].strip() for t in doc_types.split("|")} == types, name


def test_every_warning_subtype_is_listed_where_readers_look_to_silence_it() -> None:
    text = (DOCS / "howto" / "silence-a-warning.rst").read_text(encoding="utf-8")
    listed = set(re.findall(r"``awserrors\.([a-z-]+)``", text))
    assert listed == set(SUBTYPES) | set(REGISTRY)


def _documented_options() -> dict[str, set[str]]:
    """command -> the flags of its ``.. option::`` entries in the cli pages."""
    options: dict[str, set[str]] = {}
    for page in DOCS.glob("cli-*.rst"):
        parts = _PROGRAM.split(page.read_text(encoding="utf-8"))
        for command, body in zip(parts[1::2], parts[2::2], strict=True):
            flags = options.setdefault(command, set())
            for spec in _OPTION.findall(body):
                flags.update(re.findall(r"(?<![\w-])--?[a-z][\w-]*", spec))
    return options


def _parser_options() -> dict[str, set[str]]:
    parser = cli.get_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {
        name: {
            flag
            for action in sub._actions
            for flag in action.option_strings
            if flag not in ("-h", "--help")
        }
        for name, sub in commands.choices.items()
    }


def test_every_command_line_option_is_documented_and_exists() -> None:
    assert _documented_options() == _parser_options()


def test_docs_conf_hides_the_deprecations_of_sphinx_autodoc_typehints_only() -> None:
    """``make demo`` printed 20 ``RemovedInSphinx10Warning`` lines of sphinx-autodoc-typehints.

    Whether a build prints them varies from run to run (Sphinx and docutils reset the warning
    filters many times while reading), so the filter that ``docs/conf.py`` installs is checked
    directly: it drops that extension's deprecations and keeps everyone else's.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        runpy.run_path(str(DOCS / "conf.py"))
        for module in (
            "sphinx_autodoc_typehints._parser",
            "sphinx_awserrors.sphinxext.domain",
            "sphinx",
        ):
            warnings.warn_explicit(
                f"{module} is deprecated", DeprecationWarning, f"{module}.py", 30, module=module
            )
    assert [str(w.message) for w in caught] == [
        "sphinx_awserrors.sphinxext.domain is deprecated",
        "sphinx is deprecated",
    ]


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_readme_interpreter_override_reaches_the_venv(tmp_path: Path) -> None:
    """The README tells users whose ``python3`` is too old to run ``make demo PYTHON=...``."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo PYTHON=python3.12" in readme
    venv = tmp_path / "venv"
    proc = subprocess.run(
        [
            "make",
            "-n",
            "--no-print-directory",
            "-C",
            str(ROOT),
            "demo",
            "PYTHON=python3.12",
            f"VENV={venv}",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert proc.stdout.splitlines()[0] == f"python3.12 -m venv {venv}"


def _translate_commands() -> list[list[str]]:
    """The ``pybabel`` commands of howto/translate.rst, continuation lines joined."""
    text = (DOCS / "howto" / "translate.rst").read_text(encoding="utf-8")
    joined = re.sub(r"\\\n\s*", "", text)
    return [
        shlex.split(line.split("$ ", 1)[1], comments=True)
        for line in joined.splitlines()
        if line.strip().startswith("$ pybabel ")
    ]


def test_translation_workflow_commands_run_and_reproduce_the_template(tmp_path: Path) -> None:
    """``pybabel update --no-location`` was documented; Babel has no such option (exit 2)."""
    commands = _translate_commands()
    assert [c[1] for c in commands] == ["extract", "init", "update", "compile"]
    shutil.copytree(ROOT / "sphinx_awserrors", tmp_path / "sphinx_awserrors")
    pot = Path("sphinx_awserrors", "locale", "sphinx_awserrors.pot")
    for command in commands:
        proc = subprocess.run(
            [sys.executable, "-m", "babel.messages.frontend", *command[1:]],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 0, (command, proc.stderr)

    def messages(path: Path) -> list[str]:
        with path.open("rb") as file:
            return [str(message.id) for message in read_po(file)]

    # the documented commands give the committed template: its messages and its header
    assert messages(tmp_path / pot) == messages(ROOT / pot)
    header = (tmp_path / pot).read_text(encoding="utf-8").split("msgid", 1)[0]
    assert "Translations template for sphinx-awserrors." in header
    assert "sphinx_awserrors developers" in header
    po = tmp_path / "sphinx_awserrors/locale/de/LC_MESSAGES/sphinx_awserrors.po"
    assert "#:" not in po.read_text(encoding="utf-8")  # no locations, as committed
    assert (tmp_path / "sphinx_awserrors/locale/es/LC_MESSAGES/sphinx_awserrors.mo").exists()
