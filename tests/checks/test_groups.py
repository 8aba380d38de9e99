"""Check groups: ``defects`` run by default, ``style`` on request, in the CLI, ``pyproject.toml``
and ``conf.py`` alike (as ruff's rule sets)."""

from __future__ import annotations

import json
import re
import shutil
from types import SimpleNamespace
from typing import TYPE_CHECKING

import pytest
from support_build import build, plain
from support_paths import ROOTS

from sphinx_awserrors.catalogue import Catalogue, load_file
from sphinx_awserrors.checks import REGISTRY, registry, run_checks, select_checks
from sphinx_awserrors.checks.registry import (
    ALL,
    GROUPS,
    expand_names,
    group_of,
    names_in_group,
)
from sphinx_awserrors.checks.settings import SettingsError, load_settings
from sphinx_awserrors.cli import main
from sphinx_awserrors.cli.lint import lint

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

#: Eleven entries sorted by code but one (order), all without a final stop but one (style),
#: and one doubled word (grammar, a defect).
SLIPS = "errors:\n" + "".join(
    f"  - code: {code}\n    status: {status}\n    description: {text}\n"
    for code, status, text in [
        ("AccessDenied", 403, "Access denied"),
        ("BadDigest", 400, "The Content-MD5 you specified did not match what we received"),
        ("BucketNotEmpty", 409, "The bucket you tried to delete is not empty"),
        ("EntityTooLarge", 400, "Your proposed upload exceeds the maximum allowed size"),
        ("InternalError", 500, "We encountered an internal error. Please try again."),
        ("InvalidBucketName", 400, "The specified bucket is not valid"),
        ("NoSuchBucket", 404, "The specified bucket does not exist"),
        ("NoSuchKey", 404, "The the specified key does not exist"),
        ("AccountProblem", 403, "There is a problem with your account"),
        ("NoSuchUpload", 404, "The specified multipart upload does not exist"),
        ("SlowDown", 503, "Reduce your request rate"),
    ]
)


@pytest.fixture
def slips(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The catalogue :data:`SLIPS` in an empty directory (no pyproject.toml applies)."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "errors.yaml"
    path.write_text(SLIPS, encoding="utf-8")
    return path


def _checks_found(path: Path, *options: str, capsys: pytest.CaptureFixture[str]) -> set[str]:
    main(["lint", "--format", "json", *options, str(path)])
    return {f["check"] for f in json.loads(capsys.readouterr().out)}


def test_every_check_has_a_group_and_opinions_are_style() -> None:
    assert {group_of(chk) for chk in REGISTRY.values()} <= set(GROUPS)
    assert {"style", "order"} <= set(names_in_group("style"))
    for name in ("spelling", "grammar", "status", "duplicate-code", "whitespace"):
        assert group_of(REGISTRY[name]) == "defects"


def test_group_falls_back_to_the_table_for_an_untagged_check() -> None:
    def untagged(name: str) -> object:
        return SimpleNamespace(name=name, summary="", scope="file", function=None)

    assert group_of(untagged("order")) == "style"  # type: ignore[arg-type]
    assert group_of(untagged("spelling")) == "defects"  # type: ignore[arg-type]


def test_default_selection_is_the_defects_group() -> None:
    chosen = {c.name for c in select_checks()}
    assert chosen == set(names_in_group("defects"))
    assert not chosen & set(names_in_group("style"))


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        (["style"], [], lambda: set(names_in_group("style"))),
        ([ALL], [], lambda: set(REGISTRY)),
        ([ALL], ["style"], lambda: set(names_in_group("defects"))),
        (["defects", "order"], [], lambda: {*names_in_group("defects"), "order"}),
        (["defects"], ["spelling"], lambda: set(names_in_group("defects")) - {"spelling"}),
        (["spelling"], [], lambda: {"spelling"}),
    ],
)
def test_select_and_ignore_take_groups_and_names(
    select: list[str], ignore: list[str], expected: Callable[[], set[str]]
) -> None:
    assert {c.name for c in select_checks(select, ignore)} == expected()


def test_style_names_the_group_which_holds_the_check_style() -> None:
    assert "style" in expand_names(["style"])
    assert set(expand_names(["style"])) == set(names_in_group("style"))


def test_unknown_name_lists_groups_and_suggests() -> None:
    with pytest.raises(ValueError, match=r"unknown check 'defect'; did you mean 'defects'\?"):
        select_checks(["defect"])
    with pytest.raises(ValueError, match="all"):
        select_checks(["nonsense-name"])


def test_run_checks_reports_style_only_when_selected(slips: Path) -> None:
    entries, problems = load_file(slips)
    assert problems == []
    catalogue = Catalogue(tuple(entries))
    default = {f.check for f in run_checks(catalogue)}
    everything = {f.check for f in run_checks(catalogue, select=[ALL])}
    assert "grammar" in default
    assert not default & {"style", "order"}
    assert {"style", "order", "grammar"} <= everything


def test_cli_select_style_all_and_ignore(slips: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _checks_found(slips, capsys=capsys) == {"grammar"}
    assert _checks_found(slips, "--select", "style", capsys=capsys) == {"style", "order"}
    assert _checks_found(slips, "--select", "all", capsys=capsys) == {"style", "order", "grammar"}
    assert _checks_found(slips, "--select", "defects,order", capsys=capsys) == {"grammar", "order"}
    assert _checks_found(slips, "--select", "all", "--ignore", "style", capsys=capsys) == {
        "grammar"
    }


def test_list_checks_shows_each_group(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--list-checks"]) == 0
    rows = {line.split()[0]: line.split()[1] for line in capsys.readouterr().out.splitlines()}
    assert rows["order"] == "style"
    assert rows["spelling"] == "defects"


def test_pyproject_select_and_ignore_take_groups(
    slips: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pyproject = slips.parent / "pyproject.toml"
    pyproject.write_text('[tool.sphinx-awserrors]\nselect = ["all"]\n', encoding="utf-8")
    assert load_settings(pyproject).select == ("all",)
    assert _checks_found(slips, capsys=capsys) == {"style", "order", "grammar"}
    pyproject.write_text(
        '[tool.sphinx-awserrors]\nselect = ["all"]\nignore = ["style"]\n', encoding="utf-8"
    )
    assert _checks_found(slips, capsys=capsys) == {"grammar"}
    pyproject.write_text('[tool.sphinx-awserrors]\nselect = ["styel"]\n', encoding="utf-8")
    with pytest.raises(SettingsError, match=r"pyproject.toml:2: 'select' names 'styel'.*'style'"):
        load_settings(pyproject)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the incremental test root whose catalogue is :data:`SLIPS`."""
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-catalogue-incremental", src)
    (src / "errors.yaml").write_text(SLIPS, encoding="utf-8")
    return src


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({}, {"grammar"}),
        ({"awserrors_checks": ["style"]}, {"style", "order"}),
        ({"awserrors_checks": ["all"]}, {"style", "order", "grammar"}),
        ({"awserrors_checks": ["defects", "order"]}, {"grammar", "order"}),
        ({"awserrors_checks": ["all"], "awserrors_ignore_checks": ["style"]}, {"grammar"}),
    ],
)
def test_build_reports_the_selected_groups(
    make_app: Callable[..., SphinxTestApp],
    project: Path,
    overrides: dict[str, list[str]],
    expected: set[str],
) -> None:
    app, _ = build(make_app, project, confoverrides=overrides)
    warnings = plain(app._warning.getvalue())
    found = {name for name in REGISTRY if f"[awserrors.{name}]" in warnings}
    assert found == expected


def test_build_reports_an_unknown_ignored_name_under_its_setting(
    make_app: Callable[..., SphinxTestApp], project: Path
) -> None:
    app, _ = build(make_app, project, confoverrides={"awserrors_ignore_checks": ["stlye"]})
    warnings = plain(app._warning.getvalue())
    assert "awserrors_ignore_checks: unknown check 'stlye'; did you mean 'style'?" in warnings
    assert "[awserrors.config]" in warnings


def test_registry_groups_are_what_the_decorator_says(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "REGISTRY", {})

    @registry.check("opinion", scope="file", group="style")
    def opinion(ctx: registry.CheckContext) -> list[registry.Finding]:
        """An opinion."""
        return []

    @registry.check("slip", scope="file")
    def slip(ctx: registry.CheckContext) -> list[registry.Finding]:
        """A slip."""
        return []

    assert [c.name for c in registry.select_checks()] == ["slip"]
    assert [c.name for c in registry.select_checks(["style"])] == ["opinion"]


def _import_seed(seed_path: Path, src: Path) -> Path:
    """The seed imported afresh into the catalogue of a new project in *src*."""
    src.mkdir()
    (src / "conf.py").write_text(
        "extensions = ['sphinx_awserrors']\nawserrors_catalogue = 'errors.yaml'\n",
        encoding="utf-8",
    )
    (src / "index.rst").write_text("Errors\n======\n\n.. aws-error-table::\n", encoding="utf-8")
    assert main(["import-rst", str(seed_path), "-o", str(src / "errors.yaml")]) == 0
    return src / "errors.yaml"


def _subtypes(app: SphinxTestApp) -> set[str]:
    return set(re.findall(r"\[awserrors\.([\w-]+)\]", plain(app._warning.getvalue())))


def test_freshly_imported_seed_builds_warn_only_on_defects(
    make_app: Callable[..., SphinxTestApp], seed_path: Path, tmp_path: Path
) -> None:
    _import_seed(seed_path, tmp_path / "src")
    app, _ = build(make_app, tmp_path / "src")
    default = _subtypes(app)
    assert default, "the seed has real slips"
    assert default <= set(names_in_group("defects"))
    # the same table, style included: the six final stops and the rows out of order
    app, _ = build(make_app, tmp_path / "src", confoverrides={"awserrors_checks": ["all"]})
    assert {"style", "order"} <= _subtypes(app)


def test_lint_fix_puts_right_the_seeds_unambiguous_slip(
    seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    catalogue = _import_seed(seed_path, tmp_path / "src")
    found, _ = lint([str(catalogue)])
    assert any(f.check == "spelling" and f.word == "exis" for f in found)
    assert main(["lint", "--fix", str(catalogue)]) == 1  # the rest needs a person
    left, _ = lint([str(catalogue)])
    assert not any(f.word == "exis" for f in left)
    assert len(left) < len(found)
    assert "does not exist. The upload ID" in catalogue.read_text(encoding="utf-8")
