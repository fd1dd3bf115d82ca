"""Opening history without ever refusing to run: a real store, or a null one that says why.

A :class:`NullStore` rather than ``None``: the runner, the summary and the
history screen call the store the same way either way, with no ``if store``
at every call site to forget, and the reason travels with the object as its
first notice.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from runtimer.config.paths import history_path
from runtimer.plan.models import StepKind
from runtimer.records import EndedBy, FinalStatus, SessionRecord
from runtimer.store.schema import DamagedDatabase, NewerDatabase
from runtimer.store.sessions import SessionStore


class NullStore:
    """History off: sessions run exactly the same and nothing is kept."""

    def __init__(self, reason: str) -> None:
        self._notices = [f"history off: {reason}"]

    def take_notices(self) -> list[str]:
        notices, self._notices = self._notices, []
        return notices

    def begin(
        self,
        workout: str,
        plan_text: str,
        started_at: datetime,
        reps_planned: int,
        rest_s: float | None,
        plan_day: date | None = None,
    ) -> int:
        return 0

    def record_phase(
        self,
        session_id: int,
        position: int,
        kind: StepKind,
        rep: int | None,
        planned_s: float | None,
        actual_s: float,
        split_s: float | None = None,
        target_split_s: float | None = None,
        laps: Sequence[float] = (),
        *,
        started_s: float | None = None,
        pauses: Sequence[tuple[float, float]] = (),
        distance_m: float | None = None,
        ended_by: EndedBy | None = None,
    ) -> None:
        return None

    def update_progress(
        self, session_id: int, reps_done: int, reps_planned: int, rest_adjust_s: float, rest_s: float | None
    ) -> None:
        return None

    def finish(
        self,
        session_id: int,
        status: FinalStatus,
        ended_at: datetime,
        reps_done: int,
        reps_planned: int,
        rest_adjust_s: float,
        rest_s: float | None,
    ) -> None:
        return None

    def set_gassed(self, session_id: int, gassed: bool | None) -> None:
        return None

    def sessions(self, limit: int | None = None, only: int | None = None) -> list[SessionRecord]:
        return []

    def close(self) -> None:
        return None


HistoryStore = SessionStore | NullStore
"""What the app may call, whether history is on or off. A union rather than a
Protocol: there are exactly two stores, and mypy checks every call against
both, so the method list is written twice instead of three times."""


def open_store(path: Path | None = None) -> HistoryStore:
    """The history store at ``path`` (default: the data folder), or a :class:`NullStore`."""
    path = path or history_path()
    try:
        return SessionStore.open(path)
    except OSError as error:
        where = error.filename or path.parent
        return NullStore(f"cannot use {where}: {error.strerror or error}")
    except (sqlite3.Error, NewerDatabase, DamagedDatabase) as error:
        return NullStore(f"{path}: {error}")
