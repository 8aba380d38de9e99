"""The ``aws`` Sphinx domain: where codes are shown, which place is canonical, and indices.

Directives (``aws-error-table`` rows, ``aws-error``) only *record* where a code is shown, per
document. Everything that depends on all documents — the canonical target of each code, the
standard labels ``awserr-<code>``, the general-index entries, :meth:`AwsDomain.get_objects` —
is derived from those records after reading, so a parallel build (``-j``) gives exactly the
serial result.

Canonical target rule: an ``aws-error`` directive first, then the table row that comes first by
(document name, sorted; then line). Among several ``aws-error`` directives for one code the same
order applies. A place inside an ``only`` directive whose expression the builder's tags make false
(``.. only:: latex`` in an HTML build) is not in the output, so it is no candidate.
"""

from __future__ import annotations

import bisect
import difflib
import hashlib
from typing import TYPE_CHECKING, Any, ClassVar, Final, NamedTuple

from docutils import nodes as docutils_nodes
from sphinx import addnodes
from sphinx.domains import Domain, Index, IndexEntry, ObjType

from sphinx_awserrors.catalogue.status import reason_phrase, status_class
from sphinx_awserrors.markup.policy import index_text, visible_controls
from sphinx_awserrors.markup.text import description_text
from sphinx_awserrors.sphinxext import buildstate, latex_characters
from sphinx_awserrors.sphinxext._logging import warn
from sphinx_awserrors.sphinxext.latex import awserr_index
from sphinx_awserrors.sphinxext.locale import _, class_title

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Set

    from docutils import nodes
    from docutils.nodes import Element
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment
    from sphinx.util.tags import Tags

    from sphinx_awserrors.catalogue import Catalogue, ErrorEntry

#: Kinds of places that show a code, in the order of preference for the canonical target.
KINDS: Final = ("directive", "row")

#: The keys of the domain data that hold one entry per document.
PER_DOC: Final = ("shown", "hidden", "status", "refs", "status_refs", "label_refs", "only")

#: The per-document records the canonical and status targets are derived from.
DERIVED_FROM: Final = ("shown", "status", "only")

#: Prefix of the standard label (and HTML anchor) of a code.
LABEL_PREFIX: Final = "awserr-"


def anchor_id(code: str) -> str:
    """The HTML anchor of a place that shows *code*: ``awserr-<code in lower case>``.

    Made a valid id as a whole, so a code that starts with a digit keeps it (``3DSecure`` is
    ``awserr-3dsecure``, not the anchor of ``DSecure``); other characters than ASCII letters and
    digits become hyphens.
    """
    return docutils_nodes.make_id(LABEL_PREFIX + code)


def label_name(code: str) -> str:
    """The standard label of *code*'s canonical target: ``awserr-<code in lower case>``."""
    return LABEL_PREFIX + code.lower()


class Place(NamedTuple):
    """Where a document shows a code (or lists a status class)."""

    docname: str
    node_id: str
    lineno: int
    kind: str
    #: position among the document's records, for a stable order within one line
    order: int


def tooltip(entry: ErrorEntry, text: str | None = None) -> str:
    """The plain-text title of a link to *entry*: ``404 Not Found: <description>``.

    *text* is the description as plain text, when the caller has it already.
    """
    reason = reason_phrase(entry.status)
    status = f"{entry.status} {reason}" if reason else str(entry.status)
    if text is None:
        text = description_text(entry.description)
    return f"{status}: {text}" if text else status


def suggestions(word: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """The known codes closest to *word*, a case-insensitive equal first."""
    choices = sorted(set(choices))
    folded = [c for c in choices if c.casefold() == word.casefold() and c != word]
    matcher = difflib.SequenceMatcher(b=word)
    scored: list[tuple[float, str]] = []
    for choice in choices:
        matcher.set_seq1(choice)
        if matcher.real_quick_ratio() >= 0.6 and matcher.quick_ratio() >= 0.6:
            ratio = matcher.ratio()
            if ratio >= 0.6:
                scored.append((-ratio, choice))
    scored.sort()
    # only the codes about as close as the best one: a near miss, not every NoSuch*
    close = [choice for score, choice in scored if score <= scored[0][0] + 0.1]
    return list(dict.fromkeys([*folded, *close]))[:n]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``"; did you mean NoSuchKey?"`` (or ``""`` when nothing is close)."""
    found = suggestions(word, choices)
    if not found:
        return ""
    if len(found) == 1:
        return f"; did you mean {found[0]}?"
    return f"; did you mean {', '.join(found[:-1])} or {found[-1]}?"


class Derived(NamedTuple):
    """What the domain derives from the records of all documents."""

    canonical: dict[str, Place]
    status_targets: dict[str, Place]


class AwsErrorIndex(Index):
    """The domain index "AWS error code index", grouped by status class."""

    name = "errorindex"
    localname = _("AWS error code index")
    shortname = _("error codes")

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        """One group per status class, each listing its codes with status and description."""
        domain = self.domain
        assert isinstance(domain, AwsDomain)
        wanted = set(docnames) if docnames is not None else None
        catalogue = buildstate.get_catalogue(domain.env)
        groups: dict[str, list[IndexEntry]] = {}
        statuses: dict[int, str] = {}  # "404 Not Found", once per status
        for code, place in domain.canonical.items():
            if wanted is not None and place.docname not in wanted:
                continue
            entry = catalogue.get(code)
            if entry is None:  # the catalogue changed since the document was read
                continue
            status = statuses.get(entry.status)
            if status is None:
                status = statuses[entry.status] = (
                    f"{entry.status} {reason_phrase(entry.status)}".strip()
                )
            groups.setdefault(status_class(entry.status), []).append(
                IndexEntry(
                    latex_characters.shown(domain.env, visible_controls(code)),
                    0,
                    place.docname,
                    place.node_id,
                    status,
                    "",
                    buildstate.plain_text(domain.env, entry.description),
                )
            )
        content = [
            (class_title(klass), sorted(items, key=lambda item: (item.name.casefold(), item.name)))
            for klass, items in sorted(groups.items())
        ]
        return content, False


class AwsDomain(Domain):
    """The ``aws`` domain: error codes as cross-reference targets.

    Data, kept per document so it can be cleared and merged (parallel reads):

    ``shown``
        docname -> list of ``(code, node_id, lineno, kind)`` (kind ``"row"`` or ``"directive"``)
    ``status``
        docname -> list of ``(status_class, node_id, lineno)``
    ``refs``
        docname -> sorted list of the codes its ``:awserr:`` roles name
    ``status_refs``
        docname -> sorted list of the status classes its ``:awsstatus:`` roles name
    ``label_refs``
        docname -> sorted list of the ``awserr-*`` labels its ``:ref:`` roles name
    ``hidden``
        docname -> sorted list of the codes it shows only where ``:no-index:`` is set (not
        targets; recorded so a reference to such a code is explained)
    ``only``
        docname -> {node_id: the expressions of the ``only`` directives around the place}, for
        the places of ``shown`` inside ``only`` directives

    ``derived`` holds what the main process derived after the last read (the targets, the
    label names it left to the project's own labels, and a digest of how each referenced
    code resolved), so the next build can undo what it added to other domains and rewrite the
    documents whose references changed. The labels and index entries it added are those of
    the targets, not stored twice.
    """

    name = "aws"
    label = "AWS"
    object_types: ClassVar[dict[str, ObjType]] = {
        "error": ObjType(_("error code"), "err"),
    }
    # roles and directives are registered by setup_domain (they live in their own modules)
    roles: ClassVar[dict[str, Any]] = {}
    directives: ClassVar[dict[str, Any]] = {}
    indices: ClassVar[list[type[Index]]] = [AwsErrorIndex]
    initial_data: ClassVar[dict[str, Any]] = {
        "shown": {},
        "status": {},
        "refs": {},
        "status_refs": {},
        "label_refs": {},
        "hidden": {},
        "only": {},
        "derived": {"yielded": [], "snapshot": {}},
    }
    data_version = 4

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._derived_cache: Derived | None = None
        #: codes already warned about in this build (one warning per code)
        self.warned: set[str] = set()
        # what the last after_read derived, valid until a record changes (kept with the data,
        # so a rebuild that reads nothing does not derive it again)
        self._derived_cache = self.data["derived"].get("cache")
        #: what the last :meth:`after_read` derived, from the records as they were then
        self._baseline: Derived | None = self._derived_cache
        #: what the last :meth:`after_read` derived, whatever changed since (its labels are
        #: the ones to take back)
        self._last: Derived | None = self._derived_cache
        #: whether any record changed in this build (else :meth:`after_read` has nothing to do)
        self._dirty = False
        #: documents cleared in this build: the other domains dropped what we added to them
        self._cleared: set[str] = set()
        #: document -> its records of :data:`DERIVED_FROM` before it was cleared in this build
        self._before: dict[str, tuple[object, ...]] = {}
        #: documents that recorded places in this build (read here, or merged from a reader)
        self._recorded: set[str] = set()

    # --- recording (reading phase) ----------------------------------------------------------

    def _records_changed(self) -> None:
        """Drop what was derived from the records; :meth:`after_read` must run again."""
        self._derived_cache = None
        self.data["derived"].pop("cache", None)
        self._dirty = True

    def _records_of(self, docname: str) -> tuple[object, ...]:
        return tuple(self.data[key].get(docname) for key in DERIVED_FROM)

    def _compare_records(self) -> None:
        """Take the last derivation back if the documents read in this build recorded the
        places they recorded before.

        A page read again that shows the same codes at the same places (a touched page, an
        edit of its prose) leaves the canonical targets as they were: they are not derived
        again, and nothing derived from them is redone (:meth:`after_read`).
        """
        same = all(
            self._before.get(docname, (None,) * len(DERIVED_FROM)) == self._records_of(docname)
            for docname in self._before.keys() | self._recorded
        )
        if same and self._baseline is not None:
            self._derived_cache = self._baseline
        self._before.clear()
        self._recorded.clear()

    def note_shown(self, code: str, docname: str, node_id: str, lineno: int, kind: str) -> None:
        """Record that *docname* shows *code* at the anchor *node_id*.

        *kind* is ``"row"`` (an ``aws-error-table`` row) or ``"directive"`` (``aws-error``).
        """
        if kind not in KINDS:
            msg = f"kind must be one of {KINDS}, not {kind!r}"
            raise ValueError(msg)
        self.data["shown"].setdefault(docname, []).append((code, node_id, int(lineno), kind))
        self._recorded.add(docname)
        self._records_changed()

    def note_hidden(self, code: str, docname: str) -> None:
        """Record that *docname* shows *code* with ``:no-index:`` (a place that is no target)."""
        hidden = self.data["hidden"].setdefault(docname, [])
        if code not in hidden:
            hidden.append(code)
            hidden.sort()

    def note_status_target(
        self, status_class: str, docname: str, node_id: str, lineno: int
    ) -> None:
        """Record that the table or group *node_id* in *docname* lists *status_class* (``4xx``)."""
        self.data["status"].setdefault(docname, []).append((status_class, node_id, int(lineno)))
        self._recorded.add(docname)
        self._records_changed()

    def note_reference(self, code: str, docname: str) -> None:
        """Record that *docname* references *code* (to rewrite it when its target changes)."""
        if _insort_new(self.data["refs"].setdefault(docname, []), code):
            self._dirty = True

    def note_status_reference(self, klass: str, docname: str) -> None:
        """Record that *docname* references the status class *klass*."""
        if _insort_new(self.data["status_refs"].setdefault(docname, []), klass):
            self._dirty = True

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        """Record the ``:ref:`` references to ``awserr-*`` labels, which move with the target.

        Also record which places of *docname* are inside ``only`` directives (see ``only``).
        """
        inside: dict[str, list[str]] = {}
        for _code, node_id, _lineno, _kind in self.data["shown"].get(docname, ()):
            node = document.ids.get(node_id)
            expressions = []
            while node is not None:
                if isinstance(node, addnodes.only):
                    expressions.append(str(node["expr"]))
                node = node.parent
            if expressions:
                inside[node_id] = expressions
        if inside:
            self.data["only"][docname] = inside
            self._recorded.add(docname)
            self._records_changed()
        labels = sorted(
            {
                str(node["reftarget"])
                for node in document.findall(addnodes.pending_xref)
                if node.get("refdomain") == "std"
                and node.get("reftype") == "ref"
                and str(node.get("reftarget", "")).startswith(LABEL_PREFIX)
            }
        )
        if labels:
            self.data["label_refs"][docname] = labels
            self._dirty = True

    def clear_doc(self, docname: str) -> None:
        """Forget what *docname* showed and referenced (it is about to be read again)."""
        self._before.setdefault(docname, self._records_of(docname))
        for key in PER_DOC:
            self.data[key].pop(docname, None)
        self._records_changed()
        self._cleared.add(docname)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        """Take over the records of *docnames* from a parallel reader."""
        for key in PER_DOC:
            theirs = otherdata.get(key, {})
            for docname in docnames:
                if docname in theirs:
                    self.data[key][docname] = theirs[docname]
        self._recorded.update(docnames)
        self._records_changed()

    # --- derivation (after reading) ---------------------------------------------------------

    def _derive(self) -> Derived:
        canonical: dict[str, tuple[tuple[int, str, int, int], Place]] = {}
        verdicts: dict[str, bool] = self.data["derived"].get("only_verdicts", {})
        for docname in sorted(self.data["shown"]):
            inside = self.data["only"].get(docname, {})
            for order, (code, node_id, lineno, kind) in enumerate(self.data["shown"][docname]):
                if not all(verdicts.get(expr, True) for expr in inside.get(node_id, ())):
                    continue  # left out of this builder's output by an ``only`` directive
                place = Place(docname, node_id, lineno, kind, order)
                key = (KINDS.index(kind), docname, lineno, order)
                if code not in canonical or key < canonical[code][0]:
                    canonical[code] = (key, place)
        targets: dict[str, tuple[tuple[str, int, int], Place]] = {}
        for docname in sorted(self.data["status"]):
            for order, (klass, node_id, lineno) in enumerate(self.data["status"][docname]):
                place = Place(docname, node_id, lineno, "table", order)
                rank = (docname, lineno, order)
                if klass not in targets or rank < targets[klass][0]:
                    targets[klass] = (rank, place)
        return Derived(
            {code: item[1] for code, item in sorted(canonical.items())},
            {klass: item[1] for klass, item in sorted(targets.items())},
        )

    @property
    def derived(self) -> Derived:
        """The canonical targets and status targets, derived from all records (cached)."""
        if self._derived_cache is None:
            self._derived_cache = self._derive()
        return self._derived_cache

    @property
    def canonical(self) -> dict[str, Place]:
        """code -> its canonical place."""
        return self.derived.canonical

    @property
    def status_targets(self) -> dict[str, Place]:
        """status class -> the first table or group that lists it."""
        return self.derived.status_targets

    def shown_codes(self) -> set[str]:
        """Every code some document shows."""
        return {record[0] for records in self.data["shown"].values() for record in records}

    def hidden_codes(self) -> set[str]:
        """Every code some document shows with ``:no-index:``."""
        return {code for codes in self.data["hidden"].values() for code in codes}

    def left_out_codes(self) -> set[str]:
        """Codes shown only inside ``only`` directives this builder leaves out (no target)."""
        return self.shown_codes() - self.canonical.keys()

    def _judge_only(self, tags: Tags | None) -> None:
        """Evaluate the recorded ``only`` expressions with *tags*; re-derive when they changed.

        An expression that cannot be evaluated keeps its content, as Sphinx does.
        """
        expressions = {
            expr for places in self.data["only"].values() for exprs in places.values()
            for expr in exprs
        }  # fmt: skip
        verdicts: dict[str, bool] = {}
        for expr in sorted(expressions):
            try:
                verdicts[expr] = bool(tags.eval_condition(expr)) if tags is not None else True
            except Exception:  # Sphinx keeps the content of a malformed expression
                verdicts[expr] = True
        record = self.data["derived"]
        if verdicts != record.get("only_verdicts", {}):
            record["only_verdicts"] = verdicts
            self._baseline = None  # derived with other verdicts
            self._records_changed()

    def after_read(
        self, catalogue: Catalogue, *, catalogue_changed: bool = True, tags: Tags | None = None
    ) -> list[str]:
        """Derive labels and index entries from all records; return documents to rewrite.

        Runs once per build in the main process (``env-updated``), after every document was
        read and merged. Labels and index entries added by the previous build are replaced. A
        document is rewritten when a code or status class it references now resolves
        differently (another target, another tooltip), even if it was not read again.

        When no record changed in this build and the catalogue did not change either, the
        previous build's results still stand: nothing is derived again (a no-change rebuild
        costs nothing per entry).

        *tags* are the builder's: a place inside an ``only`` directive they make false is no
        target (without *tags*, every place is one).
        """
        self.warned.clear()
        self._judge_only(tags)
        self._compare_records()
        if not (self._dirty or catalogue_changed):
            return []
        record = self.data["derived"]
        derived = self.derived
        # the targets and the catalogue of the last derivation: what was derived from them
        # alone (index entries, the references' snapshot) stands
        unchanged = derived is self._baseline and not catalogue_changed
        record["cache"] = self._baseline = derived
        previous, self._last = self._last, derived
        self._update_labels(derived, record, previous)
        self._update_index(derived, record, catalogue, previous, unchanged=unchanged)

        env = self.env
        old = record["snapshot"]
        if not unchanged:
            for entry in catalogue:  # tooltips, the domain index, the export: parse each once
                buildstate.plain_text(env, entry.description)
        snapshot: dict[str, object] = {}
        for code in sorted({c for refs in self.data["refs"].values() for c in refs}):
            key = "err:" + code
            if unchanged and key in old:
                snapshot[key] = old[key]
                continue
            place = derived.canonical.get(code)
            known = catalogue.get(code)
            snapshot[key] = _digest(
                (place.docname, place.node_id) if place else None,
                tooltip(known, buildstate.plain_text(env, known.description)) if known else None,
            )
        for klass in sorted({k for refs in self.data["status_refs"].values() for k in refs}):
            target = derived.status_targets.get(klass)
            snapshot["status:" + klass] = _digest(
                (target.docname, target.node_id) if target else None
            )
        names = {n for refs in self.data["label_refs"].values() for n in refs}
        if names:
            yielded = set(record["yielded"])
            ours = {
                label_name(code): (place.docname, place.node_id, code)
                for code, place in derived.canonical.items()
                if label_name(code) in names and label_name(code) not in yielded
            }
            for name in sorted(names):
                snapshot["label:" + name] = _digest(ours.get(name))
        changed = {key for key in snapshot.keys() | old.keys() if snapshot.get(key) != old.get(key)}
        record["snapshot"] = snapshot
        self._dirty = False
        self._cleared.clear()
        if not changed:
            return []
        rewrite = {
            docname
            for key, prefix in (
                ("refs", "err:"),
                ("status_refs", "status:"),
                ("label_refs", "label:"),
            )
            for docname, refs in self.data[key].items()
            if any(prefix + ref in changed for ref in refs)
        }
        return sorted(rewrite & set(env.all_docs))

    def _update_labels(
        self, derived: Derived, record: dict[str, Any], previous: Derived | None
    ) -> None:
        """Replace the standard labels added for the *previous* targets by the current ones.

        A label of the project's own with a code's name wins; those names are kept in
        ``yielded`` (the labels added are the targets' others, so they are not stored).
        """
        std = self.env.get_domain("std")
        labels: dict[str, tuple[str, str, str]] = std.labels  # type: ignore[attr-defined]
        anonlabels: dict[str, tuple[str, str]] = std.anonlabels  # type: ignore[attr-defined]
        yielded = set(record["yielded"])
        for code, place in previous.canonical.items() if previous is not None else ():
            name = label_name(code)
            if name not in yielded and labels.get(name) == (place.docname, place.node_id, code):
                del labels[name]
                anonlabels.pop(name, None)
        now_yielded: list[str] = []
        for code, place in derived.canonical.items():
            name = label_name(code)
            if name in labels or name in anonlabels:
                now_yielded.append(name)  # the project's own label of that name wins
                continue
            labels[name] = (place.docname, place.node_id, code)
            anonlabels[name] = (place.docname, place.node_id)
        record["yielded"] = sorted(now_yielded)

    def _update_index(
        self,
        derived: Derived,
        record: dict[str, Any],
        catalogue: Catalogue,
        previous: Derived | None,
        *,
        unchanged: bool = False,
    ) -> None:
        """Replace the general-index entries of the *previous* targets by the current ones.

        Ours are the entries whose target is the anchor of a previous target in the same
        document (not stored twice: the index domain has them). Only documents whose entries
        differ, or that were read again (the index domain then dropped ours with the rest),
        are touched; each in one pass over its entries. When the targets, the catalogue and
        the setting are *unchanged*, only the documents read again get theirs back.
        """
        index = self.env.get_domain("index")
        entries: dict[str, list[tuple[str, str, str, str, str | None]]]
        entries = index.entries  # type: ignore[attr-defined]
        wanted = index_setting(self.env.config)
        if unchanged and record.get("index_setting") == wanted:
            for code, place in derived.canonical.items():
                if place.docname in self._cleared or place.docname not in entries:
                    entries.setdefault(place.docname, []).extend(
                        index_entries(code, place.node_id, catalogue.get(code), wanted)
                    )
            return
        record["index_setting"] = wanted
        added: dict[str, list[tuple[str, str, str, str, str | None]]] = {}
        for code, place in derived.canonical.items():
            added.setdefault(place.docname, []).extend(
                index_entries(code, place.node_id, catalogue.get(code), wanted)
            )
        anchors: dict[str, set[str]] = {}
        for place in previous.canonical.values() if previous is not None else ():
            anchors.setdefault(place.docname, set()).add(place.node_id)
        for docname in anchors.keys() | added.keys():
            ours_new = added.get(docname, [])
            theirs = entries.get(docname)
            # a document read again: the index domain dropped ours with its own entries
            if theirs is not None and docname not in self._cleared:
                ids = anchors.get(docname, set())
                if [item for item in theirs if item[2] in ids] == ours_new:
                    continue
                if ids:
                    theirs[:] = [item for item in theirs if item[2] not in ids]
            if ours_new:
                entries.setdefault(docname, []).extend(ours_new)

    # --- resolution -------------------------------------------------------------------------

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: addnodes.pending_xref,
        contnode: Element,
    ) -> nodes.reference | None:
        """Resolve to a target of this project; otherwise leave it to intersphinx and later."""
        if node.get("intersphinx"):
            return None  # :external: names another project explicitly
        return self.reference(fromdocname, typ, target, contnode, builder.get_relative_uri)

    def reference(
        self,
        fromdocname: str,
        typ: str,
        target: str,
        contnode: Element,
        relative_uri: Callable[[str, str], str],
    ) -> nodes.reference | None:
        """The link from *fromdocname* to the code or status class *target*, around *contnode*.

        What :func:`sphinx.util.nodes.make_refnode` makes, with the URI of a document from
        *relative_uri* (the builder's ``get_relative_uri``, or a cache of it). ``None`` when
        *target* is no code (or class) of this project; *contnode* is then left as it was.
        """
        if typ == "err":
            place = self.canonical.get(target)
            if place is None:
                return None
            entry = buildstate.get_catalogue(self.env).get(target)
            text = buildstate.plain_text(self.env, entry.description) if entry else ""
            title = tooltip(entry, text) if entry else target
        elif typ == "status":
            place = self.status_targets.get(target)
            if place is None:
                return None
            title = class_title(target)
        else:
            return None
        reference = docutils_nodes.reference("", "", internal=True)
        if fromdocname == place.docname and place.node_id:
            reference["refid"] = place.node_id
        else:
            uri = relative_uri(fromdocname, place.docname)
            reference["refuri"] = f"{uri}#{place.node_id}" if place.node_id else uri
        if title:
            reference["reftitle"] = title
        reference += contnode
        return reference

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: addnodes.pending_xref,
        contnode: Element,
    ) -> list[tuple[str, nodes.reference]]:
        """``:any:`` finds codes of this project."""
        found = self.resolve_xref(env, fromdocname, builder, "err", target, node, contnode)
        return [("aws:err", found)] if found is not None else []

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        """Each shown code once, at its canonical target (search and ``objects.inv``)."""
        for code, place in self.canonical.items():
            yield code, code, "error", place.docname, place.node_id, 1

    def get_full_qualified_name(self, node: Element) -> str | None:
        """The code a reference names."""
        target = node.get("reftarget")
        return str(target) if target else None


def _insort_new(items: list[str], item: str) -> bool:
    """Put *item* into the sorted list *items* unless it is there; whether it was new.

    A page's references are recorded one by one while it is read: a search and a sort of the
    whole list for each made a page of 200 references cost 200 times 200.
    """
    at = bisect.bisect_left(items, item)
    if at < len(items) and items[at] == item:
        return False
    items.insert(at, item)
    return True


def _digest(*value: object) -> bytes:
    """A short digest of *value* (plain data): what the references' snapshot keeps of it."""
    return hashlib.blake2b(repr(value).encode(), digest_size=12).digest()


#: The values of ``awserrors_index_entries``: which general-index entries a code gets.
INDEX_SETTINGS: Final = ("all", "code", "none")


def index_setting(config: Config) -> str:
    """``awserrors_index_entries``, or ``"all"`` (with a warning) for a value it cannot be."""
    value: object = getattr(config, "awserrors_index_entries", "all")
    if value is True:
        return "all"
    if value is False:
        return "none"
    if value in INDEX_SETTINGS:
        return str(value)
    warn(
        f"awserrors_index_entries must be one of {', '.join(map(repr, INDEX_SETTINGS))}, "
        f"not {value!r}; using 'all'",
        "config",
        once=True,
    )
    return "all"


def index_entries(
    code: str, node_id: str, entry: ErrorEntry | None, wanted: str = "all"
) -> list[tuple[str, str, str, str, str | None]]:
    """General-index entries of a canonical target: the code, and the code under its status.

    *wanted* is :confval:`awserrors_index_entries`: ``"code"`` keeps the first, ``"none"``
    neither (the domain index lists every code anyway). The code is one entry whatever its
    characters (:func:`~sphinx_awserrors.markup.policy.index_text`: a ``;`` would split it).
    """
    if wanted == "none":
        return []
    text = index_text(code)
    result: list[tuple[str, str, str, str, str | None]] = [("single", text, node_id, "main", None)]
    if entry is not None and wanted == "all":
        result.append(("single", f"{entry.status}; {text}", node_id, "", None))
    return result


def index_parts(
    code: str, entry: ErrorEntry | None, wanted: str = "all"
) -> list[tuple[tuple[str, ...], bool]]:
    """The levels of :func:`index_entries` as written (for LaTeX), and which one is main."""
    if wanted == "none":
        return []
    text = visible_controls(code)
    result: list[tuple[tuple[str, ...], bool]] = [((text,), True)]
    if entry is not None and wanted == "all":
        result.append(((str(entry.status), text), False))
    return result


def _add_index_nodes(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Put index nodes at the canonical targets, for builders that index from the doctree.

    HTML's general index comes from the index domain (filled in :meth:`AwsDomain.after_read`);
    LaTeX and Texinfo read ``index`` nodes. The canonical target is only known after reading,
    so they are added here, to the resolved doctree (for LaTeX the whole book, whose documents
    are marked by ``start_of_file`` nodes).
    """
    if app.builder.format == "html":
        return
    domain = app.env.get_domain("aws")
    assert isinstance(domain, AwsDomain)
    wanted = {(place.docname, place.node_id): code for code, place in domain.canonical.items()}
    if not wanted:
        return
    catalogue = buildstate.get_catalogue(app.env)
    setting = index_setting(app.config)
    if setting == "none":
        return

    def visit(parent: Element, current: str) -> None:
        for child in list(parent.children):
            if not isinstance(child, docutils_nodes.Element):
                continue
            if isinstance(child, addnodes.start_of_file):
                visit(child, str(child["docname"]))
                continue
            for node_id in child["ids"]:
                code = wanted.get((current, node_id))
                if code is None:
                    continue
                entries = index_entries(code, node_id, catalogue.get(code), setting)
                parts = [
                    (tuple(latex_characters.shown(app.env, level) for level in levels), main)
                    for levels, main in index_parts(code, catalogue.get(code), setting)
                ]
                if isinstance(child, addnodes.desc_signature) and child.parent is not None:
                    # before the whole description, as Sphinx's own object directives do
                    holder = child.parent
                    if holder.parent is not None:
                        index = awserr_index(entries=entries, inline=False)
                        index["awserr-parts"] = parts
                        holder.parent.insert(holder.parent.index(holder), index)
                else:
                    index = awserr_index(entries=entries)
                    index["awserr-parts"] = parts
                    parent.insert(parent.index(child), index)
            visit(child, current)

    visit(doctree, docname)


def _on_env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain = env.get_domain("aws")
    assert isinstance(domain, AwsDomain)
    # the builder's tags (its name and format too); Sphinx 7.2 has them on the application
    tags = getattr(app.builder, "tags", None) or getattr(app, "tags", None)
    return domain.after_read(
        buildstate.get_catalogue(env),
        catalogue_changed=buildstate.catalogue_changed(env),
        tags=tags,
    )


def setup_domain(app: Sphinx) -> None:
    """Register the ``aws`` domain, its settings and the events that keep its data current."""
    if "awserrors_external_url" not in app.config:
        # normally registered with the other settings; kept here so the domain works alone
        app.add_config_value("awserrors_external_url", None, "env", types=frozenset({str}))
    # which general-index entries a code gets; fewer entries make big catalogues' rebuilds
    # cheaper (Sphinx renders the general index in every HTML build)
    app.add_config_value("awserrors_index_entries", "all", "env", types=(str, bool))
    app.add_domain(AwsDomain)
    app.connect("env-updated", _on_env_updated)
    app.connect("doctree-resolved", _add_index_nodes)
