"""Queue depth as CloudWatch metrics, so the worker fleet can scale on a DynamoDB queue.

The queue is an index, not an SQS queue, so AWS cannot see its depth: every API and worker
process publishes ``PendingJobs`` and ``ProcessingJobs`` once a minute (namespace and
environment from PUNCHLINE_METRICS_NAMESPACE / PUNCHLINE_ENVIRONMENT). The alarms in
cloudformation/services.yaml read the Maximum over publishers, so several publishers are
harmless and one is enough.

Only the two statuses that measure load are counted (two index queries over small
partitions); the full ``store.stats.queue_stats`` would also count every finished job, which
grows without bound and would cost reads every minute for nothing.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from typing import Any

from store.job_states import PENDING, PROCESSING

log = logging.getLogger(__name__)

NAMESPACE_ENV = "PUNCHLINE_METRICS_NAMESPACE"
ENVIRONMENT_ENV = "PUNCHLINE_ENVIRONMENT"
DEFAULT_INTERVAL_SECONDS = 60.0


@dataclass(frozen=True)
class QueueDepth:
    pending: int
    processing: int


def queue_depth() -> QueueDepth:
    from store.status_counts import status_counts

    counts = status_counts()  # counters kept with every status change: two small reads
    return QueueDepth(pending=counts[PENDING], processing=counts[PROCESSING])


def metric_data(depth: QueueDepth, environment: str) -> list[dict[str, Any]]:
    dimensions = [{"Name": "Environment", "Value": environment}]
    return [
        {"MetricName": "PendingJobs", "Dimensions": dimensions, "Value": float(depth.pending), "Unit": "Count"},
        {"MetricName": "ProcessingJobs", "Dimensions": dimensions, "Value": float(depth.processing), "Unit": "Count"},
    ]


def publish_queue_depth(client, namespace: str, environment: str) -> QueueDepth:
    """Count and publish once; returns what was published."""
    depth = queue_depth()
    client.put_metric_data(Namespace=namespace, MetricData=metric_data(depth, environment))
    return depth


class QueueMetricsPublisher:
    """A daemon thread publishing the queue depth every ``interval`` seconds until ``stop()``."""

    def __init__(self, client, namespace: str, environment: str, interval: float = DEFAULT_INTERVAL_SECONDS):
        self.client = client
        self.namespace = namespace
        self.environment = environment
        self.interval = interval
        self.published = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="punchline-queue-metrics", daemon=True)

    def start(self) -> QueueMetricsPublisher:
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                publish_queue_depth(self.client, self.namespace, self.environment)
                self.published += 1
            except Exception:  # noqa: BLE001 - a missed datapoint is harmless; the next one follows
                log.warning("could not publish the queue depth; retrying in %.0f s", self.interval, exc_info=True)
            self._stop.wait(self.interval)


def start_queue_metrics_publisher(
    namespace: str | None = None,
    environment: str | None = None,
    *,
    region: str | None = None,
    interval: float = DEFAULT_INTERVAL_SECONDS,
    client=None,
) -> QueueMetricsPublisher | None:
    """Start publishing when a namespace is configured (the ECS task definitions set one);
    return None otherwise (embedded and local runs publish nothing)."""
    namespace = namespace or os.environ.get(NAMESPACE_ENV)
    if not namespace:
        return None
    environment = environment or os.environ.get(ENVIRONMENT_ENV, "default")
    if client is None:
        import boto3

        client = boto3.client("cloudwatch", region_name=region)
    return QueueMetricsPublisher(client, namespace, environment, interval).start()


__all__ = [
    "QueueDepth",
    "QueueMetricsPublisher",
    "metric_data",
    "publish_queue_depth",
    "queue_depth",
    "start_queue_metrics_publisher",
]
