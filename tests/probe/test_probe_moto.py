"""``sphinx-awserrors probe`` against moto's standalone S3 server, started by the tests."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import botocore.session
import defusedxml.ElementTree as SafeET
import docutils.core
import docutils.utils
import pytest
from support_probe import FAKE_ENV, free_port, run_probe, set_fake_credentials

from sphinx_awserrors.catalogue import load_catalogue
from sphinx_awserrors.probe import runner
from sphinx_awserrors.probe.runner import SCRATCH_PREFIX
from sphinx_awserrors.probe.scenarios import SCENARIOS, Scenario

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from sphinx_awserrors.probe.report import Outcome

BUNDLED = load_catalogue(["bundled"]).catalogue
BUNDLED_SCENARIOS = [s for s in SCENARIOS if s.code in BUNDLED]
#: signings that moto, which checks no signature by default, cannot tell from a good one
FORGED = ("wrong-secret", "unknown-key", "bad-token", "skewed", "presigned-expired")


@pytest.fixture(scope="session")
def bundled_run(
    moto_endpoint: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[int, dict[str, Any]]]:
    """One probe of moto with the bundled catalogue: exit status and JSON report."""
    tmp = tmp_path_factory.mktemp("probe")
    with pytest.MonkeyPatch.context() as monkeypatch:
        set_fake_credentials(monkeypatch, tmp)
        out = tmp / "report.json"
        status = run_probe(
            ["--endpoint", moto_endpoint, "--format", "json", "-o", str(out), "bundled"]
        )
        yield status, json.loads(out.read_text(encoding="utf-8"))


def s3_client(endpoint: str) -> Any:
    return botocore.session.get_session().create_client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=FAKE_ENV["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=FAKE_ENV["AWS_SECRET_ACCESS_KEY"],
    )


def bucket_names(endpoint: str) -> list[str]:
    return [b["Name"] for b in s3_client(endpoint).list_buckets()["Buckets"]]


def test_report_lists_every_probed_code_with_observed_code_and_status(
    bundled_run: tuple[int, dict[str, Any]],
) -> None:
    _, report = bundled_run
    outcomes = report["outcomes"]
    assert [o["scenario"] for o in outcomes] == [s.name for s in BUNDLED_SCENARIOS]
    assert len({o["code"] for o in outcomes}) >= 30
    for outcome in outcomes:
        assert outcome["verdict"] != "error", outcome
        assert isinstance(outcome["observed"]["status"], int), outcome
        assert outcome["documented"] == {
            "code": outcome["code"],
            "status": BUNDLED[outcome["code"]].status,
        }
        observed_code = outcome["observed"]["code"]
        assert observed_code is None or observed_code.isidentifier(), outcome


def test_verdicts_follow_from_documented_and_observed(
    bundled_run: tuple[int, dict[str, Any]],
) -> None:
    _, report = bundled_run
    bodyless = {s.name for s in SCENARIOS if s.bodyless}
    for outcome in report["outcomes"]:
        documented, observed = outcome["documented"], outcome["observed"]
        same_code = observed["code"] == documented["code"]
        same_status = observed["status"] == documented["status"]
        if same_code:
            expected = "match" if same_status else "status-differs"
        elif observed["code"] is None and outcome["scenario"] in bodyless and same_status:
            expected = "match"
        elif observed["code"] is None and observed["status"] < 300:
            expected = "not-raised"
        else:
            expected = "code-differs"
        assert outcome["verdict"] == expected, outcome
    counts = report["counts"]
    assert sum(counts.values()) == len(report["outcomes"])


def test_moto_unchecked_signatures_are_reported_as_not_raised(
    bundled_run: tuple[int, dict[str, Any]],
) -> None:
    """moto checks no signature by default: forged requests succeed where AWS refuses them."""
    status, report = bundled_run
    forged = {s.name for s in BUNDLED_SCENARIOS if s.request.signing in FORGED}
    verdicts = {o["scenario"]: o for o in report["outcomes"] if o["scenario"] in forged}
    assert set(verdicts) == forged
    for outcome in verdicts.values():
        assert outcome["verdict"] == "not-raised"
        assert 200 <= outcome["observed"]["status"] < 300
    assert status == 1  # a mismatch


def test_scratch_bucket_is_removed(
    bundled_run: tuple[int, dict[str, Any]], moto_endpoint: str
) -> None:
    _, report = bundled_run
    assert report["scratch_bucket"].startswith(SCRATCH_PREFIX)
    assert report["cleaned_up"] is True
    assert report["cleanup_problems"] == []
    assert not [name for name in bucket_names(moto_endpoint) if name.startswith(SCRATCH_PREFIX)]


def test_report_names_server_endpoint_and_date(
    bundled_run: tuple[int, dict[str, Any]], moto_endpoint: str
) -> None:
    _, report = bundled_run
    assert report["endpoint"] == moto_endpoint
    assert report["region"] == "us-east-1"
    assert "Werkzeug" in report["server"]  # moto's server runs on Werkzeug
    assert report["server_version"].startswith("Werkzeug ")
    assert report["started"].endswith("Z")
    assert "NoSuchLifecycleConfiguration" in report["not_in_catalogue"]


def test_exit_status_is_0_when_all_probed_codes_match(
    bundled_run: tuple[int, dict[str, Any]],
    moto_endpoint: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, report = bundled_run
    matched = {o["code"] for o in report["outcomes"] if o["verdict"] == "match"}
    differ = {o["code"] for o in report["outcomes"] if o["verdict"] != "match"}
    only = sorted(matched - differ)[:3]
    assert run_probe(["--endpoint", moto_endpoint, "--only", ",".join(only), "bundled"]) == 0
    out = capsys.readouterr().out
    assert all(code in out for code in only)
    assert f"{len(only)} match" in out


def test_junit_report_is_well_formed(
    bundled_run: tuple[int, dict[str, Any]], moto_endpoint: str, tmp_path: Path
) -> None:
    _, report = bundled_run
    differ = sorted({o["code"] for o in report["outcomes"] if o["verdict"] != "match"})[:2]
    matched = sorted({o["code"] for o in report["outcomes"] if o["verdict"] == "match"})[:2]
    out = tmp_path / "probe.xml"
    codes = ",".join([*differ, *matched])
    argv = ["--endpoint", moto_endpoint, "--only", codes, "--format", "junit", "-o", str(out)]
    assert run_probe(argv) == 1
    suite = SafeET.fromstring(out.read_text(encoding="utf-8"))
    cases = suite.findall("testcase")
    assert suite.tag == "testsuite"
    assert int(suite.get("tests")) == len(cases)
    failed = [c for c in cases if c.find("failure") is not None]
    assert int(suite.get("failures")) == len(failed)
    assert {c.get("classname").removeprefix("probe.") for c in failed} == set(differ)


def test_rst_page_parses_without_problems(
    bundled_run: tuple[int, dict[str, Any]], moto_endpoint: str, tmp_path: Path
) -> None:
    _, report = bundled_run
    codes = ",".join(sorted({o["code"] for o in report["outcomes"]})[:6])
    out = tmp_path / "probe.rst"
    run_probe(["--endpoint", moto_endpoint, "--only", codes, "--format", "rst", "-o", str(out)])
    text = out.read_text(encoding="utf-8")
    doctree = docutils.core.publish_doctree(
        text, settings_overrides={"report_level": 5, "halt_level": 5}
    )
    problems = list(doctree.findall(docutils.nodes.system_message))
    assert not problems, [p.astext() for p in problems]
    assert moto_endpoint in text
    assert "Werkzeug" in text


def test_github_format_annotates_each_mismatch(
    bundled_run: tuple[int, dict[str, Any]], moto_endpoint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _, report = bundled_run
    differ = sorted({o["code"] for o in report["outcomes"] if o["verdict"] != "match"})[:3]
    assert (
        run_probe(["--endpoint", moto_endpoint, "--only", ",".join(differ), "--format", "github"])
        == 1
    )
    lines = capsys.readouterr().out.splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    scenarios = [s for s in SCENARIOS if s.code in differ]
    assert len(errors) == len(scenarios)
    assert lines[-1].startswith("::notice ")


def test_deadline_stops_scenarios_and_still_removes_the_bucket(
    moto_endpoint: str, tmp_path: Path
) -> None:
    out = tmp_path / "report.json"
    argv = ["--endpoint", moto_endpoint, "--deadline", "0.001", "--format", "json", "-o", str(out)]
    assert run_probe([*argv, "--only", "NoSuchKey,NoSuchBucket"]) == 1
    report = json.loads(out.read_text(encoding="utf-8"))
    assert {o["verdict"] for o in report["outcomes"]} == {"error"}
    assert all("deadline" in o["detail"] for o in report["outcomes"])
    assert report["cleaned_up"] is True
    assert report["scratch_bucket"] not in bucket_names(moto_endpoint)


def test_unreachable_endpoint_is_one_error_line_and_exit_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    endpoint = f"http://127.0.0.1:{free_port()}"
    assert run_probe(["--endpoint", endpoint, "--timeout", "2", "bundled"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("sphinx-awserrors probe: error: cannot reach")
    assert endpoint in lines[0]


def test_probe_in_another_region_creates_and_removes_its_bucket_there(
    moto_endpoint: str, tmp_path: Path
) -> None:
    out = tmp_path / "report.json"
    argv = [
        "--endpoint",
        moto_endpoint,
        "--region",
        "eu-west-1",
        "--format",
        "json",
        "-o",
        str(out),
    ]
    run_probe([*argv, "--only", "BucketAlreadyOwnedByYou,InvalidBucketName,NoSuchKey"])
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["region"] == "eu-west-1"
    assert report["cleaned_up"] is True
    for outcome in report["outcomes"]:
        # a 5xx or an error would mean the probe sent a request the server could not read
        assert outcome["verdict"] != "error", outcome
        assert outcome["observed"]["status"] < 500, outcome


def test_scratch_bucket_is_removed_after_a_failure(
    moto_endpoint: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    created: list[str] = []
    original = runner.Probe.run_scenario

    def failing(self: runner.Probe, scenario: Scenario, status: int) -> Outcome:
        created.append(self.bucket)
        if len(created) == 2:
            raise KeyboardInterrupt
        return original(self, scenario, status)

    monkeypatch.setattr(runner.Probe, "run_scenario", failing)
    scenarios = [s for s in BUNDLED_SCENARIOS if s.code in ("NoSuchVersion", "BucketNotEmpty")]
    with pytest.raises(KeyboardInterrupt):
        runner.run(BUNDLED, scenarios, runner.ProbeOptions(moto_endpoint))
    assert len(created) == 2
    assert created[0] not in bucket_names(moto_endpoint)


def test_forged_signatures_get_their_codes_from_a_server_that_checks_them(
    moto_auth_endpoint: tuple[str, dict[str, str]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """With authentication on, moto refuses each forged signature with its own code."""
    endpoint, credentials = moto_auth_endpoint
    for name, value in credentials.items():
        monkeypatch.setenv(name, value)
    out = tmp_path / "report.json"
    codes = "SignatureDoesNotMatch,InvalidAccessKeyId,InvalidToken,NoSuchKey"
    argv = ["--endpoint", endpoint, "--only", codes, "--format", "json", "-o", str(out)]
    assert run_probe(argv) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert {o["code"] for o in report["outcomes"]} == set(codes.split(","))
    assert {o["verdict"] for o in report["outcomes"]} == {"match"}
    assert report["cleaned_up"] is True
