"""Incremental builds: references follow catalogue edits and moved targets without a full build."""

from __future__ import annotations

from typing import TYPE_CHECKING

from support_xref import build, copy_root, inventory, links, paragraph

if TYPE_CHECKING:
    from pathlib import Path


def _link(page: str, start: str) -> tuple[str, str | None]:
    link = links(paragraph(page, start))[0]
    return link.href, link.title


def test_catalogue_edit_updates_tooltips_and_rows(tmp_path: Path) -> None:
    src = copy_root("xref", tmp_path)
    first = build(src)
    assert _link(first.read("refs.html"), "Slow:")[1] == (
        "503 Service Unavailable: Reduce your request rate."
    )
    catalogue = src / "errors.yaml"
    catalogue.write_text(
        catalogue.read_text().replace("Reduce your request rate.", "Slow *down*, please."),
        encoding="utf-8",
    )
    second = build(src)
    # refs.rst did not change: it is written again because a code it references did
    assert _link(second.read("refs.html"), "Slow:")[1] == (
        "503 Service Unavailable: Slow down, please."
    )
    assert "Slow <em>down</em>, please." in second.read("catalogue.html")
    assert "duplicate" not in second.warnings


def test_new_and_removed_aws_error_move_the_canonical_target(tmp_path: Path) -> None:
    src = copy_root("xref", tmp_path)
    build(src)
    (src / "late.rst").write_text(
        ":orphan:\n\nLate\n====\n\n.. aws-error:: NoSuchKey\n\n   The long story.\n",
        encoding="utf-8",
    )
    added = build(src)
    assert "duplicate" not in added.warnings
    # pages that were not read again follow the new canonical target
    assert _link(added.read("more.html"), "A key:")[0] == "late.html#awserr-nosuchkey"
    assert _link(added.read("index.html"), "Plain:")[0] == "late.html#awserr-nosuchkey"
    other = {link.text: link.href for link in links(paragraph(added.read("other.html"), "The"))}
    assert other["NoSuchKey"] == "late.html#awserr-nosuchkey"  # the standard label moved too
    assert ("NoSuchKey", "aws:error", "late.html#awserr-nosuchkey", "NoSuchKey") in inventory(
        added.outdir / "objects.inv"
    )
    genindex = [link.href for link in links(added.read("genindex.html"))]
    assert genindex.count("late.html#awserr-nosuchkey") == 2
    assert "catalogue.html#awserr-nosuchkey" not in genindex

    (src / "late.rst").unlink()
    removed = build(src)
    assert "duplicate" not in removed.warnings
    assert _link(removed.read("more.html"), "A key:")[0] == "catalogue.html#awserr-nosuchkey"
    other = {link.text: link.href for link in links(paragraph(removed.read("other.html"), "The"))}
    assert other["NoSuchKey"] == "catalogue.html#awserr-nosuchkey"
    genindex = [link.href for link in links(removed.read("genindex.html"))]
    assert genindex.count("catalogue.html#awserr-nosuchkey") == 2
    assert not any(href.startswith("late.html") for href in genindex)


def test_unchanged_rebuild_writes_nothing_again(tmp_path: Path) -> None:
    src = copy_root("xref", tmp_path)
    assert "writing output... [" in build(src).status
    again = build(src)
    assert "0 added, 0 changed, 0 removed" in again.status
    assert "writing output... [" not in again.status
