"""Synthetic Sphinx projects for the benchmarks: N error codes, P prose pages, R references a page.

One :class:`Project` (the content) is written in three forms that show the same text:

``hand``
    The way projects write it without this extension: one page per status class holding a
    hand-written RST grid table (code, description, status, as in the Zenko seed table), and
    prose pages that link to the rows with ``:ref:``.

    A label cannot precede a table row (``.. _label:`` is a body element; before the table it
    would label the whole table), so each row carries an *inline internal target* in its code
    cell: ``_`NoSuchKey```. docutils registers it as the explicit name ``nosuchkey`` with the
    HTML id ``nosuchkey``; Sphinx records it as a label without a title, so the prose links to
    it with an explicit title: ``:ref:`NoSuchKey <nosuchkey>```. This keeps the one-line code
    cell of real tables (a ``.. _awserr-nosuchkey:`` target inside each cell would need two
    more lines per row) and is what a writer who wants per-row links does by hand.

``ext``
    This extension: the same entries in a YAML catalogue, one ``aws-error-table`` per status
    class on the same pages, and ``:awserr:`NoSuchKey``` in the same prose.

``floor``
    The same pages with neither tables nor links: each reference is the bare code as plain
    text and the status-class pages keep only their title and introduction. Building it is
    the cost of the prose alone, the floor both other forms stand on.

``raw``
    The floor's prose, and on each status-class page the same table pre-rendered as one
    ``.. raw:: html`` block (the HTML the extension's table writes: row anchors, codes as
    literals with word breaks, escaped descriptions with their inline literals and emphasis).
    Sphinx parses, transforms, pickles and writes one node per table: the least any table
    of these rows can cost, the floor of what is possible for the tables. (Raw HTML is no
    option for a project: no other builder, no search, no translation, no escaping.)

Everything is derived from a seeded :class:`random.Random`, so a size and a seed always give
the same project. Run ``python benchmarks/generate.py --help`` to write one by hand.
"""

from __future__ import annotations

import argparse
import html
import random
import re
import textwrap
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

FORMS: tuple[str, ...] = ("hand", "ext", "floor", "raw")

# -- realistic codes: S3-like words -------------------------------------------------------------

#: Things the codes are about, each a PascalCase run of words.
NOUNS: tuple[str, ...] = (
    "Bucket",
    "Key",
    "Upload",
    "Policy",
    "Part",
    "Object",
    "Version",
    "Tag",
    "Region",
    "Lifecycle",
    "Replication",
    "Encryption",
    "Grant",
    "Owner",
    "Token",
    "Signature",
    "Header",
    "Argument",
    "Request",
    "Range",
    "Digest",
    "Payload",
    "Location",
    "Website",
    "Notification",
    "Inventory",
    "Metric",
    "Analytics",
    "Logging",
    "Retention",
    "Account",
    "Role",
    "Group",
    "Credential",
    "Session",
    "Endpoint",
    "Certificate",
    "Snapshot",
    "Queue",
    "Topic",
    "Subscription",
    "Stream",
    "Table",
    "Index",
    "Volume",
    "Instance",
    "Function",
    "Layer",
    "Alias",
    "Domain",
)

#: Words that narrow a noun down: ``BucketPolicy``, ``UploadId``.
QUALIFIERS: tuple[str, ...] = (
    "",
    "Configuration",
    "Name",
    "State",
    "Status",
    "Rule",
    "Size",
    "Id",
    "Date",
    "Class",
    "Filter",
    "Target",
    "Length",
    "Type",
    "Format",
    "Prefix",
    "Limit",
    "Attribute",
    "Parameter",
    "Value",
)

#: ``Prefix + noun``: the prefix, its status, and a description template (``{np}`` is the noun
#: phrase in lower case). Each template is different, so each description is unique.
PREFIXES: tuple[tuple[str, int, str], ...] = (
    ("NoSuch", 404, "The specified {np} does not exist."),
    ("Invalid", 400, "The {np} you provided is not valid."),
    ("Malformed", 400, "The {np} you provided was not well-formed."),
    ("Missing", 400, "The request does not include the required {np}."),
    ("Unsupported", 400, "The {np} you requested is not supported by this service."),
    ("Incomplete", 400, "The {np} you provided is incomplete."),
    ("Duplicate", 409, "Another {np} with the same identity is already defined."),
    ("Unresolvable", 400, "The {np} in the request cannot be resolved."),
    ("Inconsistent", 400, "The {np} does not agree with the rest of the request."),
    ("Unexpected", 400, "The service did not expect the {np} in this request."),
    ("Illegal", 400, "The {np} you provided is not allowed in this context."),
    ("Restricted", 403, "You are not allowed to change the {np}."),
    ("Unknown", 400, "The service does not recognize the {np} you provided."),
    ("Deprecated", 400, "The {np} you provided is no longer accepted."),
    ("Insufficient", 403, "Your permissions do not cover the {np}."),
    ("Conflicting", 409, "The {np} conflicts with a request that is still in progress."),
    ("Internal", 500, "An internal error occurred while the service processed the {np}."),
    ("Temporary", 503, "The {np} is temporarily unavailable."),
)

#: ``noun + suffix``: the suffix, its status and a description template.
SUFFIXES: tuple[tuple[str, int, str], ...] = (
    ("NotFound", 404, "No {np} was found for this request."),
    ("AlreadyExists", 409, "The {np} you tried to create already exists."),
    ("TooLarge", 400, "The {np} is larger than the maximum the service allows."),
    ("TooSmall", 400, "The {np} is smaller than the minimum the service allows."),
    ("Mismatch", 400, "The {np} does not match the value the service computed."),
    ("Conflict", 409, "The {np} is in a state that does not allow this operation."),
    ("Expired", 403, "The {np} has expired."),
    ("Unavailable", 503, "The {np} cannot be reached at the moment."),
    ("Exceeded", 400, "The request exceeds the {np} of your account."),
    ("NotEmpty", 409, "The {np} you tried to delete is not empty."),
    ("InProgress", 409, "An operation on the {np} is already in progress."),
    ("Denied", 403, "Access to the {np} was denied."),
    ("Redirect", 307, "The {np} has moved temporarily; send the request to the new endpoint."),
    ("Moved", 301, "The {np} has moved permanently; use the address in the response."),
    ("NotImplemented", 501, "The service does not implement the {np} you asked for."),
    ("Throttled", 503, "Too many requests for the {np}; slow down and try again."),
)

#: Second sentences a description may have, some with inline markup.
CONTINUATIONS: tuple[str, ...] = (
    "",
    "",
    "",
    "Check the request and try again.",
    "See the ``x-amz-request-id`` header of the response for details.",
    "This error is returned in all regions.",
    "Correct the request before you send it again.",
    "The operation was *not* applied.",
    "Contact the service administrator if the problem persists.",
    "Retry with the ``Content-MD5`` header set.",
)

#: Prose around the references (``{ref}`` is a code reference).
REF_SENTENCES: tuple[str, ...] = (
    "When a request returns {ref}, the client should read the response body before it retries.",
    "The {ref} error usually means that the request did not carry what the service expected.",
    "Applications that see {ref} must not retry the same request unchanged.",
    "The service answers with {ref} before it touches any stored data.",
    "If you receive {ref}, compare the request with the examples in this guide.",
    "Monitoring should count {ref} separately from other client errors.",
    "A batch operation reports {ref} for each item that failed.",
    "Older clients may report {ref} with a less specific message.",
)

#: Sentences without a reference, for realistic paragraph sizes.
FILLER: tuple[str, ...] = (
    "Every response carries a request identifier that support staff can trace.",
    "Error responses are XML documents with a code, a message and the resource.",
    "Clients should back off exponentially between retries.",
    "The console shows the same message as the programming interface.",
    "Logs keep the full response for thirty days.",
)

SECTION_TITLES: tuple[str, ...] = (
    "Before you start",
    "Handling errors",
    "Retries and timeouts",
    "Troubleshooting",
    "Reference",
)

#: The caption of each status class's table, as the extension writes it.
CLASS_TITLES: dict[str, str] = {
    "1xx": "1xx Informational",
    "2xx": "2xx Success",
    "3xx": "3xx Redirection",
    "4xx": "4xx Client Error",
    "5xx": "5xx Server Error",
}

DESCRIPTION_WIDTH = 56  # characters per line of a description cell, as in the seed table


# -- the content ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One error code of the synthetic catalogue."""

    code: str
    status: int
    description: str

    @property
    def status_class(self) -> str:
        """``"4xx"`` for 404."""
        return f"{self.status // 100}xx"


@dataclass(frozen=True)
class Ref:
    """A mention of a code in prose."""

    code: str


#: A paragraph: text runs and references, in order.
Paragraph = tuple[str | Ref, ...]


@dataclass(frozen=True)
class Section:
    """A titled part of a prose page."""

    title: str
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Page:
    """A prose page: a title, an introduction and sections."""

    name: str
    title: str
    intro: str
    sections: tuple[Section, ...]

    def refs(self) -> Iterator[Ref]:
        """The references on the page, in order."""
        for section in self.sections:
            for paragraph in section.paragraphs:
                yield from (part for part in paragraph if isinstance(part, Ref))


@dataclass(frozen=True)
class Project:
    """The content every form shows: entries (in code order) and prose pages."""

    entries: tuple[Entry, ...]
    pages: tuple[Page, ...]

    def classes(self) -> list[str]:
        """The status classes present, in order."""
        return sorted({entry.status_class for entry in self.entries})

    def entries_of(self, klass: str) -> list[Entry]:
        """The entries of one status class, in code order (case-insensitive)."""
        return [entry for entry in self.entries if entry.status_class == klass]


def _noun_phrase(words: str) -> str:
    """``BucketPolicy`` -> ``bucket policy``; ``UploadId`` -> ``upload ID``."""
    parts: list[str] = []
    current = ""
    for char in words:
        if char.isupper() and current:
            parts.append(current)
            current = ""
        current += char
    if current:
        parts.append(current)
    return " ".join("ID" if part == "Id" else part.lower() for part in parts)


def _all_codes() -> list[tuple[str, int, str]]:
    """Every code the word lists can form, with its status and description template."""
    codes: list[tuple[str, int, str]] = []
    for noun in NOUNS:
        for qualifier in QUALIFIERS:
            subject = noun + qualifier
            phrase = _noun_phrase(subject)
            for prefix, status, template in PREFIXES:
                codes.append((prefix + subject, status, template.format(np=phrase)))
            for suffix, status, template in SUFFIXES:
                codes.append((subject + suffix, status, template.format(np=phrase)))
    return codes


def make_entries(count: int, rng: random.Random) -> tuple[Entry, ...]:
    """*count* distinct entries, sorted case-insensitively by code."""
    pool = _all_codes()
    if count > len(pool):
        raise ValueError(f"at most {len(pool)} codes can be generated, not {count}")
    chosen = rng.sample(pool, count)
    entries = []
    for code, status, first in chosen:
        second = rng.choice(CONTINUATIONS)
        description = f"{first} {second}".strip()
        entries.append(Entry(code, status, description))
    return tuple(sorted(entries, key=lambda entry: entry.code.lower()))


def make_page(index: int, refs: int, codes: Sequence[str], rng: random.Random) -> Page:
    """A prose page with *refs* references to codes drawn from *codes*."""
    per_paragraph = 4
    paragraphs: list[Paragraph] = []
    remaining = refs
    while remaining > 0:
        parts: list[str | Ref] = []
        for _ in range(min(per_paragraph, remaining)):
            before, after = rng.choice(REF_SENTENCES).split("{ref}")
            parts += [before, Ref(rng.choice(codes)), after + " "]
            remaining -= 1
        parts.append(rng.choice(FILLER))
        paragraphs.append(tuple(parts))
    if not paragraphs:
        paragraphs.append((rng.choice(FILLER),))
    # three paragraphs a section, a handful of sections a page
    sections = []
    for number, start in enumerate(range(0, len(paragraphs), 3)):
        title = f"{SECTION_TITLES[number % len(SECTION_TITLES)]} ({number + 1})"
        sections.append(Section(title, tuple(paragraphs[start : start + 3])))
    intro = " ".join(rng.sample(FILLER, 2))
    return Page(f"guide/page{index:04d}", f"Guide page {index}", intro, tuple(sections))


def make_project(codes: int, pages: int, refs: int, seed: int = 0) -> Project:
    """The synthetic project of *codes* entries and *pages* pages of *refs* references each."""
    rng = random.Random(f"{seed}-{codes}-{pages}-{refs}")
    entries = make_entries(codes, rng)
    names = [entry.code for entry in entries]
    return Project(entries, tuple(make_page(i + 1, refs, names, rng) for i in range(pages)))


# -- writing the forms ---------------------------------------------------------------------------

CONF = '''"""Generated benchmark project ({form} form)."""

project = "bench"
{extra}'''


def _heading(title: str, char: str = "=") -> str:
    return f"{title}\n{char * len(title)}\n"


def _class_page_name(klass: str) -> str:
    return f"errors/{klass}"


def _class_intro(klass: str, count: int) -> str:
    return f"This page lists the {count} errors of class {klass} that the service returns.\n"


def _label(code: str) -> str:
    """The label docutils derives from the inline target ``_`code```."""
    return code.lower()


def render_paragraph(paragraph: Paragraph, form: str) -> str:
    """The RST of one paragraph in *form*, wrapped at 100 columns."""
    text = ""
    for part in paragraph:
        if isinstance(part, str):
            text += part
        elif form == "hand":
            text += f":ref:`{part.code} <{_label(part.code)}>`"
        elif form == "ext":
            text += f":awserr:`{part.code}`"
        else:
            text += part.code
    return textwrap.fill(text.strip(), 100, break_long_words=False, break_on_hyphens=False)


def render_page(page: Page, form: str) -> str:
    """The RST of one prose page in *form*."""
    out = [_heading(page.title), page.intro + "\n"]
    for section in page.sections:
        out.append(_heading(section.title, "-"))
        out.extend(render_paragraph(paragraph, form) + "\n" for paragraph in section.paragraphs)
    return "\n".join(out)


def grid_table(entries: Sequence[Entry], indent: str = "   ") -> str:
    """A seed-style grid table of *entries*: code (with its inline target), description, status."""
    header = ("Error Code", "Error Description", "Error")
    rows: list[tuple[list[str], list[str], list[str]]] = []
    for entry in entries:
        lines = textwrap.wrap(
            entry.description, DESCRIPTION_WIDTH, break_long_words=False, break_on_hyphens=False
        )
        rows.append(([f"_`{entry.code}`"], lines, [str(entry.status)]))
    widths = [
        max(len(header[0]), *(len(row[0][0]) for row in rows)),
        max(len(header[1]), *(len(line) for row in rows for line in row[1])),
        max(len(header[2]), 3),
    ]

    def rule(char: str) -> str:
        return "+" + "+".join(char * (width + 2) for width in widths) + "+"

    def row_lines(cells: Sequence[list[str]]) -> list[str]:
        height = max(len(cell) for cell in cells)
        return [
            "| "
            + " | ".join(
                (cell[i] if i < len(cell) else "").ljust(width)
                for cell, width in zip(cells, widths, strict=True)
            )
            + " |"
            for i in range(height)
        ]

    lines = [rule("-"), *row_lines([[h] for h in header]), rule("=")]
    for row in rows:
        lines += row_lines(row)
        lines.append(rule("-"))
    return "\n".join(indent + line for line in lines) + "\n"


_INLINE = re.compile(r"``(?P<literal>.+?)``|\*(?P<emphasis>[^*]+?)\*")
_WORD_BREAK = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def _literal_html(text: str, breaks: bool = False) -> str:
    parts = _WORD_BREAK.split(text) if breaks and len(text) >= 12 else [text]
    inner = "<wbr />".join(html.escape(part, quote=False) for part in parts)
    return f'<code class="docutils literal notranslate"><span class="pre">{inner}</span></code>'


def description_html(description: str) -> str:
    """*description* (inline RST with literals and emphasis only) as escaped HTML."""
    out: list[str] = []
    at = 0
    for match in _INLINE.finditer(description):
        out.append(html.escape(description[at : match.start()], quote=False))
        if match["literal"] is not None:
            out.append(_literal_html(match["literal"]))
        else:
            out.append(f"<em>{html.escape(match['emphasis'], quote=False)}</em>")
        at = match.end()
    out.append(html.escape(description[at:], quote=False))
    return "".join(out)


#: Reason phrases of the statuses the generator uses (the status column shows them).
REASONS: dict[int, str] = {
    301: "Moved Permanently",
    307: "Temporary Redirect",
    400: "Bad Request",
    403: "Forbidden",
    404: "Not Found",
    409: "Conflict",
    500: "Internal Server Error",
    501: "Not Implemented",
    503: "Service Unavailable",
}


def raw_table(entries: Sequence[Entry], title: str, klass: str, indent: str = "   ") -> str:
    """*entries* as one HTML table, the way the extension's table renders them.

    The markup of the extension's HTML on 7 Dec 2026: the row's anchor on ``<tr>``, a
    permalink after the code, the status with its reason phrase (the filter's script and
    stylesheet are left out).
    """
    lines = [
        '<table class="awserr-table longtable docutils align-default" id="awserr-table-0">',
        f'<caption><span class="caption-text">{html.escape(title)}</span>'
        '<a class="headerlink" href="#awserr-table-0" title="Link to this table">¶</a></caption>',
        '<thead><tr class="row-odd"><th class="head"><p>Code</p></th>'
        '<th class="head"><p>Description</p></th><th class="head"><p>Status</p></th></tr>'
        "</thead>",
        "<tbody>",
    ]
    for number, entry in enumerate(entries):
        parity = "even" if number % 2 == 0 else "odd"
        anchor = "awserr-" + entry.code.lower()
        reason = REASONS.get(entry.status, "")
        lines.append(
            f'<tr class="awserr-row awserr-row-{klass} row-{parity}" id="{anchor}">'
            f'<td class="awserr-code"><p>{_literal_html(entry.code, breaks=True)}'
            f'<a class="headerlink awserr-permalink" href="#{anchor}" '
            'title="Link to this error code">¶</a></p></td>'
            f'<td class="awserr-description"><p>{description_html(entry.description)}</p></td>'
            f'<td class="awserr-status awserr-status-{klass}"><p>'
            f'<span class="awserr-status-code">{entry.status}</span> '
            f'<span class="awserr-status-reason">{reason}</span></p></td></tr>'
        )
    lines += ["</tbody>", "</table>"]
    return "\n".join(indent + line for line in lines) + "\n"


def render_class_page(project: Project, klass: str, form: str) -> str:
    """The RST of the page for one status class in *form*."""
    entries = project.entries_of(klass)
    title = CLASS_TITLES.get(klass, klass)
    out = [_heading(title), _class_intro(klass, len(entries))]
    if form == "hand":
        out.append(f".. table:: {title}\n   :widths: auto\n\n" + grid_table(entries))
    elif form == "ext":
        out.append(f".. aws-error-table:: {title}\n   :status: {klass}\n")
    elif form == "raw":
        out.append(".. raw:: html\n\n" + raw_table(entries, title, klass))
    return "\n".join(out)


def catalogue_yaml(project: Project) -> str:
    """The catalogue of *project* as the extension's YAML format."""
    data = {
        "errors": [
            {"code": e.code, "status": e.status, "description": e.description}
            for e in project.entries
        ]
    }
    return yaml.safe_dump(data, sort_keys=False, width=1000, allow_unicode=True)


def render_index(project: Project) -> str:
    """The root page: a toctree of the class pages and the prose pages."""
    names = [_class_page_name(k) for k in project.classes()] + [p.name for p in project.pages]
    toctree = "\n".join(f"   {name}" for name in names)
    return _heading("Benchmark project") + f"\n.. toctree::\n   :maxdepth: 1\n\n{toctree}\n"


def files_of(project: Project, form: str) -> dict[str, str]:
    """Every file of *project* in *form*: relative path -> text."""
    if form not in FORMS:
        raise ValueError(f"unknown form {form!r}; one of {', '.join(FORMS)}")
    extra = ""
    files: dict[str, str] = {}
    if form == "ext":
        extra = 'extensions = ["sphinx_awserrors"]\nawserrors_catalogue = "errors.yaml"\n'
        files["errors.yaml"] = catalogue_yaml(project)
    files["conf.py"] = CONF.format(form=form, extra=extra)
    files["index.rst"] = render_index(project)
    for klass in project.classes():
        files[_class_page_name(klass) + ".rst"] = render_class_page(project, klass, form)
    for page in project.pages:
        files[page.name + ".rst"] = render_page(page, form)
    return files


def write(project: Project, form: str, dest: Path) -> Path:
    """Write *project* in *form* under *dest* (created; existing files are overwritten)."""
    for relative, text in files_of(project, form).items():
        path = dest / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return dest


def summary(project: Project) -> str:
    """One line describing *project*: its size and status classes."""
    classes = Counter(entry.status_class for entry in project.entries)
    refs = sum(1 for page in project.pages for _ in page.refs())
    per_class = ", ".join(f"{k}: {classes[k]}" for k in sorted(classes))
    return f"{len(project.entries)} codes ({per_class}), {len(project.pages)} pages, {refs} refs"


def main(argv: Sequence[str] | None = None) -> int:
    """Write one synthetic project in one or more forms."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--codes", "-n", type=int, default=108, help="error codes (N)")
    parser.add_argument("--pages", "-p", type=int, default=10, help="prose pages (P)")
    parser.add_argument("--refs", "-r", type=int, default=20, help="references a page (R)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--form", choices=FORMS, action="append", help="default: all forms")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/_work/generated"))
    args = parser.parse_args(argv)
    project = make_project(args.codes, args.pages, args.refs, args.seed)
    for form in args.form or FORMS:
        print(write(project, form, args.out / form))
    print(summary(project))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
