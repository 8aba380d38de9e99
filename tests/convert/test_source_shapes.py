"""The definition readers of import-source: lexer, status names and the definition shapes."""

from __future__ import annotations

import pytest

from sphinx_awserrors.convert.source.lexer import decode_string, lex
from sphinx_awserrors.convert.source.python import read_classes, resolve_classes
from sphinx_awserrors.convert.source.shapes import find_definitions, is_code
from sphinx_awserrors.convert.source.status import resolve_status_name


def _read(text: str, language: str, file: str = "errors.src") -> list[tuple[object, ...]]:
    found = find_definitions(lex(text, language), file)
    return [(d.code, d.status, d.message, d.line, d.shape) for d in found.definitions]


# --- the lexer ---------------------------------------------------------------------------------


def test_lexer_drops_comments_and_decodes_strings() -> None:
    text = 'x := "a\\"b" // "NoSuchKey" in a comment\n/* "Gone" */ y(`raw\\n`, 404)\n'
    tokens = lex(text, "go")
    assert [(t.kind, t.text, t.line) for t in tokens] == [
        ("name", "x", 1),
        ("op", ":=", 1),
        ("str", 'a"b', 1),
        ("name", "y", 2),
        ("op", "(", 2),
        ("str", "raw\\n", 2),  # a Go raw string keeps its backslash
        ("op", ",", 2),
        ("num", "404", 2),
        ("op", ")", 2),
    ]
    assert text[tokens[2].start : tokens[2].end] == '"a\\"b"'


def test_lexer_drops_python_docstrings() -> None:
    tokens = lex('class A:\n    """NoSuchKey"""\n    code = "NoSuchKey"\n', "python")
    assert [t.text for t in tokens if t.kind == "str"] == ["NoSuchKey"]


@pytest.mark.parametrize(
    ("raw", "value"),
    [('"a\\tb"', "a\tb"), ("'it\\'s'", "it's"), ('r"x"', "x"), ('"\\u00e9"', "é"), ("`a`", "a")],
)
def test_decode_string(raw: str, value: str) -> None:
    assert decode_string(raw) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NoSuchKey", True),
        ("Throttling", True),
        ("AWS.SimpleQueueService.NonExistentQueue", True),
        ("Access Denied", False),
        ("noSuchKey", False),
        ("HTTP", False),
        ("OK", False),
    ],
)
def test_is_code(text: str, expected: bool) -> None:
    assert is_code(text) is expected


# --- status names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parts", "status"),
    [
        (["http", "StatusNotFound"], 404),
        (["http", "StatusRequestedRangeNotSatisfiable"], 416),
        (["http", "StatusRequestURITooLong"], 414),
        (["HTTP_PRECON_FAILED"], 412),
        (["HttpURLConnection", "HTTP_INTERNAL_ERROR"], 500),
        (["HttpStatus", "PAYLOAD_TOO_LARGE"], 413),
        (["Response", "Status", "CONFLICT"], 409),
        (["SC_SERVICE_UNAVAILABLE"], 503),
        (["HTTPStatus", "NOT_IMPLEMENTED"], 501),
        (["HttpStatusCode", "Forbidden"], 403),
        (["StatusCode", "TOO_MANY_REQUESTS"], 429),
        # a bare name is not a status: it may be anything
        (["CONFLICT"], None),
        (["Statuses"], None),
        (["HTTPS_PORT"], None),
    ],
)
def test_status_names(parts: list[str], status: int | None) -> None:
    assert resolve_status_name(parts) == status


# --- shapes ------------------------------------------------------------------------------------


def test_go_map_of_records_with_status_names() -> None:
    text = """\
var errorCodes = map[ErrorCode]APIError{
	ErrNoSuchKey: {
		Code:           "NoSuchKey",
		Description:    "The specified key does not exist.",
		HTTPStatusCode: http.StatusNotFound,
	},
	ErrSlowDown: {Code: "SlowDown", Description: "Reduce your " + "request rate.",
		HTTPStatusCode: 503},
}
"""
    assert _read(text, "go") == [
        ("NoSuchKey", 404, "The specified key does not exist.", 2, "fields"),
        ("SlowDown", 503, "Reduce your request rate.", 7, "fields"),
    ]


def test_javascript_object_bound_to_the_code_name() -> None:
    text = """\
module.exports = {
    NoSuchKey: { code: 404, description: 'The specified key does not exist.' },
    'InvalidRange': { code: 416, description: "The range is not satisfiable." },
};
export const SlowDown: ErrorFormat = { code: 503, description: 'Slow down.' };
"""
    assert [(c, s, line) for c, s, _, line, _ in _read(text, "javascript")] == [
        ("NoSuchKey", 404, 2),
        ("InvalidRange", 416, 3),
        ("SlowDown", 503, 5),
    ]


def test_java_enum_constants_of_an_errors_file() -> None:
    text = """\
public enum S3ErrorCode {
  NO_SUCH_KEY("NoSuchKey", 404, "The specified key does not exist."),
  // DEPRECATED("OldCode", 400, "commented out"),
  INVALID_RANGE("InvalidRange", HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE.value(),
      "The requested range is not satisfiable"),
  PLAIN("NoStatusCode", "A message without a status");
}
"""
    assert _read(text, "java", "S3ErrorCode.java") == [
        ("NoSuchKey", 404, "The specified key does not exist.", 2, "arguments"),
        ("InvalidRange", 416, "The requested range is not satisfiable", 4, "arguments"),
        ("NoStatusCode", None, "A message without a status", 6, "arguments"),
    ]


def test_enum_constants_of_a_file_not_about_errors_are_not_definitions() -> None:
    text = 'enum Health {\n  HEALTHY("HealthyContainers", "Container is healthy"),\n}\n'
    assert _read(text, "java", "ContainerHealth.java") == []


def test_java_constructor_constants() -> None:
    text = """\
class Errors {
  static final S3Exception NO_SUCH_BUCKET =
      new S3Exception(NOT_FOUND.value(), "NoSuchBucket", "The bucket does not exist.");
  static final S3Exception BAD = new S3Exception(HttpStatus.BAD_REQUEST, "BadDigest", "Bad.");
}
"""
    found = _read(text, "java", "Errors.java")
    assert [(c, s, line) for c, s, _, line, _ in found] == [
        ("NoSuchBucket", 404, 3),  # NOT_FOUND.value(): HttpStatus imported statically
        ("BadDigest", 400, 4),
    ]


def test_keyword_arguments_and_c_designated_initialisers() -> None:
    python = 'raise S3Error(code="NoSuchKey", status_code=404, message="No such key.")\n'
    assert _read(python, "python") == [("NoSuchKey", 404, "No such key.", 1, "fields")]
    c = '{ .code = "SlowDown", .http_status = 503, .message = "Slow down." },\n'
    assert _read(c, "c") == [("SlowDown", 503, "Slow down.", 1, "fields")]


def test_code_constants() -> None:
    text = 'const (\n\tErrCodeNoSuchKey = "NoSuchKey"\n\tcontentType = "Application"\n)\n'
    assert _read(text, "go") == [("NoSuchKey", None, None, 2, "constant")]


def test_calls_that_are_not_definitions() -> None:
    text = """\
log.Error("SomethingFailed", "while reading the config")
fmt.Println("NoSuchKey", "printed")
w.Header().Set("ContentType", "text/plain")
health := NewResponse("Healthy", http.StatusOK)
"""
    assert _read(text, "go") == []


def test_unreadable_definitions_are_reported_with_their_line() -> None:
    text = """\
export const BadName: ErrorFormat = { code: 5001, description: 'name not ok' };
var x = APIError{Code: someCode(), Description: "Computed.", HTTPStatusCode: 400}
ACCESS_DENIED("Access Denied", "Spaces in the code.", HTTP_FORBIDDEN),
"""
    found = find_definitions(lex(text, "typescript"), "e.ts")
    assert found.definitions == []
    assert [(u.line, u.message) for u in found.unreadable] == [
        (1, "BadName: status 5001 is not an HTTP status (100-599); not read"),
        (2, "an error definition whose code is the expression someCode, not a string; not read"),
        (3, "an error definition with code 'Access Denied', not a code word; not read"),
    ]


def test_status_and_code_from_constants_of_the_file() -> None:
    text = """\
const RangeNotSatisfiable = 416
const codeName = "InvalidRange"
var e = APIError{Code: codeName, Description: "Bad range.", HTTPStatusCode: RangeNotSatisfiable}
"""
    from sphinx_awserrors.convert.source.shapes import constants

    tokens = lex(text, "go")
    numbers, strings = constants(tokens)
    found = find_definitions(tokens, "e.go", numbers, strings)
    assert [(d.code, d.status) for d in found.definitions] == [("InvalidRange", 416)]


def test_error_constructor_code_arguments_are_uses() -> None:
    text = 'return NewAPIError("NoSuchKey", w)\nreturn errors.New("NotACode")\n'
    found = find_definitions(lex(text, "go"), "h.go")
    assert found.uses == [("NoSuchKey", 1)]


# --- Python classes ----------------------------------------------------------------------------


def test_python_exception_classes_inherit_status_and_message() -> None:
    base = """\
class ServiceError(Exception):
    status_code = 400

class NotFound(ServiceError):
    status_code: int = HTTPStatus.NOT_FOUND
    message = "Not found."
"""
    errors = """\
from base import NotFound, ServiceError

class NoSuchKey(NotFound):
    code = "NoSuchKey"

class SlowDown(ServiceError):
    def __init__(self):
        super().__init__("SlowDown", "Please reduce your request rate.")
        self.status_code = 503

class Unrelated(NotFound):
    pass
"""
    classes = [*(read_classes(base, "base.py") or []), *(read_classes(errors, "e.py") or [])]
    found = [(d.code, d.status, d.message, d.file, d.line) for d in resolve_classes(classes)]
    assert found == [
        ("NoSuchKey", 404, "Not found.", "e.py", 3),
        ("SlowDown", 503, "Please reduce your request rate.", "e.py", 6),
    ]


def test_python_that_does_not_parse_gives_none() -> None:
    assert read_classes("class (:\n", "bad.py") is None
