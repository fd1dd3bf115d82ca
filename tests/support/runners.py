"""A runner for a one-line workout on the clock a test chooses."""

from __future__ import annotations

from runtimer.engine.machine import Engine, EngineSettings
from runtimer.plan.phases import expand
from runtimer.plan.textsyntax import parse_workout_text
from runtimer.session.clock import FakeClock, MonotonicClock
from runtimer.session.runner import Runner


def runner_for(text: str, clock: FakeClock | MonotonicClock, lead_in: int = 3) -> Runner:
    return Runner(Engine(expand(parse_workout_text(text)), EngineSettings(lead_in_s=lead_in)), clock)
