"""What each engine event sounds like, checked against a recording audio output."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

from runtimer.audio.base import RecordingOutput
from runtimer.audio.cues import CuePlayer, cue_for, duration_words, number_words, phase_words
from runtimer.audio.library import CUE_NAMES, builtin_voice_words
from runtimer.engine import commands as c
from runtimer.engine import events as e
from runtimer.engine.machine import Engine, EngineSettings, State
from runtimer.plan.models import StepKind
from runtimer.plan.phases import Phase, expand
from runtimer.plan.textsyntax import parse_workout_text

SPRINT_3_OF_8 = Phase(StepKind.SPRINT, 40, rep=3, reps=8, block=1)
JOG = Phase(StepKind.JOG, 120, rep=3, reps=8, block=1)
CADENCE_RUN = Phase(StepKind.RUN, 1200, cadence=180)


@pytest.mark.parametrize(
    ("n", "words"), [(1, ["one"]), (19, ["nineteen"]), (20, ["twenty"]), (45, ["forty", "five"])]
)
def test_numbers(n: int, words: list[str]) -> None:
    assert number_words(n) == words


def test_numbers_beyond_the_clips_are_not_said() -> None:
    assert number_words(0) is None and number_words(60) is None


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (120, ["two", "minutes"]),
        (60, ["one", "minute"]),
        (45, ["forty", "five", "seconds"]),
        (90, ["one", "minute", "and", "thirty", "seconds"]),
        (3600, []),
    ],
)
def test_durations(seconds: int, words: list[str]) -> None:
    assert duration_words(seconds) == words


def test_phase_announcements() -> None:
    assert phase_words(SPRINT_3_OF_8) == ["sprint", "rep", "three", "of", "eight"]
    assert phase_words(JOG) == ["jog", "two", "minutes"]
    assert phase_words(Phase(StepKind.SPRINT, 40, rep=8, reps=8, block=1)) == ["sprint", "last_rep"]
    assert phase_words(Phase(StepKind.WARMUP, 600)) == ["warm_up", "ten", "minutes"]
    assert phase_words(Phase(StepKind.SPRINT, None, rep=1, reps=4, block=1)) == [
        "sprint",
        "rep",
        "one",
        "of",
        "four",
    ]


def test_a_sets_first_effort_says_the_set() -> None:
    run = Phase(StepKind.RUN, None, rep=1, reps=6, block=1, set=1, sets=3)
    assert phase_words(run) == ["run", "set", "one", "of", "three", "rep", "one", "of", "six"]
    assert phase_words(run.replace(rep=2)) == ["run", "rep", "two", "of", "six"], "only the first rep"
    assert phase_words(run.replace(set=3, block=3)) == ["run", "last_set", "rep", "one", "of", "six"]
    assert phase_words(Phase(StepKind.REST, 240, set=1, sets=3)) == ["rest", "four", "minutes"]


def test_every_cue_and_word_exists_in_the_shipped_sounds() -> None:
    events: list[e.Event] = [
        e.SessionStarted(18, 2180, 3),
        e.CountdownBeep(3, 0, JOG),
        e.PhaseStarted(0, Phase(StepKind.WARMUP, 600), 18, 600, SPRINT_3_OF_8),
        *(e.PhaseStarted(1, Phase(kind, 60, rep=2, reps=3, block=1), 18, 60, None) for kind in StepKind),
        e.PhaseStarted(1, Phase(StepKind.RUN, 60, rep=1, reps=3, block=1, set=1, sets=2), 18, 60, None),
        e.PhaseStarted(1, Phase(StepKind.RUN, 60, rep=1, reps=3, block=2, set=2, sets=2), 18, 60, None),
        e.Halfway(1, JOG),
        e.SecondsLeft(1, JOG, 10),
        e.RestAdjusted(-15, 105, -15),
        e.RestAdjusted(15, 120, 0),
        e.Paused(1, 30, 90),
        e.Resumed(1, 30, 90),
        e.SessionFinished(e.Summary("completed", (), (), 18, 8, 8, 2180, 0, 120)),
    ]
    words = builtin_voice_words()
    for event in events:
        cue = cue_for(event)
        assert cue is not None, event
        assert cue.tone is None or cue.tone in CUE_NAMES
        assert set(cue.words) <= words, cue.words


async def test_tone_then_words_and_the_metronome_follows_the_phase() -> None:
    audio = RecordingOutput(words=builtin_voice_words())
    player = CuePlayer(audio, "both")
    player(e.PhaseStarted(3, SPRINT_3_OF_8, 18, 40, JOG))
    assert audio.arguments("play") == ["sprint"]
    await asyncio.sleep(0.6)
    assert audio.arguments("say") == [("sprint", "rep", "three", "of", "eight")]
    player(e.PhaseStarted(4, CADENCE_RUN, 18, 1200, None))
    assert audio.arguments("start_metronome") == [(180, 0.0)]
    player(e.Paused(4, 1000, 200))
    player(e.Resumed(4, 1000, 200))  # 200 s into the run: the click track picks up in phase
    assert audio.arguments("start_metronome")[-1] == (180, 200)
    assert audio.arguments("stop_metronome")
    player.set_metronome(False)
    assert len(audio.arguments("stop_metronome")) == 2
    player(e.PhaseStarted(5, CADENCE_RUN, 18, 1200, None))
    assert len(audio.arguments("start_metronome")) == 2, "switched off stays off"


def test_announce_modes() -> None:
    tones = RecordingOutput(words=builtin_voice_words())
    CuePlayer(tones, "tones")(e.Halfway(1, JOG))
    assert (tones.arguments("play"), tones.arguments("say")) == (["halfway"], [])
    voice = RecordingOutput(words=builtin_voice_words())
    CuePlayer(voice, "voice")(e.Halfway(1, JOG))
    CuePlayer(voice, "voice")(e.CountdownBeep(2, 1, JOG))
    assert (voice.arguments("play"), voice.arguments("say")) == (["tick"], [("halfway",)])


def wired(text: str) -> tuple[Engine, RecordingOutput, CuePlayer, Callable[[c.Command, float], None]]:
    """An engine (no lead-in) whose events go straight to a CuePlayer, started at time 0."""
    engine = Engine(expand(parse_workout_text(text)), EngineSettings(lead_in_s=0))
    audio = RecordingOutput(words=builtin_voice_words())
    player = CuePlayer(audio, "tones")

    def send(command: c.Command, now: float) -> None:
        for event in engine.handle(command, now):
            player(event)

    send(c.Start(), 0)
    return engine, audio, player, send


@pytest.mark.parametrize(
    ("text", "retime"),
    [
        ("60s run @180spm, 30s jog", c.Extend(30)),  # 60 s planned at the start, 90 s by the pause
        ("60s run @180spm, 30s jog", c.Extend(-20)),
        ("lap run @180spm, 30s jog", None),  # open: no planned length to count back from
    ],
)
async def test_the_metronome_resumes_in_step_after_the_phase_was_retimed(
    text: str, retime: c.Command | None
) -> None:
    engine, audio, _, send = wired(text)
    assert audio.arguments("start_metronome") == [(180, 0.0)]
    if retime is not None:
        send(retime, 20)
    send(c.Pause(), 25)
    assert audio.arguments("stop_metronome") == [None]
    send(c.Resume(), 400)
    elapsed = engine.snapshot(400).phase_elapsed_s
    assert elapsed == 25
    assert audio.arguments("start_metronome") == [(180, 0.0), (180, elapsed)]


async def test_next_while_paused_keeps_the_metronome_quiet_until_resume() -> None:
    engine, audio, _, send = wired("2x(1m run @180spm)")
    send(c.Pause(), 10)
    send(c.Skip(), 12)
    assert engine.state is State.PAUSED and engine.index == 1
    assert audio.arguments("start_metronome") == [(180, 0.0)], "no clicks while paused"
    send(c.Resume(), 20)
    assert audio.arguments("start_metronome") == [(180, 0.0), (180, 0.0)]


async def test_switching_the_metronome_on_while_paused_waits_for_resume() -> None:
    engine, audio, player, send = wired("1m run @180spm")
    assert audio.arguments("start_metronome") == [(180, 0.0)]
    send(c.Pause(), 10)
    player.set_metronome(False)
    player.set_metronome(True, engine.snapshot(11).phase_elapsed_s)
    assert audio.arguments("start_metronome") == [(180, 0.0)], "no clicks while paused"
    send(c.Resume(), 20)
    assert audio.arguments("start_metronome") == [(180, 0.0), (180, 10.0)]
