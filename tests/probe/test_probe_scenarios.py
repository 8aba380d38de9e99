"""The scenario library and request preparation of the probe: no server needed."""

from __future__ import annotations

import re
from string import Template

import pytest

from sphinx_awserrors.catalogue import load_catalogue
from sphinx_awserrors.probe.runner import (
    Answer,
    ProbeOptions,
    StepFailed,
    judge,
    names,
    plan,
    prepare,
    scratch_name,
)
from sphinx_awserrors.probe.scenarios import SCENARIOS, Scenario, Step, bucket_of, library_codes

BUNDLED = load_catalogue(["bundled"]).catalogue
ENDPOINT = "http://127.0.0.1:9"


def test_library_probes_at_least_30_codes_of_the_bundled_catalogue() -> None:
    assert len([code for code in library_codes() if code in BUNDLED]) >= 30


def test_scenario_names_are_unique_kebab_case() -> None:
    names_ = [s.name for s in SCENARIOS]
    assert len(names_) == len(set(names_))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name) for name in names_)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_every_request_addresses_the_scratch_bucket(scenario: Scenario) -> None:
    bucket = scratch_name()
    [(_, requests)] = plan([scenario], ProbeOptions(ENDPOINT), bucket)
    assert len(requests) == len(scenario.setup) + 1
    for request in requests:
        path = request.url.removeprefix(ENDPOINT)
        assert bucket_of(path).startswith(bucket), request.url
    for step in (*scenario.setup, scenario.request):
        if step.creates_bucket:
            assert (
                Template(step.creates_bucket)
                .substitute(names(bucket, "us-east-1"))
                .startswith(bucket)
            )


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_templates_use_only_known_or_earlier_captured_names(scenario: Scenario) -> None:
    known = {*names("b", "us-east-1"), "key"}
    for step in (*scenario.setup, scenario.request):
        texts = [step.path, *step.query.values(), *step.headers.values()]
        if isinstance(step.body, str):
            texts.append(step.body)
        for text in texts:
            used = {m[1] or m[2] for m in Template.pattern.findall(text) if m[1] or m[2]}
            assert used <= known, (step, used - known)
        known |= set(step.capture)


def test_prepare_refuses_a_bucket_other_than_the_scratch_one() -> None:
    values = names("sphinx-awserrors-probe-000000000000", "us-east-1")
    with pytest.raises(StepFailed, match="not the scratch bucket"):
        prepare(Step("DELETE", "/someone-elses-bucket"), ENDPOINT, values)
    with pytest.raises(StepFailed, match="not the scratch bucket"):
        prepare(Step("GET", "/%73omeone"), ENDPOINT, values)


def test_prepare_without_a_captured_value_fails_the_step() -> None:
    values = names("sphinx-awserrors-probe-000000000000", "us-east-1")
    step = Step("GET", "/${bucket}/k", query={"uploadId": "${upload_id}"})
    with pytest.raises(StepFailed, match="upload_id"):
        prepare(step, ENDPOINT, values)


def test_prepare_adds_content_md5_of_the_body() -> None:
    values = names("sphinx-awserrors-probe-000000000000", "us-east-1")
    request = prepare(Step("POST", "/${bucket}", body="abc", content_md5=True), ENDPOINT, values)
    assert request.headers["Content-MD5"] == "kAFQmDzST7DWlj99KOF/cg=="


def test_create_bucket_body_names_the_region_outside_us_east_1() -> None:
    assert names("b", "us-east-1")["create_bucket_body"] == ""
    assert "<LocationConstraint>eu-west-1<" in names("b", "eu-west-1")["create_bucket_body"]


def _answer(status: int, code: str | None) -> Answer:
    from http.client import HTTPMessage

    return Answer(status, HTTPMessage(), b"", code, None)


@pytest.mark.parametrize(
    ("scenario_code", "bodyless", "status", "code", "verdict"),
    [
        ("NoSuchKey", False, 404, "NoSuchKey", "match"),
        ("NoSuchKey", False, 403, "NoSuchKey", "status-differs"),
        ("NoSuchKey", False, 404, "NoSuchBucket", "code-differs"),
        ("NoSuchKey", False, 404, None, "code-differs"),
        ("NoSuchKey", False, 200, None, "not-raised"),
        ("NotModified", True, 304, None, "match"),
        ("NotModified", True, 200, None, "not-raised"),
        ("NotModified", True, 412, "PreconditionFailed", "code-differs"),
    ],
)
def test_judge_compares_observed_with_documented(
    scenario_code: str, bodyless: bool, status: int, code: str | None, verdict: str
) -> None:
    scenario = Scenario(scenario_code, "s", "summary", Step("GET", "/b"), bodyless=bodyless)
    documented = BUNDLED[scenario_code].status
    assert judge(scenario, documented, _answer(status, code)) == verdict


@pytest.mark.parametrize("region", ["us-east-1", "eu-west-1"])
def test_create_bucket_requests_carry_well_formed_configuration(region: str) -> None:
    from xml.etree import ElementTree

    values = names("sphinx-awserrors-probe-000000000000", region)
    creating = [
        s
        for s in SCENARIOS
        if s.request.method == "PUT"
        and s.request.path in ("/${bucket}", "/${long_bucket}")
        and not s.request.query
    ]
    assert creating
    for scenario in creating:
        body = prepare(scenario.request, ENDPOINT, values).body
        if region == "us-east-1":
            assert body == b""
        else:
            root = ElementTree.fromstring(body)
            assert root.findtext("{*}LocationConstraint") == region
