"""Errors a client is meant to see, each with a stable ``extensions.code``, and the
extension that masks everything else.

Expected outcomes of an operation (a missing job, a refused transition, a duplicate file)
are union members, not errors. What is left here: authentication, permission, bad input,
lost races, and the limits the schema enforces while validating a document.
"""

from __future__ import annotations

import logging
import re
import traceback

from graphql import GraphQLError
from strawberry.extensions import MaskErrors

log = logging.getLogger("punchline.api")

INTERNAL_ERROR = "INTERNAL_ERROR"


class ApiError(Exception):
    """Base of the errors that pass through masking with their message and code."""

    code = "BAD_REQUEST"

    def __init__(self, message: str, *, code: str | None = None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code


class Unauthenticated(ApiError):
    code = "UNAUTHENTICATED"


class Forbidden(ApiError):
    code = "FORBIDDEN"


class BadRequest(ApiError):
    code = "BAD_REQUEST"


class NotFound(ApiError):
    code = "NOT_FOUND"


class Conflict(ApiError):
    code = "CONFLICT"


# Validation and parse errors carry no original exception; their messages name only the
# operation and the limit, never data. Each gets a stable code from its wording.
_DOCUMENT_ERROR_CODES = (
    (re.compile(r"exceeds maximum operation depth"), "QUERY_TOO_DEEP"),
    (re.compile(r"aliases found\. Allowed"), "TOO_MANY_ALIASES"),
    (re.compile(r"Document contains more than \d+ tokens"), "TOO_MANY_TOKENS"),
    (re.compile(r"^Syntax Error"), "GRAPHQL_PARSE_FAILED"),
    (re.compile(r"Subscription limit reached"), "TOO_MANY_SUBSCRIPTIONS"),
)


def document_error_code(message: str) -> str:
    for pattern, code in _DOCUMENT_ERROR_CODES:
        if pattern.search(message):
            return code
    return "GRAPHQL_VALIDATION_FAILED"


def error_code(error: GraphQLError) -> str:
    original = error.original_error
    if isinstance(original, ApiError):
        return original.code
    if original is None:
        return document_error_code(error.message)
    return INTERNAL_ERROR


def log_unexpected(error: GraphQLError) -> None:
    """The exception type, the field path and the stack: never the message (it may quote data)."""
    original = error.original_error
    stack = "".join(traceback.format_tb(original.__traceback__)) if original is not None else ""
    log.error("unexpected %s at %s\n%s", type(original).__name__, error.path, stack)


def is_expected(error: GraphQLError) -> bool:
    return error.original_error is None or isinstance(error.original_error, ApiError)


class CodedMaskErrors(MaskErrors):
    """MaskErrors that lets ApiError and document errors through, gives every error a
    ``code``, and replaces anything unexpected with one masked message."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=lambda error: not is_expected(error),
                         error_message="Internal error; it has been logged.")

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        processed = []
        for error in errors:
            code = error_code(error)
            if code == INTERNAL_ERROR:
                # The type and path only: messages may quote data.
                log_unexpected(error)
            processed.append(self.anonymise_error(error) if code == INTERNAL_ERROR else error)
            processed[-1].extensions = {**(processed[-1].extensions or {}), "code": code}
        return processed


__all__ = [
    "ApiError",
    "BadRequest",
    "CodedMaskErrors",
    "Conflict",
    "Forbidden",
    "INTERNAL_ERROR",
    "NotFound",
    "Unauthenticated",
    "document_error_code",
    "error_code",
]
