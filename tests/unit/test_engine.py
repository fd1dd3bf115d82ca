"""The engine told the time by hand: exact, and a whole workout in milliseconds."""

from __future__ import annotations

from typing import TypeVar

import pytest

from runtimer.engine import commands as c
from runtimer.engine import events as e
from runtimer.engine.machine import Engine, EngineSettings, State
from runtimer.plan.models import StepKind
from runtimer.plan.phases import expand, reference_rest, reps_planned
from runtimer.plan.textsyntax import parse_workout_text

T = TypeVar("T")
T0 = 5000.0
CORE = "10m warmup, 8x(40s sprint, 2m jog), 5m cooldown"
AT_FLOOR = e.Ignored("AdjustRest", "can't shorten: rests are at the 30 s floor")


def engine_for(text: str, **settings: float) -> Engine:
    return Engine(expand(parse_workout_text(text)), EngineSettings(**settings))  # type: ignore[arg-type]


def started(text: str, **settings: float) -> Engine:
    """An engine already past its lead-in, with the first phase starting at ``T0``."""
    engine = engine_for(text, lead_in_s=0, **settings)
    engine.handle(c.Start(), T0)
    return engine


def run_to_end(engine: Engine) -> list[tuple[float, e.Event]]:
    timeline: list[tuple[float, e.Event]] = []
    while (due := engine.next_due()) is not None:
        timeline += [(due, event) for event in engine.handle(c.Tick(), due)]
    return timeline


def of_type(timeline: list[tuple[float, e.Event]], kind: type[T]) -> list[tuple[float, T]]:
    return [(at, event) for at, event in timeline if isinstance(event, kind)]


def test_a_whole_36_minute_workout_hits_every_boundary_exactly() -> None:
    engine = engine_for(CORE)
    first = engine.handle(c.Start(), T0)
    assert first[0] == e.SessionStarted(phases=18, planned_s=2180, lead_in_s=3)
    timeline = run_to_end(engine)
    starts = of_type(timeline, e.PhaseStarted)
    expected, at = [], T0 + 3
    for phase in expand(parse_workout_text(CORE)):
        expected.append(at)
        at += phase.duration or 0
    assert [time for time, _ in starts] == expected
    finished = of_type(timeline, e.SessionFinished)
    assert [time for time, _ in finished] == [T0 + 3 + 2180]
    summary = finished[0][1].summary
    assert summary.active_s == 2180 and summary.reps_done == summary.reps_planned == 8
    assert summary.phases_done == 18 and summary.status == "completed"
    assert engine.state is State.FINISHED and engine.next_due() is None


def test_lead_in_beeps_three_two_one_then_go() -> None:
    engine = engine_for("1m run")
    events = engine.handle(c.Start(), T0)
    timeline = [(T0, event) for event in events] + run_to_end(engine)
    beeps = of_type(timeline, e.CountdownBeep)
    assert [(at - T0, beep.remaining) for at, beep in beeps[:3]] == [(0, 3), (1, 2), (2, 1)]
    assert all(beep.next_index == 0 for _, beep in beeps[:3])
    assert of_type(timeline, e.PhaseStarted)[0][0] == T0 + 3


def test_every_phase_change_is_preceded_by_3_2_1_and_long_phases_get_halfway() -> None:
    engine = started("30s jog, 10s sprint, 2s jog")
    timeline = run_to_end(engine)
    beeps = [(at - T0, beep.remaining, beep.next_index) for at, beep in of_type(timeline, e.CountdownBeep)]
    assert beeps == [
        (27, 3, 1), (28, 2, 1), (29, 1, 1),
        (37, 3, 2), (38, 2, 2), (39, 1, 2),
        (41, 1, None),
    ]  # fmt: skip
    assert [(at - T0, h.index) for at, h in of_type(timeline, e.Halfway)] == [(15, 0)]


def test_pause_never_eats_phase_time() -> None:
    engine = started("60s jog")
    engine.handle(c.Pause(), T0 + 20)
    assert engine.next_due() is None
    assert engine.snapshot(T0 + 500).remaining_s == 40
    engine.handle(c.Resume(), T0 + 500)
    assert engine.snapshot(T0 + 510).remaining_s == 30
    timeline = run_to_end(engine)
    assert of_type(timeline, e.SessionFinished)[0][0] == T0 + 540
    assert engine.summary and engine.summary.active_s == 60


def test_toggle_pauses_and_resumes() -> None:
    engine = started("60s jog")
    assert isinstance(engine.handle(c.Toggle(), T0 + 1)[-1], e.Paused)
    assert isinstance(engine.handle(c.Toggle(), T0 + 2)[-1], e.Resumed)


def test_skip_ends_the_phase_now_and_records_the_actual_time() -> None:
    engine = started("60s jog, 30s sprint")
    events = engine.handle(c.Skip(), T0 + 12)
    ended = next(ev for ev in events if isinstance(ev, e.PhaseEnded))
    assert (ended.run.actual_s, ended.run.planned_s, ended.run.ended_by) == (12, 60, e.EndedBy.SKIP)
    assert engine.index == 1 and engine.next_due() == T0 + 12 + 15, "halfway of the 30 s sprint"


def test_back_restarts_the_previous_phase() -> None:
    engine = started("60s jog, 30s sprint")
    run_to_end_until(engine, T0 + 70)
    events = engine.handle(c.Back(), T0 + 70)
    assert [type(ev) for ev in events] == [e.PhaseEnded, e.PhaseStarted]
    assert engine.index == 0 and engine.snapshot(T0 + 70).remaining_s == 60
    engine.handle(c.Back(), T0 + 75)
    assert engine.index == 0 and engine.snapshot(T0 + 75).remaining_s == 60


def run_to_end_until(engine: Engine, until: float) -> None:
    while (due := engine.next_due()) is not None and due <= until:
        engine.handle(c.Tick(), due)
    engine.handle(c.Tick(), until)


def test_extend_and_trim_move_the_boundary() -> None:
    engine = started("60s jog, 30s sprint")
    assert e.PhaseRetimed(0, 90) in engine.handle(c.Extend(30), T0 + 10)
    assert engine.snapshot(T0 + 10).remaining_s == 80
    engine.handle(c.Extend(-70), T0 + 10)
    assert engine.snapshot(T0 + 10).remaining_s == 10
    events = engine.handle(c.Extend(-50), T0 + 10)
    assert engine.index == 1, "trimming past the elapsed time ends the phase now"
    assert any(
        isinstance(ev, e.PhaseEnded) and ev.run.actual_s == 10 and ev.run.planned_s == 20 for ev in events
    )


def test_extend_is_refused_on_an_open_phase() -> None:
    engine = started("lap sprint")
    assert engine.handle(c.Extend(10), T0 + 1) == [
        e.Ignored("Extend", "this phase is open-ended: it ends when you lap")
    ]


def test_lap_ends_open_phases_and_splits_timed_ones() -> None:
    engine = started("lap sprint, 60s jog")
    assert engine.next_due() is None
    events = engine.handle(c.Lap(), T0 + 97.5)
    split = next(ev for ev in events if isinstance(ev, e.LapRecorded)).split
    assert (split.index, split.number, split.split_s) == (0, 1, 97.5)
    assert engine.index == 1
    engine.handle(c.Lap(), T0 + 117.5)
    engine.handle(c.Lap(), T0 + 127.5)
    run_to_end(engine)
    assert engine.summary is not None
    assert [(s.index, s.number, s.split_s) for s in engine.summary.splits] == [
        (0, 1, 97.5),
        (1, 1, 20),
        (1, 2, 10),
    ]


def test_not_gassed_shortens_this_and_every_later_rest_down_to_the_floor() -> None:
    engine = started("3x(30s sprint, 2m jog)")
    run_to_end_until(engine, T0 + 40)
    events = engine.handle(c.AdjustRest(-1), T0 + 40)
    assert e.RestAdjusted(-15, 105, -15) in events
    assert [p.duration for p in engine.phases if p.kind is StepKind.JOG] == [105, 105, 105]
    for _ in range(5):
        engine.handle(c.AdjustRest(-1), T0 + 40)
    assert [p.duration for p in engine.phases if p.kind is StepKind.JOG] == [30, 30, 30]
    assert engine.handle(c.AdjustRest(-1), T0 + 40) == [AT_FLOOR]
    assert e.RestAdjusted(15, 45, -75) in engine.handle(c.AdjustRest(+1), T0 + 40)
    run_to_end(engine)
    assert engine.summary and engine.summary.rest_adjust_s == -75 and engine.summary.rest_s == 45


def test_too_hard_gives_back_what_not_gassed_took_when_the_floor_cut_it_short() -> None:
    """A 40 s rest: "-" stops at the 30 s floor (10 s, not 15), so "+" puts back 10 s."""
    engine = started("3x(30s sprint, 40s jog), 2x(30s sprint, 2m jog)", rest_step_s=15, rest_floor_s=30)
    engine.handle(c.AdjustRest(-1), T0 + 1)
    assert [p.duration for p in engine.phases if p.kind is StepKind.JOG] == [30, 30, 30, 105, 105]
    assert e.RestAdjusted(10, 40, 0) in engine.handle(c.AdjustRest(+1), T0 + 2)
    assert [p.duration for p in engine.phases if p.kind is StepKind.JOG] == [40, 40, 40, 120, 120]
    engine.handle(c.AdjustRest(+1), T0 + 3)
    assert [p.duration for p in engine.phases if p.kind is StepKind.JOG] == [55, 55, 55, 135, 135]


def jogs(engine: Engine) -> list[float | None]:
    return [p.duration for p in engine.phases if p.kind is StepKind.JOG]


def press(engine: Engine, at: float, *commands: c.Command) -> None:
    """Keys a second apart from ``at``: a story told in commands."""
    for offset, command in enumerate(commands):
        engine.handle(command, at + offset)


def test_too_hard_gives_back_only_to_a_rest_still_where_not_gassed_left_it() -> None:
    """A "-" 35 s into a 40 s rest ends it there; back in it, "+" lengthens it as usual."""
    engine = started("4x(30s sprint, 40s jog)", rest_step_s=15, rest_floor_s=30)
    engine.handle(c.Skip(), T0 + 1)
    engine.handle(c.AdjustRest(-1), T0 + 36)
    assert engine.phases[engine.index].kind is StepKind.SPRINT, "the rest ended: 35 s is past 30 s"
    engine.handle(c.Back(), T0 + 37)
    assert engine.phases[engine.index].kind is StepKind.JOG
    assert jogs(engine) == [40, 30, 30, 30], "the one ended early kept its length"
    engine.handle(c.AdjustRest(+1), T0 + 38)
    assert jogs(engine) == [55, 40, 40, 40]


def test_a_rep_added_after_not_gassed_is_given_back_like_the_rest() -> None:
    engine = started("3x(30s sprint, 40s jog)", rest_step_s=15, rest_floor_s=30)
    press(engine, T0 + 1, c.AdjustRest(-1), c.AddRep())
    assert jogs(engine) == [30, 30, 30, 30]
    press(engine, T0 + 3, c.AdjustRest(+1))
    assert jogs(engine) == [40, 40, 40, 40]


def test_too_hard_gives_back_once() -> None:
    """Reps dropped and added again between "-" and two "+": the second "+" is a plain step."""
    engine = started("4x(30s sprint, 40s jog)", rest_step_s=15, rest_floor_s=30)
    # "-", into sprint 2, finish after it, "+"
    press(engine, T0 + 1, c.AdjustRest(-1), c.Skip(), c.Skip(), c.FinishAfterRep(), c.AdjustRest(+1))
    assert jogs(engine) == [30, 40]
    press(engine, T0 + 6, c.AddRep(), c.AdjustRest(+1))
    assert jogs(engine) == [30, 55, 55]


def test_not_gassed_takes_back_too_hard_even_on_rests_planned_below_the_floor() -> None:
    engine = started("3x(5s sprint, 10s jog)", rest_step_s=15, rest_floor_s=30)
    assert e.RestAdjusted(15, 25, 15) in engine.handle(c.AdjustRest(+1), T0 + 1)
    assert e.RestAdjusted(-15, 10, 0) in engine.handle(c.AdjustRest(-1), T0 + 2)
    assert [p.duration for p in engine.phases if p.kind is StepKind.JOG] == [10, 10, 10]
    as_planned = e.Ignored("AdjustRest", "can't shorten: rests are as planned, under the 30 s floor")
    assert as_planned in engine.handle(c.AdjustRest(-1), T0 + 2.5)


def test_not_gassed_never_takes_a_rest_below_its_plan_after_going_back() -> None:
    """A "too hard" in rep 2, then back into rep 1: rep 1's rest was never raised and must stay as planned."""
    engine = started("3x(10s sprint, 20s rest)", rest_step_s=15, rest_floor_s=30)
    run_to_end_until(engine, T0 + 10 + 20 + 10 + 1)
    assert engine.index == 3
    engine.handle(c.AdjustRest(+1), T0 + 41)
    for _ in range(3):
        engine.handle(c.Back(), T0 + 41)
    assert engine.index == 0
    engine.handle(c.AdjustRest(-1), T0 + 41)
    assert [p.duration for p in engine.phases if p.kind is StepKind.REST] == [20, 20, 20]


def test_shortening_a_rest_below_its_elapsed_time_ends_it_now() -> None:
    engine = started("2x(30s sprint, 45s jog)", rest_step_s=15, rest_floor_s=30)
    run_to_end_until(engine, T0 + 30 + 40)
    events = engine.handle(c.AdjustRest(-1), T0 + 70)
    assert engine.index == 2
    assert any(isinstance(ev, e.PhaseEnded) and ev.run.actual_s == 40 for ev in events)


def test_warm_up_jogs_are_not_rests() -> None:
    engine = started("10m jog, 2x(30s sprint, 2m jog)")
    engine.handle(c.AdjustRest(-1), T0 + 5)
    assert [p.duration for p in engine.phases if p.kind is StepKind.JOG] == [600, 105, 105]


def test_one_more_rep_and_finish_after_this_rep() -> None:
    engine = started("10s warmup, 3x(30s sprint, 60s jog), 10s cooldown")
    assert e.RepsChanged(1, 4, 10, 4) in engine.handle(c.AddRep(), T0 + 5)
    assert [p.rep_label for p in engine.phases if p.kind is StepKind.SPRINT] == ["1/4", "2/4", "3/4", "4/4"]
    run_to_end_until(engine, T0 + 10 + 90 + 5)
    assert engine.phases[engine.index].rep == 2
    assert e.RepsChanged(1, 2, 6, 2) in engine.handle(c.FinishAfterRep(), T0 + 105)
    assert engine.handle(c.FinishAfterRep(), T0 + 105) == [
        e.Ignored("FinishAfterRep", "this is already the last rep")
    ]
    run_to_end(engine)
    assert engine.summary and (engine.summary.reps_done, engine.summary.reps_planned) == (2, 2)


REPS_3 = "10s warmup, 3x(30s sprint, 60s jog), 10s cooldown"


def test_one_more_rep_is_planned_as_well_as_run() -> None:
    engine = started(REPS_3)
    planned_at_start = reps_planned(engine.phases)
    engine.handle(c.AddRep(), T0 + 5)
    run_to_end(engine)
    summary = engine.summary
    assert summary is not None and summary.status == "completed"
    assert summary.reps_planned == planned_at_start + 1 == reps_planned(engine.phases)
    assert summary.reps_done == summary.reps_planned, "not 4 of 3"
    assert summary.phases_done == summary.phases_planned == len(engine.phases) == 10


def test_finish_after_this_rep_plans_only_the_reps_run() -> None:
    engine = started(REPS_3)
    run_to_end_until(engine, T0 + 10 + 5)  # five seconds into sprint 1
    engine.handle(c.FinishAfterRep(), T0 + 15)
    run_to_end(engine)
    summary = engine.summary
    assert summary is not None and summary.status == "completed"
    assert (summary.reps_done, summary.reps_planned) == (1, 1) == (1, reps_planned(engine.phases))
    assert summary.phases_done == summary.phases_planned == 4


def test_a_session_stopped_after_one_more_rep_counts_it_as_planned() -> None:
    engine = started(REPS_3)
    engine.handle(c.AddRep(), T0 + 5)
    engine.handle(c.Stop(), T0 + 20)
    assert engine.summary and (engine.summary.reps_done, engine.summary.reps_planned) == (0, 4)


def test_reps_changed_says_the_sessions_new_total_across_blocks() -> None:
    engine = started("2x(30s sprint, 60s jog), 60s jog, 3x(20s run, 40s walk)")
    assert reps_planned(engine.phases) == 5
    assert e.RepsChanged(1, 3, 13, 6) in engine.handle(c.AddRep(), T0 + 5)
    assert e.RepsChanged(1, 1, 9, 4) in engine.handle(c.FinishAfterRep(), T0 + 6)


def test_pause_and_resume_say_how_long_the_retimed_phase_has_run() -> None:
    engine = started("60s run, 30s jog")
    engine.handle(c.Extend(30), T0 + 20)
    assert engine.handle(c.Pause(), T0 + 25) == [e.Paused(0, 65, 25)]
    assert engine.handle(c.Resume(), T0 + 400) == [e.Resumed(0, 65, 25)]


def test_pause_and_resume_say_how_long_an_open_phase_has_run() -> None:
    engine = started("lap sprint, 30s jog")
    assert engine.handle(c.Toggle(), T0 + 72.5) == [e.Paused(0, None, 72.5)]
    assert engine.handle(c.Toggle(), T0 + 100) == [e.Resumed(0, None, 72.5)]


def test_stop_ends_the_session_once_with_a_stopped_summary() -> None:
    engine = started("60s jog, 30s sprint")
    events = engine.handle(c.Stop(), T0 + 25)
    assert [type(ev) for ev in events] == [e.PhaseEnded, e.SessionStopped]
    summary = engine.summary
    assert summary and summary.status == "stopped" and summary.active_s == 25
    assert summary.runs[0].ended_by is e.EndedBy.STOP
    assert engine.handle(c.Stop(), T0 + 26) == [e.Ignored("Stop", "not possible while stopped")]


@pytest.mark.parametrize(
    ("setup", "command"),
    [
        ([], c.Resume()),
        ([], c.Skip()),
        ([], c.Lap()),
        ([c.Start()], c.Start()),
        ([c.Start()], c.Pause()),
        ([c.Start(), c.Skip()], c.Resume()),
        ([c.Start(), c.Skip(), c.Pause()], c.Pause()),
        ([c.Start(), c.Skip(), c.Pause()], c.Lap()),
        ([c.Start(), c.Stop()], c.Skip()),
        ([c.Start(), c.Stop()], c.Start()),
    ],
)
def test_commands_out_of_place_are_ignored_and_change_nothing(
    setup: list[c.Command], command: c.Command
) -> None:
    engine = engine_for("60s jog")
    for earlier in setup:
        engine.handle(earlier, T0)
    before = (engine.state, engine.snapshot(T0), engine.phases)
    events = engine.handle(command, T0)
    assert len(events) == 1 and isinstance(events[0], e.Ignored)
    assert events[0].command == type(command).__name__
    assert (engine.state, engine.snapshot(T0), engine.phases) == before


def test_a_late_tick_crosses_several_boundaries_at_their_ideal_times() -> None:
    engine = started("5s sprint, 5s jog, 5s sprint")
    events = engine.handle(c.Tick(), T0 + 12)
    runs = [ev.run for ev in events if isinstance(ev, e.PhaseEnded)]
    assert [run.actual_s for run in runs] == [5, 5]
    assert engine.snapshot(T0 + 12).remaining_s == 3


def test_snapshot_reports_session_progress_from_the_clock() -> None:
    engine = started("60s jog, 60s sprint")
    snap = engine.snapshot(T0 + 30)
    assert (snap.elapsed_s, snap.remaining_total_s, snap.progress) == (30, 90, 0.25)
    assert snap.next_phase is not None and snap.next_phase.kind is StepKind.SPRINT


def test_long_phases_get_a_ten_second_heads_up() -> None:
    engine = started("60s jog, 20s sprint")
    timeline = run_to_end(engine)
    assert [(at - T0, ev.index, ev.seconds) for at, ev in of_type(timeline, e.SecondsLeft)] == [(50, 0, 10)]


def test_a_lap_at_the_line_ends_a_distance_phase_before_its_paced_time() -> None:
    engine = started("2x(400m @6:30/mi, 90s jog)")
    events = engine.handle(c.Lap(), T0 + 95)
    split = next(ev for ev in events if isinstance(ev, e.LapRecorded)).split
    assert split.split_s == 95 and split.phase.target_split_s == pytest.approx(96.9, abs=0.05)
    assert engine.index == 1


def test_a_circuit_is_known_by_its_short_rest_not_its_round_break() -> None:
    engine = started("2x(45s exercise, 15s rest, 45s exercise, 60s rest)")
    run_to_end(engine)
    assert engine.summary is not None and engine.summary.rest_s == 15


def test_not_gassed_on_a_rest_already_past_its_new_length_still_counts() -> None:
    engine = started("3x(30s sprint, 45s jog)", rest_step_s=15, rest_floor_s=30)
    run_to_end_until(engine, T0 + 30 + 40)
    events = engine.handle(c.AdjustRest(-1), T0 + 70)
    adjusted = next(ev for ev in events if isinstance(ev, e.RestAdjusted))
    assert adjusted.delta_s == -15 and adjusted.total_adjust_s == -15 and adjusted.rest_s == 30
    assert [p.duration for p in engine.phases if p.kind is StepKind.JOG][1:] == [30, 30]


def test_lengthening_a_rest_in_its_last_seconds_plays_the_new_countdown() -> None:
    engine = started("60s jog, 30s sprint")
    run_to_end_until(engine, T0 + 58.5)
    engine.handle(c.Extend(30), T0 + 58.5)
    timeline = run_to_end(engine)
    beeps = [(at - T0, beep.remaining) for at, beep in of_type(timeline, e.CountdownBeep) if at - T0 < 90]
    assert beeps == [(87, 3), (88, 2), (89, 1)]
    assert [at - T0 for at, _ in of_type(timeline, e.SecondsLeft)][:1] == [80]


def test_a_rep_added_after_going_back_is_not_counted_done_by_a_phase_run_elsewhere() -> None:
    """Reps done are kept by rep, not by place in the list, which "one more rep" shifts.

    The jog that opens the second block runs to its end; back into the first
    block, "one more rep" puts a new rep where that jog was. Counted by place,
    the jog's run made the new rep's sprint look done.
    """
    engine = started("2x(10s sprint, 10s jog), 2x(10s jog, 10s sprint)")
    for _ in range(4):
        engine.handle(c.Skip(), T0)
    engine.handle(c.Tick(), T0 + 10)
    for command in (c.Back(), c.Back(), c.AddRep(), c.Stop()):
        engine.handle(command, T0 + 10)
    assert engine.summary is not None
    assert [run.ended_by for run in engine.summary.runs].count(e.EndedBy.TIME) == 1
    assert engine.summary.reps_done == 0


def test_a_rep_dropped_by_finish_after_rep_and_added_again_is_not_done_yet() -> None:
    """Rep 2 ran, the runner went back into rep 1 and finished after it, then asked for one more:
    that new rep 2 has not been run."""
    engine = started("3x(10s sprint, 10s jog)")
    engine.handle(c.Tick(), T0 + 10)  # rep 1's sprint
    engine.handle(c.Skip(), T0 + 10)
    engine.handle(c.Tick(), T0 + 20)  # rep 2's sprint
    for command in (c.Back(), c.Back(), c.FinishAfterRep(), c.AddRep(), c.Stop()):
        engine.handle(command, T0 + 20)
    assert engine.summary is not None
    assert (engine.summary.reps_planned, engine.summary.reps_done) == (2, 1)


def test_the_engine_says_whether_rests_can_move_before_a_key_is_pressed() -> None:
    short = started("3x(10s sprint, 15s jog)", rest_step_s=15, rest_floor_s=30)
    assert (short.rests_ahead, short.rests_can_shorten) == (True, False)
    short.handle(c.AdjustRest(+1), T0 + 1)
    assert short.rests_can_shorten, "a + can be taken back"
    steady = started("10m run")
    assert (steady.rests_ahead, steady.rests_can_shorten) == (False, False)
    long = started("3x(10s sprint, 2m jog)", rest_step_s=15, rest_floor_s=30)
    assert (long.rests_ahead, long.rests_can_shorten) == (True, True)


def test_a_minus_that_ends_the_last_rest_is_told_before_the_session_ends() -> None:
    """The press comes first, then what it caused: nothing follows the end of a session."""
    engine = started("2x(20s sprint, 40s rest)")
    last_rest = T0 + 60 + 20  # the second rep's rest starts here
    engine.handle(c.Tick(), last_rest + 35)  # 35 s in: the 30 s floor is already behind it
    events = engine.handle(c.AdjustRest(-1), last_rest + 35)
    assert [type(ev) for ev in events] == [e.RestAdjusted, e.PhaseEnded, e.SessionFinished]
    ended = events[1]
    assert isinstance(ended, e.PhaseEnded) and ended.run.ended_by is e.EndedBy.SKIP


def test_in_sets_of_reps_the_rest_kept_for_next_time_is_the_last_sets() -> None:
    """Each set runs its reps as a new block: a "-" pressed in set 2 moves set 2's rests, and the session's
    rest (what progression starts the next one from) is read there, not in set 1's untouched block."""
    engine = started("2x(2x(10s sprint, 60s jog), 90s rest)", rest_step_s=15, rest_floor_s=30)
    press(engine, T0 + 1, c.Skip(), c.Skip(), c.Skip(), c.Skip(), c.Skip())  # set 1's reps and its rest
    assert (engine.phases[engine.snapshot(T0 + 6).index].set, engine.phases[5].kind) == (2, StepKind.SPRINT)
    [adjusted] = of_type(
        [(T0 + 7, event) for event in engine.handle(c.AdjustRest(-1), T0 + 7)], e.RestAdjusted
    )
    assert adjusted[1].rest_s == 45
    assert jogs(engine) == [60, 60, 45, 45]


def test_finish_after_this_rep_in_a_set_of_reps_leaves_the_later_sets_too() -> None:
    """The set running ends with this rep and its own rest; the sets still to come go."""
    engine = started("2x(3x(10s sprint, 20s jog), 60s rest), 30s cooldown")
    [changed] = [
        event for event in engine.handle(c.FinishAfterRep(), T0 + 1) if isinstance(event, e.RepsChanged)
    ]
    assert changed.reps == 1
    assert [(p.kind, p.rep_label) for p in engine.phases] == [
        (StepKind.SPRINT, "set 1/1, rep 1/1"),
        (StepKind.JOG, "set 1/1, rep 1/1"),
        (StepKind.REST, "set 1/1"),
        (StepKind.COOLDOWN, ""),
    ]


def test_finish_after_the_last_rep_of_a_set_still_leaves_the_sets_to_come() -> None:
    engine = started("2x(2x(10s sprint, 20s jog), 60s rest)")
    press(engine, T0 + 1, c.Skip(), c.Skip())  # into rep 2 of set 1, the set's last
    engine.handle(c.FinishAfterRep(), T0 + 3)
    assert [p.kind for p in engine.phases] == [StepKind.SPRINT, StepKind.JOG] * 2 + [StepKind.REST]
    ignored = engine.handle(c.FinishAfterRep(), T0 + 4)
    assert e.Ignored("FinishAfterRep", "this is already the last rep") in ignored


def test_finish_in_a_middle_set_relabels_every_set_and_the_session_ends_cleanly() -> None:
    engine = started("3x(2x(10s sprint, 20s jog), 60s walk), 60s cooldown")
    press(engine, T0 + 1, *[c.Skip()] * 5)  # set 1 (two reps and its walk) and into set 2
    engine.handle(c.FinishAfterRep(), T0 + 7)
    assert {p.sets for p in engine.phases if p.group is not None} == {2}
    assert [p.kind for p in engine.phases][-3:] == [StepKind.JOG, StepKind.WALK, StepKind.COOLDOWN]
    stopped = engine.handle(c.Stop(), T0 + 8)
    assert any(isinstance(event, e.SessionStopped) for event in stopped)


def test_finish_leaves_the_next_set_of_reps_alone() -> None:
    """Two sets of reps in a row, the first of one set: "f" in it keeps the second whole."""
    engine = started("1x(2x(10s sprint, 20s jog), 60s walk), 2x(2x(15s sprint, 30s jog), 90s walk)")
    engine.handle(c.FinishAfterRep(), T0 + 1)
    assert len(engine.phases) == 3 + 2 * 5


def test_the_rest_kept_is_found_whatever_the_sets_of_reps_around_it() -> None:
    phases = expand(parse_workout_text("2x(2x(10s sprint, 10s run)), 3x(2x(10s sprint, 20s jog))"))
    assert reference_rest(phases) == 20
