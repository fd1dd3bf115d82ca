"""Workouts to and from a watch (FIT workout files) and intervals.icu text: the same phases come back."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from garmin_fit_sdk import Encoder, Profile
from hypothesis import given, settings
from hypothesis import strategies as st

from runtimer.errors import UserError
from runtimer.interop.fit_workout import workout_fit
from runtimer.interop.fit_workout_read import load_fit_workout
from runtimer.interop.icu import parse_icu, workout_icu
from runtimer.interop.workouts import import_workout, load_foreign_workout
from runtimer.plan.loader import load_workout_file
from runtimer.plan.models import Repeat, Step, StepKind, Workout
from runtimer.plan.phases import Phase, expand
from runtimer.plan.spans import MAX_DURATION_S, DurationSpan, RepSpan
from runtimer.plan.targets import MAX_CADENCE, MIN_CADENCE
from runtimer.plan.textsyntax import parse_workout_text
from runtimer.plan.units import METRES_PER_UNIT, Distance, Pace, split_seconds
from tests.support.readers import fitdecode_read, garmin_read

CREATED = datetime(2025, 3, 1, 6, 0, tzinfo=UTC)
WORDS = ("easy", "hard", "steady", "tall", "relax", "quick", "feet", "arms", "breathe", "smooth", "finish")
"""Notes from words that read as words in every format (intervals.icu would take "10m" for a time)."""

notes = st.none() | st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)
cadences = st.none() | st.integers(MIN_CADENCE, MAX_CADENCE)


def distances(units: tuple[str, ...]) -> st.SearchStrategy[Distance]:
    """Distances as a runner writes them, each in the unit a reader of metres would pick again."""
    metres = st.integers(50, 999).map(lambda m: Distance(float(m), "m"))
    km = st.integers(100, 2000).map(lambda hundredths: Distance(hundredths / 100, "km"))
    miles = st.integers(25, 1000).map(lambda hundredths: Distance(hundredths / 100, "mi"))
    chosen = {"m": metres, "km": km, "mi": miles}
    return st.one_of(*(chosen[unit] for unit in units))


def steps(paces: st.SearchStrategy[Pace], units: tuple[str, ...]) -> st.SearchStrategy[Step]:
    """Every shape a step takes in both formats: timed, lap-ended, a distance to the line, timed by pace."""
    kinds = st.sampled_from(StepKind)
    timed = st.builds(
        Step,
        kind=kinds,
        duration=st.integers(1, 4000).map(DurationSpan.fixed),
        pace=st.none() | paces,
        cadence=cadences,
        note=notes,
    )
    lap = st.builds(Step, kind=kinds, duration=st.none(), cadence=cadences, note=notes)
    to_the_line = st.builds(
        Step, kind=kinds, duration=st.none(), distance=distances(units), pace=st.none() | paces, note=notes
    )
    by_pace = (
        st.tuples(kinds, distances(units), paces, cadences, notes)
        .filter(lambda t: split_seconds(t[2], t[1].metres) <= MAX_DURATION_S)  # at most six hours
        .map(
            lambda t: Step.model_validate(
                {"kind": t[0], "distance": t[1], "pace": t[2], "cadence": t[3], "note": t[4]}
            )
        )
    )
    return timed | lap | to_the_line | by_pace


def workouts(paces: st.SearchStrategy[Pace], units: tuple[str, ...]) -> st.SearchStrategy[Workout]:
    step = steps(paces, units)
    repeat = st.builds(
        Repeat, repeat=st.integers(1, 12).map(RepSpan.fixed), steps=st.lists(step, min_size=1, max_size=3)
    )
    return st.builds(Workout, name=st.just("random"), steps=st.lists(step | repeat, min_size=1, max_size=5))


KM_PACES = st.integers(150, 1100).map(lambda seconds: Pace(seconds, "km"))
"""Paces per km from 2:30 to 18:20: FIT's speed in mm/s gives each back to the second."""
ANY_PACES = st.builds(Pace, st.integers(161, 1800), st.sampled_from(["km", "mi"]))


@settings(max_examples=150, deadline=None)
@given(workouts(KM_PACES, ("m", "km", "mi")))
def test_a_workout_through_a_fit_workout_file_comes_back_with_the_same_phases(
    tmp_path_factory: pytest.TempPathFactory, workout: Workout
) -> None:
    path = tmp_path_factory.mktemp("fit") / "random.fit"
    path.write_bytes(workout_fit(workout, CREATED))
    garmin_read(path.read_bytes())
    assert [physical(p) for p in expand(load_fit_workout(path))] == [physical(p) for p in expand(workout)]


@settings(max_examples=150, deadline=None)
@given(workouts(ANY_PACES, ("m", "km", "mi")))
def test_a_workout_through_intervals_icu_text_comes_back_with_the_same_phases(workout: Workout) -> None:
    assert expand(parse_icu(workout_icu(workout), "random", "random.txt")) == expand(workout)


def physical(phase: Phase) -> tuple[Any, ...]:
    """A phase as a watch keeps it: distances to the centimetre and paces to the second per km,
    whatever unit they come back in."""
    metres = None if phase.distance is None else round(phase.distance.metres, 2)
    pace = None if phase.pace is None else round(phase.pace.seconds * 1000 / METRES_PER_UNIT[phase.pace.unit])
    return (*phase.replace(distance=None, pace=None)._values(), metres, pace)


def test_a_cadence_ramp_is_written_rep_by_rep_at_the_tempo_each_rep_has() -> None:
    ramp = parse_workout_text("5m warmup, 4x(5m run @160-180spm), 5m cooldown", name="cadence")
    assert "- Run 5m 160rpm\n- Run 5m 167rpm\n- Run 5m 173rpm\n- Run 5m 180rpm\n" in workout_icu(ramp)
    steps = garmin_read(workout_fit(ramp, CREATED))["workout_step"]
    cadences = [s["custom_target_cadence_low"] + s["custom_target_cadence_high"] for s in steps[1:5]]
    assert cadences == [160, 167, 173, 180]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2x(lap sprint 400m @goal, 2m jog)", "step 1 > step 1: @goal needs a goal pace"),
        ("2m sprint 400m", "step 1: 400m with a time of its own (2m)"),
        (
            "10m warmup, 2x(3x(30s sprint, 1m jog), 3m rest)",
            "step 2: a repeat inside a repeat (sets of reps)",
        ),
    ],
)
def test_what_neither_format_can_say_is_refused_naming_the_step(text: str, message: str) -> None:
    workout = parse_workout_text(text)
    for write in (lambda: workout_fit(workout, CREATED), lambda: workout_icu(workout)):
        with pytest.raises(UserError, match=re.escape(message)):
            write()


def test_both_decoders_read_a_workout_file_as_a_watch_would() -> None:
    data = workout_fit(
        parse_workout_text('10m warmup, 6x(30s sprint "all out", 2m jog), 5m cooldown'), CREATED
    )
    for messages in (garmin_read(data), fitdecode_read(data)):
        [file_id], [workout] = messages["file_id"], messages["workout"]
        assert (file_id["type"], workout["sport"], workout["num_valid_steps"]) == ("workout", "running", 5)
        steps = messages["workout_step"]
        assert [s.get("wkt_step_name") for s in steps] == ["Warmup", "Sprint", "Jog", None, "Cooldown"]
        assert [s["intensity"] for s in steps if "intensity" in s] == [
            "warmup",
            "active",
            "recovery",
            "cooldown",
        ]
        assert steps[1]["notes"] == "all out"
        assert (steps[3]["duration_type"], steps[3]["repeat_steps"], steps[3]["duration_step"]) == (
            "repeat_until_steps_cmplt",
            6,
            1,
        )


def fit_file(tmp_path: Path, *steps: dict[str, Any], file_type: str = "workout") -> Path:
    """A FIT workout file as another tool might write it."""
    encoder = Encoder()
    encoder.on_mesg(Profile["mesg_num"]["FILE_ID"], {"type": file_type, "manufacturer": "development"})
    encoder.on_mesg(Profile["mesg_num"]["WORKOUT"], {"wkt_name": "theirs", "sport": "running"})
    for index, step in enumerate(steps):
        encoder.on_mesg(Profile["mesg_num"]["WORKOUT_STEP"], {"message_index": index, **step})
    path = tmp_path / "theirs.fit"
    path.write_bytes(encoder.close())
    return path


TIMED = {"duration_type": "time", "duration_value": 60000, "intensity": "active"}


@pytest.mark.parametrize(
    ("steps", "message"),
    [
        (
            [
                {
                    **TIMED,
                    "target_type": "power",
                    "custom_target_value_low": 1200,
                    "custom_target_value_high": 1250,
                }
            ],
            "step 1: a power target",
        ),
        ([{**TIMED, "target_type": "heart_rate", "target_value": 2}], "step 1: a heart-rate target"),
        ([{"duration_type": "hr_less_than", "duration_value": 230}], "step 1: ends on heart rate"),
        ([{**TIMED, "target_type": "speed", "target_value": 3}], "step 1: a speed zone"),
        (
            [
                TIMED,
                {"duration_type": "repeat_until_steps_cmplt", "duration_value": 0, "target_value": 3},
                {"duration_type": "repeat_until_steps_cmplt", "duration_value": 0, "target_value": 2},
            ],
            "step 3: a repeat inside a repeat (sets of reps) cannot go to or come from FIT",
        ),
    ],
)
def test_what_runtimer_cannot_run_is_one_line_naming_the_step(
    tmp_path: Path, steps: list[dict[str, Any]], message: str
) -> None:
    with pytest.raises(UserError, match=re.escape(message)) as raised:
        load_fit_workout(fit_file(tmp_path, *steps))
    assert str(raised.value).startswith(f"{tmp_path / 'theirs.fit'}: ")


def test_another_tools_steps_take_their_kind_from_the_name_or_else_the_intensity(tmp_path: Path) -> None:
    path = fit_file(
        tmp_path,
        {**TIMED, "wkt_step_name": "Recovery jog", "intensity": "recovery"},
        {**TIMED, "wkt_step_name": "Strides", "intensity": "interval"},
        {"duration_type": "distance", "duration_value": 100000, "intensity": "cooldown"},
    )
    workout = load_fit_workout(path)
    assert [(s.kind, s.note, s.duration, s.distance) for s in workout.all_steps()] == [
        (StepKind.JOG, "jog", DurationSpan.fixed(60), None),
        (StepKind.RUN, "Strides", DurationSpan.fixed(60), None),
        (StepKind.COOLDOWN, None, None, Distance(1.0, "km")),
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "not a readable FIT file"),
        (bytes(range(256)) * 4, "not a readable FIT file"),
    ],
)
def test_what_is_not_a_fit_workout_is_one_line(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.fit"
    path.write_bytes(data)
    with pytest.raises(UserError, match=message):
        load_foreign_workout(path)


def test_a_cut_short_file_and_an_activity_are_refused(tmp_path: Path) -> None:
    whole = fit_file(tmp_path, TIMED)
    cut = tmp_path / "cut.fit"
    cut.write_bytes(whole.read_bytes()[:-10])
    with pytest.raises(UserError, match=r"cut\.fit: not a readable FIT file"):
        load_foreign_workout(cut)
    activity = fit_file(tmp_path, TIMED, file_type="activity")
    with pytest.raises(UserError, match="a FIT activity file, not a workout"):
        load_foreign_workout(activity)


def test_an_imported_workout_is_kept_as_toml_that_reads_back_the_same(tmp_path: Path) -> None:
    workout = parse_workout_text(
        '10m warmup "easy", 4x(run 1km @4:00/km @170spm, lap sprint 400m @6:30/mi, 2m jog), 5m cooldown',
        "mine",
    )
    source = tmp_path / "mine.fit"
    source.write_bytes(workout_fit(workout, CREATED))
    kept = import_workout(load_foreign_workout(source), tmp_path / "workouts")
    assert kept == tmp_path / "workouts" / "mine.toml"
    assert [physical(p) for p in expand(load_workout_file(kept))] == [physical(p) for p in expand(workout)]
    with pytest.raises(UserError, match=r"mine\.toml already exists"):
        import_workout(load_foreign_workout(source), tmp_path / "workouts")


def test_an_intervals_icu_header_names_the_steps_under_it_to_the_next_blank_line() -> None:
    text = "Warmup\n- 10m\n- 2m\n\n- 30s 4:00/km Pace\n\nCooldown\n- 5m\n"
    kinds = [step.kind for step in parse_icu(text, "coach", "coach.txt").all_steps()]
    assert kinds == [StepKind.WARMUP, StepKind.WARMUP, StepKind.RUN, StepKind.COOLDOWN]
