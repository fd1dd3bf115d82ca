"""Where a screen switches to its compact layout: a phone's terminal, or a window squeezed beside a video.

Below either limit the session screen keeps only the phase, the digits and
the rep, and the picker only the workouts, the quick edits and the typed
workout; the limits are shared so every screen turns compact together.
"""

from __future__ import annotations

from textual.geometry import Size

COMPACT_WIDTH = 60
COMPACT_HEIGHT = 18


def is_compact(size: Size) -> bool:
    return size.width < COMPACT_WIDTH or size.height < COMPACT_HEIGHT
