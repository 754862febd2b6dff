"""Moved to services.jobs. This alias stays only until bench/ (owned by other work) imports
it from there; import-linter names it as an allowed exception."""

from services.jobs import JobContext, JobOutcome

__all__ = ["JobContext", "JobOutcome"]
