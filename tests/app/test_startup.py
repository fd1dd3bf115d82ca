"""Start-up runs with the cyclic garbage collector parked, and the first frame brings it back."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.support.app_fixtures import AppBuilder, settle


def run_python(code: str) -> str:
    """In a fresh interpreter: freezing pytest's own heap would leak it for the rest of the run."""
    argv = [sys.executable, "-c", code]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=True)
    return done.stdout.strip()


def test_the_command_runs_the_cli_with_collection_parked() -> None:
    code = (
        "import gc, sys\n"
        "import runtimer.entry as startup\n"
        "seen = []\n"
        "def spy(argv=None):\n"
        "    seen.append(gc.isenabled())\n"
        "    return 0\n"
        "import runtimer.cli.main\n"
        "runtimer.cli.main.main = spy\n"
        "print(startup.main(), seen)\n"
    )
    assert run_python(code) == "0 [False]"


def test_the_first_frame_freezes_start_up_and_collects_again() -> None:
    code = (
        "import gc\n"
        "from runtimer.launch import end_start_up\n"
        "gc.disable()\n"
        "end_start_up()\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 0)\n"
    )
    assert run_python(code) == "True True"


@pytest.mark.parametrize("start", [None, "3x(20s sprint, 60s jog)"], ids=["picker", "session"])
async def test_the_app_reports_its_first_frame_once(build: AppBuilder, start: str | None) -> None:
    app, clock, _, _ = build(start)
    calls: list[int] = []
    app.first_frame_shown = lambda: calls.append(len(app.screen_stack))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, clock)
        await pilot.press("question_mark")
        await settle(pilot, clock)
    assert calls == [2]


DEFERRED = (
    "runtimer.tui.screens.picker",
    "runtimer.tui.screens.summary",
    "runtimer.tui.screens.help",
    "runtimer.tui.screens.confirm",
    "runtimer.tui.screens.history",
    "runtimer.tui.widgets.touch",
    "runtimer.store.export",
    "runtimer.coach.guidance",
    "textual.widgets._data_table",
    "runtimer.interop",
    "runtimer.cli.interop",
    "garmin_fit_sdk",
    "runtimer.config.goal_file",
    "runtimer.coach.planner",
    "runtimer.coach.schedule",
    "runtimer.config.plan_file",
    "runtimer.cli.plan_calendar",
    "runtimer.tui.widgets.plan_week",
    "runtimer.coach.goal",
    "runtimer.coach.vdot",
)
"""What ``runtimer run`` never needs before its first frame, so does not import until it is shown:
the other screens, the dialogs' buttons, the history's writers and tables, the rest-day coach,
the file formats of other tools (with Garmin's FIT SDK), and the goal's and the training plan's
files and code (read only when those files exist)."""

PICKER_DEFERRED = tuple(
    name
    for name in DEFERRED
    if name not in ("runtimer.tui.screens.picker", "runtimer.coach.guidance", "textual.widgets._data_table")
)
"""The picker shows the list, the rest-day advice and the preview table; without a goal or a plan
the rest waits as it does for a session (the history screen until ``h``)."""


def test_a_session_start_up_leaves_the_later_screens_and_the_export_unimported() -> None:
    code = (
        "import sys\n"
        "import runtimer.cli.main, runtimer.launch, runtimer.tui.screens.session\n"
        "runtimer.cli.main.build_parser()\n"
        f"print(','.join(m for m in {DEFERRED!r} if m in sys.modules))\n"
    )
    assert run_python(code) == ""


def test_the_picker_without_a_goal_or_plan_leaves_their_code_and_the_history_screen_unimported() -> None:
    code = (
        "import sys\n"
        "import runtimer.cli.main, runtimer.launch, runtimer.tui.screens.picker\n"
        "runtimer.cli.main.build_parser()\n"
        f"print(','.join(m for m in {PICKER_DEFERRED!r} if m in sys.modules))\n"
    )
    assert run_python(code) == ""


def test_pydantic_plugins_are_off_unless_the_runner_set_them(monkeypatch: pytest.MonkeyPatch) -> None:
    code = (
        "import os, runtimer.entry as startup, runtimer.cli.main\n"
        "runtimer.cli.main.main = lambda argv=None: 0\n"
        "startup.main()\n"
        "print(os.environ['PYDANTIC_DISABLE_PLUGINS'])\n"
    )
    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    assert run_python(code) == "__all__"
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "logfire")
    assert run_python(code) == "logfire"
