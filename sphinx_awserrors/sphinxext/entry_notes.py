"""Notes under an entry's description: ``since:``, ``deprecated:`` and ``differs:``.

``since`` and ``deprecated`` become ``versionmodified`` nodes labelled as Sphinx labels its
``versionadded`` and ``deprecated`` directives (Sphinx's own translated labels), so every
builder and theme shows them the way it shows those. Each ``differs:`` reason becomes a
paragraph with a translated label. Catalogue text (versions, reasons) is only ever a text
node: never markup, never raw output.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.domains.changeset import versionlabel_classes, versionlabels

from sphinx_awserrors.sphinxext.locale import _

if TYPE_CHECKING:
    from sphinx_awserrors.catalogue import ErrorEntry


def differs_label(aspect: str) -> str:
    """The translated label of a ``differs:`` reason for *aspect*."""
    labels = {
        "status": _("Status differs from the reference:"),
        "code": _("Code differs from the reference:"),
        "extension": _("Not in the reference:"),
    }
    return str(labels.get(aspect, aspect))


def _version_node(kind: str, version: str, reason: str = "") -> addnodes.versionmodified:
    node = addnodes.versionmodified(type=kind, version=version)
    label = versionlabels[kind] % version
    classes = ["versionmodified", versionlabel_classes[kind]]
    para = nodes.paragraph("", "", translatable=False)
    if reason:
        para += nodes.inline("", f"{label}: ", classes=classes)
        para += nodes.Text(reason)
    else:
        para += nodes.inline("", f"{label}.", classes=classes)
    node += para
    return node


def entry_notes(entry: ErrorEntry) -> list[nodes.Element]:
    """The notes of *entry*: added in, deprecated since, deliberate differences (may be none)."""
    notes: list[nodes.Element] = []
    if entry.since:
        notes.append(_version_node("versionadded", entry.since))
    if entry.deprecated:
        notes.append(_version_node("deprecated", entry.deprecated, entry.deprecated_reason))
    for aspect, reason in entry.differs:
        para = nodes.paragraph("", "", classes=["awserr-differs"], translatable=False)
        para += nodes.inline("", differs_label(aspect) + " ", classes=["awserr-differs-label"])
        para += nodes.Text(reason)
        notes.append(para)
    return notes
