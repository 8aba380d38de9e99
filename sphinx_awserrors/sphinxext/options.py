"""Directive options that every parser reports alike.

docutils reports a bad or unknown option and drops the directive; myst-parser warns and runs
the directive without it. The converters here keep the bad value so the directive itself
reports it, the same way on reStructuredText and MyST pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from docutils import nodes
from docutils.parsers.rst import directives

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.util.docutils import SphinxDirective


class InvalidOption(NamedTuple):
    """An option value a converter rejected, kept for :meth:`AwsErrorTable.run` to report."""

    argument: str | None
    message: str
    #: the option's name is not an option of the table
    unknown: bool = False


def _unknown_option(argument: str | None) -> InvalidOption:
    return InvalidOption(argument, "", unknown=True)


class OptionSpec(dict[str, "Callable[[str], object]"]):
    """A directive's options; an unknown name converts to an :class:`InvalidOption` as well.

    docutils reports an unknown option and drops the directive; myst-parser warns and runs the
    directive without it, so a misspelt ``:stauts:`` would list every entry. Both parsers look
    the converter up by name, so the directive reports the unknown name itself
    (:func:`option_error`).
    """

    def __missing__(self, name: str) -> Callable[[str | None], InvalidOption]:
        return _unknown_option


def _reported_in_run(converter: Callable[..., object]) -> Callable[[str], object]:
    """*converter*, with a rejected value returned as :class:`InvalidOption` instead of raised.

    docutils turns a converter's ``ValueError`` into an error and drops the directive, but
    myst-parser only warns and runs the directive without the option: a table whose ``:status:``
    is malformed would list every entry. :meth:`AwsErrorTable.run` reports the value as docutils
    does, on either parser, and renders nothing.
    """

    def convert(argument: str | None) -> object:
        try:
            return converter(argument)
        except ValueError as error:
            return InvalidOption(argument, " ".join(str(arg) for arg in error.args))

    convert.__name__ = converter.__name__
    convert.__doc__ = converter.__doc__
    return convert


#: A flag (``:no-index:``): a value is an error on MyST pages too, where myst-parser would
#: accept any value, so ``:no-index: false`` would set it.
flag_option = _reported_in_run(directives.flag)


def option_error(directive: SphinxDirective) -> nodes.system_message | None:
    """The error for *directive*'s first :class:`InvalidOption`, worded as docutils words it.

    ``None`` when every option is valid.
    """
    for name, value in directive.options.items():
        if not isinstance(value, InvalidOption):
            continue
        if value.unknown:
            message = f'Error in "{directive.name}" directive:\nunknown option: "{name}".'
        else:
            message = (
                f'Error in "{directive.name}" directive:\n'
                f'invalid option value: (option: "{name}"; value: {value.argument!r})\n'
                f"{value.message}."
            )
        block = nodes.literal_block(directive.block_text, directive.block_text)
        error: nodes.system_message = directive.state_machine.reporter.error(
            message, block, line=directive.lineno
        )
        return error
    return None
