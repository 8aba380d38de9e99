"""Rebuild the judged corpus (``benchmarks/corpus/*.yaml``) from public repositories.

Each source is an error table written in code (a Go map, a Java or Kotlin enum or constants,
Python classes) in a public S3-compatible server or mock. This script reads the file from a
local clone (``git show COMMIT:PATH``) and writes one catalogue per source, with a header
naming the origin, the commit and the licence. Text is copied as the project wrote it: the
point of the corpus is the slips real projects make, so nothing is corrected.

A catalogue holds one description per code: where a source gives a wire code several times
(MinIO answers ``InvalidArgument`` for dozens of reasons), the first definition is kept and
the header says how many were left out.

Usage: ``python benchmarks/corpus/make_corpus.py MIRRORS_DIR`` (a directory holding
``owner+name/repo`` git directories, as the project's fetch tool leaves them).
"""

from __future__ import annotations

import ast
import contextlib
import http
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_awserrors.catalogue import ErrorEntry
from sphinx_awserrors.convert.catalogue_writer import dump_yaml

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

HERE = Path(__file__).parent
Row = tuple[str, int, str, int]  # code, status, description, line in the source


@dataclass(frozen=True)
class Source:
    name: str
    repo: str
    commit: str
    path: str
    licence: str
    what: str
    extract: Callable[[str], Iterator[Row]]


def _status_name(name: str) -> int:
    """``StatusBadRequest``, ``SC_FORBIDDEN``, ``HTTP_NOT_FOUND``, ``BAD_REQUEST`` -> status."""
    name = re.sub(
        r"^(?:http\.)?Status|^(?:HttpServletResponse\.)?SC_|^HTTP_|^HttpStatus\.", "", name
    )
    snake = re.sub(r"(?<=[a-z])(?=[A-Z])", "_", name).upper()
    aliases = {"RANGE_NOT_SATISFIABLE": 416, "PRECON_FAILED": 412, "NOT_IMPLEMENTED": 501,
               "TOO_MANY_REQUESTS": 429, "UNAVAILABLE": 503, "BAD_METHOD": 405,
               "ENTITY_TOO_LARGE": 413, "CLIENT_CLOSED_REQUEST": 499}  # fmt: skip
    if snake in aliases:
        return aliases[snake]
    if snake.isdigit():
        return int(snake)
    try:
        return int(http.HTTPStatus[snake])
    except KeyError:
        return 0  # not a constant (errorCodes[X].HTTPStatusCode): left out


def _line(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _strings(chunk: str) -> str:
    """The concatenation of the string literals of *chunk* (Go, Java, Kotlin, Python)."""
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"|`([^`]*)`', chunk)
    return "".join(ast.literal_eval(f'"{a}"') if a or not b else b for a, b in parts)


def go_map(text: str) -> Iterator[Row]:
    """MinIO-style ``{Code: "...", Description: "...", HTTPStatusCode: http.StatusX}``."""
    pattern = re.compile(
        r"Code:\s*(\"[^\"]*\"),\s*Description:\s*(.*?),\s*HTTPStatusCode:\s*([\w.]+)", re.S
    )
    for m in pattern.finditer(text):
        yield (
            _strings(m.group(1)),
            _status_name(m.group(3)),
            _strings(m.group(2)),
            _line(text, m.start()),
        )


def java_ozone(text: str) -> Iterator[Row]:
    """Ozone's ``NAME("Code", "message" + "...", HTTP_X)`` enum constants."""
    pattern = re.compile(
        r"^\s*[A-Z0-9_]+\(\s*(\"[^\"]*\")\s*,((?:\s*\"(?:[^\"\\]|\\.)*\"\s*\+?)+),\s*(\w+)\)", re.M
    )
    for m in pattern.finditer(text):
        yield (
            _strings(m.group(1)),
            _status_name(m.group(3)),
            _strings(m.group(2)),
            _line(text, m.start()),
        )


def java_s3proxy(text: str) -> Iterator[Row]:
    """s3proxy's ``ACCESS_DENIED(HttpServletResponse.SC_FORBIDDEN, "message")``: the wire code
    is the enum name in PascalCase (as S3ErrorCode.toString makes it)."""
    pattern = re.compile(
        r"^\s{4}([A-Z0-9_]+)\(([\w.]+),((?:\s*\"(?:[^\"\\]|\\.)*\"\s*\+?)+)\)", re.M
    )
    for m in pattern.finditer(text):
        code = "".join(p.capitalize() for p in m.group(1).split("_"))
        yield code, _status_name(m.group(2)), _strings(m.group(3)), _line(text, m.start())


def java_locals3(text: str) -> Iterator[Row]:
    """local-s3's ``Name("Code", 400, "message")`` (commented-out constants left out)."""
    pattern = re.compile(
        r"^\s{2}\w+\(\s*(\"[^\"]*\")\s*,\s*(\d+)\s*,\s*((?:\"(?:[^\"\\]|\\.)*\"\s*\+?\s*)+)\)", re.M
    )
    for m in pattern.finditer(text):
        yield _strings(m.group(1)), int(m.group(2)), _strings(m.group(3)), _line(text, m.start())


def kotlin_s3mock(text: str) -> Iterator[Row]:
    """S3Mock's ``S3Exception(HttpStatus.X.value(), "Code", "message" + ...)`` constants."""
    constants = dict(re.findall(r'const val (\w+) = "([^"]*)"', text))
    pattern = re.compile(
        r"val \w+: S3Exception =\s*S3Exception\(\s*HttpStatus\.(\w+)\.value\(\),"
        r"\s*(\"[^\"]*\"|\w+),"
        r"((?:\s*\"(?:[^\"\\]|\\.)*\"\s*\+?)+),?\s*\)",
        re.S,
    )
    for m in pattern.finditer(text):
        code = constants.get(m.group(2)) or _strings(m.group(2))
        yield code, _status_name(m.group(1)), _strings(m.group(3)), _line(text, m.start())


def python_swift(text: str) -> Iterator[Row]:
    """Swift s3api's ``class Code(Parent): _status = '400 Bad Request'; _msg = '...'``,
    statuses and messages inherited from the parent class where the class has none."""
    tree = ast.parse(text)
    known: dict[str, tuple[int | None, str]] = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        values: dict[str, object] = {}
        for item in node.body:
            if isinstance(item, ast.Assign) and isinstance(item.targets[0], ast.Name):
                with contextlib.suppress(ValueError):
                    values[item.targets[0].id] = ast.literal_eval(item.value)
        parent = node.bases[0].id if node.bases and isinstance(node.bases[0], ast.Name) else ""
        status, msg = known.get(parent, (None, ""))
        if isinstance(values.get("_status"), str) and str(values["_status"]).strip():
            status = int(str(values["_status"]).split()[0])
        if isinstance(values.get("_msg"), str):
            msg = str(values["_msg"])
        code = str(values.get("_code", node.name))
        known[node.name] = (status, msg)
        if status is not None and status >= 300 and msg and parent != "object":
            yield code, status, msg, node.lineno


SOURCES = (
    Source("minio", "minio/minio", "7aac2a2c5b7c882e68c1ce017d8256be2feea27f", "cmd/api-errors.go",
           "AGPL-3.0", "MinIO server's S3 API errors (errorCodes map)", go_map),
    Source("seaweedfs", "seaweedfs/seaweedfs", "cc8364a03ebf5cf9f8eab3315ded2000cd07fff6",
           "weed/s3api/s3err/s3api_errors.go", "Apache-2.0",
           "SeaweedFS S3 gateway errors (errorCodeResponse map)", go_map),
    Source("versitygw", "versity/versitygw", "5d9d54802d890a3f46a6adc9ee55e15a5a59ab86",
           "s3err/s3err.go", "Apache-2.0", "Versity S3 gateway errors (errorCodeResponse map)",
           go_map),
    Source("ozone", "apache/ozone", "78d5650c313f2fa0731bdf08b76d4604090dabca",
           "hadoop-ozone/s3gateway/src/main/java/org/apache/hadoop/ozone/s3/exception/S3ErrorTable.java",
           "Apache-2.0", "Apache Ozone S3 gateway error table (S3ErrorTable enum)", java_ozone),
    Source("s3proxy", "gaul/s3proxy", "f8859ad65fe63334b5160aaa5c5cbaea4b3db2a3",
           "src/main/java/org/gaul/s3proxy/S3ErrorCode.java", "Apache-2.0",
           "S3Proxy error codes (S3ErrorCode enum; wire code = enum name in PascalCase)",
           java_s3proxy),
    Source("s3mock", "adobe/S3Mock", "04fd62fd12916d451c02c58d9677f5c20bd29d67",
           "server/src/main/kotlin/com/adobe/testing/s3mock/s3/S3Exception.kt", "Apache-2.0",
           "Adobe S3Mock exceptions (S3Exception constants)", kotlin_s3mock),
    Source("swift-s3api", "openstack/swift", "d57c078ef2744d0012729bbcb3aaca2c4e5a481d",
           "swift/common/middleware/s3api/s3response.py", "Apache-2.0",
           "OpenStack Swift s3api error responses (ErrorResponse classes)", python_swift),
    Source("local-s3", "Robothy/local-s3", "e819587a21be7aa66730deb840227643e0970b48",
           "local-s3-core/src/main/java/com/robothy/s3/core/exception/S3ErrorCode.java",
           "Apache-2.0", "local-s3 error codes (S3ErrorCode enum)", java_locals3),
)  # fmt: skip


def build(source: Source, mirrors: Path) -> str:
    """The catalogue text of *source*, read from its clone under *mirrors*."""
    git_dir = mirrors / source.repo.replace("/", "+") / "repo"
    text = subprocess.run(
        ["git", "-C", str(git_dir), "show", f"{source.commit}:{source.path}"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    seen: dict[str, ErrorEntry] = {}
    repeated = 0
    for code, status, description, line in source.extract(text):
        if not status or not description.strip():
            continue
        if code in seen:
            repeated += 1
            continue
        seen[code] = ErrorEntry(
            code, status, " ".join(description.split()), file=source.path, line=line
        )
    url = f"https://github.com/{source.repo}/blob/{source.commit}/{source.path}"
    header = [
        f"{source.what}.",
        f"Origin: {url}",
        f"Licence of the source: {source.licence} (the project's); text copied unchanged, as",
        "test data for the lint benchmark (benchmarks/bench_lint_precision.py).",
        f"{len(seen)} codes; {repeated} later definitions of a code already given left out.",
        "Made by benchmarks/corpus/make_corpus.py; source: lines point into the origin file.",
    ]
    return dump_yaml(list(seen.values()), header)


def main(mirrors: str) -> int:
    for source in SOURCES:
        (HERE / f"{source.name}.yaml").write_text(build(source, Path(mirrors)), encoding="utf-8")
        print(source.name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
