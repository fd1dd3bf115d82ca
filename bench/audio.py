"""Does the sound keep time? Cue latency, metronome spacing and cue onsets, each against a reference.

Every sound is played for real, by simpleaudio through ALSA, in a fresh Python
process whose HOME holds the ``.asoundrc`` that picks a stand-in sound card
(tests/audio_capture.py): ALSA reads its configuration once per process, and
the benchmark's own process never opens a device. Two stand-ins, for two
kinds of question:

* ALSA's ``file`` plugin over the ``null`` device appends every stream, as
  handed to ALSA, to a file. It consumes faster than real time, so it shows
  what a stream contains, never when it was heard.
* A private PulseAudio server with a null sink, recorded from its monitor by
  ``parec``, hears in real time: the gap between two sounds in the recording
  is the gap a listener would hear (plus the capture chain's own jitter,
  which falls alike on runtimer and its reference).

The three measurements:

1. Cue latency (file capture): a real Runner on the monotonic clock, with the
   CuePlayer, the history recorder and a screen-like snapshot reader attached
   as the session screen attaches them, runs short sprint/jog phases. Latency
   is the moment ``play()`` returns minus the boundary's ideal monotonic time.
   Reference: the same ``SimpleaudioOutput.play()`` calls from a bare loop
   that sleeps until each boundary. That is runtimer's own floor: the same
   library lookup, stream start and bookkeeping, without the runner, the
   event loop or the subscriber queues, so the difference between the columns
   is what runtimer's scheduling costs. (A bare ``simpleaudio.play_buffer``
   would leave out the output's lock and clean-up, which every real cue pays,
   and so compare against a floor runtimer could never reach.)
2. Metronome beat spacing (samples from one beat onset to the next, against
   the 14700 of 44.1 kHz at 180 spm). In the file capture this is the spacing
   the click track itself encodes. A metronome that starts one short sound
   per beat cannot be measured there: its clicks land back to back in the
   file with none of the time between them. So the reference, one
   ``asyncio.sleep(60 / spm)`` timer per beat, is measured from the PulseAudio
   recording, and runtimer's metronome is recorded there too, with one-bar
   segments so that several segment starts (a fresh stream, started on the
   monotonic clock) fall inside a few seconds.
3. Cue onsets (PulseAudio): a short session of 1 s phases through the runner,
   and the naive loop of bench/timing.py (sleep a fixed step, count down)
   playing the same cues. The recording's sample 0 has no known monotonic
   time, so absolute onsets cannot be compared with phase starts; intervals
   between consecutive onsets can, against the intervals between ideal phase
   starts. The first boundary is left out: its two cues (``session_start``
   and ``go``) start together and overlap, so neither onset is clean.

Onsets are the first sample above a threshold after a stretch of quiet
(tests.support.audio_capture.onsets), less the number of samples the cue's own
waveform takes to cross that threshold, so cues with slow attacks (jog takes
4 ms) are not counted late.

What the stand-ins add, to both columns alike:

* The file capture's ``|cat >> file`` starts a shell for every stream, inside
  ``play()``: there it took 0.5-5 ms, against 0.2 ms on a bare ``null``
  device and 1.5-4 ms through PulseAudio (measured on the machine this was
  written on). Latency here is therefore an upper figure for a real card.
* PulseAudio runs at simpleaudio's default latency. The 4 ms the tests ask
  for short sounds garbles longer ones (a sprint cue lost most of its
  energy), and runtimer's cues and metronome segments are long; at the
  default, a new stream's start lands a few ms early or late in the
  recording. Every naive click is a new stream, as is every cue, and every
  segment start of runtimer's metronome.
* With fewer than 100 boundaries, the nearest-rank p99 is the maximum.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import sys
import tempfile
import time
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.programs import BenchError
from bench.table import Row, median, ms, percentile, render
from bench.timing import NAIVE_STEP_S, Subscribers, ideal_starts, schedule
from runtimer.audio.base import AudioOutput
from runtimer.audio.cues import CuePlayer
from runtimer.audio.library import SAMPLE_RATE, SAMPLE_WIDTH, load_library, silence_bytes
from runtimer.audio.metronome import SEGMENT_LEAD_IN, beat_offset, beats_between, segment_bounds
from runtimer.audio.simpleaudio_out import PROBE_S, SimpleaudioOutput
from runtimer.engine import commands as c
from runtimer.engine import events as e
from runtimer.engine.machine import Engine, EngineSettings
from runtimer.plan.phases import Phase
from runtimer.session.clock import MonotonicClock
from runtimer.session.recorder import SessionRecorder
from runtimer.session.runner import Runner
from runtimer.store.null import open_store
from tests.support.audio_capture import (
    PulseCapture,
    file_capture_home,
    isolated_env,
    onsets,
    pulse_capture,
    pulse_missing,
    read_s16,
    run_python,
    wait_for_size,
)

ROOT = Path(__file__).resolve().parent.parent
SPM = 180
LATENCY_PHASE_S = 0.5
ONSET_PHASE_S = 1.0
"""Long enough that the longest phase cue (jog, 0.75 s) ends well before the next begins."""
LATENCY_ROUND_S = 5.0
"""The runner and its reference take turns this long, so a burst of load on the shared machine hits both."""
SETTLE_S = 0.3
"""A pause before timed work, so the device probe and process start-up are over."""
CLICK_THRESHOLD, CLICK_QUIET = 300, 2000
CUE_THRESHOLD, CUE_QUIET = 2000, 4410
"""Cues rise and fall inside themselves; 100 ms of quiet separates one cue from the next."""
CHILD_TIMEOUT_S = 120.0
APP_SEGMENT_S = 30.0
"""SimpleaudioOutput's own metronome segment length."""
FILE_METRONOME_S = 1.0
"""Enough for the file capture, which takes a whole segment the moment it starts."""
BAR_SEGMENT_S = 1.0
"""Segment length for the real-time metronome: one bar, so a few seconds cross several segment starts."""


# ------------------------------------------------------------ in the child process


class TimedOutput(SimpleaudioOutput):
    """A SimpleaudioOutput that notes each cue and the moment its ``play()`` returned."""

    def __init__(self) -> None:
        super().__init__()
        self.returned: list[tuple[str, float]] = []

    def play(self, cue: str) -> None:
        super().play(cue)
        self.returned.append((cue, time.monotonic()))


def cue_plan(phases: Sequence[Phase]) -> list[tuple[str, ...]]:
    """The tones CuePlayer plays at each boundary with no lead-in: start, each phase change, finish.

    Phase tones share their kind's name for sprint and jog; the runner's
    actual plays are checked against this plan, so a change in CuePlayer
    shows up as an error rather than as a skewed comparison.
    """
    changes = [(phase.kind.value,) for phase in phases[1:]]
    return [("session_start", "go"), *changes, ("finished",)]


async def app_session(out: AudioOutput, phases: list[Phase], folder: Path) -> float:
    """Runs ``phases`` as the session screen does and returns the monotonic time of its start.

    Subscribed in the screen's order: the cue player, the history recorder (a
    real SQLite store, written from worker threads) and, standing in for the
    screen, a reader of the runner's snapshot on every event.
    """
    clock = MonotonicClock()
    runner = Runner(Engine(phases, EngineSettings(lead_in_s=0)), clock)
    store = open_store(folder / "history.sqlite3")

    def screen(_event: e.Event) -> None:
        runner.snapshot()

    runner.subscribe(CuePlayer(out, "tones"))
    runner.subscribe(SessionRecorder(store, "bench", "bench", len(phases) // 2, None))
    runner.subscribe(screen)
    start = clock.now()
    runner.send(c.Start())
    await runner.run()
    store.close()
    return start


def boundary_latency(
    returned: Sequence[tuple[str, float]], plan: Sequence[tuple[str, ...]], ideal: Sequence[float]
) -> list[float]:
    """For each boundary, when its phase cue (the last of its tones) returned, less its ideal time."""
    played = [cue for cue, _ in returned]
    wanted = [cue for tones in plan for cue in tones]
    if played != wanted:
        raise BenchError(f"cues played {played}, expected {wanted}")
    ends = itertools.accumulate(len(tones) for tones in plan)
    return [returned[end - 1][1] - at for end, at in zip(ends, ideal, strict=True)]


def play_latency(total_s: float) -> dict[str, object]:
    """Cue latency through the runner and from the sleep-scheduled loop, taking turns."""
    out = TimedOutput()
    rounds = max(1, round(total_s / LATENCY_ROUND_S))
    phases = schedule(total_s / rounds, LATENCY_PHASE_S)
    plan = cue_plan(phases)
    runner: list[float] = []
    reference: list[float] = []
    time.sleep(SETTLE_S)
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(rounds):
            out.returned.clear()
            start = asyncio.run(app_session(out, phases, Path(folder)))
            runner += boundary_latency(out.returned, plan, ideal_starts(start, phases))
            out.returned.clear()
            ideal = ideal_starts(time.monotonic() + SETTLE_S, phases)
            for tones, at in zip(plan, ideal, strict=True):
                time.sleep(max(0.0, at - time.monotonic()))
                for tone in tones:
                    out.play(tone)
            reference += boundary_latency(out.returned, plan, ideal)
    out.close()
    return {"status": out.status, "runner": runner, "reference": reference}


def play_metronome(seconds: float, segment_s: float) -> dict[str, object]:
    """runtimer's metronome at SPM for ``seconds``, in segments of about ``segment_s``."""
    out = SimpleaudioOutput(metronome_segment_s=segment_s)
    time.sleep(SETTLE_S)
    out.start_metronome(SPM)
    time.sleep(seconds)
    out.stop_metronome()
    out.close()
    return {"status": out.status}


def play_naive_metronome(seconds: float) -> dict[str, object]:
    """The metronome most code would write: one click, one timer, per beat."""

    async def tick() -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            out.play("click")
            await asyncio.sleep(60 / SPM)

    out = SimpleaudioOutput()
    time.sleep(SETTLE_S)
    asyncio.run(tick())
    out.close()
    return {"status": out.status}


def play_session(count: float) -> dict[str, object]:
    """A session of ``count`` phases through the runner, as the app runs it."""
    out = SimpleaudioOutput()
    time.sleep(SETTLE_S)
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(app_session(out, schedule(count * ONSET_PHASE_S, ONSET_PHASE_S), Path(folder)))
    out.close()
    return {"status": out.status}


def play_naive_session(count: float) -> dict[str, object]:
    """The same cues from bench/timing.py's naive loop: sleep a fixed step, subtract it, repeat."""

    async def count_down(phases: list[Phase], subscribers: Subscribers) -> None:
        for tones, phase in zip(cue_plan(phases), [*phases, None], strict=True):
            for tone in tones:
                out.play(tone)
            remaining = (phase.duration or 0) if phase else 0
            while remaining > 1e-9:
                await asyncio.sleep(NAIVE_STEP_S)
                remaining -= NAIVE_STEP_S
                subscribers.screen(remaining)
            if phase:
                subscribers.history(phase.kind, phase.duration or 0, phase.duration or 0)

    out = SimpleaudioOutput()
    time.sleep(SETTLE_S)
    with tempfile.TemporaryDirectory() as folder:
        subscribers = Subscribers(Path(folder), lambda: None)
        asyncio.run(count_down(schedule(count * ONSET_PHASE_S, ONSET_PHASE_S), subscribers))
        subscribers.close()
    out.close()
    return {"status": out.status}


CHILDREN: Mapping[str, Callable[..., dict[str, object]]] = {
    "latency": play_latency,
    "metronome": play_metronome,
    "naive-metronome": play_naive_metronome,
    "session": play_session,
    "naive-session": play_naive_session,
}


def child() -> None:
    """Entry point of the playing process: ``ROLE NUMBER...`` in argv; prints its result as JSON."""
    role, *values = sys.argv[1:]
    print(json.dumps(CHILDREN[role](*map(float, values))))


# ------------------------------------------------------------ in the benchmark process


def run_child(env: Mapping[str, str], role: str, *values: float) -> dict[str, object]:
    """Runs one CHILDREN role in a fresh process with ``env``; its result, once it played real sound."""
    result = run_python(
        "from bench.audio import child; child()",
        {**env, "PYTHONPATH": str(ROOT)},
        role,
        *map(str, values),
        timeout=CHILD_TIMEOUT_S,
    )
    if result.returncode != 0:
        raise BenchError(f"audio {role} failed (exit code {result.returncode}):\n{result.stderr}")
    answer: dict[str, object] = json.loads(result.stdout.splitlines()[-1])
    if answer["status"] != "sound on":
        raise BenchError(f"audio {role} played no sound: {answer['status']}")
    return answer


def floats(value: object) -> list[float]:
    if not isinstance(value, list):
        raise BenchError(f"expected a list of numbers, got {value!r}")
    return [float(item) for item in value]


def lead(sound: bytes, threshold: int, quiet: int) -> int:
    """How many samples a sound takes to cross the onset threshold by itself."""
    return onsets(read_s16(sound), threshold, quiet)[0]


def beat_errors(samples: array[int], accents: bool, minimum: int) -> list[int]:
    """Each beat-to-beat spacing less the ideal one, in samples, from the click onsets in ``samples``.

    ``accents``: every fourth beat, from the first, is the accent click (runtimer's bars).
    """
    library = load_library()
    accent = lead(library.cue("click_accent"), CLICK_THRESHOLD, CLICK_QUIET)
    click = lead(library.cue("click"), CLICK_THRESHOLD, CLICK_QUIET)
    found = onsets(samples, CLICK_THRESHOLD, CLICK_QUIET)
    if len(found) < minimum:
        raise BenchError(f"found {len(found)} clicks, expected at least {minimum}")
    beats = [onset - (accent if accents and k % 4 == 0 else click) for k, onset in enumerate(found)]
    return [
        (b - a) - (beat_offset(k + 1, SPM) - beat_offset(k, SPM))
        for k, (a, b) in enumerate(itertools.pairwise(beats))
    ]


def onset_errors(samples: array[int], plan: Sequence[tuple[str, ...]]) -> list[float]:
    """Each interval between consecutive phase-cue onsets less the phase length, in seconds.

    The first boundary's overlapping pair is found but not used (see the module docstring).
    """
    library = load_library()
    found = onsets(samples, CUE_THRESHOLD, CUE_QUIET)
    if len(found) != len(plan):
        raise BenchError(f"found {len(found)} cue onsets, expected {len(plan)}")
    starts = [
        onset - lead(library.cue(tones[-1]), CUE_THRESHOLD, CUE_QUIET)
        for onset, tones in zip(found[1:], plan[1:], strict=True)
    ]
    return [(b - a) / SAMPLE_RATE - ONSET_PHASE_S for a, b in itertools.pairwise(starts)]


def record(pulse: PulseCapture, role: str, *values: float) -> array[int]:
    """What the null sink heard while one child ran: the recording grows on, so only its new part."""
    before = len(pulse.recorded())
    run_child(pulse.env, role, *values)
    return pulse.recorded()[before:]


def file_metronome(home: Path) -> list[int]:
    """Beat spacing errors in the file capture of runtimer's metronome, in the app's segments.

    The null device takes the whole first segment at once, so all of it lands
    after the probe's silence, less the few samples of lead-in a late start skips.
    """
    capture = file_capture_home(home)
    run_child(isolated_env(home), "metronome", FILE_METRONOME_S, APP_SEGMENT_S)
    start, stop = next(segment_bounds(0, SPM, APP_SEGMENT_S))
    probe = len(silence_bytes(PROBE_S))
    wait_for_size(capture, probe + (stop - start - SEGMENT_LEAD_IN) * SAMPLE_WIDTH)
    beats = len(list(beats_between(0, stop, SPM)))
    return beat_errors(read_s16(capture.read_bytes()[probe:]), accents=True, minimum=beats)


@dataclass(frozen=True)
class Heard:
    """What the PulseAudio recording gave: spacing errors in samples, onset errors in seconds."""

    our_beats: list[int]
    naive_beats: list[int]
    our_onsets: list[float]
    naive_onsets: list[float]


def hear(root: Path, metronome_s: float, onset_phases: int) -> Heard:
    """Every real-time measurement, from one server and one recording: starting them takes 2 s."""
    plan = cue_plan(schedule(onset_phases * ONSET_PHASE_S, ONSET_PHASE_S))
    beats = round(metronome_s * SPM / 60) - 1
    with pulse_capture(root) as pulse:
        return Heard(
            our_beats=beat_errors(record(pulse, "metronome", metronome_s, BAR_SEGMENT_S), True, beats),
            naive_beats=beat_errors(record(pulse, "naive-metronome", metronome_s), False, beats),
            our_onsets=onset_errors(record(pulse, "session", onset_phases), plan),
            naive_onsets=onset_errors(record(pulse, "naive-session", onset_phases), plan),
        )


def worst(values: Iterable[float]) -> float:
    return max(map(abs, values))


def typical(values: Iterable[float]) -> float:
    return median([abs(value) for value in values])


def in_samples(count: float) -> str:
    return f"{count:g} ({count / SAMPLE_RATE * 1000:.2f} ms)"


def latency_rows(runner: list[float], reference: list[float]) -> list[Row]:
    label = f"cue latency, ref: sleep + play() ({len(runner)} cues, {LATENCY_PHASE_S:g} s phases)"

    def compare(metric: str, measure: Callable[[list[float]], float], goal: str = "") -> Row:
        return Row(
            label,
            f"phase start to play() return {metric} (ms)",
            ms(measure(runner)),
            ms(measure(reference)),
            goal,
        )

    return [
        compare("p50", median),
        compare("p99", lambda values: percentile(values, 0.99), "< 5"),
        compare("max", max),
    ]


def metronome_rows(file_beats: list[int], heard: Heard | None, missing: str | None) -> list[Row]:
    label = f"metronome {SPM} spm, ref: a timer per beat"
    ours = in_samples(worst(file_beats))
    if heard is None:
        return [
            Row(label, "spacing max abs error, file capture", ours, f"skipped: PulseAudio {missing}", "0")
        ]
    return [
        Row(
            label,
            "spacing max abs error, ours: file, ref: pulse",
            ours,
            in_samples(worst(heard.naive_beats)),
            "0",
        ),
        Row(
            label,
            "spacing p50 abs error, pulse, 1-bar segments",
            in_samples(typical(heard.our_beats)),
            in_samples(typical(heard.naive_beats)),
            "",
        ),
        Row(
            label,
            "spacing max abs error, pulse, 1-bar segments",
            in_samples(worst(heard.our_beats)),
            in_samples(worst(heard.naive_beats)),
            "",
        ),
    ]


def onset_rows(count: int, heard: Heard | None, missing: str | None) -> list[Row]:
    label = f"cue onsets, pulse, ref: naive loop ({count} x {ONSET_PHASE_S:g} s)"
    if heard is None:
        return [Row(label, f"skipped: PulseAudio {missing}", "", "", "")]
    ours, naive = heard.our_onsets, heard.naive_onsets
    return [
        Row(label, "onset interval p50 abs error (ms)", ms(typical(ours)), ms(typical(naive)), ""),
        Row(label, "onset interval max abs error (ms)", ms(worst(ours)), ms(worst(naive)), ""),
        Row(label, "drift, first to last phase cue (ms)", ms(sum(ours)), ms(sum(naive)), ""),
    ]


def rows(latency_s: float, metronome_s: float, onset_phases: int) -> list[Row]:
    """The table rows; those that need PulseAudio say "skipped" and why when it cannot run here."""
    missing = pulse_missing()
    with tempfile.TemporaryDirectory(prefix="runtimer-bench-audio-") as tmp:
        root = Path(tmp)
        home = root / "latency"
        file_capture_home(home)
        latency = run_child(isolated_env(home), "latency", latency_s)
        file_beats = file_metronome(root / "metronome")
        heard = hear(root / "pulse", metronome_s, onset_phases) if missing is None else None
    return [
        *latency_rows(floats(latency["runner"]), floats(latency["reference"])),
        *metronome_rows(file_beats, heard, missing),
        *onset_rows(onset_phases, heard, missing),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--latency", type=float, default=20.0, help="seconds of phases for each latency column"
    )
    parser.add_argument("--metronome", type=float, default=4.0, help="seconds of each metronome")
    parser.add_argument("--phases", type=int, default=10, help="phases in each PulseAudio session")
    args = parser.parse_args()
    print(render(rows(args.latency, args.metronome, args.phases)))


if __name__ == "__main__":
    main()
