"""intervals.icu's plain-text workouts, both ways: what a coach types into its workout builder.

Steps start with ``-``; a line ``8x`` (or a header ending ``8x``) opens a
repeat block, which runs to the next blank line; a header "Warmup" or
"Cooldown" makes the steps under it, to the next blank line, warm-ups or
cool-downs. In a step, the
words before the first time, distance or target are its cue: runtimer writes
the kind there (``- Sprint as hard as you can 40s``) and reads a kind back
from it, the rest being the note. Times are ``10m``, ``30s``, ``1h2m30s``,
``1m30`` or ``5'30"``; distances ``400mtr``, ``1.5km``, ``1mi`` (``m`` is
minutes there); a pace ``5:00/km Pace``; a cadence ``180rpm`` (steps a
minute, for a run); ``Press lap`` ends a step on the lap key. A range (``4:50-
5:10/km Pace``, ``170-180rpm``) becomes its middle.

What runtimer cannot run is one line naming the line: power, heart-rate and
zone or percentage targets, ramps, and any word after the cue that is not a
target. intervals.icu has no nested repeats, so neither does this.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from runtimer.errors import UserError
from runtimer.interop.steps import flat, kind_and_note, note_text, writable_items
from runtimer.plan.durations import format_duration, parse_duration
from runtimer.plan.loader import describe_validation_error, read_limited
from runtimer.plan.models import LAP, Step, StepKind, Workout
from runtimer.plan.units import Pace

_UNITS_TIME = re.compile(r"(?:\d+h)?(?:\d+m)?(?:\d+s)?|\d+m\d+|(?:\d+')?(?:\d+\")?", re.IGNORECASE)
_DISTANCE = re.compile(r"(\d+(?:\.\d+)?)(mtr|km|mi)", re.IGNORECASE)
_PACE = re.compile(r"(\d{1,2}:\d{2})(?:-(\d{1,2}:\d{2}))?(?:/(km|mi))?", re.IGNORECASE)
_CADENCE = re.compile(r"(\d+)(?:-(\d+))?rpm", re.IGNORECASE)
_PERCENT = re.compile(r"\d+(?:-\d+)?%")
_ZONE = re.compile(r"z\d(?:-z\d)?", re.IGNORECASE)
_WATTS = re.compile(r"\d+(?:-\d+)?w", re.IGNORECASE)
_REPEAT = re.compile(r"(.*?)\s*(\d{1,4})\s*x", re.IGNORECASE)
POWER_WORDS = ("ramp", "freeride", "mmp")


def workout_icu(workout: Workout) -> str:
    """The workout as intervals.icu text; a step it cannot hold is a :class:`UserError` naming it."""
    lines: list[str] = []
    for number, item in enumerate(writable_items(workout), start=1):
        if isinstance(item, Step):
            lines.append(_line(item, f"step {number}"))
            continue
        if lines and lines[-1]:
            lines.append("")
        lines.append(f"{item.repeat.value}x")
        lines += [_line(step, f"step {number} > step {inner}") for inner, step in enumerate(flat(item), 1)]
        lines.append("")
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def _line(step: Step, place: str) -> str:
    words = [step.kind.value.capitalize()]
    if step.note is not None:
        words.append(step.note)
    if step.distance is not None:
        distance = str(step.distance)
        words.append(distance.replace("m", "mtr") if step.distance.unit == "m" else distance)
    elif step.duration is not None:
        words.append(format_duration(step.duration.value))
    if isinstance(step.pace, Pace):
        words.append(f"{step.pace} Pace")
    if isinstance(step.cadence, int):
        words.append(f"{step.cadence}rpm")
    if step.duration is None:
        words.append("Press lap")
    line = " ".join(words)
    try:  # read back as intervals.icu would: a word of the note must not pass for a time or a target
        note = _step(line.split(), place, None).get("note")
    except UserError:
        note = None
    if step.note is not None and note != note_text(step.note):
        raise UserError(
            f'{place}: its note "{step.note}" has words intervals.icu would read as part of the step'
        )
    return f"- {line}"


def load_icu_workout(path: Path) -> Workout:
    try:
        text = read_limited(path, "a workout file").decode("utf-8")
    except OSError as error:
        raise UserError(f"{path}: cannot read it ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise UserError(f"{path}: not a text file (expected intervals.icu workout text)") from None
    return parse_icu(text, path.stem, str(path))


def parse_icu(text: str, name: str, source: str) -> Workout:
    """The workout in intervals.icu text; every problem is one :class:`UserError` line naming the line."""
    items: list[dict[str, Any]] = []
    block: dict[str, Any] | None = None
    section: StepKind | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line, place = raw.strip(), f"{source}: line {number}"
        if not line:  # a blank line ends a repeat and the section a header opened
            block, section = None, None
        elif line.startswith("-"):
            step = _step(line[1:].split(), place, section)
            (block["steps"] if block is not None else items).append(step)
        elif header := _REPEAT.fullmatch(line):
            block = {"repeat": int(header.group(2)), "steps": [], "place": place}
            items.append(block)
            section = kind_and_note(header.group(1))[0]
        else:
            block, section = None, kind_and_note(line)[0]
    for item in items:
        if not item.get("steps", True):
            raise UserError(f"{item['place']}: a repeat with no steps under it")
        item.pop("place", None)
    if not items:
        raise UserError(f"{source}: no steps (each step is a line starting with -)")
    try:
        return Workout.model_validate({"name": name[:40] or "icu", "steps": items})
    except ValidationError as error:
        raise UserError(f"{source}: {describe_validation_error(error)}") from None


def _classify(tokens: list[str]) -> list[str]:
    """What each word of a step is: part of its cue ("word"), a time, distance, target, or Press lap."""
    return [
        _token_kind(token, tokens[i + 1] if i + 1 < len(tokens) else None) for i, token in enumerate(tokens)
    ]


def _token_kind(token: str, following: str | None) -> str:
    lowered = token.lower()
    if _DISTANCE.fullmatch(token):
        return "distance"
    if lowered and _UNITS_TIME.fullmatch(token) and any(char.isdigit() for char in token):
        return "time"
    if _PACE.fullmatch(token) and (following or "").lower() == "pace":
        return "pace"
    if _CADENCE.fullmatch(token):
        return "cadence"
    if lowered == "press" and (following or "").lower() == "lap":
        return "lap"
    if _PERCENT.fullmatch(token) or _ZONE.fullmatch(token) or _WATTS.fullmatch(token):
        return "intensity"
    if lowered in ("ramp", "freeride", "until", "hr", "lthr", "mmp"):
        return "intensity"
    return "word"


def _step(tokens: list[str], place: str, section: StepKind | None) -> dict[str, Any]:
    kinds = _classify(tokens)
    cue_end = next((i for i, kind in enumerate(kinds) if kind != "word"), len(tokens))
    kind, note = kind_and_note(" ".join(tokens[:cue_end]))
    data: dict[str, Any] = {"kind": (kind or section or StepKind.RUN).value}
    lap, time_s = False, None
    i = cue_end
    while i < len(tokens):
        token, what = tokens[i], kinds[i]
        if what == "time":
            time_s = _seconds(token, place)
        elif what == "distance":
            value, unit = _parts(_DISTANCE, token)
            data["distance"] = f"{value}{'m' if unit.lower() == 'mtr' else unit.lower()}"
        elif what == "pace":
            data["pace"] = _pace(token, place)
            i += 1
        elif what == "cadence":
            low, high = _parts(_CADENCE, token)
            data["cadence"] = int(low) if high is None else round((int(low) + int(high)) / 2)
        elif what == "lap":
            lap, i = True, i + 1
        else:
            raise UserError(_unsupported(tokens, i, place))
        i += 1
    if lap:
        data["duration"] = LAP
        if time_s is not None:  # a time with "Press lap" is a guide, the lap key ends the step
            note = f"about {format_duration(time_s)}" + (f" · {note}" if note else "")
    elif time_s is not None:
        data["duration"] = time_s
    elif "distance" not in data:
        raise UserError(f"{place}: a step needs a time (10m), a distance (400mtr) or Press lap")
    if note is not None:
        data["note"] = note_text(note)
    return data


def _parts(pattern: re.Pattern[str], token: str) -> tuple[Any, ...]:
    """The groups of a token :func:`_token_kind` sorted by ``pattern``, so it matches."""
    match = pattern.fullmatch(token)
    assert match is not None, (pattern.pattern, token)
    return match.groups()


def _seconds(token: str, place: str) -> int:
    text = token.lower().replace("'", "m").replace('"', "s")
    if re.fullmatch(r"\d+m\d+", text):
        text += "s"
    try:
        return parse_duration(text)
    except ValueError:
        raise UserError(f'{place}: "{token}" is not a time (10m, 30s, 1h2m30s, 1m30)') from None


def _pace(token: str, place: str) -> str:
    fast, slow, unit = _parts(_PACE, token)
    if unit is None:
        raise UserError(f'{place}: "{token} Pace" has no unit; write it per km or per mile (5:00/km Pace)')
    seconds = [int(part.split(":")[0]) * 60 + int(part.split(":")[1]) for part in (fast, slow or fast)]
    middle = round(sum(seconds) / 2)
    return f"{middle // 60}:{middle % 60:02d}/{unit.lower()}"


def _unsupported(tokens: list[str], at: int, place: str) -> str:
    token = tokens[at]
    after = " ".join(tokens[at + 1 : at + 2]).lower()
    lowered = token.lower()
    if after in ("hr", "lthr") or lowered in ("hr", "lthr"):
        shown = f"{token} {tokens[at + 1]}" if after in ("hr", "lthr") else token
        return f'{place}: "{shown}" is a heart-rate target, which runtimer cannot measure yet'
    if lowered == "until":
        return f"{place}: a step that ends on heart rate or power, which runtimer cannot measure yet"
    if after == "pace":
        return f'{place}: "{token} Pace" is a pace zone or percentage; runtimer needs the pace (5:00/km Pace)'
    if (
        _PERCENT.fullmatch(token)
        or _ZONE.fullmatch(token)
        or _WATTS.fullmatch(token)
        or lowered in POWER_WORDS
    ):
        return f'{place}: "{token}" is a power target, which runtimer does not measure'
    return (
        f'{place}: "{token}" is not a target runtimer knows '
        "(a pace like 5:00/km Pace, a cadence like 180rpm, or Press lap)"
    )
