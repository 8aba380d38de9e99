"""Incremental builds give what a fresh build gives: pages, and the JSON export."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from test_xref import build, copy_root

if TYPE_CHECKING:
    from pathlib import Path

_BODY = re.compile(r'<div class="body" role="main">(.*?)<div class="sphinxsidebar"', re.S)


def _bodies(outdir: Path) -> dict[str, str | None]:
    pages: dict[str, str | None] = {}
    for page in sorted(outdir.glob("*.html")):
        match = _BODY.search(page.read_text(encoding="utf-8"))
        pages[page.name] = match.group(1) if match else None
    export = outdir / "_static" / "awserrors.json"
    pages["awserrors.json"] = export.read_text(encoding="utf-8") if export.exists() else None
    return pages


def _set_export(src: Path, value: str | None) -> None:
    conf = src / "conf.py"
    text = re.sub(r"(?m)^awserrors_json_export = .*\n", "", conf.read_text(encoding="utf-8"))
    conf.write_text(text + f"awserrors_json_export = {value!r}\n", encoding="utf-8")


def test_turning_the_export_off_or_moving_it_removes_the_earlier_file(tmp_path: Path) -> None:
    src = copy_root("xref", tmp_path)
    outdir = build(src).outdir
    default = outdir / "_static" / "awserrors.json"
    assert default.is_file()
    _set_export(src, "_static/moved.json")
    build(src)
    assert (outdir / "_static" / "moved.json").is_file()
    assert not default.exists()  # a fresh build would not have it either
    _set_export(src, "")
    build(src)
    assert not (outdir / "_static" / "moved.json").exists()
    assert not default.exists()


def test_an_earlier_export_changed_since_is_kept(tmp_path: Path) -> None:
    src = copy_root("xref", tmp_path)
    outdir = build(src).outdir
    default = outdir / "_static" / "awserrors.json"
    default.write_text('{"errors": [], "edited": true}', encoding="utf-8")
    _set_export(src, None)
    build(src)
    assert default.read_text(encoding="utf-8") == '{"errors": [], "edited": true}'


def test_edit_sequence_matches_fresh_builds(tmp_path: Path) -> None:
    """A few edits of the differential QA script: incremental (-j 2 too) equals fresh."""
    src = copy_root("xref", tmp_path / "src")
    build(src)
    catalogue = src / "errors.yaml"
    text = catalogue.read_text(encoding="utf-8")
    bucket = "status: 404\n    description: The specified bucket"
    assert bucket in text

    def move_and_describe() -> None:
        # a status change moves NoSuchBucket out of the 4xx rows, a description gains a link
        edited = text.replace(bucket, bucket.replace("404", "503"))
        edited = edited.replace("Reduce your request rate.", "See :awserr:`AccessDenied`.")
        catalogue.write_text(edited, encoding="utf-8")

    edits = [move_and_describe, lambda: _set_export(src, "")]
    for number, edit in enumerate(edits):
        edit()
        incremental = _bodies(build(src).outdir)
        fresh_src = copy_root("xref", tmp_path / f"fresh{number}")
        for name in ("errors.yaml", "conf.py"):
            (fresh_src / name).write_bytes((src / name).read_bytes())
        fresh = _bodies(build(fresh_src).outdir)
        assert incremental == fresh
