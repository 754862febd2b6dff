"""ask(question): read-only questions about the records, for any role that may read them.

Thin: the caller's role and the settings go to services.ask, off the event loop; the
result is mapped to the GraphQL union. Refusals are answers (the CannotAnswer member), not
errors, so a client can show the reason and the examples.
"""

from __future__ import annotations

import datetime as dt

import strawberry
from strawberry.types import Info

from api.permissions import IsViewer
from api.threads import off_loop
from api.types.ask import AskResult, to_graphql
from resolvers.common import caller


def _ask(question: str, role: str, today: dt.date | None):
    from services.ask import ask
    from store.settings import get_operational_settings

    return ask(question, role=role, today=today, settings=get_operational_settings())


@strawberry.type
class AskQueries:
    @strawberry.field(permission_classes=[IsViewer],
                      description="Answer a question about hours, pay, overtime, files, reviews or hires, "
                                  "read-only. `today` (default: the current UTC date) is what date words are "
                                  "resolved against.")
    async def ask(self, info: Info, question: str, today: dt.date | None = None) -> AskResult:
        identity = caller(info)
        return to_graphql(await off_loop(_ask, question, identity.role, today))


__all__ = ["AskQueries"]
