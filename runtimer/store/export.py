"""History out of the app: JSON for programs, CSV for spreadsheets, the cells of a history table.

Pure functions from records to text ending in a newline; the CLI decides
between a file and stdout. Records are written in the order given, which from
:meth:`SessionStore.sessions` is newest first.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import tzinfo
from typing import Any

from runtimer.plan.durations import format_clock, format_duration
from runtimer.plan.text import visible
from runtimer.records import SessionRecord

SESSION_COLUMNS = (
    ("session_id", "id"),
    ("started_at", "started_at"),
    ("ended_at", "ended_at"),
    ("workout", "workout"),
    ("status", "status"),
    ("reps_done", "reps_done"),
    ("reps_planned", "reps_planned"),
    ("rest_s", "rest_s"),
    ("rest_adjust_s", "rest_adjust_s"),
    ("gassed", "gassed"),
    ("notes", "notes"),
    ("plan_text", "plan_text"),
    ("plan_day", "plan_day"),
)
PHASE_COLUMNS = (
    "position",
    "kind",
    "rep",
    "planned_s",
    "actual_s",
    "split_s",
    "target_split_s",
    "laps",
    "started_s",
    "distance_m",
    "ended_by",
)
"""Every phase field but its pauses (a list of spans: the JSON export has them), new ones last so a
sheet built on the old columns keeps its places."""


def sessions_json(records: Sequence[SessionRecord]) -> str:
    """A JSON array of :meth:`SessionRecord.to_json_dict`, phases nested in each session."""
    return json.dumps([record.to_json_dict() for record in records], indent=2) + "\n"


def sessions_csv(records: Sequence[SessionRecord]) -> str:
    """One row per phase, with its session's columns repeated on every row.

    A spreadsheet wants one rectangular table it can filter by workout or pivot
    by date and kind; two sections in one file would import as a single sheet
    with a second header row in the middle of the data. A session that recorded
    no phase still gets a row, its phase columns empty, so it is not lost.

    Text cells are made safe to open (see :func:`_text_cell`); numbers stay numbers.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([header for header, _ in SESSION_COLUMNS] + list(PHASE_COLUMNS))
    for record in records:
        data = record.to_json_dict()
        session = [_cell(data[key]) for _, key in SESSION_COLUMNS]
        for phase in data["phases"] or [{}]:
            writer.writerow(session + [_cell(phase.get(column)) for column in PHASE_COLUMNS])
    return out.getvalue()


def _cell(value: Any) -> Any:
    """Spreadsheets read ``true``/``false`` as booleans and an empty cell as missing.

    A phase's laps share one cell, space-separated, so the table keeps a row per phase.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):  # a timed phase's laps, in order, in one cell
        return " ".join(str(item) for item in value)
    if isinstance(value, str):
        return _text_cell(value)
    return value


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection")."""


def _text_cell(text: str) -> str:
    """A workout named ``=HYPERLINK(...)`` must open as text, not as a live formula.

    OWASP's advice: a cell that starts like a formula gets a single quote in
    front, which spreadsheets take as "this is text" and do not show. Control
    characters are written out visibly, as everywhere runtimer prints stored text.
    """
    if text.startswith(FORMULA_STARTS):
        text = "'" + text
    return visible(text)


HISTORY_COLUMNS = ("DATE", "WORKOUT", "STATUS", "REPS", "REST", "GASSED")


def history_row(record: SessionRecord, tz: tzinfo | None = None) -> tuple[str, ...]:
    """One session as the history table and the history screen show it.

    Rest is the recovery the session ended with (the number progression builds
    on), in the countdown's ``MM:SS``; in brackets, how far the runner moved it
    during the session, written the way quick edits are (``-15s``).
    """
    return (
        f"{record.started_at.astimezone(tz):%Y-%m-%d %H:%M}",
        record.workout,
        record.status,
        reps_text(record),
        _rest(record),
        {True: "yes", False: "no", None: "-"}[record.gassed],
    )


def reps_text(record: SessionRecord) -> str:
    return f"{record.reps_done}/{record.reps_planned}" if record.reps_planned else "-"


def _rest(record: SessionRecord) -> str:
    if record.rest_s is None:
        return "-"
    text = format_clock(record.rest_s)
    if record.rest_adjust_s:
        sign = "+" if record.rest_adjust_s > 0 else "-"
        text += f" ({sign}{format_duration(abs(record.rest_adjust_s))})"
    return text
