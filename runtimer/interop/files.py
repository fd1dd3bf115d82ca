"""Activity files on disk: their names, and writes a sync tool never sees half done.

A runner points Garmin Express, SyncBackup, a Dropbox folder or a watch's
``NewFiles`` at runtimer's output, so a file appears whole or not at all:
it is written beside its final name and renamed into place.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from runtimer.config.settings import ActivityFormat
from runtimer.errors import UserError
from runtimer.interop.activity import activity
from runtimer.records import SessionRecord

FILE_MODE = 0o644
"""As a plain write would leave it for a sync tool or a file manager (mkstemp's own is 0600)."""


def activity_bytes(record: SessionRecord, fmt: ActivityFormat) -> bytes:
    """The session as a FIT or TCX file; a session still running or with no phase is a :class:`UserError`."""
    run = activity(record)
    if fmt == "fit":
        from runtimer.interop.fit_activity import activity_fit

        return activity_fit(run)
    from runtimer.interop.tcx import activity_tcx

    return activity_tcx(run).encode("utf-8")


def activity_file_name(record: SessionRecord, fmt: ActivityFormat) -> str:
    """``2025-03-01-0615-intervals-17.fit``: sorts by date, says what it was, and the id keeps it unique."""
    return f"{record.started_at.astimezone():%Y-%m-%d-%H%M}-{slug(record.workout)}-{record.id}.{fmt}"


def slug(name: str) -> str:
    """A file-name-safe form of a workout name: ``intervals (own rest)`` -> ``intervals-own-rest``."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "workout"


def write_activity(
    record: SessionRecord, fmt: ActivityFormat, folder: Path, path: Path | None = None
) -> Path:
    """Write the session into ``folder`` under its own name (or to ``path``); return where it went."""
    target = path or folder / activity_file_name(record, fmt)
    write_atomically(target, activity_bytes(record, fmt))
    return target


def write_atomically(target: Path, data: bytes) -> None:
    """Beside the target, then renamed over it; a failure is a :class:`UserError` naming the place."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        try:
            os.fchmod(descriptor, FILE_MODE)
            with os.fdopen(descriptor, "wb") as file:
                file.write(data)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise UserError(f"cannot write {target}: {error.strerror or error}") from None
