"""The engine's tunables: when it beeps, warns and says halfway, and how far the rest keys move a rest."""

from __future__ import annotations

from runtimer.plan.frozen import Frozen
from runtimer.plan.models import REST_FLOOR_S, REST_STEP_S

LEAD_IN_S = 3
"""The 3-2-1 before the first phase: time to put the phone down and set off."""


class EngineSettings(Frozen):
    """Defaults from the training notes; the runner's settings file can change the first three."""

    lead_in_s: int = LEAD_IN_S
    rest_step_s: float = REST_STEP_S
    rest_floor_s: float = REST_FLOOR_S
    halfway_min_s: float = 20
    """Shorter phases get no halfway cue: their 3-2-1 already covers half of them."""
    warn_s: int = 10
    warn_min_s: float = 30
    """Phases at least this long get a "ten seconds" heads-up; in shorter ones it would crowd the halfway."""
    beeps: int = 3
