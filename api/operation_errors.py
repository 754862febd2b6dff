"""Refusals strawberry raises before an operation runs, given a stable code instead of being
masked as INTERNAL_ERROR: a query or mutation sent over the legacy ``graphql-ws`` protocol
(which strawberry serves for subscriptions only), an operation name the document lacks."""

from __future__ import annotations

from graphql import GraphQLError
from strawberry.exceptions import MissingQueryError
from strawberry.extensions import SchemaExtension
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError

from api.errors import ApiError

OPERATION_NOT_ALLOWED = "OPERATION_NOT_ALLOWED"
LEGACY_HINT = ("; over WebSocket, the legacy graphql-ws protocol carries subscriptions only: send queries and "
               "mutations over HTTP POST or the graphql-transport-ws protocol")


def coded(error: GraphQLError) -> GraphQLError:
    original = error.original_error
    if isinstance(original, InvalidOperationTypeError):
        message = error.message + LEGACY_HINT
        return GraphQLError(message, original_error=ApiError(message, code=OPERATION_NOT_ALLOWED))
    if isinstance(original, (CannotGetOperationTypeError, MissingQueryError)):
        return GraphQLError(error.message, original_error=ApiError(error.message, code="BAD_REQUEST"))
    return error


class CodeOperationRefusals(SchemaExtension):
    """Must come before CodedMaskErrors: it rewrites streamed results before they are masked."""

    def on_stream_result(self, result):  # noqa: ANN001, ANN201 - a generator hook
        if getattr(result, "errors", None):
            result.errors = [coded(error) for error in result.errors]
        yield


__all__ = ["CodeOperationRefusals", "OPERATION_NOT_ALLOWED", "coded"]
