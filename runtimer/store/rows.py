"""Rows in and out of the history file: seconds as the file keeps them, and records from its rows."""

from __future__ import annotations

import math
import sqlite3

from runtimer.records import PhaseRecord, SessionRecord


def whole_seconds(seconds: float | None) -> int | None:
    """Plans, rests and their adjustments are kept in whole seconds, as plans are
    written; the engine's floats would otherwise come back as values an ``int``
    field refuses. A non-finite value (a bug upstream) is kept as unknown rather
    than raising in the middle of a session."""
    return round(seconds) if seconds is not None and math.isfinite(seconds) else None


def records_from_rows(sessions: list[sqlite3.Row], phases: list[sqlite3.Row]) -> list[SessionRecord]:
    by_session: dict[int, list[PhaseRecord]] = {}
    for row in phases:
        by_session.setdefault(row["session_id"], []).append(PhaseRecord.model_validate(dict(row)))
    return [
        SessionRecord.model_validate({**dict(row), "phases": by_session.get(row["id"], [])})
        for row in sessions
    ]
