"""A circuit breaker for the AI service: stop calling it while it keeps failing.

closed -> open after ``failure_threshold`` consecutive failures; open -> half-open once
``cooldown_seconds`` have passed, letting exactly one trial call through; the trial's
success closes the breaker, its failure opens it for another cool-down. One breaker is
shared by every worker thread of a process, hence the lock.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Literal

State = Literal["closed", "open", "half_open"]


class CircuitBreaker:
    def __init__(self, failure_threshold: int, cooldown_seconds: float,
                 clock: Callable[[], float] = time.monotonic):
        if failure_threshold < 1:
            raise ValueError("failure_threshold must be at least 1")
        if cooldown_seconds < 0:
            raise ValueError("cooldown_seconds must not be negative")
        self.failure_threshold = failure_threshold
        self.cooldown_seconds = cooldown_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._state: State = "closed"
        self._consecutive_failures = 0
        self._opened_at = 0.0
        self._trial_in_flight = False

    @property
    def state(self) -> State:
        with self._lock:
            self._advance()
            return self._state

    @property
    def consecutive_failures(self) -> int:
        with self._lock:
            return self._consecutive_failures

    def allow(self) -> bool:
        """May a call go out now? In half-open, only one caller gets the trial."""
        with self._lock:
            self._advance()
            if self._state == "closed":
                return True
            if self._state == "half_open" and not self._trial_in_flight:
                self._trial_in_flight = True
                return True
            return False

    def record_success(self) -> None:
        with self._lock:
            self._state = "closed"
            self._consecutive_failures = 0
            self._trial_in_flight = False

    def record_failure(self) -> None:
        with self._lock:
            self._consecutive_failures += 1
            if self._state == "half_open" or self._consecutive_failures >= self.failure_threshold:
                self._state = "open"
                self._opened_at = self._clock()
            self._trial_in_flight = False

    def _advance(self) -> None:
        # Called with the lock held: an open breaker whose cool-down has passed turns half-open.
        if self._state == "open" and self._clock() - self._opened_at >= self.cooldown_seconds:
            self._state = "half_open"
            self._trial_in_flight = False


__all__ = ["CircuitBreaker", "State"]
