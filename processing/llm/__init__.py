"""Optional LLM extraction (Amazon Bedrock), used as a cross-check of the deterministic reader.

Nothing here imports boto3 at import time: the CLI's default path must stay fast.
"""

from __future__ import annotations

import threading

from core.operational_settings import OperationalSettings
from processing.llm.bedrock import (
    BedrockExtractor,
    LlmExtractor,
    LlmUnavailable,
    create_bedrock_client,
)
from processing.llm.circuit_breaker import CircuitBreaker
from processing.llm.cross_check import CrossCheck, cross_check

_default_lock = threading.Lock()
_default_extractors: dict[tuple[str, str, int, int], BedrockExtractor] = {}


def default_extractor(settings: OperationalSettings) -> BedrockExtractor:
    """One extractor (and so one circuit breaker) per process and configuration.

    The breaker must outlive a single job to mean anything; a settings change (model,
    region, threshold, cool-down) gets a fresh one.
    """
    key = (settings.bedrock_model_id, settings.aws_region, settings.llm_failure_threshold,
           settings.llm_cooldown_seconds)
    with _default_lock:
        if key not in _default_extractors:
            breaker = CircuitBreaker(settings.llm_failure_threshold, settings.llm_cooldown_seconds)
            _default_extractors[key] = BedrockExtractor(
                create_bedrock_client(settings.aws_region), settings.bedrock_model_id, breaker)
        return _default_extractors[key]


__all__ = [
    "BedrockExtractor",
    "CircuitBreaker",
    "CrossCheck",
    "LlmExtractor",
    "LlmUnavailable",
    "cross_check",
    "default_extractor",
]
