from __future__ import annotations

from decimal import Decimal

import strawberry

from api.types.review_triggers import ReviewTriggers
from core.operational_settings import OperationalSettings


@strawberry.type(description="Operational settings; a change applies to the next job, no restart.")
class Settings:
    max_concurrent_jobs: int
    default_job_priority: int
    cleanup_after_days: int
    auto_cleanup_enabled: bool
    federal_minimum_wage: Decimal
    overtime_threshold_hours: Decimal
    salary_exempt_threshold_weekly: Decimal
    max_recommended_hours_weekly: Decimal
    bedrock_model_id: str
    aws_region: str
    review_triggers: ReviewTriggers
    assumed_hours_per_day: Decimal
    workweek_start_day: str
    default_work_state: str | None
    highly_compensated_annual: Decimal
    upload_size_limit_mb: int
    max_rows_per_sheet: int
    max_columns_per_sheet: int
    max_uncompressed_mb: int
    llm_extraction_enabled: bool
    llm_failure_threshold: int
    llm_cooldown_seconds: int
    job_max_attempts: int
    retry_backoff_seconds: float
    lease_seconds: int
    verification_timeout_ms: int
    onboarding_submit_policy: str

    @classmethod
    def from_model(cls, model: OperationalSettings) -> Settings:
        values = {name: getattr(model, name) for name in OperationalSettings.model_fields}
        values["review_triggers"] = ReviewTriggers.from_model(model.review_triggers)
        return cls(**values)


__all__ = ["Settings"]
