"""The one async boundary: every store call from a resolver goes through ``off_loop``."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import ParamSpec, TypeVar

from starlette.concurrency import run_in_threadpool

P = ParamSpec("P")
T = TypeVar("T")


async def off_loop(fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run a blocking (PynamoDB/boto3) call in the thread pool, never on the event loop."""
    return await run_in_threadpool(partial(fn, *args, **kwargs))


__all__ = ["off_loop"]
