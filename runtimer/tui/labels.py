"""How phases and times are worded on screen, shared by every screen."""

from __future__ import annotations

from rich.cells import cell_len

from runtimer.plan.durations import format_clock, format_time
from runtimer.plan.models import StepKind
from runtimer.plan.phases import Phase

_NAMES = {StepKind.WARMUP: "WARM-UP", StepKind.COOLDOWN: "COOL-DOWN"}


def phase_name(kind: StepKind) -> str:
    return _NAMES.get(kind, kind.value.upper())


def kind_class(kind: StepKind) -> str:
    """The colour family: every recovery looks alike, everything else has its own."""
    return "recovery" if kind.is_recovery else kind.value


def phase_length(phase: Phase) -> str:
    return "lap" if phase.duration is None else format_clock(phase.duration)


def place_in_session(phase: Phase) -> str:
    """``rep 3/8``, ``set 1/2, rep 3/6`` or ``set 1/2``; empty outside repeats."""
    if phase.set is None and phase.rep is not None:
        return f"rep {phase.rep_label}"
    return phase.rep_label


def next_line(phase: Phase | None) -> str:
    if phase is None:
        return "Next: finish"
    place = place_in_session(phase)
    return f"Next: {phase_name(phase.kind)} {phase_length(phase)}{f' ({place})' if place else ''}"


def shorten(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells: cut at the end of a word, with "…" to say it goes on."""
    if cell_len(text) <= width:
        return text
    if width < 2:
        return "…"[:width]
    cut, used = "", 0
    for char in text:
        used += cell_len(char)
        if used > width - 1:
            break
        cut += char
    if text[len(cut)].isalnum() and " " in cut:  # the cut falls inside a word: drop that word
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:·-") + "…"


def signed_seconds(seconds: float) -> str:
    return f"{seconds:+.0f} s"


def split_text(split_s: float, target_s: float | None) -> str:
    """``1:35, 2 s fast``: the lap, and how it compares with the pace target if there is one."""
    text = format_time(split_s)
    if target_s is None:
        return text
    diff = round(split_s - target_s)
    if diff == 0:
        return f"{text}, on target"
    return f"{text}, {abs(diff)} s {'slow' if diff > 0 else 'fast'}"
