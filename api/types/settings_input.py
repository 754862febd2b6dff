from __future__ import annotations

from decimal import Decimal
from typing import Any

import strawberry

from api.types.review_triggers import ReviewTriggersInput


@strawberry.input(description="Only the fields given change; each is validated, all or nothing.")
class SettingsInput:
    max_concurrent_jobs: int | None = strawberry.UNSET
    default_job_priority: int | None = strawberry.UNSET
    cleanup_after_days: int | None = strawberry.UNSET
    auto_cleanup_enabled: bool | None = strawberry.UNSET
    federal_minimum_wage: Decimal | None = strawberry.UNSET
    overtime_threshold_hours: Decimal | None = strawberry.UNSET
    salary_exempt_threshold_weekly: Decimal | None = strawberry.UNSET
    max_recommended_hours_weekly: Decimal | None = strawberry.UNSET
    bedrock_model_id: str | None = strawberry.UNSET
    aws_region: str | None = strawberry.UNSET
    review_triggers: ReviewTriggersInput | None = strawberry.UNSET
    assumed_hours_per_day: Decimal | None = strawberry.UNSET
    workweek_start_day: str | None = strawberry.UNSET
    default_work_state: str | None = strawberry.UNSET
    highly_compensated_annual: Decimal | None = strawberry.UNSET
    upload_size_limit_mb: int | None = strawberry.UNSET
    max_rows_per_sheet: int | None = strawberry.UNSET
    max_columns_per_sheet: int | None = strawberry.UNSET
    max_uncompressed_mb: int | None = strawberry.UNSET
    llm_extraction_enabled: bool | None = strawberry.UNSET
    llm_failure_threshold: int | None = strawberry.UNSET
    llm_cooldown_seconds: int | None = strawberry.UNSET
    job_max_attempts: int | None = strawberry.UNSET
    retry_backoff_seconds: float | None = strawberry.UNSET
    lease_seconds: int | None = strawberry.UNSET
    verification_timeout_ms: int | None = strawberry.UNSET
    onboarding_submit_policy: str | None = strawberry.UNSET


def given_fields(value: Any) -> dict[str, Any]:
    """The fields the client sent (null included: the validator decides if null is allowed)."""
    changes = {}
    for name, field_value in vars(value).items():
        if field_value is strawberry.UNSET:
            continue
        changes[name] = given_fields(field_value) if isinstance(field_value, ReviewTriggersInput) else field_value
    return changes


def settings_changes(value: SettingsInput) -> dict[str, Any]:
    return given_fields(value)


__all__ = ["SettingsInput", "settings_changes"]
