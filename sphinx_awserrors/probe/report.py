"""The report of a probe: per scenario the documented and observed (code, status) and a verdict.

:class:`ProbeReport` holds what the runner saw; :func:`render` writes it as ``text``,
``json``, ``github`` (workflow annotations), ``junit`` (XML for CI test reports), ``rst`` or
``markdown`` (a page to include in the docs, naming the server, its version where its
``Server`` header tells, the endpoint and the date). What the server sent is untrusted: it is
cleaned of control characters, shortened, and escaped for each format.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal

if TYPE_CHECKING:
    from collections.abc import Callable

Verdict = Literal["match", "status-differs", "code-differs", "not-raised", "error"]

#: Verdicts in report order, and what each means.
VERDICTS: Final[dict[str, str]] = {
    "match": "the server answered the documented code and status",
    "status-differs": "the documented code, with another status",
    "code-differs": "an error, but with another code",
    "not-raised": "the request succeeded",
    "error": "no answer to compare (timeout, connection lost, a setup step failed)",
}
FORMATS: Final = ("text", "json", "github", "junit", "rst", "markdown")
#: The longest text of a server (message, Server header) a report shows.
MAX_TEXT: Final = 200

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
_SERVER_VERSION = re.compile(r"^\s*([A-Za-z][\w .-]*?)/(\d[\w.+-]*)")


def clean(text: str | None, limit: int = MAX_TEXT) -> str:
    """*text* on one line, without control characters, at most *limit* characters."""
    if not text:
        return ""
    one_line = _CONTROL.sub(" ", text).strip()
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def server_version(server: str | None) -> tuple[str, str] | None:
    """``(name, version)`` when a ``Server`` header says ``Name/1.2.3``, else ``None``."""
    match = _SERVER_VERSION.match(server or "")
    return (match.group(1), match.group(2)) if match else None


@dataclass(frozen=True)
class Outcome:
    """What one scenario provoked, against what the catalogue documents."""

    scenario: str
    summary: str
    code: str
    status: int
    observed_code: str | None
    observed_status: int | None
    verdict: Verdict
    #: the server's message, or why there is no answer
    detail: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """Whether the verdict is ``match``."""
        return self.verdict == "match"

    def observed(self) -> str:
        """``Code (status)`` as observed, ``-`` for what there was none of."""
        if self.observed_status is None:
            return "-"
        return f"{clean(self.observed_code, 80) or '-'} ({self.observed_status})"


@dataclass(frozen=True)
class ProbeReport:
    """A whole probe run: where, when, against what, and each scenario's outcome."""

    endpoint: str
    region: str
    #: ISO 8601 UTC time the run started
    started: str
    seconds: float
    scratch_bucket: str
    outcomes: tuple[Outcome, ...]
    #: the ``Server`` header(s) of the first answer, comma-separated
    server: str | None = None
    #: library codes the catalogue does not have, so not probed
    not_in_catalogue: tuple[str, ...] = ()
    #: whether the scratch bucket (and anything created by mistake) is gone
    cleaned_up: bool = True
    cleanup_problems: tuple[str, ...] = ()

    @property
    def mismatches(self) -> tuple[Outcome, ...]:
        """The outcomes whose verdict is not ``match``."""
        return tuple(o for o in self.outcomes if not o.ok)

    def counts(self) -> dict[str, int]:
        """How many outcomes have each verdict, in ``VERDICTS`` order."""
        counter: Counter[str] = Counter(o.verdict for o in self.outcomes)
        return {verdict: counter[verdict] for verdict in VERDICTS if counter[verdict]}

    def summary(self) -> str:
        """One line: how many scenarios, codes and of each verdict."""
        codes = len({o.code for o in self.outcomes})
        parts = ", ".join(f"{n} {verdict}" for verdict, n in self.counts().items())
        return (
            f"{_plural(len(self.outcomes), 'scenario')} ({_plural(codes, 'code')}) "
            f"in {self.seconds:.1f} s: {parts or 'nothing probed'}"
        )

    def server_line(self) -> str:
        """The server as its ``Server`` header(s) name it."""
        return clean(self.server) or "unknown (no Server header)"

    def version_line(self) -> str | None:
        """``Name 1.2.3`` where the first ``Server`` header says ``Name/1.2.3``, else ``None``."""
        version = server_version(clean(self.server))
        return f"{version[0]} {version[1]}" if version else None


# --- text, json, github ---------------------------------------------------------------------------


def to_text(report: ProbeReport) -> str:
    """Aligned columns, a line per scenario, then the summary."""
    rows = [("CODE", "DOCUMENTED", "OBSERVED", "VERDICT", "SCENARIO")]
    rows += [(o.code, str(o.status), o.observed(), o.verdict, o.scenario) for o in report.outcomes]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [
        f"probe of {clean(report.endpoint)} (region {report.region}), {report.started}",
        f"server: {report.server_line()}",
        "",
    ]
    if report.version_line():
        lines.insert(2, f"server version: {report.version_line()}")
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        lines.append("  ".join([*cells, row[4]]).rstrip())
    details = [o for o in report.mismatches if o.detail]
    if details:
        lines.append("")
        lines += [f"{o.code} [{o.scenario}]: {clean(o.detail)}" for o in details]
    lines += ["", report.summary()]
    state = "removed" if report.cleaned_up else "NOT removed: " + "; ".join(report.cleanup_problems)
    lines.append(f"scratch bucket {report.scratch_bucket}: {clean(state)}")
    if report.not_in_catalogue:
        lines.append("not in the catalogue, not probed: " + ", ".join(report.not_in_catalogue))
    return "\n".join(lines) + "\n"


def to_json(report: ProbeReport) -> str:
    """A JSON object: the run's metadata, ``outcomes`` and ``counts``."""
    data = {
        "endpoint": report.endpoint,
        "region": report.region,
        "server": clean(report.server) or None,
        "server_version": report.version_line(),
        "started": report.started,
        "seconds": round(report.seconds, 3),
        "scratch_bucket": report.scratch_bucket,
        "cleaned_up": report.cleaned_up,
        "cleanup_problems": list(report.cleanup_problems),
        "not_in_catalogue": list(report.not_in_catalogue),
        "counts": report.counts(),
        "outcomes": [
            {
                "code": o.code,
                "scenario": o.scenario,
                "summary": o.summary,
                "documented": {"code": o.code, "status": o.status},
                "observed": {
                    "code": clean(o.observed_code, 80) or None,
                    "status": o.observed_status,
                },
                "verdict": o.verdict,
                "detail": clean(o.detail),
                "seconds": round(o.seconds, 3),
            }
            for o in report.outcomes
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _github_escape(text: str, *, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def to_github(report: ProbeReport) -> str:
    """GitHub Actions workflow commands: an error per mismatch, a notice with the summary."""
    lines = []
    for o in report.mismatches:
        title = _github_escape(f"probe {o.code}", prop=True)
        message = (
            f"{o.code}: documented {o.code} ({o.status}), observed {o.observed()}: {o.verdict}"
            f" [{o.scenario}]" + (f" {clean(o.detail)}" if o.detail else "")
        )
        lines.append(f"::error title={title}::{_github_escape(message)}")
    summary = f"{clean(report.endpoint)}: {report.summary()}"
    lines.append(f"::notice title=sphinx-awserrors probe::{_github_escape(summary)}")
    return "\n".join(lines) + "\n"


# --- junit ----------------------------------------------------------------------------------------

_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    return _XML_INVALID.sub("?", text)


def to_junit(report: ProbeReport) -> str:
    """JUnit XML: a test case per scenario; a mismatch fails it, ``error`` errs it."""
    counts = report.counts()
    failures = sum(n for verdict, n in counts.items() if verdict not in ("match", "error"))
    suite = ET.Element(
        "testsuite",
        {
            "name": "sphinx-awserrors probe",
            "tests": str(len(report.outcomes)),
            "failures": str(failures),
            "errors": str(counts.get("error", 0)),
            "skipped": "0",
            "time": f"{report.seconds:.3f}",
            "timestamp": report.started,
            "hostname": _xml_text(clean(report.endpoint)),
        },
    )
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("endpoint", report.endpoint),
        ("region", report.region),
        ("server", report.server_line()),
        ("server_version", report.version_line() or ""),
    ):
        ET.SubElement(properties, "property", {"name": name, "value": _xml_text(clean(value))})
    for o in report.outcomes:
        case = ET.SubElement(
            suite,
            "testcase",
            {"classname": f"probe.{o.code}", "name": o.scenario, "time": f"{o.seconds:.3f}"},
        )
        if o.ok:
            continue
        message = f"documented {o.code} ({o.status}), observed {o.observed()}: {o.verdict}" + (
            f": {clean(o.detail)}" if o.detail else ""
        )
        tag = "error" if o.verdict == "error" else "failure"
        element = ET.SubElement(case, tag, {"message": _xml_text(message), "type": o.verdict})
        element.text = _xml_text(f"{o.summary}\n{message}")
    ET.indent(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, "unicode") + "\n"


# --- rst, markdown --------------------------------------------------------------------------------

_RST_SPECIAL = re.compile(r"([\\`*_|<>\[\]])")
_RST_LIST_START = re.compile(r"[-+*#(•‣⁃]|\w{1,9}[.)](\s|$)")
_MD_SPECIAL = re.compile(r"([\\`*_|<>\[\]#~])")


def _rst(text: str) -> str:
    escaped = _RST_SPECIAL.sub(r"\\\1", clean(text))
    # a cell or field starting "- ", "(1)", "#." would be a list: escape its first character
    return "\\" + escaped if _RST_LIST_START.match(escaped) else escaped


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", clean(text))


def _rst_observed(o: Outcome) -> str:
    if o.observed_status is None:
        return "no answer"
    return f"{_rst(o.observed_code or '') or 'no code'} ({o.observed_status})"


def _md_observed(o: Outcome) -> str:
    if o.observed_status is None:
        return "no answer"
    return f"{_md(o.observed_code or '') or 'no code'} ({o.observed_status})"


def to_rst(report: ProbeReport) -> str:
    """A reStructuredText page: the run's fields and a table of the outcomes."""
    title = "S3 error codes probed against a server"
    lines = [
        title,
        "=" * len(title),
        "",
        f":Server: {_rst(report.server_line())}",
        *([f":Server version: {_rst(v)}"] if (v := report.version_line()) else []),
        f":Endpoint: {_rst(report.endpoint)}",
        f":Region: {_rst(report.region)}",
        f":Date: {report.started}",
        f":Result: {_rst(report.summary())}",
        "",
        ".. list-table::",
        "   :header-rows: 1",
        "",
        "   * - Code",
        "     - Documented",
        "     - Observed",
        "     - Verdict",
        "     - Request",
        "     - Note",
    ]
    for o in report.outcomes:
        lines += [
            f"   * - ``{o.code}``",
            f"     - {o.status}",
            f"     - {_rst_observed(o)}",
            f"     - {o.verdict}",
            f"     - {_rst(o.summary)}",
            f"     - {'' if o.ok else _rst(o.detail)}".rstrip(),
        ]
    if report.not_in_catalogue:
        lines += [
            "",
            "Not probed (not in the catalogue): " + _rst(", ".join(report.not_in_catalogue)),
        ]
    return "\n".join(lines) + "\n"


def to_markdown(report: ProbeReport) -> str:
    """A Markdown page: the run's fields and a pipe table of the outcomes."""
    lines = [
        "# S3 error codes probed against a server",
        "",
        f"- Server: {_md(report.server_line())}",
        *([f"- Server version: {_md(v)}"] if (v := report.version_line()) else []),
        f"- Endpoint: {_md(report.endpoint)}",
        f"- Region: {_md(report.region)}",
        f"- Date: {report.started}",
        f"- Result: {_md(report.summary())}",
        "",
        "| Code | Documented | Observed | Verdict | Request | Note |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    lines += [
        f"| `{o.code}` | {o.status} | {_md_observed(o)} | {o.verdict} | {_md(o.summary)} "
        f"| {'' if o.ok else _md(o.detail)} |"
        for o in report.outcomes
    ]
    if report.not_in_catalogue:
        lines += [
            "",
            "Not probed (not in the catalogue): " + _md(", ".join(report.not_in_catalogue)),
        ]
    return "\n".join(lines) + "\n"


RENDERERS: Final[dict[str, Callable[[ProbeReport], str]]] = {
    "text": to_text,
    "json": to_json,
    "github": to_github,
    "junit": to_junit,
    "rst": to_rst,
    "markdown": to_markdown,
}


def render(report: ProbeReport, fmt: str) -> str:
    """*report* in the format *fmt*: text, json, github, junit, rst or markdown."""
    return RENDERERS[fmt](report)
