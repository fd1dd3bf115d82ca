"""The picker's quick-edit fields, read as text and shown when empty."""

from __future__ import annotations

import pytest

from runtimer.config.settings import Settings
from runtimer.errors import UserError
from runtimer.plan.loader import Entry
from runtimer.plan.overrides import Overrides
from runtimer.plan.textsyntax import parse_workout_text
from runtimer.session.prepare import prepare
from runtimer.tui.quick_edits import overrides_from, shown_when_empty


def test_typed_fields_are_the_edits_and_empty_ones_edit_nothing() -> None:
    texts = {"reps": " 8 ", "sprint": "45s", "jog": "", "warmup": "1:30", "cooldown": "  "}
    assert overrides_from(texts) == Overrides(reps=8, sprint=45, warmup=90)
    assert overrides_from({}) == Overrides()


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("reps", "0", 'reps: "0" is not a rep count'),
        ("reps", "six", 'reps: "six"'),
        ("cooldown", "5x", "cool-down: "),
    ],
)
def test_a_mistake_names_its_field(field: str, text: str, message: str) -> None:
    with pytest.raises(UserError) as caught:
        overrides_from({field: text})
    assert str(caught.value).startswith(message)


def test_an_empty_field_shows_every_value_that_will_run() -> None:
    workout = parse_workout_text("5m warmup, 3x(30s sprint, 2m jog), 2x(45s sprint, 90s jog)")
    prepared = prepare(Entry(workout, "one-line"), Overrides(), Settings(), [], False, None, None)
    shown = {
        field: shown_when_empty(prepared, field) for field in ("reps", "sprint", "jog", "warmup", "cooldown")
    }
    assert shown == {
        "reps": "2/3",
        "sprint": "00:30/00:45",
        "jog": "01:30/02:00",
        "warmup": "05:00",
        "cooldown": "-",
    }
