"""The GraphQL schema: one query, mutation and subscription mixin per domain, composed here,
with the document limits and error masking every request goes through."""

from __future__ import annotations

import strawberry
from strawberry.extensions import MaxTokensLimiter

from api.document_limits import MAX_ALIASES, MAX_DEPTH, DocumentLimits
from api.errors import CodedMaskErrors
from api.operation_errors import CodeOperationRefusals
from api.socket_auth import SocketIdentityCheck
from resolvers.ask import AskQueries
from resolvers.health import HealthQueries
from resolvers.jobs import JobMutations, JobQueries
from resolvers.mappings import MappingMutations
from resolvers.onboarding import OnboardingMutation, OnboardingQuery
from resolvers.progress import ProgressSubscriptions
from resolvers.records import RecordQueries
from resolvers.reviews import ReviewMutations
from resolvers.settings import SettingsMutations, SettingsQueries
from resolvers.uploads import UploadMutations

MAX_TOKENS = 4000


@strawberry.type
class Query(JobQueries, SettingsQueries, RecordQueries, HealthQueries, OnboardingQuery, AskQueries):
    pass


@strawberry.type
class Mutation(UploadMutations, JobMutations, ReviewMutations, MappingMutations, SettingsMutations,
               OnboardingMutation):
    pass


@strawberry.type
class Subscription(ProgressSubscriptions):
    pass


class PunchlineSchema(strawberry.Schema):
    def process_errors(self, errors, execution_context=None) -> None:  # noqa: ANN001
        """CodedMaskErrors logs what is unexpected, without messages; nothing else is logged
        (strawberry's default logs every message, and messages may quote data)."""


def build_schema() -> strawberry.Schema:
    return PunchlineSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=[
            lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
            # Depth, aliases, fragment expansions and cost, measured once per fragment (linear).
            DocumentLimits,
            SocketIdentityCheck,  # a socket's credentials, verified again for each operation
            CodeOperationRefusals,  # before CodedMaskErrors: coded refusals, not INTERNAL_ERROR
            CodedMaskErrors,
        ],
    )


schema = build_schema()

__all__ = ["MAX_ALIASES", "MAX_DEPTH", "MAX_TOKENS", "build_schema", "schema"]
