"""Descriptions made of very long "words": every check stays within bounded memory.

A spelling suggestion for a word of 20,000 letters took 21 GB and minutes (its edits grow with
the square of its length), and ``variant-spelling`` kept every prefix of a 100,000-letter word
(5 GB). Each description runs through every check in a subprocess whose address space is
capped: a regression fails with a MemoryError rather than taking the machine.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pathlib import Path

#: The address space a lint of one such description may take (the interpreter, the
#: dictionary and the checks need about a tenth of it).
ADDRESS_SPACE = 2 * 1024**3

DESCRIPTIONS = {
    "one long word": "x" * 50_000,
    "long word in prose": "The key " + "ab" * 20_000 + " does not exist.",
    "dotted": "a." * 50_000,
    "hyphenated": "a-" * 50_000,
    "slashed": "a/" * 50_000,
    "joined variants": "well-formed well formed " * 2_000,
    "camel case": "aB" * 25_000,
    "accented": "é" * 50_000,
    "long code literal": "``" + "Y" * 50_000 + "``",
}


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


@pytest.mark.parametrize("description", DESCRIPTIONS.values(), ids=list(DESCRIPTIONS))
def test_every_check_on_a_long_word_is_bounded(tmp_path: Path, description: str) -> None:
    catalogue = tmp_path / "errors.json"
    entry = {"code": "LongWord", "status": 400, "description": description}
    catalogue.write_text(json.dumps({"errors": [entry]}), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "sphinx_awserrors", "lint", "--select", "all", str(catalogue)],
        capture_output=True,
        text=True,
        timeout=300,  # a regression must fail the test, not hang the suite
        check=False,
        preexec_fn=_capped,
    )
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    # no finding repeats a blob in full
    assert all(len(line) < 1_000 for line in proc.stdout.splitlines())
