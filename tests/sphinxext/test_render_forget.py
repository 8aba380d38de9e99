"""Refused description markup is forgotten by the page's registries, all nodes at once."""

from __future__ import annotations

from docutils import nodes
from docutils.core import publish_doctree

from sphinx_awserrors.sphinxext.render import _forget


def _page() -> nodes.document:
    # publish_doctree: the same on docutils 0.18 (the oldest stack) and the newest
    return publish_doctree("")


def test_forgetting_thousands_of_references_to_one_name_keeps_the_others() -> None:
    document = _page()
    refs = [nodes.reference("", "a", refname="a") for _ in range(30_000)]
    for ref in refs:
        document.note_refname(ref)
    kept = refs[::1000]
    _forget(document, [ref for ref in refs if ref not in kept])
    assert document.refnames["a"] == kept


def test_a_forgotten_target_leaves_ids_and_names() -> None:
    document = _page()
    target = nodes.target("", "", ids=["here"], names=["here"])
    other = nodes.target("", "", ids=["there"], names=["there"])
    for node in (target, other):
        document.ids[node["ids"][0]] = node
        document.nameids[node["names"][0]] = node["ids"][0]
        document.nametypes[node["names"][0]] = True
    document.indirect_targets = [target, other]
    _forget(document, [target])
    assert document.ids == {"there": other}
    assert document.nameids == {"there": "there"}
    assert document.indirect_targets == [other]


def test_nothing_to_forget_changes_nothing() -> None:
    document = _page()
    ref = nodes.reference("", "a", refname="a")
    document.note_refname(ref)
    _forget(document, [])
    assert document.refnames["a"] == [ref]
