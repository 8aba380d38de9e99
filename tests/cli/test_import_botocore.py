"""import-botocore: service names as users type them."""

from __future__ import annotations

import pytest

from sphinx_awserrors.cli import main


def test_service_names_are_case_insensitive_and_unknown_ones_get_a_hint(
    capsys: pytest.CaptureFixture[str],
) -> None:
    pytest.importorskip("botocore")
    assert main(["import-botocore", "STS"]) == 0
    out = capsys.readouterr().out
    assert "from botocore" in out
    assert "tags: [sts]" in out
    assert main(["import-botocore", "s4"]) == 2
    assert "unknown service 's4'; botocore " in capsys.readouterr().err
    assert main(["import-botocore", "zzzzzz"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("sphinx-awserrors import-botocore: unknown service 'zzzzzz'; botocore ")
    assert err.endswith(" services, such as s3, iam and sts\n")
