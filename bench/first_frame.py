"""``runtimer ARGS`` that exits once its first frame is drawn, for counting start-up instructions.

The hook is patched in here, from outside, just before the command runs: the
app's own ``on_ready`` (Textual's "first frame is on screen") ends the process.
"""

from __future__ import annotations

import gc
import os
import sys

gc.disable()  # as runtimer.entry does first thing; it is called again below, harmlessly

from runtimer.entry import main  # noqa: E402 - after the collector is parked, as in the real entry point
from runtimer.tui.app import RuntimerApp  # noqa: E402

shown = RuntimerApp.on_ready


def on_ready_then_exit(self: RuntimerApp) -> None:
    """Leave at once: the count stops at the first frame, not after Textual's shutdown."""
    shown(self)
    os._exit(0)


RuntimerApp.on_ready = on_ready_then_exit  # type: ignore[method-assign]
sys.argv[0] = "runtimer"
raise SystemExit(main())
