"""The catalogue as JSON in the HTML output (``awserrors_json_export``)."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

import pytest

from sphinx_awserrors.convert.writers import to_json
from sphinx_awserrors.sphinxext import buildstate

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp


CATALOGUE_CODES = ["NoSuchKey", "AccessDenied", "NoSuchBucket", "InternalError"]


def _json(app: SphinxTestApp, path: str = "_static/awserrors.json") -> dict[str, Any]:
    data: dict[str, Any] = json.loads((Path(app.outdir) / path).read_text(encoding="utf-8"))
    return data


def _check_url_target(app: SphinxTestApp, json_path: str, url: str) -> None:
    """*url*, relative to the JSON file, names an existing page and an id in it."""
    base = "file:///out/" + json_path
    resolved = urlsplit(urljoin(base, url))
    assert resolved.path.startswith("/out/"), url
    page = resolved.path.removeprefix("/out/")
    if page == "" or page.endswith("/"):
        page += "index.html"
    html = (Path(app.outdir) / page).read_text(encoding="utf-8")
    assert re.search(rf'id="{re.escape(resolved.fragment)}"', html), (url, page)


@pytest.mark.sphinx("html", testroot="export", srcdir="test_html_writes_catalogue", freshenv=True)
def test_html_writes_catalogue(app: SphinxTestApp, warning: Any) -> None:
    app.build()
    assert "[awserrors.export]" not in warning.getvalue()
    assert "[awserrors.config]" not in warning.getvalue()
    data = _json(app)
    errors = data["errors"]
    assert [error["code"] for error in errors] == CATALOGUE_CODES
    first = errors[0]
    assert first["status"] == 404
    assert first["reason"] == "Not Found"
    assert first["description"] == "The specified key does not exist; check the Key parameter"
    assert first["description_rst"] == (
        "The specified key does not exist; check the ``Key`` parameter"
    )
    assert first["tags"] == ["s3"]
    assert first["see_also"] == ["NoSuchBucket"]
    assert errors[1]["description"] == "Access denied <by policy> & more"
    # The file is exactly the exporter's output for the build's catalogue.
    catalogue = buildstate.get_catalogue(app.env)
    urls = {error["code"]: error["url"] for error in errors if error["url"]}
    text = (Path(app.outdir) / "_static" / "awserrors.json").read_text(encoding="utf-8")
    assert text == to_json(catalogue, urls=urls)


@pytest.mark.sphinx(
    "html", testroot="export", srcdir="test_html_urls_point_at_the_rows", freshenv=True
)
def test_html_urls_point_at_the_rows(app: SphinxTestApp) -> None:
    app.build()
    urls = {error["code"]: error["url"] for error in _json(app)["errors"]}
    assert urls["InternalError"] is None  # in the catalogue, but no table shows it
    assert urls["NoSuchKey"] == "../guide/errors.html#awserr-nosuchkey"
    for code in ("NoSuchKey", "AccessDenied", "NoSuchBucket"):
        _check_url_target(app, "_static/awserrors.json", urls[code])


@pytest.mark.sphinx(
    "html",
    testroot="export",
    srcdir="test_html_configured_path",
    freshenv=True,
    confoverrides={"awserrors_json_export": "api/v1/errors.json"},
)
def test_html_configured_path(app: SphinxTestApp) -> None:
    app.build()
    assert not (Path(app.outdir) / "_static" / "awserrors.json").exists()
    data = _json(app, "api/v1/errors.json")
    assert [error["code"] for error in data["errors"]] == CATALOGUE_CODES
    url = next(e["url"] for e in data["errors"] if e["code"] == "NoSuchKey")
    assert url == "../../guide/errors.html#awserr-nosuchkey"
    _check_url_target(app, "api/v1/errors.json", url)


@pytest.mark.sphinx(
    "html",
    testroot="export",
    srcdir="test_html_path_at_the_root",
    freshenv=True,
    confoverrides={"awserrors_json_export": "x.json"},
)
def test_html_path_at_the_root(app: SphinxTestApp) -> None:
    app.build()
    url = next(e["url"] for e in _json(app, "x.json")["errors"] if e["code"] == "NoSuchKey")
    assert url == "guide/errors.html#awserr-nosuchkey"


@pytest.mark.parametrize("value", [None, ""])
def test_html_switched_off(value: str | None, make_app: Any, rootdir: Path, tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    _copy_root(rootdir / "test-export", srcdir)
    app = make_app("html", srcdir=srcdir, confoverrides={"awserrors_json_export": value})
    app.build()
    assert not (Path(app.outdir) / "_static" / "awserrors.json").exists()
    assert (Path(app.outdir) / "index.html").exists()


@pytest.mark.parametrize("value", ["../outside.json", "/tmp/abs.json", "."])
def test_html_bad_path_warns(value: str, make_app: Any, rootdir: Path, tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    _copy_root(rootdir / "test-export", srcdir)
    warnings = io.StringIO()
    app = make_app(
        "html", srcdir=srcdir, confoverrides={"awserrors_json_export": value}, warning=warnings
    )
    app.build()
    text = warnings.getvalue()
    assert "awserrors_json_export must be a file path inside the output directory" in text
    assert "[awserrors.config]" in text
    assert not (Path(app.outdir) / "_static" / "awserrors.json").exists()
    assert not (Path(app.outdir).parent / "outside.json").exists()


@pytest.mark.parametrize("value", ["index.html", "guide/errors.html", "objects.inv"])
def test_html_path_of_a_builder_file_warns(
    value: str, make_app: Any, rootdir: Path, tmp_path: Path
) -> None:
    # "index.html" used to replace the home page with the JSON
    srcdir = tmp_path / "src"
    _copy_root(rootdir / "test-export", srcdir)
    warnings = io.StringIO()
    app = make_app(
        "html", srcdir=srcdir, confoverrides={"awserrors_json_export": value}, warning=warnings
    )
    app.build()
    assert (
        f"awserrors_json_export {value!r} names a file the HTML builder writes itself; "
        "the JSON export is skipped [awserrors.config]"
    ) in warnings.getvalue()
    written = (Path(app.outdir) / value).read_bytes()
    assert not written.lstrip().startswith(b'{\n  "errors"')


def _copy_root(source: Path, target: Path) -> None:
    shutil.copytree(source, target)


@pytest.mark.sphinx("dirhtml", testroot="export", srcdir="test_dirhtml", freshenv=True)
def test_dirhtml(app: SphinxTestApp) -> None:
    app.build()
    urls = {error["code"]: error["url"] for error in _json(app)["errors"]}
    assert urls["NoSuchKey"] == "../guide/errors/#awserr-nosuchkey"
    _check_url_target(app, "_static/awserrors.json", urls["NoSuchKey"])


@pytest.mark.sphinx("singlehtml", testroot="export", srcdir="test_singlehtml", freshenv=True)
def test_singlehtml(app: SphinxTestApp) -> None:
    app.build()
    urls = {error["code"]: error["url"] for error in _json(app)["errors"]}
    assert urls["NoSuchKey"] == "../index.html#awserr-nosuchkey"
    _check_url_target(app, "_static/awserrors.json", urls["NoSuchKey"])


@pytest.mark.parametrize("builder", ["text", "epub", "latex"])
def test_not_for_other_builders(builder: str, make_app: Any, rootdir: Path, tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    _copy_root(rootdir / "test-export", srcdir)
    app = make_app(builder, srcdir=srcdir)
    app.build()
    assert list(Path(app.outdir).rglob("awserrors.json")) == []


@pytest.mark.sphinx(
    "html", testroot="export", srcdir="test_not_after_a_failed_build", freshenv=True
)
def test_not_after_a_failed_build(app: SphinxTestApp) -> None:
    def fail(*args: object) -> None:
        msg = "boom"
        raise RuntimeError(msg)

    app.connect("html-page-context", fail)
    with pytest.raises(Exception, match="boom"):
        app.build()
    assert not (Path(app.outdir) / "_static" / "awserrors.json").exists()


@pytest.mark.sphinx(
    "html", testroot="export", srcdir="test_unchanged_file_is_not_rewritten", freshenv=True
)
def test_unchanged_file_is_not_rewritten(app: SphinxTestApp) -> None:
    app.build()
    target = Path(app.outdir) / "_static" / "awserrors.json"
    first = target.read_bytes()
    # Mark the file so a rewrite would show (same content, older time).
    stat = target.stat()
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns - 10_000_000_000))
    before = target.stat().st_mtime_ns
    app.build()
    assert target.read_bytes() == first
    assert target.stat().st_mtime_ns == before


def test_parallel_equals_serial(make_app: Any, rootdir: Path, tmp_path: Path) -> None:
    outputs = []
    for parallel in (0, 2):
        srcdir = tmp_path / f"src{parallel}"
        _copy_root(rootdir / "test-export", srcdir)
        app = make_app("html", srcdir=srcdir, parallel=parallel)
        app.build()
        outputs.append((Path(app.outdir) / "_static" / "awserrors.json").read_bytes())
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0])["errors"][0]["code"] == "NoSuchKey"


def test_html_path_of_a_static_file_warns_at_conf_py(
    make_app: Any, rootdir: Path, tmp_path: Path
) -> None:
    # the extension's own stylesheet is in place by the end of the build: it was replaced
    srcdir = tmp_path / "src"
    _copy_root(rootdir / "test-export", srcdir)
    conf_py = srcdir / "conf.py"
    lines = conf_py.read_text(encoding="utf-8").splitlines()
    conf_py.write_text(
        "\n".join([*lines, 'awserrors_json_export = "_static/awserrors.css"']) + "\n",
        encoding="utf-8",
    )
    warnings = io.StringIO()
    app = make_app("html", srcdir=srcdir, warning=warnings)
    app.build()
    text = re.sub(r"\x1b\[[0-9;]*m", "", warnings.getvalue())
    assert (
        f"{conf_py}:{len(lines) + 1}: WARNING: awserrors_json_export '_static/awserrors.css' "
        "names a file the build already wrote (a static file or another output), which the JSON "
        "would replace; the JSON export is skipped"
    ) in text
    css = (Path(app.outdir) / "_static" / "awserrors.css").read_text(encoding="utf-8")
    assert not css.lstrip().startswith("{")


def test_an_earlier_export_is_replaced_without_its_record(
    make_app: Any, rootdir: Path, tmp_path: Path
) -> None:
    # with the doctrees gone, the JSON left in the output is still recognised as the export's
    srcdir = tmp_path / "src"
    _copy_root(rootdir / "test-export", srcdir)
    make_app("html", srcdir=srcdir).build()
    catalogue = srcdir / "errors.yaml"
    text = catalogue.read_text(encoding="utf-8")
    description = re.search(r"description: (.+)", text)
    assert description is not None
    catalogue.write_text(text.replace(description.group(1), "Edited since."), encoding="utf-8")
    shutil.rmtree(srcdir / "_build" / "doctrees")
    warnings = io.StringIO()
    app = make_app("html", srcdir=srcdir, warning=warnings, freshenv=True)
    app.build()
    assert "already wrote" not in warnings.getvalue()
    descriptions = [e["description"] for e in _json(app)["errors"]]
    assert "Edited since." in descriptions
