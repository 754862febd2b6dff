"""Nested lists batch: a page of jobs asking for events and reviews costs one hop off the
event loop per field, with each distinct job queried once, not one hop per job."""

from __future__ import annotations

import asyncio

import api.loaders
from api.context import Context
from api.live import LiveHubs
from store.uploads import register_upload


def new_jobs(count: int) -> list[str]:
    return [register_upload(f"w{i}.csv", f"Employee,Date,Hours\nA B,2026-03-0{i % 7 + 1},{i}\n".encode(),
                            kind="timecard", file_format="csv", priority=2, uploaded_by="key:t").job.job_id
            for i in range(count)]


def test_a_page_of_event_and_review_loads_is_one_hop_each(moto_store, monkeypatch):
    hops = []
    real_off_loop = api.loaders.off_loop

    async def counting_off_loop(fn, *args):
        hops.append(fn)
        return await real_off_loop(fn, *args)

    monkeypatch.setattr(api.loaders, "off_loop", counting_off_loop)
    queried = []
    import store.jobs

    real_list_events = store.jobs.list_events
    monkeypatch.setattr(store.jobs, "list_events", lambda *a: queried.append(a[0]) or real_list_events(*a))
    job_ids = new_jobs(6)
    context = Context(None, LiveHubs())

    async def page():
        keys = [(job_id, 0, 100) for job_id in job_ids] * 3  # three aliases of the same page
        events = await asyncio.gather(*(context.events.load(key) for key in keys))
        reviews = await asyncio.gather(*(context.reviews.load(job_id) for job_id in job_ids))
        return events, reviews

    events, reviews = asyncio.run(page())
    assert len(hops) == 2, "one hop for the events of the page, one for its reviews"
    assert sorted(queried) == sorted(job_ids), "each distinct job's events queried once"
    assert [[e.type for e in job_events] for job_events in events[:6]] == [["created"]] * 6
    assert events[6:12] == events[:6] and reviews == [[]] * 6
