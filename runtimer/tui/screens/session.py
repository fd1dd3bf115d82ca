"""The session screen: the heart of the product, read from a metre or two away.

It owns the runner (as a worker, so leaving the screen cancels it), forwards
engine events to itself as messages, and repaints from the runner's
clock-based snapshot when something changes: on every event, and just after
the countdown's shown second ticks over. Widgets only display.

The summary, help and quit screens are imported when first opened, so the
first frame of ``runtimer run`` does not wait for code the lead-in never shows.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import Resize
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Label
from textual.worker import Worker, WorkerState

from runtimer.audio.cues import CuePlayer
from runtimer.engine import commands as c
from runtimer.engine import events as e
from runtimer.engine.machine import Engine, EngineSettings, Snapshot, State
from runtimer.plan.durations import format_clock, format_time
from runtimer.plan.models import StepKind
from runtimer.plan.phases import Phase, reference_rest
from runtimer.session.prepare import PreparedSession
from runtimer.session.recorder import SessionRecorder
from runtimer.session.runner import Runner
from runtimer.tui.labels import next_line, phase_name, signed_seconds, split_text
from runtimer.tui.layout import is_compact
from runtimer.tui.messages import SessionEvent
from runtimer.tui.services import Services
from runtimer.tui.widgets.bigclock import BigClock
from runtimer.tui.widgets.keybar import KeyBar
from runtimer.tui.widgets.progress import SessionProgress
from runtimer.tui.widgets.timeline import Timeline, kind_class
from runtimer.tui.widgets.touch import TouchButton

REPAINT_AFTER_S = 0.005
"""Repaint just after the shown second changes, not on a fixed beat: a quiet screen costs no CPU."""
PROGRESS_STEPS = 200
"""The progress bar moves in half-percent steps; finer changes would redraw nothing visible."""
SIZED_TO_TEXT = ("rep", "sound")
"""Labels as wide as what they say, so that it is never cut; the others share what is left."""
NOTICE_S = 2.0
"""How long a reply to a key (a refused rest change, the metronome switched) stays on screen."""
WARNING_S = 6.0
"""How long start-up warnings (history off, a skipped sound file) stay on screen."""
PHASE_CLASSES = ("-warmup", "-sprint", "-run", "-recovery", "-cooldown", "-exercise")
KINDS_AFTER_AN_EFFORT = frozenset({*(kind for kind in StepKind if kind.is_recovery), StepKind.COOLDOWN})
"""Phases that keep the last lap on screen: the split is read while getting the breath back."""

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

    def __init__(self, prepared: PreparedSession, services: Services) -> None:
        # Born in the lead-in's colours: a class changed after mounting restyles every widget again.
        super().__init__(classes="-ready")
        self.prepared = prepared
        self.services = services
        settings = services.settings
        engine = Engine(
            prepared.phases,
            EngineSettings(
                lead_in_s=settings.lead_in_s,
                rest_step_s=settings.rest_step_s,
                rest_floor_s=settings.rest_floor_s,
            ),
        )
        self.runner = Runner(engine, services.clock)
        self.cues = CuePlayer(services.audio, settings.announce, settings.metronome)
        self.recorder = SessionRecorder(
            services.store, prepared.name, prepared.plan_text, prepared.reps_planned, prepared.rest_s
        )
        self.runner.subscribe(self.cues)
        self.runner.subscribe(self.recorder)
        self.runner.subscribe(self._forward)
        self._quit_when_done = False
        self._shown: dict[str, str] = {}
        self._next_repaint: Timer | None = None
        self._painted_state: State | None = None
        self._warnings: list[str] = []
        self._lapped_index = -2
        """The phase the last shown split was taken in: it stays through the phase after."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="topline"):
            yield Label(id="phase")
            yield Label(id="rep")
        yield BigClock(id="clock")
        yield Label(id="targets")
        yield Label(id="next")
        yield Label(id="why")
        yield Label(id="lap")
        yield Timeline(id="timeline")
        yield SessionProgress(id="progress")
        with Horizontal(id="status"):
            yield Label(id="elapsed")
            yield Label(id="remaining")
            yield Label(id="rest")
            yield Label(id="sound")
        with Horizontal(id="buttons"):
            for action, label in BUTTONS:
                yield TouchButton(label, id=f"do-{action}")
        yield KeyBar(pinned=("help", "quit_session"))

    def on_mount(self) -> None:
        progression = self.prepared.progression
        reasons = [progression.reason] if progression and progression.previous_rest_s is not None else []
        if self.prepared.cadence is not None:
            reasons.append(self.prepared.cadence.reason)
        why = " · ".join(reasons)
        self._set_text("why", why)
        self.query_one("#why").display = bool(why)
        self.query_one("#lap").display = False
        self._warnings = [*self.recorder.take_notices(), *self.services.audio.problems]
        if self._warnings:  # the help screen lists each in full
            self._say(" · ".join(self._warnings), WARNING_S)
        self.run_worker(self.runner.run(), name="runner", exit_on_error=False)
        self.runner.send(c.Start())
        self._repaint()
        self._choose_keys()

    # ------------------------------------------------------------ display

    def _set_text(self, widget_id: str, text: str) -> None:
        """Update a label only when its text changes; only those sized to their text need a new layout."""
        if self._shown.get(widget_id) != text:
            self._shown[widget_id] = text
            self.query_one(f"#{widget_id}", Label).update(text, layout=widget_id in SIZED_TO_TEXT)

    def _say(self, text: str, seconds: float) -> None:
        """On the footer line, not in a toast: toasts float over the screen, and on a
        phone-sized terminal they covered the digits or the next phase."""
        self.query_one(KeyBar).say(text, seconds)

    def _schedule_repaint(self, snap: Snapshot) -> None:
        """Wake when the digits next change: counting down, when the time left crosses a whole second."""
        if self._next_repaint is not None:
            self._next_repaint.stop()
            self._next_repaint = None
        if snap.state is State.COUNTDOWN:
            delay = snap.lead_in_remaining_s % 1.0
        elif snap.state is State.RUNNING and snap.remaining_s is not None:
            delay = snap.remaining_s % 1.0
        elif snap.state is State.RUNNING:
            delay = 1.0 - snap.phase_elapsed_s % 1.0
        else:
            return
        self._next_repaint = self.set_timer((delay or 1.0) + REPAINT_AFTER_S, self._repaint)

    def _repaint(self) -> None:
        snap = self.runner.snapshot()
        self._schedule_repaint(snap)
        self._paint_phase(snap)
        clock = self.query_one(BigClock)
        if snap.state is State.COUNTDOWN:
            clock.text = format_clock(snap.lead_in_remaining_s)
        elif snap.remaining_s is None:
            clock.text = format_clock(snap.phase_elapsed_s)
        else:
            clock.text = format_clock(snap.remaining_s)
        self.query_one(SessionProgress).fraction = round(snap.progress * PROGRESS_STEPS) / PROGRESS_STEPS
        self._set_text("elapsed", f"elapsed {format_clock(math.floor(snap.elapsed_s))}")
        laps = any(p.is_open for p in self.runner.engine.phases[snap.index :])  # this one too
        self._set_text("remaining", f"left {format_clock(snap.remaining_total_s)}{' + laps' if laps else ''}")
        pause = self.query_one("#do-pause_resume", TouchButton)
        pause.label = "Resume" if snap.state is State.PAUSED else "Pause"
        pause.display = snap.state in (State.RUNNING, State.PAUSED)  # the lead-in cannot be paused
        self._set_text(
            "rest", f"rest {signed_seconds(snap.rest_adjust_s)}" if snap.rest_adjust_s else "rest as planned"
        )
        sound = self._sound_word() or "sound on"
        if snap.phase.cadence:
            sound += f" · click {'on' if self.cues.metronome_on else 'off'}"
        self._set_text("sound", sound)

    def _paint_phase(self, snap: Snapshot) -> None:
        phase = snap.phase
        paused = snap.state is State.PAUSED
        ready = snap.state in (State.READY, State.COUNTDOWN)
        name = "GET READY" if ready else phase_name(phase.kind)
        if paused:
            name = f"PAUSED · {name}"
        if phase.kind is StepKind.EXERCISE and phase.note and not ready:
            name += f" · {phase.note}"  # the move itself, which the compact layout must keep
        compact = self.has_class("-compact")
        if phase.duration is None and not ready and not compact:  # compact: the footer keeps "l Lap"
            name += " · press l at the line"
        self._set_text("phase", name)
        if ready:
            rep = self._sound_word()  # the lead-in is when to learn that no cue will be heard
        else:
            rep = f"Rep {phase.rep} / {phase.reps}" if phase.rep is not None else ""
            if compact and self._sound_word():  # the status line is hidden
                rep = " · ".join(filter(None, (rep, self._sound_word())))
        self._set_text("rep", rep)
        if snap.state is not self._painted_state:
            self._painted_state = snap.state
            self.refresh_bindings()  # the footer's space key says Pause or Resume, or is gone
        upcoming = phase if ready else snap.next_phase
        self._set_text("next", next_line(upcoming))
        self._set_text("targets", phase.targets_label)
        # A pace or cadence target is worth a compact screen's row; an empty line is not.
        self.query_one("#targets").display = bool(phase.targets_label) or not compact
        for css_class in PHASE_CLASSES:
            self.set_class(css_class == f"-{kind_class(phase.kind)}" and not ready, css_class)
        self.set_class(paused, "-paused")
        self.set_class(ready, "-ready")
        timeline = self.query_one(Timeline)
        timeline.phases = self.runner.engine.phases
        timeline.current = -1 if ready else snap.index

    def _choose_keys(self) -> None:
        """The footer offers what can act now: the lap key at an open phase, no rest keys without rests.

        The keys left out still work (and say why they change nothing); they
        only give up their room, so the footer can show the ones that matter.
        Only an engine event changes what can act, so this runs on events, not
        on the once-a-second repaint.
        """
        snap = self.runner.snapshot()
        ready = snap.state in (State.READY, State.COUNTDOWN)
        engine = self.runner.engine
        phases = engine.phases[snap.index :]
        phase = snap.phase
        hidden = []
        if not engine.rests_can_shorten:
            hidden.append("shorter")
        if not engine.rests_ahead:
            hidden.append("longer")
        if not any(p.block is not None for p in phases):
            hidden.append("add_rep")
        if phase.block is None or phase.rep is None or phase.rep == phase.reps:
            hidden.append("finish_after_rep")
        if not phase.cadence:
            hidden.append("metronome")
        pinned = ["help", "quit_session"]
        if phase.duration is None and not ready:
            pinned.append("lap")
        if phase.cadence and not ready:
            pinned.append("metronome")
        self.query_one(KeyBar).set_keys(pinned, hidden)

    def _sound_word(self) -> str:
        """ "muted" or "sound off" (its reason is on the help screen), or nothing when cues are heard."""
        audio = self.services.audio
        if audio.muted:
            return "muted"
        return "" if audio.status == "sound on" else audio.status.split(":")[0]

    def on_resize(self, event: Resize) -> None:
        self.set_class(is_compact(event.size), "-compact")
        if self.is_mounted:
            self._paint_phase(self.runner.snapshot())

    # ------------------------------------------------------------- events

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
                self._say(self._rests_now(), NOTICE_S)
            case e.PhaseStarted(index=index, phase=phase) if phase.kind not in KINDS_AFTER_AN_EFFORT:
                if index != self._lapped_index + 1:  # a lap-ended 400 straight after another keeps it
                    self.query_one("#lap").display = False
            case e.LapRecorded(split=split):
                lap = split_text(split.split_s, split.phase.target_split_s)
                self._set_text("lap", f"last lap {lap}")
                self.query_one("#lap").display = True
                if split.phase.kind not in KINDS_AFTER_AN_EFFORT:  # a split taken in a jog ends with it
                    self._lapped_index = split.index
        self._repaint()
        self._choose_keys()

    def _rests_now(self) -> str:
        """Names the rest a runner is in or about to start: the reference rest history keeps
        can be another block's, which this press did not touch."""
        rest = self.runner.engine.rest_now_s
        return f"rests {format_time(rest)} now" if rest else "no rest left to change"

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name != "runner" or event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        if event.state is WorkerState.ERROR:
            # Every phase that ended is already in the history; say what broke, and leave.
            self.app.exit(return_code=1, message=f"runtimer stopped: {event.worker.error!r}")
            return
        if self._quit_when_done or self.runner.engine.summary is None:
            self.app.exit()
            return
        from runtimer.tui.screens.summary import SummaryScreen

        self.app.switch_screen(SummaryScreen(self.prepared, self.runner, self.recorder))

    # ------------------------------------------------------------ actions

    @on(TouchButton.Pressed)
    async def _button(self, event: TouchButton.Pressed) -> None:
        action = (event.button.id or "").removeprefix("do-")
        await self.run_action(action)

    def _send(self, command: c.Command) -> None:
        self.runner.send(command)
        self._repaint()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Space pauses a running phase and resumes a paused one; the lead-in cannot be paused."""
        state = self.runner.engine.state
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
        before = self.runner.engine.index
        self._send(c.Back())
        if self.runner.engine.index == before and self.runner.engine.state is State.RUNNING:
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
        audio = self.services.audio
        audio.set_muted(not audio.muted)
        self._say("muted" if audio.muted else "unmuted", NOTICE_S)
        self._repaint()

    def action_metronome(self) -> None:
        snap = self.runner.snapshot()
        self.cues.set_metronome(not self.cues.metronome_on, snap.phase_elapsed_s)
        said = f"metronome {'on' if self.cues.metronome_on else 'off'}"
        if not snap.phase.cadence:
            said += " (it clicks on steps with a cadence)"
        self._say(said, NOTICE_S)
        self._repaint()

    def action_help(self) -> None:
        from runtimer.tui.screens.help import HelpScreen

        audio = self.services.audio
        self.app.push_screen(HelpScreen(audio.status, self._warnings, pause_resume=self.action_pause_resume))

    def action_quit_session(self) -> None:
        from runtimer.tui.screens.confirm import ConfirmScreen

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.stop_and_quit()

        self.app.push_screen(ConfirmScreen("Stop and quit? Saved as stopped."), confirmed)

    def stop_and_quit(self) -> None:
        """Stop the session, let the history catch up, then leave: nothing recorded is lost."""
        self._quit_when_done = True
        if self.runner.finished:
            self.app.exit()
        else:
            self.runner.send(c.Stop())


def _rest_text(phases: Sequence[Phase], adjust_s: float) -> str:
    """``rest 1:45 (-15 s)``: the rest now, and how far this session has moved it."""
    rest = reference_rest(phases)
    if rest is None:
        return ""
    return f"rest {format_time(rest)}" + (f" ({signed_seconds(adjust_s)})" if adjust_s else "")
