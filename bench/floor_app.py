"""The least a Textual program can do to show a countdown: the floor under runtimer's first frame.

Run as a script by the start-up benchmark, in the same tmux set-up and
virtualenv as runtimer, so the table can tell the stack's start-up cost from
runtimer's own. ``--pydantic`` also builds and validates one pydantic model
first, as runtimer must validate the workout before it opens the screen.
"""

from __future__ import annotations

import os
import sys

from textual.app import App, ComposeResult
from textual.widgets import Static

DIGIT_ROWS = 5


class FloorApp(App[None]):
    def __init__(self, seconds: int) -> None:
        super().__init__()
        self.seconds = seconds

    def compose(self) -> ComposeResult:
        yield Static("GET READY")
        yield Static("\n".join("█" * self.seconds for _ in range(DIGIT_ROWS)))

    def on_ready(self) -> None:
        if "--exit-at-first-frame" in sys.argv[1:]:  # for counting instructions (bench/instructions.py)
            os._exit(0)


def main() -> None:
    seconds = 3
    if "--pydantic" in sys.argv[1:]:
        from pydantic import BaseModel, PositiveInt

        class Countdown(BaseModel):
            seconds: PositiveInt

        seconds = Countdown.model_validate({"seconds": seconds}).seconds
    FloorApp(seconds).run()


if __name__ == "__main__":
    main()
