"""Ranges as the training notes write them: ``30-45s`` sprints, ``6-10`` reps, a value chosen in between.

The range stays visible so the picker and ``show`` can offer it; the chosen
value is what runs. A fixed value is a span whose ends meet.
"""

from __future__ import annotations

import re
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, model_validator

from runtimer.plan.durations import format_duration, parse_duration

MAX_DURATION_S = 6 * 3600
"""Six hours: longer than any session, short enough that a typo (99999h) is caught."""
MAX_REPS = 99


class _Span(BaseModel):
    """A range with a chosen value: ``30-45s`` runs 30 s unless told otherwise.

    The range stays visible so the picker and ``show`` can offer it; the chosen
    value is what actually runs. A fixed value is a span whose ends meet.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    low: int
    high: int
    value: int

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        if isinstance(data, bool):
            raise ValueError(f"{data!r} is not {cls._what()}")
        if isinstance(data, float):  # TOML's 1e3 or 40.0: whole numbers only, as in the text form
            raise ValueError(f"{data:g} is not {cls._what()} ({cls._hint()})")
        if isinstance(data, int):
            if data <= 0:
                raise ValueError(f"{cls._what()} must be greater than zero")
            data = str(data)
        if isinstance(data, str):
            return cls._parse_text(data)
        return data

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if min(self.low, self.high, self.value) <= 0:
            raise ValueError(f"{self._what()} must be greater than zero")
        if self.low > self.high:
            raise ValueError(f"range {self._show(self.low)}-{self._show(self.high)} runs backwards")
        if self.low == self.high and self.value != self.low:
            raise ValueError("a chosen value needs a range to choose from")
        if not self.low <= self.value <= self.high:
            raise ValueError(
                f"{self._show(self.value)} is outside {self._show(self.low)}-{self._show(self.high)}"
            )
        if self.high > self._largest():
            raise ValueError(f"{self._show(self.high)} is more than {self._what()} can be ({self._hint()})")
        return self

    @classmethod
    def fixed(cls, value: int) -> Self:
        return cls(low=value, high=value, value=value)

    @classmethod
    def _parse_text(cls, text: str) -> dict[str, int]:
        main, _, chosen = text.strip().partition("=")
        low_text, dash, high_text = main.partition("-")
        if dash and not (low_text.strip() and high_text.strip()):
            raise ValueError(f'"{text}" is not {cls._what()} ({cls._hint()})')
        high = cls._parse_one(high_text or low_text, text)
        low = cls._parse_one(cls._borrow_unit(low_text, high_text), text) if dash else high
        if chosen and not dash:
            raise ValueError(f'"{text}": a chosen value needs a range to choose from')
        value = cls._parse_one(chosen, text) if chosen else low
        return {"low": low, "high": high, "value": value}

    @staticmethod
    def _borrow_unit(low_text: str, high_text: str) -> str:
        """In ``30-45s`` the unit on the right end also applies to the bare left end."""
        unit = re.search(r"[a-z]+$", high_text.strip().lower())
        if unit and low_text.strip().isdigit():
            return low_text.strip() + unit.group()
        return low_text

    @classmethod
    def _parse_one(cls, part: str, whole: str) -> int:
        raise NotImplementedError

    @classmethod
    def _what(cls) -> str:
        raise NotImplementedError

    @classmethod
    def _hint(cls) -> str:
        raise NotImplementedError

    @classmethod
    def _show(cls, value: int) -> str:
        return str(value)

    @classmethod
    def _largest(cls) -> int:
        raise NotImplementedError

    @property
    def is_range(self) -> bool:
        return self.low != self.high

    def choose(self, value: int) -> Self:
        """Pick a value; outside the range (or with no range) it becomes the new fixed value."""
        if self.is_range and self.low <= value <= self.high:
            return type(self)(low=self.low, high=self.high, value=value)
        return type(self).fixed(value)

    def to_text(self) -> str:
        if not self.is_range:
            return self._show(self.value)
        text = f"{self._show(self.low)}-{self._show(self.high)}"
        if self.value != self.low:
            text += f"={self._show(self.value)}"
        return text


class DurationSpan(_Span):
    """Seconds, written like ``40s``, ``30-45s`` or ``30-45s=40s``."""

    @classmethod
    def _parse_one(cls, part: str, _whole: str) -> int:
        return parse_duration(part)

    @classmethod
    def _what(cls) -> str:
        return "a duration"

    @classmethod
    def _hint(cls) -> str:
        return "try 40s, 2m, 1:30 or 30-45s"

    @classmethod
    def _largest(cls) -> int:
        return MAX_DURATION_S

    @classmethod
    def _show(cls, value: int) -> str:
        return format_duration(value)


class RepSpan(_Span):
    """A repeat count, written like ``8`` or ``6-10``."""

    @classmethod
    def _parse_one(cls, part: str, whole: str) -> int:
        cleaned = part.strip()
        if not cleaned.isdigit():
            raise ValueError(f'"{whole}" is not a rep count ({cls._hint()})')
        return int(cleaned)

    @classmethod
    def _what(cls) -> str:
        return "a rep count"

    @classmethod
    def _hint(cls) -> str:
        return "try 8 or 6-10"

    @classmethod
    def _largest(cls) -> int:
        return MAX_REPS
