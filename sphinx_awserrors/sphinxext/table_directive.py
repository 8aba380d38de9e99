"""The ``aws-error-table`` directive: filtered, sorted tables of catalogue entries.

The directive builds real docutils table nodes (``table``/``tgroup``/``colspec``/``thead``/
``tbody``), so every builder renders them; LaTeX gets a long table with a column specification
derived from ``:widths:``. Each row has the anchor ``awserr-<code in lower case>`` and is
recorded with the ``aws`` domain as a place that shows the code (unless ``:no-index:``).
"""

from __future__ import annotations

import re
import shutil
from fnmatch import fnmatchcase
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Final, cast

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id

from sphinx_awserrors.catalogue.status import (
    ALL,
    StatusFilter,
    parse_status_filter,
    reason_phrase,
    status_class,
)
from sphinx_awserrors.sphinxext import buildstate
from sphinx_awserrors.sphinxext._logging import warn
from sphinx_awserrors.sphinxext.domain import anchor_id
from sphinx_awserrors.sphinxext.entry_notes import entry_notes
from sphinx_awserrors.sphinxext.locale import __, class_title, column_header, page_translation
from sphinx_awserrors.sphinxext.options import (
    OptionSpec,
    _reported_in_run,
    flag_option,
    option_error,
)
from sphinx_awserrors.sphinxext.render import (
    awserr_code,
    awserr_description,
    depart_transparent,
    description_nodes,
    visit_code_html,
    visit_transparent,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sphinx.application import Sphinx

    from sphinx_awserrors.catalogue import ErrorEntry
    from sphinx_awserrors.sphinxext.domain import AwsDomain


#: The columns a table can show, with their default header (translated where the table is built).
COLUMNS: Final[dict[str, str]] = {
    "code": "Code",
    "status": "Status",
    "description": "Description",
    "reason": "Reason",
}


DEFAULT_COLUMNS: Final = ("code", "description", "status")


#: Relative column widths when ``:widths:`` is not given (LaTeX and text output).
DEFAULT_WIDTHS: Final[dict[str, int]] = {"code": 30, "description": 55, "status": 10, "reason": 20}


#: Without ``:widths:``, the code column of text output grows to fit codes up to this long
#: (in characters, quotes included: codes of 56 characters, real catalogues reach 54) and no
#: further, so that one outlandish code does not squeeze every description...
MAX_CODE_WIDTH: Final = 58

#: ...and the description column keeps at least this many characters.
MIN_DESCRIPTION_WIDTH: Final = 16


#: The sort orders, each a key on (catalogue position, entry).
SORTS: Final[dict[str, Callable[[tuple[int, ErrorEntry]], tuple[object, ...]]]] = {
    "code": lambda item: (item[1].code.casefold(), item[1].code, item[0]),
    "status": lambda item: (item[1].status, item[1].code.casefold(), item[0]),
    "-status": lambda item: (-item[1].status, item[1].code.casefold(), item[0]),
    "source": lambda item: (item[0],),
}


GROUPS: Final = ("status-class",)


_SPLIT: Final = re.compile(r"[\s,]+")


STATIC_DIR: Final = Path(__file__).resolve().parent / "static"


def _words(argument: str | None, option: str) -> list[str]:
    words = [word for word in _SPLIT.split(argument or "") if word]
    if not words:
        raise ValueError(__(":%s: needs at least one value") % option)
    return words


def status_option(argument: str | None) -> StatusFilter:
    """``:status:``: a status filter (see :mod:`sphinx_awserrors.catalogue.status`)."""
    return parse_status_filter(argument or "")


def patterns_option(argument: str | None) -> list[str]:
    """``:codes:``: glob patterns on the code, separated by commas or spaces."""
    return _words(argument, "codes")


def exclude_option(argument: str | None) -> list[str]:
    """``:exclude:``: glob patterns on the code, separated by commas or spaces."""
    return _words(argument, "exclude")


def tags_option(argument: str | None) -> list[str]:
    """``:tags:``: tag names, separated by commas or spaces."""
    return [tag.casefold() for tag in _words(argument, "tags")]


def _choice(argument: str | None, allowed: Sequence[str], option: str) -> str:
    value = (argument or "").strip()
    if value not in allowed:
        choices = ", ".join(allowed)
        raise ValueError(__("invalid :%s: value %r; allowed: %s") % (option, value, choices))
    return value


def sort_option(argument: str | None) -> str:
    """``:sort:``: ``code``, ``status``, ``-status`` or ``source``."""
    return _choice(argument, tuple(SORTS), "sort")


def group_option(argument: str | None) -> str:
    """``:group-by:``: ``status-class``."""
    return _choice(argument, GROUPS, "group-by")


def columns_option(argument: str | None) -> list[str]:
    """``:columns:``: column names in display order, separated by commas or spaces."""
    columns = _words(argument, "columns")
    for column in columns:
        if column not in COLUMNS:
            raise ValueError(__("unknown column %r; allowed: %s") % (column, ", ".join(COLUMNS)))
    if len(set(columns)) != len(columns):
        raise ValueError(__("a column is listed twice in %r") % argument)
    return columns


def header_option(argument: str | None) -> list[str]:
    """``:header:``: column headers, separated by commas, one per column."""
    headers = [header.strip() for header in (argument or "").split(",")]
    if not any(headers) or not all(headers):
        raise ValueError(__("empty header in %r; give one header per column") % argument)
    return headers


def widths_option(argument: str | None) -> list[int] | str:
    """``:widths:``: ``auto`` or positive integers, one per column."""
    words = _words(argument, "widths")
    if words == ["auto"]:
        return "auto"
    try:
        widths = [int(word) for word in words]
    except ValueError:
        raise ValueError(__("invalid :widths: %r; allowed: auto or integers") % argument) from None
    if any(width <= 0 for width in widths):
        raise ValueError(__("invalid :widths: %r; widths must be positive") % argument)
    return widths


def status_reason_option(argument: str | None) -> bool:
    """``:status-reason:``: ``yes`` (``404 Not Found`` in the status column) or ``no`` (``404``)."""
    value = (argument or "").strip().lower()
    if value not in {"yes", "no"}:
        raise ValueError(__("invalid :status-reason: value %r; allowed: yes, no") % argument)
    return value == "yes"


class AwsErrorTable(SphinxDirective):
    """``.. aws-error-table:: [caption]``: a table of catalogue entries."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = False
    option_spec: ClassVar[dict[str, Callable[[str], object]]] = OptionSpec(
        {
            "status": _reported_in_run(status_option),
            "codes": _reported_in_run(patterns_option),
            "exclude": _reported_in_run(exclude_option),
            "tags": _reported_in_run(tags_option),
            "sort": _reported_in_run(sort_option),
            "columns": _reported_in_run(columns_option),
            "header": _reported_in_run(header_option),
            "widths": _reported_in_run(widths_option),
            "class": _reported_in_run(directives.class_option),
            "name": directives.unchanged,
            "group-by": _reported_in_run(group_option),
            "no-index": flag_option,
            "noindex": flag_option,
            "no-filter": flag_option,
            "status-reason": _reported_in_run(status_reason_option),
        }
    )

    def run(self) -> list[nodes.Node]:
        """Select, sort and render the entries."""
        invalid = option_error(self)
        if invalid is not None:
            return [invalid]
        columns: list[str] = self.options.get("columns", list(DEFAULT_COLUMNS))
        headers: list[str] = self.options.get("header", [column_header(c) for c in columns])
        if len(headers) != len(columns):
            raise self.error(
                __(":header: gives %d headers for %d columns (%s)")
                % (len(headers), len(columns), ", ".join(columns))
            )
        widths = self.options.get("widths")
        if isinstance(widths, list) and len(widths) != len(columns):
            raise self.error(
                __(":widths: gives %d widths for %d columns (%s)")
                % (len(widths), len(columns), ", ".join(columns))
            )

        entries = self._select()
        # re-read when the selection or one of these entries changes
        buildstate.note_renders_entries(self.env, self.env.docname, [e.code for e in entries])
        if not entries:
            if buildstate.catalogue_unusable(self.env):
                return []  # the build already said so, once
            warn(
                __("aws-error-table: no catalogue entry matches %s") % self._filters(),
                "table",
                self.get_location(),
            )
            return []

        messages: list[nodes.Node] = []
        title_nodes: list[nodes.Node] = []
        if self.arguments:
            caption = self.arguments[0]
            if self.options.get("group-by") == "status-class" and not self.env.versioning_condition:
                # Sphinx cannot translate a caption composed with each class's name, so the
                # page's catalogue is asked here, as it is for descriptions
                caption = page_translation(self.env, " ".join(caption.split())) or caption
            title_nodes, title_messages = self.state.inline_text(caption, self.lineno)
            messages.extend(title_messages)

        if self.options.get("group-by") == "status-class":
            result = self._grouped(entries, columns, headers, title_nodes)
        else:
            table = self._table(entries, columns, headers, title_nodes, all_entries=entries)
            result = [*self._colspec(columns), table]
        return result + messages

    # selection

    def _filters(self) -> str:
        shown = [
            f":{name}: {self._option_text(name)}"
            for name in ("status", "codes", "exclude", "tags")
            if name in self.options
        ]
        return ", ".join(shown) or __("(no filter: the catalogue is empty)")

    def _option_text(self, name: str) -> str:
        value = self.options[name]
        if isinstance(value, StatusFilter):
            return value.text
        return ", ".join(value)

    def _select(self) -> list[ErrorEntry]:
        catalogue = buildstate.get_catalogue(self.env)
        status: StatusFilter = self.options.get("status", ALL)
        codes: list[str] | None = self.options.get("codes")
        exclude: list[str] = self.options.get("exclude", [])
        tags: list[str] | None = self.options.get("tags")
        chosen = [
            (position, entry)
            for position, entry in enumerate(catalogue)
            if status(entry.status)
            and (codes is None or any(fnmatchcase(entry.code, p) for p in codes))
            and not any(fnmatchcase(entry.code, p) for p in exclude)
            and (tags is None or any(tag.casefold() in tags for tag in entry.tags))
        ]
        chosen.sort(key=SORTS[self.options.get("sort", "code")])
        if chosen:
            # a typo in one of several patterns or tags would otherwise go unnoticed
            messages = (
                (codes or [], __("aws-error-table: :codes: pattern %r matches no code")),
                (exclude, __("aws-error-table: :exclude: pattern %r matches no code")),
            )
            for patterns, message in messages:
                for pattern in patterns:
                    if not any(fnmatchcase(entry.code, pattern) for entry in catalogue):
                        warn(message % pattern, "table", self.get_location())
            known = {tag.casefold() for entry in catalogue for tag in entry.tags}
            for tag in tags or []:
                if tag not in known:
                    warn(
                        __("aws-error-table: :tags: no catalogue entry has the tag %r") % tag,
                        "table",
                        self.get_location(),
                    )
        return [entry for _position, entry in chosen]

    # rendering

    def _grouped(
        self,
        entries: list[ErrorEntry],
        columns: list[str],
        headers: list[str],
        title_nodes: list[nodes.Node],
    ) -> list[nodes.Node]:
        groups: dict[str, list[ErrorEntry]] = {}
        for entry in entries:
            groups.setdefault(status_class(entry.status), []).append(entry)
        container = nodes.container(classes=["awserr-groups"])
        if "no-filter" in self.options:
            container["classes"].append("awserr-no-filter")
        for klass in sorted(groups):
            caption: list[nodes.Node] = []
            if title_nodes:
                caption = [*(node.deepcopy() for node in title_nodes), nodes.Text(": ")]
            caption.append(nodes.Text(class_title(klass)))
            table = self._table(
                groups[klass], columns, headers, caption, group=klass, all_entries=entries
            )
            container += self._colspec(columns)
            container += table
        self.add_name(container)
        return [container]

    def _weights(self, columns: list[str]) -> list[int]:
        """The relative column widths: ``:widths:``, else the defaults per column.

        A status column with reason phrases (``416 Requested Range Not Satisfiable``) gets the
        width of a reason column.
        """
        widths = self.options.get("widths")
        if isinstance(widths, list):
            return widths
        status = DEFAULT_WIDTHS["reason"] if self._status_reason(columns) else None
        return [status if c == "status" and status else DEFAULT_WIDTHS[c] for c in columns]

    def _widths(self, columns: list[str], entries: list[ErrorEntry]) -> list[int]:
        weights = self._weights(columns)
        total = sum(weights)
        # normalised to about 100: the text writer reads colwidth as characters
        widths = [max(1, round(100 * weight / total)) for weight in weights]
        given = isinstance(self.options.get("widths"), list)
        if given or not {"code", "description"} <= set(columns):
            return widths
        # the text writer cuts a code longer than its column in the middle of a word
        # (``"IllegalVersioningConfigurationE`` / ``xception"``): widen the code column to
        # the longest code, quotes included, at the expense of the description
        code, description = columns.index("code"), columns.index("description")
        wanted = min(max(len(entry.code) for entry in entries) + 2, MAX_CODE_WIDTH)
        extra = min(wanted - widths[code], widths[description] - MIN_DESCRIPTION_WIDTH)
        if extra > 0:
            widths[code] += extra
            widths[description] -= extra
        return widths

    def _colspec(self, columns: list[str]) -> list[nodes.Node]:
        """The LaTeX column specification: wrapping ``\\X`` columns in the given proportions."""
        weights = self._weights(columns)
        total = sum(weights)
        style = getattr(self.config, "latex_table_style", [])
        sep = "" if "booktabs" in style or "borderless" in style else "|"
        spec = addnodes.tabular_col_spec()
        spec["spec"] = sep + sep.join(rf"\X{{{w}}}{{{total}}}" for w in weights) + sep
        spec["awserr-default"] = True  # a page's own tabularcolumns before the table wins
        return [spec]

    def _table(
        self,
        entries: list[ErrorEntry],
        columns: list[str],
        headers: list[str],
        caption: list[nodes.Node],
        *,
        group: str | None = None,
        all_entries: list[ErrorEntry],
    ) -> nodes.table:
        """The table of *entries*; its columns are sized for *all_entries* (of every group)."""
        widths_option = self.options.get("widths")
        table = nodes.table(classes=["awserr-table", "longtable"])
        table["classes"] += self.options.get("class", [])
        if "no-filter" in self.options:
            table["classes"].append("awserr-no-filter")
        table["classes"].append(
            "colwidths-given" if isinstance(widths_option, list) else "colwidths-auto"
        )
        self.set_source_info(table)
        if caption:
            # the caption the page gives is a gettext message; a group's caption is composed
            rawsource = self.arguments[0] if self.arguments and group is None else ""
            title = nodes.title(rawsource, "", *caption)
            self.set_source_info(title)
            if group is not None and not (
                self.env.versioning_condition
                and self.arguments
                and group == min(status_class(entry.status) for entry in all_entries)
            ):
                # already in the project's language (composed from the translated caption);
                # only while messages are extracted is the first group's title the caption's
                # message, so that it reaches the page's .pot file once
                title["translatable"] = False
            elif group is not None:
                title.rawsource = self.arguments[0]
            table += title
        tgroup = nodes.tgroup(cols=len(columns))
        table += tgroup
        for column, width in zip(columns, self._widths(columns, all_entries), strict=True):
            tgroup += nodes.colspec(colwidth=width, classes=[f"awserr-col-{column}"])
        thead = nodes.thead()
        tgroup += thead
        head_row = nodes.row()
        thead += head_row
        for header in headers:
            paragraph = nodes.paragraph(header, header)
            if "header" in self.options:
                # the page's own headers are gettext messages; the defaults are translated
                # through the extension's catalogue
                self.set_source_info(paragraph)
            head_row += nodes.entry("", paragraph)
        tbody = nodes.tbody()
        tgroup += tbody
        for entry in entries:
            tbody += self._row(entry, columns)

        if group is None:
            # a :name: gives the table its id; a group's name goes on the groups' container
            self.add_name(table)
        if not table["ids"]:
            prefix = "awserr-class" if group else "awserr-table"
            table_id = make_id(self.env, self.state.document, prefix, group)
            table["ids"].append(table_id)
            self.state.document.ids[table_id] = table
        table_id = table["ids"][0]
        if not self._no_index:
            domain = cast("AwsDomain", self.env.get_domain("aws"))
            for klass in sorted({status_class(entry.status) for entry in entries}):
                domain.note_status_target(klass, self.env.docname, table_id, self.lineno)
        return table

    @property
    def _no_index(self) -> bool:
        return "no-index" in self.options or "noindex" in self.options

    def _status_reason(self, columns: list[str]) -> bool:
        """Whether the status column shows the reason phrase (``404 Not Found``).

        ``:status-reason:``, else ``awserrors_status_reason``; never beside a reason column.
        """
        if "reason" in columns:
            return False
        given = self.options.get("status-reason")
        return bool(self.config.awserrors_status_reason if given is None else given)

    def _row_id(self, code: str) -> str:
        """``awserr-<code>``, with a numeric suffix when the page already has that id."""
        base = anchor_id(code)
        node_id, suffix = base, 0
        while node_id in self.state.document.ids:
            suffix += 1
            node_id = f"{base}-{suffix}"
        return node_id

    def _row(self, entry: ErrorEntry, columns: list[str]) -> nodes.row:
        klass = status_class(entry.status)
        # the class lets the filter's status toggles work without a status column
        row = nodes.row(classes=["awserr-row", f"awserr-row-{klass}"])
        node_id = self._row_id(entry.code)
        # the anchor sits in the first cell: LaTeX and HTML both emit a target for it
        target = nodes.target("", "", ids=[node_id])
        self.state.document.ids[node_id] = target
        domain = cast("AwsDomain", self.env.get_domain("aws"))
        if self._no_index:
            domain.note_hidden(entry.code, self.env.docname)
        else:
            domain.note_shown(entry.code, self.env.docname, node_id, self.lineno, "row")
        for column in columns:
            cell = nodes.entry(classes=[f"awserr-{column}"])
            para = nodes.paragraph()
            cell += para
            if not len(row):
                para += target
            if column == "code":
                para += awserr_code(entry.code, entry.code, classes=["awserr-code"])
            elif column == "status":
                cell["classes"].append(f"awserr-status-{klass}")
                para += nodes.inline("", str(entry.status), classes=["awserr-status-code"])
                reason = reason_phrase(entry.status) if self._status_reason(columns) else ""
                if reason:
                    para += nodes.Text(" ")
                    para += nodes.inline("", reason, classes=["awserr-status-reason"])
            elif column == "reason":
                para += nodes.Text(reason_phrase(entry.status))
            else:
                para.extend(description_nodes(entry, self))
                cell.extend(entry_notes(entry))
            row += cell
        return row


def add_static_assets(app: Sphinx) -> None:
    """Ship ``awserrors.css`` to HTML builders (html, dirhtml, singlehtml, epub)."""
    if app.builder.format != "html":
        return
    # copied, not added to html_static_path: a config value changed here is pickled with the
    # environment, and Sphinx then reports "the configuration has changed" on every build
    target = Path(app.outdir) / "_static"
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(STATIC_DIR / "awserrors.css", target / "awserrors.css")
    app.add_css_file("awserrors.css")


def setup_directive(app: Sphinx) -> None:
    """Register ``aws-error-table``, the description node and the stylesheet."""
    # other writers render it as an inline (Sphinx dispatches on the class hierarchy)
    app.add_node(awserr_description, override=True, html=(visit_transparent, depart_transparent))
    app.add_node(awserr_code, override=True, html=(visit_code_html, depart_transparent))
    app.add_directive("aws-error-table", AwsErrorTable)
    app.add_config_value("awserrors_status_reason", True, "env", types=frozenset({bool}))
    app.connect("builder-inited", add_static_assets)
