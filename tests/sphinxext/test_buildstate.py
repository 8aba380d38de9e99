"""The catalogue in a Sphinx build: loaded once, checked once per change, tracked by content."""

from __future__ import annotations

import os
import shutil
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from support_build import build, edit, plain
from support_paths import ROOTS

from sphinx_awserrors.checks import registry
from sphinx_awserrors.checks.registry import CheckContext, Finding
from sphinx_awserrors.sphinxext import buildstate

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from sphinx.testing.util import SphinxTestApp


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A private copy of the incremental test root (tests below edit its files)."""
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-catalogue-incremental", src)
    return src


@pytest.fixture
def fake_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace the registry by two checks that report every entry; record each run."""
    runs: list[str] = []
    monkeypatch.setattr(registry, "REGISTRY", {})

    @registry.check("alpha", scope="file")
    def alpha(ctx: CheckContext) -> Iterator[Finding]:
        """Report every entry."""
        runs.append("alpha")
        words = ",".join(sorted(ctx.settings.spelling_words))
        for entry in ctx.catalogue:
            yield Finding(
                entry.file, entry.line, "alpha", f"alpha on {entry.code} [{words}]", entry.code
            )

    @registry.check("beta")
    def beta(ctx: CheckContext) -> Iterator[Finding]:
        """Report the first entry."""
        runs.append("beta")
        first = ctx.catalogue.entries[0]
        yield Finding(first.file, first.line, "beta", f"beta on {first.code}", first.code)

    return runs


def test_catalogue_is_served_to_directives(
    make_app: Callable[..., SphinxTestApp], project: Path
) -> None:
    app, _ = build(make_app, project)
    catalogue = buildstate.get_catalogue(app.env)
    assert catalogue.codes == ("NoSuchKey", "SlowDown")
    html = (app.outdir / "table.html").read_text(encoding="utf-8")
    assert "NoSuchKey=404, SlowDown=503" in html
    state = app.env.awserrors_state
    assert state.renders == {"table"}
    assert state.references == {"refs"}


def test_changed_content_rereads_renderers_and_rewrites_referrers(
    make_app: Callable[..., SphinxTestApp], project: Path
) -> None:
    build(make_app, project)
    edit(project / "errors.yaml", "status: 503", "status: 429")
    app, rec = build(make_app, project)
    assert rec.read == {"table"}
    assert {"table", "refs"} <= rec.written
    assert not rec.written & {"plain", "plain1", "plain2"}
    html = (app.outdir / "table.html").read_text(encoding="utf-8")
    assert "SlowDown=429" in html


def test_touched_but_unchanged_catalogue_rereads_nothing(
    make_app: Callable[..., SphinxTestApp], project: Path
) -> None:
    build(make_app, project)
    catalogue = project / "errors.yaml"
    later = catalogue.stat().st_mtime + 100
    os.utime(catalogue, (later, later))
    app, rec = build(make_app, project)
    assert rec.read == set()
    assert not rec.written & {"table", "refs"}
    assert app.env.awserrors_state.changed is False


def test_same_content_rewritten_rereads_nothing(
    make_app: Callable[..., SphinxTestApp], project: Path
) -> None:
    # a fresh checkout writes the same bytes with a new time
    build(make_app, project)
    catalogue = project / "errors.yaml"
    catalogue.write_bytes(catalogue.read_bytes())
    _, rec = build(make_app, project)
    assert rec.read == set()


def test_changed_configuration_counts_as_a_change(
    make_app: Callable[..., SphinxTestApp], project: Path
) -> None:
    build(make_app, project)
    (project / "more.yaml").write_text(
        "errors:\n  - code: Extra\n    status: 400\n    description: More\n", encoding="utf-8"
    )
    app, rec = build(
        make_app, project, confoverrides={"awserrors_catalogue": ["errors.yaml", "more.yaml"]}
    )
    assert rec.read == {"table"}
    assert buildstate.get_catalogue(app.env).codes == ("NoSuchKey", "SlowDown", "Extra")


def test_notes_are_purged_when_a_document_stops_using_the_catalogue(
    make_app: Callable[..., SphinxTestApp], project: Path
) -> None:
    build(make_app, project)
    (project / "table.rst").write_text("Table\n=====\n\nNo probe any more.\n", encoding="utf-8")
    app, _ = build(make_app, project)
    assert app.env.awserrors_state.renders == set()
    edit(project / "errors.yaml", "status: 503", "status: 429")
    _, rec = build(make_app, project)
    assert rec.read == set()


def test_parallel_read_merges_the_notes(
    make_app: Callable[..., SphinxTestApp], project: Path
) -> None:
    app, rec = build(make_app, project, parallel=2)
    assert "table" in rec.read
    state = app.env.awserrors_state
    assert state.renders == {"table"}
    assert state.references == {"refs"}
    edit(project / "errors.yaml", "status: 503", "status: 429")
    _, rec = build(make_app, project, parallel=2)
    assert rec.read == {"table"}


def test_checks_run_once_per_change_with_file_and_line(
    make_app: Callable[..., SphinxTestApp], project: Path, fake_checks: list[str]
) -> None:
    app, _ = build(make_app, project)
    warnings = app._warning.getvalue()
    where = str(project / "errors.yaml")
    assert f"{where}:2: WARNING: alpha on NoSuchKey [] [awserrors.alpha]" in warnings
    assert f"{where}:5: WARNING: alpha on SlowDown [] [awserrors.alpha]" in warnings
    assert f"{where}:2: WARNING: beta on NoSuchKey [awserrors.beta]" in warnings
    assert fake_checks == ["alpha", "beta"]

    app, _ = build(make_app, project)  # unchanged: the checks do not run again
    assert fake_checks == ["alpha", "beta"]
    assert "awserrors.alpha" not in app._warning.getvalue()

    edit(project / "errors.yaml", "status: 503", "status: 429")
    build(make_app, project)
    assert fake_checks == ["alpha", "beta", "alpha", "beta"]


def test_checks_follow_pyproject_and_conf(
    make_app: Callable[..., SphinxTestApp], project: Path, fake_checks: list[str]
) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.sphinx-awserrors]\nspelling-words = ["Zenko"]\nignore = ["beta"]\n',
        encoding="utf-8",
    )
    app, _ = build(make_app, project, confoverrides={"awserrors_spelling_words": ["Vault"]})
    warnings = app._warning.getvalue()
    assert "alpha on NoSuchKey [Vault,Zenko]" in warnings
    assert "beta on" not in warnings
    assert fake_checks == ["alpha"]

    # other settings (conf.py selection) run the checks again, on the unchanged catalogue
    app, _ = build(make_app, project, confoverrides={"awserrors_checks": ["beta"]})
    assert fake_checks == ["alpha"]  # beta is selected but ignored by pyproject.toml
    app, _ = build(make_app, project, confoverrides={"awserrors_checks": ["alpha"]})
    assert fake_checks == ["alpha", "alpha"]


def test_reverted_setting_runs_the_checks_again(
    make_app: Callable[..., SphinxTestApp], project: Path, fake_checks: list[str]
) -> None:
    # a settings change re-reads no page, so Sphinx does not save the environment; the key
    # of that run must still be remembered, or reverting the change would skip the checks
    build(make_app, project)
    build(make_app, project, confoverrides={"awserrors_spelling_words": ["Zenko"]})
    assert fake_checks == ["alpha", "beta"] * 2
    app, _ = build(make_app, project)
    assert fake_checks == ["alpha", "beta"] * 3
    assert "alpha on NoSuchKey [] [awserrors.alpha]" in app._warning.getvalue()
    build(make_app, project)  # and unchanged again: no run
    assert fake_checks == ["alpha", "beta"] * 3
    # a fresh environment (-E) reports everything again, whatever the side record says
    build(make_app, project, freshenv=True)
    assert fake_checks == ["alpha", "beta"] * 4


@pytest.mark.parametrize(
    ("setting", "value", "left_out"),
    [
        ("awserrors_spelling_words", ["Zenko", 1], "1 is not a string"),
        ("awserrors_checks", ["alpha", None, 2.5], "None, 2.5 are not strings"),
    ],
)
def test_non_string_names_are_reported_and_left_out(
    make_app: Callable[..., SphinxTestApp],
    project: Path,
    fake_checks: list[str],
    setting: str,
    value: list[object],
    left_out: str,
) -> None:
    conf = project / "conf.py"
    lines = conf.read_text(encoding="utf-8").splitlines()
    conf.write_text("\n".join([*lines, f"{setting} = {value!r}"]) + "\n", encoding="utf-8")
    app, _ = build(make_app, project)
    warnings = plain(app._warning.getvalue())
    assert f"{conf}:{len(lines) + 1}: WARNING: {setting}: {left_out}; left out" in warnings
    assert "alpha on NoSuchKey" in warnings  # the rest of the setting still applies


def test_unknown_check_name_is_a_config_warning(
    make_app: Callable[..., SphinxTestApp], project: Path, fake_checks: list[str]
) -> None:
    app, _ = build(make_app, project, confoverrides={"awserrors_checks": ["alhpa"]})
    warnings = app._warning.getvalue()
    assert "unknown check 'alhpa'" in warnings
    assert "[awserrors.config]" in warnings
    assert fake_checks == []


def test_bad_pyproject_is_a_config_warning(
    make_app: Callable[..., SphinxTestApp], project: Path, fake_checks: list[str]
) -> None:
    (project / "pyproject.toml").write_text(
        "[tool.sphinx-awserrors]\nspeling-words = []\n", encoding="utf-8"
    )
    app, _ = build(make_app, project)
    warnings = app._warning.getvalue()
    assert "pyproject.toml:2: unknown key 'speling-words'" in warnings
    assert "did you mean 'spelling-words'?" in warnings
    assert fake_checks == ["alpha", "beta"]  # the defaults still apply


def test_bundled_only_build_runs_no_checks(
    make_app: Callable[..., SphinxTestApp],
    project: Path,
    fake_checks: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        "sphinx_awserrors.catalogue.bundled.bundled_path", lambda: project / "errors.yaml"
    )
    app, _ = build(make_app, project, confoverrides={"awserrors_catalogue": None})
    assert buildstate.get_catalogue(app.env).codes == ("NoSuchKey", "SlowDown")
    assert fake_checks == []


def test_bundled_entries_are_never_reported(
    make_app: Callable[..., SphinxTestApp],
    project: Path,
    fake_checks: list[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    bundled = tmp_path / "aws.yaml"
    bundled.write_text(
        "errors:\n  - code: AccessDenied\n    status: 403\n    description: Access Denied\n",
        encoding="utf-8",
    )
    monkeypatch.setattr("sphinx_awserrors.catalogue.bundled.bundled_path", lambda: bundled)
    app, _ = build(
        make_app, project, confoverrides={"awserrors_catalogue": ["bundled", "errors.yaml"]}
    )
    assert buildstate.get_catalogue(app.env).codes == ("AccessDenied", "NoSuchKey", "SlowDown")
    warnings = app._warning.getvalue()
    assert "alpha on NoSuchKey" in warnings
    assert "AccessDenied" not in warnings
    assert str(bundled) not in warnings


def test_loader_problems_are_catalogue_warnings(
    make_app: Callable[..., SphinxTestApp], project: Path
) -> None:
    edit(project / "errors.yaml", "    status: 503", "    stauts: 503")
    app, _ = build(make_app, project)
    warnings = app._warning.getvalue()
    assert (
        f"{project / 'errors.yaml'}:6: WARNING: entry 2 (SlowDown) has an unknown key "
        "'stauts'; did you mean 'status'? [awserrors.catalogue]"
    ) in warnings
    assert buildstate.get_catalogue(app.env).codes == ("NoSuchKey",)


def test_no_loadable_file_is_one_error_and_the_build_goes_on(
    make_app: Callable[..., SphinxTestApp], project: Path
) -> None:
    (project / "index.rst").write_text(
        "Index\n=====\n\n:awserr:`NoSuchKey`\n\n.. aws-error-table::\n\n.. aws-error:: NoSuchKey\n",
        encoding="utf-8",
    )
    app, _ = build(make_app, project, confoverrides={"awserrors_catalogue": "missing.yaml"})
    warnings = app._warning.getvalue()
    assert f"{project / 'missing.yaml'}: catalogue file not found" in warnings
    assert (
        f"ERROR: no error code could be loaded from {project / 'missing.yaml'}; the build goes "
        "on without a catalogue"
    ) in warnings
    # no warning per table, directive and reference after the one error
    assert warnings.count("[awserrors.") == 2, warnings
    assert buildstate.catalogue_unusable(app.env)
    assert (app.outdir / "index.html").exists()


def test_catalogue_config_of_wrong_shape_falls_back_to_bundled(
    make_app: Callable[..., SphinxTestApp],
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        "sphinx_awserrors.catalogue.bundled.bundled_path", lambda: project / "errors.yaml"
    )
    app, _ = build(make_app, project, confoverrides={"awserrors_catalogue": ["a.yaml", 3]})
    assert "awserrors_catalogue must be a path or a non-empty list of paths" in (
        app._warning.getvalue()
    )
    assert len(buildstate.get_catalogue(app.env)) == 2


def test_catalogue_config_warning_points_at_conf_py(
    make_app: Callable[..., SphinxTestApp], project: Path
) -> None:
    conf = project / "conf.py"
    lines = [
        line
        for line in conf.read_text(encoding="utf-8").splitlines()
        if not line.startswith("awserrors_catalogue")
    ]
    # the last assignment is the one Python keeps, so the one the warning names
    lines += ['awserrors_catalogue = "errors.yaml"', "awserrors_catalogue = ['errors.yaml', 3]"]
    conf.write_text("\n".join(lines) + "\n", encoding="utf-8")
    app, _ = build(make_app, project)
    assert (
        f"{conf}:{len(lines)}: WARNING: awserrors_catalogue must be a path or a non-empty list"
    ) in plain(app._warning.getvalue())


@pytest.mark.parametrize("value", [[], "", "  ", ["bundled", ""]])
def test_empty_catalogue_config_falls_back_to_bundled(
    make_app: Callable[..., SphinxTestApp],
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    value: object,
) -> None:
    # an empty list used to load no entry at all, silently (then one warning per reference)
    monkeypatch.setattr(
        "sphinx_awserrors.catalogue.bundled.bundled_path", lambda: project / "errors.yaml"
    )
    app, _ = build(make_app, project, confoverrides={"awserrors_catalogue": value})
    warnings = app._warning.getvalue()
    assert "awserrors_catalogue must be a path or a non-empty list of paths" in warnings
    assert "; using the bundled catalogue [awserrors.config]" in warnings
    assert len(buildstate.get_catalogue(app.env)) == 2


@pytest.mark.sphinx("html", testroot="catalogue-errors")
def test_every_loader_problem_is_one_warning_with_file_and_line(
    app: SphinxTestApp, warning: Any
) -> None:
    src = Path(app.srcdir)
    found = sorted(
        line for line in plain(warning.getvalue()).splitlines() if "[awserrors.catalogue]" in line
    )
    assert found == sorted(
        [
            f"{src / 'bad.yaml'}:3: WARNING: entry 1 (NoSuchUpload) has an unknown key "
            "'stauts'; did you mean 'status'? [awserrors.catalogue]",
            f"{src / 'bad.yaml'}:8: WARNING: entry 2 (InvalidPart) gives 'status' twice "
            "(first on line 6); keep one [awserrors.catalogue]",
            f"{src / 'bad.yaml'}:10: WARNING: entry 3 (EntityTooLarge): 'status' must be an "
            "integer, not the string '400'; write it without quotes: 400 [awserrors.catalogue]",
            f"{src / 'bad.toml'}:4: WARNING: entry 1 (InvalidBucketName): 'description' is "
            "empty [awserrors.catalogue]",
            f"{src / 'bad.json'}:5: WARNING: entry 2 (ServiceUnavailable): 'status' must be "
            "an integer HTTP status, not a boolean (true) [awserrors.catalogue]",
            f"WARNING: {src / 'missing.yaml'}: catalogue file not found [awserrors.catalogue]",
        ]
    )
    app.build()
    catalogue = buildstate.get_catalogue(app.env)
    assert catalogue.codes == ("AccessDenied", "SlowDown", "BucketNotEmpty", "InternalError")
    assert "Traceback" not in warning.getvalue()


@pytest.mark.sphinx("html", testroot="custom-catalogue")
def test_custom_catalogue_in_three_formats(app: SphinxTestApp, warning: Any) -> None:
    app.build()
    assert "[awserrors.catalogue]" not in warning.getvalue()
    catalogue = buildstate.get_catalogue(app.env)
    assert catalogue.codes == (
        "BackendUnavailable",
        "NoSuchKey",
        "QuotaExceeded",
        "NoSuchTagSet",
        "RequestTimeout",
    )
    src = Path(app.srcdir)
    assert [Path(f).relative_to(src).as_posix() for f in catalogue.files] == [
        "errors.yaml",
        "more/errors.toml",
        "errors.json",
    ]
    assert catalogue["NoSuchTagSet"].ignore == ("status",)
    assert catalogue["NoSuchKey"].location("see_also") == f"{src / 'errors.yaml'}:11"
    assert [f.bundled for f in buildstate.get_files(app.env)] == [False, False, False]


def test_real_table_and_role_follow_a_changed_description(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    # the same contract with the extension's own table directive and :awserr: role
    src = tmp_path / "tracking"
    shutil.copytree(ROOTS / "test-catalogue-tracking", src)
    build(make_app, src)
    edit(src / "errors.yaml", "The specified key does not exist", "The key is gone")
    app, rec = build(make_app, src)
    assert rec.read == {"table"}
    assert {"table", "refs"} <= rec.written
    assert "plain" not in rec.written
    assert "The key is gone" in (app.outdir / "table.html").read_text(encoding="utf-8")
    assert "The key is gone" in (app.outdir / "refs.html").read_text(encoding="utf-8")

    os.utime(src / "errors.yaml")  # touched only
    _, rec = build(make_app, src)
    assert rec.read == set()
    assert not rec.written & {"table", "refs"}


def test_unknown_check_name_in_config_warns_even_with_the_bundled_catalogue_alone(
    make_app: Callable[..., SphinxTestApp], project: Path
) -> None:
    app, _ = build(
        make_app,
        project,
        confoverrides={"awserrors_catalogue": None, "awserrors_checks": ["spelin"]},
    )
    warnings = app._warning.getvalue()
    assert "unknown check 'spelin'; did you mean 'spelling'?" in warnings
    assert "[awserrors.config]" in warnings


def test_unknown_name_in_an_entry_ignore_list_is_a_catalogue_warning(
    make_app: Callable[..., SphinxTestApp], project: Path
) -> None:
    edit(
        project / "errors.yaml",
        "    description: Reduce your request rate",
        "    description: Reduce your request rate\n    ignore: [spelin]",
    )
    app, _ = build(make_app, project)
    assert (
        f"{project / 'errors.yaml'}:8: WARNING: SlowDown: 'ignore' names 'spelin', which is not "
        "a check; did you mean 'spelling'? [awserrors.catalogue]"
    ) in app._warning.getvalue()


def write_dedented(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def test_build_with_only_malformed_entries_gives_the_one_error(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-catalogue-incremental", src)
    write_dedented(
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
    write_dedented(
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


def test_build_gives_the_loader_warnings_of_a_file_in_line_order(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-catalogue-incremental", src)
    write_dedented(
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


def test_fresh_builds_of_an_unchanged_catalogue_reuse_the_findings(
    make_app: Callable[..., SphinxTestApp],
    project: Path,
    fake_checks: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SPHINX_AWSERRORS_FINDINGS_CACHE", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    shown = []
    for number in range(2):  # two fresh environments (a clean build each)
        app, _ = build(make_app, project, builddir=tmp_path / f"build{number}")
        shown.append(
            sorted(line for line in app._warning.getvalue().splitlines() if "alpha" in line)
        )
    assert fake_checks == ["alpha", "beta"]  # the second build printed what the first found
    assert shown[0] == shown[1]
    assert len(shown[0]) == 2

    edit(project / "errors.yaml", "status: 503", "status: 429")
    build(make_app, project, builddir=tmp_path / "build2")
    assert fake_checks == ["alpha", "beta", "alpha", "beta"]


@pytest.fixture
def settings_reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Count the reads of the check settings (what a build with unchanged inputs skips)."""
    from sphinx_awserrors.checks import settings

    reads: list[Path] = []
    real = settings.load_settings

    def counting(location: Any = None) -> settings.ProjectSettings:
        reads.append(Path(location))
        return real(location)

    monkeypatch.setattr(settings, "load_settings", counting)
    return reads


def test_unchanged_check_inputs_skip_reading_the_settings(
    make_app: Callable[..., SphinxTestApp],
    project: Path,
    fake_checks: list[str],
    settings_reads: list[Path],
) -> None:
    build(make_app, project)
    assert len(settings_reads) == 1
    app, _ = build(make_app, project)  # nothing changed: the settings are not even read
    assert len(settings_reads) == 1
    assert fake_checks == ["alpha", "beta"]
    assert "awserrors.alpha" not in app._warning.getvalue()


def test_an_unrelated_pyproject_edit_reads_the_settings_but_reports_nothing_again(
    make_app: Callable[..., SphinxTestApp],
    project: Path,
    fake_checks: list[str],
    settings_reads: list[Path],
) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.write_text("[tool.other]\nline-length = 100\n", encoding="utf-8")
    build(make_app, project)
    pyproject.write_text("[tool.other]\nline-length = 88\n", encoding="utf-8")
    app, _ = build(make_app, project)
    assert len(settings_reads) == 2  # a changed input: the settings are read again
    assert fake_checks == ["alpha", "beta"]  # ... and found unchanged: no run, no warning
    assert "awserrors.alpha" not in app._warning.getvalue()
    pyproject.write_text('[tool.sphinx-awserrors]\nignore = ["beta"]\n', encoding="utf-8")
    build(make_app, project)
    assert fake_checks == ["alpha", "beta", "alpha"]


def test_a_pyproject_above_the_project_is_a_check_input(
    make_app: Callable[..., SphinxTestApp],
    project: Path,
    fake_checks: list[str],
    settings_reads: list[Path],
) -> None:
    # load_settings looks upwards from the configuration directory
    build(make_app, project)
    (project.parent / "pyproject.toml").write_text(
        '[tool.sphinx-awserrors]\nignore = ["alpha"]\n', encoding="utf-8"
    )
    build(make_app, project)
    assert len(settings_reads) == 2
    assert fake_checks == ["alpha", "beta", "beta"]


def test_changed_check_files_are_a_check_input(
    project: Path, make_app: Callable[..., SphinxTestApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    app, _ = build(make_app, project)
    state = app.env.awserrors_state
    before = buildstate._checks_inputs(app, state)
    assert before == buildstate._checks_inputs(app, state)
    fake = project / "checks"
    shutil.copytree(buildstate._CHECKS_DIR, fake)
    monkeypatch.setattr(buildstate, "_CHECKS_DIR", fake)
    assert buildstate._checks_inputs(app, state) == before  # the same files, the same times
    edited = fake / "grammar.py"
    later = edited.stat().st_mtime + 10
    os.utime(edited, (later, later))
    assert buildstate._checks_inputs(app, state) != before  # a check edited in place


def test_fresh_builds_of_unchanged_inputs_print_the_findings_without_the_settings(
    make_app: Callable[..., SphinxTestApp],
    project: Path,
    fake_checks: list[str],
    settings_reads: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SPHINX_AWSERRORS_FINDINGS_CACHE", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    shown = []
    for number in range(2):
        app, _ = build(make_app, project, builddir=tmp_path / f"build{number}")
        lines = plain(app._warning.getvalue()).splitlines()
        shown.append(sorted(line for line in lines if "[awserrors." in line))
    assert fake_checks == ["alpha", "beta"]
    assert len(settings_reads) == 1  # the second fresh build read no settings
    assert shown[0] == shown[1]
    assert any("alpha on NoSuchKey" in line for line in shown[1])
    # a conf.py setting is an input: the settings are read and the checks run again
    build(
        make_app,
        project,
        builddir=tmp_path / "build2",
        confoverrides={"awserrors_spelling_words": ["Zenko"]},
    )
    assert len(settings_reads) == 2
    assert fake_checks == ["alpha", "beta"] * 2


def test_settings_warnings_are_repeated_by_every_build(
    make_app: Callable[..., SphinxTestApp],
    project: Path,
    fake_checks: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a build that warned about its settings is not skipped next time: it warns again
    monkeypatch.setenv("SPHINX_AWSERRORS_FINDINGS_CACHE", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (project / "pyproject.toml").write_text(
        "[tool.sphinx-awserrors]\nspeling-words = []\n", encoding="utf-8"
    )
    for number in range(2):
        app, _ = build(make_app, project, builddir=tmp_path / f"build{number % 2}")
        assert "unknown key 'speling-words'" in app._warning.getvalue()
    app, _ = build(make_app, project, builddir=tmp_path / "build1")  # incremental
    assert "unknown key 'speling-words'" in app._warning.getvalue()


def test_fresh_builds_of_the_same_files_reuse_the_parsed_catalogue(
    make_app: Callable[..., SphinxTestApp],
    project: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SPHINX_AWSERRORS_FINDINGS_CACHE", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    loads: list[int] = []
    real = buildstate.load_files

    def counting(*args: Any, **kwargs: Any) -> Any:
        loads.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(buildstate, "load_files", counting)
    # a loader warning too: it is given again from the kept result
    edit(project / "errors.yaml", "status: 503", "status: 503\n    owner: me")
    seen = []
    for number in range(2):
        app, _ = build(make_app, project, builddir=tmp_path / f"build{number}")
        lines = plain(app._warning.getvalue()).splitlines()
        seen.append(
            (
                buildstate.get_catalogue(app.env),
                sorted(line for line in lines if "[awserrors.catalogue]" in line),
            )
        )
    assert len(loads) == 1  # the second fresh build parsed nothing
    assert seen[0] == seen[1]
    assert any("owner" in line for line in seen[1][1])

    edit(project / "errors.yaml", "status: 404", "status: 410")  # another content: parsed
    app, _ = build(make_app, project, builddir=tmp_path / "build2")
    assert len(loads) == 2
    assert buildstate.get_catalogue(app.env).get("NoSuchKey").status == 410

    for kept in (tmp_path / "cache" / "sphinx-awserrors").glob("catalogue-*.pickle"):
        kept.write_bytes(b"not a pickle")  # a damaged cache file is parsed again
    app, _ = build(make_app, project, builddir=tmp_path / "build3")
    assert len(loads) == 3
    assert buildstate.get_catalogue(app.env).get("NoSuchKey").status == 410


def test_a_user_cache_others_can_write_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(buildstate.FINDINGS_CACHE_VARIABLE, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert buildstate._cache_usable()  # made private
    directory = tmp_path / "sphinx-awserrors"
    assert directory.stat().st_mode & 0o777 == 0o700
    assert buildstate.user_cache("x.json") == directory / "x.json"
    directory.chmod(0o777)  # a shared cache: anybody could plant a catalogue pickle
    assert not buildstate._cache_usable()
    assert buildstate.user_cache("x.json") is None
    directory.chmod(0o755)
    assert buildstate._cache_usable()
    monkeypatch.setenv(buildstate.FINDINGS_CACHE_VARIABLE, "0")
    assert not buildstate._cache_usable()
