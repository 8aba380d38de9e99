"""The catalogue layer: the error-code model, its file loaders, the bundled data, status filters.

What belongs here: the frozen :class:`ErrorEntry` and :class:`Catalogue` (``model``), the
YAML/TOML/JSON loaders that keep every entry's line (``loader``), the bundled AWS catalogue and
the JSON Schema (``bundled``, ``data/``), and HTTP status filters and classes (``status``).
Nothing here imports Sphinx or another layer of the package: every other layer builds on it.

This module is the layer's public face: the names below are imported from here.
"""

from __future__ import annotations

from sphinx_awserrors.catalogue.bundled import BUNDLED, bundled_path
from sphinx_awserrors.catalogue.loader import (
    FORMATS,
    TOP_LEVEL_KEYS,
    catalogue_digest,
    format_of,
    load_catalogue,
    load_file,
    load_files,
    merge,
    parse_catalogue_text,
    resolve_files,
)
from sphinx_awserrors.catalogue.model import (
    DIFFERS_KEYS,
    FIELDS,
    REQUIRED_FIELDS,
    Catalogue,
    CatalogueFile,
    ErrorEntry,
    LoadResult,
    Problem,
)

__all__ = [
    "BUNDLED",
    "DIFFERS_KEYS",
    "FIELDS",
    "FORMATS",
    "REQUIRED_FIELDS",
    "TOP_LEVEL_KEYS",
    "Catalogue",
    "CatalogueFile",
    "ErrorEntry",
    "LoadResult",
    "Problem",
    "bundled_path",
    "catalogue_digest",
    "format_of",
    "load_catalogue",
    "load_file",
    "load_files",
    "merge",
    "parse_catalogue_text",
    "resolve_files",
]
