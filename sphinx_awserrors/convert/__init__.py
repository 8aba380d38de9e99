"""The convert layer: readers of other formats into catalogue entries, and writers out of them.

What belongs here: legacy table readers (``rst_table`` for reStructuredText, ``md_table`` for
Markdown), turning a table's rows into entries (``tables``), botocore's service models
(``botocore``), catalogue files written back as YAML/TOML/JSON (``catalogue_writer``) and the
export formats JSON, CSV, Markdown and RST (``writers``). A new importer or export format goes
here. docutils is allowed, Sphinx is not.
"""
