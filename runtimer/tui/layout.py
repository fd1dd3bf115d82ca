"""Where a screen switches to its compact layout: a phone's terminal, or a window squeezed beside a video.

Below either limit the session screen keeps only the phase, the digits and
the rep, and the history only its table. The picker holds more (five quick
edits on one row, the phase list under the workouts), so it turns compact
sooner, keeping only the workouts, the quick edits two to a row and the typed
workout.
"""

from __future__ import annotations

from textual.geometry import Size

COMPACT_WIDTH = 60
COMPACT_HEIGHT = 18


PICKER_COMPACT_WIDTH = 76
"""Five quick-edit labels, their margins, and six cells for each value (``10:00`` and the cursor)."""
PICKER_COMPACT_HEIGHT = 22
"""Every row above the phase list, and room in it for the header and two phases."""


def is_compact(size: Size) -> bool:
    return size.width < COMPACT_WIDTH or size.height < COMPACT_HEIGHT


def picker_is_compact(size: Size) -> bool:
    return size.width < PICKER_COMPACT_WIDTH or size.height < PICKER_COMPACT_HEIGHT
