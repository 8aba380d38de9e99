"""intersphinx round trip: project two resolves codes through project one's ``objects.inv``."""

from __future__ import annotations

import pytest
from support_xref import Built, awserrors_warnings, build, copy_root, links, paragraph

ONE = "https://one.example.org/"


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("intersphinx")
    one = build(copy_root("intersphinx-one", base))
    src = copy_root("intersphinx-two", base)
    inv = one.outdir / "objects.inv"
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(f"intersphinx_mapping = {{'one': ({ONE!r}, {str(inv)!r})}}\n")
    return build(src)


def _link(built: Built, start: str) -> str:
    (link,) = links(paragraph(built.read("index.html"), start))
    return link.href


def test_own_code_resolves_locally(two: Built) -> None:
    assert _link(two, "Own:") == "#awserr-nosuchkey"


def test_code_the_catalogue_lacks_resolves_through_intersphinx(two: Built) -> None:
    assert _link(two, "Lacking:") == ONE + "index.html#awserr-backendunavailable"


def test_intersphinx_comes_before_the_external_url(two: Built) -> None:
    # SlowDown is in two's catalogue but no page of two shows it; one shows it
    assert _link(two, "Unshown:") == ONE + "index.html#awserr-slowdown"


def test_external_url_when_intersphinx_has_nothing(two: Built) -> None:
    assert _link(two, "External URL:") == "https://aws.example.com/errors#onlyhere"


def test_explicit_external_role(two: Built) -> None:
    assert _link(two, "Explicit:") == ONE + "index.html#awserr-nosuchkey"


def test_standard_label_through_intersphinx(two: Built) -> None:
    assert _link(two, "Label:") == ONE + "index.html#awserr-backendunavailable"


def test_only_the_unknown_code_warns(two: Built) -> None:
    assert awserrors_warnings(two.warnings, two.app.srcdir) == [
        "index.rst:19: WARNING: unknown AWS error code 'Nowhere' [awserrors.ref]"
    ]
    assert "reference target not found" not in two.warnings
