"""``python -m sphinx_awserrors``: the command-line tools."""

from __future__ import annotations

import sys

from sphinx_awserrors.cli import main

sys.exit(main())
