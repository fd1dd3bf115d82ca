"""Reads workouts from TOML files, the built-in seeds, the user's folder and one-liners.

Every failure leaves here as a :class:`UserError` whose text is the single line
the CLI prints: where (file or argument), the place inside it, and what to do.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from runtimer.errors import UserError
from runtimer.plan.durations import parse_duration
from runtimer.plan.frozen import Frozen
from runtimer.plan.models import Workout
from runtimer.plan.textsyntax import looks_like_one_line, parse_workout_text

Source = Literal["built-in", "user", "file", "one-line"]
FOREIGN_SUFFIXES = (".fit", ".txt")
"""Workouts from other tools: FIT workout files and intervals.icu text. Their readers live above
the plan (in :mod:`runtimer.interop`), so the caller hands one in."""
ForeignReader = Callable[[Path], Workout]
MAX_WORKOUT_BYTES = 256 * 1024
"""The largest workout file: the longest sensible workout is a few kilobytes, and a file is read
whole into memory, so a mistaken path (a video, /dev/zero) must stop at a size, not at the end."""


class Entry(Frozen):
    """A workout and where it came from, so lists can say "built-in" or "user"."""

    workout: Workout
    source: Source
    path: Path | None = None


def load_workout_file(path: Path) -> Workout:
    """Load one ``.toml`` workout; its name defaults to the file name."""
    try:
        content = read_limited(path, "a workout file")
    except OSError as error:
        raise UserError(f"{path}: cannot read it ({error.strerror or error})") from None
    data = parse_toml(content, path)
    data.setdefault("name", path.stem)
    try:
        return Workout.model_validate(data)
    except ValidationError as error:
        raise UserError(f"{path}: {describe_validation_error(error)}") from None


def read_limited(path: Path, what: str) -> bytes:
    """The file's bytes, refused past :data:`MAX_WORKOUT_BYTES` with one line naming ``what`` it is.

    Every file runtimer reads is read whole, so a mistaken path (a video, ``/dev/zero``)
    must stop at a size rather than at its end. ``OSError`` is the caller's to word.
    """
    with path.open("rb") as file:
        content = file.read(MAX_WORKOUT_BYTES + 1)
    if len(content) > MAX_WORKOUT_BYTES:
        raise UserError(f"{path}: larger than {MAX_WORKOUT_BYTES // 1024} KiB, the most {what} may be")
    return content


def parse_toml(content: bytes, path: Path) -> dict[str, Any]:
    """A TOML document, or one :class:`UserError` line: not text, not TOML, a number too long for
    Python to read, or nesting too deep to parse."""
    try:
        return tomllib.loads(content.decode("utf-8"))
    except UnicodeDecodeError:
        raise UserError(f"{path}: not a text file (expected TOML)") from None
    except ValueError as error:  # tomllib's own errors, and integers past Python's digit limit
        raise UserError(f"{path}: invalid TOML: {error}") from None
    except RecursionError:
        raise UserError(f"{path}: invalid TOML: nested too deeply") from None


def describe_validation_error(error: ValidationError) -> str:
    """One line for a pydantic error: the first problem, its place, and a count of the rest."""
    # An unknown key is usually a misspelt known one: name it before the "missing" it causes.
    problems = sorted(error.errors(), key=lambda problem: problem["type"] != "extra_forbidden")
    first = problems[0]
    place = _place(first["loc"])
    message = str(first["msg"]).removeprefix("Value error, ")
    if first["type"] == "missing":
        message = f'missing "{first["loc"][-1]}"'
        place = _place(first["loc"][:-1])
    elif first["type"] == "extra_forbidden":
        message = f'unknown key "{first["loc"][-1]}"'
        place = _place(first["loc"][:-1])
    elif first["type"].removeprefix("string_") in ("too_short", "too_long"):  # without the text: it is long
        message = message.replace("List should", "should", 1).replace("String should", "should", 1)
        message = message.replace(" after validation", "")
    elif first["type"] in ("model_type", "dataclass_type"):  # its wording names our classes
        message = f"should be a table of keys, not {_as_written(first['input'])}"
    elif first["type"] != "value_error":  # pydantic's own checks: say them as ours are said
        message = f"{message.replace('Input should be', 'should be', 1)}, not {_as_written(first['input'])}"
    line = f"{place}: {message}" if place else message
    if len(problems) > 1:
        line += f" (and {len(problems) - 1} more)"
    return line


def _as_written(value: Any) -> str:
    """A value as the TOML file spelt it: ``"no"`` in quotes, ``true`` and ``-1`` bare."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return "a table" if isinstance(value, dict) else "a list"
    return json.dumps(value) if isinstance(value, str) else str(value)


def _place(loc: tuple[int | str, ...]) -> str:
    """``("steps", 1, "repeat", "steps", 0, "duration")`` -> ``step 2 > step 1 > duration``.

    A list is named by its key in the singular: ``("days", 2, "on")`` -> ``day 3 > on``.
    """
    words: list[str] = []
    previous_was_index = False
    for part in loc:
        if isinstance(part, int):
            words[-1:] = [f"{words[-1].removesuffix('s') if words else 'item'} {part + 1}"]
            previous_was_index = True
            continue
        if not (previous_was_index and part in ("step", "repeat")):
            words.append(str(part))
        previous_was_index = False
    return " > ".join(words)


def _entries_in(folder: Path, source: Source) -> tuple[dict[str, Entry], dict[str, str]]:
    entries: dict[str, Entry] = {}
    problems: dict[str, str] = {}
    if not folder.is_dir():
        return entries, problems
    for path in sorted(folder.glob("*.toml")):
        try:
            workout = load_workout_file(path)
        except UserError as error:
            problems[path.stem] = str(error)
            continue
        entries.setdefault(workout.name, Entry(workout, source, path))
    return entries, problems


class Catalogue(Frozen):
    """Built-ins overlaid by the user's workouts, plus the files that failed to load.

    A broken user file must not hide the other workouts, so its problem is kept
    (by file stem) and reported when listed or asked for by name.
    """

    entries: dict[str, Entry]
    problems: dict[str, str]

    @classmethod
    def load(cls, seeds: Path, user: Path) -> Catalogue:
        built_in, seed_problems = _entries_in(seeds, "built-in")
        mine, user_problems = _entries_in(user, "user")
        return cls({**built_in, **mine}, {**seed_problems, **user_problems})

    def resolve(self, argument: str, read_foreign: ForeignReader | None = None) -> Entry:
        """A name, a file (``.toml``; ``.fit`` and ``.txt`` given ``read_foreign``) or a one-line workout."""
        if argument in self.entries:
            return self.entries[argument]
        path = _expanded(argument)
        if read_foreign is not None and path.suffix.lower() in FOREIGN_SUFFIXES:
            return Entry(read_foreign(path), "file", path)
        if argument.endswith(".toml") or (not looks_like_one_line(argument) and path.is_file()):
            return Entry(load_workout_file(path), "file", path)
        if looks_like_one_line(argument):
            try:
                return Entry(parse_workout_text(argument), "one-line")
            except UserError as error:
                raise UserError(f'workout "{argument}" {error}') from None
        if argument in self.problems:
            raise UserError(self.problems[argument])
        if _is_duration(argument):
            kinds = f'"{argument} run" or "{argument} sprint"'
            raise UserError(f'"{argument}" is a length with no kind: try {kinds}')
        known = ", ".join(sorted(self.entries)) or "none"
        raise UserError(
            f'unknown workout "{argument}" (known: {known}; or a .toml path, or a one-line workout)'
        )


def _expanded(argument: str) -> Path:
    """``~/runs/x.toml`` as the shell would have it; ``~nobody-here`` (no such user) stays as typed."""
    try:
        return Path(argument).expanduser()
    except RuntimeError:
        return Path(argument)


def _is_duration(text: str) -> bool:
    try:
        parse_duration(text)
    except ValueError:
        return False
    return True
