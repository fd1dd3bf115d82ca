"""``runtimer history`` and ``runtimer export``: the training log, read from the command line.

Both commands open the store the way the app does, so a damaged file is moved
aside and reported here too. If history cannot be opened at all they say why
and exit 1 rather than print an empty list: "no sessions" would be a lie, and
an export script would quietly write an empty backup.

The table, CSV and JSON writers are imported by the two commands themselves:
every launch of runtimer imports this module to build its parser.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date, tzinfo
from pathlib import Path
from typing import TypeVar

from runtimer.cli.table import print_line, text_table
from runtimer.errors import USAGE_ERROR, UserError
from runtimer.records import SessionRecord
from runtimer.store.null import HistoryStore, NullStore, open_store

HISTORY_UNAVAILABLE = 1
"""History could not be opened (no permission, a newer runtimer's file): not the user's typo."""
FORMATS = ("csv", "json", "fit", "tcx")
"""CSV and JSON put the sessions in one text; FIT and TCX are a file per session, for a training log."""

_ParserT = TypeVar("_ParserT", bound=argparse.ArgumentParser)


def add_history_commands(commands: argparse._SubParsersAction[_ParserT]) -> None:
    """Add ``history`` and ``export``; the CLI's parser class keeps their usage errors to one line."""
    history = commands.add_parser("history", help="list past sessions, newest first")
    history.add_argument("--json", action="store_true", help="print JSON instead of a table")
    history.add_argument("--limit", type=_count_argument, metavar="N", help="only the newest N sessions")
    history.set_defaults(handler=_history)

    export = commands.add_parser(
        "export", help="write sessions as CSV or JSON, or as FIT or TCX activities for a training log"
    )
    export.add_argument("--format", required=True, choices=FORMATS, help="csv, json, fit or tcx")
    export.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="PATH",
        help="csv/json: a file, not stdout; fit/tcx: a folder (default: here), or a file for one session",
    )
    export.add_argument("--session", type=_count_argument, metavar="ID", help="only the session with this id")
    export.add_argument(
        "--since", type=_date_argument, metavar="DATE", help="only sessions from DATE on (2025-03-01)"
    )
    export.set_defaults(handler=_export)


MAX_COUNT = 1_000_000


def _count_argument(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) <= MAX_COUNT:
        raise argparse.ArgumentTypeError(f'"{text}" is not a count (a whole number from 1 to {MAX_COUNT})')
    return int(text)


def _date_argument(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{text}" is not a date (YYYY-MM-DD, like 2025-03-01)') from None


def _history(args: argparse.Namespace) -> int:
    from runtimer.store.export import sessions_json

    records = _read(limit=args.limit)
    if records is None:
        return HISTORY_UNAVAILABLE
    sys.stdout.write(sessions_json(records) if args.json else history_table(records))
    return 0


def _export(args: argparse.Namespace) -> int:
    from runtimer.store.export import sessions_csv, sessions_json

    records = _read(limit=None)
    if records is None:
        return HISTORY_UNAVAILABLE
    records = _chosen(records, args.session, args.since)
    if args.format in ("fit", "tcx"):
        from runtimer.cli.interop import export_activities

        return export_activities(records, args.format, args.output, one=args.session is not None)
    text = sessions_csv(records) if args.format == "csv" else sessions_json(records)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        # newline="": the CSV module already chose "\n"; no second translation.
        with args.output.open("w", encoding="utf-8", newline="") as file:
            file.write(text)
    except OSError as error:
        print_line(f"runtimer export: cannot write {args.output}: {error.strerror or error}", sys.stderr)
        return USAGE_ERROR
    return 0


def _chosen(records: list[SessionRecord], session: int | None, since: date | None) -> list[SessionRecord]:
    """The sessions asked for: one by id (a :class:`UserError` if there is none), or those since a day."""
    if session is not None:
        records = [record for record in records if record.id == session]
        if not records:
            raise UserError(f"--session {session}: no such session (runtimer history lists them)")
    if since is not None:
        records = [record for record in records if record.started_at.astimezone().date() >= since]
    return records


def _read(limit: int | None) -> list[SessionRecord] | None:
    """Sessions newest first, or ``None`` when history is off; every notice goes to stderr.

    Note that opening the store marks sessions still "running" as stopped (its
    crash recovery), including one that another runtimer is running right now;
    that runtimer's own finish puts the status right.
    """
    store: HistoryStore = open_store()
    try:
        records = store.sessions(limit)
        for notice in store.take_notices():
            print_line(f"runtimer: {notice}", sys.stderr)
    finally:
        store.close()
    return None if isinstance(store, NullStore) else records


NO_SESSIONS = "No sessions yet."


def history_table(records: Sequence[SessionRecord], tz: tzinfo | None = None) -> str:
    """The ``runtimer history`` listing, in the runner's local time (or ``tz``)."""
    from runtimer.store.export import HISTORY_COLUMNS, history_row

    if not records:
        return NO_SESSIONS + "\n"
    rows = [HISTORY_COLUMNS, *(history_row(record, tz) for record in records)]
    return "\n".join(text_table(rows)) + "\n"
