"""Writing catalogues: entries as YAML, TOML or JSON catalogue files that load back the same."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from sphinx_awserrors.catalogue import ErrorEntry, format_of, safe_io

if TYPE_CHECKING:
    from collections.abc import Sequence


_WIDTH = 96


def _plain_scalar_ok(text: str) -> bool:
    dumped = yaml.safe_dump(text, width=1_000_000)
    if dumped.startswith(("'", '"', "|", ">")):
        return False
    try:
        return bool(yaml.safe_load(dumped) == text)
    except yaml.YAMLError:
        return False


def yaml_scalar(text: str, indent: int, key: str) -> str:
    """*text* as the value of ``key:`` at *indent*: plain, folded (``>-``) or double-quoted.

    Short values are plain when YAML reads them back unchanged, else double-quoted; long
    values are folded over several lines when that reads back unchanged.
    """
    fits = indent + len(key) + 2 + len(text) <= _WIDTH
    if fits and "\n" not in text and _plain_scalar_ok(text):
        return f" {text}"
    simple = text == text.strip() and "  " not in text and not any(c in text for c in "\n\t\r")
    if not fits and simple:
        pad = " " * (indent + 2)
        lines = textwrap.wrap(
            text, _WIDTH - len(pad), break_long_words=False, break_on_hyphens=False
        )
        folded = " >-\n" + "\n".join(pad + line for line in lines)
        try:
            if yaml.safe_load(f"{key}:{folded}") == {key: text}:
                return folded
        except yaml.YAMLError:
            pass
    quoted = yaml.safe_dump(text, default_style='"', width=1_000_000, allow_unicode=True)
    return " " + quoted.strip().removesuffix("...").strip()


def dump_yaml(
    entries: Sequence[ErrorEntry], header: Sequence[str] = (), sources: bool = True
) -> str:
    """Entries as a YAML catalogue; *header* lines become comments at the top.

    With *sources*, each entry is preceded by ``# source: FILE:LINE``.
    """
    out = [f"# {line}".rstrip() for line in header]
    if out:
        out.append("")
    out.append("errors:")
    for entry in entries:
        if sources and entry.line:
            out.append(f"  # source: {entry.file}:{entry.line}")
        out.append("  - code:" + yaml_scalar(entry.code, 4, "code"))
        out.append(f"    status: {entry.status}")
        out.append("    description:" + yaml_scalar(entry.description, 4, "description"))
        for name in ("tags", "see_also", "ignore"):
            values: tuple[str, ...] = getattr(entry, name)
            if values:
                items = ", ".join(yaml_scalar(v, 0, "").strip() for v in values)
                out.append(f"    {name}: [{items}]")
    return "\n".join(out) + "\n"


def _toml_string(text: str) -> str:
    # A JSON string is a TOML basic string, except that TOML wants DEL escaped too.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def dump_toml(
    entries: Sequence[ErrorEntry], header: Sequence[str] = (), sources: bool = True
) -> str:
    """Entries as a TOML catalogue (an ``[[errors]]`` table each), with source comments."""
    out = [f"# {line}".rstrip() for line in header]
    for entry in entries:
        if out:
            out.append("")
        if sources and entry.line:
            out.append(f"# source: {entry.file}:{entry.line}")
        out.append("[[errors]]")
        out.append(f"code = {_toml_string(entry.code)}")
        out.append(f"status = {entry.status}")
        out.append(f"description = {_toml_string(entry.description)}")
        for name in ("tags", "see_also", "ignore"):
            values: tuple[str, ...] = getattr(entry, name)
            if values:
                out.append(f"{name} = [{', '.join(_toml_string(v) for v in values)}]")
    return "\n".join(out) + "\n"


def dump_json(entries: Sequence[ErrorEntry]) -> str:
    """Entries as a JSON catalogue (JSON has no comments: no source lines)."""
    data = {
        "errors": [
            {
                "code": e.code,
                "status": e.status,
                "description": e.description,
                **{
                    name: list(getattr(e, name))
                    for name in ("tags", "see_also", "ignore")
                    if getattr(e, name)
                },
            }
            for e in entries
        ]
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def dump_catalogue(entries: Sequence[ErrorEntry], fmt: str, header: Sequence[str] = ()) -> str:
    """Entries in catalogue format *fmt* (``yaml``, ``toml`` or ``json``)."""
    if fmt == "toml":
        return dump_toml(entries, header)
    if fmt == "json":
        return dump_json(entries)
    return dump_yaml(entries, header)


def write_catalogue(
    entries: Sequence[ErrorEntry],
    output: str | None,
    header: Sequence[str] = (),
    *,
    inputs: Sequence[str] = (),
) -> None:
    """Write *entries* to *output* (format by suffix), or as YAML to stdout when None or ``-``.

    The file is written atomically and never over one of *inputs* (see
    :func:`sphinx_awserrors.catalogue.safe_io.write_text`).

    Raises :class:`ValueError` for an unknown suffix and
    :class:`~sphinx_awserrors.catalogue.safe_io.FileProblem` (an :class:`OSError`) when the
    output is one of the inputs, not a regular file, or cannot be written.
    """
    if output is None or output == "-":
        sys.stdout.write(dump_yaml(entries, header))
        return
    fmt = format_of(output)
    if fmt is None:
        raise ValueError(
            f"{output}: unknown catalogue format {Path(output).suffix!r}; "
            "name the output .yaml, .yml, .toml or .json"
        )
    safe_io.write_text(output, dump_catalogue(entries, fmt, header), inputs=inputs)
