"""A long history, built the way runtimer builds one (through its own store), for the load tests and bench.

Building 100,000 sessions makes 300,000 store calls, each its own committed
transaction: about 20 s on a tmpfs and twice that on a disk. So it is built
once, in /dev/shm where there is one, and copied into each home that needs it.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from runtimer.plan.models import StepKind
from runtimer.store.sessions import SessionStore

SESSIONS = 100_000
WORKOUTS = ("intervals", "400s", "cadence", "downhill", "recovery", "strength")
PLAN = "10m warmup, 8x(40s sprint, 2m jog), 5m cooldown"
SPACING = timedelta(hours=2)


def newest_start() -> datetime:
    """The newest session starts an hour ago, so the last days hold sessions as a runner's would."""
    return (datetime.now(UTC) - timedelta(hours=1)).replace(microsecond=0)


def build(path: Path, sessions: int) -> None:
    """``sessions`` finished sessions, two hours apart and oldest first, each with one sprint."""
    store = SessionStore.open(path)
    first = newest_start() - SPACING * (sessions - 1)
    for number in range(sessions):
        started = first + SPACING * number
        session = store.begin(WORKOUTS[number % len(WORKOUTS)], PLAN, started, 8, 120)
        store.record_phase(session, 0, StepKind.SPRINT, 1, 40, 40.0)
        store.finish(session, "completed", started + timedelta(minutes=30), 8, 8, -15, 105)
    notices = store.take_notices()
    store.close()
    if notices:
        raise RuntimeError(f"building the history: {notices}")


@contextmanager
def template(sessions: int = SESSIONS) -> Iterator[Path]:
    """A history file of ``sessions`` sessions, removed afterwards; copy it with :func:`install`."""
    memory = Path("/dev/shm")
    folder = Path(tempfile.mkdtemp(prefix="runtimer-history-", dir=memory if memory.is_dir() else None))
    try:
        path = folder / "history.sqlite3"
        build(path, sessions)
        yield path
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def install(template: Path, data_home: Path) -> Path:
    """Copy ``template`` to where runtimer looks under the XDG data folder ``data_home``."""
    path = data_home / "runtimer" / "history.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, path)
    return path
