"""Frozen values behave as frozen dataclasses do, for every use runtimer makes of them."""

from __future__ import annotations

import copy
import pickle
from typing import ClassVar

import pytest

from runtimer.plan.frozen import Frozen


class Point(Frozen):
    x: int
    y: int = 0
    """A field's docstring, as the codebase writes them."""
    LIMIT: ClassVar[int] = 10

    @property
    def far(self) -> bool:
        return abs(self.x) > self.LIMIT


class Labelled(Point):
    label: str = ""


class Checked(Frozen):
    value: float

    def __post_init__(self) -> None:
        if self.value < 0:
            raise ValueError("negative")


class Empty(Frozen):
    pass


def test_fields_by_position_keyword_and_default() -> None:
    assert (Point(1, 2).x, Point(1, 2).y) == (1, 2)
    assert Point(x=3).y == 0
    assert Point.LIMIT == 10 and Point(11).far
    assert Labelled(1, label="a") == Labelled(x=1, y=0, label="a")


def test_equal_by_class_and_fields_and_hashable() -> None:
    assert Point(1, 2) == Point(1, 2)
    assert Point(1, 2) != Point(2, 1)
    assert Point(1, 0) != Labelled(1, 0, "")
    assert Empty() == Empty() and Empty() != Point(0)
    assert len({Point(1, 2), Point(1, 2), Point(2, 2)}) == 2


def test_frozen() -> None:
    point = Point(1)
    with pytest.raises(AttributeError):
        point.x = 5  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del point.x
    with pytest.raises(AttributeError):
        point.z = 1


def test_wrong_arguments_are_refused() -> None:
    with pytest.raises(TypeError, match="missing field 'x'"):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1, 2, 3)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1, x=2)  # type: ignore[misc]
    with pytest.raises(TypeError):
        Point(1, z=2)  # type: ignore[call-arg]


def test_post_init_checks_every_instance() -> None:
    assert Checked(1.5).value == 1.5
    with pytest.raises(ValueError, match="negative"):
        Checked(-1)
    with pytest.raises(ValueError, match="negative"):
        Checked(1).replace(value=-2)


def test_repr_replace_match_copy_and_pickle() -> None:
    point = Labelled(1, 2, "a")
    assert repr(point) == "Labelled(x=1, y=2, label='a')"
    assert point.replace(y=5) == Labelled(1, 5, "a")
    with pytest.raises(TypeError):
        point.replace(z=1)
    match point:
        case Labelled(1, y, label="a"):
            assert y == 2
        case _:
            pytest.fail("the class pattern did not match")
    assert copy.copy(point) == point and copy.deepcopy(point) == point
    assert pickle.loads(pickle.dumps(point)) == point
