"""A process that stores records and assigns their stories, for the concurrency test (kept apart
from the test module so that a spawned process imports no more than the store and the stories)."""

from __future__ import annotations

from multiprocessing.synchronize import Event
from pathlib import Path

from pipeline.store import Store
from pipeline.stories.assign import assign_pending


def store_and_assign(folder: str, records: list[dict], start: Event) -> None:
    store = Store(Path(folder))
    try:
        for record in records:
            store.put_record(record, "labels", 0)
        start.wait()
        assign_pending(store, 7)
    finally:
        store.close()
