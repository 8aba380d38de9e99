"""gettext for the extension: its own message catalogue, and the pages' catalogues.

``_`` translates text that lands in the output (table headers, captions, index names) into the
project's ``language``; ``__`` translates log messages into the console's locale. The
catalogue ``sphinx_awserrors`` lives in the package's ``locale`` folder,
``<lang>/LC_MESSAGES/sphinx_awserrors.mo``,
and is registered in :func:`sphinx_awserrors.setup`.

Regenerate the template after changing a message, then merge and compile (babel ships with
Sphinx)::

    pybabel extract -k _ -k __ --no-location --sort-output \\
        --project sphinx-awserrors --copyright-holder "sphinx_awserrors developers" \\
        -o sphinx_awserrors/locale/sphinx_awserrors.pot sphinx_awserrors
    pybabel update -i sphinx_awserrors/locale/sphinx_awserrors.pot \\
        -d sphinx_awserrors/locale -D sphinx_awserrors
    pybabel compile -d sphinx_awserrors/locale -D sphinx_awserrors

``tests/sphinxext/test_i18n.py`` fails when the template, a translation or a compiled file is stale.

:func:`page_translation` looks a catalogue description up in the project's own catalogues
(``locale_dirs``), as Sphinx's i18n transform does for the page's paragraphs.
"""

from __future__ import annotations

import gettext
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Final

from sphinx.locale import get_translation
from sphinx.util.i18n import docname_to_domain

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

#: The gettext domain of the extension's messages (the ``.pot``/``.po``/``.mo`` file name).
MESSAGE_CATALOG: Final = "sphinx_awserrors"

#: The directory that holds ``<lang>/LC_MESSAGES/sphinx_awserrors.mo``: ``sphinx_awserrors/locale``,
#: a data folder beside the layers.
LOCALE_DIR: Final = Path(__file__).resolve().parent.parent / "locale"

#: Text in the output, in the project's language.
_ = get_translation(MESSAGE_CATALOG)
#: Log messages, in the console's language.
__ = get_translation(MESSAGE_CATALOG, "console")


def column_header(column: str) -> str:
    """The default header of a table column (``code``, ``status``, ``description``, ``reason``)."""
    headers = {
        "code": _("Code"),
        "status": _("Status"),
        "description": _("Description"),
        "reason": _("Reason"),
    }
    return str(headers.get(column, column))


def class_title(klass: str) -> str:
    """The translated title of a status class, ``"4xx Client Error"``; *klass* when unknown."""
    titles = {
        "1xx": _("1xx Informational"),
        "2xx": _("2xx Success"),
        "3xx": _("3xx Redirection"),
        "4xx": _("4xx Client Error"),
        "5xx": _("5xx Server Error"),
    }
    return str(titles.get(klass, klass))


def page_translation(env: BuildEnvironment, message: str) -> str | None:
    """*message* translated by the catalogue of the page being read, as Sphinx would look it up.

    ``None`` when the project has no catalogue for the page in its ``language``; *message*
    itself when the catalogue does not translate it.
    """
    config = env.config
    if not config.language:
        return None
    # looked up once per document being read (temp_data is cleared after each), not per row
    files: tuple[tuple[str, int], ...] | None = env.temp_data.get("awserrors_mo_files")
    if files is None:
        domain = docname_to_domain(env.docname, config.gettext_compact)
        found: list[tuple[str, int]] = []
        for directory in config.locale_dirs:
            localedir = Path(env.srcdir, directory)
            for path in gettext.find(domain, localedir, [config.language], all=True):
                found.append((path, Path(path).stat().st_mtime_ns))
        files = env.temp_data["awserrors_mo_files"] = tuple(found)
    if not files:
        return None
    return _catalogue(files).gettext(message)


@lru_cache(maxsize=64)
def _catalogue(files: tuple[tuple[str, int], ...]) -> gettext.NullTranslations:
    """The compiled catalogues *files* (path, modification time), the first one winning."""
    translations: gettext.NullTranslations | None = None
    for path, _mtime in files:
        with Path(path).open("rb") as stream:
            loaded = gettext.GNUTranslations(stream)
        if translations is None:
            translations = loaded
        else:
            translations.add_fallback(loaded)
    return translations or gettext.NullTranslations()
