"""The markup layer: descriptions, which are inline reStructuredText, read without Sphinx.

What belongs here: parsing a description quietly with docutils (``inline``) and turning it into
plain text for tooltips, indices, search and exports (``text``), and what a description may
contain: the allowed roles and URL schemes (``policy``). docutils is allowed, Sphinx is not; the
converters and the Sphinx extension both build on it.
"""
