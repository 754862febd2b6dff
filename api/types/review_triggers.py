from __future__ import annotations

from decimal import Decimal

import strawberry

from core.operational_settings import ReviewTriggers as ReviewTriggersModel


@strawberry.type(description="What sends a file to a person.")
class ReviewTriggers:
    rate_below_federal_minimum: bool
    more_than_60_hours_week: bool
    high_daily_rates_threshold: Decimal
    salary_exempt_excessive_hours: bool
    more_than_6_days_week: bool

    @classmethod
    def from_model(cls, model: ReviewTriggersModel) -> ReviewTriggers:
        return cls(**model.model_dump())


@strawberry.input(description="Only the fields given change.")
class ReviewTriggersInput:
    rate_below_federal_minimum: bool | None = strawberry.UNSET
    more_than_60_hours_week: bool | None = strawberry.UNSET
    high_daily_rates_threshold: Decimal | None = strawberry.UNSET
    salary_exempt_excessive_hours: bool | None = strawberry.UNSET
    more_than_6_days_week: bool | None = strawberry.UNSET


__all__ = ["ReviewTriggers", "ReviewTriggersInput"]
