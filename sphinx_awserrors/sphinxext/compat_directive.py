"""The ``aws-error-compat`` directive: the catalogue's compatibility matrix with a reference.

``.. aws-error-compat:: [caption]`` compares the project's catalogue with a reference
(``:reference:``, ``aws-s3`` by default; ``botocore`` or a catalogue file relative to the
source folder) through :func:`sphinx_awserrors.compare.compat.compare` and renders one row
per code: the code, its status here, its status in the reference and a note (the entry's
``differs:`` reason, or the kind of difference), followed by the totals. It builds a real
docutils table, so every builder renders it. ``:status:``, ``:codes:``, ``:exclude:``,
``:tags:`` (of the catalogue's entries) and ``:sort:`` work as in ``aws-error-table``;
``:show:`` picks the kinds of rows.
"""

from __future__ import annotations

from fnmatch import fnmatchcase
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Final

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from sphinx_awserrors.catalogue import Catalogue
from sphinx_awserrors.catalogue.status import ALL, status_class
from sphinx_awserrors.sphinxext import buildstate
from sphinx_awserrors.sphinxext._logging import warn
from sphinx_awserrors.sphinxext.locale import _, __, column_header
from sphinx_awserrors.sphinxext.options import OptionSpec, _reported_in_run, option_error
from sphinx_awserrors.sphinxext.render import awserr_code
from sphinx_awserrors.sphinxext.table_directive import (
    _choice,
    _words,
    exclude_option,
    patterns_option,
    status_option,
    tags_option,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx

    from sphinx_awserrors.catalogue.status import StatusFilter
    from sphinx_awserrors.compare.compat import Row

# The comparison itself (``compare.compat``) is imported where a matrix is made: most builds
# have none, and the module would be loaded by every build for nothing.


#: The default reference of the matrix.
DEFAULT_REFERENCE: Final = "aws-s3"


def show_option(argument: str | None) -> list[str]:
    """``:show:``: the kinds of rows to show (default: all), separated by commas or spaces."""
    from sphinx_awserrors.compare.compat import KINDS

    kinds = _words(argument, "show")
    for kind in kinds:
        if kind not in KINDS:
            raise ValueError(__("unknown kind %r; allowed: %s") % (kind, ", ".join(KINDS)))
    return kinds


#: The orders of ``:sort:``, each a key on (position, row); ``source``: the catalogue's order,
#: then the codes only the reference has.
SORTS: Final[dict[str, Callable[[tuple[int, Row]], tuple[object, ...]]]] = {
    "code": lambda item: (item[1].name.casefold(), item[1].name, item[0]),
    "status": lambda item: (_first_status(item[1]), item[1].name.casefold(), item[0]),
    "source": lambda item: (item[0],),
}


def _first_status(row: Row) -> int:
    statuses = (row.status,) if row.status is not None else row.reference_statuses
    return statuses[0] if statuses else 0


def sort_option(argument: str | None) -> str:
    """``:sort:``: ``code`` (the default, as in ``aws-error-table``), ``status`` or ``source``."""
    return _choice(argument, tuple(SORTS), "sort")


def reference_option(argument: str | None) -> str:
    """``:reference:``: ``aws-s3``, ``botocore`` or a catalogue file."""
    value = (argument or "").strip()
    if not value:
        raise ValueError(__(":reference: needs a value: aws-s3, botocore or a catalogue file"))
    return value


def kind_note(row: Row) -> str:
    """The translated note of *row* when its entry gives no reason."""
    if row.kind == "case":
        return str(_("differs only in case from %s")) % row.reference_code
    if row.kind == "misspelling":
        return str(_("likely a misspelling of %s")) % row.reference_code
    notes = {
        "same": _("same"),
        "status": _("status differs"),
        "extension": _("only here"),
        "missing": _("only in the reference"),
        "stale": _("marked as differing, but the same"),
    }
    return str(notes[row.kind])


def totals_text(totals: dict[str, int]) -> str:
    """The translated totals line of a matrix."""
    return str(_("Same: %d; differs: %d; only here: %d; only in the reference: %d.")) % (
        totals["same"],
        totals["differs"],
        totals["only_here"],
        totals["only_in_reference"],
    )


@cache
def _botocore_s3() -> Catalogue:
    """botocore's S3 error shapes, read once per process (reading the models takes seconds)."""
    from sphinx_awserrors.checks.references import resolve_reference
    from sphinx_awserrors.compare.compat import restrict_to_service

    return restrict_to_service(resolve_reference("botocore"), "s3")


class AwsErrorCompat(SphinxDirective):
    """``.. aws-error-compat:: [caption]``: the compatibility matrix with a reference."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = False
    option_spec: ClassVar[dict[str, Callable[[str], object]]] = OptionSpec(
        {
            "reference": _reported_in_run(reference_option),
            "status": _reported_in_run(status_option),
            "codes": _reported_in_run(patterns_option),
            "exclude": _reported_in_run(exclude_option),
            "tags": _reported_in_run(tags_option),
            "sort": _reported_in_run(sort_option),
            "show": _reported_in_run(show_option),
            "class": _reported_in_run(directives.class_option),
            "name": directives.unchanged,
        }
    )

    def run(self) -> list[nodes.Node]:
        """Compare, filter and render the rows and their totals."""
        invalid = option_error(self)
        if invalid is not None:
            return [invalid]
        buildstate.note_renders_catalogue(self.env, self.env.docname)
        name: str = self.options.get("reference", DEFAULT_REFERENCE)
        reference = self._reference(name)
        if reference is None:
            return []
        catalogue = buildstate.get_catalogue(self.env)
        if not len(catalogue):
            return []  # the build already said why
        tags: list[str] | None = self.options.get("tags")
        if tags is not None:
            chosen = (e for e in catalogue if set(tags) & {t.casefold() for t in e.tags})
            catalogue = Catalogue(tuple(chosen))
        from sphinx_awserrors.compare.compat import compare

        comparison = compare(catalogue, reference, name)
        rows = self._select(comparison.rows)
        if not rows:
            warn(
                __("aws-error-compat: no code matches the filters"),
                "compat",
                self.get_location(),
            )
            return []
        table = self._table(rows, name)
        totals = nodes.paragraph("", "", classes=["awserr-compat-totals"], translatable=False)
        totals += nodes.Text(totals_text(comparison.totals(rows)))
        container = nodes.container("", table, totals, classes=["awserr-compat"])
        return [container]

    def _reference(self, name: str) -> Catalogue | None:
        from sphinx_awserrors.checks.reference_status import ReferenceUnavailable
        from sphinx_awserrors.checks.references import (
            NAMED_REFERENCES,
            ReferenceError,
            resolve_reference,
        )

        path = name
        if name not in NAMED_REFERENCES:
            path = str(Path(self.env.srcdir, name))
            self.env.note_dependency(path)
            if not Path(path).is_file():
                warn(
                    __(
                        "aws-error-compat: reference file %r not found (relative to the source "
                        "folder); give aws-s3, botocore or a catalogue file"
                    )
                    % name,
                    "compat",
                    self.get_location(),
                )
                return None
        try:
            if name == "botocore":
                return _botocore_s3()
            return resolve_reference(path)
        except (ReferenceError, ReferenceUnavailable) as exc:
            warn(__("aws-error-compat: %s") % exc, "compat", self.get_location())
            return None

    def _select(self, rows: tuple[Row, ...]) -> list[Row]:
        from sphinx_awserrors.compare.compat import KINDS

        status: StatusFilter = self.options.get("status", ALL)
        codes: list[str] | None = self.options.get("codes")
        show = set(self.options.get("show", KINDS))

        def statuses(row: Row) -> tuple[int, ...]:
            return (row.status,) if row.status is not None else row.reference_statuses

        exclude: list[str] = self.options.get("exclude", [])

        def matches(row: Row, patterns: list[str]) -> bool:
            names = [c for c in (row.code, row.reference_code) if c]
            return any(fnmatchcase(c, p) for p in patterns for c in names)

        chosen = [
            (position, row)
            for position, row in enumerate(rows)
            if row.kind in show
            and any(status(s) for s in statuses(row))
            and (codes is None or matches(row, codes))
            and not matches(row, exclude)
        ]
        chosen.sort(key=SORTS[self.options.get("sort", "code")])
        return [row for _position, row in chosen]

    def _table(self, rows: list[Row], name: str) -> nodes.table:
        table = nodes.table(classes=["awserr-table", "awserr-compat-table", "longtable"])
        table["classes"] += self.options.get("class", [])
        self.set_source_info(table)
        if self.arguments:
            title_nodes, _messages = self.state.inline_text(self.arguments[0], self.lineno)
            title = nodes.title(self.arguments[0], "", *title_nodes)
            self.set_source_info(title)
            table += title
        headers = [
            column_header("code"),
            str(_("Status here")),
            str(_("Status in %s")) % name,
            str(_("Note")),
        ]
        tgroup = nodes.tgroup(cols=len(headers))
        table += tgroup
        for width, column in zip((30, 12, 14, 44), ("code", "here", "there", "note"), strict=True):
            tgroup += nodes.colspec(colwidth=width, classes=[f"awserr-col-{column}"])
        thead = nodes.thead()
        tgroup += thead
        head = nodes.row()
        thead += head
        for header in headers:
            head += nodes.entry("", nodes.paragraph(header, header, translatable=False))
        tbody = nodes.tbody()
        tgroup += tbody
        for row in rows:
            tbody += self._row(row)
        self.add_name(table)
        return table

    def _row(self, row: Row) -> nodes.row:
        out = nodes.row(classes=["awserr-row", f"awserr-compat-{row.kind}"])
        code = nodes.paragraph()
        code += awserr_code(row.name, row.name, classes=["awserr-code"])
        here = nodes.paragraph()
        if row.status is not None:
            here += nodes.Text(str(row.status))
        there = nodes.paragraph()
        there += nodes.Text(", ".join(str(s) for s in row.reference_statuses))
        note = nodes.paragraph()
        if row.deliberate is not None and row.kind != "stale":
            note += nodes.Text(row.deliberate)
            note["classes"].append("awserr-differs")
        else:
            note += nodes.Text(kind_note(row))
        for para, column in ((code, "code"), (here, "status"), (there, "status"), (note, "note")):
            cell = nodes.entry(classes=[f"awserr-{column}"])
            if column == "status" and para.astext():
                status = int(para.astext().split(",")[0])
                cell["classes"].append(f"awserr-status-{status_class(status)}")
            cell += para
            out += cell
        return out


def setup_compat_directive(app: Sphinx) -> None:
    """Register ``aws-error-compat``."""
    app.add_directive("aws-error-compat", AwsErrorCompat)
