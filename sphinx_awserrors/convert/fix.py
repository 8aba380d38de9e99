"""Fixing findings in place: the unambiguous edits of ``sphinx-awserrors lint --fix``.

A finding is fixable when the edit it calls for admits one answer, judged from the fields
every finding carries (``check``, ``field``, ``word``, ``suggestion``), never from its
message:

* whitespace in a description (doubled spaces, a tab between words, spaces at its ends or
  at the ends of its lines), and a missing space the check spells out (``request.Retry`` to
  ``request. Retry``, ``value(default`` to ``value (default``);
* a doubled full stop, comma or semicolon (``denied. .``) and a doubled word (``the the``);
* ``a``/``an`` (``an bucket`` to ``a bucket``);
* a misspelling whose one suggestion is one edit away (a letter added, dropped, changed or
  two letters swapped): the kind of slip a spell checker can be trusted with.

The edit is made to the field value of the entry the finding points at (its file, code and
line), in a document read with a round-trip library, so the rest of the file stays as it
was: comments, quoting, key order and indentation of YAML (ruamel.yaml) and TOML (tomlkit),
indentation of JSON. A file whose layout the library cannot reproduce exactly is left
alone, with a note. Legacy ``.rst`` and ``.md`` tables are never fixed in place: import them
into a catalogue first. Writing goes through :func:`~sphinx_awserrors.catalogue.safe_io.write_text`.

ruamel.yaml and tomlkit come with the ``[fix]`` extra; JSON needs nothing more.
"""

from __future__ import annotations

import difflib
import io
import json
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from sphinx_awserrors.catalogue import format_of, load_file, parse_catalogue_text, safe_io
from sphinx_awserrors.catalogue.model import FIELDS
from sphinx_awserrors.checks.spelling import damerau

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from sphinx_awserrors.catalogue import ErrorEntry
    from sphinx_awserrors.checks.registry import Finding

#: An edit of a field value: the new value, or ``None`` when the edit no longer applies.
Edit = Callable[[str], str | None]

#: The suffixes of the files ``--fix`` edits: catalogue files.
FIXABLE_SUFFIXES: Final = (".yaml", ".yml", ".toml", ".json")

#: What the ``[fix]`` extra brings, per format.
_EXTRA: Final = {"yaml": "ruamel.yaml", "toml": "tomlkit"}

_DOUBLED_SPACE: Final = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_TAB: Final = re.compile(r"(?<=\S)\t(?=\S)")
_LINE_END_SPACE: Final = re.compile(r"[ \t]+(?=\n)")
_LITERAL: Final = re.compile(r"(``.+?``)")
_DOUBLED_MARK: Final = re.compile(r"([.,;])\s+\1")
_WORD: Final = re.compile(r"[A-Za-z][A-Za-z']*")
_ARTICLES: Final = {"a": "an", "an": "a"}


class FixUnavailable(Exception):
    """The library a format needs for a round trip is missing (the ``[fix]`` extra)."""


@dataclass(frozen=True)
class FileFix:
    """What fixing one file gives: its old and new text and the findings fixed."""

    path: str
    original: str
    fixed: str
    applied: tuple[Finding, ...] = ()

    @property
    def changed(self) -> bool:
        """Whether the fixes change the file."""
        return self.fixed != self.original

    def diff(self) -> str:
        """The change as a unified diff (``a/FILE``, ``b/FILE`` for a relative path), or ``""``."""
        relative = not Path(self.path).is_absolute()
        return "".join(
            difflib.unified_diff(
                self.original.splitlines(keepends=True),
                self.fixed.splitlines(keepends=True),
                f"a/{self.path}" if relative else self.path,
                f"b/{self.path}" if relative else self.path,
            )
        )


@dataclass
class FixPlan:
    """The fixes of a set of findings: one :class:`FileFix` per file, and notes on the rest."""

    files: list[FileFix] = field(default_factory=list)
    #: why a file or finding that looked fixable was left alone (one line each)
    notes: list[str] = field(default_factory=list)

    @property
    def applied(self) -> list[Finding]:
        """Every finding the plan fixes."""
        return [f for fix in self.files for f in fix.applied]

    def diff(self) -> str:
        """The unified diff of every changed file."""
        return "".join(fix.diff() for fix in self.files if fix.changed)


# --- the edits -----------------------------------------------------------------------------------


def _replace_whole(old: str, new: str) -> Edit:
    """Replace *old* by *new* wherever it stands alone: not inside a longer word, nor a part
    of a name joined by hyphens, slashes, dots or underscores (``x-vgw-owner``)."""
    before = r"(?<![\w./@_-])" if old[:1].isalnum() else ""
    after = r"(?![\w/@_-])(?!\.\w)" if old[-1:].isalnum() else ""
    pattern = re.compile(before + re.escape(old) + after)

    def edit(value: str) -> str | None:
        fixed, count = pattern.subn(lambda _: new, value)
        return fixed if count else None

    return edit


def _single_spaced(text: str) -> str:
    """*text* with doubled spaces and tabs between words made one space, but inside
    ``inline literals``, where the spaces may be meant."""
    parts = _LITERAL.split(text)
    for index in range(0, len(parts), 2):  # the even parts are outside the literals
        parts[index] = _TAB.sub(" ", _DOUBLED_SPACE.sub(" ", parts[index]))
    return "".join(parts)


def _normalise_spaces(value: str) -> str | None:
    """*value* with whitespace put right: one space between words, none at the ends.

    An indented line after the first (of a literal block, in a description over several
    lines) keeps its spaces but the trailing ones; so does an inline literal.
    """
    lines = value.split("\n")
    fixed = "\n".join(
        line if number and line[:1] in (" ", "\t") else _single_spaced(line)
        for number, line in enumerate(lines)
    )
    fixed = _LINE_END_SPACE.sub("", fixed).strip(" \t")
    return fixed if fixed != value else None


def _inserts_one_space(word: str, suggestion: str) -> bool:
    """Whether *suggestion* is *word* with one space added inside it (``a.B`` to ``a. B``)."""
    if len(suggestion) != len(word) + 1:
        return False
    at = next((i for i, (a, b) in enumerate(zip(word, suggestion, strict=False)) if a != b), -1)
    return 0 < at < len(word) and suggestion[at] == " " and suggestion[at + 1 :] == word[at:]


def _article_swap(word: str, suggestion: str) -> bool:
    """Whether *suggestion* is *word* with ``a`` and ``an`` swapped at its start."""
    old, new = word.split(), suggestion.split()
    return (
        len(old) >= 2
        and len(old) == len(new)
        and old[1:] == new[1:]
        and _ARTICLES.get(old[0].lower()) == new[0].lower()
    )


def _doubled_word(word: str, suggestion: str) -> bool:
    parts = word.split()
    return len(parts) == 2 and parts[0].lower() == parts[1].lower() == suggestion.lower()


def _case_shape(word: str) -> str:
    if word.islower():
        return "lower"
    if word.isupper():
        return "upper"
    return "title" if word[:1].isupper() and word[1:].islower() else "mixed"


def _one_edit_slip(word: str, suggestion: str) -> bool:
    """Whether *suggestion* is one plain word one edit away from the one word *word*, written
    in the same case (``vgw`` to ``RGW`` changes more than a letter: a name, not a slip)."""
    return (
        _WORD.fullmatch(word) is not None
        and _WORD.fullmatch(suggestion) is not None
        and word.lower() != suggestion.lower()
        and _case_shape(word) == _case_shape(suggestion) != "mixed"
        and damerau(word.lower(), suggestion.lower(), 1) == 1
    )


def edit_for(finding: Finding) -> Edit | None:
    """The edit of its field value that fixes *finding*, or ``None`` when none is unambiguous.

    Only descriptions and other prose fields are edited, never a code (that would change the
    entry's identity) and never a finding without a field (a line of a legacy table).
    """
    if finding.field in (None, "code") or finding.code is None:
        return None
    word, suggestion = finding.word, finding.suggestion
    if finding.check == "whitespace" and word is None and suggestion is None:
        return _normalise_spaces
    if not word or suggestion is None:
        return None
    if finding.check in ("whitespace", "punctuation") and _inserts_one_space(word, suggestion):
        return _replace_whole(word, suggestion)
    if finding.check in ("grammar", "punctuation") and (
        (_DOUBLED_MARK.fullmatch(word) and suggestion == word[0])
        or _doubled_word(word, suggestion)
        or _article_swap(word, suggestion)
    ):
        return _replace_whole(word, suggestion)
    if finding.check == "spelling" and _one_edit_slip(word, suggestion):
        return _replace_whole(word, suggestion)
    return None


def fixable(findings: Iterable[Finding]) -> list[Finding]:
    """The findings of *findings* that ``--fix`` would fix in a catalogue file."""
    return [
        f
        for f in findings
        if Path(f.file).suffix.lower() in FIXABLE_SUFFIXES and edit_for(f) is not None
    ]


# --- round trips ---------------------------------------------------------------------------------


class _Layout(Exception):
    """The file cannot be written back exactly as read; the message says why."""


class _Document:
    """A catalogue file read for a round trip: its ``errors`` entries and a way to write it."""

    def __init__(self, text: str, kind: str) -> None:
        self.kind = kind
        self.text = text
        self.data: Any = None
        self._dump: Callable[[Any], str]
        if kind == "yaml":
            self._load_yaml(text)
        elif kind == "toml":
            self._load_toml(text)
        else:
            self._load_json(text)
        if self.dump() != text:
            msg = "its layout would not be kept (the round trip changes it)"
            raise _Layout(msg)

    def _load_yaml(self, text: str) -> None:
        try:
            from ruamel.yaml import YAML
            from ruamel.yaml.error import YAMLError
            from ruamel.yaml.util import load_yaml_guess_indent
        except ImportError:
            raise FixUnavailable(_missing("yaml")) from None
        try:
            _, indent, offset = load_yaml_guess_indent(text)
        except YAMLError as exc:
            raise _Layout(f"YAML the round trip cannot read ({_first_line(exc)})") from None
        for mapping in dict.fromkeys((2, indent or 2, 4)):
            yaml = YAML()
            yaml.preserve_quotes = True
            yaml.width = 4096  # never re-wrap a line the file has
            yaml.indent(mapping=mapping, sequence=indent or 2, offset=offset or 0)
            try:
                data = yaml.load(text)
            except YAMLError as exc:
                raise _Layout(f"YAML the round trip cannot read ({_first_line(exc)})") from None

            def dump(value: Any, yaml: Any = yaml) -> str:
                out = io.StringIO()
                yaml.dump(value, out)
                return out.getvalue()

            self.data, self._dump = data, dump
            if dump(data) == text:
                return

    def _load_toml(self, text: str) -> None:
        try:
            import tomlkit
            from tomlkit.exceptions import TOMLKitError
        except ImportError:
            raise FixUnavailable(_missing("toml")) from None
        try:
            self.data = tomlkit.parse(text)
        except TOMLKitError as exc:
            raise _Layout(f"TOML the round trip cannot read ({_first_line(exc)})") from None
        self._dump = tomlkit.dumps

    def _load_json(self, text: str) -> None:
        try:
            self.data = json.loads(text)
        except (ValueError, RecursionError) as exc:
            raise _Layout(f"JSON that cannot be read ({_first_line(exc)})") from None
        found = re.search(r"^[\[{][ \t]*\r?\n([ \t]+)\S", text)
        indent = found.group(1) if found else None
        end = text[len(text.rstrip()) :]
        ascii_only = "\\u" in text

        def dump(value: Any) -> str:
            return json.dumps(value, indent=indent, ensure_ascii=ascii_only) + end

        self._dump = dump

    def dump(self) -> str:
        """The document as text."""
        return self._dump(self.data)

    def entries(self) -> list[Any]:
        """The mappings of the ``errors`` list, in file order."""
        errors = self.data.get("errors") if hasattr(self.data, "get") else None
        if not isinstance(errors, list):
            return []
        return [e for e in errors if hasattr(e, "get")]

    def set_value(self, entry: Any, name: str, value: str) -> None:
        """Set *entry*'s field *name* to *value*, written in the style of the old value."""
        old = entry[name]
        if self.kind == "yaml":
            entry[name] = _yaml_like(old, value)
        elif self.kind == "toml":
            entry[name] = _toml_like(old, value)
        else:
            entry[name] = value


def _missing(kind: str) -> str:
    return f"fixing {kind.upper()} files needs {_EXTRA[kind]}: pip install 'sphinx-awserrors[fix]'"


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _moved_folds(old: str, new: str, folds: Sequence[int]) -> list[int]:
    """The places of *folds* (offsets of spaces in *old*) carried over to *new*."""
    moved: list[int] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, _j2 in matcher.get_opcodes():
        if tag != "equal":
            continue
        moved.extend(j1 + pos - i1 for pos in folds if i1 <= pos < i2)
    return [pos for pos in moved if 0 < pos < len(new) - 1 and new[pos] == " "]


def _yaml_like(old: object, value: str) -> object:
    """*value* as a YAML scalar of *old*'s kind (quoted, literal, folded with its folds)."""
    from ruamel.yaml.scalarstring import FoldedScalarString, ScalarString

    if not isinstance(old, ScalarString):
        return value
    new = type(old)(value)
    if isinstance(old, FoldedScalarString) and isinstance(new, FoldedScalarString):
        setattr(new, "fold_pos", _moved_folds(str(old), value, getattr(old, "fold_pos", [])))  # noqa: B010
    return new


def _toml_like(old: object, value: str) -> object:
    """*value* as a TOML string of *old*'s kind (basic or literal, one line or several)."""
    import tomlkit
    from tomlkit.items import String

    if not isinstance(old, String):
        return value
    literal = old.type.is_literal() and "'" not in value
    multiline = old.type.is_multiline() or "\n" in value
    if literal and multiline and "'''" in value:
        literal = False
    return tomlkit.string(value, literal=literal, multiline=multiline)


# --- fixing files --------------------------------------------------------------------------------


def _owner(finding: Finding, entries: Sequence[ErrorEntry]) -> int | None:
    """The place of *finding*'s entry among the entries of its file with its code."""
    same = sorted((e for e in entries if e.code == finding.code), key=lambda e: e.line or 0)
    if not same:
        return None
    if finding.line is None or len(same) == 1:
        return 0
    before = [i for i, e in enumerate(same) if (e.line or 0) <= finding.line]
    return before[-1] if before else 0


def fix_file(path: str, findings: Sequence[Finding]) -> tuple[FileFix | None, list[str]]:
    """Apply the fixable *findings* of catalogue file *path* to its text (nothing written).

    Returns the fix (``None`` when the file cannot be fixed) and notes saying what was left
    alone and why. Raises :class:`FixUnavailable` when the format's library is missing.
    """
    kind = format_of(path)
    if kind is None:
        return None, [f"{path}: not a catalogue file (.yaml, .yml, .toml, .json); not fixed"]
    try:
        text = safe_io.read_bytes(path).decode("utf-8")
    except (safe_io.FileProblem, UnicodeDecodeError) as exc:
        return None, [f"{path}: cannot read: {_first_line(exc)}; not fixed"]
    entries, problems = load_file(path)
    if any(p.fatal for p in problems):
        return None, [f"{path}: cannot be read as a catalogue; not fixed"]
    try:
        document = _Document(text, kind)
        fixed, applied, notes = _apply(document, entries, findings)
    except _Layout as exc:
        return None, [f"{path}: {exc}; not fixed"]
    except FixUnavailable:
        raise
    except Exception as exc:  # the file is left alone whatever went wrong
        return None, [f"{path}: the fixes cannot be applied ({type(exc).__name__}); not fixed"]
    if applied and not _reads_back(path, kind, fixed, entries, applied):
        return None, [*notes, f"{path}: the fixed file does not read back as it should; not fixed"]
    return FileFix(path, text, fixed, tuple(applied)), notes


def _reads_back(
    path: str, kind: str, fixed: str, entries: Sequence[ErrorEntry], applied: Sequence[Finding]
) -> bool:
    """Whether *fixed* reads as the same entries as before, but for the fields fixed."""
    after, problems = parse_catalogue_text(fixed, path, kind)
    if any(p.fatal for p in problems) or len(after) != len(entries):
        return False
    touched = {(f.code, f.field) for f in applied}
    for old, new in zip(entries, after, strict=True):
        for name in FIELDS:
            if (old.code, name) in touched:
                continue
            if getattr(old, name) != getattr(new, name):
                return False
    return True


def _apply(
    document: _Document, entries: Sequence[ErrorEntry], findings: Sequence[Finding]
) -> tuple[str, list[Finding], list[str]]:
    """Apply the edits of *findings* to *document*: its new text, the findings fixed, notes."""
    items = document.entries()
    applied: list[Finding] = []
    notes: list[str] = []
    for finding in sorted(findings, key=lambda f: (f.line or 0, f.check, f.message)):
        edit = edit_for(finding)
        if edit is None or finding.field is None:
            continue
        index = _owner(finding, entries)
        same = [item for item in items if item.get("code") == finding.code]
        expected = sum(1 for e in entries if e.code == finding.code)
        if index is None or len(same) != expected:
            notes.append(f"{finding.location()}: {finding.code}: entry not found; not fixed")
            continue
        item = same[index]
        value = item.get(finding.field)
        new = edit(str(value)) if isinstance(value, str) else None
        if new is None or new == value:
            continue  # another fix of the same field made this one already
        document.set_value(item, finding.field, new)
        applied.append(finding)
    return (document.dump() if applied else document.text), applied, notes


def plan(findings: Iterable[Finding]) -> FixPlan:
    """The fixes of *findings*, file by file (nothing written).

    Findings in legacy ``.rst``/``.md`` tables are never fixed in place: one note per file
    says so. Raises :class:`FixUnavailable` when a format's library is missing.
    """
    result = FixPlan()
    by_file: dict[str, list[Finding]] = {}
    tables: dict[str, int] = {}
    for finding in findings:
        if edit_for(finding) is None and not (finding.check == "whitespace" and not finding.field):
            continue
        if Path(finding.file).suffix.lower() not in FIXABLE_SUFFIXES:
            tables[finding.file] = tables.get(finding.file, 0) + 1
            continue
        by_file.setdefault(finding.file, []).append(finding)
    for name, count in tables.items():
        result.notes.append(
            f"{name}: {count} fixable finding(s) left: tables in .rst/.md files are not fixed "
            "in place; import the table into a catalogue (import-rst, import-md) to fix it"
        )
    for name, found in by_file.items():
        fix, notes = fix_file(name, found)
        result.notes.extend(notes)
        if fix is not None and fix.changed:
            result.files.append(fix)
    return result


def write(fixes: Iterable[FileFix]) -> None:
    """Write each changed file of *fixes* in place, atomically, keeping its mode.

    Every file is checked before any is written: a read-only file (the rename would replace
    it all the same, but read-only says "leave me") or one that is gone stops them all.

    :raises safe_io.FileProblem: when a file cannot be written or is read-only (it is left
        as it was).
    """
    changed = [fix for fix in fixes if fix.changed]
    for fix in changed:
        try:
            mode = Path(fix.path).stat().st_mode
        except OSError as exc:
            reason = safe_io.os_reason(exc)
            raise safe_io.FileProblem(fix.path, f"cannot write: {reason}") from None
        if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
            raise safe_io.FileProblem(fix.path, "is read-only; not fixed")
        safe_io.check_target(fix.path)
    for fix in changed:
        safe_io.write_text(fix.path, fix.fixed)
