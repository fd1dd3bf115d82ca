"""The rest keys' policy on its own: a step at a time, a floor, and a "+" that gives back what a "-" took."""

from __future__ import annotations

import pytest

from runtimer.engine.rests import RestChange, RestPolicy
from runtimer.engine.tuning import EngineSettings
from runtimer.plan.phases import Phase, expand
from runtimer.plan.textsyntax import parse_workout_text

SETTINGS = EngineSettings(rest_step_s=15, rest_floor_s=30)


def phases_of(text: str) -> list[Phase]:
    return list(expand(parse_workout_text(text)))


def applied(phases: list[Phase], policy: RestPolicy, index: int, direction: int) -> list[Phase]:
    """What the engine does with a change: the new lengths, and the undo record kept."""
    change = policy.change(phases, index, direction)
    assert isinstance(change, RestChange), change
    policy.done(change)
    lengths = {**change.lengths, **({} if change.running is None else {index: change.running})}
    return [p.replace(duration=lengths.get(i, p.duration)) for i, p in enumerate(phases)]


def rests(phases: list[Phase]) -> list[float | None]:
    return [p.duration for p in phases if p.is_recovery]


def test_the_keys_move_the_rest_running_and_every_later_one_but_not_a_warm_up_walk() -> None:
    phases = phases_of("2m walk, 3x(30s sprint, 2m jog)")
    policy = RestPolicy(phases, SETTINGS)
    assert policy.targets(phases, 0) == [2, 4, 6], "the warm-up walk is not a rest between reps"
    assert policy.targets(phases, 4) == [4, 6]
    assert policy.rest_now(phases, 3) == 120
    shorter = applied(phases, policy, 3, -1)
    assert rests(shorter) == [120, 105, 105]
    assert shorter[0].duration == 120


def test_in_sets_the_keys_move_the_rests_between_reps_and_leave_the_rest_between_sets() -> None:
    phases = phases_of("2x(2x(30s sprint, 1m jog), 4m rest)")
    policy = RestPolicy(phases, SETTINGS)
    assert [phases[i].kind.value for i in policy.targets(phases, 0)] == ["jog"] * 4
    shorter = applied(phases, policy, 0, -1)
    assert [p.duration for p in shorter if p.kind.value != "sprint"] == [45, 45, 240, 45, 45, 240]


def test_not_below_the_floor_nor_below_a_plan_shorter_than_it() -> None:
    phases = phases_of("2x(30s sprint, 40s jog, 30s sprint, 20s rest)")
    policy = RestPolicy(phases, SETTINGS)
    once = applied(phases, policy, 0, -1)
    assert rests(once) == [30, 20, 30, 20], "40 s stops at the floor; 20 s, planned under it, stays"
    refused = policy.change(once, 0, -1)
    assert refused == "can't shorten: rests are at the 30 s floor"
    assert not policy.can_shorten(once, 0)


def test_a_plan_all_under_the_floor_says_so() -> None:
    phases = phases_of("2x(10s sprint, 20s rest)")
    policy = RestPolicy(phases, SETTINGS)
    assert policy.change(phases, 0, -1) == "can't shorten: rests are as planned, under the 30 s floor"
    longer = applied(phases, policy, 0, +1)
    assert rests(longer) == [35, 35]
    assert policy.can_shorten(longer, 0), "a rest raised above its own plan can come back down"
    assert rests(applied(longer, policy, 0, -1)) == [20, 20], "down to its plan, not to the floor"


def test_too_hard_after_not_gassed_gives_back_what_was_taken_once() -> None:
    phases = phases_of("2x(30s sprint, 40s jog)")
    policy = RestPolicy(phases, SETTINGS)
    cut = applied(phases, policy, 0, -1)
    assert rests(cut) == [30, 30]
    back = applied(cut, policy, 0, +1)
    assert rests(back) == [40, 40], "the floor took 10 s, so 10 s comes back"
    assert rests(applied(back, policy, 0, +1)) == [55, 55], "only once: then a whole step"


def test_a_refused_minus_keeps_the_last_one_to_undo() -> None:
    phases = phases_of("2x(30s sprint, 40s jog)")
    policy = RestPolicy(phases, SETTINGS)
    cut = applied(phases, policy, 0, -1)
    assert isinstance(policy.change(cut, 0, -1), str)
    assert rests(applied(cut, policy, 0, +1)) == [40, 40]


def test_a_rest_the_minus_did_not_leave_gets_a_whole_step() -> None:
    phases = phases_of("2x(30s sprint, 60s jog)")
    policy = RestPolicy(phases, SETTINGS)
    cut = applied(phases, policy, 0, -1)
    moved = [p.replace(duration=50.0) if i == 3 else p for i, p in enumerate(cut)]  # retimed since
    assert rests(applied(moved, policy, 0, +1)) == [60, 65]


def test_an_added_rep_is_cut_as_the_rep_it_copies() -> None:
    phases = phases_of("2x(30s sprint, 40s jog)")
    policy = RestPolicy(phases, SETTINGS)
    cut = applied(phases, policy, 0, -1)
    grown = [*cut, cut[2].replace(rep=3, reps=3), cut[3].replace(rep=3, reps=3)]
    policy.rep_added(block=1, copied_rep=2, new_rep=3)
    assert rests(applied(grown, policy, 0, +1)) == [40, 40, 40]


@pytest.mark.parametrize(("plan", "index"), [("10m run", 0), ("2x(30s sprint, 1m jog), 5m cooldown", 4)])
def test_no_rest_left(plan: str, index: int) -> None:
    phases = phases_of(plan)
    policy = RestPolicy(phases, SETTINGS)
    assert policy.change(phases, index, -1) == "no rest left to change"
    assert policy.change(phases, index, +1) == "no rest left to change"
    assert policy.rest_now(phases, index) is None
