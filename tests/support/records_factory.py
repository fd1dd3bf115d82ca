"""One way for tests to make a history record: every field set, each test names only what it is about."""

from __future__ import annotations

from datetime import UTC, datetime

from runtimer.records import SessionRecord

STARTED = datetime(2025, 3, 1, 6, 15, tzinfo=UTC)


def session_record(**changes: object) -> SessionRecord:
    """A completed session of no phases, as the store would return it, with ``changes`` applied."""
    base: dict[str, object] = {
        "id": 1,
        "workout": "intervals",
        "plan_text": "10m warmup, 8x(40s sprint, 2m jog), 5m cooldown",
        "started_at": STARTED,
        "ended_at": None,
        "status": "completed",
        "reps_done": 0,
        "reps_planned": 8,
        "rest_adjust_s": 0,
        "rest_s": None,
        "gassed": None,
        "notes": None,
        "phases": (),
    }
    return SessionRecord.model_validate(base | changes)
