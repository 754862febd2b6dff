"""Time in one place: UTC, and the sortable string form used in sort keys."""

from __future__ import annotations

import datetime as dt
import time

SORTABLE_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def epoch() -> float:
    return time.time()


def sortable(moment: dt.datetime) -> str:
    """Fixed-width ISO time: lexical order equals time order."""
    return moment.astimezone(dt.UTC).strftime(SORTABLE_FORMAT)


def hour_partition(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("FEED#%Y%m%d%H")


__all__ = ["SORTABLE_FORMAT", "epoch", "hour_partition", "sortable", "utcnow"]
