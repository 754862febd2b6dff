"""Moved to services.onboarding.records. This alias stays only until bench/onboard.py (owned by
other work) imports it from there; import-linter names it as an allowed exception."""

from services.onboarding.records import *  # noqa: F403
from services.onboarding.records import __all__  # noqa: F401
