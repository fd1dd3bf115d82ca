"""Active time: the seconds a session has spent running, which a pause never counts.

The engine keeps its phases in active time and converts to the monotonic
clock only to say when it next wants waking, so a pause of any length (or a
late tick) cannot move a boundary.
"""

from __future__ import annotations

import math


class ActiveTime:
    def __init__(self) -> None:
        self._held = 0.0
        """Active time when the session last stopped running (or was started)."""
        self._since = 0.0
        """The monotonic moment it started running again."""

    def at(self, now: float, running: bool) -> float:
        return self._held + (now - self._since) if running else self._held

    def restart(self, active: float, now: float) -> None:
        """From ``now`` on, count from ``active``: a pause holds it, a resume runs on from it."""
        self._held, self._since = active, now

    def moment(self, active: float) -> float:
        """The monotonic moment active time was ``active``, counting on from the last restart."""
        return self._since + (active - self._held)

    def monotonic(self, target: float) -> float:
        """The earliest monotonic moment at which active time (running) has reached ``target``.

        Active and monotonic time differ by sums that can round apart by a bit, so
        the moment is nudged until waking at it is sure to find the target reached.
        """
        moment = self._since + (target - self._held)
        while self.at(moment, running=True) < target:
            moment = math.nextafter(moment, math.inf)
        return moment
