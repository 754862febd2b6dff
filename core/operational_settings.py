"""Operational settings: names and defaults of the timecard system, plus Punchline's own.

They are stored in the Setting table (one item per key) and edited at run time; this
model is the single place that says what a valid value is. Processing receives an
``OperationalSettings`` instance and never reads the store itself.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator


class ReviewTriggers(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rate_below_federal_minimum: bool = True
    more_than_60_hours_week: bool = True
    high_daily_rates_threshold: Decimal = Field(default=Decimal("2000"), gt=0)
    salary_exempt_excessive_hours: bool = True
    # Punchline's own: more than 6 worked days in one workweek.
    more_than_6_days_week: bool = True


Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


class OperationalSettings(BaseModel):
    """Every threshold and switch the product reads at run time."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    # product.md names and defaults, kept for compatibility
    max_concurrent_jobs: int = Field(default=3, ge=1, le=10)
    default_job_priority: int = Field(default=2, ge=1, le=4)
    cleanup_after_days: int = Field(default=7, ge=1, le=3650)
    auto_cleanup_enabled: bool = True
    federal_minimum_wage: Decimal = Field(default=Decimal("7.25"), gt=0, le=1000)
    overtime_threshold_hours: Decimal = Field(default=Decimal("40"), gt=0, le=168)
    salary_exempt_threshold_weekly: Decimal = Field(default=Decimal("684"), gt=0)
    max_recommended_hours_weekly: Decimal = Field(default=Decimal("60"), gt=0, le=168)
    bedrock_model_id: str = Field(default="us.anthropic.claude-sonnet-4-20250514-v1:0", min_length=1)
    aws_region: str = Field(default="us-west-2", min_length=1)
    review_triggers: ReviewTriggers = Field(default_factory=ReviewTriggers)

    # Punchline's own
    assumed_hours_per_day: Decimal = Field(default=Decimal("8"), gt=0, le=24)
    workweek_start_day: Weekday = "monday"
    default_work_state: str | None = Field(default=None, description="two-letter state code, e.g. CA")
    highly_compensated_annual: Decimal = Field(default=Decimal("107432"), gt=0)
    upload_size_limit_mb: int = Field(default=16, ge=1, le=512)
    max_rows_per_sheet: int = Field(default=200_000, ge=10)
    max_columns_per_sheet: int = Field(default=1_000, ge=5)
    max_uncompressed_mb: int = Field(default=200, ge=1)
    llm_extraction_enabled: bool = False
    llm_failure_threshold: int = Field(default=3, ge=1, le=100)
    llm_cooldown_seconds: int = Field(default=60, ge=1)
    ask_llm_enabled: bool = Field(default=False, description="let the Bedrock translator plan the questions "
                                  "the parser cannot read (ask)")
    ask_llm_first: bool = Field(default=False, description="ask the translator first, the parser as fallback")
    job_max_attempts: int = Field(default=3, ge=1, le=10)
    retry_backoff_seconds: float = Field(default=2.0, ge=0, le=3600)
    lease_seconds: int = Field(default=30, ge=5, le=3600)
    verification_timeout_ms: int = Field(default=2000, ge=50, le=60_000)
    onboarding_submit_policy: Literal["valid_rows_only", "all_or_nothing"] = "valid_rows_only"

    # Switches and tolerances the compliance rules read (processing.compliance.thresholds)
    state_daily_overtime_enabled: bool = Field(
        default=True, description="state daily overtime, double time and 7th-day rules; false turns them off")
    max_worked_days_weekly: int = Field(default=6, ge=1, le=7, description="worked days per week before review")
    total_tolerance: Decimal = Field(default=Decimal("0.01"), ge=0, le=100,
                                     description="how far a stated total may differ from the sum of its entries")

    @field_validator("default_work_state")
    @classmethod
    def _state_code(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        value = value.strip().upper()
        if len(value) != 2 or not value.isalpha():
            raise ValueError("must be a two-letter US state code such as CA, or null")
        return value


DEFAULT_SETTINGS = OperationalSettings()


class SettingsError(ValueError):
    """A settings change was refused; ``problems`` maps each key to what to fix."""

    def __init__(self, problems: dict[str, str]):
        self.problems = problems
        super().__init__("; ".join(f"{k}: {v}" for k, v in problems.items()))


def validate_changes(current: OperationalSettings, changes: dict[str, Any]) -> OperationalSettings:
    """Return the settings with ``changes`` applied, or raise SettingsError naming each bad key."""
    unknown = sorted(set(changes) - set(OperationalSettings.model_fields))
    if unknown:
        raise SettingsError({key: "unknown setting" for key in unknown})
    merged = current.model_dump(mode="json")
    for key, value in changes.items():
        if key == "review_triggers" and isinstance(value, dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    try:
        return OperationalSettings.model_validate(merged)
    except ValidationError as exc:
        problems = {}
        for err in exc.errors():
            key = ".".join(str(p) for p in err["loc"]) or "settings"
            problems[key] = err["msg"]
        raise SettingsError(problems) from None


__all__ = [
    "DEFAULT_SETTINGS",
    "OperationalSettings",
    "ReviewTriggers",
    "SettingsError",
    "validate_changes",
]
