"""The picker's quick edits as text fields: what each field's text means, and what it shows when
left empty (what will run), so an empty field reads as "as shown"."""

from __future__ import annotations

from collections.abc import Mapping

from runtimer.errors import UserError
from runtimer.plan.durations import format_clock, parse_duration
from runtimer.plan.overrides import Overrides
from runtimer.session.prepare import PreparedSession

EDITS = (
    ("reps", "reps"),
    ("sprint", "sprint"),
    ("jog", "jog"),
    ("warmup", "warm-up"),
    ("cooldown", "cool-down"),
)
"""(field, label): the fields in the order the picker shows them."""


def overrides_from(texts: Mapping[str, str]) -> Overrides:
    """The edits typed, by field; an empty field edits nothing. A mistake names the field."""
    values: dict[str, int] = {}
    for field, label in EDITS:
        text = texts.get(field, "").strip()
        if not text:
            continue
        try:
            if field == "reps":
                if not text.isdigit() or int(text) <= 0:
                    raise ValueError(f'"{text}" is not a rep count')
                values[field] = int(text)
            else:
                values[field] = parse_duration(text)
        except ValueError as error:
            raise UserError(f"{label}: {error}") from None
    return Overrides(**values)


def shown_when_empty(prepared: PreparedSession, field: str) -> str:
    """What runs now for ``field``: every value it has in the session (``6``, ``0:30/0:45``), or "-"."""
    if field == "reps":
        reps = {p.reps for p in prepared.phases if p.reps}
        return "/".join(str(r) for r in sorted(reps)) or "-"
    values = {p.duration for p in prepared.phases if p.kind.value == field and p.duration}
    return "/".join(format_clock(v) for v in sorted(values)) or "-"
