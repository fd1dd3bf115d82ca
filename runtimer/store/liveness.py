"""Who else is using the history right now, so crash recovery spares live sessions.

Every open store holds a shared ``flock`` on ``history.sqlite3.live`` for its
lifetime. A session left ``running`` is only abandoned when no other runtimer
holds that lock: then, and only then, opening the store may mark it stopped.
The kernel drops the lock with the process, so a crash or SIGKILL leaves no
stale owner behind, unlike a pid file.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path


class LiveLock:
    def __init__(self, database: Path) -> None:
        self._fd: int | None = os.open(
            database.with_name(database.name + ".live"), os.O_RDWR | os.O_CREAT, 0o644
        )

    def alone(self) -> bool:
        """Try for the lock alone; true when no other open store holds it.

        On true the caller holds it exclusively, so no runtimer can start a
        session until :meth:`share` is called after recovery.
        """
        assert self._fd is not None, "the lock was released"
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fcntl.flock(self._fd, fcntl.LOCK_SH)
            return False
        return True

    def share(self) -> None:
        """From exclusive to shared: other runtimers may open the history now."""
        assert self._fd is not None, "the lock was released"
        fcntl.flock(self._fd, fcntl.LOCK_SH)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
