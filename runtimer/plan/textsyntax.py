"""The one-line workout: ``10m warmup, 8x(40s sprint, 2m jog), 5m cooldown``.

Grammar (commas separate items, spaces separate words)::

    workout := item ("," item)*
    item    := REPS "x" "(" inner ("," inner)* ")" | step
    inner   := REPS "x" "(" step ("," step)* ")" | step     (a set of reps: one level deep)
    step    := (DURATION | "lap") KIND ("@" PACE | "@" CADENCE "spm" | '"' NOTE '"')*

Every error names the 1-based column where the trouble starts.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from runtimer.errors import UserError
from runtimer.plan.durations import format_duration
from runtimer.plan.models import LAP, MAX_DESCRIPTION, Step, StepKind, Workout, parse_kind
from runtimer.plan.spans import MAX_DURATION_S, DurationSpan, RepSpan
from runtimer.plan.targets import GOAL, CadenceRamp, parse_cadence
from runtimer.plan.text import WHY, control_name, first_control
from runtimer.plan.texttokens import (
    CADENCE,
    MINUTES_OR_METRES,
    REPEAT_HEAD,
    SyntaxProblem,
    Token,
    is_kind,
    tokenize,
    too_short_after_kind,
)
from runtimer.plan.units import (
    Distance,
    ImplausiblePace,
    Pace,
    looks_like_distance,
    parse_distance,
    parse_pace,
)

ONE_LINE_NAME = "one-line"


def looks_like_one_line(text: str) -> bool:
    """Workout names are single words; a one-liner has a space or a bracket."""
    return any(char in text for char in " ,()")


def parse_workout_text(text: str, name: str = ONE_LINE_NAME) -> Workout:
    """Parse a one-line workout; raise :class:`UserError` pointing at the column.

    The text is its own description, cut to fit one (the plan itself is kept whole).
    """
    if (found := first_control(text)) is not None:
        column, char = found
        raise UserError(f"at column {column}: control character {control_name(char)} {WHY}")
    description = text.strip()
    if len(description) > MAX_DESCRIPTION:
        description = description[: MAX_DESCRIPTION - 1] + "…"
    try:
        tokens = tokenize(text)
        items = _Parser(tokens, len(text) + 1).workout()
        return Workout.model_validate({"name": name, "description": description, "steps": items})
    except SyntaxProblem as problem:
        raise UserError(str(problem)) from None
    except ValidationError as error:
        raise UserError(_first_message(error)) from None


class _Parser:
    def __init__(self, tokens: list[Token], end_column: int) -> None:
        self._tokens = tokens
        self._position = 0
        self._end_column = end_column

    def _peek(self) -> Token | None:
        return self._tokens[self._position] if self._position < len(self._tokens) else None

    def _take(self) -> Token:
        token = self._peek()
        if token is None:
            raise SyntaxProblem(self._end_column, "the workout ends too early")
        self._position += 1
        return token

    def _column(self) -> int:
        token = self._peek()
        return token.column if token else self._end_column

    def workout(self) -> list[Step | dict[str, Any]]:
        if self._peek() is None:
            raise SyntaxProblem(1, 'the workout is empty (try "10m warmup, 8x(40s sprint, 2m jog)")')
        items = [self._item()]
        while self._peek() is not None:
            self._expect(",")
            items.append(self._item())
        return items

    def _expect(self, punct: str) -> None:
        token = self._peek()
        if token is None or token.text != punct or token.kind != "punct":
            found = f'"{token.text}"' if token else "the end"
            raise SyntaxProblem(self._column(), f'expected "{punct}" but found {found}')
        self._position += 1

    def _item(self) -> Step | dict[str, Any]:
        token = self._peek()
        if token and self._repeat_starts():
            head = REPEAT_HEAD.fullmatch(token.text)
            assert head is not None
            return self._repeat(token, head.group(1), inside_a_repeat=False)
        return self._step()

    def _repeat_starts(self) -> bool:
        """``8x(`` comes next."""
        token = self._peek()
        following = self._tokens[self._position + 1] if self._position + 1 < len(self._tokens) else None
        head = REPEAT_HEAD.fullmatch(token.text) if token and token.kind == "word" else None
        return bool(head and following and following.text == "(")

    def _repeated_item(self, inside_a_repeat: bool) -> Step | dict[str, Any]:
        """A step, or in a set (``2x(6x(400m, jog 200m), 4m rest)``) a block of reps: one level deep."""
        token = self._peek()
        if token and self._repeat_starts():
            if inside_a_repeat:
                raise SyntaxProblem(
                    token.column,
                    "repeats nest one level deep (a set of reps, like 2x(6x(400m, jog 200m), 4m rest))",
                )
            head = REPEAT_HEAD.fullmatch(token.text)
            assert head is not None
            return self._repeat(token, head.group(1), inside_a_repeat=True)
        return self._step()

    def _repeat(self, head: Token, reps_text: str, *, inside_a_repeat: bool) -> dict[str, Any]:
        self._position += 2
        try:
            reps = RepSpan.model_validate(reps_text)
        except ValidationError as error:
            raise SyntaxProblem(head.column, _first_message(error)) from None
        steps = [self._repeated_item(inside_a_repeat)]
        while (token := self._peek()) is not None and token.text == ",":
            self._position += 1
            steps.append(self._repeated_item(inside_a_repeat))
        self._expect(")")
        return {"repeat": reps, "steps": steps}

    def _step(self) -> Step:
        """One of ``40s sprint``, ``lap sprint 400m``, ``sprint 400m @6:30/mi`` or ``400m @6:30/mi``.

        ``m`` means minutes in a duration and metres in a distance, so a distance
        only stands where a duration cannot: after the kind, or alone before a pace.
        """
        first = self._take()
        if first.kind != "word":
            raise SyntaxProblem(first.column, f'expected a duration but found "{first.text}"')
        step: dict[str, Any] = {}
        if is_kind(first.text):
            step["kind"] = parse_kind(first.text)
            after = self._peek()
            if after is None or after.kind != "word" or not looks_like_distance(after.text):
                raise SyntaxProblem(
                    first.column,
                    f'"{first.text}" needs a length before it, like "30s {first.text}", '
                    f'or a distance after it, like "{first.text} 400m"',
                )
            distance_token = self._take()
            step["distance"] = self._distance(distance_token)
            if too_short_after_kind(step["distance"]):
                raise SyntaxProblem(
                    distance_token.column,
                    f'"{distance_token.text}" after the kind is {distance_token.text[:-1]} metres; '
                    f'for minutes write "{distance_token.text} {first.text}"',
                )
        elif looks_like_distance(first.text) and self._pace_follows():
            step["kind"] = StepKind.RUN
            step["distance"] = self._distance(first)
        else:
            kind_token = self._peek()
            if (
                MINUTES_OR_METRES.fullmatch(first.text)
                and kind_token is not None
                and is_kind(kind_token.text)
            ):
                # Said before the minutes are checked: 400 minutes is too long to be a duration at all.
                minutes = int(first.text[:-1])
                metres = (
                    f'"{first.text}" before the kind is {minutes} minutes: '
                    f'for metres write "{kind_token.text} {first.text}"'
                )
                time = (
                    f'"{format_duration(minutes * 60)} {kind_token.text}"'
                    if minutes * 60 <= MAX_DURATION_S
                    else ""
                )
                raise SyntaxProblem(first.column, f"{metres}, for time {time}" if time else metres)
            step["duration"] = self._duration(first)
            step["kind"] = self._kind(self._take())
            if self._distance_follows():
                step["distance"] = self._distance(self._take())
        while (token := self._peek()) is not None and token.kind in ("target", "note"):
            self._position += 1
            self._target(token, step)
        try:
            return Step.model_validate(step)
        except ValidationError as error:
            raise SyntaxProblem(first.column, _first_message(error)) from None

    def _distance_follows(self) -> bool:
        """``90s sprint 400m``, but not ``10m warmup 5m jog``: there a comma is missing."""
        token = self._peek()
        if token is None or token.kind != "word" or not looks_like_distance(token.text):
            return False
        after = self._tokens[self._position + 1] if self._position + 1 < len(self._tokens) else None
        return after is None or after.kind != "word"

    def _pace_follows(self) -> bool:
        for token in self._tokens[self._position :]:
            if token.kind != "target":
                return False
            if not CADENCE.fullmatch(token.text[1:]):
                return True
        return False

    @staticmethod
    def _kind(token: Token) -> StepKind:
        if token.kind != "word":
            raise SyntaxProblem(token.column, f'expected a step kind but found "{token.text}"')
        try:
            return parse_kind(token.text)
        except ValueError as error:
            raise SyntaxProblem(token.column, str(error)) from None

    @staticmethod
    def _distance(token: Token) -> Distance:
        try:
            return parse_distance(token.text)
        except ValueError as error:
            raise SyntaxProblem(token.column, str(error)) from None

    @staticmethod
    def _duration(token: Token) -> DurationSpan | None:
        if token.text.lower() == LAP:
            return None
        try:
            return DurationSpan.model_validate(token.text)
        except ValidationError as error:
            raise SyntaxProblem(token.column, _first_message(error)) from None

    @staticmethod
    def _target(token: Token, step: dict[str, Any]) -> None:
        field = "note" if token.kind == "note" else "cadence" if CADENCE.fullmatch(token.text[1:]) else "pace"
        if field in step:
            raise SyntaxProblem(token.column, f"this step already has a {field}")
        step[field] = _target_value(token, field)


def _target_value(token: Token, field: str) -> str | int | CadenceRamp | Pace:
    """``@goal`` stands for the runner's goal pace, filled in from settings when the session starts."""
    if field == "note":
        return token.text
    if field == "cadence":
        inner = token.text[1:-3]
        try:
            return parse_cadence(inner)
        except ValueError as error:
            raise SyntaxProblem(
                token.column, str(error).replace(f'"{inner}"', f'"{token.text}"', 1)
            ) from None
    if token.text[1:].lower() == GOAL:
        return GOAL
    try:
        return parse_pace(token.text[1:])
    except ImplausiblePace as error:
        raise SyntaxProblem(token.column, str(error)) from None
    except ValueError:
        raise SyntaxProblem(
            token.column, f'"{token.text}" is not a target (try @6:30/mi, @4:00/km, @goal or @180spm)'
        ) from None


def _first_message(error: ValidationError) -> str:
    first = error.errors()[0]
    message = str(first["msg"]).removeprefix("Value error, ")
    field = next((part for part in reversed(first["loc"]) if part in Step.model_fields), None)
    return f"{field}: {message}" if field and first["type"] != "value_error" else message
