"""What a build imports: the extension loads the checks, the comparisons, the writers and PyYAML
only on the paths that use them, and each of those imports on its own (no cycle hidden)."""

from __future__ import annotations

import subprocess
import sys

import pytest

#: Modules the extension imports only where they are used.
DEFERRED = (
    "sphinx_awserrors.checks",
    "sphinx_awserrors.checks.settings",
    "sphinx_awserrors.compare.compat",
    "sphinx_awserrors.convert.writers",
    "yaml",
    "spellchecker",
)


def _loaded_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint('\\n'.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_setting_up_the_extension_loads_none_of_the_deferred_modules() -> None:
    loaded = _loaded_after("import sphinx_awserrors.sphinxext, sphinx_awserrors.catalogue.loader")
    assert "sphinx_awserrors.sphinxext.domain" in loaded
    assert not loaded & set(DEFERRED)


@pytest.mark.parametrize("module", [m for m in DEFERRED if m.startswith("sphinx_awserrors")])
def test_each_deferred_module_imports_first(module: str) -> None:
    # imported before anything else of the package: an import cycle would fail here
    assert module in _loaded_after(f"import {module}")
