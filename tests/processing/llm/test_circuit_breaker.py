from __future__ import annotations

import threading

import pytest

from processing.llm.circuit_breaker import CircuitBreaker


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return FakeClock()


def open_breaker(breaker: CircuitBreaker) -> None:
    for _ in range(breaker.failure_threshold):
        assert breaker.allow()
        breaker.record_failure()


def test_stays_closed_below_the_threshold(clock):
    breaker = CircuitBreaker(3, 60, clock=clock)
    breaker.record_failure()
    breaker.record_failure()
    assert breaker.state == "closed" and breaker.allow()


def test_success_resets_the_consecutive_count(clock):
    breaker = CircuitBreaker(3, 60, clock=clock)
    breaker.record_failure()
    breaker.record_failure()
    breaker.record_success()
    breaker.record_failure()
    breaker.record_failure()
    assert breaker.state == "closed"


def test_opens_after_threshold_consecutive_failures_and_refuses_during_cooldown(clock):
    breaker = CircuitBreaker(3, 60, clock=clock)
    open_breaker(breaker)
    assert breaker.state == "open"
    assert not breaker.allow()
    clock.now = 59.9
    assert not breaker.allow()


def test_half_open_after_cooldown_lets_exactly_one_trial_through(clock):
    breaker = CircuitBreaker(2, 30, clock=clock)
    open_breaker(breaker)
    clock.now = 30
    assert breaker.state == "half_open"
    assert breaker.allow()
    assert not breaker.allow()  # a second caller waits for the trial's verdict


def test_trial_success_closes(clock):
    breaker = CircuitBreaker(2, 30, clock=clock)
    open_breaker(breaker)
    clock.now = 31
    assert breaker.allow()
    breaker.record_success()
    assert breaker.state == "closed" and breaker.allow() and breaker.consecutive_failures == 0


def test_trial_failure_reopens_for_a_full_cooldown(clock):
    breaker = CircuitBreaker(2, 30, clock=clock)
    open_breaker(breaker)
    clock.now = 31
    assert breaker.allow()
    breaker.record_failure()
    assert breaker.state == "open"
    clock.now = 60
    assert not breaker.allow()
    clock.now = 61
    assert breaker.allow()


def test_threshold_one_opens_on_first_failure(clock):
    breaker = CircuitBreaker(1, 5, clock=clock)
    breaker.record_failure()
    assert breaker.state == "open"


def test_rejects_nonsense_configuration():
    with pytest.raises(ValueError):
        CircuitBreaker(0, 10)
    with pytest.raises(ValueError):
        CircuitBreaker(1, -1)


def test_concurrent_callers_in_half_open_get_one_trial(clock):
    breaker = CircuitBreaker(1, 10, clock=clock)
    breaker.record_failure()
    clock.now = 10
    allowed = []
    barrier = threading.Barrier(16)

    def attempt():
        barrier.wait()
        allowed.append(breaker.allow())

    threads = [threading.Thread(target=attempt) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert allowed.count(True) == 1


def test_concurrent_failures_are_all_counted(clock):
    breaker = CircuitBreaker(1000, 10, clock=clock)

    def fail_many():
        for _ in range(100):
            breaker.record_failure()

    threads = [threading.Thread(target=fail_many) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert breaker.consecutive_failures == 800
    assert breaker.state == "closed"
