"""A button for the mouse or a finger that never takes keyboard focus.

A focused button would swallow Enter and Space, the keys a runner hits
without looking; keys belong to the screen's bindings instead.
"""

from __future__ import annotations

from textual.widgets import Button


class TouchButton(Button, can_focus=False):
    pass
