"""Every key, on one screen: the footer cannot fit them all at 80 columns."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label

from runtimer.tui.widgets.plain import PlainLabel

KEYS = (
    ("space", "pause / resume"),
    ("n", "next phase (skip the rest of this one)"),
    ("b", "back to the start of the previous phase"),
    ("-", "not gassed: shorten this and every later rest"),
    ("+", "too hard: lengthen this and every later rest"),
    ("r", "one more rep"),
    ("f", "finish after this rep"),
    ("l", "lap: end an open phase (400 m at the line) or take a split"),
    ("m", "mute / unmute"),
    ("t", "metronome on / off (steps with a cadence)"),
    ("?", "this help"),
    ("q", "stop and quit (the session is kept as stopped)"),
)


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [  # noqa: RUF012
        Binding("escape,question_mark,q,enter", "dismiss", "Close"),
        Binding("space", "pause_resume", "Pause"),
    ]

    def __init__(self, sound: str, warnings: Sequence[str], pause_resume: Callable[[], None]) -> None:
        super().__init__()
        self._pause_resume = pause_resume
        """Space still pauses with the help open: it is the key a runner reaches for without looking."""
        self.sound = sound
        """The sound status with its reason ("sound off: no sound device ..."), too long for the session."""
        self.warnings = warnings
        """What the session said when it started (history off, a sound file skipped), in full:
        the footer line showed each for a few seconds and cut the long ones."""

    def action_pause_resume(self) -> None:
        self._pause_resume()

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog"):
            yield Label("Keys during a session", id="help-title")
            for key, meaning in KEYS:
                yield Label(f"[b]{key:>5}[/b]  {meaning}", classes="help-row")
            yield PlainLabel(self.sound, id="help-sound")
            for warning in self.warnings:
                yield PlainLabel(warning, classes="help-warning")
            yield Label("space still pauses; any of esc ? q enter closes this", id="help-close")
