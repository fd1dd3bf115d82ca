"""The session screen: the heart of the product, read from a metre or two away.

It shows a :class:`~runtimer.session.live.LiveSession` and forwards keys to
it. The session runs as this screen's worker, so leaving the screen cancels
it. Every label comes from :func:`~runtimer.tui.view.session_view`, computed
from the runner's clock-based snapshot when something changes: on every
event, and just after the countdown's shown second ticks over.

The summary, help and quit screens are imported when first opened, so the
first frame of ``runtimer run`` does not wait for code the lead-in never shows.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Resize
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Label
from textual.worker import Worker, WorkerState

from runtimer.engine import commands as c
from runtimer.engine import events as e
from runtimer.engine.machine import State
from runtimer.session.live import LiveSession
from runtimer.tui.layout import is_compact
from runtimer.tui.messages import SessionEvent
from runtimer.tui.view import (
    ALWAYS_SHOWN_KEYS,
    LapLine,
    SessionView,
    next_repaint_s,
    rests_now,
    session_view,
    sound_word,
    why_line,
)
from runtimer.tui.widgets.bigclock import BigClock
from runtimer.tui.widgets.buttonrow import ButtonRow
from runtimer.tui.widgets.keybar import KeyBar
from runtimer.tui.widgets.plain import PlainLabel
from runtimer.tui.widgets.progress import SessionProgress
from runtimer.tui.widgets.textrow import TextRow
from runtimer.tui.widgets.timeline import Timeline

LABELS = ("targets", "next")
"""The view's fields that are each one label's text, by the label's id."""
NOTICE_S = 2.0
"""How long a reply to a key (a refused rest change, the metronome switched) stays on screen."""
WARNING_S = 6.0
"""How long start-up warnings (history off, a skipped sound file) stay on screen."""
COLOURS = ("ready", "warmup", "sprint", "run", "recovery", "cooldown", "exercise")

BUTTONS = (
    ("pause_resume", "Pause"),
    ("skip", "Next"),
    ("back", "Back"),
    ("shorter", "Rest -"),
    ("longer", "Rest +"),
    ("add_rep", "+Rep"),
    ("finish_after_rep", "Finish"),
    ("lap", "Lap"),
)


class SessionScreen(Screen[None]):
    CSS_PATH = "session.tcss"
    BINDINGS = [  # noqa: RUF012 - Textual reads this class attribute
        # Two bindings on one key, so the footer names what space does now; neither shows in the lead-in.
        Binding("space", "pause", "Pause"),
        Binding("space", "resume", "Resume"),
        Binding("n", "skip", "Next"),
        Binding("b", "back", "Back"),
        Binding("minus", "shorter", "Rest -"),
        Binding("plus,equals_sign", "longer", "Rest +"),
        Binding("r", "add_rep", "+Rep"),
        Binding("f", "finish_after_rep", "Finish"),
        Binding("l,L", "lap", "Lap"),
        Binding("m", "mute", "Mute"),
        Binding("t", "metronome", "Click"),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit_session", "Quit"),
    ]

    view: var[SessionView | None] = var(None, init=False)
    """A var: the widgets it feeds repaint themselves; a reactive would repaint the whole screen."""

    def __init__(self, live: LiveSession) -> None:
        # Born in the lead-in's colours: a class changed after mounting restyles every widget again.
        super().__init__(classes="-ready")
        self.live = live
        live.subscribe(self._forward)
        self._quit_when_done = False
        self._next_repaint: Timer | None = None
        self._warnings: list[str] = []
        self._lap = LapLine()

    def compose(self) -> ComposeResult:
        yield TextRow(id="topline")
        yield BigClock(id="clock")
        yield PlainLabel(id="targets")
        yield Label(id="next")
        yield PlainLabel(id="why")
        yield Label(id="lap")
        yield Timeline(id="timeline")
        yield SessionProgress(id="progress")
        yield TextRow(id="status")
        yield ButtonRow(BUTTONS, id="buttons")
        yield KeyBar(pinned=ALWAYS_SHOWN_KEYS)

    def on_mount(self) -> None:
        why = why_line(self.live.prepared)
        self.query_one("#why", Label).update(why)
        self.query_one("#why").display = bool(why)
        self.query_one("#lap").display = False
        self._warnings = list(self.live.warnings())
        if self._warnings:  # the help screen lists each in full
            self._say(" · ".join(self._warnings), WARNING_S)
        self.run_worker(self.live.run(), name="runner", exit_on_error=False)
        self.live.start()
        self._repaint()

    def _say(self, text: str, seconds: float) -> None:
        """On the footer line, not in a toast: toasts float over the screen, and on a
        phone-sized terminal they covered the digits or the next phase."""
        self.query_one(KeyBar).say(text, seconds)

    def _repaint(self) -> None:
        snap = self.live.snapshot()
        if self._next_repaint is not None:
            self._next_repaint.stop()
        delay = next_repaint_s(snap)
        self._next_repaint = None if delay is None else self.set_timer(delay, self._repaint)
        audio = self.live.audio
        self.view = session_view(
            snap,
            self.live.engine,
            compact=self.has_class("-compact"),
            sound=sound_word(audio.muted, audio.status),
            metronome_on=self.live.metronome_on,
        )

    def watch_view(self, old: SessionView | None, new: SessionView | None) -> None:
        """Touch only what changed: a label given the same text still costs a repaint."""
        if new is None:
            return
        for name in LABELS:
            text = getattr(new, name)
            if old is None or getattr(old, name) != text:
                self.query_one(f"#{name}", Label).update(text)
        topline, status = self.query_one("#topline", TextRow), self.query_one("#status", TextRow)
        topline.cells, topline.tail = (new.phase,), new.rep
        status.cells, status.tail = (new.elapsed, new.remaining, new.rest), new.sound
        self.query_one(BigClock).text = new.clock
        self.query_one(SessionProgress).fraction = new.progress
        self.query_one("#targets").display = new.show_targets
        buttons = self.query_one(ButtonRow)
        buttons.set_label("pause_resume", new.pause_label)
        buttons.set_shown("pause_resume", new.can_pause)
        for colour in COLOURS:
            self.set_class(colour == new.colour, f"-{colour}")
        self.set_class(new.paused, "-paused")
        timeline = self.query_one(Timeline)
        timeline.phases = new.timeline
        timeline.current = new.current
        self.query_one(KeyBar).set_keys(new.pinned_keys, new.hidden_keys)
        if old is None or old.state is not new.state:
            self.refresh_bindings()  # the footer's space key says Pause or Resume, or is gone

    def on_resize(self, event: Resize) -> None:
        self.set_class(is_compact(event.size), "-compact")
        if self.is_mounted:
            self._repaint()

    def _forward(self, event: e.Event) -> None:
        self.post_message(SessionEvent(event))

    def on_session_event(self, message: SessionEvent) -> None:
        event = message.event
        match event:
            case e.Ignored(reason=reason):
                self._say(reason, NOTICE_S)
            case e.RepsChanged(reps=reps):
                self._say(f"{reps} {'rep' if reps == 1 else 'reps'} in all now", NOTICE_S)
            case e.RestAdjusted():
                self._say(rests_now(self.live.engine.rest_now_s), NOTICE_S)
        if self._lap.heard(event):
            lap = self.query_one("#lap", Label)
            lap.update(self._lap.text or "")
            lap.display = self._lap.text is not None
        self._repaint()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name != "runner" or event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        if event.state is WorkerState.ERROR:
            # Every phase that ended is already in the history; say what broke, and leave.
            # A Text, not a string: the console would read brackets in the error as markup
            # (its repr already writes control characters out).
            self.app.exit(return_code=1, message=Text(f"runtimer stopped: {event.worker.error!r}"))
            return
        if self._quit_when_done or self.live.summary is None:
            self.app.exit()
            return
        from runtimer.tui.screens.summary import SummaryScreen

        self.app.switch_screen(SummaryScreen(self.live))

    @on(ButtonRow.Pressed)
    async def _button(self, event: ButtonRow.Pressed) -> None:
        await self.run_action(event.action)

    def _send(self, command: c.Command) -> None:
        self.live.send(command)
        self._repaint()

    def check_action(self, action: str, _parameters: tuple[object, ...]) -> bool | None:
        """Space pauses a running phase and resumes a paused one; the lead-in cannot be paused."""
        state = self.live.engine.state
        if action == "pause":
            return state is State.RUNNING
        if action == "resume":
            return state is State.PAUSED
        return True

    def action_pause(self) -> None:
        self._send(c.Pause())

    def action_resume(self) -> None:
        self._send(c.Resume())

    def action_pause_resume(self) -> None:
        """The on-screen button, which names what it does next."""
        self._send(c.Toggle())

    def action_skip(self) -> None:
        self._send(c.Skip())

    def action_back(self) -> None:
        before = self.live.engine.index
        self._send(c.Back())
        if self.live.engine.index == before and self.live.engine.state is State.RUNNING:
            self._say("back to the start of this phase", NOTICE_S)  # the first: nothing before it

    def action_shorter(self) -> None:
        self._send(c.AdjustRest(-1))

    def action_longer(self) -> None:
        self._send(c.AdjustRest(+1))

    def action_add_rep(self) -> None:
        self._send(c.AddRep())

    def action_finish_after_rep(self) -> None:
        self._send(c.FinishAfterRep())

    def action_lap(self) -> None:
        self._send(c.Lap())

    def action_mute(self) -> None:
        audio = self.live.audio
        audio.set_muted(not audio.muted)
        self._say("muted" if audio.muted else "unmuted", NOTICE_S)
        self._repaint()

    def action_metronome(self) -> None:
        self.live.set_metronome(not self.live.metronome_on)
        said = f"metronome {'on' if self.live.metronome_on else 'off'}"
        if not self.live.snapshot().phase.cadence:
            said += " (it clicks on steps with a cadence)"
        self._say(said, NOTICE_S)
        self._repaint()

    def action_help(self) -> None:
        from runtimer.tui.screens.help import HelpScreen

        status = self.live.audio.status
        self.app.push_screen(HelpScreen(status, self._warnings, pause_resume=self.action_pause_resume))

    def action_quit_session(self) -> None:
        from runtimer.tui.screens.confirm import ConfirmScreen

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.stop_and_quit()

        self.app.push_screen(ConfirmScreen("Stop and quit? Saved as stopped."), confirmed)

    def stop_and_quit(self) -> None:
        """Stop the session, let the history catch up, then leave: nothing recorded is lost."""
        self._quit_when_done = True
        if self.live.finished:
            self.app.exit()
        else:
            self.live.stop()
