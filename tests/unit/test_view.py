"""What the session screen shows, worked out without Textual: each label and rule as a plain value."""

from __future__ import annotations

import pytest

from runtimer.config.settings import Settings
from runtimer.engine import commands as c
from runtimer.engine import events as e
from runtimer.engine.machine import Engine, EngineSettings, State
from runtimer.plan.loader import Entry
from runtimer.plan.overrides import Overrides
from runtimer.plan.phases import expand
from runtimer.plan.textsyntax import parse_workout_text
from runtimer.session.prepare import prepare
from runtimer.tui.view import (
    LapLine,
    SessionView,
    next_repaint_s,
    rests_now,
    session_view,
    sound_word,
    why_line,
)
from tests.support.records_factory import session_record

T0 = 1000.0
PLAN = '10s warmup, 2x(20s sprint @6:30/mi "all out", 60s jog), lap run, 10s cooldown'


def engine_for(plan: str = PLAN) -> Engine:
    return Engine(expand(parse_workout_text(plan)), EngineSettings(lead_in_s=3))


def view(
    engine: Engine, now: float, *, compact: bool = False, sound: str = "", click: bool = True
) -> SessionView:
    return session_view(engine.snapshot(now), engine, compact=compact, sound=sound, metronome_on=click)


def test_the_lead_in_says_get_ready_counts_down_and_tells_of_no_sound() -> None:
    engine = engine_for()
    engine.handle(c.Start(), T0)
    shown = view(engine, T0 + 0.4, sound="sound off")
    assert (shown.phase, shown.clock, shown.rep) == ("GET READY", "00:03", "sound off")
    assert shown.next == "Next: WARM-UP 00:10"
    assert (shown.colour, shown.current, shown.can_pause) == ("ready", -1, False)
    assert shown.state is State.COUNTDOWN


def test_a_sprint_shows_its_rep_targets_and_time_left() -> None:
    engine = engine_for()
    engine.handle(c.Start(), T0)
    engine.handle(c.Tick(), T0 + 3 + 10 + 5.5)  # 5.5 s into the first sprint
    shown = view(engine, T0 + 18.5)
    assert (shown.phase, shown.rep, shown.clock) == ("SPRINT", "Rep 1 / 2", "00:15")
    assert shown.targets == "@6:30/mi all out"
    assert shown.next == "Next: JOG 01:00 (rep 1/2)"
    assert (shown.colour, shown.current, shown.pause_label) == ("sprint", 1, "Pause")
    assert shown.elapsed == "elapsed 00:15"
    assert shown.remaining == "left 02:45 + laps", "a lap-ended phase is still to come"
    assert shown.rest == "rest as planned"


def test_a_set_of_reps_shows_the_set_beside_the_rep() -> None:
    engine = engine_for("2x(6x(20s sprint, 60s jog), 4m rest)")
    engine.handle(c.Start(), T0)
    engine.handle(c.Tick(), T0 + 3 + 3 * 80 + 5)  # 5 s into the fourth sprint
    shown = view(engine, T0 + 3 + 3 * 80 + 5)
    assert (shown.phase, shown.rep) == ("SPRINT", "Set 1/2 · Rep 4/6")
    assert shown.next == "Next: JOG 01:00 (set 1/2, rep 4/6)"
    engine.handle(c.Tick(), T0 + 3 + 6 * 80 + 1)  # the rest between sets
    shown = view(engine, T0 + 3 + 6 * 80 + 1)
    assert (shown.phase, shown.rep) == ("REST", "Set 1/2")
    assert shown.next == "Next: SPRINT 00:20 (set 2/2, rep 1/6)"


def test_pausing_greys_the_screen_and_offers_resume() -> None:
    engine = engine_for()
    engine.handle(c.Start(), T0)
    engine.handle(c.Pause(), T0 + 5)
    shown = view(engine, T0 + 60)
    assert shown.phase == "PAUSED · WARM-UP"
    assert (shown.paused, shown.pause_label, shown.can_pause) == (True, "Resume", True)
    assert shown.clock == "00:08", "a pause never eats phase time"


def test_an_open_phase_counts_up_and_says_to_lap_unless_the_screen_is_small() -> None:
    engine = engine_for("lap run, 10s cooldown")
    engine.handle(c.Start(), T0)
    engine.handle(c.Tick(), T0 + 3 + 42)
    assert view(engine, T0 + 45).phase == "RUN · press l at the line"
    assert view(engine, T0 + 45, compact=True).phase == "RUN"
    assert view(engine, T0 + 45).clock == "00:42"
    assert "lap" in view(engine, T0 + 45).pinned_keys


def test_a_compact_screen_keeps_the_sound_word_beside_the_rep_and_drops_an_empty_target_line() -> None:
    engine = engine_for()
    engine.handle(c.Start(), T0)
    engine.handle(c.Tick(), T0 + 3 + 10 + 21)  # in the first jog
    shown = view(engine, T0 + 34, compact=True, sound="muted")
    assert shown.rep == "Rep 1 / 2 · muted"
    assert (shown.targets, shown.show_targets) == ("", False)
    assert view(engine, T0 + 34).show_targets, "the full screen keeps the line, so nothing below it jumps"


def test_rest_changes_show_on_the_status_line() -> None:
    engine = engine_for()
    engine.handle(c.Start(), T0)
    engine.handle(c.AdjustRest(-1), T0 + 4)
    assert view(engine, T0 + 4).rest == "rest -15 s"


def test_keys_with_nothing_to_do_give_up_their_room() -> None:
    engine = engine_for("10s warmup, 2x(20s sprint, 30s jog)")
    engine.handle(c.Start(), T0)
    engine.handle(c.Tick(), T0 + 4)
    hidden = view(engine, T0 + 4).hidden_keys
    assert "shorter" in hidden, "the jogs are at the floor already"
    assert "longer" not in hidden and "add_rep" not in hidden
    assert "finish_after_rep" in hidden, "no rep is running in the warm-up"
    assert "metronome" in hidden


def test_a_cadence_step_pins_the_metronome_and_says_whether_it_clicks() -> None:
    engine = engine_for("4x(1m run @160-180spm, 1m walk)")
    engine.handle(c.Start(), T0)
    engine.handle(c.Tick(), T0 + 4)
    assert view(engine, T0 + 4).sound == "sound on · click on"
    assert view(engine, T0 + 4, click=False, sound="muted").sound == "muted · click off"
    assert "metronome" in view(engine, T0 + 4).pinned_keys


def test_the_sound_word() -> None:
    assert sound_word(False, "sound on") == ""
    assert sound_word(True, "sound on") == "muted"
    assert sound_word(False, "sound off: no sound device (ALSA)") == "sound off"


def test_equal_moments_give_equal_views_so_the_screen_repaints_nothing() -> None:
    engine = engine_for()
    engine.handle(c.Start(), T0)
    engine.handle(c.Tick(), T0 + 5)
    assert view(engine, T0 + 5.1) == view(engine, T0 + 5.2)
    assert view(engine, T0 + 5.1) != view(engine, T0 + 6.1)


def test_the_next_repaint_comes_just_after_the_shown_second_changes() -> None:
    engine = engine_for("10s warmup, lap run")
    engine.handle(c.Start(), T0)
    assert next_repaint_s(engine.snapshot(T0 + 0.25)) == pytest.approx(0.755)  # 2.75 s left of the lead-in
    engine.handle(c.Tick(), T0 + 3.6)
    assert next_repaint_s(engine.snapshot(T0 + 3.6)) == pytest.approx(0.405)  # 9.4 s left of the warm-up
    engine.handle(c.Skip(), T0 + 4)
    assert next_repaint_s(engine.snapshot(T0 + 4.3)) == pytest.approx(0.705)  # counting up a lap phase
    engine.handle(c.Pause(), T0 + 5)
    assert next_repaint_s(engine.snapshot(T0 + 6)) is None


def test_rest_replies_and_why_the_rests_are_what_they_are() -> None:
    assert rests_now(105) == "rests 1:45 now"
    assert rests_now(None) == "no rest left to change"
    entry = Entry(parse_workout_text("2x(30s sprint, 2m jog)", name="intervals"), "built-in")
    assert why_line(prepare(entry, Overrides(), Settings())) == ""  # first time: nothing to explain
    last = session_record(status="completed", rest_s=120, gassed=False)
    assert (
        why_line(prepare(entry, Overrides(), Settings(), [last]))
        == "jog 1:45, was 2:00: not gassed last time"
    )


def test_a_split_stays_through_the_rest_after_it_and_goes_with_the_next_effort() -> None:
    phases = expand(parse_workout_text("2x(lap sprint 400m, 60s jog)"))
    line = LapLine()
    lap = e.Split(0, 1, 95.0, phases[0])
    assert line.heard(e.LapRecorded(lap)) and line.text == "last lap 1:35"
    assert not line.heard(e.PhaseStarted(1, phases[1], 4, 60, phases[2])), "a rest leaves the split as it is"
    assert line.text == "last lap 1:35"
    assert line.heard(e.PhaseStarted(2, phases[2], 4, None, phases[3])) and line.text is None
    assert not line.heard(e.Halfway(1, phases[1]))


def test_back_to_back_lap_efforts_keep_the_split_into_the_next() -> None:
    phases = expand(parse_workout_text("2x(lap sprint 400m)"))
    line = LapLine()
    line.heard(e.LapRecorded(e.Split(0, 1, 95.0, phases[0])))
    line.heard(e.PhaseStarted(1, phases[1], 2, None, None))
    assert line.text == "last lap 1:35"
