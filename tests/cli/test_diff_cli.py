"""``sphinx-awserrors diff``: files and git revisions, release-note formats, JSON Schema, errors."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from sphinx_awserrors import cli
from sphinx_awserrors.cli import main

SCHEMA = Path(cli.__file__).parent / "schemas" / "diff.v1.schema.json"

OLD = """errors:
  - code: NoSuchKey
    status: 404
    description: The specifed key does not exist.
  - code: InvalidQuery
    status: 404
    description: The query is not valid.
  - code: Gone
    status: 400
    description: Removed in this release.
"""

NEW = """errors:
  - code: NoSuchKey
    status: 404
    description: The specified key does not exist.
  - code: InvalidQuery
    status: 400
    description: The query is not valid.
  - code: Fresh_Code
    status: 409
    description: Added in *this* release.
    since: "2.0"
"""


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("old.yaml").write_text(OLD, encoding="utf-8")
    Path("new.yaml").write_text(NEW, encoding="utf-8")


def test_markdown_notes_are_grouped_under_class_headings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["diff", "old.yaml", "new.yaml"]) == 0
    out = capsys.readouterr().out
    breaking, notable, cosmetic = (
        out.index(f"## {h} changes") for h in ("Breaking", "Notable", "Cosmetic")
    )
    assert breaking < notable < cosmetic
    assert "- `Gone` removed (it was 400 Bad Request)." in out[breaking:notable]
    assert "- `InvalidQuery`: status changed from 404 Not Found to 400 Bad Request." in out
    # catalogue text is escaped: the emphasis of the description and the _ of the code
    assert "`Fresh_Code` added (409 Conflict): Added in this release." in out[notable:cosmetic]
    assert "`NoSuchKey`: description reworded" in out[cosmetic:]


def test_rst_notes_are_sections_that_docutils_reads(capsys: pytest.CaptureFixture[str]) -> None:
    docutils_core = pytest.importorskip("docutils.core")
    main(["diff", "old.yaml", "new.yaml", "--format", "rst"])
    out = capsys.readouterr().out
    assert "Breaking changes\n----------------\n" in out
    tree = docutils_core.publish_doctree(
        out, settings_overrides={"report_level": 2, "halt_level": 2}
    )
    assert "Gone removed" in tree.astext()


def test_json_has_one_object_per_change_and_follows_its_schema(
    capsys: pytest.CaptureFixture[str],
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    main(["diff", "old.yaml", "new.yaml", "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(document, schema)
    changes = {(c["code"], c["kind"]): c for c in document["changes"]}
    status = changes["InvalidQuery", "status"]
    assert (status["class"], status["old"], status["new"]) == ("breaking", 404, 400)
    assert changes["Gone", "removed"]["class"] == "breaking"
    assert changes["Fresh_Code", "added"]["class"] == "notable"
    assert document["counts"] == {"breaking": 2, "notable": 1, "cosmetic": 1}


def test_fail_on_breaking_exits_1_and_no_change_exits_0() -> None:
    assert main(["diff", "old.yaml", "new.yaml", "--fail-on", "breaking"]) == 1
    assert main(["diff", "new.yaml", "new.yaml", "--fail-on", "cosmetic"]) == 0


def test_output_file_is_written_and_an_input_is_never_overwritten(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["diff", "old.yaml", "new.yaml", "-o", "notes.md"]) == 0
    assert Path("notes.md").read_text(encoding="utf-8").startswith("## Breaking changes")
    assert main(["diff", "old.yaml", "new.yaml", "-o", "new.yaml"]) == 2
    assert "refusing to write over it" in capsys.readouterr().err
    assert Path("new.yaml").read_text(encoding="utf-8") == NEW


def git(*args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        check=True,
        capture_output=True,
    )


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@needs_git
def test_git_revisions_are_read_with_git_show(capsys: pytest.CaptureFixture[str]) -> None:
    git("init", "-q")
    Path("docs").mkdir()
    Path("docs/errors.yaml").write_text(OLD, encoding="utf-8")
    git("add", "docs/errors.yaml")
    git("commit", "-qm", "v1")
    git("tag", "v1.0")
    Path("docs/errors.yaml").write_text(NEW, encoding="utf-8")
    assert main(["diff", "v1.0:docs/errors.yaml", "docs/errors.yaml", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    removed = next(c for c in document["changes"] if c["kind"] == "removed")
    assert removed["file"] == "v1.0:docs/errors.yaml"


@needs_git
@pytest.mark.parametrize(
    ("old", "message"),
    [
        ("v9.9:docs/errors.yaml", "unknown git revision 'v9.9'"),
        ("HEAD:docs/nothing.yaml", "'docs/nothing.yaml' does not exist in HEAD"),
    ],
)
def test_bad_revisions_are_one_line(
    old: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    git("init", "-q")
    Path("docs").mkdir()
    Path("docs/errors.yaml").write_text(OLD, encoding="utf-8")
    git("add", "docs/errors.yaml")
    git("commit", "-qm", "v1")
    assert main(["diff", old, "new.yaml"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("sphinx-awserrors diff: error: ") and message in err
    assert err.count("\n") == 1


@needs_git
def test_a_revision_outside_a_repository_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert main(["diff", "v1.0:errors.yaml", "new.yaml"]) == 2
    assert "not in a git repository" in capsys.readouterr().err


def test_a_missing_file_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "nothing.yaml", "new.yaml"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("sphinx-awserrors diff: error: nothing.yaml: catalogue file not found")


def test_an_entry_left_out_is_a_warning_not_a_silent_removal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    Path("broken.yaml").write_text(
        NEW.replace("status: 400", "status: four hundred"), encoding="utf-8"
    )
    assert main(["diff", "old.yaml", "broken.yaml"]) == 0
    captured = capsys.readouterr()
    assert "sphinx-awserrors diff: warning: broken.yaml:6: entry 2 (InvalidQuery)" in captured.err
    assert "`InvalidQuery` removed" in captured.out  # what the reader could read, said aloud


HOSTILE = """errors:
  - code: "Odd`Code"
    status: 400
    description: "<script>alert(1)</script> [click](javascript:alert(1)) |cell| *x*"
"""


@pytest.mark.parametrize("fmt", ["markdown", "rst"])
def test_catalogue_text_cannot_inject_markup(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The notes, rendered as the release page renders them, hold no tag and no link."""
    Path("hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    assert main(["diff", "old.yaml", "hostile.yaml", "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "markdown":
        from markdown_it import MarkdownIt

        html = MarkdownIt("commonmark").render(out)
        assert "<code>Odd`Code</code>" in html  # a longer fence around a code with a backtick
    else:
        docutils_core = pytest.importorskip("docutils.core")
        html = docutils_core.publish_parts(out, writer_name="html5")["body"]
        assert "Odd`Code" in html
    assert "<script>" not in html and "&lt;script&gt;alert(1)" in html
    assert "<a " not in html and "href" not in html


def test_a_since_given_for_the_first_time_reads_as_such(capsys: pytest.CaptureFixture[str]) -> None:
    Path("later.yaml").write_text(
        NEW.replace(
            "    description: The query is not valid.\n",
            '    description: The query is not valid.\n    since: "1.0"\n',
        ),
        encoding="utf-8",
    )
    main(["diff", "new.yaml", "later.yaml"])
    out = capsys.readouterr().out
    assert "- `InvalidQuery`: now marked as added in 1.0." in out
    assert "None" not in out


def test_a_code_defined_twice_is_noted(capsys: pytest.CaptureFixture[str]) -> None:
    Path("twice.yaml").write_text(NEW + NEW.split("errors:\n")[1], encoding="utf-8")
    main(["diff", "new.yaml", "twice.yaml"])
    err = capsys.readouterr().err
    assert "sphinx-awserrors diff: note: twice.yaml:" in err
    assert "NoSuchKey is defined again; the first definition is compared" in err
