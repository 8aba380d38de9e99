"""The caption of a table grouped by status class is a gettext message of its page, too."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from babel.messages.pofile import read_po

GROUPED = """

.. aws-error-table:: Grouped caption
   :group-by: status-class
"""


def _project(rootdir: Path, tmp_path: Path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-i18n", src)
    index = src / "index.rst"
    index.write_text(index.read_text(encoding="utf-8") + GROUPED, encoding="utf-8")
    return src


def test_grouped_caption_is_extracted_once(make_app: Any, rootdir: Path, tmp_path: Path) -> None:
    src = _project(rootdir, tmp_path)
    app = make_app("gettext", srcdir=src)
    app.build()
    with (app.outdir / "index.pot").open("rb") as file:
        messages = {m.id: m for m in read_po(file) if m.id}
    assert "Grouped caption" in messages
    locations = messages["Grouped caption"].locations
    assert len(locations) == 1
    assert Path(locations[0][0]).name == "index.rst"
    # the composed group titles are not messages
    assert not [m for m in messages if isinstance(m, str) and m.startswith("Grouped caption:")]


def test_grouped_caption_is_translated(make_app: Any, rootdir: Path, tmp_path: Path) -> None:
    src = _project(rootdir, tmp_path)
    po = src / "locales" / "de" / "LC_MESSAGES" / "index.po"
    po.write_text(
        po.read_text(encoding="utf-8") + '\nmsgid "Grouped caption"\nmsgstr "Gruppierte Tabelle"\n',
        encoding="utf-8",
    )
    app = make_app("html", srcdir=src, confoverrides={"language": "de"})
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "Gruppierte Tabelle: " in html
    assert "Grouped caption" not in html
