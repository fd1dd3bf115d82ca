"""The ``runtimer`` command's entry point: start-up with the cyclic garbage collector parked.

Start-up builds a few hundred thousand objects that live as long as the
process (Textual's and pydantic's classes, the stylesheet, the screen) and
almost no cyclic garbage, yet the collector walks them again and again while
they pile up: about 50 ms of a launch on a small machine. So collection waits
until the first frame is on screen, where :mod:`runtimer.launch` freezes what
start-up built and turns it back on. Commands that never open the screen
(``list``, ``history``...) end with collection still parked: they are short,
and what they allocate is freed by reference counting.

Pydantic plugins are switched off unless the environment says otherwise:
runtimer uses none, and looking for them reads the metadata of every package
installed beside it when the first model is built.
"""

from __future__ import annotations

import gc
import os


def main() -> int:
    gc.disable()
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from runtimer.cli.main import main as cli_main  # imported only now: its imports are most of start-up

    return cli_main()
