"""Reading botocore's error documentation: the first sentence of a shape's documentation."""

from __future__ import annotations

# --- import-botocore --------------------------------------------------------------------------


def test_first_sentence_of_botocore_documentation() -> None:
    from sphinx_awserrors.convert.botocore import first_sentence

    html = "<p>The <code>Key</code> is *bad*. See the guide.</p>"
    assert first_sentence(html) == "The ``Key`` is \\*bad\\*."
    assert first_sentence("<p>Version 1.2 is old e.g. this. Next.</p>") == (
        "Version 1.2 is old e.g. this."
    )
