"""The spelling check, measured: recall and top-suggestion accuracy on injected typos, and
false alarms on clean text.

Typos (dropped letters at the end and in the middle, swapped letters, doubled letters,
neighbouring-key slips, common misspellings, two words run together, one word split in two)
are injected with a fixed seed into real descriptions: the seed table's, the bundled
catalogue's and a set of S3-style descriptions written for these tests. Each typed catalogue
keeps its other descriptions clean, as in real life. The figures are printed; run with ``-s``
to see them when the tests pass.

False alarms are measured on the clean descriptions of other projects' tables in
``/work/shared/real-world/`` (read in place when present, never copied) and, when botocore is
installed, on the error documentation of a few AWS service models.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from support_paths import SEED
from support_typos import KINDS, Typo, generate

from sphinx_awserrors.catalogue import Catalogue, ErrorEntry, load_catalogue
from sphinx_awserrors.checks.spelling import spelling_findings
from sphinx_awserrors.cli.lint import read_inputs

REAL_WORLD = Path("/work/shared/real-world")

#: Realistic descriptions in the S3 style, written for these tests; they use words with
#: well-known misspellings so that every kind of slip has somewhere to land.
EXTRA_DESCRIPTIONS = (
    "The server did not receive the complete request body before the connection was closed",
    "An internal error occurred while the request was processed. Retry the request",
    "The object key and the version ID must be given as separate parameters",
    "The email address provided is not associated with an account",
    "The request is missing a header that is necessary to authenticate it",
    "The multipart upload was successfully completed but the object is not yet available",
    "Access to the bucket is denied because the account is suspended",
    "The existence of the object could not be verified; try again later",
    "The size of the proposed upload exceeds the maximum allowed object size",
    "The part is smaller than the minimum allowed part size, except for the last part",
    "The bucket you are attempting to access must be addressed using the specified endpoint",
    "The requested resource has been permanently moved to a different location",
    "The bucket is temporarily unavailable while its configuration is being updated",
    "The signature does not match the signature calculated for the request",
    "The value of the parameter is not valid for this operation",
    "The request was rejected because the user does not have the required privilege",
    "The transfer was interrupted before the last part was received",
    "The object was archived and must be restored before it can be retrieved",
    "The lifecycle configuration contains a rule with an invalid expiration date",
    "Authentication failed because the security token included in the request is invalid",
    "The encryption key provided does not match the key that was used to encrypt the object",
    "The request was not processed because the bucket policy denies it",
    "Your previous request to create the named bucket succeeded and you already own it",
    "The resource you requested is not available in the region you specified",
    "Retry the request immediately; the server may be overloaded",
    "The length of the object key exceeds the limit of 1024 bytes",
    "The response was too large to be returned in a single page",
    "The precondition given in one or more of the request headers was not met",
    "Each tag key must be unique and its value must not exceed the allowed length",
    "The administrator of the account has not granted access to this operation",
    "The request contains an unsupported argument that the service does not recognise",
    "The replication configuration refers to a destination bucket which does not exist",
    "The checksum calculated by the server does not match the checksum you provided",
    "The request references an object version that is no longer available",
    "The operation is not allowed on an object whose legal hold is active",
    "The credentials provided are not valid for the environment of this endpoint",
    "The upload was initiated more than seven days ago and has been aborted",
    "The location constraint is incompatible with the region the request was sent to",
    "The referred object has been deleted by a lifecycle rule until further notice",
    "We recommend that you retry the request with exponential backoff",
    "The number of grants in the access control list exceeds the allowed maximum",
    "Information about the inventory configuration is not available because it is disabled",
    "The server encountered an unexpected condition and could not complete the request",
    "The requested range cannot be satisfied because it begins beyond the end of the object",
    "Object ownership settings prevent the use of access control lists on this bucket",
    "The notification configuration is not valid because the destination cannot be reached",
)

#: What the check must reach on the generated typos.
MIN_RECALL = 0.95
MIN_RIGHT_SUGGESTION = 0.85
#: False alarms allowed per 100 entries of clean real-world text.
MAX_FALSE_ALARMS_PER_100 = 1.0


@dataclass
class Score:
    """The tally of one measurement."""

    total: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)
    misses: list[Typo] = field(default_factory=list)
    wrong: list[tuple[Typo, str | None]] = field(default_factory=list)
    stray: int = 0

    def rate(self, counter: Counter[str]) -> float:
        return sum(counter.values()) / max(1, sum(self.total.values()))

    def report(self, title: str) -> str:
        lines = [
            f"{title}: {sum(self.total.values())} typos, recall {self.rate(self.found):.1%}, "
            f"right top suggestion {self.rate(self.right):.1%}, "
            f"other findings in typed entries {self.stray}"
        ]
        for kind in KINDS:
            n = self.total[kind]
            if n:
                lines.append(
                    f"  {kind:13} {n:4}  found {self.found[kind] / n:6.1%}  "
                    f"right {self.right[kind] / n:6.1%}"
                )
        lines += [f"  missed: {t.typo} ({t.original})" for t in self.misses[:10]]
        lines += [f"  wrong: {t.typo} -> {s!r}, not {t.original!r}" for t, s in self.wrong[:10]]
        return "\n".join(lines)


def measure(base: list[tuple[str, str]], count: int, seed: int) -> Score:
    """Inject *count* typos into the descriptions of *base* (code, description) and score.

    Each round types at most one typo per entry into a copy of the whole catalogue.
    """
    score = Score()
    pending = generate([d for _, d in base], count, seed=seed)
    while pending:
        typed: dict[int, Typo] = {}
        later = []
        for index, typo in pending:
            if index in typed:
                later.append((index, typo))
            else:
                typed[index] = typo
        pending = later
        entries = tuple(
            ErrorEntry(code, 400, typed[i].description if i in typed else text, line=i + 1)
            for i, (code, text) in enumerate(base)
        )
        by_line = defaultdict(list)
        for finding in spelling_findings(Catalogue(entries)):
            by_line[finding.line].append(finding)
        for index, typo in typed.items():
            score.total[typo.kind] += 1
            found = by_line[index + 1]
            hits = [f for f in found if f.word in typo.typo]
            score.stray += len(found) - len(hits)
            if not hits:
                score.misses.append(typo)
                continue
            score.found[typo.kind] += 1
            suggestion = hits[0].suggestion
            if suggestion is not None and suggestion.lower() == typo.original.lower():
                score.right[typo.kind] += 1
            else:
                score.wrong.append((typo, suggestion))
    return score


def seed_entries() -> list[tuple[str, str]]:
    return [(e.code, e.description) for e in read_inputs([str(SEED)]).entries]


def bundled_entries() -> list[tuple[str, str]]:
    return [(e.code, e.description) for e in load_catalogue(None).catalogue]


def extra_entries() -> list[tuple[str, str]]:
    return [(f"Error{i:03d}", text) for i, text in enumerate(EXTRA_DESCRIPTIONS)]


BASES = {"seed": seed_entries, "bundled": bundled_entries, "extra": extra_entries}


@pytest.fixture(scope="module")
def scores() -> dict[str, Score]:
    return {name: measure(make(), 300, seed=20_240) for name, make in BASES.items()}


def test_injected_typos(scores: dict[str, Score], capsys: pytest.CaptureFixture[str]) -> None:
    overall = Score()
    for score in scores.values():
        overall.total.update(score.total)
        overall.found.update(score.found)
        overall.right.update(score.right)
        overall.misses += score.misses
        overall.wrong += score.wrong
        overall.stray += score.stray
    with capsys.disabled():
        print()
        for name, score in scores.items():
            print(score.report(f"spelling on {name} descriptions"))
        print(overall.report("spelling overall"))
    assert sum(overall.total.values()) >= 800
    assert set(overall.total) == set(KINDS)
    assert overall.rate(overall.found) >= MIN_RECALL
    assert overall.rate(overall.right) >= MIN_RIGHT_SUGGESTION
    for name, score in scores.items():
        assert score.rate(score.found) >= MIN_RECALL, name
        assert score.rate(score.right) >= MIN_RIGHT_SUGGESTION, name


def test_every_kind_of_slip_is_caught(scores: dict[str, Score]) -> None:
    total: Counter[str] = Counter()
    found: Counter[str] = Counter()
    for score in scores.values():
        total.update(score.total)
        found.update(score.found)
    for kind in KINDS:
        assert found[kind] / total[kind] >= 0.9, kind


@pytest.mark.parametrize("make", BASES.values(), ids=BASES.keys())
def test_clean_descriptions_give_nothing(make: object) -> None:
    assert callable(make)
    entries = tuple(ErrorEntry(c, 400, d, line=i + 1) for i, (c, d) in enumerate(make()))
    found = spelling_findings(Catalogue(entries))
    expected = [("NoSuchUpload", "exis")] if make is seed_entries else []
    assert [(f.code, f.word) for f in found] == expected


# --- false alarms on other projects' clean text ----------------------------------------------


def real_world_descriptions() -> dict[str, list[tuple[str, str]]]:
    """(code, description) of each error table in /work/shared/real-world, read in place."""
    tables: dict[str, list[tuple[str, str]]] = {}
    for path in sorted(REAL_WORLD.iterdir()):
        if path.name == "INDEX.md":
            continue
        if path.suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            items = data.get("errors") or [
                {"code": k, **v} for k, v in data.items() if isinstance(v, dict)
            ]
            rows = [(str(i.get("code")), i.get("description")) for i in items]
        elif "yandex" in path.name:  # a Yandex "#| ... |#" table: || status | code | text ||
            text = path.read_text(encoding="utf-8")
            pattern = r"^\|\|\s*\d{3}\s*\|\s*`?([^|`]*)`?\s*\|(.*?)\|\|"
            rows = [(m[0], m[1]) for m in re.findall(pattern, text, re.MULTILINE | re.DOTALL)]
        else:
            rows = [(e.code, e.description) for e in read_inputs([str(path)]).entries]
        rows = [(c, d.strip()) for c, d in rows if isinstance(d, str) and d.strip()]
        if rows:
            tables[path.name] = rows
    return tables


@pytest.mark.skipif(not REAL_WORLD.is_dir(), reason="no real-world tables on this machine")
def test_few_false_alarms_on_real_world_tables(capsys: pytest.CaptureFixture[str]) -> None:
    tables = real_world_descriptions()
    entries = findings = 0
    lines = []
    for name, rows in tables.items():
        cat = Catalogue(
            tuple(ErrorEntry(c, 400, d, file=name, line=i + 1) for i, (c, d) in enumerate(rows))
        )
        found = spelling_findings(cat)
        entries += len(rows)
        findings += len(found)
        lines.append(f"  {name}: {len(rows)} entries, {len(found)} findings")
        lines += [f"    {f.word!r} -> {f.suggestion!r}" for f in found]
    rate = 100 * findings / entries
    with capsys.disabled():
        print(f"\nspelling on real-world tables: {rate:.2f} findings per 100 entries")
        print("\n".join(lines))
    assert entries > 300
    # the findings there include real slips ("does not exis" in an old Zenko table)
    assert rate <= MAX_FALSE_ALARMS_PER_100


BOTOCORE_SERVICES = (
    "s3", "s3control", "iam", "sts", "kms", "glacier", "ec2", "lambda", "sqs", "sns",
    "dynamodb", "cloudfront", "route53", "organizations", "secretsmanager", "ecr",
)  # fmt: skip


def test_few_false_alarms_on_aws_service_documentation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    botocore_session = pytest.importorskip("botocore.session")
    loader = botocore_session.get_session().get_component("data_loader")
    entries = []
    for service in BOTOCORE_SERVICES:
        model = loader.load_service_model(service, "service-2")
        for name, shape in model["shapes"].items():
            if shape.get("exception") and shape.get("documentation"):
                text = " ".join(
                    html.unescape(re.sub(r"<[^>]+>", " ", shape["documentation"])).split()
                )
                if text:
                    entries.append(ErrorEntry(name, 400, text, file=service, line=len(entries) + 1))
    found = spelling_findings(Catalogue(tuple(entries)))
    rate = 100 * len(found) / len(entries)
    with capsys.disabled():
        print(
            f"\nspelling on botocore error documentation: {len(entries)} entries, {rate:.2f} "
            "findings per 100 entries"
        )
        for f in found:
            print(f"  {f.file}: {f.word!r} -> {f.suggestion!r}")
    assert len(entries) > 200
    assert rate <= MAX_FALSE_ALARMS_PER_100
