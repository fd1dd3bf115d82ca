"""The session history repository: each write lands as the session goes.

The runner's session matters more than its record, so no method here raises
once the store is open. A failed write becomes a notice and waits in a backlog
that every later call retries in order, so a disk that fills and frees again
(or a lock held by a second runtimer) costs nothing but a message.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from runtimer.config.paths import history_path
from runtimer.plan.frozen import Frozen
from runtimer.plan.models import StepKind
from runtimer.records import EndedBy, FinalStatus, SessionRecord, to_utc_text
from runtimer.store.liveness import LiveLock
from runtimer.store.rows import records_from_rows, whole_seconds
from runtimer.store.schema import DamagedDatabase, connect, move_aside
from runtimer.store.statements import (
    CHOSEN,
    FINISH,
    INSERT_PHASE,
    INSERT_SESSION,
    SET_GASSED,
    STOP_ABANDONED,
    UPDATE_PROGRESS,
)

# Retrying cannot fix these (a constraint, a closed connection, a bad value):
# such a write is dropped with a notice instead of blocking every write behind it.
_PERMANENT = (
    sqlite3.IntegrityError,
    sqlite3.ProgrammingError,
    sqlite3.InterfaceError,
    sqlite3.DataError,
    sqlite3.NotSupportedError,
)


class _Write(Frozen):
    """One statement waiting to be run; ``session`` is resolved when it runs.

    ``creates`` marks ``begin``: its new row id becomes what ``session`` means,
    which is how writes queued behind a failed ``begin`` find their row later.
    """

    sql: str
    params: dict[str, Any]
    session: int | None = None
    creates: bool = False


class SessionStore:
    """Sessions and phases in SQLite; see :func:`runtimer.store.null.open_store`."""

    def __init__(self, conn: sqlite3.Connection, notices: list[str], live: LiveLock) -> None:
        self._conn = conn
        self._live = live
        self._conn.row_factory = sqlite3.Row
        self._notices = notices
        self._lock = threading.Lock()
        self._backlog: list[_Write] = []
        self._failing = False
        self._row_ids: dict[int, int] = {}
        self._next_handle = -1

    @classmethod
    def open(cls, path: Path | None = None) -> SessionStore:
        """Open (creating or migrating) the history file.

        A damaged file is moved aside and replaced, with a notice. Anything else
        that stops the file from opening (no folder, no permission, a newer
        schema) raises: :func:`~runtimer.store.null.open_store` turns it
        into "history off".

        Sessions still marked running were left by a crash, a kill or a closed
        terminal, and become stopped, unless another runtimer has the history
        open: its session may be live, so recovery waits for a moment alone.
        """
        path = path or history_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        notices: list[str] = []
        try:
            conn = connect(path)
        except DamagedDatabase as damage:
            aside = move_aside(path, datetime.now())
            notices.append(
                f"history: {path.name} was damaged ({damage}); kept it as {aside} and started afresh"
            )
            conn = connect(path)
        try:
            live = LiveLock(path)
        except BaseException:
            conn.close()
            raise
        try:
            if live.alone():
                conn.execute(STOP_ABANDONED)
                live.share()
        except BaseException:
            conn.close()
            live.release()
            raise
        return cls(conn, notices, live)

    def take_notices(self) -> list[str]:
        """Messages for the runner since the last call; each is handed out once."""
        with self._lock:
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
        """Start a session (for the training plan's ``plan_day``, if any); returns its id for the other calls.

        If the row cannot be written yet the id is a negative stand-in that
        every later call accepts, and that maps to the row once it is written.
        """
        params = {
            "workout": workout,
            "plan_text": plan_text,
            "started_at": to_utc_text(started_at),
            "reps_planned": reps_planned,
            "rest_s": whole_seconds(rest_s),
            "plan_day": None if plan_day is None else plan_day.isoformat(),
        }
        with self._lock:
            handle = self._next_handle
            self._next_handle -= 1
            self._backlog.append(_Write(INSERT_SESSION, params, session=handle, creates=True))
            self._flush()
            return self._row_ids.get(handle, handle)

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
        """Record a phase as it ends, with any laps inside it and its place on the clock.

        Recording a position again replaces it.
        """
        params = {
            "position": position,
            "kind": StepKind(kind).value,
            "rep": rep,
            "planned_s": whole_seconds(planned_s),
            "actual_s": actual_s,
            "split_s": split_s,
            "target_split_s": target_split_s,
            "laps": json.dumps(list(laps)) if laps else None,
            "started_s": started_s,
            "pauses": json.dumps([list(pause) for pause in pauses]) if pauses else None,
            "distance_m": distance_m,
            "ended_by": ended_by,
        }
        self._submit(_Write(INSERT_PHASE, params, session=session_id))

    def update_progress(
        self, session_id: int, reps_done: int, reps_planned: int, rest_adjust_s: float, rest_s: float | None
    ) -> None:
        """Progress so far; ``reps_planned`` too, since "one more rep" and "finish after this rep" move it."""
        params = {
            "reps_done": reps_done,
            "reps_planned": reps_planned,
            "rest_adjust_s": whole_seconds(rest_adjust_s),
            "rest_s": whole_seconds(rest_s),
        }
        self._submit(_Write(UPDATE_PROGRESS, params, session=session_id))

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
        params = {
            "status": status,
            "ended_at": to_utc_text(ended_at),
            "reps_done": reps_done,
            "reps_planned": reps_planned,
            "rest_adjust_s": whole_seconds(rest_adjust_s),
            "rest_s": whole_seconds(rest_s),
        }
        self._submit(_Write(FINISH, params, session=session_id))

    def set_gassed(self, session_id: int, gassed: bool | None) -> None:
        """The summary's question: ``None`` means the runner did not answer."""
        self._submit(_Write(SET_GASSED, {"gassed": gassed}, session=session_id))

    def sessions(self, limit: int | None = None, only: int | None = None) -> list[SessionRecord]:
        """Newest first, each with its phases; ``only`` picks the session with that id, or the one a
        stand-in id from :meth:`begin` became."""
        if only is not None:
            with self._lock:
                only = self._row_ids.get(only, only)
        return self._read("1" if only is None else "id = :only", {"only": only}, limit)

    def close(self) -> None:
        """Make a last attempt at the backlog; what still fails is lost with the process."""
        with self._lock:
            self._flush()
            self._conn.close()
            self._live.release()

    def _submit(self, write: _Write) -> None:
        with self._lock:
            self._backlog.append(write)
            self._flush()

    def _flush(self) -> None:
        while self._backlog:
            write = self._backlog[0]
            try:
                self._run(write)
            except Exception as error:  # the session must outlive any bug or odd value here
                if isinstance(error, sqlite3.Error) and not isinstance(error, _PERMANENT):
                    if not self._failing:
                        self._failing = True
                        self._notices.append(f"history: could not save ({error}); will keep trying")
                    return
                self._notices.append(f"history: gave up on one record ({error})")
            self._backlog.pop(0)
        if self._failing:
            self._failing = False
            self._notices.append("history: saving again, nothing lost")

    def _run(self, write: _Write) -> None:
        params = dict(write.params)
        if write.session is not None and not write.creates:
            params["id"] = self._row_ids.get(write.session, write.session)
        cursor = self._conn.execute(write.sql, params)
        if write.creates and write.session is not None and cursor.lastrowid is not None:
            self._row_ids[write.session] = cursor.lastrowid

    def _read(self, where: str, params: dict[str, Any], limit: int | None) -> list[SessionRecord]:
        chosen = CHOSEN.format(where=where)
        params = {**params, "limit": -1 if limit is None else limit}
        with self._lock:
            self._flush()
            try:
                # One read transaction: WAL gives both queries the same snapshot.
                self._conn.execute("BEGIN")
                try:
                    sessions = self._conn.execute(
                        f"SELECT * FROM sessions WHERE id IN ({chosen}) ORDER BY started_at DESC, id DESC",
                        params,
                    ).fetchall()
                    phases = self._conn.execute(
                        f"SELECT * FROM phases WHERE session_id IN ({chosen}) ORDER BY session_id, position",
                        params,
                    ).fetchall()
                finally:
                    self._conn.rollback()
                return records_from_rows(sessions, phases)
            except (sqlite3.Error, ValidationError) as error:
                self._notices.append(f"history: could not read ({error})")
                return []
