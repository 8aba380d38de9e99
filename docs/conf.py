"""Sphinx configuration of sphinx-awserrors' own documentation, built with the extension."""

from __future__ import annotations

import warnings

import sphinx_awserrors

# sphinx-autodoc-typehints (3.6, the newest) calls an API that Sphinx 9 deprecates, once per
# docstring it parses: a note for its maintainers, not something a reader who runs
# `make demo` can act on, so it does not print. Nothing of this project is silenced.
warnings.filterwarnings(
    "ignore", category=DeprecationWarning, module=r"sphinx_autodoc_typehints(\.|$)"
)

project = "sphinx-awserrors"
author = "sphinx_awserrors developers"
copyright = "2026, sphinx_awserrors developers"
version = release = sphinx_awserrors.__version__

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
    "sphinx_autodoc_typehints",
    "myst_parser",
    "sphinx_awserrors",
]

# The bundled AWS catalogue: no `awserrors_catalogue` needed.

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "_includes", "**/_includes"]
root_doc = "index"

html_theme = "alabaster"
html_title = "sphinx-awserrors"
html_theme_options = {"description": "AWS-style error codes, documented from one catalogue"}

# Offline builds: the inventories are not fetched, so references to Python's and Sphinx's
# objects stay plain text; nitpicky mode is told which of them cannot resolve.
intersphinx_mapping: dict[str, tuple[str, str | None]] = {}
nitpicky = True
nitpick_ignore_regex = [
    (r"py:mod", r"(tomllib|json|yaml|docutils|sphinx)"),
    (r"py:.*", r"(docutils|sphinx|collections|argparse|pathlib|typing|re|os)\..*"),
    (r"py:class", r"(Path|Node|Sphinx|BuildEnvironment|Config|Element|Any|Iterator|Iterable)"),
    (r"py:class", r"(Sequence|Mapping|Callable|Literal|Namespace|SphinxDirective|Directive)"),
    (r"py:class", r"(ExtensionMetadata|SphinxRole|Domain|Index|IndexEntry|ObjType|XRefRole)"),
    (r"py:class", r"(Builder|TextElement|system_message|Inliner|Body|RSTState|StateMachine)"),
    (r"py:class", r"(spellchecker\..*|SpellChecker|yaml\..*|_io\..*|io\..*|Finding)"),
    (r"py:class", r"(NoneType|Final|Scope|CheckFunction|Location|Command)"),
    (r"py:data", r"Ellipsis"),  # tuple[Row, ...]
]

autodoc_member_order = "bysource"
autodoc_typehints = "description"
typehints_defaults = "comma"
always_document_param_types = False

# LaTeX does not escape the author: the underscore would stop pdflatex ("Missing $ inserted").
latex_documents = [
    (root_doc, "sphinx-awserrors.tex", "sphinx-awserrors", author.replace("_", r"\_"), "manual"),
]
latex_elements = {
    # chapters are numbered, sections not: the tutorial and the migration guide number their
    # steps in the headings ("7. Check the result"), which a section number repeated
    # ("2.7 7. Check the result")
    # the goal tables of the benchmarks page write "≤", which pdflatex has no glyph set up for
    "preamble": r"\setcounter{secnumdepth}{0}"
    r"\DeclareUnicodeCharacter{2264}{\ensuremath{\leq}}"
    r"\DeclareUnicodeCharacter{2265}{\ensuremath{\geq}}",
    # a listing line with no place to wrap (a long URL, a long call) wraps anyway instead of
    # running past the margin
    "sphinxsetup": "verbatimforcewraps",
    # the index has two columns: long codes (ServerSideEncryptionConfigurationNotFoundError)
    # fit them better in a smaller type, ragged right
    "printindex": r"\footnotesize\raggedright\printindex",
}
man_pages = [
    ("cli", "sphinx-awserrors", "check, import and export AWS-style error catalogues", author, 1)
]
epub_show_urls = "no"
suppress_warnings = ["epub.unknown_project_files"]
