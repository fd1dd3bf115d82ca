"""How phases and times are worded on screen, shared by every screen."""

from __future__ import annotations

from runtimer.plan.durations import format_clock
from runtimer.plan.models import StepKind
from runtimer.plan.phases import Phase

_NAMES = {StepKind.WARMUP: "WARM-UP", StepKind.COOLDOWN: "COOL-DOWN"}


def phase_name(kind: StepKind) -> str:
    return _NAMES.get(kind, kind.value.upper())


def phase_length(phase: Phase) -> str:
    return "lap" if phase.duration is None else format_clock(phase.duration)


def next_line(phase: Phase | None) -> str:
    if phase is None:
        return "Next: finish"
    rep = f" (rep {phase.rep_label})" if phase.rep is not None else ""
    return f"Next: {phase_name(phase.kind)} {phase_length(phase)}{rep}"


def signed_seconds(seconds: float) -> str:
    return f"{seconds:+.0f} s"
