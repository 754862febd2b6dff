"""Moved to services.onboarding.submit. This alias stays only until bench/onboard.py (owned by
other work) imports it from there; import-linter names it as an allowed exception."""

from services.onboarding.submit import *  # noqa: F403
from services.onboarding.submit import __all__  # noqa: F401
