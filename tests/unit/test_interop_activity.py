"""Sessions out to a training log: FIT and TCX activities, read back by decoders runtimer does not share."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, timedelta
from pathlib import Path

import pytest

from runtimer.audio.base import RecordingOutput
from runtimer.config.paths import HISTORY_FILE, seeds_dir, user_workouts_dir
from runtimer.config.settings import Settings
from runtimer.engine import commands as c
from runtimer.interop.activity import INTENSITY, NothingToExport, activity, version_numbers
from runtimer.interop.files import activity_bytes, activity_file_name, write_activity
from runtimer.plan.loader import Catalogue
from runtimer.plan.models import StepKind
from runtimer.plan.overrides import Overrides
from runtimer.records import PhaseRecord, SessionRecord
from runtimer.session.clock import FakeClock
from runtimer.session.live import LiveSession
from runtimer.session.prepare import prepare
from runtimer.store.null import open_store
from runtimer.store.sessions import SessionStore
from tests.support.readers import fitdecode_read, garmin_read, tcx_read
from tests.support.records_factory import session_record

SETTINGS = Settings(lead_in_s=3)
PAUSE_S = 45.0


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SessionStore]:
    opened = open_store(tmp_path / HISTORY_FILE)
    assert isinstance(opened, SessionStore)
    yield opened
    opened.close()


async def run_intervals(store: SessionStore, stop_at_s: float | None = None) -> SessionRecord:
    """The built-in ``intervals``, 8 x (40 s sprint, 2 min jog): 36:20 on the fake clock.

    A lap is taken 100 s into the warm-up, and the runner pauses for 45 s in the
    first jog; with ``stop_at_s`` the session is stopped that long after its start.
    """
    clock = FakeClock(start=0.0)
    entry = Catalogue.load(seeds_dir(), user_workouts_dir()).resolve("intervals")
    prepared = prepare(entry, Overrides(reps=8, sprint=40), SETTINGS, fresh=True)
    live = LiveSession(
        prepared, clock=clock, audio=RecordingOutput(clock.now), store=store, settings=SETTINGS
    )
    task = asyncio.create_task(live.run())
    live.start()
    moments: list[tuple[float, c.Command | None]] = [
        (3 + 100, c.Lap()),
        (3 + 600 + 40 + 30, c.Pause()),
        (3 + 600 + 40 + 30 + PAUSE_S, c.Resume()),
        (3 + 2180 + PAUSE_S + 1, None),
    ]
    if stop_at_s is not None:
        moments = [(at, command) for at, command in moments if at < stop_at_s] + [(stop_at_s, c.Stop())]
    for at, command in moments:
        await clock.advance(at - clock.now())
        if command is not None:
            live.send(command)
    await task
    [record] = store.sessions()
    return record


def expected_intensities(record: SessionRecord) -> list[str]:
    return [INTENSITY[phase.kind] for phase in record.phases]


async def test_a_36_minute_session_exports_to_fit_matching_its_history_exactly(store: SessionStore) -> None:
    record = await run_intervals(store)
    assert (record.status, len(record.phases), sum(p.actual_s for p in record.phases)) == (
        "completed",
        18,
        2180,
    )
    data = activity_bytes(record, "fit")
    for messages in (garmin_read(data), fitdecode_read(data)):
        [file_id], [session], [done] = messages["file_id"], messages["session"], messages["activity"]
        assert (file_id["type"], file_id["product_name"], file_id["manufacturer"]) == (
            "activity",
            "runtimer",
            "development",
        )
        laps = messages["lap"]
        assert len(laps) == session["num_laps"] == len(record.phases)
        assert [lap["total_timer_time"] for lap in laps] == [phase.actual_s for phase in record.phases]
        assert [lap["total_elapsed_time"] for lap in laps] == [phase.elapsed_s for phase in record.phases]
        assert [lap["intensity"] for lap in laps] == expected_intensities(record)
        assert session["total_timer_time"] == done["total_timer_time"] == 2180
        assert session["total_elapsed_time"] == 2180 + PAUSE_S
        assert sum(lap["total_timer_time"] for lap in laps) == session["total_timer_time"]
        assert sum(lap["total_elapsed_time"] for lap in laps) == session["total_elapsed_time"]
        assert (session["sport"], session["sub_sport"]) == ("running", "treadmill")
        first_start = record.started_at + timedelta(seconds=3)
        assert session["start_time"].replace(tzinfo=UTC) == first_start.replace(microsecond=0)
        assert [lap["lap_trigger"] for lap in laps] == ["time"] * 18
        [split] = messages["split"]
        assert (split["total_timer_time"], split["split_type"]) == (100.0, "interval_warmup")
        timers = [(event["event"], event["event_type"]) for event in messages["event"]]
        assert timers == [
            ("timer", "start"),
            ("timer", "stop_all"),
            ("timer", "start"),
            ("timer", "stop_all"),
        ]
        [workout] = messages["workout"]
        assert workout["wkt_description"] == "intervals: completed 8 of 8 reps"


async def test_a_36_minute_session_exports_to_tcx_matching_its_history_exactly(
    store: SessionStore, tmp_path: Path
) -> None:
    record = await run_intervals(store)
    path = write_activity(record, "tcx", tmp_path / "out")
    assert path.name == activity_file_name(record, "tcx")
    assert path.stat().st_mode & 0o777 == 0o644
    exercise, laps = tcx_read(path)
    assert exercise.activity_type == "Running"
    assert len(exercise.laps) == len(laps) == len(record.phases)
    assert [float(lap["TotalTimeSeconds"]) for lap in laps] == [phase.actual_s for phase in record.phases]
    resting = {"recovery": "Resting", "rest": "Resting"}
    assert [lap["Intensity"] for lap in laps] == [
        resting.get(i, "Active") for i in expected_intensities(record)
    ]
    for read, phase in zip(exercise.laps, record.phases, strict=True):
        assert phase.started_s is not None
        start = (record.started_at + timedelta(seconds=phase.started_s)).replace(tzinfo=None)
        times = [point.time for point in read.trackpoints]
        assert (times[0], times[-1]) == (start, start + timedelta(seconds=phase.elapsed_s))
    assert sum(float(lap["TotalTimeSeconds"]) for lap in laps) == 2180
    assert laps[0]["Notes"] == "warmup · laps 1:40"


async def test_a_session_stopped_part_way_exports_the_phases_it_ran(store: SessionStore) -> None:
    record = await run_intervals(store, stop_at_s=3 + 600 + 2 * 160 + PAUSE_S + 30)
    assert record.status == "stopped"
    assert [p.kind for p in record.phases] == [
        StepKind.WARMUP,
        *[StepKind.SPRINT, StepKind.JOG] * 2,
        StepKind.SPRINT,
    ]
    for messages in (
        garmin_read(activity_bytes(record, "fit")),
        fitdecode_read(activity_bytes(record, "fit")),
    ):
        laps = messages["lap"]
        assert [lap["total_timer_time"] for lap in laps] == [phase.actual_s for phase in record.phases]
        assert laps[-1]["total_timer_time"] == 30
        assert laps[-1]["lap_trigger"] == "session_end"
        assert messages["session"][0]["total_timer_time"] == 600 + 2 * 160 + 30
        assert messages["workout"][0]["wkt_description"] == "intervals: stopped after 2 of 8 reps"


def recorded(phases: tuple[PhaseRecord, ...], plan: str = "2x(40s sprint, 2m jog)") -> SessionRecord:
    return session_record(id=7, plan_text=plan, reps_done=1, reps_planned=1, rest_s=120, phases=phases)


def test_a_session_recorded_before_the_clock_was_kept_lays_its_laps_end_to_end() -> None:
    old = recorded(
        (
            PhaseRecord(position=0, kind=StepKind.SPRINT, rep=1, planned_s=40, actual_s=41.5),
            PhaseRecord(position=1, kind=StepKind.JOG, rep=1, planned_s=120, actual_s=120.0),
        )
    )
    run = activity(old)
    assert [(lap.start - old.started_at).total_seconds() for lap in run.laps] == [0.0, 41.5]
    assert [(lap.elapsed_s, lap.timer_s) for lap in run.laps] == [(41.5, 41.5), (120.0, 120.0)]
    messages = garmin_read(activity_bytes(old, "fit"))
    assert messages["session"][0]["total_elapsed_time"] == 161.5


def test_a_400_metre_workout_is_a_track_run_with_its_distances() -> None:
    phases = (
        PhaseRecord(
            position=0,
            kind=StepKind.SPRINT,
            rep=1,
            planned_s=None,
            actual_s=92.4,
            split_s=92.4,
            started_s=3.0,
            distance_m=400.0,
            ended_by="lap",
        ),
        PhaseRecord(
            position=1,
            kind=StepKind.SPRINT,
            rep=2,
            planned_s=None,
            actual_s=20.0,
            started_s=95.4,
            distance_m=400.0,
            ended_by="stop",
        ),
    )
    messages = fitdecode_read(activity_bytes(recorded(phases, "2x(lap sprint 400m @goal)"), "fit"))
    assert messages["session"][0]["sub_sport"] == "track"
    assert [lap.get("total_distance") for lap in messages["lap"]] == [400.0, None], "a stopped 400 ran less"
    assert messages["session"][0]["total_distance"] == 400.0


def test_a_session_still_running_or_without_phases_has_nothing_to_export() -> None:
    with pytest.raises(NothingToExport, match="ran no phase"):
        activity(recorded(()))
    running = recorded((PhaseRecord(position=0, kind=StepKind.RUN, rep=None, planned_s=60, actual_s=60.0),))
    with pytest.raises(NothingToExport, match="still running"):
        activity(running.model_copy(update={"status": "running"}))


@pytest.mark.parametrize(
    ("version", "numbers"),
    [("0.9.0", (0, 9)), ("1.3rc1", (1, 3)), ("2.0.dev4", (2, 0)), ("3", (3, 0)), ("1.12.5+local", (1, 12))],
)
def test_the_software_version_in_an_activity_file_is_major_and_minor(
    version: str, numbers: tuple[int, int]
) -> None:
    assert version_numbers(version) == numbers
