"""Live events from the store, shared inside one API process.

Workers may run anywhere, so the store is the source of truth: one poller per followed job
(``list_events`` after its cursor, a consistent read of the base table) and one feed poller
for every job (``list_feed``) fan events out to subscriber queues. Each poller runs only
while someone listens. A subscriber registers its queue before it reads its replay, so
nothing falls between replay and live; it drops what it has already seen by ``seq``.

Read cost stays flat as jobs are added: a job poller polls every ``JOB_POLL_SECONDS`` while
its job is busy and backs off to ``JOB_IDLE_POLL_SECONDS`` while it is quiet (waiting in the
queue, or in review); the feed poller, which runs while any job is followed, wakes a job's
poller as soon as the feed shows an event of that job. The feed is only a wake-up signal
(its index is eventually consistent); events are always read from the job's own partition.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

from api.threads import off_loop
from store.models import JobEvent

log = logging.getLogger("punchline.api.live")

JOB_POLL_SECONDS = 0.1
JOB_IDLE_POLL_SECONDS = 1.0
FEED_POLL_SECONDS = 0.15
# An event's `at` is stamped before its write commits (by milliseconds, by seconds on a busy
# store), so the feed re-reads a little behind its newest event on every poll, and a minute
# behind every SWEEP_EVERY polls; what it has already delivered it drops by feed key.
FEED_LOOKBACK = dt.timedelta(seconds=3)
FEED_SWEEP_LOOKBACK = dt.timedelta(seconds=60)
FEED_SWEEP_EVERY = 13
EXISTENCE_CHECK_SECONDS = 5.0
GONE = None  # pushed when the job disappears (deleted): subscribers end


@dataclass
class LatencyLog:
    """Event ``at`` (written by the worker) to fan-out in this process, in milliseconds."""

    samples: list[float] = field(default_factory=list)
    limit: int = 20_000

    def add(self, event: JobEvent) -> None:
        lag = (time.time() - event.at.timestamp()) * 1000.0
        if len(self.samples) >= self.limit:
            del self.samples[: self.limit // 2]
        self.samples.append(lag)

    def percentile(self, q: float) -> float | None:
        if not self.samples:
            return None
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


class _Fanout:
    def __init__(self) -> None:
        self.queues: set[asyncio.Queue] = set()
        self.task: asyncio.Task | None = None

    def push(self, item: object) -> None:
        for queue in list(self.queues):
            queue.put_nowait(item)


class JobPoller(_Fanout):
    def __init__(self, job_id: str, cursor: int, latency: LatencyLog, interval: float,
                 idle_interval: float = JOB_IDLE_POLL_SECONDS):
        super().__init__()
        self.job_id = job_id
        self.cursor = cursor
        self.latency = latency
        self.interval = interval
        self.idle_interval = max(interval, idle_interval)
        self.wake = asyncio.Event()
        self.polls = 0

    async def pause(self, delay: float) -> None:
        """Sleep ``delay``, or less when the feed shows news of this job."""
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(self.wake.wait(), delay)
        self.wake.clear()

    async def run(self) -> None:
        from store.errors import JobNotFound
        from store.jobs import get_job, list_events

        quiet_since = time.monotonic()
        delay = self.interval
        while self.queues:
            self.polls += 1
            try:
                events = await off_loop(list_events, self.job_id, self.cursor)
            except Exception:  # noqa: BLE001 - a store hiccup: keep the stream, try again
                log.warning("event poll failed for a job; retrying", exc_info=False)
                events = []
            for event in events:
                self.cursor = max(self.cursor, int(event.seq))
                self.latency.add(event)
                self.push(event)
            if events:
                quiet_since = time.monotonic()
                delay = self.interval
            else:
                delay = min(self.idle_interval, delay * 1.5)
            if not events and time.monotonic() - quiet_since > EXISTENCE_CHECK_SECONDS:
                quiet_since = time.monotonic()
                try:
                    await off_loop(get_job, self.job_id)
                except JobNotFound:
                    self.push(GONE)
                except Exception:  # noqa: BLE001
                    pass
            await self.pause(delay)


class FeedPoller(_Fanout):
    """Every job's events, oldest first, from the moment the poller started."""

    def __init__(self, latency: LatencyLog, interval: float, clock: Callable[[], dt.datetime],
                 on_event: Callable[[JobEvent], None], wanted: Callable[[], bool]):
        super().__init__()
        self.on_event = on_event
        self.wanted = wanted  # keep polling with no subscriber (job pollers want wake-ups)
        self.latency = latency
        self.interval = interval
        self.clock = clock
        self.seen: dict[str, dt.datetime] = {}
        self.started = clock()
        self.keep = False  # poll even with no subscriber (start-up option)

    async def run(self) -> None:
        from store.clock import sortable
        from store.jobs import list_feed

        newest = self.started
        polls = 0
        while self.queues or self.keep or self.wanted():
            polls += 1
            lookback = FEED_SWEEP_LOOKBACK if polls % FEED_SWEEP_EVERY == 0 else FEED_LOOKBACK
            after = sortable(max(self.started, newest - lookback))
            try:
                events = await off_loop(list_feed, after)
            except Exception:  # noqa: BLE001
                log.warning("feed poll failed; retrying", exc_info=False)
                events = []
            for event in events:
                if event.feed_sk in self.seen:
                    continue
                self.seen[event.feed_sk] = event.at
                newest = max(newest, event.at)
                self.on_event(event)
                if self.queues:
                    self.latency.add(event)
                    self.push(event)
            horizon = newest - 2 * FEED_SWEEP_LOOKBACK
            self.seen = {key: at for key, at in self.seen.items() if at >= horizon}
            await asyncio.sleep(self.interval)


class LiveHubs:
    """The process's pollers. ``follow_job`` and ``follow_feed`` hand out subscriber queues."""

    def __init__(self, job_interval: float = JOB_POLL_SECONDS, feed_interval: float = FEED_POLL_SECONDS):
        self.job_interval = job_interval
        self.feed_interval = feed_interval
        self.jobs: dict[str, JobPoller] = {}
        self.feed: FeedPoller | None = None
        self.latency = LatencyLog()

    @contextlib.asynccontextmanager
    async def follow_job(self, job_id: str, after_seq: int) -> AsyncIterator[asyncio.Queue]:
        queue: asyncio.Queue = asyncio.Queue()
        poller = self.jobs.get(job_id)
        if poller is None or poller.task is None or poller.task.done():
            poller = JobPoller(job_id, after_seq, self.latency, self.job_interval)
            self.jobs[job_id] = poller
        poller.queues.add(queue)
        if poller.task is None:
            poller.task = asyncio.create_task(poller.run(), name=f"job-poller-{job_id}")
        self._run_feed()
        try:
            yield queue
        finally:
            poller.queues.discard(queue)
            if not poller.queues:
                await self._stop(poller.task)
                if self.jobs.get(job_id) is poller:
                    del self.jobs[job_id]

    @contextlib.asynccontextmanager
    async def follow_feed(self) -> AsyncIterator[asyncio.Queue]:
        queue: asyncio.Queue = asyncio.Queue()
        feed = self._run_feed()
        feed.queues.add(queue)
        try:
            yield queue
        finally:
            feed.queues.discard(queue)

    def _run_feed(self) -> FeedPoller:
        """The feed poller, started when needed; it stops by itself when nobody needs it."""
        from store.clock import utcnow

        if self.feed is None or self.feed.task is None or self.feed.task.done():
            self.feed = FeedPoller(self.latency, self.feed_interval, utcnow, self._nudge, lambda: bool(self.jobs))
            self.feed.task = asyncio.create_task(self.feed.run(), name="feed-poller")
        return self.feed

    def _nudge(self, event: JobEvent) -> None:
        poller = self.jobs.get(event.job_id)
        if poller is not None and int(event.seq) > poller.cursor:
            poller.wake.set()

    def start_feed(self) -> None:
        """Poll the feed from start-up, subscribers or not (``create_app(start_background=True)``)."""
        self._run_feed().keep = True

    async def close(self) -> None:
        tasks = [p.task for p in self.jobs.values()] + ([self.feed.task] if self.feed else [])
        for task in tasks:
            await self._stop(task)
        self.jobs.clear()
        self.feed = None

    @staticmethod
    async def _stop(task: asyncio.Task | None) -> None:
        if task is None or task.done():
            return
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task


__all__ = ["GONE", "JobPoller", "LatencyLog", "LiveHubs"]
