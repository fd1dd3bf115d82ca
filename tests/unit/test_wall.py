"""Each phase's place on the clock: the start after the session's, and the pauses inside it."""

from __future__ import annotations

from runtimer.engine import commands as c
from runtimer.engine import events as e
from runtimer.engine.machine import Engine, EngineSettings
from runtimer.plan.phases import expand
from runtimer.plan.textsyntax import parse_workout_text

START = 1000.0


def engine(text: str, lead_in_s: int = 3) -> Engine:
    return Engine(expand(parse_workout_text(text)), EngineSettings(lead_in_s=lead_in_s))


def runs(*batches: list[e.Event]) -> list[e.PhaseRun]:
    return [event.run for batch in batches for event in batch if isinstance(event, e.PhaseEnded)]


def test_phases_lie_back_to_back_after_the_lead_in() -> None:
    run = engine("10s warmup, 20s sprint")
    run.handle(c.Start(), START)
    ended = runs(run.handle(c.Tick(), START + 33))
    assert [(r.started_s, r.actual_s, r.pauses) for r in ended] == [(3.0, 10.0, ()), (13.0, 20.0, ())]


def test_a_pause_is_kept_where_it_fell_and_moves_the_phases_after_it() -> None:
    run = engine("10s warmup, 20s sprint")
    run.handle(c.Start(), START)
    run.handle(c.Pause(), START + 5)  # 2 s into the warm-up
    run.handle(c.Resume(), START + 35)
    ended = runs(run.handle(c.Tick(), START + 63))
    assert [(r.started_s, r.actual_s, r.pauses) for r in ended] == [
        (3.0, 10.0, (e.Pause(2.0, 30.0),)),
        (43.0, 20.0, ()),
    ]


def test_a_phase_skipped_while_paused_hands_the_rest_of_the_pause_to_the_next() -> None:
    run = engine("10s warmup, 20s sprint")
    run.handle(c.Start(), START)
    run.handle(c.Pause(), START + 5)
    skipped = runs(run.handle(c.Skip(), START + 15))
    run.handle(c.Resume(), START + 25)
    ended = runs(run.handle(c.Tick(), START + 45))
    assert [(r.started_s, r.actual_s, r.pauses, r.ended_by) for r in skipped + ended] == [
        (3.0, 2.0, (e.Pause(2.0, 10.0),), e.EndedBy.SKIP),
        (15.0, 20.0, (e.Pause(0.0, 10.0),), e.EndedBy.TIME),
    ]


def test_a_stop_while_paused_counts_the_pause_up_to_the_stop() -> None:
    run = engine("10s warmup, 20s sprint", lead_in_s=0)
    run.handle(c.Start(), START)
    run.handle(c.Pause(), START + 4)
    [stopped] = runs(run.handle(c.Stop(), START + 9))
    assert (stopped.started_s, stopped.actual_s, stopped.pauses) == (0.0, 4.0, (e.Pause(4.0, 5.0),))


def test_a_skipped_lead_in_starts_the_first_phase_when_it_was_skipped() -> None:
    run = engine("10s warmup", lead_in_s=5)
    run.handle(c.Start(), START)
    run.handle(c.Skip(), START + 1.5)
    [warmup] = runs(run.handle(c.Tick(), START + 11.5))
    assert (warmup.started_s, warmup.actual_s) == (1.5, 10.0)


def test_a_phase_run_again_by_back_keeps_both_runs_on_the_clock() -> None:
    run = engine("10s warmup, 20s sprint", lead_in_s=0)
    run.handle(c.Start(), START)
    first = runs(run.handle(c.Tick(), START + 12))
    back = runs(run.handle(c.Back(), START + 12))
    again = runs(run.handle(c.Tick(), START + 22))
    assert [(r.index, r.started_s, r.actual_s) for r in first + back + again] == [
        (0, 0.0, 10.0),
        (1, 10.0, 2.0),
        (0, 12.0, 10.0),
    ]
