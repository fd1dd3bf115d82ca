"""Pace targets as runners write them: ``6:30/mi`` or ``4:00/km``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

PaceUnit = Literal["mi", "km"]
PACE_HINT = "try 6:30/mi or 4:00/km"
_PACE = re.compile(r"(\d{1,2}):(\d{2})/(mi|km)")


@dataclass(frozen=True)
class Pace:
    """Time per mile or kilometre, in whole seconds."""

    seconds: int
    unit: PaceUnit

    def __str__(self) -> str:
        minutes, secs = divmod(self.seconds, 60)
        return f"{minutes}:{secs:02d}/{self.unit}"


def parse_pace(text: str) -> Pace:
    """Read ``M:SS/mi`` or ``M:SS/km``; the message of the ``ValueError`` is user-facing."""
    match = _PACE.fullmatch(text.strip().lower())
    if not match:
        raise ValueError(f'"{text}" is not a pace ({PACE_HINT})')
    minutes, secs, unit = match.groups()
    if int(secs) >= 60:
        raise ValueError(f'"{text}" has 60 or more seconds ({PACE_HINT})')
    seconds = int(minutes) * 60 + int(secs)
    if seconds == 0:
        raise ValueError(f'"{text}" is not a pace ({PACE_HINT})')
    return Pace(seconds, "mi" if unit == "mi" else "km")
