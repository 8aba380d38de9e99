"""Stand-ins for sibling modules the table tests need, used only while those modules are missing.

``buildstate`` (catalogue loading), ``domain`` (the ``aws`` domain) and ``export`` are written
in parallel with the table; until they exist, :func:`install` puts minimal versions into
``sys.modules`` so the table tests can build. Once the real modules exist nothing is replaced.
"""

from __future__ import annotations

import importlib
import sys
import types
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from sphinx import addnodes
from sphinx.domains import Domain
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from sphinx_awserrors.catalogue import Catalogue, ErrorEntry, bundled_path

if TYPE_CHECKING:
    from docutils import nodes


def _load(path: Path) -> list[ErrorEntry]:
    root = yaml.compose(path.read_text(encoding="utf-8"))
    entries = []
    for item in next(v for k, v in root.value if k.value == "errors").value:
        fields = {k.value: v for k, v in item.value}
        entries.append(
            ErrorEntry(
                code=fields["code"].value,
                status=int(fields["status"].value),
                description=fields["description"].value,
                tags=tuple(t.value for t in fields["tags"].value) if "tags" in fields else (),
                file=str(path),
                line=item.start_mark.line + 1,
                field_lines={k.value: k.start_mark.line + 1 for k, _v in item.value},
            )
        )
    return entries


def _buildstate() -> types.ModuleType:
    module = types.ModuleType("sphinx_awserrors.buildstate")

    def setup_buildstate(app: Any) -> None:
        app.add_config_value("awserrors_catalogue", "bundled", "env")

    def get_catalogue(env: Any) -> Catalogue:
        value = env.config.awserrors_catalogue
        paths = [value] if isinstance(value, str) else list(value)
        entries: list[ErrorEntry] = []
        for name in paths:
            path = bundled_path() if name == "bundled" else Path(env.app.confdir) / name
            entries.extend(_load(path))
        return Catalogue(tuple(entries))

    def note_renders_catalogue(env: Any, docname: str) -> None:
        pass

    module.setup_buildstate = setup_buildstate  # type: ignore[attr-defined]
    module.get_catalogue = get_catalogue  # type: ignore[attr-defined]
    module.note_renders_catalogue = note_renders_catalogue  # type: ignore[attr-defined]
    module.note_references_catalogue = note_renders_catalogue  # type: ignore[attr-defined]
    return module


class StubAwsDomain(Domain):
    """Records what tables show; resolves ``:awserr:`` to the first row of a code."""

    name = "aws"
    label = "AWS (test stub)"
    roles = {"err": XRefRole()}
    initial_data: dict[str, Any] = {"shown": {}, "status": {}}

    def note_shown(self, code: str, docname: str, node_id: str, lineno: int, kind: str) -> None:
        self.data["shown"].setdefault(code, []).append((docname, node_id, lineno, kind))

    def note_status_target(self, klass: str, docname: str, node_id: str, lineno: int) -> None:
        self.data["status"].setdefault(klass, []).append((docname, node_id, lineno))

    def clear_doc(self, docname: str) -> None:
        for places in self.data["shown"].values():
            places[:] = [p for p in places if p[0] != docname]

    def merge_domaindata(self, docnames: Any, otherdata: dict[str, Any]) -> None:
        for code, places in otherdata["shown"].items():
            self.data["shown"].setdefault(code, []).extend(places)

    def resolve_xref(self, env, fromdocname, builder, typ, target, node, contnode):  # type: ignore[no-untyped-def]
        places = sorted(self.data["shown"].get(target, []))
        if not places:
            return None
        docname, node_id, _line, _kind = places[0]
        return make_refnode(builder, fromdocname, docname, node_id, contnode, target)

    def resolve_any_xref(self, *args: Any) -> list[Any]:
        return []


def _domain() -> types.ModuleType:
    module = types.ModuleType("sphinx_awserrors.domain")

    def setup_domain(app: Any) -> None:
        app.add_domain(StubAwsDomain)

        class ShortRole(XRefRole):
            def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
                result, messages = super().run()
                for node in result:
                    if isinstance(node, addnodes.pending_xref):
                        node["refdomain"], node["reftype"] = "aws", "err"
                return result, messages

        app.add_role("awserr", ShortRole())

    module.setup_domain = setup_domain  # type: ignore[attr-defined]
    module.AwsDomain = StubAwsDomain  # type: ignore[attr-defined]
    return module


def _export() -> types.ModuleType:
    module = types.ModuleType("sphinx_awserrors.export")
    module.setup_export = lambda app: None  # type: ignore[attr-defined]
    return module


def install() -> list[str]:
    """Install a stand-in for each missing sibling module; return their names."""
    stubbed = []
    for name, factory in (("buildstate", _buildstate), ("domain", _domain), ("export", _export)):
        full = f"sphinx_awserrors.{name}"
        try:
            importlib.import_module(full)
        except ImportError:
            module = factory()
            sys.modules[full] = module
            setattr(sys.modules["sphinx_awserrors"], name, module)
            stubbed.append(name)
    return stubbed
