"""The runner's preferences, from ``settings.toml`` in the config folder.

Typed and validated like workouts, so a typo in the file is one clear line at
start-up rather than a surprise in the middle of a sprint.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from runtimer.coach.cadence import DEFAULT_CADENCE_STEP
from runtimer.coach.goal_pace import PaceRate, goal_pace, parse_percent_range
from runtimer.config.paths import settings_path
from runtimer.config.toml_file import read_model_file
from runtimer.engine.machine import EngineSettings
from runtimer.engine.tuning import LEAD_IN_S
from runtimer.errors import UserError
from runtimer.plan.durations import whole_seconds
from runtimer.plan.models import REST_FLOOR_S, REST_STEP_S
from runtimer.plan.targets import PaceField
from runtimer.plan.text import PlainText
from runtimer.plan.units import ImplausiblePace, Pace, check_plausible

Announce = Literal["tones", "voice", "both"]
ActivityFormat = Literal["fit", "tcx"]
"""The files a session goes out to a training log as (see :mod:`runtimer.interop`)."""


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)
    """Strict: ``muted = "no"`` is a mistake to report, not a truthy string."""

    volume: int = Field(default=80, ge=0, le=100)
    muted: bool = False
    announce: Announce = "both"
    """Tones only, spoken words only, or a tone followed by words."""
    lead_in_s: int = Field(default=LEAD_IN_S, ge=0, le=30)
    rest_step_s: int = Field(default=REST_STEP_S, ge=5, le=120)
    """How much "not gassed" (-) and "too hard" (+) move every remaining rest."""
    rest_floor_s: int = Field(default=REST_FLOOR_S, ge=1, le=600)
    metronome: bool = True
    """Click along with steps that have a cadence target."""
    cadence_step: int = Field(default=DEFAULT_CADENCE_STEP, ge=0, le=10)
    """How many steps a minute a cadence ramp starts higher after each finished session."""
    usual_pace: PaceField | None = None
    """Your everyday running pace (``8:30/mi``); with ``faster`` it sets the goal pace of ``@goal`` steps."""
    faster: PlainText = "20-25%"
    """How much faster than usual the goal pace is: the notes' 400 m repeats run 20-25% faster."""
    export_dir: str | None = None
    """A folder each finished or stopped session is written to as an activity file, for a sync tool."""
    export_format: ActivityFormat = "fit"
    """FIT unless told otherwise: every training log takes it, and it keeps treadmill or track and the
    laps inside a phase, which TCX cannot say."""

    @property
    def export_path(self) -> Path | None:
        return Path(self.export_dir).expanduser() if self.export_dir else None

    @field_validator("faster")
    @classmethod
    def _percent_range(cls, text: str) -> str:
        parse_percent_range(text)
        return text

    def engine_settings(self) -> EngineSettings:
        """The engine's tunables from the runner's choices (the engine itself knows no settings file)."""
        return EngineSettings(
            lead_in_s=self.lead_in_s, rest_step_s=self.rest_step_s, rest_floor_s=self.rest_floor_s
        )

    def goal(self, usual_pace: Pace | None = None) -> Pace | None:
        """The goal pace in whole seconds, in the unit the usual pace was given in."""
        usual = usual_pace or self.usual_pace
        if usual is None:
            return None
        target = goal_pace(PaceRate.from_pace(usual), *parse_percent_range(self.faster)).target
        goal = Pace(whole_seconds(target.seconds_per(usual.unit)), usual.unit)
        shown = f"the goal pace {goal} ({self.faster} faster than {usual})"
        try:  # each is plausible alone, but "faster" near 100% makes a sprint no one can run
            check_plausible(target.seconds_per_km, shown)
        except ImplausiblePace as error:
            raise UserError(str(error)) from None
        return goal


def load_settings(path: Path | None = None) -> Settings:
    """Defaults when the file is absent; a :class:`UserError` line when it is wrong."""
    settings = read_model_file(path or settings_path(), Settings)
    return Settings() if settings is None else settings
